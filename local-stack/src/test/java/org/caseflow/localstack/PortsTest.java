package org.caseflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPickedPortIsFreeAndOutsideTheRangeOutgoingConnectionsUse() {
        int low = Ports.ephemeralLow();
        for (int i = 0; i < 20; i++) {
            int port = Ports.pick(0);
            assertThat(Ports.isFree(port)).isTrue();
            if (low > 11_000) {
                assertThat(port).isBetween(10_000, low - 1);
            }
        }
    }
}
