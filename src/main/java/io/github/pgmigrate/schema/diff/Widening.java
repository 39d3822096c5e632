package io.github.pgmigrate.schema.diff;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Column type changes that keep every value: anything else is a narrowing hazard. */
final class Widening {
    private static final Pattern MODIFIED = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)");
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private Widening() {
    }

    static boolean keepsValues(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        if (to.equals("text") && (from.startsWith("character varying") || from.startsWith("character("))) {
            return true;
        }
        int fromInt = INTEGERS.indexOf(from);
        int toInt = INTEGERS.indexOf(to);
        if (fromInt >= 0 && toInt >= 0) {
            return toInt >= fromInt;
        }
        if (from.equals("real") && to.equals("double precision")) {
            return true;
        }
        Matcher f = MODIFIED.matcher(from);
        if (!f.matches()) {
            return false;
        }
        if (to.equals(f.group(1))) {
            return to.equals("character varying") || to.equals("numeric");
        }
        Matcher t = MODIFIED.matcher(to);
        return t.matches() && t.group(1).equals(f.group(1))
                && Integer.parseInt(t.group(2)) >= Integer.parseInt(f.group(2))
                && java.util.Objects.equals(t.group(3), f.group(3));
    }
}
