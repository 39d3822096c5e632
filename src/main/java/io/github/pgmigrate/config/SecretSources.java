package io.github.pgmigrate.config;

import java.util.Map;
import java.util.regex.Pattern;
import org.postgresql.jdbcurlresolver.PgPassParser;

/**
 * Where secrets come from when the configuration does not hold them, so that Maven's {@code -X} parameter dump never
 * shows them: a value written {@code env:NAME} is read from the environment variable NAME, and a missing password is
 * looked up as libpq does it, in {@code PGPASSWORD} and then in the password file ({@code PGPASSFILE}, default
 * {@code ~/.pgpass}, read by pgjdbc's own parser).
 *
 * @param variables    the environment variables
 * @param passwordFile whether to look in the password file
 */
public record SecretSources(Map<String, String> variables, boolean passwordFile) {
    public static final String PREFIX = "env:";
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SecretSources {
        variables = Map.copyOf(variables);
    }

    /** This process's environment and password file. */
    public static SecretSources ofProcess() {
        return new SecretSources(System.getenv(), true);
    }

    /** No environment variables and no password file: only what is configured counts. */
    public static SecretSources none() {
        return new SecretSources(Map.of(), false);
    }

    /** Whether the value is an {@code env:NAME} reference. */
    public static boolean isReference(String value) {
        return value != null && value.strip().startsWith(PREFIX);
    }

    /**
     * The value itself, or for {@code env:NAME} the variable's value.
     *
     * @param parameter the parameter, for the message ({@code password})
     */
    public String resolve(String value, String parameter) throws ConfigurationException {
        if (!isReference(value)) {
            return value;
        }
        String name = value.strip().substring(PREFIX.length());
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw new ConfigurationException(parameter, value, "does not name an environment variable",
                    "write env:NAME, e.g. env:DATABASE_URL (letters, digits and _, not starting with a digit)");
        }
        String resolved = variables.get(name);
        if (resolved == null || resolved.isEmpty()) {
            throw new ConfigurationException(parameter, value, "names the environment variable " + name + ", which"
                    + (resolved == null ? " is not set" : " is empty"),
                    "export " + name + " before running Maven (in GitHub Actions: env: " + name + ": ${{ secrets."
                            + name + " }}), or configure the value another way");
        }
        return resolved;
    }

    /** A password found where libpq would look for it, and where it was found; null when there is none. */
    public FoundPassword libpqPassword(ConnectionTarget target, String user) {
        if (target.isEmbedded()) {
            return null;
        }
        String fromVariable = variables.get("PGPASSWORD");
        if (fromVariable != null && !fromVariable.isEmpty()) {
            return new FoundPassword(fromVariable, "PGPASSWORD");
        }
        if (!passwordFile || user == null) {
            return null;
        }
        String host = target.host().startsWith("[") ? target.host().substring(1, target.host().length() - 1)
                : target.host();
        // libpq's default database is the user's name.
        String database = target.database() != null ? target.database() : user;
        String fromFile = PgPassParser.getPassword(host, String.valueOf(target.port()), database, user);
        return fromFile == null ? null : new FoundPassword(fromFile, "the password file (PGPASSFILE or ~/.pgpass)");
    }

    /**
     * @param password the password; never log it
     * @param source   where it was found, safe to print
     */
    public record FoundPassword(String password, String source) {
        @Override
        public String toString() {
            return "FoundPassword[" + source + "]";
        }
    }
}
