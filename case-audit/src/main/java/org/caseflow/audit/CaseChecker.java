package org.caseflow.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeAmended;
import org.caseflow.schemas.removal.RemovalBlocked;
import org.caseflow.schemas.removal.RemovalCancelled;
import org.caseflow.schemas.removal.RemovalEligible;
import org.caseflow.schemas.removal.RemovalExecuted;
import org.caseflow.schemas.removal.RemovalScheduled;
import org.caseflow.schemas.removal.RemovalStayed;
import org.caseflow.schemas.screening.InterviewRecorded;
import org.caseflow.schemas.screening.OfficerAssigned;
import org.caseflow.schemas.screening.ProtectionReferred;
import org.caseflow.schemas.screening.ReviewDecided;
import org.caseflow.schemas.screening.ReviewRequested;
import org.caseflow.schemas.screening.ReviewResult;
import org.caseflow.schemas.screening.ReviewWaived;
import org.caseflow.schemas.screening.ScreeningConcluded;
import org.caseflow.schemas.screening.ScreeningDecided;
import org.caseflow.schemas.screening.ScreeningQueued;
import org.caseflow.screening.domain.ScreeningCase;

/**
 * Checks one case's records, in causal order, against every rule, from the log alone. The screening
 * state is rebuilt with the screening service's own fold ({@link ScreeningCase#apply}).
 */
final class CaseChecker {

    /** What the audit learns of one case besides findings: its final states and stage times. */
    record CaseResult(String caseId, List<Finding> findings, List<AuditRecord> timeline, String screeningStatus, String screeningOutcome,
                      String removalStage, Map<String, Duration> stages) {
    }

    private static final Set<Class<?>> KNOWN = Set.of(CaseOpened.class, IntakeAmended.class, ScreeningQueued.class, OfficerAssigned.class,
            InterviewRecorded.class, ScreeningDecided.class, ReviewRequested.class, ReviewDecided.class, ReviewWaived.class,
            ProtectionReferred.class, ScreeningConcluded.class, RemovalEligible.class, RemovalScheduled.class, RemovalStayed.class,
            RemovalCancelled.class, RemovalExecuted.class, RemovalBlocked.class);

    private final Duration stuckAfter;
    private final Instant auditedAt;

    CaseChecker(Duration stuckAfter, Instant auditedAt) {
        this.stuckAfter = stuckAfter;
        this.auditedAt = auditedAt;
    }

    /** Causal order: when Caseflow recorded it, then intake before screening before removal, then log position. */
    static final Comparator<AuditRecord> CAUSAL = Comparator.comparing(AuditRecord::recordedAt)
            .thenComparingInt(r -> topicRank(r.topic())).thenComparingInt(AuditRecord::partition).thenComparingLong(AuditRecord::offset);

