package io.github.pgmigrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The splitter examines each character a bounded number of times, whatever the input: inputs that used to start a
 * nested scan at every BEGIN (exponential time, or a stack overflow) are held to linear work.
 */
class StatementSplitterWorkTest {
    private static final int CHARACTER_VISITS = 5;

    private static void assertLinear(String input) {
        assertThat(StatementSplitter.workFor(input))
                .as("characters examined for %d characters of input", input.length())
                .isLessThanOrEqualTo((long) CHARACTER_VISITS * input.length());
    }

    @Test
    void transactionBlocksAreLinear() throws SqlSyntaxException {
        for (int blocks : new int[] {24, 30, 3000}) {
            String input = "BEGIN ISOLATION LEVEL SERIALIZABLE;\nUPDATE t SET x = x + 1;\nCOMMIT;\n".repeat(blocks);

            assertLinear(input);
            assertThat(StatementSplitter.split(input)).hasSize(3 * blocks);
        }
    }

    @Test
    void beginRepeatedIsLinearAndOneStatement() throws SqlSyntaxException {
        String input = "begin ".repeat(4000);

        assertLinear(input);
        assertThat(StatementSplitter.split(input)).hasSize(1);
    }

    @Test
    void quotedBeginRepeatedIsLinear() throws SqlSyntaxException {
        String input = "select " + "'begin ' || ".repeat(4000) + "'';";

        assertLinear(input);
        assertThat(StatementSplitter.split(input)).hasSize(1);
    }

    @Test
    void unclosedAtomicBodiesAreLinear() {
        assertLinear("create function f() returns int begin atomic select 1; ".repeat(4000));
        assertLinear("create function f() returns int begin atomic begin atomic ".repeat(4000));
    }

    @Test
    void closedAtomicBodiesAreLinear() throws SqlSyntaxException {
        String input = "create function f() returns int language sql begin atomic select 1; end;\n".repeat(4000);

        assertLinear(input);
        assertThat(StatementSplitter.split(input)).hasSize(4000);
    }

    @Test
    void deeplyNestedCommentsAndParenthesesAreLinear() {
        assertLinear("select " + "(".repeat(50_000) + ")".repeat(50_000) + ";");
        assertLinear("/*".repeat(50_000) + "*/".repeat(50_000) + " select 1;");
        assertLinear("-- c\r".repeat(50_000) + "select 1;");
    }

    @Test
    void workGrowsWithTheInputNotFaster() {
        String block = "BEGIN; create function f() returns int begin atomic select 'begin'; end; COMMIT;\n";
        long small = StatementSplitter.workFor(block.repeat(1000));
        long large = StatementSplitter.workFor(block.repeat(10_000));

        assertThat(large).isLessThanOrEqualTo(11 * small);
    }
}
