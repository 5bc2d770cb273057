package dev.arenals.parser;

import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.grammar.GrammarChecks;
import dev.arenals.parser.lexer.Lexer;
import dev.arenals.parser.lexer.RegexValidator;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.IntSet;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.parser.tree.TreeSink;

/**
 * All state of one parser, and the token and speculation primitives every grammar area uses. The
 * grammar itself is static methods in the {@code *Grammar} classes, each taking this context as
 * {@code p}: cross-area calls are static calls, so the JIT inlines them as it did the methods of
 * the one class they came from. One instance per {@link Parser}, reused parse after parse;
 * {@link #begin} resets it.
 */
final class ParseContext {
    // ================================================================== constants

    /** Nesting limit; each level costs a handful of frames, well inside a 512 KB stack. */
    static final int MAX_DEPTH = 400;

    // context bits, in ctx
    static final int CTX_STRICT = 1;
    static final int CTX_FUNCTION = 2;        // return allowed
    static final int CTX_AWAIT = 4;           // await is an operator here
    static final int CTX_YIELD = 8;           // yield is an operator here
    static final int CTX_NO_IN = 16;          // 'in' is not a binary operator (for-init)
    static final int CTX_ITERATION = 32;      // continue allowed
    static final int CTX_BREAKABLE = 64;      // unlabelled break allowed
    static final int CTX_SUPER_CALL = 128;
    static final int CTX_SUPER_PROP = 256;
    static final int CTX_NEW_TARGET = 512;
    static final int CTX_PARAMS = 1024;       // inside formal parameters
    static final int CTX_CLASS_BODY = 2048;   // private names may be referenced
    static final int CTX_STATIC_BLOCK = 4096; // await reserved, arguments forbidden
    static final int CTX_FIELD_INIT = 8192;   // class field initializer: arguments forbidden
    static final int CTX_IN_CLASS = 16384;    // anywhere inside a class, its name and heritage too (TypeScript's strict-mode messages)
    /**
     * A namespace body or an enum's initializers outside any function: TypeScript never reparses them as
     * top-level await (its factory clears ContainsPossibleTopLevelAwait there), so `await` is an operator
     * only before a word or a literal on its line, as in a function that is not async (TS1308).
     */
    static final int CTX_NO_TOP_LEVEL_AWAIT = 32768;
    /**
     * Inside a type: TypeScript's parseType leaves the await and yield contexts, so `await` before no word is a
     * name there, judged by its binder alone (TS1262 at a module's top level, else nothing). Also the members
     * of an interface that no async function or static block holds (TypeScript never reparses those for
     * top-level await).
     */
    static final int CTX_IN_TYPE = 1 << 16;
    /**
     * Inside a type member after its name, a call, construct or index signature, or a typed arrow's head:
     * TypeScript's getThisContainer stops there, so nothing in it is at a module's top level.
     */
    static final int CTX_IN_SIGNATURE = 1 << 17;
    /**
     * TypeScript's await context where ours says nothing of it: an exported class's heritage and members (its
     * parseClassDeclarationOrExpression sets the context there) and the expression of `export =` or `export default`
     * (parseExportAssignment). A type parameter named `await` is no identifier to it there (TS1139); `ctx`'s own
     * await rules do not change.
     */
    static final int CTX_TS_AWAIT = 1 << 18;
    /** Marker in FunctionGrammar's extraCtx: methods, accessors and arrows never allow duplicate parameters. */
    static final int CTX_METHOD_LIKE = 1 << 20;

    // ================================================================== state
    // Every field is reset by begin() (or needs no reset: buffers, and stacks whose top is reset).
    // Fields stay flat here, one load from p; only cold state one area owns (labels, private
    // names) sits in a holder reset by one call. The speculation arrays and cover positions stay
    // flat: speculate/rollback and every assignment expression touch them.

