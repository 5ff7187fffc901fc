package org.caseflow.removal.stream;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.removal.domain.RemovalCase;
import org.caseflow.removal.domain.RemovalCase.Stage;
import org.caseflow.removal.domain.RemovalPolicy;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeAmended;
import org.caseflow.schemas.removal.CancelFlight;
import org.caseflow.schemas.removal.PlanFlight;
import org.caseflow.schemas.removal.RecordDeparture;
import org.caseflow.schemas.removal.RecordStay;
import org.caseflow.schemas.removal.RemovalBlocked;
import org.caseflow.schemas.removal.RemovalCancelled;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.removal.StayReason;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.ProtectionReferred;
import org.caseflow.schemas.screening.ReviewDecided;
import org.caseflow.schemas.screening.ReviewRequested;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ReviewWaived;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case step, keyed by caseId (flight commands by flightId): gathers what intake and screening
 * recorded, checks S1–S4 itself when screening concludes, and hands eligible cases, stays and
 * cancellations to allocation. Flight commands are routed to their destination's allocation task.
 */
final class RemovalCaseProcessor implements Processor<String, CaseInput, String, CaseOutput> {

    private static final Logger log = LoggerFactory.getLogger(RemovalCaseProcessor.class);

    private final RemovalMetrics metrics;
    private ProcessorContext<String, CaseOutput> context;
    private KeyValueStore<String, StoredCase> cases;
    private KeyValueStore<String, String> flightDestinations;

    RemovalCaseProcessor(RemovalMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CaseOutput> context) {
        this.context = context;
        this.cases = context.getStateStore(RemovalTopology.CASES_STORE);
        this.flightDestinations = context.getStateStore(RemovalTopology.FLIGHT_DESTINATIONS_STORE);
    }

    @Override
    public void process(Record<String, CaseInput> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        emitted = 0;
        switch (record.value()) {
            case CaseInput.FromIntake in -> onIntake(record.key(), in.envelope().getMetadata(), in.envelope().getPayload(), now);
            case CaseInput.FromScreening in -> onScreening(record.key(), in.envelope().getMetadata(), in.envelope().getPayload(), now);
            case CaseInput.FromCommand in -> onCommand(record.key(), in.envelope().getMetadata(), in.envelope().getPayload(), now);
            case CaseInput.FromRemoval in -> onOwnEvent(record.key(), in.envelope().getPayload());
        }
    }

    private void onIntake(String caseId, Metadata metadata, Object payload, Instant now) {
        StoredCase stored = load(caseId, metadata);
        RemovalCase c = stored.state();
        switch (payload) {
            case CaseOpened o -> {
                if (c.intake() == null) {
                    var person = o.getPerson();
                    c = c.withIntake(new RemovalCase.Intake(person.getNationality(), person.getLawfulResidenceCountries(), o.getFear().getFearedCountries(),
                            o.getEncounter().getGroupId(), o.getFlags().getUnaccompaniedMinor(), o.getFlags().getTrafficking(), metadata.getRecordedAt()));
                    if (c.concluded() != null && c.concluded().eligibleForRemoval() && c.stage() == Stage.NOT_ELIGIBLE) {
                        c = assess(c, trace(stored, metadata), now); // screening's conclusion came first: assess now that the facts are here
                    }
                }
            }
            case IntakeAmended a -> {
                if (c.intake() != null && a.getFlags() != null) {
                    var i = c.intake();
                    c = c.withIntake(new RemovalCase.Intake(i.nationality(), i.lawfulResidenceCountries(),
                            a.getFear() == null ? i.fearedCountries() : a.getFear().getFearedCountries(), i.familyGroupId(),
                            a.getFlags().getUnaccompaniedMinor(), a.getFlags().getTrafficking(), i.openedAt()));
                    if (a.getFlags().getUnaccompaniedMinor() || a.getFlags().getTrafficking()) {
                        c = withdraw(c, false, "S2_PROTECTION_FIRST", trace(stored, metadata), now);
                    }
                }
            }
            default -> { }
        }
        cases.put(caseId, new StoredCase(c, stored.correlationId()));
    }

