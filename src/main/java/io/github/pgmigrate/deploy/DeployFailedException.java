package io.github.pgmigrate.deploy;

import io.github.pgmigrate.PgMigrateException;

/** A deploy that stopped at a step; carries the summary written so far. */
public final class DeployFailedException extends PgMigrateException {
    private final transient DeploySummary summary;

    DeployFailedException(DeployStep step, PgMigrateException cause, DeploySummary summary) {
        super("pgmigrate:deploy stopped at step '" + step.label() + "': " + cause.getMessage()
                + "; the steps after it did not run", cause.hint(), cause);
        this.summary = summary;
    }

    public DeploySummary summary() {
        return summary;
    }
}