    // ---- the parse: input, output and options, set by begin()
    final Lexer lexer = new Lexer();
    final RegexValidator regex = new RegexValidator();
    TreeSink sink;
    ParseLog log;
    NameTable names;
    char[] src;
    int srcLength;
    /** Parsed with the module goal (strict, await reserved). */
    boolean module;
    boolean ts;
    boolean jsx;
    /** A .d.ts file: everything is ambient. */
    private boolean dts;
    /** AUTO goal: a script until module syntax shows up. */
    boolean autoGoal;

    // ---- hot: the current token and where the parse is
    /** The current token (a Token constant); its span is lexer.tokenStart..tokenEnd. */
    int tok;
    /** End of the previous token: where the node being finished ends. */
    int lastEnd;
    /** CTX_* bits of the innermost function, class body, loop… */
    int ctx;
    /** Nesting depth (enter/exit); past MAX_DEPTH the parse skips to the end. */
    private int depth;
    boolean tooDeep;
    /** Errors reported so far: a speculation failed when it changed. */
    int errorCount;
    /** Inside `declare` / .d.ts / `declare namespace`: bodies and initialisers may be absent. */
    boolean ambient;

    // ---- what the parse found, read by JsParser and IncrementalReparse
    /** AUTO goal: import/export/import.meta seen, so the file is a module. */
    boolean sawModuleSyntax;
    /** AUTO goal: sloppy code decided something strict code would not ({@link #strictHere}). */
    boolean sloppyMattered;
    /** Tokens consumed, and tokens consumed by speculative parses that were rolled back. */
    private int tokenCount;
    int wastedTokens;

    // ---- well-known names, interned per parse
    int nameEval, nameArguments, nameConstructor, nameProto, namePrototype, nameUseStrict;

    // ---- cover grammar (ArrowGrammar, PatternGrammar, LiteralGrammar): what an expression did
    // that it may not do once it turns out to be a pattern or arrow parameters
    /** Position of a CoverInitializedName ({a = 1}) not yet proven to be a pattern, or -1. */
    int coverInitPos = -1;
    /** The pending cover error is a duplicate __proto__ (an error unless the object becomes a pattern), not a shorthand initializer. */
    boolean coverIsProto;
    /** Positions of the last yield / await expression (to reject them in arrow parameters). */
    int lastYieldPos = -1;
    int lastAwaitPos = -1;
    /** Position of the last `await` used as an identifier (invalid if it turns out to be in async arrow parameters). */
    int lastAwaitIdentPos = -1;
    /** End of the last arrow function: no assignment operator or `?` may follow an arrow (afterArrow). */
    int arrowEndPos = -1;
    /** Where a private name may start `#x in y` (RelationalExpression : PrivateIdentifier in ShiftExpression): a binary operand's start. */
    int privateInPos = -1;
    /**
     * The start of the last operand of an operator (unary, update, binary, `await`, a type assertion), of `new`
     * or of a class heritage: no AssignmentExpression starts there, so no typed arrow (`a ? !(x): y => 1` is
     * `a ? !(x) : (y => 1)`) and no TSX `async <T,` arrow starts there (TypeScript decides on arrows in
     * parseAssignmentExpressionOrHigher only).
     */
    int operatorOperandPos = -1;
    /** TS: positions where `(`/`<` did not start a typed arrow, so the speculation is not tried again. */
    final IntSet failedArrows = new IntSet();
    /**
     * TS: where an AssignmentExpression starts that TypeScript parses with allowReturnTypeInArrowFunction
     * false: a conditional's consequent, and what inherits it (an arrow's expression body, an assignment's
     * right side, the alternate). An arrow there whose head TypeScript is not sure of keeps a return type
     * only if `:` follows its body (`a ? (x) : y => 1` is `a ? (x) : (y => 1)`); else -1.
     */
    int noReturnTypeAt = -1;
    /**
     * While a typed arrow's type parameters, parameters and return type are parsed speculatively:
     * that speculation's handle + 1, else 0. Any error it keeps fails it, so once it has one,
     * parameter lists may stop early (the speculation of an `async (` does not fail on errors in
     * the arrow's body, so {@link #tooManySpeculativeErrors} cannot tell this).
     */
    int arrowParamsSpec;
    /**
     * Set while a typed arrow's type parameters are read speculatively (not in TSX, not inside a type): TypeScript's
     * parseDelimitedList skips a `?` or `:` on the line there, as no list open around such an arrow takes it.
     */
    boolean arrowTypeParameters;
    /** Whether the errors of the last such list all came from the recoveries modelled on TypeScript's. */
    boolean arrowTypeParametersModelled;
    /**
     * TypeScript's open parsing contexts (its ParsingContext bits, {@code LIST_*}), set where our grammar opens the
     * corresponding list and restored where it closes: its abortParsingListOrMoveToNextToken asks every open list
     * whether it takes a token no element of the innermost starts ({@link #anOpenListTakesEveryToken}). Only the
     * lists whose answer is certain are tracked; set once per list, read on error paths only.
     */
    int openLists;
    /** TypeArguments (TypeScript's ParsingContext 20): its terminator is any token but `,`, so every recovery inside ends its list. */
    static final int LIST_TYPE_ARGUMENTS = 1 << 20;

