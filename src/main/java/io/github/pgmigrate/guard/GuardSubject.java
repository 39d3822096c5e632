package io.github.pgmigrate.guard;

import io.github.pgmigrate.config.ConnectionTarget;

/**
 * What the guard judges: the chosen environment and where it points.
 *
 * @param environment            the environment's name
 * @param environmentsConfigured whether {@code <environments>} are configured (deploy then confirms with the
 *                               environment's name, otherwise with the database's)
 * @param target                 the understood URL
 * @param user                   the user the connection logs in as, or null (libpq's default database name)
 * @param disposable             {@code <disposable>true</disposable>}: may be wiped without asking
 * @param isProtected            {@code <protected>true</protected>}: never wiped; deploy always asks
 */
public record GuardSubject(String environment, boolean environmentsConfigured, ConnectionTarget target, String user,
                           boolean disposable, boolean isProtected) {

    /** The database's name as the URL gives it; without one, PostgreSQL connects to the database named as the user. */
    public String databaseName() {
        return target.database() != null ? target.database() : user;
    }
}
