package dev.migrationagent.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a large, realistic PostgreSQL migration: the same seed always gives the same bytes, so figures taken on
 * different days compare like with like.
 *
 * <p>The mix leans on what makes a parser work: string literals with doubled quotes, line and block comments,
 * dollar-quoted function bodies that contain semicolons, and multi-row {@code VALUES}. Most statements are safe,
 * a few percent trip rules, so the rule and report stages see findings without drowning in them.
 */
public final class MigrationGenerator {
    /** The seed the benchmarks and scripts/benchmark use. */
    public static final long DEFAULT_SEED = 20_240_517L;

    private static final String[] WORDS = {
        "order", "customer", "invoice", "payment", "shipment", "product", "account", "session", "audit", "ledger",
        "refund", "coupon", "address", "region", "vendor", "stock", "event", "note", "tag", "plan"
    };
    private static final String[] TYPES = {"text", "bigint", "integer", "boolean", "timestamptz", "numeric(12,2)",
        "jsonb", "uuid", "varchar(80)", "date"};
    private static final String[] NAMES = {"O''Brien", "Zoë", "Smith; Jones", "100% -- not a comment", "a/*b*/c"};

    private final SplittableRandom random;
    /** Tables created so far, with their non-key columns; later statements refer to them. */
    private final List<TableDef> tables = new ArrayList<>();
    private int sequence;
    /** {@code ALTER TABLE ... VALIDATE CONSTRAINT} owed for the last NOT VALID foreign key, or null. */
    private String pendingValidation;

    /** A table the generator created, and the columns it may use in later statements. */
    private record TableDef(String name, List<String> columns) {}

