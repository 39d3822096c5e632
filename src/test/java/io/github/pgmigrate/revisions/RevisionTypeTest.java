package io.github.pgmigrate.revisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionTypeTest {

    @Test
    void describesTypesWithAtlasWords() {
        assertThat(RevisionType.describe(1)).isEqualTo("baseline");
        assertThat(RevisionType.describe(2)).isEqualTo("applied");
        assertThat(RevisionType.describe(4)).isEqualTo("manually set");
        assertThat(RevisionType.describe(6)).isEqualTo("applied + manually set");
        assertThat(RevisionType.describe(0)).isEqualTo("unknown (0000)");
        assertThat(RevisionType.describe(3)).isEqualTo("unknown (0011)");
        assertThat(RevisionType.describe(16)).isEqualTo("unknown (10000)");
    }

    @Test
    void partialHashesRunOverTheStatementTextsAndFindTheFirstChange() {
        List<Statement> statements = List.of(new Statement("CREATE TABLE a (id int);", 0, 1, 1, List.of()),
                new Statement("CREATE TABLE b (id int);", 25, 2, 1, List.of()));
        List<String> hashes = PartialHashes.of(statements);
        // sha256("CREATE TABLE a (id int);") and sha256 of both texts concatenated, base64.
        assertThat(hashes).hasSize(2).allMatch(h -> h.startsWith("h1:") && h.length() == 47);
        assertThat(hashes.get(0)).isNotEqualTo(hashes.get(1));
        assertThat(PartialHashes.firstChanged(hashes.subList(0, 1), hashes)).isEqualTo(-1);
        assertThat(PartialHashes.firstChanged(List.of(hashes.get(0).substring(3)), hashes)).isEqualTo(-1);
        assertThat(PartialHashes.firstChanged(List.of("h1:other"), hashes)).isZero();
        assertThat(PartialHashes.firstChanged(hashes, hashes.subList(0, 1))).isEqualTo(1);
    }

    @Test
    void fileNameJoinsVersionAndDescriptionAsAtlasNamesIt() {
        assertThat(new Revision("1", "init", 2, 0, 0, null, 0, null, null, null, null, "x").fileName())
                .isEqualTo("1_init.sql");
        assertThat(new Revision("1", "", 2, 0, 0, null, 0, null, null, null, null, "x").fileName())
                .isEqualTo("1.sql");
    }
}
