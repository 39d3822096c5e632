package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import java.util.List;

/**
 * A table constraint, as in {@code CREATE TABLE (…, CONSTRAINT n CHECK (…))} or {@code ALTER TABLE … ADD …}.
 *
 * @param name       the constraint name, or null when PostgreSQL will generate one
 * @param kind       what it is
 * @param columns    the constrained columns when listed ({@code UNIQUE (a, b)}, {@code FOREIGN KEY (a)}, {@code NOT NULL a})
 * @param references the referenced table of a foreign key, else null
 * @param expression the tokens inside {@code CHECK (…)}, else empty
 * @param notValid   whether {@code NOT VALID} was given
 * @param usingIndex the index of {@code UNIQUE/PRIMARY KEY USING INDEX idx}, else null
 * @param span       the whole constraint, from {@code CONSTRAINT name} (when given) to its last clause
 */
public record ConstraintDefinition(String name, ConstraintKind kind, List<String> columns, QualifiedName references,
                                   List<Token> expression, boolean notValid, String usingIndex,
                                   Span span) {

    public ConstraintDefinition {
        columns = List.copyOf(columns);
        expression = List.copyOf(expression);
    }

    /**
     * The column of a {@code CHECK (col IS NOT NULL)} (the expression must be exactly that, optionally in
     * parentheses), or null. Such a validated check lets {@code SET NOT NULL} skip its scan on PostgreSQL 12+.
     */
    public String notNullCheckColumn() {
        if (kind != ConstraintKind.CHECK) {
            return null;
        }
        List<Token> e = expression;
        while (e.size() >= 2 && e.get(0).isSymbol("(") && e.get(e.size() - 1).isSymbol(")")) {
            e = e.subList(1, e.size() - 1);
        }
        if (e.size() == 4 && e.get(0).isIdentifier() && e.get(1).isWord("is") && e.get(2).isWord("not")
                && e.get(3).isWord("null")) {
            return e.get(0).value();
        }
        return null;
    }
}
