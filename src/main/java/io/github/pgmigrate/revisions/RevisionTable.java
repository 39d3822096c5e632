package io.github.pgmigrate.revisions;

import io.github.pgmigrate.database.SqlLiterals;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code atlas_schema_revisions} table, exactly as Atlas creates and writes it, in one schema. Every statement
 * names it schema-qualified, so nothing depends on {@code search_path} (which poolers drop).
 */
public final class RevisionTable {
    public static final String TABLE = "atlas_schema_revisions";
    /** Atlas Cloud's bookkeeping row; never a migration. */
    public static final String CLOUD_IDENTIFIER = ".atlas_cloud_identifier";

    private static final String COLUMNS = "version, description, type, applied, total, executed_at, execution_time,"
            + " error, error_stmt, hash, partial_hashes, operator_version";

    private final String schema;

    public RevisionTable(String schema) {
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    /** {@code "schema"."atlas_schema_revisions"}. */
    public String qualifiedName() {
        return SqlLiterals.identifier(schema) + "." + SqlLiterals.identifier(TABLE);
    }

    /** The DDL Atlas (through Ent) creates, schema-qualified. */
    public String createTableSql() {
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " ("
                + "\"version\" character varying NOT NULL, "
                + "\"description\" character varying NOT NULL, "
                + "\"type\" bigint NOT NULL DEFAULT 2, "
                + "\"applied\" bigint NOT NULL DEFAULT 0, "
                + "\"total\" bigint NOT NULL DEFAULT 0, "
                + "\"executed_at\" timestamptz NOT NULL, "
                + "\"execution_time\" bigint NOT NULL, "
                + "\"error\" text NULL, "
                + "\"error_stmt\" text NULL, "
                + "\"hash\" character varying NOT NULL, "
                + "\"partial_hashes\" jsonb NULL, "
                + "\"operator_version\" character varying NOT NULL, "
                + "PRIMARY KEY (\"version\"))";
    }

    public boolean schemaExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether the table exists; read from pg_catalog, which (unlike information_schema) ignores privileges. */
    public boolean exists(Connection connection) throws SQLException {
        return exists(connection, schema);
    }

    static boolean exists(Connection connection, String schemaName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
            statement.setString(1, schemaName);
            statement.setString(2, TABLE);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The statements that create the schema (only if it is missing: {@code CREATE SCHEMA IF NOT EXISTS} still needs
     * the CREATE privilege on the database, which managed services deny) and the table.
     */
    public List<String> createStatements(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        if (!schemaExists(connection)) {
            statements.add("CREATE SCHEMA IF NOT EXISTS " + SqlLiterals.identifier(schema));
        }
        statements.add(createTableSql());
        statements.add(restrictSql());
        return statements;
    }

    /**
     * Keeps the history to its owner: revokes every privilege that default privileges gave other roles (Supabase
     * grants {@code anon} and {@code authenticated} everything on new tables in {@code public}), and where those
     * Supabase roles exist also enables row level security, so a later {@code GRANT … ON ALL TABLES} still shows them
     * no row. The owner (and roles with BYPASSRLS, as Supabase's {@code postgres}) is not affected.
     */
    public String restrictSql() {
        String table = SqlLiterals.string(qualifiedName());
        String tag = "$pgmigrate_restrict$";
        return "DO " + tag + " DECLARE grantee text; BEGIN"
                + " FOR grantee IN SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname)"
                + " END FROM pg_catalog.pg_class c CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a"
                + " LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee"
                + " WHERE c.oid = " + table + "::regclass AND a.grantee <> c.relowner"
                + " LOOP EXECUTE 'REVOKE ALL ON ' || " + table + " || ' FROM ' || grantee; END LOOP;"
                + " IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname IN ('anon', 'authenticated')) THEN"
                + " EXECUTE 'ALTER TABLE ' || " + table + " || ' ENABLE ROW LEVEL SECURITY'; END IF; END " + tag;
    }

    /** All revisions except Atlas Cloud's identifier row, in the database's order of versions (as Atlas reads them). */
    public List<Revision> readAll(Connection connection) throws SQLException {
        List<Revision> revisions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                + qualifiedName() + " WHERE version <> ? ORDER BY version")) {
            statement.setString(1, CLOUD_IDENTIFIER);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    revisions.add(read(rs));
                }
            }
        }
        return revisions;
    }

    public Optional<Revision> read(Connection connection, String version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                + qualifiedName() + " WHERE version = ?")) {
            statement.setString(1, version);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Revision read(ResultSet rs) throws SQLException {
        return new Revision(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getObject(6, OffsetDateTime.class), rs.getLong(7), rs.getString(8), rs.getString(9),
                rs.getString(10), parseHashes(rs.getString(11)), rs.getString(12));
    }

    private static List<String> parseHashes(String json) throws SQLException {
        if (json == null || json.equals("null")) {
            return null;
        }
        try {
            return HashListJson.parse(json);
        } catch (IOException e) {
            throw new SQLException("partial_hashes is not a JSON array of strings: " + json, e);
        }
    }

    /** Atlas's upsert (Ent's ON CONFLICT … UpdateNewValues) with every value as a literal. */
    public String upsertSql(Revision revision) {
        return upsertSql(revision, SqlLiterals.timestamp(revision.executedAt()),
                Long.toString(revision.executionTimeNanos()));
    }

    /**
     * The upsert for a row written at the end of a transaction: {@code executed_at} is the transaction's start and
     * {@code execution_time} the time since then, both by the server's clock.
     */
    public String upsertSqlTimedByServer(Revision revision) {
        return upsertSql(revision, "now()",
                "(extract(epoch FROM (clock_timestamp() - now())) * 1000000000)::bigint");
    }

    private String upsertSql(Revision r, String executedAt, String executionTime) {
        return "INSERT INTO " + qualifiedName() + " (" + COLUMNS + ") VALUES ("
                + SqlLiterals.string(r.version()) + ", "
                + SqlLiterals.string(r.description()) + ", "
                + r.type() + ", "
                + r.applied() + ", "
                + r.total() + ", "
                + executedAt + ", "
                + executionTime + ", "
                + SqlLiterals.string(r.error()) + ", "
                + SqlLiterals.string(r.errorStatement()) + ", "
                + SqlLiterals.string(r.hash()) + ", "
                + hashesLiteral(r.partialHashes()) + ", "
                + SqlLiterals.string(r.operatorVersion()) + ")"
                + " ON CONFLICT (version) DO UPDATE SET type = excluded.type, applied = excluded.applied,"
                + " total = excluded.total, execution_time = excluded.execution_time, error = excluded.error,"
                + " error_stmt = excluded.error_stmt, hash = excluded.hash,"
                + " partial_hashes = excluded.partial_hashes, operator_version = excluded.operator_version";
    }

    private static String hashesLiteral(List<String> hashes) {
        // Ent stores a nil slice as the JSON value null (not SQL NULL); Atlas reads both the same way.
        return SqlLiterals.string(HashListJson.write(hashes)) + "::jsonb";
    }

    /** Records {@code hash} as the atlas.sum hash the version ran with, changing nothing else. */
    public String updateHashSql(String version, String hash) {
        return "UPDATE " + qualifiedName() + " SET hash = " + SqlLiterals.string(hash) + " WHERE version = "
                + SqlLiterals.string(version);
    }

    public String deleteSql(String version) {
        return "DELETE FROM " + qualifiedName() + " WHERE version = " + SqlLiterals.string(version);
    }
}
