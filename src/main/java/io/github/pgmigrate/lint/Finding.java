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
 * @param measured what replay on a dev database observed for the statement ("ACCESS EXCLUSIVE on public.users (3
 *                 rows); public.users rewritten"), or null when the finding is static only
 */
public record Finding(Rule rule, FindingSeverity severity, String file, int line, int column, String message, String fix,
                      String measured) {

    public Finding(Rule rule, FindingSeverity severity, String file, int line, int column, String message, String fix) {
        this(rule, severity, file, line, column, message, fix, null);
    }

    /** This finding as replay refined it: its severity, what was measured, and a sentence added to the message. */
    public Finding measuredAs(FindingSeverity newSeverity, String observed, String addedToMessage) {
        return new Finding(rule, newSeverity, file, line, column, message + addedToMessage, fix, observed);
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
