package org.caseflow.screening.stream;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.caseflow.screening.domain.ScreeningOutcome;
import org.caseflow.screening.domain.Status;

/**
 * Screening's domain metrics. The backlog gauge sums the counts each stream task reports for its own cases. Every
 * counter exists at 0 for every outcome from the start, so {@code increase()} counts each series' first event.
 */
public final class ScreeningMetrics {

    private final MeterRegistry meters;
    private final Map<String, Map<Status, Long>> backlogByTask = new ConcurrentHashMap<>();

    public ScreeningMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (Status status : Status.values()) {
            Gauge.builder("caseflow.screening.backlog", () -> backlog(status)).description("Cases in screening, by status")
                    .tag("status", status.name()).register(meters);
        }
        for (ScreeningOutcome outcome : ScreeningOutcome.values()) {
            decisions(outcome);
            for (boolean eligible : new boolean[] {true, false}) {
                concludedCounter(outcome, eligible);
            }
        }
        reviewRequests();
        protectionReferrals();
        intakeToDecision();
    }

    private Counter decisions(ScreeningOutcome outcome) {
        return Counter.builder("caseflow.screening.decisions").description("Screening decisions, by outcome")
                .tag("outcome", outcome.name()).register(meters);
    }

    private Counter concludedCounter(ScreeningOutcome outcome, boolean eligible) {
        return Counter.builder("caseflow.screening.concluded").description("Cases whose screening ended, by final outcome")
                .tag("outcome", outcome.name()).tag("eligible_for_removal", String.valueOf(eligible)).register(meters);
    }

    private Counter reviewRequests() {
        return Counter.builder("caseflow.screening.review.requests").description("Review requests recorded").register(meters);
    }

    private Counter protectionReferrals() {
        return Counter.builder("caseflow.screening.protection.referrals").description("Cases referred to protection (S2)").register(meters);
    }

    /** A case waits hours to days for its decision: buckets from a second up to thirty days. */
    private Timer intakeToDecision() {
        return Timer.builder("caseflow.screening.intake.to.decision").description("From CaseOpened to the screening decision")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofDays(30))
                .register(meters);
    }

    void backlog(String task, Map<Status, Long> counts) {
        backlogByTask.put(task, new EnumMap<>(counts));
    }

    void forgetTask(String task) {
        backlogByTask.remove(task);
    }

    long backlog(Status status) {
        return backlogByTask.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
    }

    void decision(ScreeningOutcome outcome, Duration sinceIntake) {
        decisions(outcome).increment();
        intakeToDecision().record(sinceIntake.isNegative() ? Duration.ZERO : sinceIntake);
    }

    void reviewRequested() {
        reviewRequests().increment();
    }

    void protectionReferral() {
        protectionReferrals().increment();
    }

    void concluded(ScreeningOutcome outcome, boolean eligible) {
        concludedCounter(outcome, eligible).increment();
    }

    void refused(String rule) {
        Counter.builder("caseflow.screening.commands.refused").description("Officer commands refused, by rule")
                .tag("rule", rule).register(meters).increment();
    }
}
