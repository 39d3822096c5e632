package io.github.pgmigrate.fleet;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.output.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one goal's work on every target of a fleet, at most {@code parallelism} at a time, each target with its own
 * connection and its own lock. A failing target does not stop the others unless {@code failFast} is set; its error
 * is kept for the summary. As each target ends, its output is printed as one block, followed by a progress line with
 * an estimate of the time left.
 */
public final class FleetRun {
    private final List<FleetTarget> targets;
    private final int parallelism;
    private final boolean failFast;
    private final Output out;

    /** A goal's work on one target; its output goes to {@code log}, which is printed when the target ends. */
    @FunctionalInterface
    public interface TargetWork {
        TargetOutcome run(FleetTarget target, Output log) throws PgMigrateException;
    }

    public FleetRun(List<FleetTarget> targets, int parallelism, boolean failFast, Output out) throws PgMigrateException {
        this.targets = List.copyOf(FleetTargets.requireDistinct(targets));
        this.parallelism = Math.max(1, Math.min(parallelism, targets.size()));
        this.failFast = failFast;
        this.out = out;
    }

    public FleetResult run(TargetWork work) throws PgMigrateException {
        long started = System.nanoTime();
        out.info("Running on " + targets.size() + " target(s), " + parallelism + " at a time"
                + (failFast ? ", stopping at the first failure" : ""));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "pgmigrate-fleet");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<TargetOutcome> completion = new ExecutorCompletionService<>(pool);
        Map<Future<TargetOutcome>, FleetTarget> running = new HashMap<>();
        try {
            for (FleetTarget target : targets) {
                running.put(completion.submit(() -> runOne(target, work, stop)), target);
            }
            List<TargetOutcome> outcomes = new ArrayList<>();
            for (int done = 1; done <= targets.size(); done++) {
                Future<TargetOutcome> next = completion.take();
                TargetOutcome outcome = outcomeOf(next, running.get(next));
                outcomes.add(outcome);
                if (outcome.result() != TargetOutcome.Result.NOT_RUN) {
                    out.info(progress(done, outcome, System.nanoTime() - started));
                }
            }
            return new FleetResult(order(outcomes), Duration.ofNanos(System.nanoTime() - started), parallelism);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            throw new PgMigrateException("the fleet run was interrupted; targets still running finish their current"
                    + " file under their own lock", null, e);
        } finally {
            pool.shutdown();
        }
    }

    private TargetOutcome runOne(FleetTarget target, TargetWork work, AtomicBoolean stop) {
        if (stop.get()) {
            return TargetOutcome.notRun(target.name());
        }
        TargetLog log = new TargetLog(target.name());
        long started = System.nanoTime();
        TargetOutcome outcome;
        try {
            outcome = work.run(target, log);
        } catch (PgMigrateException e) {
            outcome = new TargetOutcome(target.name(), TargetOutcome.Result.FAILED, null, null, 0,
                    Duration.ofNanos(System.nanoTime() - started), e.describe());
            log.warn(e.describe());
        } catch (RuntimeException e) {
            outcome = new TargetOutcome(target.name(), TargetOutcome.Result.FAILED, null, null, 0,
                    Duration.ofNanos(System.nanoTime() - started), "unexpected error: " + e);
            log.warn("unexpected error: " + e);
        }
        if (outcome.failed() && failFast) {
            // Set here, before this worker takes its next target, not when the main thread gets to the outcome.
            stop.set(true);
        }
        synchronized (out) {
            log.flushTo(out);
        }
        return outcome;
    }

    private static TargetOutcome outcomeOf(Future<TargetOutcome> future, FleetTarget target)
            throws InterruptedException {
        try {
            return future.get(0, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return new TargetOutcome(target.name(), TargetOutcome.Result.FAILED, null, null, 0, Duration.ZERO,
                    "unexpected error: " + e.getCause());
        }
    }

    private String progress(int done, TargetOutcome outcome, long elapsedNanos) {
        int left = targets.size() - done;
        String eta = left == 0 ? "done" : "about " + seconds(elapsedNanos / done * left) + " left";
        return "[" + done + "/" + targets.size() + "] " + outcome.target() + ": " + outcome.result()
                + (outcome.failed() ? "" : " (" + outcome.message() + ")") + " in "
                + seconds(outcome.elapsed().toNanos()) + "; " + eta;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** Outcomes in the targets' order, whatever order they finished in. */
    private List<TargetOutcome> order(List<TargetOutcome> outcomes) {
        Map<String, TargetOutcome> byName = new HashMap<>();
        outcomes.forEach(o -> byName.put(o.target(), o));
        return targets.stream().map(t -> byName.get(t.name())).toList();
    }
}
