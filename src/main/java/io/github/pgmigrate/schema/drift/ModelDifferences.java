package io.github.pgmigrate.schema.drift;

import io.github.pgmigrate.schema.model.Dependency;
import io.github.pgmigrate.schema.model.Routine;
import io.github.pgmigrate.schema.model.SchemaModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every difference between two schema models, field by field: objects on one side only, and for objects on both sides
 * each field that differs, descending into their parts (a table's columns, constraints, indexes…). Works on the model
 * records themselves, so a field the model gains is compared without a change here.
 */
public final class ModelDifferences {
    private static final String MISSING = "(missing)";

    private final Set<String> ignoredFields;

    private ModelDifferences(Set<String> ignoredFields) {
        this.ignoredFields = Set.copyOf(ignoredFields);
    }

    /** @param ignoredFields record fields not compared anywhere (e.g. {@code owner}) */
    public static List<Difference> between(SchemaModel live, SchemaModel expected, Set<String> ignoredFields) {
        List<Difference> out = new ArrayList<>();
        new ModelDifferences(ignoredFields).compareModels(live, expected, out);
        return List.copyOf(out);
    }

    private void compareModels(SchemaModel live, SchemaModel expected, List<Difference> out) {
        for (RecordComponent component : SchemaModel.class.getRecordComponents()) {
            if (component.getName().equals("dependencies")) {
                continue; // derived from the objects themselves
            }
            compareLists(singular(component.getName()), (List<?>) value(component, live),
                    (List<?>) value(component, expected), out);
        }
    }

    private void compareLists(String kind, List<?> live, List<?> expected, List<Difference> out) {
        Map<String, Object> liveByKey = byKey(live);
        Map<String, Object> expectedByKey = byKey(expected);
        for (Map.Entry<String, Object> entry : liveByKey.entrySet()) {
            String object = kind + " " + entry.getKey();
            Object other = expectedByKey.get(entry.getKey());
            if (other == null) {
                out.add(new Difference(object, "exists", "present", MISSING));
            } else {
                compareObjects(object, entry.getValue(), other, out);
            }
        }
        for (String key : expectedByKey.keySet()) {
            if (!liveByKey.containsKey(key)) {
                out.add(new Difference(kind + " " + key, "exists", MISSING, "present"));
            }
        }
    }

    private void compareObjects(String object, Object live, Object expected, List<Difference> out) {
        if (Objects.equals(live, expected)) {
            return;
        }
        for (RecordComponent component : live.getClass().getRecordComponents()) {
            if (ignoredFields.contains(component.getName())) {
                continue;
            }
            Object a = value(component, live);
            Object b = value(component, expected);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (a instanceof List<?> la && b instanceof List<?> lb && hasNamedRecords(la, lb)) {
                compareLists(object + " / " + singular(component.getName()), la, lb, out);
            } else {
                out.add(new Difference(object, component.getName(), String.valueOf(a), String.valueOf(b)));
            }
        }
    }

    private static boolean hasNamedRecords(List<?> a, List<?> b) {
        Object sample = !a.isEmpty() ? a.get(0) : !b.isEmpty() ? b.get(0) : null;
        return sample != null && sample.getClass().isRecord() && !(sample instanceof Dependency)
                && component(sample.getClass(), "name") != null;
    }

    private static Map<String, Object> byKey(List<?> items) {
        Map<String, Object> keyed = new LinkedHashMap<>();
        for (Object item : items) {
            keyed.put(key(item), item);
        }
        return keyed;
    }

    /** The name, with the arguments for routines (overloads share a name); the whole value for unnamed parts. */
    private static String key(Object item) {
        if (item instanceof Routine routine) {
            return routine.name() + "(" + routine.arguments() + ")";
        }
        RecordComponent name = item.getClass().isRecord() ? component(item.getClass(), "name") : null;
        return String.valueOf(name == null ? item : value(name, item));
    }

    private static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }

    private static String singular(String plural) {
        return switch (plural) {
            case "schemas" -> "schema";
            case "indexes" -> "index";
            case "policies" -> "policy";
            case "compositeTypes" -> "type";
            case "enums" -> "enum";
            default -> plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
        };
    }
}
