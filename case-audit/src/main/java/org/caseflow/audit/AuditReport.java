package org.caseflow.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an audit found, in the documented shape of its JSON report (see docs/audit.md). */
public final class AuditReport {

    final Instant auditedAt;
    final Instant from;
    final Instant to;
    long records;
    long cases;
    final List<Finding> findings = new ArrayList<>();
    /** Every finding counted, including those beyond the ones kept in full. */
    long findingTotal;
    private final Map<String, Long> perRule = new LinkedHashMap<>();
    final Map<String, Integer> screeningOutcomes = new TreeMap<>();
    final Map<String, Integer> removalStages = new TreeMap<>();
    final Map<String, List<Long>> stageMillis = new TreeMap<>();
    final List<CaseView> timelines = new ArrayList<>();
    /** The text report shows timelines when the audit was asked about one case ({@code --case}); JSON and HTML always do. */
    boolean timelinesInText;

    /** What the report shows of one case: its end states and, when kept, its timeline. */
    record CaseView(String caseId, String screeningStatus, String removalStage, List<AuditRecord> timeline) {
    }

    AuditReport(Instant auditedAt, Instant from, Instant to) {
        this.auditedAt = auditedAt;
        this.from = from;
        this.to = to;
    }

    synchronized void add(CaseLedger ledger) {
        cases++;
        screeningOutcomes.merge(ledger.screeningOutcome() == null ? "NOT_CONCLUDED" : ledger.screeningOutcome(), 1, Integer::sum);
        removalStages.merge(ledger.removalState() == null ? "NOT_ELIGIBLE" : ledger.removalState(), 1, Integer::sum);
        ledger.stages().forEach((stage, d) -> stageMillis.computeIfAbsent(stage, s -> new ArrayList<>()).add(d.toMillis()));
        if (!ledger.timeline().isEmpty()) {
            timelines.add(new CaseView(ledger.caseId(), ledger.screeningState(), ledger.removalState(), ledger.timeline()));
        }
    }

    void setFindings(Findings all) {
        findings.clear();
        findings.addAll(all.kept());
        findingTotal = all.total();
        for (String rule : Rules.ALL) {
            perRule.put(rule, all.count(rule));
        }
    }

