package io.github.pgmigrate.mojo;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.Environment;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Takes an environment's credentials from a settings.xml {@code <server>}, decrypting an encrypted password. */
final class SettingsCredentials {
    private SettingsCredentials() {
    }

    static Environment apply(Environment environment, Settings settings, SettingsDecrypter decrypter)
            throws ConfigurationException {
        String serverId = environment.serverId();
        if (serverId == null || serverId.isBlank()) {
            return environment;
        }
        if (environment.password() != null) {
            throw new ConfigurationException("environment \"" + environment.name() + "\" has both <serverId>"
                    + serverId + "</serverId> and a <password>",
                    "keep the password in the settings.xml <server> and remove <password> from the POM");
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new ConfigurationException("settings.xml has no <server> with <id>" + serverId + "</id> (named by"
                    + " the <serverId> of environment \"" + environment.name() + "\")",
                    "add <server><id>" + serverId + "</id><username>…</username><password>…</password></server>"
                            + " to ~/.m2/settings.xml, or pass -s with the settings file CI uses");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        String problems = result.getProblems().stream()
                .filter(p -> p.getSeverity() == SettingsProblem.Severity.ERROR
                        || p.getSeverity() == SettingsProblem.Severity.FATAL)
                .map(SettingsProblem::getMessage)
                .collect(Collectors.joining("; "));
        if (!problems.isEmpty()) {
            throw new ConfigurationException("cannot decrypt the password of settings.xml server \"" + serverId
                    + "\": " + problems, "check ~/.m2/settings-security.xml and re-encrypt the password with"
                    + " mvn --encrypt-password");
        }
        Server decrypted = result.getServer();
        String user = decrypted.getUsername() != null ? decrypted.getUsername() : environment.user();
        return environment.withCredentials(user, decrypted.getPassword());
    }
}
