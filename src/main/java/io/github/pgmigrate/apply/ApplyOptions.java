package io.github.pgmigrate.apply;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.history.ExecOrder;
import java.time.Duration;

/**
 * How {@code apply} runs.
 *
 * @param txMode           file (default): one transaction per file; all: one for every pending file; none
 * @param execOrder        what to do with files added below the last applied version
 * @param baseline         on a database without history: the version to record as already applied; or null
 * @param allowDirty       on a database without history: apply although it is not clean
 * @param dryRun           print what would run and change nothing
 * @param toVersion        apply up to and including this version; or null
 * @param amount           apply at most this many files; 0 for all
 * @param lockTimeout      how long to wait for the migration lock held by another run, and PostgreSQL's
 *                         {@code lock_timeout} for each migration (how long a statement waits for a table lock);
 *                         zero: one attempt at the migration lock, and no lock_timeout
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for each migration; zero for none
 * @param strict           an applied file whose content changed is an error rather than a warning
 */
public record ApplyOptions(TxMode txMode, ExecOrder execOrder, String baseline, boolean allowDirty, boolean dryRun,
                           String toVersion, int amount, Duration lockTimeout, Duration statementTimeout,
                           boolean strict) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    public ApplyOptions {
        txMode = txMode == null ? TxMode.FILE : txMode;
        execOrder = execOrder == null ? ExecOrder.LINEAR : execOrder;
        baseline = blankToNull(baseline);
        toVersion = blankToNull(toVersion);
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        statementTimeout = statementTimeout == null ? Duration.ZERO : statementTimeout;
    }

    public static ApplyOptions defaults() {
        return new ApplyOptions(null, null, null, false, false, null, 0, null, null, false);
    }

    public ApplyOptions withTxMode(TxMode mode) {
        return new ApplyOptions(mode, execOrder, baseline, allowDirty, dryRun, toVersion, amount, lockTimeout,
                statementTimeout, strict);
    }

    public ApplyOptions withExecOrder(ExecOrder order) {
        return new ApplyOptions(txMode, order, baseline, allowDirty, dryRun, toVersion, amount, lockTimeout,
                statementTimeout, strict);
    }

    public ApplyOptions withBaseline(String version) {
        return new ApplyOptions(txMode, execOrder, version, allowDirty, dryRun, toVersion, amount, lockTimeout,
                statementTimeout, strict);
    }

    public ApplyOptions withAllowDirty(boolean allow) {
        return new ApplyOptions(txMode, execOrder, baseline, allow, dryRun, toVersion, amount, lockTimeout,
                statementTimeout, strict);
    }

    public ApplyOptions withDryRun(boolean dry) {
        return new ApplyOptions(txMode, execOrder, baseline, allowDirty, dry, toVersion, amount, lockTimeout,
                statementTimeout, strict);
    }

    public ApplyOptions withToVersion(String version) {
        return new ApplyOptions(txMode, execOrder, baseline, allowDirty, dryRun, version, amount, lockTimeout,
                statementTimeout, strict);
    }

    public ApplyOptions withAmount(int count) {
        return new ApplyOptions(txMode, execOrder, baseline, allowDirty, dryRun, toVersion, count, lockTimeout,
                statementTimeout, strict);
    }

    public ApplyOptions withLockTimeout(Duration timeout) {
        return new ApplyOptions(txMode, execOrder, baseline, allowDirty, dryRun, toVersion, amount, timeout,
                statementTimeout, strict);
    }

    public ApplyOptions withStatementTimeout(Duration timeout) {
        return new ApplyOptions(txMode, execOrder, baseline, allowDirty, dryRun, toVersion, amount, lockTimeout,
                timeout, strict);
    }

    public ApplyOptions withStrict(boolean isStrict) {
        return new ApplyOptions(txMode, execOrder, baseline, allowDirty, dryRun, toVersion, amount, lockTimeout,
                statementTimeout, isStrict);
    }

    /** Rejects combinations Atlas rejects, before anything connects. */
    public void validate() throws ConfigurationException {
        if (baseline != null && allowDirty) {
            throw new ConfigurationException("baseline and allow-dirty are mutually exclusive",
                    "use baseline to record an existing schema as a version, or allowDirty to apply on top of"
                            + " unrelated objects, not both");
        }
        if (amount < 0) {
            throw new ConfigurationException("cannot apply '" + amount + "' migration files",
                    "amount is the number of pending files to apply; leave it unset (0) to apply all");
        }
        if (amount > 0 && toVersion != null) {
            throw new ConfigurationException("toVersion and amount are mutually exclusive",
                    "set one of them");
        }
        if (lockTimeout.isNegative() || statementTimeout.isNegative()) {
            throw new ConfigurationException("lockTimeout and statementTimeout cannot be negative",
                    "use a duration such as 10s, 500ms or 2m");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
