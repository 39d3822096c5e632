package io.github.pgmigrate.ddl;

import java.util.List;
import java.util.Map;

/**
 * What a statement is, as far as the lint rules need to know: the DDL forms of the rule catalog, transaction control,
 * {@code SET}, and the few DML forms some rules look at. Anything else is {@link Other}.
 */
public sealed interface Ddl {

    /** {@code BEGIN}, {@code START TRANSACTION}. */
    record Begin() implements Ddl {
    }

    /** {@code COMMIT}, {@code END}. */
    record Commit() implements Ddl {
    }

    /** {@code ROLLBACK}, {@code ABORT} (not {@code ROLLBACK TO SAVEPOINT}). */
    record Rollback() implements Ddl {
    }

    /** {@code SET [SESSION | LOCAL] name {TO | =} value}; {@code value} lower-cased and unquoted. */
    record SetParameter(String name, boolean local, String value) implements Ddl {
    }

    record CreateTable(QualifiedName name, boolean temporary, boolean ifNotExists, boolean onCommitDrop,
                       List<ColumnDefinition> columns, List<ConstraintDefinition> constraints, boolean partitioned,
                       QualifiedName partitionOf, Map<String, String> storageParameters) implements Ddl {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
            storageParameters = Map.copyOf(storageParameters);
        }
    }

    /** {@code CREATE TABLE … AS}, {@code SELECT … INTO}, {@code CREATE MATERIALIZED VIEW}. */
    record CreateTableAs(QualifiedName name, boolean ifNotExists) implements Ddl {
    }

    /** {@code ALTER TABLE}; {@code name} is null for {@code ALTER TABLE ALL IN TABLESPACE}. */
    record AlterTable(QualifiedName name, boolean ifExists, List<AlterAction> actions) implements Ddl {
        public AlterTable {
            actions = List.copyOf(actions);
        }

        public LockLevel lock() {
            LockLevel lock = LockLevel.NONE;
            for (AlterAction action : actions) {
                lock = lock.max(action.lock());
            }
            return lock;
        }
    }

    record Drop(ObjectKind kind, List<QualifiedName> names, boolean ifExists, boolean cascade, boolean concurrently)
            implements Ddl {
        public Drop {
            names = List.copyOf(names);
        }
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table …}. */
    record CreateIndex(QualifiedName name, QualifiedName table, boolean unique, boolean concurrently,
                       boolean ifNotExists, boolean only, List<String> columns) implements Ddl {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    /** {@code ALTER INDEX / MATERIALIZED VIEW …}; {@code name} is null for {@code ALL IN TABLESPACE}. */
    record AlterRelation(ObjectKind kind, QualifiedName name, boolean setTablespace) implements Ddl {
    }

    /** {@code REINDEX [(options)] {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} [CONCURRENTLY] name}. */
    record Reindex(String target, QualifiedName name, boolean concurrently) implements Ddl {
    }

    record CreateType(QualifiedName name, boolean isEnum, List<String> labels) implements Ddl {
        public CreateType {
            labels = List.copyOf(labels);
        }
    }

    /** {@code ALTER TYPE e ADD VALUE [IF NOT EXISTS] 'x' [BEFORE|AFTER 'y']}. */
    record AddEnumValue(QualifiedName type, String label, boolean ifNotExists, boolean positioned) implements Ddl {
    }

    /** {@code ALTER TYPE e RENAME VALUE 'a' TO 'b'}. */
    record RenameEnumValue(QualifiedName type, String from, String to) implements Ddl {
    }

    record CreateDomain(QualifiedName name, boolean hasConstraint) implements Ddl {
    }

    record AlterDomainAddConstraint(QualifiedName name, boolean notValid) implements Ddl {
    }

    record CreateSchema(QualifiedName name) implements Ddl {
    }

    record RenameSchema(String from, String to) implements Ddl {
    }

    /** {@code CLUSTER [VERBOSE] [table [USING index]]} or the legacy {@code CLUSTER index ON table}. */
    record Cluster(QualifiedName table) implements Ddl {
    }

    record Vacuum(boolean full, List<QualifiedName> tables) implements Ddl {
        public Vacuum {
            tables = List.copyOf(tables);
        }
    }

    record Truncate(List<QualifiedName> tables, boolean cascade) implements Ddl {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    record LockTable(List<QualifiedName> tables, LockLevel mode) implements Ddl {
        public LockTable {
            tables = List.copyOf(tables);
        }
    }

    record RefreshMaterializedView(QualifiedName name, boolean concurrently) implements Ddl {
    }

    record CreateTrigger(QualifiedName table) implements Ddl {
    }

    record CreateView(QualifiedName name, List<String> columns) implements Ddl {
        public CreateView {
            columns = List.copyOf(columns);
        }
    }

    /** {@code INSERT INTO t (cols) …}. */
    record Insert(QualifiedName table, List<String> columns) implements Ddl {
        public Insert {
            columns = List.copyOf(columns);
        }
    }

    /** {@code UPDATE t SET a = …, b = …}: the assigned columns. */
    record Update(QualifiedName table, List<String> columns) implements Ddl {
        public Update {
            columns = List.copyOf(columns);
        }
    }

    /**
     * Anything else. {@code words} are its first keywords (e.g. {@code "create database"}); {@code nonTransactional}
     * names the command when PostgreSQL refuses to run it inside a transaction block (e.g. {@code "CREATE DATABASE"}),
     * and is null otherwise. Ask {@link TransactionBlock}, which knows the recognized forms too.
     */
    record Other(String words, String nonTransactional) implements Ddl {
        public Other(String words) {
            this(words, null);
        }
    }
}
