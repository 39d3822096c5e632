package io.github.pgmigrate.kubernetes;

import io.github.pgmigrate.PgMigrateException;

/** A key of a Kubernetes Secret in the resource's namespace: where the operator reads a URL, never the URL itself. */
public record SecretKeyReference(String name, String key) {

    /** Checks both parts against Kubernetes' name rules; {@code parameter} names the setting in the error. */
    public static SecretKeyReference of(String parameter, String name, String key) throws PgMigrateException {
        return new SecretKeyReference(KubernetesNames.objectName(parameter, name),
                KubernetesNames.dataKey(parameter + "Key", key));
    }
}
