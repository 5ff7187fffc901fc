package org.caseflow.platform.command;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;

/**
 * The one path of every HTTP command: the controller checks the request's shape, the gateway writes the command
 * (with a commandId) to the service's command topic, the topology — the single writer of the service's events —
 * decides it against the current state and records a result, and the gateway answers from that result. No state
 * is checked in the HTTP layer, so nothing can land between a check and the command.
 *
 * @param <E> the command topic's envelope type
 */
public final class CommandGateway<E> {

    /** Wraps metadata and a payload into the command topic's envelope. */
    @FunctionalInterface
    public interface Envelopes<E> {
        E envelope(Metadata metadata, Object payload);
    }

    /** A command's result by its id; empty while it is not decided or cannot be read yet. */
    @FunctionalInterface
    public interface Results {
        Optional<CommandResult> find(String commandId);
    }

    /** What to send: {@code key} partitions it (caseId or flightId); {@code role} is the one the principal acts in. */
    public record Command(String key, String caseId, Object payload, Role role) {
    }

    private final KafkaTemplate<String, E> template;
    private final String topic;
    private final String producer;
    private final Envelopes<E> envelopes;
    private final Duration answerWait;

    public CommandGateway(KafkaTemplate<String, E> template, String topic, String producer, Envelopes<E> envelopes, Duration answerWait) {
        this.template = template;
        this.topic = topic;
        this.producer = producer;
        this.envelopes = envelopes;
        this.answerWait = answerWait;
    }

    /**
     * The command's id: random, or derived from the caller's {@code Idempotency-Key} header (with who sent it and
     * about what), so a retried call is the same command and gets the first call's result.
     */
    public static String commandId(Authentication principal, String key, HttpServletRequest request) {
        String idempotencyKey = request.getHeader("Idempotency-Key");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((principal.getName() + "/" + key + "/" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Writes the command as the authenticated principal (unless this commandId already has a result) and waits for
     * its result in {@code results}; empty if the topology has not answered within the wait.
     */
    public Optional<CommandResult> submit(String commandId, Command command, Authentication principal, Results results) throws Exception {
        Optional<CommandResult> earlier = results.find(commandId);
        if (earlier.isPresent()) {
            return earlier;
        }
        Instant now = Instant.now();
        Metadata metadata = Metadata.newBuilder()
                .setEventId(commandId).setCaseId(command.caseId()).setOccurredAt(now).setRecordedAt(now).setProducer(producer)
                .setActor(Actor.newBuilder().setId(principal.getName()).setRole(command.role()).build())
                .setCausationId(null).setCorrelationId(command.caseId() == null ? command.key() : command.caseId())
                .build();
        template.send(new ProducerRecord<>(topic, command.key(), envelopes.envelope(metadata, command.payload()))).get(30, TimeUnit.SECONDS);
        return await(answerWait, () -> results.find(commandId));
    }

    /** Polls {@code effect} until it yields a value or {@code wait} is over: an answer, or a view catching up with one. */
    public static <T> Optional<T> await(Duration wait, Supplier<Optional<T>> effect) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<T> seen = effect.get();
            if (seen.isPresent() || System.nanoTime() >= deadline) {
                return seen;
            }
            Thread.sleep(25);
        }
    }

    /** 201 with the result when applied; otherwise the refusal as problem details (404, 409, 422). */
    public static ResponseEntity<CommandResult> answer(CommandResult result, URI location) {
        requireApplied(result);
        return ResponseEntity.created(location).body(result);
    }

    /** Throws the refusal as problem details unless the command was applied. */
    public static CommandResult requireApplied(CommandResult result) {
        HttpStatus status = switch (result.outcome()) {
            case APPLIED -> null;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        if (status == null) {
            return result;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("commandId", result.commandId());
        if (result.caseId() != null) {
            properties.put("caseId", result.caseId());
        }
        if (result.flightId() != null) {
            properties.put("flightId", result.flightId());
        }
        throw new CaseflowProblem(status, result.rule(), result.detail(), properties);
    }

    /** 202: not decided within the wait; the result will be at {@code resultLocation}. */
    public static <T> ResponseEntity<T> pending(URI resultLocation) {
        return ResponseEntity.accepted().location(resultLocation).build();
    }
}
