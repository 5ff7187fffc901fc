package org.caseflow.intake.api;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.intake.config.IntakeProperties;
import org.caseflow.submission.SubmissionRequest;
import org.caseflow.intake.domain.SubmissionStatus;
import org.caseflow.intake.stream.IntakeTopology;
import org.caseflow.submission.SubmissionMapper;
import org.caseflow.platform.kafka.InteractiveQueries;
import org.caseflow.platform.command.CommandGateway;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Field offices submit encounters over HTTP; the submission goes to the same topic Kafka producers
 * write, and the answer is the topology's verdict (or PENDING if it takes longer than the wait).
 */
@RestController
@RequestMapping("/api/submissions")
@Tag(name = "Submissions", description = "Field-office encounter submissions")
class SubmissionController {

    private final KafkaTemplate<String, SubmissionEnvelope> submissions;
    private final SubmissionStatusReader statuses;
    private final Duration answerWait;
    private final Clock clock = Clock.systemUTC();
    private final InteractiveQueries queries;

    SubmissionController(KafkaTemplate<String, SubmissionEnvelope> submissions, SubmissionStatusReader statuses, IntakeProperties properties,
                         InteractiveQueries queries) {
        this.submissions = submissions;
        this.statuses = statuses;
        this.queries = queries;
        this.answerWait = properties.answerWait();
    }

    @PostMapping
    @PreAuthorize("hasRole('FIELD_OFFICE')")
    @Operation(summary = "Submit an encounter",
            description = "Safe to retry: the same submissionId with the same body returns the same answer and never opens a second case; "
                    + "with a different body it is 409. 202 = accepted or still pending, 422 = refused with reason codes.",
            responses = @ApiResponse(responseCode = "202", description = "Accepted (with its caseId) or still being processed (PENDING); "
                    + "Location: the submission's status", content = @Content(schema = @Schema(implementation = SubmissionView.class))))
    ResponseEntity<SubmissionView> submit(@Valid @RequestBody SubmissionRequest request, Authentication principal) throws Exception {
        EncounterSubmission payload = org.caseflow.submission.SubmissionRequests.toAvro(request, principal.getName());
        String fingerprint = SubmissionMapper.fingerprint(payload);
        Optional<SubmissionStatus> known = statuses.findIfReadable(request.submissionId());
        if (known.isPresent()) {
            if (!known.get().isSameSubmission(fingerprint)) {
                throw CaseflowProblem.conflict("SUBMISSION_ID_REUSED",
                        "submissionId " + request.submissionId() + " was already used for a different submission; the first one stands.");
            }
            return answer(request.submissionId(), known);
        }
        Instant now = clock.instant();
        Metadata metadata = Metadata.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setCaseId(null)
                .setOccurredAt(request.encounter().occurredAt()).setRecordedAt(now)
                .setProducer("intake-http")
                .setActor(Actor.newBuilder().setId(principal.getName()).setRole(Role.FIELD_OFFICE).build())
                .setCausationId(null).setCorrelationId(request.submissionId())
                .build();
        submissions.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, request.submissionId(),
                SubmissionEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build())).get(30, TimeUnit.SECONDS);
        return answer(request.submissionId(), awaitVerdict(request.submissionId()));
    }

    @GetMapping("/{submissionId}")
    @PreAuthorize("hasAnyRole('FIELD_OFFICE', 'AUDITOR')")
    @Operation(summary = "A submission's status: ACCEPTED (with caseId) or REJECTED (with reasons)",
            responses = @ApiResponse(responseCode = "200", description = "The submission's status",
                    content = @Content(schema = @Schema(implementation = SubmissionView.class))))
    ResponseEntity<?> status(@PathVariable String submissionId, jakarta.servlet.http.HttpServletRequest request) {
        var owner = queries.remoteOwner(IntakeTopology.SUBMISSIONS_STORE, submissionId, request);
        if (owner.isPresent()) {
            return queries.forward(owner.get(), "/api/submissions/" + submissionId, request);
        }
        return ResponseEntity.ok(statuses.find(submissionId).map(s -> SubmissionView.of(submissionId, s))
                .orElseThrow(() -> new CaseflowProblem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "No submission " + submissionId + " has been processed (yet).", Map.of())));
    }

    private Optional<SubmissionStatus> awaitVerdict(String submissionId) throws InterruptedException {
        return CommandGateway.await(answerWait, () -> statuses.findIfReadable(submissionId));
    }

    private ResponseEntity<SubmissionView> answer(String submissionId, Optional<SubmissionStatus> status) {
        if (status.isPresent() && status.get().state() == SubmissionStatus.State.REJECTED) {
            throw new CaseflowProblem(HttpStatus.UNPROCESSABLE_CONTENT, status.get().reasons().getFirst().code().name(),
                    "The submission was refused; see reasons.",
                    Map.of("submissionId", submissionId, "status", "REJECTED", "reasons", status.get().reasons()));
        }
        SubmissionView view = status.map(s -> SubmissionView.of(submissionId, s)).orElse(SubmissionView.pending(submissionId));
        return ResponseEntity.accepted().location(URI.create("/api/submissions/" + submissionId)).body(view);
    }

}
