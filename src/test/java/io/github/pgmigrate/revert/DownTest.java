package io.github.pgmigrate.revert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestDevServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code down} against real PostgreSQL: plans replayed on dev databases, the guards, the revisions rows. */
class DownTest {
    private static final String REVISIONS = "SELECT version FROM atlas_schema_revisions.atlas_schema_revisions"
            + " ORDER BY version";
    private static final String TABLES = "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
            + " ORDER BY 1";

    @TempDir
    Path dir;

    private final RecordingOutput out = new RecordingOutput();

    private MigrationDirectory threeFiles() {
        return MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
                "2_email_index.sql", "CREATE INDEX users_email ON users (email);\n",
                "3_pets.sql", "CREATE TABLE pets (id bigint PRIMARY KEY, owner bigint REFERENCES users);\n");
    }

    private TestDatabase applied(MigrationDirectory migrations) throws PgMigrateException {
        TestDatabase db = TestDatabases.createDatabase();
        new Applier(connector(db), new RecordingOutput()).apply(migrations, ApplyOptions.defaults());
        return db;
    }

    private static DatabaseConnector connector(TestDatabase db) throws PgMigrateException {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment()));
    }

    private DownResult down(TestDatabase db, MigrationDirectory migrations, int amount, String toVersion,
                            boolean allowDestructive, boolean dryRun) throws PgMigrateException {
        return new Down(connector(db), TestDevServers.onTestServer(), out).run(migrations, new DownOptions(amount,
                toVersion, allowDestructive, dryRun, Duration.ofSeconds(5), InspectScope.everything()));
    }

    @Test
    void withHistoryBothTheVersionLeavesAtlasAndSupabaseHistory() throws Exception {
        MigrationDirectory migrations = threeFiles();
        TestDatabase db = TestDatabases.createDatabase();
        new Applier(connector(db), new RecordingOutput()).apply(migrations, ApplyOptions.builder()
                .history(io.github.pgmigrate.history.HistoryTarget.BOTH).build());
        String supabase = "SELECT version FROM supabase_migrations.schema_migrations ORDER BY version";
        assertThat(Sql.rows(db, supabase)).containsExactly("1", "2", "3");

        new Down(connector(db), TestDevServers.onTestServer(), out).run(migrations, new DownOptions(1, null, true,
                false, Duration.ofSeconds(5), InspectScope.everything(), io.github.pgmigrate.history.HistoryTarget.BOTH));

        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2");
        assertThat(Sql.rows(db, supabase)).containsExactly("1", "2");
    }

    @Test
    void downOneIsRefusedForItsHazardThenAllowedAndRemovesTheRevisionRow() throws Exception {
        MigrationDirectory migrations = threeFiles();
        TestDatabase db = applied(migrations);
        Sql.exec(db, "INSERT INTO users VALUES (1, 'a@example.com')");

        assertThatThrownBy(() -> down(db, migrations, 1, null, false, false))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageContaining("allowDestructive guard").hasMessageContaining("nothing was changed");
        assertThat(out.text()).contains("3_pets.sql -> version 2 (computed down of 3_pets.sql, 2 statements)")
                .contains("DROP TABLE public.pets;").contains("Hazard in reverting 3_pets.sql: table public.pets");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2", "3");
        assertThat(Sql.rows(db, TABLES)).contains("pets");

        DownResult result = down(db, migrations, 1, null, true, false);

        assertThat(result.reverted()).containsExactly("3_pets.sql");
        assertThat(result.to()).isEqualTo("2");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2");
        assertThat(Sql.rows(db, TABLES)).doesNotContain("pets").contains("users", "users_email");
        assertThat(Sql.one(db, "SELECT email FROM users")).isEqualTo("a@example.com");
        assertThat(out.text()).contains("[1/1] reverted 3_pets.sql").contains("now at version 2 (was 3)");
    }

    @Test
    void downToAVersionRevertsEachMigrationAndApplyBringsThemBack() throws Exception {
        MigrationDirectory migrations = threeFiles();
        TestDatabase db = applied(migrations);

        down(db, migrations, 1, "1", true, false);

        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1");
        assertThat(Sql.rows(db, TABLES)).containsExactly("users", "users_pkey");
        assertThat(out.text()).contains("Going down from version 3 to version 1: 2 migrations to revert")
                .contains("[1/2] reverted 3_pets.sql").contains("[2/2] reverted 2_email_index.sql");

        new Applier(connector(db), new RecordingOutput()).apply(migrations, ApplyOptions.defaults());
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2", "3");
        assertThat(Sql.rows(db, TABLES)).contains("pets", "users_email");
    }

    @Test
    void aRevertWithoutHazardsNeedsNoPermissionAndAHandWrittenDownTakesPrecedence() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
                "2_email_index.sql", "CREATE INDEX users_email ON users (email);\n");
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down/2.sql"), "-- the index goes\nDROP INDEX users_email;\n");
        TestDatabase db = applied(migrations);

        down(db, migrations, 1, null, false, false);

        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1");
        assertThat(Sql.rows(db, TABLES)).doesNotContain("users_email");
        assertThat(out.text()).contains("2_email_index.sql -> version 1 (down/2.sql, 1 statement)")
                .contains("DROP INDEX users_email;");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        MigrationDirectory migrations = threeFiles();
        TestDatabase db = applied(migrations);
        List<String> before = Sql.catalogSnapshot(db);

        DownResult result = down(db, migrations, 2, null, false, true);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.reverted()).containsExactly("3_pets.sql", "2_email_index.sql");
        assertThat(Sql.catalogSnapshot(db)).isEqualTo(before);
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2", "3");
        assertThat(out.text()).contains("[dry run] Going down from version 3 to version 1")
                .contains("DROP INDEX").contains("the allowDestructive guard refuses it")
                .contains("[dry run] nothing was changed; 2 migrations would be reverted");
    }

    @Test
    void driftIsRefusedWithTheDifferencesListed() throws Exception {
        MigrationDirectory migrations = threeFiles();
        TestDatabase db = applied(migrations);
        Sql.exec(db, "ALTER TABLE users ADD COLUMN nickname text");

        assertThatThrownBy(() -> down(db, migrations, 1, null, true, false))
                .hasMessageContaining("drift guard").hasMessageContaining("nickname");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2", "3");
        assertThat(Sql.rows(db, TABLES)).contains("pets");
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingChanges() throws Exception {
        MigrationDirectory migrations = threeFiles();
        TestDatabase db = applied(migrations);

        assertThatThrownBy(() -> down(db, migrations, 4, null, true, false))
                .hasMessageContaining("cannot go down 4 migrations: only 3 are applied (down past the first");
        assertThatThrownBy(() -> down(db, migrations, 1, "9", true, false))
                .hasMessageContaining("migration with version \"9\" not found");
        assertThatThrownBy(() -> down(TestDatabases.createDatabase(), migrations, 1, null, true, false))
                .hasMessageContaining("there is no revisions table");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2", "3");

        down(db, migrations, 3, null, true, false);
        assertThat(Sql.rows(db, REVISIONS)).isEmpty();
        assertThat(Sql.rows(db, TABLES)).isEmpty();
    }

    @Test
    void pendingMigrationsBelowTheAppliedOnesAreRefused() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n",
                "3_pets.sql", "CREATE TABLE pets (id bigint PRIMARY KEY);\n");
        TestDatabase db = applied(migrations);
        MigrationDirectory withGap = MigrationDirs.write(dir, "2_tags.sql", "CREATE TABLE tags (id int);\n");

        assertThatThrownBy(() -> down(db, withGap, 1, null, true, false))
                .hasMessageContaining("pending migrations sort below the applied version 3: 2_tags.sql");
        MigrationDirectory withNewer = MigrationDirs.write(dir.resolve("newer"),
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n",
                "3_pets.sql", "CREATE TABLE pets (id bigint PRIMARY KEY);\n",
                "4_tags.sql", "CREATE TABLE tags (id int);\n");
        down(db, withNewer, 1, null, true, false);
        assertThat(out.text()).contains("Not applied, left alone: 4_tags.sql");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1");
    }

    @Test
    void aFailingHandWrittenDownNamesFileAndLineAndLeavesTheTargetAsItWas() throws Exception {
        MigrationDirectory migrations = threeFiles();
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down/3.sql"), "DROP TABLE pets;\n\nDROP TABLE no_such_table;\n");
        TestDatabase db = applied(migrations);

        assertThatThrownBy(() -> down(db, migrations, 1, null, true, false))
                .hasMessageContaining("down/3.sql:3: statement 2 of 2 failed")
                .hasMessageContaining("no_such_table").hasMessageContaining("nothing ran on the target");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2", "3");
        assertThat(Sql.rows(db, TABLES)).contains("pets");
    }

    @Test
    void aHandWrittenDownThatDoesNotRestoreTheSchemaIsRefused() throws Exception {
        MigrationDirectory migrations = threeFiles();
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down/3.sql"), "ALTER TABLE pets DROP COLUMN owner;\n");
        TestDatabase db = applied(migrations);

        assertThatThrownBy(() -> down(db, migrations, 1, null, true, false))
                .hasMessageContaining("down/3.sql does not take the schema back to version 2")
                .hasMessageContaining("pets");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2", "3");
    }

    @Test
    void aRevertThatFailsOnTheTargetKeepsTheHistoryConsistentAndTheRerunContinues() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n",
                "2_optional_email.sql", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n",
                "3_tags.sql", "CREATE TABLE tags (id int);\n");
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down/2.sql"), "-- fails where a user has no email\n"
                + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
        TestDatabase db = applied(migrations);
        Sql.exec(db, "INSERT INTO users VALUES (1, NULL)");

        assertThatThrownBy(() -> down(db, migrations, 1, "1", true, false))
                .hasMessageContaining("down/2.sql:2: statement 1 of 1 failed")
                .hasMessageContaining("version 2 is still applied and recorded (1 reverted before it)")
                .hasMessageContaining("to continue, run down -Dpgmigrate.toVersion=1");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2");
        assertThat(Sql.rows(db, TABLES)).doesNotContain("tags");

        Sql.exec(db, "UPDATE users SET email = 'a@example.com'");
        down(db, migrations, 1, "1", true, false);
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1");
        assertThat(Sql.one(db, "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass"
                + " AND attname = 'email'")).isEqualTo("t");
    }

    @Test
    void aNonTransactionalDownFailingHalfWaySaysHowToFinishIt() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n",
                "2_optional_email.sql", "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n"
                        + "CREATE INDEX users_email ON users (email);\n");
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down/2.sql"), "-- atlas:txmode none\n\nDROP INDEX CONCURRENTLY users_email;\n\n"
                + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n");
        TestDatabase db = applied(migrations);
        Sql.exec(db, "INSERT INTO users VALUES (1, NULL)");

        assertThatThrownBy(() -> down(db, migrations, 1, null, true, false))
                .hasMessageContaining("down/2.sql:5: statement 2 of 2 failed")
                .hasMessageContaining("statements 1 to 1 stay applied; version 2 is still applied and recorded")
                .hasMessageContaining("record it with mvn pgmigrate:set -Dpgmigrate.toVersion=1");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2");
        assertThat(Sql.rows(db, TABLES)).doesNotContain("users_email");
    }

    @Test
    void aLastMigrationThatFailedPartWayIsRefused() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n",
                "2_broken.sql", "-- atlas:txmode none\n\nCREATE TABLE a (id int);\n\nSELECT 1 / 0;\n");
        TestDatabase db = TestDatabases.createDatabase();
        assertThatThrownBy(() -> new Applier(connector(db), new RecordingOutput()).apply(migrations,
                ApplyOptions.defaults())).hasMessageContaining("division by zero");

        assertThatThrownBy(() -> down(db, migrations, 1, null, true, false))
                .hasMessageContaining("the last migration, 2_broken.sql, failed part-way (1 of 2 statements applied)");
        assertThat(Sql.rows(db, REVISIONS)).containsExactly("1", "2");
        assertThat(Sql.rows(db, TABLES)).contains("a");
    }
}
