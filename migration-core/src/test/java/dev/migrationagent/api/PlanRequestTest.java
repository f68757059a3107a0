package dev.migrationagent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlanRequestTest {

    @Test
    void parsesPausesWithTheirUnit() {
        assertThat(PlanRequest.parsePause("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(PlanRequest.parsePause(" 2s ")).isEqualTo(Duration.ofSeconds(2));
        assertThat(PlanRequest.parsePause("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(PlanRequest.parsePause("0")).isEqualTo(Duration.ZERO);
        assertThat(PlanRequest.parsePause("0s")).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsPausesWithoutAUnitOrInAnotherFormatNamingBatchPause() {
        for (String bad : new String[] {"100", "PT0.1S", "1.5s", "-1s", "2h", "", "fast"}) {
            assertThatThrownBy(() -> PlanRequest.parsePause(bad)).as(bad)
                    .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("batchPause");
                        assertThat(e.value()).isEqualTo(bad);
                        assertThat(e.getMessage()).contains("100ms");
                    });
        }
        assertThatThrownBy(() -> PlanRequest.parsePause(null)).isInstanceOf(InvalidConfigurationException.class);
    }
}
