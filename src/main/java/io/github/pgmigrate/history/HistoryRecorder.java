package io.github.pgmigrate.history;

import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionTable;
import io.github.pgmigrate.revisions.RevisionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that says where a run records that a version was applied or removed ({@link HistoryTarget}): the
 * goals hand it Atlas revision rows and get the statements that write them to Atlas's table, Supabase's table, or
 * both. Supabase's table has no progress: it gets a row only once a version is complete (applied, baselined or set),
 * as {@code supabase db push} and {@code migration repair} write it.
 */
public final class HistoryRecorder {
    private final HistoryTarget target;
    private final RevisionTable atlas;
    private final SupabaseHistoryTable supabase = new SupabaseHistoryTable();

    public HistoryRecorder(HistoryTarget target, RevisionTable atlas) {
        this.target = target;
        this.atlas = atlas;
    }

    public HistoryTarget target() {
        return target;
    }

    /** The table whose rows the run reads: Supabase's with {@code history=supabase}, else Atlas's. */
    public String readTableName() {
        return target == HistoryTarget.SUPABASE ? SupabaseHistoryTable.QUALIFIED : atlas.qualifiedName();
    }

    public boolean exists(Connection connection) throws SQLException {
        return target == HistoryTarget.SUPABASE ? supabase.exists(connection) : atlas.exists(connection);
    }

    /**
     * The history as revisions in version order. Supabase's rows become completed revisions without a hash (it
     * stores none), so they are never reported as edited.
     */
    public List<Revision> readAll(Connection connection) throws SQLException {
        if (target != HistoryTarget.SUPABASE) {
            return atlas.readAll(connection);
        }
        return supabase.readAll(connection).stream().map(HistoryRecorder::asRevision).toList();
    }

    public Optional<Revision> read(Connection connection, String version) throws SQLException {
        return readAll(connection).stream().filter(r -> r.version().equals(version)).findFirst();
    }

    /**
     * Whether the history shows {@code file} completely applied with this very content: Atlas's row complete with the
     * file's hash; Supabase's row, which stores no hash, with the statements this file records. For a run that waited
     * for the lock behind a transaction pooler and finds that another run recorded the file meanwhile.
     *
     * @param hash       the file's hash as Atlas's revisions table records it
     * @param statements how many statements the file has
     */
    public boolean recordsComplete(Connection connection, MigrationFile file, String hash, int statements)
            throws SQLException {
        if (target == HistoryTarget.SUPABASE) {
            List<String> recorded = SupabaseHistoryTable.statementsOf(file);
            return supabase.readAll(connection).stream()
                    .anyMatch(row -> row.version().equals(file.version()) && row.statements().equals(recorded));
        }
        Optional<Revision> now = read(connection, file.version());
        return now.isPresent() && now.get().applied() == now.get().total() && now.get().total() == statements
                && now.get().hash().equals(hash);
    }

    private static Revision asRevision(SupabaseMigration row) {
        int count = row.statements().size();
        return new Revision(row.version(), row.name(), RevisionType.EXECUTE, count, count, null, 0, "", "", "",
                null, "supabase");
    }

    /** What creates the missing tables this target writes. */
    public List<String> createStatements(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        if (target.writesAtlas() && !atlas.exists(connection)) {
            statements.addAll(atlas.createStatements(connection));
        }
        if (target.writesSupabase() && !supabase.hasEveryColumn(connection)) {
            statements.addAll(supabase.createStatements());
        }
        return statements;
    }

    /** Records the row (Atlas), and the file as applied once the row says it completed (Supabase). */
    public List<String> upsert(Revision row, MigrationFile file) {
        return write(row, file, target.writesAtlas() ? atlas.upsertSql(row) : null);
    }

    /** As {@link #upsert}, with Atlas's time columns taken from the server's clock at the end of the transaction. */
    public List<String> upsertTimedByServer(Revision row, MigrationFile file) {
        return write(row, file, target.writesAtlas() ? atlas.upsertSqlTimedByServer(row) : null);
    }

    private List<String> write(Revision row, MigrationFile file, String atlasSql) {
        List<String> sql = new ArrayList<>();
        if (atlasSql != null) {
            sql.add(atlasSql);
        }
        if (target.writesSupabase() && !row.isPartial() && (!row.hasError() || row.isResolved())) {
            sql.add(supabase.upsertSql(file));
        }
        return sql;
    }

    /**
     * Records {@code baseline} as the version the database's schema already is: Atlas's baseline row (type 1); in
     * Supabase's history, which knows no baseline, a row for it and every file before it, as
     * {@code supabase migration repair --status applied} would write them, so the CLI sees none of them pending.
     */
    public List<String> baseline(MigrationFile baseline, List<MigrationFile> files, String operatorVersion) {
        List<String> sql = new ArrayList<>();
        if (target.writesAtlas()) {
            sql.add(atlas.upsertSql(new Revision(baseline.version(), baseline.description(), RevisionType.BASELINE,
                    0, 0, OffsetDateTime.now(ZoneOffset.UTC), 0, "", "", "", null, operatorVersion)));
        }
        if (target.writesSupabase()) {
            files.stream().filter(f -> ByteOrder.compare(f.version(), baseline.version()) <= 0)
                    .forEach(f -> sql.add(supabase.upsertSql(f)));
        }
        return sql;
    }

    public List<String> delete(String version) {
        List<String> sql = new ArrayList<>();
        if (target.writesAtlas()) {
            sql.add(atlas.deleteSql(version));
        }
        if (target.writesSupabase()) {
            sql.add(supabase.deleteSql(version));
        }
        return sql;
    }

    /** An SQL expression: how many statements of the version the read table holds as applied, or NULL. */
    public String appliedCountSql(String version) {
        return target == HistoryTarget.SUPABASE ? supabase.statementCountSql(version)
                : "(SELECT applied FROM " + atlas.qualifiedName() + " WHERE version = "
                + SqlLiterals.string(version) + ")";
    }
}
