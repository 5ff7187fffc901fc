package org.caseflow.platform.web;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A command endpoint answers through {@code CommandGateway}: 201 with its {@code CommandResult} once applied, 202 with
 * the result's URL when not decided within the wait. Springdoc would list the returned type as a 200; this says what
 * the gateway really answers, for every command of every service at once.
 */
final class CommandResponses implements OpenApiCustomizer {

    private static final String RESULT = "#/components/schemas/CommandResult";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
            if (method == PathItem.HttpMethod.GET || ok == null || ok.getContent() == null
                    || ok.getContent().values().stream().noneMatch(m -> m.getSchema() != null && RESULT.equals(m.getSchema().get$ref()))) {
                return;
            }
            operation.getResponses().remove("200");
            operation.getResponses().addApiResponse("201", ok.description("Applied: the command's result (Location: what it changed)"));
            operation.getResponses().addApiResponse("202", new ApiResponse().description("Not decided within the wait; Location: the command's result"));
        }));
    }
}
