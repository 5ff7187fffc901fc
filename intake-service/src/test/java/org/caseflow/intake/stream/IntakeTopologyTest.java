package org.caseflow.intake.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseflow.intake.TestSubmissions.NOW;
import static org.caseflow.intake.TestSubmissions.envelope;
import static org.caseflow.intake.TestSubmissions.valid;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.caseflow.intake.TestSubmissions;
import org.caseflow.submission.domain.IntakeSettings;
import org.caseflow.intake.domain.SubmissionStatus;
import org.caseflow.platform.kafka.JsonSerde;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
import org.caseflow.schemas.intake.RejectionReason;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.caseflow.schemas.intake.StationKeyEnvelope;
import org.caseflow.schemas.intake.SubmissionRejected;
import org.caseflow.schemas.PlainAvroSerde;
import org.caseflow.testsupport.TestStations;
import org.caseflow.testsupport.TopologyTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntakeTopologyTest {

    static final IntakeSettings POLICY = new IntakeSettings(Set.of("LAJAS_BLANCAS", "SAN_VICENTE"), Duration.ofDays(30), Duration.ofMinutes(5));

    SimpleMeterRegistry meters;
    TopologyTestDriver driver;
    TestInputTopic<String, SubmissionEnvelope> submissions;
    TestOutputTopic<String, IntakeEventEnvelope> caseEvents;
    TestOutputTopic<String, RejectionEnvelope> rejections;
    TestInputTopic<String, StationKeyEnvelope> stationKeys;

    static IntakeSerdes plainSerdes() {
        return new IntakeSerdes(new PlainAvroSerde<>(SubmissionEnvelope.class), new PlainAvroSerde<>(IntakeEventEnvelope.class),
                new PlainAvroSerde<>(RejectionEnvelope.class), new JsonSerde<>(SubmissionStatus.class), new PlainAvroSerde<>(IntakeEventEnvelope.class),
                new PlainAvroSerde<>(StationKeyEnvelope.class));
    }

    @BeforeEach
    void start() {
        meters = new SimpleMeterRegistry();
        IntakeSerdes serdes = plainSerdes();
        var topology = new IntakeTopology(serdes, POLICY, new IntakeMetrics(meters, POLICY.stations())).topology();
        driver = new TopologyTestDriver(topology, TopologyTests.properties("intake-test"), NOW);
        submissions = driver.createInputTopic(Topics.INTAKE_SUBMISSIONS, Serdes.String().serializer(), serdes.submissions().serializer());
        caseEvents = driver.createOutputTopic(Topics.CASE_INTAKE_EVENTS, Serdes.String().deserializer(), serdes.events().deserializer());
        rejections = driver.createOutputTopic(Topics.INTAKE_REJECTIONS, Serdes.String().deserializer(), serdes.rejections().deserializer());
        stationKeys = driver.createInputTopic(Topics.INTAKE_STATIONS, Serdes.String().serializer(), serdes.stations().serializer());
        POLICY.stations().forEach(station -> stationKeys.pipeInput(TestStations.registryKey(station), TestStations.registration(station)));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    void submit(EncounterSubmission s) {
        submissions.pipeInput(s.getSubmissionId(), envelope(s), NOW.minusSeconds(1));
    }

    @Test
    void anAcceptedSubmissionOpensOneCaseKeyedByCaseIdWithFullMetadata() {
        EncounterSubmission s = valid("sub-1").build();
        SubmissionEnvelope submitted = envelope(s);
        submissions.pipeInput("sub-1", submitted, NOW.minusSeconds(1));

        var record = caseEvents.readRecord();
        assertThat(caseEvents.isEmpty()).isTrue();
        assertThat(rejections.isEmpty()).isTrue();
        CaseOpened opened = (CaseOpened) record.value().getPayload();
        assertThat(record.key()).isEqualTo(opened.getCaseId());
        assertThat(UUID.fromString(opened.getCaseId()).version()).isEqualTo(7);
        assertThat(opened.getSubmissionId()).isEqualTo("sub-1");
        assertThat(opened.getPerson()).isEqualTo(s.getPerson());
        assertThat(opened.getFlags().getUnaccompaniedMinor()).isFalse();
        assertThat(opened.getLinkedCaseIds()).isEmpty();
        var metadata = record.value().getMetadata();
        assertThat(metadata.getCaseId()).isEqualTo(opened.getCaseId());
        assertThat(metadata.getCausationId()).isEqualTo("sub-1");
        assertThat(metadata.getCorrelationId()).isEqualTo(submitted.getMetadata().getCorrelationId());
        // the actor is the station whose signature was verified, not whoever delivered the record
        assertThat(metadata.getActor().getId()).isEqualTo("LAJAS_BLANCAS");
        assertThat(metadata.getActor().getRole()).isEqualTo(Role.FIELD_OFFICE);
        assertThat(metadata.getProducer()).isEqualTo("intake-service");
        assertThat(metadata.getOccurredAt()).isEqualTo(TestSubmissions.ENCOUNTER_AT);
        assertThat(metadata.getRecordedAt()).isEqualTo(NOW);

        KeyValueStore<String, SubmissionStatus> store = driver.getKeyValueStore(IntakeTopology.SUBMISSIONS_STORE);
        assertThat(store.get("sub-1").state()).isEqualTo(SubmissionStatus.State.ACCEPTED);
        assertThat(store.get("sub-1").caseId()).isEqualTo(opened.getCaseId());
        assertThat(counter("accepted")).isEqualTo(1.0);
    }

    static Stream<Arguments> refusedSubmissions() {
        return Stream.of(
                refused("REQUIRED_FIELD_MISSING", s -> s.getPerson().setGivenNames(" ")),
                refused("ENCOUNTER_IN_FUTURE", s -> s.getEncounter().setOccurredAt(NOW.plus(Duration.ofHours(2)))),
                refused("ENCOUNTER_TOO_OLD", s -> s.getEncounter().setOccurredAt(NOW.minus(Duration.ofDays(60)))),
                refused("DATE_OF_BIRTH_IN_FUTURE", s -> s.getPerson().setDateOfBirth(java.time.LocalDate.of(2030, 1, 1))),
                refused("DATE_OF_BIRTH_IMPLAUSIBLE", s -> s.getPerson().setDateOfBirth(java.time.LocalDate.of(1880, 1, 1))),
                refused("AGE_IMPLAUSIBLE", s -> { s.getPerson().setDateOfBirth(null); s.getPerson().setEstimatedAge(-3); }),
                refused("AGE_MISSING", s -> s.getPerson().setDateOfBirth(null)),
                refused("NATIONALITY_INVALID", s -> s.getPerson().setNationality("VENEZUELA")),
                refused("FEARED_COUNTRY_INVALID", s -> s.getFear().setFearedCountries(List.of("XXX"))),
                refused("RESIDENCE_COUNTRY_INVALID", s -> s.getPerson().setLawfulResidenceCountries(List.of("co"))),
                refused("DOCUMENT_COUNTRY_INVALID", s -> s.getPerson().getDocuments().getFirst().setIssuingCountry("")),
                refused("STATION_UNKNOWN", s -> s.getEncounter().setStationCode("METETI")),
                refused("COORDINATES_OUT_OF_RANGE", s -> s.getEncounter().getCoordinates().setLongitude(-200.0)));
    }

    static Arguments refused(String code, Consumer<EncounterSubmission> breakIt) {
        return Arguments.of(code, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSubmissions")
    void everyRuleRefusesWithItsReasonCodeAndOpensNoCase(String code, Consumer<EncounterSubmission> breakIt) {
        EncounterSubmission s = valid("sub-bad").build();
        breakIt.accept(s);
        submit(s);

        assertThat(caseEvents.isEmpty()).isTrue();
        var record = rejections.readRecord();
        assertThat(record.key()).isEqualTo("sub-bad");
        SubmissionRejected rejected = (SubmissionRejected) record.value().getPayload();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode).containsExactly(code);
        assertThat(rejected.getReasons().getFirst().getMessage()).isNotBlank();
        assertThat(record.value().getMetadata().getActor().getRole()).isEqualTo(Role.SYSTEM);
        assertThat(record.value().getMetadata().getCausationId()).isEqualTo("sub-bad");
        // summed over stations: every station's series exists from the start (at 0)
        assertThat(meters.get("caseflow.intake.rejections").tag("reason", code).counters().stream().mapToDouble(c -> c.count()).sum()).isEqualTo(1.0);
    }

    @Test
    void countryCodesAreNormalisedAtTheEdgeSoLowerCaseNamesTheSameCountry() {
        EncounterSubmission s = valid("sub-lower").build();
        s.getPerson().setNationality("ven");
        s.getFear().setFearedCountries(java.util.List.of("col", " Per "));
        submit(s);

        var opened = (org.caseflow.schemas.intake.CaseOpened) caseEvents.readValue().getPayload();
        assertThat(opened.getPerson().getNationality()).isEqualTo("VEN");
        assertThat(opened.getFear().getFearedCountries()).containsExactly("COL", "PER");
        EncounterSubmission upper = valid("sub-lower").build();
        upper.getPerson().setNationality("VEN");
        upper.getFear().setFearedCountries(java.util.List.of("COL", "PER"));
        submit(upper); // the same submission, retried in upper case: no conflict, no second case
        assertThat(caseEvents.isEmpty()).isTrue();
        assertThat(rejections.isEmpty()).isTrue();
    }

    @Test
    void aRetryOfTheSameSubmissionOpensNoSecondCase() {
        EncounterSubmission s = valid("sub-1").build();
        submit(s);
        submit(s);
        submit(valid("sub-1").build());

        assertThat(caseEvents.readValuesToList()).hasSize(1);
        assertThat(rejections.isEmpty()).isTrue();
        assertThat(counter("repeat")).isEqualTo(2.0);
    }

    @Test
    void aDifferentSubmissionUnderAUsedIdIsRefusedAndTheFirstStands() {
        submit(valid("sub-1").build());
        EncounterSubmission other = valid("sub-1").build();
        other.getPerson().setGivenNames("Otra");
        submit(other);

        assertThat(caseEvents.readValuesToList()).hasSize(1);
        SubmissionRejected rejected = (SubmissionRejected) rejections.readValue().getPayload();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode).containsExactly("SUBMISSION_ID_REUSED");
        KeyValueStore<String, SubmissionStatus> store = driver.getKeyValueStore(IntakeTopology.SUBMISSIONS_STORE);
        assertThat(store.get("sub-1").state()).isEqualTo(SubmissionStatus.State.ACCEPTED);
    }

    @Test
    void aRejectedSubmissionRetriedStaysRejectedWithoutASecondRejectionRecord() {
        EncounterSubmission bad = valid("sub-bad").build();
        bad.getPerson().setNationality("ZZZ");
        submit(bad);
        submit(bad);

        assertThat(rejections.readValuesToList()).hasSize(1);
        assertThat(caseEvents.isEmpty()).isTrue();
    }

    @Test
    void aRecordNotKeyedByItsSubmissionIdIsRefused() {
        submissions.pipeInput("wrong-key", envelope(valid("sub-1").build()), NOW);
        SubmissionRejected rejected = (SubmissionRejected) rejections.readValue().getPayload();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode).containsExactly("KEY_NOT_SUBMISSION_ID");
        assertThat(caseEvents.isEmpty()).isTrue();
    }

    @Test
    void onlyFieldOfficesMaySubmit() {
        EncounterSubmission s = valid("sub-1").build();
        submissions.pipeInput("sub-1", envelope(s, Role.REMOVAL_OFFICER), NOW);
        SubmissionRejected rejected = (SubmissionRejected) rejections.readValue().getPayload();
        assertThat(rejected.getReasons()).extracting(RejectionReason::getCode).containsExactly("NOT_A_FIELD_OFFICE");
    }

    @Test
    void anUnaccompaniedMinorIsFlaggedAndAnAccompaniedOneIsNot() {
        submit(TestSubmissions.minor("sub-alone", false));
        submit(TestSubmissions.minor("sub-family", true));
        var flags = caseEvents.readValuesToList().stream().map(e -> (CaseOpened) e.getPayload())
                .collect(java.util.stream.Collectors.toMap(CaseOpened::getSubmissionId, o -> o.getFlags().getUnaccompaniedMinor()));
        assertThat(flags).containsEntry("sub-alone", true).containsEntry("sub-family", false);
    }

    @Test
    void traffickingIndicatorsBecomeTheTraffickingFlag() {
        EncounterSubmission s = valid("sub-1").build();
        s.getIndicators().setTraffickingIndicators(true);
        s.getIndicators().setPregnant(true);
        submit(s);
        CaseOpened opened = (CaseOpened) caseEvents.readValue().getPayload();
        assertThat(opened.getFlags().getTrafficking()).isTrue();
        assertThat(opened.getFlags().getPregnancy()).isTrue();
        assertThat(opened.getFlags().getMedical()).isFalse();
    }

    @Test
    void aLikelyRepeatOfAPersonIsLinkedToTheEarlierCasesNotRejected() {
        EncounterSubmission first = valid("sub-1").build();
        first.getPerson().getDocuments().getFirst().setNumber("A 123-456");
        EncounterSubmission second = valid("sub-2").build();
        second.getPerson().getDocuments().getFirst().setNumber("a123456");
        EncounterSubmission otherNationality = valid("sub-3").build();
        otherNationality.getPerson().getDocuments().getFirst().setNumber("A123456");
        otherNationality.getPerson().setNationality("COL");
        submit(first);
        submit(second);
        submit(otherNationality);

        List<CaseOpened> opened = caseEvents.readValuesToList().stream().map(e -> (CaseOpened) e.getPayload()).toList();
        assertThat(opened).hasSize(3);
        assertThat(opened.get(0).getLinkedCaseIds()).isEmpty();
        assertThat(opened.get(1).getLinkedCaseIds()).containsExactly(opened.get(0).getCaseId());
        assertThat(opened.get(2).getLinkedCaseIds()).isEmpty();
        assertThat(rejections.isEmpty()).isTrue();
    }

    @Test
    void submissionsWithoutDocumentsAreNeverLinked() {
        EncounterSubmission a = valid("sub-1").build();
        a.getPerson().setDocuments(List.of());
        EncounterSubmission b = valid("sub-2").build();
        b.getPerson().setDocuments(List.of());
        submit(a);
        submit(b);
        assertThat(caseEvents.readValuesToList()).allSatisfy(e -> assertThat(((CaseOpened) e.getPayload()).getLinkedCaseIds()).isEmpty());
    }

    @Test
    void theCaseIdDependsOnlyOnTheSubmissionAndItsRecordTime() {
        EncounterSubmission s = valid("sub-1").build();
        submissions.pipeInput("sub-1", envelope(s), Instant.parse("2026-11-01T11:00:00Z"));
        String caseId = caseEvents.readKeyValue().key;
        assertThat(caseId).isEqualTo(org.caseflow.intake.domain.CaseIds.forSubmission("sub-1", Instant.parse("2026-11-01T11:00:00Z")));
    }

    private double counter(String outcome) {
        return meters.get("caseflow.intake.submissions").tag("outcome", outcome).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** What a rejection of {@code s} (delivered as given) says. */
    List<String> rejectionCodes(SubmissionEnvelope envelope) {
        submissions.pipeInput(((EncounterSubmission) envelope.getPayload()).getSubmissionId(), envelope, NOW.minusSeconds(1));
        assertThat(caseEvents.isEmpty()).as("no case opens").isTrue();
        return ((SubmissionRejected) rejections.readValue().getPayload()).getReasons().stream().map(RejectionReason::getCode).toList();
    }

    @Test
    void anUnsignedSubmissionIsRefused() {
        assertThat(rejectionCodes(TestSubmissions.unsignedEnvelope(valid("sub-unsigned").build(), Role.FIELD_OFFICE)))
                .containsExactly("SIGNATURE_MISSING");
    }

    @Test
    void aSubmissionChangedAfterSigningIsRefused() {
        EncounterSubmission signed = TestStations.signed(valid("sub-tampered").build());
        signed.getFear().setFearExpressed(false); // what a tampered spool or a man in the middle would do
        assertThat(rejectionCodes(envelope(signed))).containsExactly("SIGNATURE_INVALID");
    }

    @Test
    void aSubmissionSignedWithAnotherStationsKeyIsRefused() {
        EncounterSubmission s = valid("sub-other-station").build();
        var other = TestStations.keyPair("SAN_VICENTE");
        var forged = org.caseflow.submission.EncounterSignatures.signed(s, other.getPrivate(), TestStations.keyId("SAN_VICENTE"));
        assertThat(rejectionCodes(envelope(forged))).containsExactly("STATION_UNKNOWN");
    }

    @Test
    void aSubmissionSignedWithAnUnregisteredOrRevokedKeyIsRefused() {
        var stranger = org.caseflow.submission.EncounterSignatures.newKeyPair();
        var unregistered = org.caseflow.submission.EncounterSignatures.signed(valid("sub-stranger").build(), stranger.getPrivate(),
                org.caseflow.submission.EncounterSignatures.keyId(stranger.getPublic()));
        assertThat(rejectionCodes(envelope(unregistered))).containsExactly("STATION_UNKNOWN");

        stationKeys.pipeInput(TestStations.registryKey("LAJAS_BLANCAS"), org.caseflow.submission.StationRegistrations.revoked("LAJAS_BLANCAS",
                TestStations.keyPair("LAJAS_BLANCAS").getPublic().getEncoded(), "rotated", "supervisor", NOW));
        assertThat(rejectionCodes(envelope(valid("sub-revoked").build()))).containsExactly("SIGNATURE_INVALID");
        stationKeys.pipeInput(TestStations.registryKey("LAJAS_BLANCAS"), TestStations.registration("LAJAS_BLANCAS"));
    }

    @Test
    void aRetryWithTheSameSignedContentIsTheSameSubmission() {
        submit(valid("sub-retry").build());
        submit(valid("sub-retry").build());
        assertThat(caseEvents.readValuesToList()).hasSize(1);
        assertThat(rejections.isEmpty()).isTrue();
    }
}
