package io.github.pgmigrate.schema.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.schema.SchemaFixtures;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** Drift on real PostgreSQL: every difference with both sides, and SQL that removes it. */
class DriftCheckTest {
    private static final String MIGRATED = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n"
            + "CREATE INDEX users_email ON users (email);\n";

    @Test
    void listsEachDifferenceWithBothSidesAndTheRepairRemovesIt() {
        TestDatabase live = TestDatabases.createDatabase();
        SchemaFixtures.execute(live, MIGRATED + "ALTER TABLE users ADD COLUMN nickname text;\n"
                + "ALTER TABLE users ALTER COLUMN email TYPE varchar(200);\n"
                + "DROP INDEX users_email;\n");
        TestDatabase expected = TestDatabases.createDatabase();
        SchemaFixtures.execute(expected, MIGRATED);

        DriftCheck drift = DriftCheck.between(SchemaFixtures.model(live), SchemaFixtures.model(expected));

        assertThat(drift.drifted()).isTrue();
        assertThat(drift.differences()).containsExactlyInAnyOrder(
                new Difference("table public.users / column email", "type", "character varying(200)", "text"),
                new Difference("table public.users / column nickname", "exists", "present", "(missing)"),
                new Difference("table public.users / index users_email", "exists", "(missing)", "present"));
        assertThat(drift.repair().sql()).contains("DROP COLUMN nickname").contains("users_email");

        SchemaFixtures.execute(live, drift.repair().sql().replace(" CONCURRENTLY", ""));
        assertThat(DriftCheck.between(SchemaFixtures.model(live), SchemaFixtures.model(expected)).drifted())
                .as("no drift after the repair").isFalse();
    }

    @Test
    void equalSchemasHaveNoDrift() {
        TestDatabase a = TestDatabases.createDatabase();
        SchemaFixtures.execute(a, MIGRATED);
        assertThat(DriftCheck.between(SchemaFixtures.model(a), SchemaFixtures.model(a)).differences()).isEmpty();
    }
}
