package org.caseflow.intake.domain;

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
    STATION_UNKNOWN,
    COORDINATES_OUT_OF_RANGE,
    NOT_A_FIELD_OFFICE,
    KEY_NOT_SUBMISSION_ID,
    SUBMISSION_ID_REUSED,
    /** A text beyond its size bound (docs/operations.md); the value is not echoed back. */
    FIELD_TOO_LONG,
    /** A list beyond its size bound. */
    TOO_MANY_ENTRIES
}
