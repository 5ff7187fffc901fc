package org.caseflow.schemas.evolution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;

/**
 * Every released version of each topic's value schema, kept under version control in
 * {@code shared-schemas/src/main/resources/schemas/released/<topic>/v<N>.avsc} (v1, v2, ... without gaps).
 */
public final class ReleasedSchemas {

    public static final String RESOURCE_ROOT = "schemas/released/";

    private ReleasedSchemas() {
    }

    public static String resource(String topic, int version) {
        return RESOURCE_ROOT + topic + "/v" + version + ".avsc";
    }

    /** Released versions of a topic's value schema, oldest first. */
    public static List<Schema> of(String topic) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = ReleasedSchemas.class.getClassLoader();
        for (int v = 1; ; v++) {
            try (InputStream in = loader.getResourceAsStream(resource(topic, v))) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
