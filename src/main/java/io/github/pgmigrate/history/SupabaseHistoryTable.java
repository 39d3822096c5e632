package io.github.pgmigrate.history;

import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.sql.SqlSyntaxException;
import io.github.pgmigrate.sql.Statement;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Supabase CLI's history, {@code supabase_migrations.schema_migrations}, read and written as the CLI does
 * ({@code pkg/migration/history.go}): one row per applied file with its version, name and statements; no checksum,
 * no time. Older CLIs created only {@code version}; newer ones add columns, so only the columns present are read.
 */
public final class SupabaseHistoryTable {
    public static final String SCHEMA = "supabase_migrations";
    public static final String TABLE = "schema_migrations";
    public static final String QUALIFIED = SCHEMA + "." + TABLE;

    /** Whether the table exists; a missing table means the CLI never applied anything, as the CLI reads it. */
    public boolean exists(Connection connection) throws SQLException {
        return !columns(connection).isEmpty();
    }

    /** Whether the table exists with every column the CLI writes (older CLIs created {@code version} alone). */
    public boolean hasEveryColumn(Connection connection) throws SQLException {
        return columns(connection).containsAll(Set.of("version", "name", "statements"));
    }

    /** Its rows in version order (the CLI's {@code ORDER BY version}); empty when the table does not exist. */
    public List<SupabaseMigration> readAll(Connection connection) throws SQLException {
        Set<String> columns = columns(connection);
        if (columns.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT version, " + (columns.contains("name") ? "name" : "NULL::text") + ", "
                + (columns.contains("statements") ? "statements" : "NULL::text[]") + " FROM " + QUALIFIED
                + " ORDER BY version";
        List<SupabaseMigration> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Array statements = rs.getArray(3);
                rows.add(new SupabaseMigration(rs.getString(1), rs.getString(2),
                        statements == null ? null : Arrays.asList((String[]) statements.getArray())));
            }
        }
        return rows;
    }

    private static Set<String> columns(Connection connection) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname FROM pg_catalog.pg_attribute a"
                + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')"
                + " AND a.attnum > 0 AND NOT a.attisdropped")) {
            statement.setString(1, SCHEMA);
            statement.setString(2, TABLE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** The CLI's {@code CREATE_VERSION_SCHEMA … ADD_NAME_COLUMN} batch; harmless when everything exists. */
    public List<String> createStatements() {
        return List.of(
                "CREATE SCHEMA IF NOT EXISTS " + SCHEMA,
                "CREATE TABLE IF NOT EXISTS " + QUALIFIED + " (version text NOT NULL PRIMARY KEY)",
                "ALTER TABLE " + QUALIFIED + " ADD COLUMN IF NOT EXISTS statements text[]",
                "ALTER TABLE " + QUALIFIED + " ADD COLUMN IF NOT EXISTS name text");
    }

    /**
     * The row {@code supabase db push} inserts for a file, as an upsert ({@code migration repair --status applied}'s
     * form) so that recording a version twice does not fail.
     */
    public String upsertSql(MigrationFile file) {
        return "INSERT INTO " + QUALIFIED + " (version, name, statements) VALUES ("
                + SqlLiterals.string(file.version()) + ", " + SqlLiterals.string(file.description()) + ", "
                + arrayLiteral(statementsOf(file)) + ") ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name,"
                + " statements = EXCLUDED.statements";
    }

    public String deleteSql(String version) {
        return "DELETE FROM " + QUALIFIED + " WHERE version = " + SqlLiterals.string(version);
    }

    /** An SQL expression: the number of recorded statements of the version, or NULL when it is not recorded. */
    public String statementCountSql(String version) {
        return "(SELECT coalesce(array_length(statements, 1), 0) FROM " + QUALIFIED + " WHERE version = "
                + SqlLiterals.string(version) + ")";
    }

    /**
     * The statements as the CLI stores them: each with the comments before it, without its trailing {@code ;} and
     * whitespace.
     */
    static List<String> statementsOf(MigrationFile file) {
        try {
            List<String> statements = new ArrayList<>();
            for (Statement statement : file.statements()) {
                String comments = statement.comments().stream().map(c -> c.endsWith("\n") ? c : c + "\n")
                        .collect(Collectors.joining());
                statements.add((comments + statement.text()).replaceAll("[;\\s]+$", ""));
            }
            return statements;
        } catch (SqlSyntaxException e) {
            throw new IllegalStateException(file.name() + " was checked before it is recorded", e);
        }
    }

    private static String arrayLiteral(List<String> values) {
        return values.isEmpty() ? "'{}'::text[]"
                : "ARRAY[" + values.stream().map(SqlLiterals::string).collect(Collectors.joining(", ")) + "]::text[]";
    }
}
