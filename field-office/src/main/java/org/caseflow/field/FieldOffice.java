package org.caseflow.field;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseflow.schemas.intake.EncounterSubmission;
import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.SubmissionChecks;
import org.caseflow.submission.SubmissionJson;
import org.caseflow.submission.SubmissionRequest;
import org.caseflow.submission.SubmissionRequests;
import org.caseflow.submission.domain.IntakeSettings;
import org.caseflow.submission.domain.Reason;

/**
 * A reception station's client as a library: records an encounter (checked with intake's own rules, signed with the
 * station's key, journaled before anything is sent) and delivers the journal to intake ({@link Sync}).
 */
public final class FieldOffice implements AutoCloseable {

    /** What happened to one encounter given to {@link #record}. */
    public sealed interface Recorded {
        String submissionId();
    }

    /** Journaled, signed, waiting for delivery. */
    public record Spooled(String submissionId) implements Recorded {
    }

    /** Already in the journal under this id: nothing changed. */
    public record AlreadySpooled(String submissionId) implements Recorded {
    }

    /** Refused here, offline, with intake's reasons; not journaled: correct it and record it again. */
    public record Refused(String submissionId, List<Reason> reasons) implements Recorded {
    }

    static {
        org.caseflow.schemas.CaseflowSerdes.trustGeneratedClasses();
    }

    /** The limits intake applies by default (caseflow.intake.*); intake has the last word. */
    static final Duration MAX_ENCOUNTER_AGE = Duration.ofDays(30);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final StationIdentity station;
    private final Spool spool;
    private final String officeId;
    private final Clock clock;

    public FieldOffice(StationIdentity station, Spool spool, String officeId, Clock clock) {
        this.station = station;
        this.spool = spool;
        this.officeId = officeId;
        this.clock = clock;
    }

    /** The station in {@code dir} (made by {@code field init}) with its journal. */
    public static FieldOffice open(Path dir, String officeId) throws IOException {
        return new FieldOffice(StationIdentity.load(dir), Spool.open(dir), officeId, Clock.systemUTC());
    }

    public StationIdentity station() {
        return station;
    }

    public Spool spool() {
        return spool;
    }

    /**
     * Records one encounter: gives it a submissionId if it has none, checks it as intake would (and that it names this
     * station), signs it and journals it durably. Only then may it be sent.
     */
    public Recorded record(SubmissionRequest form) throws SQLException {
        String id = form.submissionId() == null || form.submissionId().isBlank()
                ? station.stationCode().toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() : form.submissionId();
        if (!id.matches("[A-Za-z0-9._:-]{1,100}")) {
            return new Refused(id, List.of(new Reason(org.caseflow.submission.domain.ReasonCode.SUBMISSION_ID_INVALID, "submissionId",
                    "A submissionId is letters, digits and . _ : - only, at most 100.")));
        }
        SubmissionRequest withId = new SubmissionRequest(id, form.person(), form.encounter(), form.indicators(), form.fear(), null);
        if (withId.person() == null || withId.encounter() == null) {
            return new Refused(id, List.of(new Reason(org.caseflow.submission.domain.ReasonCode.REQUIRED_FIELD_MISSING,
                    withId.person() == null ? "person" : "encounter", "'" + (withId.person() == null ? "person" : "encounter") + "' is required.")));
        }
        EncounterSubmission submission = SubmissionRequests.toAvro(withId, officeId);
        var settings = new IntakeSettings(Set.of(station.stationCode()), MAX_ENCOUNTER_AGE, CLOCK_SKEW);
        List<Reason> refusals = SubmissionChecks.refusals(submission, settings, clock.instant());
        if (!refusals.isEmpty()) {
            return new Refused(id, refusals);
        }
        EncounterSubmission signed = EncounterSignatures.signed(submission, station.keys().getPrivate(), station.keyId());
        return spool.add(id, SubmissionJson.write(signed), clock.instant()) ? new Spooled(id) : new AlreadySpooled(id);
    }

    @Override
    public void close() throws SQLException {
        spool.close();
    }
}
