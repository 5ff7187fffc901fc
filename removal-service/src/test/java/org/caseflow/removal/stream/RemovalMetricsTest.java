package org.caseflow.removal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.caseflow.testsupport.HistogramBuckets;
import org.caseflow.vocabulary.Safeguard;
import org.junit.jupiter.api.Test;

/** What a dashboard needs from the first scrape: every series at 0, and buckets that fit waits of days. */
class RemovalMetricsTest {

    @Test
    void everyBlockAndOutcomeSeriesExistsAtZeroBeforeTheFirstEvent() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new RemovalMetrics(meters);
        for (Safeguard s : Safeguard.values()) {
            assertThat(meters.get("caseflow.removal.blocks").tag("safeguard", s.name()).counter().count()).isZero();
        }
        assertThat(meters.get("caseflow.removal.outcomes").tag("event", "RemovalExecuted").counter().count()).isZero();
    }

    @Test
    void decisionToScheduledHasBucketsBeyondTheReviewWindow() {
        var prometheus = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        new RemovalMetrics(prometheus).scheduled(Duration.ofHours(80));
        String scrape = prometheus.scrape();
        // the 80 h wait (review window and the next flight) is resolvable: buckets reach well beyond it
        assertThat(HistogramBuckets.largestFinite(scrape, "caseflow_removal_decision_to_scheduled_seconds")).isGreaterThan(Duration.ofHours(80).toSeconds());
        // and a safeguard never yet invoked is scraped as 0, so increase() will count its first block
        assertThat(scrape).contains("caseflow_removal_blocks_total{safeguard=\"S4_REVIEW_WINDOW\"} 0");
    }
}
