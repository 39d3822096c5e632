package io.github.pgmigrate.revisions;

/**
 * The {@code type} column of atlas_schema_revisions: bit flags, as Atlas writes them.
 * 1 = baseline, 2 = executed, 4 = manually set (resolved); 6 = executed and then manually set.
 */
public final class RevisionType {
    public static final int BASELINE = 1;
    public static final int EXECUTE = 2;
    public static final int RESOLVED = 4;

    private RevisionType() {
    }

    public static boolean has(long type, int flag) {
        return (type & flag) != 0;
    }

    /** Atlas's text for a type: {@code baseline}, {@code applied}, {@code manually set}, … */
    public static String describe(long type) {
        if (type == BASELINE) {
            return "baseline";
        }
        if (type == EXECUTE) {
            return "applied";
        }
        if (type == RESOLVED) {
            return "manually set";
        }
        if (type == (EXECUTE | RESOLVED)) {
            return "applied + manually set";
        }
        String bits = Long.toBinaryString(type);
        return "unknown (" + "0".repeat(Math.max(0, 4 - bits.length())) + bits + ")";
    }
}
