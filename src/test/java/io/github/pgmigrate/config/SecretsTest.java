package io.github.pgmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void literalSecretsAreNamedAndReferencesAreSafe() {
        assertThat(Secrets.literalIn("postgres://u:pw@db/app", "pw", " of environment \"prod\""))
                .containsExactly("<password> of environment \"prod\"", "the password in <url> of environment \"prod\"");
        assertThat(Secrets.literalIn("jdbc:postgresql://db/app?password=pw", null, ""))
                .containsExactly("the password in <url>");
        assertThat(Secrets.literalIn("env:DATABASE_URL", "env:DB_PASSWORD", "")).isEmpty();
        assertThat(Secrets.literalIn("postgres://u@db/app", "", "")).isEmpty();
        assertThat(Secrets.literalIn(null, null, "")).isEmpty();
    }
}
