package io.github.pgmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioLogTest {

    @Test
    void cutsOneLogIntoItsBuildsInOrder() {
        String log = """
                [INFO] Scanning for projects...
                [INFO] first
                [INFO] BUILD SUCCESS
                Scanning for projects...
                [ERROR] second
                [INFO] BUILD FAILURE
                [INFO] Scanning for projects...
                [INFO] third
                [INFO] BUILD SUCCESS
                """;

        assertThat(ScenarioLog.split(log)).hasSize(3)
                .satisfies(builds -> {
                    assertThat(builds.get(0)).contains("first").doesNotContain("second");
                    assertThat(builds.get(1)).contains("second", "BUILD FAILURE").doesNotContain("third");
                    assertThat(builds.get(2)).contains("third");
                });
    }

    @Test
    void dropsTheTextBeforeTheFirstBuild() {
        assertThat(ScenarioLog.split("Downloading something\n[INFO] Scanning for projects...\n[INFO] BUILD SUCCESS\n"))
                .containsExactly("\n[INFO] BUILD SUCCESS\n");
    }
}
