package io.github.pgmigrate.lint;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one file before suppression and severity configuration are applied. */
final class FindingSink {
    /** A finding tied to a statement (index ≥ 0) or to the file (index -1). */
    record Raw(Rule rule, FindingSeverity defaultSeverity, int statementIndex, int line, int column, String message, String fix) {
    }

    private final List<Raw> raw = new ArrayList<>();

    void report(Rule rule, StatementView s, String message, String fix) {
        report(rule, null, s, message, fix);
    }

    /** Reports with a severity that replaces the rule's default for this finding (e.g. version-dependent rules). */
    void report(Rule rule, FindingSeverity severity, StatementView s, String message, String fix) {
        raw.add(new Raw(rule, severity, s.index(), s.statement().line(), s.statement().column(), message, fix));
    }

    void reportAt(Rule rule, int line, int column, String message, String fix) {
        raw.add(new Raw(rule, null, -1, line, column, message, fix));
    }

    List<Raw> all() {
        return raw;
    }
}
