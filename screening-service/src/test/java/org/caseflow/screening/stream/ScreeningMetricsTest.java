package org.caseflow.screening.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.caseflow.screening.domain.ScreeningOutcome;
import org.junit.jupiter.api.Test;

/** Decisions and conclusions exist at 0 for every outcome from the start; the wait for a decision is measured in days. */
class ScreeningMetricsTest {

    @Test
    void everyOutcomeExistsAtZeroAndWaitsOfDaysFitTheBuckets() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new ScreeningMetrics(meters);
        for (ScreeningOutcome outcome : ScreeningOutcome.values()) {
            assertThat(meters.get("caseflow.screening.decisions").tag("outcome", outcome.name()).counter().count()).isZero();
            assertThat(meters.get("caseflow.screening.concluded").tag("outcome", outcome.name()).tag("eligible_for_removal", "false").counter().count())
                    .isZero();
        }
        var prometheus = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        new ScreeningMetrics(prometheus).decision(ScreeningOutcome.NO_CREDIBLE_FEAR, Duration.ofDays(3));
        assertThat(org.caseflow.testsupport.HistogramBuckets.largestFinite(prometheus.scrape(), "caseflow_screening_intake_to_decision_seconds"))
                .isGreaterThan(Duration.ofDays(3).toSeconds());
    }
}
