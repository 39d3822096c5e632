package io.github.pgmigrate.revisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** partial_hashes as Atlas (Ent) writes it: a JSON array of strings, or the JSON value null. */
class HashListJsonTest {

    @Test
    void roundTripsArraysAndNull() throws IOException {
        List<String> hashes = List.of("h1:abc+/=", "h1:\"quoted\" \\ back");
        assertThat(HashListJson.parse(HashListJson.write(hashes))).isEqualTo(hashes);
        assertThat(HashListJson.write(null)).isEqualTo("null");
        assertThat(HashListJson.parse("null")).isNull();
        assertThat(HashListJson.parse(" [ ] ")).isEmpty();
        assertThat(HashListJson.write(List.of())).isEqualTo("[]");
    }

    @Test
    void refusesWhatIsNotAnArrayOfStrings() {
        for (String bad : List.of("{}", "[1]", "[\"a\"] x", "\"a\"", "[\"a\"")) {
            assertThatThrownBy(() -> HashListJson.parse(bad)).as(bad).isInstanceOf(IOException.class);
        }
    }
}
