package dev.migrationagent.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrationagent.lock.LockEstimator;
import dev.migrationagent.lock.Rates;
import dev.migrationagent.lock.Work;
import dev.migrationagent.schema.TableSize;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Rates timed on a real (embedded) server: measured, bounded, and leaving nothing behind. */
class CalibrationTest {
    private static final int MAJOR = 16;

    @Test
    void measuresEveryKindOfWorkOnTheShadowWithinBoundsOfThePriors() throws Exception {
        assumeTrue(EmbeddedShadowProvider.shared().available(MAJOR), "embedded PostgreSQL cannot start here");
        Rates rates;
        String name;
        try (ShadowDatabase db = EmbeddedShadowProvider.shared().create(MAJOR); Connection c = db.connect()) {
            name = db.name();
            rates = Calibration.measure(c);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_indexes WHERE tablename = 'ma_calibration' AND indexname = 'ma_i'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("each timed statement was rolled back").isZero();
            }
        }
        assertThat(rates.calibrated()).isTrue();
        Rates p = Rates.PRIORS;
        assertThat(rates.scanBytesPerSecond()).isBetween(p.scanBytesPerSecond() / 4, p.scanBytesPerSecond() * 4);
        assertThat(rates.indexRowsPerSecond()).isBetween(p.indexRowsPerSecond() / 4, p.indexRowsPerSecond() * 4);
        assertThat(rates.rewriteBytesPerSecond()).isBetween(p.rewriteBytesPerSecond() / 4,
                p.rewriteBytesPerSecond() * 4);
        assertThat(EmbeddedShadowProvider.shared().scratchDatabases()).doesNotContain(name);
        TableSize big = new TableSize(TableSize.Kind.LARGE, 10_000_000, -1);
        assertThat(LockEstimator.seconds(Work.INDEX_BUILD, big, rates)).isPositive();
    }

    @Test
    void measuredRatesAreClampedToAFactorOfFourOfThePriors() {
        Rates r = Rates.measured(1, 1e12, Double.NaN, 150e6, 0);
        assertThat(r.scanBytesPerSecond()).isEqualTo(Rates.PRIORS.scanBytesPerSecond() / 4);
        assertThat(r.validateRowsPerSecond()).isEqualTo(Rates.PRIORS.validateRowsPerSecond() * 4);
        assertThat(r.indexRowsPerSecond()).isEqualTo(Rates.PRIORS.indexRowsPerSecond());
        assertThat(r.rewriteBytesPerSecond()).isEqualTo(150e6);
        assertThat(r.rowChangeRowsPerSecond()).isEqualTo(Rates.PRIORS.rowChangeRowsPerSecond());
        assertThat(r.calibrated()).isTrue();
    }
}
