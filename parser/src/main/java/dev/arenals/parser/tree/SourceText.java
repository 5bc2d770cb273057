package dev.arenals.parser.tree;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A document's text, one byte per char where it can be, UTF-16 otherwise: half the memory of a
 * {@code char[]} for the text an editor keeps open and the arena reads (typescript.js: 9.1 MB
 * instead of 18.3). Offsets are UTF-16 offsets in both forms, so positions, spans and LSP columns do
 * not depend on the form.
 *
 * <p>The one-byte form holds Latin-1 chars (below U+0100) as their byte, and a few others aside:
 * the "rare" chars (past U+00FF, and NUL) are listed by position, their byte being 0. Source code is
 * Latin-1 but for a few comments: lib.dom.d.ts has 78 such chars in 2,349,323 (em dashes), zod's
 * {@code schemas.ts} 2. A text with more than a sixty-fourth of rare chars is held as UTF-16 (the
 * list would cost more than it saves, and each is a binary search to read).
 *
 * <p>A text is mutable where its owner edits it ({@link #replace}, {@link #set}): an edit that
 * brings in a rare char switches the text to UTF-16 for good (switching back would take a scan of
 * the whole text per edit). Like the {@code char[]} it replaces, it carries no lock: it is read and
 * edited on its document's queue only.
 *
 * <p>{@link #charAt} is the one per-char read every reader uses, the lexer's loops included: a final
 * class, two tests that always go the same way (the form, and the byte against 0), no bounds check
 * of its own beyond the array's (an index in {@code [length, capacity)} reads what is left there,
 * as {@code char[]} readers always could).
 */
public final class SourceText {
    private static final byte[] NO_BYTES = new byte[0];
    private static final int[] NO_POSITIONS = new int[0];
    private static final char[] NO_CHARS = new char[0];

    /** The text, one byte per char, when {@link #utf16} is null; a rare char's byte is 0. */
    private byte[] latin1 = NO_BYTES;
    /** The text as UTF-16 (then {@link #latin1} is null). */
    private char[] utf16;
    private int length;
    /** The one-byte form's rare chars: {@code rareChar[k]} at offset {@code rareAt[k]}, ascending, {@code rare} of them. */
    private int[] rareAt = NO_POSITIONS;
    private char[] rareChar = NO_CHARS;
    private int rare;

    public SourceText() {}

    /** Whether {@code c} is held aside in the one-byte form. */
    public static boolean isRare(char c) { return c > 0xff || c == 0; }

    /** Whether a text of {@code length} chars with {@code rare} rare chars is held one byte per char. */
    public static boolean holdsOneByte(int length, long rare) { return rare * 64 <= length + 1024L; }

    /** A text holding a copy of {@code text}. */
    public static SourceText of(CharSequence text) {
        SourceText t = new SourceText();
        t.set(text);
        return t;
    }

    /** A text reading {@code chars[0, length)} in place (not copied): the caller may not change them while it is read. */
    public static SourceText wrapping(char[] chars, int length) {
        SourceText t = new SourceText();
        t.wrap(chars, length);
        return t;
    }

    /** Makes this text read {@code chars[0, length)} in place, as UTF-16, whatever chars they are. */
    public void wrap(char[] chars, int length) {
        if (length < 0 || length > chars.length) throw new IllegalArgumentException("length " + length + " of " + chars.length);
        utf16 = chars;
        latin1 = null;
        dropRare();
        this.length = length;
    }

    /**
     * Takes {@code bytes[0, length)} as the one-byte form (not copied: no one else may hold the
     * arrays), with {@code rare} rare chars {@code rareChar[k]} at ascending {@code rareAt[k]}, whose
     * bytes are 0. For decoders that write the text as it arrives.
     */
    public static SourceText ofBytes(byte[] bytes, int length, int[] rareAt, char[] rareChar, int rare) {
        if (length < 0 || length > bytes.length) throw new IllegalArgumentException("length " + length + " of " + bytes.length);
        SourceText t = new SourceText();
        t.latin1 = bytes;
        t.length = length;
        t.rareAt = rareAt;
        t.rareChar = rareChar;
        t.rare = rare;
        return t;
    }

    /** Takes {@code chars[0, length)} as the text (not copied: no one else may hold the array), UTF-16. */
    public static SourceText ofUtf16(char[] chars, int length) {
        return wrapping(chars, length);
    }

    // ---- reading ----

    /**
     * The char at {@code index} (a UTF-16 unit), for {@code 0 <= index < length()}. Written in two
     * methods of under 35 bytecodes each: C1 (a {@code check} process, the editor's flags) inlines
     * only methods that small, and a call per char doubled the parse.
     */
    public char charAt(int index) {
        byte[] b = latin1;
        return b != null ? byteCharAt(b, index) : utf16[index];
    }

    private char byteCharAt(byte[] b, int index) {
        int x = b[index] & 0xff;
        return x != 0 ? (char) x : rareCharAt(index);
    }

    /** The rare char at {@code index} of the one-byte form ('\0' where none is listed: a NUL, or past the end). */
    private char rareCharAt(int index) {
        int k = Arrays.binarySearch(rareAt, 0, rare, index);
        return k >= 0 ? rareChar[k] : '\0';
    }

    public int length() { return length; }

    /**
     * The one-byte form's array (null in the UTF-16 form), for the lexer's hottest loops only, which
     * read it directly (C1 does not hoist {@link #charAt}'s tests out of a loop): read-only, valid
     * until the next edit; a rare char's byte is 0, its char {@link #charAt}'s.
     */
    public byte[] latin1Array() { return latin1; }

    /** The UTF-16 form's array (null in the one-byte form): as {@link #latin1Array()}. */
    public char[] utf16Array() { return latin1 == null ? utf16 : null; }

    /** True while the text is held one byte per char. */
    public boolean isLatin1() { return latin1 != null; }

    /** How many chars the one-byte form holds aside (0 in the UTF-16 form). */
    public int rareCount() { return rare; }

    /** The chars [from, to) as a new String (compact itself when they are all Latin-1). */
    public String substring(int from, int to) {
        if (from < 0 || to > length || from > to) throw new IndexOutOfBoundsException(from + ".." + to + " of " + length);
        if (latin1 == null) return new String(utf16, from, to - from);
        if (!rareIn(from, to)) return new String(latin1, from, to - from, StandardCharsets.ISO_8859_1);
        char[] c = new char[to - from];
        getChars(from, to, c, 0);
        return new String(c);
    }

    /**
     * Appends chars [from, to) to {@code sb}. (Not a {@code CharSequence}: {@code append(chars,
     * offset, count)} and {@code append(sequence, start, end)} read their third argument apart, and a
     * reader moved from {@code char[]} must not compile into the other.)
     */
    public StringBuilder appendTo(StringBuilder sb, int from, int to) {
        if (from < 0 || to > length || from > to) throw new IndexOutOfBoundsException(from + ".." + to + " of " + length);
        if (latin1 == null) return sb.append(utf16, from, to - from);
        if (!rareIn(from, to)) {
            for (int i = from; i < to; i++) sb.append((char) (latin1[i] & 0xff));
            return sb;
        }
        for (int i = from; i < to; i++) sb.append(charAt(i));
        return sb;
    }

    /** Whether a rare char lies in [from, to) of the one-byte form. */
    private boolean rareIn(int from, int to) {
        if (rare == 0) return false;
        int k = Arrays.binarySearch(rareAt, 0, rare, from);
        if (k < 0) k = -k - 1;
        return k < rare && rareAt[k] < to;
    }

    /** Copies chars [from, to) into {@code dst} at {@code at}. */
    public void getChars(int from, int to, char[] dst, int at) {
        if (from < 0 || to > length || from > to) throw new IndexOutOfBoundsException(from + ".." + to + " of " + length);
        byte[] b = latin1;
        if (b == null) {
            System.arraycopy(utf16, from, dst, at, to - from);
            return;
        }
        for (int i = from, j = at; i < to; i++, j++) dst[j] = (char) (b[i] & 0xff);
        if (rare == 0) return;
        int k = Arrays.binarySearch(rareAt, 0, rare, from);
        for (k = k < 0 ? -k - 1 : k; k < rare && rareAt[k] < to; k++) dst[at + rareAt[k] - from] = rareChar[k];
    }

    /** The whole text as a new char array (tests and rare readers; not for a document's path). */
    public char[] toCharArray() {
        char[] c = new char[length];
        getChars(0, length, c, 0);
        return c;
    }

    /** True when {@code word} occurs at {@code at} (wholly inside the text). */
    public boolean startsWith(String word, int at) {
        int n = word.length();
        if (at < 0 || at + n > length) return false;
        for (int i = 0; i < n; i++) if (charAt(at + i) != word.charAt(i)) return false;
        return true;
    }

    /** True when {@code a[aFrom, aTo)} and {@code b[bFrom, bTo)} hold the same chars. */
    public static boolean equalRanges(SourceText a, int aFrom, int aTo, SourceText b, int bFrom, int bTo) {
        if (aTo - aFrom != bTo - bFrom) return false;
        for (int i = 0; i < aTo - aFrom; i++) if (a.charAt(aFrom + i) != b.charAt(bFrom + i)) return false;
        return true;
    }

    /** The first index of {@code c} in [from, to), or -1. */
    public int indexOf(char c, int from, int to) {
        to = Math.min(to, length);
        for (int i = Math.max(0, from); i < to; i++) if (charAt(i) == c) return i;
        return -1;
    }

    /** True when the text's chars equal {@code s}'s. */
    public boolean contentEquals(CharSequence s) {
        if (s.length() != length) return false;
        for (int i = 0; i < length; i++) if (charAt(i) != s.charAt(i)) return false;
        return true;
    }

    /** Bytes held by the text's arrays (their capacity). */
    public long bytesReserved() {
        return 16 + (latin1 != null ? (long) latin1.length + rareAt.length * 4L + rareChar.length * 2L : (long) utf16.length * 2);
    }

    /** Chars the array holds (length plus the room left for edits). */
    public int capacity() { return latin1 != null ? latin1.length : utf16.length; }

    @Override public String toString() { return substring(0, length); }

    // ---- editing (the owner's, on its queue) ----

    /**
     * Replaces the whole text by a copy of {@code text}, in the form it needs; the array is kept when
     * it fits and would not waste more than half, as an editor's full-text syncs repeat one size.
     */
    public void set(CharSequence text) {
        int n = text.length();
        int capacity = capacity();
        copyIn(text, n, n > capacity || capacity > 2 * n + 1024 ? n : capacity);
    }

    /**
     * Copies {@code text} in, keeping the array when it is large enough (an arena's own buffer,
     * reused across parses): an eighth of headroom when it grows, so a document growing a few chars
     * at a time is not copied per keystroke.
     */
    public void load(CharSequence text) {
        int n = text.length();
        copyIn(text, n, capacity() >= n ? capacity() : Math.max(n + (n >> 3), 64));
    }

    /** {@link #load(CharSequence)} of {@code chars[0, n)}. */
    public void load(char[] chars, int n) {
        copyIn(chars, n, capacity() >= n ? capacity() : Math.max(n + (n >> 3), 64));
    }

    /** {@link #load(CharSequence)} of another text. */
    public void load(SourceText other) {
        int n = other.length;
        if (other.latin1 == null) {
            load(other.utf16, n);
            return;
        }
        int capacity = Math.max(n + (n >> 3), 64);
        if (latin1 == null || latin1.length < n) latin1 = new byte[capacity];
        utf16 = null;
        System.arraycopy(other.latin1, 0, latin1, 0, n);
        rareAt = Arrays.copyOf(other.rareAt, other.rare);
        rareChar = Arrays.copyOf(other.rareChar, other.rare);
        rare = other.rare;
        length = n;
    }

    /**
     * Copies {@code text[0, n)} in, in the form it needs, into arrays of at least {@code capacity}: one
     * pass writing bytes and listing the rare chars, then, when there were too many, the chars again
     * as UTF-16. A String or a char array is read in bulk (a call per char through
     * {@code CharSequence} cost as much as the parse under C1).
     */
    private void copyIn(CharSequence text, int n, int capacity) {
        startBytes(capacity);
        char[] chunk = new char[Math.min(n, 8192)];
        for (int from = 0; from < n; from += chunk.length) {
            int to = Math.min(n, from + chunk.length);
            if (text instanceof String) {
                ((String) text).getChars(from, to, chunk, 0);
            } else {
                for (int i = from; i < to; i++) chunk[i - from] = text.charAt(i);
            }
            putBytes(chunk, from, from, to);
        }
        if (!holdsOneByte(n, rare)) {
            char[] c = new char[capacity];
            if (text instanceof String) ((String) text).getChars(0, n, c, 0);
            else for (int i = 0; i < n; i++) c[i] = text.charAt(i);
            toUtf16(c);
        }
        length = n;
    }

    /** {@link #copyIn(CharSequence, int, int)} of {@code text[0, n)}. */
    private void copyIn(char[] text, int n, int capacity) {
        startBytes(capacity);
        putBytes(text, 0, 0, n);
        if (!holdsOneByte(n, rare)) {
            char[] c = new char[capacity];
            System.arraycopy(text, 0, c, 0, n);
            toUtf16(c);
        }
        length = n;
    }

    /** The one-byte form, empty, its array of at least {@code capacity} (kept when not much larger). */
    private void startBytes(int capacity) {
        if (latin1 == null || latin1.length < capacity || latin1.length > capacity + (capacity >> 2) + 1024) latin1 = new byte[capacity];
        utf16 = null;
        dropRare();
    }

    /** Writes chars [from, to) of the text, held in {@code chunk} from {@code chunkStart} on, as bytes and rare chars. */
    private void putBytes(char[] chunk, int chunkStart, int from, int to) {
        byte[] b = latin1;
        for (int i = from; i < to; i++) {
            char c = chunk[i - chunkStart];
            if (c > 0xff || c == 0) {
                if (rare == rareAt.length) {
                    rareAt = Arrays.copyOf(rareAt, Math.max(16, rare * 2));
                    rareChar = Arrays.copyOf(rareChar, rareAt.length);
                }
                rareAt[rare] = i;
                rareChar[rare++] = c;
                b[i] = 0;
            } else {
                b[i] = (byte) c;
            }
        }
    }

    /** Takes {@code chars} as the UTF-16 form. */
    private void toUtf16(char[] chars) {
        utf16 = chars;
        latin1 = null;
        dropRare();
    }

    /** Forgets the text and its arrays (an arena dropping a caller's text). */
    public void clear() {
        latin1 = NO_BYTES;
        utf16 = null;
        dropRare();
        length = 0;
    }

    private void dropRare() {
        rareAt = NO_POSITIONS;
        rareChar = NO_CHARS;
        rare = 0;
    }

    /**
     * Replaces [start, end) by {@code text}: one {@code arraycopy} of the tail in place, or a copy
     * into an array an eighth larger than needed when it does not fit. A rare char in {@code text}
     * turns a one-byte text into UTF-16 first.
     */
    public void replace(int start, int end, CharSequence text) {
        if (start < 0 || end > length || start > end) throw new IndexOutOfBoundsException(start + ".." + end + " of " + length);
        int inserted = text.length();
        if (latin1 != null) {
            for (int i = 0; i < inserted; i++) {
                if (isRare(text.charAt(i))) {
                    inflate();
                    break;
                }
            }
        }
        int newLength = length - (end - start) + inserted;
        if (latin1 != null) {
            byte[] b = latin1;
            if (newLength > b.length) {
                byte[] grown = new byte[newLength + (newLength >>> 3) + 16];
                System.arraycopy(b, 0, grown, 0, start);
                System.arraycopy(b, end, grown, start + inserted, length - end);
                latin1 = b = grown;
            } else if (end - start != inserted) {
                System.arraycopy(b, end, b, start + inserted, length - end);
            }
            for (int i = 0; i < inserted; i++) b[start + i] = (byte) text.charAt(i);
            if (rare > 0) moveRare(start, end, inserted - (end - start));
        } else {
            char[] c = utf16;
            if (newLength > c.length) {
                char[] grown = new char[newLength + (newLength >>> 3) + 16];
                System.arraycopy(c, 0, grown, 0, start);
                System.arraycopy(c, end, grown, start + inserted, length - end);
                utf16 = c = grown;
            } else if (end - start != inserted) {
                System.arraycopy(c, end, c, start + inserted, length - end);
            }
            if (text instanceof String) ((String) text).getChars(0, inserted, c, start);
            else for (int i = 0; i < inserted; i++) c[start + i] = text.charAt(i);
        }
        length = newLength;
    }

    /** The rare chars after an edit of [start, end) by {@code delta} chars: those inside go, those after move. */
    private void moveRare(int start, int end, int delta) {
        int from = Arrays.binarySearch(rareAt, 0, rare, start);
        if (from < 0) from = -from - 1;
        int to = Arrays.binarySearch(rareAt, from, rare, end);
        if (to < 0) to = -to - 1;
        int kept = rare - to;
        System.arraycopy(rareAt, to, rareAt, from, kept);
        System.arraycopy(rareChar, to, rareChar, from, kept);
        rare = from + kept;
        for (int k = from; k < rare; k++) rareAt[k] += delta;
    }

    /** Turns the one-byte text into UTF-16 (same capacity): for good, see the class comment. */
    private void inflate() {
        char[] c = new char[latin1.length];
        getChars(0, length, c, 0);
        utf16 = c;
        latin1 = null;
        dropRare();
    }
}
