package io.github.pgmigrate.lint;

import io.github.pgmigrate.directory.Directive;
import io.github.pgmigrate.directory.DirectiveSyntax;
import io.github.pgmigrate.directory.FileDirectives;
import java.util.ArrayList;
import java.util.List;

/**
 * The suppression directives that apply to one file or statement.
 * <ul>
 *   <li>Atlas's {@code atlas:nolint [names]}: at file level (the leading comment block followed by a blank line) a
 *   bare directive skips the whole file and a directive with names applies them to every statement; at statement
 *   level (comments attached to the statement, prefixes {@code --}, {@code #} or a single-line {@code /*}) a bare
 *   directive suppresses every finding of the statement. Names are rule ids, Atlas codes or Atlas analyzer names.</li>
 *   <li>{@code -- pgmigrate:ignore id[, id…]}: statement level, rule ids only; it never suppresses everything, and
 *   names that are no rule are reported (so a typo cannot silently switch a check off).</li>
 *   <li>squawk's {@code -- squawk-ignore rule[, rule…]} in the statement's comments, and its
 *   {@code -- squawk-ignore-file [rule, …]} on a comment line of its own anywhere between statements (bare: every
 *   finding of the file), with squawk's rule names mapped to pgmigrate's (most are the same), so trees linted with
 *   squawk need no edits.</li>
 *   <li>eugene's {@code -- eugene: ignore [E1, W12, …]} in the statement's comments (bare: every finding of the
 *   statement), its hint ids mapped to the rules that report the same hazard ({@link #EUGENE_HINTS}).</li>
 * </ul>
 */
final class Suppressions {
    private static final String IGNORE = "pgmigrate:ignore";
    private static final String SQUAWK_IGNORE = "squawk-ignore";
    private static final String SQUAWK_IGNORE_FILE = "squawk-ignore-file";
    private static final String EUGENE_IGNORE = "eugene: ignore";
    /** eugene's hint ids and the rules that report the same hazard (docs/lint/index.md lists them). */
    static final java.util.Map<String, List<String>> EUGENE_HINTS = java.util.Map.ofEntries(
            java.util.Map.entry("e1", List.of("constraint-missing-not-valid", "adding-foreign-key-constraint")),
            java.util.Map.entry("e2", List.of("adding-not-nullable-field")),
            java.util.Map.entry("e3", List.of("prefer-jsonb")),
            java.util.Map.entry("e4", List.of("statements-after-access-exclusive")),
            java.util.Map.entry("e5", List.of("changing-column-type")),
            java.util.Map.entry("e6", List.of("require-concurrent-index-creation")),
            java.util.Map.entry("e7", List.of("disallowed-unique-constraint")),
            java.util.Map.entry("e8", List.of("adding-exclusion-constraint")),
            java.util.Map.entry("e9", List.of("require-lock-timeout")),
            java.util.Map.entry("e10", List.of("changing-column-type", "adding-field-with-default", "adding-generated-stored-column",
                    "adding-auto-increment-column", "set-logged-unlogged", "set-access-method")),
            java.util.Map.entry("e11", List.of("adding-auto-increment-column", "adding-generated-stored-column")),
            java.util.Map.entry("w12", List.of("multiple-alter-table-same-table")),
            java.util.Map.entry("w13", List.of("avoid-enum-type")),
            java.util.Map.entry("w14", List.of("adding-primary-key-constraint")));
    /** squawk rule names whose pgmigrate id differs. */
    static final java.util.Map<String, List<String>> SQUAWK_ALIASES = java.util.Map.of(
            "prefer-timestamp-tz", List.of("prefer-timestamptz"),
            "ban-concurrent-index-creation-in-transaction", List.of("non-transactional-statement-in-transaction"),
            "adding-serial-primary-key-field", List.of("adding-primary-key-constraint"),
            "require-timeout-settings", List.of("require-lock-timeout", "require-statement-timeout"));

    /** Suppression of a scope: everything, or the listed names. */
    record Scope(boolean all, List<String> names) {
        static final Scope NONE = new Scope(false, List.of());

        boolean suppresses(Rule rule) {
            return all || names.stream().anyMatch(rule::isNamedBy);
        }

        Scope plus(Scope other) {
            List<String> merged = new ArrayList<>(names);
            merged.addAll(other.names);
            return new Scope(all || other.all, merged);
        }
    }

    /** A {@code pgmigrate:ignore} name that no rule answers to, or an ignore comment with no names. */
    record UnknownName(String name) {
    }

    private Suppressions() {
    }

    /** Whether a bare file-level {@code atlas:nolint} skips the whole file. */
    static boolean skipsFile(FileDirectives directives) {
        return directives.named(FileDirectives.NOLINT).stream().anyMatch(d -> d.argument().isBlank());
    }

    static Scope fileScope(FileDirectives directives) {
        Scope scope = Scope.NONE;
        for (Directive d : directives.named(FileDirectives.NOLINT)) {
            scope = scope.plus(new Scope(d.argument().isBlank(), names(d.argument())));
        }
        return scope;
    }

