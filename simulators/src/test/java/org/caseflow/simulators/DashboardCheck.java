package org.caseflow.simulators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every Grafana panel query and every alert rule under ops/, evaluated by a real Prometheus after a demo, against
 * what the demo's own summary (read from the log) reports. A query without a check here is itself a failure, so a
 * new panel cannot go unchecked.
 *
 * <p>Range queries ({@code [5m]}, {@code [1h]}) are evaluated over the whole run instead, at the exact time of the
 * owning service's last scrape: every counter's first sample is 0 (scraped before the first event) and its last
 * sample sits at the range end, so Prometheus' {@code increase()} extrapolates nothing and must equal the demo's count.
 */
final class DashboardCheck {

    private static final Pattern RANGE = Pattern.compile("\\[\\d+[smhd]\\]");
    private static final Pattern QUANTILE = Pattern.compile("histogram_quantile\\((0\\.\\d+), .*\\((caseflow_[a-z_]+)_seconds_bucket");
    private static final Map<String, String> HOPS = Map.of(
            "caseflow_intake_submission_to_case", "submission->case",
            "caseflow_screening_intake_to_decision", "intake->decision",
            "caseflow_removal_decision_to_scheduled", "decision->scheduled");

    private final PrometheusServer prometheus;
    private final JsonNode summary;
    private final Map<String, Instant> finalScrape;
    private final Instant beforeDeparture;
    private final long rangeSeconds;
    private final List<String> problems = new ArrayList<>();

    /**
     * {@code finalScrape}: each service's last scrape after the run settled; {@code beforeDeparture}: the removal service's
     * last scrape before the flights left; {@code runStart}: before Prometheus's first scrape of the services.
     */
    DashboardCheck(PrometheusServer prometheus, JsonNode summary, Map<String, Instant> finalScrape, Instant beforeDeparture, Instant runStart) {
        this.prometheus = prometheus;
        this.summary = summary;
        this.finalScrape = finalScrape;
        this.beforeDeparture = beforeDeparture;
        Instant latest = finalScrape.values().stream().max(Instant::compareTo).orElseThrow();
        this.rangeSeconds = Duration.between(runStart, latest).toSeconds() + 5;
    }

