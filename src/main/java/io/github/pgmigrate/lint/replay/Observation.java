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
 * @param createdForeignKeys  oids of the foreign keys the statement created
 * @param unindexedForeignKeys the foreign keys it created that no index covers once every linted file ran, described
 * @param failure     the server's message when the statement failed on the dev database, else null
 * @param renamedReferences routines whose body names what the statement renames ({@code schema.f(types)})
 */
public record Observation(String file, Statement statement, List<LockTaken> locks, List<String> rewritten,
                          Map<String, Long> rows, String notMeasured, List<Long> createdForeignKeys,
                          List<UnindexedForeignKey> unindexedForeignKeys, String failure,
                          List<String> renamedReferences) {

    static Observation notObserved(String file, Statement statement, String reason) {
        return new Observation(file, statement, List.of(), List.of(), Map.of(), reason, List.of(), List.of(), null,
                List.of());
    }

    static Observation failed(String file, Statement statement, String message) {
        return new Observation(file, statement, List.of(), List.of(), Map.of(), null, List.of(), List.of(), message,
                List.of());
    }

    Observation withUnindexed(List<UnindexedForeignKey> unindexed) {
        return new Observation(file, statement, locks, rewritten, rows, notMeasured, createdForeignKeys, unindexed,
                failure, renamedReferences);
    }

    Observation withRenamedReferences(List<String> routines) {
        return new Observation(file, statement, locks, rewritten, rows, notMeasured, createdForeignKeys,
                unindexedForeignKeys, failure, routines);
    }

    public boolean measured() {
        return notMeasured == null && failure == null;
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
