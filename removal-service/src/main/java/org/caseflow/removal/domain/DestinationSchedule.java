package org.caseflow.removal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.caseflow.vocabulary.Safeguard;

/**
 * The flights and the queue of one destination; one stream task owns it, so seats are allocated one
 * decision at a time and never given twice. Cases wait in the order they became eligible; a family
 * group travels on one flight or waits together; no one is seated on a flight that leaves before their
 * review window closed (S4).
 */
public record DestinationSchedule(String destination, List<Flight> flights, List<Waiting> waiting) {

    /** A case waiting for a seat. */
    public record Waiting(String caseId, Instant notBefore, String familyGroupId, Instant eligibleAt, Instant decidedAt) {
        String group() {
            return familyGroupId == null ? "case:" + caseId : "family:" + familyGroupId;
        }
    }

    /** The schedule after a step and what it decided; {@code refused} is set (and nothing changed) when a command was refused. */
    public record Result(DestinationSchedule schedule, List<AllocationEvent> events, Refusal refused) {
        public Result(DestinationSchedule schedule, List<AllocationEvent> events) {
            this(schedule, events, null);
        }

        static Result refused(DestinationSchedule unchanged, Refusal refusal) {
            return new Result(unchanged, List.of(), refusal);
        }
    }

    public DestinationSchedule {
        flights = List.copyOf(flights);
        waiting = List.copyOf(waiting);
    }

    public static DestinationSchedule empty(String destination) {
        return new DestinationSchedule(destination, List.of(), List.of());
    }

    public Optional<Flight> flight(String flightId) {
        return flights.stream().filter(f -> f.flightId().equals(flightId)).findFirst();
    }

    /** Where a case stands here: waiting, seated, or unknown. */
    public boolean holds(String caseId) {
        return waiting.stream().anyMatch(w -> w.caseId().equals(caseId)) || seatOf(caseId).isPresent();
    }

    /** The departed flight that carried the case, if it was removed from here. */
    public Optional<Flight> departedWith(String caseId) {
        return flights.stream().filter(f -> f.status() == Flight.Status.DEPARTED)
                .filter(f -> f.assigned().stream().anyMatch(s -> s.caseId().equals(caseId))).findFirst();
    }

    public Optional<Map.Entry<Flight, Flight.Seat>> seatOf(String caseId) {
        for (Flight f : flights) {
            if (f.status() == Flight.Status.PLANNED) {
                for (Flight.Seat s : f.assigned()) {
                    if (s.caseId().equals(caseId)) {
                        return Optional.of(Map.entry(f, s));
                    }
                }
            }
        }
        return Optional.empty();
    }

    public Result request(Waiting w, Instant now) {
        if (holds(w.caseId())) {
            return new Result(this, List.of());
        }
        List<Waiting> queue = new ArrayList<>(waiting);
        queue.add(w);
        return new DestinationSchedule(destination, flights, queue).allocate(now, new ArrayList<>());
    }

    /** A new flight: it must leave in the future with at least one seat; waiting cases are seated on it at once. */
    public Result plan(Flight flight, Instant now) {
        if (!flight.departureAt().isAfter(now)) {
            return Result.refused(this, Refusal.unprocessable("DEPARTURE_NOT_IN_FUTURE", "A flight is planned before it leaves."));
        }
        if (flight.seats() < 1) {
            return Result.refused(this, Refusal.unprocessable("NO_SEATS", "A flight needs at least one seat."));
        }
        if (flight(flight.flightId()).isPresent()) {
            return Result.refused(this, Refusal.conflict("FLIGHT_EXISTS", "Flight " + flight.flightId() + " is already planned."));
        }
        List<Flight> all = new ArrayList<>(flights);
        all.add(flight.with(Flight.Status.PLANNED, List.of()));
        List<AllocationEvent> events = new ArrayList<>();
        events.add(new AllocationEvent.FlightChanged(all.getLast()));
        return new DestinationSchedule(destination, all, waiting).allocate(now, events);
    }

