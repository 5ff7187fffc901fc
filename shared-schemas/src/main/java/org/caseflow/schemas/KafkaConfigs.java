package org.caseflow.schemas;

import java.util.HashMap;
import java.util.Map;

/** A Kafka client's configuration: a principal's connection settings with a client's own settings on top. */
public final class KafkaConfigs {

    private KafkaConfigs() {
    }

    /** {@code base} with each {@code key, value} pair of {@code settings} put over it (later wins). */
    public static Map<String, Object> with(Map<String, Object> base, Object... settings) {
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key, value pairs");
        }
        Map<String, Object> all = new HashMap<>(base);
        for (int i = 0; i < settings.length; i += 2) {
            all.put((String) settings[i], settings[i + 1]);
        }
        return all;
    }

    /** {@code base} with {@code settings} put over it. */
    public static Map<String, Object> with(Map<String, Object> base, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(base);
        all.putAll(settings);
        return all;
    }
}
