package org.caseflow.screening.stream;

import java.time.Instant;

import org.caseflow.schemas.common.CertificationRef;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.screening.AssignCase;
import org.caseflow.schemas.screening.DecideReview;
import org.caseflow.schemas.screening.DecideScreening;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.OfficerRegistered;
import org.caseflow.schemas.screening.ProtectionReason;
import org.caseflow.schemas.screening.RecordInterview;
import org.caseflow.schemas.screening.RequestReview;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ScreeningCommandEnvelope;
import org.caseflow.schemas.screening.WaiveReview;
import org.caseflow.screening.domain.Actor;
import org.caseflow.screening.domain.Certification;
import org.caseflow.screening.domain.Command;
import org.caseflow.screening.domain.Event;
import org.caseflow.screening.domain.IntakeFacts;
import org.caseflow.screening.domain.Officer;
import org.caseflow.screening.domain.ScreeningCase;

/** Translation between the Avro contracts and the screening domain. */
public final class AvroMapping {

    private AvroMapping() {
    }

    static IntakeFacts facts(CaseOpened opened, Instant openedAt) {
        var person = opened.getPerson();
        return new IntakeFacts(opened.getEncounter().getStationCode(), person.getNationality(), person.getLawfulResidenceCountries(),
                person.getLanguages(), opened.getFear().getFearedCountries(), opened.getEncounter().getGroupId(),
                opened.getFlags().getUnaccompaniedMinor(), opened.getFlags().getTrafficking(), openedAt);
    }

    static IntakeFacts amended(IntakeFacts facts, org.caseflow.schemas.common.VulnerabilityFlags flags) {
        return new IntakeFacts(facts.stationCode(), facts.nationality(), facts.lawfulResidenceCountries(), facts.languages(),
                facts.fearedCountries(), facts.familyGroupId(), flags.getUnaccompaniedMinor(), flags.getTrafficking(), facts.openedAt());
    }

    public static Actor actor(org.caseflow.schemas.common.Actor actor) {
        Actor.Role role = switch (actor.getRole()) {
            case SCREENING_OFFICER -> Actor.Role.SCREENING_OFFICER;
            case SUPERVISOR -> Actor.Role.SUPERVISOR;
            case SYSTEM -> Actor.Role.SYSTEM;
            default -> Actor.Role.OTHER;
        };
        return new Actor(actor.getId(), role);
    }

    static org.caseflow.schemas.common.Actor avroActor(Actor actor) {
        Role role = switch (actor.role()) {
            case SCREENING_OFFICER -> Role.SCREENING_OFFICER;
            case SUPERVISOR -> Role.SUPERVISOR;
            case SYSTEM, OTHER -> Role.SYSTEM;
        };
        return org.caseflow.schemas.common.Actor.newBuilder().setId(actor.id()).setRole(role).build();
    }

    static Command command(ScreeningCommandEnvelope envelope) {
        String id = envelope.getMetadata().getEventId();
        Actor actor = actor(envelope.getMetadata().getActor());
        return switch (envelope.getPayload()) {
            case AssignCase a -> new Command.Assign(id, actor, a.getOfficerId());
            case RecordInterview i -> new Command.RecordInterview(id, actor, i.getLanguage(), i.getInterpreterUsed(), i.getFearArticulated(),
                    i.getFearedCountries());
            case DecideScreening d -> new Command.Decide(id, actor, org.caseflow.screening.domain.ScreeningOutcome.valueOf(d.getOutcome().name()), d.getRationale());
            case RequestReview r -> new Command.RequestReview(id, actor, r.getReason());
            case DecideReview r -> new Command.DecideReview(id, actor, r.getResult() == ReviewResult.UPHELD, r.getRationale());
            case WaiveReview w -> new Command.WaiveReview(id, actor, w.getReason());
            default -> throw new IllegalArgumentException("unknown screening command " + envelope.getPayload().getClass().getSimpleName());
        };
    }

    public static Officer officer(OfficerEnvelope envelope) {
        OfficerRegistered o = (OfficerRegistered) envelope.getPayload();
        CertificationRef c = o.getCertification();
        return new Officer(o.getOfficerId(), o.getName(), o.getLanguages(),
                c == null ? null : new Certification(c.getCertificationId(), c.getValidFrom(), c.getValidUntil()));
    }

