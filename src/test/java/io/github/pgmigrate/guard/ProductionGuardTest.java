package io.github.pgmigrate.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.ConnectionUrls;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    private static GuardSubject subject(String url, boolean disposable, boolean isProtected) throws Exception {
        return new GuardSubject("prod", true, ConnectionUrls.parse(url), "app_user", disposable, isProtected);
    }

    private static final String REMOTE = "jdbc:postgresql://db.example.com:5432/shop";

    @Test
    void localAndDisposableDatabasesPassWithoutConfirmation() throws Exception {
        assertThat(ProductionGuard.check(GuardedAction.RESET, subject("embedded", false, false), null, false, "")
                .message()).startsWith("local guard passed: it is this build's embedded database");
        assertThat(ProductionGuard.check(GuardedAction.CLEAN, subject("jdbc:postgresql://127.0.0.1/shop", false,
                false), null, false, "").allowed()).isTrue();
        assertThat(ProductionGuard.check(GuardedAction.CLEAN, subject(REMOTE, true, false), null, false, "")
                .message()).startsWith("disposable guard passed: environment \"prod\" is marked");
    }

    @Test
    void elsewhereTheDatabaseNameMustBeTypedOut() throws Exception {
        GuardVerdict batch = ProductionGuard.check(GuardedAction.RESET, subject(REMOTE, false, false), null, false,
                "reset");
        assertThat(batch.outcome()).isEqualTo(GuardVerdict.Outcome.REFUSED);
        assertThat(batch.message()).startsWith("pgmigrate:reset refused in batch mode by the production guard")
                .contains("is not this machine");
        assertThat(batch.hint()).startsWith("pass -Dpgmigrate.confirm=shop (the database's name, typed out)")
                .contains("<disposable>true</disposable>");
        assertThat(ProductionGuard.check(GuardedAction.RESET, subject(REMOTE, false, false), "shop", false, "")
                .message()).startsWith("confirmed: the database's name \"shop\" was typed");
        GuardVerdict wrong = ProductionGuard.check(GuardedAction.RESET, subject(REMOTE, false, false), "prod", false,
                "");
        assertThat(wrong.message()).contains("the confirmation \"prod\" is not the database's name \"shop\"");
        assertThatThrownBy(wrong::enforce).isInstanceOf(GuardRefusedException.class);
        GuardVerdict asked = ProductionGuard.check(GuardedAction.CLEAN, subject(REMOTE, false, false), null, true,
                "Drop every object");
        assertThat(asked.asks()).isTrue();
        assertThat(asked.message()).startsWith("Drop every object on environment \"prod\"").endsWith("Type the"
                + " database's name (shop) to go on");
    }

    @Test
    void aProtectedEnvironmentIsNeverWipedAndDeployAlwaysAsks() throws Exception {
        GuardVerdict clean = ProductionGuard.check(GuardedAction.CLEAN, subject("embedded", true, true), "shop", true,
                "");
        assertThat(clean.outcome()).isEqualTo(GuardVerdict.Outcome.REFUSED);
        assertThat(clean.message()).startsWith("pgmigrate:clean refused by the protected guard: environment \"prod\""
                + " is marked <protected>true</protected>");
        assertThat(ProductionGuard.check(GuardedAction.DEPLOY, subject("embedded", false, true), null, false,
                "").message()).contains("refused in batch mode by the protected guard");
        assertThat(ProductionGuard.check(GuardedAction.DEPLOY, subject("embedded", false, true), "prod", false,
                "").allowed()).isTrue();
    }

    @Test
    void deployConfirmsWithTheEnvironmentNameOrWithoutEnvironmentsTheDatabaseName() throws Exception {
        assertThat(ProductionGuard.check(GuardedAction.DEPLOY, subject(REMOTE, false, false), "prod", false, "")
                .allowed()).isTrue();
        assertThat(ProductionGuard.check(GuardedAction.DEPLOY, subject(REMOTE, false, false), "shop", false, "")
                .allowed()).isFalse();
        GuardSubject noEnvironments = new GuardSubject("default", false, ConnectionUrls.parse(REMOTE), null, false,
                false);
        assertThat(ProductionGuard.check(GuardedAction.DEPLOY, noEnvironments, "shop", false, "").allowed()).isTrue();
    }

    @Test
    void withoutADatabaseInTheUrlTheUserNamesIt() throws Exception {
        GuardSubject subject = new GuardSubject("prod", true, ConnectionUrls.parse("postgres://app_user@db.example"
                + ".com:5432"), "app_user", false, false);
        assertThat(ProductionGuard.check(GuardedAction.CLEAN, subject, "app_user", false, "").allowed()).isTrue();
    }
}
