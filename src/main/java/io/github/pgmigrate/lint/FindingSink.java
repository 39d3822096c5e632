package io.github.pgmigrate.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one file before suppression and severity configuration are applied. Each reporter gets its
 * own sink ({@link #forEmitter}) over the shared list, and may report only the rules that name it as their emitter.
 */
final class FindingSink {
    /** A finding tied to a statement (index ≥ 0) or to the file (index -1). */
    record Raw(Rule rule, FindingSeverity defaultSeverity, int statementIndex, int line, int column, String message, String fix) {
    }

    private final Class<?> emitter;
    private final List<Raw> raw;

    FindingSink(Class<?> emitter) {
        this(emitter, new ArrayList<>());
    }

    private FindingSink(Class<?> emitter, List<Raw> raw) {
        this.emitter = emitter;
        this.raw = raw;
    }

    /** A sink for {@code emitter} that adds to the same findings. */
    FindingSink forEmitter(Class<?> other) {
        return new FindingSink(other, raw);
    }

    void report(Rule rule, StatementView s, String message, String fix) {
        report(rule, null, s, message, fix);
    }

    /** Reports with a severity that replaces the rule's default for this finding (e.g. version-dependent rules). */
    void report(Rule rule, FindingSeverity severity, StatementView s, String message, String fix) {
        checkEmitter(rule);
        raw.add(new Raw(rule, severity, s.index(), s.statement().line(), s.statement().column(), message, fix));
    }

    void reportAt(Rule rule, int line, int column, String message, String fix) {
        checkEmitter(rule);
        raw.add(new Raw(rule, null, -1, line, column, message, fix));
    }

    private void checkEmitter(Rule rule) {
        if (rule.emittedBy() != emitter) {
            throw new IllegalStateException(emitter.getSimpleName() + " reports " + rule.id() + ", which names "
                    + rule.emittedBy().getSimpleName() + " as the class that emits it");
        }
    }

    List<Raw> all() {
        return raw;
    }
}
