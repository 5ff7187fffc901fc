package org.caseflow.removal.domain;

/** Why a command was not carried out: what is missing or in the way, under which rule. */
public record Refusal(Kind kind, String rule, String detail) {

    public enum Kind { NOT_FOUND, CONFLICT, UNPROCESSABLE }

    public static Refusal notFound(String rule, String detail) {
        return new Refusal(Kind.NOT_FOUND, rule, detail);
    }

    public static Refusal conflict(String rule, String detail) {
        return new Refusal(Kind.CONFLICT, rule, detail);
    }

    public static Refusal unprocessable(String rule, String detail) {
        return new Refusal(Kind.UNPROCESSABLE, rule, detail);
    }
}
