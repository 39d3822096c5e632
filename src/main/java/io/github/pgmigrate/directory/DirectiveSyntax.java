package io.github.pgmigrate.directory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Atlas recognises a directive in a comment line: any printable-ASCII prefix, {@code atlas:}, a word, then an
 * optional argument after one or more spaces. The last {@code atlas:} on the line wins.
 */
public final class DirectiveSyntax {
    private static final Pattern DIRECTIVE = Pattern.compile("^([ -~]*)atlas:(\\w+)(?: +([ -~]*))*");

    private DirectiveSyntax() {
    }

    /** The directive at the start of {@code text} (only its first line counts), with the prefix it had. */
    public static Optional<Match> match(String text) {
        Matcher m = DIRECTIVE.matcher(text);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(new Match(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3)));
    }

    /** A recognised directive: the text before {@code atlas:}, the name and the argument. */
    public record Match(String prefix, String name, String argument) {
    }
}
