package org.caseflow.intake.stream;

import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Intake's domain metrics. Station tags only carry configured station codes ("other" otherwise), so a
 * client cannot blow up the number of series.
 */
public final class IntakeMetrics {

    private final MeterRegistry meters;
    private final Set<String> stations;

    public IntakeMetrics(MeterRegistry meters, Set<String> stations) {
        this.meters = meters;
        this.stations = Set.copyOf(stations);
    }

    /** outcome: accepted, rejected, repeat, conflict. */
    void submission(String station, String outcome) {
        Counter.builder("caseflow.intake.submissions").description("Submissions processed, by station and outcome")
                .tag("station", station(station)).tag("outcome", outcome).register(meters).increment();
    }

    void rejection(String station, String reason) {
        Counter.builder("caseflow.intake.rejections").description("Reasons for refused submissions, by station and reason code")
                .tag("station", station(station)).tag("reason", reason).register(meters).increment();
    }

    void caseOpened(Duration sinceSubmission) {
        Timer.builder("caseflow.intake.submission.to.case").description("From a submission's record time to its CaseOpened")
                .publishPercentileHistogram().register(meters).record(sinceSubmission.isNegative() ? Duration.ZERO : sinceSubmission);
    }

    private String station(String code) {
        return code != null && stations.contains(code) ? code : "other";
    }
}
