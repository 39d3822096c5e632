package io.github.pgmigrate.directory;

/**
 * One {@code atlas:<name> [argument]} directive.
 *
 * @param name     e.g. {@code txmode}
 * @param argument everything after the name and its spaces; empty when there is none
 * @param line     1-based line in the file
 */
public record Directive(String name, String argument, int line) {
}