    // ---- statements (StatementGrammar)
    /** Labels in scope (cold: a holder at the end of this file, reset by one call). */
    final Labels labels = new Labels();
    /** True while parsing the statements of a switch case clause. */
    boolean inCaseClause;
    /** The statement being parsed is the body of an if, loop or with: a labelled function is an error there. */
    boolean bodyPosition;
    // right-nested chains (`else if`, `a ? b : c ? …`): the marks and starts of their open nodes,
    // finished innermost first when the chain ends, so a chain of any length uses no nesting depth
    int[] chainMark = new int[32];
    int[] chainStart = new int[32];
    int chainTop;

    // ---- expressions (ExpressionGrammar): binary operator stack, explicit so long chains never recurse
    int[] opStack = new int[64];
    int[] opMark = new int[64];
    int[] opStart = new int[64];
    int opTop;

    // ---- classes (ClassGrammar)
    /** Modifiers for the next class (abstract, declare, export default), set by statement parsers. */
    int classModifiers;
    /** Where an `await` stands whose missing operand is already reported (TS1109): no name error of its own there. */
    int awaitWithoutOperandPos;
    /** Set by `export` right before the class it modifies (cleared by the class): see {@link #CTX_TS_AWAIT}. */
    boolean classExported;
    /** The start of the `export` statement {@link #classExported} comes from: the class's first token to TypeScript. */
    int classExportStart;
    boolean classNameOptional;
    /** Mark of decorators parsed before a class, so they become the class's first children. */
    int pendingClassMark = -1;
    /** Private names declared and referenced in the open class bodies (cold: a holder, reset by one call). */
    final PrivateNames privates = new PrivateNames();

    // ---- modules and TS declarations (ModuleGrammar, TsDeclarationGrammar)
    /** Mark of decorators written before `export` (`@dec export class C {}`). */
    int pendingExportMark = -1;
    /** Inside `namespace X { }`: import/export are allowed at its top level. */
    int moduleBlockDepth;

    // ---- types (TypeGrammar)
    /** Inside a type where a conditional type may not start (an extends clause of one). */
    boolean disallowConditional;
    /** Where the type of the tuple element being parsed starts (-1 outside one): there a final `?` marks the element optional. */
    int tupleElementStart = -1;

    // ---- speculation: saved states of the open speculative parses (speculate/rollback/commit)
    final int[][] specStates = new int[32][Lexer.STATE_SIZE];
    final int[] specMark = new int[32];
    private final int[] specNodes = new int[32];
    private final int[] specLastEnd = new int[32];
    private final int[] specErrors = new int[32];
    private final int[] specArrowEnd = new int[32];
    private final int[] specTokens = new int[32];
    int specDepth;

    // ---- lookahead: raw lexer states saved by peek/lookaheadBegin (TypeGrammar nests two inside a peek)
    private final int[][] peekStates = new int[6][Lexer.STATE_SIZE];
    private int peekDepth;
    /** After peek(): 1 when a line break came before the peeked token. */
    int peekNewline;
    /** After peek(): the peeked token's lexer flags. */
    int peekFlags;

