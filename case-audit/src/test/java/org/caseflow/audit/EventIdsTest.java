package org.caseflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The duplicate-id set: exact for UUIDs and other ids, across growth and across the replay's threads. */
class EventIdsTest {

    @Test
    void everyIdIsNewOnceAndAGainSecondTime() {
        EventIds ids = new EventIds();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String id = i % 3 == 0 ? "evt-" + i : UUID.randomUUID().toString();
            assertThat(ids.add(id)).as(id).isTrue();
            seen.add(id);
        }
        // after the tables grew many times, every id is still known
        for (String id : seen) {
            assertThat(ids.add(id)).as(id).isFalse();
        }
        assertThat(ids.add("evt-200000")).isTrue();
        assertThat(ids.add(UUID.randomUUID().toString().toUpperCase())).isTrue();
    }

    @Test
    void threadsAddingTheSameIdsSeeEachExactlyOnceAsNew() throws InterruptedException {
        EventIds ids = new EventIds();
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            shared.add(UUID.randomUUID().toString());
        }
        AtomicInteger fresh = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> shared.forEach(id -> {
                if (ids.add(id)) {
                    fresh.incrementAndGet();
                }
            })));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(fresh.get()).isEqualTo(shared.size());
    }
}
