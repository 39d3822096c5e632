package io.github.pgmigrate.database;

/**
 * TCP keepalive timing that declares a silent peer dead within a given time: the first probe after half of it, then
 * {@value #PROBES} probes spread over the other half. The client socket ({@link KeepAliveSocketFactory}) and the
 * server's session ({@code tcp_keepalives_*}) use the same timing.
 *
 * @param idleSeconds     silence before the first probe
 * @param intervalSeconds between unanswered probes
 */
record KeepAlive(int idleSeconds, int intervalSeconds) {
    static final int PROBES = 3;

    static KeepAlive within(long seconds) {
        long total = Math.max(3, seconds);
        long idle = Math.max(1, total / 2);
        return new KeepAlive((int) idle, (int) Math.max(1, (total - idle) / PROBES));
    }
}
