package io.github.pgmigrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionControlTest {

    @Test
    void statementsThatOpenEndOrAbortTheTransactionAreRecognised() {
        assertThat(TransactionControl.effect("BEGIN")).hasValueSatisfying(e -> assertThat(e).startsWith("BEGIN opens"));
        assertThat(TransactionControl.effect("START TRANSACTION ISOLATION LEVEL SERIALIZABLE"))
                .hasValueSatisfying(e -> assertThat(e).startsWith("START TRANSACTION opens"));
        assertThat(TransactionControl.effect("commit")).hasValueSatisfying(e -> assertThat(e).startsWith("COMMIT"));
        assertThat(TransactionControl.effect("END")).hasValueSatisfying(e -> assertThat(e).startsWith("END commits"));
        assertThat(TransactionControl.effect("ROLLBACK")).hasValueSatisfying(e -> assertThat(e).contains("back"));
        assertThat(TransactionControl.effect("ABORT")).isPresent();
        assertThat(TransactionControl.effect("PREPARE TRANSACTION 'x'")).isPresent();
    }

    @Test
    void savepointsAndFunctionBodiesAreNot() {
        assertThat(TransactionControl.effect("SAVEPOINT s")).isEmpty();
        assertThat(TransactionControl.effect("RELEASE SAVEPOINT s")).isEmpty();
        assertThat(TransactionControl.effect("ROLLBACK TO SAVEPOINT s")).isEmpty();
        assertThat(TransactionControl.effect("ROLLBACK WORK TO s")).isEmpty();
        assertThat(TransactionControl.effect("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1;"
                + " END $$")).isEmpty();
        assertThat(TransactionControl.effect("DO $$ BEGIN COMMIT; END $$")).isEmpty();
        assertThat(TransactionControl.effect("SELECT 'BEGIN'")).isEmpty();
    }
}
