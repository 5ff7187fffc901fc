package org.caseflow.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for several things at once. Plain threads, not the common pool: they inherit the context
 * class loader, which Kafka's config classes need inside the launcher's jar.
 */
final class Parallel {

    interface Wait {
        void run() throws Exception;
    }

    private Parallel() {
    }

    /** Runs every wait in its own thread; rethrows the first failure after all have finished. */
    static void all(List<Wait> waits) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Wait wait : waits) {
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    wait.run();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
