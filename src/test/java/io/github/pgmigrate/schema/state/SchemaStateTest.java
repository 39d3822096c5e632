package io.github.pgmigrate.schema.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.ConfigurationException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaStateTest {
    private final Path base = Path.of("/project");

    @Test
    void readsTheFourForms() throws Exception {
        assertThat(SchemaState.parse("to", "file:schema.sql", base))
                .isEqualTo(new SchemaState(SchemaState.Kind.SQL, null, Path.of("/project/schema.sql")));
        assertThat(SchemaState.parse("to", "file://db/schema", base).path()).isEqualTo(Path.of("/project/db/schema"));
        assertThat(SchemaState.parse("to", "dir:", base).kind()).isEqualTo(SchemaState.Kind.MIGRATION_DIRECTORY);
        assertThat(SchemaState.parse("to", "env:prod", base).value()).isEqualTo("env:prod");
        assertThat(SchemaState.parse("to", "postgres://u:secret@h/db", base).kind())
                .isEqualTo(SchemaState.Kind.DATABASE);
    }

    @Test
    void aUrlIsNeverRepeatedInMessages() throws Exception {
        assertThat(SchemaState.parse("to", "postgres://u:secret@h/db", base).describe(base))
                .doesNotContain("secret");
        assertThatThrownBy(() -> SchemaState.parse("to", "mysql://u:secret@h/db", base))
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("secret")
                .hasMessageContaining("to is not a schema state");
    }

    @Test
    void dirTakesNoPathAndFileNeedsOne() {
        assertThatThrownBy(() -> SchemaState.parse("state", "dir:other", base))
                .hasMessageContaining("dir: takes no path");
        assertThatThrownBy(() -> SchemaState.parse("state", "file:", base)).hasMessageContaining("names no file");
    }
}
