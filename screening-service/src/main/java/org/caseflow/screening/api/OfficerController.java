package org.caseflow.screening.api;

import org.caseflow.platform.kafka.InteractiveQueries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.platform.web.CaseflowProblem;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.CertificationRef;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.OfficerRegistered;
import org.caseflow.screening.domain.Officer;
import org.caseflow.screening.stream.AvroMapping;
import org.caseflow.screening.stream.ScreeningTopology;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Supervisors maintain officers and their screening certifications (the compacted screening.officers topic). */
@RestController
@RequestMapping("/api/officers")
@Tag(name = "Officers", description = "Screening officers and their certifications")
class OfficerController {

    record CertificationRequest(@NotBlank String certificationId, @NotNull Instant validFrom, @NotNull Instant validUntil) {
    }

    record OfficerRequest(@NotBlank @Size(max = 200) String name, List<@Pattern(regexp = "[a-z]{2,3}") String> languages,
                          @Valid CertificationRequest certification) {
    }

    private final KafkaTemplate<String, OfficerEnvelope> officers;
    private final InteractiveQueries router;

    OfficerController(KafkaTemplate<String, OfficerEnvelope> officers, InteractiveQueries router) {
        this.officers = officers;
        this.router = router;
    }

    @PutMapping("/{officerId}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Register or update an officer; the officer id is the officer's login")
    Officer put(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String officerId, @Valid @RequestBody OfficerRequest body,
                Authentication who) throws Exception {
        var c = body.certification();
        if (c != null && !c.validUntil().isAfter(c.validFrom())) {
            throw new CaseflowProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "certification.validUntil must be after validFrom.", Map.of());
        }
        Instant now = Instant.now();
        var registered = OfficerRegistered.newBuilder().setOfficerId(officerId).setName(body.name())
                .setLanguages(body.languages() == null ? List.of() : body.languages())
                .setCertification(c == null ? null : CertificationRef.newBuilder().setCertificationId(c.certificationId())
                        .setValidFrom(c.validFrom()).setValidUntil(c.validUntil()).build())
                .build();
        var envelope = OfficerEnvelope.newBuilder()
                .setMetadata(Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(null).setOccurredAt(now).setRecordedAt(now)
                        .setProducer("screening-http").setActor(Actor.newBuilder().setId(who.getName()).setRole(Role.SUPERVISOR).build())
                        .setCausationId(null).setCorrelationId(officerId).build())
                .setPayload(registered).build();
        officers.send(new ProducerRecord<>(Topics.SCREENING_OFFICERS, officerId, envelope)).get(30, TimeUnit.SECONDS);
        return AvroMapping.officer(envelope);
    }

    @GetMapping("/{officerId}")
    @PreAuthorize("hasAnyRole('SCREENING_OFFICER', 'SUPERVISOR', 'AUDITOR')")
    @Operation(summary = "An officer and their certification")
    Officer get(@PathVariable String officerId) {
        OfficerEnvelope envelope = router.<OfficerEnvelope>localStore(ScreeningTopology.OFFICERS_STORE).get(officerId);
        if (envelope == null) {
            throw CaseflowProblem.notFound("Officer", officerId);
        }
        return AvroMapping.officer(envelope);
    }
}
