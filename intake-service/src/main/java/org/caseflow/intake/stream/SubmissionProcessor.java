package org.caseflow.intake.stream;

import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.SubmissionMapper;
import org.caseflow.submission.SubmissionBounds;
import org.caseflow.submission.SubmissionNormaliser;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.intake.domain.IntakeDecision;
import org.caseflow.submission.domain.IntakeSettings;
import org.caseflow.submission.domain.Submission;
import org.caseflow.intake.domain.SubmissionStatus;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submission at a time, keyed by submissionId: the first submission under an id decides it for
 * good (the status store, with changelog, survives restarts); a retry changes nothing; a different
 * submission under a used id is refused. Logs ids only, never personal data.
 */
final class SubmissionProcessor implements Processor<String, SubmissionEnvelope, String, SubmissionOutput> {

    private static final Logger log = LoggerFactory.getLogger(SubmissionProcessor.class);

    private final IntakeSettings settings;
    private final IntakeMetrics metrics;
    private ProcessorContext<String, SubmissionOutput> context;
    private KeyValueStore<String, SubmissionStatus> statuses;
    private org.caseflow.submission.EncounterSignatures.StationRegistry stations;

    SubmissionProcessor(IntakeSettings settings, IntakeMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SubmissionOutput> context) {
        this.context = context;
        this.statuses = context.getStateStore(IntakeTopology.SUBMISSIONS_STORE);
        this.stations = StationKeys.of(context.getStateStore(IntakeTopology.STATIONS_STORE));
    }

    @Override
    public void process(Record<String, SubmissionEnvelope> record) {
        if (record.value() == null) {
            return; // a tombstone carries no submission
        }
        if (record.key() != null && record.key().length() > org.caseflow.vocabulary.Bounds.ID) {
            // nothing may be stored or written under such a key: the dead-letter handler moves the record aside
            throw new IllegalArgumentException("record key of " + record.key().length() + " characters is beyond the bound of "
                    + org.caseflow.vocabulary.Bounds.ID);
        }
        SubmissionEnvelope received = record.value();
        EncounterSubmission raw = (EncounterSubmission) received.getPayload();
        EncounterSubmission avro = SubmissionNormaliser.normalised(raw);
        SubmissionEnvelope envelope = SubmissionEnvelope.newBuilder(received).setPayload(avro).build();
        String fingerprint = SubmissionMapper.fingerprint(avro);
        String station = org.caseflow.vocabulary.Bounds.cut(avro.getEncounter().getStationCode(), org.caseflow.vocabulary.Bounds.ID);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        var beyondBounds = SubmissionBounds.violations(avro);
        if (!beyondBounds.isEmpty()) {
            reject(record, Envelopes.rejection(envelope, fingerprint, station, beyondBounds, now), station, beyondBounds);
            return;
        }
        Submission submission = SubmissionMapper.toDomain(avro);

        var keyProblem = IntakeDecision.keyMismatch(record.key(), submission);
        if (keyProblem.isPresent()) {
            reject(record, Envelopes.rejection(envelope, fingerprint, station, java.util.List.of(keyProblem.get()), now), station, java.util.List.of(keyProblem.get()));
            return;
        }
        boolean fieldOffice = envelope.getMetadata().getActor().getRole() == Role.FIELD_OFFICE;
        var unproven = EncounterSignatures.problem(raw, stations);
        IntakeDecision decision = IntakeDecision.decide(submission, fingerprint, statuses.get(record.key()), fieldOffice, unproven,
                settings, now, Instant.ofEpochMilli(record.timestamp()));
        switch (decision) {
            case IntakeDecision.Open open -> {
                statuses.put(record.key(), open.status());
                metrics.submission(station, "accepted");
                String personKey = SubmissionMapper.personKey(avro).orElse("case:" + open.caseId());
                context.forward(record.withKey(personKey)
                        .withValue(SubmissionOutput.opened(Envelopes.caseOpened(envelope, open.caseId(), open.flags(), now), personKey)));
                log.debug("submission {} accepted as case {}", record.key(), open.caseId());
            }
            case IntakeDecision.Reject reject -> {
                statuses.put(record.key(), reject.status());
                reject(record, Envelopes.rejection(envelope, fingerprint, station, reject.reasons(), now), station, reject.reasons());
            }
            case IntakeDecision.Repeat repeat -> {
                metrics.submission(station, "repeat");
                log.debug("submission {} repeated; it stays {}", record.key(), repeat.original().state());
            }
            case IntakeDecision.Conflict conflict -> {
                metrics.submission(station, "conflict");
                metrics.rejection(station, conflict.reason().code().name());
                context.forward(record.withValue(SubmissionOutput.rejected(
                        Envelopes.rejection(envelope, fingerprint, station, java.util.List.of(conflict.reason()), now))));
                log.warn("submission {} reused for a different submission; the first one stands", record.key());
            }
        }
    }

    private void reject(Record<String, SubmissionEnvelope> record, org.caseflow.schemas.intake.RejectionEnvelope rejection, String station,
                        java.util.List<org.caseflow.submission.domain.Reason> reasons) {
        metrics.submission(station, "rejected");
        reasons.forEach(r -> metrics.rejection(station, r.code().name()));
        context.forward(record.withValue(SubmissionOutput.rejected(rejection)));
        log.debug("submission {} rejected: {}", record.key(), reasons.stream().map(r -> r.code().name()).toList());
    }
}
