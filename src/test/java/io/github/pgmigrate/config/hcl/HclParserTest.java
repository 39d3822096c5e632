package io.github.pgmigrate.config.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.hcl.HclSyntax.Body;
import io.github.pgmigrate.config.hcl.HclSyntax.Call;
import io.github.pgmigrate.config.hcl.HclSyntax.Traversal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HclParserTest {
    private static final HclEvaluator.Scope NO_NAMES = new HclEvaluator.Scope() {
        @Override
        public Object traversal(Traversal traversal) throws HclException {
            return traversal.root() + "." + String.join(".", traversal.steps());
        }

        @Override
        public Object call(Call call, List<Object> arguments) {
            return call.name() + arguments;
        }
    };

    private static Object value(String text) throws HclException {
        Body body = HclParser.parse("t.hcl", "a = " + text + "\n");
        return new HclEvaluator("t.hcl", NO_NAMES).evaluate(body.attribute("a").value());
    }

    @Test
    void literalsListsObjectsAndComments() throws Exception {
        assertThat(value("\"x\\ty\\u0041\\\"\"")).isEqualTo("x\tyA\"");
        assertThat(value("42")).isEqualTo(new BigDecimal("42"));
        assertThat(value("true")).isEqualTo(true);
        assertThat(value("null")).isNull();
        assertThat(value("[\"a\", 1, # note\n  \"b\",\n]")).isEqualTo(List.of("a", new BigDecimal(1), "b"));
        assertThat(value("{ k = \"v\", \"q\": 2 }")).isEqualTo(Map.of("k", "v", "q", new BigDecimal(2)));
        assertThat(value("\"$${literal} %%{too}\"")).isEqualTo("${literal} %{too}");
    }

    @Test
    void interpolationTraversalsAndCalls() throws Exception {
        assertThat(value("\"pre-${var.x}-${f(\"y\")}\"")).isEqualTo("pre-var.x-f[y]");
        assertThat(value("local.list[0]")).isEqualTo("local.list.0");
    }

    @Test
    void heredocsKeepLinesAndStripIndentation() throws Exception {
        Body body = HclParser.parse("t.hcl", "a = <<-EOT\n    one ${var.x}\n      two\n    EOT\nb = 1\n");
        HclEvaluator evaluator = new HclEvaluator("t.hcl", NO_NAMES);

        assertThat(evaluator.evaluate(body.attribute("a").value())).isEqualTo("one var.x\n  two\n");
        assertThat(body.attribute("b").line()).isEqualTo(5);
    }

    @Test
    void blocksCarryLabelsAndLines() throws Exception {
        Body body = HclParser.parse("t.hcl", "/* head\n */\nenv \"a\" label2 {\n  x = 1\n  inner {\n  }\n}\n");

        assertThat(body.blocks()).singleElement().satisfies(block -> {
            assertThat(block.type()).isEqualTo("env");
            assertThat(block.labels()).containsExactly("a", "label2");
            assertThat(block.line()).isEqualTo(3);
            assertThat(block.body().attribute("x").line()).isEqualTo(4);
            assertThat(block.body().blocks("inner")).singleElement().satisfies(i -> assertThat(i.line()).isEqualTo(5));
        });
    }

    @Test
    void malformedInputIsReportedWithItsLine() {
        assertThatThrownBy(() -> HclParser.parse("t.hcl", "env \"a\" {\n  x = 1\n"))
                .isInstanceOf(HclException.class).hasMessage("t.hcl:3: a block is not closed: '}' is missing");
        assertThatThrownBy(() -> HclParser.parse("t.hcl", "a = 1\n}\n"))
                .hasMessage("t.hcl:2: '}' without a block to close");
        assertThatThrownBy(() -> HclParser.parse("t.hcl", "\n\na = 1 + 2\n"))
                .hasMessageStartingWith("t.hcl:3: operators and conditionals ('+')");
        assertThatThrownBy(() -> HclParser.parse("t.hcl", "a = [for x in y : x]\n"))
                .hasMessage("t.hcl:1: for expressions are not supported in this file");
        assertThatThrownBy(() -> HclParser.parse("t.hcl", "a = \"%{ if x }y%{ endif }\"\n"))
                .hasMessageStartingWith("t.hcl:1: template directives");
        assertThatThrownBy(() -> HclParser.parse("t.hcl", "a = <<EOT\nno end\n"))
                .hasMessage("t.hcl:1: the heredoc that starts here has no closing EOT");
        assertThatThrownBy(() -> HclParser.parse("t.hcl", "/* open\n\na = 1\n"))
                .hasMessage("t.hcl:1: the comment that starts here is not closed");
        assertThatThrownBy(() -> HclParser.parse("t.hcl", "a = \"\\q\"\n"))
                .hasMessage("t.hcl:1: unknown escape \\q in a string");
    }
}
