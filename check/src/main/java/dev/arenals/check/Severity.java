package dev.arenals.check;

/** How a problem counts: errors fail the check, warnings only past --max-warnings. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    /** The lower-case word used in every format. */
    public final String word;

    Severity(String word) { this.word = word; }
}
