package io.github.pgmigrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.Resources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The splitter reproduces Atlas's goldens under the PostgreSQL scanner options. */
class AtlasLexVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"lex_15_dollar_quote", "lex_16_begin_atomic"})
    void reproducesGolden(String vector) throws SqlSyntaxException {
        String input = text("atlas-vectors/lex/" + vector + ".sql");
        String golden = text("atlas-vectors/lex/" + vector + ".sql.golden");

        List<Statement> statements = StatementSplitter.split(input);

        assertThat(String.join("\n-- end --\n", statements.stream().map(Statement::text).toList()))
                .isEqualTo(golden);
    }

    private static String text(String resource) {
        return new String(Resources.bytes(resource), StandardCharsets.UTF_8);
    }
}
