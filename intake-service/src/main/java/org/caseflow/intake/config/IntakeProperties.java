package org.caseflow.intake.config;

import java.time.Duration;
import java.util.List;

import org.caseflow.submission.domain.IntakeSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code caseflow.intake.*}: the reception stations and the time limits of intake. */
@ConfigurationProperties("caseflow.intake")
public record IntakeProperties(List<String> stations, Duration maxEncounterAge, Duration clockSkew, Duration answerWait) {

    public IntakeSettings settings() {
        return new IntakeSettings(java.util.Set.copyOf(stations), maxEncounterAge, clockSkew);
    }
}
