package dev.arenals.server.format;

import dev.arenals.parser.tree.Arena;

/** The spaces between two items on one line (TypeScript's rules.ts). */
final class Spacing {
    interface ItemLines { int lineOf(int offset); }

    private final Formatter f;
    private final Arena arena;

    Spacing(Formatter f, Arena arena) {
        this.f = f;
        this.arena = arena;
    }

    void compute(ItemLines lines) {}

    void emitLine(Edits edits, int line) {}
}
