package io.github.pgmigrate.apply;

import io.github.pgmigrate.output.Output;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * While a migration statement runs, a line every {@code heartbeat} (e.g. {@code 20250101_big.sql: statement 3/5
 * (line 12) still running after 10 s}), so a long migration is seen to be alive. The lines come from one shared
 * daemon thread that ends when idle.
 */
final class Heartbeat {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private Heartbeat() {
    }

    /** A database call that may take long. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code call}, printing a heartbeat about {@code what} while it runs.
     *
     * @param every how often; zero: never
     * @param what  what runs, e.g. {@code 20250101_big.sql: statement 3/5 (line 12)}
     */
    static <T> T during(Output out, Duration every, String what, Call<T> call) throws SQLException {
        if (every.isZero()) {
            return call.run();
        }
        long started = System.nanoTime();
        ScheduledFuture<?> beats = TIMER.scheduleAtFixedRate(() -> out.info("    " + what + " still running after "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s"),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return call.run();
        } finally {
            beats.cancel(false);
        }
    }

    /** {@code statement 3/5 (line 12)}. */
    static String statement(int index, int total, int line) {
        return "statement " + (index + 1) + "/" + total + " (line " + line + ")";
    }

    /** {@code statements 1-5/5 (one transaction)}, or {@code statement 5/5} for one. */
    static String statements(int from, int total) {
        return from == total - 1 ? "statement " + total + "/" + total
                : "statements " + (from + 1) + "-" + total + "/" + total + " (one transaction)";
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "pgmigrate-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
