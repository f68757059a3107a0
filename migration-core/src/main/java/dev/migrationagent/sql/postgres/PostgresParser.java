package dev.migrationagent.sql.postgres;

import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.ColumnDef;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.Expression;
import dev.migrationagent.sql.Lexer;
import dev.migrationagent.sql.ObjectKind;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.RawStatement;
import dev.migrationagent.sql.Splitter;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.Token;
import dev.migrationagent.sql.TokenType;
import dev.migrationagent.sql.TypeName;
import dev.migrationagent.sql.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses PostgreSQL migration scripts into typed statements. It never throws and never loops: a statement it
 * cannot read becomes {@link Statement.Invalid} with the position of the offending token, and statements it does
 * not model become {@link Statement.Opaque}.
 */
public final class PostgresParser {

    /** A parsed script: statements in order and the header comments (file-level suppressions live there). */
    public record Script(List<ParsedStatement> statements, List<Token> headerComments) {
        public Script {
            statements = List.copyOf(statements);
            headerComments = List.copyOf(headerComments);
        }
    }

    private PostgresParser() {}

    /** Parses a whole script. */
    public static Script parse(String sql) {
        List<ParsedStatement> out = new ArrayList<>();
        List<List<Token>> header = new ArrayList<>();
        parse(sql, header::add, out::add);
        return new Script(out, header.get(0));
    }

    /**
     * Parses a script as a stream: the header comments go to {@code headerSink} once, before the first statement;
     * each statement goes to {@code sink} as soon as it is parsed, so its tokens can be dropped right away.
     */
    public static void parse(String sql, java.util.function.Consumer<List<Token>> headerSink,
            java.util.function.Consumer<ParsedStatement> sink) {
        Splitter.stream(sql, headerSink, raw -> sink.accept(new ParsedStatement(parseOne(raw, sql), raw.span(),
                raw.text(), raw.comments())));
    }

    private static Statement parseOne(RawStatement raw, String sql) {
        for (Token t : raw.tokens()) {
            if (t.type() == TokenType.ERROR) {
                return new Statement.Invalid(t.value(), t.line(), t.column(), false);
            }
        }
        TokenCursor c = new TokenCursor(raw.tokens(), sql);
        try {
            return new StatementParser(c).statement();
        } catch (ParseException e) {
            return new Statement.Invalid(e.getMessage(), e.line(), e.column(), false);
        } catch (RuntimeException e) {
            // A bug in this parser must not crash the build; the fuzz test asserts this branch is never taken.
            Token at = raw.tokens().get(0);
            return new Statement.Invalid("internal parser error: " + e, at.line(), at.column(), true);
        }
    }

    /** The recursive-descent parser for one statement. */
    private static final class StatementParser {
        private final TokenCursor c;

        StatementParser(TokenCursor c) {
            this.c = c;
        }

        Statement statement() {
            Token first = c.peek();
            if (first.isSymbol("(")) {
                return new Statement.Opaque("SELECT");
            }
            if (first.type() != TokenType.WORD) {
                throw c.error("expected a statement");
            }
            return switch (first.value()) {
                case "alter" -> alter();
                case "create" -> create();
                case "drop" -> drop();
                case "truncate" -> truncate();
                case "insert" -> insert();
                case "update" -> update();
                case "delete" -> delete();
                case "set" -> set();
                case "reset" -> {
                    c.next();
                    yield new Statement.ResetVariable(c.text(c.rest()).toLowerCase(Locale.ROOT));
                }
                case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release" -> transaction();
                case "prepare" -> {
                    c.next();
                    boolean twoPhase = c.is("transaction");
                    c.rest();
                    yield twoPhase ? new Statement.Transaction("PREPARE TRANSACTION") : new Statement.Opaque("PREPARE");
                }
                case "reindex" -> reindex();
                case "cluster" -> cluster();
                case "vacuum" -> vacuum();
                case "analyze", "analyse" -> analyze();
                case "refresh" -> refresh();
                case "comment" -> comment();
                case "grant", "revoke" -> {
                    c.next();
                    yield new Statement.Grant(first.is("revoke"), c.text(c.rest()));
                }
                case "lock" -> lock();
                case "do" -> doBlock();
                case "with" -> with();
                default -> {
                    c.rest();
                    yield new Statement.Opaque(first.value().toUpperCase(Locale.ROOT));
                }
            };
        }

        /** {@code WITH name AS (...), ... <statement>}: the common table expressions are skipped. */
        private Statement with() {
            c.expect("with");
            c.accept("recursive");
            do {
                c.identifier();
                c.skipParens();
                c.expect("as");
                c.accept("not");
                c.accept("materialized");
                if (!c.isSymbol("(")) {
                    throw c.error("expected '(' after AS");
                }
                c.parenGroup();
            } while (c.acceptSymbol(","));
            if (c.is("insert") || c.is("update") || c.is("delete")) {
                return statement();
            }
            c.rest();
            return new Statement.Opaque("WITH");
        }

        // ---------------------------------------------------------------- ALTER

        private Statement alter() {
            c.expect("alter");
            if (c.accept("table")) {
                return alterTable();
            }
            if (c.accept("index")) {
                return alterIndex();
            }
            if (c.accept("type")) {
                return alterType();
            }
            if (c.accept("domain")) {
                QualifiedName domain = c.qualifiedName();
                boolean adds = c.is("add");
                boolean notValid = false;
                List<Token> rest = c.rest();
                for (int i = 0; i + 1 < rest.size(); i++) {
                    notValid |= rest.get(i).is("not") && rest.get(i + 1).is("valid");
                }
                return new Statement.AlterDomain(domain, adds, notValid);
            }
            ObjectKind kind = objectKind();
            if (kind == ObjectKind.OTHER) {
                String what = c.atEnd() ? "" : c.next().value();
                c.rest();
                return new Statement.Opaque(("ALTER " + what).toUpperCase(Locale.ROOT));
            }
            c.accept("if", "exists");
            QualifiedName name = c.qualifiedName();
            if (kind == ObjectKind.FUNCTION || kind == ObjectKind.PROCEDURE) {
                c.skipParens();
            }
            if (kind == ObjectKind.TRIGGER && c.accept("on")) {
                c.qualifiedName();
            }
            if (c.accept("rename", "to")) {
                String to = c.identifier();
                return new Statement.RenameObject(kind, name, to);
            }
            c.rest();
            return new Statement.Opaque("ALTER " + kind.name().replace('_', ' '));
        }

