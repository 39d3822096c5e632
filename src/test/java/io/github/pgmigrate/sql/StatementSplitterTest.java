package io.github.pgmigrate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> texts(String sql) throws SqlSyntaxException {
        return StatementSplitter.split(sql).stream().map(Statement::text).toList();
    }

    @Test
    void keepsDelimiterAndTrimsSpace() throws Exception {
        assertThat(texts("  create table a (id int);\n\n  create table b (id int)  ;  \n"))
                .containsExactly("create table a (id int);", "create table b (id int)  ;");
    }

    @Test
    void lastStatementNeedsNoDelimiter() throws Exception {
        assertThat(texts("select 1;\nselect 2")).containsExactly("select 1;", "select 2");
    }

    @Test
    void quotesHideDelimitersAndDoubledQuotesStayInside() throws Exception {
        assertThat(texts("insert into t values ('a;b', 'it''s');\nselect \"we;ird\" from t;"))
                .containsExactly("insert into t values ('a;b', 'it''s');", "select \"we;ird\" from t;");
    }

    @Test
    void escapeStringsHonourBackslashes() throws Exception {
        assertThat(texts("select E'it\\'s; fine';\nselect 2;"))
                .containsExactly("select E'it\\'s; fine';", "select 2;");
    }

    @Test
    void aWordEndingInEBeforeAQuoteIsNotAnEscapeString() throws Exception {
        assertThat(texts("select date'2020-01-01', '\\';\nselect 2;"))
                .containsExactly("select date'2020-01-01', '\\';", "select 2;");
    }

    @Test
    void dollarQuotesWithTagsHideEverything() throws Exception {
        String body = "create function f() returns int as $body$ begin; return 1; end $body$ language plpgsql;";
        assertThat(texts(body + "\nselect $$a;b$$;")).containsExactly(body, "select $$a;b$$;");
    }

    @Test
    void positionalParametersAreNotDollarQuotes() throws Exception {
        assertThat(texts("prepare p as select $1;\nselect 2;")).containsExactly("prepare p as select $1;", "select 2;");
    }

    @Test
    void blockCommentsNest() throws Exception {
        assertThat(texts("select 1 /* outer /* inner; */ still; */;\nselect 2;"))
                .containsExactly("select 1 /* outer /* inner; */ still; */;", "select 2;");
    }

    @Test
    void leadingCommentsAttachUnlessABlankLineFollows() throws Exception {
        List<Statement> statements = StatementSplitter.split(
                "-- detached\n\n-- atlas:nolint DS103\nalter table t drop column c;\n/* block */ select 1;");

        assertThat(statements.get(0).comments()).containsExactly("-- atlas:nolint DS103\n");
        assertThat(statements.get(0).text()).isEqualTo("alter table t drop column c;");
        assertThat(statements.get(1).comments()).containsExactly("/* block */");
        assertThat(statements.get(1).text()).isEqualTo("select 1;");
    }

    @Test
    void aSameLineTrailingCommentAttachesToTheNextStatement() throws Exception {
        List<Statement> statements = StatementSplitter.split("select 1; -- about the next\nselect 2;");

        assertThat(statements.get(1).comments()).containsExactly("-- about the next\n");
    }

    @Test
    void aFinalCommentWithoutNewlineIsNotAStatement() throws Exception {
        assertThat(texts("select 1;\n-- bye")).containsExactly("select 1;");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() throws Exception {
        assertThat(texts("create rule r as on insert to t do instead (insert into a values (1); insert into b values (2));"))
                .hasSize(1);
    }

    @Test
    void transactionControlIsNeverGrouped() throws Exception {
        assertThat(texts("BEGIN WORK;\nselect 1;\nEND;")).containsExactly("BEGIN WORK;", "select 1;", "END;");
        assertThat(texts("BEGIN;\nselect 1;\nCOMMIT;")).containsExactly("BEGIN;", "select 1;", "COMMIT;");
        assertThat(texts("BEGIN TRANSACTION; INSERT INTO t VALUES (1); END;"))
                .containsExactly("BEGIN TRANSACTION;", "INSERT INTO t VALUES (1);", "END;");
        assertThat(texts("BEGIN ISOLATION LEVEL SERIALIZABLE;\nUPDATE t SET x = 1;\nCOMMIT;"))
                .containsExactly("BEGIN ISOLATION LEVEL SERIALIZABLE;", "UPDATE t SET x = 1;", "COMMIT;");
    }

    @Test
    void beginAtomicBodiesOfRoutinesStayTogether() throws Exception {
        String procedure = "CREATE OR REPLACE PROCEDURE p()\nLANGUAGE SQL\nBEGIN ATOMIC\n  -- body\n"
                + "  INSERT INTO t VALUES (1);\n  SELECT CASE WHEN true THEN 1 END;\nEND;";
        assertThat(texts(procedure + "\nselect 2;")).containsExactly(procedure, "select 2;");
    }

    @Test
    void beginAtomicOutsideARoutineAndBeginAsAColumnNameDoNotGroup() throws Exception {
        assertThat(texts("select begin atomic from t;\nselect 1;\nend;"))
                .containsExactly("select begin atomic from t;", "select 1;", "end;");
        assertThat(texts("create table t (begin int, \"end\" int);\nselect begin\nfrom t;\nend;"))
                .containsExactly("create table t (begin int, \"end\" int);", "select begin\nfrom t;", "end;");
    }

    @Test
    void aBeginAtomicBodyWithoutEndIsAnError() {
        assertThatThrownBy(() -> StatementSplitter.split("select 1;\ncreate function f() returns int\n"
                + "begin atomic\n  select 1;\n"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).isEqualTo("BEGIN ATOMIC without its END");
                });
    }

    @Test
    void aLoneCarriageReturnEndsALineComment() throws Exception {
        assertThat(texts("-- c\rCREATE TABLE a (id int);")).containsExactly("CREATE TABLE a (id int);");
        assertThat(texts("SELECT 1; -- note\rDROP TABLE a;")).containsExactly("SELECT 1;", "DROP TABLE a;");
        assertThat(texts("SELECT 1 -- note\r, 2;\r\nSELECT 3;")).containsExactly("SELECT 1 -- note\r, 2;", "SELECT 3;");
    }

    @Test
    void aBlankCrlfLineDetachesAComment() throws Exception {
        List<Statement> statements = StatementSplitter.split("-- atlas:nolint\r\n\r\nselect 1;\r\n"
                + "-- atlas:nolint DS103\r\nselect 2;");

        assertThat(statements.get(0).comments()).isEmpty();
        assertThat(statements.get(1).comments()).containsExactly("-- atlas:nolint DS103\r\n");
    }

    @Test
    void aByteOrderMarkIsRefused() {
        assertThatThrownBy(() -> StatementSplitter.split("\uFEFF-- atlas:txmode none\n\nselect 1;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.problem()).contains("byte order mark");
                });
    }

    @Test
    void aNulCharacterIsRefusedWhereItIs() {
        assertThatThrownBy(() -> StatementSplitter.split("select 1;\nselect '\0';"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(9);
                    assertThat(e.problem()).contains("NUL");
                });
    }

    @Test
    void aMetaCommandAfterOtherTextOnTheLineIsRefused() {
        assertThatThrownBy(() -> StatementSplitter.split("select 1;\nSELECT 'x' \\gexec\n"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(12);
                    assertThat(e.problem()).contains("\\gexec");
                });
        assertThatThrownBy(() -> StatementSplitter.split("select 1 \\ 2;"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("backslash");
    }

    @Test
    void backslashesInsideStringsAndCommentsAreText() throws Exception {
        assertThat(texts("select '\\n', $$\\$$, \"a\\b\"; -- \\gexec\n/* \\x */ select 2;"))
                .containsExactly("select '\\n', $$\\$$, \"a\\b\";", "select 2;");
    }

    @Test
    void customDelimiterFromTheFirstLine() throws Exception {
        List<Statement> statements = StatementSplitter.split(
                "-- atlas:delimiter \\n\\n\nselect 1;\nselect 2;\n\ncreate table t (id int);");

        assertThat(statements).extracting(Statement::text)
                .containsExactly("select 1;\nselect 2;", "create table t (id int);");
        assertThat(statements.get(1).line()).isEqualTo(5);
    }

    @Test
    void reportsLineAndColumnOfEachStatement() throws Exception {
        List<Statement> statements = StatementSplitter.split("select 1;\n\n  select 2;");

        assertThat(statements.get(1).line()).isEqualTo(3);
        assertThat(statements.get(1).column()).isEqualTo(3);
    }

    @Test
    void unterminatedStringNamesItsPosition() {
        assertThatThrownBy(() -> StatementSplitter.split("select 1;\nselect 'oops;\n"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(8);
                    assertThat(e.problem()).isEqualTo("unterminated quoted string");
                });
    }

    @Test
    void unterminatedDollarQuoteIsAnError() {
        assertThatThrownBy(() -> StatementSplitter.split("create function f() returns int as $fn$ select 1;"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("1:36")
                .hasMessageContaining("$fn$");
    }

    @Test
    void unterminatedBlockCommentIsAnError() {
        assertThatThrownBy(() -> StatementSplitter.split("select 1; /* never closed"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("unterminated /* comment");
    }

    @Test
    void psqlMetaCommandsAreRefused() {
        assertThatThrownBy(() -> StatementSplitter.split("select 1;\n\\connect other\nselect 2;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).contains("\\connect");
                });
    }

    @Test
    void copyFromStdinIsRefused() {
        assertThatThrownBy(() -> StatementSplitter.split("create table t (a int);\nCOPY t (a) FROM stdin;\n1\n\\.\n"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).contains("COPY");
                });
    }

    @Test
    void copyFromAServerFileIsFine() throws Exception {
        assertThat(texts("copy t from '/tmp/data.csv';")).hasSize(1);
    }

    @Test
    void unbalancedParenthesesAreErrors() {
        assertThatThrownBy(() -> StatementSplitter.split("select (1;"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("unclosed '('");
        assertThatThrownBy(() -> StatementSplitter.split("select 1);"))
                .isInstanceOf(SqlSyntaxException.class).hasMessageContaining("unexpected ')'");
    }
}
