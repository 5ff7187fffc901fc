package org.caseflow.removal.api;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.caseflow.platform.command.CommandGateway;
import org.caseflow.platform.command.CommandResult;
import org.caseflow.platform.kafka.InteractiveQueries;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.removal.config.RemovalProperties;
import org.caseflow.removal.stream.RemovalTopology;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.caseflow.schemas.removal.RemovalCommandResultEnvelope;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Removal commands through the one command path ({@link CommandGateway}): written to removal.commands, decided by
 * the topology (the case step, the flight desk or allocation, whichever holds the facts), answered on
 * removal.command-results — read here from a global view, so every instance can answer every command.
 */
@Component
class RemovalCommands {

    private final CommandGateway<RemovalCommandEnvelope> gateway;
    private final InteractiveQueries queries;
    private final Duration answerWait;

    RemovalCommands(KafkaTemplate<String, RemovalCommandEnvelope> commands, InteractiveQueries queries, RemovalProperties properties) {
        this.queries = queries;
        this.answerWait = properties.answerWait();
        this.gateway = new CommandGateway<>(commands, Topics.REMOVAL_COMMANDS, "removal-http",
                (metadata, payload) -> RemovalCommandEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build(), answerWait);
    }

    /** Sends the command (key: caseId or flightId) as the authenticated removal officer; its answer, or empty if it is still pending. */
    Optional<CommandResult> submit(String commandId, String key, String caseId, Object payload, Authentication principal) throws Exception {
        return gateway.submit(commandId, new CommandGateway.Command(key, caseId, payload, Role.REMOVAL_OFFICER), principal, this::result);
    }

    /** A command's answer; empty while it is not decided (or the view is not ready yet). */
    Optional<CommandResult> result(String commandId) {
        try {
            RemovalCommandResultEnvelope envelope = queries.<RemovalCommandResultEnvelope>localStore(RemovalTopology.RESULTS_VIEW).get(commandId);
            return Optional.ofNullable(envelope).map(e -> of((org.caseflow.schemas.common.CommandResult) e.getPayload()));
        } catch (CaseflowProblem notReady) {
            return Optional.empty();
        }
    }

    static URI resultLocation(String commandId) {
        return URI.create("/api/commands/" + commandId);
    }

    /** Waits (up to the answer wait) for a view to catch up with an applied command. */
    <T> Optional<T> await(Supplier<Optional<T>> effect) throws InterruptedException {
        return CommandGateway.await(answerWait, effect);
    }

    private static CommandResult of(org.caseflow.schemas.common.CommandResult r) {
        return new CommandResult(r.getCommandId(), r.getCaseId(), r.getFlightId(), CommandResult.Outcome.valueOf(r.getOutcome().name()),
                r.getRule(), r.getDetail(), r.getEvents().stream().map(e -> new CommandResult.EmittedEvent(e.getEventId(), e.getType())).toList());
    }
}
