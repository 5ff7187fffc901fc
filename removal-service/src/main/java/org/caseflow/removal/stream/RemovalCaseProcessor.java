package org.caseflow.removal.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.removal.domain.Refusal;
import org.caseflow.removal.domain.RemovalCase;
import org.caseflow.removal.domain.RemovalCase.Stage;
import org.caseflow.removal.domain.RemovalPolicy;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeAmended;
import org.caseflow.schemas.removal.RecordStay;
import org.caseflow.schemas.removal.RemovalCancelled;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
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
 * The case step, keyed by caseId: gathers what intake and screening recorded, checks S1–S4 itself when screening
 * concludes, hands eligible cases, stays and cancellations to allocation, and decides stay commands (answering
 * each one, or leaving the answer to allocation when the case is there).
 */
final class RemovalCaseProcessor implements Processor<String, CaseInput, String, StepOutput> {

    private static final Logger log = LoggerFactory.getLogger(RemovalCaseProcessor.class);

    /**
     * Every payload type of the topics the case step reads, and what it does with it; a type missing here (a new event
     * type) fails {@code EveryInputTypeIsHandledTest}, so no one can add an event that removal silently ignores.
     */
    static final java.util.Map<Class<?>, String> READS = java.util.Map.ofEntries(
            java.util.Map.entry(CaseOpened.class, "nationality, residence, feared countries, family, protection flags"),
            java.util.Map.entry(IntakeAmended.class, "corrected flags and feared countries; a new protection flag withdraws the case (S2)"),
            java.util.Map.entry(org.caseflow.schemas.screening.ScreeningQueued.class, "not acted on: removal waits for a decision"),
            java.util.Map.entry(org.caseflow.schemas.screening.OfficerAssigned.class, "not acted on: removal waits for a decision"),
            java.util.Map.entry(InterviewRecorded.class, "countries named as feared in the interview (S3)"),
            java.util.Map.entry(ScreeningDecided.class, "the decision, the officer's certification and the review window (S1, S4)"),
            java.util.Map.entry(ReviewRequested.class, "holds the case: a stay if it is in allocation (S4)"),
            java.util.Map.entry(ReviewDecided.class, "upheld closes the window; overturned withdraws the case (S4)"),
            java.util.Map.entry(ReviewWaived.class, "the window no longer holds the case (S4)"),
            java.util.Map.entry(ProtectionReferred.class, "withdraws the case (S2)"),
            java.util.Map.entry(ScreeningConcluded.class, "eligible: removal's own check of S1-S4; otherwise withdrawn"),
            java.util.Map.entry(RecordStay.class, "an officer's stay, decided here or by allocation"),
            java.util.Map.entry(RemovalEligible.class, "read back: waiting for a seat again"),
            java.util.Map.entry(RemovalScheduled.class, "read back: the booking"),
            java.util.Map.entry(RemovalStayed.class, "read back: stayed, seat freed"),
            java.util.Map.entry(RemovalCancelled.class, "read back: cancelled, seat freed"),
            java.util.Map.entry(RemovalExecuted.class, "read back: executed, final"),
            java.util.Map.entry(org.caseflow.schemas.removal.RemovalBlocked.class, "not acted on: written by this step itself"));

    private final RemovalMetrics metrics;
    private ProcessorContext<String, StepOutput> context;
    private KeyValueStore<String, StoredCase> cases;
    private CommandIds commandIds;
    private Instant now;
    /** Position of an event among those one input caused: part of its derived event id. */
    private int emitted;

    RemovalCaseProcessor(RemovalMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, StepOutput> context) {
        this.context = context;
        this.cases = context.getStateStore(RemovalTopology.CASES_STORE);
        this.commandIds = new CommandIds(context);
    }

    @Override
    public void process(Record<String, CaseInput> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        emitted = 0;
        String caseId = record.key();
        switch (record.value()) {
            case CaseInput.FromIntake in -> onIntake(caseId, in.envelope().getMetadata(), in.envelope().getPayload());
            case CaseInput.FromScreening in -> onScreening(caseId, in.envelope().getMetadata(), in.envelope().getPayload());
            case CaseInput.FromCommand in -> onStay(caseId, in.envelope().getMetadata(), (RecordStay) in.envelope().getPayload());
            case CaseInput.FromRemoval in -> onOwnEvent(caseId, in.envelope().getPayload());
        }
    }

