package org.caseflow.schemas;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.Schema;

/**
 * One topic of the catalogue: its name, the principals that may write and read it ({@link Principals}; the broker
 * enforces them as ACLs), its value schema (absent for dead-letter topics, which keep the original bytes) and the
 * topic configs it is created with.
 */
public record TopicSpec(String name, Set<String> writers, Set<String> readers, Optional<Schema> valueSchema, Map<String, String> configs) {

    public TopicSpec {
        writers = Set.copyOf(writers);
        readers = Set.copyOf(readers);
    }

    /** The registry artifact id of the value schema (Apicurio's TopicIdStrategy: {@code <topic>-value}). */
    public String valueArtifactId() {
        return name + "-value";
    }
}
