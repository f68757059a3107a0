package dev.migrationagent.sql;

/** One sub-command of ALTER TABLE. */
public sealed interface AlterAction {

    /** {@code ADD [COLUMN] [IF NOT EXISTS] col type ...}. */
    record AddColumn(ColumnDef column, boolean ifNotExists) implements AlterAction {}

    /** {@code DROP [COLUMN] [IF EXISTS] col [CASCADE]}. */
    record DropColumn(String column, boolean ifExists, boolean cascade) implements AlterAction {}

    /** {@code ALTER [COLUMN] col [SET DATA] TYPE type [USING expr]}. */
    record AlterColumnType(String column, TypeName type, String using) implements AlterAction {}

    /** {@code ALTER [COLUMN] col SET NOT NULL}. */
    record SetNotNull(String column) implements AlterAction {}

    /** {@code ALTER [COLUMN] col DROP NOT NULL}. */
    record DropNotNull(String column) implements AlterAction {}

    /** {@code ALTER [COLUMN] col SET DEFAULT expr}. */
    record SetDefault(String column, Expression value) implements AlterAction {}

    /** {@code ALTER [COLUMN] col DROP DEFAULT}. */
    record DropDefault(String column) implements AlterAction {}

    /** {@code ADD [CONSTRAINT name] ...}. */
    record AddConstraint(ConstraintDef constraint) implements AlterAction {}

    /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE]}. */
    record DropConstraint(String name, boolean ifExists, boolean cascade) implements AlterAction {}

    /** {@code VALIDATE CONSTRAINT name}. */
    record ValidateConstraint(String name) implements AlterAction {}

    /** {@code RENAME [COLUMN] old TO new}. */
    record RenameColumn(String from, String to) implements AlterAction {}

    /** {@code RENAME TO new}. */
    record RenameTable(String to) implements AlterAction {}

    /** {@code RENAME CONSTRAINT old TO new}. */
    record RenameConstraint(String from, String to) implements AlterAction {}

    /** {@code SET SCHEMA s}. */
    record SetSchema(String schema) implements AlterAction {}

    /** {@code ATTACH PARTITION p FOR VALUES ... | DEFAULT}. */
    record AttachPartition(QualifiedName partition, String bound, boolean isDefault) implements AlterAction {}

    /** {@code DETACH PARTITION p [CONCURRENTLY | FINALIZE]}. */
    record DetachPartition(QualifiedName partition, boolean concurrently, boolean finalizing) implements AlterAction {}

    /**
     * Any other sub-command, named by its leading keywords in upper case, such as {@code SET TABLESPACE},
     * {@code SET LOGGED}, {@code ALTER COLUMN SET STATISTICS}, {@code ENABLE TRIGGER} or {@code SET (...)}.
     *
     * @param keyword normalized leading keywords
     * @param column the column for {@code ALTER COLUMN ...} forms, or {@code null}
     * @param text the sub-command as written
     */
    record Other(String keyword, String column, String text) implements AlterAction {}
}
