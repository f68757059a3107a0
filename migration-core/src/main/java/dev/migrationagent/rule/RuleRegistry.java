package dev.migrationagent.rule;

import dev.migrationagent.api.InvalidConfigurationException;
import dev.migrationagent.api.RuleSetting;
import dev.migrationagent.api.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Resolves rule ids and former ids, and applies per-rule configuration (severity, disabled). */
public final class RuleRegistry {
    /** A rule as configured for one analysis. */
    public record ActiveRule(Rule rule, Severity severity) {}

    private final List<Rule> rules;
    private final Map<String, Rule> byId = new HashMap<>();

    /** A registry over the given rules; fails fast on duplicate ids. */
    public RuleRegistry(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (Rule r : rules) {
            register(r.descriptor().id(), r);
            for (String alt : r.descriptor().altIds()) {
                register(alt, r);
            }
        }
    }

    private void register(String id, Rule r) {
        Rule previous = byId.putIfAbsent(id, r);
        if (previous != null) {
            throw new IllegalStateException("duplicate rule id " + id);
        }
    }

    /** The registry of built-in rules. */
    public static RuleRegistry builtIn() {
        return new RuleRegistry(BuiltInRules.all());
    }

    /** The rule with this id or former id, or {@code null}. */
    public Rule find(String id) {
        return byId.get(id);
    }

    /**
     * The rules to run, with settings applied, in id order.
     *
     * @throws InvalidConfigurationException naming the unknown id and listing the known ones
     */
    public List<ActiveRule> configure(List<RuleSetting> settings) {
        Map<Rule, RuleSetting> chosen = new HashMap<>();
        for (RuleSetting s : settings) {
            Rule r = byId.get(s.ruleId());
            if (r == null) {
                throw new InvalidConfigurationException("rules", s.ruleId(), "unknown rule id; known ids: "
                        + String.join(", ", new TreeSet<>(ids())));
            }
            chosen.put(r, s);
        }
        List<ActiveRule> out = new ArrayList<>();
        for (Rule r : rules) {
            RuleSetting s = chosen.get(r);
            if (s != null && !s.enabled()) {
                continue;
            }
            Severity severity = s != null && s.severity() != null ? s.severity() : r.descriptor().defaultSeverity();
            out.add(new ActiveRule(r, severity));
        }
        return out;
    }

    private List<String> ids() {
        return rules.stream().map(r -> r.descriptor().id()).toList();
    }
}