    /**
     * The suppression carried by a statement's attached comments; unknown ignore names go to {@code unknown}, the rules
     * named by {@code pgmigrate:ignore} to {@code ignored} (to report suppressions that suppress nothing).
     */
    static Scope statementScope(List<String> comments, List<UnknownName> unknown, List<Rule> ignored) {
        Scope scope = Scope.NONE;
        for (String comment : comments) {
            String line = firstLine(comment);
            scope = scope.plus(atlasNolint(line));
            int ignore = line.indexOf(IGNORE);
            if (line.startsWith("--") && ignore >= 0 && line.substring(2, ignore).isBlank()) {
                String argument = line.substring(ignore + IGNORE.length());
                int reason = argument.indexOf("--");
                List<String> listed = names(reason >= 0 ? argument.substring(0, reason) : argument);
                if (listed.isEmpty()) {
                    unknown.add(new UnknownName(""));
                }
                for (String name : listed) {
                    java.util.Optional<Rule> rule = Rule.byId(name);
                    if (rule.isEmpty()) {
                        unknown.add(new UnknownName(name));
                    } else {
                        ignored.add(rule.get());
                    }
                }
                scope = scope.plus(new Scope(false, listed));
            }
            scope = scope.plus(squawkIgnore(line)).plus(eugeneIgnore(line));
        }
        return scope;
    }

    /**
     * The {@code squawk-ignore-file} comments of a file: comment lines of their own outside the statements (a bare
     * one suppresses everything, one with names those rules).
     */
    static Scope squawkFileScope(String text, List<io.github.pgmigrate.sql.Statement> statements) {
        Scope scope = Scope.NONE;
        int from = 0;
        while ((from = text.indexOf(SQUAWK_IGNORE_FILE, from)) >= 0) {
            int lineStart = text.lastIndexOf('\n', from) + 1;
            int lineEnd = text.indexOf('\n', from);
            String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
            from += SQUAWK_IGNORE_FILE.length();
            String body = commentBody(line);
            if (body == null || !(body.equals(SQUAWK_IGNORE_FILE) || body.startsWith(SQUAWK_IGNORE_FILE + " "))
                    || insideStatement(lineStart, statements)) {
                continue;
            }
            List<String> listed = withoutReason(body.substring(SQUAWK_IGNORE_FILE.length()));
            scope = scope.plus(listed.isEmpty() ? new Scope(true, List.of()) : new Scope(false, squawkNames(listed)));
        }
        return scope;
    }

    private static boolean insideStatement(int offset, List<io.github.pgmigrate.sql.Statement> statements) {
        for (io.github.pgmigrate.sql.Statement st : statements) {
            if (offset > st.offset() && offset < st.offset() + st.text().length()) {
                return true;
            }
        }
        return false;
    }

    private static Scope eugeneIgnore(String line) {
        String body = commentBody(line);
        if (body == null || !(body.equals(EUGENE_IGNORE) || body.startsWith(EUGENE_IGNORE + " "))) {
            return Scope.NONE;
        }
        List<String> hints = names(body.substring(EUGENE_IGNORE.length()));
        if (hints.isEmpty()) {
            return new Scope(true, List.of());
        }
        List<String> mapped = new ArrayList<>();
        for (String hint : hints) {
            mapped.addAll(EUGENE_HINTS.getOrDefault(hint.toLowerCase(java.util.Locale.ROOT), List.of()));
        }
        return new Scope(false, mapped);
    }

    /** The text of a {@code --} or single-line block comment, trimmed; null for anything else. */
    private static String commentBody(String line) {
        return line.startsWith("--") ? line.substring(2).trim()
                : line.startsWith("/*") && line.endsWith("*/") ? line.substring(2, line.length() - 2).trim() : null;
    }

    private static List<String> withoutReason(String argument) {
        int reason = argument.indexOf("--");
        return names(reason >= 0 ? argument.substring(0, reason) : argument);
    }

    private static List<String> squawkNames(List<String> names) {
        List<String> mapped = new ArrayList<>();
        for (String name : names) {
            mapped.addAll(SQUAWK_ALIASES.getOrDefault(name, List.of(name)));
        }
        return mapped;
    }

    private static Scope squawkIgnore(String line) {
        String body = commentBody(line);
        if (body == null || !body.startsWith(SQUAWK_IGNORE + " ")) {
            // A bare squawk-ignore suppresses nothing at statement level (squawk's own rule); -file is read per file.
            return Scope.NONE;
        }
        return new Scope(false, squawkNames(withoutReason(body.substring(SQUAWK_IGNORE.length()))));
    }

    private static Scope atlasNolint(String line) {
        boolean blockComment = line.startsWith("/*");
        String text = blockComment && line.endsWith("*/") ? line.substring(0, line.length() - 2) : line;
        return DirectiveSyntax.match(text)
                .filter(m -> m.name().equals(FileDirectives.NOLINT))
                .filter(m -> m.prefix().equals("--") || m.prefix().equals("-- ") || m.prefix().equals("#")
                        || m.prefix().equals("/*"))
                .map(m -> new Scope(m.argument().isBlank(), names(m.argument())))
                .orElse(Scope.NONE);
    }

    private static String firstLine(String comment) {
        int newline = comment.indexOf('\n');
        return (newline < 0 ? comment : comment.substring(0, newline)).strip();
    }

    private static List<String> names(String argument) {
        List<String> names = new ArrayList<>();
        for (String part : argument.trim().split("[\\s,]+")) {
            if (!part.isEmpty()) {
                names.add(part);
            }
        }
        return names;
    }
}
