package org.caseflow.audit;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Every event id seen, in 16 bytes each (a UUID exactly; any other id as two independent 64-bit hashes),
 * in open-addressing arrays: a year of events fits in tens of megabytes, not gigabytes of strings.
 */
final class EventIds {

    private long[] high = new long[1 << 16];
    private long[] low = new long[1 << 16];
    private boolean[] used = new boolean[1 << 16];
    private int size;

    /** False when the id was seen before. */
    synchronized boolean add(String eventId) {
        long h;
        long l;
        try {
            UUID u = UUID.fromString(eventId);
            h = u.getMostSignificantBits();
            l = u.getLeastSignificantBits();
        } catch (IllegalArgumentException notAUuid) {
            byte[] bytes = eventId.getBytes(StandardCharsets.UTF_8);
            h = hash(bytes, 0x9E3779B97F4A7C15L);
            l = hash(bytes, 0xC2B2AE3D27D4EB4FL);
        }
        if (size * 2 >= used.length) {
            grow();
        }
        return insert(h, l);
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        int i = (int) (mix(h ^ l) & mask);
        while (used[i]) {
            if (high[i] == h && low[i] == l) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldHigh.length * 2];
        low = new long[oldLow.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }

    private static long hash(byte[] bytes, long seed) {
        long h = seed;
        for (byte b : bytes) {
            h = (h ^ b) * 0x100000001B3L;
            h = Long.rotateLeft(h, 23);
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
