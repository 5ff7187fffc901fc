package org.caseflow.submission.domain;

import java.time.Duration;
import java.util.Set;

/**
 * The configurable part of the rules: the reception stations that may submit, how old an encounter
 * may be when it reaches intake, and the tolerance for clocks of field devices running ahead.
 */
public record IntakeSettings(Set<String> stations, Duration maxEncounterAge, Duration clockSkew) {

    public IntakeSettings {
        stations = Set.copyOf(stations);
    }
}
