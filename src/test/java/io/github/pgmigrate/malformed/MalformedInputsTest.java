package io.github.pgmigrate.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile inputs, one row each: the input, the engine entry a goal calls, and what the user must read
 * (file, line and column where there is one, what is wrong, how to fix it). Where a database is involved, a refused
 * run leaves it exactly as it was. Rows are grouped by the item of issue 8 they come from.
 */
class MalformedInputsTest {
    private static final String NO_PROBLEMS = "";
    private static final String SUM_OF_ONE_FILE = "h1:2CGbNJrw1MQmmBlZ4Wiv5Or+Qd7cQy6bNBaxFkGuNuk=\n";

    @TempDir
    Path base;

    /** Writes a directory before the entry runs. */
    @FunctionalInterface
    interface Setup {
        void write(Path dir) throws IOException;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Item 4: the splitter is linear and BEGIN … END is transaction control.
                row("30 transaction blocks split in linear time", Entry.VALIDATE, files("1_tx.sql",
                        "-- atlas:txmode none\n\n" + "BEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nCOMMIT;\n"
                                .repeat(30)), NO_PROBLEMS),
                row("'begin ' 4,000 times is one statement, no stack overflow", Entry.VALIDATE,
                        files("1_b.sql", "begin ".repeat(4000)), NO_PROBLEMS),
                row("BEGIN TRANSACTION; INSERT; END; runs as three statements", Entry.APPLY,
                        files("1_t.sql", "CREATE TABLE t (id int);\n",
                                "2_tx.sql", "-- atlas:txmode none\n\nBEGIN TRANSACTION; INSERT INTO t VALUES (1); END;\n"),
                        "applied 4 statement(s)"),
                row("BEGIN ATOMIC without END", Entry.VALIDATE, files("1_f.sql",
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"),
                        "dir/1_f.sql:2:1: BEGIN ATOMIC without its END", "end the function body with END;"),
                row("BEGIN ATOMIC body applies as one statement", Entry.APPLY, files("1_f.sql",
                        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\nEND;\nSELECT f();\n"),
                        "applied 2 statement(s)"),
                // Item 5: a lone CR ends a -- comment.
                row("a statement after '-- c\\r' runs", Entry.APPLY,
                        files("1_a.sql", "-- c\rCREATE TABLE a (id int);"), "applied 1 statement(s)"),
                row("a DROP after '-- note\\r' runs", Entry.APPLY, files("1_a.sql", "CREATE TABLE a (id int);\n",
                        "2_drop.sql", "SELECT 1; -- note\rDROP TABLE a;"), "applied 3 statement(s)"),
                // Item 7: a statement-level nolint on the first line.
                row("first-line statement nolint is not a misplaced file directive", Entry.VALIDATE,
                        files("1_d.sql", "-- atlas:nolint DS103\nALTER TABLE t DROP COLUMN c;\n"), NO_PROBLEMS),
                row("first-line statement nolint applies, and is not 'not applied'", Entry.LINT,
                        files("1_d.sql", "-- atlas:nolint DS103 require-lock-timeout require-statement-timeout\n"
                                + "ALTER TABLE t DROP COLUMN c;\n"), NO_PROBLEMS),
                // Item 10: files validate used to pass though they cannot run.
                row("UTF-8 byte order mark", Entry.VALIDATE, files("1_a.sql", "\uFEFFCREATE TABLE a (id int);\n"),
                        "dir/1_a.sql:1:1: the file starts with a UTF-8 byte order mark (BOM)", "without BOM"),
                row("byte order mark before a txmode directive", Entry.VALIDATE, files("1_a.sql",
                        "\uFEFF-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY i ON t (a);\n"),
                        "dir/1_a.sql:1:1: the file starts with a UTF-8 byte order mark", "Atlas reads no directive"),
                row("byte order mark refused by apply", Entry.APPLY, files("1_a.sql", "\uFEFFCREATE TABLE a (id int);\n"),
                        "1_a.sql:1:1: the file starts with a UTF-8 byte order mark", "nothing was applied"),
                row("NUL character", Entry.VALIDATE, files("1_a.sql", "SELECT 1;\nSELECT '\0';\n"),
                        "dir/1_a.sql:2:9: the file contains a NUL character", "UTF-16"),
                row("NUL character refused by apply", Entry.APPLY, files("1_a.sql", "CREATE TABLE a (id int);\n\0"),
                        "1_a.sql:2:1: the file contains a NUL character", "nothing was applied"),
                row("meta-command after other text", Entry.VALIDATE, files("1_a.sql", "SELECT 'x' \\gexec\n"),
                        "dir/1_a.sql:1:12: psql meta-command \\gexec cannot run over JDBC", "write the generated"),
                row("meta-command at the start of a line", Entry.VALIDATE,
                        files("1_a.sql", "SELECT 1;\n\\connect other\n"), "dir/1_a.sql:2:1: psql meta-command \\connect"),
                row("lone backslash", Entry.VALIDATE, files("1_a.sql", "SELECT 1 \\ 2;\n"),
                        "dir/1_a.sql:1:10: a backslash outside a quoted string is not SQL"),
                row("meta-command refused by apply", Entry.APPLY, files("1_a.sql",
                        "CREATE TABLE a (id int);\nSELECT 'x' \\gexec\n"), "1_a.sql:2:12: psql meta-command \\gexec",
                        "nothing was applied"),
                row("invalid UTF-8 in validate", Entry.VALIDATE, bytes("1_a.sql", "SELECT 1;\nSELECT '\u00ff';\n",
                        (byte) 0xC3, (byte) 0xFF), "dir/1_a.sql:2:9: the file is not valid UTF-8 (byte 0xC3)"),
                row("invalid UTF-8 in lint is an error, not 0 findings", Entry.LINT,
                        bytes("1_a.sql", "SELECT 1;\nSELECT '\u00ff';\n", (byte) 0xC3, (byte) 0xFF),
                        "dir/1_a.sql:2:9: error syntax-error", "not valid UTF-8"),
                // Item 11: messages instead of raw Java exceptions.
                row("dir is a regular file", Entry.VALIDATE, dir -> Files.writeString(dir, "not a directory"),
                        "is a file, not a directory", "point <dir>"),
                row("dir does not exist", Entry.VALIDATE, dir -> { }, "does not exist", "pgmigrate:new"),
                row("atlas.sum is a directory", Entry.VALIDATE, dir -> {
                    MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n");
                    Files.delete(dir.resolve("atlas.sum"));
                    Files.createDirectory(dir.resolve("atlas.sum"));
                }, "atlas.sum is a directory, not the checksum file", "pgmigrate:hash"),
                row("atlas.sum is a dangling symlink", Entry.VALIDATE, dir -> {
                    MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n");
                    Files.delete(dir.resolve("atlas.sum"));
                    Files.createSymbolicLink(dir.resolve("atlas.sum"), dir.resolve("gone.sum"));
                }, "atlas.sum is a symbolic link to", "which does not exist"),
                row("dangling symlink among the migrations", Entry.VALIDATE, dir -> {
                    MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n");
                    Files.createSymbolicLink(dir.resolve("2_b.sql"), dir.resolve("elsewhere.sql"));
                }, "2_b.sql is a symbolic link to", "elsewhere.sql, which does not exist", "point the link"),
                row("symlink loop among the migrations", Entry.HASH, dir -> {
                    MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n");
                    Files.createSymbolicLink(dir.resolve("2_b.sql"), dir.resolve("3_c.sql"));
                    Files.createSymbolicLink(dir.resolve("3_c.sql"), dir.resolve("2_b.sql"));
                }, "is a symbolic link that loops"),
                row("a pipe named like a migration", Entry.VALIDATE, dir -> {
                    MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n");
                    mkfifo(dir.resolve("2_b.sql"));
                }, "2_b.sql is not a regular file"),
                row("new with an existing version", Entry.NEW, files("20250101000000_a.sql", "SELECT 1;\n"),
                        "a migration with version 20250101000000 already exists", "-Dpgmigrate.version"),
                row("new into a dir that is a file", Entry.NEW, dir -> Files.writeString(dir, "x"),
                        "cannot create", "20250101000000_next.sql"),
                row("atlas.sum without header", Entry.VALIDATE, sum("1_a.sql h1:" + "A".repeat(43) + "=\n"),
                        "dir/atlas.sum:1: atlas.sum has no header"),
                row("atlas.sum with a bad base64 hash", Entry.VALIDATE,
                        sum(SUM_OF_ONE_FILE.replace("\n", "") + "\n1_a.sql h1:not*base64!\n"),
                        "dir/atlas.sum:2: line 2 of atlas.sum has a hash that is not the base64 of a SHA-256 digest"),
                row("atlas.sum cut short", Entry.VALIDATE, sum(SUM_OF_ONE_FILE + "1_a.sql h1:2CGbNJrw"),
                        "dir/atlas.sum:2: atlas.sum is cut short"),
                row("atlas.sum empty", Entry.VALIDATE, sum(""), "dir/atlas.sum:1: atlas.sum is empty"),
                row("atlas.sum edited by hand", Entry.VALIDATE, dir -> {
                    MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n", "2_b.sql", "SELECT 2;\n");
                    List<String> lines = Files.readAllLines(dir.resolve("atlas.sum"));
                    Files.writeString(dir.resolve("atlas.sum"), lines.get(0) + "\n" + lines.get(2) + "\n"
                            + lines.get(1) + "\n");
                }, "dir/atlas.sum:1: the first line of atlas.sum does not match the lines below it"),
                row("CRLF txmode directive and blank line", Entry.VALIDATE, files("1_i.sql",
                        "-- atlas:txmode none\r\n\r\nCREATE INDEX CONCURRENTLY i ON t (a);\r\n"),
                        "dir/1_i.sql:1: Atlas ignores this atlas:txmode directive", "ends in CRLF", "LF line endings"),
                row("LF txmode directive without blank line", Entry.VALIDATE, files("1_i.sql",
                        "-- atlas:txmode none\nCREATE INDEX CONCURRENTLY i ON t (a);\n"),
                        "dir/1_i.sql:1: Atlas ignores this atlas:txmode directive", "add an empty line after it"),
                // The splitter's other refusals, for completeness.
                row("unterminated string", Entry.VALIDATE, files("1_a.sql", "SELECT 1;\nSELECT 'oops;\n"),
                        "dir/1_a.sql:2:8: unterminated quoted string", "close it with '"),
                row("unterminated dollar quote", Entry.APPLY, files("1_a.sql", "CREATE TABLE a (id int);\n"
                        + "CREATE FUNCTION f() RETURNS int AS $fn$ SELECT 1;\n"),
                        "1_a.sql:2:36: unterminated dollar-quoted string $fn$", "nothing was applied"),
                row("unterminated block comment", Entry.VALIDATE, files("1_a.sql", "SELECT 1; /* never closed\n"),
                        "dir/1_a.sql:1:11: unterminated /* comment"),
                row("unbalanced parentheses", Entry.VALIDATE, files("1_a.sql", "SELECT (1;\n"),
                        "dir/1_a.sql:1:8: unclosed '('"),
                row("COPY FROM stdin", Entry.APPLY, files("1_a.sql", "CREATE TABLE t (a int);\nCOPY t (a) FROM stdin;\n"),
                        "1_a.sql:2:1: COPY … FROM stdin cannot run over JDBC", "nothing was applied"));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void tellsTheUserWhatIsWrongAndWhere(String name, Entry entry, Setup setup, List<String> expected)
            throws IOException {
        Path dir = base.resolve("migrations");
        setup.write(dir);
        TestDatabase db = entry.needsDatabase() ? TestDatabases.createDatabase() : null;
        List<String> before = db == null ? List.of() : catalog(db);

        String outcome;
        try {
            outcome = entry.run(dir, db);
        } catch (PgMigrateException e) {
            outcome = e.describe();
        }

        if (expected.isEmpty()) {
            assertThat(outcome).as(name).isEmpty();
        } else {
            assertThat(outcome).as(name).contains(expected);
        }
        assertThat(outcome).doesNotContain("Exception");
        if (db != null && !outcome.startsWith("applied")) {
            assertThat(catalog(db)).as("the database after a refused run").isEqualTo(before);
        }
    }

    private static Arguments row(String name, Entry entry, Setup setup, String... expected) {
        List<String> fragments = Arrays.stream(expected).filter(e -> !e.isEmpty()).toList();
        return Arguments.of(name, entry, setup, fragments);
    }

    /** The files (name, content, …) and a matching atlas.sum. */
    private static Setup files(String... namesAndContents) {
        return dir -> MigrationDirs.write(dir, namesAndContents);
    }

    /** One file whose content is {@code text} with {@code bytes} in place of its first {@code \u00ff}, hashed. */
    private static Setup bytes(String name, String text, byte... bytes) {
        return dir -> {
            String[] parts = text.split("\u00ff", 2);
            byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
            byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
            byte[] content = new byte[head.length + bytes.length + tail.length];
            System.arraycopy(head, 0, content, 0, head.length);
            System.arraycopy(bytes, 0, content, head.length, bytes.length);
            System.arraycopy(tail, 0, content, head.length + bytes.length, tail.length);
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), content);
            MigrationDirs.rehash(dir);
        };
    }

    /** The file 1_a.sql (SELECT 1;) with this atlas.sum. */
    private static Setup sum(String sum) {
        return dir -> {
            MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n");
            Files.writeString(dir.resolve("atlas.sum"), sum);
        };
    }

    private static void mkfifo(Path path) throws IOException {
        try {
            int status = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
            if (status != 0) {
                throw new IOException("mkfifo " + path + " exited with " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Every schema, relation and function outside the system schemas, with its kind. */
    private static List<String> catalog(TestDatabase db) {
        return Sql.rows(db, "SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                + " AND nspname <> 'information_schema'"
                + " UNION ALL SELECT c.relkind::text || ' ' || n.nspname || '.' || c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT LIKE 'pg\\_%'"
                + " AND n.nspname <> 'information_schema'"
                + " UNION ALL SELECT 'function ' || p.oid::regprocedure FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT LIKE 'pg\\_%'"
                + " AND n.nspname <> 'information_schema' ORDER BY 1");
    }
}
