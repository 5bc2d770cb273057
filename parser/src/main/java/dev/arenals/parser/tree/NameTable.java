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
    /** Each name's {@link #tailKey}. */
    private long[] tail = new long[512];
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
        return intern(s, start, end, rawHash(s, start, end), tailKey(s, start, end));
    }

    /** How many chars a {@link #tailKey} holds exactly. */
    public static final int TAIL_CHARS = 8;
    /** The {@link #tailKey} of a name with a char outside ASCII (a lookup then compares every char). */
    public static final long NOT_ASCII = -1;

    /**
     * An ASCII name's length (up to 255) in the top byte and its last {@link #TAIL_CHARS} chars packed
     * seven bits each below it: {@link #tailKey(long, int)} of {@code k = k << 7 | c} folded from 0
     * over every char, as the lexer folds a name while scanning it; {@link #NOT_ASCII} when a char is
     * not ASCII. Two ASCII names with the same key differ at most in their chars before the last
     * eight, so a lookup compares only those, and a name of up to eight chars is found by its key
     * alone (the slot, its id and the id's key: three reads where hash, length, offset and chars
     * were four more). Comparing the chars one by one was most of an intern's time (typescript.js:
     * 402,081 interns of names 12 chars long on average).
     */
    public static long tailKey(char[] s, int start, int end) {
        long k = 0;
        for (int i = start; i < end; i++) {
            char c = s[i];
            if (c >= 128) return NOT_ASCII;
            k = k << 7 | c;
        }
        return tailKey(k, end - start);
    }

    /** The {@link #tailKey} of an ASCII name of {@code length} chars whose chars folded to {@code folded}. */
    public static long tailKey(long folded, int length) {
        return folded & (1L << 7 * TAIL_CHARS) - 1 | (long) Math.min(length, 255) << 7 * TAIL_CHARS;
    }

    /**
     * The raw hash {@link #intern(char[], int, int, int)} takes: the chars folded as
     * {@code h = 257 * h + c} from 0. The lexer folds a name the same way while scanning it, and
     * the keyword table is keyed by it too. Why 257 and not String.hashCode's 31: identifier chars
     * span 87 codes ('$' to 'z'), more than 31, so with 31 names of equal length collide whenever
     * one char is one higher and the next 31 lower ("Ab" and "BC"): a minifier's 128,000 names
     * averaged six slots of probing. Base 257 keeps names of up to four chars apart exactly, and
     * costs the same shift and two adds.
     */
    public static int rawHash(char[] s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) h = (h << 8) + h + s[i];
        return h;
    }

    /**
     * As {@link #intern(char[], int, int)}, given {@code rawHash} and {@code tailKey}: {@link #rawHash}
     * and {@link #tailKey} of the name, which the lexer computes while scanning.
     */
    public int intern(char[] s, int start, int end, int rawHash, long tailKey) {
        int h = spread(rawHash);
        int mask = slotId.length - 1;
        int slot = h & mask;
        int len = end - start;
        // equal keys: both names are ASCII, of one length up to 255, with the same last eight chars,
        // or neither is ASCII (or the name is longer and ends in eight DELs: all compared then)
        int compared = tailKey == NOT_ASCII ? len : len - TAIL_CHARS;
        while (slotGen[slot] == generation) {
            int id = slotId[slot];
            if (tail[id] == tailKey && (compared <= 0 || hash[id] == h && length[id] == len && same(id, s, start, compared))) return id;
            slot = (slot + 1) & mask;
        }
        int id = add(s, start, len, h, tailKey);
        slotId[slot] = id;
        slotGen[slot] = generation;
        if (count * 2 > slotId.length) rehash();
        return id;
    }

    /** The id of the name spelled {@code s[start, end)}, or -1 when the table does not hold it; adds nothing. */
    public int find(char[] s, int start, int end) {
        int h = spread(rawHash(s, start, end));
        int mask = slotId.length - 1;
        int len = end - start;
        for (int slot = h & mask; slotGen[slot] == generation; slot = (slot + 1) & mask) {
            int id = slotId[slot];
            if (hash[id] == h && length[id] == len && same(id, s, start, len)) return id;
        }
        return -1;
    }

    /**
     * The slot hash of a raw hash. The raw hash of sequential names ({@code a0}, {@code a1}, … or a
     * minifier's {@code aa}, {@code ab}, …) steps by small amounts, which a plain mask turns into
     * runs of adjacent slots that linear probing then merges into long clusters (128,000 such
     * names took 5 s to intern). The multiply-xorshift finalizer of MurmurHash3 sends every input
     * bit to every output bit, so adjacent raw hashes land far apart.
     */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /**
     * The mean distance, in slots, from a name's home slot to where it sits (0 when every name is in
     * its home slot), times 1000; for tests and benchmarks, not for the hot path.
     */
    public long meanProbeDistanceMillis() {
        int mask = slotId.length - 1;
        long total = 0;
        for (int slot = 0; slot < slotId.length; slot++) {
            if (slotGen[slot] != generation) continue;
            int home = hash[slotId[slot]] & mask;
            total += (slot - home) & mask;
        }
        return count == 0 ? 0 : total * 1000 / count;
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

    private int add(char[] s, int start, int len, int h, long tailKey) {
        if (count == offset.length) {
            int n = count * 2;
            offset = java.util.Arrays.copyOf(offset, n);
            length = java.util.Arrays.copyOf(length, n);
            hash = java.util.Arrays.copyOf(hash, n);
            tail = java.util.Arrays.copyOf(tail, n);
        }
        if (charsUsed + len > chars.length) chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + len));
        System.arraycopy(s, start, chars, charsUsed, len);
        int id = count++;
        offset[id] = charsUsed;
        length[id] = len;
        hash[id] = h;
        tail[id] = tailKey;
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
        return (long) chars.length * 2 + (long) offset.length * 20 + (long) slotId.length * 8;
    }

    public long bytesUsed() {
        return (long) charsUsed * 2 + (long) count * 20 + (long) count * 2 * 8;
    }
}
