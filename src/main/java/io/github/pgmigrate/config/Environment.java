package io.github.pgmigrate.config;

import java.util.Map;

/**
 * One target database as configured: a name and how to reach it.
 *
 * @param name            the name chosen with {@code -Dpgmigrate.env}
 * @param url             {@code jdbc:postgresql://…}, {@code postgres://…}, {@code postgresql://…} or {@code embedded[:major]}
 * @param user            the user, unless it comes from the URL or a settings.xml server
 * @param password        the password, unless it comes from the URL or a settings.xml server
 * @param serverId        the settings.xml {@code <server>} holding the credentials
 * @param revisionsSchema where atlas_schema_revisions lives; null to choose as Atlas does
 * @param devUrl          a scratch database for replays
 * @param properties      extra pgjdbc connection properties
 * @param isDefault       chosen when no name is requested
 */
public record Environment(String name, String url, String user, String password, String serverId,
                          String revisionsSchema, String devUrl, Map<String, String> properties, boolean isDefault) {

    public Environment {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A copy with other credentials (from a settings.xml server or a command-line override). */
    public Environment withCredentials(String newUser, String newPassword) {
        return new Environment(name, url, newUser, newPassword, serverId, revisionsSchema, devUrl, properties,
                isDefault);
    }

    /** A copy whose non-null arguments replace the configured values (the {@code -Dpgmigrate.url} case). */
    public Environment overriddenBy(String newUrl, String newUser, String newPassword, String newRevisionsSchema) {
        return new Environment(name, newUrl != null ? newUrl : url, newUser != null ? newUser : user,
                newPassword != null ? newPassword : password, serverId,
                newRevisionsSchema != null ? newRevisionsSchema : revisionsSchema, devUrl, properties, isDefault);
    }

    @Override
    public String toString() {
        return "Environment[" + name + ", " + Secrets.redactUrl(url) + "]";
    }
}