    // ---- scratch buffers, never reset
    int[] scratch = new int[64];
    int[] seenScratch = new int[32];
    final char[] nameBuf = new char[16];
    private final char[] literalBuf = new char[32];


    // ================================================================== the parse

    /** Resets every piece of state for a parse of {@code src[0, length)} starting at {@code from}. */
    void begin(char[] src, int length, ParseOptions options, TreeSink sink, NameTable names, ParseLog log, int from) {
        // the parse
        Language language = options.language();
        boolean module = options.isModule();
        this.src = src;
        this.srcLength = length;
        this.sink = sink;
        this.names = names;
        this.log = log;
        this.module = module;
        this.ts = language.isTypeScript();
        this.jsx = language.allowsJsx();
        this.dts = options.isDeclaration();
        this.autoGoal = options.goal() == ParseOptions.Goal.AUTO;
        lexer.reset(src, length, names, log, module);
        lexer.seek(from);
        // hot
        this.lastEnd = from;
        this.ctx = module ? (CTX_STRICT | CTX_AWAIT) : 0;
        this.depth = 0;
        this.tooDeep = false;
        this.errorCount = 0;
        this.ambient = dts;
        // findings
        this.sawModuleSyntax = false;
        this.sloppyMattered = false;
        this.tokenCount = 0;
        this.wastedTokens = 0;
        // well-known names
        nameEval = internLiteral("eval");
        nameArguments = internLiteral("arguments");
        nameConstructor = internLiteral("constructor");
        nameProto = internLiteral("__proto__");
        namePrototype = internLiteral("prototype");
        nameUseStrict = -1;
        // cover grammar
        this.coverInitPos = -1;
        this.coverIsProto = false;
        this.lastYieldPos = -1;
        this.lastAwaitPos = -1;
        this.lastAwaitIdentPos = -1;
        this.arrowEndPos = -1;
        this.privateInPos = -1;
        this.operatorOperandPos = -1;
        this.failedArrows.clear();
        this.noReturnTypeAt = -1;
        this.arrowParamsSpec = 0;
        this.arrowTypeParameters = false;
        this.arrowTypeParametersModelled = false;
        this.openLists = 0;
        // per-area state: transient flags are neutral between statements; reset so no parse can
        // inherit a stale one
        labels.reset();
        this.inCaseClause = false;
        this.bodyPosition = false;
        this.chainTop = 0;
        this.opTop = 0;
        this.classModifiers = 0;
        this.classExported = false;
        this.classExportStart = 0;
        this.awaitWithoutOperandPos = -1;
        this.classNameOptional = false;
        this.pendingClassMark = -1;
        privates.reset();
        this.pendingExportMark = -1;
        this.moduleBlockDepth = 0;
        this.disallowConditional = false;
        this.tupleElementStart = -1;
        // speculation and lookahead
        this.specDepth = 0;
        this.peekDepth = 0;
    }

    /**
     * Drops the references to this parse's arena, source and tables: a parser kept per thread
     * must not keep a closed document's tree reachable.
     */
    void release() {
        sink = null;
        log = null;
        names = null;
        src = null;
        lexer.release();
    }

    int internLiteral(String s) {
        s.getChars(0, s.length(), literalBuf, 0);
        return names.intern(literalBuf, 0, s.length());
    }

    /** The file is a module: by its goal, or (AUTO goal) by the module syntax it showed. */
    boolean wasModule() { return module || sawModuleSyntax; }

    // ================================================================== tokens

    /**
     * Kept within C1's inlining limit (C1MaxInlineSize, 35 bytes of bytecode; it was 37): C1, which
     * compiles `check` and the editors, then inlines it at its ~200 call sites instead of calling it
     * once per token.
     */
    int next() {
        lastEnd = lexer.tokenEnd;
        tokenCount++;
        return tok = lexer.next();
    }

    /**
     * Speculation is bounded: once rolled-back parses have consumed several times the tokens of the
     * real parse, no more are attempted, so adversarial input stays linear (it just gets errors).
     */
    private boolean speculationBudgetLeft() {
        return wastedTokens < 4 * tokenCount + 100_000;
    }

