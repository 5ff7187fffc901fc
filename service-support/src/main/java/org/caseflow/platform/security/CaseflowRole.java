package org.caseflow.platform.security;

/** The roles of Caseflow, defined once for all services. */
public enum CaseflowRole {
    FIELD_OFFICE,
    SCREENING_OFFICER,
    SUPERVISOR,
    REMOVAL_OFFICER,
    AUDITOR;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
