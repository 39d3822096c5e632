package io.github.pgmigrate.lint;

/**
 * One lint finding, placed on the element that causes it (a column definition, a constraint, a type name, an ALTER
 * TABLE sub-command) or, for rules about a whole statement, on the statement.
 *
 * @param rule      the rule that fired
 * @param severity  its effective severity
 * @param file      the file as shown to users (relative to the project when possible)
 * @param line      1-based line where the element starts
 * @param column    1-based column where the element starts
 * @param endLine   1-based line where the element ends
 * @param endColumn 1-based column just after the element's last character (exclusive, as SARIF counts)
 * @param message   what happens in production (the lock and on what, whether the table is rewritten)
 * @param fix       the safe alternative
 * @param measured  what replay on a dev database observed for the statement ("ACCESS EXCLUSIVE on public.users (3
 *                  rows); public.users rewritten"), or null when the finding is static only
 */
public record Finding(Rule rule, FindingSeverity severity, String file, int line, int column, int endLine, int endColumn,
                      String message, String fix, String measured) {

    /** A static finding on an element. */
    public Finding(Rule rule, FindingSeverity severity, String file, int line, int column, int endLine, int endColumn,
                   String message, String fix) {
        this(rule, severity, file, line, column, endLine, endColumn, message, fix, null);
    }

    /** A static finding on one point (the end is the character after it). */
    public Finding(Rule rule, FindingSeverity severity, String file, int line, int column, String message, String fix) {
        this(rule, severity, file, line, column, line, column + 1, message, fix, null);
    }

    /** This finding as replay refined it: its severity, what was measured, and a sentence added to the message. */
    public Finding measuredAs(FindingSeverity newSeverity, String observed, String addedToMessage) {
        return new Finding(rule, newSeverity, file, line, column, endLine, endColumn, message + addedToMessage, fix, observed);
    }

    /** {@code message} followed by the fix, on one line. */
    public String text() {
        return fix == null || fix.isEmpty() ? message : message + " Instead: " + fix;
    }

    /** The IDE-clickable log line {@code file:line:col: severity id message}. */
    public String logLine() {
        return file + ":" + line + ":" + column + ": " + severity.id() + " " + rule.id() + " " + text()
                + (measured == null ? "" : " [measured: " + measured + "]");
    }
}
