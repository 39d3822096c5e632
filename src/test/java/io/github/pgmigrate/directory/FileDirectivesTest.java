package io.github.pgmigrate.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileDirectivesTest {

    @Test
    void readsTheLeadingBlockFollowedByABlankLine() {
        FileDirectives d = FileDirectives.parse("-- atlas:txmode none\n# atlas:nolint DS103 PG101\n\nselect 1;");

        assertThat(d.named("txmode")).containsExactly(new Directive("txmode", "none", 1));
        assertThat(d.named("nolint")).containsExactly(new Directive("nolint", "DS103 PG101", 2));
        assertThat(d.ignored()).isEmpty();
    }

    @Test
    void aBlockRunningIntoAStatementIsIgnored() {
        FileDirectives d = FileDirectives.parse("-- atlas:txmode none\ncreate index concurrently i on t (a);");

        assertThat(d.all()).isEmpty();
        assertThat(d.ignored()).containsExactly(new Directive("txmode", "none", 1));
    }

    @Test
    void aDirectiveAfterTheFirstBlankLineIsIgnored() {
        FileDirectives d = FileDirectives.parse("-- header\n\n-- atlas:txmode none\n\nselect 1;");

        assertThat(d.named("txmode")).isEmpty();
        assertThat(d.ignored()).containsExactly(new Directive("txmode", "none", 3));
    }

    @Test
    void aNolintAttachedToTheFirstStatementIsAStatementDirectiveNotAMisplacedFileDirective() {
        assertThat(FileDirectives.parse("-- atlas:nolint DS103\nalter table t drop column c;").ignored()).isEmpty();
        assertThat(FileDirectives.parse("-- header\n\n-- atlas:nolint DS103\nalter table t drop column c;")
                .ignored()).isEmpty();
        assertThat(FileDirectives.parse("-- atlas:nolint\n-- atlas:txmode none\ncreate index concurrently i on t (a);")
                .ignored()).containsExactly(new Directive("txmode", "none", 2));
    }

    @Test
    void aDetachedNolintAfterTheFileBlockIsIgnored() {
        assertThat(FileDirectives.parse("-- header\n\n-- atlas:nolint DS103\n\nalter table t drop column c;")
                .ignored()).containsExactly(new Directive("nolint", "DS103", 3));
    }

    @Test
    void aCrlfBlankLineIsNotABlankLineToAtlasAndTheReasonSaysSo() {
        FileDirectives d = FileDirectives.parse("-- atlas:txmode none\r\n\r\ncreate index concurrently i on t (a);\r\n");

        assertThat(d.all()).isEmpty();
        assertThat(d.ignored()).containsExactly(new Directive("txmode", "none", 1));
        assertThat(d.whyIgnored()).contains("CRLF");
        assertThat(d.howToApply()).contains("LF line endings");
        assertThat(FileDirectives.parse("-- atlas:txmode none\ncreate index concurrently i on t (a);").whyIgnored())
                .doesNotContain("CRLF");
    }

    @Test
    void blankLineMayHoldSpacesAndTabs() {
        assertThat(FileDirectives.parse("-- atlas:checkpoint v1\n \t\nselect 1;").checkpointTag()).contains("v1");
    }

    @Test
    void sumIgnoreMustBeExactlyOnTheFirstLine() {
        assertThat(MigrationFile.of("1.sql", "-- atlas:sum ignore\nselect 1;").isSumIgnored()).isTrue();
        assertThat(MigrationFile.of("1.sql", "-- atlas:sum ignore \nselect 1;").isSumIgnored()).isFalse();
        assertThat(MigrationFile.of("1.sql", "select 1;\n-- atlas:sum ignore\n").isSumIgnored()).isFalse();
    }

    @Test
    void versionAndDescriptionSplitAtTheFirstUnderscore() {
        assertThat(MigrationName.of("1.a_sub.up.sql")).isEqualTo(new MigrationName("1.a_sub.up.sql", "1.a", "sub.up"));
        assertThat(MigrationName.of("1.sql")).isEqualTo(new MigrationName("1.sql", "1", ""));
        assertThat(MigrationName.of("1_a_b.sql")).isEqualTo(new MigrationName("1_a_b.sql", "1", "a_b"));
    }

    @Test
    void namesSortByUtf8Bytes() {
        assertThat(ByteOrder.compare("10", "9")).isNegative();
        assertThat(ByteOrder.compare("\uFFFF", "\uD83D\uDE00")).isNegative();
        assertThat("\uFFFF".compareTo("\uD83D\uDE00")).isPositive();
    }
}
