package dev.arenals.server.document;

import java.util.List;

/**
 * The unit of an LSP {@code Position.character}: UTF-16 code units (the protocol's default), UTF-8
 * bytes or UTF-32 code points, negotiated at {@code initialize} through the LSP 3.17
 * {@code general.positionEncodings} client capability. Documents are held as UTF-16 ({@code char}),
 * so UTF-16 columns are offsets and the other two are counted along the line.
 *
 * <p>A lone surrogate counts as U+FFFD: 3 UTF-8 bytes, 1 code point, which is what a client that
 * transcodes its buffer would see.
 */
public enum PositionEncoding {
    UTF16("utf-16"),
    UTF8("utf-8"),
    UTF32("utf-32");

    private final String lspName;

    PositionEncoding(String lspName) { this.lspName = lspName; }

    /** The name used on the wire ({@code PositionEncodingKind}). */
    public String lspName() { return lspName; }

    /**
     * The encoding to use given the client's list (in its order of preference): the first one we
     * support, else UTF-16, which every client must support.
     */
    public static PositionEncoding negotiate(List<String> offered) {
        if (offered != null) {
            for (String name : offered) {
                for (PositionEncoding e : values()) {
                    if (e.lspName.equalsIgnoreCase(name)) return e;
                }
            }
        }
        return UTF16;
    }

    /**
     * The offset of column {@code character} on the line [lineStart, lineEnd) of {@code text}
     * (lineEnd excludes the line break). A column past the end of the line clamps to the line end
     * (as the protocol says). In UTF-8 and UTF-32 a column inside a multi-unit character snaps to
     * that character's start; a UTF-16 column is taken as given, even between two surrogates.
     */
    public int offsetOf(char[] text, int lineStart, int lineEnd, int character) {
        if (character <= 0) return lineStart;
        switch (this) {
            case UTF16:
                return (long) lineStart + character >= lineEnd ? lineEnd : lineStart + character;
            case UTF8: {
                int units = 0;
                int i = lineStart;
                while (i < lineEnd) {
                    char c = text[i];
                    int width;
                    int chars = 1;
                    if (c < 0x80) width = 1;
                    else if (c < 0x800) width = 2;
                    else if (Character.isHighSurrogate(c) && i + 1 < lineEnd && Character.isLowSurrogate(text[i + 1])) {
                        width = 4;
                        chars = 2;
                    } else width = 3;
                    if (units + width > character) return i;
                    units += width;
                    i += chars;
                    if (units == character) return i;
                }
                return lineEnd;
            }
            default: { // UTF32
                int units = 0;
                int i = lineStart;
                while (i < lineEnd && units < character) {
                    char c = text[i];
                    i += Character.isHighSurrogate(c) && i + 1 < lineEnd && Character.isLowSurrogate(text[i + 1]) ? 2 : 1;
                    units++;
                }
                return i;
            }
        }
    }

    /** The column of {@code offset} on the line starting at {@code lineStart}, in this encoding. */
    public int columnOf(char[] text, int lineStart, int offset) {
        switch (this) {
            case UTF16:
                return offset - lineStart;
            case UTF8: {
                int units = 0;
                for (int i = lineStart; i < offset; i++) {
                    char c = text[i];
                    if (c < 0x80) units += 1;
                    else if (c < 0x800) units += 2;
                    else if (Character.isHighSurrogate(c) && i + 1 < offset && Character.isLowSurrogate(text[i + 1])) {
                        units += 4;
                        i++;
                    } else units += 3;
                }
                return units;
            }
            default: {
                int units = 0;
                for (int i = lineStart; i < offset; i++) {
                    char c = text[i];
                    if (Character.isHighSurrogate(c) && i + 1 < offset && Character.isLowSurrogate(text[i + 1])) i++;
                    units++;
                }
                return units;
            }
        }
    }
}
