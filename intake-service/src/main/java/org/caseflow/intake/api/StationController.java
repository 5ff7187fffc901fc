package org.caseflow.intake.api;

import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.intake.config.IntakeProperties;
import org.caseflow.intake.stream.IntakeTopology;
import org.caseflow.platform.kafka.InteractiveQueries;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.StationKeyEnvelope;
import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.StationRegistrations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The station registry (compacted intake.stations): a supervisor registers each reception station's public key and
 * revokes it when it is rotated or lost; intake verifies every submission's signature against it.
 */
@RestController
@RequestMapping("/api/stations/{stationCode}/keys")
@Tag(name = "Stations", description = "Reception stations' signing keys")
class StationController {

    @Schema(description = "A station's Ed25519 public key, X.509 (SubjectPublicKeyInfo) encoded, base64; `./caseflow field init` prints it",
            example = "{\"publicKey\": \"MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\"}")
    record KeyRequest(@NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9+/=]+", message = "base64") String publicKey) {
    }

    record StationKeyView(String stationCode, String keyId, String status) {
    }

    private final KafkaTemplate<String, StationKeyEnvelope> registry;
    private final InteractiveQueries queries;
    private final IntakeProperties properties;
    private final Clock clock = Clock.systemUTC();

    StationController(KafkaTemplate<String, StationKeyEnvelope> registry, InteractiveQueries queries, IntakeProperties properties) {
        this.registry = registry;
        this.queries = queries;
        this.properties = properties;
    }

    @PutMapping("/{keyId}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Register a station's public key under its key id (the first 16 hex digits of its SHA-256)")
    StationKeyView register(@PathVariable String stationCode, @PathVariable String keyId, @Valid @RequestBody KeyRequest body,
                            Authentication who) throws Exception {
        requireConfigured(stationCode);
        byte[] publicKey;
        try {
            publicKey = Base64.getDecoder().decode(body.publicKey());
            EncounterSignatures.publicKey(publicKey);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw CaseflowProblem.unprocessable("KEY_INVALID", "publicKey is not an X.509-encoded Ed25519 public key.");
        }
        if (!EncounterSignatures.keyId(publicKey).equals(keyId)) {
            throw CaseflowProblem.unprocessable("KEY_ID_MISMATCH", "The key id of this public key is " + EncounterSignatures.keyId(publicKey) + ".");
        }
        send(stationCode, keyId, StationRegistrations.registered(stationCode, publicKey, who.getName(), clock.instant()));
        return new StationKeyView(stationCode, keyId, "ACTIVE");
    }

    @DeleteMapping("/{keyId}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Revoke a station's key: submissions signed with it are refused from now on (SIGNATURE_INVALID)")
    StationKeyView revoke(@PathVariable String stationCode, @PathVariable String keyId,
                          @RequestParam(defaultValue = "rotated") @Size(max = 200) String reason, Authentication who) throws Exception {
        var key = find(stationCode, keyId);
        send(stationCode, keyId, StationRegistrations.revoked(stationCode, key.publicKey(), reason, who.getName(), clock.instant()));
        return new StationKeyView(stationCode, keyId, "REVOKED");
    }

    @GetMapping("/{keyId}")
    @PreAuthorize("hasAnyRole('FIELD_OFFICE', 'SUPERVISOR', 'AUDITOR')")
    @Operation(summary = "Whether intake knows a station's key (ACTIVE or REVOKED); every instance holds the whole registry")
    StationKeyView get(@PathVariable String stationCode, @PathVariable String keyId) {
        return new StationKeyView(stationCode, keyId, find(stationCode, keyId).revoked() ? "REVOKED" : "ACTIVE");
    }

    private EncounterSignatures.RegisteredKey find(String stationCode, String keyId) {
        StationKeyEnvelope envelope = queries.<StationKeyEnvelope>localStore(IntakeTopology.STATIONS_STORE)
                .get(StationRegistrations.registryKey(stationCode, keyId));
        if (envelope == null) {
            throw CaseflowProblem.notFound("Station key", stationCode + "/" + keyId);
        }
        return StationRegistrations.read(envelope);
    }

    private void requireConfigured(String stationCode) {
        if (!properties.stations().contains(stationCode)) {
            throw CaseflowProblem.unprocessable("STATION_UNKNOWN", "Station '" + stationCode + "' is not a configured reception station.");
        }
    }

    private void send(String stationCode, String keyId, StationKeyEnvelope envelope) throws Exception {
        registry.send(new ProducerRecord<>(Topics.INTAKE_STATIONS, StationRegistrations.registryKey(stationCode, keyId), envelope))
                .get(30, TimeUnit.SECONDS);
    }

}
