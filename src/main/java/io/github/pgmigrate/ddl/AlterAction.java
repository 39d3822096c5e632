package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import java.util.List;
import java.util.Map;

/** One sub-command of {@code ALTER TABLE}, with the lock it takes on the altered table. */
public sealed interface AlterAction {

    /** The lock this sub-command takes on the altered table (PostgreSQL's ALTER TABLE notes). */
    LockLevel lock();

    record AddColumn(ColumnDefinition column, boolean ifNotExists) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record DropColumn(Identifier column, boolean ifExists, boolean cascade) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code ALTER COLUMN c [SET DATA] TYPE t [USING …]}. */
    record ChangeType(Identifier column, TypeName type, List<Token> using) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record SetNotNull(Identifier column) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record DropNotNull(Identifier column) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record SetDefault(Identifier column, List<Token> expression) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code ALTER COLUMN c SET EXPRESSION AS (…)} (PostgreSQL 17). */
    record SetExpression(Identifier column) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code ALTER COLUMN c ADD GENERATED … AS IDENTITY}. */
    record AddIdentity(Identifier column) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** Column sub-commands that take SHARE UPDATE EXCLUSIVE: SET STATISTICS, SET/RESET (attribute options). */
    record ColumnStatistics(Identifier column) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    record AddConstraint(ConstraintDefinition constraint) implements AlterAction {
        public LockLevel lock() {
            return constraint.kind() == ConstraintKind.FOREIGN_KEY ? LockLevel.SHARE_ROW_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record ValidateConstraint(String name) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    record DropConstraint(String name, boolean ifExists) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record RenameColumn(Identifier from, Identifier to) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record RenameTable(Identifier to) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record RenameConstraint(String from, String to) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code SET LOGGED} / {@code SET UNLOGGED}. */
    record SetLogged(boolean logged) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record SetAccessMethod(String method) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    record SetTablespace(String tablespace) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code {ENABLE|DISABLE} [REPLICA|ALWAYS] TRIGGER …}. */
    record ToggleTrigger() implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_ROW_EXCLUSIVE;
        }
    }

    /** {@code REPLICA IDENTITY {DEFAULT|FULL|NOTHING|USING INDEX i}}; {@code identity} is the lower-cased keyword. */
    record ReplicaIdentity(String identity) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code SET (storage_parameter = value, …)}; values lower-cased and unquoted. */
    record SetStorageParameters(Map<String, String> parameters) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    record AttachPartition(QualifiedName partition) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    record DetachPartition(QualifiedName partition, boolean concurrently, boolean finalizing) implements AlterAction {
        public LockLevel lock() {
            return concurrently || finalizing ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
        }
    }

    /** {@code CLUSTER ON}, {@code SET WITHOUT CLUSTER}: SHARE UPDATE EXCLUSIVE, no rewrite. */
    record ClusterMarker() implements AlterAction {
        public LockLevel lock() {
            return LockLevel.SHARE_UPDATE_EXCLUSIVE;
        }
    }

    /** Any other sub-command (OWNER TO, SET SCHEMA, ENABLE ROW LEVEL SECURITY, INHERIT, …), named by its first words. */
    record Other(String words) implements AlterAction {
        public LockLevel lock() {
            return LockLevel.ACCESS_EXCLUSIVE;
        }
    }
}
