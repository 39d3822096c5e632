package io.github.pgmigrate.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** Whether {@code requested} names several environments: a comma-separated list or a glob. */
    public static boolean namesSeveral(String requested) {
        return requested != null && (requested.contains(",") || requested.contains("*") || requested.contains("?"));
    }

    /**
     * The environments a fleet run works on, in the order requested: each comma-separated part is a name or a glob
     * ({@code *} any characters, {@code ?} one), matched against the configured names.
     */
    public static List<Environment> selectAll(List<Environment> environments, String requested)
            throws ConfigurationException {
        checkNames(environments);
        List<Environment> chosen = new ArrayList<>();
        for (String part : requested.split(",")) {
            String pattern = part.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            Pattern glob = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
            List<Environment> matched = environments.stream().filter(e -> glob.matcher(e.name()).matches()).toList();
            if (matched.isEmpty()) {
                throw new ConfigurationException("env", requested, "names no configured environment with \""
                        + pattern + "\"", "configured environments: " + names(environments));
            }
            matched.stream().filter(e -> !chosen.contains(e)).forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            throw new ConfigurationException("env", requested, "names no environment",
                    "name environments as -Dpgmigrate.env=eu,us or with a glob such as -Dpgmigrate.env=tenant-*");
        }
        return chosen;
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
