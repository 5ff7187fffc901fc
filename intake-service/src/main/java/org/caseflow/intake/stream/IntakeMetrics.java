package org.caseflow.intake.stream;

import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Intake's domain metrics. Station tags only carry configured station codes ("other" otherwise), so a
 * client cannot blow up the number of series. Every counter exists at 0 for every known station, outcome and
 * reason from the start: Prometheus' {@code increase()} then counts the first event of each series too.
 */
public final class IntakeMetrics {

    private final MeterRegistry meters;
    private final Set<String> stations;

    public IntakeMetrics(MeterRegistry meters, Set<String> stations) {
        this.meters = meters;
        this.stations = Set.copyOf(stations);
        java.util.List<String> tags = new java.util.ArrayList<>(stations);
        tags.add("other");
        for (String station : tags) {
            for (String outcome : OUTCOMES) {
                submissions(station, outcome);
            }
            for (org.caseflow.submission.domain.ReasonCode reason : org.caseflow.submission.domain.ReasonCode.values()) {
                rejections(station, reason.name());
            }
        }
        submissionToCase();
    }

    static final java.util.List<String> OUTCOMES = java.util.List.of("accepted", "rejected", "repeat", "conflict");

    private Counter submissions(String station, String outcome) {
        return Counter.builder("caseflow.intake.submissions").description("Submissions processed, by station and outcome")
                .tag("station", station).tag("outcome", outcome).register(meters);
    }

    private Counter rejections(String station, String reason) {
        return Counter.builder("caseflow.intake.rejections").description("Reasons for refused submissions, by station and reason code")
                .tag("station", station).tag("reason", reason).register(meters);
    }

    /** Seconds: a submission becomes a case within a second or two; buckets up to ten minutes catch a backlog. */
    private Timer submissionToCase() {
        return Timer.builder("caseflow.intake.submission.to.case").description("From a submission's record time to its CaseOpened")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
    }

    /** outcome: accepted, rejected, repeat, conflict. */
    void submission(String station, String outcome) {
        submissions(station(station), outcome).increment();
    }

    void rejection(String station, String reason) {
        rejections(station(station), reason).increment();
    }

    void caseOpened(Duration sinceSubmission) {
        submissionToCase().record(sinceSubmission.isNegative() ? Duration.ZERO : sinceSubmission);
    }

    private String station(String code) {
        return code != null && stations.contains(code) ? code : "other";
    }
}
