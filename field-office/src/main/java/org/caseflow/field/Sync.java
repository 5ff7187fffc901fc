package org.caseflow.field;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Delivers the journal: sends every encounter without a verdict, marks it only when intake's verdict (case opened,
 * or refused with reasons) has come back, and while the link is down waits and tries again (backoff 1 s doubling to
 * {@code maxBackoff}). Safe to stop at any moment (kill, power loss): what was not marked is sent again, and intake
 * answers a repeated submissionId with its first verdict — never a second case.
 */
public final class Sync {

    public record Result(int accepted, int rejected, int waiting) {
    }

    private final Spool spool;
    private final IntakeLink link;
    private final PrintStream out;
    private final int parallel;
    private final Duration maxBackoff;

    public Sync(Spool spool, IntakeLink link, PrintStream out, int parallel, Duration maxBackoff) {
        this.spool = spool;
        this.link = link;
        this.out = out;
        this.parallel = parallel;
        this.maxBackoff = maxBackoff;
    }

    /** Until nothing waits for a verdict (or, with {@code watch}, for ever), or {@code giveUpAfter} passes. */
    public Result run(boolean watch, Duration giveUpAfter) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        long nextProgress = 0;
        Duration backoff = Duration.ofSeconds(1);
        String linkState = "up";
        ExecutorService senders = Executors.newFixedThreadPool(parallel);
        try {
            while (true) {
                List<Spool.Entry> undecided = spool.undecided();
                if (System.nanoTime() >= nextProgress) {
                    progress(linkState);
                    nextProgress = System.nanoTime() + 2_000_000_000L;
                }
                if (undecided.isEmpty() && !watch) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    out.println("sync: giving up after " + giveUpAfter + "; the journal keeps what waits, run sync again");
                    break;
                }
                boolean down = !undecided.isEmpty() && !deliver(undecided, senders);
                if (down) {
                    linkState = "down, retry in " + backoff.toSeconds() + " s";
                    progress(linkState);
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                } else {
                    linkState = "up";
                    backoff = Duration.ofSeconds(1);
                    if (undecided.isEmpty()) {
                        Thread.sleep(1000); // --watch: look for newly recorded encounters
                    }
                }
            }
        } finally {
            senders.shutdownNow();
        }
        progress(linkState);
        var counts = spool.counts();
        return new Result(counts.get(Spool.State.ACCEPTED), counts.get(Spool.State.REJECTED), counts.get(Spool.State.RECORDED));
    }

    /** Sends a batch; false as soon as the link is found down (the rest waits for the next round). */
    private boolean deliver(List<Spool.Entry> batch, ExecutorService senders) throws InterruptedException, SQLException {
        var futures = new java.util.ArrayList<Future<IntakeLink.Verdict>>();
        for (int start = 0; start < batch.size(); start += parallel) {
            futures.clear();
            List<Spool.Entry> slice = batch.subList(start, Math.min(batch.size(), start + parallel));
            for (Spool.Entry entry : slice) {
                futures.add(senders.submit(() -> link.deliver(entry.body())));
            }
            boolean down = false;
            for (int i = 0; i < slice.size(); i++) {
                IntakeLink.Verdict verdict;
                try {
                    verdict = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IntakeLink.Refused refused) {
                        throw refused;
                    }
                    verdict = new IntakeLink.Unreachable(String.valueOf(e.getCause()));
                }
                String id = slice.get(i).submissionId();
                spool.attempted(id);
                switch (verdict) {
                    case IntakeLink.Accepted a -> spool.accepted(id, a.caseId());
                    case IntakeLink.Rejected r -> spool.rejected(id, String.join("\n", r.reasons()));
                    case IntakeLink.Pending p -> { } // asked again next round
                    case IntakeLink.Unreachable u -> down = true;
                }
            }
            if (down) {
                return false;
            }
        }
        return true;
    }

    private void progress(String linkState) throws SQLException {
        var c = spool.counts();
        int total = c.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("sync: %d/%d decided (accepted %d, rejected %d), %d waiting; link %s%n",
                c.get(Spool.State.ACCEPTED) + c.get(Spool.State.REJECTED), total, c.get(Spool.State.ACCEPTED), c.get(Spool.State.REJECTED),
                c.get(Spool.State.RECORDED), linkState);
    }
}
