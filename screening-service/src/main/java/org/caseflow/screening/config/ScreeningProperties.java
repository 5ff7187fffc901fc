package org.caseflow.screening.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code caseflow.screening.*}: the review window (S4) and how the HTTP layer waits for results. */
@ConfigurationProperties("caseflow.screening")
public record ScreeningProperties(Duration reviewWindow, Duration windowCheckInterval, Duration answerWait) {
}
