package io.github.pgmigrate.lint;

/**
 * One lint finding.
 *
 * @param rule     the rule that fired
 * @param severity its effective severity
 * @param file     the file as shown to users (relative to the project when possible)
 * @param line     1-based line of the statement
 * @param column   1-based column of the statement
 * @param message  what happens in production (the lock and on what, whether the table is rewritten)
 * @param fix      the safe alternative
 */
public record Finding(Rule rule, FindingSeverity severity, String file, int line, int column, String message, String fix) {

    /** {@code message} followed by the fix, on one line. */
    public String text() {
        return fix == null || fix.isEmpty() ? message : message + " Instead: " + fix;
    }

    /** The IDE-clickable log line {@code file:line:col: severity id message}. */
    public String logLine() {
        return file + ":" + line + ":" + column + ": " + severity.id() + " " + rule.id() + " " + text();
    }
}
