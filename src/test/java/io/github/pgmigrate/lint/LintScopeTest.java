package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scope selection: all files, the latest N, and the files a branch adds on top of a git base (real git). */
class LintScopeTest {
    @TempDir
    Path repo;

    private Path migrations() throws IOException {
        return Files.createDirectories(repo.resolve("migrations"));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(migrations().resolve(name), sql);
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.email=t@example.com",
                "-c", "user.name=t", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    }

    private LintResult run(LintScope scope) throws Exception {
        return LintRun.run(MigrationDirectory.load(migrations()), scope, LintOptions.defaults(), p -> repo.relativize(p.toAbsolutePath()).toString());
    }

    @Test
    void allAndLatest() throws Exception {
        write("1_a.sql", "DROP TABLE a;");
        write("2_b.sql", "DROP TABLE b;");
        write("3_c.sql", "DROP TABLE c;");
        assertThat(run(new LintScope.All()).files()).containsExactly("migrations/1_a.sql", "migrations/2_b.sql", "migrations/3_c.sql");
        assertThat(run(new LintScope.Latest(2)).files()).containsExactly("migrations/2_b.sql", "migrations/3_c.sql");
        assertThat(run(new LintScope.Latest(10)).files()).hasSize(3);
        assertThatThrownBy(() -> new LintScope.Latest(0)).hasMessageContaining("at least 1");
    }

    @Test
    void gitBaseLintsWhatTheBranchAddsAndFlagsEditedHistory() throws Exception {
        git("init", "-q", "-b", "main");
        write("1_a.sql", "CREATE TABLE a (id bigint);");
        write("2_b.sql", "CREATE TABLE b (id bigint);");
        write("3_gone.sql", "CREATE TABLE g (id bigint);");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("checkout", "-q", "-b", "feature");
        write("2_b.sql", "CREATE TABLE b (id bigint, x text);");
        Files.delete(migrations().resolve("3_gone.sql"));
        write("4_d.sql", "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\nDROP TABLE a;");
        git("add", "-A");
        git("commit", "-q", "-m", "feature");

        LintResult result = run(new LintScope.GitBase("main", repo));
        assertThat(result.files()).containsExactly("migrations/4_d.sql");
        assertThat(result.findings()).extracting(f -> f.file() + " " + f.rule().id()).containsExactlyInAnyOrder(
                "migrations/2_b.sql edited-committed-migration",
                "migrations/3_gone.sql edited-committed-migration",
                "migrations/4_d.sql ban-drop-table");
    }

    @Test
    void gitBaseIncludesStagedChangedAndUntrackedFilesOfTheWorkingTree() throws Exception {
        git("init", "-q", "-b", "main");
        write("1_a.sql", "CREATE TABLE a (id bigint);");
        write("2_b.sql", "CREATE TABLE b (id bigint);");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        write("2_b.sql", "CREATE TABLE b (id bigint, x text);");
        write("3_staged.sql", "DROP TABLE a;");
        git("add", "migrations/3_staged.sql");
        write("4_untracked.sql", "DROP TABLE b;");

        LintResult result = run(new LintScope.GitBase("main", repo));

        assertThat(result.files()).containsExactly("migrations/3_staged.sql", "migrations/4_untracked.sql");
        assertThat(result.findings()).extracting(f -> f.file() + " " + f.rule().id()).contains(
                "migrations/2_b.sql edited-committed-migration",
                "migrations/3_staged.sql ban-drop-table",
                "migrations/4_untracked.sql ban-drop-table");
    }

    @Test
    void scopeParametersAreCheckedTogether() throws Exception {
        assertThat(LintScope.of(null, " ", repo)).isEqualTo(new LintScope.All());
        assertThat(LintScope.of(2, null, repo)).isEqualTo(new LintScope.Latest(2));
        assertThat(LintScope.of(null, " origin/main ", repo)).isEqualTo(new LintScope.GitBase("origin/main", repo));
        assertThatThrownBy(() -> LintScope.of(2, "origin/main", repo)).hasMessage("latest and gitBase are mutually exclusive");
        assertThatThrownBy(() -> LintScope.of(0, null, repo)).hasMessage("latest '0' is less than 1");
    }

    @Test
    void gitBaseWithNothingNewLintsNothing() throws Exception {
        git("init", "-q", "-b", "main");
        write("1_a.sql", "DROP TABLE a;");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        assertThat(run(new LintScope.GitBase("main", repo)).files()).isEmpty();
    }

    @Test
    void unknownBaseIsAClearError() throws Exception {
        git("init", "-q", "-b", "main");
        write("1_a.sql", "SELECT 1;");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        assertThatThrownBy(() -> run(new LintScope.GitBase("origin/nope", repo)))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageContaining("git diff against origin/nope failed")
                .satisfies(e -> assertThat(((PgMigrateException) e).hint()).contains("fetch-depth: 0"));
    }

    @Test
    void editedMigrationFindingFollowsRuleConfiguration() throws Exception {
        git("init", "-q", "-b", "main");
        write("1_a.sql", "SELECT 1;");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        write("1_a.sql", "SELECT 2;");
        git("commit", "-q", "-am", "edit");
        LintOptions off = LintOptions.defaults().withRules(java.util.Map.of("edited-committed-migration", "off"));
        LintResult result = LintRun.run(MigrationDirectory.load(migrations()), new LintScope.GitBase("main", repo), off, Path::toString);
        assertThat(result.findings()).isEmpty();
    }
}
