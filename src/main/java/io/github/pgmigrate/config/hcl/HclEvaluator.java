package io.github.pgmigrate.config.hcl;

import io.github.pgmigrate.config.hcl.HclSyntax.Attribute;
import io.github.pgmigrate.config.hcl.HclSyntax.Call;
import io.github.pgmigrate.config.hcl.HclSyntax.Expression;
import io.github.pgmigrate.config.hcl.HclSyntax.Literal;
import io.github.pgmigrate.config.hcl.HclSyntax.ObjectValue;
import io.github.pgmigrate.config.hcl.HclSyntax.Template;
import io.github.pgmigrate.config.hcl.HclSyntax.Traversal;
import io.github.pgmigrate.config.hcl.HclSyntax.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions to Java values: {@link String}, {@link BigDecimal}, {@link Boolean}, null, {@link List} and
 * {@link Map}. What names and functions mean is the {@link Scope}'s business.
 */
public final class HclEvaluator {
    private final String file;
    private final Scope scope;

    /** Resolves traversals ({@code var.x}) and function calls for one file. */
    public interface Scope {
        Object traversal(Traversal traversal) throws HclException;

        Object call(Call call, List<Object> arguments) throws HclException;
    }

    public HclEvaluator(String file, Scope scope) {
        this.file = file;
        this.scope = scope;
    }

    public Object evaluate(Expression expression) throws HclException {
        if (expression instanceof Literal literal) {
            return literal.value();
        }
        if (expression instanceof Template template) {
            StringBuilder text = new StringBuilder();
            for (Object part : template.parts()) {
                text.append(part instanceof Expression inner ? render(inner) : part);
            }
            return text.toString();
        }
        if (expression instanceof Traversal traversal) {
            return scope.traversal(traversal);
        }
        if (expression instanceof Call call) {
            List<Object> arguments = new ArrayList<>();
            for (Expression argument : call.arguments()) {
                arguments.add(evaluate(argument));
            }
            return scope.call(call, arguments);
        }
        if (expression instanceof Tuple tuple) {
            List<Object> values = new ArrayList<>();
            for (Expression element : tuple.elements()) {
                values.add(evaluate(element));
            }
            return values;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Attribute entry : ((ObjectValue) expression).entries()) {
            values.put(entry.name(), evaluate(entry.value()));
        }
        return values;
    }

    /** The expression's value, which must be a string (a number or boolean is written as text). */
    public String string(Expression expression, String what) throws HclException {
        Object value = evaluate(expression);
        if (value instanceof String || value instanceof BigDecimal || value instanceof Boolean) {
            return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        }
        throw new HclException(file, expression.line(), what + " must be a string, not " + describe(value));
    }

    /** The expression's value, which must be a list of strings. */
    public List<String> strings(Expression expression, String what) throws HclException {
        Object value = evaluate(expression);
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new HclException(file, expression.line(), what + " must be a list of strings, not "
                    + describe(value));
        }
        return list.stream().map(String.class::cast).toList();
    }

    private String render(Expression expression) throws HclException {
        Object value = evaluate(expression);
        if (value instanceof String || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        throw new HclException(file, expression.line(), "${…} must give a string, not " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return value instanceof String ? "a string" : "a " + value.getClass().getSimpleName().toLowerCase();
    }
}
