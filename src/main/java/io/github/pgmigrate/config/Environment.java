package io.github.pgmigrate.config;

import java.util.Map;

/**
 * One target database as configured: a name and how to reach it.
 *
 * @param name            the name chosen with {@code -Dpgmigrate.env}
 * @param url             {@code jdbc:postgresql://…}, {@code postgres://…}, {@code postgresql://…} or {@code embedded[:major]};
 *                        or {@code env:NAME} to read it from an environment variable
 * @param user            the user, unless it comes from the URL or a settings.xml server; or {@code env:NAME}
 * @param password        the password, unless it comes from the URL or a settings.xml server; or {@code env:NAME}
 * @param serverId        the settings.xml {@code <server>} holding the credentials
 * @param revisionsSchema where atlas_schema_revisions lives; null to choose as Atlas does
 * @param devUrl          a scratch database for replays
 * @param properties      extra pgjdbc connection properties
 * @param isDefault       chosen when no name is requested
 * @param pooler          {@code transaction}, {@code session} or {@code none}; null to guess from the URL
 * @param disposable      may be cleaned and reset without confirmation (a scratch database)
 * @param isProtected     never cleaned or reset; deploy to it always needs {@code -Dpgmigrate.confirm}
 */
public record Environment(String name, String url, String user, String password, String serverId,
                          String revisionsSchema, String devUrl, Map<String, String> properties, boolean isDefault,
                          String pooler, boolean disposable, boolean isProtected) {

    public Environment {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** An environment whose pooler is guessed from the URL. */
    public Environment(String name, String url, String user, String password, String serverId,
                       String revisionsSchema, String devUrl, Map<String, String> properties, boolean isDefault) {
        this(name, url, user, password, serverId, revisionsSchema, devUrl, properties, isDefault, null);
    }

    /** An environment neither disposable nor protected. */
    public Environment(String name, String url, String user, String password, String serverId,
                       String revisionsSchema, String devUrl, Map<String, String> properties, boolean isDefault,
                       String pooler) {
        this(name, url, user, password, serverId, revisionsSchema, devUrl, properties, isDefault, pooler, false,
                false);
    }

    /** A copy with other credentials (from a settings.xml server or a command-line override). */
    public Environment withCredentials(String newUser, String newPassword) {
        return new Environment(name, url, newUser, newPassword, serverId, revisionsSchema, devUrl, properties,
                isDefault, pooler, disposable, isProtected);
    }

    /**
     * A copy whose non-blank arguments replace the configured values (the {@code -Dpgmigrate.url} case). A blank one,
     * such as an empty {@code -Dpgmigrate.user=}, changes nothing.
     */
    public Environment overriddenBy(String newUrl, String newUser, String newPassword, String newRevisionsSchema) {
        return new Environment(name, orElse(newUrl, url), orElse(newUser, user), orElse(newPassword, password),
                serverId, orElse(newRevisionsSchema, revisionsSchema), devUrl, properties, isDefault, pooler,
                disposable, isProtected);
    }

    /** A copy with another pooler mode (the {@code -Dpgmigrate.pooler} case); a blank one changes nothing. */
    public Environment withPooler(String newPooler) {
        return new Environment(name, url, user, password, serverId, revisionsSchema, devUrl, properties, isDefault,
                orElse(newPooler, pooler), disposable, isProtected);
    }

    private static String orElse(String override, String configured) {
        return override == null || override.isBlank() ? configured : override;
    }

    @Override
    public String toString() {
        return "Environment[" + name + ", " + Secrets.redactUrl(url) + "]";
    }
}
