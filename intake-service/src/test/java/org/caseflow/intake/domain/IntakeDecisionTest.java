package org.caseflow.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseflow.submission.domain.IntakeSettings;
import org.caseflow.submission.domain.Reason;
import org.caseflow.submission.domain.ReasonCode;
import org.caseflow.submission.domain.Submission;
import org.junit.jupiter.api.Test;

class IntakeDecisionTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    static final IntakeSettings POLICY = new IntakeSettings(Set.of("LAJAS_BLANCAS"), Duration.ofDays(30), Duration.ofMinutes(5));

    static Submission valid() {
        return new Submission("sub-1", "field-office",
                new Submission.Person("Ana", "Prueba", LocalDate.of(1994, 3, 2), null, "VEN", List.of(), List.of()),
                new Submission.Encounter("LAJAS_BLANCAS", NOW.minus(2, ChronoUnit.HOURS), 8.3, -77.6, null, 0),
                new Submission.Indicators(false, false, false, false), false, List.of());
    }

    @Test
    void decisionsFollowWhatIsKnownAboutTheId() {
        var open = (IntakeDecision.Open) IntakeDecision.decide(valid(), "fp-1", null, true, java.util.Optional.empty(), POLICY, NOW, NOW);
        assertThat(open.status().state()).isEqualTo(SubmissionStatus.State.ACCEPTED);
        assertThat(IntakeDecision.decide(valid(), "fp-1", open.status(), true, java.util.Optional.empty(), POLICY, NOW, NOW)).isInstanceOf(IntakeDecision.Repeat.class);
        assertThat(IntakeDecision.decide(valid(), "fp-2", open.status(), true, java.util.Optional.empty(), POLICY, NOW, NOW))
                .isInstanceOfSatisfying(IntakeDecision.Conflict.class, c -> assertThat(c.reason().code()).isEqualTo(ReasonCode.SUBMISSION_ID_REUSED));
        assertThat(IntakeDecision.decide(valid(), "fp-1", null, false, java.util.Optional.empty(), POLICY, NOW, NOW))
                .isInstanceOfSatisfying(IntakeDecision.Reject.class, r -> assertThat(r.reasons()).extracting(Reason::code).containsExactly(ReasonCode.NOT_A_FIELD_OFFICE));
        assertThat(IntakeDecision.keyMismatch("other", valid())).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ReasonCode.KEY_NOT_SUBMISSION_ID));
        assertThat(IntakeDecision.keyMismatch("sub-1", valid())).isEmpty();
    }

    @Test
    void caseIdsAreTimeOrderedUuidV7AndStableForTheSameSubmission() {
        String first = CaseIds.forSubmission("sub-1", NOW);
        assertThat(CaseIds.forSubmission("sub-1", NOW)).isEqualTo(first);
        assertThat(UUID.fromString(first).version()).isEqualTo(7);
        assertThat(UUID.fromString(first).variant()).isEqualTo(2);
        String later = CaseIds.forSubmission("sub-0", NOW.plusMillis(1));
        assertThat(later).isGreaterThan(first);
        assertThat(CaseIds.forSubmission("sub-2", NOW)).isNotEqualTo(first);
    }
}
