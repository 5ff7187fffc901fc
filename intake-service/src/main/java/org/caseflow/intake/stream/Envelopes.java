package org.caseflow.intake.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseflow.submission.domain.Flags;
import org.caseflow.submission.domain.Reason;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.VulnerabilityFlags;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
import org.caseflow.schemas.intake.RejectionReason;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.caseflow.schemas.intake.SubmissionRejected;

/** Builds intake's output envelopes. Event ids are derived from what they record, so a replay repeats them. */
final class Envelopes {

    static final String PRODUCER = "intake-service";
    private static final Actor INTAKE = Actor.newBuilder().setId(PRODUCER).setRole(Role.SYSTEM).build();

    private Envelopes() {
    }

    /**
     * CaseOpened: the actor is the station that recorded the encounter — a case opens only when the station's signature
     * was verified against its registered key, so this is a checked fact, not the submitter's claim (S5); caused by the submission.
     */
    static IntakeEventEnvelope caseOpened(SubmissionEnvelope submitted, String caseId, Flags flags, Instant now) {
        EncounterSubmission s = (EncounterSubmission) submitted.getPayload();
        CaseOpened opened = CaseOpened.newBuilder()
                .setCaseId(caseId).setSubmissionId(s.getSubmissionId()).setOfficeId(s.getOfficeId())
                .setPerson(s.getPerson()).setEncounter(s.getEncounter()).setFear(s.getFear())
                .setFlags(VulnerabilityFlags.newBuilder()
                        .setUnaccompaniedMinor(flags.unaccompaniedMinor()).setTrafficking(flags.trafficking())
                        .setMedical(flags.medical()).setPregnancy(flags.pregnancy()).setDisability(flags.disability()).build())
                .setLinkedCaseIds(List.of())
                .setSignature(s.getSignature())
                .build();
        Metadata metadata = Metadata.newBuilder()
                .setEventId(eventId("CaseOpened", caseId))
                .setCaseId(caseId)
                .setOccurredAt(s.getEncounter().getOccurredAt())
                .setRecordedAt(now)
                .setProducer(PRODUCER)
                .setActor(Actor.newBuilder().setId(s.getEncounter().getStationCode()).setRole(Role.FIELD_OFFICE).build())
                .setCausationId(s.getSubmissionId())
                .setCorrelationId(correlation(submitted))
                .build();
        return IntakeEventEnvelope.newBuilder().setMetadata(metadata).setPayload(opened).build();
    }

    static RejectionEnvelope rejection(SubmissionEnvelope submitted, String fingerprint, String station, List<Reason> reasons, Instant now) {
        EncounterSubmission s = (EncounterSubmission) submitted.getPayload();
        SubmissionRejected rejected = SubmissionRejected.newBuilder()
                .setSubmissionId(org.caseflow.vocabulary.Bounds.cut(s.getSubmissionId(), org.caseflow.vocabulary.Bounds.ID))
                .setStationCode(org.caseflow.vocabulary.Bounds.cut(station, org.caseflow.vocabulary.Bounds.ID))
                .setReasons(reasons.stream().map(r -> RejectionReason.newBuilder()
                        .setCode(r.code().name()).setField(r.field()).setMessage(r.message()).build()).toList())
                .build();
        Metadata metadata = Metadata.newBuilder()
                .setEventId(eventId("SubmissionRejected", s.getSubmissionId() + ":" + fingerprint))
                .setCaseId(null)
                .setOccurredAt(now)
                .setRecordedAt(now)
                .setProducer(PRODUCER)
                .setActor(INTAKE)
                .setCausationId(s.getSubmissionId())
                .setCorrelationId(correlation(submitted))
                .build();
        return RejectionEnvelope.newBuilder().setMetadata(metadata).setPayload(rejected).build();
    }

    private static String correlation(SubmissionEnvelope submitted) {
        String correlation = submitted.getMetadata().getCorrelationId();
        return correlation == null || correlation.isBlank() ? ((EncounterSubmission) submitted.getPayload()).getSubmissionId() : correlation;
    }

    private static String eventId(String type, String subject) {
        return UUID.nameUUIDFromBytes((type + ":" + subject).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
