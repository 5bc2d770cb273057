package dev.arenals.parser.grammar;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import java.util.Arrays;

/**
 * TypeScript's grammar errors: the TS1xxx diagnostics its checker reports before any type is
 * involved (its {@code checkGrammar*} functions) — misplaced, repeated or misordered modifiers,
 * ambient-context rules, {@code .d.ts} top-level rules, parameter rules, {@code infer} and
 * {@code unique symbol} placement, {@code module} used for a namespace, {@code export =} beside
 * other exports. One iterative walk over a TypeScript tree, after parsing; errors go to the
 * arena's log with TypeScript's codes, messages and positions.
 *
 * <p>As TypeScript does, nothing is reported when the parser reported a syntax error (its grammar
 * errors are skipped for a file with parse errors; the errors our parser reports that TypeScript
 * reports from its checker do not count), and each declaration gets at most its first modifier
 * error. The tree keeps modifiers as flags, not tokens: their order and positions are read back
 * from the source between a declaration's start and its name ({@link #scanModifiers}).
 */
public final class GrammarChecks {
    // walk context bits
    private static final int AMBIENT = 1;        // inside `declare`, an ambient module or a .d.ts
    private static final int IN_EXTENDS = 2;     // inside the `extends` clause of a conditional type
    private static final int MODIFIER_ERROR = 4; // the enclosing member already has a modifier error
    private static final int IN_FUNCTION = 16;   // inside a function: a `return` is checked there
    private static final int NO_BODY = 8;        // parameters of a function without a body: TypeScript skips their initializers
    private static final int FOR_IN_OBJECT = 32; // the object of a for-in statement (see visit's FOR_IN)

    private Arena a;
    private char[] src;
    private ParseLog log;

    private int[] parentOf = new int[1024];
    private int[] stNode = new int[256];
    private int[] stCtx = new int[256];
    private int sp;

    /** The modifiers of the declaration being checked: token kinds and offsets, in source order. */
    private int[] modTok = new int[16];
    private int[] modPos = new int[16];
    private int modCount;

    /**
     * Checks the arena's tree (a TypeScript one whose parse reported nothing) and reports the
     * grammar errors into its log.
     */
    public void checkTree(Arena arena) {
        if (!arena.isTypeScript() || arena.root() < 0 || !onlyCheckerLevel(arena.log(), arena.parserDiagnosticCount())) return;
        this.a = arena;
        this.src = arena.source();
        this.log = arena.log();
        int count = arena.nodeCount();
        if (parentOf.length < count) {
            int size = count + (count >>> 3) + 64;
            parentOf = new int[size];
            subtreeStart = new int[size];
            subtreeChecked = new long[(size >>> 6) + 1];
        }
        indexCheckedNodes(count);
        int root = arena.root();
        parentOf[root] = -1;
        sp = 0;
        try {
            push(root, -1, arena.isDeclarationFile() ? AMBIENT : 0);
            while (sp > 0) {
                sp--;
                visit(stNode[sp], stCtx[sp]);
            }
        } finally {
            this.a = null; // a checker kept per thread must not keep the document reachable
            this.src = null;
            this.log = null;
        }
    }

    /**
     * Diagnostics our parser reports that TypeScript reports from its binder or checker, not its
     * parser: they do not stop TypeScript's grammar checks, so they do not stop ours.
     */
    private static final boolean[] CHECKER_LEVEL = new boolean[Diag.values().length];
    static {
        Diag[] checkerLevel = {
            Diag.ILLEGAL_BREAK, Diag.ILLEGAL_CONTINUE, Diag.UNDEFINED_LABEL, Diag.DUPLICATE_LABEL, Diag.CONTINUE_TO_NON_ITERATION_LABEL, Diag.JUMP_ACROSS_FUNCTION,
            Diag.RETURN_OUTSIDE_FUNCTION,
            Diag.NEW_TARGET_OUTSIDE_FUNCTION, Diag.STRICT_RESERVED_WORD, Diag.STRICT_RESERVED_WORD_IN_CLASS,
            Diag.STRICT_RESERVED_WORD_IN_MODULE, Diag.EVAL_ARGUMENTS_STRICT, Diag.EVAL_ARGUMENTS_STRICT_IN_CLASS,
            Diag.EVAL_ARGUMENTS_STRICT_IN_MODULE, Diag.WITH_IN_STRICT,
            Diag.DELETE_IDENTIFIER_STRICT, Diag.IMPORT_EXPORT_TOP_LEVEL, Diag.EXPORT_TOP_LEVEL, Diag.IMPORT_TOP_LEVEL_OF_NAMESPACE,
            Diag.EXPORT_TOP_LEVEL_OF_NAMESPACE, Diag.EXPORT_DEFAULT_TOP_LEVEL,
            Diag.EXPORT_ASSIGNMENT_TOP_LEVEL, Diag.UNDECLARED_PRIVATE_NAME,
            Diag.UNDECLARED_PRIVATE_NAME_IN_CLASS, Diag.GETTER_PARAMETERS, Diag.SETTER_PARAMETERS, Diag.SETTER_REST, Diag.ACCESSOR_TYPE_PARAMETERS,
            Diag.AWAIT_OUTSIDE_ASYNC, Diag.AWAIT_IN_STATIC_BLOCK, Diag.YIELD_OUTSIDE_GENERATOR, Diag.USING_BINDING_PATTERN, Diag.AWAIT_USING_BINDING_PATTERN,
            Diag.IMPORT_META_OUTSIDE_MODULE, Diag.SUPER_CALL_OUTSIDE_CONSTRUCTOR,
            Diag.SUPER_PROPERTY_OUTSIDE_METHOD, Diag.DUPLICATE_CONSTRUCTOR, Diag.CLASS_FIELD_CONSTRUCTOR, Diag.STATIC_PROTOTYPE,
            Diag.DUPLICATE_PRIVATE_NAME, Diag.DUPLICATE_PROTO, Diag.LEXICAL_IN_SINGLE_STATEMENT, Diag.TS_DECLARATION_IN_SINGLE_STATEMENT,
            Diag.DECORATORS_NOT_VALID, Diag.MODIFIERS_NOT_HERE,
            Diag.DEFER_DEFAULT_IMPORT, Diag.DEFER_NAMED_IMPORTS, Diag.COMMA_IN_COMPUTED_KEY,
            Diag.GENERATOR_IN_SINGLE_STATEMENT, Diag.LET_AS_LEXICAL_NAME, Diag.CONST_WITHOUT_INITIALIZER,
            Diag.DESTRUCTURING_WITHOUT_INITIALIZER, Diag.LABELLED_FUNCTION, Diag.USING_NOT_ALLOWED_HERE,
            Diag.MODIFIER_ON_TYPE_PARAMETER, Diag.MODIFIERS_ON_THIS_PARAMETER, Diag.INVALID_ASSIGNMENT_TARGET,
            Diag.INVALID_UPDATE_TARGET, Diag.OPTIONAL_CHAIN_ASSIGNMENT, Diag.USE_STRICT_NON_SIMPLE, Diag.YIELD_IN_PARAMETER,
            Diag.AWAIT_IN_PARAMETER, Diag.MULTIPLE_DEFAULTS, Diag.ARROW_LINE_BREAK, Diag.OPTIONAL_CHAIN_TEMPLATE,
            Diag.FOR_IN_OF_SINGLE_DECLARATION, Diag.FOR_IN_OF_INITIALIZER, Diag.FOR_IN_USING, Diag.FOR_IN_AWAIT_USING, Diag.HERITAGE_LIST_EMPTY, Diag.AWAIT_AT_MODULE_TOP_LEVEL,
            // TypeScript's binder (duplicate parameters) and checker (checkThrowStatement, checkGrammarAwaitOrAwaitUsing,
            // the rest element and parameter initializer rules, checkGrammarConstructor's generator and accessor errors)
            Diag.DUPLICATE_PARAMETER, Diag.NEWLINE_AFTER_THROW, Diag.AWAIT_USING_OUTSIDE_ASYNC, Diag.AWAIT_USING_IN_STATIC_BLOCK,
            Diag.AWAIT_AT_SCRIPT_TOP_LEVEL, Diag.FOR_AWAIT_AT_SCRIPT_TOP_LEVEL, Diag.AWAIT_USING_AT_SCRIPT_TOP_LEVEL,
            Diag.REST_WITH_INITIALIZER, Diag.CONSTRUCTOR_SPECIAL, Diag.CONSTRUCTOR_ACCESSOR, Diag.MODIFIER_ON_CONSTRUCTOR, Diag.REST_PARAMETER_INITIALIZER,
            // checkGrammarModifiers: `async` on what is no method (JavaScript files: the parser's, with TS8009 on a field)
            Diag.MODIFIER_NOT_HERE, Diag.TS_ONLY_MODIFIER,
            // checkClassDeclaration: a class declaration without a name (the parser leaves it out)
            Diag.CLASS_DECLARATION_WITHOUT_NAME,
        };
        for (Diag d : checkerLevel) CHECKER_LEVEL[d.ordinal()] = true;
    }

    /** Whether TypeScript reports {@code d} from its binder or checker, never from its parser. */
    public static boolean isCheckerLevel(Diag d) { return CHECKER_LEVEL[d.ordinal()]; }

    private static boolean onlyCheckerLevel(ParseLog log, int parserDiagnostics) {
        for (int i = 0; i < parserDiagnostics; i++) if (!CHECKER_LEVEL[log.diagnostic(i).ordinal()]) return false;
        return true;
    }

    private void push(int node, int par, int ctx) {
        if (sp == stNode.length) {
            stNode = Arrays.copyOf(stNode, sp * 2);
            stCtx = Arrays.copyOf(stCtx, sp * 2);
        }
        parentOf[node] = par;
        stNode[sp] = node;
        stCtx[sp] = ctx;
        sp++;
    }

    /**
     * By node: the first node index of its subtree, and (a bit) whether a node that has something to
     * check ({@link #hasChecks}) is in it. Children are stored before their parent, so a subtree is
     * the index range [subtreeStart, node], which holds such a node when the last one so far is in
     * it; one in-order pass fills both, and the walk then skips in O(1) every subtree with nothing to
     * check (most expressions and types). A bit, not a count per node: lib.dom.d.ts's 114 K nodes kept
     * a 0.5 MB array on every worker thread (docs/performance-comparison.md, "Issue 22, eighteenth session").
     */
    private int[] subtreeStart = new int[1024];
    private long[] subtreeChecked = new long[17];

    private void indexCheckedNodes(int count) {
        int[] first = subtreeStart;
        long[] bits = subtreeChecked;
        Arrays.fill(bits, 0, (count >>> 6) + 1, 0L);
        int lastChecked = -1;
        for (int n = 0; n < count; n++) {
            int c = a.firstChild(n);
            // a child stored after its parent (a speculative parse's leftovers) makes the whole prefix the subtree: walked
            int start = c < 0 ? n : c < n ? first[c] : 0;
            first[n] = start;
            if (hasChecks(a.kind(n), a.data(n))) lastChecked = n;
            if (lastChecked >= start) bits[n >>> 6] |= 1L << n;
        }
    }

    /** Whether {@link #visit} may report something at a node of this kind and data (or must see it to prune below it). */
    private static boolean hasChecks(int k, int data) {
        switch (k >= 0 && k < NodeKind.COUNT ? CHECKS[k] : 0) {
            case 0: return false;
            case 1: return true;
            case 2: return (data & MODIFIER_BITS) != 0;                  // PARAMETER
            case 3: return (data & (MOD_CONST | MOD_IN | MOD_OUT)) != 0;  // TYPE_PARAMETER
            case 5: return (data & MOD_TYPE_ONLY) != 0;                  // IMPORT_DECLARATION
            case 6: return data != 0;                                     // OPTIONAL_TYPE: not a tuple's optional element
            case 7: return (data & MOD_MISPLACED) != 0;                   // PROPERTY: `{ async a: 1 }`
            default: return data == Token.K_UNIQUE || data == Token.K_READONLY; // TYPE_OPERATOR
        }
    }

    /** {@link #hasChecks} by kind, as a table (a switch on the sparse kinds compiles to a search). */
    private static final byte[] CHECKS = new byte[NodeKind.COUNT];
    static {
        int[] always = {PROGRAM, MODULE_BLOCK, BLOCK, STATIC_BLOCK, FUNCTION_BODY, CLASS_DECLARATION, FUNCTION_DECLARATION,
            VARIABLE_DECLARATION, ENUM_DECLARATION, MODULE_DECLARATION, INTERFACE_DECLARATION, TYPE_ALIAS, IMPORT_EQUALS,
            METHOD, FIELD, INDEX_SIGNATURE, PROPERTY_SIGNATURE, METHOD_SIGNATURE, FUNCTION_EXPRESSION, ARROW_FUNCTION,
            FUNCTION_TYPE, CONSTRUCTOR_TYPE, CALL_SIGNATURE, CONSTRUCT_SIGNATURE, INFER_TYPE, TYPE_PREDICATE,
            DECORATOR, // a decorated parameter is checked (TS1206)
            MAPPED_TYPE, IMPORT_TYPE, AS_EXPRESSION, TYPE_ASSERTION, TUPLE_TYPE,
            EXPORT_DEFAULT, EXPORT_ASSIGNMENT, // in a namespace, TS1319/TS1063
            BIGINT_LITERAL, // as a property's name, TS1539
            YIELD}; // outside a generator: nothing below it is checked
        for (int k : always) CHECKS[k] = 1;
        CHECKS[PARAMETER] = 2;
        CHECKS[TYPE_PARAMETER] = 3;
        CHECKS[TYPE_OPERATOR] = 4;
        CHECKS[IMPORT_DECLARATION] = 5;
        CHECKS[OPTIONAL_TYPE] = 6;
        CHECKS[PROPERTY] = 7;
    }

