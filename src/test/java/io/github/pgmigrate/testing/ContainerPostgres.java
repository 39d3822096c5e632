package io.github.pgmigrate.testing;

import com.github.dockerjava.api.exception.NotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a container started by Testcontainers, through whatever Docker-compatible engine Testcontainers finds
 * (Docker, or podman's API socket via {@code DOCKER_HOST}; see {@code .ci/postgres-container.sh} and
 * docs/testing.md).
 *
 * <p>The image is {@code -Dpgmigrate.it.image} when given. Otherwise {@value #DEFAULT_IMAGE} if the engine has it,
 * else the image {@code .ci/postgres-container.sh} builds locally ({@code -Dpgmigrate.it.localImage}, environment
 * {@code PGMIGRATE_IT_LOCAL_IMAGE}, default {@value #DEFAULT_LOCAL_IMAGE}) if the engine has that, else
 * {@value #DEFAULT_IMAGE}, which the engine then pulls.
 */
public final class ContainerPostgres implements AutoCloseable {
    public static final String DEFAULT_IMAGE = "postgres:17";
    public static final String DEFAULT_LOCAL_IMAGE = "localhost/pgmigrate/postgres:15";

    private static final String MAINTENANCE_DATABASE = "postgres";

    private final PostgreSQLContainer<?> container;
    private final String serverVersion;

    private ContainerPostgres(PostgreSQLContainer<?> container, String serverVersion) {
        this.container = container;
        this.serverVersion = serverVersion;
    }

    /** Testcontainers' own check whether a Docker-compatible engine answers. */
    public static boolean engineAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /**
     * Starts a container whose bootstrap superuser is {@code superuser} (e.g. {@code supabase_admin} for the Supabase
     * fixture) with a random password. Fails with the reason when no engine answers or the container does not start.
     */
    public static ContainerPostgres start(String superuser) {
        if (!engineAvailable()) {
            throw new IllegalStateException("No Docker-compatible engine is reachable for the container path."
                    + " Start Docker, or run .ci/postgres-container.sh (podman) and set the DOCKER_HOST and"
                    + " TESTCONTAINERS_RYUK_DISABLED it prints.");
        }
        DockerImageName image = chooseImage();
        @SuppressWarnings("resource") // closed by close() or, at JVM exit, by Testcontainers' resource reaper
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(image)
                .withUsername(superuser)
                .withPassword(randomPassword())
                .withDatabaseName(MAINTENANCE_DATABASE)
                // Test data only: durability buys nothing and costs an fsync per commit.
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=200");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new IllegalStateException("PostgreSQL container from image " + image + " did not start: "
                    + e.getMessage(), e);
        }
        try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), superuser,
                container.getPassword());
             ResultSet rs = connection.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            return new ContainerPostgres(container, rs.getString(1));
        } catch (SQLException e) {
            container.close();
            throw new IllegalStateException("PostgreSQL container from image " + image
                    + " started but does not answer over JDBC: " + e.getMessage(), e);
        }
    }

    /** The image {@link #start} uses, as described in the class comment. */
    public static DockerImageName chooseImage() {
        return chooseImage(System.getProperty("pgmigrate.it.image"));
    }

    /** The image for an explicit request (used as given), or, when {@code requested} is null or blank, the default. */
    static DockerImageName chooseImage(String requested) {
        if (requested != null && !requested.isBlank()) {
            return postgresCompatible(requested.strip());
        }
        if (imagePresent(DEFAULT_IMAGE)) {
            return DockerImageName.parse(DEFAULT_IMAGE);
        }
        String local = localImage();
        if (imagePresent(local)) {
            return postgresCompatible(local);
        }
        return DockerImageName.parse(DEFAULT_IMAGE);
    }

    private static String localImage() {
        String property = System.getProperty("pgmigrate.it.localImage");
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String environment = System.getenv("PGMIGRATE_IT_LOCAL_IMAGE");
        return environment != null && !environment.isBlank() ? environment.strip() : DEFAULT_LOCAL_IMAGE;
    }

    /** Testcontainers refuses images it does not know to be PostgreSQL unless they are declared compatible. */
    private static DockerImageName postgresCompatible(String name) {
        DockerImageName image = DockerImageName.parse(name);
        return image.getUnversionedPart().equals("postgres") ? image : image.asCompatibleSubstituteFor("postgres");
    }

    private static boolean imagePresent(String name) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** What runs, for the log line: image and container id. */
    public String description() {
        return "a Testcontainers PostgreSQL container (image " + container.getDockerImageName() + ", container "
                + container.getContainerId().substring(0, 12) + ")";
    }

    /** {@code SHOW server_version}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** A pgjdbc URL for one database of the container, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
    }

    /** The bootstrap superuser. */
    public String user() {
        return container.getUsername();
    }

    public String password() {
        return container.getPassword();
    }

    /** The database that always exists, for creating and dropping others. */
    public String maintenanceDatabase() {
        return MAINTENANCE_DATABASE;
    }

    @Override
    public void close() {
        container.close();
    }
}
