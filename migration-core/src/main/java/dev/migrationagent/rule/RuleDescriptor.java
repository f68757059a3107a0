package dev.migrationagent.rule;

import dev.migrationagent.api.Category;
import dev.migrationagent.api.RuleInfo;
import dev.migrationagent.api.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A rule's metadata.
 *
 * @param id stable kebab-case id
 * @param altIds former ids that still resolve to this rule
 * @param category hazard category of every finding the rule reports
 * @param defaultSeverity severity unless configured otherwise
 * @param summary one line, no trailing period
 */
public record RuleDescriptor(String id, List<String> altIds, Category category, Severity defaultSeverity,
        String summary) {
    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("rule id must be kebab-case: " + id);
        }
        altIds = List.copyOf(altIds);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(summary, "summary");
    }

    /** A descriptor without former ids. */
    public static RuleDescriptor of(String id, Category category, Severity severity, String summary) {
        return new RuleDescriptor(id, List.of(), category, severity, summary);
    }

    /** The markdown page that explains the rule, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }

    /** The public view of this descriptor. */
    public RuleInfo toInfo() {
        return new RuleInfo(id, altIds, category, defaultSeverity, summary, docPath());
    }
}
