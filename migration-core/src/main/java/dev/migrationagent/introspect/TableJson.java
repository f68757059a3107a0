package dev.migrationagent.introspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrationagent.schema.Column;
import dev.migrationagent.schema.Constraint;
import dev.migrationagent.schema.SchemaModel;
import dev.migrationagent.schema.Table;
import dev.migrationagent.sql.ConstraintDef;
import dev.migrationagent.sql.QualifiedName;
import java.util.Comparator;

/**
 * One table of a schema model as JSON in the shape the seed article feeds its prompt: {@code table},
 * {@code columns} (name, type, nullable, default), {@code indexes}, {@code foreign_keys} and {@code primary_key}.
 */
public final class TableJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TableJson() {}

    /**
     * The JSON of a table.
     *
     * @throws IllegalArgumentException when the model has no such table
     */
    public static ObjectNode of(SchemaModel model, QualifiedName table) {
        Table t = model.table(table);
        if (t == null) {
            throw new IllegalArgumentException("no such table: " + table.display());
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("table", t.name().display());
        ArrayNode columns = root.putArray("columns");
        for (Column c : t.columns()) {
            ObjectNode col = columns.addObject();
            col.put("name", c.name());
            col.put("type", c.type().text());
            col.put("nullable", !c.notNull());
            col.put("default", c.defaultExpr() == null ? null : c.defaultExpr().text());
        }
        ArrayNode indexes = root.putArray("indexes");
        // The model keeps indexes unordered; sort so the output is stable between runs.
        model.indexesOn(t.name()).stream().sorted(Comparator.comparing(i -> i.name().name())).forEach(i -> {
            ObjectNode node = indexes.addObject();
            node.put("name", i.name().name());
            i.columns().forEach(node.putArray("columns")::add);
            node.put("unique", i.unique());
            node.put("valid", i.valid());
            node.put("partial", i.partial());
        });
        ArrayNode foreignKeys = root.putArray("foreign_keys");
        ArrayNode primaryKey = root.putArray("primary_key");
        for (Constraint c : t.constraints()) {
            if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                ObjectNode fk = foreignKeys.addObject();
                fk.put("name", c.name());
                c.columns().forEach(fk.putArray("columns")::add);
                fk.put("references", c.references() == null ? null : c.references().display());
                fk.put("validated", c.validated());
            } else if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                c.columns().forEach(primaryKey::add);
            }
        }
        return root;
    }

    /** The JSON of a table as indented text. */
    public static String write(SchemaModel model, QualifiedName table) {
        return of(model, table).toPrettyString();
    }
}
