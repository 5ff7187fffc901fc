package org.caseflow.removal.stream;

import org.apache.kafka.common.serialization.Serde;
import org.caseflow.platform.kafka.JsonSerde;
import org.caseflow.removal.domain.DestinationSchedule;
import org.caseflow.schemas.CaseflowSerdes;
import org.caseflow.schemas.intake.IntakeEventEnvelope;
import org.caseflow.schemas.removal.FlightEnvelope;
import org.caseflow.schemas.removal.RemovalCommandEnvelope;
import org.caseflow.schemas.removal.RemovalCommandResultEnvelope;
import org.caseflow.schemas.removal.RemovalEventEnvelope;
import org.caseflow.schemas.screening.ScreeningEventEnvelope;

/** The serdes of the removal topology; tests pass plain Avro serdes, the service registry-backed ones. */
public record RemovalSerdes(Serde<IntakeEventEnvelope> intakeEvents, Serde<ScreeningEventEnvelope> screeningEvents,
                            Serde<RemovalCommandEnvelope> commands, Serde<RemovalEventEnvelope> events, Serde<FlightEnvelope> flights,
                            Serde<RemovalCommandResultEnvelope> results, Serde<StoredCase> cases, Serde<AllocationMessage> allocation,
                            Serde<DestinationSchedule> schedules) {

    public static RemovalSerdes withRegistry(CaseflowSerdes.RegistrySettings registry) {
        return new RemovalSerdes(CaseflowSerdes.valueSerde(registry), CaseflowSerdes.valueSerde(registry), CaseflowSerdes.valueSerde(registry),
                CaseflowSerdes.valueSerde(registry), CaseflowSerdes.valueSerde(registry), CaseflowSerdes.valueSerde(registry),
                new JsonSerde<>(StoredCase.class), new JsonSerde<>(AllocationMessage.class), new JsonSerde<>(DestinationSchedule.class));
    }
}
