package dev.arenals.parser.tree;

/**
 * Interned identifier names for one arena. A name is an int id; equal spellings get the same id, so
 * the binder compares names as ints. Characters live in one growing char pool, the hash index is an
 * open-addressing int table whose slots carry the generation they were written in, so
 * {@link #reset()} is O(1): stale slots simply read as empty.
 */
public final class NameTable {
    private char[] chars = new char[4096];
    private int charsUsed;
    private int[] offset = new int[512];
    private int[] length = new int[512];
    private int[] hash = new int[512];
    private int count;

    private int[] slotId = new int[1024];
    private int[] slotGen = new int[1024];
    private int generation = 1;

    public void reset() {
        count = 0;
        charsUsed = 0;
        generation++;
        if (generation == Integer.MAX_VALUE) { // practically never: wipe once and start over
            java.util.Arrays.fill(slotGen, 0);
            generation = 1;
        }
    }

    public int size() { return count; }

    /** The id of the name spelled {@code s[start, end)}, adding it if new. */
    public int intern(char[] s, int start, int end) {
        return intern(s, start, end, rawHash(s, start, end));
    }

    /**
     * The raw hash {@link #intern(char[], int, int, int)} takes: the chars folded as
     * {@code h = 31 * h + c} from 0 (String.hashCode's). The lexer folds a name the same way while
     * scanning it, and the keyword table is keyed by it too.
     */
    public static int rawHash(char[] s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) h = 31 * h + s[i];
        return h;
    }

    /**
     * As {@link #intern(char[], int, int)}, given {@code rawHash}: the name's chars folded as
     * {@code h = 31 * h + c} from 0 (String.hashCode's), which the lexer computes while scanning.
     */
    public int intern(char[] s, int start, int end, int rawHash) {
        int h = rawHash;
        h ^= h >>> 16;
        int mask = slotId.length - 1;
        int slot = h & mask;
        int len = end - start;
        while (slotGen[slot] == generation) {
            int id = slotId[slot];
            if (hash[id] == h && length[id] == len && same(id, s, start, len)) return id;
            slot = (slot + 1) & mask;
        }
        int id = add(s, start, len, h);
        slotId[slot] = id;
        slotGen[slot] = generation;
        if (count * 2 > slotId.length) rehash();
        return id;
    }

    private boolean same(int id, char[] s, int start, int len) {
        // a plain loop: names are short, and under C1 Arrays.equals costs two range checks and a
        // call chain before the first char is compared
        char[] c = chars;
        int o = offset[id];
        for (int i = 0; i < len; i++) {
            if (c[o + i] != s[start + i]) return false;
        }
        return true;
    }

    private int add(char[] s, int start, int len, int h) {
        if (count == offset.length) {
            int n = count * 2;
            offset = java.util.Arrays.copyOf(offset, n);
            length = java.util.Arrays.copyOf(length, n);
            hash = java.util.Arrays.copyOf(hash, n);
        }
        if (charsUsed + len > chars.length) chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + len));
        System.arraycopy(s, start, chars, charsUsed, len);
        int id = count++;
        offset[id] = charsUsed;
        length[id] = len;
        hash[id] = h;
        charsUsed += len;
        return id;
    }

    private void rehash() {
        int n = slotId.length * 2;
        slotId = new int[n];
        slotGen = new int[n];
        int mask = n - 1;
        for (int id = 0; id < count; id++) {
            int slot = hash[id] & mask;
            while (slotGen[slot] == generation) slot = (slot + 1) & mask;
            slotId[slot] = id;
            slotGen[slot] = generation;
        }
    }

    /** A new String for the name; for readers, not for the parser's hot path. */
    public String name(int id) {
        checkId(id);
        return new String(chars, offset[id], length[id]);
    }

    public int length(int id) { checkId(id); return length[id]; }

    public char charAt(int id, int i) { checkId(id); return chars[offset[id] + i]; }

    /** True when the name with this id is spelled exactly {@code s}, without allocating. */
    public boolean equals(int id, CharSequence s) {
        checkId(id);
        int len = length[id];
        if (s.length() != len) return false;
        int o = offset[id];
        for (int i = 0; i < len; i++) if (chars[o + i] != s.charAt(i)) return false;
        return true;
    }

    private void checkId(int id) {
        if (id < 0 || id >= count) throw new IllegalArgumentException("no name with id " + id);
    }

    public long bytesReserved() {
        return (long) chars.length * 2 + (long) offset.length * 12 + (long) slotId.length * 8;
    }

    public long bytesUsed() {
        return (long) charsUsed * 2 + (long) count * 12 + (long) count * 2 * 8;
    }
}
