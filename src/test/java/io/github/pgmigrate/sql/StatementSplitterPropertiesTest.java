package io.github.pgmigrate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StatementSplitterPropertiesTest {

    @Property(tries = 300)
    void joinedStatementsSplitBackIntoThemselves(@ForAll("statements") @Size(min = 1, max = 12) List<String> statements)
            throws SqlSyntaxException {
        String file = String.join("\n", statements);

        List<Statement> split = StatementSplitter.split(file);

        assertThat(split).extracting(Statement::text).containsExactlyElementsOf(statements);
    }

    @Property(tries = 300)
    void aLineCommentEndsAtLineFeedCarriageReturnOrBoth(
            @ForAll("statements") @Size(min = 1, max = 8) List<String> statements,
            @ForAll("lineBreaks") List<String> breaks) throws SqlSyntaxException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            String lineBreak = breaks.isEmpty() ? "\r" : breaks.get(i % breaks.size());
            file.append(statements.get(i)).append(" -- comment ; 'not a quote").append(lineBreak);
        }

        List<Statement> split = StatementSplitter.split(file.toString());

        assertThat(split).extracting(Statement::text).containsExactlyElementsOf(statements);
    }

    @Property(tries = 300)
    void aByteOrderMarkIsRefusedAtTheFirstCharacter(@ForAll("sqlish") String text) {
        assertThatThrownBy(() -> StatementSplitter.split("\uFEFF" + text))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.problem()).contains("byte order mark");
                });
    }

    @Property(tries = 300)
    void aNulIsRefusedWhereverItIs(@ForAll("statements") @Size(min = 1, max = 8) List<String> statements,
                                   @ForAll @IntRange(min = 0, max = 10_000) int where) {
        String file = String.join("\n", statements);
        int at = where % (file.length() + 1);
        String withNul = file.substring(0, at) + '\0' + file.substring(at);
        SourceText.Position expected = new SourceText(withNul).positionOf(at);

        assertThatThrownBy(() -> StatementSplitter.split(withNul))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(new SourceText.Position(e.line(), e.column())).isEqualTo(expected);
                    assertThat(e.problem()).contains("NUL");
                });
    }

    @Provide
    Arbitrary<List<String>> lineBreaks() {
        return Arbitraries.of("\n", "\r", "\r\n").list().ofMaxSize(8);
    }

    @Property(tries = 1000)
    void neverFailsOtherwiseThanWithASyntaxError(@ForAll byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        try {
            StatementSplitter.split(text);
        } catch (SqlSyntaxException expected) {
            assertThat(expected.line()).isPositive();
            assertThat(expected.column()).isPositive();
        }
    }

    @Property(tries = 500)
    void neverFailsOnRandomSqlishText(@ForAll("sqlish") String text) {
        try {
            StatementSplitter.split(text);
        } catch (SqlSyntaxException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> sqlish() {
        return Arbitraries.strings().withChars("ab ;'\"$()-/*\n\\Ee_1").ofMaxLength(80);
    }

    @Provide
    Arbitrary<List<String>> statements() {
        return statement().list();
    }

    private Arbitrary<String> statement() {
        Arbitrary<String> identifier = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.startsWith("begin") && !s.startsWith("end") && !s.startsWith("copy")
                        && !s.startsWith("delimiter"));
        Arbitrary<String> stringLiteral = Arbitraries.strings().withChars("ab;'()$-*/ \n").ofMaxLength(12)
                .map(s -> "'" + s.replace("'", "''") + "'");
        Arbitrary<String> escapeString = Arbitraries.strings().withChars("ab;'\\ ").ofMaxLength(10)
                .map(s -> "E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'");
        Arbitrary<String> dollarBody = Arbitraries.strings().withChars("ab;'\"()- \n").ofMaxLength(20)
                .map(s -> "$fn$" + s + "$fn$");
        Arbitrary<String> quotedIdentifier = Arbitraries.strings().withChars("ab;' ").ofMaxLength(8)
                .map(s -> "\"" + s + "\"");
        Arbitrary<String> value = Arbitraries.oneOf(stringLiteral, escapeString, dollarBody, quotedIdentifier,
                identifier);
        Arbitrary<String> inParentheses = value.list().ofMinSize(1).ofMaxSize(3).map(vs -> "(" + String.join(", ", vs) + ")");
        return Combinators.combine(identifier, Arbitraries.oneOf(value, inParentheses).list().ofMaxSize(4))
                .as((verb, parts) -> (verb + " " + String.join(" ", parts)).strip() + ";");
    }
}