    private void onIntake(String caseId, Metadata metadata, Object payload) {
        StoredCase stored = load(caseId, metadata);
        RemovalCase c = stored.state();
        AllocationMessage.Trace trace = trace(stored, metadata);
        switch (payload) {
            case CaseOpened o -> {
                if (c.intake() == null) {
                    c = c.withIntake(AvroMapping.intake(o, metadata));
                    if (c.concluded() != null && c.concluded().eligibleForRemoval() && c.stage() == Stage.NOT_ELIGIBLE) {
                        c = assess(c, trace); // screening's conclusion came first: assess now that the facts are here
                    }
                }
            }
            case IntakeAmended a -> {
                if (c.intake() != null && a.getFlags() != null) {
                    c = c.withIntake(AvroMapping.amended(c.intake(), a));
                    if (a.getFlags().getUnaccompaniedMinor() || a.getFlags().getTrafficking()) {
                        c = withdraw(c, false, "S2_PROTECTION_FIRST", null, trace).state();
                    }
                }
            }
            default -> { }
        }
        cases.put(caseId, stored.with(c));
    }

    private void onScreening(String caseId, Metadata metadata, Object payload) {
        StoredCase stored = load(caseId, metadata);
        RemovalCase c = stored.state();
        AllocationMessage.Trace trace = trace(stored, metadata);
        switch (payload) {
            case InterviewRecorded i -> c = c.withInterviewFeared(i.getFearedCountries());
            case ScreeningDecided d -> c = c.withDecision(AvroMapping.decision(d, metadata));
            case ReviewRequested r -> {
                c = c.withReviewRequested();
                if (c.stage() == Stage.IN_ALLOCATION) {
                    c = withdraw(c, true, StayReason.REVIEW_REQUESTED.name(), null, trace).state();
                }
            }
            case ReviewDecided r -> {
                c = c.withReviewDecided(r.getResult() == ReviewResult.UPHELD);
                if (r.getResult() == ReviewResult.OVERTURNED) {
                    c = withdraw(c, false, "DECISION_OVERTURNED", null, trace).state();
                }
            }
            case ReviewWaived w -> c = c.withReviewWaived();
            case ProtectionReferred p -> c = withdraw(c.withProtectionReferred(), false, "S2_PROTECTION_FIRST", null, trace).state();
            case ScreeningConcluded s -> {
                c = c.withConcluded(AvroMapping.concluded(s, metadata));
                if (!s.getEligibleForRemoval()) {
                    c = withdraw(c, false, "NOT_ELIGIBLE_" + s.getOutcome().name(), null, trace).state();
                } else if (c.intake() == null) {
                    log.debug("case {}: screening concluded before its intake record arrived; assessed when it does", caseId);
                } else if (c.stage() == Stage.NOT_ELIGIBLE || c.stage() == Stage.BLOCKED) {
                    c = assess(c, trace);
                }
            }
            default -> { }
        }
        cases.put(caseId, stored.with(c));
    }

    /**
     * An officer's stay. Decided here unless the case is in allocation, which alone knows whether its flight has
     * already left: then allocation decides and answers.
     */
    private void onStay(String caseId, Metadata metadata, RecordStay stay) {
        String commandId = metadata.getEventId();
        if (!commandIds.firstDelivery(commandId)) {
            return;
        }
        AllocationMessage.Trace trace = commandTrace(metadata);
        StoredCase stored = cases.get(caseId);
        if (stored == null) {
            answer(commandId, caseId, Refusal.notFound("CASE_NOT_FOUND", "Case " + caseId + " is not known to removal."), List.of(), trace);
            return;
        }
        if (stored.state().stage() == Stage.EXECUTED) {
            answer(commandId, caseId, Refusal.conflict("ALREADY_EXECUTED", "The removal of case " + caseId + " was already carried out."),
                    List.of(), trace);
            return;
        }
        Withdrawal w = withdraw(stored.state(), true, stay.getReason().name(), commandId, trace);
        cases.put(caseId, stored.with(w.state()));
        if (!w.handedToAllocation()) {
            answer(commandId, caseId, null, w.events(), trace);
        }
    }

