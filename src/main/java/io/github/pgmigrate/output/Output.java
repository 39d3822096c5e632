package io.github.pgmigrate.output;

/** Where the engine reports progress: the Maven log in the plugin, a list in tests. Never given a password. */
public interface Output {

    void info(String line);

    void warn(String line);

    /** A problem that fails the goal (a lint error); shown as a warning where there is no error level. */
    default void error(String line) {
        warn(line);
    }

    /** Discards everything. */
    Output NONE = new Output() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };
}