    private void onScreening(String caseId, Metadata metadata, Object payload, Instant now) {
        StoredCase stored = load(caseId, metadata);
        RemovalCase c = stored.state();
        AllocationMessage.Trace trace = trace(stored, metadata);
        switch (payload) {
            case InterviewRecorded i -> c = c.withInterviewFeared(i.getFearedCountries());
            case ScreeningDecided d -> {
                var cert = d.getCertification();
                c = c.withDecision(new RemovalCase.Decision(d.getOfficerId(), cert == null ? null : cert.getCertificationId(),
                        cert == null ? null : cert.getValidFrom(), cert == null ? null : cert.getValidUntil(), d.getOutcome().name(),
                        metadata.getOccurredAt(), d.getReviewWindow() == null ? null : d.getReviewWindow().getClosesAt()));
            }
            case ReviewRequested r -> {
                c = c.withReviewRequested();
                if (c.stage() == Stage.IN_ALLOCATION) {
                    c = withdraw(c, true, StayReason.REVIEW_REQUESTED.name(), trace, now);
                }
            }
            case ReviewDecided r -> {
                c = c.withReviewDecided(r.getResult() == ReviewResult.UPHELD);
                if (r.getResult() == ReviewResult.OVERTURNED) {
                    c = withdraw(c, false, "DECISION_OVERTURNED", trace, now);
                }
            }
            case ReviewWaived w -> c = c.withReviewWaived();
            case ProtectionReferred p -> {
                c = c.withProtectionReferred();
                c = withdraw(c, false, "S2_PROTECTION_FIRST", trace, now);
            }
            case ScreeningConcluded s -> {
                c = c.withConcluded(new RemovalCase.Concluded(s.getOutcome().name(), s.getEligibleForRemoval(), metadata.getOccurredAt(),
                        s.getReviewWindowClosedAt(), s.getReviewWaived()));
                if (!s.getEligibleForRemoval()) {
                    c = withdraw(c, false, "NOT_ELIGIBLE_" + s.getOutcome().name(), trace, now);
                } else if (c.intake() == null) {
                    log.debug("case {}: screening concluded before its intake record arrived; assessed when it does", caseId);
                } else if (c.stage() == Stage.NOT_ELIGIBLE || c.stage() == Stage.BLOCKED) {
                    c = assess(c, trace, now);
                }
            }
            default -> { }
        }
        cases.put(caseId, new StoredCase(c, stored.correlationId()));
    }

    /** Screening says eligible; removal checks every safeguard itself before anything is scheduled. */
    private RemovalCase assess(RemovalCase c, AllocationMessage.Trace trace, Instant now) {
        return switch (RemovalPolicy.assess(c, now)) {
            case RemovalPolicy.Assessment.Eligible e -> {
                String family = c.intake().familyGroupId();
                emit(c.caseId(), RemovalEligible.newBuilder().setCaseId(c.caseId()).setDestination(e.destination())
                        .setFamilyGroupId(family).setNotBefore(e.notBefore()).build(), trace, now);
                context.forward(new Record<>(e.destination(), new CaseOutput(null, new AllocationMessage(AllocationMessage.Kind.REQUEST,
                        e.destination(), c.caseId(), e.notBefore(), family, now, c.decision().decidedAt(), null, null, null, null, null, null,
                        trace.causationId(), trace.correlationId(), trace.actorId(), trace.actorRole())), now.toEpochMilli()));
                log.debug("case {}: eligible for removal to {} from {}", c.caseId(), e.destination(), e.notBefore());
                yield c.at(Stage.IN_ALLOCATION, e.destination(), e.notBefore());
            }
            case RemovalPolicy.Assessment.Blocked b -> {
                metrics.blocked(b.safeguard());
                emit(c.caseId(), RemovalBlocked.newBuilder().setCaseId(c.caseId())
                        .setSafeguard(org.caseflow.schemas.removal.Safeguard.valueOf(b.safeguard().name())).setReason(b.reason()).build(), trace, now);
                log.warn("case {}: removal blocked by {}", c.caseId(), b.safeguard());
                yield c.at(Stage.BLOCKED);
            }
        };
    }

    /** Takes a case out of removal: through allocation if it is there (which frees any seat), else at once. */
    private RemovalCase withdraw(RemovalCase c, boolean stay, String reason, AllocationMessage.Trace trace, Instant now) {
        if (c.stage() == Stage.IN_ALLOCATION) {
            var kind = stay ? AllocationMessage.Kind.STAY : AllocationMessage.Kind.CANCEL;
            context.forward(new Record<>(c.destination(), new CaseOutput(null, AllocationMessage.forCase(kind, c.destination(), c.caseId(), reason, trace)),
                    now.toEpochMilli()));
            return c.at(stay ? Stage.STAYED : Stage.CANCELLED);
        }
        if (stay && c.stage() != Stage.EXECUTED && c.stage() != Stage.STAYED) {
            emit(c.caseId(), RemovalStayed.newBuilder().setCaseId(c.caseId()).setReason(stayReason(reason)).setFlightId(null).setSeat(null).build(), trace, now);
            return c.at(Stage.STAYED);
        }
        return c;
    }