    /** Screening says eligible; removal checks every safeguard itself before anything is scheduled. */
    private RemovalCase assess(RemovalCase c, AllocationMessage.Trace trace) {
        return switch (RemovalPolicy.assess(c, now)) {
            case RemovalPolicy.Assessment.Eligible e -> {
                String family = c.intake().familyGroupId();
                emit(c.caseId(), RemovalEligible.newBuilder().setCaseId(c.caseId()).setDestination(e.destination())
                        .setFamilyGroupId(family).setNotBefore(e.notBefore()).build(), trace);
                toAllocation(e.destination(), new AllocationMessage.Request(c.caseId(), e.notBefore(), family, now, c.decision().decidedAt(), trace));
                log.debug("case {}: eligible for removal to {} from {}", c.caseId(), e.destination(), e.notBefore());
                yield c.inStage(Stage.IN_ALLOCATION, e.destination(), e.notBefore());
            }
            case RemovalPolicy.Assessment.Blocked b -> {
                metrics.blocked(b.safeguard());
                emit(c.caseId(), AvroMapping.blocked(c.caseId(), b.safeguard(), b.reason()), trace);
                log.warn("case {}: removal blocked by {}", c.caseId(), b.safeguard());
                yield c.inStage(Stage.BLOCKED);
            }
        };
    }

    /** A case taken out of removal, the events that says so here, and whether allocation was asked to do it. */
    private record Withdrawal(RemovalCase state, List<RemovalEventEnvelope> events, boolean handedToAllocation) {
    }

    /** Takes a case out of removal: through allocation if it is there (which frees any seat), else at once. */
    private Withdrawal withdraw(RemovalCase c, boolean stay, String reason, String commandId, AllocationMessage.Trace trace) {
        if (c.stage() == Stage.IN_ALLOCATION) {
            toAllocation(c.destination(), new AllocationMessage.Withdraw(c.caseId(), stay, reason, commandId, trace));
            return new Withdrawal(c.inStage(stay ? Stage.STAYED : Stage.CANCELLED), List.of(), true);
        }
        if (stay && c.stage() != Stage.EXECUTED && c.stage() != Stage.STAYED) {
            RemovalEventEnvelope stayed = emit(c.caseId(), RemovalStayed.newBuilder().setCaseId(c.caseId()).setReason(AvroMapping.stayReason(reason))
                    .setFlightId(null).setSeat(null).build(), trace);
            return new Withdrawal(c.inStage(Stage.STAYED), List.of(stayed), false);
        }
        return new Withdrawal(c, List.of(), false);
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
            case RemovalExecuted e -> c = c.inStage(Stage.EXECUTED);
            case RemovalEligible e -> c = c.withBooking(null);
            case RemovalStayed s -> c = c.withBooking(null).inStage(Stage.STAYED);
            case RemovalCancelled x -> c = c.withBooking(null).inStage(Stage.CANCELLED);
            default -> { }
        }
        cases.put(caseId, stored.with(c));
    }

    private void toAllocation(String destination, AllocationMessage message) {
        context.forward(new Record<>(destination, new StepOutput.ToAllocation(message), now.toEpochMilli()));
    }

    private RemovalEventEnvelope emit(String caseId, Object payload, AllocationMessage.Trace trace) {
        metrics.outcome(payload.getClass().getSimpleName());
        RemovalEventEnvelope event = Envelopes.event(caseId, payload, emitted++, trace, now);
        context.forward(new Record<>(caseId, new StepOutput.Event(event), now.toEpochMilli()));
        return event;
    }

    private void answer(String commandId, String caseId, Refusal refused, List<RemovalEventEnvelope> events, AllocationMessage.Trace trace) {
        if (refused != null) {
            metrics.refused(refused.rule());
        }
        context.forward(new Record<>(commandId, new StepOutput.Answer(Envelopes.answer(commandId, caseId, null, refused, events, trace, now)),
                now.toEpochMilli()));
    }

    private StoredCase load(String caseId, Metadata metadata) {
        StoredCase stored = cases.get(caseId);
        return stored != null ? stored : new StoredCase(RemovalCase.empty(caseId), metadata.getCorrelationId());
    }

    private static AllocationMessage.Trace trace(StoredCase stored, Metadata metadata) {
        return new AllocationMessage.Trace(metadata.getEventId(), stored.correlationId(), Envelopes.PRODUCER, "SYSTEM");
    }

    /** A command's cause is the command itself, acted by the officer who sent it (S5). */
    static AllocationMessage.Trace commandTrace(Metadata metadata) {
        return new AllocationMessage.Trace(metadata.getEventId(), metadata.getCorrelationId(), metadata.getActor().getId(),
                metadata.getActor().getRole().name());
    }
}
