package org.caseflow.simulators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The metric names that the dashboards and alert rules under ops/ query. */
final class OpsMetrics {

    private static final Pattern METRIC = Pattern.compile("\\b((?:caseflow|kafka|jvm|process|http_server)_[a-z0-9_]+)\\b");

    private OpsMetrics() {
    }

    static Set<String> queried(Path ops) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ops)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith("alerts.yml")).toList()) {
                Matcher m = METRIC.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
