package dev.migrationagent.sql;

/** Kinds of database objects that DROP, COMMENT and RENAME name. */
public enum ObjectKind {
    TABLE, VIEW, MATERIALIZED_VIEW, INDEX, TYPE, DOMAIN, SEQUENCE, TRIGGER, FUNCTION, PROCEDURE, SCHEMA, EXTENSION,
    COLUMN, CONSTRAINT, POLICY, OTHER
}