    static CertificationRef certification(Certification c) {
        return c == null ? null : CertificationRef.newBuilder()
                .setCertificationId(c.certificationId()).setValidFrom(c.validFrom()).setValidUntil(c.validUntil()).build();
    }

    /** The Avro payload of a domain event; {@code after} is the case state once the event is applied. */
    static Object payload(String caseId, Event event, ScreeningCase after) {
        return switch (event) {
            case Event.Queued q -> org.caseflow.schemas.screening.ScreeningQueued.newBuilder()
                    .setCaseId(caseId).setStationCode(q.facts().stationCode()).setLanguages(q.facts().languages()).build();
            case Event.Assigned a -> org.caseflow.schemas.screening.OfficerAssigned.newBuilder()
                    .setCaseId(caseId).setOfficerId(a.officerId()).build();
            case Event.InterviewRecorded i -> org.caseflow.schemas.screening.InterviewRecorded.newBuilder()
                    .setCaseId(caseId).setOfficerId(i.actor().id()).setLanguage(i.language()).setInterpreterUsed(i.interpreterUsed())
                    .setFearArticulated(i.fearArticulated()).setFearedCountries(i.fearedCountries()).build();
            case Event.Decided d -> org.caseflow.schemas.screening.ScreeningDecided.newBuilder()
                    .setCaseId(caseId).setOfficerId(d.actor().id()).setCertification(certification(d.certification()))
                    .setOutcome(ScreeningOutcome.valueOf(d.outcome().name())).setRationale(d.rationale())
                    .setReviewWindow(d.window() == null ? null : org.caseflow.schemas.common.ReviewWindow.newBuilder()
                            .setOpensAt(d.window().opensAt()).setClosesAt(d.window().closesAt()).build())
                    .build();
            case Event.ReviewRequested r -> org.caseflow.schemas.screening.ReviewRequested.newBuilder()
                    .setCaseId(caseId).setReason(r.reason()).build();
            case Event.ReviewDecided r -> org.caseflow.schemas.screening.ReviewDecided.newBuilder()
                    .setCaseId(caseId).setSupervisorId(r.actor().id()).setResult(r.upheld() ? ReviewResult.UPHELD : ReviewResult.OVERTURNED)
                    .setRationale(r.rationale()).build();
            case Event.ReviewWaived w -> org.caseflow.schemas.screening.ReviewWaived.newBuilder()
                    .setCaseId(caseId).setReason(w.reason()).build();
            case Event.ProtectionReferred p -> org.caseflow.schemas.screening.ProtectionReferred.newBuilder()
                    .setCaseId(caseId).setReasons(p.reasons().stream().map(r -> ProtectionReason.valueOf(r.name())).toList()).build();
            case Event.Concluded c -> concluded(caseId, c, after);
        };
    }

    private static org.caseflow.schemas.screening.ScreeningConcluded concluded(String caseId, Event.Concluded c, ScreeningCase after) {
        var decision = after.decision();
        Instant windowClosedAt = null;
        if (after.window() != null && !after.reviewWaived()) {
            // closed by time at its end; ended early by a review decision at that moment
            windowClosedAt = c.actor().role() == Actor.Role.SYSTEM ? after.window().closesAt() : c.at();
        }
        return org.caseflow.schemas.screening.ScreeningConcluded.newBuilder()
                .setCaseId(caseId)
                .setOutcome(ScreeningOutcome.valueOf(c.outcome().name()))
                .setEligibleForRemoval(c.eligibleForRemoval())
                .setDecidedBy(decision == null ? null : decision.officerId())
                .setCertification(decision == null ? null : certification(decision.certification()))
                .setReviewWindowClosedAt(windowClosedAt)
                .setReviewWaived(after.reviewWaived())
                .setDestinationCandidates(after.destinationCandidates())
                .setFearedCountries(after.fearedCountries())
                .setFamilyGroupId(after.facts() == null ? null : after.facts().familyGroupId())
                .build();
    }

}
