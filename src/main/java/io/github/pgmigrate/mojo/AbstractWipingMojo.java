package io.github.pgmigrate.mojo;

import io.github.pgmigrate.clean.CleanOptions;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.DurationSetting;
import io.github.pgmigrate.schema.inspect.InspectScope;
import org.apache.maven.plugins.annotations.Parameter;

/** clean and reset: the guarded goals that drop the managed scope, and the parameters of that drop. */
public abstract class AbstractWipingMojo extends AbstractGuardedMojo {

    /** Also drop the extensions installed into the cleaned schemas (kept by default: other schemas may use them). */
    @Parameter(property = "pgmigrate.dropExtensions", defaultValue = "false")
    private boolean dropExtensions;

    /** List what would be dropped (reset: and applied) and change nothing; the guard is not asked. */
    @Parameter(property = "pgmigrate.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** How long to wait for another run's migration lock (reset: also PostgreSQL's lock_timeout per migration). */
    @Parameter(property = "pgmigrate.lockTimeout", defaultValue = "10s")
    private String lockTimeout;

    protected final boolean dryRun() {
        return dryRun;
    }

    /** Clean's options from the scope parameters and these. */
    protected final CleanOptions cleanOptions() throws ConfigurationException {
        InspectScope scope = scope(null);
        return new CleanOptions(scope.schemas(), scope.excludeSchemas(), dropExtensions, dryRun,
                DurationSetting.parse("lockTimeout", lockTimeout));
    }
}
