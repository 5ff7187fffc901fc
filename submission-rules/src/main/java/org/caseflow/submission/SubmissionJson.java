package org.caseflow.submission;

import org.caseflow.schemas.intake.EncounterSubmission;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON form of a submission (the body of {@code POST /api/submissions}), read and written the one way. */
public final class SubmissionJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private SubmissionJson() {
    }

    /** Reads one submission; an unreadable form is an {@link IllegalArgumentException} that names what is wrong. */
    public static SubmissionRequest read(String json) {
        try {
            return JSON.readValue(json, SubmissionRequest.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not a submission: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a JSON array of submissions. */
    public static java.util.List<SubmissionRequest> readAll(String json) {
        try {
            return java.util.List.of(JSON.readValue(json, SubmissionRequest[].class));
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not a list of submissions: " + e.getOriginalMessage(), e);
        }
    }

    /** Any JSON tree (maps, lists, values) as text. */
    public static String writeTree(Object tree) {
        return JSON.writeValueAsString(tree);
    }

    public static String write(SubmissionRequest request) {
        return JSON.writeValueAsString(request);
    }

    /** The request body a client sends for a recorded, signed submission. */
    public static String write(EncounterSubmission submission) {
        return write(SubmissionRequests.toRequest(submission));
    }
}
