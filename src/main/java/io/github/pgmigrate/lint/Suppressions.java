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
 *   <li>squawk's {@code -- squawk-ignore rule[, rule…]} in the statement's comments, with squawk's rule names mapped to
 *   pgmigrate's (most are the same), so trees linted with squawk need no edits.</li>
 * </ul>
 */
final class Suppressions {
    private static final String IGNORE = "pgmigrate:ignore";
    private static final String SQUAWK_IGNORE = "squawk-ignore";
    /** squawk rule names whose pgmigrate id differs. */
    private static final java.util.Map<String, List<String>> SQUAWK_ALIASES = java.util.Map.of(
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
            scope = scope.plus(squawkIgnore(line));
        }
        return scope;
    }

    private static Scope squawkIgnore(String line) {
        String body = line.startsWith("--") ? line.substring(2).trim()
                : line.startsWith("/*") && line.endsWith("*/") ? line.substring(2, line.length() - 2).trim() : null;
        if (body == null || !body.startsWith(SQUAWK_IGNORE + " ")) {
            // A bare squawk-ignore suppresses nothing at statement level (squawk's own rule); -file forms are not read.
            return Scope.NONE;
        }
        String argument = body.substring(SQUAWK_IGNORE.length());
        int reason = argument.indexOf("--");
        List<String> mapped = new ArrayList<>();
        for (String name : names(reason >= 0 ? argument.substring(0, reason) : argument)) {
            mapped.addAll(SQUAWK_ALIASES.getOrDefault(name, List.of(name)));
        }
        return new Scope(false, mapped);
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
