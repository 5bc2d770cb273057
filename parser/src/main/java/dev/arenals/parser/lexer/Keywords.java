package dev.arenals.parser.lexer;

import dev.arenals.parser.tree.NameTable;

/**
 * Keyword recognition without allocation. Covers every keyword {@link Token} has (its texts from
 * {@link Token#FIRST_RESERVED} to {@link Token#LAST_CONTEXTUAL}): reserved words, contextual
 * keywords and TypeScript contextual keywords.
 *
 * <p>One table keyed by the name's hash, which the lexer computes while it scans a name
 * ({@link #hashOf}): most identifiers are turned away by one or two int compares, and a keyword's
 * chars are compared once. Open addressing, the table about a third full. A table rather than a
 * switch: C1, which compiles the short-lived `check` process, turns a switch into a chain of
 * compares in key order.
 */
public final class Keywords {
    private Keywords() {}

    /** Length of the longest keyword ("constructor", "implements", "instanceof": 11). */
    private static final int MAX_LENGTH;
    private static final int SLOTS = 256;
    private static final int MULTIPLIER = 0x9E3779B1;
    /** The keyword token of each slot, {@link Token#IDENTIFIER} when the slot is empty. */
    private static final int[] SLOT_TOKEN = new int[SLOTS];
    private static final int[] SLOT_HASH = new int[SLOTS];
    private static final char[][] SLOT_WORD = new char[SLOTS][];

    static {
        java.util.Arrays.fill(SLOT_TOKEN, Token.IDENTIFIER);
        int max = 0;
        for (int t = Token.FIRST_RESERVED; t <= Token.LAST_CONTEXTUAL; t++) {
            String text = Token.text(t);
            if (text.startsWith("token ")) continue;
            max = Math.max(max, text.length());
            char[] w = text.toCharArray();
            int h = hashOf(w, 0, w.length);
            int slot = slotOf(h);
            while (SLOT_TOKEN[slot] != Token.IDENTIFIER) slot = (slot + 1) & (SLOTS - 1);
            SLOT_TOKEN[slot] = t;
            SLOT_HASH[slot] = h;
            SLOT_WORD[slot] = w;
        }
        MAX_LENGTH = max;
    }

    /** The lexer's name hash, {@link NameTable#rawHash}. */
    static int hashOf(char[] s, int start, int end) {
        return NameTable.rawHash(s, start, end);
    }

    private static int slotOf(int hash) {
        return (hash * MULTIPLIER) >>> 24;
    }

    /**
     * {@link #lookup(char[], int, int)} for a name whose hash ({@link #hashOf}) the caller has:
     * {@code s[start, end)} must be within {@code s} and at least one char long.
     */
    static int lookupHashed(char[] s, int start, int end, int hash) {
        int slot = slotOf(hash);
        while (true) {
            int token = SLOT_TOKEN[slot];
            if (token == Token.IDENTIFIER) return Token.IDENTIFIER;
            if (SLOT_HASH[slot] == hash) {
                char[] w = SLOT_WORD[slot];
                int len = end - start;
                if (w.length == len) {
                    int j = 0;
                    while (j < len && w[j] == s[start + j]) j++;
                    if (j == len) return token;
                }
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /**
     * The keyword token spelled exactly {@code s[start, end)}, or {@link Token#IDENTIFIER}. Out-of-range
     * bounds also give {@link Token#IDENTIFIER}.
     */
    public static int lookup(char[] s, int start, int end) {
        if (s == null || start < 0 || end > s.length) return Token.IDENTIFIER;
        int len = end - start;
        if (len < 2 || len > MAX_LENGTH) return Token.IDENTIFIER;
        char first = s[start];
        if (first < 'a' || first > 'z') return Token.IDENTIFIER;
        return lookupHashed(s, start, end, hashOf(s, start, end));
    }
}
