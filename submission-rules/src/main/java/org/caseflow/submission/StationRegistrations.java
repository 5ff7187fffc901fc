package org.caseflow.submission;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.intake.StationKeyEnvelope;
import org.caseflow.schemas.intake.StationKeyRegistered;
import org.caseflow.schemas.intake.StationKeyRevoked;

/** The records of the station registry (intake.stations, keyed {@code stationCode/keyId}) and how they read as registered keys. */
public final class StationRegistrations {

    private StationRegistrations() {
    }

    public static String registryKey(String stationCode, String keyId) {
        return stationCode + "/" + keyId;
    }

    /** A supervisor registers a station's public key (X.509 encoding); its key id is derived from it, never given. */
    public static StationKeyEnvelope registered(String stationCode, byte[] publicKey, String supervisor, Instant now) {
        String keyId = EncounterSignatures.keyId(publicKey);
        return envelope(StationKeyRegistered.newBuilder().setStationCode(stationCode).setKeyId(keyId)
                .setAlgorithm(EncounterSignatures.ALGORITHM).setPublicKey(ByteBuffer.wrap(publicKey.clone())).build(),
                registryKey(stationCode, keyId), supervisor, now);
    }

    public static StationKeyEnvelope revoked(String stationCode, byte[] publicKey, String reason, String supervisor, Instant now) {
        String keyId = EncounterSignatures.keyId(publicKey);
        return envelope(StationKeyRevoked.newBuilder().setStationCode(stationCode).setKeyId(keyId).setReason(reason)
                        .setPublicKey(ByteBuffer.wrap(publicKey.clone())).build(),
                registryKey(stationCode, keyId), supervisor, now);
    }

    public static EncounterSignatures.RegisteredKey read(StationKeyEnvelope envelope) {
        return switch (envelope.getPayload()) {
            case StationKeyRegistered r -> new EncounterSignatures.RegisteredKey(r.getStationCode(), r.getKeyId(), EncounterSignatures.bytes(r.getPublicKey()), false);
            case StationKeyRevoked r -> new EncounterSignatures.RegisteredKey(r.getStationCode(), r.getKeyId(), EncounterSignatures.bytes(r.getPublicKey()), true);
            default -> throw new IllegalArgumentException("not a station key event: " + envelope.getPayload().getClass().getSimpleName());
        };
    }

    private static StationKeyEnvelope envelope(Object payload, String key, String supervisor, Instant now) {
        return StationKeyEnvelope.newBuilder()
                .setMetadata(Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(null).setOccurredAt(now).setRecordedAt(now)
                        .setProducer("intake-http").setActor(Actor.newBuilder().setId(supervisor).setRole(Role.SUPERVISOR).build())
                        .setCausationId(null).setCorrelationId(key).build())
                .setPayload(payload).build();
    }

}
