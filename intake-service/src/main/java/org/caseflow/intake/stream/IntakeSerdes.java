package org.caseflow.intake.stream;

import org.apache.kafka.common.serialization.Serde;
import org.caseflow.intake.domain.SubmissionStatus;
import org.caseflow.platform.kafka.JsonSerde;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.PlainAvroSerde;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.intake.RejectionEnvelope;
import org.caseflow.schemas.intake.StationKeyEnvelope;
import org.caseflow.schemas.intake.SubmissionEnvelope;

/** The serdes of the intake topology; tests pass plain Avro serdes, the service registry-backed ones. */
public record IntakeSerdes(Serde<SubmissionEnvelope> submissions, Serde<IntakeEventEnvelope> events,
                           Serde<RejectionEnvelope> rejections, Serde<SubmissionStatus> status, Serde<IntakeEventEnvelope> internalEvents,
                           Serde<StationKeyEnvelope> stations) {

    /** Public topics through the registry; the internal repartition topic as plain Avro (no artifact to provision). */
    public static IntakeSerdes withRegistry(CaseflowSerdes.RegistrySettings registry) {
        return new IntakeSerdes(CaseflowSerdes.valueSerde(registry), CaseflowSerdes.valueSerde(registry),
                CaseflowSerdes.valueSerde(registry), new JsonSerde<>(SubmissionStatus.class), new PlainAvroSerde<>(IntakeEventEnvelope.class), CaseflowSerdes.valueSerde(registry));
    }
}
