package org.caseflow.screening.domain;

/** Who acts: taken from the authenticated principal (S5). {@code role} is the role they acted in. */
public record Actor(String id, Role role) {

    public enum Role { SCREENING_OFFICER, SUPERVISOR, SYSTEM, OTHER }

    public static final Actor SYSTEM = new Actor("screening-service", Role.SYSTEM);
}