    CaseResult check(String caseId, List<AuditRecord> records, Set<String> seenEventIds) {
        List<AuditRecord> timeline = new ArrayList<>(records);
        timeline.sort(CAUSAL);
        List<Finding> findings = new ArrayList<>();
        boolean hasOpened = timeline.stream().anyMatch(r -> r.payload() instanceof CaseOpened);

        AuditRecord opened = null;
        boolean reportedUnopened = false;
        ScreeningCase screening = ScreeningCase.empty(caseId);
        boolean protectedCase = false;
        String nationality = null;
        Set<String> residence = new HashSet<>();
        Set<String> feared = new HashSet<>();
        AuditRecord interview = null;
        AuditRecord decision = null;
        ScreeningDecided decided = null;
        boolean reviewPending = false;
        boolean waived = false;
        boolean overturned = false;
        AuditRecord seat = null;
        String removalStage = null;
        Map<String, Instant> at = new LinkedHashMap<>();

        for (AuditRecord r : timeline) {
            var md = r.metadata();
            if (md.getEventId() != null && !seenEventIds.add(md.getEventId())) {
                findings.add(finding(Rules.DUPLICATE_EVENT_ID, caseId, "Event id " + md.getEventId() + " appears twice in the log.", r));
            }
            if (!KNOWN.contains(r.payload().getClass())) {
                findings.add(finding(Rules.UNKNOWN_EVENT_TYPE, caseId, "Unknown event type " + r.type() + ".", r));
                continue;
            }
            if (opened == null && !(r.payload() instanceof CaseOpened) && !reportedUnopened) {
                reportedUnopened = true;
                findings.add(hasOpened
                        ? finding(Rules.OUT_OF_ORDER, caseId, r.type() + " was recorded before the case was opened.", r)
                        : finding(Rules.NEVER_OPENED, caseId, r.type() + " for a case that was never opened.", r));
            }
            checkActorAndCause(caseId, r, findings);
            switch (r.payload()) {
                case CaseOpened o -> {
                    if (opened != null) {
                        findings.add(finding(Rules.S6, caseId, "The case was opened twice.", r, opened));
                        continue;
                    }
                    opened = r;
                    at.put("opened", r.recordedAt());
                    protectedCase = o.getFlags().getUnaccompaniedMinor() || o.getFlags().getTrafficking();
                    nationality = o.getPerson().getNationality();
                    residence.addAll(o.getPerson().getLawfulResidenceCountries());
                    feared.addAll(o.getFear().getFearedCountries());
                }
                case IntakeAmended a -> {
                    if (a.getFlags() != null && (a.getFlags().getUnaccompaniedMinor() || a.getFlags().getTrafficking())) {
                        protectedCase = true;
                    }
                    if (a.getFear() != null) {
                        feared.addAll(a.getFear().getFearedCountries());
                    }
                }
                case InterviewRecorded i -> {
                    interview = r;
                    feared.addAll(i.getFearedCountries());
                }
                case ScreeningDecided d -> {
                    if (interview == null) {
                        findings.add(finding(Rules.OUT_OF_ORDER, caseId, "A screening decision with no interview recorded before it.", r));
                    }
                    decision = r;
                    decided = d;
                    at.put("decided", r.recordedAt());
                }
                case ReviewRequested q -> reviewPending = true;
                case ReviewDecided q -> {
                    reviewPending = false;
                    overturned = q.getResult() == ReviewResult.OVERTURNED;
                }
                case ReviewWaived w -> waived = true;
                case ProtectionReferred p -> protectedCase = true;
                case ScreeningConcluded c -> at.putIfAbsent("concluded", r.recordedAt());
                case RemovalScheduled s -> {
                    at.putIfAbsent("scheduled", r.recordedAt());
                    removalStage = "SCHEDULED";
                    checkRemoval(caseId, r, s.getDestination(), s.getDepartureAt(), protectedCase, nationality, residence, feared, decision, decided,
                            reviewPending, waived, overturned, findings);
                    if (seat != null) {
                        findings.add(finding(Rules.S6, caseId, "Scheduled again while still holding a seat.", r, seat));
                    }
                    seat = r;
                }
                case RemovalExecuted x -> {
                    at.putIfAbsent("executed", r.recordedAt());
                    removalStage = "EXECUTED";
                    if (seat == null) {
                        findings.add(finding(Rules.OUT_OF_ORDER, caseId, "A removal was executed that was never scheduled.", r));
                    }
                    checkRemoval(caseId, r, null, x.getDepartedAt(), protectedCase, nationality, residence, feared, decision, decided, reviewPending,
                            waived, overturned, findings);
                    seat = null;
                }
                case RemovalStayed s -> {
                    removalStage = "STAYED";
                    seat = null;
                }
                case RemovalCancelled c -> {
                    removalStage = "CANCELLED";
                    seat = null;
                }
                case RemovalEligible e -> {
                    removalStage = "WAITING_FOR_SEAT";
                    seat = null;
                }
                case RemovalBlocked b -> removalStage = "BLOCKED_" + b.getSafeguard();
                default -> { }
            }
            if (r.topic().equals(Topics.CASE_SCREENING_EVENTS)) {
                screening = ScreeningFold.apply(screening, r, opened);
            }
        }
        AuditRecord last = timeline.isEmpty() ? null : timeline.getLast();
        boolean settled = (screening.status() != null && screening.status().isFinal() && !screening.eligibleForRemoval())
                || "EXECUTED".equals(removalStage) || "STAYED".equals(removalStage) || "CANCELLED".equals(removalStage)
                || (removalStage != null && removalStage.startsWith("BLOCKED"));
        if (last != null && !settled && last.recordedAt().isBefore(auditedAt.minus(stuckAfter))) {
            findings.add(finding(Rules.STUCK, caseId, "No progress since " + last.recordedAt() + " (" + (screening.status() == null ? "opened" : screening.status())
                    + (removalStage == null ? "" : ", " + removalStage) + "), beyond the limit of " + stuckAfter + ".", last));
        }
        return new CaseResult(caseId, findings, timeline, screening.status() == null ? null : screening.status().name(),
                screening.finalOutcome() == null ? null : screening.finalOutcome().name(), removalStage, durations(at));
    }