        /** Reads the object kind keyword(s) after ALTER/DROP/COMMENT ON, or OTHER without consuming. */
        private ObjectKind objectKind() {
            if (c.accept("materialized", "view")) {
                return ObjectKind.MATERIALIZED_VIEW;
            }
            String[][] words = {
                {"table", "TABLE"}, {"view", "VIEW"}, {"index", "INDEX"}, {"type", "TYPE"}, {"domain", "DOMAIN"},
                {"sequence", "SEQUENCE"}, {"trigger", "TRIGGER"}, {"function", "FUNCTION"},
                {"procedure", "PROCEDURE"}, {"schema", "SCHEMA"}, {"extension", "EXTENSION"},
                {"column", "COLUMN"}, {"constraint", "CONSTRAINT"}, {"policy", "POLICY"}
            };
            for (String[] w : words) {
                if (c.accept(w[0])) {
                    return ObjectKind.valueOf(w[1]);
                }
            }
            return ObjectKind.OTHER;
        }

        private Statement alterTable() {
            boolean ifExists = c.accept("if", "exists");
            if (c.is("all")) {
                c.rest();
                return new Statement.Opaque("ALTER TABLE ALL");
            }
            c.accept("only");
            QualifiedName table = c.qualifiedName();
            c.acceptSymbol("*");
            List<AlterAction> actions = new ArrayList<>();
            do {
                actions.add(alterAction());
            } while (c.acceptSymbol(","));
            if (!c.atEnd()) {
                throw c.error("unexpected text after ALTER TABLE action");
            }
            return new Statement.AlterTable(table, ifExists, actions);
        }

        private AlterAction alterAction() {
            int start = c.mark();
            if (c.accept("add")) {
                if (isConstraintStart()) {
                    return new AlterAction.AddConstraint(tableConstraint());
                }
                c.accept("column");
                boolean ifNotExists = c.accept("if", "not", "exists");
                return new AlterAction.AddColumn(columnDef(), ifNotExists);
            }
            if (c.accept("drop")) {
                if (c.accept("constraint")) {
                    boolean ifExists = c.accept("if", "exists");
                    String name = c.identifier();
                    boolean cascade = c.accept("cascade");
                    c.accept("restrict");
                    return new AlterAction.DropConstraint(name, ifExists, cascade);
                }
                c.accept("column");
                boolean ifExists = c.accept("if", "exists");
                String name = c.identifier();
                boolean cascade = c.accept("cascade");
                c.accept("restrict");
                return new AlterAction.DropColumn(name, ifExists, cascade);
            }
            if (c.accept("alter")) {
                if (c.is("constraint")) {
                    c.reset(start);
                    return other(start, "ALTER CONSTRAINT", null);
                }
                c.accept("column");
                String column = c.identifier();
                if (c.accept("type") || c.accept("set", "data", "type")) {
                    TypeName type = typeName();
                    if (c.accept("collate")) {
                        c.qualifiedName();
                    }
                    String using = null;
                    if (c.accept("using")) {
                        using = c.text(c.until());
                    }
                    return new AlterAction.AlterColumnType(column, type, using);
                }
                if (c.accept("set", "not", "null")) {
                    return new AlterAction.SetNotNull(column);
                }
                if (c.accept("drop", "not", "null")) {
                    return new AlterAction.DropNotNull(column);
                }
                if (c.accept("set", "default")) {
                    return new AlterAction.SetDefault(column, expression(c.until()));
                }
                if (c.accept("drop", "default")) {
                    return new AlterAction.DropDefault(column);
                }
                StringBuilder kw = new StringBuilder("ALTER COLUMN");
                for (int i = 0; i < 2 && c.peek() != null && c.peek().type() == TokenType.WORD; i++) {
                    kw.append(' ').append(c.next().value().toUpperCase(Locale.ROOT));
                }
                return other(start, kw.toString(), column);
            }
            if (c.accept("validate", "constraint")) {
                return new AlterAction.ValidateConstraint(c.identifier());
            }
            if (c.accept("rename")) {
                if (c.accept("to")) {
                    return new AlterAction.RenameTable(c.identifier());
                }
                if (c.accept("constraint")) {
                    String from = c.identifier();
                    c.expect("to");
                    return new AlterAction.RenameConstraint(from, c.identifier());
                }
                c.accept("column");
                String from = c.identifier();
                c.expect("to");
                return new AlterAction.RenameColumn(from, c.identifier());
            }
            if (c.accept("set", "schema")) {
                return new AlterAction.SetSchema(c.identifier());
            }
            if (c.accept("attach", "partition")) {
                QualifiedName partition = c.qualifiedName();
                if (c.accept("default")) {
                    return new AlterAction.AttachPartition(partition, "DEFAULT", true);
                }
                c.expect("for");
                c.expect("values");
                return new AlterAction.AttachPartition(partition, c.text(c.until()), false);
            }
            if (c.accept("detach", "partition")) {
                QualifiedName partition = c.qualifiedName();
                boolean concurrently = c.accept("concurrently");
                boolean finalize = c.accept("finalize");
                return new AlterAction.DetachPartition(partition, concurrently, finalize);
            }
            if (c.is("set") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
                c.next();
                return other(start, "SET (", null);
            }
            StringBuilder kw = new StringBuilder();
            // Up to five words: NO FORCE ROW LEVEL SECURITY is the longest sub-command name.
            for (int i = 0; i < 5 && c.peek() != null && c.peek().type() == TokenType.WORD; i++) {
                String w = c.peek().value();
                if (i > 0 && !KEYWORD_CONTINUATIONS.contains(w)) {
                    break;
                }
                kw.append(kw.length() == 0 ? "" : " ").append(c.next().value().toUpperCase(Locale.ROOT));
            }
            if (kw.length() == 0) {
                throw c.error("expected an ALTER TABLE action");
            }
            return other(start, kw.toString(), null);
        }

        private static final Set<String> KEYWORD_CONTINUATIONS = Set.of("tablespace", "logged", "unlogged", "access",
                "method", "trigger", "row", "level", "security", "without", "cluster", "oids", "identity", "rule",
                "always", "replica", "inherit", "to", "on", "force", "no");

        private AlterAction other(int start, String keyword, String column) {
            c.until();
            List<Token> run = new ArrayList<>();
            int end = c.mark();
            c.reset(start);
            while (c.mark() < end) {
                run.add(c.next());
            }
            return new AlterAction.Other(keyword, column, c.text(run));
        }

