package org.caseflow.platform.web;

import java.util.Map;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Every operation of the OpenAPI description lists the refusals it can answer, as RFC 9457 problem details with the
 * {@code rule} that refused: 401 and 403 everywhere, 400 where there is a body or a parameter, and 404/409/422 for the
 * commands and reads that have them. Clients see the real contract, not only a 200 of any type.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("rule", new StringSchema().description("what refused the request: a reason code, rule or safeguard, e.g. ALREADY_EXECUTED"));
        api.getComponents().addSchemas(SCHEMA, problem);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean writes = method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
            Map<String, String> refusals = new java.util.LinkedHashMap<>();
            refusals.put("400", "The request is malformed or a field is invalid (rule INVALID_REQUEST, UNREADABLE_REQUEST)");
            refusals.put("401", "No or wrong credentials (rule UNAUTHENTICATED)");
            refusals.put("403", "The caller's role may not do this (rule FORBIDDEN_ROLE)");
            if (path.contains("{") || writes) {
                refusals.put("404", "What the request names does not exist");
            }
            if (writes) {
                refusals.put("409", "The current state does not allow it (the rule says which)");
                refusals.put("413", "The body is larger than 64 KB (rule BODY_TOO_LARGE)");
                refusals.put("422", "Refused by a named rule or safeguard");
            }
            refusals.put("503", "The service's state is being restored; retry after the Retry-After seconds");
            refusals.forEach((status, description) -> operation.getResponses().putIfAbsent(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))))));
        }));
    }
}
