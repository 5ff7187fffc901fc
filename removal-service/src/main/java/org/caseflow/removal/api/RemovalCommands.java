package org.caseflow.removal.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.removal.config.RemovalProperties;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes removal commands (the topology is the single writer of removal events and flights) and waits
 * until their effect can be read back, so a call answers with what it did.
 */
@Component
class RemovalCommands {

    private final KafkaTemplate<String, RemovalCommandEnvelope> commands;
    private final Duration answerWait;

    RemovalCommands(KafkaTemplate<String, RemovalCommandEnvelope> commands, RemovalProperties properties) {
        this.commands = commands;
        this.answerWait = properties.answerWait();
    }

    /** Sends the command (key: caseId or flightId) as the authenticated removal officer; returns its commandId. */
    String send(String key, String caseId, Object payload, Authentication principal) throws Exception {
        String commandId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Metadata metadata = Metadata.newBuilder().setEventId(commandId).setCaseId(caseId).setOccurredAt(now).setRecordedAt(now)
                .setProducer("removal-http").setActor(Actor.newBuilder().setId(principal.getName()).setRole(Role.REMOVAL_OFFICER).build())
                .setCausationId(null).setCorrelationId(key).build();
        commands.send(new ProducerRecord<>(Topics.REMOVAL_COMMANDS, key,
                RemovalCommandEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build())).get(30, TimeUnit.SECONDS);
        return commandId;
    }

    /** Polls {@code effect} until it yields a value or the answer wait is over. */
    <T> Optional<T> await(Supplier<Optional<T>> effect) throws InterruptedException {
        long deadline = System.nanoTime() + answerWait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> seen = effect.get();
            if (seen.isPresent()) {
                return seen;
            }
            Thread.sleep(25);
        }
        return Optional.empty();
    }
}
