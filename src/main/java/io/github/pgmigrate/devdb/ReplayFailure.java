package io.github.pgmigrate.devdb;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.MigrationFailedException;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says that a failure happened while replaying onto a dev database, and what to do about a missing extension. */
public final class ReplayFailure {
    private static final Pattern NOT_AVAILABLE = Pattern.compile("extension \"([^\"]+)\" is not available");
    private static final Pattern NO_CONTROL_FILE = Pattern.compile("extension control file \"[^\"]*/([^/\"]+)\\.control\"");

    private ReplayFailure() {
    }

    static PgMigrateException explain(PgMigrateException e, MigrationDirectory directory, DevServer server) {
        String context = "replaying " + (directory.path() == null ? "the migration directory" : directory.path())
                + " onto the " + server.description() + ": ";
        if (!(e instanceof MigrationFailedException failed)) {
            return new PgMigrateException(context + e.getMessage(), e.hint(), e);
        }
        String hint = missingExtension(failed.getMessage())
                .map(name -> missingExtensionHint(name, server))
                .orElse(failed.hint());
        return new MigrationFailedException(context + failed.getMessage(), hint, failed.file(), failed.line(),
                failed.sqlState(), failed);
    }

    /** How to get a dev database that has the extension {@code name}. */
    public static String missingExtensionHint(String name, DevServer server) {
        return "the " + server.description() + " does not have the extension \"" + name + "\". Point"
                + " the dev database at a server that has it: <devUrl> in the environment or"
                + " -Dpgmigrate.devUrl=postgres://user:password@localhost:5432/postgres (for example a"
                + " container of an image with " + name + " installed); pgmigrate creates and drops only"
                + " its own pgmigrate_dev_* databases there";
    }

    /** The extension a server error says is not installed, if it says so. */
    public static Optional<String> missingExtension(String message) {
        for (Pattern pattern : new Pattern[] {NOT_AVAILABLE, NO_CONTROL_FILE}) {
            Matcher matcher = pattern.matcher(message);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
