package dev.arenals.parser;

import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.StatementGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.parser.tree.TreeSink;

/**
 * The recovering recursive-descent parser for ECMAScript 2025 and TypeScript: the entry points
 * {@link JsParser} and {@link IncrementalReparse} use. It writes into a {@link TreeSink} bottom-up
 * (see there), so the same code builds the arena and the heap baseline. It never throws on input:
 * errors become diagnostics, missing pieces become ERROR nodes, and nesting deeper than
 * {@code ParseContext.MAX_DEPTH} stops with one diagnostic instead of exhausting the JVM stack.
 *
 * <p>The grammar lives in one final class of static methods per area ({@code StatementGrammar},
 * {@code ExpressionGrammar}, {@code TypeGrammar}, …), each taking the {@link ParseContext} {@code p}
 * that holds all parser state; docs/architecture.md, "How a parse flows", has the map.
 */
final class Parser {
    private final ParseContext p = new ParseContext();

    boolean wasModule() { return p.wasModule(); }

    void parse(char[] src, int length, ParseOptions options, TreeSink sink, NameTable names, ParseLog log) {
        p.begin(src, length, options, sink, names, log, 0);
        p.next();
        parseProgram(p);
        p.release();
    }

    /**
     * Parses top-level statements from {@code from} (the end of the previous statement's last token,
     * or 0) until the current token starts at or after {@code stopAt}, leaving each statement as a
     * pending node of {@code sink} — what {@link StatementGrammar#parseProgram} would have parsed
     * there, given the same text before {@code from}. {@code strict}: the program's prologue holds
     * "use strict".
     * Returns the start of the token the parse stopped at, or -1 when the input nested too deep.
     * Whether module syntax was seen is then {@link #sawModuleSyntax()}.
     */
    int parseTopLevelRange(char[] src, int length, ParseOptions options, TreeSink sink, NameTable names, ParseLog log,
            int from, int stopAt, boolean strict) {
        p.begin(src, length, options, sink, names, log, from);
        if (strict) p.ctx |= CTX_STRICT;
        try {
            p.next();
            while (p.tok != EOF && p.lexer.tokenStart < stopAt) {
                parseStatementListStep(p, EOF, true);
                if (p.tooDeep) return -1;
            }
            return p.lexer.tokenStart;
        } finally {
            p.release();
        }
    }

    boolean sawModuleSyntax() { return p.sawModuleSyntax; }

    /** Tokens consumed by speculative parses that were rolled back, in the last run. */
    int wastedTokens() { return p.wastedTokens; }

    /** The last parse skipped an HTML-like comment ({@code <!--}, {@code -->}), which the module goal would not. */
    boolean sawHtmlComment() { return p.lexer.sawHtmlComment; }

    /** AUTO goal: the parse made a decision that strict (module) code would make otherwise. */
    boolean sloppyMattered() { return p.sloppyMattered || (p.autoGoal && p.lexer.sawHtmlComment); }
}
