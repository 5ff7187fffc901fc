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
}
