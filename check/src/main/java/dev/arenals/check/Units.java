package dev.arenals.check;

import java.util.Locale;

/** Human-readable sizes and rates. Sizes use 1024-based units; throughput uses MB = 10^6 bytes. */
final class Units {
    private Units() {}

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** Megabytes (10^6 bytes) per second. */
    static String mbPerSecond(long bytes, long nanos) {
        double s = Math.max(nanos, 1) / 1e9;
        double v = bytes / 1e6 / s;
        return String.format(Locale.ROOT, v >= 100 ? "%.0f MB/s" : "%.1f MB/s", v);
    }

    static String perSecond(long count, long nanos) {
        double s = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%.0f", count / s);
    }

    static String seconds(long nanos) {
        double s = nanos / 1e9;
        return String.format(Locale.ROOT, s >= 10 ? "%.1f s" : "%.2f s", s);
    }
}
