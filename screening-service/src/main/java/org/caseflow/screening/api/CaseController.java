package org.caseflow.screening.api;

import org.caseflow.platform.kafka.InteractiveQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.screening.AssignCase;
import org.caseflow.schemas.screening.DecideReview;
import org.caseflow.schemas.screening.DecideScreening;
import org.caseflow.schemas.screening.RecordInterview;
import org.caseflow.schemas.screening.RequestReview;
import org.caseflow.schemas.screening.WaiveReview;
import org.caseflow.platform.command.CommandResult;
import org.caseflow.screening.stream.ScreeningTopology;
import org.caseflow.screening.stream.StoredCase;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case in screening: read it, and the officer commands that move it. Each command answers with the
 * topology's own result: 201 with the events, 404 unknown case, 409 wrong state, 422 refused by a named rule.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Cases", description = "Screening a case: assignment, interview, decision, review")
class CaseController {

    private static final String OFFICERS = "hasAnyRole('SCREENING_OFFICER', 'SUPERVISOR')";

    private final ScreeningCommands gateway;
    private final InteractiveQueries router;

    CaseController(ScreeningCommands gateway, InteractiveQueries router) {
        this.gateway = gateway;
        this.router = router;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'SUPERVISOR', 'AUDITOR')")
    @Operation(summary = "A case's screening state and history (answered by whichever instance owns it)",
            responses = @ApiResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = CaseView.class))))
    ResponseEntity<?> get(@PathVariable String caseId, HttpServletRequest request) {
        var owner = router.remoteOwner(ScreeningTopology.CASES_STORE, caseId, request);
        if (owner.isPresent()) {
            return router.forward(owner.get(), "/api/cases/" + caseId, request);
        }
        StoredCase stored = router.<StoredCase>localStore(ScreeningTopology.CASES_STORE).get(caseId);
        if (stored == null) {
            throw CaseflowProblem.notFound("Case", caseId);
        }
        return ResponseEntity.ok(CaseView.of(stored.state()));
    }

    @GetMapping("/commands/{commandId}")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'SUPERVISOR', 'AUDITOR')")
    @Operation(summary = "The result of a command, for a client whose call timed out (202)")
    ResponseEntity<CommandResult> command(@PathVariable String caseId, @PathVariable String commandId, HttpServletRequest request) {
        return gateway.result(caseId, commandId, request).map(r -> ResponseEntity.ok(r))
                .orElseThrow(() -> CaseflowProblem.notFound("Command result", commandId));
    }

    @PostMapping("/assignment")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Assign the case to a certified officer (supervisor)")
    ResponseEntity<CommandResult> assign(@PathVariable String caseId, @Valid @RequestBody CommandRequests.Assignment body,
                                         Authentication who, HttpServletRequest request) throws Exception {
        return gateway.send(caseId, AssignCase.newBuilder().setOfficerId(body.officerId()).build(), who, Role.SUPERVISOR, request);
    }

    @PostMapping("/interview")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Record the credible-fear interview (the assigned officer)")
    ResponseEntity<CommandResult> interview(@PathVariable String caseId, @Valid @RequestBody CommandRequests.Interview body,
                                            Authentication who, HttpServletRequest request) throws Exception {
        var payload = RecordInterview.newBuilder().setLanguage(body.language()).setInterpreterUsed(body.interpreterUsed())
                .setFearArticulated(body.fearArticulated())
                .setFearedCountries(countries(body.fearedCountries())).build();
        return gateway.send(caseId, payload, who, officerRole(who), request);
    }

    @PostMapping("/decision")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Decide the screening (the assigned, certified officer); NO_CREDIBLE_FEAR opens the review window")
    ResponseEntity<CommandResult> decide(@PathVariable String caseId, @Valid @RequestBody CommandRequests.Decision body,
                                         Authentication who, HttpServletRequest request) throws Exception {
        var payload = DecideScreening.newBuilder().setOutcome(body.outcome()).setRationale(body.rationale()).build();
        return gateway.send(caseId, payload, who, officerRole(who), request);
    }

    @PostMapping("/review-request")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Record the person's request for review; it holds the case")
    ResponseEntity<CommandResult> requestReview(@PathVariable String caseId, @Valid @RequestBody CommandRequests.ReviewRequest body,
                                                Authentication who, HttpServletRequest request) throws Exception {
        return gateway.send(caseId, RequestReview.newBuilder().setReason(body.reason()).build(), who, officerRole(who), request);
    }

    @PostMapping("/review-decision")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Decide a review: UPHELD or OVERTURNED (a certified supervisor other than the decider)")
    ResponseEntity<CommandResult> decideReview(@PathVariable String caseId, @Valid @RequestBody CommandRequests.ReviewDecision body,
                                               Authentication who, HttpServletRequest request) throws Exception {
        var payload = DecideReview.newBuilder().setResult(body.result()).setRationale(body.rationale()).build();
        return gateway.send(caseId, payload, who, Role.SUPERVISOR, request);
    }

    @PostMapping("/review-waiver")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Record that the person waived review (who and why are recorded)")
    ResponseEntity<CommandResult> waive(@PathVariable String caseId, @Valid @RequestBody CommandRequests.ReviewWaiver body,
                                        Authentication who, HttpServletRequest request) throws Exception {
        return gateway.send(caseId, WaiveReview.newBuilder().setReason(body.reason()).build(), who, officerRole(who), request);
    }

    /** A supervisor may act as an officer; an officer's own role is recorded when they hold it. */
    private static Role officerRole(Authentication who) {
        boolean officer = who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SCREENING_OFFICER"));
        return officer ? Role.SCREENING_OFFICER : Role.SUPERVISOR;
    }

    /** Feared countries validated and normalised at the edge: {@code ven} is recorded as VEN; anything else that is not a code is refused. */
    private static java.util.List<String> countries(java.util.List<String> raw) {
        if (raw == null) {
            return java.util.List.of();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String given = raw.get(i);
            int index = i;
            out.add(org.caseflow.vocabulary.CountryCode.parse(given).orElseThrow(() -> new org.caseflow.platform.web.CaseflowProblem(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "fearedCountries[" + index
                    + "] is not an ISO 3166-1 alpha-3 country code (e.g. VEN).", java.util.Map.of())).alpha3());
        }
        return java.util.List.copyOf(new java.util.LinkedHashSet<>(out));
    }
}