    private boolean at(int k) { return tok == k; }

    boolean eat(int k) {
        if (tok == k) { next(); return true; }
        return false;
    }

    boolean escaped() { return (lexer.flags & Lexer.F_ESCAPED) != 0; }

    /**
     * At a `<` of a TSX file directly followed by `/` (not `/*`): TypeScript's scanner makes them one token
     * `</` in a file with JSX, which is no operator and opens no type arguments (`a <//c` ends at `a`).
     * JavaScript files keep ECMAScript's reading.
     */
    boolean atTsxLessThanSlash() {
        int at = lexer.tokenEnd;
        return jsx && ts && at < srcLength && src[at] == '/' && (at + 1 >= srcLength || src[at + 1] != '*');
    }

    /** The current token is contextual keyword {@code k}, spelled without escapes. */
    boolean atContextual(int k) { return tok == k && (lexer.flags & Lexer.F_ESCAPED) == 0; }

    void expect(int k) {
        if (tok == k) {
            next();
        } else {
            errorExpected(k);
        }
    }

    void errorExpected(int k) {
        // at the end of input inside a list, the closing delimiter is what is missing: the caller's
        // expect(closer) reports it (one error per position)
        if (k == COMMA && tok == EOF) return;
        error(lexer.tokenStart, lexer.tokenEnd, Diag.TOKEN_EXPECTED, k);
    }

    void error(int start, int end, Diag d, int arg) {
        // what TypeScript reports from its checker fails none of its speculations, so none of ours
        // (`(a: T = new.target) => 1` stays an arrow, with the one error)
        if (!GrammarChecks.isCheckerLevel(d)) errorCount++;
        if (!tooDeep) log.report(start, end, d, arg);
    }

    /**
     * An error of a second rule on a token that has one already (`const static;`: TS1214 for the name, then TS1155 for
     * the declaration), as TypeScript's checker reports both; {@link #error} keeps one per position.
     */
    void errorAlso(int start, int end, Diag d, int arg) {
        if (!GrammarChecks.isCheckerLevel(d)) errorCount++;
        if (!tooDeep) log.reportAlso(start, end, d, arg);
    }

    /**
     * An error TypeScript's checker reports, not its parser (an assignment to `this`): logged, but no
     * speculation fails on it, as TypeScript's would not (the other reading would report it too).
     */
    void checkerLevelError(int start, int end, Diag d, int arg) {
        if (!tooDeep) log.report(start, end, d, arg);
    }

    // ================================================================== speculation, lookahead, nesting, nodes

    /** Starts a speculative parse; returns a handle for {@link #specFailed}, {@link #rollback} or {@link #commit}. */
    int speculate() {
        if (!speculationBudgetLeft()) return -1;
        int d = specDepth++;
        if (d >= specStates.length) {
            specDepth--;
            return -1; // too many nested speculations: callers treat -1 as "do not speculate"
        }
        lexer.save(specStates[d]);
        specMark[d] = sink.mark();
        specNodes[d] = sink.nodeCount();
        specLastEnd[d] = lastEnd;
        specErrors[d] = errorCount;
        specArrowEnd[d] = arrowEndPos;
        specTokens[d] = tokenCount;
        return d;
    }

    boolean specFailed(int d) { return errorCount != specErrors[d]; }

    /** Inside a speculation that has already failed, list loops may stop early. */
    boolean tooManySpeculativeErrors() { return specDepth > 0 && errorCount - specErrors[specDepth - 1] > 0; }

    void rollback(int d) {
        wastedTokens += tokenCount - specTokens[d];
        tokenCount = specTokens[d];
        lexer.restore(specStates[d]);
        tok = lexer.token;
        sink.truncate(specMark[d]);
        sink.rewindNodes(specNodes[d]);
        lastEnd = specLastEnd[d];
        errorCount = specErrors[d];
        arrowEndPos = specArrowEnd[d];
        specDepth = d;
    }

    void commit(int d) { specDepth = d; }

