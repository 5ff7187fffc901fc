package org.caseflow.audit;

import java.util.List;

import org.caseflow.schemas.intake.CaseOpened;
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
import org.caseflow.screening.domain.Certification;
import org.caseflow.screening.domain.Event;
import org.caseflow.screening.domain.IntakeFacts;
import org.caseflow.screening.domain.Outcome;
import org.caseflow.screening.domain.ReviewWindow;
import org.caseflow.screening.domain.ScreeningCase;
import org.caseflow.screening.stream.AvroMapping;

/** Replays screening's events into its own case state: the same fold the screening service keeps. */
final class ScreeningFold {

    private ScreeningFold() {
    }

    static ScreeningCase apply(ScreeningCase state, AuditRecord r, AuditRecord opened) {
        var md = r.metadata();
        var actor = AvroMapping.actor(md.getActor());
        var at = md.getOccurredAt();
        Event event = switch (r.payload()) {
            case ScreeningQueued q -> new Event.Queued(at, actor, facts(opened));
            case OfficerAssigned a -> new Event.Assigned(at, actor, a.getOfficerId());
            case InterviewRecorded i -> new Event.InterviewRecorded(at, actor, i.getLanguage(), i.getInterpreterUsed(), i.getFearArticulated(),
                    i.getFearedCountries());
            case ScreeningDecided d -> new Event.Decided(at, actor,
                    d.getCertification() == null ? null : new Certification(d.getCertification().getCertificationId(),
                            d.getCertification().getValidFrom(), d.getCertification().getValidUntil()),
                    Outcome.valueOf(d.getOutcome().name()), d.getRationale(),
                    d.getReviewWindow() == null ? null : new ReviewWindow(d.getReviewWindow().getOpensAt(), d.getReviewWindow().getClosesAt()));
            case ReviewRequested q -> new Event.ReviewRequested(at, actor, q.getReason());
            case ReviewDecided d -> new Event.ReviewDecided(at, actor, d.getResult() == ReviewResult.UPHELD, d.getRationale());
            case ReviewWaived w -> new Event.ReviewWaived(at, actor, w.getReason());
            case ProtectionReferred p -> new Event.ProtectionReferred(at, actor,
                    p.getReasons().stream().map(x -> Event.ProtectionReason.valueOf(x.name())).toList(), state.exists() ? null : facts(opened));
            case ScreeningConcluded c -> new Event.Concluded(at, actor, Outcome.valueOf(c.getOutcome().name()), c.getEligibleForRemoval());
            default -> null;
        };
        return event == null ? state : state.apply(event);
    }

    private static IntakeFacts facts(AuditRecord opened) {
        if (opened == null || !(opened.payload() instanceof CaseOpened o)) {
            return new IntakeFacts(null, null, List.of(), List.of(), List.of(), null, false, false, null);
        }
        return new IntakeFacts(o.getEncounter().getStationCode(), o.getPerson().getNationality(), o.getPerson().getLawfulResidenceCountries(),
                o.getPerson().getLanguages(), o.getFear().getFearedCountries(), o.getEncounter().getGroupId(), o.getFlags().getUnaccompaniedMinor(),
                o.getFlags().getTrafficking(), opened.recordedAt());
    }
}
