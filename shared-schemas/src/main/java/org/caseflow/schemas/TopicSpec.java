package org.caseflow.schemas;

import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;

/**
 * One topic of the catalogue: its name, who writes it, its value schema (absent for dead-letter
 * topics, which keep the original bytes) and the topic configs it is created with.
 */
public record TopicSpec(String name, String writer, Optional<Schema> valueSchema, Map<String, String> configs) {

    /** The registry artifact id of the value schema (Apicurio's TopicIdStrategy: {@code <topic>-value}). */
    public String valueArtifactId() {
        return name + "-value";
    }
}
