package org.caseflow.screening.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.platform.command.CommandResult;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeAmended;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;
import org.caseflow.screening.domain.Actor;
import org.caseflow.screening.domain.Event;
import org.caseflow.screening.domain.Officer;
import org.caseflow.screening.domain.ScreeningCase;
import org.caseflow.screening.domain.ScreeningPolicy;
import org.caseflow.screening.domain.Status;
import org.caseflow.screening.domain.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of case.screening.events. For each case (key caseId) it folds intake events and
 * officer commands into the case state, asks the policy, emits the resulting events and records every
 * command's result. A wall-clock punctuation closes review windows on time. Logs case ids only.
 */
final class ScreeningProcessor implements Processor<String, Input, String, ScreeningEventEnvelope> {

    private static final Logger log = LoggerFactory.getLogger(ScreeningProcessor.class);

    /**
     * Every payload type of the topics screening reads, and what it does with it; a type missing here (a new event
     * type or command) fails {@code EveryInputTypeIsHandledTest}, so none can be silently ignored.
     */
    static final java.util.Map<Class<?>, String> READS = java.util.Map.of(
            CaseOpened.class, "queues the case, or refers it to protection (S2)",
            IntakeAmended.class, "corrected facts; a new protection flag refers the case (S2)",
            org.caseflow.schemas.screening.AssignCase.class, "command: assign an officer",
            org.caseflow.schemas.screening.RecordInterview.class, "command: record the interview",
            org.caseflow.schemas.screening.DecideScreening.class, "command: decide (S1), opening the review window (S4)",
            org.caseflow.schemas.screening.RequestReview.class, "command: the person asks for review (S4)",
            org.caseflow.schemas.screening.DecideReview.class, "command: a supervisor decides the review (S4)",
            org.caseflow.schemas.screening.WaiveReview.class, "command: review waived by the decider (S4)");
    static final String PRODUCER = "screening-service";

    private final ScreeningPolicy policy;
    private final ScreeningMetrics metrics;
    private final Duration windowCheckInterval;
    private ProcessorContext<String, ScreeningEventEnvelope> context;
    private KeyValueStore<String, StoredCase> cases;
    private KeyValueStore<String, CommandResult> results;
    private KeyValueStore<String, String> windows;
    private KeyValueStore<String, OfficerEnvelope> officers;
    private KeyValueStore<String, String> worklist;
    private KeyValueStore<String, Long> statusCounts;

    ScreeningProcessor(ScreeningPolicy policy, ScreeningMetrics metrics, Duration windowCheckInterval) {
        this.policy = policy;
        this.metrics = metrics;
        this.windowCheckInterval = windowCheckInterval;
    }

    @Override
    public void init(ProcessorContext<String, ScreeningEventEnvelope> context) {
        this.context = context;
        this.cases = context.getStateStore(ScreeningTopology.CASES_STORE);
        this.results = context.getStateStore(ScreeningTopology.RESULTS_STORE);
        this.windows = context.getStateStore(ScreeningTopology.WINDOWS_STORE);
        this.officers = context.getStateStore(ScreeningTopology.OFFICERS_STORE);
        this.worklist = context.getStateStore(ScreeningTopology.WORKLIST_STORE);
        this.statusCounts = context.getStateStore(ScreeningTopology.STATUS_COUNTS_STORE);
        indexCasesKeptBeforeTheIndexExisted();
        context.schedule(windowCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::closeDueWindows);
        context.schedule(Duration.ofSeconds(5), PunctuationType.WALL_CLOCK_TIME, now -> reportBacklog());
    }

    @Override
    public void close() {
        metrics.forgetTask(context.taskId().toString());
    }

