package org.caseflow.audit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.CertificationRef;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.ReviewWindow;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.removal.FlightState;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.OfficerAssigned;
import org.caseflow.schemas.screening.OfficerRegistered;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningQueued;
import org.caseflow.testsupport.SampleEvents;
import org.caseflow.testsupport.TestStations;

/**
 * A hand-written log of one or more cases, with the officer registry and flight records they rely on: clean by
 * default, each test bends exactly one thing. Time runs in "hours" of a chosen length, so the same history can
 * be replayed in memory (real hours) or written to a real broker (milliseconds, near now).
 */
final class CraftedLog {

    static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
    static final String OFFICER = "officer-1";
    static final String FLIGHT = "FL-1";

    final Instant t0;
    final Duration hour;
    final String caseId = "case-" + UUID.randomUUID();
    /** Officer registry and flight records, and the case topics' records, in the order they were logged. */
    static final String STATION = "LAJAS_BLANCAS";
    /** Cases carry their station's signature over what they record (made when audited, after a test's changes); false leaves them unsigned. */
    boolean signCases = true;
    final List<AuditRecord> facts = new ArrayList<>();
    final List<AuditRecord> records = new ArrayList<>();
    private final Map<String, Long> offsets = new HashMap<>();

    boolean minor;
    String nationality = "VEN";
    String destination = "VEN";
    String flightDestination = "VEN";
    String decision = "NO_CREDIBLE_FEAR";
    List<String> feared = List.of("COL");
    List<String> interviewFeared = List.of();
    double registryCertUntilHours = 24 * 365;
    double copiedCertUntilHours = 24 * 365;
    double departureHours = 72 + 4 + 48;
    double flightDepartureHours = 72 + 4 + 48;
    int seat = 3;
    int flightSeats = 10;
    double windowHours = 72;

    CraftedLog() {
        this(T0, Duration.ofHours(1));
    }

    CraftedLog(Instant t0, Duration hour) {
        this.t0 = t0;
        this.hour = hour;
    }

    Instant at(double hours) {
        return t0.plusNanos((long) (hours * hour.toNanos()));
    }

    /** Registered, opened, queued, assigned, interviewed, decided NO_CREDIBLE_FEAR, window closed, eligible, scheduled, executed. */
    CraftedLog clean() {
        registry(-24, registryCertUntilHours);
        fact(Topics.REMOVAL_FLIGHTS, FLIGHT, flight(FlightStatus.PLANNED), -1, "removal-service", "removal-officer-1", Role.REMOVAL_OFFICER);
        CaseOpened opened = (CaseOpened) SampleEvents.caseOpened(caseId).getPayload();
        opened.getFlags().setUnaccompaniedMinor(minor);
        opened.getFear().setFearedCountries(feared);
        opened.getPerson().setNationality(nationality);
        add(Topics.CASE_INTAKE_EVENTS, opened, 0, "LAJAS_BLANCAS", Role.FIELD_OFFICE, "sub-" + caseId);
        add(Topics.CASE_SCREENING_EVENTS, ScreeningQueued.newBuilder().setCaseId(caseId).setStationCode("LAJAS_BLANCAS").build(), 0.01,
                "screening-service", Role.SYSTEM, "opened");
        add(Topics.CASE_SCREENING_EVENTS, OfficerAssigned.newBuilder().setCaseId(caseId).setOfficerId(OFFICER).build(), 2,
                "supervisor-1", Role.SUPERVISOR, "cmd-1");
        add(Topics.CASE_SCREENING_EVENTS, InterviewRecorded.newBuilder().setCaseId(caseId).setOfficerId(OFFICER).setLanguage("es")
                .setInterpreterUsed(false).setFearArticulated(false).setFearedCountries(interviewFeared).build(), 3, OFFICER, Role.SCREENING_OFFICER, "cmd-2");
        add(Topics.CASE_SCREENING_EVENTS, decided(4), 4, OFFICER, Role.SCREENING_OFFICER, "cmd-3");
        if (decision.equals("NO_CREDIBLE_FEAR")) {
            concluded(4 + windowHours, true, "screening-service", Role.SYSTEM);
        } else {
            concluded(4, decision.equals("VOLUNTARY_RETURN"), OFFICER, Role.SCREENING_OFFICER);
        }
        removal(4 + windowHours + 0.01);
        return this;
    }

