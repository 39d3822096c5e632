package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintGateTest {
    private static Finding finding(FindingSeverity severity) {
        return new Finding(Rule.BAN_DROP_TABLE, severity, "f.sql", 1, 1, "m", "f");
    }

    @Test
    void gateFollowsFailOn() throws Exception {
        LintResult warningsOnly = new LintResult(List.of(finding(FindingSeverity.WARNING)), List.of("f.sql"), 1);
        LintResult withError = new LintResult(List.of(finding(FindingSeverity.ERROR), finding(FindingSeverity.WARNING)), List.of("f.sql"), 2);
        assertThat(LintGate.parse("error").fails(warningsOnly)).isFalse();
        assertThat(LintGate.parse("error").fails(withError)).isTrue();
        assertThat(LintGate.parse("WARNING").fails(warningsOnly)).isTrue();
        assertThat(LintGate.parse("never").fails(withError)).isFalse();
        assertThat(LintGate.counts(withError)).isEqualTo("1 error and 1 warning");
        assertThat(LintGate.counts(new LintResult(List.of(), List.of(), 0))).isEqualTo("0 errors and 0 warnings");
        assertThatThrownBy(() -> LintGate.parse("sometimes")).isInstanceOf(ConfigurationException.class)
                .hasMessage("failOn 'sometimes' is not one of error, warning, never");
    }

    @Test
    void commandLineRuleLevels() throws Exception {
        assertThat(RuleLevels.parse(" ban-drop-column=warning, prefer-robust-stmts = off ,"))
                .containsEntry("ban-drop-column", "warning").containsEntry("prefer-robust-stmts", "off").hasSize(2);
        assertThat(RuleLevels.parse(null)).isEmpty();
        assertThatThrownBy(() -> RuleLevels.parse("ban-drop-column")).isInstanceOf(ConfigurationException.class)
                .hasMessage("rules 'ban-drop-column' is not a rule=level pair");
    }
}
