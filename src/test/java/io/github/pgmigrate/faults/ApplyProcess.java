package io.github.pgmigrate.faults;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.output.Output;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The apply engine as a process of its own, for tests that kill it: {@code ApplyProcess <jdbc-url> <user> <dir>},
 * the password (if any) in the environment variable {@value #PASSWORD}, never on the command line.
 * Prints each progress line; exits 0 when the directory is applied, 1 with the message when apply failed.
 */
public final class ApplyProcess {
    static final String PASSWORD = "PGMIGRATE_FAULT_PASSWORD";
    private ApplyProcess() {
    }

    public static void main(String[] args) throws Exception {
        Environment environment = new Environment("fault", args[0], args[1], System.getenv(PASSWORD), null, null, null, Map.of(), true);
        DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(environment));
        Output out = new Output() {
            @Override
            public void info(String line) {
                System.out.println(line);
                System.out.flush();
            }

            @Override
            public void warn(String line) {
                info("WARN " + line);
            }
        };
        try {
            new Applier(connector, out).apply(MigrationDirectory.load(Path.of(args[2])),
                    ApplyOptions.builder().lockTimeout(Duration.ofSeconds(60)).build());
            System.exit(0);
        } catch (PgMigrateException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }
}
