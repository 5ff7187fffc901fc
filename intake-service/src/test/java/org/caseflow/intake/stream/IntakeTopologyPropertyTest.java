package org.caseflow.intake.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.caseflow.intake.TestSubmissions;
import org.caseflow.testsupport.TopologyTests;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.AccompanyingAdult;
import org.caseflow.schemas.common.Coordinates;
import org.caseflow.schemas.common.DocumentType;
import org.caseflow.schemas.common.Encounter;
import org.caseflow.schemas.common.FearStatement;
import org.caseflow.schemas.common.IdentityDocument;
import org.caseflow.schemas.common.Person;
import org.caseflow.schemas.common.Relationship;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.common.Sex;
import org.caseflow.schemas.common.VulnerabilityIndicators;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
import org.caseflow.schemas.intake.SubmissionEnvelope;

/** No generated submission makes the topology throw, and each new one yields exactly one case or one rejection. */
class IntakeTopologyPropertyTest {

    static TopologyTestDriver driver;
    static TestInputTopic<String, SubmissionEnvelope> submissions;
    static TestOutputTopic<String, IntakeEventEnvelope> caseEvents;
    static TestOutputTopic<String, RejectionEnvelope> rejections;
    static final AtomicLong sequence = new AtomicLong();

    @BeforeContainer
    static void start() {
        IntakeSerdes serdes = IntakeTopologyTest.plainSerdes();
        var topology = new IntakeTopology(serdes, IntakeTopologyTest.POLICY,
                new IntakeMetrics(new SimpleMeterRegistry(), IntakeTopologyTest.POLICY.stations())).topology();
        driver = new TopologyTestDriver(topology, TopologyTests.properties("intake-property-test"), TestSubmissions.NOW);
        submissions = driver.createInputTopic(Topics.INTAKE_SUBMISSIONS, Serdes.String().serializer(), serdes.submissions().serializer());
        caseEvents = driver.createOutputTopic(Topics.CASE_INTAKE_EVENTS, Serdes.String().deserializer(), serdes.events().deserializer());
        rejections = driver.createOutputTopic(Topics.INTAKE_REJECTIONS, Serdes.String().deserializer(), serdes.rejections().deserializer());
        var stationKeys = driver.createInputTopic(Topics.INTAKE_STATIONS, Serdes.String().serializer(), serdes.stations().serializer());
        IntakeTopologyTest.POLICY.stations().forEach(station ->
                stationKeys.pipeInput(org.caseflow.testsupport.TestStations.registryKey(station), org.caseflow.testsupport.TestStations.registration(station)));
    }

    @AfterContainer
    static void stop() {
        driver.close();
    }

