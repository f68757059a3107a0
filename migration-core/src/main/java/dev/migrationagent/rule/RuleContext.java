package dev.migrationagent.rule;

import dev.migrationagent.datacheck.ViolationCount;
import dev.migrationagent.lock.LockEstimator;
import dev.migrationagent.lock.Rates;
import dev.migrationagent.lock.Work;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.Table;
import dev.migrationagent.schema.TableSize;
import dev.migrationagent.schema.TableStats;
import dev.migrationagent.simulate.Problem;
import dev.migrationagent.sql.ParsedStatement;
import dev.migrationagent.sql.QualifiedName;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.trace.StatementTrace;
import java.util.List;
import java.util.Set;

/** Everything a rule may look at for one statement. The schema model is the state before the statement runs. */
public final class RuleContext {
    private final Rates rates;
    private final ParsedStatement statement;
    private final SchemaModel model;
    private final int postgresVersion;
    private final boolean inTransaction;
    private final TransactionState transaction;
    private final List<TableEffect> effects;
    private final List<Problem> problems;
    private final TableStats stats;
    private final Set<QualifiedName> newTables;
    private final Set<String> newColumns;
    private final long smallTableRows;
    private final boolean lockTimeoutSet;
    private final StatementTrace trace;
    private final List<ViolationCount> violations;

    /**
     * Creates the context for one statement.
     *
     * @param statement the statement under review
     * @param model the schema before the statement
     * @param postgresVersion target major version
     * @param inTransaction whether the statement runs inside a transaction block
     * @param transaction what the enclosing transaction did so far
     * @param effects the statement's table locks and work
     * @param problems failures predicted for the statement
     * @param stats table statistics
     * @param newTables tables, views and types created by migrations under review (no client uses them yet)
     * @param newColumns {@code table.column} of columns added by migrations under review
     * @param smallTableRows the small-table threshold
     * @param lockTimeoutSet whether {@code lock_timeout} was set earlier in the script
     * @param trace the statement's trace on the shadow, or {@code null} for a static analysis
     * @param violations non-zero counts of target rows that violate what the statement adds; empty without a target
     * @param rates throughput used for lock-duration estimates (priors, or calibrated on the shadow)
     */
    public RuleContext(ParsedStatement statement, SchemaModel model, int postgresVersion, boolean inTransaction,
            TransactionState transaction, List<TableEffect> effects, List<Problem> problems, TableStats stats,
            Set<QualifiedName> newTables, Set<String> newColumns, long smallTableRows, boolean lockTimeoutSet,
            StatementTrace trace, List<ViolationCount> violations, Rates rates) {
        this.rates = rates;
        this.trace = trace;
        this.violations = List.copyOf(violations);
        this.statement = statement;
        this.model = model;
        this.postgresVersion = postgresVersion;
        this.inTransaction = inTransaction;
        this.transaction = transaction;
        this.effects = List.copyOf(effects);
        this.problems = List.copyOf(problems);
        this.stats = stats;
        this.newTables = newTables;
        this.newColumns = newColumns;
        this.smallTableRows = smallTableRows;
        this.lockTimeoutSet = lockTimeoutSet;
    }

    /** The statement under review. */
    public ParsedStatement parsed() {
        return statement;
    }

    /** The typed statement. */
    public Statement statement() {
        return statement.statement();
    }

    /** The schema before this statement. */
    public SchemaModel model() {
        return model;
    }

    /** Target PostgreSQL major version. */
    public int pg() {
        return postgresVersion;
    }

    /** Whether the statement runs inside a transaction block (Flyway's or an explicit BEGIN). */
    public boolean inTransaction() {
        return inTransaction;
    }

    /** The enclosing transaction's history. */
    public TransactionState transaction() {
        return transaction;
    }

    /** Table locks and work of this statement. */
    public List<TableEffect> effects() {
        return effects;
    }

    /** Failures predicted for this statement. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether a {@code SET lock_timeout} ran earlier in this script. */
    public boolean lockTimeoutSet() {
        return lockTimeoutSet;
    }

    /** What the statement did on the shadow database, or {@code null} when the analysis is static. */
    public StatementTrace trace() {
        return trace;
    }

    /** Target rows that violate what this statement adds, counted read-only; empty without a target. */
    public List<ViolationCount> violations() {
        return violations;
    }

    /** True when the table (or view, or type) was created by a migration under review: empty and unused. */
    public boolean isNew(QualifiedName table) {
        return newTables.contains(SchemaModel.resolve(table));
    }

    /** True when the column was added by a migration under review. */
    public boolean isNewColumn(QualifiedName table, String column) {
        return newColumns.contains(SchemaModel.resolve(table) + "." + column);
    }

    /** The table's size class when this statement runs. */
    public TableSize size(QualifiedName table) {
        QualifiedName t = SchemaModel.resolve(table);
        if (newTables.contains(t)) {
            return TableSize.NEW;
        }
        TableStats.Entry e = stats.get(t);
        if (e != null) {
            return new TableSize(e.rows() < smallTableRows ? TableSize.Kind.SMALL : TableSize.Kind.LARGE, e.rows(),
                    e.bytes());
        }
        Table known = model.table(t);
        if (known != null && known.partitioned()) {
            List<Table> parts = model.partitionsOf(t);
            long rows = 0;
            long bytes = 0;
            for (Table p : parts) {
                TableSize s = size(p.name());
                if (s.kind() == TableSize.Kind.UNKNOWN) {
                    return new TableSize(TableSize.Kind.UNKNOWN, -1, -1);
                }
                rows += Math.max(0, s.rows());
                bytes += Math.max(0, s.estimatedBytes());
            }
            if (!parts.isEmpty()) {
                return new TableSize(rows < smallTableRows ? TableSize.Kind.SMALL : TableSize.Kind.LARGE, rows,
                        bytes);
            }
        }
        return new TableSize(TableSize.Kind.UNKNOWN, -1, -1);
    }

    /** Estimated seconds for a kind of work on a table of the given size, or {@code null} when the size is unknown. */
    public Double estimate(Work work, TableSize size) {
        return LockEstimator.seconds(work, size, rates);
    }

    /** The estimated blocking seconds of this statement's effects on the given table, or {@code null}. */
    public Double lockSeconds(QualifiedName table) {
        Double worst = null;
        for (TableEffect e : effects) {
            if (SchemaModel.resolve(e.table()).equals(SchemaModel.resolve(table)) && e.blocksTraffic()) {
                Double s = estimate(e.work(), size(e.table()));
                if (s != null && (worst == null || s > worst)) {
                    worst = s;
                }
            }
        }
        return worst;
    }
}
