package dev.arenals.parser;

import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Lexer;
import dev.arenals.parser.lexer.RegexValidator;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.IntSet;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.parser.tree.TreeSink;
import java.util.Arrays;

/**
 * The recovering recursive-descent parser for ECMAScript 2025. It writes into a {@link TreeSink}
 * bottom-up (see there), so the same code builds the arena and the heap baseline. It never throws
 * on input: errors become diagnostics, missing pieces become ERROR nodes, and nesting deeper than
 * {@link #MAX_DEPTH} stops with one diagnostic instead of exhausting the JVM stack.
 */
final class Parser {
    /** Nesting limit; each level costs a handful of frames, well inside a 512 KB stack. */
    static final int MAX_DEPTH = 400;

    // context bits
    private static final int CTX_STRICT = 1;
    private static final int CTX_FUNCTION = 2;        // return allowed
    private static final int CTX_AWAIT = 4;           // await is an operator here
    private static final int CTX_YIELD = 8;           // yield is an operator here
    private static final int CTX_NO_IN = 16;          // 'in' is not a binary operator (for-init)
    private static final int CTX_ITERATION = 32;      // continue allowed
    private static final int CTX_BREAKABLE = 64;      // unlabelled break allowed
    private static final int CTX_SUPER_CALL = 128;
    private static final int CTX_SUPER_PROP = 256;
    private static final int CTX_NEW_TARGET = 512;
    private static final int CTX_PARAMS = 1024;       // inside formal parameters
    private static final int CTX_CLASS_BODY = 2048;   // private names may be referenced
    private static final int CTX_STATIC_BLOCK = 4096; // await reserved, arguments forbidden
    private static final int CTX_FIELD_INIT = 8192;   // class field initializer: arguments forbidden

    private final Lexer lx = new Lexer();
    private final RegexValidator regex = new RegexValidator();
    private TreeSink t;
    private ParseLog log;
    private NameTable names;
    private char[] src;
    private int srcLength;
    private boolean module;

    private int tok;
    private int lastEnd;
    private int ctx;
    private int depth;
    private boolean tooDeep;

    /** Position of a CoverInitializedName ({a = 1}) not yet proven to be a pattern, or -1. */
    private int coverInitPos = -1;
    /** Positions of the last yield / await expression (to reject them in arrow parameters). */
    private int lastYieldPos = -1;
    private int lastAwaitPos = -1;
    /** Position of the last `await` used as an identifier (invalid if it turns out to be in async arrow parameters). */
    private int lastAwaitIdentPos = -1;

    // labels: name ids and whether each labels a loop; a function boundary saves labelBase
    private int[] labelNames = new int[16];
    private boolean[] labelLoop = new boolean[16];
    private int labelTop;
    private int labelBase;

    // binary operator stack (explicit, so long chains never recurse)
    private int[] opStack = new int[64];
    private int[] opMark = new int[64];
    private int[] opStart = new int[64];
    private int opTop;

    // right-nested chains (`else if`, `a ? b : c ? …`): the marks and starts of their open nodes,
    // finished innermost first when the chain ends, so a chain of any length uses no nesting depth
    private int[] chainMark = new int[32];
    private int[] chainStart = new int[32];
    private int chainTop;

    private final int[][] peekStates = new int[4][Lexer.STATE_SIZE];
    private int peekDepth;
    private int peekNewline;
    private int peekFlags;

    // well-known names, interned per parse
    private int nameEval, nameArguments, nameConstructor, nameProto, namePrototype, nameUseStrict;

    private int[] scratch = new int[64];

    // language
    private boolean ts;
    private boolean jsx;
    private boolean dts;
    private boolean autoGoal;
    /** AUTO goal: import/export/import.meta seen, so the file is a module. */
    private boolean sawModuleSyntax;
    /** AUTO goal: sloppy code decided something strict code would not ({@link #strictHere}). */
    private boolean sloppyMattered;
    /** Inside `declare` / .d.ts / `declare namespace`: bodies and initialisers may be absent. */
    private boolean ambient;
    /** Inside a type: `>` closes type arguments rather than being an operator. */
    private int errorCount;

    boolean wasModule() { return module || sawModuleSyntax; }

    void parse(char[] src, int length, ParseOptions options, TreeSink sink, NameTable names, ParseLog log) {
        begin(src, length, options, sink, names, log, 0);
        next();
        parseProgram();
        release();
    }

    /**
     * Parses top-level statements from {@code from} (the end of the previous statement's last token,
     * or 0) until the current token starts at or after {@code stopAt}, leaving each statement as a
     * pending node of {@code sink} — what {@link #parseProgram} would have parsed there, given the
     * same text before {@code from}. {@code strict}: the program's prologue holds "use strict".
     * Returns the start of the token the parse stopped at, or -1 when the input nested too deep.
     * Whether module syntax was seen is then {@link #sawModuleSyntax()}.
     */
    int parseTopLevelRange(char[] src, int length, ParseOptions options, TreeSink sink, NameTable names, ParseLog log,
            int from, int stopAt, boolean strict) {
        begin(src, length, options, sink, names, log, from);
        if (strict) ctx |= CTX_STRICT;
        try {
            next();
            while (tok != EOF && lx.tokenStart < stopAt) {
                parseStatementListStep(EOF, true);
                if (tooDeep) return -1;
            }
            return lx.tokenStart;
        } finally {
            release();
        }
    }

    boolean sawModuleSyntax() { return sawModuleSyntax; }

    /** Tokens consumed by speculative parses that were rolled back, in the last run. */
    int wastedTokens() { return wastedTokens; }

    private void begin(char[] src, int length, ParseOptions options, TreeSink sink, NameTable names, ParseLog log, int from) {
        Language language = options.language();
        this.ts = language.isTypeScript();
        this.jsx = language.allowsJsx();
        this.dts = options.isDeclaration();
        this.ambient = dts;
        this.autoGoal = options.goal() == ParseOptions.Goal.AUTO;
        this.sawModuleSyntax = false;
        this.sloppyMattered = false;
        this.errorCount = 0;
        this.specDepth = 0;
        this.tokenCount = 0;
        this.wastedTokens = 0;
        this.failedArrows.clear();
        boolean module = options.isModule();
        this.src = src;
        this.srcLength = length;
        this.module = module;
        this.t = sink;
        this.names = names;
        this.log = log;
        this.ctx = module ? (CTX_STRICT | CTX_AWAIT) : 0;
        this.depth = 0;
        this.tooDeep = false;
        this.coverInitPos = -1;
        this.lastYieldPos = -1;
        this.lastAwaitPos = -1;
        this.lastAwaitIdentPos = -1;
        this.inCaseClause = false;
        this.bodyPosition = false;
        this.labelTop = 0;
        this.labelBase = 0;
        this.opTop = 0;
        this.chainTop = 0;
        this.classDepth = 0;
        this.privateTop = 0;
        this.privateBase = 0;
        this.privateRefTop = 0;
        this.arrowEndPos = -1;
        this.peekDepth = 0;
        // transient flags, neutral between statements; reset so no parse can inherit a stale one
        this.moduleBlockDepth = 0;
        this.pendingExportMark = -1;
        this.pendingClassMark = -1;
        this.classNameOptional = false;
        this.coverIsProto = false;
        this.disallowConditional = false;
        this.classModifiers = 0;
        this.lastEnd = from;
        lx.reset(src, length, names, log, module);
        lx.seek(from);
        nameEval = internLiteral("eval");
        nameArguments = internLiteral("arguments");
        nameConstructor = internLiteral("constructor");
        nameProto = internLiteral("__proto__");
        namePrototype = internLiteral("prototype");
        nameUseStrict = -1;
    }

    /**
     * Drops the references to this parse's arena, source and tables: a parser kept per thread
     * must not keep a closed document's tree reachable.
     */
    private void release() {
        t = null;
        log = null;
        names = null;
        src = null;
        lx.release();
    }

    private final char[] literalBuf = new char[32];

    private int internLiteral(String s) {
        s.getChars(0, s.length(), literalBuf, 0);
        return names.intern(literalBuf, 0, s.length());
    }

    // ------------------------------------------------------------------ tokens

    private int next() {
        lastEnd = lx.tokenEnd;
        tok = lx.next();
        tokenCount++;
        return tok;
    }

    /** Tokens consumed, and tokens consumed by speculative parses that were rolled back. */
    private int tokenCount;
    private int wastedTokens;

    /**
     * Speculation is bounded: once rolled-back parses have consumed several times the tokens of the
     * real parse, no more are attempted, so adversarial input stays linear (it just gets errors).
     */
    private boolean speculationBudgetLeft() {
        return wastedTokens < 4 * tokenCount + 100_000;
    }

    private boolean at(int k) { return tok == k; }

    private boolean eat(int k) {
        if (tok == k) { next(); return true; }
        return false;
    }

    private boolean escaped() { return (lx.flags & Lexer.F_ESCAPED) != 0; }

    /** The current token is contextual keyword {@code k}, spelled without escapes. */
    private boolean atContextual(int k) { return tok == k && (lx.flags & Lexer.F_ESCAPED) == 0; }

    private void expect(int k) {
        if (tok == k) {
            next();
        } else {
            errorExpected(k);
        }
    }

