package dev.arenals.parser;

import dev.arenals.parser.heap.HeapTree;
import dev.arenals.parser.heap.HeapTreeBuilder;
import dev.arenals.parser.tree.Arena;

/**
 * Entry point: parses JavaScript into an {@link Arena} (the product) or into a {@link HeapTree}
 * (the measured baseline). One instance is reusable but not thread-safe; it keeps its lexer and
 * scratch buffers between parses so a steady-state reparse allocates almost nothing.
 */
public final class JsParser {
    private final Parser parser = new Parser();

    /** Resets the arena (O(1)) and parses {@code text} into it. Never throws on any input. */
    public void parse(Arena arena, CharSequence text, ParseOptions options) {
        arena.reset();
        char[] src = arena.loadSource(text);
        parser.parse(src, arena.sourceLength(), options, arena, arena.names(), arena.log());
        arena.setModule(parser.wasModule());
        arena.setTypeScript(options.language().isTypeScript());
    }

    /** Same as {@link #parse(Arena, CharSequence, ParseOptions)} from a char buffer. */
    public void parse(Arena arena, char[] text, int length, ParseOptions options) {
        arena.reset();
        char[] src = arena.loadSource(text, length);
        parser.parse(src, length, options, arena, arena.names(), arena.log());
        arena.setModule(parser.wasModule());
        arena.setTypeScript(options.language().isTypeScript());
    }

    /**
     * Like {@link #parse(Arena, char[], int, ParseOptions)} but the arena reads {@code text} in place
     * ({@link Arena#borrowSource}): the caller must leave {@code text[0, length)} unchanged while
     * the tree is in use. For a document that owns its buffer and reparses after every edit.
     */
    public void parseInPlace(Arena arena, char[] text, int length, ParseOptions options) {
        arena.reset();
        char[] src = arena.borrowSource(text, length);
        parser.parse(src, length, options, arena, arena.names(), arena.log());
        arena.setModule(parser.wasModule());
        arena.setTypeScript(options.language().isTypeScript());
    }

    /** Parses into a conventional object tree: one object per node, child lists, String names. */
    public HeapTree parseHeap(CharSequence text, ParseOptions options) {
        HeapTreeBuilder builder = new HeapTreeBuilder(text.toString());
        char[] src = text.toString().toCharArray();
        parser.parse(src, src.length, options, builder, builder.names(), builder.log());
        return builder.build();
    }
}
