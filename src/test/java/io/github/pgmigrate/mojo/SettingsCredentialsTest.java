package io.github.pgmigrate.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.testing.Resources;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Credentials come from settings.xml servers, decrypted by Maven's own decrypter. */
class SettingsCredentialsTest {
    // Encrypted with mvn --encrypt-password against src/test/resources/settings/settings-security.xml.
    private static final String ENCRYPTED = "{lhwwAin7k3MHzLz180CJkrVgMruLsbGjHMWuhgHPhX4=}";

    private final SettingsDecrypter decrypter = new DefaultSettingsDecrypter(new DefaultSecDispatcher(
            new DefaultPlexusCipher(), Map.of(),
            Resources.path("settings/settings-security.xml").toString()));

    private static Environment environment(String serverId, String password) {
        return new Environment("prod", "postgres://db.example.com/app", null, password, serverId, null, null,
                Map.of(), false);
    }

    private static Settings settingsWith(String id, String user, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    @Test
    void decryptsAnEncryptedPassword() throws Exception {
        Environment resolved = SettingsCredentials.apply(environment("prod-db", null),
                settingsWith("prod-db", "deployer", ENCRYPTED), decrypter);

        assertThat(resolved.user()).isEqualTo("deployer");
        assertThat(resolved.password()).isEqualTo("s3cr3t-Pa55");
        assertThat(resolved.toString()).doesNotContain("s3cr3t-Pa55");
    }

    @Test
    void takesAPlainPasswordAsIs() throws Exception {
        assertThat(SettingsCredentials.apply(environment("db", null), settingsWith("db", "u", "plain"), decrypter)
                .password()).isEqualTo("plain");
    }

    @Test
    void serverIdAndPasswordTogetherAreAnError() {
        assertThatThrownBy(() -> SettingsCredentials.apply(environment("db", "inline"), settingsWith("db", "u", "p"),
                decrypter))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("both <serverId>db</serverId> and a <password>")
                .hasMessageNotContaining("inline");
    }

    @Test
    void unknownServerIdSaysHowToAddIt() {
        assertThatThrownBy(() -> SettingsCredentials.apply(environment("missing", null), new Settings(), decrypter))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage()).contains("<id>missing</id>");
                    assertThat(e.hint()).contains("settings.xml");
                });
    }

    @Test
    void noServerIdLeavesTheEnvironmentAlone() throws Exception {
        Environment plain = environment(null, "pw");

        assertThat(SettingsCredentials.apply(plain, null, decrypter)).isSameAs(plain);
    }
}