    private void errorExpected(int k) {
        // at the end of input inside a list, the closing delimiter is what is missing: the caller's
        // expect(closer) reports it (one error per position)
        if (k == COMMA && tok == EOF) return;
        error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, k);
    }

    private void error(int start, int end, Diag d, int arg) {
        errorCount++;
        if (!tooDeep) log.report(start, end, d, arg);
    }

    // ------------------------------------------------------------------ speculation

    private final int[][] specStates = new int[32][Lexer.STATE_SIZE];
    private final int[] specMark = new int[32];
    private final int[] specNodes = new int[32];
    private final int[] specLastEnd = new int[32];
    private final int[] specErrors = new int[32];
    private final int[] specArrowEnd = new int[32];
    private int specDepth;

    /** Starts a speculative parse; returns a handle for {@link #specFailed}, {@link #rollback} or {@link #commit}. */
    private int speculate() {
        if (!speculationBudgetLeft()) return -1;
        int d = specDepth++;
        if (d >= specStates.length) {
            specDepth--;
            return -1; // too many nested speculations: callers treat -1 as "do not speculate"
        }
        lx.save(specStates[d]);
        specMark[d] = t.mark();
        specNodes[d] = t.nodeCount();
        specLastEnd[d] = lastEnd;
        specErrors[d] = errorCount;
        specArrowEnd[d] = arrowEndPos;
        specTokens[d] = tokenCount;
        return d;
    }

    private final int[] specTokens = new int[32];

    private boolean specFailed(int d) { return errorCount != specErrors[d]; }

    /** Inside a speculation that has already failed, list loops may stop early. */
    private boolean tooManySpeculativeErrors() { return specDepth > 0 && errorCount - specErrors[specDepth - 1] > 0; }

    private void rollback(int d) {
        wastedTokens += tokenCount - specTokens[d];
        tokenCount = specTokens[d];
        lx.restore(specStates[d]);
        tok = lx.token;
        t.truncate(specMark[d]);
        t.rewindNodes(specNodes[d]);
        lastEnd = specLastEnd[d];
        errorCount = specErrors[d];
        arrowEndPos = specArrowEnd[d];
        specDepth = d;
    }

    private void commit(int d) { specDepth = d; }

    private void errorAtToken(Diag d) { error(lx.tokenStart, lx.tokenEnd, d, tok); }

    /** Starts a lookahead with the raw lexer ({@code lx.next()}); {@link #lookaheadEnd} puts it back. */
    private void lookaheadBegin() { lx.save(peekStates[peekDepth++]); }

    private void lookaheadEnd() { lx.restore(peekStates[--peekDepth]); }

    private int peek() {
        lookaheadBegin();
        int r = lx.next();
        peekNewline = lx.newlineBefore ? 1 : 0;
        peekFlags = lx.flags;
        lookaheadEnd();
        return r;
    }

    /** The token after the next one. */
    private int peek2() {
        lookaheadBegin();
        lx.next();
        int r = lx.next();
        lookaheadEnd();
        return r;
    }

    /**
     * A cheap filter before a {@link #peek()}: false when the next token certainly does not start
     * with {@code c}. Looks at the raw characters after the current token, skipping spaces and tabs;
     * anything that may start trivia (comments, line breaks, non-ASCII space) answers true.
     */
    private boolean nextTokenMayStartWith(char c) {
        int p = lx.tokenEnd;
        while (p < srcLength && (src[p] == ' ' || src[p] == '\t')) p++;
        if (p >= srcLength) return false;
        char d = src[p];
        return d == c || d == '/' || d == '\n' || d == '\r' || d == '<' || d == '-' || d >= 0x80 || d == '\u000B' || d == '\f';
    }

    private boolean canInsertSemicolon() {
        return tok == SEMICOLON || tok == RBRACE || tok == EOF || lx.newlineBefore;
    }

    private void semicolon() {
        if (tok == SEMICOLON) {
            next();
        } else if (tok != RBRACE && tok != EOF && !lx.newlineBefore) {
            error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, SEMICOLON);
        }
    }

    private boolean strict() { return (ctx & CTX_STRICT) != 0; }

    /**
     * Strictness where the construct at hand is treated differently in strict code. A file of the
     * AUTO goal is parsed as sloppy script code until it shows module syntax, but a module is
     * strict from its first character: so an AUTO parse notes here that sloppiness decided
     * something ({@link #sloppyMattered}), and JsParser parses such a file again with the module
     * goal when it turns out to be a module. Call it only where the answer matters.
     */
    private boolean strictHere() {
        if ((ctx & CTX_STRICT) != 0) return true;
        if (autoGoal) sloppyMattered = true;
        return false;
    }

    /** The last parse skipped an HTML-like comment ({@code <!--}, {@code -->}), which the module goal would not. */
    boolean sawHtmlComment() { return lx.sawHtmlComment; }

    /** AUTO goal: the parse made a decision that strict (module) code would make otherwise. */
    boolean sloppyMattered() { return sloppyMattered || (autoGoal && lx.sawHtmlComment); }


    /** Enter one nesting level; false when too deep (then the caller must not descend). */
    private boolean enter() {
        if (++depth > MAX_DEPTH) {
            if (specDepth > 0) {
                // a speculative parse that nests too deep simply fails; the real parse reports it
                errorCount++;
            } else if (!tooDeep) {
                log.report(lx.tokenStart, lx.tokenEnd, Diag.NESTING_TOO_DEEP, 0);
                tooDeep = true;
            }
            // skip the rest of the input: every caller then unwinds at EOF without further errors
            tok = lx.skipToEnd();
            lastEnd = lx.tokenStart; // as if every skipped token had been consumed
            return false;
        }
        return true;
    }

    private void exit() { depth--; }

    private int leaf(int kind, int start, int end, int data) {
        return t.finish(kind, t.mark(), start, end, data);
    }

    /**
     * A node for missing or skipped syntax. An empty one is placed where the previous token ended,
     * not at the next token, so it lies inside whatever node is being built around it.
     */
    private int errorNode(int start, int end) {
        if (start == end && start > lastEnd) start = end = lastEnd;
        return leaf(INVALID, start, end, 0);
    }

    private int missingExpression() {
        error(lx.tokenStart, lx.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
        return errorNode(lx.tokenStart, lx.tokenStart);
    }

    // ------------------------------------------------------------------ program

    private void parseProgram() {
        int m = t.mark();
        parseDirectivesAndStatements(EOF, true);
        if (tok != EOF && !tooDeep) {
            // parseDirectivesAndStatements only stops at EOF; keep the invariant explicit
            while (tok != EOF) next();
        }
        t.finish(PROGRAM, m, 0, srcLength, wasModule() ? 1 : 0);
    }

    /**
     * Statement list with a directive prologue. Returns true when the prologue holds "use strict"
     * (and switches to strict mode for the rest of the list).
     */
    private boolean parseDirectivesAndStatements(int end, boolean topLevel) {
        boolean becameStrict = false;
        int firstOctal = -1;
        while (tok == STRING) {
            int pk = peek();
            // a string followed by something that continues an expression is not a directive
            if (!(pk == SEMICOLON || pk == RBRACE || pk == EOF || peekNewline != 0)) break;
            if (pk != SEMICOLON && pk != RBRACE && pk != EOF && isExpressionContinuation(pk)) break;
            int s = lx.tokenStart;
            boolean useStrict = lx.tokenIsUseStrict();
            if ((lx.flags & Lexer.F_OCTAL_ESCAPE) != 0 && firstOctal < 0) firstOctal = s;
            int m = t.mark();
            leaf(STRING_LITERAL, s, lx.tokenEnd, 0);
            next();
            semicolon();
            t.finish(EXPRESSION_STATEMENT, m, s, lastEnd, 1);
            if (useStrict) {
                ctx |= CTX_STRICT;
                becameStrict = true;
            }
        }
        if (firstOctal >= 0 && strictHere()) error(firstOctal, firstOctal + 1, Diag.OCTAL_ESCAPE_STRICT, 0);
        parseStatementList(end, topLevel);
        return becameStrict;
    }

    private static boolean isExpressionContinuationOf(int k) {
        switch (k) {
            case DOT: case LBRACKET: case LPAREN: case QUESTION_DOT: case COMMA: case QUESTION:
            case NO_SUBST_TEMPLATE: case TEMPLATE_HEAD:
                return true;
            default:
                return precedenceOf(k) > 0 || Token.isAssignment(k) || k == K_IN || k == K_INSTANCEOF;
        }
    }

    private void parseStatementList(int end, boolean topLevel) {
        while (tok != end && tok != EOF) parseStatementListStep(end, topLevel);
    }

    private void parseStatementListStep(int end, boolean topLevel) {
        int before = lx.tokenStart;
        parseStatementListItem(topLevel);
        if (lx.tokenStart == before && tok != EOF && tok != end) {
            // no progress: skip the token so the loop always advances
            int s = lx.tokenStart;
            error(s, lx.tokenEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
            next();
            errorNode(s, lastEnd);
        }
    }

    // ------------------------------------------------------------------ statements

    private void parseStatementListItem(boolean topLevel) {
        if (tok == AT) {
            int s = lx.tokenStart;
            int m = t.mark();
            while (tok == AT) parseDecorator();
            if (tok == K_EXPORT && !escaped()) {
                pendingExportMark = m;
                parseExportDeclaration(topLevel);
                return;
            }
            finishDecoratedClass(s, m, true, false);
            return;
        }
        if (ts && (Token.isContextual(tok) || tok == K_ENUM || tok == K_CONST)) {
            int s = lx.tokenStart;
            if (tryParseTypeScriptDeclaration(s, t.mark(), 0)) return;
        }
        switch (tok) {
            case K_FUNCTION:
                parseFunctionDeclaration(lx.tokenStart, 0, false);
                return;
            case K_CLASS:
                parseClass(true, lx.tokenStart);
                return;
            case K_CONST:
                if (!escaped()) { parseVariableStatement(VAR_CONST); return; }
                break;
            case K_IMPORT: {
                if (escaped()) break;
                int pk = peek();
                if (pk == LPAREN || pk == DOT) break; // import() / import.meta expression
                parseImportDeclaration(topLevel);
                return;
            }
            case K_EXPORT:
                if (escaped()) break;
                parseExportDeclaration(topLevel);
                return;
            case K_LET:
                if (isLetDeclaration()) { parseVariableStatement(VAR_LET); return; }
                break;
            case K_ASYNC:
                if (isAsyncFunction()) {
                    int s = lx.tokenStart;
                    next();
                    parseFunctionDeclaration(s, F_ASYNC, false);
                    return;
                }
                break;
            case K_USING:
                if (isUsingDeclaration()) {
                    checkUsingPosition(topLevel);
                    parseVariableStatement(VAR_USING);
                    return;
                }
                break;
            case K_AWAIT:
                if (isAwaitUsingDeclaration()) {
                    checkUsingPosition(topLevel);
                    parseVariableStatement(VAR_AWAIT_USING);
                    return;
                }
                break;
            default:
                break;
        }
        parseStatement();
    }

    /** True while parsing the statements of a switch case clause. */
    private boolean inCaseClause;

    /** `using` declarations may not appear at the top level of a script or directly in a case clause. */
    private void checkUsingPosition(boolean topLevel) {
        if (topLevel && !module && autoGoal) sloppyMattered = true; // a module allows it
        if ((topLevel && !module) || inCaseClause) error(lx.tokenStart, lx.tokenEnd, Diag.USING_NOT_ALLOWED_HERE, 0);
    }

    private boolean isLetDeclaration() {
        if (escaped()) return false;
        int pk = peek();
        if (pk == LBRACKET || pk == LBRACE) return true;
        if (Token.isIdentifierLike(pk)) {
            // `let` followed by a name on the next line is still a declaration, except `let \n let`? keep spec: any identifier
            return true;
        }
        return (pk == K_YIELD || pk == K_AWAIT);
    }

    private boolean isAsyncFunction() {
        if (escaped()) return false;
        int pk = peek();
        return pk == K_FUNCTION && peekNewline == 0 && (peekFlags & Lexer.F_ESCAPED) == 0;
    }

    private boolean isUsingDeclaration() {
        if (escaped()) return false;
        int pk = peek();
        return peekNewline == 0 && Token.isIdentifierLike(pk) && pk != K_IN;
    }

    private boolean isAwaitUsingDeclaration() {
        if (escaped()) return false;
        // AUTO goal: `await using x` at the top level is module code, as a top-level `await x` is
        boolean topLevelAuto = autoGoal && (ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT)) == 0;
        if ((ctx & CTX_AWAIT) == 0 && !topLevelAuto) return false;
        lookaheadBegin();
        boolean result = false;
        int k = lx.next();
        if (k == K_USING && !lx.newlineBefore && (lx.flags & Lexer.F_ESCAPED) == 0) {
            int k2 = lx.next();
            result = !lx.newlineBefore && Token.isIdentifierLike(k2);
        }
        lookaheadEnd();
        if (result && (ctx & CTX_AWAIT) == 0) {
            sawModuleSyntax = true;
            sloppyMattered = true; // parsed again as a module, where await using is at home
        }
        return result;
    }

    private void parseStatement() {
        inCaseClause = false;
        if (!enter()) { exit(); return; }
        try {
            parseStatementInner();
        } finally {
            exit();
        }
    }

    /** The statement being parsed is the body of an if, loop or with: a labelled function is an error there. */
    private boolean bodyPosition;

    private void parseStatementInner() {
        boolean body = bodyPosition;
        bodyPosition = false;
        int s = lx.tokenStart;
        if (Token.isReserved(tok) && escaped()) error(s, lx.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
        switch (tok) {
            case LBRACE: parseBlock(BLOCK); return;
            case SEMICOLON: next(); leaf(EMPTY_STATEMENT, s, lastEnd, 0); return;
            case K_VAR: parseVariableStatement(VAR_VAR); return;
            case K_IF: parseIf(); return;
            case K_FOR: parseFor(); return;
            case K_WHILE: parseWhile(); return;
            case K_DO: parseDoWhile(); return;
            case K_CONTINUE: parseBreakContinue(false); return;
            case K_BREAK: parseBreakContinue(true); return;
            case K_RETURN: parseReturn(); return;
            case K_WITH: parseWith(); return;
            case K_SWITCH: parseSwitch(); return;
            case K_THROW: parseThrow(); return;
            case K_TRY: parseTry(); return;
            case K_DEBUGGER: next(); semicolon(); leaf(DEBUGGER, s, lastEnd, 0); return;
            case K_FUNCTION: {
                // in a single-statement position: error (the Annex B `if` case is handled in parseIf)
                error(s, lx.tokenEnd, Diag.GENERATOR_IN_SINGLE_STATEMENT, 0);
                parseFunctionDeclaration(s, 0, false);
                return;
            }
            case K_CLASS:
                error(s, lx.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                parseClass(true, s);
                return;
            case AT:
                // `@d class C {}` as the body of an if or loop: a class declaration, as in TypeScript's parser
                error(s, lx.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                parseDecoratedClass(s, true, false);
                return;
            case K_CONST:
                // TypeScript's parser and checker take an enum as the body of an if or a loop
                if (ts && peek() == K_ENUM && tryParseTypeScriptDeclaration(s, t.mark(), 0)) return;
                if (!escaped()) {
                    error(s, lx.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                    parseVariableStatement(VAR_CONST);
                    return;
                }
                break;
            case K_LET: {
                int pk = peek();
                if (pk == LBRACKET && !escaped()) {
                    // `let [` cannot start an expression statement
                    error(s, lx.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                    parseVariableStatement(VAR_LET);
                    return;
                }
                if ((pk == LBRACE || Token.isIdentifierLike(pk)) && peekNewline == 0 && !escaped()) {
                    error(s, lx.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                    parseVariableStatement(VAR_LET);
                    return;
                }
                break;
            }
            case K_ASYNC:
                if (isAsyncFunction()) {
                    error(s, lx.tokenEnd, Diag.GENERATOR_IN_SINGLE_STATEMENT, 0);
                    next();
                    parseFunctionDeclaration(s, F_ASYNC, false);
                    return;
                }
                break;
            case K_IMPORT: {
                int pk = peek();
                if (pk != LPAREN && pk != DOT) {
                    parseImportDeclaration(false);
                    return;
                }
                break;
            }
            case K_EXPORT:
                parseExportDeclaration(false);
                return;
            case K_ENUM:
                if (ts && tryParseTypeScriptDeclaration(s, t.mark(), 0)) return;
                error(s, lx.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, tok);
                next();
                errorNode(s, lastEnd);
                return;
            default:
                break;
        }
        if (Token.isIdentifierLike(tok) && nextTokenMayStartWith(':')) {
            int pk = peek();
            if (pk == COLON) {
                parseLabelled(body);
                return;
            }
        }
        if (!startsExpression(tok)) {
            error(s, lx.tokenEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
            // skip one token; statement lists resume at the next one
            if (tok != EOF && tok != RBRACE) next();
            errorNode(s, lastEnd);
            return;
        }
        int m = t.mark();
        parseExpression();
        semicolon();
        t.finish(EXPRESSION_STATEMENT, m, s, lastEnd, 0);
    }

    private static boolean startsExpressionOf(int k) {
        switch (k) {
            case IDENTIFIER: case PRIVATE_NAME: case NUMBER: case BIGINT: case STRING: case NO_SUBST_TEMPLATE:
            case TEMPLATE_HEAD: case LPAREN: case LBRACKET: case LBRACE: case SLASH: case SLASH_ASSIGN:
            case PLUS: case MINUS: case BANG: case TILDE: case PLUS2: case MINUS2: case AT: case LT:
            case K_FUNCTION: case K_CLASS: case K_NEW: case K_THIS: case K_SUPER: case K_NULL: case K_TRUE:
            case K_FALSE: case K_TYPEOF: case K_VOID: case K_DELETE: case K_IMPORT:
                return true;
            default:
                return Token.isContextual(k);
        }
    }

    private void parseBlock(int kind) {
        int s = lx.tokenStart;
        int m = t.mark();
        expect(LBRACE);
        parseStatementList(RBRACE, false);
        expect(RBRACE);
        t.finish(kind, m, s, lastEnd, 0);
    }

    private void parseVariableStatement(int kind) {
        int s = lx.tokenStart;
        int m = t.mark();
        if (kind == VAR_AWAIT_USING) next();
        next();
        parseDeclarators(kind, false);
        semicolon();
        t.finish(VARIABLE_DECLARATION, m, s, lastEnd, kind);
    }

    /** Declarators after var/let/const/using. In a for head the caller checks initialisers. Returns the count. */
    private int parseDeclarators(int kind, boolean inForHead) {
        int count = 0;
        do {
            int ds = lx.tokenStart;
            int m = t.mark();
            boolean pattern = tok == LBRACKET || tok == LBRACE;
            if (pattern && (kind == VAR_USING || kind == VAR_AWAIT_USING)) {
                error(ds, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            }
            if (!pattern && !Token.isIdentifierLike(tok)) {
                error(ds, lx.tokenEnd, Token.isReserved(tok) ? Diag.RESERVED_WORD_AS_IDENTIFIER : Diag.VARIABLE_DECLARATION_EXPECTED, tok);
                if (Token.isReserved(tok) && tok != K_IN && tok != K_OF) next();
                errorNode(ds, lastEnd);
            } else {
                if (kind != VAR_VAR && tok == K_LET) error(ds, lx.tokenEnd, Diag.LET_AS_LEXICAL_NAME, 0);
                parseBindingTarget();
            }
            int definite = 0;
            if (ts) {
                if (!pattern && !inForHead && tok == BANG && !lx.newlineBefore) { // `let x!: T`; a pattern takes no `!` (TypeScript's parser)
                    next();
                    definite = 2;
                }
                parseTypeAnnotationOpt();
            }
            boolean init = false;
            if (tok == ASSIGN) {
                next();
                parseAssignment();
                init = true;
            }
            if (!init && !inForHead && !ambient) {
                if (kind == VAR_CONST || kind == VAR_USING || kind == VAR_AWAIT_USING) {
                    error(ds, lastEnd, Diag.CONST_WITHOUT_INITIALIZER, 0);
                } else if (pattern) {
                    error(ds, lastEnd, Diag.DESTRUCTURING_WITHOUT_INITIALIZER, 0);
                }
            }
            t.finish(VARIABLE_DECLARATOR, m, ds, lastEnd, (init ? 1 : 0) | definite);
            count++;
        } while (eat(COMMA));
        return count;
    }

    /**
     * IfStatement : if ( Expression ) Statement [else Statement]. An {@code else if} chain is one
     * loop, not one nesting level per link: generated code has chains hundreds of links long.
     */
    private void parseIf() {
        int base = chainTop;
        while (true) {
            int s = lx.tokenStart;
            int m = t.mark();
            next(); // if
            parseParenthesizedCondition();
            parseIfBranch();
            if (eat(K_ELSE)) {
                if (tok == K_IF && !escaped()) {
                    pushChain(m, s);
                    inCaseClause = false; // as parseStatement would for the else branch
                    continue;
                }
                parseIfBranch();
            }
            t.finish(IF, m, s, lastEnd, 0);
            break;
        }
        while (chainTop > base) {
            chainTop--;
            t.finish(IF, chainMark[chainTop], chainStart[chainTop], lastEnd, 0);
        }
    }

    private void pushChain(int mark, int start) {
        if (chainTop == chainMark.length) {
            chainMark = Arrays.copyOf(chainMark, chainTop * 2);
            chainStart = Arrays.copyOf(chainStart, chainTop * 2);
        }
        chainMark[chainTop] = mark;
        chainStart[chainTop] = start;
        chainTop++;
    }

    private void parseIfBranch() {
        // Annex B: `if (x) function f() {}` in sloppy code
        if (tok == K_FUNCTION && !escaped() && !strictHere()) {
            int pk = peek();
            if (pk != STAR) {
                parseFunctionDeclaration(lx.tokenStart, 0, false);
                return;
            }
        }
        bodyPosition = true;
        parseStatement();
    }

    private void parseParenthesizedCondition() {
        expect(LPAREN);
        parseExpression();
        expect(RPAREN);
    }

    private void parseBody(int flags) {
        int saved = ctx;
        ctx |= flags;
        bodyPosition = true;
        parseStatement();
        ctx = saved;
    }

    private void parseWhile() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        parseParenthesizedCondition();
        parseLoopBody();
        t.finish(WHILE, m, s, lastEnd, 0);
    }

    private void parseLoopBody() {
        parseBody(CTX_ITERATION | CTX_BREAKABLE);
    }

    private void parseDoWhile() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        parseLoopBody();
        expect(K_WHILE);
        parseParenthesizedCondition();
        eat(SEMICOLON); // a do-while is followed by an optional semicolon (ASI special case)
        t.finish(DO_WHILE, m, s, lastEnd, 0);
    }

    private void parseFor() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        boolean isAwait = false;
        if (atContextual(K_AWAIT)) {
            if ((ctx & CTX_AWAIT) == 0 && !(autoGoal && (ctx & CTX_FUNCTION) == 0)) error(lx.tokenStart, lx.tokenEnd, Diag.AWAIT_OUTSIDE_ASYNC, 0);
            isAwait = true;
            next();
        }
        expect(LPAREN);
        int headStart = lx.tokenStart;
        int headCover = -1;
        boolean headCoverProto = false;
        int initMark = t.mark();
        boolean hasInit = false;
        int declKind = -1;
        int declCount = 0;
        boolean declHasInit = false;
        boolean letIdentifier = false;
        if (tok == SEMICOLON) {
            // empty init
        } else {
            int saved = ctx;
            ctx |= CTX_NO_IN;
            if (tok == K_VAR || (tok == K_CONST && !escaped()) || (tok == K_LET && isLetInFor())
                    || (tok == K_USING && isUsingInFor()) || (tok == K_AWAIT && isAwaitUsingDeclaration())) {
                declKind = tok == K_VAR ? VAR_VAR : tok == K_CONST ? VAR_CONST : tok == K_LET ? VAR_LET
                        : tok == K_USING ? VAR_USING : VAR_AWAIT_USING;
                int ds = lx.tokenStart;
                if (declKind == VAR_AWAIT_USING) next();
                next();
                int dm = t.mark();
                declCount = parseDeclarators(declKind, true);
                for (int i = dm; i < t.mark(); i++) {
                    if ((t.data(t.pending(i)) & 1) != 0) declHasInit = true;
                }
                t.finish(VARIABLE_DECLARATION, dm, ds, lastEnd, declKind);
            } else {
                letIdentifier = tok == K_LET;
                int before = coverInitPos;
                boolean beforeProto = coverIsProto;
                coverInitPos = -1;
                parseLeftHandSideOrExpressionForHead();
                headCover = coverInitPos;
                headCoverProto = coverIsProto;
                coverInitPos = before;
                coverIsProto = beforeProto;
            }
            ctx = saved;
            hasInit = true;
        }
        if ((tok == K_OF && !escaped()) || tok == K_IN) {
            boolean of = tok == K_OF;
            int init = t.pending(t.mark() - 1);
            if (declKind >= 0) {
                if (declCount != 1) error(headStart, lastEnd, Diag.FOR_IN_OF_SINGLE_DECLARATION, 0);
                if (declHasInit) {
                    // Annex B allows `for (var x = 1 in o)` in sloppy code for a simple binding
                    boolean annexB = !of && declKind == VAR_VAR && isSimpleVarInit(init) && !strictHere();
                    if (!annexB) error(headStart, lastEnd, Diag.FOR_IN_OF_INITIALIZER, 0);
                }
                if ((declKind == VAR_USING || declKind == VAR_AWAIT_USING) && !of) error(headStart, lastEnd, Diag.FOR_IN_OF_INITIALIZER, 0);
            } else {
                if (of && letIdentifier) error(headStart, lastEnd, Diag.INVALID_LHS_IN_FOR, 0);
                if (of && !isAwait && t.kind(init) == IDENTIFIER_REFERENCE && src[t.start(init)] == 'a'
                        && names.equals(t.data(init), "async") && t.end(init) - t.start(init) == 5) {
                    error(t.start(init), t.end(init), Diag.INVALID_LHS_IN_FOR, 0);
                }
                toAssignmentTarget(init, true);
            }
            if (isAwait && !of) error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, K_OF);
            next();
            if (of) parseAssignment(); else parseExpression();
            expect(RPAREN);
            parseLoopBody();
            t.finish(of ? FOR_OF : FOR_IN, m, s, lastEnd, isAwait ? 1 : 0);
            return;
        }
        if (isAwait) error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, K_OF);
        if (headCover >= 0) error(headCover, headCover + 1, headCoverProto ? Diag.DUPLICATE_PROTO : Diag.INVALID_USE_OF_SHORTHAND_INIT, 0);
        if (declKind >= 0) {
            // plain for: const and destructuring declarations need initialisers
            int decl = t.pending(t.mark() - 1);
            for (int d = t.firstChild(decl); d >= 0; d = t.nextSibling(d)) {
                if ((t.data(d) & 1) == 0 && !ambient) {
                    int target = t.firstChild(d);
                    if (declKind == VAR_CONST || declKind == VAR_USING || declKind == VAR_AWAIT_USING) {
                        error(t.start(d), t.end(d), Diag.CONST_WITHOUT_INITIALIZER, 0);
                    } else if (target >= 0 && t.kind(target) != BINDING_IDENTIFIER) {
                        error(t.start(d), t.end(d), Diag.DESTRUCTURING_WITHOUT_INITIALIZER, 0);
                    }
                }
            }
        }
        int flags = hasInit ? 1 : 0;
        expect(SEMICOLON);
        if (tok != SEMICOLON) { parseExpression(); flags |= 2; }
        expect(SEMICOLON);
        if (tok != RPAREN) { parseExpression(); flags |= 4; }
        expect(RPAREN);
        parseLoopBody();
        t.finish(FOR, m, s, lastEnd, flags);
    }

    private boolean isSimpleVarInit(int decl) {
        int d = t.firstChild(decl);
        if (d < 0) return false;
        int target = t.firstChild(d);
        return target >= 0 && t.kind(target) == BINDING_IDENTIFIER;
    }

    private boolean isLetInFor() {
        if (escaped()) return false;
        int pk = peek();
        if (pk == K_OF) {
            // `for (let of of xs)`, `for (let of = 0;;)` declare `of`; `for (let of xs)` is not a declaration
            int k2 = peek2();
            return k2 == K_OF || k2 == K_IN || k2 == ASSIGN || k2 == SEMICOLON || k2 == COMMA;
        }
        return pk == LBRACKET || pk == LBRACE || (Token.isIdentifierLike(pk) && pk != K_IN);
    }

    private boolean isUsingInFor() {
        if (escaped()) return false;
        int pk = peek();
        if (peekNewline != 0 || !Token.isIdentifierLike(pk)) return false;
        if (pk == K_OF) {
            // `for (using of x)` is a for-of over `using`; `for (using of = ...;` declares `of`
            int k2 = peek2();
            return k2 == ASSIGN || k2 == SEMICOLON;
        }
        return true;
    }

    private void parseLeftHandSideOrExpressionForHead() {
        int m = t.mark();
        int s = lx.tokenStart;
        parseExpressionCover();
        if (t.mark() - m != 1) {
            // keep exactly one node for the init
            t.finish(INVALID, m, s, lastEnd, 0);
        }
    }

    private void parseBreakContinue(boolean isBreak) {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        if (Token.isIdentifierLike(tok) && !lx.newlineBefore) {
            int ls = lx.tokenStart;
            int name = lx.internIdentifier();
            next();
            leaf(LABEL, ls, lastEnd, name);
            int found = findLabel(name);
            if (found < 0) {
                error(ls, lastEnd, Diag.UNDEFINED_LABEL, 0);
            } else if (!isBreak && !labelLoop[found]) {
                error(s, lastEnd, Diag.ILLEGAL_CONTINUE, 0);
            }
        } else if (isBreak ? (ctx & CTX_BREAKABLE) == 0 : (ctx & CTX_ITERATION) == 0) {
            error(s, lastEnd, isBreak ? Diag.ILLEGAL_BREAK : Diag.ILLEGAL_CONTINUE, 0);
        }
        semicolon();
        t.finish(isBreak ? BREAK : CONTINUE, m, s, lastEnd, 0);
    }

    private int findLabel(int name) {
        for (int i = labelTop - 1; i >= labelBase; i--) if (labelNames[i] == name) return i;
        return -1;
    }

    private boolean[] pendingLabelLoopCandidate = new boolean[16];

    private void parseLabelled(boolean body) {
        int s = lx.tokenStart;
        int m = t.mark();
        int name = lx.internIdentifier();
        checkIdentifierReference(tok, lx.flags, s, lx.tokenEnd, false);
        next();
        leaf(LABEL, s, lastEnd, name);
        next(); // ':'
        if (findLabel(name) >= 0) error(s, t.end(t.pending(t.mark() - 1)), Diag.DUPLICATE_LABEL, 0);
        if (labelTop == labelNames.length) {
            labelNames = Arrays.copyOf(labelNames, labelTop * 2);
            labelLoop = Arrays.copyOf(labelLoop, labelTop * 2);
            pendingLabelLoopCandidate = Arrays.copyOf(pendingLabelLoopCandidate, labelTop * 2);
        }
        labelNames[labelTop] = name;
        labelLoop[labelTop] = false;
        pendingLabelLoopCandidate[labelTop] = true;
        labelTop++;
        if (tok == K_FUNCTION) {
            if (body || strictHere()) error(lx.tokenStart, lx.tokenEnd, Diag.LABELLED_FUNCTION, 0);
            int pk = peek();
            if (pk == STAR) error(lx.tokenStart, lx.tokenEnd, Diag.LABELLED_FUNCTION, 0);
            parseFunctionDeclaration(lx.tokenStart, 0, false);
        } else {
            // labels stacked directly on each other (a: b: while ...) all become loop labels
            boolean loopNext = tok == K_FOR || tok == K_WHILE || tok == K_DO
                    || (Token.isIdentifierLike(tok) && peek() == COLON);
            if (!loopNext) pendingLabelLoopCandidate[labelTop - 1] = false;
            if (tok == K_FOR || tok == K_WHILE || tok == K_DO) {
                // loop: labels directly on top become continue targets
                for (int i = labelTop - 1; i >= labelBase && pendingLabelLoopCandidate[i]; i--) labelLoop[i] = true;
            }
            for (int i = labelBase; i < labelTop; i++) if (!(tok != K_FOR && tok != K_WHILE && tok != K_DO && loopNext)) pendingLabelLoopCandidate[i] = false;
            bodyPosition = body;
            parseStatement();
        }
        labelTop--;
        t.finish(LABELED, m, s, lastEnd, 0);
    }

    private void parseReturn() {
        int s = lx.tokenStart;
        int m = t.mark();
        if ((ctx & CTX_FUNCTION) == 0) error(s, lx.tokenEnd, Diag.RETURN_OUTSIDE_FUNCTION, 0);
        next();
        if (!canInsertSemicolon()) parseExpression();
        semicolon();
        t.finish(RETURN, m, s, lastEnd, 0);
    }

    private void parseWith() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (strictHere()) error(s, lx.tokenEnd, Diag.WITH_IN_STRICT, 0);
        next();
        parseParenthesizedCondition();
        parseBody(0);
        t.finish(WITH, m, s, lastEnd, 0);
    }

    private void parseSwitch() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        parseParenthesizedCondition();
        expect(LBRACE);
        int saved = ctx;
        ctx |= CTX_BREAKABLE;
        boolean seenDefault = false;
        while (tok != RBRACE && tok != EOF) {
            int cs = lx.tokenStart;
            int cm = t.mark();
            boolean isDefault = false;
            if (tok == K_CASE) {
                next();
                parseExpression();
            } else if (tok == K_DEFAULT) {
                if (seenDefault) error(cs, lx.tokenEnd, Diag.MULTIPLE_DEFAULTS, 0);
                seenDefault = true;
                isDefault = true;
                next();
            } else {
                error(cs, lx.tokenEnd, Diag.TOKEN_EXPECTED, K_CASE);
                // recover: treat the statements as belonging to a broken case
                if (tok != K_CASE && tok != K_DEFAULT) {
                    int before = lx.tokenStart;
                    parseStatementListItem(false);
                    if (lx.tokenStart == before) next();
                }
                t.finish(INVALID, cm, cs, lastEnd, 0);
                continue;
            }
            expect(COLON);
            while (tok != K_CASE && tok != K_DEFAULT && tok != RBRACE && tok != EOF) {
                int before = lx.tokenStart;
                inCaseClause = true;
                parseStatementListItem(false);
                inCaseClause = false;
                if (lx.tokenStart == before) { next(); errorNode(before, lastEnd); }
            }
            t.finish(SWITCH_CASE, cm, cs, lastEnd, isDefault ? 1 : 0);
        }
        ctx = saved;
        expect(RBRACE);
        t.finish(SWITCH, m, s, lastEnd, 0);
    }

    private void parseThrow() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        if (lx.newlineBefore) {
            error(lastEnd, lx.tokenStart, Diag.NEWLINE_AFTER_THROW, 0);
        }
        if (canInsertSemicolon() && tok != SEMICOLON && !lx.newlineBefore) {
            missingExpression();
        } else if (tok == SEMICOLON || tok == RBRACE || tok == EOF) {
            missingExpression();
        } else {
            parseExpression();
        }
        semicolon();
        t.finish(THROW, m, s, lastEnd, 0);
    }

    private void parseTry() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        parseBlock(BLOCK);
        int flags = 0;
        if (tok == K_CATCH) {
            flags |= 1;
            int cs = lx.tokenStart;
            int cm = t.mark();
            next();
            if (eat(LPAREN)) {
                parseBindingTarget();
                parseTypeAnnotationOpt();
                if (tok == ASSIGN) {
                    error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, RPAREN);
                    next();
                    parseAssignment();
                }
                expect(RPAREN);
            }
            parseBlock(BLOCK);
            t.finish(CATCH_CLAUSE, cm, cs, lastEnd, 0);
        }
        if (tok == K_FINALLY) {
            flags |= 2;
            next();
            parseBlock(BLOCK);
        }
        if (flags == 0) error(lx.tokenStart, lx.tokenEnd, Diag.CATCH_OR_FINALLY_EXPECTED, 0);
        t.finish(TRY, m, s, lastEnd, flags);
    }

    // ------------------------------------------------------------------ functions

    /** `function` [*] name? (params) { body } — current token is `function`. */
    private void parseFunctionDeclaration(int s, int flags, boolean nameOptional) {
        int m = t.mark();
        next(); // function
        if (eat(STAR)) flags |= F_GENERATOR;
        if (Token.isIdentifierLike(tok) || Token.isReserved(tok)) {
            parseFunctionName(flags, true);
        } else if (!nameOptional) {
            error(lx.tokenStart, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
        }
        parseFunctionRest(flags, 0, s, m, FUNCTION_DECLARATION);
    }

    private void parseFunctionName(int flags, boolean declaration) {
        // a declaration's name is bound in the enclosing scope: yield/await rules of the outside apply;
        // an expression's name follows the function's own generator/async-ness
        int saved = ctx;
        if (!declaration) {
            ctx &= ~(CTX_YIELD | CTX_AWAIT | CTX_STATIC_BLOCK);
            if ((flags & F_GENERATOR) != 0) ctx |= CTX_YIELD;
            if ((flags & F_ASYNC) != 0) ctx |= CTX_AWAIT;
            if (module) ctx |= 0; // module code: await is reserved anyway (checked in checkIdentifier)
        }
        parseBindingIdentifier();
        ctx = saved;
    }

    /** Parameters and body; wraps everything since mark {@code m} into a node of {@code kind}. */
    private int parseFunctionRest(int flags, int extraCtx, int s, int m, int kind) {
        // when too deep, enter() has skipped to EOF, so what follows cannot descend further
        enter();
        try {
            return parseFunctionRestInner(flags, extraCtx, s, m, kind);
        } finally {
            exit();
        }
    }

    private int parseFunctionRestInner(int flags, int extraCtx, int s, int m, int kind) {
        int saved = ctx;
        int savedLabelBase = labelBase;
        int savedLabelTop = labelTop;
        int savedYield = lastYieldPos, savedAwait = lastAwaitPos;
        labelBase = labelTop;
        ctx = (ctx & (CTX_STRICT | CTX_CLASS_BODY)) | CTX_FUNCTION | CTX_NEW_TARGET | extraCtx;
        if ((flags & F_ASYNC) != 0) ctx |= CTX_AWAIT;
        if ((flags & F_GENERATOR) != 0) ctx |= CTX_YIELD;
        if (ts && tok == LT) parseTypeParameters();
        int paramsNode = parseFormalParameters();
        if (ts && tok == COLON) {
            next();
            parseReturnType();
        }
        int bodyStart = lx.tokenStart;
        boolean wasStrict = strict();
        int bm = t.mark();
        boolean madeStrict = false;
        if (tok == LBRACE) {
            next();
            madeStrict = parseDirectivesAndStatements(RBRACE, false);
            expect(RBRACE);
            t.finish(FUNCTION_BODY, bm, bodyStart, lastEnd, 0);
        } else if (ts && canInsertSemicolon()) {
            // an overload signature, or a declare / abstract function: no body
            if (kind != FUNCTION_EXPRESSION || tok == SEMICOLON) semicolonAfterSignature(kind);
        } else {
            error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, LBRACE);
            t.finish(FUNCTION_BODY, bm, bodyStart, lastEnd, 0);
        }
        boolean simple = isSimpleParameterList(paramsNode);
        if (madeStrict && !simple) error(bodyStart, bodyStart + 1, Diag.USE_STRICT_NON_SIMPLE, 0);
        boolean strictNow = strict();
        if (strictNow && !wasStrict) {
            // "use strict" in the body applies retroactively to the name and parameters
            int first = t.pending(m);
            if (t.kind(first) == BINDING_IDENTIFIER) checkStrictBindingName(first);
            checkStrictParams(paramsNode);
        }
        boolean uniqueParams = strictNow || !simple || (extraCtx & CTX_METHOD_LIKE) != 0 || kind == ARROW_FUNCTION;
        checkDuplicateParams(paramsNode, uniqueParams);
        // sloppy simple parameters may repeat a name; a module's may not
        if (!uniqueParams && autoGoal && !sloppyMattered && simpleParamsRepeatAName(paramsNode)) sloppyMattered = true;
        ctx = saved;
        labelBase = savedLabelBase;
        labelTop = savedLabelTop;
        lastYieldPos = savedYield;
        lastAwaitPos = savedAwait;
        return t.finish(kind, m, s, lastEnd, flags);
    }

    /** After a bodiless function declaration the statement ends; a method signature's `;` is the member's. */
    private void semicolonAfterSignature(int kind) {
        if (kind == FUNCTION_DECLARATION) semicolon();
    }

    /** Marker in extraCtx: methods, accessors and arrows never allow duplicate parameters. */
    private static final int CTX_METHOD_LIKE = 1 << 20;

    private int parseFormalParameters() {
        int s = lx.tokenStart;
        int m = t.mark();
        int saved = ctx;
        ctx |= CTX_PARAMS;
        if (!eat(LPAREN)) {
            errorExpected(LPAREN);
            ctx = saved;
            return t.finish(FORMAL_PARAMETERS, m, lastEnd, lastEnd, 0);
        }
        while (ts && tok != RPAREN && tok != EOF) {
            int before = lx.tokenStart;
            parseParameter();
            if (!eat(COMMA)) {
                if (tok != RPAREN) errorExpected(COMMA);
                if (tok != RPAREN && (tok == LBRACE || tok == SEMICOLON || tok == RBRACE || tok == EOF || tok == ARROW)) break;
                if (lx.tokenStart == before) next();
            }
        }
        while (tok != RPAREN && tok != EOF) {
            int ps = lx.tokenStart;
            if (tok == ELLIPSIS) {
                int rm = t.mark();
                next();
                parseBindingTarget();
                if (tok == ASSIGN) {
                    error(lx.tokenStart, lx.tokenEnd, Diag.REST_WITH_INITIALIZER, 0);
                    next();
                    parseAssignment();
                }
                t.finish(REST_ELEMENT, rm, ps, lastEnd, 0);
                if (tok == COMMA) {
                    error(lx.tokenStart, lx.tokenEnd, Diag.REST_PARAMETER_LAST, 0);
                    next();
                    continue;
                }
                break;
            }
            if (!(Token.isIdentifierLike(tok) || tok == LBRACKET || tok == LBRACE)) {
                error(ps, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                if (tok == LBRACE || tok == SEMICOLON || tok == RBRACE) break;
                next();
                errorNode(ps, lastEnd);
                if (!eat(COMMA) && tok != RPAREN) continue;
                continue;
            }
            parseBindingElement();
            if (!eat(COMMA)) {
                if (tok != RPAREN) errorExpected(COMMA);
                if (tok != RPAREN && (tok == LBRACE || tok == SEMICOLON || tok == RBRACE || tok == EOF)) break;
                if (tok != RPAREN && !(Token.isIdentifierLike(tok) || tok == LBRACKET || tok == LBRACE || tok == ELLIPSIS)) {
                    next();
                }
            }
        }
        expect(RPAREN);
        ctx = saved;
        return t.finish(FORMAL_PARAMETERS, m, s, lastEnd, 0);
    }

    private boolean isSimpleParameterList(int params) {
        for (int p = t.firstChild(params); p >= 0; p = t.nextSibling(p)) {
            int k = t.kind(p);
            if (k == PARAMETER) {
                // a typed name is simple; an initialiser, pattern or rest is not
                int first = t.firstChild(p);
                if (first < 0 || t.kind(first) != BINDING_IDENTIFIER) return false;
                for (int c = t.nextSibling(first); c >= 0; c = t.nextSibling(c)) if (!NodeKind.isType(t.kind(c))) return false;
                continue;
            }
            if (k != BINDING_IDENTIFIER) return false;
        }
        return true;
    }

    private void checkStrictParams(int params) {
        forEachBinding(params, true, false);
    }

    /** A simple parameter list (names, perhaps typed) names one parameter twice. Lists are short: pairs are compared. */
    private boolean simpleParamsRepeatAName(int params) {
        for (int p = t.firstChild(params); p >= 0; p = t.nextSibling(p)) {
            int name = t.kind(p) == PARAMETER ? t.data(t.firstChild(p)) : t.data(p);
            for (int q = t.nextSibling(p); q >= 0; q = t.nextSibling(q)) {
                if ((t.kind(q) == PARAMETER ? t.data(t.firstChild(q)) : t.data(q)) == name) return true;
            }
        }
        return false;
    }

    private void checkDuplicateParams(int params, boolean unique) {
        if (!unique) return;
        forEachBinding(params, false, true);
    }

    /** Walks the binding identifiers under a node (iteratively, with a scratch stack). */
    private void forEachBinding(int root, boolean strictNames, boolean duplicates) {
        int[] stack = scratch;
        int sp = 0;
        int seenCount = 0;
        int[] seen = seenScratch;
        for (int c = t.firstChild(root); c >= 0; c = t.nextSibling(c)) {
            if (sp == stack.length) stack = scratch = Arrays.copyOf(stack, sp * 2);
            stack[sp++] = c;
        }
        // source order: reverse so the first parameter pops first and duplicates point at the later one
        for (int i = 0, j = sp - 1; i < j; i++, j--) { int x = stack[i]; stack[i] = stack[j]; stack[j] = x; }
        while (sp > 0) {
            int n = stack[--sp];
            int k = t.kind(n);
            if (k == BINDING_IDENTIFIER) {
                if (strictNames) checkStrictBindingName(n);
                if (duplicates) {
                    int id = t.data(n);
                    for (int i = 0; i < seenCount; i++) {
                        if (seen[i] == id) {
                            error(t.start(n), t.end(n), Diag.DUPLICATE_PARAMETER, id);
                            break;
                        }
                    }
                    if (seenCount == seen.length) seen = seenScratch = Arrays.copyOf(seen, seenCount * 2);
                    seen[seenCount++] = id;
                }
            } else if (k == ASSIGNMENT_PATTERN || k == PARAMETER) {
                int target = t.firstChild(n);
                if (target >= 0) {
                    if (sp == stack.length) stack = scratch = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = target;
                }
            } else if (k == PROPERTY) {
                // key, value: only the value binds
                int key = t.firstChild(n);
                int value = key < 0 ? -1 : t.nextSibling(key);
                if (value >= 0) {
                    if (sp == stack.length) stack = scratch = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = value;
                }
            } else if (k == ARRAY_PATTERN || k == OBJECT_PATTERN || k == REST_ELEMENT) {
                for (int c = t.firstChild(n); c >= 0; c = t.nextSibling(c)) {
                    if (sp == stack.length) stack = scratch = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = c;
                }
            }
        }
    }

    private int[] seenScratch = new int[32];

    private void checkStrictBindingName(int n) {
        int id = t.data(n);
        if (id == nameEval || id == nameArguments) {
            error(t.start(n), t.end(n), Diag.EVAL_ARGUMENTS_STRICT, IDENTIFIER);
        } else if (!ambient && isStrictReservedName(n)) {
            error(t.start(n), t.end(n), Diag.STRICT_RESERVED_WORD, IDENTIFIER);
        }
    }

    private boolean isStrictReservedName(int n) {
        int k = Token.keywordOf(names_chars(n), 0, nameLen(n));
        return Token.isStrictReserved(k);
    }

    private final char[] nameBuf = new char[16];

    private char[] names_chars(int n) {
        int id = t.data(n);
        int len = Math.min(names.length(id), nameBuf.length);
        for (int i = 0; i < len; i++) nameBuf[i] = names.charAt(id, i);
        return nameBuf;
    }

    private int nameLen(int n) {
        int len = names.length(t.data(n));
        return len > nameBuf.length ? 0 : len;
    }

    // ------------------------------------------------------------------ bindings

    /** BindingIdentifier or BindingPattern. */
    private void parseBindingTarget() {
        if (tok == LBRACKET) parseArrayBindingPattern();
        else if (tok == LBRACE) parseObjectBindingPattern();
        else parseBindingIdentifier();
    }

    /** A binding target with an optional default. */
    private void parseBindingElement() {
        int s = lx.tokenStart;
        int m = t.mark();
        parseBindingTarget();
        if (tok == ASSIGN) {
            next();
            parseAssignment();
            t.finish(ASSIGNMENT_PATTERN, m, s, lastEnd, 0);
        }
    }

    private void parseBindingIdentifier() {
        int s = lx.tokenStart;
        if (Token.isIdentifierLike(tok) || Token.isReserved(tok)) {
            checkIdentifierReference(tok, lx.flags, s, lx.tokenEnd, true);
            int id = lx.internIdentifier();
            next();
            leaf(BINDING_IDENTIFIER, s, lastEnd, id);
        } else {
            error(s, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            errorNode(s, s);
        }
    }

    private void parseArrayBindingPattern() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (!enter()) { exit(); errorNode(s, s); return; }
        int savedCtx = ctx;
        ctx &= ~CTX_NO_IN;
        next();
        while (tok != RBRACKET && tok != EOF) {
            if (tok == COMMA) {
                int es = lx.tokenStart;
                next();
                leaf(ELISION, es, es, 0);
                continue;
            }
            int es = lx.tokenStart;
            if (tok == ELLIPSIS) {
                int rm = t.mark();
                next();
                parseBindingTarget();
                if (tok == ASSIGN) {
                    error(lx.tokenStart, lx.tokenEnd, Diag.REST_WITH_INITIALIZER, 0);
                    next();
                    parseAssignment();
                }
                t.finish(REST_ELEMENT, rm, es, lastEnd, 0);
                if (tok == COMMA) error(lx.tokenStart, lx.tokenEnd, Diag.REST_MUST_BE_LAST, 0);
            } else if (Token.isIdentifierLike(tok) || tok == LBRACKET || tok == LBRACE || Token.isReserved(tok)) {
                parseBindingElement();
            } else {
                error(es, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                if (tok == SEMICOLON || tok == RBRACE || tok == RPAREN) break;
                next();
                errorNode(es, lastEnd);
            }
            if (tok != RBRACKET) {
                if (!eat(COMMA)) { errorExpected(COMMA); if (tok == SEMICOLON || tok == RBRACE || tok == RPAREN || tok == ASSIGN) break; }
            }
        }
        expect(RBRACKET);
        ctx = savedCtx;
        exit();
        t.finish(ARRAY_PATTERN, m, s, lastEnd, 0);
    }

    private void parseObjectBindingPattern() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (!enter()) { exit(); errorNode(s, s); return; }
        int savedCtx = ctx;
        ctx &= ~CTX_NO_IN;
        next();
        while (tok != RBRACE && tok != EOF) {
            int ps = lx.tokenStart;
            int pm = t.mark();
            if (tok == ELLIPSIS) {
                next();
                parseBindingIdentifier();
                t.finish(REST_ELEMENT, pm, ps, lastEnd, 0);
                if (tok == COMMA) error(lx.tokenStart, lx.tokenEnd, Diag.REST_MUST_BE_LAST, 0);
            } else {
                if (tok == PRIVATE_NAME) error(lx.tokenStart, lx.tokenEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
                boolean identifierKey = Token.isIdentifierName(tok) && !(tok == LBRACKET);
                int keyTok = tok;
                int keyFlags = lx.flags;
                int keyStart = lx.tokenStart, keyEnd = lx.tokenEnd;
                int pflags = parsePropertyKey();
                if (pflags < 0) {
                    if (tok == SEMICOLON || tok == RPAREN) break;
                    next();
                    t.finish(INVALID, pm, ps, lastEnd, 0);
                    continue;
                }
                if (tok == COLON) {
                    next();
                    parseBindingElement();
                } else if (identifierKey && (pflags & P_COMPUTED) == 0) {
                    // shorthand: the key is also the binding
                    checkIdentifierReference(keyTok, keyFlags, keyStart, keyEnd, true);
                    int key = t.pending(t.mark() - 1);
                    int vm = t.mark();
                    leaf(BINDING_IDENTIFIER, keyStart, keyEnd, t.data(key));
                    if (tok == ASSIGN) {
                        next();
                        parseAssignment();
                        t.finish(ASSIGNMENT_PATTERN, vm, keyStart, lastEnd, 0);
                    }
                    pflags |= P_SHORTHAND;
                } else {
                    errorExpected(COLON);
                }
                t.finish(PROPERTY, pm, ps, lastEnd, pflags);
            }
            if (tok != RBRACE) {
                if (!eat(COMMA)) { errorExpected(COMMA); if (tok == SEMICOLON || tok == RPAREN || tok == ASSIGN) break; }
            }
        }
        expect(RBRACE);
        ctx = savedCtx;
        exit();
        t.finish(OBJECT_PATTERN, m, s, lastEnd, 0);
    }

    /**
     * Checks a token used as an identifier reference or binding. Reserved words never qualify;
     * strict mode reserves more; yield and await depend on the enclosing function.
     */
    private void checkIdentifierReference(int k, int flags, int s, int e, boolean binding) {
        if (Token.isReserved(k)) {
            error(s, e, Diag.RESERVED_WORD_AS_IDENTIFIER, k);
            return;
        }
        if (k == IDENTIFIER) {
            if (binding && (e - s == 4 || e - s == 9) && isEvalOrArguments(s, e) && strictHere()) {
                error(s, e, Diag.EVAL_ARGUMENTS_STRICT, IDENTIFIER);
            }
            if ((ctx & (CTX_STATIC_BLOCK | CTX_FIELD_INIT)) != 0 && !binding && e - s == 9 && isArguments(s, e)) {
                error(s, e, Diag.UNEXPECTED_TOKEN, IDENTIFIER);
            }
            return;
        }
        if (k == K_YIELD) {
            if ((ctx & CTX_YIELD) != 0 || (!ambient && strictHere())) error(s, e, Diag.STRICT_RESERVED_WORD, k);
            else if ((ctx & CTX_PARAMS) != 0 && (ctx & CTX_YIELD) != 0) error(s, e, Diag.YIELD_IN_PARAMETER, 0);
            return;
        }
        if (k == K_AWAIT) {
            if (ambient) {
                // a declaration that never runs (a .d.ts, `declare …`): TypeScript takes await as a name there;
                // a module may still read it as an await expression where one can stand (`export = await`)
                if (autoGoal && !module) sloppyMattered = true;
            } else if ((ctx & CTX_AWAIT) != 0 || module || (ctx & CTX_STATIC_BLOCK) != 0) {
                error(s, e, Diag.RESERVED_WORD_AS_IDENTIFIER, k);
            } else if (autoGoal) {
                sloppyMattered = true; // a module reserves await everywhere
            }
            lastAwaitIdentPos = s;
            return;
        }
        // ambient declarations (a .d.ts, `declare …`) never run: TypeScript applies no strict-mode name rule there
        if (Token.isStrictReserved(k) && !ambient && strictHere()) error(s, e, Diag.STRICT_RESERVED_WORD, k);
    }

    private boolean isEvalOrArguments(int s, int e) {
        int len = e - s;
        if (len == 4) return src[s] == 'e' && src[s + 1] == 'v' && src[s + 2] == 'a' && src[s + 3] == 'l';
        return isArguments(s, e);
    }

    private boolean isArguments(int s, int e) {
        if (e - s != 9) return false;
        String a = "arguments";
        for (int i = 0; i < 9; i++) if (src[s + i] != a.charAt(i)) return false;
        return true;
    }

    // ------------------------------------------------------------------ classes

    private int parseClass(boolean declaration, int s) {
        enter();
        try {
            return parseClassInner(declaration, s);
        } finally {
            exit();
        }
    }

    private int parseClassInner(boolean declaration, int s) {
        int m = pendingClassMark >= 0 ? pendingClassMark : t.mark();
        pendingClassMark = -1;
        int modifiers = classModifiers;
        classModifiers = 0;
        next(); // class
        int saved = ctx;
        ctx |= CTX_STRICT;
        if ((Token.isIdentifierLike(tok) && !(ts && tok == K_IMPLEMENTS && peek() != LBRACE)) || (Token.isReserved(tok) && tok != K_EXTENDS)) {
            parseBindingIdentifier();
        } else if (declaration && !classNameOptional) {
            error(lx.tokenStart, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
        }
        classNameOptional = false;
        if (ts && tok == LT) parseTypeParameters();
        boolean derived = false;
        if (tok == K_EXTENDS) {
            int hs = lx.tokenStart;
            int hm = t.mark();
            next();
            parseLeftHandSide();
            checkNotArrow(t.pending(t.mark() - 1));
            if (ts && tok == LT) parseTypeArguments();
            t.finish(CLASS_HERITAGE, hm, hs, lastEnd, 0);
            derived = true;
        }
        if (ts && atContextual(K_IMPLEMENTS)) parseHeritageClause(K_IMPLEMENTS);
        parseClassBody(derived);
        ctx = saved;
        return t.finish(declaration ? CLASS_DECLARATION : CLASS_EXPRESSION, m, s, lastEnd, modifiers);
    }

    private boolean classNameOptional;
    /** Mark of decorators parsed before a class, so they become the class's first children. */
    private int pendingClassMark = -1;

    /** `@a @b class …` (and `@a export class …` at statement level): decorators are children of the class. */
    private void parseDecoratedClass(int s, boolean declaration, boolean nameOptional) {
        int m = t.mark();
        while (tok == AT) parseDecorator();
        finishDecoratedClass(s, m, declaration, nameOptional);
    }

    private void finishDecoratedClass(int s, int m, boolean declaration, boolean nameOptional) {
        // `@d abstract class`, `@d declare abstract class`: TypeScript's parser takes both modifiers after decorators
        boolean declared = false;
        while (ts && (atContextual(K_ABSTRACT) || atContextual(K_DECLARE)) && !escaped()) {
            int pk = peek();
            if (pk != K_CLASS && pk != K_ABSTRACT && pk != K_DECLARE) break;
            if (tok == K_ABSTRACT) classModifiers |= MOD_ABSTRACT;
            else {
                classModifiers |= MOD_DECLARE;
                declared = true;
            }
            next();
        }
        if (tok == K_CLASS) {
            pendingClassMark = m;
            classNameOptional = nameOptional;
            boolean savedAmbient = ambient;
            if (declared) ambient = true;
            parseClass(declaration, s);
            ambient = savedAmbient;
        } else {
            errorExpected(K_CLASS);
            t.finish(INVALID, m, s, lastEnd, 0);
        }
    }

    /** A METHOD whose function has a body (TypeScript overload signatures have none). */
    private boolean hasBody(int method) {
        for (int c = t.firstChild(method); c >= 0; c = t.nextSibling(c)) {
            if (t.kind(c) == FUNCTION_EXPRESSION) {
                for (int d = t.firstChild(c); d >= 0; d = t.nextSibling(d)) if (t.kind(d) == FUNCTION_BODY) return true;
                return false;
            }
        }
        return true;
    }

    private void parseClassBody(boolean derived) {
        int s = lx.tokenStart;
        int m = t.mark();
        if (!eat(LBRACE)) {
            errorExpected(LBRACE);
            t.finish(CLASS_BODY, m, lastEnd, lastEnd, 0);
            return;
        }
        int saved = ctx;
        ctx |= CTX_CLASS_BODY;
        classDepth++;
        boolean seenConstructor = false;
        int privStart = privateTop;
        int savedPrivateBase = privateBase;
        privateBase = privateTop;
        int refBase = privateRefTop;
        while (tok != RBRACE && tok != EOF) {
            if (tok == SEMICOLON) { next(); continue; }
            int before = lx.tokenStart;
            if (!enter()) { exit(); break; }
            int member = parseClassMember(derived);
            exit();
            if (member >= 0 && t.kind(member) == METHOD && (t.data(member) & C_CONSTRUCTOR) != 0 && hasBody(member)) {
                if (seenConstructor) error(t.start(member), t.end(member), Diag.DUPLICATE_CONSTRUCTOR, 0);
                seenConstructor = true;
            }
            if (lx.tokenStart == before && tok != RBRACE && tok != EOF) {
                error(before, lx.tokenEnd, Diag.MEMBER_EXPECTED, 0);
                next();
                errorNode(before, lastEnd);
            }
        }
        resolvePrivateReferences(refBase, outermostClass());
        classDepth--;
        privateTop = privStart;
        privateBase = savedPrivateBase;
        ctx = saved;
        expect(RBRACE);
        t.finish(CLASS_BODY, m, s, lastEnd, 0);
    }

    // private names declared in the current class bodies: name id and kind bits (1 getter, 2 setter, 4 static, 8 other)
    private int[] privateNames = new int[16];
    private int[] privateKinds = new int[16];
    private int privateTop;
    private int privateBase;
    private int classDepth;

    // private names referenced in the current class bodies, resolved when each body ends
    private int[] privateRefs = new int[16];
    private int[] privateRefStart = new int[16];
    private int[] privateRefEnd = new int[16];
    private int privateRefTop;

    private boolean outermostClass() { return classDepth == 1; }

    private void notePrivateReference(int id, int s, int e) {
        if (privateRefTop == privateRefs.length) {
            privateRefs = Arrays.copyOf(privateRefs, privateRefTop * 2);
            privateRefStart = Arrays.copyOf(privateRefStart, privateRefTop * 2);
            privateRefEnd = Arrays.copyOf(privateRefEnd, privateRefTop * 2);
        }
        privateRefs[privateRefTop] = id;
        privateRefStart[privateRefTop] = s;
        privateRefEnd[privateRefTop] = e;
        privateRefTop++;
    }

    /**
     * At the end of a class body: references to names it declares are resolved; the others move to
     * the enclosing class, or are errors when there is none.
     */
    private void resolvePrivateReferences(int refBase, boolean outermost) {
        int keep = refBase;
        for (int r = refBase; r < privateRefTop; r++) {
            int id = privateRefs[r];
            boolean declared = false;
            for (int i = privateBase; i < privateTop; i++) {
                if (privateNames[i] == id) { declared = true; break; }
            }
            if (declared) continue;
            if (outermost) {
                error(privateRefStart[r], privateRefEnd[r], Diag.UNDECLARED_PRIVATE_NAME_IN_CLASS, id);
                continue;
            }
            privateRefs[keep] = id;
            privateRefStart[keep] = privateRefStart[r];
            privateRefEnd[keep] = privateRefEnd[r];
            keep++;
        }
        privateRefTop = keep;
    }

    private void declarePrivate(int id, int kindBits, int s, int e) {
        for (int i = privateTop - 1; i >= privateBase; i--) {
            if (privateNames[i] == id) {
                int other = privateKinds[i];
                boolean accessorPair = ((other & 3) != 0 && (kindBits & 3) != 0 && (other & 3) != (kindBits & 3)
                        && (other & 4) == (kindBits & 4) && (other & 8) == 0 && (kindBits & 8) == 0);
                if (accessorPair) {
                    privateKinds[i] = other | kindBits;
                    return;
                }
                error(s, e, Diag.DUPLICATE_PRIVATE_NAME, id);
                return;
            }
        }
        if (privateTop == privateNames.length) {
            privateNames = Arrays.copyOf(privateNames, privateTop * 2);
            privateKinds = Arrays.copyOf(privateKinds, privateTop * 2);
        }
        privateNames[privateTop] = id;
        privateKinds[privateTop] = kindBits;
        privateTop++;
    }

    /** Returns the member node, or -1 when nothing was parsed. */
    private int parseClassMember(boolean derived) {
        int s = lx.tokenStart;
        int m = t.mark();
        while (tok == AT) parseDecorator();
        int flags = 0;
        // modifiers, unless the word is the member's name (`static() {}`, `readonly = 1`)
        while (true) {
            if (atContextual(K_STATIC) && (flags & C_STATIC) == 0) {
                int pk = peek();
                if (pk == LBRACE && flags == 0) {
                    next();
                    return parseStaticBlock(s, m);
                }
                if (isClassMemberNameStart(pk) && !(pk == ASSIGN || pk == SEMICOLON || pk == RBRACE || pk == LPAREN
                        || (ts && (pk == QUESTION || pk == BANG || pk == COLON || pk == LT)))) {
                    next();
                    flags |= C_STATIC;
                    continue;
                }
                break;
            }
            if (atContextual(K_ACCESSOR) && (flags & C_ACCESSOR) == 0) {
                int pk = peek();
                if (isClassMemberNameStart(pk) && peekNewline == 0 && !(pk == ASSIGN || pk == SEMICOLON || pk == RBRACE || pk == LPAREN
                        || (ts && (pk == QUESTION || pk == BANG || pk == COLON || pk == LT)))) {
                    next();
                    flags |= C_ACCESSOR;
                    continue;
                }
                break;
            }
            if (ts && isTypeMemberModifier() && (flags & modifierFlag(tok)) == 0) {
                flags |= modifierFlag(tok);
                next();
                continue;
            }
            break;
        }
        if (ts && tok == LBRACKET && isIndexSignature()) {
            parseIndexSignatureRest(s, m, flags);
            semicolonAfterField();
            return t.pending(t.mark() - 1);
        }
        int fnFlags = 0;
        if ((flags & C_ACCESSOR) == 0 && atContextual(K_ASYNC)) {
            int pk = peek();
            if (peekNewline == 0 && (isClassMemberNameStart(pk) || pk == STAR) && pk != LPAREN && pk != ASSIGN && pk != SEMICOLON && pk != RBRACE) {
                next();
                fnFlags |= F_ASYNC;
            }
        }
        if ((flags & C_ACCESSOR) == 0 && tok == STAR) {
            next();
            fnFlags |= F_GENERATOR;
        }
        if ((flags & C_ACCESSOR) == 0 && fnFlags == 0 && (atContextual(K_GET) || atContextual(K_SET))) {
            int pk = peek();
            if (isClassMemberNameStart(pk) && pk != LPAREN && pk != ASSIGN && pk != SEMICOLON && pk != RBRACE) {
                flags |= tok == K_GET ? P_GET : P_SET;
                next();
            }
        }
        int keyTok = tok;
        int keyStart = lx.tokenStart;
        int keyEnd = lx.tokenEnd;
        boolean isPrivate = tok == PRIVATE_NAME;
        if (!(Token.isIdentifierName(tok) || tok == STRING || tok == NUMBER || tok == BIGINT || tok == LBRACKET || tok == PRIVATE_NAME)) {
            error(keyStart, keyEnd, Diag.MEMBER_EXPECTED, 0);
            t.truncate(m);
            return -1;
        }
        int keyFlags = parsePropertyKey();
        if (keyFlags < 0) {
            t.truncate(m);
            return -1;
        }
        flags |= keyFlags;
        int key = t.pending(t.mark() - 1);
        boolean computed = (keyFlags & P_COMPUTED) != 0;
        boolean namedConstructor = !computed && !isPrivate && isConstructorKey(key);
        if (isPrivate) {
            if (t.data(key) == nameConstructor) error(keyStart, keyEnd, Diag.PRIVATE_CONSTRUCTOR_NAME, 0);
        }
        if (ts) {
            if (tok == QUESTION) { next(); flags |= P_OPTIONAL; }
            else if (tok == BANG && !lx.newlineBefore) { next(); flags |= P_DEFINITE; }
        }
        if (tok == LPAREN || (ts && tok == LT) || (flags & (P_GET | P_SET)) != 0 || fnFlags != 0) {
            // method
            int extra = CTX_METHOD_LIKE | CTX_SUPER_PROP;
            boolean isCtor = namedConstructor && (flags & C_STATIC) == 0;
            if (isCtor) {
                if ((flags & (P_GET | P_SET)) != 0 || fnFlags != 0) error(keyStart, keyEnd, Diag.CONSTRUCTOR_SPECIAL, 0);
                flags |= C_CONSTRUCTOR;
                if (derived) extra |= CTX_SUPER_CALL;
            }
            if ((flags & C_STATIC) != 0 && !computed && !isPrivate && isNamed(key, namePrototype)) {
                error(keyStart, keyEnd, Diag.STATIC_PROTOTYPE, 0);
            }
            if (isPrivate) declarePrivate(t.data(key), ((flags & P_GET) != 0 ? 1 : (flags & P_SET) != 0 ? 2 : 8) | ((flags & C_STATIC) != 0 ? 4 : 0), keyStart, keyEnd);
            int fm = t.mark();
            int fn = parseFunctionRest(fnFlags, extra, lx.tokenStart, fm, FUNCTION_EXPRESSION);
            checkAccessorParams(flags, fn);
            return t.finish(METHOD, m, s, lastEnd, flags | P_METHOD);
        }
        // field
        if (namedConstructor) error(keyStart, keyEnd, Diag.CLASS_FIELD_CONSTRUCTOR, 0);
        if ((flags & C_STATIC) != 0 && !computed && !isPrivate && isNamed(key, namePrototype)) {
            error(keyStart, keyEnd, Diag.STATIC_PROTOTYPE, 0);
        }
        if (isPrivate) declarePrivate(t.data(key), 8 | ((flags & C_STATIC) != 0 ? 4 : 0), keyStart, keyEnd);
        parseTypeAnnotationOpt();
        if (tok == ASSIGN) {
            next();
            int saved = ctx;
            int savedLabelBase = labelBase;
            labelBase = labelTop;
            ctx = (ctx & (CTX_STRICT | CTX_CLASS_BODY)) | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_FIELD_INIT;
            parseAssignment();
            ctx = saved;
            labelBase = savedLabelBase;
        }
        semicolonAfterField();
        return t.finish(FIELD, m, s, lastEnd, flags);
    }

    private void semicolonAfterField() {
        if (tok == SEMICOLON) { next(); return; }
        if (tok == RBRACE || tok == EOF || lx.newlineBefore) return;
        error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, SEMICOLON);
    }

    private int parseStaticBlock(int s, int m) {
        int saved = ctx;
        int savedLabelBase = labelBase;
        labelBase = labelTop;
        ctx = (ctx & (CTX_STRICT | CTX_CLASS_BODY)) | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_STATIC_BLOCK;
        expect(LBRACE);
        parseStatementList(RBRACE, false);
        expect(RBRACE);
        ctx = saved;
        labelBase = savedLabelBase;
        return t.finish(STATIC_BLOCK, m, s, lastEnd, C_STATIC);
    }

    private void checkAccessorParams(int flags, int fn) {
        if ((flags & (P_GET | P_SET)) == 0) return;
        int params = t.firstChild(fn);
        while (params >= 0 && t.kind(params) != FORMAL_PARAMETERS) params = t.nextSibling(params);
        if (params < 0) return;
        int count = 0;
        boolean rest = false;
        for (int p = t.firstChild(params); p >= 0; p = t.nextSibling(p)) {
            count++;
            if (t.kind(p) == REST_ELEMENT) rest = true;
        }
        if ((flags & P_GET) != 0 && count != 0) error(t.start(params), t.end(params), Diag.GETTER_PARAMETERS, 0);
        if ((flags & P_SET) != 0) {
            if (count != 1) error(t.start(params), t.end(params), Diag.SETTER_PARAMETERS, 0);
            else if (rest) error(t.start(params), t.end(params), Diag.SETTER_REST, 0);
        }
    }

    private boolean isClassMemberNameStart(int k) {
        return Token.isIdentifierName(k) || k == STRING || k == NUMBER || k == BIGINT || k == LBRACKET
                || k == PRIVATE_NAME || k == STAR || k == LPAREN || k == ASSIGN || k == SEMICOLON || k == RBRACE;
    }

    private boolean isConstructorKey(int key) {
        int k = t.kind(key);
        if (k == IDENTIFIER_NAME) return t.data(key) == nameConstructor;
        if (k == STRING_LITERAL) {
            int s = t.start(key), e = t.end(key);
            if (e - s != 13) return false;
            String c = "constructor";
            for (int i = 0; i < 11; i++) if (src[s + 1 + i] != c.charAt(i)) return false;
            return true;
        }
        return false;
    }

    private boolean isNamed(int key, int nameId) {
        int k = t.kind(key);
        if (k == IDENTIFIER_NAME) return t.data(key) == nameId;
        if (k == STRING_LITERAL) {
            int s = t.start(key) + 1, e = t.end(key) - 1;
            int len = names.length(nameId);
            if (e - s != len) return false;
            for (int i = 0; i < len; i++) if (src[s + i] != names.charAt(nameId, i)) return false;
            return true;
        }
        return false;
    }

    private void parseDecorator() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        if (!enter()) { exit(); t.finish(DECORATOR, m, s, lastEnd, 0); return; }
        parseLeftHandSide();
        exit();
        t.finish(DECORATOR, m, s, lastEnd, 0);
    }

    /**
     * Property key of an object literal or class member. Pushes one node and returns P_COMPUTED or 0,
     * or -1 (nothing pushed) when the token cannot start a key.
     */
    private int parsePropertyKey() {
        int s = lx.tokenStart;
        switch (tok) {
            case STRING: checkStringStrict(); next(); leaf(STRING_LITERAL, s, lastEnd, 0); return 0;
            case NUMBER: {
                checkNumberStrict();
                next();
                leaf(NUMBER_LITERAL, s, lastEnd, 0);
                return 0;
            }
            case BIGINT: next(); leaf(BIGINT_LITERAL, s, lastEnd, 0); return 0;
            case PRIVATE_NAME: {
                if ((ctx & CTX_CLASS_BODY) == 0) error(s, lx.tokenEnd, Diag.UNDECLARED_PRIVATE_NAME, 0);
                int id = lx.internIdentifier();
                next();
                leaf(PRIVATE_IDENTIFIER, s, lastEnd, id);
                return 0;
            }
            case LBRACKET: {
                next();
                int saved = ctx;
                ctx &= ~CTX_NO_IN;
                parseAssignment();
                ctx = saved;
                expect(RBRACKET);
                return P_COMPUTED;
            }
            default:
                if (Token.isIdentifierName(tok)) {
                    int id = lx.internIdentifier();
                    next();
                    leaf(IDENTIFIER_NAME, s, lastEnd, id);
                    return 0;
                }
                error(s, lx.tokenEnd, Diag.PROPERTY_ASSIGNMENT_EXPECTED, 0);
                return -1;
        }
    }

    private void checkNumberStrict() {
        if ((lx.flags & (Lexer.F_LEGACY_OCTAL | Lexer.F_LEADING_ZERO_DECIMAL)) != 0 && strictHere()) {
            error(lx.tokenStart, lx.tokenEnd, (lx.flags & Lexer.F_LEGACY_OCTAL) != 0 ? Diag.OCTAL_LITERAL_STRICT : Diag.DECIMAL_LEADING_ZERO_STRICT, 0);
        }
    }

    private void checkStringStrict() {
        if ((lx.flags & Lexer.F_OCTAL_ESCAPE) != 0 && strictHere()) {
            error(lx.tokenStart, lx.tokenEnd, Diag.OCTAL_ESCAPE_STRICT, 0);
        }
    }

    // ------------------------------------------------------------------ modules

    private void parseImportDeclaration(boolean topLevel) {
        int s = lx.tokenStart;
        int m = t.mark();
        if ((!module && !autoGoal) || !topLevel) error(s, lx.tokenEnd, Diag.IMPORT_EXPORT_TOP_LEVEL, 0);
        boolean sawModuleSyntaxBefore = sawModuleSyntax;
        if (moduleBlockDepth == 0) sawModuleSyntax = true;
        next();
        int phase = 0;
        if (ts && atContextual(K_TYPE)) {
            int pk = peek();
            boolean typeOnly = pk == LBRACE || pk == STAR
                    || (Token.isIdentifierLike(pk) && !(pk == K_FROM && peek2() == STRING));
            if (typeOnly) {
                next();
                phase = MOD_TYPE_ONLY;
            }
        }
        // TypeScript's parser knows `import defer` but not the source phase (`import source x from`)
        if ((atContextual(K_SOURCE) && !ts) || atContextual(K_DEFER)) {
            int pk = peek();
            boolean isPhase = tok == K_SOURCE ? Token.isIdentifierLike(pk) && pk != K_FROM : pk == STAR;
            if (tok == K_SOURCE && pk == K_FROM) {
                // `import source from "x"` imports a binding named source; `import source from from "x"` is a phase import
                int k2 = peek2();
                isPhase = k2 == K_FROM;
            }
            if (isPhase) {
                phase = tok == K_SOURCE ? 1 : 2;
                next();
            }
        }
        if (tok == STRING) {
            parseModuleSpecifier();
        } else {
            boolean any = false;
            if (Token.isIdentifierLike(tok) || (Token.isReserved(tok) && tok != K_DEFAULT)) {
                int ds = lx.tokenStart;
                int dm = t.mark();
                parseBindingIdentifier();
                if (ts && tok == ASSIGN) {
                    // import x = require("m") / import x = A.B; only the first makes a module, as in TypeScript
                    if (!parseImportEqualsRest(s, m, phase == MOD_TYPE_ONLY ? 1 : 0)) sawModuleSyntax = sawModuleSyntaxBefore;
                    return;
                }
                t.finish(IMPORT_DEFAULT_SPECIFIER, dm, ds, lastEnd, 0);
                any = true;
                if (!eat(COMMA)) {
                    if (tok == STAR || tok == LBRACE) errorExpected(COMMA); // import a { b } from "m"
                } else if (tok != STAR && tok != LBRACE) {
                    error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, LBRACE);
                }
            }
            if (tok == STAR) {
                int ns = lx.tokenStart;
                int nm = t.mark();
                next();
                if (atContextual(K_AS)) next(); else errorExpected(K_AS);
                parseBindingIdentifier();
                t.finish(IMPORT_NAMESPACE_SPECIFIER, nm, ns, lastEnd, 0);
                any = true;
            } else if (tok == LBRACE) {
                next();
                while (tok != RBRACE && tok != EOF) {
                    int is = lx.tokenStart;
                    int im = t.mark();
                    if (ts && atContextual(K_TYPE)) {
                        int pk = peek();
                        if (Token.isIdentifierName(pk) && pk != K_AS || (pk == K_AS && peek2() != COMMA && peek2() != RBRACE)
                                || pk == STRING) {
                            next(); // inline `type` modifier
                        }
                    }
                    int nameTok = tok;
                    int nameFlags = lx.flags;
                    int nameStart = lx.tokenStart; // after an inline `type`, which is the specifier's, not the name's
                    int nameEnd = lx.tokenEnd;
                    if (tok == STRING) {
                        checkWellFormedModuleString();
                        next();
                        leaf(STRING_LITERAL, nameStart, lastEnd, 0);
                        if (atContextual(K_AS)) next(); else errorExpected(K_AS);
                        parseBindingIdentifier();
                    } else if (Token.isIdentifierName(tok)) {
                        int id = lx.internIdentifier();
                        next();
                        if (atContextual(K_AS)) {
                            leaf(IDENTIFIER_NAME, nameStart, lastEnd, id);
                            next();
                            parseBindingIdentifier();
                        } else {
                            leaf(IDENTIFIER_NAME, nameStart, lastEnd, id);
                            checkIdentifierReference(nameTok, nameFlags, nameStart, nameEnd, true);
                            leaf(BINDING_IDENTIFIER, nameStart, nameEnd, id);
                        }
                    } else {
                        error(is, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                        if (tok == SEMICOLON || tok == K_FROM) break;
                        next();
                        t.finish(INVALID, im, is, lastEnd, 0);
                        continue;
                    }
                    t.finish(IMPORT_SPECIFIER, im, is, lastEnd, 0);
                    if (tok != RBRACE && !eat(COMMA)) { errorExpected(COMMA); if (!Token.isIdentifierName(tok) && tok != STRING) break; }
                }
                expect(RBRACE);
                any = true;
            }
            if (!any) error(lx.tokenStart, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            if (atContextual(K_FROM)) next(); else errorExpected(K_FROM);
            parseModuleSpecifier();
        }
        parseImportAttributes();
        semicolon();
        t.finish(IMPORT_DECLARATION, m, s, lastEnd, phase);
    }

    private void parseModuleSpecifier() {
        if (tok == STRING) {
            int s = lx.tokenStart;
            next();
            leaf(STRING_LITERAL, s, lastEnd, 0);
        } else {
            error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, STRING);
            errorNode(lx.tokenStart, lx.tokenStart);
        }
    }

    private void checkWellFormedModuleString() {
        // a module export name must not contain lone surrogates
        int s = lx.tokenStart, e = lx.tokenEnd;
        String v = dev.arenals.parser.lexer.Literals.cookString(src, s, e);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) { i++; continue; }
                error(s, e, Diag.STRING_EXPORT_NAME, 0);
                return;
            }
            if (Character.isLowSurrogate(c)) { error(s, e, Diag.STRING_EXPORT_NAME, 0); return; }
        }
    }

    private void parseImportAttributes() {
        if (tok == K_WITH) {
            int s = lx.tokenStart;
            int m = t.mark();
            next();
            expect(LBRACE);
            int count = 0;
            while (tok != RBRACE && tok != EOF) {
                int as = lx.tokenStart;
                int am = t.mark();
                if (tok == STRING) {
                    next();
                    leaf(STRING_LITERAL, as, lastEnd, 0);
                } else if (Token.isIdentifierName(tok)) {
                    int id = lx.internIdentifier();
                    next();
                    leaf(IDENTIFIER_NAME, as, lastEnd, id);
                } else {
                    error(as, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                    break;
                }
                expect(COLON);
                parseModuleSpecifier();
                t.finish(IMPORT_ATTRIBUTE, am, as, lastEnd, 0);
                checkDuplicateAttribute(m, count);
                count++;
                if (tok != RBRACE && !eat(COMMA)) { errorExpected(COMMA); break; }
            }
            expect(RBRACE);
            t.finish(IMPORT_ATTRIBUTES, m, s, lastEnd, 0);
        }
    }

    private void checkDuplicateAttribute(int m, int count) {
        int last = t.pending(t.mark() - 1);
        int lastKey = t.firstChild(last);
        for (int i = m; i < t.mark() - 1; i++) {
            int other = t.firstChild(t.pending(i));
            if (other >= 0 && lastKey >= 0 && sameKeyText(other, lastKey)) {
                error(t.start(lastKey), t.end(lastKey), Diag.DUPLICATE_EXPORT, -1);
                return;
            }
        }
    }

    private boolean sameKeyText(int a, int b) {
        String x = keyText(a), y = keyText(b);
        return x != null && x.equals(y);
    }

    private String keyText(int n) {
        if (t.kind(n) == STRING_LITERAL) return dev.arenals.parser.lexer.Literals.cookString(src, t.start(n), t.end(n));
        if (t.kind(n) == IDENTIFIER_NAME) return names.name(t.data(n));
        return null;
    }

    /** Mark of decorators written before `export` (`@dec export class C {}`). */
    private int pendingExportMark = -1;

    private void parseExportDeclaration(boolean topLevel) {
        int s = lx.tokenStart;
        int m = t.mark();
        if (pendingExportMark >= 0) {
            m = pendingExportMark;
            s = t.start(t.pending(m));
            pendingExportMark = -1;
        }
        if ((!module && !autoGoal) || !topLevel) error(s, lx.tokenEnd, Diag.EXPORT_TOP_LEVEL, 0);
        if (moduleBlockDepth == 0) sawModuleSyntax = true;
        next();
        if (ts) {
            if (tok == ASSIGN) {
                // export = expression
                next();
                parseAssignment();
                semicolon();
                t.finish(EXPORT_ASSIGNMENT, m, s, lastEnd, 0);
                return;
            }
            if (atContextual(K_AS) && peek() == K_NAMESPACE) {
                next();
                next();
                parseBindingIdentifierAnyWord();
                semicolon();
                t.finish(NAMESPACE_EXPORT, m, s, lastEnd, 0);
                return;
            }
            if (tok == K_IMPORT && !escaped()) {
                // export import A = B.C
                int is = lx.tokenStart;
                int im = t.mark();
                next();
                parseBindingIdentifier();
                if (tok == ASSIGN) parseImportEqualsRest(is, im, 2); else errorExpected(ASSIGN);
                t.finish(EXPORT_NAMED, m, s, lastEnd, 0);
                return;
            }
            if (atContextual(K_TYPE)) {
                int pk = peek();
                if (pk == LBRACE || pk == STAR) next(); // export type { A } / export type * from
            }
            if (tok != K_DEFAULT && tok != STAR && tok != LBRACE && tryParseTypeScriptDeclaration(lx.tokenStart, t.mark(), MOD_EXPORT)) {
                t.finish(EXPORT_NAMED, m, s, lastEnd, 0);
                return;
            }
        }
        if (tok == K_DEFAULT) {
            if (escaped()) error(lx.tokenStart, lx.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
            next();
            int ds = lx.tokenStart;
            if (ts && (atContextual(K_INTERFACE) || atContextual(K_ABSTRACT)) && tryParseTypeScriptDeclaration(ds, t.mark(), MOD_EXPORT | MOD_DEFAULT)) {
                t.finish(EXPORT_DEFAULT, m, s, lastEnd, 0);
                return;
            }
            if (tok == K_FUNCTION) {
                parseFunctionDeclaration(ds, 0, true);
            } else if (atContextual(K_ASYNC) && isAsyncFunction()) {
                next();
                parseFunctionDeclaration(ds, F_ASYNC, true);
            } else if (tok == K_CLASS) {
                classNameOptional = true;
                parseClass(true, ds);
            } else if (tok == AT) {
                parseDecoratedClass(ds, true, true);
            } else {
                parseAssignment();
                semicolon();
            }
            t.finish(EXPORT_DEFAULT, m, s, lastEnd, 0);
            return;
        }
        if (tok == STAR) {
            next();
            if (atContextual(K_AS)) {
                next();
                parseModuleExportName();
            }
            if (atContextual(K_FROM)) next(); else errorExpected(K_FROM);
            parseModuleSpecifier();
            parseImportAttributes();
            semicolon();
            t.finish(EXPORT_ALL, m, s, lastEnd, 0);
            return;
        }
        if (tok == LBRACE) {
            next();
            int firstSpec = t.mark();
            while (tok != RBRACE && tok != EOF) {
                if (ts && atContextual(K_TYPE)) {
                    int pk = peek();
                    if ((Token.isIdentifierName(pk) && pk != K_AS) || pk == STRING || (pk == K_AS && peek2() != COMMA && peek2() != RBRACE)) next();
                }
                int es = lx.tokenStart;
                int em = t.mark();
                if (!parseModuleExportName()) {
                    if (tok == SEMICOLON) break;
                    next();
                    t.finish(INVALID, em, es, lastEnd, 0);
                    continue;
                }
                if (atContextual(K_AS)) {
                    next();
                    parseModuleExportName();
                }
                t.finish(EXPORT_SPECIFIER, em, es, lastEnd, 0);
                if (tok != RBRACE && !eat(COMMA)) { errorExpected(COMMA); if (!Token.isIdentifierName(tok) && tok != STRING) break; }
            }
            expect(RBRACE);
            boolean fromClause = false;
            if (atContextual(K_FROM)) {
                next();
                parseModuleSpecifier();
                parseImportAttributes();
                fromClause = true;
            }
            if (!fromClause) {
                // local exports must name bindings: reserved words and strings are only re-exports
                for (int i = firstSpec; i < t.mark(); i++) {
                    int spec = t.pending(i);
                    if (t.kind(spec) != EXPORT_SPECIFIER) continue;
                    int local = t.firstChild(spec);
                    if (local < 0) continue;
                    if (t.kind(local) == STRING_LITERAL) {
                        error(t.start(local), t.end(local), Diag.STRING_EXPORT_NAME, 0);
                    } else {
                        int k = Token.keywordOf(src, t.start(local), t.end(local));
                        // a JavaScript module rejects `export { await }`; TypeScript's parser accepts it
                        if (k == K_AWAIT && !module && autoGoal && !ts) sloppyMattered = true;
                        if (Token.isReserved(k) || ((k == K_AWAIT) && module && !ts) || Token.isStrictReserved(k)) {
                            error(t.start(local), t.end(local), Diag.RESERVED_WORD_AS_IDENTIFIER, k);
                        }
                    }
                }
            }
            semicolon();
            t.finish(EXPORT_NAMED, m, s, lastEnd, 0);
            return;
        }
        // export declaration
        switch (tok) {
            case K_VAR: parseVariableStatement(VAR_VAR); break;
            case K_CONST: parseVariableStatement(VAR_CONST); break;
            case K_LET: parseVariableStatement(VAR_LET); break;
            case K_FUNCTION: parseFunctionDeclaration(lx.tokenStart, 0, false); break;
            case K_CLASS: parseClass(true, lx.tokenStart); break;
            case AT:
                parseDecoratedClass(lx.tokenStart, true, false);
                break;
            default:
                if (atContextual(K_ASYNC) && isAsyncFunction()) {
                    int fs = lx.tokenStart;
                    next();
                    parseFunctionDeclaration(fs, F_ASYNC, false);
                } else if (atContextual(K_USING) && isUsingDeclaration()) {
                    parseVariableStatement(VAR_USING);
                } else if (atContextual(K_AWAIT) && isAwaitUsingDeclaration()) {
                    parseVariableStatement(VAR_AWAIT_USING);
                } else {
                    error(lx.tokenStart, lx.tokenEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
                }
        }
        t.finish(EXPORT_NAMED, m, s, lastEnd, 0);
    }

    private boolean parseModuleExportName() {
        int s = lx.tokenStart;
        if (tok == STRING) {
            checkWellFormedModuleString();
            next();
            leaf(STRING_LITERAL, s, lastEnd, 0);
            return true;
        }
        if (Token.isIdentifierName(tok)) {
            int id = lx.internIdentifier();
            next();
            leaf(IDENTIFIER_NAME, s, lastEnd, id);
            return true;
        }
        error(s, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
        return false;
    }

    // ------------------------------------------------------------------ expressions

    private int arrowEndPos = -1;

    private boolean afterArrow() { return arrowEndPos == lastEnd && arrowEndPos >= 0; }

    /** Expression (comma-separated), reporting unconverted cover grammar. */
    private void parseExpression() {
        int s = lx.tokenStart;
        int m = t.mark();
        int saved = ctx;
        parseAssignment();
        if (tok == COMMA) {
            while (eat(COMMA)) parseAssignment();
            t.finish(SEQUENCE, m, s, lastEnd, 0);
        }
        ctx = saved;
    }

    /** Expression whose single assignment operand may still become a pattern (for-in/of heads). */
    private void parseExpressionCover() {
        int s = lx.tokenStart;
        int m = t.mark();
        parseAssignmentCover();
        if (tok == COMMA) {
            reportCoverInit();
            while (eat(COMMA)) parseAssignment();
            t.finish(SEQUENCE, m, s, lastEnd, 0);
        }
    }

    private void reportCoverInit() {
        if (coverInitPos >= 0) {
            error(coverInitPos, coverInitPos + 1, coverIsProto ? Diag.DUPLICATE_PROTO : Diag.INVALID_USE_OF_SHORTHAND_INIT, 0);
            coverInitPos = -1;
        }
    }

    private boolean coverIsProto;

    private void noteCover(int pos, boolean proto) {
        if (coverInitPos < 0) {
            coverInitPos = pos;
            coverIsProto = proto;
        }
    }

    private void parseAssignment() {
        int saved = coverInitPos;
        boolean savedProto = coverIsProto;
        coverInitPos = -1;
        parseAssignmentCover();
        reportCoverInit();
        coverInitPos = saved;
        coverIsProto = savedProto;
    }

    private void parseAssignmentCover() {
        if (!enter()) {
            exit();
            errorNode(lx.tokenStart, lx.tokenStart);
            return;
        }
        try {
            parseAssignmentInner();
        } finally {
            exit();
        }
    }

    private void parseAssignmentInner() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (tok == K_YIELD && (ctx & CTX_YIELD) != 0) {
            if (escaped()) error(s, lx.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
            parseYield();
            return;
        }
        int savedCover = coverInitPos;
        boolean savedProto = coverIsProto;
        coverInitPos = -1;
        parseConditional();
        // assignmentAfterConditional's body, written out: this runs for every expression, and C1
        // (which `check` runs on) does not inline a callee this size
        int lhs = t.pending(t.mark() - 1);
        if (Token.isAssignment(tok) && !afterArrow()) {
            int op = tok;
            int lk = t.kind(lhs);
            if (op == ASSIGN && (lk == OBJECT || lk == ARRAY)) {
                toAssignmentTarget(lhs, true);
                coverInitPos = -1;
            } else {
                reportCoverInit();
                checkSimpleTarget(lhs, op, false);
            }
            next();
            parseAssignment();
            t.finish(ASSIGNMENT, m, s, lastEnd, op);
            coverInitPos = savedCover;
            coverIsProto = savedProto;
            return;
        }
        int lk = t.kind(lhs);
        if (coverInitPos >= 0 && lk != OBJECT && lk != ARRAY) reportCoverInit();
        if (coverInitPos < 0) {
            coverInitPos = savedCover;
            coverIsProto = savedProto;
        }
    }

    /**
     * The rest of an AssignmentExpression starting at {@code s} (mark {@code m}) whose conditional
     * part has just been parsed (for a conditional chain's last alternate; parseAssignmentInner has
     * the same lines inline): {@code = value} when there is one, and the cover grammar's
     * bookkeeping either way ({@code savedCover}/{@code savedProto}: the state before it).
     */
    private void assignmentAfterConditional(int s, int m, int savedCover, boolean savedProto) {
        int lhs = t.pending(t.mark() - 1);
        if (Token.isAssignment(tok) && !afterArrow()) {
            int op = tok;
            int lk = t.kind(lhs);
            if (op == ASSIGN && (lk == OBJECT || lk == ARRAY)) {
                toAssignmentTarget(lhs, true);
                coverInitPos = -1;
            } else {
                reportCoverInit();
                checkSimpleTarget(lhs, op, false);
            }
            next();
            parseAssignment();
            t.finish(ASSIGNMENT, m, s, lastEnd, op);
            coverInitPos = savedCover;
            coverIsProto = savedProto;
            return;
        }
        int lk = t.kind(lhs);
        if (coverInitPos >= 0 && lk != OBJECT && lk != ARRAY) reportCoverInit();
        if (coverInitPos < 0) {
            coverInitPos = savedCover;
            coverIsProto = savedProto;
        }
    }

    private void parseYield() {
        int s = lx.tokenStart;
        int m = t.mark();
        if ((ctx & CTX_PARAMS) != 0) error(s, lx.tokenEnd, Diag.YIELD_IN_PARAMETER, 0);
        lastYieldPos = s;
        next();
        int flags = 0;
        if (!lx.newlineBefore) {
            if (tok == STAR) {
                flags = 1;
                next();
                parseAssignment();
            } else if (startsExpression(tok) && tok != K_IN) {
                parseAssignment();
            }
        }
        t.finish(YIELD, m, s, lastEnd, flags);
    }

    /**
     * ConditionalExpression : ShortCircuitExpression [? AssignmentExpression : AssignmentExpression].
     * When the alternate is itself {@code test ? …}, the chain goes on in this loop instead of
     * recursing through parseAssignment, so a chain of any length uses no nesting depth.
     */
    private void parseConditional() {
        int s = lx.tokenStart;
        int m = t.mark();
        parseBinary();
        if (tok != QUESTION || afterArrow()) return;
        int base = chainTop;
        while (true) {
            next(); // ?
            int saved = ctx;
            ctx &= ~CTX_NO_IN;
            parseAssignment();
            ctx = saved;
            expect(COLON);
            if (tok == K_YIELD && (ctx & CTX_YIELD) != 0) {
                parseAssignment();
                break;
            }
            // the alternate, as parseAssignment would start it
            int as = lx.tokenStart;
            int am = t.mark();
            int savedOuterCover = coverInitPos;
            boolean savedOuterProto = coverIsProto;
            coverInitPos = -1;
            parseBinary();
            if (tok == QUESTION && !afterArrow()) {
                // a test's `{a = 1}` can never become a pattern: report it now, as the recursion did
                reportCoverInit();
                coverInitPos = savedOuterCover;
                coverIsProto = savedOuterProto;
                pushChain(am, as);
                continue;
            }
            assignmentAfterConditional(as, am, -1, savedOuterProto);
            reportCoverInit();
            coverInitPos = savedOuterCover;
            coverIsProto = savedOuterProto;
            break;
        }
        while (chainTop > base) {
            chainTop--;
            t.finish(CONDITIONAL, chainMark[chainTop], chainStart[chainTop], lastEnd, 0);
        }
        t.finish(CONDITIONAL, m, s, lastEnd, 0);
    }

    private static int precedenceOf(int op) {
        switch (op) {
            case BAR2: case QUESTION2: return 1;
            case AMP2: return 2;
            case BAR: return 3;
            case CARET: return 4;
            case AMP: return 5;
            case EQ2: case NE: case EQ3: case NE2: return 6;
            case LT: case GT: case LE: case GE: case K_INSTANCEOF: case K_IN: return 7;
            case SHL: case SAR: case SHR: return 8;
            case PLUS: case MINUS: return 9;
            case STAR: case SLASH: case PERCENT: return 10;
            case STAR2: return 11;
            default: return 0;
        }
    }

    private static boolean isBinaryOperator(int k) { return precedence(k) > 0; }

    // Token classifications as tables, filled once from the switches that define them (the ...Of
    // methods): C1, which compiles a short `check` process, turns a switch into a chain of compares
    // in key order, and these run for nearly every token.
    private static final byte[] PRECEDENCE = new byte[Token.COUNT];
    private static final boolean[] EXPRESSION_CONTINUATION = new boolean[Token.COUNT];
    private static final boolean[] STARTS_EXPRESSION = new boolean[Token.COUNT];
    private static final boolean[] STARTS_TYPE = new boolean[Token.COUNT];
    static {
        for (int k = 0; k < Token.COUNT; k++) {
            PRECEDENCE[k] = (byte) precedenceOf(k);
            EXPRESSION_CONTINUATION[k] = isExpressionContinuationOf(k);
            STARTS_EXPRESSION[k] = startsExpressionOf(k);
            STARTS_TYPE[k] = startsTypeOf(k);
        }
    }

    private static int precedence(int op) { return op >= 0 && op < Token.COUNT ? PRECEDENCE[op] : 0; }

    private static boolean isExpressionContinuation(int k) { return k >= 0 && k < Token.COUNT && EXPRESSION_CONTINUATION[k]; }

    private static boolean startsExpression(int k) { return k >= 0 && k < Token.COUNT && STARTS_EXPRESSION[k]; }

    private static boolean startsType(int k) { return k >= 0 && k < Token.COUNT && STARTS_TYPE[k]; }

    /** Binary operators by precedence climbing over an explicit operator stack: no recursion per operator. */
    private void parseBinary() {
        int base = opTop;
        int curStart = lx.tokenStart;
        int curMark = t.mark();
        parseUnary();
        while (true) {
            if (afterArrow()) break;
            if (ts && (atContextual(K_AS) || atContextual(K_SATISFIES)) && !lx.newlineBefore) {
                // `x as T` binds like a relational operator
                while (opTop > base && precedence(opStack[opTop - 1]) >= 7) {
                    reduceBinary();
                    curStart = opStart[opTop];
                    curMark = opMark[opTop];
                }
                int kind = tok == K_AS ? AS_EXPRESSION : SATISFIES_EXPRESSION;
                next();
                if (tok == K_CONST && kind == AS_EXPRESSION) {
                    int cs = lx.tokenStart;
                    next();
                    leaf(KEYWORD_TYPE, cs, lastEnd, K_CONST);
                } else {
                    parseType();
                }
                t.finish(kind, curMark, curStart, lastEnd, 0);
                continue;
            }
            if (tok == GT) tok = lx.reScanGreater();
            int op = tok;
            int prec = precedence(op);
            if (prec == 0 || (op == K_IN && (ctx & CTX_NO_IN) != 0)) break;
            if ((op == K_IN || op == K_INSTANCEOF) && escaped()) error(lx.tokenStart, lx.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
            while (opTop > base) {
                int top = opStack[opTop - 1];
                int tp = precedence(top);
                if (tp > prec || (tp == prec && op != STAR2)) {
                    reduceBinary();
                    curStart = opStart[opTop];
                    curMark = opMark[opTop];
                } else {
                    break;
                }
            }
            if (op == STAR2) {
                int left = t.pending(t.mark() - 1);
                int lk = t.kind(left);
                if (lk == UNARY || lk == AWAIT) {
                    int uop = lk == UNARY ? t.data(left) : K_AWAIT;
                    error(t.start(left), t.end(left), Diag.UNARY_BEFORE_EXPONENT, uop);
                }
            }
            if (opTop == opStack.length) {
                opStack = Arrays.copyOf(opStack, opTop * 2);
                opMark = Arrays.copyOf(opMark, opTop * 2);
                opStart = Arrays.copyOf(opStart, opTop * 2);
            }
            opStack[opTop] = op;
            opMark[opTop] = curMark;
            opStart[opTop] = curStart;
            opTop++;
            next();
            curStart = lx.tokenStart;
            curMark = t.mark();
            if (tok == PRIVATE_NAME) {
                error(curStart, lx.tokenEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
            }
            parseUnary();
            checkNotArrow(t.pending(t.mark() - 1));
        }
        while (opTop > base) reduceBinary();
    }

    /** An arrow function is an AssignmentExpression, never the operand of an operator. */
    private void checkNotArrow(int n) {
        if (t.kind(n) == ARROW_FUNCTION) error(t.start(n), t.end(n), Diag.UNEXPECTED_TOKEN, ARROW);
    }

    private void reduceBinary() {
        opTop--;
        int op = opStack[opTop];
        int n = t.finish(BINARY, opMark[opTop], opStart[opTop], lastEnd, op);
        if (op == QUESTION2 || op == BAR2 || op == AMP2) {
            for (int c = t.firstChild(n); c >= 0; c = t.nextSibling(c)) {
                if (t.kind(c) != BINARY) continue;
                int cop = t.data(c);
                boolean mixed = op == QUESTION2 ? (cop == BAR2 || cop == AMP2) : cop == QUESTION2;
                if (mixed) error(t.start(n), t.end(n), Diag.COALESCE_MIXED, 0);
            }
        }
    }

    private void parseUnary() {
        int s = lx.tokenStart;
        if (ts && !jsx && tok == LT) {
            // <T>(x) => … is a generic arrow; otherwise <T>expr is a type assertion
            if (tryParseTypedArrow(0, s)) return;
            int m = t.mark();
            next();
            parseType();
            expect(GT);
            if (!enter()) { exit(); errorNode(lx.tokenStart, lx.tokenStart); t.finish(TYPE_ASSERTION, m, s, lastEnd, 0); return; }
            parseUnary();
            exit();
            t.finish(TYPE_ASSERTION, m, s, lastEnd, 0);
            return;
        }
        switch (tok) {
            case BANG: case TILDE: case PLUS: case MINUS: case K_TYPEOF: case K_VOID: case K_DELETE: {
                if (Token.isReserved(tok) && escaped()) error(s, lx.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
                int op = tok;
                int m = t.mark();
                next();
                if (!enter()) { exit(); errorNode(lx.tokenStart, lx.tokenStart); t.finish(UNARY, m, s, lastEnd, op); return; }
                parseUnary();
                exit();
                int operand = t.pending(t.mark() - 1);
                if (op == K_DELETE) checkDelete(operand);
                checkNotArrow(operand);
                t.finish(UNARY, m, s, lastEnd, op);
                return;
            }
            case PLUS2: case MINUS2: {
                int op = tok;
                int m = t.mark();
                next();
                if (!enter()) { exit(); errorNode(lx.tokenStart, lx.tokenStart); t.finish(UPDATE, m, s, lastEnd, op | UPDATE_PREFIX); return; }
                // TypeScript's parser: ++ and -- take a left-hand side, which a type assertion `<T>x` is not
                if (ts && !jsx && tok == LT) error(lx.tokenStart, lx.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
                parseUnary();
                exit();
                checkSimpleTarget(t.pending(t.mark() - 1), op, true);
                t.finish(UPDATE, m, s, lastEnd, op | UPDATE_PREFIX);
                return;
            }
            case K_AWAIT:
                if ((ctx & CTX_AWAIT) != 0 || (autoGoal && (ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT)) == 0 && isTopLevelAwait())) {
                    if (escaped()) error(s, lx.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
                    if ((ctx & CTX_PARAMS) != 0) error(s, lx.tokenEnd, Diag.AWAIT_IN_PARAMETER, 0);
                    lastAwaitPos = s;
                    int m = t.mark();
                    next();
                    if (!enter()) { exit(); errorNode(lx.tokenStart, lx.tokenStart); t.finish(AWAIT, m, s, lastEnd, 0); return; }
                    parseUnary();
                    exit();
                    t.finish(AWAIT, m, s, lastEnd, 0);
                    return;
                }
                break;
            default:
                break;
        }
        parsePostfix();
    }

    /** AUTO goal: `await x` at the top level is an await expression (and makes the file a module). */
    private boolean isTopLevelAwait() {
        int pk = peek();
        // TypeScript's rule: an await expression when a word or a literal follows on the same line, so
        // `await(x)`, `await [x]`, `await -1` call, index or subtract a variable named await
        boolean await = peekNewline == 0 && (Token.isIdentifierName(pk) || pk == NUMBER || pk == BIGINT || pk == STRING)
                && pk != K_IN && pk != K_OF;
        if (await) sawModuleSyntax = true;
        return await;
    }

    private void checkDelete(int operand) {
        int k = t.kind(operand);
        int inner = operand;
        while (k == PARENTHESIZED) {
            inner = t.firstChild(inner);
            if (inner < 0) return;
            k = t.kind(inner);
        }
        if (k == IDENTIFIER_REFERENCE && strictHere()) error(t.start(operand), t.end(operand), Diag.DELETE_IDENTIFIER_STRICT, 0);
        if (k == MEMBER) {
            int prop = t.nextSibling(t.firstChild(inner));
            if (prop >= 0 && t.kind(prop) == PRIVATE_IDENTIFIER) error(t.start(operand), t.end(operand), Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
        }
        if (k == CHAIN) {
            // delete a?.#x
            int c = t.firstChild(inner);
            if (c >= 0 && t.kind(c) == MEMBER) {
                int prop = t.nextSibling(t.firstChild(c));
                if (prop >= 0 && t.kind(prop) == PRIVATE_IDENTIFIER) error(t.start(operand), t.end(operand), Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
            }
        }
    }

    private void parsePostfix() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (jsx && tok == LT) {
            parseJsxOperand();
            return;
        }
        parseLeftHandSide();
        if ((tok == PLUS2 || tok == MINUS2) && !lx.newlineBefore && !afterArrow()) {
            int op = tok;
            checkSimpleTarget(t.pending(t.mark() - 1), op, true);
            next();
            t.finish(UPDATE, m, s, lastEnd, op);
        }
    }

    /** Simple assignment / update target: identifier (not eval/arguments in strict code) or member access. */
    private void checkSimpleTarget(int n, int op, boolean update) {
        int k = t.kind(n);
        int inner = n;
        while (k == PARENTHESIZED || k == NON_NULL || k == AS_EXPRESSION || k == SATISFIES_EXPRESSION || k == TYPE_ASSERTION) {
            if (k == TYPE_ASSERTION) {
                // <T>x: the expression is the last child
                int c = t.firstChild(inner);
                while (c >= 0 && t.nextSibling(c) >= 0) c = t.nextSibling(c);
                inner = c;
                if (inner < 0) return;
                k = t.kind(inner);
                continue;
            }
            inner = t.firstChild(inner);
            if (inner < 0) return;
            k = t.kind(inner);
        }
        if (k == IDENTIFIER_REFERENCE) {
            int id = t.data(inner);
            if ((id == nameEval || id == nameArguments) && strictHere()) error(t.start(n), t.end(n), Diag.EVAL_ARGUMENTS_STRICT, IDENTIFIER);
            return;
        }
        if (k == MEMBER || k == INVALID) return;
        if (k == CHAIN) {
            error(t.start(n), t.end(n), Diag.OPTIONAL_CHAIN_ASSIGNMENT, 0);
            return;
        }
        // Annex B: f() = 1, f() += 1, f()++ are runtime errors in sloppy code (not logical assignment)
        if (k == CALL && (t.data(inner) & M_OPTIONAL) == 0
                && op != AMP2_ASSIGN && op != BAR2_ASSIGN && op != QUESTION2_ASSIGN && !strictHere()) return;
        error(t.start(n), t.end(n), update ? Diag.INVALID_UPDATE_TARGET : Diag.INVALID_ASSIGNMENT_TARGET, 0);
    }

    private void parseLeftHandSide() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (tok == K_NEW) {
            parseNew();
        } else {
            parsePrimary();
        }
        parseCallTail(s, m, true);
    }

    /**
     * A JSX element as an operand (current token `<`, JSX on): TypeScript's parser ends the operand
     * there, no call, member access or ++ after it. A TSX generic arrow is parsed as well. Kept out of
     * parseLeftHandSide, which every operand goes through.
     */
    private void parseJsxOperand() {
        int s = lx.tokenStart;
        if (ts && isGenericArrowInTsx() && tryParseTypedArrow(0, s)) return;
        parseJsxElementOrFragment(false);
    }

    private void parseNew() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (escaped()) error(s, lx.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
        next();
        if (tok == DOT) {
            int ns = s;
            next();
            leaf(IDENTIFIER_NAME, ns, ns + 3, internLiteral("new"));
            if (atContextual(K_TARGET)) {
                int ts = lx.tokenStart;
                int id = lx.internIdentifier();
                next();
                leaf(IDENTIFIER_NAME, ts, lastEnd, id);
                if ((ctx & CTX_NEW_TARGET) == 0) error(s, lastEnd, Diag.NEW_TARGET_OUTSIDE_FUNCTION, 0);
            } else {
                error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, K_TARGET);
            }
            t.finish(META_PROPERTY, m, s, lastEnd, 0);
            return;
        }
        if (!enter()) { exit(); errorNode(lx.tokenStart, lx.tokenStart); t.finish(NEW, m, s, lastEnd, 0); return; }
        int cs = lx.tokenStart;
        int cm = t.mark();
        if (tok == K_SUPER && peek() == LPAREN) error(cs, lx.tokenEnd, Diag.SUPER_UNEXPECTED, 0);
        if (tok == K_NEW) {
            parseNew();
        } else if (tok == K_IMPORT) {
            // only import.meta may follow new; import(), import.source() and import.defer() may not
            if (peek() != DOT || peek2() != K_META) error(cs, lx.tokenEnd, Diag.UNEXPECTED_TOKEN, K_IMPORT);
            parsePrimary();
        } else {
            parsePrimary();
        }
        exit();
        parseCallTail(cs, cm, false);
        if (tok == QUESTION_DOT) error(lx.tokenStart, lx.tokenEnd, Diag.UNEXPECTED_TOKEN, QUESTION_DOT);
        if (ts && tok == LT) parseTypeArguments();
        if (tok == LPAREN) {
            parseArguments();
            t.finish(NEW, m, s, lastEnd, 1);
        } else {
            t.finish(NEW, m, s, lastEnd, 0);
        }
    }

    /** Member accesses, calls (when allowed), optional chains and tagged templates after an operand. */
    private void parseCallTail(int s, int m, boolean allowCall) {
        boolean chain = false;
        while (true) {
            if (afterArrow()) break;
            if (ts) {
                if (tok == BANG && !lx.newlineBefore) {
                    next();
                    t.finish(NON_NULL, m, s, lastEnd, 0);
                    continue;
                }
                if (tok == LT && tryParseTypeArgumentsInExpression()) {
                    if (tok == LPAREN && allowCall) {
                        parseArguments();
                        t.finish(CALL, m, s, lastEnd, 0);
                    } else if (tok == NO_SUBST_TEMPLATE || tok == TEMPLATE_HEAD) {
                        parseTemplate(true);
                        t.finish(TAGGED_TEMPLATE, m, s, lastEnd, 0);
                    } else {
                        t.finish(INSTANTIATION_EXPRESSION, m, s, lastEnd, 0);
                        if (tok == DOT || (tok == QUESTION_DOT && Token.isIdentifierName(peek()))) {
                            error(s, lastEnd, Diag.INSTANTIATION_PROPERTY_ACCESS, 0);
                        }
                        if (!allowCall) return;
                    }
                    continue;
                }
            }
            switch (tok) {
                case DOT: {
                    next();
                    if (tok == PRIVATE_NAME && t.kind(t.pending(t.mark() - 1)) == SUPER) {
                        error(lx.tokenStart, lx.tokenEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
                    }
                    parseMemberName();
                    t.finish(MEMBER, m, s, lastEnd, 0);
                    continue;
                }
                case QUESTION_DOT: {
                    if (!allowCall) return;
                    chain = true;
                    next();
                    if (ts && tok == LT && tryParseTypeArgumentsInExpression() && tok == LPAREN) {
                        parseArguments();
                        t.finish(CALL, m, s, lastEnd, M_OPTIONAL);
                    } else if (tok == LPAREN) {
                        parseArguments();
                        t.finish(CALL, m, s, lastEnd, M_OPTIONAL);
                    } else if (tok == LBRACKET) {
                        next();
                        int saved = ctx;
                        ctx &= ~CTX_NO_IN;
                        parseExpression();
                        ctx = saved;
                        expect(RBRACKET);
                        t.finish(MEMBER, m, s, lastEnd, M_COMPUTED | M_OPTIONAL);
                    } else if (tok == NO_SUBST_TEMPLATE || tok == TEMPLATE_HEAD) {
                        error(lx.tokenStart, lx.tokenEnd, Diag.OPTIONAL_CHAIN_TEMPLATE, 0);
                        parseTemplate(true);
                        t.finish(TAGGED_TEMPLATE, m, s, lastEnd, 0);
                    } else {
                        parseMemberName();
                        t.finish(MEMBER, m, s, lastEnd, M_OPTIONAL);
                    }
                    continue;
                }
                case LBRACKET: {
                    next();
                    int saved = ctx;
                    ctx &= ~CTX_NO_IN;
                    parseExpression();
                    ctx = saved;
                    expect(RBRACKET);
                    t.finish(MEMBER, m, s, lastEnd, M_COMPUTED);
                    continue;
                }
                case LPAREN: {
                    if (!allowCall) break;
                    parseArguments();
                    t.finish(CALL, m, s, lastEnd, 0);
                    continue;
                }
                case NO_SUBST_TEMPLATE:
                case TEMPLATE_HEAD: {
                    if (chain) error(lx.tokenStart, lx.tokenEnd, Diag.OPTIONAL_CHAIN_TEMPLATE, 0);
                    parseTemplate(true);
                    t.finish(TAGGED_TEMPLATE, m, s, lastEnd, 0);
                    continue;
                }
                default:
                    break;
            }
            break;
        }
        if (chain) t.finish(CHAIN, m, s, lastEnd, 0);
    }

    private void parseMemberName() {
        int s = lx.tokenStart;
        if (tok == PRIVATE_NAME) {
            int id = lx.internIdentifier();
            if ((ctx & CTX_CLASS_BODY) == 0) error(s, lx.tokenEnd, Diag.UNDECLARED_PRIVATE_NAME, 0);
            else notePrivateReference(id, s, lx.tokenEnd);
            next();
            leaf(PRIVATE_IDENTIFIER, s, lastEnd, id);
        } else if (Token.isIdentifierName(tok)) {
            int id = lx.internIdentifier();
            next();
            leaf(IDENTIFIER_NAME, s, lastEnd, id);
        } else {
            error(s, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            errorNode(s, s);
        }
    }

    /** `(` arguments `)`: the argument nodes become children of the caller's node. */
    private void parseArguments() {
        next(); // (
        int saved = ctx;
        ctx &= ~CTX_NO_IN;
        while (tok != RPAREN && tok != EOF) {
            int as = lx.tokenStart;
            if (tok == ELLIPSIS) {
                int sm = t.mark();
                next();
                parseAssignment();
                t.finish(SPREAD, sm, as, lastEnd, 0);
            } else if (startsExpression(tok)) {
                parseAssignment();
            } else {
                error(as, lx.tokenEnd, Diag.ARGUMENT_EXPRESSION_EXPECTED, 0);
                if (tok == SEMICOLON || tok == RBRACE || tok == RBRACKET) break;
                if (tok != COMMA) next();
                errorNode(as, lastEnd);
            }
            if (tok != RPAREN) {
                if (!eat(COMMA)) {
                    errorExpected(COMMA);
                    if (tok == SEMICOLON || tok == RBRACE || tok == RBRACKET || !startsExpression(tok)) break;
                }
            }
        }
        ctx = saved;
        expect(RPAREN);
    }

    private void parsePrimary() {
        int s = lx.tokenStart;
        if (Token.isReserved(tok) && escaped()) error(s, lx.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
        switch (tok) {
            case K_THIS: next(); leaf(THIS, s, lastEnd, 0); return;
            case K_NULL: next(); leaf(NULL, s, lastEnd, 0); return;
            case K_TRUE: next(); leaf(BOOLEAN, s, lastEnd, 1); return;
            case K_FALSE: next(); leaf(BOOLEAN, s, lastEnd, 0); return;
            case NUMBER: checkNumberStrict(); next(); leaf(NUMBER_LITERAL, s, lastEnd, 0); return;
            case BIGINT: next(); leaf(BIGINT_LITERAL, s, lastEnd, 0); return;
            case STRING: checkStringStrict(); next(); leaf(STRING_LITERAL, s, lastEnd, 0); return;
            case SLASH:
            case SLASH_ASSIGN: {
                int logged = log.diagnosticCount();
                tok = lx.reScanRegex();
                if (tok == REGEX) {
                    int bodyEnd = lx.regexBodyEnd;
                    // a literal the lexer already rejected (flags, termination) is not validated again
                    int err = log.diagnosticCount() != logged ? -1 : regex.validate(src, s + 1, bodyEnd, Math.min(bodyEnd + 1, lx.tokenEnd), lx.tokenEnd);
                    if (err >= 0) error(regex.errorStart, regex.errorEnd, Diag.INVALID_REGULAR_EXPRESSION, err);
                    next();
                    leaf(REGEX_LITERAL, s, lastEnd, bodyEnd - s);
                } else {
                    next();
                    errorNode(s, lastEnd);
                }
                return;
            }
            case NO_SUBST_TEMPLATE:
            case TEMPLATE_HEAD:
                parseTemplate(false);
                return;
            case LPAREN:
                if (ts && tryParseTypedArrow(0, s)) return;
                parseParenthesizedOrArrow();
                return;
            case LT:
                if (ts && (!jsx || isGenericArrowInTsx()) && tryParseTypedArrow(0, s)) return;
                if (jsx) {
                    parseJsxElementOrFragment(false);
                    return;
                }
                break;
            case LBRACKET: parseArrayLiteral(); return;
            case LBRACE: parseObjectLiteral(); return;
            case K_FUNCTION: {
                int m = t.mark();
                next();
                int flags = 0;
                if (eat(STAR)) flags |= F_GENERATOR;
                if (Token.isIdentifierLike(tok) || Token.isReserved(tok)) parseFunctionName(flags, false);
                parseFunctionRest(flags, 0, s, m, FUNCTION_EXPRESSION);
                return;
            }
            case K_CLASS: parseClass(false, s); return;
            case AT:
                parseDecoratedClass(s, false, false);
                return;
            case K_SUPER: parseSuper(); return;
            case K_IMPORT: parseImportExpression(); return;
            case K_NEW: parseNew(); return;
            case PRIVATE_NAME: {
                int id = lx.internIdentifier();
                int pk = peek();
                if (pk != K_IN) error(s, lx.tokenEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
                if ((ctx & CTX_CLASS_BODY) == 0) error(s, lx.tokenEnd, Diag.UNDECLARED_PRIVATE_NAME, 0);
                else notePrivateReference(id, s, lx.tokenEnd);
                next();
                leaf(PRIVATE_IDENTIFIER, s, lastEnd, id);
                return;
            }
            case K_ASYNC:
                if (!escaped()) {
                    int pk = peek();
                    if (pk == K_FUNCTION && peekNewline == 0) {
                        int m = t.mark();
                        next(); // async
                        next(); // function
                        int flags = F_ASYNC;
                        if (eat(STAR)) flags |= F_GENERATOR;
                        if (Token.isIdentifierLike(tok) || Token.isReserved(tok)) parseFunctionName(flags, false);
                        parseFunctionRest(flags, 0, s, m, FUNCTION_EXPRESSION);
                        return;
                    }
                    if ((pk == LPAREN || (ts && pk == LT)) && peekNewline == 0) {
                        if (ts) {
                            int m = t.mark();
                            int d = speculate();
                            if (d >= 0) {
                                next(); // async
                                if (tryParseTypedArrow(F_ASYNC, s)) {
                                    commit(d);
                                    return;
                                }
                                rollback(d);
                            }
                        }
                        if (pk == LPAREN) {
                            parseAsyncCallOrArrow();
                            return;
                        }
                    }
                    if (Token.isIdentifierLike(pk) && peekNewline == 0 && peek2() == ARROW) {
                        // async x => ...
                        int m = t.mark();
                        next();
                        int ps = lx.tokenStart;
                        int pm = t.mark();
                        int savedCtx = ctx;
                        ctx |= CTX_AWAIT;
                        parseBindingIdentifier();
                        ctx = savedCtx;
                        t.finish(FORMAL_PARAMETERS, pm, ps, lastEnd, 0);
                        if (tok != ARROW) errorExpected(ARROW);
                        else if (lx.newlineBefore) error(lx.tokenStart, lx.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
                        parseArrowBody(F_ASYNC, s, m);
                        return;
                    }
                }
                break;
            default:
                break;
        }
        if (Token.isIdentifierLike(tok)) {
            int k = tok;
            int flags = lx.flags;
            int e = lx.tokenEnd;
            int id = lx.internIdentifier();
            int pk = nextTokenMayStartWith('=') ? peek() : IDENTIFIER;
            if (pk == ARROW) {
                // x => body
                int m = t.mark();
                checkIdentifierReference(k, flags, s, e, true);
                next();
                int pm = t.mark();
                leaf(BINDING_IDENTIFIER, s, e, id);
                t.finish(FORMAL_PARAMETERS, pm, s, e, 0);
                if (lx.newlineBefore) error(lx.tokenStart, lx.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
                parseArrowBody(0, s, m);
                return;
            }
            checkIdentifierReference(k, flags, s, e, false);
            next();
            leaf(IDENTIFIER_REFERENCE, s, lastEnd, id);
            return;
        }
        if (Token.isReserved(tok)) {
            // a reserved word where an expression was expected
            error(s, lx.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
            errorNode(s, s);
            return;
        }
        error(s, lx.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
        errorNode(s, s);
    }

    private void parseSuper() {
        int s = lx.tokenStart;
        next();
        leaf(SUPER, s, lastEnd, 0);
        if (tok == LPAREN) {
            if ((ctx & CTX_SUPER_CALL) == 0) error(s, lastEnd, Diag.SUPER_CALL_OUTSIDE_CONSTRUCTOR, 0);
        } else if (tok == DOT || tok == LBRACKET) {
            if ((ctx & CTX_SUPER_PROP) == 0) error(s, lastEnd, Diag.SUPER_PROPERTY_OUTSIDE_METHOD, 0);
        } else {
            error(s, lastEnd, Diag.SUPER_UNEXPECTED, 0);
        }
    }

    private void parseImportExpression() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        if (tok == DOT) {
            next();
            if (atContextual(K_META)) {
                leaf(IDENTIFIER_NAME, s, s + 6, internLiteral("import"));
                int ms = lx.tokenStart;
                int id = lx.internIdentifier();
                next();
                leaf(IDENTIFIER_NAME, ms, lastEnd, id);
                if (!module && !autoGoal) error(s, lastEnd, Diag.IMPORT_META_OUTSIDE_MODULE, 0);
                if (autoGoal && moduleBlockDepth == 0) sawModuleSyntax = true;
                t.finish(META_PROPERTY, m, s, lastEnd, 0);
                return;
            }
            if ((atContextual(K_SOURCE) || atContextual(K_DEFER))) {
                int phase = tok == K_SOURCE ? 1 : 2;
                next();
                if (tok != LPAREN) errorExpected(LPAREN);
                parseImportCallArguments(s, m, phase, false);
                return;
            }
            error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, K_META);
            t.finish(INVALID, m, s, lastEnd, 0);
            return;
        }
        if (tok != LPAREN) {
            errorExpected(LPAREN);
            t.finish(INVALID, m, s, lastEnd, 0);
            return;
        }
        parseImportCallArguments(s, m, 0, true);
    }

    private void parseImportCallArguments(int s, int m, int phase, boolean allowOptions) {
        if (tok != LPAREN) { t.finish(INVALID, m, s, lastEnd, 0); return; }
        next();
        int saved = ctx;
        ctx &= ~CTX_NO_IN;
        if (tok == RPAREN || tok == ELLIPSIS) {
            missingExpression();
            if (tok == ELLIPSIS) next();
        } else {
            parseAssignment();
        }
        if (eat(COMMA) && tok != RPAREN) {
            if (!allowOptions) error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, RPAREN);
            if (tok == ELLIPSIS) { error(lx.tokenStart, lx.tokenEnd, Diag.EXPRESSION_EXPECTED, 0); next(); }
            parseAssignment();
            eat(COMMA);
        }
        ctx = saved;
        expect(RPAREN);
        t.finish(IMPORT_CALL, m, s, lastEnd, phase);
    }

    private void parseTemplate(boolean tagged) {
        int s = lx.tokenStart;
        int m = t.mark();
        templateElement(tagged);
        if (tok == NO_SUBST_TEMPLATE) {
            next();
            t.finish(TEMPLATE, m, s, lastEnd, 0);
            return;
        }
        next(); // head
        int saved = ctx;
        ctx &= ~CTX_NO_IN;
        while (true) {
            if (tok == RBRACE) {
                missingExpression();
            } else {
                parseExpression();
            }
            if (tok != RBRACE) {
                errorExpected(RBRACE);
                break;
            }
            tok = lx.reScanTemplateContinuation();
            templateElement(tagged);
            boolean tail = tok != TEMPLATE_MIDDLE;
            next();
            if (tail) break;
        }
        ctx = saved;
        t.finish(TEMPLATE, m, s, lastEnd, 0);
    }

    private void templateElement(boolean tagged) {
        boolean invalid = (lx.flags & Lexer.F_INVALID_ESCAPE) != 0;
        if (invalid && !tagged) error(lx.tokenStart, lx.tokenEnd, Diag.INVALID_OCTAL_TEMPLATE, 0);
        leaf(TEMPLATE_ELEMENT, lx.tokenStart, lx.tokenEnd, invalid ? 1 : 0);
    }

    private void parseArrayLiteral() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        int saved = ctx;
        ctx &= ~CTX_NO_IN;
        int flags = 0;
        while (tok != RBRACKET && tok != EOF) {
            int es = lx.tokenStart;
            if (tok == COMMA) {
                next();
                leaf(ELISION, es, es, 0);
                continue;
            }
            boolean spread = false;
            if (tok == ELLIPSIS) {
                int sm = t.mark();
                next();
                parseAssignmentCover();
                t.finish(SPREAD, sm, es, lastEnd, 0);
                spread = true;
            } else if (startsExpression(tok)) {
                parseAssignmentCover();
            } else {
                error(es, lx.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
                if (tok == SEMICOLON || tok == RBRACE || tok == RPAREN) break;
                next();
                errorNode(es, lastEnd);
            }
            if (tok != RBRACKET) {
                if (eat(COMMA)) {
                    if (spread && tok == RBRACKET) flags = 1;
                    if (spread) flags |= 2; // spread not last
                } else {
                    errorExpected(COMMA);
                    if (tok == SEMICOLON || tok == RBRACE || tok == RPAREN || !startsExpression(tok)) break;
                }
            }
        }
        ctx = saved;
        expect(RBRACKET);
        t.finish(ARRAY, m, s, lastEnd, flags);
    }

    private void parseObjectLiteral() {
        int s = lx.tokenStart;
        int m = t.mark();
        next();
        int saved = ctx;
        ctx &= ~CTX_NO_IN;
        int protoCount = 0;
        int objFlags = 0;
        while (tok != RBRACE && tok != EOF) {
            int ps = lx.tokenStart;
            int pm = t.mark();
            if (tok == ELLIPSIS) {
                next();
                parseAssignmentCover();
                t.finish(SPREAD, pm, ps, lastEnd, 0);
                if (tok == COMMA) objFlags = 1; // a comma after a spread: not valid once it becomes a rest
            } else {
                objFlags = 0;
                int fnFlags = 0;
                int flags = 0;
                if (atContextual(K_ASYNC)) {
                    int pk = peek();
                    if (peekNewline == 0 && (isClassMemberNameStart(pk) || pk == STAR) && pk != LPAREN && pk != COLON
                            && pk != COMMA && pk != RBRACE && pk != ASSIGN) {
                        next();
                        fnFlags |= F_ASYNC;
                    }
                }
                if (tok == STAR) { next(); fnFlags |= F_GENERATOR; }
                if (fnFlags == 0 && (atContextual(K_GET) || atContextual(K_SET))) {
                    int pk = peek();
                    if (isClassMemberNameStart(pk) && pk != LPAREN && pk != COLON && pk != COMMA && pk != RBRACE && pk != ASSIGN) {
                        flags |= tok == K_GET ? P_GET : P_SET;
                        next();
                    }
                }
                int keyTok = tok, keyFlags = lx.flags, keyStart = lx.tokenStart, keyEnd = lx.tokenEnd;
                if (tok == PRIVATE_NAME) error(keyStart, keyEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
                int kf = parsePropertyKey();
                if (kf < 0) {
                    if (tok == SEMICOLON || tok == RPAREN || tok == RBRACKET) { t.truncate(pm); break; }
                    if (tok != COMMA) next();
                    t.finish(INVALID, pm, ps, lastEnd, 0);
                    if (tok == COMMA) next();
                    continue;
                }
                flags |= kf;
                int key = t.pending(t.mark() - 1);
                if (ts && tok == QUESTION) { next(); flags |= P_OPTIONAL; }
                if (tok == LPAREN || (ts && tok == LT) || fnFlags != 0 || (flags & (P_GET | P_SET)) != 0) {
                    int fm = t.mark();
                    int fn = parseFunctionRest(fnFlags, CTX_METHOD_LIKE | CTX_SUPER_PROP, lx.tokenStart, fm, FUNCTION_EXPRESSION);
                    checkAccessorParams(flags, fn);
                    t.finish(PROPERTY, pm, ps, lastEnd, flags | ((flags & (P_GET | P_SET)) == 0 ? P_METHOD : 0));
                } else if (tok == COLON) {
                    next();
                    if ((kf & P_COMPUTED) == 0 && isNamed(key, nameProto)) {
                        if (++protoCount > 1) noteCover(keyStart, true);
                    }
                    parseAssignmentCover();
                    t.finish(PROPERTY, pm, ps, lastEnd, flags);
                } else if (Token.isIdentifierName(keyTok) && (kf & P_COMPUTED) == 0 && keyTok != STRING) {
                    // shorthand: the name is also a reference
                    checkIdentifierReference(keyTok, keyFlags, keyStart, keyEnd, false);
                    int vm = t.mark();
                    leaf(IDENTIFIER_REFERENCE, keyStart, keyEnd, t.data(key));
                    if (tok == ASSIGN) {
                        noteCover(lx.tokenStart, false);
                        int op = tok;
                        next();
                        parseAssignment();
                        t.finish(ASSIGNMENT, vm, keyStart, lastEnd, op);
                    }
                    t.finish(PROPERTY, pm, ps, lastEnd, flags | P_SHORTHAND);
                } else {
                    errorExpected(COLON);
                    t.finish(PROPERTY, pm, ps, lastEnd, flags);
                }
            }
            if (tok != RBRACE) {
                if (!eat(COMMA)) {
                    errorExpected(COMMA);
                    if (tok == SEMICOLON || tok == RPAREN || tok == RBRACKET || !(Token.isIdentifierName(tok)
                            || tok == STRING || tok == NUMBER || tok == LBRACKET || tok == ELLIPSIS || tok == STAR)) break;
                }
            }
        }
        ctx = saved;
        expect(RBRACE);
        t.finish(OBJECT, m, s, lastEnd, objFlags);
    }

    // ------------------------------------------------------------------ arrows and cover grammar

    private void parseParenthesizedOrArrow() {
        int s = lx.tokenStart;
        int m = t.mark();
        next(); // (
        int savedYield = lastYieldPos, savedAwait = lastAwaitPos;
        lastYieldPos = -1;
        lastAwaitPos = -1;
        int savedCover = coverInitPos;
        boolean savedProto = coverIsProto;
        coverInitPos = -1;
        int saved = ctx;
        ctx &= ~CTX_NO_IN;
        int restPos = -1;
        int trailingComma = -1;
        int count = 0;
        int firstStart = lx.tokenStart;
        while (tok != RPAREN && tok != EOF) {
            int es = lx.tokenStart;
            if (tok == ELLIPSIS) {
                int rm = t.mark();
                next();
                parseBindingTarget();
                if (tok == ASSIGN) {
                    error(lx.tokenStart, lx.tokenEnd, Diag.REST_WITH_INITIALIZER, 0);
                    next();
                    parseAssignment();
                }
                t.finish(REST_ELEMENT, rm, es, lastEnd, 0);
                restPos = es;
                count++;
                if (tok == COMMA) {
                    error(lx.tokenStart, lx.tokenEnd, Diag.REST_PARAMETER_LAST, 0);
                    next();
                }
                break;
            }
            if (!startsExpression(tok)) {
                error(es, lx.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
                if (tok == SEMICOLON || tok == RBRACE || tok == RBRACKET) break;
                next();
                errorNode(es, lastEnd);
                count++;
                continue;
            }
            parseAssignmentCover();
            count++;
            if (tok == COMMA) {
                int cs = lx.tokenStart;
                next();
                if (tok == RPAREN) { trailingComma = cs; break; }
            } else {
                break;
            }
        }
        ctx = saved;
        int closeStart = lx.tokenStart;
        int contentEnd = lastEnd;
        expect(RPAREN);
        if (tok == ARROW) {
            if (lx.newlineBefore) error(lx.tokenStart, lx.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
            for (int i = m; i < t.mark(); i++) toBindingTarget(t.pending(i));
            if (lastAwaitPos >= 0 && ((ctx & CTX_AWAIT) != 0 || module)) error(lastAwaitPos, lastAwaitPos + 5, Diag.AWAIT_IN_PARAMETER, 0);
            else if (lastAwaitPos >= 0 && autoGoal) sloppyMattered = true; // a module rejects it
            if (lastYieldPos >= 0 && (ctx & CTX_YIELD) != 0) error(lastYieldPos, lastYieldPos + 5, Diag.YIELD_IN_PARAMETER, 0);
            coverInitPos = savedCover;
            coverIsProto = savedProto;
            lastYieldPos = savedYield;
            lastAwaitPos = savedAwait;
            t.finish(FORMAL_PARAMETERS, m, s, lastEnd, 0);
            int am = t.mark() - 1;
            parseArrowBody(0, s, am);
            return;
        }
        if (count == 0) error(closeStart, closeStart + 1, Diag.EXPRESSION_EXPECTED, 0);
        if (restPos >= 0) error(restPos, restPos + 3, Diag.EXPRESSION_EXPECTED, 0);
        if (trailingComma >= 0) error(trailingComma, trailingComma + 1, Diag.EXPRESSION_EXPECTED, 0);
        reportCoverInit();
        coverInitPos = savedCover;
        coverIsProto = savedProto;
        if (lastYieldPos < 0) lastYieldPos = savedYield;
        if (lastAwaitPos < 0) lastAwaitPos = savedAwait;
        if (count > 1) t.finish(SEQUENCE, m, firstStart, contentEnd, 0);
        t.finish(PARENTHESIZED, m, s, lastEnd, 0);
    }

    /** `async (` … `)`: a call of a function named async, or the parameters of an async arrow. */
    private void parseAsyncCallOrArrow() {
        int s = lx.tokenStart;
        int m = t.mark();
        int id = lx.internIdentifier();
        next();
        leaf(IDENTIFIER_REFERENCE, s, lastEnd, id);
        int argsMark = t.mark();
        int savedYield = lastYieldPos, savedAwait = lastAwaitPos;
        lastYieldPos = -1;
        lastAwaitPos = -1;
        int savedCover = coverInitPos;
        boolean savedProto = coverIsProto;
        coverInitPos = -1;
        int ps = lx.tokenStart;
        int savedAwaitIdent = lastAwaitIdentPos;
        lastAwaitIdentPos = -1;
        // arguments, parsed as a cover: spread and shorthand initialisers allowed for now
        next();
        int saved = ctx;
        ctx &= ~CTX_NO_IN;
        boolean restSeen = false;
        while (tok != RPAREN && tok != EOF) {
            int as = lx.tokenStart;
            if (tok == ELLIPSIS) {
                int sm = t.mark();
                next();
                parseAssignmentCover();
                t.finish(SPREAD, sm, as, lastEnd, 0);
                restSeen = true;
            } else if (startsExpression(tok)) {
                parseAssignmentCover();
            } else {
                error(as, lx.tokenEnd, Diag.ARGUMENT_EXPRESSION_EXPECTED, 0);
                if (tok == SEMICOLON || tok == RBRACE || tok == RBRACKET) break;
                next();
                errorNode(as, lastEnd);
            }
            if (tok != RPAREN && !eat(COMMA)) { errorExpected(COMMA); break; }
            else if (restSeen && tok == RPAREN && src[lastEnd - 1] == ',') restSeen = true;
        }
        ctx = saved;
        expect(RPAREN);
        if (tok == ARROW && !lx.newlineBefore) {
            int count = t.mark() - argsMark;
            for (int i = argsMark; i < t.mark(); i++) {
                int a = t.pending(i);
                if (t.kind(a) == SPREAD) {
                    t.setKind(a, REST_ELEMENT);
                    if (i != t.mark() - 1) error(t.start(a), t.end(a), Diag.REST_PARAMETER_LAST, 0);
                    int arg = t.firstChild(a);
                    if (arg >= 0) toBindingTarget(arg);
                    if (arg >= 0 && t.kind(arg) == ASSIGNMENT_PATTERN) error(t.start(arg), t.end(arg), Diag.REST_WITH_INITIALIZER, 0);
                } else {
                    toBindingTarget(a);
                }
            }
            if (count > 0 && src[lastEnd - 2] == ',' && t.kind(t.pending(t.mark() - 1)) == REST_ELEMENT) {
                error(lastEnd - 2, lastEnd - 1, Diag.TRAILING_COMMA_AFTER_REST, 0);
            }
            if (lastAwaitPos >= 0) error(lastAwaitPos, lastAwaitPos + 5, Diag.AWAIT_IN_PARAMETER, 0);
            if (lastAwaitIdentPos >= 0) error(lastAwaitIdentPos, lastAwaitIdentPos + 5, Diag.RESERVED_WORD_AS_IDENTIFIER, K_AWAIT);
            if (lastYieldPos >= 0 && (ctx & CTX_YIELD) != 0) error(lastYieldPos, lastYieldPos + 5, Diag.YIELD_IN_PARAMETER, 0);
            checkAsyncArrowParamNames(argsMark);
            lastAwaitIdentPos = savedAwaitIdent;
            coverInitPos = savedCover;
            coverIsProto = savedProto;
            lastYieldPos = savedYield;
            lastAwaitPos = savedAwait;
            t.finish(FORMAL_PARAMETERS, argsMark, ps, lastEnd, 0);
            t.dropPending(m); // the `async` identifier is not a child of the arrow
            parseArrowBody(F_ASYNC, s, t.mark() - 1);
            return;
        }
        reportCoverInit();
        coverInitPos = savedCover;
        coverIsProto = savedProto;
        if (lastYieldPos < 0) lastYieldPos = savedYield;
        if (lastAwaitPos < 0) lastAwaitPos = savedAwait;
        if (lastAwaitIdentPos < 0) lastAwaitIdentPos = savedAwaitIdent;
        t.finish(CALL, m, s, lastEnd, 0);
    }

    private void checkAsyncArrowParamNames(int argsMark) {
        // `await` may not name a parameter of an async arrow
        for (int i = argsMark; i < t.mark(); i++) {
            int p = t.pending(i);
            if (t.kind(p) == BINDING_IDENTIFIER && names.equals(t.data(p), "await")) {
                error(t.start(p), t.end(p), Diag.RESERVED_WORD_AS_IDENTIFIER, K_AWAIT);
            }
        }
    }

    /** Arrow body after the parameters; wraps [m, top) into an ARROW_FUNCTION. Current token: `=>`. */
    private void parseArrowBody(int flags, int s, int m) {
        int params = t.pending(t.mark() - 1);
        for (int i = m; i < t.mark(); i++) {
            if (t.kind(t.pending(i)) == FORMAL_PARAMETERS) { params = t.pending(i); break; }
        }
        if (tok == ARROW) next();
        int saved = ctx;
        int savedLabelBase = labelBase, savedLabelTop = labelTop;
        labelBase = labelTop;
        ctx = (ctx & ~(CTX_AWAIT | CTX_YIELD | CTX_ITERATION | CTX_BREAKABLE | CTX_PARAMS | CTX_STATIC_BLOCK)) | CTX_FUNCTION;
        if ((flags & F_ASYNC) != 0) ctx |= CTX_AWAIT;
        if (tok == LBRACE) {
            int bs = lx.tokenStart;
            int bm = t.mark();
            next();
            boolean madeStrict = parseDirectivesAndStatements(RBRACE, false);
            expect(RBRACE);
            t.finish(FUNCTION_BODY, bm, bs, lastEnd, 0);
            if (madeStrict && !isSimpleParameterList(params)) error(bs, bs + 1, Diag.USE_STRICT_NON_SIMPLE, 0);
        } else {
            parseAssignment();
        }
        // (in sloppy AUTO code, what strict code would reject here was noted where each name was
        // parsed: reserved words as references, eval and arguments in toBindingTarget)
        if (strict()) checkStrictParams(params);
        checkDuplicateParams(params, true);
        ctx = saved;
        labelBase = savedLabelBase;
        labelTop = savedLabelTop;
        t.finish(ARROW_FUNCTION, m, s, lastEnd, flags);
        arrowEndPos = lastEnd;
    }

    /** Rewrites an expression parsed under the cover grammar into a binding pattern (arrow parameters). */
    private void toBindingTarget(int n) {
        int k = t.kind(n);
        switch (k) {
            case IDENTIFIER_REFERENCE: {
                t.setKind(n, BINDING_IDENTIFIER);
                if (strict()) {
                    checkStrictBindingName(n);
                } else if (autoGoal && (t.data(n) == nameEval || t.data(n) == nameArguments)) {
                    strictHere(); // strict code rejects eval and arguments as parameters (reserved words were noted as references)
                }
                return;
            }
            case BINDING_IDENTIFIER:
            case ARRAY_PATTERN:
            case OBJECT_PATTERN:
            case REST_ELEMENT:
            case INVALID:
                return;
            case ASSIGNMENT: {
                if (t.data(n) != ASSIGN) break;
                t.setKind(n, ASSIGNMENT_PATTERN);
                t.setData(n, 0);
                int left = t.firstChild(n);
                if (left >= 0) toBindingTarget(left);
                return;
            }
            case ASSIGNMENT_PATTERN: {
                int left = t.firstChild(n);
                if (left >= 0) toBindingTarget(left);
                return;
            }
            case ARRAY: {
                convertArray(n, true);
                return;
            }
            case OBJECT: {
                convertObject(n, true);
                return;
            }
            default:
                break;
        }
        error(t.start(n), t.end(n), Diag.INVALID_ARROW_PARAMETERS, 0);
    }

    /**
     * Rewrites the target of an assignment or for-in/of into a pattern; reports targets that are
     * neither simple nor destructuring.
     */
    private void toAssignmentTarget(int n, boolean top) {
        int k = t.kind(n);
        switch (k) {
            case IDENTIFIER_REFERENCE: {
                int id = t.data(n);
                if ((id == nameEval || id == nameArguments) && strictHere()) error(t.start(n), t.end(n), Diag.EVAL_ARGUMENTS_STRICT, IDENTIFIER);
                return;
            }
            case MEMBER:
            case INVALID:
            case NON_NULL:
            case AS_EXPRESSION:
            case SATISFIES_EXPRESSION:
            case TYPE_ASSERTION:
                return;
            case CALL:
                // Annex B: `for (f() of x)` is a runtime error in sloppy code
                if (top && (t.data(n) & M_OPTIONAL) == 0 && !strictHere()) return;
                break;
            case PARENTHESIZED: {
                int inner = t.firstChild(n);
                while (inner >= 0 && t.kind(inner) == PARENTHESIZED) inner = t.firstChild(inner);
                if (inner >= 0 && (t.kind(inner) == IDENTIFIER_REFERENCE || t.kind(inner) == MEMBER)) {
                    toAssignmentTarget(inner, false);
                    return;
                }
                break;
            }
            case ARRAY:
                convertArray(n, false);
                return;
            case OBJECT:
                convertObject(n, false);
                return;
            case ASSIGNMENT:
                if (!top && t.data(n) == ASSIGN) {
                    t.setKind(n, ASSIGNMENT_PATTERN);
                    t.setData(n, 0);
                    int left = t.firstChild(n);
                    if (left >= 0) toAssignmentTarget(left, false);
                    return;
                }
                break;
            case ASSIGNMENT_PATTERN:
            case ARRAY_PATTERN:
            case OBJECT_PATTERN:
                return;
            case CHAIN:
                error(t.start(n), t.end(n), Diag.OPTIONAL_CHAIN_ASSIGNMENT, 0);
                return;
            default:
                break;
        }
        error(t.start(n), t.end(n), top ? Diag.INVALID_ASSIGNMENT_TARGET : Diag.INVALID_DESTRUCTURING_TARGET, 0);
    }

    private void convertArray(int n, boolean binding) {
        if (!enter()) { exit(); return; }
        t.setKind(n, ARRAY_PATTERN);
        int flags = t.data(n);
        t.setData(n, 0);
        for (int c = t.firstChild(n); c >= 0; c = t.nextSibling(c)) {
            int ck = t.kind(c);
            if (ck == ELISION) continue;
            if (ck == SPREAD) {
                t.setKind(c, REST_ELEMENT);
                if (t.nextSibling(c) >= 0 || (flags & 1) != 0) error(t.start(c), t.end(c), Diag.REST_MUST_BE_LAST, 0);
                int arg = t.firstChild(c);
                if (arg >= 0) {
                    if (t.kind(arg) == ASSIGNMENT) error(t.start(arg), t.end(arg), Diag.REST_WITH_INITIALIZER, 0);
                    if (binding) toBindingTarget(arg); else toAssignmentTarget(arg, false);
                }
                continue;
            }
            if (binding) toBindingTarget(c); else toAssignmentTarget(c, false);
        }
        exit();
    }

    private void convertObject(int n, boolean binding) {
        if (!enter()) { exit(); return; }
        t.setKind(n, OBJECT_PATTERN);
        boolean commaAfterRest = t.data(n) == 1;
        t.setData(n, 0);
        for (int c = t.firstChild(n); c >= 0; c = t.nextSibling(c)) {
            int ck = t.kind(c);
            if (ck == SPREAD) {
                t.setKind(c, REST_ELEMENT);
                if (t.nextSibling(c) >= 0 || commaAfterRest) error(t.start(c), t.end(c), Diag.REST_MUST_BE_LAST, 0);
                int arg = t.firstChild(c);
                if (arg >= 0) {
                    int ak = t.kind(arg);
                    if (binding ? ak != IDENTIFIER_REFERENCE : !(ak == IDENTIFIER_REFERENCE || ak == MEMBER)) {
                        error(t.start(arg), t.end(arg), Diag.INVALID_DESTRUCTURING_TARGET, 0);
                    } else if (binding) {
                        toBindingTarget(arg);
                    } else {
                        toAssignmentTarget(arg, false);
                    }
                }
                continue;
            }
            if (ck != PROPERTY) continue;
            int flags = t.data(c);
            if ((flags & (P_METHOD | P_GET | P_SET)) != 0) {
                error(t.start(c), t.end(c), Diag.INVALID_DESTRUCTURING_TARGET, 0);
                continue;
            }
            int key = t.firstChild(c);
            int value = key < 0 ? -1 : t.nextSibling(key);
            if (value < 0) continue;
            if (binding) toBindingTarget(value); else toAssignmentTarget(value, false);
        }
        exit();
    }

    // ================================================================== TypeScript: types

    /** `: Type` when present (TypeScript only). Returns true when a type was parsed. */
    private boolean parseTypeAnnotationOpt() {
        if (ts && tok == COLON) {
            next();
            parseType();
            return true;
        }
        return false;
    }

    private boolean disallowConditional;

    private void parseType() {
        if (!enter()) { exit(); errorNode(lx.tokenStart, lx.tokenStart); return; }
        try {
            boolean saved = disallowConditional;
            disallowConditional = false;
            parseTypeWorker();
            disallowConditional = saved;
        } finally {
            exit();
        }
    }

    private void parseTypeNoConditional() {
        boolean saved = disallowConditional;
        disallowConditional = true;
        if (!enter()) { exit(); errorNode(lx.tokenStart, lx.tokenStart); disallowConditional = saved; return; }
        parseTypeWorker();
        exit();
        disallowConditional = saved;
    }

    private void parseTypeWorker() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (isStartOfFunctionOrConstructorType()) {
            parseFunctionOrConstructorType();
            return;
        }
        parseUnionType();
        if (!disallowConditional && tok == K_EXTENDS && !lx.newlineBefore) {
            next();
            parseTypeNoConditional();
            expect(QUESTION);
            parseType();
            expect(COLON);
            parseType();
            t.finish(CONDITIONAL_TYPE, m, s, lastEnd, 0);
        }
    }

    private boolean isStartOfFunctionOrConstructorType() {
        if (tok == LT) return true;
        if (tok == K_NEW) return true;
        if (atContextual(K_ABSTRACT) && peek() == K_NEW) return true;
        if (tok == LPAREN) return isStartOfParenthesizedFunctionType();
        return false;
    }

    /** `(` starts a function type when followed by `)` or `...`, or by a parameter and then `:` `,` `?` `=` or `) =>`. */
    private boolean isStartOfParenthesizedFunctionType() {
        lookaheadBegin();
        boolean result = false;
        int k = lx.next();
        if (k == RPAREN || k == ELLIPSIS) {
            result = true;
        } else if (skipParameterStart(k)) {
            int k2 = lx.token;
            if (k2 == COLON || k2 == COMMA || k2 == QUESTION || k2 == ASSIGN) result = true;
            else if (k2 == RPAREN) result = lx.next() == ARROW;
        }
        lookaheadEnd();
        return result;
    }

    /** Skips a parameter name or a balanced binding pattern in raw lexer terms; leaves the lexer on the next token. */
    private boolean skipParameterStart(int k) {
        if (Token.isIdentifierLike(k) || k == K_THIS) {
            // modifiers such as `public x` also start a parameter
            lx.next();
            return true;
        }
        if (k == LBRACKET || k == LBRACE) {
            int close = k == LBRACKET ? RBRACKET : RBRACE;
            int depth = 0;
            int guard = 0;
            while (true) {
                int c = lx.token;
                if (c == LBRACKET || c == LBRACE || c == LPAREN) depth++;
                else if (c == RBRACKET || c == RBRACE || c == RPAREN) depth--;
                if (c == EOF || ++guard > 2_000) return false;
                lx.next();
                if (depth == 0) return true;
            }
        }
        return false;
    }

    private void parseFunctionOrConstructorType() {
        int s = lx.tokenStart;
        int m = t.mark();
        int kind = FUNCTION_TYPE;
        int flags = 0;
        if (atContextual(K_ABSTRACT)) { next(); flags = MOD_ABSTRACT; }
        if (tok == K_NEW) { next(); kind = CONSTRUCTOR_TYPE; }
        if (tok == LT) parseTypeParameters();
        parseFormalParameters();
        if (tok == ARROW) {
            next();
            parseReturnType();
        } else {
            errorExpected(ARROW);
        }
        t.finish(kind, m, s, lastEnd, flags);
    }

    /** A return type: a type, or a type predicate `x is T`, `asserts x [is T]`, `this is T`. */
    private void parseReturnType() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (atContextual(K_ASSERTS)) {
            int pk = peek();
            if ((Token.isIdentifierLike(pk) || pk == K_THIS) && peekNewline == 0) {
                next();
                parsePredicateSubject();
                if (atContextual(K_IS) && !lx.newlineBefore) {
                    next();
                    parseType();
                }
                t.finish(TYPE_PREDICATE, m, s, lastEnd, 1);
                return;
            }
        }
        if ((Token.isIdentifierLike(tok) || tok == K_THIS)) {
            int pk = peek();
            if (pk == K_IS && peekNewline == 0) {
                parsePredicateSubject();
                next(); // is
                parseType();
                t.finish(TYPE_PREDICATE, m, s, lastEnd, 0);
                return;
            }
        }
        parseType();
    }

    private void parsePredicateSubject() {
        int s = lx.tokenStart;
        if (tok == K_THIS) {
            next();
            leaf(THIS_TYPE, s, lastEnd, 0);
        } else {
            int id = lx.internIdentifier();
            next();
            leaf(IDENTIFIER_NAME, s, lastEnd, id);
        }
    }

    private void parseUnionType() { parseTypeList(BAR, UNION_TYPE); }

    private void parseIntersectionType() { parseTypeList(AMP, INTERSECTION_TYPE); }

    /** `A | B | C` (or `&`), with an optional leading separator; one operand stays unwrapped. */
    private void parseTypeList(int separator, int kind) {
        int s = lx.tokenStart;
        int m = t.mark();
        boolean leading = eat(separator);
        parseTypeListOperand(separator);
        boolean any = false;
        while (eat(separator)) {
            parseTypeListOperand(separator);
            any = true;
        }
        if (any || leading) t.finish(kind, m, s, lastEnd, 0);
    }

    private void parseTypeListOperand(int separator) {
        if (separator == BAR) parseIntersectionType(); else parseTypeOperator();
    }

    private void parseTypeOperator() {
        int s = lx.tokenStart;
        int m = t.mark();
        if ((atContextual(K_KEYOF) || atContextual(K_UNIQUE) || atContextual(K_READONLY))) {
            // always an operator, as in TypeScript's parser: `keyof` alone is no type name (`T<keyof>` wants a type)
            int op = tok;
            next();
            if (!enter()) { exit(); errorNode(lx.tokenStart, lx.tokenStart); t.finish(TYPE_OPERATOR, m, s, lastEnd, op); return; }
            parseTypeOperator();
            exit();
            t.finish(TYPE_OPERATOR, m, s, lastEnd, op);
            return;
        }
        if (atContextual(K_INFER)) {
            int pk = peek();
            if (!Token.isIdentifierLike(pk) && !Token.isReserved(pk)) {
                // `infer` always declares a type parameter (TypeScript's parser): its name is missing
                next();
                int pm = t.mark();
                error(lx.tokenStart, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                errorNode(lastEnd, lastEnd);
                t.finish(TYPE_PARAMETER, pm, lastEnd, lastEnd, 0);
                t.finish(INFER_TYPE, m, s, lastEnd, 0);
                return;
            }
            if (Token.isIdentifierLike(pk) || Token.isReserved(pk)) {
                next();
                int ps = lx.tokenStart;
                int pm = t.mark();
                parseBindingIdentifierAnyWord();
                int flags = 0;
                if (tok == K_EXTENDS) {
                    // `infer U extends X ? a : b` — the constraint only when it is not a conditional's extends
                    int d = speculate();
                    if (d >= 0) {
                        next();
                        parseTypeNoConditional();
                        if (specFailed(d) || (!disallowConditional && tok == QUESTION)) rollback(d);
                        else { commit(d); flags = TP_CONSTRAINT; }
                    }
                }
                t.finish(TYPE_PARAMETER, pm, ps, lastEnd, flags);
                t.finish(INFER_TYPE, m, s, lastEnd, 0);
                return;
            }
        }
        parsePostfixType();
    }

    private void parsePostfixType() {
        int s = lx.tokenStart;
        int m = t.mark();
        parseNonArrayType();
        while (!lx.newlineBefore) {
            if (tok == LBRACKET) {
                next();
                if (tok == RBRACKET) {
                    next();
                    t.finish(ARRAY_TYPE, m, s, lastEnd, 0);
                } else {
                    parseType();
                    expect(RBRACKET);
                    t.finish(INDEXED_ACCESS_TYPE, m, s, lastEnd, 0);
                }
            } else if (tok == BANG) {
                next(); // JSDoc non-nullable postfix: accepted, no node
            } else {
                break;
            }
        }
    }

    private static boolean startsTypeOf(int k) {
        switch (k) {
            case LBRACE: case LBRACKET: case LPAREN: case LT: case BAR: case AMP: case K_NEW: case STRING: case NUMBER:
            case BIGINT: case K_TRUE: case K_FALSE: case K_NULL: case K_VOID: case K_THIS: case K_TYPEOF: case K_IMPORT:
            case MINUS: case NO_SUBST_TEMPLATE: case TEMPLATE_HEAD: case STAR: case QUESTION: case ELLIPSIS:
                return true;
            default:
                return Token.isIdentifierLike(k);
        }
    }

    private void parseNonArrayType() {
        int s = lx.tokenStart;
        int m = t.mark();
        switch (tok) {
            case K_VOID: case K_NULL:
                next();
                leaf(KEYWORD_TYPE, s, lastEnd, t0());
                return;
            case K_THIS: {
                next();
                leaf(THIS_TYPE, s, lastEnd, 0);
                return;
            }
            case STRING: case NUMBER: case BIGINT: case K_TRUE: case K_FALSE: {
                parsePrimary();
                t.finish(LITERAL_TYPE, m, s, lastEnd, 0);
                return;
            }
            case MINUS: {
                int pk = peek();
                if (pk == NUMBER || pk == BIGINT) {
                    // `-1` alone: a following `[]` makes an array type (`-1[]`), not an element access
                    int um = t.mark();
                    next();
                    parsePrimary();
                    t.finish(UNARY, um, s, lastEnd, MINUS);
                    t.finish(LITERAL_TYPE, m, s, lastEnd, 0);
                    return;
                }
                break;
            }
            case NO_SUBST_TEMPLATE: {
                templateElement(true);
                next();
                t.finish(TEMPLATE_LITERAL_TYPE, m, s, lastEnd, 0);
                return;
            }
            case TEMPLATE_HEAD: {
                templateElement(true);
                next();
                while (true) {
                    parseType();
                    if (tok != RBRACE) { errorExpected(RBRACE); break; }
                    tok = lx.reScanTemplateContinuation();
                    templateElement(true);
                    boolean tail = tok != TEMPLATE_MIDDLE;
                    next();
                    if (tail) break;
                }
                t.finish(TEMPLATE_LITERAL_TYPE, m, s, lastEnd, 0);
                return;
            }
            case K_TYPEOF: {
                next();
                if (tok == K_IMPORT) {
                    parseImportType(1);
                } else {
                    parseEntityName(true);
                }
                if (tok == LT && !lx.newlineBefore) parseTypeArguments();
                t.finish(TYPE_QUERY, m, s, lastEnd, 0);
                return;
            }
            case K_IMPORT:
                parseImportType(0);
                return;
            case LBRACE:
                if (isStartOfMappedType()) parseMappedType(); else parseTypeLiteral();
                return;
            case LBRACKET:
                parseTupleType();
                return;
            case LPAREN: {
                next();
                parseType();
                expect(RPAREN);
                t.finish(PARENTHESIZED_TYPE, m, s, lastEnd, 0);
                return;
            }
            case STAR: case QUESTION:
                // JSDoc all-type / unknown-type
                next();
                leaf(KEYWORD_TYPE, s, lastEnd, ANY_TOKEN);
                return;
            default:
                break;
        }
        if (atContextual(K_ANY) || atContextual(K_UNKNOWN) || atContextual(K_NEVER)) {
            int k = tok;
            int pk = peek();
            if (pk != DOT) {
                next();
                leaf(KEYWORD_TYPE, s, lastEnd, k);
                return;
            }
        }
        if (Token.isIdentifierLike(tok) || (Token.isReserved(tok) && tok != K_VOID)) {
            parseEntityName(false);
            if ((tok == LT || tok == SHL) && !lx.newlineBefore) parseTypeArguments();
            t.finish(TYPE_REFERENCE, m, s, lastEnd, 0);
            return;
        }
        error(s, lx.tokenEnd, Diag.TYPE_EXPECTED, 0);
        errorNode(s, s);
    }

    private static final int ANY_TOKEN = K_ANY;

    private int t0() { return tok == K_VOID ? K_VOID : K_NULL; }

    /** a.b.c as IDENTIFIER_REFERENCE / QUALIFIED_NAME; `this` allowed first when {@code allowThis}. */
    private void parseEntityName(boolean typeQuery) {
        int s = lx.tokenStart;
        int m = t.mark();
        if (tok == K_THIS) {
            next();
            leaf(THIS, s, lastEnd, 0);
        } else if (Token.isIdentifierName(tok)) {
            if (Token.isReserved(tok) && !typeQuery) error(s, lx.tokenEnd, Diag.TYPE_EXPECTED, 0);
            int id = lx.internIdentifier();
            next();
            leaf(IDENTIFIER_REFERENCE, s, lastEnd, id);
        } else {
            error(s, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            errorNode(s, s);
            return;
        }
        while (tok == DOT) {
            next();
            int ns = lx.tokenStart;
            if (Token.isIdentifierName(tok) || tok == PRIVATE_NAME) {
                int id = lx.internIdentifier();
                int kind = tok == PRIVATE_NAME ? PRIVATE_IDENTIFIER : IDENTIFIER_NAME;
                next();
                leaf(kind, ns, lastEnd, id);
            } else {
                error(ns, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                errorNode(ns, ns);
            }
            t.finish(QUALIFIED_NAME, m, s, lastEnd, 0);
        }
    }

    private void parseImportType(int flags) {
        int s = lx.tokenStart;
        int m = t.mark();
        next(); // import
        expect(LPAREN);
        parseType();
        if (eat(COMMA)) {
            // import("x", { with: { "resolution-mode": "import" } })
            if (tok != RPAREN) {
                parseAssignment();
                eat(COMMA);
            }
        }
        expect(RPAREN);
        if (eat(DOT)) parseEntityName(true);
        if (tok == LT && !lx.newlineBefore) parseTypeArguments();
        t.finish(IMPORT_TYPE, m, s, lastEnd, flags);
    }

    private boolean isStartOfMappedType() {
        // { [K in ...  |  { readonly [K in  |  { +readonly [  |  { -readonly [
        lookaheadBegin();
        boolean result = false;
        int k = lx.next();
        if (k == PLUS || k == MINUS) {
            result = lx.next() == K_READONLY;
        } else {
            if (k == K_READONLY) k = lx.next();
            if (k == LBRACKET) {
                int k2 = lx.next();
                result = Token.isIdentifierName(k2) && lx.next() == K_IN;
            }
        }
        lookaheadEnd();
        return result;
    }

    private void parseMappedType() {
        int s = lx.tokenStart;
        int m = t.mark();
        next(); // {
        int flags = 0;
        if (tok == PLUS || tok == MINUS) {
            flags |= tok == MINUS ? MAP_READONLY_MINUS : MAP_READONLY;
            next();
            next(); // readonly
        } else if (atContextual(K_READONLY)) {
            flags |= MAP_READONLY;
            next();
        }
        expect(LBRACKET);
        int ps = lx.tokenStart;
        int pm = t.mark();
        parseBindingIdentifierAnyWord();
        expect(K_IN);
        parseType();
        t.finish(TYPE_PARAMETER, pm, ps, lastEnd, TP_CONSTRAINT);
        if (atContextual(K_AS)) {
            next();
            parseType();
            flags |= MAP_AS;
        }
        expect(RBRACKET);
        if (tok == PLUS || tok == MINUS) {
            flags |= tok == MINUS ? MAP_OPTIONAL_MINUS : MAP_OPTIONAL;
            next();
            expect(QUESTION);
        } else if (eat(QUESTION)) {
            flags |= MAP_OPTIONAL;
        }
        if (parseTypeAnnotationOpt()) flags |= MAP_TYPE;
        if (tok == SEMICOLON || tok == COMMA) next();
        expect(RBRACE);
        t.finish(MAPPED_TYPE, m, s, lastEnd, flags);
    }

    private void parseTupleType() {
        int s = lx.tokenStart;
        int m = t.mark();
        next(); // [
        while (tok != RBRACKET && tok != EOF) {
            int es = lx.tokenStart;
            int em = t.mark();
            boolean rest = eat(ELLIPSIS);
            if (specDepth > 0 && errorCount > 0 && tooManySpeculativeErrors()) break;
            // named member: name [?] : type
            boolean named = false;
            if (Token.isIdentifierName(tok)) {
                int pk = peek();
                if (pk == COLON) named = true;
                else if (pk == QUESTION) {
                    int k2 = peek2();
                    named = k2 == COLON;
                }
            }
            if (named) {
                int ns = lx.tokenStart;
                int id = lx.internIdentifier();
                next();
                leaf(IDENTIFIER_NAME, ns, lastEnd, id);
                int flags = rest ? 2 : 0;
                if (eat(QUESTION)) flags |= 1;
                expect(COLON);
                parseType();
                t.finish(NAMED_TUPLE_MEMBER, em, es, lastEnd, flags);
            } else {
                if (!startsType(tok)) {
                    error(es, lx.tokenEnd, Diag.TYPE_EXPECTED, 0);
                    if (tok == SEMICOLON || tok == RBRACE || tok == RPAREN) break;
                    next();
                    errorNode(es, lastEnd);
                } else {
                    parseType();
                    if (tok == QUESTION) {
                        next();
                        t.finish(OPTIONAL_TYPE, em, es, lastEnd, 0);
                    }
                    if (rest) t.finish(REST_TYPE, em, es, lastEnd, 0);
                }
            }
            if (tok != RBRACKET && !eat(COMMA)) {
                errorExpected(COMMA);
                if (!startsType(tok) || lx.tokenStart == es) break;
            }
        }
        expect(RBRACKET);
        t.finish(TUPLE_TYPE, m, s, lastEnd, 0);
    }

    private void parseTypeLiteral() {
        int s = lx.tokenStart;
        int m = t.mark();
        next(); // {
        parseTypeMembers();
        expect(RBRACE);
        t.finish(TYPE_LITERAL, m, s, lastEnd, 0);
    }

    /** Members of an interface body or type literal, up to (not including) `}`. */
    private void parseTypeMembers() {
        while (tok != RBRACE && tok != EOF) {
            int before = lx.tokenStart;
            if (!enter()) { exit(); break; }
            parseTypeMember();
            exit();
            // separators: ; , or a line break
            if (tok == SEMICOLON || tok == COMMA) next();
            else if (tok != RBRACE && !lx.newlineBefore && lx.tokenStart != before) errorExpected(SEMICOLON);
            if (lx.tokenStart == before && tok != RBRACE && tok != EOF) {
                error(before, lx.tokenEnd, Diag.PROPERTY_OR_SIGNATURE_EXPECTED, 0);
                next();
                errorNode(before, lastEnd);
            }
        }
    }

    private void parseTypeMember() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (tok == LPAREN || tok == LT) {
            parseSignatureRest();
            t.finish(CALL_SIGNATURE, m, s, lastEnd, 0);
            return;
        }
        if (tok == K_NEW) {
            int pk = peek();
            if (pk == LPAREN || pk == LT) {
                next();
                parseSignatureRest();
                t.finish(CONSTRUCT_SIGNATURE, m, s, lastEnd, 0);
                return;
            }
        }
        int flags = 0;
        while (isTypeMemberModifier()) {
            flags |= modifierFlag(tok);
            next();
        }
        if (tok == LBRACKET && isIndexSignature()) {
            parseIndexSignatureRest(s, m, flags);
            return;
        }
        if ((atContextual(K_GET) || atContextual(K_SET))) {
            int pk = peek();
            if (pk != LPAREN && pk != LT && pk != COLON && pk != QUESTION && pk != SEMICOLON && pk != COMMA && pk != RBRACE
                    && isClassMemberNameStart(pk)) {
                flags |= tok == K_GET ? P_GET : P_SET;
                next();
            }
        }
        int kf = parsePropertyKey();
        if (kf < 0) {
            t.truncate(m);
            return;
        }
        flags |= kf;
        if (eat(QUESTION)) flags |= P_OPTIONAL;
        if (tok == LPAREN || tok == LT || (flags & (P_GET | P_SET)) != 0) {
            parseSignatureRest();
            t.finish(METHOD_SIGNATURE, m, s, lastEnd, flags);
            return;
        }
        parseTypeAnnotationOpt();
        if (tok == ASSIGN) {
            // initialisers are not allowed in signatures; parse for recovery
            error(lx.tokenStart, lx.tokenEnd, Diag.UNEXPECTED_TOKEN, ASSIGN);
            next();
            parseAssignment();
        }
        t.finish(PROPERTY_SIGNATURE, m, s, lastEnd, flags);
    }

    private boolean isTypeMemberModifier() {
        if (!(atContextual(K_READONLY) || atContextual(K_PUBLIC) || atContextual(K_PRIVATE) || atContextual(K_PROTECTED)
                || atContextual(K_STATIC) || atContextual(K_DECLARE) || atContextual(K_ABSTRACT) || atContextual(K_OVERRIDE))) {
            return false;
        }
        int pk = peek();
        return peekNewline == 0 && (isClassMemberNameStart(pk) && pk != LPAREN && pk != LT && pk != COLON && pk != QUESTION
                && pk != SEMICOLON && pk != COMMA && pk != RBRACE && pk != ASSIGN && pk != BANG);
    }

    private int modifierFlag(int k) {
        switch (k) {
            case K_READONLY: return MOD_READONLY;
            case K_PUBLIC: return MOD_PUBLIC;
            case K_PRIVATE: return MOD_PRIVATE;
            case K_PROTECTED: return MOD_PROTECTED;
            case K_STATIC: return C_STATIC;
            case K_DECLARE: return MOD_DECLARE;
            case K_ABSTRACT: return MOD_ABSTRACT;
            case K_OVERRIDE: return MOD_OVERRIDE;
            case K_ACCESSOR: return C_ACCESSOR;
            default: return 0;
        }
    }

    /** `[` name `:` … is an index signature (not a computed property name). */
    private boolean isIndexSignature() {
        lookaheadBegin();
        boolean result = false;
        int k = lx.next();
        if (k == ELLIPSIS || k == RBRACKET) {
            result = true;
        } else if (Token.isIdentifierLike(k) || k == K_PUBLIC) {
            int k2 = lx.next();
            result = k2 == COLON || k2 == COMMA;
        }
        lookaheadEnd();
        return result;
    }

    private void parseIndexSignatureRest(int s, int m, int flags) {
        // [key: string]: T  — parameters use the bracket list
        int ps = lx.tokenStart;
        int pm = t.mark();
        next(); // [
        while (tok != RBRACKET && tok != EOF) {
            int before = lx.tokenStart;
            parseParameter();
            if (!eat(COMMA)) break;
            if (lx.tokenStart == before) break;
        }
        expect(RBRACKET);
        t.finish(FORMAL_PARAMETERS, pm, ps, lastEnd, 0);
        parseTypeAnnotationOpt();
        t.finish(INDEX_SIGNATURE, m, s, lastEnd, flags);
    }

    /** [TYPE_PARAMETERS] ( params ) [: return type] of a signature. */
    private void parseSignatureRest() {
        if (tok == LT) parseTypeParameters();
        int saved = ctx;
        parseFormalParameters();
        ctx = saved;
        if (tok == COLON) {
            next();
            parseReturnType();
        }
    }

    private void parseTypeParameters() {
        int s = lx.tokenStart;
        int m = t.mark();
        openAngle();
        while (tok != GT && tok != EOF) {
            int ps = lx.tokenStart;
            int pm = t.mark();
            int flags = 0;
            while (atTypeParameterModifier()) {
                if (tok == K_CONST) flags |= MOD_CONST;
                else if (tok == K_IN) flags |= MOD_IN;
                else if (tok == K_OUT) flags |= MOD_OUT;
                else error(lx.tokenStart, lx.tokenEnd, Diag.MODIFIER_ON_TYPE_PARAMETER, tok);
                next();
            }
            if (!Token.isIdentifierLike(tok) && !Token.isReserved(tok)) {
                error(ps, lx.tokenEnd, Diag.TYPE_PARAMETER_EXPECTED, 0);
                if (tok != COMMA) break;
            } else {
                parseBindingIdentifierAnyWord();
            }
            if (tok == K_EXTENDS) {
                next();
                parseType();
                flags |= TP_CONSTRAINT;
            }
            if (tok == ASSIGN) {
                next();
                parseType();
                flags |= TP_DEFAULT;
            }
            t.finish(TYPE_PARAMETER, pm, ps, lastEnd, flags);
            if (tok != GT && !eat(COMMA)) { errorExpected(COMMA); break; }
        }
        expect(GT);
        t.finish(TYPE_PARAMETERS, m, s, lastEnd, 0);
    }

    /**
     * A modifier where TypeScript's parser takes one before a type parameter's name: a modifier
     * keyword followed (on the same line, but after `static` or `export`) by what can follow a
     * modifier. So `<in\nT>` names a parameter `in` (an error) and `<static extends X>` one `extends`.
     */
    private boolean atTypeParameterModifier() {
        int k = tok;
        boolean modifier = k == K_CONST || k == K_IN || k == K_EXPORT
                || ((k == K_OUT || k == K_PUBLIC || k == K_PRIVATE || k == K_PROTECTED || k == K_STATIC || k == K_READONLY
                    || k == K_ABSTRACT || k == K_OVERRIDE || k == K_DECLARE || k == K_ACCESSOR || k == K_ASYNC) && !escaped());
        if (!modifier) return false;
        int pk = peek();
        if (peekNewline != 0 && k != K_STATIC && k != K_EXPORT) return false;
        if (k == K_EXPORT && (pk == STAR || pk == K_AS || pk == LBRACE)) return false;
        return pk == LBRACKET || pk == LBRACE || pk == STAR || pk == ELLIPSIS || pk == STRING || pk == NUMBER || pk == BIGINT
                || Token.isIdentifierName(pk);
    }

    /** Consumes a `<` that opens a type list; from `<<` only the first character (`A<<T>() => T>`). */
    private void openAngle() {
        if (tok == SHL || tok == LE || tok == SHL_ASSIGN) {
            lastEnd = lx.tokenStart + 1;
            tok = lx.rescanAt(lx.tokenStart + 1);
        } else {
            next();
        }
    }

    /** A type's own name: any identifier-like word, reported when reserved. */
    private void parseBindingIdentifierAnyWord() {
        int s = lx.tokenStart;
        if (Token.isReserved(tok)) error(s, lx.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, tok);
        int id = lx.internIdentifier();
        next();
        leaf(BINDING_IDENTIFIER, s, lastEnd, id);
    }

    private void parseTypeArguments() {
        int s = lx.tokenStart;
        int m = t.mark();
        openAngle();
        while (tok != GT && tok != EOF) {
            parseType();
            if (tok != GT && !eat(COMMA)) { errorExpected(GT); break; }
        }
        expect(GT);
        t.finish(TYPE_ARGUMENTS, m, s, lastEnd, 0);
    }

    /**
     * In an expression, `<` after an operand may open type arguments (`f<T>(x)`): parsed
     * speculatively, kept when the list closes and what follows can follow type arguments.
     */
    private boolean tryParseTypeArgumentsInExpression() {
        if (!ts || tok != LT) return false;
        int d = speculate();
        if (d < 0) return false;
        next();
        while (tok != GT && tok != EOF) {
            parseType();
            if (specFailed(d)) break;
            if (tok != GT && !eat(COMMA)) { errorCount++; break; }
        }
        if (tok != GT || specFailed(d)) {
            rollback(d);
            return false;
        }
        // `>` closes the list; rescanning is not wanted here (`>>` are two closers)
        int closeEnd = lx.tokenEnd;
        next();
        if (!canFollowTypeArguments()) {
            rollback(d);
            return false;
        }
        commit(d);
        int s = specStates[d][2];
        t.finish(TYPE_ARGUMENTS, specMark[d], s, closeEnd, 0);
        return true;
    }

    private boolean canFollowTypeArguments() {
        switch (tok) {
            case LPAREN: case NO_SUBST_TEMPLATE: case TEMPLATE_HEAD:
                return true;
            case LT: case GT: case PLUS: case MINUS:
                return false;
            default:
                // `as` and `satisfies` are binary operators to TypeScript here: `f<T> as U` is an instantiation
                return lx.newlineBefore || isBinaryOperator(tok) || ((tok == K_AS || tok == K_SATISFIES) && !escaped())
                        || !startsExpression(tok);
        }
    }

    // ================================================================== TypeScript: declarations

    /** interface / type / enum / namespace / module / declare / abstract at statement start; true when handled. */
    private boolean tryParseTypeScriptDeclaration(int s, int m, int modifiers) {
        if (!ts) return false;
        enter();
        try {
            return tryParseTypeScriptDeclarationInner(s, m, modifiers);
        } finally {
            exit();
        }
    }

    private boolean tryParseTypeScriptDeclarationInner(int s, int m, int modifiers) {
        switch (tok) {
            case K_INTERFACE:
                if (escaped() || !nextIsIdentifierOnSameLine(false)) return false;
                parseInterface(s, m, modifiers);
                return true;
            case K_TYPE:
                if (escaped() || !nextIsIdentifierOnSameLine(true)) return false;
                parseTypeAlias(s, m, modifiers);
                return true;
            case K_ENUM:
                parseEnum(s, m, modifiers);
                return true;
            case K_CONST:
                if (peek() == K_ENUM) {
                    next();
                    parseEnum(s, m, modifiers | MOD_CONST);
                    return true;
                }
                return false;
            case K_NAMESPACE:
            case K_MODULE: {
                if (escaped()) return false;
                int pk = peek();
                if (peekNewline != 0) return false;
                // a reserved word does not follow (TypeScript: `namespace with` is the name `namespace`, then an error)
                if (!(Token.isIdentifierLike(pk) || (pk == STRING && tok == K_MODULE))) return false;
                parseModuleDeclaration(s, m, modifiers);
                return true;
            }
            case K_GLOBAL: {
                if (escaped() || (modifiers & MOD_DECLARE) == 0) {
                    int pk = peek();
                    if (pk != LBRACE || peekNewline != 0) return false;
                }
                parseModuleDeclaration(s, m, modifiers);
                return true;
            }
            case K_DECLARE: {
                if (escaped()) return false;
                int pk = peek();
                if (peekNewline != 0 || !isDeclareTarget(pk)) return false;
                next();
                boolean savedAmbient = ambient;
                ambient = true;
                parseDeclaredStatement(s, m, modifiers | MOD_DECLARE);
                ambient = savedAmbient;
                return true;
            }
            case K_ABSTRACT: {
                if (escaped()) return false;
                int pk = peek();
                if (pk != K_CLASS || peekNewline != 0) return false;
                next();
                classModifiers = modifiers | MOD_ABSTRACT;
                parseClass(true, s);
                if (t.mark() - m > 1) t.finish(INVALID, m, s, lastEnd, 0);
                return true;
            }
            default:
                return false;
        }
    }

    private boolean isDeclareTarget(int k) {
        switch (k) {
            case K_VAR: case K_LET: case K_CONST: case K_FUNCTION: case K_CLASS: case K_ENUM: case K_INTERFACE:
            case K_TYPE: case K_NAMESPACE: case K_MODULE: case K_GLOBAL: case K_ABSTRACT: case K_ASYNC: case K_USING:
                return true;
            default:
                return false;
        }
    }

    /**
     * After {@code declare} (consumed; it starts at {@code s}): the declaration it modifies. When
     * the word after it turns out not to start one ({@code declare module} at the end of the text,
     * {@code declare type} before a line break), {@code declare} was a plain identifier, as
     * TypeScript reads it: an expression statement of its own, "';' expected." at the next word.
     */
    private void parseDeclaredStatement(int s, int m, int modifiers) {
        if (tryParseTypeScriptDeclaration(s, m, modifiers)) return;
        if (tok == K_MODULE || tok == K_NAMESPACE || tok == K_GLOBAL || tok == K_TYPE || tok == K_INTERFACE
                || tok == K_ABSTRACT || tok == K_ENUM) {
            int declareEnd = s + 7; // `declare`, unescaped (escaped() was checked)
            if ((modifiers & ~MOD_DECLARE) == 0) {
                leaf(IDENTIFIER_REFERENCE, s, declareEnd, internLiteral("declare"));
                t.finish(EXPRESSION_STATEMENT, m, s, declareEnd, 0);
                error(lx.tokenStart, lx.tokenEnd, Diag.TOKEN_EXPECTED, SEMICOLON);
            } else {
                error(s, declareEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
            }
            parseStatement();
            if ((modifiers & ~MOD_DECLARE) != 0) {
                // the statement covers `declare`, which is in no node of its own
                int stmt = t.pending(t.mark() - 1);
                if (t.start(stmt) > s) t.setStart(stmt, s);
            }
            return;
        }
        switch (tok) {
            case K_VAR: parseVariableStatementWithModifiers(s, VAR_VAR, modifiers); return;
            case K_LET: parseVariableStatementWithModifiers(s, VAR_LET, modifiers); return;
            case K_CONST: parseVariableStatementWithModifiers(s, VAR_CONST, modifiers); return;
            case K_USING: parseVariableStatementWithModifiers(s, VAR_USING, modifiers); return;
            case K_FUNCTION: parseFunctionDeclaration(s, modifiers, false); return;
            case K_ASYNC: next(); parseFunctionDeclaration(s, F_ASYNC | modifiers, false); return;
            case K_CLASS: classModifiers = modifiers; parseClass(true, s); return;
            default:
                parseStatement();
        }
    }

    private void parseVariableStatementWithModifiers(int s, int kind, int modifiers) {
        parseVariableStatement(kind);
        int decl = t.pending(t.mark() - 1);
        t.setData(decl, t.data(decl) | modifiers);
        // the declaration's span starts at `declare`
        if (t.start(decl) > s) t.setStart(decl, s);
    }

    private boolean nextIsIdentifierOnSameLine(boolean typeAlias) {
        int pk = peek();
        return peekNewline == 0 && (Token.isIdentifierLike(pk) || (Token.isReserved(pk) && pk != K_IN && pk != K_INSTANCEOF));
    }

    private void parseInterface(int s, int m, int modifiers) {
        next(); // interface
        parseBindingIdentifierAnyWord();
        if (tok == LT) parseTypeParameters();
        if (tok == K_EXTENDS) parseHeritageClause(K_EXTENDS);
        int bs = lx.tokenStart;
        int bm = t.mark();
        expect(LBRACE);
        parseTypeMembers();
        expect(RBRACE);
        t.finish(INTERFACE_BODY, bm, bs, lastEnd, 0);
        t.finish(INTERFACE_DECLARATION, m, s, lastEnd, modifiers);
    }

    private void parseHeritageClause(int keyword) {
        int s = lx.tokenStart;
        int m = t.mark();
        next(); // extends / implements
        do {
            int es = lx.tokenStart;
            int em = t.mark();
            parseEntityNameExpression(false);
            if (tok == LT) parseTypeArguments();
            t.finish(EXPRESSION_WITH_TYPE_ARGUMENTS, em, es, lastEnd, 0);
        } while (eat(COMMA));
        t.finish(HERITAGE_CLAUSE, m, s, lastEnd, keyword);
    }

    /** a.b.c as an expression (IDENTIFIER_REFERENCE and MEMBER nodes). */
    /** `A.B.C`; in an import-equals' module reference (moduleReference) no part may be a reserved word, as in TypeScript. */
    private void parseEntityNameExpression(boolean moduleReference) {
        int s = lx.tokenStart;
        int m = t.mark();
        if (!Token.isIdentifierName(tok)) {
            error(s, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            errorNode(s, s);
            return;
        }
        if (moduleReference && Token.isReserved(tok)) error(s, lx.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, tok);
        int id = lx.internIdentifier();
        next();
        leaf(IDENTIFIER_REFERENCE, s, lastEnd, id);
        while (tok == DOT) {
            next();
            if (moduleReference && Token.isReserved(tok)) error(lx.tokenStart, lx.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, tok);
            parseMemberName();
            t.finish(MEMBER, m, s, lastEnd, 0);
        }
    }

    private void parseTypeAlias(int s, int m, int modifiers) {
        next(); // type
        parseBindingIdentifierAnyWord();
        if (tok == LT) parseTypeParameters();
        expect(ASSIGN);
        parseType();
        semicolon();
        t.finish(TYPE_ALIAS, m, s, lastEnd, modifiers);
    }

    private void parseEnum(int s, int m, int modifiers) {
        next(); // enum
        parseBindingIdentifierAnyWord();
        expect(LBRACE);
        while (tok != RBRACE && tok != EOF) {
            int es = lx.tokenStart;
            int em = t.mark();
            if (tok == STRING) {
                next();
                leaf(STRING_LITERAL, es, lastEnd, 0);
            } else if (Token.isIdentifierName(tok)) {
                int id = lx.internIdentifier();
                next();
                leaf(IDENTIFIER_NAME, es, lastEnd, id);
            } else if (tok == LBRACKET) {
                next();
                parseAssignment();
                expect(RBRACKET);
            } else {
                error(es, lx.tokenEnd, Diag.ENUM_MEMBER_EXPECTED, 0);
                if (tok == SEMICOLON || tok == RPAREN) break;
                next();
                t.finish(INVALID, em, es, lastEnd, 0);
                continue;
            }
            if (eat(ASSIGN)) parseAssignment();
            t.finish(ENUM_MEMBER, em, es, lastEnd, 0);
            if (tok != RBRACE && !eat(COMMA)) { errorExpected(COMMA); if (!Token.isIdentifierName(tok) && tok != STRING) break; }
        }
        expect(RBRACE);
        t.finish(ENUM_DECLARATION, m, s, lastEnd, modifiers);
    }

    private void parseModuleDeclaration(int s, int m, int modifiers) {
        int keyword = tok;
        if (tok != K_GLOBAL) next(); // namespace / module
        int ns = lx.tokenStart;
        int nameToken = tok;
        if (tok == STRING) {
            next();
            leaf(STRING_LITERAL, ns, lastEnd, 0);
        } else if (tok == K_GLOBAL && keyword == K_GLOBAL) {
            int id = lx.internIdentifier();
            next();
            leaf(IDENTIFIER_NAME, ns, lastEnd, id);
        } else {
            // a.b.c
            int nm = t.mark();
            int id = lx.internIdentifier();
            if (!Token.isIdentifierName(tok)) error(ns, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            next();
            leaf(BINDING_IDENTIFIER, ns, lastEnd, id);
            while (tok == DOT) {
                next();
                int qs = lx.tokenStart;
                int qid = lx.internIdentifier();
                if (!Token.isIdentifierName(tok)) error(qs, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                next();
                leaf(IDENTIFIER_NAME, qs, lastEnd, qid);
                t.finish(QUALIFIED_NAME, nm, ns, lastEnd, 0);
            }
        }
        if (tok == LBRACE) {
            int bs = lx.tokenStart;
            int bm = t.mark();
            next();
            int savedCtx = ctx;
            int savedLabelBase = labelBase;
            labelBase = labelTop;
            ctx &= ~(CTX_FUNCTION | CTX_ITERATION | CTX_BREAKABLE);
            boolean savedAmbient = ambient;
            if ((modifiers & MOD_DECLARE) != 0) ambient = true;
            moduleBlockDepth++;
            parseStatementList(RBRACE, true);
            moduleBlockDepth--;
            ambient = savedAmbient;
            ctx = savedCtx;
            labelBase = savedLabelBase;
            expect(RBRACE);
            t.finish(MODULE_BLOCK, bm, bs, lastEnd, 0);
        } else if (nameToken == STRING || keyword == K_GLOBAL) {
            semicolon(); // `declare module "m";`, `declare global;`: no body needed
        } else {
            errorExpected(LBRACE); // a namespace has a body (TypeScript's parser)
        }
        t.finish(MODULE_DECLARATION, m, s, lastEnd, keyword | modifiers);
    }

    /** Inside `namespace X { }`: import/export are allowed at its top level. */
    private int moduleBlockDepth;

    /** `import x = require("m")` / `import x = A.B` after `import [type] x` (current token `=`); whether it was `require`. */
    private boolean parseImportEqualsRest(int s, int m, int flags) {
        next(); // =
        int rs = lx.tokenStart;
        if (atContextual(K_REQUIRE) && peek() == LPAREN) {
            int rm = t.mark();
            next();
            next(); // (
            parseModuleSpecifier();
            expect(RPAREN);
            t.finish(EXTERNAL_MODULE_REFERENCE, rm, rs, lastEnd, 0);
            semicolon();
            t.finish(IMPORT_EQUALS, m, s, lastEnd, flags);
            return true;
        }
        parseEntityNameExpression(true);
        semicolon();
        t.finish(IMPORT_EQUALS, m, s, lastEnd, flags);
        return false;
    }

    /** Parameter modifiers (TypeScript parameter properties) and decorators, then the parameter. */
    private void parseParameter() {
        int s = lx.tokenStart;
        int m = t.mark();
        int flags = 0;
        while (tok == AT) parseDecorator();
        if (ts) {
            while ((atContextual(K_PUBLIC) || atContextual(K_PRIVATE) || atContextual(K_PROTECTED)
                    || atContextual(K_READONLY) || atContextual(K_OVERRIDE))) {
                int pk = peek();
                if (!(Token.isIdentifierLike(pk) || pk == LBRACKET || pk == LBRACE || pk == K_THIS)) break;
                flags |= modifierFlag(tok);
                next();
            }
        }
        boolean rest = false;
        int rs = lx.tokenStart;
        int rm = t.mark();
        if (tok == ELLIPSIS) {
            rest = true;
            next();
        }
        if (ts && tok == K_THIS && !rest) {
            int ts0 = lx.tokenStart;
            if (flags != 0 || rm > m) error(s, ts0, Diag.MODIFIERS_ON_THIS_PARAMETER, 0);
            int id = lx.internIdentifier();
            next();
            leaf(BINDING_IDENTIFIER, ts0, lastEnd, id);
            if (tok == QUESTION) errorExpected(COMMA); // TypeScript: `this` takes a type, never `?`
        } else if (!(Token.isIdentifierLike(tok) || tok == LBRACKET || tok == LBRACE || Token.isReserved(tok))) {
            error(lx.tokenStart, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            errorNode(lx.tokenStart, lx.tokenStart);
        } else {
            parseBindingTarget();
        }
        if (ts && tok == QUESTION) {
            next();
            flags |= P_OPTIONAL;
        }
        boolean typed = parseTypeAnnotationOpt();
        if (rest) {
            if (tok == ASSIGN) {
                error(lx.tokenStart, lx.tokenEnd, Diag.REST_WITH_INITIALIZER, 0);
                next();
                parseAssignment();
            }
            if (typed || flags != 0) {
                t.finish(REST_ELEMENT, rm, rs, lastEnd, 0);
                t.finish(PARAMETER, m, s, lastEnd, flags);
            } else {
                t.finish(REST_ELEMENT, rm, rs, lastEnd, 0);
                if (t.mark() - m > 1) t.finish(PARAMETER, m, s, lastEnd, flags);
            }
            return;
        }
        if (tok == ASSIGN) {
            next();
            parseAssignment();
            if (!typed && flags == 0 && t.mark() - m == 2) {
                t.finish(ASSIGNMENT_PATTERN, m, s, lastEnd, 0);
                return;
            }
        }
        if (typed || flags != 0 || t.mark() - m != 1) t.finish(PARAMETER, m, s, lastEnd, flags);
    }

    // ================================================================== TypeScript: arrows and expressions

    private final IntSet failedArrows = new IntSet();

    /** Modifiers for the next class (abstract, declare, export default), set by statement parsers. */
    private int classModifiers;

    /**
     * TypeScript arrow function with typed parameters, type parameters or a return type, tried
     * speculatively at `(` or `<`. Returns true when an arrow was parsed.
     */
    private boolean tryParseTypedArrow(int flags, int s) {
        if (!ts || specDepth > 24) return false;
        // a failed attempt at this position is not repeated: nested parentheses stay linear
        int at = lx.tokenStart;
        if (failedArrows.contains(at)) return false;
        int d = speculate();
        if (d < 0) return false;
        int m = t.mark();
        int saved = ctx;
        if ((flags & F_ASYNC) != 0) ctx |= CTX_AWAIT;
        if (tok == LT) parseTypeParameters();
        if (tok != LPAREN || specFailed(d)) { ctx = saved; rollback(d); return false; }
        parseFormalParameters();
        if (!specFailed(d) && tok == COLON) {
            next();
            parseReturnType();
        }
        ctx = saved;
        if (specFailed(d) || tok != ARROW) {
            rollback(d);
            failedArrows.add(at);
            return false;
        }
        commit(d);
        if (lx.newlineBefore) error(lx.tokenStart, lx.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
        parseArrowBody(flags, s, m);
        return true;
    }

    // ================================================================== JSX

    /** `<` in expression position: a JSX element or fragment. */
    private void parseJsxElementOrFragment(boolean inJsxChild) {
        int s = lx.tokenStart;
        int m = t.mark();
        if (!enter()) { exit(); errorNode(s, s); return; }
        next(); // <
        if (tok == GT) {
            // fragment
            jsxNextChild();
            parseJsxChildren();
            // at `<` `/`
            int cs = lx.tokenStart;
            next(); // /
            if (tok == SLASH) next(); else errorExpected(SLASH);
            if (tok != GT) {
                error(cs, lx.tokenEnd, Diag.JSX_FRAGMENT_CLOSING, 0);
                while (tok != GT && tok != EOF && tok != LT) next();
            }
            finishJsxClose(inJsxChild);
            t.finish(JSX_FRAGMENT, m, s, lastEnd, 0);
            exit();
            return;
        }
        int om = t.mark();
        int nameStart = lx.tokenStart;
        parseJsxElementName();
        int nameEnd = lastEnd;
        if (ts && tok == LT) parseTypeArguments();
        // attributes
        while (tok != GT && tok != SLASH && tok != EOF) {
            int as = lx.tokenStart;
            int am = t.mark();
            if (tok == LBRACE) {
                next();
                if (tok == ELLIPSIS) next(); else errorExpected(ELLIPSIS);
                parseAssignment();
                expect(RBRACE);
                t.finish(JSX_SPREAD_ATTRIBUTE, am, as, lastEnd, 0);
                continue;
            }
            if (!Token.isIdentifierName(tok)) {
                error(as, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                if (tok == LT || tok == RBRACE) break;
                next();
                t.finish(INVALID, am, as, lastEnd, 0);
                continue;
            }
            parseJsxAttributeName();
            if (tok == ASSIGN) {
                int before = log.diagnosticCount();
                next();
                if (tok == STRING) {
                    lx.reScanJsxString(before);
                    int vs = lx.tokenStart;
                    next();
                    leaf(STRING_LITERAL, vs, lastEnd, 0);
                } else if (tok == LBRACE) {
                    int es = lx.tokenStart;
                    int em = t.mark();
                    next();
                    if (tok == RBRACE) error(es, lx.tokenEnd, Diag.JSX_EMPTY_ATTRIBUTE_EXPRESSION, 0);
                    else parseAssignment();
                    expect(RBRACE);
                    t.finish(JSX_EXPRESSION_CONTAINER, em, es, lastEnd, 0);
                } else if (tok == LT) {
                    parseJsxElementOrFragment(false);
                } else {
                    error(lx.tokenStart, lx.tokenEnd, Diag.JSX_ATTRIBUTE_VALUE_EXPECTED, 0);
                }
            }
            t.finish(JSX_ATTRIBUTE, am, as, lastEnd, 0);
        }
        if (tok == SLASH) {
            // self-closing
            next();
            if (tok != GT) errorExpected(GT);
            t.finish(JSX_OPENING_ELEMENT, om, s, tok == GT ? lx.tokenEnd : lastEnd, 1);
            finishJsxClose(inJsxChild);
            t.finish(JSX_ELEMENT, m, s, lastEnd, 0);
            exit();
            return;
        }
        if (tok != GT) {
            errorExpected(GT);
            t.finish(JSX_OPENING_ELEMENT, om, s, lastEnd, 0);
            t.finish(JSX_ELEMENT, m, s, lastEnd, 0);
            exit();
            return;
        }
        t.finish(JSX_OPENING_ELEMENT, om, s, lx.tokenEnd, 0);
        jsxNextChild();
        parseJsxChildren();
        // closing element: at `<` and next is `/`
        int cs = lx.tokenStart;
        int cm = t.mark();
        if (tok == LT) {
            next(); // <
            next(); // /
            int closeNameStart = lx.tokenStart;
            if (tok != GT) parseJsxElementName();
            if (!sameText(nameStart, nameEnd, closeNameStart, lastEnd)) {
                error(closeNameStart, Math.max(closeNameStart, lastEnd), Diag.JSX_CLOSING_TAG, 0);
            }
            if (tok != GT) errorExpected(GT);
            // without its `>` (still being typed) the tag ends at its name: the next token is not its own
            t.finish(JSX_CLOSING_ELEMENT, cm, cs, tok == GT ? lx.tokenEnd : lastEnd, 0);
            finishJsxClose(inJsxChild);
        } else {
            error(nameStart, nameEnd, Diag.JSX_NO_CLOSING_TAG, 0);
        }
        t.finish(JSX_ELEMENT, m, s, lastEnd, 0);
        exit();
    }

    /** Consumes the closing `>` of a tag: inside children the next token is scanned as JSX text. */
    private void finishJsxClose(boolean inJsxChild) {
        if (tok != GT) return;
        if (inJsxChild) jsxNextChild(); else next();
    }

    private void jsxNextChild() {
        lastEnd = lx.tokenEnd;
        tok = lx.scanJsxChild();
    }

    /** Children up to the `<` of a closing tag `</`. */
    private void parseJsxChildren() {
        while (tok != EOF) {
            int cs = lx.tokenStart;
            if (tok == Token.JSX_TEXT) {
                leaf(NodeKind.JSX_TEXT, cs, lx.tokenEnd, 0);
                jsxNextChild();
                continue;
            }
            if (tok == LBRACE) {
                int em = t.mark();
                next();
                int kind = JSX_EXPRESSION_CONTAINER;
                if (tok == ELLIPSIS) { next(); kind = JSX_SPREAD_CHILD; }
                if (tok != RBRACE) parseExpression();
                if (tok != RBRACE) {
                    errorExpected(RBRACE);
                    t.finish(kind, em, cs, lastEnd, 0);
                    // resynchronise on the next `<` or `}` by scanning as text
                    while (tok != RBRACE && tok != LT && tok != EOF) next();
                    if (tok == LT) continue;
                    if (tok == EOF) return;
                } else {
                    t.finish(kind, em, cs, lx.tokenEnd, 0);
                }
                jsxNextChild();
                continue;
            }
            if (tok == LT) {
                int pk = peek();
                if (pk == SLASH) return; // closing tag of the parent
                parseJsxElementOrFragment(true);
                continue;
            }
            break;
        }
        if (tok == EOF) error(lx.tokenStart, lx.tokenStart, Diag.TOKEN_EXPECTED, LT);
    }

    private void parseJsxElementName() {
        int s = lx.tokenStart;
        int m = t.mark();
        if (!Token.isIdentifierName(tok)) {
            error(s, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            errorNode(s, s);
            return;
        }
        if (parseJsxIdentifierOrNamespaced(s, m)) return;
        while (tok == DOT) {
            next();
            int ps = lx.tokenStart;
            int pid = lx.internIdentifier();
            if (!Token.isIdentifierName(tok)) error(ps, lx.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            next();
            leaf(IDENTIFIER_NAME, ps, lastEnd, pid);
            t.finish(JSX_MEMBER_EXPRESSION, m, s, lastEnd, 0);
        }
    }

    private void parseJsxAttributeName() {
        parseJsxIdentifierOrNamespaced(lx.tokenStart, t.mark());
    }

    /**
     * A JSX identifier at the current token (which starts at {@code s}), and {@code :name} after it
     * when there is one, finishing the namespaced name from {@code m}. Returns true when namespaced.
     */
    private boolean parseJsxIdentifierOrNamespaced(int s, int m) {
        jsxIdentifier(s);
        if (tok != COLON) return false;
        next();
        jsxIdentifier(lx.tokenStart);
        t.finish(JSX_NAMESPACED_NAME, m, s, lastEnd, 0);
        return true;
    }

    /** The current token, rescanned as a JSX identifier (dashes allowed), as a leaf. */
    private void jsxIdentifier(int s) {
        lx.reScanJsxIdentifier();
        tok = lx.token;
        int id = lx.internIdentifier();
        next();
        leaf(JSX_IDENTIFIER, s, lastEnd, id);
    }

    private boolean sameText(int s1, int e1, int s2, int e2) {
        if (e1 - s1 != e2 - s2) return false;
        for (int i = 0; i < e1 - s1; i++) {
            char a = src[s1 + i], b = src[s2 + i];
            if (a != b && !(Character.isWhitespace(a) && Character.isWhitespace(b))) return false;
        }
        return true;
    }

    /** In TSX, `<T,>` and `<T extends X>` start a generic arrow, not an element. */
    private boolean isGenericArrowInTsx() {
        lookaheadBegin();
        boolean result = false;
        int k = lx.next();
        if (Token.isIdentifierLike(k) || k == K_CONST) {
            int k2 = lx.next();
            if (k == K_CONST && Token.isIdentifierLike(k2)) k2 = lx.next();
            result = k2 == COMMA || k2 == K_EXTENDS && (lx.next() != ASSIGN);
        }
        lookaheadEnd();
        return result;
    }
}
