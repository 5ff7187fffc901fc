package org.caseflow.schemas.evolution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.caseflow.schemas.TopicSpec;
import org.caseflow.schemas.Topics;

/**
 * Release step: for each topic whose current schema differs from its latest released version (and
 * passes the gate), writes the next {@code v<N>.avsc} into the given resources directory. Run it when
 * a schema change ships: {@code ./mvnw -q -pl shared-schemas compile exec:java}.
 */
public final class SchemaRelease {

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "shared-schemas/src/main/resources").resolve(ReleasedSchemas.RESOURCE_ROOT);
        var refusals = CompatibilityGate.checkCatalogue().stream().filter(r -> r.version() > 0).toList();
        if (!refusals.isEmpty()) {
            refusals.forEach(r -> System.err.println("REFUSED " + r));
            System.exit(1);
        }
        for (TopicSpec topic : Topics.withSchemas()) {
            Schema current = topic.valueSchema().orElseThrow();
            List<Schema> released = ReleasedSchemas.of(topic.name());
            boolean unchanged = !released.isEmpty() && SchemaNormalization.parsingFingerprint64(released.getLast())
                    == SchemaNormalization.parsingFingerprint64(current) && released.getLast().equals(current);
            if (unchanged) {
                continue;
            }
            Path file = root.resolve(topic.name()).resolve("v" + (released.size() + 1) + ".avsc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + "\n");
            System.out.println("released " + file);
        }
    }
}