    private void onCommand(String key, Metadata metadata, Object payload, Instant now) {
        AllocationMessage.Trace trace = new AllocationMessage.Trace(metadata.getEventId(), metadata.getCorrelationId(),
                metadata.getActor().getId(), metadata.getActor().getRole().name());
        switch (payload) {
            case RecordStay stay -> {
                StoredCase stored = cases.get(key);
                if (stored == null) {
                    log.warn("stay for unknown case {} ignored", key);
                    return;
                }
                RemovalCase c = withdraw(stored.state(), true, stay.getReason().name(), trace, now);
                cases.put(key, new StoredCase(c, stored.correlationId()));
            }
            case PlanFlight plan -> {
                if (flightDestinations.get(plan.getFlightId()) != null) {
                    return; // the flight id is taken: plans are not replaced
                }
                flightDestinations.put(plan.getFlightId(), plan.getDestination());
                forwardFlight(plan.getDestination(), new AllocationMessage(AllocationMessage.Kind.PLAN_FLIGHT, plan.getDestination(), null, null, null,
                        null, null, null, plan.getFlightId(), plan.getDepartureAt(), plan.getSeats(), plan.getCarrier(), null,
                        trace.causationId(), trace.correlationId(), trace.actorId(), trace.actorRole()), now);
            }
            case RecordDeparture departure -> {
                String destination = flightDestinations.get(departure.getFlightId());
                if (destination != null) {
                    forwardFlight(destination, new AllocationMessage(AllocationMessage.Kind.DEPART, destination, null, null, null, null, null, null,
                            departure.getFlightId(), null, null, null, departure.getDepartedAt(), trace.causationId(), trace.correlationId(),
                            trace.actorId(), trace.actorRole()), now);
                }
            }
            case CancelFlight cancel -> {
                String destination = flightDestinations.get(cancel.getFlightId());
                if (destination != null) {
                    forwardFlight(destination, new AllocationMessage(AllocationMessage.Kind.CANCEL_FLIGHT, destination, null, null, null, null, null,
                            cancel.getReason(), cancel.getFlightId(), null, null, null, null, trace.causationId(), trace.correlationId(),
                            trace.actorId(), trace.actorRole()), now);
                }
            }
            default -> log.warn("unknown removal command {} ignored", payload.getClass().getSimpleName());
        }
    }

    /** Allocation's outcomes, read back so the case view shows its booking and final stage. */
    private void onOwnEvent(String caseId, Object payload) {
        StoredCase stored = cases.get(caseId);
        if (stored == null) {
            return;
        }
        RemovalCase c = stored.state();
        switch (payload) {
            case RemovalScheduled s -> c = c.withBooking(new RemovalCase.Booking(s.getFlightId(), s.getSeat(), s.getDepartureAt()));
            case RemovalExecuted e -> c = c.at(Stage.EXECUTED);
            case RemovalEligible e -> c = c.withBooking(null);
            case RemovalStayed s -> c = c.withBooking(null).at(Stage.STAYED);
            case RemovalCancelled x -> c = c.withBooking(null).at(Stage.CANCELLED);
            default -> { }
        }
        cases.put(caseId, new StoredCase(c, stored.correlationId()));
    }

    private void forwardFlight(String destination, AllocationMessage message, Instant now) {
        context.forward(new Record<>(destination, new CaseOutput(null, message), now.toEpochMilli()));
    }

    /** Position of an event among those one input caused: part of its derived event id. */
    private int emitted;

    private void emit(String caseId, Object payload, AllocationMessage.Trace trace, Instant now) {
        metrics.outcome(payload.getClass().getSimpleName());
        context.forward(new Record<>(caseId, new CaseOutput(Envelopes.event(caseId, payload, emitted++, trace, now), null), now.toEpochMilli()));
    }

    private StoredCase load(String caseId, Metadata metadata) {
        StoredCase stored = cases.get(caseId);
        return stored != null ? stored : new StoredCase(RemovalCase.empty(caseId), metadata.getCorrelationId());
    }

    private static AllocationMessage.Trace trace(StoredCase stored, Metadata metadata) {
        return new AllocationMessage.Trace(metadata.getEventId(), stored.correlationId(), Envelopes.PRODUCER, "SYSTEM");
    }

    private static StayReason stayReason(String reason) {
        try {
            return StayReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return StayReason.OTHER;
        }
    }

}
