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
    private final IncrementalReparse incremental = new IncrementalReparse(parser);

    /** Resets the arena (O(1)) and parses {@code text} into it. Never throws on any input. */
    public void parse(Arena arena, CharSequence text, ParseOptions options) {
        arena.reset();
        parseLoaded(arena, arena.loadSource(text), options);
    }

    /** Same as {@link #parse(Arena, CharSequence, ParseOptions)} from a char buffer. */
    public void parse(Arena arena, char[] text, int length, ParseOptions options) {
        arena.reset();
        parseLoaded(arena, arena.loadSource(text, length), options);
    }

    /**
     * Like {@link #parse(Arena, char[], int, ParseOptions)} but the arena reads {@code text} in place
     * ({@link Arena#borrowSource}): the caller must leave {@code text[0, length)} unchanged while
     * the tree is in use. For a document that owns its buffer and reparses after every edit.
     */
    public void parseInPlace(Arena arena, char[] text, int length, ParseOptions options) {
        arena.reset();
        parseLoaded(arena, arena.borrowSource(text, length), options);
    }

    /**
     * Parses the arena's freshly loaded source (after a reset) in full. An AUTO-goal file is read as
     * a script until it shows module syntax; a module is strict throughout, so when sloppiness
     * decided anything before that (a {@code with}, an octal literal, a duplicate parameter…) the
     * file is parsed again with the module goal. Module code rarely has such things: the second
     * parse is rare.
     */
    private void parseLoaded(Arena arena, char[] src, ParseOptions options) {
        int length = arena.sourceLength();
        parser.parse(src, length, options, arena, arena.names(), arena.log());
        ParseOptions recorded = options;
        if (moduleReadAsScript(options)) {
            // HTML-like comments are the one thing the two goals tokenize apart: with one, the module
            // goal may see module syntax (an `import` on a line a script reads as a comment) that the
            // AUTO goal does not, so the tree records the module goal and no incremental reparse
            // under the AUTO goal starts from it
            if (parser.sawHtmlComment()) recorded = options.asModule();
            arena.resetKeepingSource();
            parser.parse(src, length, options.asModule(), arena, arena.names(), arena.log());
        }
        arena.setModule(parser.wasModule());
        arena.setTypeScript(options.language().isTypeScript());
        arena.setDeclarationFile(options.isDeclaration());
        arena.parsed(IncrementalReparse.optionsKey(recorded), true, parser.wastedTokens());
    }

    /**
     * Brings the arena's tree up to date after one edit of its (borrowed) text — [{@code editStart},
     * {@code editOldEnd}) of the text the tree was parsed from became [{@code editStart},
     * {@code editNewEnd}) of {@code text} — by reparsing only the top-level statement the edit falls
     * in when that gives exactly the tree a full parse would ({@link IncrementalReparse}), and by
     * {@link #parseInPlace} otherwise. Returns true when the cheap path was taken. Either way the
     * generation moves on and every earlier view fails.
     */
    public boolean reparseInPlace(Arena arena, char[] text, int length, ParseOptions options,
            int editStart, int editOldEnd, int editNewEnd) {
        boolean done;
        try {
            done = arena.nodeCount() > 0 && incremental.reparse(arena, text, length, options, editStart, editOldEnd, editNewEnd);
        } catch (RuntimeException e) { // never worse than a full parse
            done = false;
        }
        if (done) {
            arena.setTypeScript(options.language().isTypeScript());
            arena.setDeclarationFile(options.isDeclaration());
            return true;
        }
        parseInPlace(arena, text, length, options);
        return false;
    }

    /**
     * The last parse, under the AUTO goal, found a module but read some of it as sloppy script code
     * in a way that mattered: it must be parsed again with the module goal (arena and heap alike).
     */
    private boolean moduleReadAsScript(ParseOptions options) {
        return options.goal() == ParseOptions.Goal.AUTO && parser.wasModule() && parser.sloppyMattered();
    }

    /** Parses into a conventional object tree: one object per node, child lists, String names. */
    public HeapTree parseHeap(CharSequence text, ParseOptions options) {
        HeapTreeBuilder builder = new HeapTreeBuilder(text.toString());
        char[] src = text.toString().toCharArray();
        parser.parse(src, src.length, options, builder, builder.names(), builder.log());
        if (moduleReadAsScript(options)) {
            // as parseLoaded does: a module is strict throughout
            builder = new HeapTreeBuilder(text.toString());
            parser.parse(src, src.length, options.asModule(), builder, builder.names(), builder.log());
        }
        return builder.build();
    }
}
