package dev.arenals.server.workspace;

/**
 * The ints of a {@link FileSummary}, kept in 16 bits each when every one fits (value + 1, so that
 * -1 is 0), else in 32: most files' lines, columns and string indexes are under 65,535. The array
 * itself is what a summary keeps (a {@code char[]} or an {@code int[]}: no object around it, 16
 * bytes a file), read through {@link #get}.
 */
final class Columns {
    private Columns() {}

    /** The first {@code size} of {@code values} (copied), as a {@code char[]} when they all fit, else an {@code int[]}. */
    static Object of(int[] values, int size) {
        for (int i = 0; i < size; i++) {
            int v = values[i];
            if (v < -1 || v >= 0xFFFF) return java.util.Arrays.copyOf(values, size);
        }
        char[] narrow = new char[size];
        for (int i = 0; i < size; i++) narrow[i] = (char) (values[i] + 1);
        return narrow;
    }

    static int get(Object columns, int i) {
        return columns instanceof char[] ? ((char[]) columns)[i] - 1 : ((int[]) columns)[i];
    }

    static int length(Object columns) {
        return columns instanceof char[] ? ((char[]) columns).length : ((int[]) columns).length;
    }
}
