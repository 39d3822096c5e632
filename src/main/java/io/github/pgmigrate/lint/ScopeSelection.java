package io.github.pgmigrate.lint;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The files a scope selects from a directory, plus the findings the selection itself produces (migrations that were
 * already committed on the git base and have since been edited or deleted).
 */
public record ScopeSelection(List<MigrationFile> files, List<Finding> findings) {

    public ScopeSelection {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    public static ScopeSelection select(MigrationDirectory directory, LintScope scope,
                                        Function<Path, String> displayPath) throws PgMigrateException {
        List<MigrationFile> all = directory.files();
        if (scope instanceof LintScope.Latest latest) {
            return new ScopeSelection(all.subList(Math.max(0, all.size() - latest.count()), all.size()), List.of());
        }
        if (scope instanceof LintScope.GitBase git) {
            GitChanges changes = GitChanges.since(git.base(), git.gitDir(), directory.path());
            return fromChanges(all, changes, git.base(), displayPath, directory);
        }
        return new ScopeSelection(all, List.of());
    }

    static ScopeSelection fromChanges(List<MigrationFile> all, GitChanges changes, String base,
                                      Function<Path, String> displayPath, MigrationDirectory directory) {
        int first = all.size();
        for (int i = 0; i < all.size(); i++) {
            if (changes.added().contains(all.get(i).name())) {
                first = i;
                break;
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (MigrationFile file : all) {
            if (changes.modified().contains(file.name())) {
                findings.add(new Finding(Rule.EDITED_COMMITTED_MIGRATION, FindingSeverity.ERROR, displayPath.apply(directory.pathOf(file)), 1, 1,
                        "Migration " + file.name() + " was changed after it was committed on " + base
                                + ": databases that already applied it will never run the new content, and atlas.sum no longer matches theirs.",
                        "revert the edit and put the change in a new migration file (mvn pgmigrate:new)."));
            }
        }
        for (String name : changes.deleted()) {
            if (name.endsWith(".sql")) {
                String shown = displayPath.apply(directory.path().resolve(name));
                findings.add(new Finding(Rule.EDITED_COMMITTED_MIGRATION, FindingSeverity.ERROR, shown, 1, 1,
                        "Migration " + name + " existed on " + base + " and was deleted (or renamed): databases that applied it keep a revision this directory no longer has.",
                        "restore the file; undo its effect with a new migration instead."));
            }
        }
        return new ScopeSelection(all.subList(first, all.size()), findings);
    }
}
