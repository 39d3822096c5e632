package io.github.pgmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSelectorTest {
    private static Environment env(String name, boolean isDefault) {
        return new Environment(name, "embedded", null, null, null, null, null, Map.of(), isDefault);
    }

    @Test
    void requestedWins() throws Exception {
        assertThat(EnvironmentSelector.select(List.of(env("local", true), env("prod", false)), "prod").name())
                .isEqualTo("prod");
    }

    @Test
    void defaultThenOnly() throws Exception {
        assertThat(EnvironmentSelector.select(List.of(env("local", false), env("ci", true)), null).name())
                .isEqualTo("ci");
        assertThat(EnvironmentSelector.select(List.of(env("only", false)), "").name()).isEqualTo("only");
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> EnvironmentSelector.select(List.of(env("local", false), env("prod", false)), "stage"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage()).contains("\"stage\"");
                    assertThat(e.hint()).contains("local, prod");
                });
    }

    @Test
    void ambiguityIsAnError() {
        assertThatThrownBy(() -> EnvironmentSelector.select(List.of(env("a", false), env("b", false)), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("none is chosen");
        assertThatThrownBy(() -> EnvironmentSelector.select(List.of(env("a", true), env("b", true)), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("several");
        assertThatThrownBy(() -> EnvironmentSelector.select(List.of(env("a", true), env("a", false)), null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("two environments");
    }

    @Test
    void settingsPreferExplicitCredentialsAndChooseTheRevisionsSchemaLikeAtlas() throws Exception {
        Environment environment = new Environment("prod", "postgres://url-user:url-pass@db/app?search_path=app",
                "explicit", null, null, null, null, Map.of("ApplicationName", "pgmigrate"), false);

        ConnectionSettings settings = ConnectionSettings.of(environment);

        assertThat(settings.user()).isEqualTo("explicit");
        assertThat(settings.password()).isEqualTo("url-pass");
        assertThat(settings.effectiveRevisionsSchema()).isEqualTo("app");
        assertThat(settings.jdbcProperties()).containsEntry("ApplicationName", "pgmigrate");
        assertThat(settings.toString()).doesNotContain("url-pass");
        assertThat(settings.scrub("failed for url-pass")).isEqualTo("failed for ****");
        assertThat(ConnectionSettings.of(env("x", false)).effectiveRevisionsSchema())
                .isEqualTo("atlas_schema_revisions");
    }
}
