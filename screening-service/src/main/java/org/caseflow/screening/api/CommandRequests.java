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

    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"officerId\": \"officer-1\"}")
    record Assignment(@NotBlank @Size(max = org.caseflow.vocabulary.Bounds.ID) String officerId) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"language\": \"es\", \"interpreterUsed\": false, \"fearArticulated\": true, "
            + "\"fearedCountries\": [\"VEN\"]}")
    record Interview(@NotBlank @Size(max = 20) String language, boolean interpreterUsed, boolean fearArticulated,
                     @Size(max = org.caseflow.vocabulary.Bounds.LIST) List<@NotBlank @Size(max = 3) String> fearedCountries) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"outcome\": \"NO_CREDIBLE_FEAR\", \"rationale\": \"No nexus to a protected ground.\"}")
    record Decision(@NotNull ScreeningOutcome outcome, @NotBlank @Size(max = 4000) String rationale) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"reason\": \"The person asks for a supervisor's review.\"}")
    record ReviewRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"result\": \"UPHELD\", \"rationale\": \"The interview record supports the decision.\"}")
    record ReviewDecision(@NotNull ReviewResult result, @NotBlank @Size(max = 4000) String rationale) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(example = "{\"reason\": \"The person declined review after advice.\"}")
    record ReviewWaiver(@NotBlank @Size(max = 2000) String reason) {
    }
}
