package dev.migrationagent.sql;

import java.util.List;
import java.util.Set;

/** A typed PostgreSQL statement; anything the parser does not model is {@link Opaque}. */
public sealed interface Statement {

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] name action, ...}. */
    record AlterTable(QualifiedName table, boolean ifExists, List<AlterAction> actions) implements Statement {
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    /** {@code CREATE TABLE}, including {@code PARTITION OF} and {@code AS SELECT}. */
    record CreateTable(
            QualifiedName table,
            boolean ifNotExists,
            boolean temporary,
            List<ColumnDef> columns,
            List<ConstraintDef> constraints,
            QualifiedName partitionOf,
            boolean defaultPartition,
            boolean partitioned,
            boolean asSelect) implements Statement {
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
        }
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table ...}. */
    record CreateIndex(
            String name,
            QualifiedName table,
            boolean unique,
            boolean concurrently,
            boolean ifNotExists,
            boolean only,
            String method,
            List<String> columns,
            boolean partial) implements Statement {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    /** {@code DROP kind [CONCURRENTLY] [IF EXISTS] name, ... [CASCADE]}. */
    record Drop(ObjectKind kind, List<QualifiedName> names, boolean ifExists, boolean cascade, boolean concurrently,
            QualifiedName onTable) implements Statement {
        public Drop {
            names = List.copyOf(names);
        }
    }

    /** {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW}. */
    record CreateView(QualifiedName view, boolean orReplace, boolean materialized, boolean ifNotExists,
            List<String> columns, Set<QualifiedName> tables) implements Statement {
        public CreateView {
            columns = columns == null ? null : List.copyOf(columns);
            tables = Set.copyOf(tables);
        }
    }

    /** {@code CREATE TYPE} (enum, composite, range) and {@code CREATE DOMAIN}. */
    record CreateType(QualifiedName type, Kind kind, List<String> labels, boolean hasConstraint) implements Statement {
        /** Kinds of user-defined types. */
        public enum Kind { ENUM, COMPOSITE, RANGE, DOMAIN, OTHER }

        public CreateType {
            labels = List.copyOf(labels);
        }
    }

    /** {@code ALTER TYPE name ADD VALUE | RENAME VALUE | RENAME TO | ...}. */
    record AlterType(QualifiedName type, Action action, String label, String newLabel, boolean ifNotExists,
            boolean positioned) implements Statement {
        /** ALTER TYPE sub-commands. */
        public enum Action { ADD_VALUE, RENAME_VALUE, RENAME_TO, OTHER }
    }

    /** {@code ALTER INDEX name RENAME TO | ATTACH PARTITION | ...}. */
    record AlterIndex(QualifiedName index, boolean ifExists, String keyword, String target) implements Statement {}

    /** {@code ALTER DOMAIN name ...}; only adding a constraint matters for safety. */
    record AlterDomain(QualifiedName domain, boolean addsConstraint, boolean notValid) implements Statement {}

    /** {@code ALTER VIEW/SEQUENCE/SCHEMA/FUNCTION/MATERIALIZED VIEW ... RENAME TO}, and other renames. */
    record RenameObject(ObjectKind kind, QualifiedName name, String newName) implements Statement {}

    /** {@code CREATE SEQUENCE}. */
    record CreateSequence(QualifiedName sequence, boolean ifNotExists) implements Statement {}

    /** {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name ... ON table}. */
    record CreateTrigger(String name, QualifiedName table, boolean orReplace) implements Statement {}

    /** {@code CREATE [OR REPLACE] FUNCTION | PROCEDURE}. */
    record CreateFunction(QualifiedName function, boolean orReplace, boolean procedure, String volatility,
            String body) implements Statement {}

    /** {@code CREATE SCHEMA}. */
    record CreateSchema(String schema, boolean ifNotExists) implements Statement {}

    /** {@code CREATE EXTENSION}. */
    record CreateExtension(String extension, boolean ifNotExists) implements Statement {}

    /** {@code TRUNCATE [TABLE] name, ... [CASCADE]}. */
    record Truncate(List<QualifiedName> tables, boolean cascade) implements Statement {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /** {@code INSERT INTO table [(cols)] VALUES ... | SELECT ...}; literal rows are kept when readable. */
    record Insert(QualifiedName table, List<String> columns, List<List<Value>> rows, boolean fromQuery,
            boolean onConflict) implements Statement {
        public Insert {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** {@code UPDATE table SET ... [WHERE ...]}. */
    record Update(QualifiedName table, List<String> setColumns, String where, List<String> setValues)
            implements Statement {
        public Update {
            setColumns = List.copyOf(setColumns);
            setValues = List.copyOf(setValues);
        }
    }

    /** {@code DELETE FROM table [WHERE ...]}. */
    record Delete(QualifiedName table, String where) implements Statement {}

    /** {@code SET [SESSION | LOCAL] name = value}. */
    record SetVariable(String name, String value, boolean local) implements Statement {}

    /** {@code RESET name}. */
    record ResetVariable(String name) implements Statement {}

    /** BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, SAVEPOINT and friends. */
    record Transaction(String keyword) implements Statement {
        /** True for statements that open or close a transaction (not savepoints). */
        public boolean endsOrStarts() {
            return switch (keyword) {
                case "BEGIN", "COMMIT", "ROLLBACK", "PREPARE TRANSACTION" -> true;
                default -> false;
            };
        }
    }

    /** {@code REINDEX [(...)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}. */
    record Reindex(ObjectKind target, QualifiedName name, boolean concurrently) implements Statement {}

    /** {@code CLUSTER [table [USING index]]}. */
    record Cluster(QualifiedName table, String index) implements Statement {}

    /** {@code VACUUM [FULL] [(options)] [tables]}. */
    record Vacuum(boolean full, boolean analyze, List<QualifiedName> tables) implements Statement {
        public Vacuum {
            tables = List.copyOf(tables);
        }
    }

    /** {@code ANALYZE [tables]}. */
    record Analyze(List<QualifiedName> tables) implements Statement {
        public Analyze {
            tables = List.copyOf(tables);
        }
    }

    /** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}. */
    record RefreshMaterializedView(QualifiedName view, boolean concurrently) implements Statement {}

    /** {@code COMMENT ON kind name IS ...}. */
    record Comment(ObjectKind kind, QualifiedName name) implements Statement {}

    /** {@code GRANT} or {@code REVOKE}. */
    record Grant(boolean revoke, String text) implements Statement {}

    /** {@code LOCK [TABLE] name, ... [IN mode MODE]}. */
    record LockTable(List<QualifiedName> tables, String mode) implements Statement {
        public LockTable {
            tables = List.copyOf(tables);
        }
    }

    /** {@code DO [LANGUAGE x] $$ body $$}. */
    record DoBlock(String body, boolean commits) implements Statement {}

    /** A statement the parser recognises only by its leading keywords, e.g. {@code SELECT} or {@code CALL}. */
    record Opaque(String keyword) implements Statement {}

    /**
     * A statement that does not parse.
     *
     * @param message what is wrong
     * @param line 1-based line of the offending token
     * @param column 1-based column of the offending token
     * @param internal true when the parser itself failed (a bug), as opposed to bad SQL
     */
    record Invalid(String message, int line, int column, boolean internal) implements Statement {}
}
