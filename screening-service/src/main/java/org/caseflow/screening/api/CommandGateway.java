package org.caseflow.screening.api;

import org.caseflow.platform.kafka.InteractiveQueries;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.screening.ScreeningCommandEnvelope;
import org.caseflow.screening.config.ScreeningProperties;
import org.caseflow.screening.stream.CommandResult;
import org.caseflow.screening.stream.ScreeningTopology;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one path of every officer command: write it to screening.commands (the topology is the single
 * writer of case events), then answer from the topology's result for that commandId: 201, 404, 409 or 422,
 * or 202 with the result's URL if it takes longer than the wait.
 */
@Component
class CommandGateway {

    private final KafkaTemplate<String, ScreeningCommandEnvelope> commands;
    private final InteractiveQueries router;
    private final Duration answerWait;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    CommandGateway(KafkaTemplate<String, ScreeningCommandEnvelope> commands, InteractiveQueries router, ScreeningProperties properties) {
        this.commands = commands;
        this.router = router;
        this.answerWait = properties.answerWait();
    }

    /** Role: the one the officer acts in for this command (a supervisor may also act as an officer). */
    ResponseEntity<CommandResult> send(String caseId, Object payload, Authentication principal, Role role, HttpServletRequest request)
            throws Exception {
        String idempotencyKey = request.getHeader("Idempotency-Key");
        String commandId = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((principal.getName() + "/" + caseId + "/" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        Instant now = Instant.now();
        Metadata metadata = Metadata.newBuilder()
                .setEventId(commandId).setCaseId(caseId).setOccurredAt(now).setRecordedAt(now).setProducer("screening-http")
                .setActor(Actor.newBuilder().setId(principal.getName()).setRole(role).build())
                .setCausationId(null).setCorrelationId(caseId)
                .build();
        commands.send(new ProducerRecord<>(Topics.SCREENING_COMMANDS, caseId,
                ScreeningCommandEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build())).get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + answerWait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CommandResult> result = result(caseId, commandId, request);
            if (result.isPresent()) {
                return answer(result.get());
            }
            Thread.sleep(25);
        }
        return ResponseEntity.accepted().location(location(caseId, commandId)).build();
    }

    /** The result of a command, wherever its case lives; empty while it is not processed. */
    Optional<CommandResult> result(String caseId, String commandId, HttpServletRequest request) {
        try {
            var owner = router.remoteOwner(ScreeningTopology.CASES_STORE, caseId, request);
            if (owner.isPresent()) {
                var response = router.forward(owner.get(), "/api/cases/" + caseId + "/commands/" + commandId, request);
                return response.getStatusCode().is2xxSuccessful() ? Optional.of(json.readValue(response.getBody(), CommandResult.class)) : Optional.empty();
            }
            return Optional.ofNullable(router.<CommandResult>localStore(ScreeningTopology.RESULTS_STORE).get(commandId));
        } catch (CaseflowProblem storeNotReady) {
            return Optional.empty();
        }
    }

    static ResponseEntity<CommandResult> answer(CommandResult result) {
        return switch (result.outcome()) {
            case APPLIED -> ResponseEntity.created(location(result.caseId(), result.commandId())).body(result);
            case NOT_FOUND -> throw problem(HttpStatus.NOT_FOUND, result);
            case CONFLICT -> throw problem(HttpStatus.CONFLICT, result);
            case UNPROCESSABLE -> throw problem(HttpStatus.UNPROCESSABLE_CONTENT, result);
        };
    }

    private static CaseflowProblem problem(HttpStatus status, CommandResult result) {
        return new CaseflowProblem(status, result.rule(), result.detail(), Map.of("commandId", result.commandId(), "caseId", result.caseId()));
    }

    private static URI location(String caseId, String commandId) {
        return URI.create("/api/cases/" + caseId + "/commands/" + commandId);
    }
}
