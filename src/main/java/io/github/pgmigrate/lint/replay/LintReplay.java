package io.github.pgmigrate.lint.replay;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.SqlErrors;
import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.DdlRecognizer;
import io.github.pgmigrate.ddl.NonTransactional;
import io.github.pgmigrate.devdb.DevDatabase;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.devdb.ReplayFailure;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.sql.SqlSyntaxException;
import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.sql.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lint's replay: the files before the first linted one are replayed on a fresh dev database (through the replay
 * cache), an optional seed is loaded, and then every statement from the first linted file on runs there, each in a
 * transaction of its own, observed when its file is one of the linted ones.
 */
public final class LintReplay {
    private LintReplay() {
    }

    /**
     * @param linted names of the files being linted
     * @param seed   SQL run after the replayed prefix so that rewrites and scans meet rows, or null
     * @return one observation per statement of the linted files, in file order
     */
    public static ReplayResult run(DevServer server, MigrationDirectory directory, Set<String> linted,
                                   Path seed) throws PgMigrateException {
        List<MigrationFile> files = directory.files();
        int first = 0;
        while (first < files.size() && !linted.contains(files.get(first).name())) {
            first++;
        }
        if (first == files.size()) {
            return new ReplayResult(0, List.of());
        }
        List<Observation> observations = new ArrayList<>();
        int major;
        try (DevDatabase database = first == 0 ? server.createDatabase()
                : server.replay(directory, files.get(first - 1).version());
             Connection connection = database.connector().open()) {
            connection.setAutoCommit(true);
            major = connection.getMetaData().getDatabaseMajorVersion();
            if (seed != null) {
                loadSeed(connection, seed);
            }
            StatementProbe probe = new StatementProbe(connection);
            replayFiles:
            for (MigrationFile file : files.subList(first, files.size())) {
                boolean observed = linted.contains(file.name());
                Map<Long, StatementProbe.Relation> existing = probe.relations();
                for (Statement statement : statements(file)) {
                    Ddl ddl = DdlRecognizer.recognize(statement.text());
                    if (ddl instanceof Ddl.Begin || ddl instanceof Ddl.Commit || ddl instanceof Ddl.Rollback) {
                        continue; // each statement runs in a transaction of its own here
                    }
                    Optional<String> ownStep = NonTransactional.command(statement.text(), major);
                    try {
                        if (observed && ownStep.isEmpty()) {
                            List<String> naming = RenamedReferences.of(connection, ddl);
                            observations.add(probe.observe(file.name(), statement, existing)
                                    .withRenamedReferences(naming));
                        } else {
                            run(connection, statement);
                            if (observed) {
                                observations.add(Observation.notObserved(file.name(), statement, ownStep.get()
                                        + " cannot run in a transaction, so its locks are not observed"));
                            }
                        }
                    } catch (SQLException e) {
                        if (!observed || ReplayFailure.missingExtension(String.valueOf(e.getMessage())).isPresent()) {
                            throw failed(server, file, statement, e);
                        }
                        // Later statements build on this one: what they would do is unknown, so replay stops here.
                        observations.add(Observation.failed(file.name(), statement, SqlErrors.serverMessage(e)));
                        break replayFiles;
                    }
                }
            }
            observations = withUnindexedForeignKeys(connection, observations);
        } catch (SQLException e) {
            throw new PgMigrateException("lint replay on the " + server.description() + ": " + e.getMessage(),
                    null, e);
        }
        return new ReplayResult(major, observations);
    }

    /**
     * @param serverMajor  the dev database's PostgreSQL major
     * @param observations one per statement of the linted files, in file order
     */
    public record ReplayResult(int serverMajor, List<Observation> observations) {
    }

    /**
     * What a lint run needs to replay: where, and with which seed.
     *
     * @param seed SQL loaded after the files before the linted ones, or null
     */
    public record Request(DevServer server, Path seed) {
    }

    /** Marks the foreign keys the linted statements created that no index covers once every linted file ran. */
    private static List<Observation> withUnindexedForeignKeys(Connection connection, List<Observation> observations)
            throws SQLException {
        List<Long> created = new ArrayList<>();
        observations.forEach(o -> created.addAll(o.createdForeignKeys()));
        Map<Long, UnindexedForeignKey> uncovered = ForeignKeyIndexes.uncovered(connection, created);
        List<Observation> marked = new ArrayList<>();
        for (Observation o : observations) {
            List<UnindexedForeignKey> mine = o.createdForeignKeys().stream().filter(uncovered::containsKey)
                    .map(uncovered::get).toList();
            marked.add(mine.isEmpty() ? o : o.withUnindexed(mine));
        }
        return marked;
    }

    private static List<Statement> statements(MigrationFile file) throws PgMigrateException {
        try {
            return file.statements();
        } catch (SqlSyntaxException e) {
            throw new PgMigrateException(file.name() + ": " + e.getMessage(), "run pgmigrate:validate", e);
        }
    }

    private static void run(Connection connection, Statement statement) throws SQLException {
        try (java.sql.Statement run = connection.createStatement()) {
            run.execute(statement.text());
        }
    }

    private static void loadSeed(Connection connection, Path seed) throws PgMigrateException, SQLException {
        List<Statement> statements;
        try {
            statements = StatementSplitter.split(Files.readString(seed, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PgMigrateException("lint.replaySeed " + seed + " cannot be read: " + e.getMessage(),
                    "point lint.replaySeed at an SQL file", e);
        } catch (SqlSyntaxException e) {
            throw new PgMigrateException("lint.replaySeed " + seed + ": " + e.getMessage(), null, e);
        }
        for (Statement statement : statements) {
            try {
                run(connection, statement);
            } catch (SQLException e) {
                throw new PgMigrateException("lint.replaySeed " + seed + ":" + statement.line() + ": "
                        + e.getMessage(), "the seed runs after the files before the linted ones; it may only use"
                        + " what they create", e);
            }
        }
    }

    private static PgMigrateException failed(DevServer server, MigrationFile file, Statement statement,
                                             SQLException e) {
        String hint = ReplayFailure.missingExtension(String.valueOf(e.getMessage()))
                .map(name -> ReplayFailure.missingExtensionHint(name, server))
                .orElse("the statement fails on a database built from the files before it, so it would fail on"
                        + " every database those files built: fix it, or turn replay off with"
                        + " -Dpgmigrate.lint.replay=false to lint without it");
        return new PgMigrateException("lint replay: " + file.name() + ":" + statement.line() + ": "
                + e.getMessage(), hint, e);
    }
}
