package io.github.pgmigrate.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Atlas orders names by their UTF-8 bytes; the comparator must agree with the bytes for every pair of strings. */
class ByteOrderPropertiesTest {

    @Property(tries = 3000)
    void agreesWithTheUnsignedOrderOfTheUtf8Bytes(@ForAll("names") String a, @ForAll("names") String b) {
        int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        assertThat(Integer.signum(ByteOrder.compare(a, b))).isEqualTo(Integer.signum(bytes));
    }

    @Example
    void aCharacterOutsideTheBasicPlaneSortsAfterThePrivateUseArea() {
        assertThat(ByteOrder.compare("1_\uD83D\uDE00.sql", "1_\uE000.sql")).isPositive();
        assertThat("1_\uD83D\uDE00.sql".compareTo("1_\uE000.sql")).as("Java's own order differs").isNegative();
    }

    /** Short names from a few ranges, so that shared prefixes, surrogates (paired or not) and high BMP meet often. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.chars().range('0', '9')),
                Tuple.of(3, Arbitraries.chars().range('_', 'b')),
                Tuple.of(1, Arbitraries.chars().range('\u00e0', '\u00e2')),
                Tuple.of(1, Arbitraries.chars().range('\uD7FE', '\uD801')),
                Tuple.of(1, Arbitraries.chars().range('\uDBFF', '\uDC01')),
                Tuple.of(1, Arbitraries.chars().range('\uDFFF', '\uE001')),
                Tuple.of(1, Arbitraries.chars().range('\uFFFE', '\uFFFF')));
        return chars.list().ofMaxSize(6).map(list -> {
            StringBuilder name = new StringBuilder();
            list.forEach(name::append);
            return name.toString();
        });
    }
}
