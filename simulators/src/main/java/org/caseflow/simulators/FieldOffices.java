package org.caseflow.simulators;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.field.FieldCli;
import org.caseflow.field.FieldOffice;
import org.caseflow.field.IntakeLink;
import org.caseflow.field.Spool;
import org.caseflow.field.StationIdentity;
import org.caseflow.field.Sync;
import org.caseflow.schemas.Topics;
import org.caseflow.schemas.common.Actor;
import org.caseflow.schemas.common.Metadata;
import org.caseflow.schemas.common.Role;
import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.schemas.intake.SubmissionEnvelope;
import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.SubmissionJson;
import org.caseflow.submission.SubmissionRequests;

/**
 * The demo's reception stations, each running the field-office client library: its own key pair (kept in the work
 * directory, registered with intake by the supervisor), its journal, and a sync that delivers over HTTP. Some
 * stations' submissions travel over Kafka instead, signed by the same key (as a station's gateway would send them);
 * malformed ones go that way too, since the client would refuse them before they were sent.
 */
final class FieldOffices implements AutoCloseable {

    private final Map<String, FieldOffice> offices = new LinkedHashMap<>();
    private final List<Thread> syncs = new java.util.ArrayList<>();

    private final org.caseflow.schemas.AccessTokens.Directory users;

    FieldOffices(Path workDir, List<String> stations, String intakeUrl) throws Exception {
        this.users = org.caseflow.localstack.LocalUsers.tokens(workDir);
        for (String station : stations) {
            Path dir = workDir.resolve("field").resolve(station);
            if (!Files.exists(dir.resolve("station.properties"))) {
                StationIdentity.create(dir, station);
            }
            FieldOffice office = FieldOffice.open(dir, "field-office");
            // under the fault runs intake may be down right now: the supervisor starts it again, so keep asking
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            int status = 0;
            while (status != 200) {
                try {
                    status = FieldCli.register(intakeUrl, users.of("supervisor"), office.station());
                } catch (java.io.IOException e) {
                    status = 0;
                }
                if (status != 200 && (status == 400 || status == 401 || status == 403 || status == 422 || System.nanoTime() > deadline)) {
                    throw new IllegalStateException("intake refused the key of station " + station + ": HTTP " + status);
                }
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!FieldCli.awaitKnown(intakeUrl, users.of("field-office"), office.station(), left)) {
                throw new IllegalStateException("intake does not know the key of station " + station);
            }
            offices.put(station, office);
        }
    }

    /** Starts each station's sync (HTTP, as a station on a bad link runs it: retrying until intake answers). */
    void startSyncs(String intakeUrl) {
        for (FieldOffice office : offices.values()) {
            var sync = new Sync(office.spool(), new IntakeLink(intakeUrl, users.of("field-office")),
                    new PrintStream(java.io.OutputStream.nullOutputStream()), 2, Duration.ofSeconds(2));
            syncs.add(Thread.ofPlatform().name("sync-" + office.station().stationCode()).daemon().start(() -> {
                try {
                    sync.run(true, Duration.ofDays(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    if (!(e.getCause() instanceof InterruptedException)) {
                        System.err.println("sync of " + office.station().stationCode() + " stopped: " + e);
                    }
                }
            }));
        }
    }

    /** Records an encounter at its station (checked, signed, journaled); the station's sync delivers it. */
    FieldOffice.Recorded record(Map<String, Object> body) throws Exception {
        return office(body).record(form(body));
    }

    /** Sends an encounter signed by its station straight to intake.submissions, as a station's Kafka gateway would. */
    void sendOverKafka(KafkaProducer<String, SubmissionEnvelope> producer, Map<String, Object> body) {
        StationIdentity station = office(body).station();
        SubmissionEnvelope envelope = signedEnvelope(body, station, "office-" + station.stationCode(), Instant.now());
        producer.send(new ProducerRecord<>(Topics.INTAKE_SUBMISSIONS, envelope.getMetadata().getCorrelationId(), envelope));
    }

    /** A submission (the JSON form as a map) signed by {@code station}, in the envelope a field office's producer writes. */
    static SubmissionEnvelope signedEnvelope(Map<String, Object> body, StationIdentity station, String officeId, Instant now) {
        EncounterSubmission signed = EncounterSignatures.signed(SubmissionRequests.toAvro(form(body), officeId),
                station.keys().getPrivate(), station.keyId());
        return SubmissionEnvelope.newBuilder()
                .setMetadata(Metadata.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(null)
                        .setOccurredAt(signed.getEncounter().getOccurredAt()).setRecordedAt(now).setProducer(officeId)
                        .setActor(Actor.newBuilder().setId(officeId).setRole(Role.FIELD_OFFICE).build())
                        .setCausationId(null).setCorrelationId(signed.getSubmissionId()).build())
                .setPayload(signed).build();
    }

    private static org.caseflow.submission.SubmissionRequest form(Map<String, Object> body) {
        return SubmissionJson.read(SubmissionJson.writeTree(body));
    }

    /** Encounters every station's journal still waits to deliver. */
    int waiting() throws Exception {
        int waiting = 0;
        for (FieldOffice office : offices.values()) {
            waiting += office.spool().counts().get(Spool.State.RECORDED);
        }
        return waiting;
    }

    private FieldOffice office(Map<String, Object> body) {
        String station = (String) ((Map<?, ?>) body.get("encounter")).get("stationCode");
        FieldOffice office = offices.get(station);
        if (office == null) {
            throw new IllegalArgumentException("no field office for station " + station);
        }
        return office;
    }

    @Override
    public void close() throws Exception {
        syncs.forEach(Thread::interrupt);
        for (Thread t : syncs) {
            t.join(5000);
        }
        for (FieldOffice office : offices.values()) {
            office.close();
        }
    }
}
