package org.caseflow.removal.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import org.caseflow.platform.command.CommandGateway;
import org.caseflow.platform.command.CommandResult;
import org.caseflow.platform.kafka.InteractiveQueries;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.removal.stream.RemovalTopology;
import org.caseflow.schemas.removal.CancelFlight;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.PlanFlight;
import org.caseflow.schemas.removal.RecordDeparture;
import org.caseflow.vocabulary.CountryCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Removal officers plan flights, read manifests, record departures and cancel flights. */
@RestController
@RequestMapping("/api/flights")
@Tag(name = "Flights", description = "Removal flights, seats and manifests")
class FlightController {


    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"destination\": \"COL\", \"departureAt\": \"2026-12-01T08:00:00Z\", \"seats\": 40, "
            + "\"carrier\": \"Example Air\"}")
    record FlightRequest(@NotBlank @jakarta.validation.constraints.Size(max = 3) String destination, @NotNull @Future Instant departureAt,
                         @Min(1) @Max(1000) int seats, @NotBlank @Size(max = 100) String carrier) {
    }

    record DepartureRequest(Instant departedAt) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"reason\": \"Aircraft unavailable\"}")
    record CancellationRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record FlightView(String flightId, String destination, Instant departureAt, String carrier, int seats, int seatsTaken, String status) {
        static FlightView of(FlightState f) {
            return new FlightView(f.getFlightId(), f.getDestination(), f.getDepartureAt(), f.getCarrier(), f.getSeats(), f.getAssignments().size(),
                    f.getStatus().name());
        }
    }

    record Passenger(int seat, String caseId) {
    }

    record Manifest(String flightId, String destination, Instant departureAt, String status, int seats, List<Passenger> passengers) {
    }

    private final RemovalCommands commands;
    private final InteractiveQueries queries;

    FlightController(RemovalCommands commands, InteractiveQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @PreAuthorize("hasRole('REMOVAL_OFFICER')")
    @Operation(summary = "Plan a flight to a destination; eligible cases are seated on it at once",
            responses = {
                @ApiResponse(responseCode = "201", description = "Planned: the flight (or the command's result if the view has not caught up); Location: the flight",
                        content = @Content(schema = @Schema(oneOf = {FlightView.class, CommandResult.class}))),
                @ApiResponse(responseCode = "202", description = "Not decided within the wait; Location: the command's result", content = @Content)})
    ResponseEntity<?> plan(@Valid @RequestBody FlightRequest body, Authentication who, HttpServletRequest request) throws Exception {
        var destination = CountryCode.parse(body.destination()).orElseThrow(() -> new CaseflowProblem(HttpStatus.BAD_REQUEST,
                "INVALID_REQUEST", "destination must be an ISO 3166-1 alpha-3 country code (e.g. VEN).", java.util.Map.of()));
        String commandId = CommandGateway.commandId(who, "flights", request);
        // derived from the command, so a retried call (same Idempotency-Key) names the same flight
        String flightId = "FL-" + destination.alpha3() + "-" + commandId.substring(0, 8);
        var payload = PlanFlight.newBuilder().setFlightId(flightId).setDestination(destination.alpha3())
                .setDepartureAt(body.departureAt()).setSeats(body.seats()).setCarrier(body.carrier()).build();
        Optional<CommandResult> answer = commands.submit(commandId, flightId, null, payload, who);
        if (answer.isEmpty()) {
            return CommandGateway.pending(RemovalCommands.resultLocation(commandId));
        }
        CommandResult applied = CommandGateway.requireApplied(answer.get());
        URI location = URI.create("/api/flights/" + flightId);
        return commands.await(() -> flight(flightId)).<ResponseEntity<?>>map(f -> ResponseEntity.created(location).body(FlightView.of(f)))
                .orElseGet(() -> ResponseEntity.created(location).body(applied));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('REMOVAL_OFFICER', 'AUDITOR')")
    @Operation(summary = "Flights, optionally for one destination, by departure")
    List<FlightView> list(@RequestParam(required = false) String destination) {
        List<FlightView> flights = new java.util.ArrayList<>();
        try (var all = queries.<FlightEnvelope>localStore(RemovalTopology.FLIGHTS_VIEW).all()) {
            all.forEachRemaining(kv -> {
                FlightState f = (FlightState) kv.value.getPayload();
                if (destination == null || destination.equals(f.getDestination())) {
                    flights.add(FlightView.of(f));
                }
            });
        }
        flights.sort(java.util.Comparator.comparing(FlightView::departureAt));
        return flights;
    }

    @GetMapping("/{flightId}")
    @PreAuthorize("hasAnyRole('REMOVAL_OFFICER', 'AUDITOR')")
    FlightView get(@PathVariable String flightId) {
        return FlightView.of(require(flightId));
    }

    @GetMapping("/{flightId}/manifest")
    @PreAuthorize("hasAnyRole('REMOVAL_OFFICER', 'AUDITOR')")
    @Operation(summary = "Who holds which seat (case ids; removal keeps no names)")
    Manifest manifest(@PathVariable String flightId) {
        FlightState f = require(flightId);
        return new Manifest(f.getFlightId(), f.getDestination(), f.getDepartureAt(), f.getStatus().name(), f.getSeats(),
                f.getAssignments().stream().map(a -> new Passenger(a.getSeat(), a.getCaseId())).sorted(java.util.Comparator.comparingInt(Passenger::seat)).toList());
    }

    @PostMapping("/{flightId}/departure")
    @PreAuthorize("hasRole('REMOVAL_OFFICER')")
    @Operation(summary = "Record the departure: each boarded case gets RemovalExecuted; 409 FLIGHT_NOT_PLANNED if it already left or was cancelled",
            responses = {
                @ApiResponse(responseCode = "200", description = "Departed: the manifest (or the command's result if the view has not caught up)",
                        content = @Content(schema = @Schema(oneOf = {Manifest.class, CommandResult.class}))),
                @ApiResponse(responseCode = "202", description = "Not decided within the wait; Location: the command's result", content = @Content)})
    ResponseEntity<?> depart(@PathVariable String flightId, @RequestBody(required = false) DepartureRequest body, Authentication who,
                             HttpServletRequest request) throws Exception {
        Instant departedAt = body == null || body.departedAt() == null ? Instant.now() : body.departedAt();
        return settle(flightId, RecordDeparture.newBuilder().setFlightId(flightId).setDepartedAt(departedAt).build(), FlightStatus.DEPARTED, who, request);
    }

    @PostMapping("/{flightId}/cancellation")
    @PreAuthorize("hasRole('REMOVAL_OFFICER')")
    @Operation(summary = "Cancel the flight; its cases return to allocation; 409 FLIGHT_NOT_PLANNED if it already left or was cancelled",
            responses = {
                @ApiResponse(responseCode = "200", description = "Cancelled: the manifest (or the command's result if the view has not caught up)",
                        content = @Content(schema = @Schema(oneOf = {Manifest.class, CommandResult.class}))),
                @ApiResponse(responseCode = "202", description = "Not decided within the wait; Location: the command's result", content = @Content)})
    ResponseEntity<?> cancel(@PathVariable String flightId, @Valid @RequestBody CancellationRequest body, Authentication who,
                             HttpServletRequest request) throws Exception {
        return settle(flightId, CancelFlight.newBuilder().setFlightId(flightId).setReason(body.reason()).build(), FlightStatus.CANCELLED, who, request);
    }

    /** Sends a flight command; once applied, answers with the manifest as the flight view shows it settled. */
    private ResponseEntity<?> settle(String flightId, Object payload, FlightStatus expected, Authentication who, HttpServletRequest request)
            throws Exception {
        String commandId = CommandGateway.commandId(who, flightId, request);
        Optional<CommandResult> answer = commands.submit(commandId, flightId, null, payload, who);
        if (answer.isEmpty()) {
            return CommandGateway.pending(RemovalCommands.resultLocation(commandId));
        }
        CommandResult applied = CommandGateway.requireApplied(answer.get());
        return commands.await(() -> flight(flightId).filter(f -> f.getStatus() == expected)).<ResponseEntity<?>>map(f -> ResponseEntity.ok(manifest(flightId)))
                .orElseGet(() -> ResponseEntity.ok(applied));
    }

    private FlightState require(String flightId) {
        return flight(flightId).orElseThrow(() -> CaseflowProblem.notFound("Flight", flightId));
    }

    private Optional<FlightState> flight(String flightId) {
        FlightEnvelope envelope = queries.<FlightEnvelope>localStore(RemovalTopology.FLIGHTS_VIEW).get(flightId);
        return Optional.ofNullable(envelope).map(e -> (FlightState) e.getPayload());
    }
}
