package io.github.pgmigrate.directory;

/** One file's new name: same description, a version of its own. */
public record Renaming(String from, String to) {

    public String newVersion() {
        return MigrationName.of(to).version();
    }
}
