package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.ObjectKind;
import io.github.pgmigrate.ddl.QualifiedName;

/** Changes that lose data or break clients: drops, truncates and renames outside ALTER TABLE. */
final class DestructiveRules implements RuleGroup {

    @Override
    public void check(StatementView s, MigrationState state, FindingSink out) {
        if (s.ddl() instanceof Ddl.Drop drop) {
            drop(s, drop, state, out);
        } else if (s.ddl() instanceof Ddl.Truncate truncate && truncate.cascade()) {
            out.report(Rule.BAN_TRUNCATE_CASCADE, s, "TRUNCATE … CASCADE also empties every table that references "
                            + String.join(", ", truncate.tables().stream().map(Names::of).toList())
                            + ", transitively, under ACCESS EXCLUSIVE locks.",
                    "name every table to truncate explicitly, without CASCADE.");
        } else if (s.ddl() instanceof Ddl.RenameSchema rename) {
            out.report(Rule.RENAMING_SCHEMA, s, "Renaming schema " + Names.of(rename.from()) + " to " + Names.of(rename.to())
                            + " breaks every client and function that qualifies names with the old schema.",
                    "expand/contract: create the new schema, move objects, keep the old names working until clients moved.");
        } else if (s.ddl() instanceof Ddl.RenameEnumValue rename && !state.isNewType(rename.type())) {
            out.report(Rule.RENAME_ENUM_VALUE, s, "Renaming value '" + rename.from() + "' of enum " + Names.of(rename.type())
                            + " breaks clients that still write or compare the old label.",
                    "add the new value next to the old one, handle both in the application, backfill, then stop using the old one.");
        }
    }

    private static void drop(StatementView s, Ddl.Drop drop, MigrationState state, FindingSink out) {
        switch (drop.kind()) {
            case TABLE -> {
                for (QualifiedName table : drop.names()) {
                    if (!state.isNewTable(table)) {
                        out.report(Rule.BAN_DROP_TABLE, s, "Dropping table " + Names.of(table)
                                        + " deletes its data and breaks every client that still uses it (ACCESS EXCLUSIVE lock).",
                                "stop using the table in the application first, back it up, and drop it in a later migration after checking it is unused.");
                    }
                }
            }
            case SCHEMA -> {
                for (QualifiedName schema : drop.names()) {
                    if (!state.isNewSchema(new QualifiedName(null, schema.name()))) {
                        out.report(Rule.BAN_DROP_SCHEMA, s, "Dropping schema " + Names.of(schema)
                                        + (drop.cascade() ? " with CASCADE deletes every object and all data in it." : " deletes the objects it holds and breaks clients that use them."),
                                "drop the objects you mean to remove explicitly, after checking they are unused.");
                    }
                }
            }
            case DATABASE -> out.report(Rule.BAN_DROP_DATABASE, s, "DROP DATABASE deletes the whole database"
                            + (drop.names().isEmpty() ? "." : " " + Names.of(drop.names().get(0)) + "."),
                    "never drop databases from a migration; do it by hand after a backup.");
            default -> {
            }
        }
    }
}
