package io.github.pgmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/**
 * The container path. Where an engine is reachable (Docker, or podman through DOCKER_HOST in CI) a container must
 * start and answer over JDBC as the requested superuser; with {@code -Dpgmigrate.it.provider=container} that is
 * required, so a missing engine fails here. Without an engine and without that request, the path must refuse with
 * a message that says how to provide one.
 */
class ContainerPostgresTest {

    @Test
    void startsPostgresInAContainerWhenAnEngineIsReachableOrRequested() throws Exception {
        if (!PostgresProvider.containerRequested() && !ContainerPostgres.engineAvailable()) {
            assertThatThrownBy(() -> ContainerPostgres.start("postgres"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No Docker-compatible engine")
                    .hasMessageContaining("DOCKER_HOST");
            return;
        }
        try (ContainerPostgres postgres = ContainerPostgres.start("container_admin")) {
            System.out.println("[pgmigrate tests] container path: PostgreSQL " + postgres.serverVersion() + " in "
                    + postgres.description());
            try (Connection connection = DriverManager.getConnection(
                    postgres.jdbcUrl(postgres.maintenanceDatabase()), postgres.user(), postgres.password());
                 ResultSet rs = connection.createStatement().executeQuery(
                         "SELECT current_user, rolsuper, current_setting('fsync'), current_setting('server_version_num')::int"
                                 + " FROM pg_roles WHERE rolname = current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("container_admin");
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getString(3)).isEqualTo("off");
                assertThat(rs.getInt(4)).isGreaterThanOrEqualTo(130000);
            }
            assertThat(postgres.serverVersion()).matches("\\d+\\.\\d+.*");
        }
    }

    @Test
    void usesARequestedImageAsGivenDeclaringItAPostgresSubstitute() {
        DockerImageName local = ContainerPostgres.chooseImage("localhost/example/pg:16");
        assertThat(local.asCanonicalNameString()).isEqualTo("localhost/example/pg:16");
        assertThat(local.isCompatibleWith(DockerImageName.parse("postgres"))).isTrue();

        DockerImageName official = ContainerPostgres.chooseImage(" postgres:13 ");
        assertThat(official.asCanonicalNameString()).isEqualTo("postgres:13");
    }
}
