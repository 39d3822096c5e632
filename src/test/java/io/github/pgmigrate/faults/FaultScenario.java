package io.github.pgmigrate.faults;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.status.StatusReport;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A directory whose every statement leaves a countable effect (a row per INSERT, a distinct power of ten added to a
 * counter per UPDATE), in the three file modes: transactional, {@code txmode none} with statements that can and
 * that cannot run in a transaction (a slow CREATE INDEX CONCURRENTLY, VACUUM), and transactional again. Statements
 * sleep a little so that faults land inside them. After any fault and a re-run, {@link #problems} tells whether
 * every effect happened exactly once and the history and status say so.
 */
final class FaultScenario {
    static final String EFFECTS = "1,2,3,4,5,6,7";
    static final String COUNTER = "111";
    static final String COMPLETED = "completed before the fault";

    private FaultScenario() {
    }

    static MigrationDirectory write(Path dir) {
        return MigrationDirs.write(dir,
                "1_base.sql", """
                        CREATE TABLE effects (id int NOT NULL);
                        CREATE TABLE counter (n int NOT NULL);
                        INSERT INTO counter VALUES (0);
                        CREATE FUNCTION slow_key(int) RETURNS int IMMUTABLE LANGUAGE sql
                            AS 'SELECT $1 FROM pg_sleep(0.04)';
                        INSERT INTO effects (id) SELECT 1 FROM pg_sleep(0.05);
                        """,
                "2_online.sql", """
                        -- atlas:txmode none

                        INSERT INTO effects (id) SELECT 2 FROM pg_sleep(0.05);
                        UPDATE counter SET n = n + 1 FROM pg_sleep(0.05);
                        INSERT INTO effects (id) SELECT 3 FROM pg_sleep(0.05);
                        CREATE INDEX CONCURRENTLY effects_slow ON effects (slow_key(id));
                        INSERT INTO effects (id) SELECT 4 FROM pg_sleep(0.05);
                        UPDATE counter SET n = n + 10 FROM pg_sleep(0.05);
                        VACUUM effects;
                        INSERT INTO effects (id) SELECT 5 FROM pg_sleep(0.05);
                        """,
                "3_more.sql", """
                        INSERT INTO effects (id) SELECT 6 FROM pg_sleep(0.05);
                        UPDATE counter SET n = n + 100;
                        INSERT INTO effects (id) SELECT 7 FROM pg_sleep(0.05);
                        """);
    }

    static DatabaseConnector connector(TestDatabase db) {
        return connector(db, db.jdbcUrl());
    }

    /** For the database through another address (a proxy in front of it). */
    static DatabaseConnector connector(TestDatabase db, String url) {
        try {
            return DatabaseConnector.of(ConnectionSettings.of(new Environment("fault", url, db.user(), db.password(),
                    null, null, null, Map.of(), true)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies the directory, waiting as long as a killed run's backend may still hold the lock. */
    static void apply(DatabaseConnector connector, MigrationDirectory dir, RecordingOutput out) throws Exception {
        new Applier(connector, out).apply(dir, ApplyOptions.builder().lockTimeout(Duration.ofSeconds(60)).build());
    }

    /**
     * Applies the directory in the background; the future gives {@code completed} or the failure's message, for a
     * fault injected meanwhile.
     */
    static CompletableFuture<String> applyInBackground(DatabaseConnector connector, MigrationDirectory dir) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                apply(connector, dir, new RecordingOutput());
                return COMPLETED;
            } catch (PgMigrateException e) {
                return e.getMessage();
            } catch (Exception e) {
                return "unexpected " + e;
            }
        });
    }

    /** Where the fault left the history: "2:3/8 in flight", or "none" before the table exists. */
    static String history(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            ResultSet exists = connection.createStatement().executeQuery(
                    "SELECT to_regclass('atlas_schema_revisions.atlas_schema_revisions') IS NOT NULL");
            exists.next();
            if (!exists.getBoolean(1)) {
                return "none";
            }
            ResultSet rs = connection.createStatement().executeQuery("SELECT coalesce(string_agg(version || ':'"
                    + " || applied || '/' || total || CASE WHEN error LIKE 'pgmigrate: in flight%' THEN ' in flight'"
                    + " WHEN error <> '' THEN ' failed' ELSE '' END, ' ' ORDER BY version), 'empty')"
                    + " FROM atlas_schema_revisions.atlas_schema_revisions");
            rs.next();
            return rs.getString(1);
        }
    }

    /** Applies the directory again after a fault and returns {@link #problems}, or why the re-run failed. */
    static List<String> rerun(DatabaseConnector connector, TestDatabase db, MigrationDirectory dir) {
        try {
            apply(connector, dir, new RecordingOutput());
            return problems(db, dir);
        } catch (Exception e) {
            return List.of("re-run failed: " + e.getMessage());
        }
    }

    /** What is wrong after the re-run; empty when every effect happened exactly once and status is exact. */
    static List<String> problems(TestDatabase db, MigrationDirectory dir) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Connection connection = db.connect();
             ResultSet rs = connection.createStatement().executeQuery("SELECT"
                     + " (SELECT string_agg(id::text, ',' ORDER BY id) FROM effects),"
                     + " (SELECT n FROM counter),"
                     + " (SELECT string_agg(i.indisvalid::text, ',') FROM pg_index i"
                     + "  WHERE i.indrelid = 'effects'::regclass),"
                     + " (SELECT string_agg(version || ':' || applied || '/' || total || ':' || error, ' '"
                     + "  ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions)")) {
            rs.next();
            expect(problems, "effects", rs.getString(1), EFFECTS);
            expect(problems, "counter", rs.getString(2), COUNTER);
            expect(problems, "index validity", rs.getString(3), "true");
            expect(problems, "revisions", rs.getString(4), "1:5/5: 2:8/8: 3:3/3:");
        }
        StatusReport status = new StatusReader(connector(db)).read(dir, ExecOrder.LINEAR);
        if (!status.isUpToDate() || status.rows().stream().anyMatch(r -> !r.state().equals("applied"))) {
            problems.add("status: " + status);
        }
        return problems;
    }

    private static void expect(List<String> problems, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            problems.add(what + " is " + actual + ", expected " + expected);
        }
    }
}
