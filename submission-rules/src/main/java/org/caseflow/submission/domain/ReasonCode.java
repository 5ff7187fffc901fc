package org.caseflow.submission.domain;

/** Why a submission is refused; stable codes a station's software can act on. */
public enum ReasonCode {
    REQUIRED_FIELD_MISSING,
    ENCOUNTER_IN_FUTURE,
    ENCOUNTER_TOO_OLD,
    DATE_OF_BIRTH_IN_FUTURE,
    DATE_OF_BIRTH_IMPLAUSIBLE,
    AGE_IMPLAUSIBLE,
    AGE_MISSING,
    NATIONALITY_INVALID,
    FEARED_COUNTRY_INVALID,
    RESIDENCE_COUNTRY_INVALID,
    DOCUMENT_COUNTRY_INVALID,
    /** The station is not configured, or has no registered key under the signature's key id. */
    STATION_UNKNOWN,
    /** The submission carries no station signature. */
    SIGNATURE_MISSING,
    /** The signature does not match what the submission records (changed since it was signed, or signed by another key), or its key was revoked. */
    SIGNATURE_INVALID,
    COORDINATES_OUT_OF_RANGE,
    NOT_A_FIELD_OFFICE,
    KEY_NOT_SUBMISSION_ID,
    /** A submissionId outside letters, digits and . _ : - (at most 100); intake's HTTP API answers 400, the station's client refuses it at once. */
    SUBMISSION_ID_INVALID,
    SUBMISSION_ID_REUSED,
    /** A text beyond its size bound (docs/operations.md); the value is not echoed back. */
    FIELD_TOO_LONG,
    /** A list beyond its size bound. */
    TOO_MANY_ENTRIES
}
