package org.caseflow.removal.api;

import java.net.URI;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caseflow.platform.command.CommandGateway;
import org.caseflow.platform.command.CommandResult;
import org.caseflow.platform.kafka.InteractiveQueries;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.removal.domain.RemovalCase;
import org.caseflow.removal.stream.RemovalTopology;
import org.caseflow.removal.stream.StoredCase;
import org.caseflow.schemas.removal.RecordStay;
import org.caseflow.schemas.removal.StayReason;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's removal state, and stays (court order, medical) that always win over scheduling. */
@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Cases", description = "Removal state of a case; stays")
class CaseController {

    enum RecordedStayReason { COURT_ORDER, MEDICAL, OTHER }

    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"reason\": \"COURT_ORDER\", \"note\": \"Injunction pending appeal\"}")
    record StayRequest(@NotNull RecordedStayReason reason, @Size(max = 2000) String note) {
    }

    /**
     * {@code status} in the words the log and the audit use: NOT_ELIGIBLE, ELIGIBLE (waiting for a seat), SCHEDULED (holds
     * a seat), EXECUTED, STAYED, CANCELLED, BLOCKED.
     */
    record CaseView(String caseId, String status, String destination, java.time.Instant notBefore, RemovalCase.Booking booking,
                    String screeningOutcome, boolean protectionReferred) {
        static CaseView of(RemovalCase c) {
            String status = c.stage() == RemovalCase.Stage.IN_ALLOCATION ? (c.booking() == null ? "ELIGIBLE" : "SCHEDULED") : c.stage().name();
            return new CaseView(c.caseId(), status, c.destination(), c.notBefore(), c.booking(),
                    c.concluded() == null ? null : c.concluded().outcome(), c.protectionReferred());
        }
    }

    private final RemovalCommands commands;
    private final InteractiveQueries queries;

    CaseController(RemovalCommands commands, InteractiveQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REMOVAL_OFFICER', 'AUDITOR')")
    @Operation(summary = "Where a case stands in removal (answered by whichever instance owns it)",
            responses = @ApiResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = CaseView.class))))
    ResponseEntity<?> get(@PathVariable String caseId, HttpServletRequest request) {
        var owner = queries.remoteOwner(RemovalTopology.CASES_STORE, caseId, request);
        if (owner.isPresent()) {
            return queries.forward(owner.get(), "/api/cases/" + caseId, request);
        }
        return ResponseEntity.ok(CaseView.of(local(caseId).orElseThrow(() -> CaseflowProblem.notFound("Case", caseId)).state()));
    }

    @PostMapping("/stay")
    @PreAuthorize("hasRole('REMOVAL_OFFICER')")
    @Operation(summary = "Record a stay: the case leaves removal and any seat is freed, even if scheduling happens at the same moment; "
            + "409 ALREADY_EXECUTED once its flight has left",
            responses = {
                @ApiResponse(responseCode = "201", description = "Stayed: the case as it now stands (or the command's result if the view has not caught up)",
                        content = @Content(schema = @Schema(oneOf = {CaseView.class, CommandResult.class}))),
                @ApiResponse(responseCode = "202", description = "Not decided within the wait; Location: the command's result", content = @Content)})
    ResponseEntity<?> stay(@PathVariable String caseId, @Valid @RequestBody StayRequest body, Authentication who,
                           HttpServletRequest request) throws Exception {
        String commandId = CommandGateway.commandId(who, caseId, request);
        var payload = RecordStay.newBuilder().setCaseId(caseId).setReason(StayReason.valueOf(body.reason().name())).setNote(body.note()).build();
        Optional<CommandResult> answer = commands.submit(commandId, caseId, caseId, payload, who);
        if (answer.isEmpty()) {
            return CommandGateway.pending(RemovalCommands.resultLocation(commandId));
        }
        CommandResult applied = CommandGateway.requireApplied(answer.get());
        URI location = URI.create("/api/cases/" + caseId);
        // the case as it now stands: stayed, and any seat given back by allocation
        return commands.await(() -> local(caseId).map(StoredCase::state).filter(c -> c.stage() == RemovalCase.Stage.STAYED && c.booking() == null))
                .<ResponseEntity<?>>map(c -> ResponseEntity.created(location).body(CaseView.of(c)))
                .orElseGet(() -> ResponseEntity.created(location).body(applied));
    }

    private Optional<StoredCase> local(String caseId) {
        try {
            return Optional.ofNullable(queries.<StoredCase>localStore(RemovalTopology.CASES_STORE).get(caseId));
        } catch (CaseflowProblem notReady) {
            if (notReady.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                return Optional.empty();
            }
            throw notReady;
        }
    }
}
