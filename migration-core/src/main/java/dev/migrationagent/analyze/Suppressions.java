package dev.migrationagent.analyze;

import dev.migrationagent.api.InvalidInputException;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleRegistry;
import dev.migrationagent.sql.Token;
import dev.migrationagent.sql.TokenType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code -- migration:ignore <rule-id>[, <rule-id>] -- <reason>} comments. The reason is required so that
 * reports can say why a hazard was accepted; an unknown id or a missing reason is an input error, not a silent
 * no-op. A directive must start its comment, so prose that merely mentions the syntax is not one.
 */
final class Suppressions {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "migration:ignore(-file)?\\s+([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)\\s*(?:--\\s*(.*?))?\\s*(?:\\*/)?\\s*$",
            Pattern.DOTALL);

    private Suppressions() {}

    /**
     * Rule id (canonical) to reason, from the given comments.
     *
     * @param header whether the comments are the file header, the only place {@code ignore-file} may stand
     */
    static Map<String, String> read(List<Token> comments, Path file, RuleRegistry registry, boolean header) {
        Map<String, String> out = new HashMap<>();
        for (Token c : comments) {
            String text = c.type() == TokenType.LINE_COMMENT ? c.value().substring(2)
                    : c.value().substring(2, Math.max(2, c.value().length() - 2));
            String stripped = text.stripLeading();
            if (!stripped.startsWith("migration:ignore")) {
                continue;
            }
            int at = text.length() - stripped.length();
            Matcher m = DIRECTIVE.matcher(text.substring(at).strip());
            if (!m.find()) {
                throw new InvalidInputException(file, c.line(), c.column() + 2 + at,
                        "malformed suppression; write -- migration:ignore <rule-id> -- <reason>", null);
            }
            if (m.group(1) != null && !header) {
                throw new InvalidInputException(file, c.line(), c.column() + 2 + at, "migration:ignore-file must stand "
                        + "in the file header, before the first statement and separated from it by a blank line", null);
            }
            String reason = m.group(3) == null ? "" : m.group(3).strip();
            if (reason.isEmpty()) {
                throw new InvalidInputException(file, c.line(), c.column() + 2 + at,
                        "suppression of " + m.group(2) + " needs a reason: -- migration:ignore " + m.group(2)
                        + " -- <why this is safe here>", null);
            }
            for (String id : m.group(2).split("\\s*,\\s*")) {
                Rule r = registry.find(id);
                if (r == null) {
                    throw new InvalidInputException(file, c.line(), c.column() + 2 + at,
                            "unknown rule id '" + id + "' in suppression", null);
                }
                out.put(r.descriptor().id(), reason);
            }
        }
        return out;
    }
}
