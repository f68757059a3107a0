package dev.migrationagent.sql.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresParserTest {
    private static Statement one(String sql) {
        List<dev.migrationagent.sql.ParsedStatement> s = PostgresParser.parse(sql).statements();
        assertThat(s).hasSize(1);
        return s.get(0).statement();
    }

    private static List<AlterAction> actions(String sql) {
        return ((Statement.AlterTable) one(sql)).actions();
    }

    @Test
    void alterTableSubActions() {
        List<AlterAction> a = actions("""
                ALTER TABLE IF EXISTS ONLY billing."Invoices"
                  ADD COLUMN IF NOT EXISTS note text DEFAULT 'x' NOT NULL,
                  DROP COLUMN old CASCADE,
                  ALTER COLUMN amount SET DATA TYPE numeric(16,2) USING amount::numeric,
                  ALTER amount SET NOT NULL,
                  ALTER COLUMN note DROP NOT NULL,
                  ALTER COLUMN note SET DEFAULT now(),
                  ALTER COLUMN note DROP DEFAULT,
                  ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES other (id) ON DELETE CASCADE NOT VALID,
                  DROP CONSTRAINT IF EXISTS c1,
                  VALIDATE CONSTRAINT fk,
                  SET (fillfactor = 80),
                  SET TABLESPACE fast,
                  ENABLE TRIGGER ALL
                """);
        assertThat(a).extracting(x -> x.getClass().getSimpleName()).containsExactly("AddColumn", "DropColumn",
                "AlterColumnType", "SetNotNull", "DropNotNull", "SetDefault", "DropDefault", "AddConstraint",
                "DropConstraint", "ValidateConstraint", "Other", "Other", "Other");
        AlterAction.AddColumn add = (AlterAction.AddColumn) a.get(0);
        assertThat(add.ifNotExists()).isTrue();
        assertThat(add.column().notNull()).isTrue();
        assertThat(add.column().defaultExpr().constant()).isTrue();
        AlterAction.AlterColumnType type = (AlterAction.AlterColumnType) a.get(2);
        assertThat(type.type().name()).isEqualTo("numeric");
        assertThat(type.type().modifiers()).containsExactly(16, 2);
        assertThat(type.using()).isEqualTo("amount::numeric");
        ConstraintDef fk = ((AlterAction.AddConstraint) a.get(7)).constraint();
        assertThat(fk.kind()).isEqualTo(ConstraintDef.Kind.FOREIGN_KEY);
        assertThat(fk.notValid()).isTrue();
        assertThat(fk.onDeleteCascade()).isTrue();
        assertThat(((AlterAction.SetDefault) a.get(5)).value().functions()).containsExactly("now");
        assertThat(((AlterAction.Other) a.get(11)).keyword()).isEqualTo("SET TABLESPACE");
    }

    @Test
    void alterTableRenamesPartitionsAndConstraintsUsingIndex() {
        assertThat(actions("ALTER TABLE t RENAME COLUMN \"A\" TO b").get(0))
                .isEqualTo(new AlterAction.RenameColumn("A", "b"));
        assertThat(actions("ALTER TABLE t RENAME TO u").get(0)).isEqualTo(new AlterAction.RenameTable("u"));
        assertThat(actions("ALTER TABLE t SET SCHEMA archive").get(0)).isEqualTo(new AlterAction.SetSchema("archive"));
        assertThat(actions("ALTER TABLE m ATTACH PARTITION m1 FOR VALUES FROM (1) TO (2)").get(0))
                .isInstanceOf(AlterAction.AttachPartition.class);
        AlterAction.DetachPartition d = (AlterAction.DetachPartition) actions(
                "ALTER TABLE m DETACH PARTITION m1 CONCURRENTLY").get(0);
        assertThat(d.concurrently()).isTrue();
        ConstraintDef pk = ((AlterAction.AddConstraint) actions(
                "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx").get(0)).constraint();
        assertThat(pk.usingIndex()).isEqualTo("t_id_idx");
        assertThat(pk.kind()).isEqualTo(ConstraintDef.Kind.PRIMARY_KEY);
    }

    @Test
    void createStatements() {
        Statement.CreateTable t = (Statement.CreateTable) one("""
                CREATE TABLE IF NOT EXISTS s."T" (
                  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  "when" timestamp(3) with time zone NOT NULL DEFAULT now(),
                  price double precision CHECK (price > 0),
                  total numeric(12,2) GENERATED ALWAYS AS (price * 2) STORED,
                  ref int REFERENCES other (id),
                  tags varchar(20)[],
                  CONSTRAINT u UNIQUE (ref, tags)
                ) PARTITION BY RANGE ("when")
                """);
        assertThat(t.table()).isEqualTo(new QualifiedName("s", "T"));
        assertThat(t.columns()).extracting(c -> c.type().name()).containsExactly("int8", "timestamptz", "float8",
                "numeric", "int4", "varchar");
        assertThat(t.columns().get(0).identity()).isTrue();
        assertThat(t.columns().get(3).generatedExpr()).isEqualTo("price * 2");
        assertThat(t.columns().get(5).type().array()).isTrue();
        assertThat(t.partitioned()).isTrue();
        assertThat(((Statement.CreateTable) one("CREATE TABLE p1 PARTITION OF p DEFAULT")).defaultPartition())
                .isTrue();
        Statement.CreateIndex i = (Statement.CreateIndex) one(
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY t USING gin (lower(a), b) WHERE b > 0");
        assertThat(i.unique() && i.concurrently() && i.ifNotExists() && i.only() && i.partial()).isTrue();
        assertThat(i.method()).isEqualTo("gin");
        assertThat(i.columns()).containsExactly("lower(a)", "b");
        Statement.CreateView v = (Statement.CreateView) one(
                "CREATE OR REPLACE VIEW v AS SELECT u.id, lower(email) AS e, now() FROM users u JOIN x.y ON true");
        assertThat(v.columns()).containsExactly("id", "e", "now");
        assertThat(v.tables()).contains(QualifiedName.of("users"), new QualifiedName("x", "y"));
        assertThat(((Statement.CreateView) one("CREATE MATERIALIZED VIEW mv AS SELECT * FROM t WITH NO DATA"))
                .materialized()).isTrue();
        assertThat(((Statement.CreateType) one("CREATE TYPE mood AS ENUM ('sad', 'ok')")).labels())
                .containsExactly("sad", "ok");
        assertThat(((Statement.CreateType) one("CREATE DOMAIN pos AS int CHECK (VALUE > 0)")).hasConstraint())
                .isTrue();
        assertThat(one("CREATE SEQUENCE IF NOT EXISTS s START 1")).isInstanceOf(Statement.CreateSequence.class);
        assertThat(((Statement.CreateTrigger) one(
                "CREATE TRIGGER tr AFTER UPDATE OF a ON t FOR EACH ROW EXECUTE FUNCTION f()")).table())
                .isEqualTo(QualifiedName.of("t"));
        Statement.CreateFunction f = (Statement.CreateFunction) one(
                "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a; $$");
        assertThat(f.volatility()).isEqualTo("immutable");
        assertThat(one("CREATE SCHEMA IF NOT EXISTS reporting")).isEqualTo(new Statement.CreateSchema("reporting",
                true));
        assertThat(one("CREATE EXTENSION IF NOT EXISTS pg_trgm")).isEqualTo(new Statement.CreateExtension("pg_trgm",
                true));
    }

    @Test
    void dropRenameAndTypeStatements() {
        Statement.Drop d = (Statement.Drop) one("DROP INDEX CONCURRENTLY IF EXISTS a, s.b CASCADE");
        assertThat(d.kind()).isEqualTo(ObjectKind.INDEX);
        assertThat(d.concurrently() && d.ifExists() && d.cascade()).isTrue();
        assertThat(d.names()).containsExactly(QualifiedName.of("a"), new QualifiedName("s", "b"));
        assertThat(((Statement.Drop) one("DROP MATERIALIZED VIEW mv")).kind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW);
        assertThat(((Statement.Drop) one("DROP FUNCTION f(int, text)")).kind()).isEqualTo(ObjectKind.FUNCTION);
        assertThat(((Statement.Drop) one("DROP TRIGGER tr ON t")).onTable()).isEqualTo(QualifiedName.of("t"));
        assertThat(one("ALTER VIEW v RENAME TO w")).isEqualTo(new Statement.RenameObject(ObjectKind.VIEW,
                QualifiedName.of("v"), "w"));
        assertThat(one("ALTER INDEX i RENAME TO j")).isEqualTo(new Statement.AlterIndex(QualifiedName.of("i"), false,
                "RENAME TO", "j"));
        Statement.AlterType add = (Statement.AlterType) one("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'glad' AFTER 'ok'");
        assertThat(add.action()).isEqualTo(Statement.AlterType.Action.ADD_VALUE);
        assertThat(add.label()).isEqualTo("glad");
        assertThat(add.positioned()).isTrue();
        assertThat(((Statement.AlterType) one("ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'")).newLabel())
                .isEqualTo("fine");
    }

    @Test
    void dataAndSessionStatements() {
        assertThat(((Statement.Truncate) one("TRUNCATE TABLE a, b RESTART IDENTITY CASCADE")).cascade()).isTrue();
        Statement.Insert ins = (Statement.Insert) one(
                "INSERT INTO t (a, b, c) VALUES (1, 'x', NULL), (-2, 'it''s', now()) ON CONFLICT DO NOTHING");
        assertThat(ins.rows()).hasSize(2);
        assertThat(ins.rows().get(1).get(0)).isEqualTo(new Value(Value.Kind.NUMBER, "-2"));
        assertThat(ins.rows().get(1).get(1)).isEqualTo(new Value(Value.Kind.STRING, "it's"));
        assertThat(ins.rows().get(1).get(2)).isEqualTo(Value.EXPRESSION);
        assertThat(ins.onConflict()).isTrue();
        assertThat(((Statement.Update) one("UPDATE t SET a = 1, b = lower(b)")).where()).isNull();
        assertThat(((Statement.Update) one("UPDATE t AS x SET a = 1 FROM y WHERE y.id = x.id")).where())
                .isEqualTo("y.id = x.id");
        assertThat(((Statement.Delete) one("DELETE FROM t")).where()).isNull();
        assertThat(((Statement.Delete) one("DELETE FROM t WHERE id = 1")).where()).isEqualTo("id = 1");
        assertThat(one("SET lock_timeout = '5s'")).isEqualTo(new Statement.SetVariable("lock_timeout", "5s", false));
        assertThat(one("SET LOCAL statement_timeout TO 0")).isEqualTo(new Statement.SetVariable("statement_timeout",
                "0", true));
        assertThat(one("RESET lock_timeout")).isEqualTo(new Statement.ResetVariable("lock_timeout"));
        assertThat(one("BEGIN")).isEqualTo(new Statement.Transaction("BEGIN"));
        assertThat(one("START TRANSACTION ISOLATION LEVEL SERIALIZABLE")).isEqualTo(new Statement.Transaction("BEGIN"));
        assertThat(one("END")).isEqualTo(new Statement.Transaction("COMMIT"));
    }

    @Test
    void maintenanceStatements() {
        Statement.Reindex r = (Statement.Reindex) one("REINDEX (VERBOSE) INDEX CONCURRENTLY i");
        assertThat(r.concurrently()).isTrue();
        assertThat(r.target()).isEqualTo(ObjectKind.INDEX);
        assertThat(one("CLUSTER events USING idx")).isEqualTo(new Statement.Cluster(QualifiedName.of("events"), "idx"));
        Statement.Vacuum v = (Statement.Vacuum) one("VACUUM (FULL, ANALYZE) a, b");
        assertThat(v.full() && v.analyze()).isTrue();
        assertThat(v.tables()).hasSize(2);
        assertThat(one("ANALYZE orders (status)")).isEqualTo(new Statement.Analyze(List.of(QualifiedName.of(
                "orders"))));
        assertThat(one("REFRESH MATERIALIZED VIEW CONCURRENTLY mv")).isEqualTo(
                new Statement.RefreshMaterializedView(QualifiedName.of("mv"), true));
        assertThat(one("COMMENT ON COLUMN t.c IS 'x'")).isInstanceOf(Statement.Comment.class);
        assertThat(((Statement.Grant) one("REVOKE ALL ON t FROM PUBLIC")).revoke()).isTrue();
        assertThat(((Statement.LockTable) one("LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE")).mode())
                .isEqualTo("SHARE ROW EXCLUSIVE");
        assertThat(((Statement.DoBlock) one("DO $$ BEGIN COMMIT; END $$")).commits()).isTrue();
        assertThat(one("SELECT 1")).isEqualTo(new Statement.Opaque("SELECT"));
    }

    @Test
    void validSyntaxThatLooksUnusualStillParses() {
        AlterAction.AddColumn add = (AlterAction.AddColumn) actions("ALTER TABLE t ADD COLUMN c int DEFAULT NULL").get(0);
        assertThat(add.column().defaultExpr().text()).isEqualTo("NULL");
        assertThat(((AlterAction.AddColumn) actions("ALTER TABLE t ADD c text DEFAULT NULL::text NOT NULL").get(0))
                .column().notNull()).isTrue();
        assertThat(((Statement.CreateTable) one("CREATE TABLE x (exclude boolean, id int)")).columns())
                .extracting(c -> c.name()).containsExactly("exclude", "id");
        assertThat(((Statement.Update) one("UPDATE accounts SET balance=-1 WHERE id=1")).where()).isEqualTo("id=1");
        Statement.Update cte = (Statement.Update) one(
                "WITH ids AS (SELECT id FROM orders), n AS MATERIALIZED (SELECT 1) UPDATE orders SET status = 'x'");
        assertThat(cte.where()).isNull();
        assertThat(one("WITH x AS (SELECT 1) SELECT * FROM x")).isEqualTo(new Statement.Opaque("WITH"));
        assertThat(((Statement.Reindex) one("REINDEX (CONCURRENTLY) TABLE orders")).concurrently()).isTrue();
        assertThat(((Statement.Reindex) one("REINDEX (CONCURRENTLY false) TABLE orders")).concurrently()).isFalse();
        assertThat(PostgresParser.parse("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC "
                + "SELECT CASE WHEN true THEN 1 END; END; SELECT 2;").statements()).hasSize(2);
        assertThat(((Statement.AlterTable) one("ALTER TABLE ${schema}.orders ADD COLUMN x int")).table())
                .isEqualTo(new QualifiedName("${schema}", "orders"));
        assertThat(((AlterAction.SetDefault) actions("ALTER TABLE t ALTER c SET DEFAULT CAST(0 AS bigint)").get(0))
                .value().functions()).isEmpty();
    }

    @Test
    void syntaxErrorsArePositionedAtTheOffendingToken() {
        Statement s = PostgresParser.parse("SELECT 1;\nALTER TABLE users ADD COLUMN age integer NOT NULL DEFALT 0;")
                .statements().get(1).statement();
        assertThat(s).isEqualTo(new Statement.Invalid("unexpected 'DEFALT' in the definition of column age", 2, 51,
                false));
        Statement.Invalid cut = (Statement.Invalid) one("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0");
        assertThat(cut.message()).contains("parenthesis");
        Statement.Invalid unterminated = (Statement.Invalid) one("INSERT INTO t VALUES ('abc)");
        assertThat(unterminated.column()).isEqualTo(23);
    }
}