    void registry(double hours, double certUntilHours) {
        fact(Topics.INTAKE_STATIONS, TestStations.registryKey(STATION), (SpecificRecord) TestStations.registration(STATION).getPayload(), hours,
                "intake-http", "supervisor-1", Role.SUPERVISOR);
        fact(Topics.SCREENING_OFFICERS, OFFICER, OfficerRegistered.newBuilder().setOfficerId(OFFICER).setName("Officer One").setLanguages(List.of("es"))
                .setCertification(certification(certUntilHours)).build(), hours, "screening-http", "supervisor-1", Role.SUPERVISOR);
    }

    CertificationRef certification(double untilHours) {
        return CertificationRef.newBuilder().setCertificationId("cert-1").setValidFrom(at(-24 * 30)).setValidUntil(at(untilHours)).build();
    }

    FlightState flight(FlightStatus status) {
        return FlightState.newBuilder().setFlightId(FLIGHT).setDestination(flightDestination).setDepartureAt(at(flightDepartureHours)).setCarrier("c")
                .setSeats(flightSeats).setStatus(status).setAssignments(List.of()).build();
    }

    ScreeningDecided decided(double hours) {
        Instant decidedAt = at(hours);
        return ScreeningDecided.newBuilder().setCaseId(caseId).setOfficerId(OFFICER).setCertification(certification(copiedCertUntilHours))
                .setOutcome(ScreeningOutcome.valueOf(decision)).setRationale("r")
                .setReviewWindow(decision.equals("NO_CREDIBLE_FEAR")
                        ? ReviewWindow.newBuilder().setOpensAt(decidedAt).setClosesAt(at(hours + windowHours)).build() : null)
                .build();
    }

    void concluded(double hours, boolean eligible, String actor, Role role) {
        add(Topics.CASE_SCREENING_EVENTS, ScreeningConcluded.newBuilder().setCaseId(caseId).setOutcome(ScreeningOutcome.valueOf(decision))
                .setEligibleForRemoval(eligible).setDecidedBy(OFFICER).build(), hours, actor, role, "decision");
    }

    /** Eligible, scheduled, flown (and the flight recorded as departed). */
    void removal(double hours) {
        add(Topics.CASE_REMOVAL_EVENTS, RemovalEligible.newBuilder().setCaseId(caseId).setDestination(destination).build(), hours,
                "removal-service", Role.SYSTEM, "concluded");
        scheduled(hours + 0.01);
        executed(departureHours + 0.1, FLIGHT);
    }

    void scheduled(double hours) {
        add(Topics.CASE_REMOVAL_EVENTS, RemovalScheduled.newBuilder().setCaseId(caseId).setFlightId(FLIGHT).setSeat(seat).setDestination(destination)
                .setDepartureAt(at(departureHours)).build(), hours, "removal-service", Role.SYSTEM, "eligible");
    }

    void executed(double hours, String flightId) {
        fact(Topics.REMOVAL_FLIGHTS, FLIGHT, flight(FlightStatus.DEPARTED), hours - 0.01, "removal-service", "removal-officer-1", Role.REMOVAL_OFFICER);
        add(Topics.CASE_REMOVAL_EVENTS, RemovalExecuted.newBuilder().setCaseId(caseId).setFlightId(flightId).setDepartedAt(at(departureHours)).build(),
                hours, "removal-officer-1", Role.REMOVAL_OFFICER, "cmd-depart-" + UUID.randomUUID());
    }

