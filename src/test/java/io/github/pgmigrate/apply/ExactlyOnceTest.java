package io.github.pgmigrate.apply;

import static io.github.pgmigrate.apply.ApplyTestSupport.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.revisions.PartialHashes;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionTable;
import io.github.pgmigrate.revisions.RevisionType;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of exactly-once apply, each forced deterministically: a statement that cannot run in a transaction left
 * in flight by a run that died (the catalog decides), the lock living on the backend that runs the statements, and
 * a file's own COMMIT refused.
 */
class ExactlyOnceTest {
    private static final RevisionTable TABLE = new RevisionTable("atlas_schema_revisions");

    @TempDir
    Path dir;

    private static final String ONLINE = "-- atlas:txmode none\n\nINSERT INTO t VALUES (2);\n"
            + "CREATE UNIQUE INDEX CONCURRENTLY t_id ON t (id);\nINSERT INTO t VALUES (3);\n";

    private static final String UNNAMED = "-- atlas:txmode none\n\nINSERT INTO t VALUES (2);\n"
            + "CREATE INDEX CONCURRENTLY ON t (id);\nINSERT INTO t VALUES (3);\n";

    private MigrationDirectory directory() {
        return directory(ONLINE);
    }

    private MigrationDirectory directory(String online) {
        return MigrationDirs.write(dir, "1_t.sql", "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n",
                "2_online.sql", online);
    }

    /**
     * Leaves the history a run leaves when it dies after marking statement 2 of 2_online.sql in flight.
     *
     * @return the upsert that marks it
     */
    private String diedInFlight(TestDatabase db, MigrationDirectory migrations) throws Exception {
        apply(db, migrations, ApplyOptions.builder().amount(1).build());
        var statements = migrations.files().get(1).statements();
        String mark = TABLE.upsertSql(new Revision("2", "online", RevisionType.EXECUTE, 1, 3, OffsetDateTime.now(),
                0, Revision.IN_FLIGHT + "statement 2 of 3 (line 4) cannot run in a transaction and was started",
                statements.get(1).text(), "", PartialHashes.of(statements).subList(0, 1), "pgmigrate test"));
        Sql.exec(db, "INSERT INTO t VALUES (2)", mark);
        return mark;
    }

