package io.github.pgmigrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Generated, realistic migration text: tables, indexes, functions with dollar-quoted bodies, strings and comments. */
final class Corpus {
    private Corpus() {
    }

    static String migration(Random random, int index) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Migration ").append(index).append(": tables and helpers\n");
        sql.append("CREATE TABLE t").append(index).append(" (\n")
                .append("    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
                .append("    name text NOT NULL DEFAULT 'unnamed; really',\n")
                .append("    data jsonb NOT NULL DEFAULT '{}'::jsonb,\n")
                .append("    created_at timestamptz NOT NULL DEFAULT now()\n);\n\n");
        sql.append("CREATE INDEX t").append(index).append("_name_idx ON t").append(index).append(" (name);\n\n");
        sql.append("CREATE FUNCTION f").append(index).append("(p int) RETURNS int LANGUAGE plpgsql AS $fn$\n")
                .append("BEGIN\n    -- a comment with a ; inside\n    IF p > ").append(random.nextInt(100))
                .append(" THEN\n        RETURN p * 2;\n    END IF;\n    RETURN p;\nEND;\n$fn$;\n\n");
        sql.append("/* block comment /* nested */ still */\n");
        sql.append("INSERT INTO t").append(index).append(" (name) VALUES ('it''s ").append(random.nextInt())
                .append("'), (E'tab\\there');\n");
        sql.append("COMMENT ON TABLE t").append(index).append(" IS 'Generated table number ").append(index)
                .append("';\n");
        return sql.toString();
    }

    static String text(int approximateBytes) {
        Random random = new Random(42);
        StringBuilder all = new StringBuilder(approximateBytes + 1024);
        for (int i = 0; all.length() < approximateBytes; i++) {
            all.append(migration(random, i)).append('\n');
        }
        return all.toString();
    }

    static Path directory(int files) throws IOException {
        Path dir = Files.createTempDirectory("pgmigrate-bench");
        Random random = new Random(7);
        for (int i = 0; i < files; i++) {
            String name = String.format("%014d_migration_%d.sql", 20250101000000L + i, i);
            Files.writeString(dir.resolve(name), migration(random, i));
        }
        return dir;
    }
}
