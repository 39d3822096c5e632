package io.github.pgmigrate.kubernetes;

import io.github.pgmigrate.PgMigrateException;
import java.util.regex.Pattern;

/** The name rules the Kubernetes API server enforces, checked before a manifest is written rather than at apply time. */
final class KubernetesNames {
    /** RFC 1123 subdomain: what metadata.name of a ConfigMap, Secret or custom resource must be. */
    private static final Pattern OBJECT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int OBJECT_NAME_MAX = 253;
    /** What a key of a ConfigMap's or Secret's data may be. */
    private static final Pattern DATA_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final int DATA_KEY_MAX = 253;

    private KubernetesNames() {
    }

    static String objectName(String parameter, String value) throws PgMigrateException {
        if (value == null || value.isEmpty() || value.length() > OBJECT_NAME_MAX || !OBJECT_NAME.matcher(value).matches()) {
            throw new PgMigrateException(parameter + " '" + (value == null ? "" : value)
                    + "' is not a valid Kubernetes object name",
                    "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"
                            + " (at most " + OBJECT_NAME_MAX + " characters)");
        }
        return value;
    }

    static boolean isDataKey(String key) {
        return key.length() <= DATA_KEY_MAX && DATA_KEY.matcher(key).matches();
    }

    static String dataKey(String parameter, String value) throws PgMigrateException {
        if (value == null || !isDataKey(value)) {
            throw new PgMigrateException(parameter + " '" + (value == null ? "" : value)
                    + "' is not a valid key of a Kubernetes Secret",
                    "use letters, digits, '-', '_' and '.' only");
        }
        return value;
    }
}
