package io.github.pgmigrate.sql;

/** The lexical classes of PostgreSQL that statement recognizers need. */
public enum TokenKind {
    /** An unquoted keyword or identifier; its value is folded to lower case as PostgreSQL folds it. */
    WORD,
    /** A {@code "quoted"} identifier; its value keeps its case, with doubled quotes undone. */
    QUOTED_IDENTIFIER,
    /** A string constant in any of its forms ({@code '…'}, {@code E'…'}, {@code $tag$…$tag$}, {@code B'…'}, …). */
    STRING,
    NUMBER,
    /** A positional parameter such as {@code $1}. */
    PARAMETER,
    /** An operator, including {@code ::} and {@code :}. */
    OPERATOR,
    /** One of {@code ( ) [ ] , ; .}. */
    PUNCTUATION
}
