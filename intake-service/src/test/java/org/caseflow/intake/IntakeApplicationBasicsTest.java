package org.caseflow.intake;

import org.caseflow.testsupport.ServiceBasicsContract;
import org.caseflow.testsupport.WithCaseflowStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@WithCaseflowStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeApplicationBasicsTest extends ServiceBasicsContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected String applicationName() {
        return "intake-service";
    }

    @Override
    protected String commandUser() {
        return "field-office";
    }

    @Override
    protected java.util.Map<String, java.util.Set<String>> roleMatrix() {
        return java.util.Map.of(
                "POST /api/submissions", java.util.Set.of("FIELD_OFFICE"),
                "GET /api/submissions/{submissionId}", java.util.Set.of("FIELD_OFFICE", "AUDITOR"),
                "PUT /api/stations/{stationCode}/keys/{keyId}", java.util.Set.of("SUPERVISOR"),
                "DELETE /api/stations/{stationCode}/keys/{keyId}", java.util.Set.of("SUPERVISOR"),
                "GET /api/stations/{stationCode}/keys/{keyId}", java.util.Set.of("FIELD_OFFICE", "SUPERVISOR", "AUDITOR"),
                "GET /api/persons/cases", java.util.Set.of("FIELD_OFFICE", "SCREENING_OFFICER", "SUPERVISOR", "REMOVAL_OFFICER", "AUDITOR"));
    }
}
