package io.github.pgmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {

    private static Environment environment(String url, String user, String password) {
        return new Environment("prod", url, user, password, null, null, null, Map.of(), true);
    }

    private static SecretSources variables(Map<String, String> variables) {
        return new SecretSources(variables, false);
    }

    @Test
    void envReferencesAreReadFromTheEnvironmentForUrlUserAndPassword() throws Exception {
        SecretSources secrets = variables(Map.of("DATABASE_URL", "postgres://url-user:url-pw@db.example.com/app",
                "DB_USER", "deployer", "DB_PASSWORD", "from-variable"));

        ConnectionSettings settings = ConnectionSettings.of(
                environment("env:DATABASE_URL", "env:DB_USER", "env:DB_PASSWORD"), secrets);

        assertThat(settings.target().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/app");
        assertThat(settings.user()).isEqualTo("deployer");
        assertThat(settings.password()).isEqualTo("from-variable");
        assertThat(settings.passwordSource()).isNull();
        assertThat(ConnectionSettings.of(environment("env:DATABASE_URL", null, null), secrets).password())
                .isEqualTo("url-pw");
    }

    @Test
    void aMissingOrEmptyVariableIsAnErrorNamingIt() {
        SecretSources secrets = variables(Map.of("EMPTY", ""));

        assertThatThrownBy(() -> ConnectionSettings.of(environment("env:DATABASE_URL", null, null), secrets))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("url 'env:DATABASE_URL' names the environment variable DATABASE_URL, which is not set")
                .satisfies(e -> assertThat(((ConfigurationException) e).hint()).contains("export DATABASE_URL"));
        assertThatThrownBy(() -> ConnectionSettings.of(environment("embedded", null, "env:EMPTY"), secrets))
                .hasMessage("password 'env:EMPTY' names the environment variable EMPTY, which is empty");
        assertThatThrownBy(() -> ConnectionSettings.of(environment("embedded", null, "env:1-X"), secrets))
                .hasMessageContaining("does not name an environment variable");
    }

    @Test
    void withoutSecretSourcesAnEnvReferenceIsNotSilentlyTakenLiterally() {
        assertThatThrownBy(() -> ConnectionSettings.of(environment("embedded", null, "env:DB_PASSWORD")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("DB_PASSWORD, which is not set");
    }

    @Test
    void anEmptyUserOverrideKeepsTheUserOfTheUrl() throws Exception {
        Environment configured = environment("postgres://url-user:pw@db.example.com/app", null, null)
                .overriddenBy(null, "", "", null);

        ConnectionSettings settings = ConnectionSettings.of(configured);

        assertThat(settings.user()).isEqualTo("url-user");
        assertThat(settings.password()).isEqualTo("pw");
        assertThat(ConnectionSettings.of(environment("postgres://url-user@db/app", "", null)).user())
                .isEqualTo("url-user");
        assertThat(ConnectionSettings.of(configured.overriddenBy(null, "cli-user", null, null)).user())
                .isEqualTo("cli-user");
    }

    @Test
    void pgpasswordIsUsedOnlyWhenNothingElseGivesAPassword() throws Exception {
        SecretSources secrets = variables(Map.of("PGPASSWORD", "from-pgpassword"));

        ConnectionSettings fromVariable = ConnectionSettings.of(environment("postgres://u@db/app", null, null),
                secrets);
        ConnectionSettings fromUrl = ConnectionSettings.of(environment("postgres://u:url-pw@db/app", null, null),
                secrets);

        assertThat(fromVariable.password()).isEqualTo("from-pgpassword");
        assertThat(fromVariable.passwordSource()).isEqualTo("PGPASSWORD");
        assertThat(fromUrl.password()).isEqualTo("url-pw");
        assertThat(fromUrl.passwordSource()).isNull();
        assertThat(ConnectionSettings.of(environment("embedded", null, null), secrets).password()).isNull();
    }

    @Test
    void thePasswordFileIsReadAsLibpqReadsIt(@TempDir Path directory) throws Exception {
        Path pgpass = directory.resolve("pgpass");
        Files.writeString(pgpass, """
                # host:port:database:user:password
                db.example.com:5432:other:u:wrong
                db.example.com:5432:app:u:pa\\:ss
                *:*:*:someone:else
                """);
        String previous = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try {
            SecretSources secrets = new SecretSources(Map.of(), true);

            ConnectionSettings settings = ConnectionSettings.of(environment("postgres://u@db.example.com/app", null,
                    null), secrets);
            ConnectionSettings noEntry = ConnectionSettings.of(environment("postgres://v@db.example.com/app", null,
                    null), secrets);

            assertThat(settings.password()).isEqualTo("pa:ss");
            assertThat(settings.passwordSource()).contains("PGPASSFILE");
            assertThat(noEntry.password()).isNull();
        } finally {
            if (previous == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", previous);
            }
        }
    }

    @Test
    void aConfiguredPoolerWinsOverTheUrlsHeuristics() throws Exception {
        Environment supabase = environment(
                "postgres://postgres.ref:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres", null, null);
        Environment bouncer = environment("postgres://u@127.0.0.1:6432/app", null, null);

        assertThat(ConnectionSettings.of(supabase).target().pooler().transactionPooling()).isTrue();
        assertThat(ConnectionSettings.of(supabase.withPooler("none")).target().pooler()).isEqualTo(PoolerMode.NONE);
        assertThat(ConnectionSettings.of(supabase.withPooler("session")).target().pooler().kind())
                .isEqualTo(PoolerMode.Kind.SESSION);
        assertThat(ConnectionSettings.of(bouncer).target().pooler()).isEqualTo(PoolerMode.NONE);
        PoolerMode configured = ConnectionSettings.of(bouncer.withPooler("Transaction")).target().pooler();
        assertThat(configured.transactionPooling()).isTrue();
        assertThat(configured.reason()).isEqualTo("pooler=transaction is configured");
        assertThat(ConnectionSettings.of(bouncer.withPooler("transaction").withPooler("")).target().pooler()
                .transactionPooling()).isTrue();
        assertThatThrownBy(() -> ConnectionSettings.of(bouncer.withPooler("statement")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("pooler 'statement' is not one of transaction, session, none");
    }
}
