package io.github.pgmigrate.guard;

import java.util.Optional;

/**
 * The one answer to "may this goal change this database without further ado". Allowed: the embedded database, a
 * local URL ({@link LocalUrls}) or an environment marked {@code <disposable>}. Anywhere else the user types the
 * database's name ({@code -Dpgmigrate.confirm}, or at the prompt of an interactive build; deploy: the environment's
 * name when environments are configured); a batch build without it is refused. An environment marked
 * {@code <protected>} is never cleaned or reset, and deploy to it always needs the typed name. Flyway learnt this the
 * hard way: its {@code clean} once ran wherever it was pointed, until {@code cleanDisabled} became the default.
 */
public final class ProductionGuard {

    private ProductionGuard() {
    }

    /**
     * @param confirmation what the user typed ({@code -Dpgmigrate.confirm} or the prompt's answer); null or blank:
     *                     nothing
     * @param canAsk       whether the build is interactive, so a missing confirmation is asked for
     * @param what         what would happen, for the question, e.g. "apply 3 migration file(s)"
     */
    public static GuardVerdict check(GuardedAction action, GuardSubject subject, String confirmation,
                                     boolean canAsk, String what) {
        String environment = "environment \"" + subject.environment() + "\"";
        if (subject.isProtected() && action.wipes()) {
            return GuardVerdict.refused("pgmigrate:" + action.goal() + " refused by the protected guard: " + environment
                    + " is marked <protected>true</protected>, and " + action.goal() + " never runs on a protected"
                    + " environment (not even with -Dpgmigrate.confirm)",
                    "choose another environment (-Dpgmigrate.env); remove <protected> from " + environment
                            + " only if this database may really be wiped");
        }
        Optional<String> local = LocalUrls.whyLocal(subject.target());
        if (!subject.isProtected()) {
            if (local.isPresent()) {
                return GuardVerdict.allowed("local guard passed: " + local.get());
            }
            if (subject.disposable()) {
                return GuardVerdict.allowed("disposable guard passed: " + environment
                        + " is marked <disposable>true</disposable>");
            }
        }
        boolean byEnvironment = action == GuardedAction.DEPLOY && subject.environmentsConfigured();
        String expected = byEnvironment ? subject.environment() : subject.databaseName();
        String named = byEnvironment ? "the environment's name" : "the database's name";
        String guardName = subject.isProtected() ? "the protected guard" : "the production guard";
        String guard = guardName + (subject.isProtected()
                ? " (" + environment + " is marked <protected>true</protected>: " + action.goal()
                + " always needs the typed name)"
                : " (" + subject.target().displayUrl() + " is not this machine: not the embedded database, not"
                + " localhost, 127.0.0.0/8, ::1 or a unix socket, and " + environment + " is not marked"
                + " <disposable>true</disposable>)");
        String pass = "pass -Dpgmigrate.confirm=" + expected + " (" + named + ", typed out) to "
                + action.goal() + " " + subject.target().displayUrl() + (action.wipes()
                ? "; for a scratch database that may be wiped at any time, mark its environment"
                + " <disposable>true</disposable>" : "");
        if (expected == null) {
            return GuardVerdict.refused("pgmigrate:" + action.goal() + " refused by " + guard + ", and the URL names"
                    + " no database to confirm with", "put the database name into the URL, then " + pass);
        }
        if (confirmation != null && !confirmation.isBlank()) {
            if (confirmation.strip().equals(expected)) {
                return GuardVerdict.allowed("confirmed: " + named + " \"" + expected + "\" was typed for "
                        + guardName);
            }
            return GuardVerdict.refused("pgmigrate:" + action.goal() + " refused by " + guard + ": the confirmation \""
                    + confirmation.strip() + "\" is not " + named + " \"" + expected + "\"", pass);
        }
        if (canAsk) {
            return GuardVerdict.ask(what + " on " + environment + " (" + subject.target().displayUrl() + "), held by "
                    + guard + ". Type " + named + " (" + expected + ") to go on");
        }
        return GuardVerdict.refused("pgmigrate:" + action.goal() + " refused in batch mode by " + guard
                + ": no -Dpgmigrate.confirm was given", pass);
    }
}
