package dev.migrationagent.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.api.Analysis;
import dev.migrationagent.corpus.CorpusCase;
import dev.migrationagent.introspect.ScratchDatabase;
import dev.migrationagent.shadow.EmbeddedShadowProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Positive and negative cases for every rule, from {@code src/test/resources/rules/<rule-id>/*.sql}. A file named
 * {@code flags*.sql} must contain at least one {@code -- expect:} marker; {@code ignores*.sql} none. In every file the
 * rule must fire exactly on the marked statements. Cases of traced rules run on an embedded shadow server,
 * cases of target rules against a scratch database of the local PostgreSQL.
 */
class RuleCasesTest {
    private static final Path ROOT = Path.of("src/test/resources/rules");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleFiresExactlyOnMarkedStatements(Path file) {
        String ruleId = file.getParent().getFileName().toString();
        assertThat(RuleRegistry.builtIn().find(ruleId)).as("rule %s exists", ruleId).isNotNull();
        CorpusCase c = RuleHarness.load(file);
        Analysis a;
        if (RuleRegistry.builtIn().find(ruleId) instanceof TracedRule) {
            // Traced rules see nothing without a shadow; where none can start, their cases are skipped.
            EmbeddedShadowProvider shadow = EmbeddedShadowProvider.shared();
            assumeTrue(shadow.available(c.pg()), "embedded PostgreSQL " + c.pg() + " cannot start here; skipped");
            a = RuleHarness.analyzeTraced(c, shadow);
        } else if (RuleRegistry.builtIn().find(ruleId) instanceof TargetRule) {
            // Target rules see nothing without a target; the local server serves as one, or the case is skipped.
            var onTarget = RuleHarness.analyzeOnTarget(c);
            assumeTrue(onTarget.isPresent(), "no PostgreSQL at " + ScratchDatabase.SERVER + "; skipped");
            a = onTarget.get();
        } else {
            a = RuleHarness.analyze(c);
        }
        var expected = RuleHarness.expected(c, ruleId);
        if (file.getFileName().toString().startsWith("flags")) {
            assertThat(expected).as("a flags case needs -- expect: markers").isNotEmpty();
        } else {
            assertThat(expected).as("an ignores case has no markers").isEmpty();
        }
        assertThat(RuleHarness.actual(a, ruleId)).as("findings of %s in %s", ruleId, file).isEqualTo(expected);
    }

    @Test
    void everyRuleHasAFlagsAndAnIgnoresCase() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Rule r : BuiltInRules.all()) {
            Path dir = ROOT.resolve(r.descriptor().id());
            boolean flags = false;
            boolean ignores = false;
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.toList()) {
                        flags |= p.getFileName().toString().startsWith("flags");
                        ignores |= p.getFileName().toString().startsWith("ignores");
                    }
                }
            }
            if (!flags || !ignores) {
                missing.add(r.descriptor().id());
            }
        }
        assertThat(missing).as("rules without flags*.sql and ignores*.sql cases").isEmpty();
    }
}
