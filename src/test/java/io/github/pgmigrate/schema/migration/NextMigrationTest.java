package io.github.pgmigrate.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.Linter;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.state.DevStates;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.TestDevServers;
import io.github.pgmigrate.validate.PreflightCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pgmigrate:diff's engine on real PostgreSQL: the written files replay to the desired schema and lint clean. */
class NextMigrationTest {
    private static final DiffOptions OPTIONS = new DiffOptions(true, false);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String DESIRED = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL,\n"
            + "  tags text[] NOT NULL DEFAULT '{}');\n"
            + "CREATE INDEX users_email ON users (email);\n"
            + "CREATE TABLE tags (name text PRIMARY KEY, owner_id bigint REFERENCES users (id));\n";

    @TempDir
    Path project;
    private Path migrations;
    private DevServer dev;

    @BeforeEach
    void setUp() throws Exception {
        migrations = project.resolve("migrations");
        MigrationDirs.write(migrations, "20250101000000_users.sql",
                "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n");
        dev = TestDevServers.onTestServer();
    }

    @Test
    void writesTransactionalAndTxModeNoneFilesThatReplayToTheDesiredSchemaAndLintClean() throws Exception {
        SchemaModel desired = desired(DESIRED);
        Plan plan = SchemaDiffer.diff(replayed(), desired, OPTIONS);

        List<Path> written = NextMigration.write(migrations, "add_tags", plan, false, CLOCK);

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("20250301120000_add_tags.sql", "20250301120001_add_tags.sql");
        assertThat(Files.readString(written.get(1))).startsWith("-- atlas:txmode none\n\n")
                .contains("CREATE INDEX CONCURRENTLY");
        MigrationDirectory directory = MigrationDirectory.load(migrations);
        PreflightCheck.verify(directory, true, Output.NONE); // atlas.sum re-hashed
        assertThat(new Linter(LintOptions.defaults()).lint(directory.files(), MigrationFile::name).findings())
                .filteredOn(f -> f.severity() == FindingSeverity.ERROR).isEmpty();
        assertThat(replayed()).isEqualTo(desired);
        assertThat(SchemaDiffer.diff(replayed(), desired, OPTIONS).isEmpty()).as("a second diff has nothing").isTrue();
    }

    @Test
    void nothingToDoWritesNothing() throws Exception {
        Plan plan = SchemaDiffer.diff(replayed(), replayed(), OPTIONS);
        assertThat(NextMigration.write(migrations, "nothing", plan, false, CLOCK)).isEmpty();
        assertThat(files()).hasSize(2);
    }

    @Test
    void destructiveChangesAreRefusedNamedAndNothingIsWrittenUnlessAllowed() throws Exception {
        byte[] sumBefore = Files.readAllBytes(migrations.resolve("atlas.sum"));
        Plan plan = SchemaDiffer.diff(replayed(), desired("CREATE TABLE users (id bigint PRIMARY KEY);\n"), OPTIONS);

        assertThatThrownBy(() -> NextMigration.write(migrations, "drop_email", plan, false, CLOCK))
                .isInstanceOf(PgMigrateException.class).hasMessageContaining("users.email")
                .satisfies(e -> assertThat(((PgMigrateException) e).hint()).contains("allowDestructive"));
        assertThat(files()).hasSize(2);
        assertThat(Files.readAllBytes(migrations.resolve("atlas.sum"))).isEqualTo(sumBefore);

        List<Path> written = NextMigration.write(migrations, "drop_email", plan, true, CLOCK);
        assertThat(Files.readString(written.get(0), StandardCharsets.UTF_8)).contains("-- atlas:nolint")
                .contains("DROP COLUMN");
        assertThat(replayed().table(plan.steps().isEmpty() ? null : replayed().tables().get(0).name()).columns())
                .extracting(c -> c.name()).containsExactly("id");
    }

    private SchemaModel replayed() throws Exception {
        return DevStates.inspectReplay(dev, MigrationDirectory.load(migrations), InspectScope.everything()).model();
    }

    private SchemaModel desired(String sql) throws Exception {
        Path file = Files.writeString(project.resolve("schema.sql"), sql);
        return DevStates.inspectSql(dev, file, InspectScope.everything()).model();
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> listed = Files.list(migrations)) {
            return listed.toList();
        }
    }
}