    /**
     * TypeScript's isInSomeParsingContext where it is sure to answer true: with type arguments open (any token but
     * `,` ends them, and `,` starts their element) a list never skips a token it cannot read, it ends.
     */
    boolean anOpenListTakesEveryToken() { return (openLists & LIST_TYPE_ARGUMENTS) != 0; }

    /** The errors so far fail speculation {@code d} no more (TypeScript keeps a speculation's errors past a point). */
    void keepSpeculationErrors(int d) { specErrors[d] = errorCount; }

    private void errorAtToken(Diag d) { error(lexer.tokenStart, lexer.tokenEnd, d, tok); }

    /** Starts a lookahead with the raw lexer ({@code lexer.next()}); {@link #lookaheadEnd} puts it back. */
    void lookaheadBegin() { lexer.save(peekStates[peekDepth++]); }

    void lookaheadEnd() { lexer.restore(peekStates[--peekDepth]); }

    int peek() {
        lookaheadBegin();
        int r = lexer.next();
        peekNewline = lexer.newlineBefore ? 1 : 0;
        peekFlags = lexer.flags;
        lookaheadEnd();
        return r;
    }

    /** The token after the next one. */
    int peek2() {
        lookaheadBegin();
        lexer.next();
        int r = lexer.next();
        lookaheadEnd();
        return r;
    }

    /**
     * A cheap filter before a {@link #peek()}: false when the next token certainly does not start
     * with {@code c}. Looks at the raw characters after the current token, skipping spaces and tabs;
     * anything that may start trivia (comments, line breaks, non-ASCII space) answers true.
     */
    boolean nextTokenMayStartWith(char c) {
        int p = lexer.tokenEnd;
        while (p < srcLength && (src[p] == ' ' || src[p] == '\t')) p++;
        if (p >= srcLength) return false;
        char d = src[p];
        return d == c || d == '/' || d == '\n' || d == '\r' || d == '<' || d == '-' || d >= 0x80 || d == '\u000B' || d == '\f';
    }

    boolean canInsertSemicolon() {
        return tok == SEMICOLON || tok == RBRACE || tok == EOF || lexer.newlineBefore;
    }

    void semicolon() {
        if (tok == SEMICOLON) {
            next();
        } else if (tok != RBRACE && tok != EOF && !lexer.newlineBefore) {
            error(lexer.tokenStart, lexer.tokenEnd, Diag.TOKEN_EXPECTED, SEMICOLON);
        }
    }

    boolean strict() { return (ctx & CTX_STRICT) != 0; }

    /** A strict-mode reserved word used as a name: TypeScript says why the code is strict (a class, then a module). */
    Diag strictReservedWord() {
        if ((ctx & CTX_IN_CLASS) != 0) return Diag.STRICT_RESERVED_WORD_IN_CLASS;
        // an AUTO file may turn out a module: then it is parsed again with the module goal (the code depends on it)
        if (autoGoal && !module) sloppyMattered = true;
        return module ? Diag.STRICT_RESERVED_WORD_IN_MODULE : Diag.STRICT_RESERVED_WORD;
    }

    /**
     * A strict-mode reserved word naming or referring to a type, an interface, an enum or a namespace
     * (`type implements = 0`, `extends yield`), or a label (`break public`): TypeScript's binder reports
     * it in strict code that runs.
     */
    void checkStrictReservedName(int s, int e) {
        if (Token.isStrictReserved(tok) && !ambient && strictHere()) error(s, e, strictReservedWord(), tok);
    }

    /** `eval` or `arguments` bound or assigned in strict code, with TypeScript's reason as above. */
    Diag strictEvalOrArguments() {
        if ((ctx & CTX_IN_CLASS) != 0) return Diag.EVAL_ARGUMENTS_STRICT_IN_CLASS;
        if (autoGoal && !module) sloppyMattered = true;
        return module ? Diag.EVAL_ARGUMENTS_STRICT_IN_MODULE : Diag.EVAL_ARGUMENTS_STRICT;
    }

