package org.caseflow.screening.api;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.caseflow.platform.command.CommandGateway;
import org.caseflow.platform.command.CommandResult;
import org.caseflow.platform.kafka.InteractiveQueries;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.screening.ScreeningCommandEnvelope;
import org.caseflow.screening.config.ScreeningProperties;
import org.caseflow.screening.stream.ScreeningTopology;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Officer commands through the one command path ({@link CommandGateway}) to screening.commands; results are kept
 * by the topology in a state store next to the case, so they are read from whichever instance owns the case.
 */
@Component
class ScreeningCommands {

    private final CommandGateway<ScreeningCommandEnvelope> gateway;
    private final InteractiveQueries router;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    ScreeningCommands(KafkaTemplate<String, ScreeningCommandEnvelope> commands, InteractiveQueries router, ScreeningProperties properties) {
        this.router = router;
        this.gateway = new CommandGateway<>(commands, Topics.SCREENING_COMMANDS, "screening-http",
                (metadata, payload) -> ScreeningCommandEnvelope.newBuilder().setMetadata(metadata).setPayload(payload).build(),
                properties.answerWait());
    }

    /** Role: the one the officer acts in for this command (a supervisor may also act as an officer). */
    ResponseEntity<CommandResult> send(String caseId, Object payload, Authentication principal, Role role, HttpServletRequest request)
            throws Exception {
        String commandId = CommandGateway.commandId(principal, caseId, request);
        return gateway.submit(commandId, new CommandGateway.Command(caseId, caseId, payload, role), principal,
                        id -> result(caseId, id, request))
                .map(result -> CommandGateway.answer(result, location(caseId, commandId)))
                .orElseGet(() -> CommandGateway.pending(location(caseId, commandId)));
    }

    /** The result of a command, wherever its case lives; empty while it is not processed or the store is not ready. */
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

    private static URI location(String caseId, String commandId) {
        return URI.create("/api/cases/" + caseId + "/commands/" + commandId);
    }
}