    /** Findings per rule (every one counted). */
    public Map<String, Long> ruleCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        perRule.forEach((rule, n) -> {
            if (n > 0) {
                counts.put(rule, n);
            }
        });
        return counts;
    }

    /** PASS or FAIL per rule. */
    public Map<String, String> verdicts() {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String rule : Rules.ALL) {
            verdicts.put(rule, perRule.getOrDefault(rule, 0L) > 0 || findings.stream().anyMatch(f -> f.rule().equals(rule)) ? "FAIL" : "PASS");
        }
        return verdicts;
    }

    /** The findings listed in full (the first 10,000). */
    public List<Finding> findingList() {
        return List.copyOf(findings);
    }

    public long findingCount() {
        return Math.max(findingTotal, findings.size());
    }

    public boolean clean() {
        return findingCount() == 0;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("auditedAt", auditedAt.toString());
        json.put("window", Map.of("from", from == null ? "beginning" : from.toString(), "to", to == null ? "end" : to.toString()));
        json.put("records", records);
        json.put("cases", cases);
        json.put("verdict", clean() ? "CLEAN" : "FINDINGS");
        json.put("rules", verdicts());
        json.put("findingCount", findingCount());
        json.put("findings", findings);
        json.put("screeningOutcomes", screeningOutcomes);
        json.put("removalStages", removalStages);
        Map<String, Object> stages = new LinkedHashMap<>();
        stageMillis.forEach((stage, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            stages.put(stage, Map.of("count", sorted.size(), "p50Ms", percentile(sorted, 50), "p90Ms", percentile(sorted, 90),
                    "maxMs", sorted.getLast()));
        });
        json.put("stageDurations", stages);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (var t : timelines) {
            cases.add(Map.of("caseId", t.caseId(), "screening", String.valueOf(t.screeningStatus()), "removal", String.valueOf(t.removalStage()),
                    "timeline", t.timeline().stream().map(r -> Map.of("recordedAt", r.recordedAt().toString(), "type", r.type(),
                            "actor", r.metadata().getActor().getId() + " (" + r.metadata().getActor().getRole() + ")", "record", r.ref())).toList()));
        }
        json.put("timelines", cases);
        return json;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("case audit: %d records, %d cases, verdict %s%n", records, cases, clean() ? "CLEAN" : findingCount() + " finding(s)"));
        verdicts().forEach((rule, verdict) -> out.append(String.format("  %-34s %s%n", rule, verdict)));
        out.append("screening outcomes: ").append(screeningOutcomes).append('\n');
        out.append("removal stages: ").append(removalStages).append('\n');
        for (Finding f : findings) {
            out.append(String.format("FINDING %s case %s: %s [%s/%d@%d]%n", f.rule(), f.caseId(), f.message(), f.offending().topic(),
                    f.offending().partition(), f.offending().offset()));
        }
        for (var t : timelinesInText ? orderedTimelines() : List.<CaseView>of()) {
            out.append(String.format("%ncase %s: screening %s, removal %s%n", t.caseId(), t.screeningStatus(), removal(t)));
            for (AuditRecord r : t.timeline()) {
                out.append(String.format("  %s  %-20s by %s%n", r.recordedAt(), r.type(), r.metadata().getActor().getId()));
            }
        }
        return out.toString();
    }

    /** Timelines in the order their cases began (first recorded event), grouped by where they ended. */
    List<CaseView> orderedTimelines() {
        return timelines.stream().sorted(java.util.Comparator.comparing((CaseView t) -> t.screeningStatus() + "/" + removal(t))
                .thenComparing(t -> t.timeline().getFirst().recordedAt())).toList();
    }

    private static String removal(CaseView t) {
        return t.removalStage() == null ? "NOT_ELIGIBLE" : t.removalStage();
    }

    /** A duration as a person reads it: 850 ms, 12.4 s, 3 min 20 s, 2 h 5 min, 3 d 4 h. */
    static String human(long millis) {
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 24 * 60) {
            return (minutes / 60) + " h " + (minutes % 60) + " min";
        }
        long hours = minutes / 60;
        return (hours / 24) + " d " + (hours % 24) + " h";
    }

    String html() {
        StringBuilder rows = new StringBuilder();
        for (Finding f : findings) {
            rows.append("<tr><td>").append(esc(f.rule())).append("</td><td>").append(esc(f.caseId())).append("</td><td>").append(esc(f.message()))
                    .append("</td><td>").append(esc(f.offending().topic() + "/" + f.offending().partition() + "@" + f.offending().offset())).append("</td></tr>");
        }
        StringBuilder bars = new StringBuilder();
        int max = screeningOutcomes.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int y = 0;
        for (var e : screeningOutcomes.entrySet()) {
            int width = (int) (300.0 * e.getValue() / max);
            bars.append(String.format("<text x='0' y='%d'>%s</text><rect x='190' y='%d' width='%d' height='14' fill='#4a7'/><text x='%d' y='%d'>%d</text>",
                    y + 12, esc(e.getKey()), y, width, 195 + width, y + 12, e.getValue()));
            y += 20;
        }
        StringBuilder stageBars = new StringBuilder();
        long longest = stageMillis.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(1);
        int sy = 0;
        for (var e : stageMillis.entrySet()) {
            List<Long> sorted = e.getValue().stream().sorted().toList();
            long p50 = percentile(sorted, 50);
            long p90 = percentile(sorted, 90);
            int w50 = (int) (300.0 * p50 / Math.max(1, longest));
            int w90 = (int) (300.0 * p90 / Math.max(1, longest));
            stageBars.append(String.format("<text x='0' y='%d'>%s</text><rect x='190' y='%d' width='%d' height='14' fill='#9bd'/>"
                            + "<rect x='190' y='%d' width='%d' height='14' fill='#37a'/><text x='%d' y='%d'>p50 %s, p90 %s</text>",
                    sy + 12, esc(e.getKey()), sy, Math.max(1, w90), sy, Math.max(1, w50), 195 + Math.max(w90, 1), sy + 12,
                    human(p50), human(p90)));
            sy += 20;
        }
        StringBuilder timelineHtml = new StringBuilder();
        List<CaseView> ordered = orderedTimelines();
        for (var t : ordered.subList(0, Math.min(ordered.size(), 200))) {
            timelineHtml.append("<details><summary>").append(esc(t.caseId())).append(" — screening ").append(esc(t.screeningStatus()))
                    .append(", removal ").append(esc(removal(t))).append("</summary><ol>");
            t.timeline().forEach(r -> timelineHtml.append("<li>").append(esc(r.recordedAt() + " " + r.type() + " by " + r.metadata().getActor().getId())).append("</li>"));
            timelineHtml.append("</ol></details>");
        }
        StringBuilder verdictRows = new StringBuilder();
        verdicts().forEach((rule, verdict) -> verdictRows.append("<tr><td>").append(rule).append("</td><td class='").append(verdict).append("'>")
                .append(verdict).append("</td></tr>"));
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Caseflow case audit</title>
                <style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:4px}table{border-collapse:collapse}
                .PASS{color:#070}.FAIL{color:#b00;font-weight:bold}</style></head><body>
                <h1>Caseflow case audit</h1><p>%d records, %d cases, audited %s: <b>%s</b></p>
                <h2>Safeguards and log integrity</h2><table>%s</table>
                <h2>Screening outcomes</h2><svg width="600" height="%d" font-size="12">%s</svg>
                <h2>Stage durations (dark: p50, light: p90)</h2><svg width="800" height="%d" font-size="12">%s</svg>
                <h2>Findings</h2><table><tr><th>rule</th><th>case</th><th>what</th><th>record</th></tr>%s</table>
                <h2>Timelines</h2>%s</body></html>
                """.formatted(records, cases, auditedAt, clean() ? "clean" : findingCount() + " finding(s)", verdictRows, Math.max(20, y), bars,
                Math.max(20, sy), stageBars, rows, timelineHtml);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

}
