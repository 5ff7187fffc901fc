package org.caseflow.intake.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.caseflow.intake.stream.IntakeTopology;
import org.caseflow.submission.SubmissionMapper;
import org.caseflow.platform.kafka.InteractiveQueries;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.vocabulary.Bounds;
import org.caseflow.vocabulary.CountryCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finds a person's cases by nationality and the number of their strongest identity document (a passport first,
 * then a national id): the same key intake links repeat encounters by. Answered by the instance that owns the key.
 */
@RestController
@RequestMapping("/api/persons")
@Tag(name = "Persons", description = "A person's cases, by nationality and document number")
class PersonController {

    record PersonCases(String nationality, List<String> caseIds) {
    }

    private final InteractiveQueries queries;

    PersonController(InteractiveQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/cases")
    @PreAuthorize("hasAnyRole('FIELD_OFFICE', 'SCREENING_OFFICER', 'SUPERVISOR', 'REMOVAL_OFFICER', 'AUDITOR')")
    @Operation(summary = "The cases of a person: nationality (ISO 3166-1 alpha-3) and document number (spaces and dashes ignored)",
            responses = @ApiResponse(responseCode = "200", description = "The person's case ids, oldest first",
                    content = @Content(schema = @Schema(implementation = PersonCases.class))))
    ResponseEntity<?> cases(@RequestParam String nationality, @RequestParam String document, HttpServletRequest request) {
        CountryCode country = CountryCode.parse(nationality).orElseThrow(() -> new CaseflowProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "nationality must be an ISO 3166-1 alpha-3 country code (e.g. COL).", Map.of()));
        if (document.isBlank() || document.length() > Bounds.ID) {
            throw new CaseflowProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "document must be a document number of at most " + Bounds.ID
                    + " characters.", Map.of());
        }
        String key = SubmissionMapper.personKey(country.alpha3(), document);
        var owner = queries.remoteOwner(IntakeTopology.PERSONS_STORE, key, request);
        if (owner.isPresent()) {
            return queries.forward(owner.get(), "/api/persons/cases?nationality=" + country.alpha3() + "&document="
                    + java.net.URLEncoder.encode(document, java.nio.charset.StandardCharsets.UTF_8), request);
        }
        String cases = queries.<String>localStore(IntakeTopology.PERSONS_STORE).get(key);
        if (cases == null) {
            // the problem names neither the document nor the person: no personal data in answers or logs
            throw new CaseflowProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No case is recorded for that person.", Map.of());
        }
        return ResponseEntity.ok(new PersonCases(country.alpha3(), Arrays.asList(cases.split(","))));
    }
}
