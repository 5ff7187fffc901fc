package org.caseflow.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.caseflow.schemas.intake.StationKeyRegistered;
import org.caseflow.schemas.intake.StationKeyRevoked;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.StationRegistrations;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.screening.OfficerRegistered;

/**
 * The facts a case's own events must agree with, read whole before the case topics: the station registry
 * ({@code intake.stations}), the officer registry ({@code screening.officers}) and the flight records
 * ({@code removal.flights}), every version the log still holds, in log order.
 */
final class Registries {

    /** One version of an officer's registry record. */
    record OfficerVersion(long loggedAt, String certificationId, Instant validFrom, Instant validUntil, Set<String> languages) {

        boolean certifiedAt(Instant t) {
            return certificationId != null && !t.isBefore(validFrom) && t.isBefore(validUntil);
        }
    }

    /** One version of a flight record. */
    record FlightVersion(long loggedAt, AuditRecord.Ref ref, String destination, Instant departureAt, int seats, FlightStatus status) {
    }

    /** One version of a station key's registry record: registered, or revoked (from {@code loggedAt} on). */
    record StationKeyVersion(long loggedAt, byte[] publicKey, boolean revoked) {
    }

    private final Map<String, List<StationKeyVersion>> stationKeys = new HashMap<>();
    private final Map<String, List<OfficerVersion>> officers = new HashMap<>();
    private final Map<String, List<FlightVersion>> flights = new HashMap<>();

    void officer(AuditRecord r, OfficerRegistered o) {
        var c = o.getCertification();
        officers.computeIfAbsent(o.getOfficerId(), k -> new ArrayList<>()).add(new OfficerVersion(r.timestamp(),
                c == null ? null : c.getCertificationId(), c == null ? null : c.getValidFrom(), c == null ? null : c.getValidUntil(),
                Set.copyOf(o.getLanguages())));
    }

    void stationKey(AuditRecord r, StationKeyRegistered k) {
        stationKeys.computeIfAbsent(StationRegistrations.registryKey(k.getStationCode(), k.getKeyId()), x -> new ArrayList<>())
                .add(new StationKeyVersion(r.timestamp(), EncounterSignatures.bytes(k.getPublicKey()), false));
    }

    void stationKey(AuditRecord r, StationKeyRevoked k) {
        stationKeys.computeIfAbsent(StationRegistrations.registryKey(k.getStationCode(), k.getKeyId()), x -> new ArrayList<>())
                .add(new StationKeyVersion(r.timestamp(), EncounterSignatures.bytes(k.getPublicKey()), true));
    }

    /**
     * The station's key as the registry stood when {@code loggedAt} was logged: the last version at or before it, or
     * null when the key was not registered (or only later). A revoked key still carries its public key.
     */
    StationKeyVersion stationKeyAt(String stationCode, String keyId, long loggedAt) {
        StationKeyVersion found = null;
        for (StationKeyVersion v : stationKeys.getOrDefault(StationRegistrations.registryKey(stationCode, keyId), List.of())) {
            if (v.loggedAt() <= loggedAt) {
                found = v;
            }
        }
        return found;
    }

    void flight(AuditRecord r, FlightState f) {
        flights.computeIfAbsent(f.getFlightId(), k -> new ArrayList<>()).add(new FlightVersion(r.timestamp(), r.ref(), f.getDestination(),
                f.getDepartureAt(), f.getSeats(), f.getStatus()));
    }

    /**
     * The officer's record in force when {@code loggedAt} was logged: the last version logged at or before it; if
     * compaction left only later versions, the earliest one (so the check stays strict, never silent).
     */
    OfficerVersion officerAt(String officerId, long loggedAt) {
        List<OfficerVersion> versions = officers.get(officerId);
        if (versions == null) {
            return null;
        }
        OfficerVersion found = versions.getFirst();
        for (OfficerVersion v : versions) {
            if (v.loggedAt() <= loggedAt) {
                found = v;
            }
        }
        return found;
    }

    /** Every version of a flight, oldest first; empty when the flight was never recorded. */
    List<FlightVersion> flight(String flightId) {
        return flights.getOrDefault(flightId, List.of());
    }

    int stationKeyCount() {
        return stationKeys.size();
    }

    int officerCount() {
        return officers.size();
    }

    int flightCount() {
        return flights.size();
    }
}
