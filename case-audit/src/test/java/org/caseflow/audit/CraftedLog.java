package org.caseflow.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.CertificationRef;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.ReviewWindow;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.OfficerAssigned;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningQueued;
import org.caseflow.testsupport.SampleEvents;

/** A hand-written log of one case: clean by default, each test bends exactly one thing. */
final class CraftedLog {

    static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");
    static final Duration WINDOW = Duration.ofHours(72);

    final String caseId = "case-" + UUID.randomUUID();
    final List<AuditRecord> records = new ArrayList<>();
    private long offset;
    boolean minor;
    String destination = "VEN";
    String decision = "NO_CREDIBLE_FEAR";
    Instant certUntil = T0.plus(Duration.ofDays(365));
    Instant departure = T0.plus(WINDOW).plus(Duration.ofDays(2));
    List<String> feared = List.of("COL");

    /** Opened, queued, assigned, interviewed, decided NO_CREDIBLE_FEAR, window closed, eligible, scheduled, executed. */
    CraftedLog clean() {
        CaseOpened opened = (CaseOpened) SampleEvents.caseOpened(caseId).getPayload();
        opened.getFlags().setUnaccompaniedMinor(minor);
        opened.getFear().setFearedCountries(feared);
        add(Topics.CASE_INTAKE_EVENTS, opened, 0, "field-office", Role.FIELD_OFFICE, "sub-" + caseId);
        add(Topics.CASE_SCREENING_EVENTS, ScreeningQueued.newBuilder().setCaseId(caseId).setStationCode("LAJAS_BLANCAS").build(), 1,
                "screening-service", Role.SYSTEM, "opened");
        add(Topics.CASE_SCREENING_EVENTS, OfficerAssigned.newBuilder().setCaseId(caseId).setOfficerId("officer-1").build(), 2,
                "supervisor", Role.SUPERVISOR, "cmd-1");
        add(Topics.CASE_SCREENING_EVENTS, InterviewRecorded.newBuilder().setCaseId(caseId).setOfficerId("officer-1").setLanguage("es")
                .setInterpreterUsed(false).setFearArticulated(false).build(), 3, "officer-1", Role.SCREENING_OFFICER, "cmd-2");
        add(Topics.CASE_SCREENING_EVENTS, decided(), 4, "officer-1", Role.SCREENING_OFFICER, "cmd-3");
        long closed = 4 * 60 + WINDOW.toMinutes();
        add(Topics.CASE_SCREENING_EVENTS, ScreeningConcluded.newBuilder().setCaseId(caseId).setOutcome(ScreeningOutcome.valueOf(decision))
                .setEligibleForRemoval(true).setDecidedBy("officer-1").setReviewWindowClosedAt(T0.plus(Duration.ofMinutes(closed))).build(),
                closed / 60.0, "screening-service", Role.SYSTEM, "decision");
        add(Topics.CASE_REMOVAL_EVENTS, RemovalEligible.newBuilder().setCaseId(caseId).setDestination(destination).build(), closed / 60.0 + 0.01,
                "removal-service", Role.SYSTEM, "concluded");
        scheduled(closed / 60.0 + 0.02);
        add(Topics.CASE_REMOVAL_EVENTS, RemovalExecuted.newBuilder().setCaseId(caseId).setFlightId("FL-1").setDepartedAt(departure).build(),
                Duration.between(T0, departure).toMinutes() / 60.0 + 0.1, "removal-officer", Role.REMOVAL_OFFICER, "cmd-depart");
        return this;
    }

    ScreeningDecided decided() {
        Instant at = T0.plus(Duration.ofHours(4));
        return ScreeningDecided.newBuilder().setCaseId(caseId).setOfficerId("officer-1")
                .setCertification(CertificationRef.newBuilder().setCertificationId("cert-1").setValidFrom(T0.minus(Duration.ofDays(30)))
                        .setValidUntil(certUntil).build())
                .setOutcome(ScreeningOutcome.valueOf(decision)).setRationale("r")
                .setReviewWindow(ReviewWindow.newBuilder().setOpensAt(at).setClosesAt(at.plus(WINDOW)).build())
                .build();
    }

    void scheduled(double hours) {
        add(Topics.CASE_REMOVAL_EVENTS, RemovalScheduled.newBuilder().setCaseId(caseId).setFlightId("FL-1").setSeat(3).setDestination(destination)
                .setDepartureAt(departure).build(), hours, "removal-service", Role.SYSTEM, "eligible");
    }

    AuditRecord add(String topic, Object payload, double hours, String actor, Role role, String cause) {
        Instant at = T0.plus(Duration.ofSeconds((long) (hours * 3600)));
        Metadata metadata = Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setOccurredAt(at).setRecordedAt(at)
                .setProducer("crafted").setActor(Actor.newBuilder().setId(actor).setRole(role).build()).setCausationId(cause)
                .setCorrelationId(caseId).build();
        AuditRecord record = new AuditRecord(topic, 0, offset++, caseId, metadata, payload);
        records.add(record);
        return record;
    }
}
