package io.github.pgmigrate.validate;

/**
 * Something wrong with a migration directory.
 *
 * @param severity an error fails the build, a warning is shown
 * @param file     the file's name inside the directory ({@code atlas.sum} for the sum), or null for the directory
 * @param line     1-based line, or 0 when the problem is not on a line
 * @param column   1-based column, or 0
 * @param message  what is wrong
 * @param hint     how to fix it, or null
 */
public record Problem(Severity severity, String file, int line, int column, String message, String hint) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: message}, the form IDEs turn into links, followed by the hint on its own line. */
    public String format(String directory) {
        StringBuilder out = new StringBuilder();
        out.append(file == null ? directory : directory + "/" + file);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ").append(message);
        if (hint != null) {
            out.append("\n    ").append(hint);
        }
        return out.toString();
    }
}
