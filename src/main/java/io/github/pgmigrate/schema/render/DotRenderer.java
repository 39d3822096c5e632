package io.github.pgmigrate.schema.render;

import io.github.pgmigrate.schema.model.Column;
import io.github.pgmigrate.schema.model.ConstraintKind;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.model.Table;
import java.util.List;
import java.util.Set;

/**
 * The tables as a Graphviz digraph: one record-like HTML table per table (a port per column), and one edge per
 * foreign key from its columns to the referenced columns. {@code dot -Tsvg} draws it.
 */
public final class DotRenderer {
    private DotRenderer() {
    }

    public static String render(SchemaModel model) {
        StringBuilder out = new StringBuilder("digraph schema {\n    rankdir=LR;\n    node [shape=plaintext];\n");
        for (Table t : model.tables()) {
            Set<String> primary = KeyColumns.of(t, ConstraintKind.PRIMARY_KEY);
            out.append("    ").append(id(t.name())).append(" [label=<<table border=\"0\" cellborder=\"1\""
                    + " cellspacing=\"0\"><tr><td bgcolor=\"lightgrey\"><b>").append(html(t.name().toString()))
                    .append("</b></td></tr>");
            for (int i = 0; i < t.columns().size(); i++) {
                Column c = t.columns().get(i);
                String name = primary.contains(c.name()) ? "<u>" + html(c.name()) + "</u>" : html(c.name());
                out.append("<tr><td port=\"c").append(i).append("\" align=\"left\">").append(name).append(' ')
                        .append(html(c.type())).append(c.notNull() ? " NOT NULL" : "").append("</td></tr>");
            }
            out.append("</table>>];\n");
        }
        for (Table t : model.tables()) {
            for (KeyColumns.ForeignKey key : KeyColumns.foreignKeys(t)) {
                QualifiedName target = t.constraints().stream().filter(c -> c.name().equals(key.name()))
                        .findFirst().orElseThrow().references();
                Table referenced = model.table(target);
                out.append("    ").append(id(t.name())).append(port(t, key.columns()))
                        .append(" -> ").append(id(target))
                        .append(referenced == null ? "" : port(referenced, key.referencedColumns()))
                        .append(" [label=\"").append(key.name().replace("\"", "\\\"")).append("\"];\n");
            }
        }
        return out.append("}\n").toString();
    }

    private static String port(Table t, List<String> columns) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (!columns.isEmpty() && t.columns().get(i).name().equals(columns.get(0))) {
                return ":c" + i;
            }
        }
        return "";
    }

    private static String id(QualifiedName name) {
        return "\"" + name.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
