package dev.arenals.server.workspace;

/**
 * The ints of a {@link FileSummary}, kept in 16 bits each when every one fits (value + 1, so that
 * -1 is 0), else in 32: most files' lines, columns and string indexes are under 65,535.
 */
abstract class Columns {
    abstract int get(int i);

    /** The first {@code size} of {@code values} (copied). */
    static Columns of(int[] values, int size) {
        for (int i = 0; i < size; i++) {
            int v = values[i];
            if (v < -1 || v >= 0xFFFF) return new Wide(java.util.Arrays.copyOf(values, size));
        }
        char[] narrow = new char[size];
        for (int i = 0; i < size; i++) narrow[i] = (char) (values[i] + 1);
        return new Narrow(narrow);
    }

    private static final class Narrow extends Columns {
        private final char[] values;

        Narrow(char[] values) { this.values = values; }

        @Override int get(int i) { return values[i] - 1; }
    }

    private static final class Wide extends Columns {
        private final int[] values;

        Wide(int[] values) { this.values = values; }

        @Override int get(int i) { return values[i]; }
    }
}
