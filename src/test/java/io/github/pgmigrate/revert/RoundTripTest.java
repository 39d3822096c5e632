package io.github.pgmigrate.revert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.state.DevStates;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDevServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify-migrations} on real PostgreSQL: apply, revert, apply again, per migration. */
class RoundTripTest {
    private static final Path SAMPLE = Path.of("migrations-sample");

    @TempDir
    Path dir;

    private final RecordingOutput out = new RecordingOutput();

    @Test
    void theSampleDirectoryPassesAndEqualsItsDesiredSchema() throws Exception {
        DevServer dev = TestDevServers.onTestServer();
        MigrationDirectory sample = MigrationDirectory.load(SAMPLE.resolve("migrations"));
        SchemaModel desired = DevStates.inspectSql(dev, SAMPLE.resolve("schema.sql"), InspectScope.everything())
                .model();

        RoundTripResult result = new RoundTrip(dev, out).check(sample, 0, desired, InspectScope.everything());

        assertThat(result.failed()).as(out.text()).isFalse();
        assertThat(result.migrations()).hasSize(6).allMatch(RoundTripResult.Check::passed);
        assertThat(out.text()).contains("pass 20250101090400_moderator_role.sql")
                .contains("The replayed directory equals the desired schema");
    }

    @Test
    void aDownThatDoesNotRestoreTheSchemaFailsNamingTheMigrationAndWhatDiffers() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
                "2_nickname.sql", "ALTER TABLE users ADD COLUMN nickname text;\n"
                        + "CREATE INDEX users_nickname ON users (nickname);\n",
                "3_pets.sql", "CREATE TABLE pets (id bigint PRIMARY KEY);\n");
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down/2.sql"), "DROP INDEX users_nickname;\n");

        RoundTripResult result = new RoundTrip(TestDevServers.onTestServer(), out).check(migrations, 0, null,
                InspectScope.everything());

        assertThat(result.failed()).isTrue();
        assertThat(result.migrations()).extracting(RoundTripResult.Check::passed).containsExactly(true, false);
        assertThat(result.migrations().get(1).problem())
                .contains("down/2.sql does not restore the schema before it").contains("nickname");
        assertThat(out.text()).contains("FAIL 2_nickname.sql").contains("not checked 3_pets.sql");
    }

    @Test
    void aMigrationThatCannotRunTwiceFailsWithTheStatement() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
                "2_seed.sql", "INSERT INTO users VALUES (1, 'a@example.com');\n");

        RoundTripResult result = new RoundTrip(TestDevServers.onTestServer(), out).check(migrations, 0, null,
                InspectScope.everything());

        assertThat(result.migrations().get(1).problem()).contains("applying it again after the down failed")
                .contains("2_seed.sql:1").contains("duplicate key");
    }

    @Test
    void latestChecksOnlyTheNewestFilesOnTopOfTheReplayedOnes() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
                "2_seed.sql", "INSERT INTO users VALUES (1, 'a@example.com');\n",
                "3_index.sql", "CREATE INDEX users_email ON users (email);\n");

        RoundTripResult result = new RoundTrip(TestDevServers.onTestServer(), out).check(migrations, 1, null,
                InspectScope.everything());

        assertThat(result.failed()).as(out.text()).isFalse();
        assertThat(result.migrations()).extracting(RoundTripResult.Check::migration).containsExactly("3_index.sql");
        assertThat(out.text()).contains("1 of 3 migrations (the files up to 2 replayed first)");
    }
}
