package io.github.pgmigrate.schema.render;

import io.github.pgmigrate.schema.model.Column;
import io.github.pgmigrate.schema.model.Constraint;
import io.github.pgmigrate.schema.model.ConstraintKind;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.model.Table;
import java.util.Set;

/**
 * The tables as a Mermaid {@code erDiagram} (GitHub and GitLab render it in markdown): columns with their types and
 * PK/FK/UK marks, and one relation per foreign key, {@code }o--||} when the referencing columns are NOT NULL.
 */
public final class MermaidRenderer {
    private MermaidRenderer() {
    }

    public static String render(SchemaModel model) {
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (Table t : model.tables()) {
            Set<String> primary = KeyColumns.of(t, ConstraintKind.PRIMARY_KEY);
            Set<String> unique = KeyColumns.of(t, ConstraintKind.UNIQUE);
            Set<String> foreign = KeyColumns.of(t, ConstraintKind.FOREIGN_KEY);
            out.append("    ").append(entity(t.name())).append("[\"").append(t.name()).append("\"] {\n");
            for (Column c : t.columns()) {
                out.append("        ").append(word(c.type())).append(' ').append(word(c.name()));
                String keys = String.join(", ", java.util.stream.Stream.of(
                        primary.contains(c.name()) ? "PK" : null, foreign.contains(c.name()) ? "FK" : null,
                        unique.contains(c.name()) ? "UK" : null).filter(java.util.Objects::nonNull).toList());
                if (!keys.isEmpty()) {
                    out.append(' ').append(keys);
                }
                out.append('\n');
            }
            out.append("    }\n");
        }
        for (Table t : model.tables()) {
            for (Constraint c : t.constraints()) {
                if (c.kind() != ConstraintKind.FOREIGN_KEY) {
                    continue;
                }
                boolean required = KeyColumns.foreignKeys(t).stream().filter(k -> k.name().equals(c.name()))
                        .flatMap(k -> k.columns().stream()).allMatch(n -> t.column(n) != null && t.column(n).notNull());
                out.append("    ").append(entity(t.name())).append(required ? " }o--|| " : " }o--o| ")
                        .append(entity(c.references())).append(" : \"").append(c.name().replace("\"", "'"))
                        .append("\"\n");
            }
        }
        return out.toString();
    }

    private static String entity(QualifiedName name) {
        return word(name.schema() + "__" + name.name());
    }

    /** Mermaid words: letters, digits, _ - ( ) [ ]; anything else becomes _. */
    private static String word(String text) {
        return text.replaceAll("[^A-Za-z0-9_()\\[\\]-]", "_");
    }
}
