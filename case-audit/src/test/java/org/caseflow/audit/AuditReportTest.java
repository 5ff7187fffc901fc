package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The reports carry the verdicts, the findings and the per-case timelines. */
class AuditReportTest {

    @Test
    void reportsNameEveryRuleAndEachFinding() {
        CraftedLog clean = new CraftedLog().clean();
        CraftedLog minor = new CraftedLog();
        minor.minor = true;
        minor.seat = 4;
        minor.clean();
        AuditReport report = CraftedLog.audit(clean.t0.plus(Duration.ofDays(30)), clean, minor);

        assertThat(report.clean()).isFalse();
        assertThat(report.verdicts()).containsEntry(Rules.S2, "FAIL").containsEntry(Rules.S3, "PASS").hasSize(Rules.ALL.size());
        String json = CaseAudit.json(report);
        assertThat(json).contains("\"verdict\" : \"FINDINGS\"").contains(minor.caseId).contains("\"stageDurations\"").contains("\"timelines\"");
        assertThat(report.text()).contains("FINDING " + Rules.S2 + " case " + minor.caseId);
        String html = report.html();
        assertThat(html).startsWith("<!doctype html>").contains("<svg").contains("Stage durations").contains(clean.caseId).contains("class='FAIL'");
    }

    @Test
    void aCaseAskedForShowsItsTimelineInTextAndDurationsReadAsAPersonWould() {
        CraftedLog clean = new CraftedLog().clean();
        AuditReport report = CraftedLog.audit(clean.t0.plus(Duration.ofDays(30)), clean);
        assertThat(report.text()).doesNotContain("ScreeningDecided");
        report.timelinesInText = true;
        assertThat(report.text()).contains("case " + clean.caseId + ": screening FINAL").contains("ScreeningDecided").doesNotContain("null");
        assertThat(report.html()).doesNotContainPattern("PT[0-9]").doesNotContain(", null");
        assertThat(AuditReport.human(850)).isEqualTo("850 ms");
        assertThat(AuditReport.human(12_400)).isEqualTo("12.4 s");
        assertThat(AuditReport.human(200_000)).isEqualTo("3 min 20 s");
        assertThat(AuditReport.human(Duration.ofHours(76).toMillis())).isEqualTo("3 d 4 h");
    }
}
