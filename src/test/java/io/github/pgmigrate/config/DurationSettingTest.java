package io.github.pgmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationSettingTest {

    @Test
    void readsTheWaysUsersWriteDurations() throws Exception {
        assertThat(DurationSetting.parse("lockTimeout", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationSetting.parse("lockTimeout", "1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationSetting.parse("lockTimeout", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationSetting.parse("lockTimeout", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationSetting.parse("lockTimeout", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationSetting.parse("lockTimeout", "0")).isEqualTo(Duration.ZERO);
        assertThat(DurationSetting.parse("lockTimeout", "PT3S")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> DurationSetting.parse("statementTimeout", "ten seconds"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("statementTimeout 'ten seconds' is not a duration")
                .satisfies(e -> assertThat(((ConfigurationException) e).parameter()).contains("statementTimeout"));
        assertThatThrownBy(() -> DurationSetting.parse("lockTimeout", "10"))
                .isInstanceOf(ConfigurationException.class);
    }
}
