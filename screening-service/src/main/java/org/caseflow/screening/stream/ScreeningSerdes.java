package org.caseflow.screening.stream;

import org.caseflow.platform.command.CommandResult;
import org.apache.kafka.common.serialization.Serde;
import org.caseflow.platform.kafka.JsonSerde;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.screening.OfficerEnvelope;
import org.caseflow.schemas.screening.ScreeningCommandEnvelope;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;

/** The serdes of the screening topology; tests pass plain Avro serdes, the service registry-backed ones. */
public record ScreeningSerdes(Serde<IntakeEventEnvelope> intakeEvents, Serde<ScreeningCommandEnvelope> commands,
                              Serde<ScreeningEventEnvelope> events, Serde<OfficerEnvelope> officers,
                              Serde<StoredCase> cases, Serde<CommandResult> results) {

    public static ScreeningSerdes withRegistry(CaseflowSerdes.RegistrySettings registry) {
        return new ScreeningSerdes(CaseflowSerdes.valueSerde(registry), CaseflowSerdes.valueSerde(registry),
                CaseflowSerdes.valueSerde(registry), CaseflowSerdes.valueSerde(registry),
                new JsonSerde<>(StoredCase.class), new JsonSerde<>(CommandResult.class));
    }
}
