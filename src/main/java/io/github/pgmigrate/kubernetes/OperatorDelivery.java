package io.github.pgmigrate.kubernetes;

import io.github.pgmigrate.history.ExecOrder;

/**
 * What the generated AtlasMigration resource says besides the files: its name and namespace, the Secret key holding
 * the target URL (and optionally the dev database URL), and the revisions settings the operator passes to Atlas.
 *
 * @param namespace null to leave it to {@code kubectl apply -n}
 * @param devUrlSecret null to let the operator start its own dev database
 * @param revisionsSchema null for Atlas's default
 * @param baseline null for none
 */
public record OperatorDelivery(String resourceName, String namespace, SecretKeyReference urlSecret,
        SecretKeyReference devUrlSecret, String revisionsSchema, String baseline, ExecOrder execOrder) {

    /** Blank optional values mean unset, as an empty POM element or {@code -D…=} does. */
    public OperatorDelivery {
        namespace = blankToNull(namespace);
        revisionsSchema = blankToNull(revisionsSchema);
        baseline = blankToNull(baseline);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The ConfigMap that holds the directory is named after the resource. */
    public String configMapName() {
        return resourceName + "-migrations";
    }
}
