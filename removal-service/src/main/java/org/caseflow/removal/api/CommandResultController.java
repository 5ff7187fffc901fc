package org.caseflow.removal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.caseflow.platform.command.CommandResult;
import org.caseflow.platform.web.CaseflowProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The answer to a removal command, for a client whose call answered 202 (not decided within the wait). */
@RestController
@Tag(name = "Commands", description = "Answers to removal commands")
class CommandResultController {

    private final RemovalCommands commands;

    CommandResultController(RemovalCommands commands) {
        this.commands = commands;
    }

    @GetMapping("/api/commands/{commandId}")
    @PreAuthorize("hasAnyRole('REMOVAL_OFFICER', 'AUDITOR')")
    @Operation(summary = "How the removal service answered a command: APPLIED (with the events it led to), NOT_FOUND, CONFLICT or UNPROCESSABLE")
    CommandResult result(@PathVariable String commandId) {
        return commands.result(commandId).orElseThrow(() -> CaseflowProblem.notFound("Command result", commandId));
    }
}
