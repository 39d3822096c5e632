package io.github.pgmigrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class ServerVersionTest {

    @Test
    void theVersionReportedAtStartUpMatchesTheServers() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        try (Connection connection = db.connect()) {
            assertThat(Applier.serverVersionNum(connection))
                    .isEqualTo(Integer.parseInt(Sql.one(db, "SHOW server_version_num")));
        }
    }
}
