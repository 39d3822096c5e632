package io.github.pgmigrate.config.hcl;

import java.util.List;

/** The parsed form of an HCL file: bodies of attributes and blocks, and unevaluated expressions. */
public final class HclSyntax {
    private HclSyntax() {
    }

    /** A body: the file itself, or the inside of a block. */
    public record Body(List<Attribute> attributes, List<Block> blocks) {
        public Body {
            attributes = List.copyOf(attributes);
            blocks = List.copyOf(blocks);
        }

        /** The attribute with this name, or null. */
        public Attribute attribute(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        }

        /** The blocks of this type, in file order. */
        public List<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type().equals(type)).toList();
        }
    }

    /** {@code name = expression}. */
    public record Attribute(String name, Expression value, int line) {
    }

    /** {@code type "label" … { body }}. */
    public record Block(String type, List<String> labels, Body body, int line) {
        public Block {
            labels = List.copyOf(labels);
        }
    }

    /** An expression, evaluated only when its value is needed. */
    public sealed interface Expression permits Literal, Template, Traversal, Call, Tuple, ObjectValue {
        int line();
    }

    /** A string, number ({@link java.math.BigDecimal}), boolean or null. */
    public record Literal(Object value, int line) implements Expression {
    }

    /** A quoted string or heredoc: text parts ({@link String}) and interpolated {@link Expression}s. */
    public record Template(List<Object> parts, int line) implements Expression {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** {@code root.step.step}, e.g. {@code var.url}, {@code local.dev}, {@code atlas.env}, or a bare keyword. */
    public record Traversal(String root, List<String> steps, int line) implements Expression {
        public Traversal {
            steps = List.copyOf(steps);
        }
    }

    /** {@code name(arguments)}. */
    public record Call(String name, List<Expression> arguments, int line) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code [a, b]}. */
    public record Tuple(List<Expression> elements, int line) implements Expression {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** {@code { key = value }}. */
    public record ObjectValue(List<Attribute> entries, int line) implements Expression {
        public ObjectValue {
            entries = List.copyOf(entries);
        }
    }
}