    /**
     * A stay (stayed=true) or a cancellation takes a case out: from the queue, or off its flight (the seat is freed).
     * A case that already left on a flight cannot be taken out: refused, whatever the case step believed.
     */
    public Result withdraw(String caseId, boolean stayed, String reason, Instant now) {
        Optional<Flight> departed = departedWith(caseId);
        if (departed.isPresent()) {
            return Result.refused(this, Refusal.conflict("ALREADY_EXECUTED",
                    "The removal of case " + caseId + " was already carried out on flight " + departed.get().flightId() + "."));
        }
        List<AllocationEvent> events = new ArrayList<>();
        List<Waiting> queue = new ArrayList<>(waiting);
        boolean wasWaiting = queue.removeIf(w -> w.caseId().equals(caseId));
        var seat = seatOf(caseId);
        if (!wasWaiting && seat.isEmpty()) {
            return new Result(this, List.of());
        }
        List<Flight> all = new ArrayList<>(flights);
        String flightId = null;
        Integer seatNumber = null;
        if (seat.isPresent()) {
            Flight f = seat.get().getKey();
            flightId = f.flightId();
            seatNumber = seat.get().getValue().seat();
            Flight freed = f.with(f.status(), f.assigned().stream().filter(s -> !s.caseId().equals(caseId)).toList());
            all.set(all.indexOf(f), freed);
            events.add(stayed ? new AllocationEvent.Stayed(caseId, reason, flightId, seatNumber) : new AllocationEvent.Cancelled(caseId, reason, flightId));
            events.add(new AllocationEvent.FlightChanged(freed));
        } else {
            events.add(stayed ? new AllocationEvent.Stayed(caseId, reason, null, null) : new AllocationEvent.Cancelled(caseId, reason, null));
        }
        return new DestinationSchedule(destination, all, queue).allocate(now, events);
    }

    /** A cancelled flight's cases go back to the queue, ahead of later arrivals. */
    public Result cancelFlight(String flightId, Instant now) {
        Optional<Refusal> refusal = notPlanned(flightId);
        if (refusal.isPresent()) {
            return Result.refused(this, refusal.get());
        }
        Optional<Flight> found = flight(flightId);
        Flight f = found.get();
        List<AllocationEvent> events = new ArrayList<>();
        List<Waiting> queue = new ArrayList<>(waiting);
        for (Flight.Seat s : f.assigned()) {
            queue.add(new Waiting(s.caseId(), s.notBefore(), s.familyGroupId(), s.decidedAt(), s.decidedAt()));
            events.add(new AllocationEvent.Requeued(s.caseId(), s.notBefore(), s.familyGroupId(), "FLIGHT_CANCELLED"));
        }
        List<Flight> all = new ArrayList<>(flights);
        Flight cancelled = f.with(Flight.Status.CANCELLED, List.of());
        all.set(all.indexOf(f), cancelled);
        events.add(new AllocationEvent.FlightChanged(cancelled));
        return new DestinationSchedule(destination, all, queue).allocate(now, events);
    }

    /** Everyone seated boards, except anyone whose review window had not closed when the flight left (S4). */
    public Result depart(String flightId, Instant departedAt, Instant now) {
        Optional<Refusal> refusal = notPlanned(flightId);
        if (refusal.isPresent()) {
            return Result.refused(this, refusal.get());
        }
        Optional<Flight> found = flight(flightId);
        Flight f = found.get();
        List<AllocationEvent> events = new ArrayList<>();
        List<Waiting> queue = new ArrayList<>(waiting);
        List<Flight.Seat> boarded = new ArrayList<>();
        for (Flight.Seat s : f.assigned()) {
            if (departedAt.isBefore(s.notBefore())) {
                events.add(new AllocationEvent.Blocked(s.caseId(), Safeguard.S4_REVIEW_WINDOW,
                        "Not boarded: the flight left before the review window closed at " + s.notBefore() + "."));
                queue.add(new Waiting(s.caseId(), s.notBefore(), s.familyGroupId(), s.decidedAt(), s.decidedAt()));
                events.add(new AllocationEvent.Requeued(s.caseId(), s.notBefore(), s.familyGroupId(), "NOT_BOARDED"));
            } else {
                boarded.add(s);
                events.add(new AllocationEvent.Executed(s.caseId(), flightId, departedAt));
            }
        }
        List<Flight> all = new ArrayList<>(flights);
        Flight departed = f.with(Flight.Status.DEPARTED, boarded);
        all.set(all.indexOf(f), departed);
        events.add(new AllocationEvent.FlightChanged(departed));
        return new DestinationSchedule(destination, all, queue).allocate(now, events);
    }