    @Property(tries = 1000)
    void everyNewSubmissionYieldsExactlyOneCaseOrOneRejection(@ForAll("submissions") EncounterSubmission submission, @ForAll("roles") Role role,
                                                               @ForAll("keys") String keyChoice) {
        // a fresh id per try, so no try is a repeat of another
        submission.setSubmissionId(submission.getSubmissionId() + "-" + sequence.incrementAndGet());
        String key = keyChoice.equals("own") ? submission.getSubmissionId() : keyChoice;

        submissions.pipeInput(key, TestSubmissions.envelope(submission, role), TestSubmissions.NOW);

        var opened = caseEvents.readValuesToList();
        var refused = rejections.readValuesToList();
        assertThat(opened.size() + refused.size()).isEqualTo(1);
        if (!opened.isEmpty()) {
            CaseOpened caseOpened = (CaseOpened) opened.getFirst().getPayload();
            assertThat(role).isEqualTo(Role.FIELD_OFFICE);
            assertThat(caseOpened.getSubmissionId()).isEqualTo(submission.getSubmissionId());
            assertThat(caseOpened.getFlags().getTrafficking()).isEqualTo(submission.getIndicators().getTraffickingIndicators());
        }
        Statistics.collect(opened.isEmpty() ? "rejected" : "opened");
        // both paths must really be exercised, or the property proves little
        Statistics.coverage(c -> {
            c.check("opened").count(n -> n >= 10);
            c.check("rejected").count(n -> n >= 10);
        });
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.just("own")), net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(5)));
    }

    @Provide
    Arbitrary<Role> roles() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(Role.FIELD_OFFICE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Role.class)));
    }

    /** Half wholly random submissions, half valid ones bent in up to two random ways. */
    @Provide
    Arbitrary<EncounterSubmission> submissions() {
        return Arbitraries.oneOf(randomSubmissions(), bentValidSubmissions());
    }

    Arbitrary<EncounterSubmission> bentValidSubmissions() {
        List<java.util.function.Consumer<EncounterSubmission>> bends = List.of(
                s -> s.getPerson().setNationality("XX"),
                s -> s.getPerson().setDateOfBirth(LocalDate.of(2015, 1, 1)),
                s -> s.getPerson().setDateOfBirth(null),
                s -> s.getPerson().setGivenNames(""),
                s -> s.getPerson().setDocuments(List.of()),
                s -> s.getEncounter().setCoordinates(null),
                s -> s.getEncounter().setOccurredAt(Instant.EPOCH),
                s -> s.getEncounter().setStationCode("SAN_VICENTE"),
                s -> s.getIndicators().setTraffickingIndicators(true),
                s -> s.getFear().setFearedCountries(List.of("VEN", "???")));
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10), Arbitraries.of(bends).list().ofMaxSize(2))
                .as((id, chosen) -> {
                    EncounterSubmission s = TestSubmissions.valid(id).build();
                    chosen.forEach(bend -> bend.accept(s));
                    return s;
                });
    }

    Arbitrary<EncounterSubmission> randomSubmissions() {
        Arbitrary<String> text = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")), net.jqwik.api.Tuple.of(1, Arbitraries.just(" ")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(30)));
        Arbitrary<String> country = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.of("VEN", "ECU", "HTI", "COL", "CHN", "PAN", "USA")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(4)), net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
        Arbitrary<LocalDate> dates = Arbitraries.oneOf(Arbitraries.longs().between(-200_000, 200_000).map(LocalDate::ofEpochDay),
                Arbitraries.longs().between(-20_000, 20_000).map(LocalDate::ofEpochDay));
        Arbitrary<Instant> instants = Arbitraries.oneOf(Arbitraries.longs().between(-3_000_000_000L, 3_000_000_000L),
                Arbitraries.longs().between(-86_400 * 20, 0)).map(s -> TestSubmissions.NOW.plusSeconds(s));
        Arbitrary<Double> degrees = Arbitraries.oneOf(Arbitraries.doubles().between(-300, 300), Arbitraries.doubles().between(-80, 80),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 90.0, -180.0));
        Arbitrary<IdentityDocument> documents = Combinators.combine(Arbitraries.of(DocumentType.class), text, country)
                .as((type, number, issuer) -> IdentityDocument.newBuilder().setType(type).setNumber(number).setIssuingCountry(issuer).build());
        Arbitrary<Person> persons = Combinators.combine(text, text, dates.injectNull(0.4), Arbitraries.integers().between(-5, 200).injectNull(0.3),
                Arbitraries.of(Sex.class), country, country.list().ofMaxSize(2), documents.list().ofMaxSize(2))
                .as((given, family, dob, age, sex, nationality, residence, docs) -> Person.newBuilder()
                        .setGivenNames(given).setFamilyNames(family).setDateOfBirth(dob).setEstimatedAge(age).setSex(sex)
                        .setNationality(nationality).setLawfulResidenceCountries(residence).setLanguages(List.of("es")).setDocuments(docs).build());
        Arbitrary<Coordinates> coordinates = Combinators.combine(degrees, degrees)
                .as((lat, lon) -> Coordinates.newBuilder().setLatitude(lat).setLongitude(lon).build());
        Arbitrary<Encounter> encounters = Combinators.combine(Arbitraries.of("LAJAS_BLANCAS", "SAN_VICENTE", "LAJAS_BLANCAS", "", "NOWHERE"), instants,
                coordinates.injectNull(0.3), text.injectNull(0.5), Arbitraries.of(Relationship.class).list().ofMaxSize(2))
                .as((station, at, coords, group, adults) -> Encounter.newBuilder().setStationCode(station).setOccurredAt(at).setCoordinates(coords)
                        .setGroupId(group).setAccompanyingAdults(adults.stream().map(r -> AccompanyingAdult.newBuilder().setRelationship(r).build()).toList())
                        .build());
        Arbitrary<VulnerabilityIndicators> indicators = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((t, m, p, d) -> VulnerabilityIndicators.newBuilder().setTraffickingIndicators(t).setMedicalNeeds(m).setPregnant(p).setDisability(d).build());
        Arbitrary<FearStatement> fears = Combinators.combine(Arbitraries.of(true, false), country.list().ofMaxSize(3))
                .as((expressed, feared) -> FearStatement.newBuilder().setFearExpressed(expressed).setFearedCountries(feared).build());
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10), text, persons, encounters, indicators, fears)
                .as((id, office, person, encounter, ind, fear) -> EncounterSubmission.newBuilder()
                        .setSubmissionId(id).setOfficeId(office).setPerson(person).setEncounter(encounter).setIndicators(ind).setFear(fear).build());
    }
}
