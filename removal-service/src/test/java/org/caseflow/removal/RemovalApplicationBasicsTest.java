package org.caseflow.removal;

import org.caseflow.testsupport.ServiceBasicsContract;
import org.caseflow.testsupport.WithCaseflowStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithCaseflowStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RemovalApplicationBasicsTest extends ServiceBasicsContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected String applicationName() {
        return "removal-service";
    }

    @Override
    protected String commandUser() {
        return "removal-officer";
    }

    @Override
    protected java.util.Map<String, java.util.Set<String>> roleMatrix() {
        return java.util.Map.ofEntries(
                java.util.Map.entry("GET /api/cases/{caseId}", java.util.Set.of("REMOVAL_OFFICER", "AUDITOR")),
                java.util.Map.entry("POST /api/cases/{caseId}/stay", java.util.Set.of("REMOVAL_OFFICER")),
                java.util.Map.entry("GET /api/destinations/{destination}/queue", java.util.Set.of("REMOVAL_OFFICER", "AUDITOR")),
                java.util.Map.entry("POST /api/flights", java.util.Set.of("REMOVAL_OFFICER")),
                java.util.Map.entry("GET /api/flights", java.util.Set.of("REMOVAL_OFFICER", "AUDITOR")),
                java.util.Map.entry("GET /api/flights/{flightId}", java.util.Set.of("REMOVAL_OFFICER", "AUDITOR")),
                java.util.Map.entry("GET /api/flights/{flightId}/manifest", java.util.Set.of("REMOVAL_OFFICER", "AUDITOR")),
                java.util.Map.entry("POST /api/flights/{flightId}/departure", java.util.Set.of("REMOVAL_OFFICER")),
                java.util.Map.entry("POST /api/flights/{flightId}/cancellation", java.util.Set.of("REMOVAL_OFFICER")),
                java.util.Map.entry("GET /api/commands/{commandId}", java.util.Set.of("REMOVAL_OFFICER", "AUDITOR")));
    }
}
