package dev.migrationagent.rule;

import dev.migrationagent.lock.LockMode;
import dev.migrationagent.lock.TableEffect;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.sql.Statement;
import dev.migrationagent.sql.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the current transaction has done so far: locks that stay held until it ends and enum labels it added. The
 * analyzer resets it at every transaction boundary.
 */
public final class TransactionState {
    /** A lock taken by an earlier statement of the same transaction. */
    public record HeldLock(QualifiedName table, LockMode mode, int line) {}

    private final List<HeldLock> locks = new ArrayList<>();
    private final Map<QualifiedName, Set<String>> addedLabels = new HashMap<>();

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
    }
}
