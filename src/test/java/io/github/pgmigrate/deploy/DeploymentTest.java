package io.github.pgmigrate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.devdb.ReplayedSchema;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.guard.GuardRefusedException;
import io.github.pgmigrate.lint.LintGate;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintScope;
import io.github.pgmigrate.report.LintCommand;
import io.github.pgmigrate.report.ToolInfo;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.state.DevStates;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestDevServers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy steps on a real database: each stop leaves the steps after it unrun and the database unchanged. */
class DeploymentTest {
    @TempDir
    Path dir;

    private MigrationDirectory migrations(String... more) {
        List<String> files = new java.util.ArrayList<>(List.of("20250101000000_users.sql",
                "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"));
        files.addAll(List.of(more));
        return MigrationDirs.write(dir.resolve("migrations"), files.toArray(String[]::new));
    }

    private Deployment.Request request(MigrationDirectory directory, Deployment.Confirmation confirmation) {
        LintCommand.Request lint = new LintCommand.Request(directory, new LintScope.All(), LintOptions.defaults(),
                LintGate.ERROR, List.of(), dir.resolve("target"), ToolInfo.pgmigrate("test"), Path::toString,
                Path::toString);
        ReplayedSchema expected = (version, major) -> DevStates.inspectReplay(TestDevServers.onTestServer(),
                directory, version, InspectScope.everything()).model();
        return new Deployment.Request(directory, ApplyOptions.defaults(), lint, expected, true,
                new InspectScope(List.of(), List.of(), null), confirmation);
    }

    private static DatabaseConnector connector(TestDatabase db) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment()));
    }

    @Test
    void driftStopsTheDeployAtThePlanBeforeTheConfirmationIsAsked() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        new Applier(connector(db), new RecordingOutput()).apply(migrations(), ApplyOptions.defaults());
        Sql.exec(db, "ALTER TABLE users ADD COLUMN nickname text");
        MigrationDirectory next = migrations("20250102000000_posts.sql", "CREATE TABLE posts (id bigint PRIMARY KEY);\n");
        List<String> asked = new java.util.ArrayList<>();

        assertThatThrownBy(() -> new Deployment(connector(db), new RecordingOutput()).run(request(next, what -> {
            asked.add(what);
            return "confirmed";
        }))).isInstanceOfSatisfying(DeployFailedException.class, e -> {
            assertThat(e.getMessage()).startsWith("pgmigrate:deploy stopped at step 'plan': drift: 1 difference(s)");
            assertThat(e.summary().steps()).extracting(StepOutcome::result).containsExactly(
                    StepOutcome.Result.PASSED, StepOutcome.Result.PASSED, StepOutcome.Result.PASSED,
                    StepOutcome.Result.FAILED, StepOutcome.Result.NOT_RUN, StepOutcome.Result.NOT_RUN,
                    StepOutcome.Result.NOT_RUN);
        });
        assertThat(asked).isEmpty();
        assertThat(Sql.one(db, "SELECT to_regclass('public.posts') IS NULL")).isEqualTo("t");
    }

    @Test
    void aRefusedConfirmationAppliesNothingAndAnAcceptedOneApplies() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory directory = migrations();

        assertThatThrownBy(() -> new Deployment(connector(db), new RecordingOutput()).run(request(directory, what -> {
            throw new GuardRefusedException("refused by the production guard", "pass -Dpgmigrate.confirm=test");
        }))).isInstanceOfSatisfying(DeployFailedException.class, e -> {
            assertThat(e.getMessage()).startsWith("pgmigrate:deploy stopped at step 'confirmation': refused by the"
                    + " production guard");
            assertThat(e.hint()).isEqualTo("pass -Dpgmigrate.confirm=test");
        });
        assertThat(Sql.one(db, "SELECT to_regclass('atlas_schema_revisions.atlas_schema_revisions') IS NULL"))
                .isEqualTo("t");

        List<String> asked = new java.util.ArrayList<>();
        DeploySummary summary = new Deployment(connector(db), new RecordingOutput()).run(request(directory, what -> {
            asked.add(what);
            return "confirmed";
        }));
        assertThat(asked).containsExactly("Apply 1 migration file(s) (20250101000000_users.sql)");
        assertThat(summary.succeeded()).isTrue();
        assertThat(summary.to()).isEqualTo("20250101000000");
        assertThat(summary.toJson().get("steps").size()).isEqualTo(7);
        assertThat(Sql.one(db, "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions")).isEqualTo("1");
    }

    @Test
    void aMigrationThatFailsStopsTheDeployAtApplyAndTheSummarySaysSo() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory directory = migrations("20250102000000_broken.sql",
                "INSERT INTO users VALUES (1, NULL);\n");

        assertThatThrownBy(() -> new Deployment(connector(db), new RecordingOutput()).run(request(directory,
                what -> "confirmed"))).isInstanceOfSatisfying(DeployFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("pgmigrate:deploy stopped at step 'apply': ")
                            .contains("23502");
                    assertThat(e.summary().lines()).anyMatch(l -> l.matches(" +status after apply +not run +stopped"
                            + " at apply"));
                    assertThat(e.summary().toJson().get("succeeded").asBoolean()).isFalse();
                });
        assertThat(Sql.one(db, "SELECT string_agg(version, ',') FROM atlas_schema_revisions.atlas_schema_revisions"))
                .isEqualTo("20250101000000");
    }
}
