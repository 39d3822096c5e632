package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import java.util.List;
import java.util.Map;

/** One sub-command of {@code ALTER TABLE}, with the lock it takes on the altered table. */
public sealed interface AlterAction {

    /** The lock this sub-command takes on the altered table (PostgreSQL's ALTER TABLE notes). */
    LockLevel lock();

    /** The sub-command's place in the statement text. */
    Span span();

    record AddColumn(ColumnDefinition column, boolean ifNotExists, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record DropColumn(Identifier column, boolean ifExists, boolean cascade, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code ALTER COLUMN c [SET DATA] TYPE t [USING …]}. */
    record ChangeType(Identifier column, TypeName type, List<Token> using, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record SetNotNull(Identifier column, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record DropNotNull(Identifier column, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record SetDefault(Identifier column, List<Token> expression, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code ALTER COLUMN c SET EXPRESSION AS (…)} (PostgreSQL 17). */
    record SetExpression(Identifier column, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code ALTER COLUMN c ADD GENERATED … AS IDENTITY}. */
    record AddIdentity(Identifier column, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** Column sub-commands that take SHARE UPDATE EXCLUSIVE: SET STATISTICS, SET/RESET (attribute options). */
    record ColumnStatistics(Identifier column, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    record AddConstraint(ConstraintDefinition constraint, Span span) implements AlterAction {
        public LockLevel lock() {
            return constraint.kind() == ConstraintKind.FOREIGN_KEY ? LockLevel.SHARE_ROW_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record ValidateConstraint(String name, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    record DropConstraint(String name, boolean ifExists, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record RenameColumn(Identifier from, Identifier to, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record RenameTable(Identifier to, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record RenameConstraint(String from, String to, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code SET LOGGED} / {@code SET UNLOGGED}. */
    record SetLogged(boolean logged, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record SetAccessMethod(String method, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record SetTablespace(String tablespace, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code {ENABLE|DISABLE} [REPLICA|ALWAYS] TRIGGER …}. */
    record ToggleTrigger(Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_ROW_EXCLUSIVE;
        }
    }

    /** {@code REPLICA IDENTITY {DEFAULT|FULL|NOTHING|USING INDEX i}}; {@code identity} is the lower-cased keyword. */
    record ReplicaIdentity(String identity, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code SET (storage_parameter = value, …)}; values lower-cased and unquoted. */
    record SetStorageParameters(Map<String, String> parameters, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    record AttachPartition(QualifiedName partition, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    record DetachPartition(QualifiedName partition, boolean concurrently, boolean finalizing, Span span) implements AlterAction {
        public LockLevel lock() {
            return concurrently || finalizing ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code CLUSTER ON}, {@code SET WITHOUT CLUSTER}: SHARE UPDATE EXCLUSIVE, no rewrite. */
    record ClusterMarker(Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    /** Any other sub-command (OWNER TO, SET SCHEMA, ENABLE ROW LEVEL SECURITY, INHERIT, …), named by its first words. */
    record Other(String words, Span span) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }
}