    private static void checkRemoval(String caseId, AuditRecord r, String destination, Instant leaves, boolean protectedCase, String nationality,
                                     Set<String> residence, Set<String> feared, AuditRecord decision, ScreeningDecided decided, boolean reviewPending,
                                     boolean waived, boolean overturned, List<Finding> findings) {
        if (protectedCase) {
            findings.add(finding(Rules.S2, caseId, "A protected case (unaccompanied minor, trafficking or referral) was " + verb(r) + ".", r));
        }
        if (decided == null) {
            findings.add(finding(Rules.S1, caseId, "Removal " + verb(r) + " without any screening decision.", r));
            return;
        }
        String outcome = decided.getOutcome().name();
        boolean qualifies = ("NO_CREDIBLE_FEAR".equals(outcome) && !overturned) || "VOLUNTARY_RETURN".equals(outcome);
        if (!qualifies) {
            findings.add(finding(Rules.S1, caseId, "Removal " + verb(r) + " but the standing decision is " + outcome + (overturned ? " (overturned)" : "") + ".", r, decision));
        }
        var cert = decided.getCertification();
        Instant decidedAt = decision.metadata().getOccurredAt();
        if (cert == null || decidedAt.isBefore(cert.getValidFrom()) || !decidedAt.isBefore(cert.getValidUntil())) {
            findings.add(finding(Rules.S1, caseId, "The deciding officer's certification was not valid when the decision was made.", r, decision));
        }
        if (destination != null && (feared.contains(destination) || !(destination.equals(nationality) || residence.contains(destination)))) {
            findings.add(finding(Rules.S3, caseId, "Destination " + destination + " is feared by the person or is neither their nationality nor a lawful residence.", r));
        }
        if ("NO_CREDIBLE_FEAR".equals(outcome)) {
            if (reviewPending) {
                findings.add(finding(Rules.S4, caseId, "Removal " + verb(r) + " while a review request was pending.", r, decision));
            }
            var window = decided.getReviewWindow();
            if (!waived && window != null && leaves != null && leaves.isBefore(window.getClosesAt())) {
                findings.add(finding(Rules.S4, caseId, "Departure " + leaves + " is before the review window closed at " + window.getClosesAt() + ".", r, decision));
            }
        }
    }

    /** S5: who (actor id and role) and why (causation) on every event; officers act as themselves. */
    private static void checkActorAndCause(String caseId, AuditRecord r, List<Finding> findings) {
        var md = r.metadata();
        if (md.getActor() == null || md.getActor().getId() == null || md.getActor().getId().isBlank() || md.getActor().getRole() == null) {
            findings.add(finding(Rules.S5, caseId, "The event records no actor.", r));
            return;
        }
        if (md.getCausationId() == null || md.getCausationId().isBlank()) {
            findings.add(finding(Rules.S5, caseId, "The event records no cause.", r));
        }
        Role role = md.getActor().getRole();
        String actor = md.getActor().getId();
        boolean wrong = switch (r.payload()) {
            case ScreeningDecided d -> !(role == Role.SCREENING_OFFICER || role == Role.SUPERVISOR) || !actor.equals(d.getOfficerId());
            case ReviewDecided d -> role != Role.SUPERVISOR || !actor.equals(d.getSupervisorId());
            case OfficerAssigned a -> role != Role.SUPERVISOR;
            case CaseOpened o -> role != Role.FIELD_OFFICE;
            default -> false;
        };
        if (wrong) {
            findings.add(finding(Rules.S5, caseId, r.type() + " recorded for " + actor + " acting as " + role + ", who may not record it.", r));
        }
    }

    private static Map<String, Duration> durations(Map<String, Instant> at) {
        Map<String, Duration> stages = new LinkedHashMap<>();
        between(stages, "opened->decided", at.get("opened"), at.get("decided"));
        between(stages, "decided->concluded", at.get("decided"), at.get("concluded"));
        between(stages, "concluded->scheduled", at.get("concluded"), at.get("scheduled"));
        between(stages, "scheduled->executed", at.get("scheduled"), at.get("executed"));
        return stages;
    }

    private static void between(Map<String, Duration> stages, String name, Instant from, Instant to) {
        if (from != null && to != null) {
            stages.put(name, Duration.between(from, to));
        }
    }

    private static String verb(AuditRecord r) {
        return r.payload() instanceof RemovalExecuted ? "carried out" : "scheduled";
    }

    static Finding finding(String rule, String caseId, String message, AuditRecord offending, AuditRecord... evidence) {
        List<AuditRecord.Ref> refs = new ArrayList<>();
        for (AuditRecord e : evidence) {
            if (e != null) {
                refs.add(e.ref());
            }
        }
        return new Finding(rule, caseId, message, offending.ref(), refs);
    }

    private static int topicRank(String topic) {
        return switch (topic) {
            case Topics.CASE_INTAKE_EVENTS -> 0;
            case Topics.CASE_SCREENING_EVENTS -> 1;
            default -> 2;
        };
    }
}
