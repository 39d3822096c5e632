package io.github.pgmigrate.kubernetes;

import io.github.pgmigrate.PgMigrateException;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Kubernetes' size limits for the ConfigMap that carries the directory. The API server refuses a ConfigMap whose keys
 * and values add up to more than 1 MiB; client-side {@code kubectl apply} additionally copies the whole object into
 * an annotation limited to 256 KiB, so a larger directory must be applied server-side.
 */
final class ConfigMapBudget {
    static final int API_SERVER_LIMIT = 1024 * 1024;
    static final int CLIENT_SIDE_APPLY_LIMIT = 256 * 1024;

    private ConfigMapBudget() {
    }

    /** The size the API server counts: every key's and value's bytes. */
    static long sizeOf(Map<String, byte[]> data) {
        return data.entrySet().stream().mapToLong(e -> e.getKey().length() + (long) e.getValue().length).sum();
    }

    static void check(String configMapName, Map<String, byte[]> data) throws PgMigrateException {
        long size = sizeOf(data);
        if (size <= API_SERVER_LIMIT) {
            return;
        }
        String largest = data.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, byte[]> e) -> e.getValue().length).reversed())
                .limit(3)
                .map(e -> e.getKey() + " (" + e.getValue().length + " bytes)")
                .collect(Collectors.joining(", "));
        throw new PgMigrateException("the migration directory is " + size + " bytes, more than the " + API_SERVER_LIMIT
                + " bytes Kubernetes allows in one ConfigMap (" + configMapName + "); largest files: " + largest,
                "squash the applied history into a baseline file (keep the revisions by setting the resource's baseline"
                        + " version), move bulk data loads out of migrations, or ship the directory in a container image"
                        + " and run it as a Job instead of through a ConfigMap");
    }

    static boolean needsServerSideApply(Map<String, byte[]> data) {
        return sizeOf(data) > CLIENT_SIDE_APPLY_LIMIT;
    }
}