    /** The panel queries of every dashboard: title → queries. */
    static Map<String, List<String>> panelQueries(Path dashboards) throws Exception {
        Map<String, List<String>> panels = new LinkedHashMap<>();
        try (var files = Files.list(dashboards)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode panel : Api.JSON.readTree(file.toFile()).path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        panels.computeIfAbsent(panel.path("title").asText(), t -> new ArrayList<>()).add(target.path("expr").asText());
                    }
                }
            }
        }
        return panels;
    }

    /** Checks every panel query and every alert rule; returns what did not match (empty when the dashboards tell the truth). */
    List<String> check(Map<String, List<String>> panels, List<PrometheusServer.AlertRule> alertRules) throws Exception {
        for (var panel : panels.entrySet()) {
            for (String expr : panel.getValue()) {
                checkPanel(panel.getKey(), expr);
            }
        }
        if (alertRules.isEmpty()) {
            problems.add("Prometheus loaded no alert rule from ops/prometheus/alerts.yml");
        }
        for (var rule : alertRules) {
            checkAlert(rule);
        }
        return problems;
    }

    private void checkPanel(String panel, String expr) throws Exception {
        Matcher quantile = QUANTILE.matcher(expr);
        if (quantile.find()) {
            checkQuantile(panel, expr, Double.parseDouble(quantile.group(1)), quantile.group(2));
            return;
        }
        switch (expr) {
            case "sum(rate(caseflow_intake_submissions_total{outcome=\"accepted\"}[5m]))*60" -> perMinute(panel, expr, count("events", "CaseOpened"));
            case "sum(rate(caseflow_screening_decisions_total[5m]))*60" -> perMinute(panel, expr, total("decisionsByOutcome"));
            case "sum(rate(caseflow_removal_outcomes_total{event=\"RemovalScheduled\"}[5m]))*60" -> perMinute(panel, expr, count("events", "RemovalScheduled"));
            case "sum(rate(caseflow_removal_outcomes_total{event=\"RemovalExecuted\"}[5m]))*60" -> perMinute(panel, expr, count("events", "RemovalExecuted"));
            case "sum by (status) (caseflow_screening_backlog)" -> byLabel(panel, expr, "status", screeningBacklog(), at("screening"));
            case "sum by (outcome) (increase(caseflow_screening_decisions_total[1h]))" ->
                    byLabel(panel, expr, "outcome", counts("decisionsByOutcome"), at("screening"));
            case "sum by (destination) (caseflow_removal_seats_taken)" ->
                    byLabel(panel, expr, "destination", counts("seatsTakenBeforeDeparture"), beforeDeparture);
            case "caseflow_removal_seat_utilisation" -> byLabel(panel, expr, "destination", seatUtilisation(), beforeDeparture);
            case "sum by (reason) (increase(caseflow_intake_rejections_total[1h]))" ->
                    byLabel(panel, expr, "reason", counts("rejectionsByReason"), at("intake"));
            case "sum by (safeguard) (increase(caseflow_removal_blocks_total[1h]))" ->
                    byLabel(panel, expr, "safeguard", counts("blockEventsBySafeguard"), at("removal"));
            case "sum by (topic) (caseflow_dlt_records_total)" -> byLabel(panel, expr, "topic", deadLettersBySourceTopic(), latest());
            case "max by (application) (kafka_consumer_fetch_manager_records_lag_max >= 0) or max by (application) (process_uptime_seconds) * 0" ->
                    everyService(panel, expr, v -> v == 0, "0 records behind once the demo settled");
            case "sum by (application) (jvm_memory_used_bytes{area=\"heap\"})" -> everyService(panel, expr, v -> v > 0, "some heap in use");
            case "sum by (destination) (caseflow_removal_eligible_backlog)" ->
                    byLabel(panel, expr, "destination", counts("waitingForSeat"), at("removal"));
            default -> problems.add("panel '" + panel + "': no check for its query " + expr + " (add one to DashboardCheck)");
        }
    }

    /** A rate per minute over the run: the demo's count × 60 ÷ the range. */
    private void perMinute(String panel, String expr, double count) throws Exception {
        String service = expr.contains("caseflow_intake") ? "intake" : expr.contains("caseflow_screening") ? "screening" : "removal";
        List<PrometheusServer.Sample> result = prometheus.query(wholeRun(expr), at(service));
        double got = result.isEmpty() ? 0 : result.getFirst().value();
        double expected = count * 60 / rangeSeconds;
        if (!close(got, expected)) {
            problems.add(String.format("panel '%s': %s over the run = %.6f/min, the demo's %d events make %.6f/min", panel, expr, got, (long) count,
                    expected));
        }
    }

    private void byLabel(String panel, String expr, String label, Map<String, Double> expected, Instant at) throws Exception {
        Map<String, Double> got = new TreeMap<>();
        for (var sample : prometheus.query(wholeRun(expr), at)) {
            got.merge(sample.labels().getOrDefault(label, ""), sample.value(), Double::sum);
        }
        for (String key : union(got.keySet(), expected.keySet())) {
            double g = got.getOrDefault(key, 0.0);
            double e = expected.getOrDefault(key, 0.0);
            if (!close(g, e)) {
                problems.add(String.format("panel '%s': %s{%s=%s} = %s, the demo reports %s (all: prometheus %s, demo %s)", panel, expr, label, key,
                        g, e, got, expected));
            }
        }
    }

    private void everyService(String panel, String expr, java.util.function.DoublePredicate ok, String what) throws Exception {
        Map<String, Double> got = new TreeMap<>();
        for (var sample : prometheus.query(expr, latest())) {
            got.put(sample.labels().get("application"), sample.value());
        }
        if (!got.keySet().equals(new TreeSet<>(finalScrape.keySet())) || !got.values().stream().allMatch(ok::test)) {
            problems.add("panel '" + panel + "': expected " + what + " for each of " + finalScrape.keySet() + ", got " + got);
        }
    }

    /**
     * A quantile from a histogram cannot equal the demo's exact figure, but it must fall in the bucket that holds that
     * figure or within two buckets either side (the service times with its own clock, the demo from the events' record
     * times, and a few dozen hops near a bucket boundary straddle it: seen 0.975 s against the demo's 1.088 s, two
     * buckets apart); and the histogram must have counted exactly the demo's events.
     */
    private void checkQuantile(String panel, String expr, double q, String metric) throws Exception {
        String service = metric.split("_")[1];
        JsonNode hop = summary.path("latency").path(HOPS.get(metric));
        double observed = prometheus.query("sum(increase(" + metric + "_seconds_count[" + rangeSeconds + "s]))", at(service)).stream()
                .mapToDouble(PrometheusServer.Sample::value).sum();
        if (!close(observed, hop.path("count").asDouble(0))) {
            problems.add("panel '" + panel + "': " + metric + " counted " + observed + " over the run, the demo saw " + hop.path("count").asInt(0)
                    + " (" + HOPS.get(metric) + ")");
        }
        List<PrometheusServer.Sample> result = prometheus.query(wholeRun(expr), at(service));
        if (hop.isMissingNode()) {
            if (!result.isEmpty() && !Double.isNaN(result.getFirst().value())) {
                problems.add("panel '" + panel + "': " + expr + " = " + result.getFirst().value() + " but the demo saw no " + HOPS.get(metric));
            }
            return;
        }
        double expected = hop.path(q == 0.5 ? "p50Ms" : "p99Ms").asDouble() / 1000;
        double got = result.isEmpty() ? Double.NaN : result.getFirst().value();
        List<Double> bounds = prometheus.query("sum by (le) (" + metric + "_seconds_bucket)", at(service)).stream()
                .map(s -> PrometheusServer.number(s.labels().get("le"))).sorted().toList();
        int expectedBucket = bucket(bounds, expected);
        int gotBucket = bucket(bounds, got);
        if (Double.isNaN(got) || Math.abs(expectedBucket - gotBucket) > 2) {
            problems.add(String.format("panel '%s': %s = %.4f s (bucket ≤ %s), the demo's p%d is %.4f s (bucket ≤ %s)", panel, expr, got,
                    bounds.get(Math.min(gotBucket, bounds.size() - 1)), Math.round(q * 100), expected, bounds.get(expectedBucket)));
        }
    }

    private static int bucket(List<Double> bounds, double value) {
        for (int i = 0; i < bounds.size(); i++) {
            if (value <= bounds.get(i)) {
                return i;
            }
        }
        return bounds.size();
    }

    /**
     * An alert fires exactly when the demo's figures cross its threshold: Prometheus' own evaluation of each rule (its
     * state, {@code for} included) against what the rule means for the demo's summary.
     */
    private void checkAlert(PrometheusServer.AlertRule rule) throws Exception {
        String name = rule.name();
        String query = rule.query();
        boolean expected = switch (name) {
            case "CaseflowServiceDown", "CaseflowConsumerLag" -> false;
            case "CaseflowDeadLettersGrowing" -> total("deadLetters") > 0;
            case "CaseflowSafeguardBlocksSpike" -> counts("blockEventsBySafeguard").values().stream().anyMatch(n -> n > 10);
            case "CaseflowCasesStuckInScreening" -> screeningBacklog().getOrDefault("AWAITING_SCREENING", 0.0) > 200;
            case "CaseflowCasesWaitingForSeats" -> counts("waitingForSeat").values().stream().anyMatch(n -> n > 100);
            default -> {
                problems.add("alert " + name + ": no check for its rule " + query + " (add one to DashboardCheck)");
                yield false;
            }
        };
        boolean fires = rule.state().equals("firing");
        if (fires != expected) {
            problems.add("alert " + name + " (" + query + ") is " + rule.state() + " at the end of the demo; from its summary it "
                    + (expected ? "should" : "should not") + " fire; the query now gives " + prometheus.query(query, Instant.now()));
        }
    }

    /** Cases per screening status, from the log: every case is concluded at the end, the protection referrals apart. */
    private Map<String, Double> screeningBacklog() {
        Map<String, Double> expected = new TreeMap<>();
        Map<String, String> statusOfLastEvent = Map.of("OPENED", "AWAITING_SCREENING", "ScreeningQueued", "AWAITING_SCREENING",
                "OfficerAssigned", "ASSIGNED", "InterviewRecorded", "INTERVIEWED", "ScreeningDecided", "REVIEW_WINDOW_OPEN",
                "ReviewRequested", "REVIEW_REQUESTED", "FINAL", "FINAL");
        counts("screeningStates").forEach((last, n) -> expected.merge(statusOfLastEvent.getOrDefault(last, "UNKNOWN:" + last), n, Double::sum));
        double protection = counts("screeningOutcomes").getOrDefault("PROTECTION_REFERRAL", 0.0);
        expected.merge("FINAL", -protection, Double::sum);
        expected.merge("PROTECTION_REFERRED", protection, Double::sum);
        return expected;
    }

    private Map<String, Double> seatUtilisation() {
        Map<String, Double> taken = counts("seatsTakenBeforeDeparture");
        Map<String, Double> utilisation = new TreeMap<>();
        counts("seatsPlannedBeforeDeparture").forEach((destination, seats) -> utilisation.put(destination,
                seats == 0 ? 0 : taken.getOrDefault(destination, 0.0) / seats));
        return utilisation;
    }

    /** The demo counts records on each dead-letter topic; the metric is labelled with the topic they came from. */
    private Map<String, Double> deadLettersBySourceTopic() {
        Map<String, Double> bySource = new TreeMap<>();
        counts("deadLetters").forEach((dlt, n) -> bySource.put(dlt.substring(0, dlt.length() - ".dlt".length()), n));
        return bySource;
    }

    private Map<String, Double> counts(String field) {
        Map<String, Double> counts = new TreeMap<>();
        summary.path(field).fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asDouble()));
        return counts;
    }

    private double count(String field, String key) {
        return summary.path(field).path(key).asDouble(0);
    }

    private double total(String field) {
        return counts(field).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private String wholeRun(String expr) {
        return RANGE.matcher(expr).replaceAll("[" + rangeSeconds + "s]");
    }

    private Instant at(String service) {
        return finalScrape.get(service + "-service");
    }

    private Instant latest() {
        return finalScrape.values().stream().max(Instant::compareTo).orElseThrow();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
