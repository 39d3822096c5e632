package io.github.pgmigrate.schema.state;

import io.github.pgmigrate.config.ConfigurationException;
import java.nio.file.Path;

/**
 * Where a schema comes from, as written in {@code -Dpgmigrate.state}, {@code from}, {@code to} and {@code schema}: a
 * database ({@code env:NAME} or a URL), desired-schema SQL ({@code file:schema.sql}, {@code file:db/schema}) or the
 * migration directory ({@code dir:}, replayed). SQL and the directory become a schema only on a dev database.
 *
 * @param kind  which of the three
 * @param value the database reference (env:NAME or URL), else null
 * @param path  the SQL file or folder (resolved against the project directory), else null
 */
public record SchemaState(Kind kind, String value, Path path) {

    public enum Kind {
        DATABASE, SQL, MIGRATION_DIRECTORY
    }

    /**
     * @param parameter the parameter that named the state, for the error
     * @param base      what relative {@code file:} paths are resolved against
     */
    public static SchemaState parse(String parameter, String text, Path base) throws ConfigurationException {
        String state = text == null ? "" : text.strip();
        if (state.startsWith("file:")) {
            String location = state.substring("file:".length()).replaceFirst("^//", "");
            if (location.isBlank()) {
                throw new ConfigurationException(parameter + "=file: names no file",
                        "use file:schema.sql (one file) or file:db/schema (a folder of .sql files, run in name order)");
            }
            return new SchemaState(Kind.SQL, null, base.resolve(location).normalize());
        }
        if (state.startsWith("dir:")) {
            if (!state.substring("dir:".length()).replaceFirst("^//", "").isBlank()) {
                throw new ConfigurationException(parameter + "=" + state + ": dir: takes no path",
                        "dir: is the configured migration directory (<dir>, -Dpgmigrate.dir)");
            }
            return new SchemaState(Kind.MIGRATION_DIRECTORY, null, null);
        }
        if (state.startsWith("env:") || state.startsWith("jdbc:postgresql:") || state.startsWith("postgres://")
                || state.startsWith("postgresql://")) {
            return new SchemaState(Kind.DATABASE, state, null);
        }
        throw new ConfigurationException(parameter + " is not a schema state (the value is not repeated: it may hold"
                + " a password)", "use env:NAME, a URL (jdbc:postgresql://…, postgres://…), file:schema.sql,"
                + " file:db/schema or dir:");
    }

    /** Whether this state needs a dev database to become a schema. */
    public boolean needsDevDatabase() {
        return kind != Kind.DATABASE;
    }

    /** The state for messages, without anything a URL may hide. */
    public String describe(Path base) {
        return switch (kind) {
            case DATABASE -> value.startsWith("env:") ? value : "a database URL";
            case SQL -> "file:" + display(base, path);
            case MIGRATION_DIRECTORY -> "dir: (the migration directory, replayed)";
        };
    }

    private static String display(Path base, Path path) {
        return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
    }
}
