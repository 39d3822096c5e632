package io.github.pgmigrate.checksum;

/**
 * One line of atlas.sum after the first: a file name and its running hash.
 *
 * @param name the file's base name
 * @param hash standard base64 of the running SHA-256, without the {@code h1:} prefix
 */
public record SumEntry(String name, String hash) {
}
