package io.github.pgmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtlasProjectFileTest {
    /** One env block per stage; the deployed ones read their URL with getenv. */
    private static final String PER_STAGE = """
            # atlas.hcl
            env "local" {
              url = "postgres://postgres:pass@localhost:5432/app?sslmode=disable"
              dev = "docker://postgres/15/dev?search_path=public"
              migration {
                dir = "file://migrations"
              }
            }

            env "staging" {
              url = getenv("STAGING_DATABASE_URL")
              migration {
                dir              = "file://migrations"
                revisions_schema = "atlas"
                baseline         = "20240101000000"
                exec_order       = LINEAR_SKIP
              }
              exclude = ["auth", "storage.*"]
            }
            """;

    /** A single unlabeled env block driven by variables and locals. */
    private static final String WITH_LOCALS = """
            variable "db_url" {
              type    = string
              default = getenv("DATABASE_URL")
            }

            locals {
              dev_url    = "docker://postgres/15/dev?search_path=public"
              migrations = "file://db/migrations?format=atlas"
              password   = urlescape(getenv("DB_PASSWORD"))
              prod_url   = "postgres://deployer:${local.password}@db.example.com:5432/app"
            }

            env {
              name    = atlas.env
              url     = atlas.env == "prod" ? local.prod_url : var.db_url
              dev     = local.dev_url
            }
            """;

    private static Path write(Path directory, String text) throws Exception {
        Path file = directory.resolve("atlas.hcl");
        Files.writeString(file, text);
        return file;
    }

    private static SecretSources variables(Map<String, String> variables) {
        return new SecretSources(variables, false);
    }

    @Test
    void perStageEnvironmentsAreReadWithTheirMigrationSettings(@TempDir Path directory) throws Exception {
        Path file = write(directory, PER_STAGE);

        AtlasEnvironment local = AtlasProjectFile.read(file, "local", SecretSources.none());
        AtlasEnvironment staging = AtlasProjectFile.read(file, "staging",
                variables(Map.of("STAGING_DATABASE_URL", "postgres://ci:s3cret@staging.example.com/app")));

        assertThat(local.environment().name()).isEqualTo("local");
        assertThat(local.environment().url()).isEqualTo("postgres://postgres:pass@localhost:5432/app?sslmode=disable");
        assertThat(local.environment().devUrl()).isEqualTo("docker://postgres/15/dev?search_path=public");
        assertThat(local.dir()).isEqualTo(directory.resolve("migrations").toAbsolutePath());
        assertThat(local.baseline()).isNull();
        assertThat(local.execOrder()).isNull();
        assertThat(local.notUsed()).isEmpty();

        assertThat(staging.environment().url()).isEqualTo("postgres://ci:s3cret@staging.example.com/app");
        assertThat(staging.environment().revisionsSchema()).isEqualTo("atlas");
        assertThat(staging.baseline()).isEqualTo("20240101000000");
        assertThat(staging.execOrder()).isEqualTo("linear-skip");
        assertThat(staging.exclude()).containsExactly("auth", "storage.*");
        assertThat(staging.environment().toString()).doesNotContain("s3cret");
    }

    @Test
    void anUnsetVariableIsNamedWithTheLineThatReadsIt(@TempDir Path directory) throws Exception {
        Path file = write(directory, PER_STAGE);

        assertThatThrownBy(() -> AtlasProjectFile.read(file, "staging", SecretSources.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("atlas.hcl:11: url is empty: the environment variable STAGING_DATABASE_URL read by"
                        + " getenv is not set");
    }

    @Test
    void anUnknownEnvironmentListsTheFilesEnvironments(@TempDir Path directory) throws Exception {
        Path file = write(directory, PER_STAGE);

        assertThatThrownBy(() -> AtlasProjectFile.read(file, "prod", SecretSources.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("has no env \"prod\" block")
                .satisfies(e -> assertThat(((ConfigurationException) e).hint()).contains("local, staging"));
    }

    @Test
    void variablesAndLocalsFeedAnUnlabeledEnvBlock(@TempDir Path directory) throws Exception {
        Path file = write(directory, WITH_LOCALS.replace(
                "url     = atlas.env == \"prod\" ? local.prod_url : var.db_url", "url     = var.db_url"));

        AtlasEnvironment ci = AtlasProjectFile.read(file, "ci",
                variables(Map.of("DATABASE_URL", "postgres://ci@localhost:5432/app")));

        assertThat(ci.environment().name()).isEqualTo("ci");
        assertThat(ci.environment().url()).isEqualTo("postgres://ci@localhost:5432/app");
        assertThat(ci.environment().devUrl()).isEqualTo("docker://postgres/15/dev?search_path=public");
        assertThat(ci.dir()).isNull();
        assertThat(ci.notUsed()).isEmpty();
    }

    @Test
    void interpolationAndUrlescapeBuildAUrlFromAnEscapedPassword(@TempDir Path directory) throws Exception {
        Path file = write(directory, WITH_LOCALS.replace(
                "url     = atlas.env == \"prod\" ? local.prod_url : var.db_url", "url     = local.prod_url"));

        AtlasEnvironment prod = AtlasProjectFile.read(file, "prod", variables(Map.of("DB_PASSWORD", "p@ss/w rd")));

        assertThat(prod.environment().url()).isEqualTo("postgres://deployer:p%40ss%2Fw%20rd@db.example.com:5432/app");
        assertThat(ConnectionUrls.parse(prod.environment().url()).password()).isEqualTo("p@ss/w rd");
    }

    @Test
    void operatorsAreRefusedWithTheirLine(@TempDir Path directory) throws Exception {
        Path file = write(directory, WITH_LOCALS);

        assertThatThrownBy(() -> AtlasProjectFile.read(file, "prod", SecretSources.none()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("atlas.hcl:15: operators and conditionals ('==') are not supported");
    }

    @Test
    void whatPgmigrateDoesNotUseIsListedWithItsLine(@TempDir Path directory) throws Exception {
        Path file = write(directory, """
                lint {
                  destructive { error = true }
                }
                env "local" {
                  url     = "postgres://localhost/app"
                  schemas = ["public"]
                  migration {
                    dir          = "file://migrations"
                    lock_timeout = "5s"
                    format       = atlas
                  }
                  format {
                    migrate { apply = "{{ json . }}" }
                  }
                }
                """);

        AtlasEnvironment local = AtlasProjectFile.read(file, "local", SecretSources.none());

        assertThat(local.notUsed()).containsExactly("atlas.hcl:1: lint block", "atlas.hcl:6: schemas",
                "atlas.hcl:12: format block", "atlas.hcl:9: migration.lock_timeout");
    }

    @Test
    void errorsNameTheFileAndLine(@TempDir Path directory) throws Exception {
        assertThatThrownBy(() -> AtlasProjectFile.read(write(directory, "env \"a\" {\n  url = \"postgres://x\n}\n"),
                "a", SecretSources.none()))
                .hasMessage("atlas.hcl:2: the string that starts here is not closed on its line");
        assertThatThrownBy(() -> AtlasProjectFile.read(write(directory, "env \"a\" {\n  url = file(\"u\")\n}\n"),
                "a", SecretSources.none()))
                .hasMessageStartingWith("atlas.hcl:2: function file(…) is not supported");
        assertThatThrownBy(() -> AtlasProjectFile.read(write(directory,
                "locals {\n  a = local.b\n  b = local.a\n}\nenv \"a\" {\n  url = local.a\n}\n"), "a",
                SecretSources.none()))
                .hasMessageStartingWith("atlas.hcl:2: local.a refers to itself");
        assertThatThrownBy(() -> AtlasProjectFile.read(write(directory,
                "env \"a\" {\n  url = \"postgres://x\"\n  migration {\n    dir = \"atlas://app\"\n  }\n}\n"), "a",
                SecretSources.none()))
                .hasMessageStartingWith("atlas.hcl:4: migration.dir \"atlas://app\" is not a file:// directory");
        assertThatThrownBy(() -> AtlasProjectFile.read(write(directory,
                "variable \"u\" {\n  type = string\n}\nenv \"a\" {\n  url = var.u\n}\n"), "a",
                SecretSources.none()))
                .hasMessageStartingWith("atlas.hcl:1: variable \"u\" has no default");
        assertThatThrownBy(() -> AtlasProjectFile.read(directory.resolve("missing.hcl"), "a", SecretSources.none()))
                .hasMessageContaining("does not exist");
    }
}
