package org.caseflow.platform.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users of the local default, from configuration (HTTP Basic). Passwords are stored hashed, with
 * their encoding prefix, e.g. {@code {bcrypt}$2a$10$...}.
 */
@ConfigurationProperties("caseflow.security")
public record SecurityProperties(Map<String, User> users) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record User(String password, List<CaseflowRole> roles) {
    }
}
