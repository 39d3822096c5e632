package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.DdlRecognizer;
import io.github.pgmigrate.lint.replay.Observation;
import io.github.pgmigrate.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Joins what replay observed with what the static rules claimed, statement by statement: a static finding the
 * measurement confirms says so; one it disproves (a rewrite that did not happen) is downgraded to a warning with the
 * reason; a lock or rewrite no static rule predicted becomes a finding of a measured rule.
 */
public final class MeasuredFindings {
    /** Static rules whose claim is that the statement rewrites the table. */
    private static final Set<Rule> REWRITE_CLAIMS = EnumSet.of(Rule.ADDING_FIELD_WITH_DEFAULT,
            Rule.CHANGING_COLUMN_TYPE, Rule.ADDING_GENERATED_STORED_COLUMN, Rule.ADDING_AUTO_INCREMENT_COLUMN,
            Rule.SET_LOGGED_UNLOGGED, Rule.SET_ACCESS_METHOD, Rule.PREFER_REPACK);

    /** Static rules whose claim is about the lock the statement itself takes. */
    private static final Set<Rule> LOCK_CLAIMS = EnumSet.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION,
            Rule.REQUIRE_CONCURRENT_INDEX_DELETION, Rule.REQUIRE_CONCURRENT_REINDEX,
            Rule.REQUIRE_CONCURRENT_PARTITION_DETACH, Rule.ADDING_NOT_NULLABLE_FIELD, Rule.CONSTRAINT_MISSING_NOT_VALID,
            Rule.ADDING_FOREIGN_KEY_CONSTRAINT, Rule.DISALLOWED_UNIQUE_CONSTRAINT, Rule.ADDING_PRIMARY_KEY_CONSTRAINT,
            Rule.ADDING_EXCLUSION_CONSTRAINT, Rule.SET_TABLESPACE, Rule.CREATE_TRIGGER_ON_EXISTING_TABLE,
            Rule.REFRESH_MATVIEW_BLOCKING, Rule.EXPLICIT_LOCK_TABLE, Rule.BAN_ALTER_DOMAIN_WITH_ADD_CONSTRAINT,
            Rule.REQUIRE_LOCK_TIMEOUT, Rule.REQUIRE_STATEMENT_TIMEOUT);

    private MeasuredFindings() {
    }

    /**
     * @param findings     the static findings of the linted files
     * @param observations replay's observations of the same files
     * @param displayPath  how findings name the file of an observation
     * @param options      the configured rule levels (a measured rule set to off reports nothing)
     * @param serverMajor  the dev database's PostgreSQL major, quoted in messages
     */
    public static List<Finding> refine(List<Finding> findings, List<Observation> observations,
                                       java.util.function.Function<String, String> displayPath, LintOptions options,
                                       int serverMajor) {
        List<Finding> refined = new ArrayList<>(findings);
        for (Observation observation : observations) {
            String file = displayPath.apply(observation.file());
            if (observation.failure() != null) {
                reportFailure(refined, options, file, observation, serverMajor);
                continue;
            }
            reportSchemaAware(refined, options, file, observation);
            if (observation.measured()) {
                refineClaims(refined, options, file, observation, serverMajor);
            }
        }
        return refined;
    }

    private static void reportFailure(List<Finding> findings, LintOptions options, String file,
                                      Observation observation, int serverMajor) {
        add(findings, options, Rule.REPLAY_STATEMENT_FAILS, file, observation.statement(),
                "fails: " + observation.failure(), "On PostgreSQL " + serverMajor + ", after the files before it,"
                        + " this statement fails: " + observation.failure() + " It fails the same way on every"
                        + " database those files built (replay stopped here).",
                "fix the statement for the data and schema it meets (backfill NULLs before SET NOT NULL, drop or"
                        + " recreate the views that use a dropped column, …).");
    }

    /** What the replayed catalog shows: foreign keys without an index, routines a rename breaks. */
    private static void reportSchemaAware(List<Finding> findings, LintOptions options, String file,
                                          Observation observation) {
        Statement statement = observation.statement();
        for (var foreignKey : observation.unindexedForeignKeys()) {
            String columns = foreignKey.table() + " (" + foreignKey.columns() + ")";
            add(findings, options, Rule.FOREIGN_KEY_WITHOUT_INDEX, file, statement, "no index leads with " + columns,
                    "Foreign key " + foreignKey.name() + " on " + columns + " has no index on its referencing"
                            + " columns once the linted files ran: every DELETE or key UPDATE on "
                            + foreignKey.referenced() + " scans " + foreignKey.table() + ", under lock.",
                    "CREATE INDEX CONCURRENTLY ON " + columns + " in a migration of its own (-- atlas:txmode none).");
        }
        for (String routine : observation.renamedReferences()) {
            add(findings, options, Rule.RENAME_BREAKS_ROUTINE, file, statement, "named in the body of " + routine,
                    "After this rename the body of " + routine + " still names the old name: PostgreSQL follows a"
                            + " rename in views, defaults and policies, not in a function body's text, so it fails the"
                            + " next time it runs.",
                    "replace the routine (CREATE OR REPLACE FUNCTION) with the new name in the same migration, or"
                            + " keep the old name working (a view, an expand-and-contract rename).");
        }
    }

    /**
     * Confirms or disproves the lock and rewrite claims of the statement's static findings, and reports what was
     * measured that no static rule predicts.
     */
    private static void refineClaims(List<Finding> findings, LintOptions options, String file,
                                     Observation observation, int serverMajor) {
        Statement statement = observation.statement();
        int lastLine = statement.line() + (int) statement.text().chars().filter(c -> c == '\n').count();
        boolean rewriteClaimed = false;
        boolean lockClaimed = false;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            boolean claim = REWRITE_CLAIMS.contains(f.rule()) || LOCK_CLAIMS.contains(f.rule());
            if (!claim || !f.file().equals(file) || f.line() < statement.line() || f.line() > lastLine
                    || f.measured() != null) {
                continue;
            }
            lockClaimed = true;
            if (REWRITE_CLAIMS.contains(f.rule())) {
                rewriteClaimed = true;
                if (observation.rewritten().isEmpty() && !observation.locks().isEmpty()) {
                    findings.set(i, f.measuredAs(FindingSeverity.WARNING, observation.summary(), " Measured on"
                            + " PostgreSQL " + serverMajor + ": the table was not rewritten, so the rewrite this"
                            + " rule warns about does not happen here (the lock is still taken)."));
                    continue;
                }
            }
            if (!observation.locks().isEmpty() || !observation.rewritten().isEmpty()) {
                findings.set(i, f.measuredAs(f.severity(), observation.summary(), ""));
            }
        }
        String measuredOn = "Measured on PostgreSQL " + serverMajor + ": this statement ";
        String lockFix = "set lock_timeout before it, keep the transaction short, or find what takes the lock.";
        boolean unpredicted = !lockClaimed && !staticallyLocking(statement);
        if (!observation.rewritten().isEmpty() && !rewriteClaimed) {
            add(findings, options, Rule.MEASURED_TABLE_REWRITE, file, statement, observation.summary(), measuredOn
                            + "rewrote " + String.join(", ", observation.rewritten()) + " under "
                            + observation.locks().get(0).modeName() + ", copying every row while reads and writes wait.",
                    "do the change in a way that keeps the table's data file (see the static rule for the statement"
                            + " kind), or run it in a maintenance window.");
        } else if (unpredicted && observation.tookAccessExclusive()) {
            add(findings, options, Rule.MEASURED_ACCESS_EXCLUSIVE_LOCK, file, statement, observation.summary(),
                    measuredOn + "took " + observation.locks().get(0) + ", which no static rule predicts for it (a"
                            + " function that locks, a cascade): every query on the table waits while it runs.",
                    lockFix);
        } else if (unpredicted && observation.blockedWrites()) {
            add(findings, options, Rule.MEASURED_WRITE_BLOCKING_LOCK, file, statement, observation.summary(),
                    measuredOn + "took " + observation.locks().get(0) + ", which blocks writes and which no static"
                            + " rule predicts for it.", lockFix);
        }
    }

    /** Rules only replay reports: a static run cannot tell whether their suppression is used. */
    static boolean isMeasured(Rule rule) {
        return rule.emittedBy() == MeasuredFindings.class;
    }

    /** Whether the static rules already know the statement as one that locks a table in a blocking mode. */
    private static boolean staticallyLocking(Statement statement) {
        return TimeoutRules.lockedObject(DdlRecognizer.recognize(statement.text()), new MigrationState()) != null;
    }

    private static void add(List<Finding> findings, LintOptions options, Rule rule, String file, Statement statement,
                            String observed, String message, String fix) {
        FindingSeverity severity = options.configured(rule).orElse(rule.defaultSetting()).severity().orElse(null);
        boolean suppressed = Suppressions.statementScope(statement.comments(), new ArrayList<>(), new ArrayList<>())
                .suppresses(rule);
        if (severity == null || suppressed) {
            return;
        }
        // The whole statement is the offending element: the measurement is of all of it.
        String text = statement.text();
        int lastBreak = text.lastIndexOf('\n');
        int endLine = statement.line() + (int) text.chars().filter(c -> c == '\n').count();
        int endColumn = lastBreak < 0 ? statement.column() + text.length() : text.length() - lastBreak;
        findings.add(new Finding(rule, severity, file, statement.line(), statement.column(), endLine, endColumn,
                message, fix).measuredAs(severity, observed, ""));
    }
}
