package io.github.pgmigrate.schema.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.schema.model.Grant;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs catalog queries, each one round trip for all objects of its kind, with the scope folded in: {@code :schemas}
 * becomes the schemas in scope and {@code :skipTables} the history tables that are never part of a schema.
 */
final class CatalogReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final String schemas;
    private final String skipTables;

    CatalogReader(Connection connection, List<String> schemas, List<String> skipTables) {
        this.connection = connection;
        this.schemas = textArray(schemas);
        this.skipTables = textArray(skipTables);
    }

    <T> List<T> rows(String sql, RowMapper<T> mapper) throws SQLException {
        String expanded = sql.replace(":schemas", schemas).replace(":skipTables", skipTables);
        List<T> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(expanded)) {
            while (rs.next()) {
                result.add(mapper.map(rs));
            }
        }
        return result;
    }

    static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A JSON array column as a tree ({@code []} when NULL). */
    static JsonNode json(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        try {
            return JSON.readTree(text == null ? "[]" : text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable JSON from the catalog in " + column + ": " + e.getMessage(), e);
        }
    }

    /** The column {@link CatalogSql#grants} produced, without duplicates (one privilege granted by two roles). */
    static List<Grant> grants(ResultSet row, String column) throws SQLException {
        TreeSet<Grant> grants = new TreeSet<>();
        for (JsonNode item : json(row, column)) {
            grants.add(new Grant(item.get(0).asText(), item.get(1).asText(), item.get(2).asBoolean()));
        }
        return List.copyOf(grants);
    }

    private static String textArray(List<String> values) {
        return "ARRAY[" + String.join(", ", values.stream().map(SqlLiterals::string).toList()) + "]::text[]";
    }
}
