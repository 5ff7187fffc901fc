package org.caseflow.submission.domain;

/** Vulnerability flags derived at intake; unaccompaniedMinor and trafficking drive safeguard S2. */
public record Flags(boolean unaccompaniedMinor, boolean trafficking, boolean medical, boolean pregnancy, boolean disability) {

    public boolean protectionRequired() {
        return unaccompaniedMinor || trafficking;
    }
}
