package dev.migrationagent.api;

import java.util.List;
import java.util.Objects;

/**
 * The public description of a rule, as reports need it.
 *
 * @param id stable kebab-case id
 * @param altIds former ids that still resolve to this rule
 * @param category hazard category
 * @param defaultSeverity severity unless configured otherwise
 * @param summary one line, no trailing period
 * @param docPath path of the rule's markdown page, relative to the repository root
 */
public record RuleInfo(
        String id, List<String> altIds, Category category, Severity defaultSeverity, String summary, String docPath) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        altIds = List.copyOf(altIds);
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(docPath, "docPath");
    }
}
