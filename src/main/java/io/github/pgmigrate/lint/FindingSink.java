package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.Span;
import io.github.pgmigrate.sql.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one file before suppression and severity configuration are applied. Each reporter gets its
 * own sink ({@link #forEmitter}) over the shared list, and may report only the rules that name it as their emitter.
 * A finding is placed on the element it names (a {@link Span} of the statement) or on the whole statement.
 */
final class FindingSink {
    /** A finding tied to a statement (index ≥ 0) or to the file (index -1). */
    record Raw(Rule rule, FindingSeverity defaultSeverity, int statementIndex, SourceRegion region, String message, String fix) {
    }

    private final Class<?> emitter;
    private final SourceText file;
    private final List<Raw> raw;

    FindingSink(Class<?> emitter, SourceText file) {
        this(emitter, file, new ArrayList<>());
    }

    private FindingSink(Class<?> emitter, SourceText file, List<Raw> raw) {
        this.emitter = emitter;
        this.file = file;
        this.raw = raw;
    }

    /** A sink for {@code emitter} that adds to the same findings. */
    FindingSink forEmitter(Class<?> other) {
        return new FindingSink(other, file, raw);
    }

    /** Reports on the whole statement. */
    void report(Rule rule, StatementView s, String message, String fix) {
        report(rule, null, s, null, message, fix);
    }

    /** Reports on the element at {@code at} in the statement (the whole statement when null). */
    void report(Rule rule, StatementView s, Span at, String message, String fix) {
        report(rule, null, s, at, message, fix);
    }

    /** Reports with a severity that replaces the rule's default for this finding (e.g. version-dependent rules). */
    void report(Rule rule, FindingSeverity severity, StatementView s, String message, String fix) {
        report(rule, severity, s, null, message, fix);
    }

    /** Reports on an element with a severity that replaces the rule's default. */
    void report(Rule rule, FindingSeverity severity, StatementView s, Span at, String message, String fix) {
        checkEmitter(rule);
        raw.add(new Raw(rule, severity, s.index(), SourceRegion.of(file, s.statement(), at), message, fix));
    }

    void reportAt(Rule rule, int line, int column, String message, String fix) {
        checkEmitter(rule);
        raw.add(new Raw(rule, null, -1, SourceRegion.at(line, column), message, fix));
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
