package dev.migrationagent.schema;

import dev.migrationagent.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A table in the schema model.
 *
 * @param name qualified table name
 * @param columns columns in order
 * @param constraints constraints
 * @param partitionOf the partitioned parent, or {@code null}
 * @param partitioned a partitioned table (PARTITION BY)
 */
public record Table(QualifiedName name, List<Column> columns, List<Constraint> constraints, QualifiedName partitionOf,
        boolean partitioned) {
    public Table {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }

    /** The column with this name, or {@code null}. */
    public Column column(String column) {
        for (Column c : columns) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        return null;
    }

    /** The constraint with this name, or {@code null}. */
    public Constraint constraint(String constraint) {
        for (Constraint c : constraints) {
            if (c.name().equals(constraint)) {
                return c;
            }
        }
        return null;
    }

    Table withColumns(List<Column> value) {
        return new Table(name, value, constraints, partitionOf, partitioned);
    }

    Table withConstraints(List<Constraint> value) {
        return new Table(name, columns, value, partitionOf, partitioned);
    }

    Table withName(QualifiedName value) {
        return new Table(value, columns, constraints, partitionOf, partitioned);
    }

    Table withPartitionOf(QualifiedName parent) {
        return new Table(name, columns, constraints, parent, partitioned);
    }


    Table mapColumn(String column, UnaryOperator<Column> change) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.name().equals(column) ? change.apply(c) : c);
        }
        return withColumns(out);
    }
}
