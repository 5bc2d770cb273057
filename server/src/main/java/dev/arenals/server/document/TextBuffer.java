package dev.arenals.server.document;

import java.util.Arrays;

/**
 * A document's text as one growable {@code char[]}: edits splice in place (one {@code arraycopy} of
 * the tail), and the arena reads this very array when it parses (no String, no copy), so an edit
 * must only ever be followed by a reparse before anyone reads the tree again.
 * Capacity grows by an eighth past what is needed, so typing at the end of a 3 MB file does not
 * copy the whole buffer on every keystroke, while memory stays close to 2 bytes per char.
 */
public final class TextBuffer implements CharSequence {
    private char[] chars;
    private int length;

    public TextBuffer(String text) {
        chars = new char[text.length()];
        text.getChars(0, text.length(), chars, 0);
        length = text.length();
    }

    /** Takes {@code chars} as the buffer (not copied), its first {@code length} chars the text. */
    public TextBuffer(char[] chars, int length) {
        if (length < 0 || length > chars.length) throw new IndexOutOfBoundsException(length + " of " + chars.length);
        this.chars = chars;
        this.length = length;
    }

    /** The backing array; valid up to {@link #length()} and only until the next edit. */
    public char[] array() { return chars; }

    @Override public int length() { return length; }

    @Override public char charAt(int index) {
        if (index < 0 || index >= length) throw new IndexOutOfBoundsException(index);
        return chars[index];
    }

    @Override public CharSequence subSequence(int start, int end) { return substring(start, end); }

    public String substring(int start, int end) {
        if (start < 0 || end > length || start > end) throw new IndexOutOfBoundsException(start + ".." + end + " of " + length);
        return new String(chars, start, end - start);
    }

    /** Replaces [start, end) by {@code text}. */
    public void replace(int start, int end, String text) {
        if (start < 0 || end > length || start > end) throw new IndexOutOfBoundsException(start + ".." + end + " of " + length);
        int inserted = text.length();
        int newLength = length - (end - start) + inserted;
        if (newLength > chars.length) {
            char[] grown = new char[newLength + (newLength >>> 3) + 16];
            System.arraycopy(chars, 0, grown, 0, start);
            System.arraycopy(chars, end, grown, start + inserted, length - end);
            chars = grown;
        } else if (end - start != inserted) {
            System.arraycopy(chars, end, chars, start + inserted, length - end);
        }
        text.getChars(0, inserted, chars, start);
        length = newLength;
    }

    /** Replaces everything; the array is reallocated when it would waste more than half. */
    public void set(String text) {
        int n = text.length();
        if (n > chars.length || chars.length > 2 * n + 1024) chars = new char[n];
        text.getChars(0, n, chars, 0);
        length = n;
    }

    /** Bytes held by the buffer's array (its capacity). */
    public long bytesReserved() { return 16 + (long) chars.length * 2; }

    @Override public String toString() { return new String(chars, 0, length); }

    /** For tests. */
    boolean sameAs(String s) { return s.length() == length && Arrays.equals(chars, 0, length, s.toCharArray(), 0, length); }
}
