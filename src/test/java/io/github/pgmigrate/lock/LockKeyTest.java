package io.github.pgmigrate.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockKeyTest {

    @Test
    void isFnv1ThirtyTwoBitAsAtlasComputesIt() {
        assertThat(LockKey.apply()).isEqualTo(2686470616L);
        assertThat(LockKey.of("atlas_migrate_execute")).isEqualTo(2686470616L);
        assertThat(LockKey.of("name")).isEqualTo(797654004L);
        assertThat(LockKey.of("migrate")).isEqualTo(979249972L);
        assertThat(LockKey.of("up")).isEqualTo(1551306158L);
        assertThat(LockKey.of("atlas_migrate_diff")).isEqualTo(361947982L);
        assertThat(LockKey.of("atlas_lint")).isEqualTo(526800194L);
    }
}
