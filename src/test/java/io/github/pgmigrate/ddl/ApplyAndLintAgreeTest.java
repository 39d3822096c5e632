package io.github.pgmigrate.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.FilePlan;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.Linter;
import io.github.pgmigrate.lint.PgVersion;
import io.github.pgmigrate.lint.Rule;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement form that refuses a transaction block, once, and look-alikes that do not: apply refuses a
 * transactional file holding it exactly when lint reports it, and both name the same command.
 */
class ApplyAndLintAgreeTest {

    static Stream<Arguments> forms() {
        return Stream.of(
                refused(17, "CREATE INDEX CONCURRENTLY i ON t (c);", "CREATE INDEX CONCURRENTLY"),
                refused(17, "DROP INDEX CONCURRENTLY i;", "DROP INDEX CONCURRENTLY"),
                refused(17, "REINDEX INDEX CONCURRENTLY i;", "REINDEX CONCURRENTLY"),
                refused(17, "REINDEX (CONCURRENTLY) TABLE t;", "REINDEX CONCURRENTLY"),
                refused(17, "REINDEX SCHEMA public;", "REINDEX SCHEMA"),
                refused(17, "REINDEX DATABASE app;", "REINDEX DATABASE"),
                refused(17, "REINDEX SYSTEM app;", "REINDEX SYSTEM"),
                refused(17, "ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY;", "DETACH PARTITION CONCURRENTLY"),
                refused(17, "VACUUM t;", "VACUUM"),
                refused(17, "CLUSTER;", "CLUSTER without a table"),
                refused(17, "CREATE DATABASE other;", "CREATE DATABASE"),
                refused(17, "DROP DATABASE other;", "DROP DATABASE"),
                refused(17, "CREATE TABLESPACE ts LOCATION '/srv/ts';", "CREATE TABLESPACE"),
                refused(17, "DROP TABLESPACE ts;", "DROP TABLESPACE"),
                refused(17, "ALTER DATABASE app SET TABLESPACE ts;", "ALTER DATABASE … SET TABLESPACE"),
                refused(17, "ALTER SYSTEM SET work_mem = '64MB';", "ALTER SYSTEM"),
                refused(17, "CREATE SUBSCRIPTION s CONNECTION 'host=db' PUBLICATION p;",
                        "CREATE SUBSCRIPTION (which creates a replication slot)"),
                refused(17, "ALTER SUBSCRIPTION s REFRESH PUBLICATION;", "ALTER SUBSCRIPTION … REFRESH PUBLICATION"),
                refused(17, "ALTER SUBSCRIPTION s SET PUBLICATION p;",
                        "ALTER SUBSCRIPTION … SET PUBLICATION (which refreshes the subscription)"),
                refused(17, "DROP SUBSCRIPTION s;", "DROP SUBSCRIPTION (which drops its replication slot)"),
                refused(17, "COMMIT PREPARED 'tx';", "COMMIT PREPARED"),
                refused(17, "ROLLBACK PREPARED 'tx';", "ROLLBACK PREPARED"),
                refused(17, "DISCARD ALL;", "DISCARD ALL"),
                refused(11, "ALTER TYPE mood ADD VALUE 'ok';", "ALTER TYPE … ADD VALUE (on PostgreSQL before 12)"),
                allowed(17, "ALTER TYPE mood ADD VALUE 'ok';"),
                allowed(17, "CREATE INDEX i ON t (c);"),
                allowed(17, "DROP INDEX i;"),
                allowed(17, "REINDEX TABLE t;"),
                allowed(17, "ALTER TABLE m DETACH PARTITION m_2020;"),
                allowed(17, "CLUSTER t USING t_pkey;"),
                allowed(17, "ALTER DATABASE app SET search_path = public;"),
                allowed(17, "CREATE SUBSCRIPTION s CONNECTION 'host=db' PUBLICATION p WITH (create_slot = false);"),
                allowed(17, "ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false);"),
                allowed(17, "ALTER SUBSCRIPTION s DISABLE;"),
                allowed(17, "DISCARD PLANS;"),
                allowed(17, "INSERT INTO log VALUES ('VACUUM');"));
    }

    private static Arguments refused(int major, String sql, String command) {
        return Arguments.of(major, sql, Optional.of(command));
    }

    private static Arguments allowed(int major, String sql) {
        return Arguments.of(major, sql, Optional.empty());
    }

    @ParameterizedTest(name = "PostgreSQL {0}: {1}")
    @MethodSource("forms")
    void applyRefusesWhatLintReports(int major, String sql, Optional<String> command) throws Exception {
        MigrationFile file = MigrationFile.of("1_a.sql", sql + "\n");

        assertThat(NonTransactional.command(sql, major)).isEqualTo(command);
        assertThat(applyRefusal(file, major)).as("apply").isEqualTo(command.map(c -> "1_a.sql:1: " + c
                + " cannot run inside a transaction, and this file runs in one (txMode file); nothing was applied"));
        List<Finding> findings = new Linter(LintOptions.defaults().withPgVersion(PgVersion.parse(Integer.toString(major))))
                .lint(file, "1_a.sql").stream()
                .filter(f -> f.rule() == Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION
                        || f.rule() == Rule.ENUM_ADD_VALUE_IN_TRANSACTION)
                .toList();
        assertThat(findings).as("lint").hasSize(command.isPresent() ? 1 : 0);
        if (command.isPresent() && findings.get(0).rule() == Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION) {
            assertThat(findings.get(0).message()).startsWith(command.get() + " cannot run inside a transaction block");
        }
    }

    private static Optional<String> applyRefusal(MigrationFile file, int major) {
        try {
            FilePlan.of(List.of(file), TxMode.FILE, SumFile.compute(List.of(file)), major * 10000);
            return Optional.empty();
        } catch (PgMigrateException e) {
            return Optional.of(e.getMessage());
        }
    }
}
