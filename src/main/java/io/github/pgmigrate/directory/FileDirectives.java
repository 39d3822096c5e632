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
    private final boolean crlfBlankLine;

    private FileDirectives(List<Directive> directives, List<Directive> ignored, boolean crlfBlankLine) {
        this.directives = List.copyOf(directives);
        this.ignored = List.copyOf(ignored);
        this.crlfBlankLine = crlfBlankLine;
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
                return new FileDirectives(List.of(), block, false);
            }
            collect(text.substring(offset, newline).strip(), line, block);
            offset = newline + 1;
            line++;
        }
        boolean blankLineFollows = startsWithBlankLine(text, offset, "\n");
        List<Directive> effective = blankLineFollows ? block : List.of();
        List<Directive> ignored = new ArrayList<>();
        List<Directive> group = new ArrayList<>(blankLineFollows ? List.of() : block);
        collectLaterLeadingComments(text, offset, line, group, ignored);
        return new FileDirectives(effective, ignored, !blankLineFollows && !block.isEmpty()
                && startsWithBlankLine(text, offset, "\r\n"));
    }

    private static boolean startsWithBlankLine(String text, int offset, String lineBreak) {
        int i = offset;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.startsWith(lineBreak, i);
    }

    private static void collect(String commentLine, int line, List<Directive> into) {
        DirectiveSyntax.match(commentLine).ifPresent(m -> into.add(new Directive(m.name(), m.argument(), line)));
    }

    /**
     * Directive-looking comments before the first statement that Atlas does not read as file directives. An
     * {@code atlas:nolint} in the comments directly attached to the first statement is not among them: it is a
     * statement-level directive, which needs no blank line.
     */
    private static void collectLaterLeadingComments(String text, int offset, int line, List<Directive> group,
                                                    List<Directive> ignored) {
        while (offset < text.length()) {
            int newline = text.indexOf('\n', offset);
            String current = (newline < 0 ? text.substring(offset) : text.substring(offset, newline)).strip();
            if (current.isEmpty()) {
                ignored.addAll(group);
                group.clear();
            } else if (current.startsWith("--") || current.startsWith("#")) {
                collect(current, line, group);
            } else {
                group.removeIf(d -> d.name().equals(NOLINT));
                break;
            }
            if (newline < 0) {
                break;
            }
            offset = newline + 1;
            line++;
        }
        ignored.addAll(group);
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

    /** Why Atlas reads none of {@link #ignored()}, for messages. */
    public String whyIgnored() {
        return crlfBlankLine
                ? "the blank line after the comment block ends in CRLF (\\r\\n), and Atlas only counts a blank line"
                        + " written as LF, so it reads no file directive here"
                : "Atlas reads file directives only from the comment block at the top of the file, and only when a"
                        + " blank line follows it";
    }

    /** How to make {@link #ignored()} count. */
    public String howToApply() {
        return crlfBlankLine
                ? "save the file with LF line endings (e.g. '*.sql text eol=lf' in .gitattributes), then run"
                        + " 'mvn pgmigrate:hash'"
                : "put the directive on the first lines of the file and add an empty line after them";
    }

    public boolean isCheckpoint() {
        return !named(CHECKPOINT).isEmpty();
    }

    /** The checkpoint tag, when the file is a checkpoint with a tag. */
    public Optional<String> checkpointTag() {
        return named(CHECKPOINT).stream().map(Directive::argument).filter(a -> !a.isEmpty()).findFirst();
    }
}
