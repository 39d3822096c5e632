package io.github.pgmigrate.apply;

import static io.github.pgmigrate.apply.ApplyTestSupport.apply;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatTest {
    private static final ApplyOptions EVERY_200_MS = ApplyOptions.builder().heartbeat(Duration.ofMillis(200)).build();

    @TempDir
    Path dir;

    @Test
    void aLongStatementOfANonTransactionalFileIsNamedWhileItRuns() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        RecordingOutput out = new RecordingOutput();
        apply(db, MigrationDirs.write(dir, "1_slow.sql",
                "-- atlas:txmode none\n\nCREATE TABLE t (id int);\nSELECT pg_sleep(1.5);\n"), EVERY_200_MS, out);

        assertThat(out.lines()).anyMatch(l -> l.matches(
                " {4}1_slow\\.sql: statement 2/2 \\(line 4\\) still running after \\d+ s"));
        int printed = out.lines().size();
        Thread.sleep(600);
        assertThat(out.lines()).as("no heartbeat after the statement ended").hasSize(printed);
    }

    @Test
    void aTransactionalFileIsNamedAsOneTransaction() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        RecordingOutput out = new RecordingOutput();
        apply(db, MigrationDirs.write(dir, "1_slow.sql", "CREATE TABLE t (id int);\nSELECT pg_sleep(1.5);\n"),
                EVERY_200_MS, out);

        assertThat(out.lines()).anyMatch(l -> l.matches(
                " {4}1_slow\\.sql: statements 1-2/2 \\(one transaction\\) still running after \\d+ s"));
    }

    @Test
    void zeroMeansNoHeartbeat() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        RecordingOutput out = new RecordingOutput();
        apply(db, MigrationDirs.write(dir, "1_slow.sql", "SELECT pg_sleep(1);\n"),
                ApplyOptions.builder().heartbeat(Duration.ZERO).build(), out);

        assertThat(out.lines()).noneMatch(l -> l.contains("still running"));
    }
}
