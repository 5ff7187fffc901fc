package org.caseflow.testsupport;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.avro.specific.SpecificData;
import org.caseflow.schemas.Topics;

/** The payload types a topic's envelope can carry, from the catalogue's schema: the list a reader must cover. */
public final class PayloadUnions {

    private PayloadUnions() {
    }

    public static Set<Class<?>> of(String topic) {
        Set<Class<?>> types = new LinkedHashSet<>();
        var envelope = Topics.byName(topic).valueSchema().orElseThrow();
        for (var branch : envelope.getField("payload").schema().getTypes()) {
            types.add(SpecificData.get().getClass(branch));
        }
        return types;
    }
}
