package org.caseflow.intake.stream;

import java.util.Optional;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.caseflow.schemas.intake.StationKeyEnvelope;
import org.caseflow.submission.EncounterSignatures;
import org.caseflow.submission.StationRegistrations;

/** The station registry as the intake rules see it, read from the global store of intake.stations. */
public final class StationKeys {

    private StationKeys() {
    }

    public static EncounterSignatures.StationRegistry of(ReadOnlyKeyValueStore<String, StationKeyEnvelope> store) {
        return (station, keyId) -> Optional.ofNullable(store.get(StationRegistrations.registryKey(station, keyId))).map(StationRegistrations::read);
    }
}
