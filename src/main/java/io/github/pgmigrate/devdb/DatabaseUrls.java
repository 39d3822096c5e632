package io.github.pgmigrate.devdb;

/** pgjdbc URLs of other databases on the same server. */
final class DatabaseUrls {
    private static final String PREFIX = "jdbc:postgresql:";

    private DatabaseUrls() {
    }

    /** The URL with its database replaced, keeping hosts and parameters. */
    static String withDatabase(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a pgjdbc URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String parameters = query < 0 ? "" : rest.substring(query);
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        if (!beforeQuery.startsWith("//")) {
            return PREFIX + database + parameters;
        }
        int slash = beforeQuery.indexOf('/', 2);
        String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        return PREFIX + hosts + "/" + database + parameters;
    }
}
