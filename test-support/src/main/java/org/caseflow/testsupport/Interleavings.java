package org.caseflow.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Every order in which two streams of a case's inputs can reach a topology: the inputs of one topic partition keep
 * their own order, the two partitions interleave in every way (for tests that feed a topology every arrival order).
 */
public final class Interleavings {

    private Interleavings() {
    }

    /** Every merge of {@code a} and {@code b} that keeps each list's own order: (|a|+|b|)! / (|a|! |b|!) lists. */
    public static <T> List<List<T>> of(List<T> a, List<T> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of(a.isEmpty() ? List.copyOf(b) : List.copyOf(a));
        }
        List<List<T>> out = new ArrayList<>();
        for (List<T> rest : of(a.subList(1, a.size()), b)) {
            List<T> l = new ArrayList<>(List.of(a.getFirst()));
            l.addAll(rest);
            out.add(l);
        }
        for (List<T> rest : of(a, b.subList(1, b.size()))) {
            List<T> l = new ArrayList<>(List.of(b.getFirst()));
            l.addAll(rest);
            out.add(l);
        }
        return out;
    }
}
