package dev.migrationagent.rule.data;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.Severity;
import dev.migrationagent.datacheck.DataCheck;
import dev.migrationagent.datacheck.ViolationCount;
import dev.migrationagent.rule.Reporter;
import dev.migrationagent.rule.RuleContext;
import dev.migrationagent.rule.RuleDescriptor;
import dev.migrationagent.rule.TargetRule;

/** Rows in the target database violate the NOT NULL, unique, foreign key or CHECK constraint a statement adds. */
public final class TargetRowsViolateRule implements TargetRule {
    private static final RuleDescriptor D = RuleDescriptor.of("target-rows-violate", Category.FAILS_ON_EXISTING_DATA,
            Severity.ERROR, "Rows in the target database violate the constraint the statement adds");

    @Override
    public RuleDescriptor descriptor() {
        return D;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (ViolationCount v : ctx.violations()) {
            DataCheck c = v.check();
            out.report(v.rows() + (v.rows() == 1 ? " row" : " rows") + " of " + c.table().display() + " in the target "
                    + what(c) + " (counted read-only); the migration will fail on this statement"
                    + (ctx.inTransaction() ? " and its transaction rolls back." : "."),
                    "Clean up or backfill the rows in an earlier migration, then run this one. To start from:\n"
                    + v.cleanup());
        }
    }

    private static String what(DataCheck c) {
        return switch (c.kind()) {
            case NOT_NULL -> "hold NULL where " + c.describe() + " forbids it";
            case NEW_REQUIRED_COLUMN -> "exist, and each would need a value for " + c.describe();
            case UNIQUE -> "share their value with another row, which violates " + c.describe();
            case FOREIGN_KEY -> "reference no existing row, which violates " + c.describe();
            case CHECK -> "are rejected by " + c.describe();
        };
    }
}
