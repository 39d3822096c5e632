package io.github.pgmigrate.revisions;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code operator_version} pgmigrate writes: {@code pgmigrate <version>}, like Atlas's {@code Atlas CLI <v>}. */
public final class OperatorVersion {
    private static final String POM_PROPERTIES =
            "/META-INF/maven/io.github.pgmigrate/pgmigrate-maven-plugin/pom.properties";

    private OperatorVersion() {
    }

    public static String current() {
        return "pgmigrate " + pluginVersion();
    }

    /** The plugin's version from its jar, or {@code - development} when running from classes (tests). */
    public static String pluginVersion() {
        try (InputStream in = OperatorVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through: a missing version is not worth failing a migration for
        }
        return "- development";
    }
}