    @Override
    public void process(Record<String, Input> record) {
        if (record.value() == null || record.key() == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        switch (record.value()) {
            case Input.FromIntake intake -> onIntake(record.key(), intake, now);
            case Input.FromCommand command -> onCommand(record.key(), command, now);
        }
    }

    private void onIntake(String caseId, Input.FromIntake input, Instant now) {
        StoredCase stored = cases.get(caseId);
        Metadata metadata = input.envelope().getMetadata();
        switch (input.envelope().getPayload()) {
            case CaseOpened opened -> {
                if (stored != null) {
                    return; // already known: a replay of intake's log changes nothing
                }
                var facts = AvroMapping.facts(opened, metadata.getRecordedAt());
                var start = new StoredCase(ScreeningCase.empty(caseId), metadata.getCorrelationId(), null);
                emit(caseId, start, policy.onCaseOpened(facts, Actor.SYSTEM, now), metadata.getEventId(), now);
            }
            case IntakeAmended amended -> {
                if (stored == null || amended.getFlags() == null || stored.state().facts() == null) {
                    return;
                }
                var facts = AvroMapping.amended(stored.state().facts(), amended.getFlags());
                emit(caseId, stored, policy.onFactsAmended(stored.state(), facts, Actor.SYSTEM, now), metadata.getEventId(), now);
            }
            default -> log.warn("case {}: unknown intake event {} ignored", caseId, input.envelope().getPayload().getClass().getSimpleName());
        }
    }

    private void onCommand(String caseId, Input.FromCommand input, Instant now) {
        String commandId = input.envelope().getMetadata().getEventId();
        if (results.get(commandId) != null) {
            return; // the same command delivered again: its result stands
        }
        StoredCase stored = cases.get(caseId);
        ScreeningCase state = stored == null ? ScreeningCase.empty(caseId) : stored.state();
        Verdict verdict = policy.handle(state, AvroMapping.command(input.envelope()), this::officer, now);
        CommandResult result = switch (verdict) {
            case Verdict.Accepted accepted -> {
                var emitted = emit(caseId, stored, accepted.events(), commandId, now);
                yield new CommandResult(commandId, caseId, null, CommandResult.Outcome.APPLIED, null, null, emitted);
            }
            case Verdict.Refused refused -> {
                metrics.refused(refused.rule());
                log.debug("case {}: command {} refused by {}", caseId, commandId, refused.rule());
                yield new CommandResult(commandId, caseId, null, CommandResult.Outcome.valueOf(refused.kind().name()), refused.rule(),
                        refused.detail(), List.of());
            }
        };
        results.put(commandId, result);
    }

    /** Applies, stores and publishes events; returns their ids and types. */
    private List<CommandResult.EmittedEvent> emit(String caseId, StoredCase before, List<Event> events, String causationId, Instant now) {
        if (events.isEmpty()) {
            return List.of();
        }
        StoredCase stored = before;
        Status statusBefore = before.state().status();
        List<CommandResult.EmittedEvent> emitted = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            ScreeningCase after = stored.state().apply(event);
            String eventId = UUID.nameUUIDFromBytes((causationId + "/" + i + "/" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
            stored = new StoredCase(after, stored.correlationId(), event instanceof Event.Decided ? eventId : stored.decisionEventId());
            Object payload = AvroMapping.payload(caseId, event, after);
            var metadata = Metadata.newBuilder()
                    .setEventId(eventId).setCaseId(caseId).setOccurredAt(event.at()).setRecordedAt(now).setProducer(PRODUCER)
                    .setActor(AvroMapping.avroActor(event.actor())).setCausationId(causationId)
                    .setCorrelationId(stored.correlationId() == null ? caseId : stored.correlationId())
                    .build();
            context.forward(new Record<>(caseId, ScreeningEventEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build(),
                    now.toEpochMilli()));
            emitted.add(new CommandResult.EmittedEvent(eventId, payload.getClass().getSimpleName()));
            count(event, after);
        }
        cases.put(caseId, stored);
        index(before.state(), stored.state());
        Status statusAfter = stored.state().status();
        if (statusAfter == Status.REVIEW_WINDOW_OPEN && statusBefore != Status.REVIEW_WINDOW_OPEN) {
            windows.put(windowKey(stored.state()), caseId);
        } else if (statusBefore == Status.REVIEW_WINDOW_OPEN && statusAfter != Status.REVIEW_WINDOW_OPEN) {
            windows.delete(windowKey(before.state()));
        }
        log.debug("case {}: {} -> {}", caseId, statusBefore, statusAfter);
        return emitted;
    }

    private void count(Event event, ScreeningCase after) {
        switch (event) {
            case Event.Decided d -> metrics.decision(d.outcome(), Duration.between(after.facts().openedAt(), d.at()));
            case Event.ReviewRequested r -> metrics.reviewRequested();
            case Event.ProtectionReferred p -> metrics.protectionReferral();
            case Event.Concluded c -> metrics.concluded(c.outcome(), c.eligibleForRemoval());
            default -> { }
        }
    }

    /** Review windows are indexed by closing time, so the due ones are a range scan. */
    private void closeDueWindows(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (var range = windows.range(windowKey(Instant.EPOCH, ""), windowKey(now, "\uffff"))) {
            range.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            StoredCase stored = cases.get(entry.value);
            if (stored == null) {
                windows.delete(entry.key);
                continue;
            }
            emit(entry.value, stored, policy.closeWindowIfDue(stored.state(), now),
                    stored.decisionEventId() == null ? entry.value : stored.decisionEventId(), now);
            windows.delete(entry.key); // emit removed it unless the window was not yet due
        }
    }

    private void reportBacklog() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            Long count = statusCounts.get(status.name());
            if (count != null && count > 0) {
                counts.put(status, count);
            }
        }
        metrics.backlog(context.taskId().toString(), counts);
    }

    /** Keeps the worklist index and the counts per status in step with a case that moved. */
    private void index(ScreeningCase before, ScreeningCase after) {
        if (after.status() == null) {
            return;
        }
        if (before.status() != null) {
            worklist.delete(WorklistIndex.key(before));
            if (before.status() != after.status()) {
                statusCounts.put(before.status().name(), Math.max(0, count(before.status()) - 1));
            }
        }
        worklist.put(WorklistIndex.key(after), WorklistIndex.value(after));
        if (before.status() != after.status()) {
            statusCounts.put(after.status().name(), count(after.status()) + 1);
        }
    }

    private long count(Status status) {
        Long count = statusCounts.get(status.name());
        return count == null ? 0 : count;
    }

    /** A durable store from before the index: build the index once from the cases it holds. */
    private void indexCasesKeptBeforeTheIndexExisted() {
        try (var any = worklist.all()) {
            if (any.hasNext()) {
                return;
            }
        }
        try (var all = cases.all()) {
            all.forEachRemaining(kv -> index(ScreeningCase.empty(kv.key), kv.value.state()));
        }
    }

    private Officer officer(String officerId) {
        OfficerEnvelope envelope = officerId == null ? null : officers.get(officerId);
        return envelope == null ? null : AvroMapping.officer(envelope);
    }

    private static String windowKey(ScreeningCase state) {
        return windowKey(state.window().closesAt(), state.caseId());
    }

    private static String windowKey(Instant closesAt, String caseId) {
        return String.format("%015d/%s", closesAt.toEpochMilli(), caseId);
    }
}
