package io.github.pgmigrate.status;

import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.history.SupabaseMigration;
import io.github.pgmigrate.revisions.Revision;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Supabase CLI's history next to Atlas's revisions: which versions each tool recorded, and those only one of them
 * did (a database migrated by both tools, or adopted from one, should show none).
 *
 * @param versions     the versions in {@code supabase_migrations.schema_migrations}, in version order
 * @param onlySupabase versions Supabase recorded and Atlas's revisions lack
 * @param onlyAtlas    versions Atlas's revisions hold and Supabase's history lacks
 */
public record SupabaseSideBySide(List<String> versions, List<String> onlySupabase, List<String> onlyAtlas) {
    public SupabaseSideBySide {
        versions = List.copyOf(versions);
        onlySupabase = List.copyOf(onlySupabase);
        onlyAtlas = List.copyOf(onlyAtlas);
    }

    public static SupabaseSideBySide of(List<SupabaseMigration> supabase, List<Revision> atlas) {
        Set<String> atlasVersions = atlas.stream().map(Revision::version).collect(Collectors.toSet());
        List<String> versions = supabase.stream().map(SupabaseMigration::version).sorted(ByteOrder.COMPARATOR)
                .toList();
        Set<String> supabaseVersions = Set.copyOf(versions);
        return new SupabaseSideBySide(versions,
                versions.stream().filter(v -> !atlasVersions.contains(v)).toList(),
                atlas.stream().map(Revision::version).filter(v -> !supabaseVersions.contains(v))
                        .sorted(ByteOrder.COMPARATOR).toList());
    }

    public boolean applied(String version) {
        return versions.contains(version);
    }

    /** Whether some version was recorded by one tool only. */
    public boolean disagrees() {
        return !onlySupabase.isEmpty() || !onlyAtlas.isEmpty();
    }
}