        private boolean isConstraintStart() {
            Token t = c.peek();
            if (t == null || t.type() != TokenType.WORD) {
                return false;
            }
            return switch (t.value()) {
                case "constraint", "check", "unique", "primary", "foreign" -> true;
                // EXCLUDE is not reserved, so a column may be called that.
                case "exclude" -> c.peek(1) != null && (c.peek(1).isSymbol("(") || c.peek(1).is("using"));
                default -> false;
            };
        }

        private Statement alterIndex() {
            boolean ifExists = c.accept("if", "exists");
            if (c.is("all")) {
                c.rest();
                return new Statement.Opaque("ALTER INDEX ALL");
            }
            QualifiedName index = c.qualifiedName();
            if (c.accept("rename", "to")) {
                return new Statement.AlterIndex(index, ifExists, "RENAME TO", c.identifier());
            }
            if (c.accept("attach", "partition")) {
                return new Statement.AlterIndex(index, ifExists, "ATTACH PARTITION", c.qualifiedName().name());
            }
            String kw = c.atEnd() ? "" : c.next().value().toUpperCase(Locale.ROOT);
            c.rest();
            return new Statement.AlterIndex(index, ifExists, kw, null);
        }

        private Statement alterType() {
            QualifiedName type = c.qualifiedName();
            if (c.accept("add", "value")) {
                boolean ifNotExists = c.accept("if", "not", "exists");
                String label = string();
                boolean positioned = false;
                if (c.accept("before") || c.accept("after")) {
                    string();
                    positioned = true;
                }
                return new Statement.AlterType(type, Statement.AlterType.Action.ADD_VALUE, label, null,
                        ifNotExists, positioned);
            }
            if (c.accept("rename", "value")) {
                String from = string();
                c.expect("to");
                String to = string();
                return new Statement.AlterType(type, Statement.AlterType.Action.RENAME_VALUE, from, to, false, false);
            }
            if (c.accept("rename", "to")) {
                return new Statement.AlterType(type, Statement.AlterType.Action.RENAME_TO, null, c.identifier(),
                        false, false);
            }
            c.rest();
            return new Statement.AlterType(type, Statement.AlterType.Action.OTHER, null, null, false, false);
        }

        private String string() {
            Token t = c.peek();
            if (t == null || t.type() != TokenType.STRING) {
                throw c.error("expected a string constant");
            }
            c.next();
            return t.value();
        }

        // ---------------------------------------------------------------- CREATE

        private Statement create() {
            c.expect("create");
            boolean orReplace = c.accept("or", "replace");
            boolean temporary = false;
            while (c.is("temp") || c.is("temporary") || c.is("unlogged") || c.is("global") || c.is("local")
                    || c.is("recursive")) {
                temporary |= c.is("temp") || c.is("temporary");
                c.next();
            }
            if (c.accept("table")) {
                return createTable(temporary);
            }
            if (c.accept("unique", "index")) {
                return createIndex(true);
            }
            if (c.accept("index")) {
                return createIndex(false);
            }
            if (c.accept("materialized", "view")) {
                return createView(orReplace, true);
            }
            if (c.accept("view")) {
                return createView(orReplace, false);
            }
            if (c.accept("type")) {
                return createType();
            }
            if (c.accept("domain")) {
                return createDomain();
            }
            if (c.accept("sequence")) {
                boolean ifNotExists = c.accept("if", "not", "exists");
                QualifiedName name = c.qualifiedName();
                c.rest();
                return new Statement.CreateSequence(name, ifNotExists);
            }
            if (c.accept("constraint", "trigger") || c.accept("trigger")) {
                String name = c.identifier();
                while (!c.atEnd() && !c.is("on")) {
                    c.next();
                }
                c.expect("on");
                QualifiedName table = c.qualifiedName();
                c.rest();
                return new Statement.CreateTrigger(name, table, orReplace);
            }
            if (c.is("function") || c.is("procedure")) {
                return createFunction(orReplace);
            }
            if (c.accept("schema")) {
                boolean ifNotExists = c.accept("if", "not", "exists");
                String name = c.is("authorization") ? null : c.identifier();
                if (name == null) {
                    c.next();
                    name = c.identifier();
                }
                c.rest();
                return new Statement.CreateSchema(name, ifNotExists);
            }
            if (c.accept("extension")) {
                boolean ifNotExists = c.accept("if", "not", "exists");
                String name = c.identifier();
                c.rest();
                return new Statement.CreateExtension(name, ifNotExists);
            }
            String what = c.atEnd() ? "" : c.next().value();
            c.rest();
            return new Statement.Opaque(("CREATE " + what).toUpperCase(Locale.ROOT));
        }

        private Statement createTable(boolean temporary) {
            boolean ifNotExists = c.accept("if", "not", "exists");
            QualifiedName table = c.qualifiedName();
            List<ColumnDef> columns = new ArrayList<>();
            List<ConstraintDef> constraints = new ArrayList<>();
            QualifiedName partitionOf = null;
            boolean defaultPartition = false;
            if (c.accept("of")) {
                c.qualifiedName();
                c.rest();
                return new Statement.CreateTable(table, ifNotExists, temporary, columns, constraints, null, false,
                        false, false);
            }
            if (c.accept("partition", "of")) {
                partitionOf = c.qualifiedName();
            }
            if (c.isSymbol("(")) {
                tableElements(columns, constraints, partitionOf != null);
            }
            if (partitionOf != null) {
                if (c.accept("default")) {
                    defaultPartition = true;
                } else {
                    c.expect("for");
                    c.expect("values");
                    c.until("partition", "using", "with", "tablespace");
                }
            }
            boolean partitioned = false;
            boolean asSelect = false;
            while (!c.atEnd()) {
                if (c.accept("partition", "by")) {
                    partitioned = true;
                    c.next();
                    c.skipParens();
                } else if (c.accept("as")) {
                    asSelect = true;
                    c.rest();
                } else if (c.accept("inherits") || c.accept("with") || c.accept("without", "oids")) {
                    c.skipParens();
                } else if (c.accept("using") || c.accept("tablespace")) {
                    c.identifier();
                } else if (c.accept("on", "commit")) {
                    c.next();
                    c.accept("rows");
                } else {
                    throw c.error("unexpected text in CREATE TABLE");
                }
            }
            if (!asSelect && partitionOf == null && columns.isEmpty() && constraints.isEmpty()
                    && !c.text(List.of()).isEmpty()) {
                throw c.error("expected column definitions");
            }
            return new Statement.CreateTable(table, ifNotExists, temporary, columns, constraints, partitionOf,
                    defaultPartition, partitioned, asSelect);
        }

