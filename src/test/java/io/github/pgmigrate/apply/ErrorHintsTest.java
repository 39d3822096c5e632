package io.github.pgmigrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorHintsTest {

    @Test
    void aPreparedStatementClashPointsAtThePoolerParameter() {
        assertThat(ErrorHints.forStatement("42P05", "ERROR: prepared statement \"S_1\" already exists", true))
                .contains("transaction pooler", "<pooler>transaction</pooler>", "-Dpgmigrate.pooler=transaction");
    }
}