    /**
     * Pushes the children of {@code n} so that they pop in source order: those whose subtree has
     * something to check, and statement lists (an ambient context's rules look at them, TS1036/TS1183).
     */
    private void pushChildren(int n, int ctx) {
        int from = sp;
        long[] bits = subtreeChecked;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            if ((bits[c >>> 6] & 1L << c) != 0) push(c, n, ctx);
        }
        for (int i = from, j = sp - 1; i < j; i++, j--) {
            int x = stNode[i]; stNode[i] = stNode[j]; stNode[j] = x;
            x = stCtx[i]; stCtx[i] = stCtx[j]; stCtx[j] = x;
        }
    }

    /** Takes the decorators of {@code n} that {@link #pushChildren} just pushed off the stack again (they go unchecked). */
    private void dropPushedDecorators(int n) {
        int to = sp;
        while (to > 0 && parentOf[stNode[to - 1]] == n) to--;
        int w = to;
        for (int i = to; i < sp; i++) {
            if (a.kind(stNode[i]) == DECORATOR) continue;
            stNode[w] = stNode[i];
            stCtx[w] = stCtx[i];
            w++;
        }
        sp = w;
    }

    private void reportAt(int pos, Diag d) {
        log.reportAlso(pos, pos + 1, d, 0);
    }

    private void report(int pos, int end, Diag d, int arg) {
        log.reportAlso(pos, end, d, arg);
    }

    /** The first offset from {@code at} (before {@code limit}) that is not white space or a comment. */
    private int skipTrivia(int at, int limit) {
        while (at < limit) {
            char c = src[at];
            if (c == '/' && at + 1 < limit && src[at + 1] == '/') {
                while (at < limit && src[at] != '\n' && src[at] != '\r') at++;
            } else if (c == '/' && at + 1 < limit && src[at + 1] == '*') {
                int close = at + 2;
                while (close + 1 < limit && !(src[close] == '*' && src[close + 1] == '/')) close++;
                at = Math.min(limit, close + 2);
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff') {
                at++;
            } else {
                return at;
            }
        }
        return at;
    }

    private void report(int node, Diag d) {
        int s = errorStart(node);
        log.reportAlso(s, Math.max(s, a.end(node)), d, 0);
    }

    /**
     * Where TypeScript puts an error on a node (getErrorSpanForNode): a named class or function
     * expression, at its name; `x satisfies T`, at `satisfies`.
     */
    private int errorStart(int n) {
        int k = a.kind(n);
        if (k == SATISFIES_EXPRESSION && a.firstChild(n) >= 0) return skipTrivia(a.end(a.firstChild(n)), a.end(n));
        if (k == CLASS_EXPRESSION || k == FUNCTION_EXPRESSION) {
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (a.kind(c) == BINDING_IDENTIFIER) return a.start(c);
                if (a.kind(c) != DECORATOR) break;
            }
        }
        return a.start(n);
    }

    /** The start of a member's name: a computed name starts at its `[`. */
    private int nameStart(int member) {
        int key = memberKey(member);
        int s = a.start(key);
        int p = s - 1;
        while (p > a.start(member) && (src[p] == ' ' || src[p] == '\t' || src[p] == '\n' || src[p] == '\r')) p--;
        return p >= a.start(member) && src[p] == '[' ? p : s;
    }

    // ------------------------------------------------------------------ the walk

    private void visit(int n, int ctx) {
        int k = a.kind(n);
        int childCtx = ctx & (AMBIENT | IN_EXTENDS | IN_FUNCTION);
        boolean uncheckedDecorators = false;
        switch (k) {
            case RETURN:
                // TypeScript checks nothing of a `return` outside any function (it reports TS1108, our parser's)
                if ((ctx & IN_FUNCTION) == 0) return;
                break;
            case PROPERTY:
                // an object literal's property after `async` (TypeScript's parser takes the word for a modifier):
                // checkGrammarObjectLiteralExpression's TS1042, on an expression only (a pattern's property is not checked)
                if ((a.data(n) & MOD_MISPLACED) != 0 && parentOf[n] >= 0 && a.kind(parentOf[n]) == OBJECT) {
                    report(a.start(n), a.start(n) + 5, Diag.MODIFIER_NOT_HERE, Token.K_ASYNC);
                }
                break;
            case WITH: {
                // nor the body of a `with` (every name there is of type any, TS2410)
                int object = a.firstChild(n);
                if (object >= 0) push(object, n, childCtx);
                return;
            }
            case EXPORT_ASSIGNMENT: case EXPORT_DEFAULT: {
                // misplaced (our parser's TS1231/TS1233 for TypeScript's TS1231/TS1258): TypeScript checks no further
                int p = parentOf[n];
                int pk = p < 0 ? -1 : a.kind(p);
                if (pk != PROGRAM && pk != MODULE_BLOCK) return;
                if (pk == MODULE_BLOCK && isNamespaceBlock(p)) {
                    // in a namespace (checkExportAssignment; a default-exported declaration, checkGrammarModifiers at
                    // `default`): TypeScript checks nothing further there
                    int declaration = k == EXPORT_DEFAULT ? memberKey(n) : -1;
                    if (declaration >= 0 && declaration != n && isDefaultExportableDeclaration(a.kind(declaration))) {
                        int at = skipTrivia(a.start(n) + 6, a.end(n));
                        report(at, at + 7, Diag.EXPORT_DEFAULT_IN_NAMESPACE, 0);
                    } else {
                        report(a.start(n), a.start(n) + 6, k == EXPORT_DEFAULT ? Diag.EXPORT_DEFAULT_IN_NAMESPACE : Diag.EXPORT_ASSIGNMENT_IN_NAMESPACE, 0);
                    }
                    return;
                }
                break;
            }
            case PROGRAM:
                checkStatementList(n, ctx, false);
                if ((ctx & AMBIENT) != 0) checkDeclarationFileTopLevel(n);
                checkExportAssignment(n);
                break;
            case MODULE_BLOCK:
                checkStatementList(n, ctx, false);
                checkModuleReferencesInNamespace(n);
                break;
            case BLOCK: case STATIC_BLOCK:
                checkStatementList(n, ctx, false);
                break;
            case FUNCTION_BODY:
                checkStatementList(n, ctx, true);
                break;
            case CLASS_DECLARATION: case FUNCTION_DECLARATION: case VARIABLE_DECLARATION: case ENUM_DECLARATION:
            case MODULE_DECLARATION: case INTERFACE_DECLARATION: case TYPE_ALIAS: case IMPORT_EQUALS: {
                boolean modifierError = checkDeclarationModifiers(n, k, ctx);
                if ((k == INTERFACE_DECLARATION || k == TYPE_ALIAS) && (a.data(n) & MODIFIER_BITS) != 0) checkBlockOnlyDeclaration(n, k);
                if ((k == INTERFACE_DECLARATION || k == TYPE_ALIAS) && (ctx & AMBIENT) == 0 && (a.data(n) & MOD_DECLARE) == 0 && a.isModule()) {
                    checkAwaitTypeName(n); // `declare type` is ambient to TypeScript's parser
                }
                if ((a.data(n) & MOD_DECLARE) != 0 && k != INTERFACE_DECLARATION && k != TYPE_ALIAS) childCtx |= AMBIENT;
                if (k == MODULE_DECLARATION) checkModuleDeclaration(n, (childCtx & AMBIENT) != 0, modifierError);
                else if (k == VARIABLE_DECLARATION) checkVariableDeclarators(n, childCtx, modifierError);
                else if (k == FUNCTION_DECLARATION && !modifierError) checkParameterList(n, (childCtx & AMBIENT) != 0);
                else if (k == ENUM_DECLARATION) checkEnumMemberValues(n, (childCtx & AMBIENT) != 0);
                if (k == FUNCTION_DECLARATION) {
                    childCtx |= IN_FUNCTION;
                    // TypeScript's checkFunctionDeclaration checks the generator whatever else it reported
                    int nameOrParameters = a.firstChild(n);
                    while (nameOrParameters >= 0 && a.kind(nameOrParameters) == DECORATOR) nameOrParameters = a.nextSibling(nameOrParameters);
                    checkGenerator(n, a.data(n), nameOrParameters, (childCtx & AMBIENT) != 0, hasBody(n));
                }
                break;
            }
            case METHOD: case FIELD: case INDEX_SIGNATURE: case PROPERTY_SIGNATURE: case METHOD_SIGNATURE:
                if (k == INDEX_SIGNATURE && a.firstChild(n) >= 0 && a.kind(a.firstChild(n)) == DECORATOR) {
                    // never decorated, whatever experimentalDecorators says (TS1206, checkGrammarModifiers): neither
                    // the decorators' expressions nor the signature's own rules are checked then
                    reportAt(a.start(a.firstChild(n)), Diag.DECORATORS_NOT_VALID);
                    int from = sp;
                    for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) if (a.kind(c) != DECORATOR && before(c)) push(c, n, childCtx | MODIFIER_ERROR);
                    reverse(from);
                    return;
                }
                // TypeScript's parser: `declare` makes a property or a method ambient (not an accessor or a constructor)
                if ((a.data(n) & MOD_DECLARE) != 0 && (k == FIELD || (k == METHOD && (a.data(n) & (P_GET | P_SET)) == 0
                        && !isConstructor(n, memberKey(n), a.data(n))))) {
                    childCtx |= AMBIENT;
                }
                // TypeScript's TS1206/TS1249 on a decorator comes first (not ours: it depends on experimentalDecorators)
                if ((k == FIELD || k == METHOD) && undecoratable(n, k)) {
                    // on a constructor or an accessor without a body TS1206, on a method without one TS1249, whatever
                    // experimentalDecorators says
                    // (on an abstract or `declare` field only without it: not ours to say)
                    if (k == METHOD) {
                        int at = a.start(a.firstChild(n));
                        boolean method = (a.data(n) & (P_GET | P_SET)) == 0 && !isConstructor(n, memberKey(n), a.data(n));
                        report(at, at + 1, method ? Diag.DECORATOR_ON_OVERLOAD : Diag.DECORATORS_NOT_VALID, 0);
                    }
                    // nor are the decorators' expressions checked (checkDecorators returns where nodeCanBeDecorated
                    // does not hold, as it does not for an abstract or `declare` field without experimentalDecorators)
                    uncheckedDecorators = true;
                    childCtx |= MODIFIER_ERROR;
                    if (k == METHOD) checkConstructorSignatureAfterModifierError(n);
                }
                else if (checkMemberModifiers(n, k, ctx)) {
                    childCtx |= MODIFIER_ERROR; // the method's own checks stop there
                    if (k == METHOD) {
                        checkConstructorSignatureAfterModifierError(n);
                        checkAbstractMethodBody(n); // not a grammar check: TypeScript's checker reports it anyway
                    }
                }
                else if (k == FIELD) checkProperty(n, ctx | (childCtx & AMBIENT));
                else if (k == METHOD_SIGNATURE) {
                    if (!checkParameterList(n, (ctx & AMBIENT) != 0) && (a.data(n) & (P_GET | P_SET)) != 0) checkAccessor(n, n, false, ctx);
                } else if (k == METHOD) {
                    int before = log.diagnosticCount();
                    checkMethod(n, ctx);
                    if (log.diagnosticCount() != before) childCtx |= MODIFIER_ERROR; // its generator is not checked then
                    checkAbstractMethodBody(n);
                }
                if (k == FIELD) checkAbstractPropertyInitializer(n); // likewise, whatever the modifiers' checks found
                break;
            case FUNCTION_EXPRESSION: case ARROW_FUNCTION:
                childCtx |= IN_FUNCTION;
                if ((a.data(n) & F_ASYNC) != 0 && (ctx & AMBIENT) != 0 && (ctx & MODIFIER_ERROR) == 0
                        && (parentOf[n] < 0 || a.kind(parentOf[n]) != METHOD)) {
                    // `async` where nothing runs; an object literal's method begins, with its `async`, at its property
                    int at = a.start(n);
                    if (!(at + 5 <= src.length && src[at] == 'a' && src[at + 4] == 'c') && parentOf[n] >= 0 && a.kind(parentOf[n]) == PROPERTY) {
                        at = a.start(parentOf[n]);
                    }
                    report(at, at + 5, Diag.MODIFIER_IN_AMBIENT, Token.K_ASYNC);
                } else if ((ctx & MODIFIER_ERROR) == 0 && !checkParameterList(n, (ctx & AMBIENT) != 0)) {
                    // the generator after the function's other grammar checks, when they found nothing
                    int method = parentOf[n];
                    if (method >= 0 && a.kind(method) == METHOD) {
                        // a class method's (checkGrammarMethod)
                        if (a.kind(parentOf[method]) == CLASS_BODY) checkGenerator(method, a.data(n), memberKey(method), (ctx & AMBIENT) != 0, hasBody(n));
                    } else if (k == FUNCTION_EXPRESSION && (ctx & AMBIENT) != 0 && (a.data(n) & F_GENERATOR) != 0) {
                        checkAmbientGeneratorExpression(n);
                    }
                }
                break;
            case FUNCTION_TYPE: case CONSTRUCTOR_TYPE: case CALL_SIGNATURE: case CONSTRUCT_SIGNATURE:
                checkParameterList(n, (ctx & AMBIENT) != 0);
                break;
            case FORMAL_PARAMETERS:
                childCtx |= ctx & NO_BODY;
                if ((ctx & NO_BODY) != 0) {
                    // without a body TypeScript looks into no parameter's binding pattern (keys, defaults)
                    int from = sp;
                    for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                        int ck = a.kind(c);
                        if (ck == REST_ELEMENT) {
                            // nor a rest parameter's initializer (TS2371 there): its type only
                            for (int t = a.firstChild(c); t >= 0; t = a.nextSibling(t)) if (isType(a.kind(t)) && before(t)) push(t, c, childCtx);
                        } else if (ck != OBJECT_PATTERN && ck != ARRAY_PATTERN && before(c)) {
                            push(c, n, childCtx);
                        }
                    }
                    reverse(from);
                    return;
                }
                break;
            case PARAMETER:
                if (decoratedOutsideAClassMethod(n)) report(a.start(n), a.start(n) + 1, Diag.DECORATORS_NOT_VALID, 0);
                else checkParameterModifiers(n, ctx);
                // TypeScript checks neither a parameter's decorators (invalid without experimentalDecorators,
                // TS1206) nor, in a function without a body, its initializer
                pushParameterChildren(n, childCtx, (ctx & NO_BODY) != 0);
                return;
            case ASSIGNMENT_PATTERN:
                if ((ctx & NO_BODY) != 0 && parentOf[n] >= 0 && a.kind(parentOf[n]) == FORMAL_PARAMETERS) {
                    int first = a.firstChild(n);
                    if (first >= 0 && a.kind(first) != OBJECT_PATTERN && a.kind(first) != ARRAY_PATTERN) pushWithoutInitializer(n, childCtx);
                    return;
                }
                break;
            case VARIABLE_DECLARATOR: {
                // an ambient binding pattern's initializer (TS1039) that TypeScript types without looking into it (the
                // pattern has a type annotation, or no element): nothing inside it is checked
                int target = a.firstChild(n);
                if ((ctx & AMBIENT) != 0 && target >= 0 && (a.kind(target) == OBJECT_PATTERN || a.kind(target) == ARRAY_PATTERN)
                        && (hasTypeAfter(target) || noElements(target))) {
                    int from = sp;
                    for (int c = target; c >= 0; c = a.nextSibling(c)) if (c == target || isType(a.kind(c))) push(c, n, childCtx);
                    reverse(from);
                    return;
                }
                break;
            }
            case TYPE_PARAMETER:
                checkTypeParameterModifiers(n);
                break;
            case YIELD: {
                // checkYieldExpression looks at its operand only inside a generator (TS1163, our parser's, otherwise)
                int f = parentOf[n];
                while (f >= 0 && a.kind(f) != FUNCTION_DECLARATION && a.kind(f) != FUNCTION_EXPRESSION && a.kind(f) != ARROW_FUNCTION) f = parentOf[f];
                if (f < 0 || (a.data(f) & F_GENERATOR) == 0) return;
                break;
            }
            case BIGINT_LITERAL: {
                // the name of a property declaration, a property signature or an object literal's property assignment
                // (checkVariableLikeDeclaration, checkGrammarObjectLiteralExpression), never of a method
                int p = parentOf[n];
                int pk = p < 0 ? -1 : a.kind(p);
                if (((pk == FIELD || pk == PROPERTY_SIGNATURE) && memberKey(p) == n)
                        || (pk == PROPERTY && a.firstChild(p) == n && (a.data(p) & (P_METHOD | P_GET | P_SET | P_COMPUTED)) == 0
                            && parentOf[p] >= 0 && a.kind(parentOf[p]) == OBJECT)) { // not a binding pattern's property
                    report(n, Diag.BIGINT_PROPERTY_NAME);
                }
                break;
            }
            case CONDITIONAL_TYPE: {
                // the `extends` clause is the second child: `infer` may declare there, and anywhere below it
                int i = 0;
                int from = sp;
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c), i++) push(c, n, i == 1 ? childCtx | IN_EXTENDS : childCtx);
                reverse(from);
                return;
            }
            case INFER_TYPE:
                if ((ctx & IN_EXTENDS) == 0) report(n, Diag.INFER_OUTSIDE_CONDITIONAL);
                break;
            case TYPE_OPERATOR:
                checkTypeOperator(n);
                break;
            case OPTIONAL_TYPE: // TypeScript's checkJSDocTypeIsInJsFile, and its labelled tuple element's rule
                if (a.data(n) == OPT_JSDOC_NULLABLE) report(n, Diag.JSDOC_NULLABLE_POSTFIX);
                else if (a.data(n) == OPT_AFTER_LABEL) report(n, Diag.LABELED_TUPLE_OPTIONAL_AFTER_TYPE);
                else if (a.data(n) == OPT_JSDOC_NON_NULLABLE) report(n, Diag.JSDOC_NON_NULLABLE_POSTFIX);
                break;
            case IMPORT_DECLARATION:
                checkTypeOnlyImport(n);
                break;
            case MAPPED_TYPE:
                // members after the mapped key, which TypeScript's parser reads: TS7061 on each
                for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                    int ck = a.kind(c);
                    if (ck == PROPERTY_SIGNATURE || ck == METHOD_SIGNATURE || ck == INDEX_SIGNATURE || ck == CALL_SIGNATURE
                            || ck == CONSTRUCT_SIGNATURE) {
                        report(c, Diag.MAPPED_TYPE_MEMBERS);
                    }
                }
                break;
            case TYPE_PREDICATE:
                if (checkTypePredicate(n)) return; // misplaced (TS1228): TypeScript checks nothing inside it
                break;
            case IMPORT_TYPE:
                return; // TypeScript's checkImportType checks none of its type arguments (`import("m")<unique symbol>`)
            case TUPLE_TYPE:
                checkTupleElements(n);
                break;
            case AS_EXPRESSION: case TYPE_ASSERTION:
                // (not in a bodiless function's parameters, nor in a function in an ambient context: TypeScript checks
                // neither there)
                if ((ctx & NO_BODY) == 0 && (ctx & (AMBIENT | IN_FUNCTION)) != (AMBIENT | IN_FUNCTION)) checkConstAssertion(n, k);
                break;
            default:
                break;
        }
        if (isFunctionLike(k) && !hasBody(n)) {
            pushChildren(n, childCtx);
            if (uncheckedDecorators) dropPushedDecorators(n);
            for (int i = sp - 1; i >= 0 && parentOf[stNode[i]] == n; i--) if (a.kind(stNode[i]) == FORMAL_PARAMETERS) stCtx[i] |= NO_BODY;
            if ((childCtx & AMBIENT) != 0 && (ctx & AMBIENT) == 0) decoratorsOutsideTheAmbientContext(n);
            return;
        }
        pushChildren(n, childCtx);
        if (uncheckedDecorators) dropPushedDecorators(n);
        if ((childCtx & AMBIENT) != 0 && (ctx & AMBIENT) == 0) decoratorsOutsideTheAmbientContext(n);
        if (k == FOR_IN) {
            // TypeScript's checker never checks the parameters of a function that is a for-in's object itself
            // (not parenthesised) when none is context-sensitive, every one typed: not their defaults
            int object = a.nextSibling(a.firstChild(n));
            for (int i = sp - 1; i >= 0 && parentOf[stNode[i]] == n; i--) if (stNode[i] == object) stCtx[i] |= FOR_IN_OBJECT;
        } else if ((ctx & FOR_IN_OBJECT) != 0 && (k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION) && everyParameterTyped(n)) {
            for (int i = sp - 1; i >= 0 && parentOf[stNode[i]] == n; i--) if (a.kind(stNode[i]) == FORMAL_PARAMETERS) stCtx[i] |= NO_BODY;
        }
    }

    private boolean everyParameterTyped(int fn) {
        for (int c = a.firstChild(fn); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != FORMAL_PARAMETERS) continue;
            for (int param = a.firstChild(c); param >= 0; param = a.nextSibling(param)) {
                boolean typed = false;
                for (int x = a.firstChild(param); x >= 0 && !typed; x = a.nextSibling(x)) typed = isType(a.kind(x));
                if (!typed) return false;
            }
            return true;
        }
        return false;
    }

    /**
     * A declaration made ambient by its own `declare`: TypeScript's parser reads its decorators before it
     * enters the ambient context, so code in them is no implementation in an ambient context
     * (`@(() => {}) declare class C {}`).
     */
    private void decoratorsOutsideTheAmbientContext(int n) {
        for (int i = sp - 1; i >= 0 && parentOf[stNode[i]] == n; i--) if (a.kind(stNode[i]) == DECORATOR) stCtx[i] &= ~AMBIENT;
    }

    /**
     * A parameter with decorators anywhere but in a class method, accessor or constructor with a body:
     * TS1206 whatever experimentalDecorators says (there, only without it: not ours to say).
     */
    private boolean decoratedOutsideAClassMethod(int param) {
        int first = a.firstChild(param);
        if (first < 0 || a.kind(first) != DECORATOR) return false;
        int list = parentOf[param];
        int fn = list >= 0 ? parentOf[list] : -1;
        if (fn < 0 || a.kind(fn) != FUNCTION_EXPRESSION || !hasBody(fn)) return true;
        int member = parentOf[fn];
        return member < 0 || a.kind(member) != METHOD;
    }

    /** Whether the subtree of {@code c} holds anything to check ({@link #pushChildren}'s test). */
    private boolean before(int c) {
        return (subtreeChecked[c >>> 6] & 1L << c) != 0;
    }

    private int firstDeclarator(int decl) {
        for (int d = a.firstChild(decl); d >= 0; d = a.nextSibling(d)) if (a.kind(d) == VARIABLE_DECLARATOR) return d;
        return -1;
    }

    /** `import type A, { B } from "m"`: TS1363 on the import clause, from `type`. */
    private void checkTypeOnlyImport(int n) {
        // TypeScript stops at a misplaced import (TS1232, the parser's) and at one of a namespace (TS1147)
        int p = parentOf[n];
        int pk = p < 0 ? -1 : a.kind(p);
        if (pk != PROGRAM && pk != MODULE_BLOCK) return;
        if (pk == MODULE_BLOCK) {
            int module = parentOf[p];
            int name = module < 0 ? -1 : a.firstChild(module);
            if (name < 0 || a.kind(name) != STRING_LITERAL) return;
        }
        boolean defaultImport = false, bindings = false;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == IMPORT_DEFAULT_SPECIFIER) defaultImport = true;
            else if (k == IMPORT_NAMESPACE_SPECIFIER || k == IMPORT_SPECIFIER) bindings = true;
        }
        if (defaultImport && bindings) {
            int at = afterTrivia(a.start(n) + 6);
            report(at, at + 4, Diag.TYPE_ONLY_IMPORT_BOTH, 0);
        }
    }

    private boolean hasTypeAfter(int target) {
        int next = a.nextSibling(target);
        return next >= 0 && isType(a.kind(next));
    }

    private boolean noElements(int pattern) {
        for (int c = a.firstChild(pattern); c >= 0; c = a.nextSibling(c)) if (a.kind(c) != ELISION) return false;
        return true;
    }

    private static boolean isFunctionLike(int k) {
        return k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == FUNCTION_TYPE || k == CONSTRUCTOR_TYPE
                || k == CALL_SIGNATURE || k == CONSTRUCT_SIGNATURE || k == METHOD_SIGNATURE;
    }

    /**
     * TypeScript's checkGrammarForGenerator: no generator where nothing runs (TS1221) nor as an overload without a
     * body (TS1222), reported at its `*`, which lies between the declaration's start (after its decorators) and
     * {@code nameOrParameters} (its name, key or parameters).
     */
    private void checkGenerator(int n, int fnData, int nameOrParameters, boolean ambient, boolean body) {
        if ((fnData & F_GENERATOR) == 0 || nameOrParameters < 0 || (!ambient && body)) return;
        int from = a.start(n);
        for (int c = a.firstChild(n); c >= 0 && a.kind(c) == DECORATOR; c = a.nextSibling(c)) from = a.end(c);
        int to = a.start(nameOrParameters);
        for (int p = afterTrivia(from); p < to; p = afterTrivia(p + 1)) { // modifiers and `function` hold no `*` nor `/`
            if (src[p] == '*') {
                report(p, p + 1, ambient ? Diag.GENERATOR_IN_AMBIENT : Diag.GENERATOR_OVERLOAD, 0);
                return;
            }
        }
    }

    /**
     * TS1221 on the `*` of a generator function expression or object-literal method in an ambient context
     * (checkGrammarForGenerator, after the parameter rules; TS1183 on its body is reported as well). The `*` of a
     * method stands before its key (`{ *m() {} }`), that of a function expression after `function`.
     */
    private void checkAmbientGeneratorExpression(int fn) {
        int property = parentOf[fn];
        if (property >= 0 && a.kind(property) == PROPERTY) {
            int key = a.firstChild(property);
            if (key >= 0 && key != fn && a.start(key) > a.start(property)) {
                int before = log.diagnosticCount();
                checkGenerator(property, a.data(fn), key, true, true);
                if (log.diagnosticCount() != before) return;
            }
        }
        checkGenerator(fn, a.data(fn), a.firstChild(fn), true, true);
    }

    /**
     * TS1355: `x as const` and `<const>x` take a literal (string, number, bigint, boolean, template, array or object; a
     * number or bigint after `-`, a number after `+`), parenthesised or not, or an enum member (TypeScript's
     * isValidConstAssertionArgument). A member access might be an enum member (that needs its symbol): never reported.
     */
    private void checkConstAssertion(int n, int k) {
        int expression = a.firstChild(n), type = expression < 0 ? -1 : a.nextSibling(expression);
        if (type < 0) return;
        if (k == TYPE_ASSERTION) { // <type> expression
            int t = expression;
            expression = type;
            type = t;
            int s = a.start(type);
            if (a.kind(type) != TYPE_REFERENCE || a.end(type) - s != 5 || src[s] != 'c' || src[s + 1] != 'o' || src[s + 2] != 'n'
                    || src[s + 3] != 's' || src[s + 4] != 't') {
                return;
            }
        } else if (a.kind(type) != KEYWORD_TYPE || a.data(type) != Token.K_CONST) {
            return;
        }
        int e = expression;
        while (a.kind(e) == PARENTHESIZED && a.firstChild(e) >= 0) e = a.firstChild(e);
        // TypeScript checks no expression of `export =` or `export default` in a namespace (TS1063, TS1319 there), and
        // not all of a for-in's object (see FOR_IN_OBJECT): nothing said in either
        for (int c = n, p = parentOf[n]; p >= 0; c = p, p = parentOf[p]) {
            int pk = a.kind(p);
            if ((pk == EXPORT_ASSIGNMENT || pk == EXPORT_DEFAULT) && parentOf[p] >= 0 && a.kind(parentOf[p]) == MODULE_BLOCK) return;
            if (pk == FOR_IN && c != a.firstChild(p)) return;
        }
        switch (a.kind(e)) {
            case STRING_LITERAL: case NUMBER_LITERAL: case BIGINT_LITERAL: case BOOLEAN: case TEMPLATE: case ARRAY: case OBJECT:
            case MEMBER:
                return;
            case UNARY: {
                int operand = a.firstChild(e);
                int ok = operand < 0 ? -1 : a.kind(operand);
                if (a.data(e) == Token.MINUS && (ok == NUMBER_LITERAL || ok == BIGINT_LITERAL)) return;
                if (a.data(e) == Token.PLUS && ok == NUMBER_LITERAL) return;
                break;
            }
            default:
                break;
        }
        report(expression, Diag.CONST_ASSERTION_ARGUMENT);
    }

    /**
     * TS1257, TypeScript's checkTupleType: no required element after an optional one (`[a?: A, B]`). A rest element
     * stops the rule (whether it is variadic needs its type).
     */
    private void checkTupleElements(int tuple) {
        boolean seenOptional = false;
        for (int e = a.firstChild(tuple); e >= 0; e = a.nextSibling(e)) {
            int k = a.kind(e);
            if (k == REST_TYPE || (k == NAMED_TUPLE_MEMBER && (a.data(e) & 2) != 0)) return;
            if ((k == OPTIONAL_TYPE && a.data(e) == 0) || (k == NAMED_TUPLE_MEMBER && (a.data(e) & 1) != 0)) {
                seenOptional = true;
            } else if (seenOptional) {
                report(e, Diag.TUPLE_REQUIRED_AFTER_OPTIONAL);
                return;
            }
        }
    }

    private boolean hasBody(int fn) {
        for (int c = a.firstChild(fn); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == FUNCTION_BODY) return true;
        return false;
    }

    /** A parameter's children but its decorators, and but its initializer when {@code withoutInitializer}. */
    private void pushParameterChildren(int n, int ctx, boolean withoutInitializer) {
        int from = sp;
        int seen = 0;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == DECORATOR) continue;
            // without a body, TypeScript checks a parameter's type alone (not its pattern's keys and defaults)
            if (!withoutInitializer ? true : isType(k) || (seen == 0 && k == BINDING_IDENTIFIER)) push(c, n, ctx);
            seen++;
        }
        reverse(from);
    }

    /** An initialized parameter's pattern, without the initializer. */
    private void pushWithoutInitializer(int n, int ctx) {
        int first = a.firstChild(n);
        if (first >= 0) push(first, n, ctx);
    }

    private void reverse(int from) {
        for (int i = from, j = sp - 1; i < j; i++, j--) {
            int x = stNode[i]; stNode[i] = stNode[j]; stNode[j] = x;
            x = stCtx[i]; stCtx[i] = stCtx[j]; stCtx[j] = x;
        }
    }

    // ------------------------------------------------------------------ statements in ambient contexts

    /**
     * In an ambient context the first statement (not a declaration) of each statement list is an
     * error (TS1036, once per list, as TypeScript marks the list); a function body there is itself
     * one (TS1183 at its brace), which stands for its statements.
     */
    private void checkStatementList(int list, int ctx, boolean functionBody) {
        if ((ctx & AMBIENT) == 0) return;
        if (functionBody) {
            int p = parentOf[list];
            if (p >= 0 && (a.kind(p) == FUNCTION_DECLARATION || a.kind(p) == FUNCTION_EXPRESSION || a.kind(p) == ARROW_FUNCTION)) {
                report(a.start(list), a.start(list) + 1, Diag.IMPLEMENTATION_IN_AMBIENT, 0);
                return;
            }
        }
        for (int s = a.firstChild(list); s >= 0; s = a.nextSibling(s)) {
            if (isStatement(a.kind(s))) {
                report(a.start(s), a.start(s) + 1, Diag.STATEMENT_IN_AMBIENT, 0);
                return;
            }
        }
    }

    /**
     * Whether {@code stmt} is the statement {@link #checkStatementList} reports TS1036 at: TypeScript's checkForStatement
     * then checks none of its head's declaration list (no TS1545/TS1546 there).
     */
    private boolean reportsStatementInAmbient(int stmt) {
        int list = parentOf[stmt];
        if (list < 0) return false;
        int lk = a.kind(list);
        if (lk == FUNCTION_BODY) {
            int f = parentOf[list];
            if (f >= 0 && (a.kind(f) == FUNCTION_DECLARATION || a.kind(f) == FUNCTION_EXPRESSION || a.kind(f) == ARROW_FUNCTION)) return false;
        } else if (lk != PROGRAM && lk != MODULE_BLOCK && lk != BLOCK && lk != STATIC_BLOCK) {
            return false;
        }
        for (int s = a.firstChild(list); s >= 0; s = a.nextSibling(s)) {
            if (isStatement(a.kind(s))) return s == stmt;
        }
        return false;
    }

    private static boolean isStatement(int k) {
        switch (k) {
            case BLOCK: case EXPRESSION_STATEMENT: case IF: case FOR: case FOR_IN: case FOR_OF: case WHILE: case DO_WHILE:
            case CONTINUE: case BREAK: case RETURN: case WITH: case SWITCH: case THROW: case TRY: case LABELED:
            case EMPTY_STATEMENT: case DEBUGGER:
                return true;
            default:
                return false;
        }
    }

    /**
     * TS1156 on the name of an interface or a type alias that is the body of an `if`, a loop or a `with`, through
     * labels (TypeScript's allowBlockDeclarations). Our parser reports it where the keyword starts the statement; with
     * a modifier before it (`for (;;) declare interface I {}`: TS1184 first, then this) it is ours.
     */
    private void checkBlockOnlyDeclaration(int n, int k) {
        int p = parentOf[n];
        if (p >= 0 && a.kind(p) == EXPORT_NAMED) p = parentOf[p]; // `if (x) export type T = 1`
        while (p >= 0 && a.kind(p) == LABELED) p = parentOf[p];
        if (p < 0) return;
        int pk = a.kind(p);
        if (pk != IF && pk != FOR && pk != FOR_IN && pk != FOR_OF && pk != WHILE && pk != DO_WHILE && pk != WITH) return;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == BINDING_IDENTIFIER) {
                report(a.start(c), a.end(c), Diag.TS_DECLARATION_IN_SINGLE_STATEMENT, k == TYPE_ALIAS ? Token.K_TYPE : Token.K_INTERFACE);
                return;
            }
        }
    }

    /**
     * TS1262 for an interface or a type alias named `await` at a module's top level, blocks included (the binder's
     * checkContextualIdentifier, isInTopLevelContext); our parser reports it for the names it binds as values.
     */
    private void checkAwaitTypeName(int n) {
        int name = a.firstChild(n);
        if (name < 0 || a.kind(name) != BINDING_IDENTIFIER || !textIs(a.start(name), a.end(name), "await") || !hasTopLevelImportOrExport()) return;
        for (int p = parentOf[n]; p >= 0; p = parentOf[p]) {
            switch (a.kind(p)) {
                case FUNCTION_DECLARATION: case FUNCTION_EXPRESSION: case ARROW_FUNCTION: case MODULE_DECLARATION: case METHOD:
                case FIELD: case STATIC_BLOCK: case CLASS_BODY:
                    return; // a function's, a namespace's or a class's own context
                default:
            }
        }
        report(a.start(name), a.end(name), Diag.AWAIT_AT_MODULE_TOP_LEVEL, Token.K_AWAIT);
    }

    /**
     * Whether the file is a module by TypeScript's isExternalModule as we can tell it: a top-level import or export
     * (an `export` misplaced in a block, a top-level `await`, `import x = A.B` make no module there; a `.mts` file
     * without one is one, but the tree does not know its extension: not reported then).
     */
    private boolean hasTopLevelImportOrExport() {
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            switch (a.kind(s)) {
                case IMPORT_DECLARATION: case EXPORT_NAMED: case EXPORT_DEFAULT: case EXPORT_ALL: case EXPORT_ASSIGNMENT:
                    return true;
                case IMPORT_EQUALS:
                    for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == EXTERNAL_MODULE_REFERENCE) return true;
                    break;
                default:
            }
        }
        return false;
    }

    /** Whether a MODULE_BLOCK is a namespace's body, not an ambient module's (`declare module "m"`, `declare global`). */
    private boolean isNamespaceBlock(int block) {
        int module = parentOf[block];
        if (module < 0 || a.kind(module) != MODULE_DECLARATION) return false;
        int name = a.firstChild(module);
        return name >= 0 && a.kind(name) != STRING_LITERAL && (a.data(module) & 0xff) != Token.K_GLOBAL;
    }

    private static boolean isDefaultExportableDeclaration(int k) {
        return k == CLASS_DECLARATION || k == FUNCTION_DECLARATION || k == INTERFACE_DECLARATION;
    }

    /**
     * In a namespace (not an ambient module `declare module "m"` or `declare global`), an import or
     * export may not name a module: TS1147, TS1194 at the module name.
     */
    private void checkModuleReferencesInNamespace(int block) {
        int module = parentOf[block];
        if (module < 0 || a.kind(module) != MODULE_DECLARATION) return;
        int name = a.firstChild(module);
        if (name < 0 || a.kind(name) == STRING_LITERAL || (a.data(module) & 0xff) == Token.K_GLOBAL) return;
        for (int s = a.firstChild(block); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (k != IMPORT_DECLARATION && k != IMPORT_EQUALS && k != EXPORT_NAMED && k != EXPORT_ALL) continue;
            int source = -1;
            for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
                int ck = a.kind(c);
                if (ck == STRING_LITERAL) source = c;
                else if (ck == EXTERNAL_MODULE_REFERENCE && a.firstChild(c) >= 0 && a.kind(a.firstChild(c)) == STRING_LITERAL) source = a.firstChild(c);
            }
            if (source >= 0) report(source, k == IMPORT_DECLARATION || k == IMPORT_EQUALS ? Diag.IMPORT_IN_NAMESPACE : Diag.EXPORT_IN_NAMESPACE);
        }
    }

    /** TS1046: in a .d.ts file, the first top-level declaration without `declare` or `export`. */
    private void checkDeclarationFileTopLevel(int program) {
        for (int s = a.firstChild(program); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            boolean needsModifier;
            switch (k) {
                case CLASS_DECLARATION: case FUNCTION_DECLARATION: case VARIABLE_DECLARATION: case ENUM_DECLARATION:
                    needsModifier = (a.data(s) & MOD_DECLARE) == 0;
                    break;
                case MODULE_DECLARATION:
                    needsModifier = (a.data(s) & MOD_DECLARE) == 0;
                    break;
                default:
                    needsModifier = false;
            }
            if (needsModifier) {
                report(a.start(s), a.start(s) + 1, Diag.DTS_NEEDS_DECLARE, 0);
                return;
            }
        }
    }

    /**
     * TS2309: `export =` in a file that also exports declarations (TypeScript reports it on the
     * `export =` when the module's other exports are values or types it declares).
     */
    /**
     * A specifier or a declaration that declares a name: `export {}`, `export {} from "m"` and `export var {}` add none
     * to the module's exports (TypeScript's hasExportedMembers reads its symbol table).
     */
    private boolean exportsAName(int export) {
        int c = a.firstChild(export);
        while (c >= 0 && a.kind(c) == DECORATOR) c = a.nextSibling(c);
        if (c < 0 || a.kind(c) == STRING_LITERAL || a.kind(c) == IMPORT_ATTRIBUTES) return false;
        if (a.kind(c) != VARIABLE_DECLARATION) return true;
        for (int d = a.firstChild(c); d >= 0; d = a.nextSibling(d)) {
            int target = a.firstChild(d);
            if (target < 0) continue;
            for (int n = subtreeStart[target]; n <= target; n++) if (a.kind(n) == BINDING_IDENTIFIER) return true;
        }
        return false;
    }

    private void checkExportAssignment(int program) {
        int assignment = -1;
        boolean otherExports = false;
        for (int s = a.firstChild(program); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (k == EXPORT_ASSIGNMENT) {
                if (assignment < 0) assignment = s;
            } else if (k == EXPORT_DEFAULT || k == EXPORT_ALL || (k == EXPORT_NAMED && exportsAName(s))) {
                otherExports = true;
            }
        }
        if (assignment >= 0 && otherExports) report(a.start(assignment), a.end(assignment), Diag.EXPORT_ASSIGNMENT_WITH_EXPORTS, 0);
    }

    // ------------------------------------------------------------------ declarations

    /**
     * A namespace or ambient module below the top level of a file or namespace (TS1235, TS1234, at
     * its first token; nothing else is checked of its declaration then); TS1540: `module N {}` (not
     * a quoted name, not `global`), at each part of the name.
     */
    private void checkModuleDeclaration(int n, boolean ambient, boolean modifierError) {
        int name = a.firstChild(n);
        if (name < 0) return;
        int k = a.kind(name);
        int wrapper = parentOf[n];
        int wk = wrapper < 0 ? -1 : a.kind(wrapper);
        boolean exported = wk == EXPORT_NAMED || wk == EXPORT_DEFAULT;
        int container = exported ? parentOf[wrapper] : wrapper;
        int ck = container < 0 ? -1 : a.kind(container);
        if (ck != PROGRAM && ck != MODULE_BLOCK && ck != -1) {
            int first = exported ? a.start(wrapper) : a.start(n);
            boolean ambientModule = k == STRING_LITERAL || (a.data(n) & 0xff) == Token.K_GLOBAL;
            // `declare global;` is no declaration for TypeScript's parser (`global` must be followed by `{`)
            if ((a.data(n) & 0xff) == Token.K_GLOBAL && !hasModuleBlock(n)) return;
            report(first, first + 1, ambientModule ? Diag.AMBIENT_MODULE_NOT_TOP_LEVEL : Diag.NAMESPACE_NOT_TOP_LEVEL, 0);
            // `{ module A.B {} }`: B is a declaration of its own, at the top of A's body, so still TS1540
            if ((a.data(n) & 0xff) == Token.K_MODULE && k == QUALIFIED_NAME) reportQualifiedPartsAfterFirst(name);
            return;
        }
        // `module "m" {}` without `declare` (`declare\nmodule "m"` is a name, then a module): TS1035
        if (k == STRING_LITERAL && !ambient && !modifierError) report(name, Diag.QUOTED_NAME_NOT_AMBIENT);
        if ((a.data(n) & 0xff) != Token.K_MODULE) return;
        if (k == BINDING_IDENTIFIER || k == IDENTIFIER_NAME) {
            report(name, Diag.MODULE_KEYWORD_FOR_NAMESPACE);
        } else if (k == QUALIFIED_NAME) {
            reportQualifiedParts(name);
        }
    }

    private void reportQualifiedPartsAfterFirst(int q) {
        int first = a.firstChild(q);
        if (first < 0) return;
        if (a.kind(first) == QUALIFIED_NAME) reportQualifiedPartsAfterFirst(first);
        for (int c = a.nextSibling(first); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == QUALIFIED_NAME) reportQualifiedParts(c);
            else report(c, Diag.MODULE_KEYWORD_FOR_NAMESPACE);
        }
    }

    private void reportQualifiedParts(int q) {
        for (int c = a.firstChild(q); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == QUALIFIED_NAME) reportQualifiedParts(c);
            else report(c, Diag.MODULE_KEYWORD_FOR_NAMESPACE);
        }
    }

    /**
     * Initializers in ambient contexts (TS1039/TS1254) and definite assignment markers (TS1255/1263/1264): TypeScript's
     * checkGrammarVariableDeclaration for each declarator, and of checkGrammarVariableDeclarationList the `using` rule,
     * which a modifier error skips (checkVariableStatement) where the declarators' checks still run.
     */
    private void checkVariableDeclarators(int decl, int ctx, boolean modifierError) {
        boolean ambient = (ctx & AMBIENT) != 0;
        int p = parentOf[decl];
        boolean forHead = p >= 0 && (a.kind(p) == FOR_IN || a.kind(p) == FOR_OF);
        if (forHead) return;
        int varKind = a.data(decl) & 0xff;
        boolean constLike = varKind == VAR_CONST || varKind == VAR_USING || varKind == VAR_AWAIT_USING;
        for (int d = a.firstChild(decl); d >= 0; d = a.nextSibling(d)) {
            if (a.kind(d) != VARIABLE_DECLARATOR) continue;
            int target = a.firstChild(d);
            if (target < 0) continue;
            int type = -1, init = -1;
            for (int c = a.nextSibling(target); c >= 0; c = a.nextSibling(c)) {
                if (type < 0 && init < 0 && isType(a.kind(c))) type = c;
                else init = c;
            }
            // TypeScript stops at a missing initializer (TS1155/TS1182, our parser's)
            if (!ambient && init < 0 && (constLike || a.kind(target) == OBJECT_PATTERN || a.kind(target) == ARRAY_PATTERN)) continue;
            if (ambient && !modifierError && (varKind == VAR_USING || varKind == VAR_AWAIT_USING) && d == firstDeclarator(decl)
                    && !(p >= 0 && a.kind(p) == FOR && reportsStatementInAmbient(p))) {
                report(a.start(decl), a.end(decl), varKind == VAR_USING ? Diag.USING_IN_AMBIENT : Diag.AWAIT_USING_IN_AMBIENT, 0);
            }
            // a `using` binding pattern (TS1492) is as far as TypeScript checks that declarator
            boolean usingPattern = (varKind == VAR_USING || varKind == VAR_AWAIT_USING)
                    && (a.kind(target) == OBJECT_PATTERN || a.kind(target) == ARRAY_PATTERN);
            if (usingPattern) continue;
            // TypeScript's checkGrammarVariableDeclaration: the ambient initializer, then (not instead) the definite `!`
            if (ambient && init >= 0) checkAmbientInitializer(init, constLike && type < 0);
            if ((a.data(d) & 2) != 0) {
                int bang = afterTrivia(a.end(target));
                Diag m = null;
                if (init >= 0) m = Diag.DEFINITE_WITH_INITIALIZER;
                else if (type < 0) m = Diag.DEFINITE_WITHOUT_TYPE;
                else if (ambient) m = Diag.DEFINITE_NOT_HERE;
                if (m != null && bang < src.length && src[bang] == '!') report(bang, bang + 1, m, 0);
            }
        }
    }

    /**
     * TypeScript's rule for an initializer in an ambient context: a `const` (or readonly property)
     * without a type may have a literal (or a literal enum reference, which needs types: we stay
     * quiet on any member access); anything else is TS1039.
     */
    private void checkAmbientInitializer(int init, boolean constLikeWithoutType) {
        if (constLikeWithoutType) {
            if (isAmbientLiteral(init)) return;
            int k = a.kind(init);
            if (k == MEMBER) return; // perhaps an enum member: a type question
            report(init, Diag.AMBIENT_CONST_INITIALIZER);
        } else {
            report(init, Diag.INITIALIZER_IN_AMBIENT);
        }
    }

    private boolean isAmbientLiteral(int n) {
        int k = a.kind(n);
        if (k == STRING_LITERAL || k == NUMBER_LITERAL || k == BIGINT_LITERAL || k == BOOLEAN) return true;
        if (k == TEMPLATE) { // a template without substitutions is a literal for TypeScript
            int c = a.firstChild(n);
            return c >= 0 && a.nextSibling(c) < 0;
        }
        if (k == UNARY && a.data(n) == Token.MINUS) {
            int c = a.firstChild(n);
            return c >= 0 && (a.kind(c) == NUMBER_LITERAL || a.kind(c) == BIGINT_LITERAL);
        }
        return false;
    }

    /** Class fields: ambient initializers, definite assignment markers. */
    private void checkProperty(int n, int ctx) {
        int data = a.data(n);
        boolean ambient = (ctx & AMBIENT) != 0;
        int key = -1, type = -1, init = -1;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == DECORATOR) continue;
            if (key < 0) key = c;
            else if (type < 0 && init < 0 && isType(k)) type = c;
            else init = c;
        }
        if ((data & P_DEFINITE) != 0 && key >= 0) {
            Diag m = null;
            if (init >= 0) m = Diag.DEFINITE_WITH_INITIALIZER;
            else if (type < 0) m = Diag.DEFINITE_WITHOUT_TYPE;
            else if (ambient || (data & (C_STATIC | MOD_ABSTRACT)) != 0) m = Diag.DEFINITE_NOT_HERE;
            int bang = afterTrivia(keyEnd(key, n));
            if (m != null && bang < a.sourceLength() && src[bang] == '!') {
                report(bang, bang + 1, m, 0);
                return;
            }
        }
        if (ambient && init >= 0) checkAmbientInitializer(init, (data & MOD_READONLY) != 0 && type < 0);
    }

    private int keyEnd(int key, int member) {
        int e = a.end(key);
        if (a.kind(key) != PRIVATE_IDENTIFIER && (a.data(member) & P_COMPUTED) != 0) { // `[k]`: past the bracket
            int p = afterTrivia(e);
            if (p < a.sourceLength() && src[p] == ']') return p + 1;
        }
        return e;
    }

    // ------------------------------------------------------------------ enum member values

    /** What TypeScript's constant evaluator makes of an enum initializer, as far as that is sure without types. */
    private static final int V_NUMBER = 0, V_STRING = 1, V_NONE = 2, V_UNKNOWN = 3;
    /** The enum being checked: its members' name ids (-1: not a plain name) and value kinds, in order. */
    private int[] enumNames = new int[16], enumValues = new int[16];
    private int enumCount, enumNameId;

    /**
     * TS1061 and TS1066 by TypeScript's computeEnumMemberValues: a member without an initializer takes the
     * previous value plus one, so it needs an initializer after a member whose value is no number (a string, or
     * none: an expression the evaluator does not take, `f()`, `1 as number`, `true`); in an ambient enum that
     * is not `const` no member needs one, and an initializer that has no value is TS1066. Only what is sure:
     * the evaluator's own cases on literals, `+ - ~`, arithmetic and string `+`, and references to earlier members
     * of the same enum (`a`, `E.a`); any other name might be a constant (`const x = 1`) and stops the rule.
     */
    private void checkEnumMemberValues(int n, boolean ambient) {
        int nameNode = a.firstChild(n);
        if (nameNode < 0 || a.kind(nameNode) != BINDING_IDENTIFIER) return;
        boolean constEnum = (a.data(n) & MOD_CONST) != 0;
        enumNameId = a.data(nameNode);
        enumCount = 0;
        int previous = V_NUMBER; // the first member without an initializer is 0
        for (int m = a.nextSibling(nameNode); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != ENUM_MEMBER) continue;
            int name = a.firstChild(m);
            if (name < 0) return;
            int nk = a.kind(name);
            if (a.start(m) != a.start(name) && nk != STRING_LITERAL && nk != NUMBER_LITERAL
                    && !(nk == TEMPLATE && a.firstChild(name) >= 0 && a.nextSibling(a.firstChild(name)) < 0)) {
                report(a.start(m), Math.max(a.start(m), a.end(name)), Diag.COMPUTED_ENUM_MEMBER_NAME, 0); // `[k]`, not `["k"]`
            }
            int init = a.nextSibling(name);
            int value;
            if (init >= 0) {
                value = enumValue(init, 0);
                if (value == V_NONE && ambient && !constEnum) report(init, Diag.AMBIENT_ENUM_INITIALIZER_NOT_CONSTANT);
            } else if (ambient && !constEnum) {
                value = V_NONE; // no error, and no value
            } else if (previous == V_NUMBER) {
                value = V_NUMBER;
            } else if (previous == V_UNKNOWN) {
                value = V_UNKNOWN;
            } else {
                report(a.start(m), Math.max(a.start(m), a.end(name)), Diag.ENUM_MEMBER_NEEDS_INITIALIZER, 0);
                value = V_NONE;
            }
            if (enumCount == enumNames.length) {
                enumNames = java.util.Arrays.copyOf(enumNames, enumCount * 2);
                enumValues = java.util.Arrays.copyOf(enumValues, enumCount * 2);
            }
            enumNames[enumCount] = a.kind(name) == IDENTIFIER_NAME ? a.data(name) : -1;
            enumValues[enumCount++] = value;
            previous = value;
        }
    }

    /** The value kind of an enum initializer (TypeScript's evaluate); depth bounds the recursion on deep operands. */
    private int enumValue(int e, int depth) {
        if (depth > 64) return V_UNKNOWN;
        switch (a.kind(e)) {
            case NUMBER_LITERAL: return V_NUMBER;
            case STRING_LITERAL: return V_STRING;
            case PARENTHESIZED: {
                int inner = a.firstChild(e);
                return inner < 0 ? V_UNKNOWN : enumValue(inner, depth + 1);
            }
            case TEMPLATE: {
                // the evaluator's template: a string when every substitution has a value
                int result = V_STRING;
                for (int c = a.firstChild(e); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == TEMPLATE_ELEMENT) continue;
                    int v = enumValue(c, depth + 1);
                    if (v == V_NONE) return V_NONE;
                    if (v == V_UNKNOWN) result = V_UNKNOWN;
                }
                return result;
            }
            case UNARY: {
                int op = a.data(e);
                if (op != Token.PLUS && op != Token.MINUS && op != Token.TILDE) return V_NONE;
                int operand = a.firstChild(e);
                int v = operand < 0 ? V_UNKNOWN : enumValue(operand, depth + 1);
                return v == V_NUMBER ? V_NUMBER : v == V_UNKNOWN ? V_UNKNOWN : V_NONE;
            }
            case BINARY: {
                int op = a.data(e);
                boolean arithmetic;
                switch (op) {
                    case Token.BAR: case Token.AMP: case Token.SAR: case Token.SHR: case Token.SHL: case Token.CARET:
                    case Token.STAR: case Token.SLASH: case Token.MINUS: case Token.PERCENT: case Token.STAR2:
                        arithmetic = true;
                        break;
                    case Token.PLUS:
                        arithmetic = false;
                        break;
                    default:
                        return V_NONE;
                }
                int left = a.firstChild(e);
                int right = left < 0 ? -1 : a.nextSibling(left);
                if (right < 0) return V_UNKNOWN;
                int l = enumValue(left, depth + 1), r = enumValue(right, depth + 1);
                if (l == V_NUMBER && r == V_NUMBER) return V_NUMBER;
                if (l == V_UNKNOWN || r == V_UNKNOWN) return V_UNKNOWN;
                if (!arithmetic && l != V_NONE && r != V_NONE) return V_STRING;
                return V_NONE;
            }
            case IDENTIFIER_REFERENCE:
                return earlierMember(a.data(e));
            case MEMBER: {
                int object = a.firstChild(e);
                int property = object < 0 ? -1 : a.nextSibling(object);
                if (property < 0) return V_UNKNOWN;
                if ((a.data(e) & (M_COMPUTED | M_OPTIONAL)) != 0) return V_UNKNOWN; // E["a"]: the evaluator's element access
                if (!isEntityName(object)) return V_NONE; // `f().x`: no entity name, no value
                if (a.kind(object) == IDENTIFIER_REFERENCE && a.data(object) == enumNameId && a.kind(property) == IDENTIFIER_NAME
                        && memberIndex(enumNameId) < 0) {
                    return earlierMember(a.data(property));
                }
                return V_UNKNOWN;
            }
            case IDENTIFIER_NAME: case BINDING_IDENTIFIER: case TEMPLATE_ELEMENT: case INVALID:
                return V_UNKNOWN;
            default:
                // calls, `new`, literals other than numbers and strings, `as`/`!`/`<T>` (no parentheses skipped there),
                // functions, objects, arrays, conditionals, assignments…: the evaluator has no case for them
                return NodeKind.isType(a.kind(e)) ? V_UNKNOWN : V_NONE;
        }
    }

    private boolean isEntityName(int e) {
        while (a.kind(e) == MEMBER && (a.data(e) & (M_COMPUTED | M_OPTIONAL)) == 0) {
            int object = a.firstChild(e);
            if (object < 0) return false;
            int property = a.nextSibling(object);
            if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return false;
            e = object;
        }
        return a.kind(e) == IDENTIFIER_REFERENCE;
    }

    /** The value of the one earlier member of this enum named {@code id}; unknown for any other name, or a repeated one. */
    private int earlierMember(int id) {
        int i = memberIndex(id);
        return i < 0 ? V_UNKNOWN : enumValues[i];
    }

    private int memberIndex(int id) {
        int found = -1;
        for (int i = 0; i < enumCount; i++) {
            if (enumNames[i] != id) continue;
            if (found >= 0) return -1;
            found = i;
        }
        return found;
    }

    // ------------------------------------------------------------------ types

    private void checkTypeOperator(int n) {
        int op = a.data(n);
        int operand = a.firstChild(n);
        if (operand < 0) return;
        if (op == Token.K_UNIQUE) {
            if (!isSymbolKeyword(operand)) {
                report(operand, Diag.UNIQUE_SYMBOL_EXPECTED);
                return;
            }
            int p = parentOf[n];
            while (p >= 0 && a.kind(p) == PARENTHESIZED_TYPE) p = parentOf[p];
            int pk = p < 0 ? -1 : a.kind(p);
            if (pk == VARIABLE_DECLARATOR) {
                int name = a.firstChild(p);
                int decl = parentOf[p];
                int stmtParent = decl < 0 ? -1 : parentOf[decl];
                if (a.kind(name) != BINDING_IDENTIFIER) report(n, Diag.UNIQUE_SYMBOL_BINDING_NAME);
                // in a for head (not the loop's body, its last child: `for (;;) declare var x: unique symbol`)
                else if (stmtParent >= 0 && (a.kind(stmtParent) == FOR || a.kind(stmtParent) == FOR_IN || a.kind(stmtParent) == FOR_OF)
                        && a.nextSibling(decl) >= 0) {
                    report(n, Diag.UNIQUE_SYMBOL_NOT_STATEMENT);
                }
                else if ((a.data(decl) & 0xff) != VAR_CONST && (a.data(decl) & 0xff) != VAR_AWAIT_USING) {
                    report(name, Diag.UNIQUE_SYMBOL_NOT_CONST); // TypeScript's flags count `await using` as const, not `using`
                }
            } else if (pk == FIELD) {
                int d = a.data(p);
                if ((d & C_STATIC) == 0 || (d & MOD_READONLY) == 0) reportAt(nameStart(p), Diag.UNIQUE_SYMBOL_CLASS_PROPERTY);
            } else if (pk == PROPERTY_SIGNATURE) {
                if ((a.data(p) & MOD_READONLY) == 0) reportAt(nameStart(p), Diag.UNIQUE_SYMBOL_TYPE_PROPERTY);
            } else {
                report(n, Diag.UNIQUE_SYMBOL_NOT_HERE);
            }
        } else if (op == Token.K_READONLY) {
            int k = a.kind(operand);
            if (k != ARRAY_TYPE && k != TUPLE_TYPE) report(a.start(n), a.start(n) + 8, Diag.READONLY_TYPE_OPERATOR, 0);
        }
    }

    private boolean hasModuleBlock(int n) {
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == MODULE_BLOCK) return true;
        return false;
    }

    /**
     * A type predicate is the return type of a function, method, arrow, call signature or function
     * type (TS1228), naming one of its parameters (TS1225), not a rest parameter (TS1229) nor a name
     * bound in a pattern (TS1230).
     */
    private boolean checkTypePredicate(int n) {
        int fn = parentOf[n];
        int fk = fn < 0 ? -1 : a.kind(fn);
        boolean place = fk == ARROW_FUNCTION || fk == CALL_SIGNATURE || fk == FUNCTION_DECLARATION || fk == FUNCTION_TYPE;
        if (fk == FUNCTION_EXPRESSION) {
            int m = parentOf[fn];
            if (m >= 0 && a.kind(m) == PROPERTY) place = (a.data(m) & (P_GET | P_SET)) == 0; // an object literal's accessor: no
            else place = m < 0 || a.kind(m) != METHOD || ((a.data(m) & (P_GET | P_SET)) == 0 && !isConstructor(m, memberKey(m), a.data(m)));
        } else if (fk == METHOD_SIGNATURE) {
            place = (a.data(fn) & (P_GET | P_SET)) == 0;
        }
        if (!place) {
            report(n, Diag.TYPE_PREDICATE_PLACE);
            return true;
        }
        int name = a.firstChild(n);
        if (name < 0 || a.kind(name) != IDENTIFIER_NAME) return false; // `this is T`, `asserts this`
        int params = -1;
        for (int c = a.firstChild(fn); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == FORMAL_PARAMETERS) {
                params = c;
                break;
            }
        }
        if (params < 0) return false;
        for (int p = a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            int target = a.kind(p) == PARAMETER ? memberKey(p) : p;
            boolean rest = a.kind(target) == REST_ELEMENT;
            if (rest || a.kind(target) == ASSIGNMENT_PATTERN) target = a.firstChild(target);
            if (target < 0) continue;
            if (a.kind(target) == BINDING_IDENTIFIER && sameText(target, name)) {
                // the first parameter of that name; a rest one only counts as the signature's rest parameter when last
                if (rest && a.nextSibling(p) < 0) report(name, Diag.TYPE_PREDICATE_REST);
                return false;
            }
        }
        for (int p = a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            int target = a.kind(p) == PARAMETER ? memberKey(p) : p;
            if (a.kind(target) == ASSIGNMENT_PATTERN) target = a.firstChild(target);
            if (target >= 0 && (a.kind(target) == OBJECT_PATTERN || a.kind(target) == ARRAY_PATTERN) && boundIn(target, name)) {
                report(a.start(name), a.end(name), Diag.TYPE_PREDICATE_PATTERN, a.data(name));
                return false;
            }
        }
        report(a.start(name), a.end(name), Diag.TYPE_PREDICATE_PARAMETER, a.data(name));
        return false;
    }

    /** Whether a pattern binds {@code name} (a BINDING_IDENTIFIER of the same text anywhere in it: patterns are small). */
    private boolean boundIn(int pattern, int name) {
        for (int c = a.firstChild(pattern); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == BINDING_IDENTIFIER && sameText(c, name)) return true;
            if (a.firstChild(c) >= 0 && a.kind(c) != ASSIGNMENT_PATTERN && boundIn(c, name)) return true;
            if (a.kind(c) == ASSIGNMENT_PATTERN && a.firstChild(c) >= 0) {
                int t = a.firstChild(c);
                if (a.kind(t) == BINDING_IDENTIFIER ? sameText(t, name) : boundIn(t, name)) return true;
            }
        }
        return false;
    }

    private boolean sameText(int x, int y) {
        int n = a.end(x) - a.start(x);
        if (n != a.end(y) - a.start(y)) return false;
        for (int i = 0; i < n; i++) if (src[a.start(x) + i] != src[a.start(y) + i]) return false;
        return true;
    }

    private boolean isSymbolKeyword(int n) {
        if (a.kind(n) != TYPE_REFERENCE) return false;
        int name = a.firstChild(n);
        if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE || a.nextSibling(name) >= 0) return false;
        return textIs(a.start(name), a.end(name), "symbol");
    }

    private int memberKey(int member) {
        for (int c = a.firstChild(member); c >= 0; c = a.nextSibling(c)) if (a.kind(c) != DECORATOR) return c;
        return member;
    }

    // ------------------------------------------------------------------ parameters

    /**
     * TypeScript's parameter-list rules, the first error only: a rest parameter cannot be optional
     * (TS1047), a parameter cannot be both optional and initialized (TS1015), a required parameter
     * cannot follow an optional one (TS1016). Outside ambient contexts, a trailing comma after a rest parameter is
     * TS1013, and the checks go on (checkGrammarForDisallowedTrailingComma).
     */
    private boolean checkParameterList(int fn, boolean ambient) {
        int params = -1;
        for (int c = a.firstChild(fn); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == FORMAL_PARAMETERS) {
                params = c;
                break;
            }
        }
        if (params < 0) return false;
        for (int p = a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            int rest = a.kind(p) == REST_ELEMENT ? p : a.kind(p) == PARAMETER && a.kind(memberKey(p)) == REST_ELEMENT ? memberKey(p) : -1;
            if (rest >= 0 && a.nextSibling(p) >= 0) {
                report(a.start(rest), a.start(rest) + 3, Diag.REST_PARAMETER_LAST, 0);
                return true;
            }
        }
        boolean seenOptional = false;
        for (int p = a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            int k = a.kind(p);
            if (k == REST_ELEMENT) {
                checkTrailingCommaAfterRest(fn, params, p, ambient);
                if (reportRestInitializer(p)) return true;
                continue;
            }
            if (k == ASSIGNMENT_PATTERN) continue; // initialized: neither optional nor required
            if (k != PARAMETER) {
                if (seenOptional) {
                    report(p, Diag.REQUIRED_AFTER_OPTIONAL);
                    return true;
                }
                continue;
            }
            int data = a.data(p);
            int name = memberKey(p);
            boolean rest = a.kind(name) == REST_ELEMENT;
            boolean initialized = false;
            int seen = 0;
            for (int c = a.firstChild(p); c >= 0; c = a.nextSibling(c)) {
                if (a.kind(c) == DECORATOR) continue;
                if (seen++ > 0 && !isType(a.kind(c))) initialized = true;
            }
            if (rest) {
                checkTrailingCommaAfterRest(fn, params, p, ambient);
                int restName = a.firstChild(name);
                if ((data & P_OPTIONAL) != 0 && restName >= 0) {
                    int q = afterTrivia(a.end(restName));
                    if (q < a.sourceLength() && src[q] == '?') {
                        report(q, q + 1, Diag.REST_OPTIONAL, 0);
                        return true;
                    }
                }
                if (reportRestInitializer(name)) return true;
                continue;
            }
            if ((data & P_OPTIONAL) != 0) {
                seenOptional = true;
                if (initialized) {
                    report(name, Diag.OPTIONAL_WITH_INITIALIZER);
                    return true;
                }
            } else if (seenOptional && !initialized) {
                report(name, Diag.REQUIRED_AFTER_OPTIONAL);
                return true;
            }
        }
        return false;
    }

    /** A class method without a modifier error: constructor type parameters and return types, accessor rules. */
    private void checkMethod(int n, int ctx) {
        int data = a.data(n);
        int key = memberKey(n);
        int fn = key == n ? -1 : a.nextSibling(key);
        if (fn < 0 || a.kind(fn) != FUNCTION_EXPRESSION) return;
        if (isConstructor(n, key, data)) {
            checkConstructorSignature(fn);
            return;
        }
        if ((data & (P_GET | P_SET)) != 0 && !checkParameterListQuietly(fn)) checkAccessor(n, fn, true, ctx);
    }

    /**
     * A constructor's type parameters (TS1092) or else its return type (TS1093): TypeScript's checkConstructorDeclaration
     * asks these whatever its modifiers' or decorators' checks found.
     */
    private void checkConstructorSignature(int fn) {
        for (int c = a.firstChild(fn); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == TYPE_PARAMETERS) {
                int first = a.firstChild(c);
                int at = first >= 0 ? a.start(first) : afterTrivia(a.start(c) + 1);
                report(at, at + 1, Diag.CONSTRUCTOR_TYPE_PARAMETERS, 0);
                return;
            }
            if (k != FORMAL_PARAMETERS && k != FUNCTION_BODY && isType(k)) {
                report(c, Diag.CONSTRUCTOR_TYPE_ANNOTATION);
                return;
            }
        }
    }

    /** After a modifier or decorator error: a constructor's own signature checks still run (checkConstructorDeclaration). */
    private void checkConstructorSignatureAfterModifierError(int n) {
        int key = memberKey(n);
        int fn = key == n ? -1 : a.nextSibling(key);
        if (fn >= 0 && a.kind(fn) == FUNCTION_EXPRESSION && isConstructor(n, key, a.data(n))) checkConstructorSignature(fn);
    }

    /** TS1267, an abstract property with an initializer (checkPropertyDeclaration, after the grammar checks); a word's name only, as TS1245. */
    private void checkAbstractPropertyInitializer(int n) {
        if ((a.data(n) & MOD_ABSTRACT) == 0) return;
        int key = -1;
        boolean initialized = false;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == DECORATOR) continue;
            if (key < 0) key = c;
            else if (!isType(k)) initialized = true;
        }
        if (initialized && a.kind(key) == IDENTIFIER_NAME) report(a.start(key), a.end(key), Diag.ABSTRACT_PROPERTY_INITIALIZER, a.data(key));
    }

    /**
     * TS1245, an abstract method with a body: checkMethodDeclaration reports it after the grammar checks, whatever they
     * found. Only for a name that is a word: the message quotes the name's source text (`'k'`, `[x]`), which a
     * diagnostic's argument cannot carry.
     */
    private void checkAbstractMethodBody(int n) {
        int data = a.data(n);
        if ((data & MOD_ABSTRACT) == 0 || (data & (P_GET | P_SET)) != 0) return;
        int key = memberKey(n);
        int fn = key == n ? -1 : a.nextSibling(key);
        if (fn < 0 || a.kind(fn) != FUNCTION_EXPRESSION || isConstructor(n, key, data) || !hasBody(fn)) return;
        // at the name whatever it is (a string, a number, `[x]`, `#m`: declarationNameToString, its text as written)
        int start = computedNameStart(n, key), end = keyEnd(key, n);
        int name = a.kind(key) == IDENTIFIER_NAME ? a.data(key) : a.names().intern(src, start, end);
        report(start, end, Diag.ABSTRACT_METHOD_BODY, name);
    }

    /**
     * TS1048 at the name of a rest parameter with an initializer (checkGrammarParameterList). Our parser reports it
     * in JavaScript files only, which are not checked.
     */
    private boolean reportRestInitializer(int rest) {
        int target = a.firstChild(rest);
        if (target < 0) return false;
        boolean initialized = a.kind(target) == ASSIGNMENT_PATTERN; // an arrow's parameters, rewritten from a cover
        for (int c = a.nextSibling(target); c >= 0 && !initialized; c = a.nextSibling(c)) if (!isType(a.kind(c))) initialized = true;
        if (!initialized) return false;
        int name = a.kind(target) == ASSIGNMENT_PATTERN ? a.firstChild(target) : target;
        report(name, Diag.REST_PARAMETER_INITIALIZER);
        return true;
    }

    /** TS1013 after the last parameter, a rest one, in the order of TypeScript's checkGrammarParameterList (then on). */
    private void checkTrailingCommaAfterRest(int fn, int params, int last, boolean ambient) {
        if (ambient || insideDeclaredTypeDeclaration(fn)) return;
        int comma = skipTrivia(a.end(last), a.end(params));
        if (comma < a.end(params) && src[comma] == ',') report(comma, comma + 1, Diag.TRAILING_COMMA_AFTER_REST, 0);
    }

    /**
     * Whether {@code n} is inside a `declare interface` or `declare type`: TypeScript's parser makes everything
     * under `declare` ambient (NodeFlags.Ambient), where our AMBIENT leaves these two out for the other rules.
     */
    private boolean insideDeclaredTypeDeclaration(int n) {
        for (int p = parentOf[n]; p >= 0; p = parentOf[p]) {
            int k = a.kind(p);
            if ((k == INTERFACE_DECLARATION || k == TYPE_ALIAS) && (a.data(p) & MOD_DECLARE) != 0) return true;
        }
        return false;
    }

    /** Whether {@link #checkParameterList} would report (the parameter rules come first): reported then, by the function's own visit. */
    private boolean checkParameterListQuietly(int fn) {
        int before = log.diagnosticCount();
        boolean failed = checkParameterList(fn, true);
        log.truncateDiagnostics(before);
        return failed;
    }

    /**
     * TypeScript's accessor rules, the first error only. {@code sig}: the node with the type
     * parameters, parameters, return type and body (the method's function, or the signature itself).
     * Parameter counts of class accessors are our parser's (TS1054, TS1049, TS1053).
     */
    private void checkAccessor(int member, int sig, boolean inClass, int ctx) {
        int data = a.data(member);
        boolean setter = (data & P_SET) != 0;
        int typeParams = -1, params = -1, type = -1, body = -1;
        for (int c = a.firstChild(sig); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == TYPE_PARAMETERS) typeParams = c;
            else if (k == FORMAL_PARAMETERS) params = c;
            else if (k == FUNCTION_BODY) body = c;
            else if (params >= 0 && isType(k)) type = c;
        }
        if (params < 0) return;
        int name = nameStart(member);
        if (inClass && body < 0 && (data & MOD_ABSTRACT) == 0 && (ctx & AMBIENT) == 0) {
            int end = a.end(sig);
            int semi = afterTrivia(end);
            int at = semi < a.sourceLength() && src[semi] == ';' ? semi : end - 1;
            report(at, at + 1, Diag.TOKEN_EXPECTED, Token.LBRACE);
            return;
        }
        if (body >= 0 && (data & MOD_ABSTRACT) != 0) {
            reportAt(name, Diag.ABSTRACT_ACCESSOR_BODY);
            return;
        }
        if (typeParams >= 0) {
            reportAt(name, Diag.ACCESSOR_TYPE_PARAMETERS);
            return;
        }
        int count = 0, first = -1, second = -1;
        for (int p = a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            if (count == 0) first = p;
            else if (count == 1) second = p;
            count++;
        }
        boolean thisFirst = first >= 0 && isThisParameter(first);
        int expected = setter ? 1 : 0;
        boolean countOk = count == expected || (count == expected + 1 && thisFirst);
        if (!countOk) {
            if (!inClass) reportAt(name, setter ? Diag.SETTER_PARAMETERS : Diag.GETTER_PARAMETERS);
            return;
        }
        if (!setter) return;
        if (type >= 0) {
            reportAt(name, Diag.SETTER_RETURN_TYPE);
            return;
        }
        int value = thisFirst ? second : first;
        if (value < 0) return;
        int vk = a.kind(value);
        int pattern = vk == PARAMETER ? memberKey(value) : value;
        if (a.kind(pattern) == REST_ELEMENT) {
            if (!inClass) report(a.start(pattern), a.start(pattern) + 3, Diag.SETTER_REST, 0);
            return;
        }
        if (vk == PARAMETER && (a.data(value) & P_OPTIONAL) != 0) {
            int q = afterTrivia(a.end(pattern));
            if (q < a.sourceLength() && src[q] == '?') report(q, q + 1, Diag.SETTER_OPTIONAL, 0);
            return;
        }
        boolean initialized = vk == ASSIGNMENT_PATTERN;
        if (vk == PARAMETER) {
            int seen = 0;
            for (int c = a.firstChild(value); c >= 0; c = a.nextSibling(c)) {
                if (a.kind(c) == DECORATOR) continue;
                if (seen++ > 0 && !isType(a.kind(c))) initialized = true;
            }
        }
        if (initialized) reportAt(name, Diag.SETTER_INITIALIZER);
    }

    private boolean isThisParameter(int p) {
        int name = a.kind(p) == PARAMETER ? memberKey(p) : p;
        return a.kind(name) == BINDING_IDENTIFIER && textIs(a.start(name), a.end(name), "this");
    }

    // ------------------------------------------------------------------ modifiers

    private static final int MF_ACCESSIBILITY = 1, MF_STATIC = 2, MF_READONLY = 4, MF_ACCESSOR = 8, MF_ASYNC = 16,
            MF_OVERRIDE = 32, MF_ABSTRACT = 64, MF_DECLARE = 128, MF_EXPORT = 256, MF_DEFAULT = 512, MF_PRIVATE = 1024,
            MF_IN = 2048, MF_OUT = 4096;

    // the kinds of declaration TypeScript's modifier rules tell apart
    private static final int D_PROPERTY = 1, D_METHOD = 2, D_GET = 3, D_SET = 4, D_CONSTRUCTOR = 5, D_INDEX = 6,
            D_PROPERTY_SIGNATURE = 7, D_METHOD_SIGNATURE = 8, D_PARAMETER = 9, D_CLASS = 10, D_FUNCTION = 11,
            D_VARIABLE = 12, D_ENUM = 13, D_MODULE = 14, D_INTERFACE = 15, D_TYPE_ALIAS = 16, D_IMPORT_EQUALS = 17,
            D_CLASS_EXPRESSION = 18;

    /**
     * Reads the modifier keywords in [{@code from}, {@code to}) into {@link #modTok}/{@link #modPos},
     * stepping over decorators (children of {@code owner} or {@code owner2}), and stops at the
     * first other word. {@code constIsModifier}: `const` counts (class members, `const enum`).
     */
    private void scanModifiers(int from, int to, int owner, int owner2, boolean constIsModifier) {
        modCount = 0;
        int p = from;
        int len = a.sourceLength();
        if (to > len) to = len;
        while (true) {
            p = afterTrivia(p);
            if (p >= to) return;
            char ch = src[p];
            if (ch == '@') {
                int e = decoratorEndAt(owner, p);
                if (e < 0 && owner2 >= 0) e = decoratorEndAt(owner2, p);
                if (e < 0) return;
                p = e;
                continue;
            }
            int e = p;
            while (e < to && isWordChar(src[e])) e++;
            if (e == p) return;
            int tok = modifierWord(p, e);
            if (tok < 0 || (tok == Token.K_CONST && !constIsModifier)) return;
            if (modCount == modTok.length) {
                modTok = Arrays.copyOf(modTok, modCount * 2);
                modPos = Arrays.copyOf(modPos, modCount * 2);
            }
            modTok[modCount] = tok;
            modPos[modCount] = p;
            modCount++;
            p = e;
        }
    }

    /** The modifier keyword spelled by src[p, e), or -1 (a short switch: no keyword table lookup). */
    private int modifierWord(int p, int e) {
        switch (e - p) {
            case 2: return word(p, "in") ? Token.K_IN : -1;
            case 3: return word(p, "out") ? Token.K_OUT : -1;
            case 5: return word(p, "async") ? Token.K_ASYNC : word(p, "const") ? Token.K_CONST : -1;
            case 6:
                return word(p, "public") ? Token.K_PUBLIC : word(p, "static") ? Token.K_STATIC : word(p, "export") ? Token.K_EXPORT : -1;
            case 7:
                return word(p, "private") ? Token.K_PRIVATE : word(p, "declare") ? Token.K_DECLARE : word(p, "default") ? Token.K_DEFAULT : -1;
            case 8:
                return word(p, "readonly") ? Token.K_READONLY : word(p, "abstract") ? Token.K_ABSTRACT
                        : word(p, "override") ? Token.K_OVERRIDE : word(p, "accessor") ? Token.K_ACCESSOR : -1;
            case 9: return word(p, "protected") ? Token.K_PROTECTED : -1;
            default: return -1;
        }
    }

    private boolean word(int p, String w) {
        for (int i = 0; i < w.length(); i++) if (src[p + i] != w.charAt(i)) return false;
        return true;
    }

    private int decoratorEndAt(int owner, int p) {
        for (int c = a.firstChild(owner); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == DECORATOR && a.start(c) == p) return a.end(c);
            if (a.start(c) > p) break;
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '\\' || c > 0x7f;
    }

    /** The offset of the first character at or after {@code p} that is not white space or a comment. */
    private int afterTrivia(int p) {
        int len = a.sourceLength();
        while (p < len) {
            char c = src[p];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u00a0'
                    || c == '\u2028' || c == '\u2029' || c == '\ufeff' || (c > 0x7f && Character.isSpaceChar(c))) {
                p++;
            } else if (c == '/' && p + 1 < len && src[p + 1] == '/') {
                p += 2;
                while (p < len && src[p] != '\n' && src[p] != '\r' && src[p] != '\u2028' && src[p] != '\u2029') p++;
            } else if (c == '/' && p + 1 < len && src[p + 1] == '*') {
                p += 2;
                while (p + 1 < len && !(src[p] == '*' && src[p + 1] == '/')) p++;
                p = Math.min(len, p + 2);
            } else {
                return p;
            }
        }
        return p;
    }

    private boolean textIs(int from, int to, String s) {
        if (to - from != s.length()) return false;
        for (int i = 0; i < s.length(); i++) if (src[from + i] != s.charAt(i)) return false;
        return true;
    }

    private int reportModifier(int i, Diag d, int tok0, int tok1) {
        int p = modPos[i];
        report(p, p + Token.text(modTok[i]).length(), d, tok0 | tok1 << 16);
        return 1;
    }

    /** Every modifier the parser records in a data word: without one, there is no modifier to read back. */
    private static final int MODIFIER_BITS = MOD_DECLARE | MOD_ABSTRACT | MOD_PUBLIC | MOD_PRIVATE | MOD_PROTECTED | MOD_READONLY
            | MOD_OVERRIDE | MOD_CONST | MOD_IN | MOD_OUT | MOD_EXPORT | MOD_DEFAULT | MOD_MISPLACED;

    /** Class members and type members. Returns true when a modifier error was reported. */
    private boolean checkMemberModifiers(int n, int k, int ctx) {
        int data = a.data(n);
        if ((data & (MODIFIER_BITS | C_STATIC | C_ACCESSOR)) == 0 && !(k == METHOD && asyncMethod(n))) return false;
        int owner = parentOf[n]; // CLASS_BODY, INTERFACE_BODY or TYPE_LITERAL
        boolean inClass = owner >= 0 && a.kind(owner) == CLASS_BODY;
        int key = memberKey(n);
        int declKind;
        switch (k) {
            case FIELD: declKind = D_PROPERTY; break;
            case METHOD:
                declKind = isConstructor(n, key, data) ? D_CONSTRUCTOR
                        : (data & P_GET) != 0 ? D_GET : (data & P_SET) != 0 ? D_SET : D_METHOD;
                break;
            case INDEX_SIGNATURE: declKind = D_INDEX; break;
            case PROPERTY_SIGNATURE: declKind = D_PROPERTY_SIGNATURE; break;
            default: declKind = D_METHOD_SIGNATURE; break;
        }
        int to = key == n || k == INDEX_SIGNATURE ? indexSignatureBracket(n) : a.start(key);
        scanModifiers(a.start(n), to, n, -1, inClass);
        if (modCount == 0) return false;
        int cls = inClass ? parentOf[owner] : -1;
        boolean abstractClass = cls >= 0 && a.kind(cls) == CLASS_DECLARATION && (a.data(cls) & MOD_ABSTRACT) != 0;
        boolean privateName = a.kind(key) == PRIVATE_IDENTIFIER;
        // a constructor has no name: TypeScript's error span for it is the whole member
        memberNameStart = key == n ? -1 : declKind == D_CONSTRUCTOR ? a.start(n) : computedNameStart(n, key);
        memberNameEnd = key == n ? -1 : a.end(key);
        try {
            return checkModifierList(declKind, inClass, false, (ctx & AMBIENT) != 0, abstractClass, privateName, 0);
        } finally {
            memberNameStart = -1;
        }
    }

    /**
     * A decorated class member that decorators may not decorate (TypeScript's nodeCanBeDecorated with
     * ES decorators): a constructor, an abstract or `declare` field, a method or accessor without a body.
     */
    private boolean undecoratable(int n, int k) {
        int first = a.firstChild(n);
        if (first < 0 || a.kind(first) != DECORATOR) return false;
        if (k == FIELD) return (a.data(n) & (MOD_ABSTRACT | MOD_DECLARE)) != 0;
        if (isConstructor(n, memberKey(n), a.data(n))) return true;
        for (int c = first; c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == FUNCTION_EXPRESSION) {
                for (int d = a.firstChild(c); d >= 0; d = a.nextSibling(d)) if (a.kind(d) == FUNCTION_BODY) return false;
                return true;
            }
        }
        return false;
    }

    /** TypeScript's parser makes any `constructor(` member a constructor, `static` or `async` ones too (then TS1089). */
    private boolean isConstructor(int method, int key, int data) {
        int fn = key >= 0 ? a.nextSibling(key) : -1;
        // `*constructor() {}` is a method named constructor to TypeScript's parser (it takes the `*` before it asks for a
        // constructor): decoratable, its modifiers a method's (the parser's TS1368 stands)
        if (fn >= 0 && a.kind(fn) == FUNCTION_EXPRESSION && (a.data(fn) & F_GENERATOR) != 0) return false;
        if ((data & C_CONSTRUCTOR) != 0) return (data & (P_GET | P_SET)) == 0;
        if ((data & (P_GET | P_SET | P_COMPUTED)) != 0) return false;
        int k = a.kind(key);
        int s = a.start(key), e = a.end(key);
        if (k == IDENTIFIER_NAME) return textIs(s, e, "constructor");
        if (k == STRING_LITERAL) return textIs(s + 1, e - 1, "constructor");
        return false;
    }

    private int indexSignatureBracket(int n) {
        // an index signature's first child is its parameter list, whose span starts inside `[`
        int c = a.firstChild(n);
        int e = c < 0 ? a.end(n) : a.start(c);
        for (int p = a.start(n); p < e; p++) if (src[p] == '[') return p;
        return e;
    }

    private boolean asyncMethod(int method) {
        for (int c = a.firstChild(method); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == FUNCTION_EXPRESSION) return (a.data(c) & F_ASYNC) != 0;
        }
        return false;
    }

    /** Parameters (parameter properties and the like). */
    private void checkParameterModifiers(int n, int ctx) {
        if ((a.data(n) & MODIFIER_BITS) == 0) return;
        int name = memberKey(n);
        if (name == n) return;
        scanModifiers(a.start(n), a.start(name), n, -1, false);
        if (modCount == 0) return;
        if (checkModifierList(D_PARAMETER, false, false, (ctx & AMBIENT) != 0, false, false, 0)) return;
        // the end of TypeScript's checkGrammarModifiers: a parameter property names one property (not after a decorator,
        // whose TS1206 depends on experimentalDecorators and comes first)
        if ((a.data(n) & (MOD_PUBLIC | MOD_PRIVATE | MOD_PROTECTED | MOD_READONLY | MOD_OVERRIDE)) == 0) return;
        if (a.kind(a.firstChild(n)) == DECORATOR) return;
        int k = a.kind(name);
        int target = k == REST_ELEMENT ? a.firstChild(name) : name; // `public ...{}`: the pattern is said first
        int tk = target < 0 ? -1 : a.kind(target);
        if (tk == OBJECT_PATTERN || tk == ARRAY_PATTERN) report(n, Diag.PARAMETER_PROPERTY_PATTERN);
        else if (k == REST_ELEMENT) report(n, Diag.PARAMETER_PROPERTY_REST);
    }

    /** Statement-level declarations; the `export`/`export default` of a wrapping export declaration counts. */
    private boolean checkDeclarationModifiers(int n, int k, int ctx) {
        int wrapper = parentOf[n];
        int wk = wrapper < 0 ? -1 : a.kind(wrapper);
        boolean exported = wk == EXPORT_NAMED || wk == EXPORT_DEFAULT;
        int container = exported ? parentOf[wrapper] : wrapper;
        int ck = container < 0 ? -1 : a.kind(container);
        boolean moduleLevel = ck == PROGRAM || ck == MODULE_BLOCK;
        int data = a.data(n);
        if (!exported && (data & MODIFIER_BITS) == 0 && !(k == FUNCTION_DECLARATION && (data & F_ASYNC) != 0)) return false;
        int from = exported ? a.start(wrapper) : a.start(n);
        int to = declarationKeyword(n, k);
        if (to < 0) return false;
        int declKind;
        switch (k) {
            case CLASS_DECLARATION: declKind = D_CLASS; break;
            case CLASS_EXPRESSION: declKind = D_CLASS_EXPRESSION; break;
            case FUNCTION_DECLARATION: declKind = D_FUNCTION; break;
            case VARIABLE_DECLARATION: declKind = D_VARIABLE; break;
            case ENUM_DECLARATION: declKind = D_ENUM; break;
            case MODULE_DECLARATION: declKind = D_MODULE; break;
            case INTERFACE_DECLARATION: declKind = D_INTERFACE; break;
            case TYPE_ALIAS: declKind = D_TYPE_ALIAS; break;
            default: declKind = D_IMPORT_EQUALS; break;
        }
        scanModifiers(from, to, exported ? wrapper : n, n, k == ENUM_DECLARATION);
        if (modCount == 0) return false;
        if (k == MODULE_DECLARATION && !moduleLevel && ck != -1) return true; // TS1235/TS1234 instead
        if (!moduleLevel && ck != -1) {
            // TypeScript's "obvious" rule: below the top level, a declaration takes only the modifier its syntax needs
            int allowed = k == FUNCTION_DECLARATION ? Token.K_ASYNC : k == CLASS_DECLARATION ? Token.K_ABSTRACT
                    : k == ENUM_DECLARATION ? Token.K_CONST : -1;
            if (k == MODULE_DECLARATION || k == IMPORT_EQUALS) allowed = -2;
            if (allowed != -2) {
                for (int i = 0; i < modCount; i++) {
                    if (modTok[i] != allowed) {
                        report(modPos[i], modPos[i] + 1, Diag.MODIFIERS_NOT_HERE, 0);
                        return true;
                    }
                }
            }
        }
        boolean parentAmbient = (ctx & AMBIENT) != 0;
        usingKind = k == VARIABLE_DECLARATION ? a.data(n) & 0xff : 0;
        try {
            return checkModifierList(declKind, false, moduleLevel, parentAmbient, false, false,
                    ck == MODULE_BLOCK && parentAmbient ? 1 : 0);
        } finally {
            usingKind = 0;
        }
    }

    /** Where a member's name starts: a computed one at its `[` (TypeScript's ComputedPropertyName). */
    private int computedNameStart(int member, int key) {
        int ks = a.start(key);
        if ((a.data(member) & P_COMPUTED) == 0) return ks;
        int q = ks - 1;
        while (q > a.start(member) && src[q] != '[') q--;
        return src[q] == '[' ? q : ks;
    }

    /** The name of the class member being checked ({@link #checkMemberModifiers}), else -1. */
    private int memberNameStart = -1, memberNameEnd = -1;

    /** For a variable declaration being checked: VAR_USING or VAR_AWAIT_USING (the modifier rules differ), else 0. */
    private int usingKind;

    /** Where a declaration's own keyword (or name, for a class expression's) starts: modifiers stop there. */
    private int declarationKeyword(int n, int k) {
        int first = -1;
        for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != DECORATOR) {
                first = c;
                break;
            }
        }
        return first < 0 ? a.end(n) : a.start(first);
    }

    /**
     * TypeScript's modifier rules over {@link #modTok}, in order: the first error is reported and
     * ends the check. {@code ambientModuleBlock}: the declaration sits in the block of an ambient module.
     */
    private boolean checkModifierList(int declKind, boolean inClass, boolean moduleLevel, boolean parentAmbient,
            boolean abstractClass, boolean privateName, int ambientModuleBlock) {
        int flags = 0;
        int lastStatic = -1, lastOverride = -1, lastAsync = -1;
        boolean typeMember = declKind == D_PROPERTY_SIGNATURE || declKind == D_METHOD_SIGNATURE;
        boolean property = declKind == D_PROPERTY;
        boolean method = declKind == D_METHOD || declKind == D_GET || declKind == D_SET;
        for (int i = 0; i < modCount; i++) {
            int t = modTok[i];
            if (t != Token.K_READONLY) {
                if (typeMember) return reportModifier(i, Diag.MODIFIER_ON_TYPE_MEMBER, t, 0) > 0;
                if (declKind == D_INDEX && (t != Token.K_STATIC || !inClass)) return reportModifier(i, Diag.MODIFIER_ON_INDEX_SIGNATURE, t, 0) > 0;
            }
            switch (t) {
                case Token.K_CONST:
                    if (declKind != D_ENUM) {
                        // on the member, as TypeScript puts it: its name
                        if (memberNameStart >= 0) {
                            report(memberNameStart, memberNameEnd, Diag.CLASS_MEMBER_KEYWORD, Token.K_CONST);
                            return true;
                        }
                        return reportModifier(i, Diag.CLASS_MEMBER_KEYWORD, Token.K_CONST, 0) > 0;
                    }
                    break;
                case Token.K_OVERRIDE:
                    if ((flags & MF_OVERRIDE) != 0) return reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0) > 0;
                    if ((flags & MF_DECLARE) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, t, Token.K_DECLARE) > 0;
                    if ((flags & MF_READONLY) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_READONLY) > 0;
                    if ((flags & MF_ACCESSOR) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ACCESSOR) > 0;
                    if ((flags & MF_ASYNC) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ASYNC) > 0;
                    flags |= MF_OVERRIDE;
                    lastOverride = i;
                    break;
                case Token.K_PUBLIC: case Token.K_PROTECTED: case Token.K_PRIVATE:
                    if ((flags & MF_ACCESSIBILITY) != 0) return reportModifier(i, Diag.ACCESSIBILITY_ALREADY_SEEN, 0, 0) > 0;
                    if ((flags & MF_OVERRIDE) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_OVERRIDE) > 0;
                    if ((flags & MF_STATIC) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_STATIC) > 0;
                    if ((flags & MF_ACCESSOR) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ACCESSOR) > 0;
                    if ((flags & MF_READONLY) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_READONLY) > 0;
                    if ((flags & MF_ASYNC) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ASYNC) > 0;
                    if (moduleLevel) return reportModifier(i, Diag.MODIFIER_ON_MODULE_ELEMENT, t, 0) > 0;
                    if ((flags & MF_ABSTRACT) != 0) {
                        return reportModifier(i, t == Token.K_PRIVATE ? Diag.MODIFIER_WITH_MODIFIER : Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ABSTRACT) > 0;
                    }
                    if (privateName) return reportModifier(i, Diag.ACCESSIBILITY_WITH_PRIVATE_NAME, 0, 0) > 0;
                    flags |= MF_ACCESSIBILITY | (t == Token.K_PRIVATE ? MF_PRIVATE : 0);
                    break;
                case Token.K_STATIC:
                    if ((flags & MF_STATIC) != 0) return reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0) > 0;
                    if ((flags & MF_READONLY) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_READONLY) > 0;
                    if ((flags & MF_ASYNC) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ASYNC) > 0;
                    if ((flags & MF_ACCESSOR) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ACCESSOR) > 0;
                    if (moduleLevel) return reportModifier(i, Diag.MODIFIER_ON_MODULE_ELEMENT, t, 0) > 0;
                    if (declKind == D_PARAMETER) return reportModifier(i, Diag.MODIFIER_ON_PARAMETER, t, 0) > 0;
                    if ((flags & MF_ABSTRACT) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, t, Token.K_ABSTRACT) > 0;
                    if ((flags & MF_OVERRIDE) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_OVERRIDE) > 0;
                    flags |= MF_STATIC;
                    lastStatic = i;
                    break;
                case Token.K_ACCESSOR:
                    if ((flags & MF_ACCESSOR) != 0) return reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0) > 0;
                    if ((flags & MF_READONLY) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, t, Token.K_READONLY) > 0;
                    if ((flags & MF_DECLARE) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, t, Token.K_DECLARE) > 0;
                    if (!property) return reportModifier(i, Diag.ACCESSOR_PLACE, 0, 0) > 0;
                    flags |= MF_ACCESSOR;
                    break;
                case Token.K_READONLY:
                    if ((flags & MF_READONLY) != 0) return reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0) > 0;
                    if (!property && declKind != D_PROPERTY_SIGNATURE && declKind != D_INDEX && declKind != D_PARAMETER) {
                        return reportModifier(i, Diag.READONLY_PLACE, 0, 0) > 0;
                    }
                    if ((flags & MF_ACCESSOR) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, t, Token.K_ACCESSOR) > 0;
                    flags |= MF_READONLY;
                    break;
                case Token.K_EXPORT:
                    if ((flags & MF_EXPORT) != 0) return reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0) > 0;
                    if ((flags & MF_DECLARE) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_DECLARE) > 0;
                    if ((flags & MF_ABSTRACT) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ABSTRACT) > 0;
                    if ((flags & MF_ASYNC) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ASYNC) > 0;
                    if (inClass) return reportModifier(i, Diag.MODIFIER_ON_CLASS_ELEMENT, t, 0) > 0;
                    if (declKind == D_PARAMETER) return reportModifier(i, Diag.MODIFIER_ON_PARAMETER, t, 0) > 0;
                    if (usingKind == VAR_USING) return reportModifier(i, Diag.MODIFIER_ON_USING, t, 0) > 0;
                    if (usingKind == VAR_AWAIT_USING) return reportModifier(i, Diag.MODIFIER_ON_AWAIT_USING, t, 0) > 0;
                    flags |= MF_EXPORT;
                    break;
                case Token.K_DEFAULT:
                    if (inClass || declKind == D_PARAMETER) return false; // rules this pass does not model
                    if ((flags & MF_EXPORT) == 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, Token.K_EXPORT, t) > 0;
                    flags |= MF_DEFAULT;
                    break;
                case Token.K_DECLARE:
                    if ((flags & MF_DECLARE) != 0) return reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0) > 0;
                    if ((flags & MF_ASYNC) != 0) return reportModifier(i, Diag.MODIFIER_IN_AMBIENT, Token.K_ASYNC, 0) > 0;
                    if ((flags & MF_OVERRIDE) != 0) return reportModifier(i, Diag.MODIFIER_IN_AMBIENT, Token.K_OVERRIDE, 0) > 0;
                    if (inClass && !property) return reportModifier(i, Diag.MODIFIER_ON_CLASS_ELEMENT, t, 0) > 0;
                    if (declKind == D_PARAMETER) return reportModifier(i, Diag.MODIFIER_ON_PARAMETER, t, 0) > 0;
                    if (usingKind == VAR_USING) return reportModifier(i, Diag.MODIFIER_ON_USING, t, 0) > 0;
                    if (usingKind == VAR_AWAIT_USING) return reportModifier(i, Diag.MODIFIER_ON_AWAIT_USING, t, 0) > 0;
                    if (ambientModuleBlock != 0) return reportModifier(i, Diag.DECLARE_IN_AMBIENT, 0, 0) > 0;
                    if (privateName) return reportModifier(i, Diag.MODIFIER_WITH_PRIVATE_NAME, t, 0) > 0;
                    if ((flags & MF_ACCESSOR) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, t, Token.K_ACCESSOR) > 0;
                    flags |= MF_DECLARE;
                    break;
                case Token.K_ABSTRACT:
                    if ((flags & MF_ABSTRACT) != 0) return reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0) > 0;
                    if (declKind != D_CLASS) {
                        if (!method && !property) return reportModifier(i, Diag.ABSTRACT_PLACE, 0, 0) > 0;
                        if (!abstractClass) return reportModifier(i, property ? Diag.ABSTRACT_PROPERTY_OUTSIDE : Diag.ABSTRACT_METHOD_OUTSIDE, 0, 0) > 0;
                        if ((flags & MF_STATIC) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, Token.K_STATIC, t) > 0;
                        if ((flags & MF_PRIVATE) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, Token.K_PRIVATE, t) > 0;
                        if ((flags & MF_ASYNC) != 0 && lastAsync >= 0) return reportModifier(lastAsync, Diag.MODIFIER_WITH_MODIFIER, Token.K_ASYNC, t) > 0;
                        if ((flags & MF_OVERRIDE) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_OVERRIDE) > 0;
                        if ((flags & MF_ACCESSOR) != 0) return reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, t, Token.K_ACCESSOR) > 0;
                    }
                    if (privateName) return reportModifier(i, Diag.MODIFIER_WITH_PRIVATE_NAME, t, 0) > 0;
                    flags |= MF_ABSTRACT;
                    break;
                case Token.K_ASYNC:
                    if ((flags & MF_ASYNC) != 0) return reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0) > 0;
                    if ((flags & MF_DECLARE) != 0 || parentAmbient) return reportModifier(i, Diag.MODIFIER_IN_AMBIENT, t, 0) > 0;
                    if (declKind == D_PARAMETER) return reportModifier(i, Diag.MODIFIER_ON_PARAMETER, t, 0) > 0;
                    if ((flags & MF_ABSTRACT) != 0) return reportModifier(i, Diag.MODIFIER_WITH_MODIFIER, t, Token.K_ABSTRACT) > 0;
                    flags |= MF_ASYNC;
                    lastAsync = i;
                    break;
                case Token.K_IN: case Token.K_OUT:
                    // right only on type parameters ({@link #checkTypeParameterModifiers}); the parser takes them on class members
                    return reportModifier(i, Diag.VARIANCE_MODIFIER_PLACE, t, 0) > 0;
                default:
                    break;
            }
        }
        if (declKind == D_CONSTRUCTOR) {
            if (lastStatic >= 0) return reportModifier(lastStatic, Diag.MODIFIER_ON_CONSTRUCTOR, Token.K_STATIC, 0) > 0;
            if (lastOverride >= 0) return reportModifier(lastOverride, Diag.MODIFIER_ON_CONSTRUCTOR, Token.K_OVERRIDE, 0) > 0;
            if (lastAsync >= 0) return reportModifier(lastAsync, Diag.MODIFIER_ON_CONSTRUCTOR, Token.K_ASYNC, 0) > 0;
            return false;
        }
        if ((flags & MF_ASYNC) != 0 && declKind != D_METHOD && declKind != D_FUNCTION) {
            return reportModifier(lastAsync, Diag.MODIFIER_NOT_HERE, Token.K_ASYNC, 0) > 0;
        }
        return false;
    }

    /**
     * Type-parameter modifiers: `const` only where a function, method or class declares the
     * parameter (TS1277), `in`/`out` only on a class, interface or type alias (TS1274), none twice
     * (TS1030), `in` before `out` (TS1029). Other modifiers are the parser's TS1273.
     */
    private void checkTypeParameterModifiers(int n) {
        int name = a.firstChild(n);
        if (name < 0 || (a.data(n) & (MOD_CONST | MOD_IN | MOD_OUT)) == 0) return;
        int list = parentOf[n];
        int owner = list >= 0 && a.kind(list) == TYPE_PARAMETERS ? parentOf[list] : -1;
        int ok = owner < 0 ? -1 : a.kind(owner);
        if (ok == EXPORT_NAMED) ok = -1;
        scanModifiers(a.start(n), a.start(name), n, -1, true);
        boolean constPlace = ok == FUNCTION_DECLARATION || ok == FUNCTION_EXPRESSION || ok == ARROW_FUNCTION || ok == CLASS_DECLARATION
                || ok == CLASS_EXPRESSION || ok == FUNCTION_TYPE || ok == CONSTRUCTOR_TYPE || ok == CALL_SIGNATURE
                || ok == CONSTRUCT_SIGNATURE || ok == METHOD_SIGNATURE;
        boolean variancePlace = ok == INTERFACE_DECLARATION || ok == CLASS_DECLARATION || ok == CLASS_EXPRESSION || ok == TYPE_ALIAS;
        int flags = 0;
        for (int i = 0; i < modCount; i++) {
            int t = modTok[i];
            if (t == Token.K_CONST) {
                if (!constPlace) {
                    reportModifier(i, Diag.CONST_MODIFIER_PLACE, t, 0);
                    return;
                }
            } else if (t == Token.K_IN || t == Token.K_OUT) {
                int f = t == Token.K_IN ? MF_IN : MF_OUT;
                if (!variancePlace) {
                    reportModifier(i, Diag.VARIANCE_MODIFIER_PLACE, t, 0);
                    return;
                }
                if ((flags & f) != 0) {
                    reportModifier(i, Diag.MODIFIER_ALREADY_SEEN, t, 0);
                    return;
                }
                if (t == Token.K_IN && (flags & MF_OUT) != 0) {
                    reportModifier(i, Diag.MODIFIER_MUST_PRECEDE, Token.K_IN, Token.K_OUT);
                    return;
                }
                flags |= f;
            } else {
                return; // TS1273, the parser's
            }
        }
    }
}
