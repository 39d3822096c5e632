package io.github.pgmigrate.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.directory.TxMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilePlanTest {
    private static final int PG17 = 170000;

    private static List<FilePlan> plan(TxMode mode, MigrationFile... files) throws PgMigrateException {
        return FilePlan.of(List.of(files), mode, SumFile.compute(List.of(files)), PG17);
    }

    @Test
    void theFileDirectiveOverridesTheGlobalMode() throws Exception {
        MigrationFile none = MigrationFile.of("1_a.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY i ON t (c);\n");
        MigrationFile file = MigrationFile.of("2_b.sql", "-- atlas:txmode file\n\nSELECT 1;\n");
        MigrationFile plain = MigrationFile.of("3_c.sql", "SELECT 1;\n");
        assertThat(plan(TxMode.FILE, none, file, plain)).extracting(FilePlan::transactional)
                .containsExactly(false, true, true);
        assertThat(plan(TxMode.NONE, none, file, plain)).extracting(FilePlan::transactional)
                .containsExactly(false, true, false);
        assertThat(plan(TxMode.FILE, plain).get(0).hash())
                .isEqualTo(SumFile.compute(List.of(plain)).hashOf("3_c.sql").orElseThrow());
    }

    @Test
    void aDirectiveWithoutItsBlankLineIsExplained() {
        MigrationFile trap = MigrationFile.of("1_a.sql", "-- atlas:txmode none\nCREATE INDEX CONCURRENTLY i ON t (c);\n");
        assertThatThrownBy(() -> plan(TxMode.FILE, trap))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).startsWith("1_a.sql:2: CREATE INDEX CONCURRENTLY cannot run inside a"
                            + " transaction");
                    assertThat(e.hint()).startsWith("line 1 has an atlas:txmode directive");
                });
    }

    @Test
    void badDirectivesAreRefusedWithAtlasWording() {
        assertThatThrownBy(() -> plan(TxMode.FILE, MigrationFile.of("1_a.sql",
                "-- atlas:txmode sometimes\n\nSELECT 1;\n")))
                .hasMessage("unknown txmode \"sometimes\" found in file directive \"1_a.sql\"");
        assertThatThrownBy(() -> plan(TxMode.FILE, MigrationFile.of("1_a.sql",
                "-- atlas:txmode none\n-- atlas:txmode file\n\nSELECT 1;\n")))
                .hasMessage("multiple txmode values found in file \"1_a.sql\": [none, file]");
    }
}