    /** A flight can depart or be cancelled only while it is planned. */
    private Optional<Refusal> notPlanned(String flightId) {
        Optional<Flight> found = flight(flightId);
        if (found.isEmpty()) {
            return Optional.of(Refusal.notFound("FLIGHT_NOT_FOUND", "Flight " + flightId + " does not exist."));
        }
        if (found.get().status() != Flight.Status.PLANNED) {
            return Optional.of(Refusal.conflict("FLIGHT_NOT_PLANNED", "Flight " + flightId + " is " + found.get().status() + "."));
        }
        return Optional.empty();
    }

    /** Seats waiting cases, group by group, in the order they became eligible. */
    Result allocate(Instant now, List<AllocationEvent> events) {
        List<Flight> all = new ArrayList<>(flights);
        List<Waiting> queue = new ArrayList<>(waiting);
        Map<String, List<Waiting>> groups = new LinkedHashMap<>();
        queue.stream().sorted(Comparator.comparing(Waiting::eligibleAt).thenComparing(Waiting::caseId))
                .forEach(w -> groups.computeIfAbsent(w.group(), g -> new ArrayList<>()).add(w));
        for (List<Waiting> group : groups.values()) {
            List<Waiting> members = new ArrayList<>(group);
            String family = members.getFirst().familyGroupId();
            if (family != null) {
                // members already seated: join them, or all of them move together
                Optional<Flight> seated = all.stream().filter(f -> f.status() == Flight.Status.PLANNED)
                        .filter(f -> f.assigned().stream().anyMatch(s -> family.equals(s.familyGroupId()))).findFirst();
                if (seated.isPresent()) {
                    Flight f = seated.get();
                    if (f.canTake(members.size(), latest(members), now)) {
                        all.set(all.indexOf(f), seat(f, members, events));
                        queue.removeAll(members);
                        continue;
                    }
                    List<Flight.Seat> moving = f.assigned().stream().filter(s -> family.equals(s.familyGroupId())).toList();
                    Flight freed = f.with(f.status(), f.assigned().stream().filter(s -> !moving.contains(s)).toList());
                    all.set(all.indexOf(f), freed);
                    events.add(new AllocationEvent.FlightChanged(freed));
                    for (Flight.Seat s : moving) {
                        Waiting back = new Waiting(s.caseId(), s.notBefore(), family, s.decidedAt(), s.decidedAt());
                        members.add(back);
                        queue.add(back);
                        events.add(new AllocationEvent.Requeued(s.caseId(), s.notBefore(), family, "FAMILY_KEPT_TOGETHER"));
                    }
                }
            }
            Instant notBefore = latest(members);
            Optional<Flight> flight = all.stream().filter(f -> f.canTake(members.size(), notBefore, now))
                    .min(Comparator.comparing(Flight::departureAt).thenComparing(Flight::flightId));
            if (flight.isPresent()) {
                Flight f = flight.get();
                all.set(all.indexOf(f), seat(f, members, events));
                queue.removeAll(members);
            }
        }
        return new Result(new DestinationSchedule(destination, all, queue), List.copyOf(events));
    }

    private static Flight seat(Flight f, List<Waiting> members, List<AllocationEvent> events) {
        TreeSet<Integer> free = new TreeSet<>();
        for (int i = 1; i <= f.seats(); i++) {
            free.add(i);
        }
        f.assigned().forEach(s -> free.remove(s.seat()));
        List<Flight.Seat> seats = new ArrayList<>(f.assigned());
        for (Waiting w : members) {
            int seat = free.pollFirst();
            seats.add(new Flight.Seat(seat, w.caseId(), w.notBefore(), w.decidedAt(), w.familyGroupId()));
            events.add(new AllocationEvent.Scheduled(w.caseId(), f.flightId(), seat, f.departureAt(), w.decidedAt()));
        }
        Flight updated = f.with(f.status(), seats);
        events.add(new AllocationEvent.FlightChanged(updated));
        return updated;
    }

    private static Instant latest(List<Waiting> members) {
        return members.stream().map(Waiting::notBefore).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }
}
