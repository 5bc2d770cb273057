package dev.arenals.server.query;

import java.util.Arrays;

/** Open-addressing map from long keys to non-negative ints; no boxing. */
final class LongIntMap {
    private long[] keys;
    private int[] values; // -1 = empty slot
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Empties the map, keeping its capacity (a reused map allocates nothing until it outgrows it). */
    void clear() {
        if (size == 0) return;
        Arrays.fill(values, -1);
        size = 0;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); values[i] >= 0; i = (i + 1) & mask) if (keys[i] == key) return values[i];
        return -1;
    }

    /** Stores {@code value} unless the key is present; returns the value already there, or -1. */
    int putIfAbsent(long key, int value) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        for (; values[i] >= 0; i = (i + 1) & mask) if (keys[i] == key) return values[i];
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) grow();
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] < 0) continue;
            int i = slot(oldKeys[j], mask);
            while (values[i] >= 0) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            values[i] = oldValues[j];
        }
    }
}
