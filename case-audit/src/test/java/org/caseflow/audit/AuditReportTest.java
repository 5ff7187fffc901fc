package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

/** The reports carry the verdicts, the findings and the per-case timelines. */
class AuditReportTest {

    @Test
    void reportsNameEveryRuleAndEachFinding() {
        AuditReport report = new AuditReport(CaseCheckerTest.AUDITED_AT, null, null);
        CaseChecker checker = new CaseChecker(Duration.ofDays(7), CaseCheckerTest.AUDITED_AT);
        CraftedLog clean = new CraftedLog().clean();
        CraftedLog minor = new CraftedLog();
        minor.minor = true;
        minor.clean();
        report.add(checker.check(clean.caseId, clean.records, new HashSet<>()), true);
        report.add(checker.check(minor.caseId, minor.records, new HashSet<>()), true);

        assertThat(report.clean()).isFalse();
        assertThat(report.verdicts()).containsEntry(Rules.S2, "FAIL").containsEntry(Rules.S1, "PASS").hasSize(Rules.ALL.size());
        String json = CaseAudit.json(report);
        assertThat(json).contains("\"verdict\" : \"FINDINGS\"").contains(minor.caseId).contains("\"stageDurations\"").contains("\"timelines\"");
        assertThat(report.text()).contains("FINDING " + Rules.S2 + " case " + minor.caseId);
        String html = report.html();
        assertThat(html).startsWith("<!doctype html>").contains("<svg").contains("Stage durations").contains(clean.caseId).contains("class='FAIL'");
    }
}
