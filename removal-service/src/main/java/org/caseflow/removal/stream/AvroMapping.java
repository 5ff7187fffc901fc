package org.caseflow.removal.stream;

import org.caseflow.removal.domain.AllocationEvent;
import org.caseflow.removal.domain.RemovalCase;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeAmended;
import org.caseflow.schemas.removal.RemovalBlocked;
import org.caseflow.schemas.removal.RemovalCancelled;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.removal.Safeguard;
import org.caseflow.schemas.removal.StayReason;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;

/** Avro records in, domain facts out; domain events in, Avro payloads out. The domain never sees Avro. */
final class AvroMapping {

    private AvroMapping() {
    }

    static RemovalCase.Intake intake(CaseOpened o, Metadata metadata) {
        var person = o.getPerson();
        return new RemovalCase.Intake(person.getNationality(), person.getLawfulResidenceCountries(), o.getFear().getFearedCountries(),
                o.getEncounter().getGroupId(), o.getFlags().getUnaccompaniedMinor(), o.getFlags().getTrafficking(), metadata.getRecordedAt());
    }

    /** Intake's correction: new flags, and feared countries when it names them. */
    static RemovalCase.Intake amended(RemovalCase.Intake i, IntakeAmended a) {
        return new RemovalCase.Intake(i.nationality(), i.lawfulResidenceCountries(),
                a.getFear() == null ? i.fearedCountries() : a.getFear().getFearedCountries(), i.familyGroupId(),
                a.getFlags().getUnaccompaniedMinor(), a.getFlags().getTrafficking(), i.openedAt());
    }

    /** The decision as screening recorded it; the time is when it was made (metadata), not when removal heard of it. */
    static RemovalCase.Decision decision(ScreeningDecided d, Metadata metadata) {
        var cert = d.getCertification();
        return new RemovalCase.Decision(d.getOfficerId(), cert == null ? null : cert.getCertificationId(),
                cert == null ? null : cert.getValidFrom(), cert == null ? null : cert.getValidUntil(), d.getOutcome().name(),
                metadata.getOccurredAt(), d.getReviewWindow() == null ? null : d.getReviewWindow().getClosesAt());
    }

    static RemovalCase.Concluded concluded(ScreeningConcluded s, Metadata metadata) {
        return new RemovalCase.Concluded(s.getOutcome().name(), s.getEligibleForRemoval(), metadata.getOccurredAt(),
                s.getReviewWindowClosedAt(), s.getReviewWaived());
    }

    /** The payload for case.removal.events of what allocation decided; null for a flight change (published as the flight's state). */
    static Object payload(AllocationEvent e, String destination) {
        return switch (e) {
            case AllocationEvent.Scheduled s -> RemovalScheduled.newBuilder().setCaseId(s.caseId()).setFlightId(s.flightId()).setSeat(s.seat())
                    .setDestination(destination).setDepartureAt(s.departureAt()).build();
            case AllocationEvent.Requeued r -> RemovalEligible.newBuilder().setCaseId(r.caseId()).setDestination(destination)
                    .setFamilyGroupId(r.familyGroupId()).setNotBefore(r.notBefore()).build();
            case AllocationEvent.Stayed s -> RemovalStayed.newBuilder().setCaseId(s.caseId()).setReason(stayReason(s.reason()))
                    .setFlightId(s.flightId()).setSeat(s.seat()).build();
            case AllocationEvent.Cancelled c -> RemovalCancelled.newBuilder().setCaseId(c.caseId()).setReason(c.reason()).setFlightId(c.flightId()).build();
            case AllocationEvent.Executed x -> RemovalExecuted.newBuilder().setCaseId(x.caseId()).setFlightId(x.flightId()).setDepartedAt(x.departedAt()).build();
            case AllocationEvent.Blocked b -> blocked(b.caseId(), b.safeguard(), b.reason());
            case AllocationEvent.FlightChanged f -> null;
        };
    }

    static RemovalBlocked blocked(String caseId, org.caseflow.vocabulary.Safeguard safeguard, String reason) {
        return RemovalBlocked.newBuilder().setCaseId(caseId).setSafeguard(Safeguard.valueOf(safeguard.name())).setReason(reason).build();
    }

    static String caseOf(AllocationEvent e) {
        return switch (e) {
            case AllocationEvent.Scheduled s -> s.caseId();
            case AllocationEvent.Requeued r -> r.caseId();
            case AllocationEvent.Stayed s -> s.caseId();
            case AllocationEvent.Cancelled c -> c.caseId();
            case AllocationEvent.Executed x -> x.caseId();
            case AllocationEvent.Blocked b -> b.caseId();
            case AllocationEvent.FlightChanged f -> null;
        };
    }

    /** A stay's reason as the schema names it; a withdrawal for another cause is OTHER. */
    static StayReason stayReason(String reason) {
        try {
            return StayReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException e) {
            return StayReason.OTHER;
        }
    }
}
