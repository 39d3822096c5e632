package io.github.pgmigrate.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks the environment a run works on: the requested one, else the one marked default, else the only one. */
public final class EnvironmentSelector {
    private EnvironmentSelector() {
    }

    public static Environment select(List<Environment> environments, String requested)
            throws ConfigurationException {
        checkNames(environments);
        if (requested != null && !requested.isBlank()) {
            return environments.stream()
                    .filter(e -> e.name().equals(requested))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException(
                            "unknown environment \"" + requested + "\" (-Dpgmigrate.env)",
                            environments.isEmpty()
                                    ? "no <environments> are configured; add an <environment> with this <name>"
                                    : "configured environments: " + names(environments)));
        }
        List<Environment> defaults = environments.stream().filter(Environment::isDefault).toList();
        if (defaults.size() > 1) {
            throw new ConfigurationException("several environments are marked <default>true</default>: "
                    + names(defaults), "mark only one of them as default");
        }
        if (defaults.size() == 1) {
            return defaults.get(0);
        }
        if (environments.size() == 1) {
            return environments.get(0);
        }
        if (environments.isEmpty()) {
            throw new ConfigurationException("no database is configured",
                    "set <url> (or -Dpgmigrate.url=…), or add an <environments> entry; "
                            + "<url>embedded</url> starts a throw-away PostgreSQL");
        }
        throw new ConfigurationException("several environments are configured and none is chosen: "
                + names(environments), "choose one with -Dpgmigrate.env=NAME or mark one <default>true</default>");
    }

    private static void checkNames(List<Environment> environments) throws ConfigurationException {
        Set<String> seen = new HashSet<>();
        for (Environment environment : environments) {
            if (environment.name() == null || environment.name().isBlank()) {
                throw new ConfigurationException("an <environment> has no <name>",
                        "give every <environment> a <name>, e.g. <name>local</name>");
            }
            if (!seen.add(environment.name())) {
                throw new ConfigurationException("two environments are named \"" + environment.name() + "\"",
                        "environment names must be unique");
            }
        }
    }

    private static String names(List<Environment> environments) {
        return environments.stream().map(Environment::name).collect(Collectors.joining(", "));
    }
}
