package org.caseflow.screening.api;

import java.time.Instant;
import java.util.List;

import org.caseflow.screening.domain.ScreeningCase;

/** A case as officers see it in screening (no names: screening holds none). */
public record CaseView(String caseId, String status, String stationCode, String nationality, List<String> languages, Instant openedAt,
                       String assignedOfficer, Interview interview, Decision decision, Window reviewWindow, boolean reviewWaived,
                       String finalOutcome, boolean eligibleForRemoval, List<ScreeningCase.HistoryEntry> history) {

    public record Interview(String officerId, String language, boolean interpreterUsed, boolean fearArticulated, Instant at) {
    }

    public record Decision(String officerId, String outcome, String rationale, Instant at) {
    }

    public record Window(Instant opensAt, Instant closesAt) {
    }

    static CaseView of(ScreeningCase c) {
        var f = c.facts();
        var i = c.interview();
        var d = c.decision();
        return new CaseView(c.caseId(), c.status().name(), f == null ? null : f.stationCode(), f == null ? null : f.nationality(),
                f == null ? List.of() : f.languages(), f == null ? null : f.openedAt(), c.assignedOfficer(),
                i == null ? null : new Interview(i.officerId(), i.language(), i.interpreterUsed(), i.fearArticulated(), i.at()),
                d == null ? null : new Decision(d.officerId(), d.outcome().name(), d.rationale(), d.at()),
                c.window() == null ? null : new Window(c.window().opensAt(), c.window().closesAt()),
                c.reviewWaived(), c.finalOutcome() == null ? null : c.finalOutcome().name(), c.eligibleForRemoval(), c.history());
    }
}
