package org.caseflow.screening.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.caseflow.schemas.common.ScreeningOutcome;
import org.caseflow.schemas.screening.ReviewResult;

/** Bodies of the officer commands. The acting officer is never a body field: it is the authenticated principal (S5). */
final class CommandRequests {

    private CommandRequests() {
    }

    record Assignment(@NotBlank @Size(max = org.caseflow.vocabulary.Bounds.ID) String officerId) {
    }

    record Interview(@NotBlank @Size(max = 20) String language, boolean interpreterUsed, boolean fearArticulated,
                     @Size(max = org.caseflow.vocabulary.Bounds.LIST) List<@NotBlank @Size(max = 3) String> fearedCountries) {
    }

    record Decision(@NotNull ScreeningOutcome outcome, @NotBlank @Size(max = 4000) String rationale) {
    }

    record ReviewRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record ReviewDecision(@NotNull ReviewResult result, @NotBlank @Size(max = 4000) String rationale) {
    }

    record ReviewWaiver(@NotBlank @Size(max = 2000) String reason) {
    }
}
