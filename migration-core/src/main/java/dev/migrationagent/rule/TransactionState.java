package dev.migrationagent.rule;

import dev.migrationagent.lock.LockMode;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.sql.AlterAction;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the current transaction has done so far: locks that stay held until it ends, enum labels it added and
 * constraints it added NOT VALID. The analyzer resets it at every transaction boundary.
 */
public final class TransactionState {
    /** A lock taken by an earlier statement of the same transaction. */
    public record HeldLock(QualifiedName table, LockMode mode, int line) {}

    private final List<HeldLock> locks = new ArrayList<>();
    private final Map<QualifiedName, Set<String>> addedLabels = new HashMap<>();
    private final Set<String> notValidConstraints = new HashSet<>();

    /** Locks held from earlier statements, strongest first per table. */
    public List<HeldLock> locks() {
        return List.copyOf(locks);
    }

    /** The strongest lock held on a table, or {@code null}. */
    public HeldLock strongestOn(QualifiedName table) {
        HeldLock best = null;
        for (HeldLock h : locks) {
            if (h.table().equals(table) && (best == null || h.mode().compareTo(best.mode()) > 0)) {
                best = h;
            }
        }
        return best;
    }

    /** Enum labels added in this transaction, by type. */
    public Map<QualifiedName, Set<String>> addedLabels() {
        return addedLabels;
    }

    /** True when the constraint (table-qualified) was added NOT VALID in this transaction. */
    public boolean addedNotValid(QualifiedName table, String constraint) {
        return notValidConstraints.contains(SchemaModel.resolve(table) + "." + constraint);
    }

    /** Records what a statement that just ran leaves behind in the transaction. */
    public void after(Statement s, List<TableEffect> effects, int line) {
        for (TableEffect e : effects) {
            if (e.mode().compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) > 0) {
                locks.add(new HeldLock(SchemaModel.resolve(e.table()), e.mode(), line));
            }
        }
        if (s instanceof Statement.AlterType at && at.action() == Statement.AlterType.Action.ADD_VALUE) {
            addedLabels.computeIfAbsent(SchemaModel.resolve(at.type()), k -> new HashSet<>()).add(at.label());
        }
        if (s instanceof Statement.AlterTable at) {
            for (AlterAction a : at.actions()) {
                if (a instanceof AlterAction.AddConstraint ac && ac.constraint().notValid()
                        && ac.constraint().name() != null) {
                    notValidConstraints.add(SchemaModel.resolve(at.table()) + "." + ac.constraint().name());
                }
            }
        }
    }
}
