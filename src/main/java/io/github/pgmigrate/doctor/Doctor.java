package io.github.pgmigrate.doctor;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.CleanCheck;
import io.github.pgmigrate.command.CommandContext;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.PoolerMode;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.history.SupabaseHistoryTable;
import io.github.pgmigrate.history.SupabaseMigration;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.status.StatusReport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code doctor}: the {@code psql \conninfo} step of a runbook, made useful. Connects the way every goal does and
 * reports the server version, the pooler mode, SSL, the clean check, Atlas's revisions, Supabase's history and the
 * pending files; when it cannot connect, the classified cause and fix. Reads only; never prints a password.
 */
public final class Doctor {
    private final DatabaseConnector connector;

    public Doctor(DatabaseConnector connector) {
        this.connector = connector;
    }

    /**
     * @param directory the migration directory, or null when there is none (no pending count then)
     */
    public DoctorReport examine(MigrationDirectory directory, ExecOrder order, HistoryTarget history) {
        ConnectionSettings settings = connector.settings();
        String target = settings.target().displayUrl() + " as " + (settings.user() == null ? "(the URL's user)"
                : settings.user());
        List<DoctorReport.Check> checks = new ArrayList<>();
        try {
            DatabaseCommand.on(connector, "doctor could not read the database").readOnly(true).history(history)
                    .run(context -> {
                        examine(context, directory, order, checks);
                        return null;
                    });
            return new DoctorReport(target, checks, null, null);
        } catch (PgMigrateException e) {
            return new DoctorReport(target, checks, e.getMessage(), e.hint());
        }
    }

    private void examine(CommandContext context, MigrationDirectory directory, ExecOrder order,
                         List<DoctorReport.Check> checks) throws SQLException, PgMigrateException {
        ConnectionSettings settings = context.settings();
        checks.add(new DoctorReport.Check("Server version", one(context, "SELECT 'PostgreSQL ' ||"
                + " current_setting('server_version') || ', database ' || current_database() || ', user '"
                + " || current_user")));
        PoolerMode pooler = settings.target().pooler();
        checks.add(new DoctorReport.Check("Pooler", pooler.kind().name().toLowerCase(Locale.ROOT)
                + (pooler.reason() == null ? " (nothing in the URL or configuration says there is one)"
                : " (" + pooler.reason() + ")")));
        checks.add(new DoctorReport.Check("SSL", one(context, "SELECT CASE WHEN ssl THEN 'on (' || version || ', '"
                + " || cipher || ')' ELSE 'off' END FROM pg_catalog.pg_stat_ssl WHERE pid = pg_backend_pid()")));
        Optional<String> dirt = CleanCheck.dirtReason(context.connection(), settings.target().searchPath(),
                context.table().schema(), settings.revisionsSchema());
        List<String> managed = CleanCheck.supabaseSchemas(context.connection());
        checks.add(new DoctorReport.Check("Clean check", dirt.map(r -> "not clean: " + r).orElse("clean")
                + (managed.isEmpty() ? "" : "; Supabase-managed schemas: " + String.join(", ", managed))));
        List<Revision> revisions = context.table().exists(context.connection())
                ? context.table().readAll(context.connection()) : List.of();
        checks.add(new DoctorReport.Check("Atlas revisions", revisions.isEmpty()
                ? "none in " + context.table().qualifiedName()
                : revisions.size() + " in " + context.table().qualifiedName() + ", last "
                + revisions.get(revisions.size() - 1).version()));
        List<SupabaseMigration> supabase = new SupabaseHistoryTable().readAll(context.connection());
        checks.add(new DoctorReport.Check("Supabase history", supabase.isEmpty()
                ? "none in " + SupabaseHistoryTable.QUALIFIED
                : supabase.size() + " in " + SupabaseHistoryTable.QUALIFIED + ", last "
                + supabase.get(supabase.size() - 1).version()));
        if (directory == null) {
            checks.add(new DoctorReport.Check("Pending", "no migration directory"));
        } else {
            StatusReport status = StatusReader.report(directory.files(), context.revisions(), order);
            checks.add(new DoctorReport.Check("Pending", (status.pending() + status.outOfOrder()) + " of "
                    + directory.files().size() + " files (from " + context.recorder().readTableName() + ")"));
        }
    }

    private static String one(CommandContext context, String sql) throws SQLException {
        try (PreparedStatement statement = context.connection().prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : "unknown";
        }
    }
}