    public MigrationGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        // tables that "already exist" in production: statements on them are the interesting ones
        tables.add(new TableDef("users", new ArrayList<>(List.of("email", "name", "created_at"))));
        tables.add(new TableDef("orders", new ArrayList<>(List.of("user_id", "total", "status"))));
    }

    /** Writes exactly {@code statements} statements to {@code file}; returns the bytes written. */
    public static long writeStatements(Path file, int statements, long seed) throws IOException {
        MigrationGenerator generator = new MigrationGenerator(seed);
        long bytes = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < statements; i++) {
                String statement = generator.next();
                out.write(statement);
                bytes += statement.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    /** Writes statements until the file holds at least {@code minBytes} characters; returns the statement count. */
    public static int writeBytes(Path file, long minBytes, long seed) throws IOException {
        MigrationGenerator generator = new MigrationGenerator(seed);
        long written = 0;
        int statements = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < minBytes) {
                String statement = generator.next();
                out.write(statement);
                written += statement.getBytes(StandardCharsets.UTF_8).length;
                statements++;
            }
        }
        return statements;
    }

    /** The next statement, terminated by {@code ;} and a newline, sometimes preceded by a comment. */
    public String next() {
        sequence++;
        if (pendingValidation != null) {
            // the second half of the safe foreign-key recipe, as its own statement
            String statement = pendingValidation + ";\n";
            pendingValidation = null;
            return statement;
        }
        StringBuilder sb = new StringBuilder(160);
        int comment = random.nextInt(100);
        if (comment < 6) {
            sb.append("-- step ").append(sequence).append(": ").append(word()).append(" changes\n");
        } else if (comment < 8) {
            sb.append("/* generated step ").append(sequence).append("\n * touches ").append(word())
                    .append(" /* nested */ data\n */\n");
        }
        int kind = random.nextInt(100);
        if (kind < 8) {
            createTable(sb);
        } else if (kind < 22) {
            addColumn(sb);
        } else if (kind < 27) {
            createIndex(sb, true);
        } else if (kind < 28) {
            createIndex(sb, false);
        } else if (kind < 60) {
            insert(sb);
        } else if (kind < 82) {
            update(sb);
        } else if (kind < 88) {
            delete(sb);
        } else if (kind < 92) {
            function(sb);
        } else if (kind < 96) {
            foreignKey(sb);
        } else if (kind < 98) {
            comment(sb);
        } else {
            alterType(sb);
        }
        return sb.append(";\n").toString();
    }

    private void createTable(StringBuilder sb) {
        String name = word() + "_" + sequence;
        List<String> columns = new ArrayList<>();
        sb.append("CREATE TABLE ").append(name).append(" (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
        int n = 2 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String column = word() + "_" + i;
            columns.add(column);
            sb.append(",\n    ").append(column).append(' ').append(TYPES[random.nextInt(TYPES.length)]);
            if (random.nextInt(3) == 0) {
                sb.append(" NOT NULL");
            }
        }
        sb.append(",\n    created_at timestamptz NOT NULL DEFAULT now()\n)");
        tables.add(new TableDef(name, columns));
    }

    private void addColumn(StringBuilder sb) {
        TableDef table = table();
        String column = "extra_" + sequence;
        sb.append("ALTER TABLE ").append(table.name()).append(" ADD COLUMN ").append(column).append(' ');
        switch (random.nextInt(4)) {
            case 0 -> sb.append("text");
            case 1 -> sb.append("integer DEFAULT 0");
            case 2 -> sb.append("boolean NOT NULL DEFAULT false");
            default -> sb.append("timestamptz");
        }
        table.columns().add(column);
    }

    private void createIndex(StringBuilder sb, boolean concurrently) {
        TableDef table = table();
        String column = column(table);
        sb.append("CREATE INDEX ").append(concurrently ? "CONCURRENTLY " : "").append("IF NOT EXISTS ")
                .append(table.name()).append('_').append(column).append("_idx_").append(sequence)
                .append(" ON ").append(table.name()).append(" (").append(column).append(')');
        if (random.nextInt(4) == 0) {
            sb.append(" WHERE ").append(column).append(" IS NOT NULL");
        }
    }

    private void insert(StringBuilder sb) {
        TableDef table = table();
        String column = column(table);
        sb.append("INSERT INTO ").append(table.name()).append(" (").append(column).append(") VALUES ");
        int rows = 1 + random.nextInt(5);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("('").append(NAMES[random.nextInt(NAMES.length)]).append(" row ").append(i)
                    .append(" of step ").append(sequence).append("')");
        }
    }

    private void update(StringBuilder sb) {
        TableDef table = table();
        long from = random.nextLong(1_000_000);
        sb.append("UPDATE ").append(table.name()).append(" SET ").append(column(table)).append(" = '")
                .append(NAMES[random.nextInt(NAMES.length)]).append("'\n WHERE id BETWEEN ").append(from)
                .append(" AND ").append(from + 1000);
    }

    private void delete(StringBuilder sb) {
        TableDef table = table();
        sb.append("DELETE FROM ").append(table.name()).append(" WHERE created_at < now() - interval '")
                .append(30 + random.nextInt(300)).append(" days'");
    }

    private void function(StringBuilder sb) {
        String tag = random.nextBoolean() ? "$$" : "$body$";
        TableDef table = table();
        sb.append("CREATE OR REPLACE FUNCTION touch_").append(sequence).append("() RETURNS trigger\n")
                .append("LANGUAGE plpgsql AS ").append(tag).append('\n')
                .append("BEGIN\n")
                .append("    -- semicolons and quotes inside the body must not end the statement;\n")
                .append("    NEW.note := 'touched; ' || '").append(NAMES[random.nextInt(NAMES.length)]).append("';\n")
                .append("    PERFORM 1 FROM ").append(table.name()).append(" WHERE id = NEW.id;\n")
                .append("    RETURN NEW;\n")
                .append("END;\n")
                .append(tag);
    }

    private void foreignKey(StringBuilder sb) {
        TableDef child = table();
        TableDef parent = table();
        String constraint = child.name() + "_fk_" + sequence;
        sb.append("ALTER TABLE ").append(child.name()).append(" ADD CONSTRAINT ").append(constraint)
                .append(" FOREIGN KEY (").append(column(child)).append(") REFERENCES ").append(parent.name())
                .append(" (id) NOT VALID");
        pendingValidation = "ALTER TABLE " + child.name() + " VALIDATE CONSTRAINT " + constraint;
    }

    private void comment(StringBuilder sb) {
        TableDef table = table();
        sb.append("COMMENT ON TABLE ").append(table.name()).append(" IS 'Owned by the ").append(word())
                .append(" team; see ''runbook'' step ").append(sequence).append('\'');
    }

    private void alterType(StringBuilder sb) {
        TableDef table = table();
        sb.append("ALTER TABLE ").append(table.name()).append(" ALTER COLUMN ").append(column(table))
                .append(" TYPE text");
    }

    private TableDef table() {
        // mostly recent tables, as a real migration history would touch them
        int size = tables.size();
        int index = random.nextInt(4) == 0
                ? random.nextInt(size)
                : size - 1 - random.nextInt(Math.min(size, 20));
        return tables.get(index);
    }

    private String column(TableDef table) {
        return table.columns().get(random.nextInt(table.columns().size()));
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
