package io.github.pgmigrate.apply;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import java.time.Duration;

/**
 * How {@code apply} runs; built with {@link #builder()}, every option defaulted as documented on the builder.
 */
public final class ApplyOptions {
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);

    private final TxMode txMode;
    private final ExecOrder execOrder;
    private final String baseline;
    private final boolean allowDirty;
    private final boolean dryRun;
    private final String toVersion;
    private final int amount;
    private final Duration lockTimeout;
    private final Duration statementTimeout;
    private final boolean strict;
    private final InFlightResolution inFlight;
    private final Duration heartbeat;
    private final HistoryTarget history;

    private ApplyOptions(Builder b) {
        txMode = b.txMode == null ? TxMode.FILE : b.txMode;
        execOrder = b.execOrder == null ? ExecOrder.LINEAR : b.execOrder;
        baseline = blankToNull(b.baseline);
        allowDirty = b.allowDirty;
        dryRun = b.dryRun;
        toVersion = blankToNull(b.toVersion);
        amount = b.amount;
        lockTimeout = b.lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : b.lockTimeout;
        statementTimeout = b.statementTimeout == null ? Duration.ZERO : b.statementTimeout;
        strict = b.strict;
        inFlight = b.inFlight == null ? InFlightResolution.CHECK : b.inFlight;
        heartbeat = b.heartbeat == null ? DEFAULT_HEARTBEAT : b.heartbeat;
        history = b.history == null ? HistoryTarget.ATLAS : b.history;
    }

    public static ApplyOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** file (default): one transaction per file; all: one for every pending file; none. */
    public TxMode txMode() {
        return txMode;
    }

    /** What to do with files added below the last applied version. */
    public ExecOrder execOrder() {
        return execOrder;
    }

    /** On a database without history: the version to record as already applied; or null. */
    public String baseline() {
        return baseline;
    }

    /** On a database without history: apply although it is not clean. */
    public boolean allowDirty() {
        return allowDirty;
    }

    /** Print what would run and change nothing. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Apply up to and including this version; or null. */
    public String toVersion() {
        return toVersion;
    }

    /** Apply at most this many files; 0 for all. */
    public int amount() {
        return amount;
    }

    /**
     * How long to wait for the migration lock held by another run, and PostgreSQL's {@code lock_timeout} for each
     * migration (how long a statement waits for a table lock); zero: one attempt at the migration lock, and no
     * lock_timeout.
     */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /** PostgreSQL's {@code statement_timeout} for each migration; zero for none. */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /** An applied file whose content changed is an error rather than a warning. */
    public boolean strict() {
        return strict;
    }

    /** How often a line says that a long statement is still running; zero: never. */
    public Duration heartbeat() {
        return heartbeat;
    }

    /** Where applied versions are recorded: Atlas's revisions table (default), Supabase's, or both. */
    public HistoryTarget history() {
        return history;
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
        if (heartbeat.isNegative()) {
            throw new ConfigurationException("heartbeat", heartbeat.toString(), "cannot be negative",
                    "use a duration such as 5s or 1m, or 0 for no heartbeat");
        }
        if (lockTimeout.isNegative() || statementTimeout.isNegative()) {
            throw new ConfigurationException("lockTimeout and statementTimeout cannot be negative",
                    "use a duration such as 10s, 500ms or 2m");
        }
    }

    /** For a statement left in flight that the catalog cannot judge: stop (default), or the user's verdict. */
    public InFlightResolution inFlight() {
        return inFlight;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Collects the options; unset ones keep their defaults. */
    public static final class Builder {
        private TxMode txMode;
        private ExecOrder execOrder;
        private String baseline;
        private boolean allowDirty;
        private boolean dryRun;
        private String toVersion;
        private int amount;
        private Duration lockTimeout;
        private Duration statementTimeout;
        private boolean strict;
        private InFlightResolution inFlight;
        private Duration heartbeat;
        private HistoryTarget history;

        private Builder() {
        }

        public Builder txMode(TxMode value) {
            txMode = value;
            return this;
        }

        public Builder execOrder(ExecOrder value) {
            execOrder = value;
            return this;
        }

        public Builder baseline(String version) {
            baseline = version;
            return this;
        }

        public Builder allowDirty(boolean value) {
            allowDirty = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        public Builder toVersion(String version) {
            toVersion = version;
            return this;
        }

        public Builder amount(int count) {
            amount = count;
            return this;
        }

        public Builder lockTimeout(Duration timeout) {
            lockTimeout = timeout;
            return this;
        }

        public Builder statementTimeout(Duration timeout) {
            statementTimeout = timeout;
            return this;
        }

        public Builder strict(boolean value) {
            strict = value;
            return this;
        }

        public Builder inFlight(InFlightResolution value) {
            inFlight = value;
            return this;
        }

        public Builder heartbeat(Duration every) {
            heartbeat = every;
            return this;
        }

        public Builder history(HistoryTarget target) {
            history = target;
            return this;
        }

        public ApplyOptions build() {
            return new ApplyOptions(this);
        }
    }
}