    AuditRecord add(String topic, SpecificRecord payload, double hours, String actor, Role role, String cause) {
        String producer = switch (topic) {
            case Topics.CASE_INTAKE_EVENTS -> "intake-service";
            case Topics.CASE_SCREENING_EVENTS -> "screening-service";
            default -> "removal-service";
        };
        AuditRecord r = record(topic, caseId, caseId, payload, at(hours), producer, actor, role, cause);
        records.add(r);
        return r;
    }

    /** Signs every unsigned CaseOpened with its station's test key, over what it records now (as intake would have recorded it). */
    CraftedLog signOpened() {
        if (signCases) {
            for (AuditRecord r : records) {
                if (r.payload() instanceof CaseOpened o && o.getSignature() == null) {
                    o.setSignature(TestStations.signed(org.caseflow.submission.EncounterSignatures.submissionOf(o)).getSignature());
                }
            }
        }
        return this;
    }

    AuditRecord fact(String topic, String key, SpecificRecord payload, double hours, String producer, String actor, Role role) {
        AuditRecord r = record(topic, key, null, payload, at(hours), producer, actor, role, "cmd-" + UUID.randomUUID());
        facts.add(r);
        return r;
    }

    private AuditRecord record(String topic, String key, String caseId, SpecificRecord payload, Instant at, String producer, String actor, Role role,
                               String cause) {
        Metadata metadata = Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setOccurredAt(at).setRecordedAt(at)
                .setProducer(producer).setActor(Actor.newBuilder().setId(actor).setRole(role).build()).setCausationId(cause)
                .setCorrelationId(key).build();
        long offset = offsets.merge(topic, 1L, Long::sum) - 1;
        String envelope = Topics.byName(topic).valueSchema().orElseThrow().getFullName();
        return new AuditRecord(topic, 0, offset, at.toEpochMilli(), true, key, envelope, metadata, payload);
    }

    /** The same record, as if the broker had logged it at another time. */
    static AuditRecord loggedAt(AuditRecord r, Instant at) {
        return new AuditRecord(r.topic(), r.partition(), r.offset(), at.toEpochMilli(), true, r.key(), r.envelope(), r.metadata(), r.payload());
    }

    AuditRecord find(Class<?> type) {
        return records.stream().filter(r -> type.isInstance(r.payload())).findFirst().orElseThrow();
    }

    /** A replay that reads no broker: records are handed to it, audited at {@code auditedAt}. */
    static Replay replay(Instant auditedAt) {
        CaseAudit.Options options = new CaseAudit.Options("unused:0", java.util.Map.of(), "http://unused", null, null, null, "json", null, Duration.ofDays(7),
                Duration.ofSeconds(10));
        return new Replay(options, new PrintStream(OutputStream.nullOutputStream()), auditedAt);
    }

    /** Replays these logs in memory exactly as the audit replays a partition, audited at {@code auditedAt}. */
    static AuditReport audit(Instant auditedAt, CraftedLog... logs) {
        Replay replay = replay(auditedAt);
        List<AuditRecord> facts = new ArrayList<>();
        List<AuditRecord> records = new ArrayList<>();
        for (CraftedLog log : logs) {
            log.signOpened();
            facts.addAll(log.facts);
            records.addAll(log.records);
        }
        facts.sort(Comparator.comparingLong(AuditRecord::timestamp));
        facts.forEach(replay::fact);
        Replay.PartitionState state = new Replay.PartitionState();
        records.sort(Comparator.comparingLong(AuditRecord::timestamp).thenComparingInt(r -> Topics.CASE_TOPICS.indexOf(r.topic()))
                .thenComparingLong(AuditRecord::offset));
        records.forEach(r -> replay.caseRecord(r, state));
        replay.finishPartition(state);
        return replay.finish();
    }

    AuditReport audit() {
        return audit(t0.plus(Duration.ofDays(30)), this);
    }
}
