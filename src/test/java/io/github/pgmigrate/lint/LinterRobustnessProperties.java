package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.directory.MigrationFile;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The linter is total: any sequence of DDL-looking tokens lints without an exception, findings point into the file. */
class LinterRobustnessProperties {
    private static final List<String> WORDS = List.of("create", "alter", "drop", "table", "index", "concurrently", "if",
            "not", "exists", "add", "column", "constraint", "check", "unique", "primary", "key", "foreign", "references",
            "default", "null", "type", "set", "data", "using", "validate", "valid", "rename", "to", "begin", "commit",
            "only", "on", "partition", "of", "detach", "attach", "generated", "always", "as", "identity", "stored",
            "\"Q\"", "t", "s", "c", "(", ")", ",", ".", "::", "'x'", "1", "now()", "serial", "varchar(10)", "lock",
            "vacuum", "full", "cluster", "reindex", "truncate", "cascade", "enum", "value", "domain", "trigger");

    @Provide
    Arbitrary<String> statements() {
        Arbitrary<String> statement = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(14)
                .map(words -> String.join(" ", words) + ";");
        return statement.list().ofMinSize(1).ofMaxSize(8).map(list -> String.join("\n", list));
    }

    @Property(tries = 400)
    void lintingNeverThrows(@ForAll("statements") String sql) {
        String text = sql;
        int lines = (int) text.lines().count();
        for (String prefix : new String[] {"", "-- atlas:txmode none\n\n"}) {
            List<Finding> findings = new Linter(LintOptions.defaults())
                    .lint(MigrationFile.of("1_p.sql", prefix + text), "1_p.sql");
            assertThat(findings).allSatisfy(f -> {
                assertThat(f.line()).isBetween(1, lines + 2);
                assertThat(f.column()).isPositive();
                assertThat(f.message()).isNotBlank();
            });
        }
    }
}
