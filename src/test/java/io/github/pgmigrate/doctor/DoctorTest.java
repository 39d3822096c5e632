package io.github.pgmigrate.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.SupabaseDatabase;
import io.github.pgmigrate.testing.SupabaseFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {

    @TempDir
    Path dir;

    private static DatabaseConnector connector(String url, String user, String password) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(new Environment("supabase", url, user, password, null, null,
                null, Map.of(), true)));
    }

    @Test
    void reportsServerPoolerSslCleanCheckBothHistoriesAndPending() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        db.pushedBySupabaseCli("'20250101000000', 'a', NULL");
        MigrationDirectory migrations = MigrationDirs.write(dir, "20250101000000_a.sql", "CREATE TABLE a (id int);\n",
                "20250102000000_b.sql", "CREATE TABLE b (id int);\n");
        DoctorReport report = new Doctor(connector(db.jdbcUrl(), db.user(), db.password()))
                .examine(migrations, ExecOrder.LINEAR, HistoryTarget.SUPABASE);

        String text = String.join("\n", report.lines());
        assertThat(report.healthy()).as(text).isTrue();
        assertThat(text).containsPattern("Server version: +PostgreSQL \\d+\\.\\d+.*, database " + db.name()
                        + ", user postgres")
                .contains("Pooler:            none (nothing in the URL or configuration says there is one)")
                .containsPattern("SSL: +off")
                .contains("Clean check:       not clean: found schema \"auth\"; Supabase-managed schemas: auth,")
                .contains("Atlas revisions:   none in \"atlas_schema_revisions\".\"atlas_schema_revisions\"")
                .contains("Supabase history:  1 in supabase_migrations.schema_migrations, last 20250101000000")
                .contains("Pending:           1 of 2 files (from supabase_migrations.schema_migrations)")
                .doesNotContain(db.password());
    }

    @Test
    void aConnectionFailureIsReportedWithItsCauseAndFixAndNoPassword() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        DoctorReport report = new Doctor(connector("postgres://postgres:Very-S3cret@127.0.0.1:" + port
                + "/postgres", null, null)).examine(null, ExecOrder.LINEAR, HistoryTarget.ATLAS);
        String text = String.join("\n", report.lines());
        assertThat(report.healthy()).isFalse();
        assertThat(text).contains("Target:            ").contains("127.0.0.1:" + port)
                .contains("Problem:           cannot connect to")
                .contains("Fix:               nothing accepts connections at 127.0.0.1:" + port)
                .doesNotContain("Very-S3cret");
    }
}
