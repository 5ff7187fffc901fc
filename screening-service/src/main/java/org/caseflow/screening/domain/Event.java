package org.caseflow.screening.domain;

import java.time.Instant;
import java.util.List;

/** What happens to a case in screening, as a closed set; the case state is the fold of these. */
public sealed interface Event {

    Instant at();

    Actor actor();

    record Queued(Instant at, Actor actor, IntakeFacts facts) implements Event {
    }

    record Assigned(Instant at, Actor actor, String officerId) implements Event {
    }

    record InterviewRecorded(Instant at, Actor actor, String language, boolean interpreterUsed, boolean fearArticulated,
                             List<String> fearedCountries) implements Event {
    }

    record Decided(Instant at, Actor actor, Certification certification, ScreeningOutcome outcome, String rationale, ReviewWindow window) implements Event {
    }

    record ReviewRequested(Instant at, Actor actor, String reason) implements Event {
    }

    record ReviewDecided(Instant at, Actor actor, boolean upheld, String rationale) implements Event {
    }

    record ReviewWaived(Instant at, Actor actor, String reason) implements Event {
    }

    /** S2: {@code facts} is set when the referral happens on arrival (the case was never queued). */
    record ProtectionReferred(Instant at, Actor actor, List<ProtectionReason> reasons, IntakeFacts facts) implements Event {
    }

    /** Screening is over. */
    record Concluded(Instant at, Actor actor, ScreeningOutcome outcome, boolean eligibleForRemoval) implements Event {
    }

    enum ProtectionReason { UNACCOMPANIED_MINOR, TRAFFICKING }
}
