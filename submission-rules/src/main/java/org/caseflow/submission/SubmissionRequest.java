package org.caseflow.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caseflow.schemas.common.DocumentType;
import org.caseflow.schemas.common.Relationship;
import org.caseflow.schemas.common.Sex;
import org.caseflow.vocabulary.Bounds;

/**
 * The JSON body of {@code POST /api/submissions}, and the form a station's client records encounters in. Only the
 * shape is checked here (400); the intake rules (countries, stations, dates) are the topology's, and a refusal comes
 * back as 422 with reason codes. The submitting office is the authenticated principal, never a body field (S5); the
 * recording station is proven by the signature its client adds.
 */
@io.swagger.v3.oas.annotations.media.Schema(description = "An encounter as a field office records it", example = """
        {"submissionId": "lajas-2026-11-29-0042",
         "person": {"givenNames": "Ana", "familyNames": "Ejemplo", "dateOfBirth": "1990-03-02", "sex": "FEMALE", "nationality": "COL",
                    "languages": ["es"], "documents": [{"type": "PASSPORT", "number": "PA765432", "issuingCountry": "COL"}]},
         "encounter": {"stationCode": "LAJAS_BLANCAS", "occurredAt": "2026-11-29T02:06:00Z", "accompanyingAdults": []},
         "indicators": {"traffickingIndicators": false, "medicalNeeds": false, "pregnant": false, "disability": false},
         "fear": {"fearExpressed": true, "fearedCountries": ["VEN"]},
         "signature": {"keyId": "3f2a9c0d1e4b5a67", "algorithm": "Ed25519", "value": "(base64 of the station's Ed25519 signature)"}}""")
public record SubmissionRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "letters, digits and . _ : - only, at most 100") String submissionId,
        @NotNull @Valid PersonRequest person,
        @NotNull @Valid EncounterRequest encounter,
        @Valid IndicatorsRequest indicators,
        @Valid FearRequest fear,
        @Valid SignatureRequest signature) {

    /** The station's signature (EncounterSignatures), made by its client; {@code value} is base64. */
    public record SignatureRequest(@NotBlank @Pattern(regexp = "[0-9a-f]{16}", message = "16 hex digits") String keyId,
                                   @Pattern(regexp = "Ed25519") String algorithm,
                                   @NotBlank @Pattern(regexp = "[A-Za-z0-9+/=]{1,200}", message = "base64, at most 200 characters") String value) {
    }

    public record PersonRequest(
            @NotBlank @Size(max = 200) String givenNames,
            @NotBlank @Size(max = 200) String familyNames,
            LocalDate dateOfBirth,
            @Min(0) @Max(130) Integer estimatedAge,
            @NotNull Sex sex,
            @NotBlank @Size(max = 3) String nationality,
            @Size(max = Bounds.LIST) List<@NotBlank @Size(max = 3) String> lawfulResidenceCountries,
            @Size(max = Bounds.LIST) List<@NotBlank @Size(max = Bounds.ID) String> languages,
            @Size(max = Bounds.LIST) List<@Valid DocumentRequest> documents) {
    }

    public record DocumentRequest(@NotNull DocumentType type, @NotBlank @Size(max = 50) String number, @NotBlank @Size(max = 3) String issuingCountry) {
    }

    public record EncounterRequest(
            @NotBlank @Size(max = Bounds.ID) String stationCode,
            @NotNull Instant occurredAt,
            @Valid CoordinatesRequest coordinates,
            @Size(max = 100) String groupId,
            @Size(max = Bounds.LIST) List<@Valid AccompanyingAdultRequest> accompanyingAdults) {
    }

    public record CoordinatesRequest(@NotNull Double latitude, @NotNull Double longitude) {
    }

    public record AccompanyingAdultRequest(@NotNull Relationship relationship, @Size(max = Bounds.ID) String personRef) {
    }

    public record IndicatorsRequest(boolean traffickingIndicators, boolean medicalNeeds, boolean pregnant, boolean disability) {
    }

    public record FearRequest(boolean fearExpressed, @Size(max = Bounds.LIST) List<@NotBlank @Size(max = 3) String> fearedCountries) {
    }
}
