package io.github.pgmigrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.Resources;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The splitter against PostgreSQL's own lexer: psql splits a script client-side with psqlscan and writes every query
 * it sends to its log file ({@code -L}) between banners. Each corpus file runs through psql against a test database
 * (errors do not matter: only the split does), and the statements psql sent must be the statements the splitter cuts,
 * compared token by token (psql keeps or drops comments and the final semicolon differently across versions).
 */
class PsqlDifferentialTest {
    private static final String QUERY_START = "********* QUERY **********\n";
    private static final String QUERY_END = "\n**************************\n\n";

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"01_quoting.sql", "02_comments.sql", "03_functions.sql", "04_transactions.sql",
            "05_ddl.sql", "06_regression_style.sql"})
    void splitsAsPsqlDoes(String corpusFile) throws Exception {
        byte[] script = Resources.bytes("splitter-corpus/" + corpusFile);

        List<List<String>> ours = StatementSplitter.split(new String(script, StandardCharsets.UTF_8)).stream()
                .map(s -> tokens(s.text())).filter(t -> !t.isEmpty()).toList();
        List<List<String>> psql = psqlSplit(script).stream().map(PsqlDifferentialTest::tokens)
                .filter(t -> !t.isEmpty()).toList();

        assertThat(ours).as("statements of %s", corpusFile).hasSizeGreaterThan(5).isEqualTo(psql);
    }

    /** The token texts of a statement without its final semicolon. */
    private static List<String> tokens(String statement) {
        List<String> texts = new ArrayList<>(SqlTokenizer.tokenize(statement).stream().map(Token::text).toList());
        while (!texts.isEmpty() && texts.get(texts.size() - 1).equals(";")) {
            texts.remove(texts.size() - 1);
        }
        return texts;
    }

    private List<String> psqlSplit(byte[] script) throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        URI url = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        Path file = work.resolve("script.sql");
        Path log = work.resolve("psql.log");
        Files.write(file, script);
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-o", "/dev/null", "-L", log.toString(),
                "-h", url.getHost(), "-p", String.valueOf(url.getPort()), "-U", db.user(), "-d", db.name(),
                "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("psql.out").toFile());
        if (db.password() != null) {
            builder.environment().put("PGPASSWORD", db.password());
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("psql finished").isTrue();
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        List<String> queries = new ArrayList<>();
        for (int start = logged.indexOf(QUERY_START); start >= 0; start = logged.indexOf(QUERY_START, start)) {
            int end = logged.indexOf(QUERY_END, start);
            queries.add(logged.substring(start + QUERY_START.length(), end));
            start = end;
        }
        return queries;
    }
}
