package org.caseflow.intake.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.caseflow.submission.domain.ReasonCode;
import org.junit.jupiter.api.Test;

/** Every rejection reason and outcome of every station is a series at 0 from the start, so the first event is counted. */
class IntakeMetricsTest {

    @Test
    void everyStationOutcomeAndReasonExistsAtZero() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IntakeMetrics metrics = new IntakeMetrics(meters, Set.of("LAJAS_BLANCAS"));
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(meters.get("caseflow.intake.rejections").tag("station", "LAJAS_BLANCAS").tag("reason", reason.name()).counter().count()).isZero();
        }
        assertThat(meters.get("caseflow.intake.submissions").tag("station", "other").tag("outcome", "accepted").counter().count()).isZero();
        metrics.rejection("NOWHERE", ReasonCode.values()[0].name());
        assertThat(meters.get("caseflow.intake.rejections").tag("station", "other").tag("reason", ReasonCode.values()[0].name()).counter().count())
                .isEqualTo(1);
    }
}
