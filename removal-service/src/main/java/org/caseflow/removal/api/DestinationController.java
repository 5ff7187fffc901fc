package org.caseflow.removal.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.caseflow.platform.kafka.InteractiveQueries;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.removal.domain.DestinationSchedule;
import org.caseflow.removal.domain.Flight;
import org.caseflow.removal.stream.RemovalTopology;
import org.caseflow.vocabulary.CountryCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The removal queue of one destination as allocation holds it: who waits for a seat, in which order, and the planned flights. */
@RestController
@RequestMapping("/api/destinations/{destination}")
@Tag(name = "Destinations", description = "The removal queue and planned flights per destination")
class DestinationController {

    record Waiting(String caseId, Instant eligibleAt, Instant notBefore, String familyGroupId) {
    }

    record PlannedFlight(String flightId, Instant departureAt, int seats, int seatsTaken) {
    }

    record Queue(String destination, List<Waiting> waiting, List<PlannedFlight> flights) {
    }

    private final InteractiveQueries queries;

    DestinationController(InteractiveQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/queue")
    @PreAuthorize("hasAnyRole('REMOVAL_OFFICER', 'AUDITOR')")
    @Operation(summary = "Cases waiting for a seat to this destination, in the order they will be seated, and its planned flights",
            responses = @ApiResponse(responseCode = "200", description = "The queue", content = @Content(schema = @Schema(implementation = Queue.class))))
    ResponseEntity<?> queue(@PathVariable String destination, HttpServletRequest request) {
        String code = CountryCode.parse(destination).orElseThrow(() -> new CaseflowProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "destination must be an ISO 3166-1 alpha-3 country code (e.g. COL).", Map.of())).alpha3();
        var owner = queries.remoteOwner(RemovalTopology.SCHEDULES_STORE, code, request);
        if (owner.isPresent()) {
            return queries.forward(owner.get(), "/api/destinations/" + code + "/queue", request);
        }
        DestinationSchedule schedule = queries.<DestinationSchedule>localStore(RemovalTopology.SCHEDULES_STORE).get(code);
        if (schedule == null) {
            return ResponseEntity.ok(new Queue(code, List.of(), List.of()));
        }
        List<Waiting> waiting = schedule.waiting().stream()
                .sorted(Comparator.comparing(DestinationSchedule.Waiting::eligibleAt).thenComparing(DestinationSchedule.Waiting::caseId))
                .map(w -> new Waiting(w.caseId(), w.eligibleAt(), w.notBefore(), w.familyGroupId())).toList();
        List<PlannedFlight> flights = schedule.flights().stream().filter(f -> f.status() == Flight.Status.PLANNED)
                .sorted(Comparator.comparing(Flight::departureAt))
                .map(f -> new PlannedFlight(f.flightId(), f.departureAt(), f.seats(), f.assigned().size())).toList();
        return ResponseEntity.ok(new Queue(code, waiting, flights));
    }
}
