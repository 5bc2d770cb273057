package dev.arenals.parser.lexer;

/**
 * Keyword recognition without allocation: a table indexed by length and first letter gives the
 * few keywords that could match (at most three), which are compared char by char. Covers every
 * keyword {@link Token} has (its texts from {@link Token#FIRST_RESERVED} to
 * {@link Token#LAST_CONTEXTUAL}): reserved words, contextual keywords and TypeScript contextual
 * keywords.
 *
 * <p>A table rather than a switch on the length and then the first char: C1, which compiles the
 * short-lived `check` process, turns a switch into a chain of compares in key order.
 */
public final class Keywords {
    private Keywords() {}

    private static final int LETTERS = 26;
    /** Length of the longest keyword ("constructor", "implements", "instanceof": 11). */
    private static final int MAX_LENGTH;
    /** Candidates for (length, first letter) are WORDS/TOKENS[BUCKET[key] .. BUCKET[key + 1]). */
    private static final int[] BUCKET;
    private static final char[][] WORDS;
    private static final int[] TOKENS;

    static {
        int count = 0;
        int max = 0;
        for (int t = Token.FIRST_RESERVED; t <= Token.LAST_CONTEXTUAL; t++) {
            String w = Token.text(t);
            if (w.startsWith("token ")) continue;
            count++;
            max = Math.max(max, w.length());
        }
        MAX_LENGTH = max;
        int keys = (max + 1) * LETTERS;
        int[] bucket = new int[keys + 1];
        for (int t = Token.FIRST_RESERVED; t <= Token.LAST_CONTEXTUAL; t++) {
            String w = Token.text(t);
            if (!w.startsWith("token ")) bucket[key(w.length(), w.charAt(0)) + 1]++;
        }
        for (int k = 0; k < keys; k++) bucket[k + 1] += bucket[k];
        char[][] words = new char[count][];
        int[] tokens = new int[count];
        int[] fill = java.util.Arrays.copyOf(bucket, keys);
        for (int t = Token.FIRST_RESERVED; t <= Token.LAST_CONTEXTUAL; t++) {
            String w = Token.text(t);
            if (w.startsWith("token ")) continue;
            int i = fill[key(w.length(), w.charAt(0))]++;
            words[i] = w.toCharArray();
            tokens[i] = t;
        }
        BUCKET = bucket;
        WORDS = words;
        TOKENS = tokens;
    }

    // The lexer's path: a table keyed by the name's hash, which the lexer computed while scanning
    // it (h = first char, then h = 31 * h + c), so most identifiers are turned away by one or two
    // int compares, and a keyword's chars are compared once. Open addressing, half empty.
    private static final int SLOTS = 256;
    private static final int MULTIPLIER = 0x9E3779B1;
    private static final int[] SLOT_TOKEN = new int[SLOTS];
    private static final int[] SLOT_HASH = new int[SLOTS];
    private static final char[][] SLOT_WORD = new char[SLOTS][];

    static {
        java.util.Arrays.fill(SLOT_TOKEN, Token.IDENTIFIER); // empty
        for (int i = 0; i < WORDS.length; i++) {
            char[] w = WORDS[i];
            int h = hashOf(w, 0, w.length);
            int slot = slotOf(h);
            while (SLOT_TOKEN[slot] != Token.IDENTIFIER) slot = (slot + 1) & (SLOTS - 1);
            SLOT_TOKEN[slot] = TOKENS[i];
            SLOT_HASH[slot] = h;
            SLOT_WORD[slot] = w;
        }
    }

    /** The lexer's name hash: the first char, then {@code 31 * h + c} for each further char. */
    static int hashOf(char[] s, int start, int end) {
        int h = s[start];
        for (int i = start + 1; i < end; i++) h = 31 * h + s[i];
        return h;
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

    private static int key(int length, char first) {
        return length * LETTERS + (first - 'a');
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
        int k = key(len, first);
        for (int i = BUCKET[k], last = BUCKET[k + 1]; i < last; i++) {
            char[] w = WORDS[i];
            int j = 1;
            while (j < len && w[j] == s[start + j]) j++;
            if (j == len) return TOKENS[i];
        }
        return Token.IDENTIFIER;
    }
}
