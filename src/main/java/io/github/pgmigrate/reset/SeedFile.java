package io.github.pgmigrate.reset;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.SqlErrors;
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

/**
 * Seed data run after the migrations (Supabase's {@code supabase/seed.sql}): split with the migrations' splitter and
 * run in one transaction, so a failing statement leaves no half-seeded database. Not recorded in the history.
 *
 * @param path  the file
 * @param shown how messages name it (relative to the project)
 */
public record SeedFile(Path path, String shown) {

    /** The statements, parsed before anything runs; a syntax error names the file, line and column. */
    public List<Statement> statements() throws PgMigrateException {
        if (!Files.isRegularFile(path)) {
            throw new PgMigrateException("the seed file " + shown + " does not exist",
                    "point <seed> (-Dpgmigrate.seed) at a SQL file, e.g. supabase/seed.sql, or leave it unset");
        }
        try {
            return StatementSplitter.split(Files.readString(path, StandardCharsets.UTF_8));
        } catch (SqlSyntaxException e) {
            throw new PgMigrateException(shown + ":" + e.line() + ":" + e.column() + ": " + e.problem(), e.hint());
        } catch (IOException e) {
            throw new PgMigrateException("cannot read the seed file " + shown + ": " + e.getMessage(), null, e);
        }
    }

    /** Runs the statements in one transaction; returns how many ran. */
    public int run(DatabaseConnector connector, List<Statement> statements) throws PgMigrateException {
        try (Connection connection = connector.open()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement jdbc = connection.createStatement()) {
                for (Statement statement : statements) {
                    try {
                        jdbc.execute(statement.text());
                    } catch (SQLException e) {
                        connection.rollback();
                        throw new PgMigrateException(shown + ":" + statement.line() + ": the seed failed: "
                                + SqlErrors.describe(e, connector.settings()::scrub) + "; none of the seed was kept"
                                + " (one transaction), the migrations stay applied",
                                "fix the seed file and run reset again", e);
                    }
                }
            }
            connection.commit();
            return statements.size();
        } catch (SQLException e) {
            throw new PgMigrateException("the seed " + shown + " failed: "
                    + SqlErrors.describe(e, connector.settings()::scrub), null, e);
        }
    }
}
