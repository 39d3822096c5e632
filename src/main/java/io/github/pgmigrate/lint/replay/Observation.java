package io.github.pgmigrate.lint.replay;

import io.github.pgmigrate.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one statement did on the dev database: the locks it held on tables that existed before its file, the tables it
 * rewrote (their {@code relfilenode} changed), and how many rows those tables had.
 *
 * @param file        the migration file's name
 * @param statement   the statement, with its position in the file
 * @param locks       locks on tables that existed before the file, strongest first
 * @param rewritten   tables that existed before the file and got a new data file
 * @param rows        row counts of the locked tables, before the statement
 * @param notMeasured why the statement was run without being observed (it cannot run in a transaction), else null
 */
public record Observation(String file, Statement statement, List<LockTaken> locks, List<String> rewritten,
                          Map<String, Long> rows, String notMeasured) {

    public boolean measured() {
        return notMeasured == null;
    }

    public boolean tookAccessExclusive() {
        return locks.stream().anyMatch(LockTaken::accessExclusive);
    }

    public boolean blockedWrites() {
        return locks.stream().anyMatch(LockTaken::blocksWrites);
    }

    /** "ACCESS EXCLUSIVE on public.users (120 rows), public.users rewritten", as findings quote it. */
    public String summary() {
        String locked = locks.stream().map(l -> l + rowsOf(l.relation())).collect(Collectors.joining(", "));
        String rewrites = rewritten.isEmpty() ? "no table rewritten"
                : String.join(", ", rewritten) + " rewritten";
        return (locked.isEmpty() ? "no lock on an existing table" : locked) + "; " + rewrites;
    }

    private String rowsOf(String relation) {
        Long count = rows.get(relation);
        return count == null ? "" : " (" + count + (count == 1 ? " row)" : " rows)");
    }
}
