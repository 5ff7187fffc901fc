package org.caseflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** bcrypt runs once per user and password within the time to live; a wrong password is always checked in full. */
class VerifiedPasswordCacheTest {

    static final class Counting implements PasswordEncoder {
        final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    }

    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-11-01T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aVerifiedPasswordIsRememberedForItsTimeToLiveOnly() {
        Counting bcrypt = new Counting();
        Ticking clock = new Ticking();
        VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, Duration.ofMinutes(5), clock);
        String hash = bcrypt.encode("local-only");

        for (int i = 0; i < 20; i++) {
            assertThat(cache.matches("local-only", hash)).isTrue();
        }
        assertThat(bcrypt.checks).hasValue(1);

        assertThat(cache.matches("guessed", hash)).isFalse();
        assertThat(cache.matches("guessed", hash)).isFalse();
        assertThat(bcrypt.checks).hasValue(3); // a wrong password: checked in full every time

        assertThat(cache.matches("local-only", bcrypt.encode("changed"))).isFalse(); // another hash: no remembered match

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(cache.matches("local-only", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(5);
    }
}