    @Test
    void aValidIndexLeftInFlightIsRecordedAndNotBuiltAgain() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = directory();
        diedInFlight(db, migrations);
        Sql.exec(db, "CREATE UNIQUE INDEX t_id ON t (id)");
        String relfilenode = Sql.one(db, "SELECT relfilenode FROM pg_class WHERE relname = 't_id'");
        RecordingOutput out = new RecordingOutput();
        apply(db, migrations, ApplyOptions.defaults(), out);
        assertThat(out.text()).contains("2_online.sql:4: statement 2 took effect in an earlier run (index"
                + " public.t_id exists and is valid); recording it");
        assertThat(Sql.one(db, "SELECT relfilenode FROM pg_class WHERE relname = 't_id'"))
                .as("the index was not rebuilt").isEqualTo(relfilenode);
        assertThat(Sql.rows(db, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3");
        assertThat(Sql.one(db, "SELECT applied || '/' || total || error FROM " + TABLE.qualifiedName()
                + " WHERE version = '2'")).isEqualTo("3/3");
    }

    @Test
    void anInvalidIndexLeftInFlightIsDroppedAndBuiltAgain() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = directory();
        diedInFlight(db, migrations);
        // A concurrent build that failed half-way leaves an INVALID index behind, as an interrupted one does.
        Sql.exec(db, "INSERT INTO t VALUES (2)");
        assertThatThrownBy(() -> Sql.exec(db, "CREATE UNIQUE INDEX CONCURRENTLY t_id ON t (id)"));
        Sql.exec(db, "DELETE FROM t WHERE ctid = (SELECT max(ctid) FROM t WHERE id = 2)");
        assertThat(Sql.one(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id'::regclass")).isEqualTo("f");
        RecordingOutput out = new RecordingOutput();
        apply(db, migrations, ApplyOptions.defaults(), out);
        assertThat(out.text()).contains("statement 2 runs again: index public.t_id exists but is INVALID")
                .contains("DROP INDEX CONCURRENTLY IF EXISTS public.t_id");
        assertThat(Sql.one(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id'::regclass")).isEqualTo("t");
        assertThat(Sql.rows(db, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3");
    }

    @Test
    void aMissingIndexLeftInFlightIsBuilt() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = directory();
        diedInFlight(db, migrations);
        RecordingOutput out = new RecordingOutput();
        assertThat(new io.github.pgmigrate.status.StatusReader(ApplyTestSupport.connector(db.environment()))
                .read(migrations, ExecOrder.LINEAR).rows()).anyMatch(r -> r.state().equals("in flight"));
        apply(db, migrations, ApplyOptions.defaults(), out);
        assertThat(out.text()).contains("statement 2 runs again: index t_id does not exist");
        assertThat(Sql.one(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id'::regclass")).isEqualTo("t");
        assertThat(Sql.rows(db, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3");
    }

    @Test
    void aStatementTheCatalogCannotJudgeStopsTheRunAndSaysWhatIsKnown() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = directory(UNNAMED);
        diedInFlight(db, migrations);
        List<String> before = Sql.catalogSnapshot(db);
        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.defaults()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("2_online.sql:4: statement 2 of 3 was in flight when an"
                            + " earlier run stopped, and whether it took effect is unknown: the index has no name");
                    assertThat(e.hint()).contains("statements 1 to 1 of the file are applied and recorded")
                            .contains("-Dpgmigrate.inFlight=applied").contains("Do not mark the file applied with set");
                });
        assertThat(Sql.catalogSnapshot(db)).isEqualTo(before);
        assertThat(Sql.rows(db, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2");
    }

    @Test
    void whoCheckedTheDatabaseResolvesAStatementTheCatalogCannotJudge() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = directory(UNNAMED);
        String mark = diedInFlight(db, migrations);
        apply(db, migrations, ApplyOptions.builder().inFlight(InFlightResolution.APPLIED).build());
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass"))
                .as("applied: recorded, not built").isEqualTo("0");
        assertThat(Sql.rows(db, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3");

        Sql.exec(db, "DELETE FROM t WHERE id = 3", mark);
        apply(db, migrations, ApplyOptions.builder().inFlight(InFlightResolution.RERUN).build());
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_index WHERE indrelid = 't'::regclass"))
                .as("rerun: built").isEqualTo("1");
        assertThat(Sql.rows(db, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3");
    }

    @Test
    void theLockLivesOnTheBackendThatRunsTheStatements() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir, "1_slow.sql",
                "-- atlas:txmode none\n\nSELECT pg_sleep(3);\n");
        CompletableFuture<ApplyResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return apply(db, migrations, ApplyOptions.defaults());
            } catch (PgMigrateException e) {
                throw new IllegalStateException(e);
            }
        });
        String holder = null;
        for (int i = 0; i < 100 && holder == null; i++) {
            Thread.sleep(50);
            List<String> rows = Sql.rows(db, "SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                    + " WHERE l.locktype = 'advisory' AND l.granted AND l.objid = " + (LockKey.apply() & 0xffffffffL)
                    + " AND a.query LIKE 'SELECT pg_sleep(3)%' AND a.state = 'active'");
            holder = rows.isEmpty() ? null : rows.get(0);
        }
        assertThat(holder).as("one backend both holds the lock (pg_locks) and runs the statement (pg_stat_activity)")
                .isNotNull();
        run.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aFilesOwnCommitIsRefusedBeforeAnythingRuns() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir, "1_t.sql", "CREATE TABLE t (id int);\n",
                "2_own_tx.sql", "BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\nINSERT INTO nope VALUES (1);\n");
        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.defaults()))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("2_own_tx.sql:1: BEGIN opens a transaction, but the file"
                            + " already runs in one: PostgreSQL only warns, and the COMMIT that goes with it ends the"
                            + " file's transaction half-way (txMode file); nothing was applied");
                    assertThat(e.hint()).contains("remove the file's BEGIN, COMMIT and ROLLBACK statements")
                            .contains("-- atlas:txmode none");
                });
        assertThat(Sql.one(db, "SELECT to_regclass('t') IS NULL AND to_regnamespace('atlas_schema_revisions') IS NULL"))
                .isEqualTo("t");
    }

    @Test
    void aStatementAndItsProgressCommitTogetherInATxmodeNoneFile() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        // The progress record of statement 2 fails (its upsert is made to fail by a trigger): statement 2's INSERT
        // must be rolled back with it, so the database never holds an effect the history does not.
        MigrationDirectory migrations = MigrationDirs.write(dir, "1_t.sql", "CREATE TABLE t (id int);\n",
                "2_none.sql", "-- atlas:txmode none\n\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n"
                        + "INSERT INTO t VALUES (3);\n");
        apply(db, migrations, ApplyOptions.builder().amount(1).build());
        Sql.exec(db, "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.applied = 2 AND NEW.version = '2' THEN RAISE EXCEPTION 'progress refused'; END IF;"
                        + " RETURN NEW; END $$",
                "CREATE TRIGGER refuse BEFORE UPDATE ON " + TABLE.qualifiedName()
                        + " FOR EACH ROW EXECUTE FUNCTION refuse()");
        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.defaults()))
                .isInstanceOf(MigrationFailedException.class);
        assertThat(Sql.rows(db, "SELECT id FROM t ORDER BY id")).containsExactly("1");
        assertThat(Sql.one(db, "SELECT applied FROM " + TABLE.qualifiedName() + " WHERE version = '2'"))
                .isEqualTo("1");
        Sql.exec(db, "DROP TRIGGER refuse ON " + TABLE.qualifiedName());
        apply(db, migrations, ApplyOptions.defaults());
        assertThat(Sql.rows(db, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3");
    }
}
