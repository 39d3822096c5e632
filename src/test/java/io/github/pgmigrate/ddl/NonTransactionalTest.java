package io.github.pgmigrate.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonTransactionalTest {
    private static final int PG17 = 17;

    private static String command(String sql) {
        return NonTransactional.command(sql, PG17).orElse(null);
    }

    @Test
    void recognisesStatementsThatRefuseTransactionBlocks() {
        assertThat(command("CREATE INDEX CONCURRENTLY i ON t (c);")).isEqualTo("CREATE INDEX CONCURRENTLY");
        assertThat(command("create unique index concurrently if not exists i on t (c)"))
                .isEqualTo("CREATE INDEX CONCURRENTLY");
        assertThat(command("DROP INDEX CONCURRENTLY IF EXISTS i;")).isEqualTo("DROP INDEX CONCURRENTLY");
        assertThat(command("REINDEX INDEX CONCURRENTLY i;")).isEqualTo("REINDEX CONCURRENTLY");
        assertThat(command("REINDEX (VERBOSE) TABLE CONCURRENTLY t;")).isEqualTo("REINDEX CONCURRENTLY");
        assertThat(command("REINDEX SCHEMA public;")).isEqualTo("REINDEX SCHEMA");
        assertThat(command("VACUUM (ANALYZE) t;")).isEqualTo("VACUUM");
        assertThat(command("ALTER SYSTEM SET work_mem = '64MB';")).isEqualTo("ALTER SYSTEM");
        assertThat(command("CREATE DATABASE other;")).isEqualTo("CREATE DATABASE");
        assertThat(command("DROP DATABASE other;")).isEqualTo("DROP DATABASE");
        assertThat(command("ALTER DATABASE d SET TABLESPACE ts;")).isEqualTo("ALTER DATABASE … SET TABLESPACE");
        assertThat(command("CLUSTER;")).isEqualTo("CLUSTER without a table");
        assertThat(command("CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p;")).startsWith("CREATE SUBSCRIPTION");
        assertThat(command("ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY;"))
                .isEqualTo("DETACH PARTITION CONCURRENTLY");
        assertThat(command("ALTER SUBSCRIPTION s REFRESH PUBLICATION;"))
                .isEqualTo("ALTER SUBSCRIPTION … REFRESH PUBLICATION");
        assertThat(command("ALTER SUBSCRIPTION s ADD PUBLICATION p2;"))
                .isEqualTo("ALTER SUBSCRIPTION … ADD PUBLICATION (which refreshes the subscription)");
        assertThat(command("DROP SUBSCRIPTION s;")).startsWith("DROP SUBSCRIPTION");
        assertThat(command("COMMIT PREPARED 'tx';")).isEqualTo("COMMIT PREPARED");
        assertThat(command("DISCARD ALL;")).isEqualTo("DISCARD ALL");
    }

    @Test
    void leavesTransactionalStatementsAlone() {
        assertThat(command("CREATE INDEX i ON t (c);")).isNull();
        assertThat(command("CREATE TABLE concurrently (id int);")).isNull();
        assertThat(command("INSERT INTO log VALUES ('CREATE INDEX CONCURRENTLY x ON y (z)');")).isNull();
        assertThat(command("-- VACUUM\nSELECT 1;")).isNull();
        assertThat(command("ALTER TYPE mood ADD VALUE 'ok';")).isNull();
        assertThat(command("CLUSTER t USING t_pkey;")).isNull();
        assertThat(command("ALTER DATABASE d SET search_path = public;")).isNull();
        assertThat(command("CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p WITH (create_slot = false);"))
                .isNull();
        assertThat(command("ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false);")).isNull();
        assertThat(command("ALTER SUBSCRIPTION s DISABLE;")).isNull();
        assertThat(command("ALTER TABLE m DETACH PARTITION m_2020;")).isNull();
        assertThat(command("COMMIT;")).isNull();
        assertThat(command("")).isNull();
    }

    @Test
    void addingAnEnumValueRefusesTransactionsOnlyBeforePostgres12() {
        assertThat(NonTransactional.command("ALTER TYPE mood ADD VALUE 'ok';", 11))
                .contains("ALTER TYPE … ADD VALUE (on PostgreSQL before 12)");
        assertThat(NonTransactional.command("ALTER TYPE mood ADD VALUE 'ok';", 12)).isEmpty();
    }
}
