package io.github.pgmigrate.malformed;

import io.github.pgmigrate.PgMigrateException;
import java.nio.file.Path;

/** Runs one database-free {@link Entry} in its own JVM and prints what the user would read. */
public final class EntryProbe {
    private EntryProbe() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(Entry.valueOf(args[0]).run(Path.of(args[1]), null));
        } catch (PgMigrateException e) {
            System.out.println(e.describe());
        } catch (RuntimeException e) {
            System.out.println("unexpected " + e);
        }
    }
}
