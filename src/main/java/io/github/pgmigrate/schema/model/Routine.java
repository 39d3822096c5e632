package io.github.pgmigrate.schema.model;

import java.util.List;

/**
 * A function or procedure.
 *
 * @param arguments   the identity arguments ({@code pg_get_function_identity_arguments}), which with the name
 *                    identify the routine
 * @param result      {@code pg_get_function_result}, null for a procedure
 * @param definition  {@code pg_get_functiondef}: the complete CREATE OR REPLACE statement (volatility, SECURITY
 *                    DEFINER, SET search_path and the body included)
 */
public record Routine(QualifiedName name, String arguments, boolean procedure, String result, String language,
                      String volatility, boolean securityDefiner, String definition, String owner,
                      List<Grant> grants, String comment) {

    public ObjectRef ref() {
        return new ObjectRef(ObjectKind.ROUTINE, name.schema(), name.name() + "(" + arguments + ")");
    }
}
