package io.github.pgmigrate.checksum;

/**
 * A difference between atlas.sum and the directory.
 *
 * @param file    the migration file's name
 * @param kind    what happened to it since the sum was written
 * @param sumLine the 1-based line of atlas.sum that records it (for an added file: the line it will get)
 */
public record SumChange(String file, Kind kind, int sumLine) {

    public enum Kind {
        ADDED("added"), EDITED("edited"), REMOVED("removed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    @Override
    public String toString() {
        return "L" + sumLine + ": " + file + " was " + kind.word();
    }
}