    /**
     * Strictness where the construct at hand is treated differently in strict code. A file of the
     * AUTO goal is parsed as sloppy script code until it shows module syntax, but a module is
     * strict from its first character: so an AUTO parse notes here that sloppiness decided
     * something ({@link #sloppyMattered}), and JsParser parses such a file again with the module
     * goal when it turns out to be a module. Call it only where the answer matters.
     */
    boolean strictHere() {
        if ((ctx & CTX_STRICT) != 0) return true;
        if (autoGoal) sloppyMattered = true;
        return false;
    }

    /**
     * Enter one nesting level; false when too deep (then the caller must not descend). The common
     * case alone here, small enough for C1 to inline (see {@link #next}).
     */
    boolean enter() {
        return ++depth <= MAX_DEPTH || nestedTooDeep();
    }

    private boolean nestedTooDeep() {
        if (specDepth > 0) {
            // a speculative parse that nests too deep simply fails; the real parse reports it
            errorCount++;
        } else if (!tooDeep) {
            log.report(lexer.tokenStart, lexer.tokenEnd, Diag.NESTING_TOO_DEEP, 0);
            tooDeep = true;
        }
        // skip the rest of the input: every caller then unwinds at EOF without further errors
        tok = lexer.skipToEnd();
        lastEnd = lexer.tokenStart; // as if every skipped token had been consumed
        return false;
    }

    void exit() { depth--; }

    /**
     * A parse of one body alone (IncrementalReparse) starts as deep as the full parse was there, at
     * most, so it goes too deep wherever the full parse would.
     */
    void startAtDepth(int d) { depth = d; }

    int leaf(int kind, int start, int end, int data) {
        return sink.leaf(kind, start, end, data);
    }

    /**
     * A node for missing or skipped syntax. An empty one is placed where the previous token ended,
     * not at the next token, so it lies inside whatever node is being built around it.
     */
    int errorNode(int start, int end) {
        if (start == end && start > lastEnd) start = end = lastEnd;
        return leaf(INVALID, start, end, 0);
    }

    int missingExpression() {
        error(lexer.tokenStart, lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
        return errorNode(lexer.tokenStart, lexer.tokenStart);
    }

    // ================================================================== token classes

    private static boolean isExpressionContinuationOf(int k) {
        switch (k) {
            case DOT: case LBRACKET: case LPAREN: case QUESTION_DOT: case COMMA: case QUESTION:
            case NO_SUBST_TEMPLATE: case TEMPLATE_HEAD:
                return true;
            default:
                return precedenceOf(k) > 0 || Token.isAssignment(k) || k == K_IN || k == K_INSTANCEOF;
        }
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

    static boolean isBinaryOperator(int k) { return precedence(k) > 0; }

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

    static int precedence(int op) { return op >= 0 && op < Token.COUNT ? PRECEDENCE[op] : 0; }

    static boolean isExpressionContinuation(int k) { return k >= 0 && k < Token.COUNT && EXPRESSION_CONTINUATION[k]; }

    static boolean startsExpression(int k) { return k >= 0 && k < Token.COUNT && STARTS_EXPRESSION[k]; }

    static boolean startsType(int k) { return k >= 0 && k < Token.COUNT && STARTS_TYPE[k]; }

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

    // ================================================================== cold state holders

    /** The labels in scope: name ids and whether each labels a loop; a function boundary saves base. */
    static final class Labels {
        int[] names = new int[16];
        boolean[] loop = new boolean[16];
        /** While a chain of labels is open: each may still label the loop that follows. */
        boolean[] pendingLoop = new boolean[16];
        int top;
        int base;

        void reset() {
            top = 0;
            base = 0;
        }
    }

    /** Private names of the class bodies being parsed (ClassGrammar). */
    static final class PrivateNames {
        // declared: name id and kind bits (1 getter, 2 setter, 4 static, 8 other)
        int[] names = new int[16];
        int[] kinds = new int[16];
        int top;
        int base;
        int classDepth;
        // referenced, resolved when each body ends
        int[] refs = new int[16];
        int[] refStart = new int[16];
        int[] refEnd = new int[16];
        int refTop;

        void reset() {
            top = 0;
            base = 0;
            classDepth = 0;
            refTop = 0;
        }
    }
}
