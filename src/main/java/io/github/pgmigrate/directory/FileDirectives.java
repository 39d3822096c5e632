package io.github.pgmigrate.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The file-level directives of a migration, read as Atlas reads them: from the leading block of lines that start with
 * {@code --} or {@code #}, and only when that block is followed by a blank line. Directives that sit in the file's
 * leading comments but that Atlas ignores (the block runs straight into a statement, or they come after a blank
 * line) are kept apart, because they are a classic trap: see {@link #ignored()}.
 */
public final class FileDirectives {
    public static final String TXMODE = "txmode";
    public static final String NOLINT = "nolint";
    public static final String CHECKPOINT = "checkpoint";
    private static final Set<String> BLOCK_DIRECTIVES = Set.of(TXMODE, NOLINT, CHECKPOINT);

    private final List<Directive> directives;
    private final List<Directive> ignored;

    private FileDirectives(List<Directive> directives, List<Directive> ignored) {
        this.directives = List.copyOf(directives);
        this.ignored = List.copyOf(ignored);
    }

    public static FileDirectives parse(String text) {
        List<Directive> block = new ArrayList<>();
        int offset = 0;
        int line = 1;
        while (text.startsWith("--", offset) || text.startsWith("#", offset)) {
            int newline = text.indexOf('\n', offset);
            if (newline < 0) {
                // A comments-only file without a final newline: its block is never followed by a blank line.
                collect(text.substring(offset), line, block);
                return new FileDirectives(List.of(), block);
            }
            collect(text.substring(offset, newline).strip(), line, block);
            offset = newline + 1;
            line++;
        }
        boolean blankLineFollows = startsWithBlankLine(text, offset);
        List<Directive> effective = blankLineFollows ? block : List.of();
        List<Directive> ignored = new ArrayList<>(blankLineFollows ? List.of() : block);
        List<Directive> later = new ArrayList<>();
        collectLaterLeadingComments(text, offset, line, later);
        // After the file block's blank line, a nolint above the first statement is that statement's own directive.
        later.stream().filter(d -> !d.name().equals(NOLINT)).forEach(ignored::add);
        return new FileDirectives(effective, ignored);
    }

    private static boolean startsWithBlankLine(String text, int offset) {
        int i = offset;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '\n';
    }

    private static void collect(String commentLine, int line, List<Directive> into) {
        DirectiveSyntax.match(commentLine).ifPresent(m -> into.add(new Directive(m.name(), m.argument(), line)));
    }

    /** Directive-looking comments between the file block and the first statement; Atlas reads none of them. */
    private static void collectLaterLeadingComments(String text, int offset, int line, List<Directive> into) {
        while (offset < text.length()) {
            int newline = text.indexOf('\n', offset);
            String current = (newline < 0 ? text.substring(offset) : text.substring(offset, newline)).strip();
            if (!current.isEmpty() && !current.startsWith("--") && !current.startsWith("#")) {
                return;
            }
            collect(current, line, into);
            if (newline < 0) {
                return;
            }
            offset = newline + 1;
            line++;
        }
    }

    /** The effective file-level directives, in file order. */
    public List<Directive> all() {
        return directives;
    }

    /** The effective directives with this name. */
    public List<Directive> named(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).toList();
    }

    /**
     * Directives among the file's leading comments that Atlas does not read as file directives (Atlas issue #3596:
     * {@code -- atlas:txmode none} directly followed by a statement runs that statement inside a transaction).
     */
    public List<Directive> ignored() {
        return ignored.stream().filter(d -> BLOCK_DIRECTIVES.contains(d.name())).toList();
    }

    public boolean isCheckpoint() {
        return !named(CHECKPOINT).isEmpty();
    }

    /** The checkpoint tag, when the file is a checkpoint with a tag. */
    public Optional<String> checkpointTag() {
        return named(CHECKPOINT).stream().map(Directive::argument).filter(a -> !a.isEmpty()).findFirst();
    }
}
