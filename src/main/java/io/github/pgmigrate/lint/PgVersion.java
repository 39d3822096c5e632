package io.github.pgmigrate.lint;

import io.github.pgmigrate.config.ConfigurationException;

/**
 * The PostgreSQL version the migrations target. Majors compare numerically ({@code 9.6} is major 9 with minor 6,
 * {@code 17} is major 17 with no minor), which avoids squawk's "11 is older than 11.0" quirk.
 *
 * @param major the major version
 * @param minor the minor version, or -1 when not given
 */
public record PgVersion(int major, int minor) {
    public static final PgVersion DEFAULT = new PgVersion(17, -1);

    /** The {@code pgVersion} parameter. */
    public static PgVersion parse(String text) throws ConfigurationException {
        String[] parts = (text == null ? "" : text.trim()).split("\\.", -1);
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : -1;
            if (major >= 9 && major <= 99 && parts.length <= 3) {
                return new PgVersion(major, minor);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("pgVersion", text, "is not a PostgreSQL version",
                "use a major version such as 17, or major.minor such as 14.3");
    }

    public boolean atLeast(int wantedMajor) {
        return major >= wantedMajor;
    }

    public boolean hasMinor() {
        return minor >= 0;
    }

    @Override
    public String toString() {
        return minor < 0 ? Integer.toString(major) : major + "." + minor;
    }
}
