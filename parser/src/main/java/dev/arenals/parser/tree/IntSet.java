package dev.arenals.parser.tree;

/**
 * A set of non-negative ints with O(1) clear: open addressing whose slots carry the generation they
 * were written in. Used by the parser to remember where a speculative parse already failed.
 */
public final class IntSet {
    private int[] keys = new int[64];
    private int[] gens = new int[64];
    private int generation = 1;
    private int size;

    public void clear() {
        size = 0;
        if (++generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(gens, 0);
            generation = 1;
        }
    }

    public boolean contains(int key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (gens[slot] == generation) {
            if (keys[slot] == key) return true;
            slot = (slot + 1) & mask;
        }
        return false;
    }

    public void add(int key) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (gens[slot] == generation) {
            if (keys[slot] == key) return;
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        gens[slot] = generation;
        size++;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldGens = gens;
        int oldGen = generation;
        keys = new int[oldKeys.length * 2];
        gens = new int[oldKeys.length * 2];
        generation = 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldGens[i] == oldGen) add(oldKeys[i]);
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
