package io.github.pgmigrate.apply;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.ddl.NonTransactional;
import io.github.pgmigrate.directory.Directive;
import io.github.pgmigrate.directory.FileDirectives;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.sql.SqlSyntaxException;
import io.github.pgmigrate.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pending file, ready to run: its statements, its atlas.sum hash and whether it runs in a transaction (the
 * global txMode, overridden by the file's {@code atlas:txmode} directive as Atlas does).
 *
 * @param file          the file
 * @param statements    its statements
 * @param transactional whether its statements run inside a transaction
 * @param hash          its atlas.sum hash, for the revisions table
 */
public record FilePlan(MigrationFile file, List<Statement> statements, boolean transactional, String hash) {

    /**
     * Plans every pending file before anything runs, so a file that cannot run is refused while the database is
     * untouched.
     */
    public static List<FilePlan> of(List<MigrationFile> pending, TxMode global, SumFile sum, int serverVersionNum)
            throws PgMigrateException {
        List<FilePlan> plans = new ArrayList<>();
        for (MigrationFile file : pending) {
            TxMode mode = modeOf(file, global);
            List<Statement> statements;
            try {
                statements = file.statements();
            } catch (SqlSyntaxException e) {
                throw new PgMigrateException(file.name() + ":" + e.line() + ": " + e.problem(), e.hint(), e);
            }
            boolean transactional = mode != TxMode.NONE;
            if (transactional) {
                refuseNonTransactional(file, statements, global, serverVersionNum);
            }
            String hash = sum.hashOf(file.name()).orElse("");
            plans.add(new FilePlan(file, statements, transactional, hash));
        }
        return plans;
    }

    static TxMode modeOf(MigrationFile file, TxMode global) throws PgMigrateException {
        List<Directive> directives = file.directives().named(FileDirectives.TXMODE);
        if (directives.isEmpty()) {
            return global;
        }
        if (directives.size() > 1) {
            throw new PgMigrateException("multiple txmode values found in file \"" + file.name() + "\": "
                    + directives.stream().map(Directive::argument).toList(),
                    "keep one -- atlas:txmode line at the top of the file");
        }
        String value = directives.get(0).argument().strip();
        if (value.equals("all")) {
            throw new PgMigrateException("txmode \"all\" is not allowed in file directive \"" + file.name()
                    + "\". Use \"file\" instead", null);
        }
        if (!value.equals("none") && !value.equals("file")) {
            throw new PgMigrateException("unknown txmode \"" + value + "\" found in file directive \""
                    + file.name() + "\"", "the directive takes none or file");
        }
        if (global == TxMode.ALL) {
            throw new PgMigrateException("cannot set txmode directive to \"" + value + "\" in \"" + file.name()
                    + "\" when txmode \"all\" is set globally",
                    "run with txMode=file (the default) so each file chooses its own mode");
        }
        return TxMode.byId(value).orElseThrow();
    }

    private static void refuseNonTransactional(MigrationFile file, List<Statement> statements, TxMode global,
                                               int serverVersionNum) throws PgMigrateException {
        for (Statement statement : statements) {
            Optional<String> command = NonTransactional.command(statement.text(), serverVersionNum / 10000);
            if (command.isEmpty()) {
                continue;
            }
            String hint;
            if (global == TxMode.ALL) {
                hint = "txMode=all runs every file in one transaction, which this statement refuses. Run with"
                        + " txMode=file and give this file \"-- atlas:txmode none\" as its first line, followed by"
                        + " a blank line";
            } else if (!file.directives().ignored().isEmpty()) {
                Directive ignored = file.directives().ignored().get(0);
                hint = "line " + ignored.line() + " has an atlas:" + ignored.name() + " directive, but directives"
                        + " only count when the comment block at the top of the file is followed by a blank line."
                        + " Add an empty line after it";
            } else {
                hint = "make the file non-transactional: put \"-- atlas:txmode none\" on its first line, followed"
                        + " by a blank line. Each statement then commits on its own, so keep such statements in a"
                        + " file of their own";
            }
            throw new PgMigrateException(file.name() + ":" + statement.line() + ": " + command.get()
                    + " cannot run inside a transaction, and this file runs in one (txMode "
                    + (global == TxMode.ALL ? "all" : "file") + "); nothing was applied", hint);
        }
    }
}
