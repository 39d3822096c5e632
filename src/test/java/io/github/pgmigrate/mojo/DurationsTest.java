package io.github.pgmigrate.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheWaysUsersWriteDurations() throws Exception {
        assertThat(Durations.parse("lockTimeout", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("lockTimeout", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("lockTimeout", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("lockTimeout", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("lockTimeout", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("lockTimeout", "0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("lockTimeout", "PT3S")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> Durations.parse("statementTimeout", "ten seconds"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("statementTimeout \"ten seconds\" is not a duration");
        assertThatThrownBy(() -> Durations.parse("lockTimeout", "10"))
                .isInstanceOf(ConfigurationException.class);
    }
}
