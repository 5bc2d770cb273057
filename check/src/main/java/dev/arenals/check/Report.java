package dev.arenals.check;

import java.util.ArrayList;
import java.util.List;

/** Everything a format writes: the entries sorted by path and the totals. */
final class Report {
    /** Sorted by path; with --quiet, warnings are already left out of each entry. */
    final List<FileReport> entries;
    /** Source files selected (in this shard). */
    final int files;
    /** Source files parsed. */
    final int checked;
    final int errors;
    final int warnings;
    final long bytes;
    /** No I/O failure, nothing that makes the exit code 2. */
    final boolean executionSuccessful;
    final String version;
    /** The working directory, for SARIF's %SRCROOT%. */
    final java.nio.file.Path cwd;

    Report(List<FileReport> all, boolean quiet, String version, java.nio.file.Path cwd) {
        this.version = version;
        this.cwd = cwd;
        int files = 0;
        int checked = 0;
        int errors = 0;
        int warnings = 0;
        long bytes = 0;
        boolean ok = true;
        List<FileReport> shown = new ArrayList<>(all.size());
        for (FileReport r : all) {
            if (r.kind == FileReport.Kind.SOURCE) {
                files++;
                if (r.checked) checked++;
            }
            errors += r.errors;
            warnings += r.warnings;
            bytes += r.bytes;
            for (Problem p : r.problems) if (p.failure != null && p.failure.io) ok = false;
            if (quiet && r.warnings > 0) {
                List<Problem> kept = new ArrayList<>();
                for (Problem p : r.problems) if (p.isError()) kept.add(p);
                if (kept.isEmpty() && r.kind != FileReport.Kind.SOURCE) continue;
                shown.add(new FileReport(r.kind, r.path, r.checked, r.bytes, kept));
            } else {
                shown.add(r);
            }
        }
        this.entries = shown;
        this.files = files;
        this.checked = checked;
        this.errors = errors;
        this.warnings = warnings;
        this.bytes = bytes;
        this.executionSuccessful = ok;
    }
}
