package dev.migrationagent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.api.RuleInfo;
import dev.migrationagent.rule.BuiltInRules;
import dev.migrationagent.rule.Rule;
import dev.migrationagent.rule.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryTest {
    @Test
    void idsAndFormerIdsAreUniqueAndKebabCase() {
        Set<String> seen = new HashSet<>();
        for (Rule r : BuiltInRules.all()) {
            assertThat(seen.add(r.descriptor().id())).as("duplicate id %s", r.descriptor().id()).isTrue();
            assertThat(r.descriptor().id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            for (String alt : r.descriptor().altIds()) {
                assertThat(seen.add(alt)).as("duplicate former id %s", alt).isTrue();
            }
        }
    }

    @Test
    void formerIdsResolveToTheRenamedRule() {
        RuleRegistry registry = RuleRegistry.builtIn();
        for (Rule r : BuiltInRules.all()) {
            for (String alt : r.descriptor().altIds()) {
                assertThat(registry.find(alt).descriptor().id()).isEqualTo(r.descriptor().id());
            }
        }
    }

    @Test
    void rulesAreListedInIdOrder() {
        List<String> ids = BuiltInRules.all().stream().map(r -> r.descriptor().id()).toList();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertThat(ids).isEqualTo(sorted);
    }

    @Test
    void everyRuleHasItsDocsPageAndASummaryWithoutTrailingPeriod() {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        for (RuleInfo r : MigrationAgent.rules()) {
            assertThat(repo.resolve(r.docPath())).as("docs page of %s", r.id()).isRegularFile();
            assertThat(r.summary()).as("summary of %s", r.id()).doesNotEndWith(".");
        }
    }

    @Test
    void docsIndexListsExactlyTheRegisteredRules() throws Exception {
        String index = Files.readString(Path.of("../docs/rules/README.md"));
        for (RuleInfo r : MigrationAgent.rules()) {
            assertThat(index).as("docs/rules/README.md mentions %s", r.id()).contains("(" + r.id() + ".md)");
        }
    }
}
