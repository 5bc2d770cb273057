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

    /**
     * Parses one function body alone, {@code { ... }} starting at {@code bodyStart}, in the context
     * the full parse had there: {@code ctx} (ParseContext CTX_* bits), nesting at most {@code depth},
     * inside {@code classDepth} class bodies. Leaves one FUNCTION_BODY node pending in {@code sink}
     * and reads nothing after its closing brace. Returns 1 when its prologue holds "use strict", 0
     * when not, and -1 when the body does not close with a '}' at {@code closeAt} or nests too deep.
     * Private names it references that no class inside it declares are then
     * {@link #unresolvedPrivateName}.
     */
    int parseFunctionBodyAlone(char[] src, int length, ParseOptions options, TreeSink sink, NameTable names, ParseLog log,
            int bodyStart, int closeAt, int ctx, int depth, int classDepth) {
        p.begin(src, length, options, sink, names, log, bodyStart);
        p.ctx = ctx;
        p.startAtDepth(depth);
        p.privates.classDepth = classDepth;
        try {
            p.next();
            if (p.tok != LBRACE || p.lexer.tokenStart != bodyStart) return -1;
            int bm = p.sink.mark();
            p.next();
            boolean strict = parseDirectivesAndStatements(p, RBRACE, false);
            if (p.tooDeep || p.tok != RBRACE || p.lexer.tokenStart != closeAt) return -1;
            p.lastEnd = p.lexer.tokenEnd; // the '}' is the body's; the token after it is the enclosing parse's
            p.sink.finish(FUNCTION_BODY, bm, bodyStart, p.lastEnd, 0);
            return strict ? 1 : 0;
        } finally {
            p.release();
        }
    }

    /** After {@link #parseFunctionBodyAlone}: how many private names it left for the enclosing classes. */
    int unresolvedPrivateNames() { return p.privates.refTop; }

    /** The name id of the {@code i}th of those. */
    int unresolvedPrivateName(int i) { return p.privates.refs[i]; }

    boolean sawModuleSyntax() { return p.sawModuleSyntax; }

    /** Tokens consumed by speculative parses that were rolled back, in the last run. */
    int wastedTokens() { return p.wastedTokens; }

    /** The last parse skipped an HTML-like comment ({@code <!--}, {@code -->}), which the module goal would not. */
    boolean sawHtmlComment() { return p.lexer.sawHtmlComment; }

    /** AUTO goal: the parse made a decision that strict (module) code would make otherwise. */
    boolean sloppyMattered() { return p.sloppyMattered || (p.autoGoal && p.lexer.sawHtmlComment); }
}
