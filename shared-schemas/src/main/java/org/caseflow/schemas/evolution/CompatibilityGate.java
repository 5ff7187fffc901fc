package org.caseflow.schemas.evolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.caseflow.schemas.TopicSpec;
import org.caseflow.schemas.Topics;

/**
 * BACKWARD_TRANSITIVE gate: a candidate schema must read data written with every released version
 * of the same topic. The build runs it over the whole catalogue and fails on any refusal.
 */
public final class CompatibilityGate {

    /** One refusal: the candidate cannot read data written with released version {@code version}. */
    public record Refusal(String topic, int version, String detail) {
        @Override
        public String toString() {
            return topic + ": cannot read data written with released v" + version + ": " + detail;
        }
    }

    private CompatibilityGate() {
    }

    /** Refusals of {@code candidate} against {@code released} (oldest first); empty when compatible. */
    public static List<Refusal> check(String topic, Schema candidate, List<Schema> released) {
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(candidate, released.get(i));
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                refusals.add(new Refusal(topic, i + 1, describe(result) + explainByType(candidate, released.get(i))));
            }
        }
        return refusals;
    }

    /** The current schema of every catalogued topic against all its released versions. */
    public static List<Refusal> checkCatalogue() {
        List<Refusal> refusals = new ArrayList<>();
        for (TopicSpec topic : Topics.withSchemas()) {
            List<Schema> released = ReleasedSchemas.of(topic.name());
            if (released.isEmpty()) {
                refusals.add(new Refusal(topic.name(), 0, "no released version is kept; run the schema release step"));
                continue;
            }
            refusals.addAll(check(topic.name(), topic.valueSchema().orElseThrow(), released));
        }
        return refusals;
    }

    /**
     * Avro reports a changed event type inside the payload union only as a missing union branch;
     * comparing the named types one by one names the field that broke it.
     */
    private static String explainByType(Schema reader, Schema writer) {
        Map<String, Schema> readerTypes = namedRecords(reader, new LinkedHashMap<>());
        StringBuilder why = new StringBuilder();
        namedRecords(writer, new LinkedHashMap<>()).forEach((name, writerType) -> {
            Schema readerType = readerTypes.get(name);
            if (readerType == null) {
                why.append("; type ").append(name).append(" was removed");
                return;
            }
            var own = SchemaCompatibility.checkReaderWriterCompatibility(readerType, writerType);
            own.getResult().getIncompatibilities().stream()
                    .filter(i -> i.getType() != SchemaIncompatibilityType.MISSING_UNION_BRANCH)
                    .forEach(i -> why.append("; in ").append(name).append(": ").append(i.getType())
                            .append(" at ").append(i.getLocation()).append(" (").append(i.getMessage()).append(")"));
        });
        return why.toString();
    }

    private static Map<String, Schema> namedRecords(Schema schema, Map<String, Schema> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(f -> namedRecords(f.schema(), seen));
                }
            }
            case UNION -> schema.getTypes().forEach(t -> namedRecords(t, seen));
            case ARRAY -> namedRecords(schema.getElementType(), seen);
            case MAP -> namedRecords(schema.getValueType(), seen);
            default -> { }
        }
        return seen;
    }

    private static String describe(SchemaCompatibility.SchemaPairCompatibility result) {
        return result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .reduce((a, b) -> a + "; " + b)
                .orElse(result.getDescription());
    }
}
