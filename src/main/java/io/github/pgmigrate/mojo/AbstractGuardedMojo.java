package io.github.pgmigrate.mojo;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.guard.GuardRefusedException;
import io.github.pgmigrate.guard.GuardSubject;
import io.github.pgmigrate.guard.GuardVerdict;
import io.github.pgmigrate.guard.GuardedAction;
import io.github.pgmigrate.guard.ProductionGuard;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.components.interactivity.Prompter;
import org.codehaus.plexus.components.interactivity.PrompterException;

/**
 * A goal behind the production guard ({@link ProductionGuard}): clean, reset and deploy. Holds the typed
 * confirmation and asks for it through Maven's prompter in an interactive build.
 */
public abstract class AbstractGuardedMojo extends AbstractSchemaMojo {

    /**
     * The typed confirmation a guarded goal needs on a database that is not local or disposable: the database's name
     * (deploy: the environment's name). Command line only.
     */
    @Parameter(property = "pgmigrate.confirm")
    private String confirm;

    @Inject
    private Prompter prompter;

    /**
     * Passes the guard or throws its refusal; returns why it passed.
     *
     * @param what what the goal is about to do, for the question, e.g. "Drop every object in the managed scope"
     */
    protected final String passGuard(GuardedAction action, DatabaseConnector connector, String what)
            throws GuardRefusedException, ConfigurationException, MojoExecutionException {
        if (confirm != null && !typedForThisRun()) {
            throw new ConfigurationException("confirm", confirm, "is set in the POM, where it would confirm every run",
                    "type it on the command line for the one run it is meant for: -Dpgmigrate.confirm=<name>");
        }
        GuardSubject subject = guardSubject(connector);
        boolean interactive = session != null && session.getRequest() != null
                && session.getRequest().isInteractiveMode();
        GuardVerdict verdict = ProductionGuard.check(action, subject, confirm, interactive, what);
        if (verdict.asks()) {
            try {
                verdict = ProductionGuard.check(action, subject, prompter.prompt(verdict.message()), false, what);
            } catch (PrompterException e) {
                throw new MojoExecutionException("could not ask for the confirmation: " + e.getMessage(), e);
            }
        }
        verdict.enforce();
        getLog().info(verdict.message());
        return verdict.message();
    }

    /** Whether {@code confirm} came from the command line (or MAVEN_OPTS), not from the POM. */
    private boolean typedForThisRun() {
        return session != null && (session.getUserProperties().getProperty("pgmigrate.confirm") != null
                || session.getSystemProperties().getProperty("pgmigrate.confirm") != null);
    }
}
