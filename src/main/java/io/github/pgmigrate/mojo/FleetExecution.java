package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.fleet.ConnectionBudget;
import io.github.pgmigrate.fleet.FleetResult;
import io.github.pgmigrate.fleet.FleetRun;
import io.github.pgmigrate.fleet.FleetTarget;
import io.github.pgmigrate.fleet.FleetTargets;
import io.github.pgmigrate.fleet.TargetOutcome;
import io.github.pgmigrate.output.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** The plugin side of a fleet run: targets from the chosen environments, the parallelism, the summary, the verdict. */
final class FleetExecution {
    private final String goal;
    private final int requestedParallelism;
    private final boolean failFast;
    private final Output out;
    private final Opener opener;

    /** Opens one environment's (or tenant's) database, starting an embedded server where asked. */
    @FunctionalInterface
    interface Opener {
        DatabaseConnector open(ConnectionSettings settings) throws ConfigurationException, MojoExecutionException;
    }

    FleetExecution(String goal, int parallelism, boolean failFast, Output out, Opener opener) {
        this.goal = goal;
        this.requestedParallelism = parallelism;
        this.failFast = failFast;
        this.out = out;
        this.opener = opener;
    }

    /**
     * @param changesDatabases the goal writes to the targets: a failed one is left part-way and a re-run resumes it
     */
    void run(List<ConnectionSettings> environments, String tenantQuery, FleetWorkFactory work, Path reports,
             boolean changesDatabases)
            throws PgMigrateException, MojoExecutionException, MojoFailureException, IOException {
        if (requestedParallelism < 1) {
            throw new ConfigurationException("parallelism", String.valueOf(requestedParallelism),
                    "is not a positive number", "use 1 to run the targets one after another");
        }
        List<FleetTarget> targets = new ArrayList<>();
        if (tenantQuery == null) {
            targets.addAll(FleetTargets.ofEnvironments(environments));
        } else {
            for (ConnectionSettings environment : environments) {
                targets.addAll(FleetTargets.tenants(opener.open(environment), tenantQuery));
            }
        }
        FleetRun run = new FleetRun(targets, parallelism(targets), failFast, out);
        FleetResult result = run.run(work.create(target -> {
            try {
                return opener.open(target.settings());
            } catch (MojoExecutionException e) {
                throw new PgMigrateException(e.getMessage(), null, e);
            }
        }));
        result.table().forEach(out::info);
        Path report = reports.resolve("fleet-" + goal + ".json");
        result.writeJson(goal, report);
        out.info("Wrote " + report);
        if (!result.failures().isEmpty()) {
            throw new MojoFailureException(result.failures().size() + " of " + result.outcomes().size()
                    + " target(s) failed: " + result.failures().stream().map(TargetOutcome::target)
                    .collect(Collectors.joining(", ")) + ". Their errors are above and in " + report
                    + "; the other targets are done" + (changesDatabases
                            ? ", and a re-run only does what is still pending." : "."));
        }
    }

    /** The requested parallelism, lowered to what the busiest server can spare (one connection per target). */
    private int parallelism(List<FleetTarget> targets) throws PgMigrateException, MojoExecutionException {
        int parallelism = Math.min(requestedParallelism, targets.size());
        if (parallelism <= 1) {
            return 1;
        }
        Map<String, ConnectionSettings> servers = new LinkedHashMap<>();
        for (FleetTarget target : targets) {
            servers.putIfAbsent(target.server(), target.settings());
        }
        for (ConnectionSettings server : servers.values()) {
            parallelism = Math.min(parallelism, ConnectionBudget.parallelism(opener.open(server), parallelism, out::warn));
        }
        return parallelism;
    }
}
