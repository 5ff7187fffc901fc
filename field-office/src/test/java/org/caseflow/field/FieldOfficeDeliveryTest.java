package org.caseflow.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caseflow.intake.IntakeApplication;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.intake.CaseOpened;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.SubmissionJson;
import org.caseflow.submission.SubmissionRequest;
import org.caseflow.submission.SubmissionRequests;
import org.caseflow.testsupport.ApiClient;
import org.caseflow.testsupport.StackAddresses;
import org.caseflow.testsupport.TopicReader;
import org.caseflow.testsupport.WithCaseflowStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A station on a link that is down: 500 encounters recorded offline, the sync started while the link is down, the link
 * restored, the sync killed (SIGKILL) mid-way and started again. Exactly 500 cases open, each once; an encounter
 * changed in the journal after signing and one signed with another station's key are refused by intake. Real broker,
 * registry and intake; the client runs as its own process.
 */
@WithCaseflowStack
@SpringBootTest(classes = IntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FieldOfficeDeliveryTest {

    static final int ENCOUNTERS = 500;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void encountersRecordedOfflineAreDecidedExactlyOnceAcrossALinkOutageAndAKilledSync(StackAddresses stack) throws Exception {
        ApiClient api = new ApiClient(port).awaitReady(Duration.ofSeconds(60));
        Path lajas = dir.resolve("lajas");
        StationIdentity station = register(api, StationIdentity.create(lajas, "LAJAS_BLANCAS"));
        StationIdentity other = register(api, StationIdentity.create(dir.resolve("san-vicente"), "SAN_VICENTE"));

        String tampered = run + "-tampered";
        String forged = run + "-forged";
        try (FieldOffice office = FieldOffice.open(lajas, "field-office")) {
            for (int i = 0; i < ENCOUNTERS; i++) {
                assertThat(office.record(form(run + "-" + i, "Ana"))).isInstanceOf(FieldOffice.Spooled.class);
            }
            assertThat(office.record(form(run + "-0", "Ana"))).isInstanceOf(FieldOffice.AlreadySpooled.class);
            assertThat(office.record(withNationality(form(run + "-bad", "Ana"), "XX")))
                    .isInstanceOfSatisfying(FieldOffice.Refused.class, r -> assertThat(r.reasons().getFirst().code().name()).isEqualTo("NATIONALITY_INVALID"));
            office.record(form(tampered, "Ana"));
            // an encounter of this station signed with another station's key, slipped into the journal
            var signedByOther = EncounterSignatures.signed(SubmissionRequests.toAvro(form(forged, "Ana"), "field-office"),
                    other.keys().getPrivate(), other.keyId());
            office.spool().add(forged, SubmissionJson.write(signedByOther), Instant.now());
        }
        // someone edits the journal after signing
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + lajas.resolve(Spool.FILE));
             var update = db.prepareStatement("UPDATE encounters SET body = replace(body, '\"Ana\"', '\"Eva\"') WHERE submission_id = ?")) {
            update.setString(1, tampered);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        try (LinkProxy link = new LinkProxy(port)) {
            Process first = sync(lajas, link.port());
            Thread.sleep(3000);
            assertThat(first.isAlive()).as("the sync waits for the link").isTrue();
            assertThat(counts(lajas).get(Spool.State.RECORDED)).isEqualTo(ENCOUNTERS + 2);
            link.up();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (counts(lajas).get(Spool.State.ACCEPTED) < 100 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.destroyForcibly().waitFor(); // SIGKILL mid-sync
            int acceptedBeforeKill = counts(lajas).get(Spool.State.ACCEPTED);
            assertThat(acceptedBeforeKill).isBetween(100, ENCOUNTERS - 1);

            Process second = sync(lajas, link.port());
            assertThat(second.waitFor(180, TimeUnit.SECONDS)).as("the second sync finishes").isTrue();
            assertThat(second.exitValue()).isZero();
        }

        try (Spool spool = Spool.open(lajas)) {
            Map<Spool.State, Integer> counts = spool.counts();
            assertThat(counts.get(Spool.State.ACCEPTED)).isEqualTo(ENCOUNTERS);
            assertThat(counts.get(Spool.State.REJECTED)).isEqualTo(2);
            assertThat(counts.get(Spool.State.RECORDED)).isZero();
            assertThat(spool.find(tampered).reasons()).startsWith("SIGNATURE_INVALID");
            assertThat(spool.find(forged).reasons()).startsWith("STATION_UNKNOWN");
        }
        // the log: exactly one case per encounter, each opened by the verified station
        Function<List<ConsumerRecord<String, IntakeEventEnvelope>>, List<CaseOpened>> ours = records -> records.stream()
                .map(r -> r.value().getPayload()).filter(CaseOpened.class::isInstance).map(CaseOpened.class::cast)
                .filter(c -> c.getSubmissionId().startsWith(run + "-")).toList();
        Thread.sleep(2000); // anything doubled would arrive now
        var records = TopicReader.readUntil(stack, Topics.CASE_INTAKE_EVENTS, new StringDeserializer(),
                CaseflowSerdes.<IntakeEventEnvelope>deserializer(stack.registry(), false), r -> ours.apply(r).size() >= ENCOUNTERS, Duration.ofSeconds(60));
        List<CaseOpened> opened = ours.apply(records);
        Map<String, Long> perSubmission = opened.stream().collect(Collectors.groupingBy(CaseOpened::getSubmissionId, Collectors.counting()));
        assertThat(perSubmission).hasSize(ENCOUNTERS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(records.stream().filter(r -> r.value().getPayload() instanceof CaseOpened c && c.getSubmissionId().startsWith(run + "-"))
                .map(r -> r.value().getMetadata().getActor().getId()).distinct()).containsExactly("LAJAS_BLANCAS");
    }

    private StationIdentity register(ApiClient api, StationIdentity identity) throws Exception {
        assertThat(FieldCli.register("http://127.0.0.1:" + port, ApiClient.users().of("supervisor"), identity)).isEqualTo(200);
        assertThat(FieldCli.awaitKnown("http://127.0.0.1:" + port, ApiClient.users().of("field-office"), identity, Duration.ofSeconds(30))).isTrue();
        assertThat(api.get("/api/stations/" + identity.stationCode() + "/keys/" + identity.keyId(), "field-office").body()).contains("ACTIVE");
        return identity;
    }

    /** The client as the station runs it: its own JVM, so it can be killed. */
    private static Process sync(Path station, int linkPort) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                FieldCli.class.getName(), "sync", "--dir", station.toString(), "--intake", "http://127.0.0.1:" + linkPort, "--give-up-after", "PT3M",
                "--credentials", Path.of(System.getProperty(ApiClient.CREDENTIALS_DIR), "field-office.properties").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(station.resolve("sync-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static Map<Spool.State, Integer> counts(Path station) throws Exception {
        try (Spool spool = Spool.open(station)) {
            return spool.counts();
        }
    }

    private static SubmissionRequest form(String submissionId, String givenNames) {
        return SubmissionJson.read("""
                {"submissionId": "%s",
                 "person": {"givenNames": "%s", "familyNames": "Ensayo", "dateOfBirth": "1991-05-06", "sex": "FEMALE", "nationality": "VEN",
                            "languages": ["es"], "documents": [{"type": "PASSPORT", "number": "P%s", "issuingCountry": "VEN"}]},
                 "encounter": {"stationCode": "LAJAS_BLANCAS", "occurredAt": "%s", "accompanyingAdults": []},
                 "fear": {"fearExpressed": false, "fearedCountries": []}}
                """.formatted(submissionId, givenNames, submissionId, Instant.now().minusSeconds(1800)));
    }

    private static SubmissionRequest withNationality(SubmissionRequest r, String nationality) {
        var p = r.person();
        return new SubmissionRequest(r.submissionId(), new SubmissionRequest.PersonRequest(p.givenNames(), p.familyNames(), p.dateOfBirth(),
                p.estimatedAge(), p.sex(), nationality, p.lawfulResidenceCountries(), p.languages(), p.documents()),
                r.encounter(), r.indicators(), r.fear(), r.signature());
    }
}
