package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.removal.FlightStatus;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.removal.StayReason;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.OfficerAssigned;
import org.caseflow.schemas.screening.ProtectionReferred;
import org.caseflow.schemas.screening.ProtectionReason;
import org.caseflow.schemas.screening.ReviewDecided;
import org.caseflow.schemas.screening.ReviewRequested;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ReviewWaived;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningQueued;
import org.caseflow.testsupport.SampleEvents;
import org.junit.jupiter.api.Test;

/**
 * Property: every legal history (generated along every path a case can take) replays clean; the same history
 * with one fact changed is caught. Seeded, so a failure names the seed that reproduces it.
 */
class LegalHistoriesPropertyTest {

    static final int HISTORIES = 400;

    /** One fact changed; returns false when the mutation does not apply to this history. */
    record Mutation(String name, Function<CraftedLog, Boolean> apply) {
    }

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("negative decision becomes credible fear", log -> removed(log) && set(log, ScreeningDecided.class,
                    d -> ((ScreeningDecided) d.payload()).setOutcome(ScreeningOutcome.CREDIBLE_FEAR))),
            new Mutation("person was an unaccompanied minor", log -> removed(log) && set(log, CaseOpened.class,
                    r -> ((CaseOpened) r.payload()).getFlags().setUnaccompaniedMinor(true))),
            new Mutation("person feared the destination (lower case)", log -> removed(log) && set(log, CaseOpened.class,
                    r -> ((CaseOpened) r.payload()).getFear().setFearedCountries(List.of("ven")))),
            new Mutation("certification expired before the decision", log -> {
                if (!removed(log)) {
                    return false;
                }
                log.facts.removeIf(r -> r.topic().equals(Topics.SCREENING_OFFICERS));
                log.registry(-24, 1);
                return true;
            }),
            new Mutation("removed a second time", log -> {
                if (!removed(log)) {
                    return false;
                }
                log.executed(log.departureHours + 5, CraftedLog.FLIGHT);
                return true;
            }),
            new Mutation("wrong producer", log -> {
                pick(log).metadata().setProducer("someone-else");
                return true;
            }),
            new Mutation("filed under another case", log -> {
                pick(log).metadata().setCaseId("case-" + UUID.randomUUID());
                return true;
            }),
            new Mutation("no cause", log -> {
                pick(log).metadata().setCausationId(null);
                return true;
            }),
            new Mutation("back-dated a day", log -> {
                var md = pick(log).metadata();
                md.setRecordedAt(md.getRecordedAt().minus(Duration.ofDays(1)));
                return true;
            }),
            new Mutation("duplicate event id", log -> {
                log.records.get(1).metadata().setEventId(log.records.get(0).metadata().getEventId());
                return true;
            }));

    @Test
    void legalHistoriesAreCleanAndOneChangedFactIsCaught() {
        int mutated = 0;
        for (long seed = 0; seed < HISTORIES; seed++) {
            AuditReport clean = history(seed).audit();
            assertThat(clean.findings).as("seed %d: a legal history must be clean%n%s", seed, clean.text()).isEmpty();
            for (Mutation m : MUTATIONS) {
                CraftedLog log = history(seed);
                if (!m.apply().apply(log)) {
                    continue;
                }
                mutated++;
                AuditReport report = log.audit();
                assertThat(report.findings).as("seed %d, mutation '%s' went unseen", seed, m.name()).isNotEmpty();
            }
        }
        assertThat(mutated).isGreaterThan(HISTORIES * 5);
    }

    /** A legal history along a random path (same seed, same history). */
    static CraftedLog history(long seed) {
        Random random = new Random(seed);
        CraftedLog log = new CraftedLog();
        log.registry(-24, 24 * 365);
        log.fact(Topics.REMOVAL_FLIGHTS, CraftedLog.FLIGHT, log.flight(FlightStatus.PLANNED), -1, "removal-service", "removal-officer-1",
                Role.REMOVAL_OFFICER);
        String id = log.caseId;
        CaseOpened opened = (CaseOpened) SampleEvents.caseOpened(id).getPayload();
        opened.getFear().setFearedCountries(random.nextBoolean() ? List.of() : List.of("COL"));
        boolean protectedAtIntake = random.nextInt(8) == 0;
        opened.getFlags().setUnaccompaniedMinor(protectedAtIntake);
        log.add(Topics.CASE_INTAKE_EVENTS, opened, 0, "LAJAS_BLANCAS", Role.FIELD_OFFICE, "sub-" + id);
        if (protectedAtIntake) {
            log.add(Topics.CASE_SCREENING_EVENTS, ProtectionReferred.newBuilder().setCaseId(id).setReasons(List.of(ProtectionReason.UNACCOMPANIED_MINOR))
                    .build(), 0.01, "screening-service", Role.SYSTEM, "opened");
            concluded(log, 0.01, ScreeningOutcome.PROTECTION_REFERRAL, false, "screening-service", Role.SYSTEM);
            return log;
        }
        log.add(Topics.CASE_SCREENING_EVENTS, ScreeningQueued.newBuilder().setCaseId(id).setStationCode("S").build(), 0.01, "screening-service",
                Role.SYSTEM, "opened");
        double t = 1;
        for (int i = 0; i <= random.nextInt(2); i++) {
            log.add(Topics.CASE_SCREENING_EVENTS, OfficerAssigned.newBuilder().setCaseId(id).setOfficerId(CraftedLog.OFFICER).build(), t++,
                    "supervisor-1", Role.SUPERVISOR, "assign-" + i);
        }
        log.add(Topics.CASE_SCREENING_EVENTS, InterviewRecorded.newBuilder().setCaseId(id).setOfficerId(CraftedLog.OFFICER).setLanguage("es")
                .setInterpreterUsed(random.nextBoolean()).setFearArticulated(false).build(), t++, CraftedLog.OFFICER, Role.SCREENING_OFFICER, "interview");
        ScreeningOutcome outcome = List.of(ScreeningOutcome.NO_CREDIBLE_FEAR, ScreeningOutcome.NO_CREDIBLE_FEAR, ScreeningOutcome.CREDIBLE_FEAR,
                ScreeningOutcome.VOLUNTARY_RETURN).get(random.nextInt(4));
        log.decision = outcome.name();
        double decidedAt = t;
        log.add(Topics.CASE_SCREENING_EVENTS, log.decided(decidedAt), decidedAt, CraftedLog.OFFICER, Role.SCREENING_OFFICER, "decide");
        double removalFrom;
        switch (outcome) {
            case CREDIBLE_FEAR -> {
                concluded(log, decidedAt, outcome, false, CraftedLog.OFFICER, Role.SCREENING_OFFICER);
                return log;
            }
            case VOLUNTARY_RETURN -> {
                concluded(log, decidedAt, outcome, true, CraftedLog.OFFICER, Role.SCREENING_OFFICER);
                removalFrom = decidedAt + 0.1;
            }
            default -> {
                switch (random.nextInt(4)) {
                    case 0 -> { // the window closes on time
                        removalFrom = decidedAt + log.windowHours;
                        concluded(log, removalFrom, outcome, true, "screening-service", Role.SYSTEM);
                    }
                    case 1 -> { // the decider waives review
                        removalFrom = decidedAt + 1;
                        log.add(Topics.CASE_SCREENING_EVENTS, ReviewWaived.newBuilder().setCaseId(id).setReason("w").build(), removalFrom,
                                CraftedLog.OFFICER, Role.SCREENING_OFFICER, "waive");
                        concluded(log, removalFrom, outcome, true, CraftedLog.OFFICER, Role.SCREENING_OFFICER);
                    }
                    default -> { // reviewed: upheld (removal may follow at once) or overturned
                        boolean upheld = random.nextBoolean();
                        log.add(Topics.CASE_SCREENING_EVENTS, ReviewRequested.newBuilder().setCaseId(id).setReason("r").build(), decidedAt + 1,
                                CraftedLog.OFFICER, Role.SCREENING_OFFICER, "request");
                        removalFrom = decidedAt + 5;
                        log.add(Topics.CASE_SCREENING_EVENTS, ReviewDecided.newBuilder().setCaseId(id).setSupervisorId("supervisor-2")
                                .setResult(upheld ? ReviewResult.UPHELD : ReviewResult.OVERTURNED).setRationale("r").build(), removalFrom,
                                "supervisor-2", Role.SUPERVISOR, "review");
                        concluded(log, removalFrom, upheld ? outcome : ScreeningOutcome.CREDIBLE_FEAR, upheld, "supervisor-2", Role.SUPERVISOR);
                        if (!upheld) {
                            return log;
                        }
                    }
                }
            }
        }
        log.departureHours = removalFrom + 24 + random.nextInt(48);
        log.flightDepartureHours = log.departureHours;
        log.facts.removeIf(r -> r.topic().equals(Topics.REMOVAL_FLIGHTS));
        log.fact(Topics.REMOVAL_FLIGHTS, CraftedLog.FLIGHT, log.flight(FlightStatus.PLANNED), -1, "removal-service", "removal-officer-1",
                Role.REMOVAL_OFFICER);
        log.add(Topics.CASE_REMOVAL_EVENTS, RemovalEligible.newBuilder().setCaseId(id).setDestination("VEN").build(), removalFrom + 0.01,
                "removal-service", Role.SYSTEM, "concluded");
        if (random.nextBoolean()) { // seated, then re-queued (family kept together) and seated again
            log.scheduled(removalFrom + 0.02);
            log.add(Topics.CASE_REMOVAL_EVENTS, RemovalEligible.newBuilder().setCaseId(id).setDestination("VEN").build(), removalFrom + 0.03,
                    "removal-service", Role.SYSTEM, "requeue");
        }
        log.scheduled(removalFrom + 0.04);
        if (random.nextInt(5) == 0) {
            log.add(Topics.CASE_REMOVAL_EVENTS, RemovalStayed.newBuilder().setCaseId(id).setReason(StayReason.COURT_ORDER).setFlightId(CraftedLog.FLIGHT)
                    .setSeat(log.seat).build(), removalFrom + 1, "removal-officer-1", Role.REMOVAL_OFFICER, "stay");
        } else {
            log.executed(log.departureHours + 0.1, CraftedLog.FLIGHT);
        }
        return log;
    }

    private static void concluded(CraftedLog log, double hours, ScreeningOutcome outcome, boolean eligible, String actor, Role role) {
        log.add(Topics.CASE_SCREENING_EVENTS, ScreeningConcluded.newBuilder().setCaseId(log.caseId).setOutcome(outcome).setEligibleForRemoval(eligible)
                .build(), hours, actor, role, "conclude-" + hours);
    }

    private static boolean removed(CraftedLog log) {
        return log.records.stream().anyMatch(r -> r.payload() instanceof RemovalExecuted);
    }

    private static boolean set(CraftedLog log, Class<?> type, java.util.function.Consumer<AuditRecord> change) {
        change.accept(log.find(type));
        return true;
    }

    private static AuditRecord pick(CraftedLog log) {
        return log.records.get(new Random(log.records.size()).nextInt(log.records.size()));
    }
}
