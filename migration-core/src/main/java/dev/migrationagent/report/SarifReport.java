package dev.migrationagent.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrationagent.api.Analysis;
import dev.migrationagent.api.Finding;
import dev.migrationagent.api.RuleInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: exactly one run, because GitHub rejects several runs of one tool and
 * category in one upload.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "migrationAgentFingerprint/v1";

    private SarifReport() {}

    static String render(Analysis analysis) {
        ObjectNode root = JsonText.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Migration Agent");
        ArrayNode rules = driver.putArray("rules");
        analysis.rules().forEach(r -> rule(rules.addObject(), r));
        run.putObject("automationDetails").put("id", "migration-agent/");
        Map<String, Integer> ruleIndex = ruleIndex(analysis.rules());
        ArrayNode results = run.putArray("results");
        for (Finding f : analysis.findings()) {
            Integer index = ruleIndex.get(f.ruleId());
            // SARIF wants ruleId to match the indexed rule, so a finding under a former id reports the current one.
            String ruleId = index == null ? f.ruleId() : analysis.rules().get(index).id();
            result(results.addObject(), f, ruleId, index);
        }
        return JsonText.print(root);
    }

    private static void rule(ObjectNode node, RuleInfo rule) {
        node.put("id", rule.id());
        node.putObject("shortDescription").put("text", rule.summary());
        // helpUri must be an absolute URI by the schema, and we only know the repository-relative page.
        node.putObject("help").put("text", rule.summary() + ". Documentation: " + rule.docPath());
        node.putObject("defaultConfiguration").put("level", rule.defaultSeverity().sarifLevel());
        ObjectNode properties = node.putObject("properties");
        properties.put("category", rule.category().id());
        properties.putArray("tags").add(rule.category().id());
    }

    private static void result(ObjectNode node, Finding f, String ruleId, Integer ruleIndex) {
        node.put("ruleId", ruleId);
        if (ruleIndex != null) {
            node.put("ruleIndex", ruleIndex);
        }
        node.put("level", f.severity().sarifLevel());
        node.putObject("message").put("text", f.message() + "\n\nFix: " + f.fix());
        ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", uri(f.script()));
        artifact.put("uriBaseId", "%SRCROOT%");
        ObjectNode region = physical.putObject("region");
        region.put("startLine", f.line());
        region.put("startColumn", f.column());
        node.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(ruleId, f));
        if (f.suppressed()) {
            ObjectNode suppression = node.putArray("suppressions").addObject();
            suppression.put("kind", "inSource");
            suppression.put("justification", f.suppression());
        }
        ObjectNode properties = node.putObject("properties");
        properties.put("category", f.category().id());
        properties.put("evidence", f.evidence().name().toLowerCase(java.util.Locale.ROOT));
        if (f.lockSeconds() != null) {
            properties.put("lockSeconds", f.lockSeconds());
        }
    }

    private static Map<String, Integer> ruleIndex(List<RuleInfo> rules) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            for (String alt : rules.get(i).altIds()) {
                index.putIfAbsent(alt, i);
            }
        }
        // Current ids win over a former id that another rule happens to reuse.
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i).id(), i);
        }
        return index;
    }

    /**
     * Hash of rule, script and normalized statement, without the line, so that code scanning keeps tracking an
     * alert when lines above it move.
     */
    static String fingerprint(String ruleId, Finding f) {
        String key = ruleId + "|" + f.script() + "|" + f.statement().strip().replaceAll("\\s+", " ");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A relative URI reference: forward slashes, everything but RFC 3986 unreserved characters percent-encoded. */
    static String uri(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/' || c == '-' || c == '.' || c == '_' || c == '~'
                    || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
