package org.caseflow.screening.domain;

import java.util.List;

/** Officer commands, as a closed set. The actor always comes from the authenticated principal. */
public sealed interface Command {

    String commandId();

    Actor actor();

    record Assign(String commandId, Actor actor, String officerId) implements Command {
    }

    record RecordInterview(String commandId, Actor actor, String language, boolean interpreterUsed, boolean fearArticulated,
                           List<String> fearedCountries) implements Command {
        public RecordInterview {
            fearedCountries = fearedCountries == null ? List.of() : List.copyOf(fearedCountries);
        }
    }

    record Decide(String commandId, Actor actor, ScreeningOutcome outcome, String rationale) implements Command {
    }

    record RequestReview(String commandId, Actor actor, String reason) implements Command {
    }

    record DecideReview(String commandId, Actor actor, boolean upheld, String rationale) implements Command {
    }

    record WaiveReview(String commandId, Actor actor, String reason) implements Command {
    }
}
