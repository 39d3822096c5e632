package io.github.pgmigrate.history;

import io.github.pgmigrate.config.ConfigurationException;
import java.util.Locale;

/** Where apply and set record which versions ran: Atlas's revisions table, the Supabase CLI's table, or both. */
public enum HistoryTarget {
    /** {@code atlas_schema_revisions}, as Atlas writes it (the default). */
    ATLAS,
    /** {@code supabase_migrations.schema_migrations}, as {@code supabase db push} writes it. */
    SUPABASE,
    /** Both; Atlas's table is the one read, Supabase's gets a row per completed version. */
    BOTH;

    public static HistoryTarget parse(String value) throws ConfigurationException {
        if (value == null || value.isBlank()) {
            return ATLAS;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "atlas" -> ATLAS;
            case "supabase" -> SUPABASE;
            case "both" -> BOTH;
            default -> throw new ConfigurationException("history", value, "is not one of atlas, supabase, both",
                    "use atlas (Atlas's atlas_schema_revisions), supabase (supabase_migrations.schema_migrations,"
                            + " as supabase db push writes it) or both");
        };
    }

    public boolean writesAtlas() {
        return this != SUPABASE;
    }

    public boolean writesSupabase() {
        return this != ATLAS;
    }

    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
