package io.github.pgmigrate.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Eclipse m2e runs the database-free lifecycle goals on a full build, and never a goal that needs a database. */
class M2eMetadataTest {

    @Test
    void mapsValidateAndLint() throws Exception {
        Document metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            metadata = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList goals = metadata.getElementsByTagName("goal");
        List<String> mapped = new ArrayList<>();
        for (int i = 0; i < goals.getLength(); i++) {
            mapped.add(goals.item(i).getTextContent().strip());
        }

        assertThat(mapped).containsExactlyInAnyOrder("validate", "lint");
        assertThat(metadata.getElementsByTagName("runOnIncremental").item(0).getTextContent()).isEqualTo("false");
    }
}
