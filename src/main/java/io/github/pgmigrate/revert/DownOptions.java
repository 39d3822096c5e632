package io.github.pgmigrate.revert;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.schema.inspect.InspectScope;
import java.time.Duration;

/**
 * What {@code down} is asked to do.
 *
 * @param amount           how many applied migrations to revert, newest first (ignored when {@code toVersion} is set)
 * @param toVersion        the applied version to go back to (it stays applied), or null
 * @param allowDestructive run a plan that loses data (dropped tables or columns, narrowed types)
 * @param dryRun           print the plan, change nothing
 * @param lockTimeout      how long to wait for another run's migration lock
 * @param scope            the schemas compared and planned (the revisions schema is left out on its own)
 * @param history          the history the reverted versions are read from and removed from
 */
public record DownOptions(int amount, String toVersion, boolean allowDestructive, boolean dryRun,
                          Duration lockTimeout, InspectScope scope, HistoryTarget history) {

    public DownOptions {
        toVersion = toVersion == null || toVersion.isBlank() ? null : toVersion.strip();
        history = history == null ? HistoryTarget.ATLAS : history;
    }

    /** Down on Atlas's revisions table. */
    public DownOptions(int amount, String toVersion, boolean allowDestructive, boolean dryRun, Duration lockTimeout,
                       InspectScope scope) {
        this(amount, toVersion, allowDestructive, dryRun, lockTimeout, scope, HistoryTarget.ATLAS);
    }

    public void validate() throws ConfigurationException {
        if (toVersion == null && amount < 1) {
            throw new ConfigurationException("amount", Integer.toString(amount), "is less than 1",
                    "down reverts the last <amount> applied migrations (default 1); use toVersion to name the"
                            + " version to go back to");
        }
    }
}
