package org.caseflow.screening;

import org.caseflow.testsupport.ServiceBasicsContract;
import org.caseflow.testsupport.WithCaseflowStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithCaseflowStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreeningApplicationBasicsTest extends ServiceBasicsContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected String applicationName() {
        return "screening-service";
    }

    @Override
    protected String commandUser() {
        return "supervisor";
    }

    @Override
    protected java.util.Map<String, java.util.Set<String>> roleMatrix() {
        return java.util.Map.ofEntries(
                java.util.Map.entry("GET /api/cases/{caseId}", java.util.Set.of("SCREENING_OFFICER", "SUPERVISOR", "AUDITOR")),
                java.util.Map.entry("GET /api/cases/{caseId}/commands/{commandId}", java.util.Set.of("SCREENING_OFFICER", "SUPERVISOR", "AUDITOR")),
                java.util.Map.entry("POST /api/cases/{caseId}/assignment", java.util.Set.of("SUPERVISOR")),
                java.util.Map.entry("POST /api/cases/{caseId}/interview", java.util.Set.of("SCREENING_OFFICER", "SUPERVISOR")),
                java.util.Map.entry("POST /api/cases/{caseId}/decision", java.util.Set.of("SCREENING_OFFICER", "SUPERVISOR")),
                java.util.Map.entry("POST /api/cases/{caseId}/review-request", java.util.Set.of("SCREENING_OFFICER", "SUPERVISOR")),
                java.util.Map.entry("POST /api/cases/{caseId}/review-decision", java.util.Set.of("SUPERVISOR")),
                java.util.Map.entry("POST /api/cases/{caseId}/review-waiver", java.util.Set.of("SCREENING_OFFICER", "SUPERVISOR")),
                java.util.Map.entry("PUT /api/officers/{officerId}", java.util.Set.of("SUPERVISOR")),
                java.util.Map.entry("GET /api/officers/{officerId}", java.util.Set.of("SCREENING_OFFICER", "SUPERVISOR", "AUDITOR")),
                java.util.Map.entry("GET /api/worklist", java.util.Set.of("SCREENING_OFFICER", "SUPERVISOR", "AUDITOR")));
    }
}
