package org.caseflow.identity;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the issuer finds its users and its signing key, and what its access tokens say.
 *
 * @param usersDir     one {@code <user>.properties} per local user ({@code client-id}, {@code client-secret}, {@code roles}),
 *                     written by the local stack at first start, readable by the user only
 * @param signingKey   the RSA key (a JWK) that signs tokens; made at first start and kept, so tokens survive a restart
 * @param audience     the audience every access token names; the services accept no other
 * @param tokenLifetime how long an access token is valid
 */
@ConfigurationProperties("caseflow.identity")
public record IdentityProperties(Path usersDir, Path signingKey, @DefaultValue("caseflow") String audience,
                                 @DefaultValue("PT10M") Duration tokenLifetime) {

    public IdentityProperties {
        if (usersDir == null || signingKey == null) {
            throw new IllegalArgumentException("caseflow.identity.users-dir and caseflow.identity.signing-key are required");
        }
    }
}
