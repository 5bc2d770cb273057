package dev.arenals.server.workspace;

/**
 * The ints of a {@link FileSummary}, kept in 8 bits each when every one fits (value + 1, so that
 * -1 is 0), else in 16, else in 32. One run of the values, the string table's end offsets (which
 * grow past 255 in any file with a few names), is "wide": in the 8-bit form each of those takes two
 * bytes (high, low), read through {@link #getWide}. So a small module (under 255 lines, columns
 * and strings: most barrels, components and generated files) takes a byte per value, most other
 * files two. The array itself is what a summary keeps (a {@code byte[]}, {@code char[]} or
 * {@code int[]}: no object around it, 16 bytes a file).
 */
final class Columns {
    private Columns() {}

    /**
     * The first {@code size} of {@code values} (copied), in the narrowest of byte[], char[] and int[]
     * that holds them all; the {@code wideCount} values from {@code wideFrom} on take two bytes each
     * in a byte[] (so every later index moves by {@code wideCount}: read those from the end).
     */
    static Object of(int[] values, int size, int wideFrom, int wideCount) {
        boolean bytes = true;
        for (int i = 0; i < size; i++) {
            int v = values[i];
            if (v < -1 || v >= 0xFFFF) return java.util.Arrays.copyOf(values, size);
            if (v >= 0xFF && (i < wideFrom || i >= wideFrom + wideCount)) bytes = false;
        }
        if (bytes) {
            byte[] out = new byte[size + wideCount];
            int o = 0;
            for (int i = 0; i < size; i++) {
                int v = values[i] + 1;
                if (i >= wideFrom && i < wideFrom + wideCount) out[o++] = (byte) (v >>> 8);
                out[o++] = (byte) v;
            }
            return out;
        }
        char[] narrow = new char[size];
        for (int i = 0; i < size; i++) narrow[i] = (char) (values[i] + 1);
        return narrow;
    }

    /** Value {@code i} (not one of the wide run, which {@link #getWide} reads). */
    static int get(Object columns, int i) {
        if (columns instanceof byte[]) return (((byte[]) columns)[i] & 0xFF) - 1;
        return columns instanceof char[] ? ((char[]) columns)[i] - 1 : ((int[]) columns)[i];
    }

    /** The {@code k}th value of the wide run that starts at {@code wideFrom}. */
    static int getWide(Object columns, int wideFrom, int k) {
        if (columns instanceof byte[]) {
            byte[] b = (byte[]) columns;
            int at = wideFrom + 2 * k;
            return ((b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF)) - 1;
        }
        return get(columns, wideFrom + k);
    }

    static int length(Object columns) {
        if (columns instanceof byte[]) return ((byte[]) columns).length;
        return columns instanceof char[] ? ((char[]) columns).length : ((int[]) columns).length;
    }
}
