package io.github.pgmigrate.sql;

/** The splitter could not make sense of a file; the position says where the problem starts. */
public final class SqlSyntaxException extends Exception {
    private final int line;
    private final int column;
    private final String problem;
    private final String hint;

    public SqlSyntaxException(int line, int column, String problem, String hint) {
        super(line + ":" + column + ": " + problem + (hint == null ? "" : " (" + hint + ")"));
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.hint = hint;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    /** How to fix it, or null. */
    public String hint() {
        return hint;
    }
}
