package org.caseflow.removal.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code caseflow.removal.*}. */
@ConfigurationProperties("caseflow.removal")
public record RemovalProperties(Duration answerWait) {
}
