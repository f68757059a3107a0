package dev.migrationagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrationagent.api.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

/** The option mapping works without the analysis engine, so it is tested on its own. */
class ErrorHandlerTest {
    @Test
    void mapsCoreKeysToOptionNames() {
        var ex = new InvalidConfigurationException("statsFile", "s.json", "not a statistics file");

        assertThat(ErrorHandler.describe(ex, new AnalyzeCommand())).isEqualTo("--stats s.json: not a statistics file");
    }

    @Test
    void keepsTheCoreMessageForKeysWithoutAnOption() {
        var ex = new InvalidConfigurationException("rules", "x", "unknown rule id");

        assertThat(ErrorHandler.describe(ex, new AnalyzeCommand())).isEqualTo("rules=x: unknown rule id");
        assertThat(ErrorHandler.describe(ex, new Object())).isEqualTo("rules=x: unknown rule id");
    }
}
