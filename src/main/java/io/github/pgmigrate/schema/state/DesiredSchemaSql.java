package io.github.pgmigrate.schema.state;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.devdb.DevDatabase;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.devdb.ReplayFailure;
import io.github.pgmigrate.sql.SqlSyntaxException;
import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.sql.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * A desired schema written as SQL: one file, or a folder whose {@code .sql} files run in name order. It only ever
 * runs on a fresh dev database, statement by statement in autocommit (so {@code CREATE INDEX CONCURRENTLY} works).
 */
public final class DesiredSchemaSql {
    private final Path location;
    private final List<Path> files;

    private DesiredSchemaSql(Path location, List<Path> files) {
        this.location = location;
        this.files = files;
    }

    public static DesiredSchemaSql at(Path location) throws ConfigurationException, IOException {
        if (Files.isRegularFile(location)) {
            return new DesiredSchemaSql(location, List.of(location));
        }
        if (!Files.isDirectory(location)) {
            throw new ConfigurationException("the desired schema " + location + " does not exist",
                    "point file: at a .sql file or a folder of .sql files");
        }
        try (Stream<Path> listed = Files.list(location)) {
            List<Path> sql = listed.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
            if (sql.isEmpty()) {
                throw new ConfigurationException("the desired-schema folder " + location + " holds no .sql file",
                        "put the schema's CREATE statements into .sql files there (they run in name order)");
            }
            return new DesiredSchemaSql(location, sql);
        }
    }

    /** The files, in the order they run. */
    public List<Path> files() {
        return files;
    }

    /** A new dev database holding this schema; close it to drop it. */
    public DevDatabase load(DevServer server) throws PgMigrateException, IOException {
        DevDatabase database = server.createDatabase();
        try {
            try (Connection connection = database.connector().open()) {
                connection.setAutoCommit(true);
                for (Path file : files) {
                    run(connection, file, server);
                }
            } catch (SQLException e) {
                throw new PgMigrateException("could not connect to the " + database.description() + ": "
                        + e.getMessage(), null, e);
            }
            return database;
        } catch (PgMigrateException | IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void run(Connection connection, Path file, DevServer server) throws IOException, PgMigrateException {
        String shown = file.equals(location) || location.getParent() == null ? file.toString()
                : location.getParent().relativize(file).toString();
        List<Statement> statements;
        try {
            statements = StatementSplitter.split(Files.readString(file, StandardCharsets.UTF_8));
        } catch (SqlSyntaxException e) {
            throw new PgMigrateException("desired schema " + shown + ":" + e.line() + ":" + e.column() + ": "
                    + e.problem(), e.hint(), e);
        }
        for (Statement statement : statements) {
            try (java.sql.Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.text());
            } catch (SQLException e) {
                String message = String.valueOf(e.getMessage());
                String hint = ReplayFailure.missingExtension(message)
                        .map(name -> ReplayFailure.missingExtensionHint(name, server))
                        .orElse("fix the statement in " + shown + "; it ran on a throw-away dev database, never on"
                                + " a target");
                throw new PgMigrateException("desired schema " + shown + ":" + statement.line() + ": " + message
                        + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), hint, e);
            }
        }
    }
}