        private void tableElements(List<ColumnDef> columns, List<ConstraintDef> constraints, boolean partition) {
            c.expectSymbol("(");
            if (c.acceptSymbol(")")) {
                return;
            }
            do {
                if (isConstraintStart()) {
                    constraints.add(tableConstraint());
                } else if (c.accept("like")) {
                    c.qualifiedName();
                    while (c.accept("including") || c.accept("excluding")) {
                        c.next();
                    }
                } else if (partition) {
                    // PARTITION OF elements only add constraints or defaults to inherited columns.
                    String name = c.identifier();
                    c.accept("with", "options");
                    ColumnDef def = columnConstraints(name, new TypeName("unknown", List.of(), false, ""));
                    columns.add(def);
                } else {
                    columns.add(columnDef());
                }
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
        }

        private ColumnDef columnDef() {
            String name = c.identifier();
            TypeName type = typeName();
            return columnConstraints(name, type);
        }

        private ColumnDef columnConstraints(String name, TypeName type) {
            boolean notNull = false;
            Expression def = null;
            boolean identity = false;
            String generated = null;
            List<ConstraintDef> constraints = new ArrayList<>();
            String constraintName = null;
            while (!c.atEnd() && !c.isSymbol(",") && !c.isSymbol(")")) {
                Token t = c.peek();
                if (c.accept("constraint")) {
                    constraintName = c.identifier();
                    continue;
                }
                if (c.accept("not", "null")) {
                    notNull = true;
                } else if (c.accept("null")) {
                    notNull = false;
                } else if (c.accept("default")) {
                    def = expression(c.untilAfterFirst("not", "null", "constraint", "check", "unique", "primary",
                            "references", "generated", "collate", "deferrable", "initially"));
                } else if (c.accept("check")) {
                    List<Token> expr = c.parenGroup();
                    c.accept("no", "inherit");
                    constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.CHECK, List.of(name),
                            c.text(expr), null, List.of(), false, null, false));
                } else if (c.accept("unique")) {
                    uniqueOptions();
                    constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.UNIQUE, List.of(name), null,
                            null, List.of(), false, null, false));
                } else if (c.accept("primary", "key")) {
                    uniqueOptions();
                    notNull = true;
                    constraints.add(new ConstraintDef(constraintName, ConstraintDef.Kind.PRIMARY_KEY, List.of(name),
                            null, null, List.of(), false, null, false));
                } else if (c.accept("references")) {
                    constraints.add(references(constraintName, List.of(name)));
                } else if (c.accept("generated")) {
                    if (c.accept("always") || c.accept("by", "default")) {
                        c.expect("as");
                        if (c.accept("identity")) {
                            identity = true;
                            notNull = true;
                            c.skipParens();
                        } else {
                            generated = c.text(c.parenGroup());
                            c.expect("stored");
                        }
                    } else {
                        throw c.error("expected ALWAYS or BY DEFAULT");
                    }
                } else if (c.accept("collate")) {
                    c.qualifiedName();
                } else if (c.accept("deferrable") || c.accept("not", "deferrable")) {
                    continue;
                } else if (c.accept("initially")) {
                    c.next();
                } else if (c.accept("compression") || c.accept("storage")) {
                    c.next();
                } else {
                    throw new ParseException("unexpected " + TokenCursor.describe(t) + " in the definition of column "
                            + QualifiedName.quote(name), t);
                }
                constraintName = null;
            }
            if (type.isSerial()) {
                def = new Expression("nextval(...)", List.of("nextval"), false);
                notNull = true;
            }
            return new ColumnDef(name, type, notNull, def, identity, generated, constraints);
        }

        private void uniqueOptions() {
            if (c.accept("nulls")) {
                c.accept("not");
                c.expect("distinct");
            }
            while (true) {
                if (c.accept("with")) {
                    c.skipParens();
                } else if (c.accept("using", "index", "tablespace")) {
                    c.identifier();
                } else if (c.accept("include")) {
                    c.skipParens();
                } else {
                    return;
                }
            }
        }

        private ConstraintDef references(String name, List<String> columns) {
            QualifiedName ref = c.qualifiedName();
            List<String> refCols = c.isSymbol("(") ? identifierList() : List.of();
            boolean cascade = false;
            while (true) {
                if (c.accept("match")) {
                    c.next();
                } else if (c.accept("on", "delete")) {
                    cascade |= c.is("cascade");
                    referentialAction();
                } else if (c.accept("on", "update")) {
                    referentialAction();
                } else {
                    break;
                }
            }
            return new ConstraintDef(name, ConstraintDef.Kind.FOREIGN_KEY, columns, null, ref, refCols, false, null,
                    cascade);
        }

        private void referentialAction() {
            if (c.accept("no", "action") || c.accept("cascade") || c.accept("restrict")) {
                return;
            }
            if (c.accept("set", "null") || c.accept("set", "default")) {
                if (c.isSymbol("(")) {
                    c.parenGroup();
                }
                return;
            }
            throw c.error("expected a referential action");
        }

        private List<String> identifierList() {
            List<String> names = new ArrayList<>();
            c.expectSymbol("(");
            do {
                names.add(c.identifier());
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
            return names;
        }

        private ConstraintDef tableConstraint() {
            String name = null;
            if (c.accept("constraint")) {
                name = c.identifier();
            }
            ConstraintDef def;
            if (c.accept("check")) {
                String expr = c.text(c.parenGroup());
                c.accept("no", "inherit");
                def = new ConstraintDef(name, ConstraintDef.Kind.CHECK, List.of(), expr, null, List.of(), false, null,
                        false);
            } else if (c.accept("unique") || c.is("primary")) {
                boolean pk = c.accept("primary", "key");
                ConstraintDef.Kind kind = pk ? ConstraintDef.Kind.PRIMARY_KEY : ConstraintDef.Kind.UNIQUE;
                if (c.accept("using", "index")) {
                    def = new ConstraintDef(name, kind, List.of(), null, null, List.of(), false, c.identifier(),
                            false);
                } else {
                    if (c.accept("nulls")) {
                        c.accept("not");
                        c.expect("distinct");
                    }
                    List<String> cols = identifierList();
                    uniqueOptions();
                    def = new ConstraintDef(name, kind, cols, null, null, List.of(), false, null, false);
                }
            } else if (c.accept("foreign", "key")) {
                List<String> cols = identifierList();
                c.expect("references");
                def = references(name, cols);
            } else if (c.accept("exclude")) {
                if (c.accept("using")) {
                    c.identifier();
                }
                String expr = c.text(c.parenGroup());
                uniqueOptions();
                if (c.accept("where")) {
                    c.skipParens();
                }
                def = new ConstraintDef(name, ConstraintDef.Kind.EXCLUDE, List.of(), expr, null, List.of(), false,
                        null, false);
            } else if (c.accept("not", "null")) {
                def = new ConstraintDef(name, ConstraintDef.Kind.NOT_NULL, List.of(c.identifier()), null, null,
                        List.of(), false, null, false);
            } else {
                throw c.error("expected a constraint");
            }
            boolean notValid = false;
            while (true) {
                if (c.accept("not", "valid")) {
                    notValid = true;
                } else if (c.accept("deferrable") || c.accept("not", "deferrable") || c.accept("no", "inherit")
                        || c.accept("not", "enforced") || c.accept("enforced")) {
                    continue;
                } else if (c.accept("initially")) {
                    c.next();
                } else {
                    break;
                }
            }
            return new ConstraintDef(def.name(), def.kind(), def.columns(), def.expression(), def.references(),
                    def.referencedColumns(), notValid, def.usingIndex(), def.onDeleteCascade());
        }

        private Statement createIndex(boolean unique) {
            boolean concurrently = c.accept("concurrently");
            boolean ifNotExists = c.accept("if", "not", "exists");
            String name = null;
            if (!c.is("on")) {
                name = c.identifier();
            }
            c.expect("on");
            boolean only = c.accept("only");
            QualifiedName table = c.qualifiedName();
            String method = "btree";
            if (c.accept("using")) {
                method = c.identifier();
            }
            List<String> columns = new ArrayList<>();
            c.expectSymbol("(");
            do {
                List<Token> element = c.until();
                if (element.isEmpty()) {
                    throw c.error("expected an index column");
                }
                columns.add(element.get(0).isIdentifier() && (element.size() == 1 || element.get(1).type()
                        == TokenType.WORD || element.get(1).type() == TokenType.QUOTED_IDENT)
                        ? element.get(0).value() : c.text(element));
            } while (c.acceptSymbol(","));
            c.expectSymbol(")");
            boolean partial = false;
            while (!c.atEnd()) {
                if (c.accept("include") || c.accept("with")) {
                    c.skipParens();
                } else if (c.accept("nulls")) {
                    c.accept("not");
                    c.expect("distinct");
                } else if (c.accept("tablespace")) {
                    c.identifier();
                } else if (c.accept("where")) {
                    partial = true;
                    c.rest();
                } else {
                    throw c.error("unexpected text in CREATE INDEX");
                }
            }
            return new Statement.CreateIndex(name, table, unique, concurrently, ifNotExists, only, method, columns,
                    partial);
        }

        private Statement createView(boolean orReplace, boolean materialized) {
            boolean ifNotExists = c.accept("if", "not", "exists");
            QualifiedName view = c.qualifiedName();
            List<String> columns = c.isSymbol("(") ? identifierList() : null;
            while (!c.is("as") && !c.atEnd()) {
                if (c.accept("with") || c.accept("using") || c.accept("tablespace")) {
                    if (c.isSymbol("(")) {
                        c.parenGroup();
                    } else {
                        c.next();
                    }
                } else {
                    throw c.error("expected AS");
                }
            }
            c.expect("as");
            List<Token> query = c.rest();
            List<String> derived = selectListNames(query);
            return new Statement.CreateView(view, orReplace, materialized, ifNotExists,
                    columns != null ? columns : derived, referencedTables(query));
        }

        /** Output column names of a simple SELECT, or {@code null} when they cannot be known (e.g. {@code *}). */
        private static List<String> selectListNames(List<Token> query) {
            int i = 0;
            if (i >= query.size() || !query.get(i).is("select")) {
                return null;
            }
            i++;
            if (i < query.size() && query.get(i).is("distinct")) {
                i++;
                if (i < query.size() && query.get(i).is("on")) {
                    i = skipGroup(query, i + 1);
                }
            } else if (i < query.size() && query.get(i).is("all")) {
                i++;
            }
            List<String> names = new ArrayList<>();
            List<Token> item = new ArrayList<>();
            int depth = 0;
            for (; i < query.size(); i++) {
                Token t = query.get(i);
                if (depth == 0 && (t.isSymbol(",") || t.is("from") || t.is("where") || t.is("union")
                        || t.is("group") || t.is("order") || t.is("limit"))) {
                    String n = itemName(item);
                    if (n == null) {
                        return null;
                    }
                    names.add(n);
                    item.clear();
                    if (!t.isSymbol(",")) {
                        return names;
                    }
                    continue;
                }
                if (t.isSymbol("(") || t.isSymbol("[")) {
                    depth++;
                } else if (t.isSymbol(")") || t.isSymbol("]")) {
                    depth--;
                }
                item.add(t);
            }
            String n = itemName(item);
            if (n == null) {
                return null;
            }
            names.add(n);
            return names;
        }

        private static int skipGroup(List<Token> q, int i) {
            if (i >= q.size() || !q.get(i).isSymbol("(")) {
                return i;
            }
            int depth = 0;
            for (; i < q.size(); i++) {
                if (q.get(i).isSymbol("(")) {
                    depth++;
                } else if (q.get(i).isSymbol(")") && --depth == 0) {
                    return i + 1;
                }
            }
            return i;
        }

        private static String itemName(List<Token> item) {
            if (item.isEmpty()) {
                return null;
            }
            Token last = item.get(item.size() - 1);
            if (last.isSymbol("*")) {
                return null;
            }
            if (item.size() >= 2 && item.get(item.size() - 2).is("as") && last.isIdentifier()) {
                return last.value();
            }
            if (last.isIdentifier() && (item.size() == 1 || item.get(item.size() - 2).isSymbol("."))) {
                return last.value();
            }
            if (last.isIdentifier() && item.size() >= 2) {
                Token prev = item.get(item.size() - 2);
                if (prev.isSymbol(")") || prev.isIdentifier() || prev.type() == TokenType.STRING
                        || prev.type() == TokenType.NUMBER) {
                    return last.value();
                }
            }
            if (item.get(0).isIdentifier() && item.size() > 1 && item.get(1).isSymbol("(")) {
                return item.get(0).value();
            }
            return "?column?";
        }

        private static Set<QualifiedName> referencedTables(List<Token> query) {
            Set<QualifiedName> tables = new LinkedHashSet<>();
            for (int i = 0; i < query.size() - 1; i++) {
                Token t = query.get(i);
                if ((t.is("from") || t.is("join")) && query.get(i + 1).isIdentifier()
                        && !query.get(i + 1).is("lateral")) {
                    Token a = query.get(i + 1);
                    if (i + 3 < query.size() && query.get(i + 2).isSymbol(".") && query.get(i + 3).isIdentifier()) {
                        tables.add(new QualifiedName(a.value(), query.get(i + 3).value()));
                    } else {
                        tables.add(QualifiedName.of(a.value()));
                    }
                }
            }
            return tables;
        }

        private Statement createType() {
            QualifiedName type = c.qualifiedName();
            if (c.accept("as", "enum")) {
                List<String> labels = new ArrayList<>();
                c.expectSymbol("(");
                if (!c.isSymbol(")")) {
                    do {
                        labels.add(string());
                    } while (c.acceptSymbol(","));
                }
                c.expectSymbol(")");
                return new Statement.CreateType(type, Statement.CreateType.Kind.ENUM, labels, false);
            }
            Statement.CreateType.Kind kind = c.accept("as", "range") ? Statement.CreateType.Kind.RANGE
                    : c.accept("as") ? Statement.CreateType.Kind.COMPOSITE : Statement.CreateType.Kind.OTHER;
            c.rest();
            return new Statement.CreateType(type, kind, List.of(), false);
        }

        private Statement createDomain() {
            QualifiedName type = c.qualifiedName();
            c.accept("as");
            typeName();
            boolean constrained = false;
            for (Token t : c.rest()) {
                constrained |= t.is("check") || t.is("not");
            }
            return new Statement.CreateType(type, Statement.CreateType.Kind.DOMAIN, List.of(), constrained);
        }

        private Statement createFunction(boolean orReplace) {
            boolean procedure = c.next().is("procedure");
            QualifiedName name = c.qualifiedName();
            c.skipParens();
            String volatility = "volatile";
            String body = null;
            for (Token t : c.rest()) {
                if (t.is("immutable") || t.is("stable") || t.is("volatile")) {
                    volatility = t.value();
                } else if (t.type() == TokenType.STRING && body == null) {
                    body = t.value();
                }
            }
            return new Statement.CreateFunction(name, orReplace, procedure, volatility, body);
        }

        // ---------------------------------------------------------------- DROP and data statements

        private Statement drop() {
            c.expect("drop");
            ObjectKind kind = objectKind();
            if (kind == ObjectKind.OTHER || kind == ObjectKind.COLUMN || kind == ObjectKind.CONSTRAINT) {
                String what = c.atEnd() ? "" : c.next().value();
                c.rest();
                return new Statement.Opaque(("DROP " + what).toUpperCase(Locale.ROOT));
            }
            boolean concurrently = c.accept("concurrently");
            boolean ifExists = c.accept("if", "exists");
            List<QualifiedName> names = new ArrayList<>();
            QualifiedName onTable = null;
            do {
                names.add(c.qualifiedName());
                if (kind == ObjectKind.FUNCTION || kind == ObjectKind.PROCEDURE) {
                    c.skipParens();
                }
            } while (c.acceptSymbol(","));
            if (c.accept("on")) {
                onTable = c.qualifiedName();
            }
            boolean cascade = c.accept("cascade");
            c.accept("restrict");
            if (!c.atEnd()) {
                throw c.error("unexpected text after DROP " + kind.name().replace('_', ' '));
            }
            return new Statement.Drop(kind, names, ifExists, cascade, concurrently, onTable);
        }

        private Statement truncate() {
            c.expect("truncate");
            c.accept("table");
            List<QualifiedName> tables = relations();
            boolean cascade = false;
            while (!c.atEnd()) {
                Token t = c.next();
                cascade |= t.is("cascade");
            }
            return new Statement.Truncate(tables, cascade);
        }

        private Statement insert() {
            c.expect("insert");
            c.expect("into");
            QualifiedName table = c.qualifiedName();
            if (c.accept("as")) {
                c.identifier();
            }
            List<String> columns = c.isSymbol("(") ? identifierList() : List.of();
            if (c.accept("overriding")) {
                c.next();
                c.expect("value");
            }
            List<List<Value>> rows = new ArrayList<>();
            boolean fromQuery = false;
            if (c.accept("values")) {
                do {
                    List<Value> row = new ArrayList<>();
                    c.expectSymbol("(");
                    do {
                        row.add(value(c.until()));
                    } while (c.acceptSymbol(","));
                    c.expectSymbol(")");
                    rows.add(row);
                } while (c.acceptSymbol(","));
            } else if (c.accept("default", "values")) {
                rows.add(List.of());
            } else {
                fromQuery = true;
            }
            boolean onConflict = false;
            for (Token t : c.rest()) {
                onConflict |= t.is("conflict");
            }
            return new Statement.Insert(table, columns, rows, fromQuery, onConflict);
        }

        private static Value value(List<Token> run) {
            List<Token> v = run;
            if (v.size() >= 3 && v.get(v.size() - 2).isSymbol("::")) {
                v = v.subList(0, v.size() - 2);
            }
            if (v.size() == 2 && v.get(0).isSymbol("-") && v.get(1).type() == TokenType.NUMBER) {
                return new Value(Value.Kind.NUMBER, "-" + v.get(1).value());
            }
            if (v.size() != 1) {
                return Value.EXPRESSION;
            }
            Token t = v.get(0);
            if (t.type() == TokenType.STRING) {
                return new Value(Value.Kind.STRING, t.value());
            }
            if (t.type() == TokenType.NUMBER) {
                return new Value(Value.Kind.NUMBER, t.value());
            }
            if (t.is("null")) {
                return Value.NULL;
            }
            if (t.is("true") || t.is("false")) {
                return new Value(Value.Kind.BOOLEAN, t.value());
            }
            return Value.EXPRESSION;
        }

        private Statement update() {
            c.expect("update");
            c.accept("only");
            QualifiedName table = c.qualifiedName();
            c.acceptSymbol("*");
            if (!c.is("set")) {
                c.accept("as");
                c.identifier();
            }
            c.expect("set");
            List<String> columns = new ArrayList<>();
            List<String> values = new ArrayList<>();
            do {
                if (c.isSymbol("(")) {
                    columns.addAll(identifierList());
                    c.expectSymbol("=");
                    values.add(c.text(c.until("from", "where", "returning")));
                } else {
                    String col = c.identifier();
                    while (c.acceptSymbol(".") || c.isSymbol("[")) {
                        if (c.isSymbol("[")) {
                            c.next();
                            c.until();
                            c.acceptSymbol("]");
                        } else {
                            c.identifier();
                        }
                    }
                    columns.add(col);
                    c.expectSymbol("=");
                    values.add(c.text(c.until("from", "where", "returning")));
                }
            } while (c.acceptSymbol(","));
            String where = null;
            while (!c.atEnd()) {
                if (c.accept("where")) {
                    where = c.text(c.until("returning"));
                } else {
                    c.next();
                }
            }
            return new Statement.Update(table, columns, where, values);
        }

        private Statement delete() {
            c.expect("delete");
            c.expect("from");
            c.accept("only");
            QualifiedName table = c.qualifiedName();
            String where = null;
            while (!c.atEnd()) {
                if (c.accept("where")) {
                    where = c.text(c.until("returning"));
                } else {
                    c.next();
                }
            }
            return new Statement.Delete(table, where);
        }

        private Statement set() {
            c.expect("set");
            boolean local = c.accept("local");
            c.accept("session");
            List<Token> rest = c.rest();
            if (rest.isEmpty()) {
                throw c.error("expected a setting name");
            }
            int eq = -1;
            for (int i = 0; i < rest.size(); i++) {
                if (rest.get(i).isSymbol("=") || rest.get(i).is("to")) {
                    eq = i;
                    break;
                }
            }
            if (eq < 0) {
                return new Statement.SetVariable(c.text(rest).toLowerCase(Locale.ROOT), "", local);
            }
            String name = c.text(rest.subList(0, eq)).toLowerCase(Locale.ROOT);
            List<Token> value = rest.subList(eq + 1, rest.size());
            String v = value.size() == 1 && value.get(0).type() == TokenType.STRING ? value.get(0).value()
                    : c.text(value);
            return new Statement.SetVariable(name, v, local);
        }

        private Statement transaction() {
            String kw = c.next().value();
            if (kw.equals("start")) {
                c.expect("transaction");
                kw = "begin";
            } else if (kw.equals("end")) {
                kw = "commit";
            } else if (kw.equals("abort")) {
                kw = "rollback";
            } else if (kw.equals("rollback") && c.is("to")) {
                kw = "rollback to savepoint";
            } else if (kw.equals("begin") && c.is("atomic")) {
                throw c.error("BEGIN ATOMIC outside a function body");
            }
            c.rest();
            return new Statement.Transaction(kw.toUpperCase(Locale.ROOT));
        }

        private Statement reindex() {
            c.expect("reindex");
            boolean optionConcurrently = false;
            if (c.isSymbol("(")) {
                List<Token> options = c.parenGroup();
                for (int i = 0; i < options.size(); i++) {
                    // PostgreSQL 14+ also takes CONCURRENTLY as an option: (CONCURRENTLY) or (CONCURRENTLY true).
                    optionConcurrently |= options.get(i).is("concurrently") && !(i + 1 < options.size()
                            && (options.get(i + 1).is("false") || options.get(i + 1).is("off")));
                }
            }
            c.accept("verbose");
            ObjectKind target;
            if (c.accept("index")) {
                target = ObjectKind.INDEX;
            } else if (c.accept("table")) {
                target = ObjectKind.TABLE;
            } else if (c.accept("schema")) {
                target = ObjectKind.SCHEMA;
            } else if (c.accept("database") || c.accept("system")) {
                target = ObjectKind.OTHER;
            } else {
                throw c.error("expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
            }
            boolean concurrently = c.accept("concurrently") || optionConcurrently;
            QualifiedName name = c.isIdentifier() ? c.qualifiedName() : null;
            if (!c.atEnd()) {
                throw c.error("unexpected text after REINDEX");
            }
            return new Statement.Reindex(target, name, concurrently);
        }

        private Statement cluster() {
            c.expect("cluster");
            c.skipParens();
            c.accept("verbose");
            if (c.atEnd()) {
                return new Statement.Cluster(null, null);
            }
            QualifiedName first = c.qualifiedName();
            if (c.accept("on")) {
                return new Statement.Cluster(c.qualifiedName(), first.name());
            }
            String index = c.accept("using") ? c.identifier() : null;
            return new Statement.Cluster(first, index);
        }

        private Statement vacuum() {
            c.expect("vacuum");
            boolean full = false;
            boolean analyze = false;
            while (true) {
                if (c.isSymbol("(")) {
                    for (Token t : c.parenGroup()) {
                        full |= t.is("full");
                        analyze |= t.is("analyze") || t.is("analyse");
                    }
                } else if (c.is("full") || c.is("freeze") || c.is("verbose") || c.is("analyze")
                        || c.is("analyse")) {
                    Token t = c.next();
                    full |= t.is("full");
                    analyze |= t.is("analyze") || t.is("analyse");
                } else {
                    break;
                }
            }
            return new Statement.Vacuum(full, analyze, tableList());
        }

        private List<QualifiedName> tableList() {
            List<QualifiedName> tables = new ArrayList<>();
            while (c.isIdentifier()) {
                tables.add(c.qualifiedName());
                c.skipParens();
                if (!c.acceptSymbol(",")) {
                    break;
                }
            }
            if (!c.atEnd()) {
                throw c.error("unexpected text");
            }
            return tables;
        }

        private Statement analyze() {
            c.next();
            c.skipParens();
            c.accept("verbose");
            return new Statement.Analyze(tableList());
        }

        private Statement refresh() {
            c.expect("refresh");
            c.expect("materialized");
            c.expect("view");
            boolean concurrently = c.accept("concurrently");
            QualifiedName view = c.qualifiedName();
            c.rest();
            return new Statement.RefreshMaterializedView(view, concurrently);
        }

        private Statement comment() {
            c.expect("comment");
            c.expect("on");
            ObjectKind kind = objectKind();
            if (kind == ObjectKind.OTHER) {
                c.next();
            }
            QualifiedName name = c.isIdentifier() ? c.qualifiedName() : null;
            c.rest();
            return new Statement.Comment(kind, name);
        }

        /** {@code [ONLY] name [*], ...} as TRUNCATE and LOCK write their tables. */
        private List<QualifiedName> relations() {
            List<QualifiedName> tables = new ArrayList<>();
            do {
                c.accept("only");
                tables.add(c.qualifiedName());
                c.acceptSymbol("*");
            } while (c.acceptSymbol(","));
            return tables;
        }

        private Statement lock() {
            c.expect("lock");
            c.accept("table");
            List<QualifiedName> tables = relations();
            String mode = "ACCESS EXCLUSIVE";
            if (c.accept("in")) {
                StringBuilder m = new StringBuilder();
                while (!c.atEnd() && !c.is("mode")) {
                    m.append(m.length() == 0 ? "" : " ").append(c.next().value().toUpperCase(Locale.ROOT));
                }
                c.expect("mode");
                mode = m.toString();
            }
            c.accept("nowait");
            return new Statement.LockTable(tables, mode);
        }

        private Statement doBlock() {
            c.expect("do");
            String body = null;
            for (Token t : c.rest()) {
                if (t.type() == TokenType.STRING && body == null) {
                    body = t.value();
                }
            }
            if (body == null) {
                throw c.error("expected the DO block's body");
            }
            boolean commits = false;
            for (Token t : Lexer.tokenize(body)) {
                commits |= t.is("commit") || t.is("rollback");
            }
            return new Statement.DoBlock(body, commits);
        }

        // ---------------------------------------------------------------- types and expressions

        private TypeName typeName() {
            int start = c.mark();
            Token first = c.peek();
            if (first == null || !first.isIdentifier()) {
                throw c.error("expected a type name");
            }
            String name;
            if (c.accept("double", "precision")) {
                name = "float8";
            } else if (c.accept("character", "varying") || c.accept("char", "varying")
                    || c.accept("national", "character", "varying")) {
                name = "varchar";
            } else if (c.accept("national", "character") || c.accept("character") || c.accept("char")
                    || c.accept("nchar")) {
                name = "bpchar";
            } else if (c.accept("bit", "varying")) {
                name = "varbit";
            } else {
                QualifiedName q = c.qualifiedName();
                name = q.schema() == null ? canonical(q.name()) : q.schema() + "." + q.name();
            }
            List<Integer> mods = new ArrayList<>();
            if (c.isSymbol("(")) {
                for (Token t : c.parenGroup()) {
                    if (t.type() == TokenType.NUMBER) {
                        try {
                            mods.add(Integer.parseInt(t.value()));
                        } catch (NumberFormatException e) {
                            mods.add(-1);
                        }
                    }
                }
            }
            if (name.equals("timestamp") || name.equals("time")) {
                if (c.accept("with", "time", "zone")) {
                    name = name + "tz";
                } else {
                    c.accept("without", "time", "zone");
                }
            } else if (name.equals("interval")) {
                while (c.is("year") || c.is("month") || c.is("day") || c.is("hour") || c.is("minute")
                        || c.is("second") || c.is("to")) {
                    c.next();
                }
                if (c.isSymbol("(")) {
                    c.parenGroup();
                }
            } else if (name.equals("float")) {
                name = mods.isEmpty() || mods.get(0) > 24 ? "float8" : "float4";
                mods.clear();
            }
            boolean array = false;
            while (c.isSymbol("[")) {
                c.next();
                while (!c.atEnd() && !c.isSymbol("]")) {
                    c.next();
                }
                c.expectSymbol("]");
                array = true;
            }
            if (c.accept("array")) {
                array = true;
            }
            List<Token> written = new ArrayList<>();
            int end = c.mark();
            c.reset(start);
            while (c.mark() < end) {
                written.add(c.next());
            }
            return new TypeName(name, mods, array, c.text(written));
        }

        private static String canonical(String t) {
            return switch (t) {
                case "int", "integer", "int4" -> "int4";
                case "bigint", "int8" -> "int8";
                case "smallint", "int2" -> "int2";
                case "serial", "serial4" -> "serial";
                case "bigserial", "serial8" -> "bigserial";
                case "smallserial", "serial2" -> "smallserial";
                case "real", "float4" -> "float4";
                case "float8" -> "float8";
                case "decimal", "numeric" -> "numeric";
                case "bool", "boolean" -> "bool";
                case "varchar" -> "varchar";
                case "bpchar" -> "bpchar";
                case "timestamptz" -> "timestamptz";
                case "timetz" -> "timetz";
                default -> t;
            };
        }

        private Expression expression(List<Token> run) {
            if (run.isEmpty()) {
                throw c.error("expected an expression");
            }
            List<String> functions = new ArrayList<>();
            for (int i = 0; i < run.size(); i++) {
                Token t = run.get(i);
                boolean call = t.isIdentifier() && i + 1 < run.size() && run.get(i + 1).isSymbol("(")
                        && !(i > 0 && run.get(i - 1).isSymbol("::")) && !SYNTAX_FORMS.contains(t.value());
                if (call || (t.type() == TokenType.WORD && NILADIC.contains(t.value()))) {
                    functions.add(t.value());
                }
            }
            List<Token> v = run;
            while (v.size() >= 3 && v.get(v.size() - 2).isSymbol("::")) {
                v = v.subList(0, v.size() - 2);
            }
            if (v.size() >= 2 && v.get(0).isSymbol("(") && v.get(v.size() - 1).isSymbol(")")) {
                v = v.subList(1, v.size() - 1);
            }
            boolean constant = functions.isEmpty() && (v.size() == 1
                    && (v.get(0).type() == TokenType.STRING || v.get(0).type() == TokenType.NUMBER
                    || v.get(0).is("true") || v.get(0).is("false") || v.get(0).is("null"))
                    || v.size() == 2 && v.get(0).isSymbol("-") && v.get(1).type() == TokenType.NUMBER);
            return new Expression(c.text(run), functions, constant);
        }

        // Keywords followed by '(' that are SQL syntax, not function calls, so they say nothing about volatility.
        private static final Set<String> SYNTAX_FORMS = Set.of("cast", "extract", "position", "overlay", "trim",
                "substring", "coalesce", "nullif", "greatest", "least", "row", "array", "exists", "interval",
                "collation", "treat", "normalize", "xmlelement");

        private static final Set<String> NILADIC = Set.of("current_timestamp", "current_date", "current_time",
                "localtimestamp", "localtime", "current_user", "session_user", "current_role", "user");
    }
}
