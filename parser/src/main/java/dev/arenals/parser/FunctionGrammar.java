package dev.arenals.parser;

import static dev.arenals.parser.ClassGrammar.*;
import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.PatternGrammar.*;
import static dev.arenals.parser.StatementGrammar.*;
import static dev.arenals.parser.TypeGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.grammar.GrammarChecks;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.NodeKind;
import java.util.Arrays;

/**
 * Function declarations and expressions, bodies, formal parameters (TypeScript parameters with
 * modifiers and types too), and the strict-mode and duplicate-parameter checks on them.
 */
final class FunctionGrammar {
    private FunctionGrammar() {}

    // ------------------------------------------------------------------ functions

    /**
     * A rest parameter's initializer: TypeScript's checker says TS1048 at the parameter's name (TS1186 is for
     * patterns' rest elements). In TypeScript files the grammar checks report it, in the order of TypeScript's
     * checkGrammarParameterList; JavaScript files are not checked, so the parser does.
     */
    static void reportRestParameterInitializer(ParseContext p, int nameStart, int nameEnd) {
        if (!p.ts) p.error(nameStart, nameEnd, Diag.REST_PARAMETER_INITIALIZER, 0);
    }

    /**
     * FunctionDeclaration : [async] function [*] BindingIdentifier ( FormalParameters ) { FunctionBody }   (also the expression)
     * `function` [*] name? (params) { body } — current token is `function`.
     */
    static void parseFunctionDeclaration(ParseContext p, int s, int flags, boolean nameOptional) {
        int m = p.sink.mark();
        p.next(); // function
        if (p.eat(STAR)) flags |= F_GENERATOR;
        if (Token.isIdentifierLike(p.tok) || Token.isReserved(p.tok)) {
            parseFunctionName(p, flags, true);
        } else if (!nameOptional) {
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
        }
        parseFunctionRest(p, flags, 0, s, m, FUNCTION_DECLARATION);
    }

    /** BindingIdentifier of a function, checked against its own async/generator flags */
    static void parseFunctionName(ParseContext p, int flags, boolean declaration) {
        // a declaration's name is bound in the enclosing scope: yield/await rules of the outside apply;
        // an expression's name follows the function's own generator/async-ness
        int saved = p.ctx;
        int savedAwaitIdent = p.lastAwaitIdentPos;
        if (!declaration) {
            p.ctx &= ~(CTX_YIELD | CTX_AWAIT | CTX_STATIC_BLOCK);
            if ((flags & F_GENERATOR) != 0) p.ctx |= CTX_YIELD;
            if ((flags & F_ASYNC) != 0) p.ctx |= CTX_AWAIT;
            if (p.module) p.ctx |= 0; // module code: await is reserved anyway (checked in checkIdentifier)
        }
        parseBindingIdentifier(p);
        p.ctx = saved;
        // an expression's `await` name is its own: no concern of async arrow parameters around it
        if (!declaration) p.lastAwaitIdentPos = savedAwaitIdent;
    }

    /**
     * [TypeParameters] ( FormalParameters ) [: ReturnType] ( { FunctionBody } | ; when bodiless )
     * Parameters and body; wraps everything since mark {@code m} into a node of {@code kind}.
     */
    static int parseFunctionRest(ParseContext p, int flags, int extraCtx, int s, int m, int kind) {
        // when too deep, enter() has skipped to EOF, so what follows cannot descend further
        p.enter();
        try {
            return parseFunctionRestInner(p, flags, extraCtx, s, m, kind);
        } finally {
            p.exit();
        }
    }

    private static int parseFunctionRestInner(ParseContext p, int flags, int extraCtx, int s, int m, int kind) {
        int saved = p.ctx;
        int savedLabelBase = p.labels.base;
        int savedLabelTop = p.labels.top;
        int savedYield = p.lastYieldPos, savedAwait = p.lastAwaitPos;
        p.labels.base = p.labels.top;
        p.ctx = (p.ctx & (CTX_STRICT | CTX_CLASS_BODY | CTX_IN_CLASS)) | CTX_FUNCTION | CTX_NEW_TARGET | extraCtx;
        if ((flags & F_ASYNC) != 0) p.ctx |= CTX_AWAIT;
        if ((flags & F_GENERATOR) != 0) p.ctx |= CTX_YIELD;
        if (p.ts && p.tok == LT) parseTypeParameters(p, saved); // TypeScript reads them in the context around
        int diagnosticsBefore = p.log.diagnosticCount();
        int paramsNode = parseFormalParameters(p);
        int diagnosticsAfterParameters = p.log.diagnosticCount();
        if (p.ts && p.tok == COLON) {
            p.next();
            parseReturnType(p);
        }
        int bodyStart = p.lexer.tokenStart;
        boolean wasStrict = p.strict();
        int bm = p.sink.mark();
        boolean madeStrict = false;
        if (p.tok == LBRACE) {
            p.next();
            madeStrict = parseDirectivesAndStatements(p, RBRACE, false);
            p.expect(RBRACE);
            p.sink.finish(FUNCTION_BODY, bm, bodyStart, p.lastEnd, 0);
        } else if (p.ts && p.canInsertSemicolon() && (kind != FUNCTION_EXPRESSION || (extraCtx & CTX_METHOD_LIKE) != 0)) {
            // (a `function` expression always has its body: TypeScript's parseFunctionExpression asks for the block)
            // an overload signature, or a declare / abstract function: no body. TypeScript's checker looks into
            // none of its parameters' initializers: no misplaced `await`/`yield` there (its TS1308/TS1163)
            dropUncheckedPatternErrors(p, paramsNode);
            p.log.dropDiagnostics(diagnosticsBefore, Diag.AWAIT_OUTSIDE_ASYNC);
            p.log.dropDiagnostics(diagnosticsBefore, Diag.YIELD_OUTSIDE_GENERATOR);
            p.log.dropDiagnostics(diagnosticsBefore, Diag.PRIVATE_NAME_AS_BINDING_KEY); // nor a pattern's key `{#a: b}`
            // nor a class's accessors in a pattern's key or an initializer (checkGrammarAccessor is the checker's:
            // `function f({ [class { set x(a, b) {} }]: y }): void`); a parameter's type holds no class
            if (diagnosticsAfterParameters != diagnosticsBefore && !initializerTypesAPattern(p, paramsNode)) {
                p.log.dropDiagnostics(diagnosticsBefore, diagnosticsAfterParameters, Diag.SETTER_PARAMETERS);
                p.log.dropDiagnostics(diagnosticsBefore, diagnosticsAfterParameters, Diag.GETTER_PARAMETERS);
                p.log.dropDiagnostics(diagnosticsBefore, diagnosticsAfterParameters, Diag.SETTER_REST);
            }
            if (kind != FUNCTION_EXPRESSION || p.tok == SEMICOLON) semicolonAfterSignature(p, kind);
        } else {
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, LBRACE);
            p.sink.finish(FUNCTION_BODY, bm, bodyStart, p.lastEnd, 0);
        }
        boolean simple = isSimpleParameterList(p, paramsNode);
        if (madeStrict && !simple) p.error(bodyStart, bodyStart + 1, Diag.USE_STRICT_NON_SIMPLE, 0);
        boolean strictNow = p.strict();
        if (strictNow && !wasStrict) {
            // "use strict" in the body applies retroactively to the name and parameters
            int first = p.sink.pending(m);
            if (p.sink.kind(first) == BINDING_IDENTIFIER) checkStrictBindingName(p, first);
            checkStrictParams(p, paramsNode);
        }
        boolean uniqueParams = strictNow || !simple || (extraCtx & CTX_METHOD_LIKE) != 0 || kind == ARROW_FUNCTION;
        checkDuplicateParams(p, paramsNode, uniqueParams);
        // sloppy simple parameters may repeat a name; a module's may not
        if (!uniqueParams && p.autoGoal && !p.sloppyMattered && simpleParamsRepeatAName(p, paramsNode)) p.sloppyMattered = true;
        p.ctx = saved;
        p.labels.base = savedLabelBase;
        p.labels.top = savedLabelTop;
        p.lastYieldPos = savedYield;
        p.lastAwaitPos = savedAwait;
        return p.sink.finish(kind, m, s, p.lastEnd, flags);
    }

    /**
     * A parameter `{…} = init` or `[…] = init` without a type: checking its pattern's elements, TypeScript's
     * checker types the parameter from its initializer, and so checks that too (the classes in it included).
     */
    /**
     * A bodiless signature's binding patterns: TypeScript's checker reads no computed key of one in ambient code, and nothing
     * of one with a type annotation (`declare function f({a = function () { continue; }}: T): void`, `declare function f({[x?.[0] `t`]: a})`:
     * no TS1107, no TS1358; seed 2134's two false errors). The parser's checker-level errors there go.
     */
    private static void dropUncheckedPatternErrors(ParseContext p, int params) {
        for (int c = p.sink.firstChild(params); c >= 0; c = p.sink.nextSibling(c)) {
            int pattern = p.sink.kind(c) == PARAMETER ? p.sink.firstChild(c) : c;
            if (pattern < 0 || (p.sink.kind(pattern) != OBJECT_PATTERN && p.sink.kind(pattern) != ARRAY_PATTERN)) continue;
            if (pattern != c && p.sink.nextSibling(pattern) >= 0) dropCheckerLevelErrors(p, p.sink.start(pattern), p.sink.end(pattern));
            else if (p.ambient) dropInComputedKeys(p, pattern); // an overload's keys are read (TS1107 there: seed 2134)
        }
    }

    private static void dropInComputedKeys(ParseContext p, int node) {
        for (int c = p.sink.firstChild(node); c >= 0; c = p.sink.nextSibling(c)) {
            int k = p.sink.kind(c);
            if (k == PROPERTY && (p.sink.data(c) & P_COMPUTED) != 0) {
                int key = p.sink.firstChild(c);
                if (key >= 0) dropCheckerLevelErrors(p, p.sink.start(key), p.sink.end(key));
            }
            if (k == PROPERTY || k == OBJECT_PATTERN || k == ARRAY_PATTERN || k == ASSIGNMENT_PATTERN || k == REST_ELEMENT) dropInComputedKeys(p, c);
        }
    }

    private static void dropCheckerLevelErrors(ParseContext p, int start, int end) {
        for (int i = p.log.diagnosticCount() - 1; i >= 0; i--) {
            int at = p.log.diagnosticStart(i);
            if (at < start || at >= end) continue;
            Diag d = p.log.diagnostic(i);
            // the binder's strict-mode names stay (TypeScript's binder reads every name)
            if (GrammarChecks.isCheckerLevel(d) && d != Diag.STRICT_RESERVED_WORD && d != Diag.STRICT_RESERVED_WORD_IN_CLASS
                    && d != Diag.STRICT_RESERVED_WORD_IN_MODULE && d != Diag.EVAL_ARGUMENTS_STRICT
                    && d != Diag.EVAL_ARGUMENTS_STRICT_IN_CLASS && d != Diag.EVAL_ARGUMENTS_STRICT_IN_MODULE
                    && d != Diag.DUPLICATE_PARAMETER) {
                p.log.dropDiagnostics(i, i + 1, d);
            }
        }
    }

    private static boolean initializerTypesAPattern(ParseContext p, int params) {
        for (int c = p.sink.firstChild(params); c >= 0; c = p.sink.nextSibling(c)) {
            if (p.sink.kind(c) != ASSIGNMENT_PATTERN) continue;
            int target = p.sink.firstChild(c);
            if (target >= 0 && (p.sink.kind(target) == OBJECT_PATTERN || p.sink.kind(target) == ARRAY_PATTERN)
                    && p.sink.firstChild(target) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** After a bodiless function declaration the statement ends; a method signature's `;` is the member's. */
    private static void semicolonAfterSignature(ParseContext p, int kind) {
        if (kind == FUNCTION_DECLARATION) p.semicolon();
    }

    /** FormalParameters : ( [FormalParameter (, FormalParameter)* [,]] [... BindingTarget] ) */
    static int parseFormalParameters(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        int saved = p.ctx;
        p.ctx |= CTX_PARAMS;
        if (!p.eat(LPAREN)) {
            p.errorExpected(LPAREN);
            p.ctx = saved;
            return p.sink.finish(FORMAL_PARAMETERS, m, p.lastEnd, p.lastEnd, 0);
        }
        boolean listEnded = false;
        while (p.ts && p.tok != RPAREN && p.tok != EOF) {
            int before = p.lexer.tokenStart;
            if (p.anOpenListTakesEveryToken() && (p.tok == RBRACKET || !startsParameterToTypeScript(p.tok))) {
                // TypeScript's parseDelimitedList: `]` ends a parameter list too, and a token no parameter starts
                // ends it where an open list takes that token (type arguments take any: `f << (a < b > (c))`)
                if (p.tok != RBRACKET) {
                    if (Token.isReserved(p.tok)) p.error(before, p.lexer.tokenEnd, Diag.NOT_ALLOWED_AS_PARAMETER_NAME, p.tok);
                    else p.error(before, p.lexer.tokenEnd, Diag.PARAMETER_DECLARATION_EXPECTED, 0);
                }
                listEnded = true;
                break;
            }
            parseParameter(p);
            // a typed arrow tried at `(` whose parameters have failed is rolled back whatever
            // follows: stop rather than recover through the rest of `(<div>…</div>)`
            if (p.arrowParamsSpec != 0 && p.specFailed(p.arrowParamsSpec - 1)) {
                p.ctx = saved;
                return p.sink.finish(FORMAL_PARAMETERS, m, s, p.lastEnd, 0);
            }
            if (!p.eat(COMMA)) {
                if (p.tok != RPAREN) p.errorExpected(COMMA);
                if (p.tok != RPAREN && (p.tok == LBRACE || p.tok == SEMICOLON || p.tok == RBRACE || p.tok == EOF || p.tok == ARROW)) break;
                if (p.lexer.tokenStart == before) p.next();
            }
        }
        while (!listEnded && p.tok != RPAREN && p.tok != EOF) {
            int ps = p.lexer.tokenStart;
            if (p.tok == ELLIPSIS) {
                int rm = p.sink.mark();
                p.next();
                int nameStart = p.lexer.tokenStart;
                parseBindingTarget(p);
                if (p.tok == ASSIGN) {
                    reportRestParameterInitializer(p, nameStart, p.lastEnd);
                    p.next();
                    parseAssignment(p);
                }
                p.sink.finish(REST_ELEMENT, rm, ps, p.lastEnd, 0);
                if (p.tok == COMMA) {
                    // where TypeScript's checker puts them: at the comma before `)`, else at the `...`
                    if (p.peek() == RPAREN) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TRAILING_COMMA_AFTER_REST, 0);
                    else p.error(ps, ps + 3, Diag.REST_PARAMETER_LAST, 0);
                    p.next();
                    continue;
                }
                break;
            }
            if (p.tok == AT) {
                // JavaScript has no parameter decorators, but TypeScript's parser reads them in every file and its checker
                // says TS1206 at the first: so here, and the parameter goes on as in a TypeScript file
                p.error(ps, p.lexer.tokenEnd, Diag.DECORATORS_NOT_VALID, 0);
                parseParameter(p);
                if (!p.eat(COMMA)) {
                    if (p.tok != RPAREN) p.errorExpected(COMMA);
                    if (p.tok != RPAREN && (p.tok == LBRACE || p.tok == SEMICOLON || p.tok == RBRACE || p.tok == EOF)) break;
                    if (p.lexer.tokenStart == ps) p.next();
                }
                continue;
            }
            if (!(Token.isIdentifierLike(p.tok) || p.tok == LBRACKET || p.tok == LBRACE)) {
                p.error(ps, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                if (p.tok == LBRACE || p.tok == SEMICOLON || p.tok == RBRACE) break;
                p.next();
                p.errorNode(ps, p.lastEnd);
                if (!p.eat(COMMA) && p.tok != RPAREN) continue;
                continue;
            }
            parseBindingElement(p);
            if (!p.eat(COMMA)) {
                if (p.tok != RPAREN) p.errorExpected(COMMA);
                if (p.tok != RPAREN && (p.tok == LBRACE || p.tok == SEMICOLON || p.tok == RBRACE || p.tok == EOF)) break;
                if (p.tok != RPAREN && !(Token.isIdentifierLike(p.tok) || p.tok == LBRACKET || p.tok == LBRACE || p.tok == ELLIPSIS)) {
                    p.next();
                }
            }
        }
        p.expect(RPAREN);
        p.ctx = saved;
        return p.sink.finish(FORMAL_PARAMETERS, m, s, p.lastEnd, 0);
    }

    /**
     * TypeScript's isStartOfParameter in a signature's parameter list (no await or yield context there): `...`, `@`, a
     * binding name or pattern, a modifier, or what starts a type (isStartOfType with inStartOfParameter: not
     * `function`, `-` nor `(`).
     */
    static boolean startsParameterToTypeScript(int k) {
        switch (k) {
            case ELLIPSIS: case AT: case LBRACKET: case LBRACE: case PRIVATE_NAME:
            case K_CONST: case K_DEFAULT: case K_EXPORT: case K_IN:
            case K_THIS: case K_TYPEOF: case K_VOID: case K_NULL: case K_NEW: case K_IMPORT: case K_TRUE: case K_FALSE:
            case STRING: case NUMBER: case BIGINT: case LT: case BAR: case AMP: case STAR: case QUESTION: case BANG:
            case NO_SUBST_TEMPLATE: case TEMPLATE_HEAD:
                return true;
            default:
                return Token.isIdentifierLike(k);
        }
    }

    static boolean isSimpleParameterList(ParseContext p, int params) {
        for (int param = p.sink.firstChild(params); param >= 0; param = p.sink.nextSibling(param)) {
            int k = p.sink.kind(param);
            if (k == PARAMETER) {
                // a typed name is simple; an initialiser, pattern or rest is not
                int first = p.sink.firstChild(param);
                if (first < 0 || p.sink.kind(first) != BINDING_IDENTIFIER) return false;
                for (int c = p.sink.nextSibling(first); c >= 0; c = p.sink.nextSibling(c)) if (!NodeKind.isType(p.sink.kind(c))) return false;
                continue;
            }
            if (k != BINDING_IDENTIFIER) return false;
        }
        return true;
    }

    static void checkStrictParams(ParseContext p, int params) {
        forEachBinding(p, params, true, false);
    }

    /** A simple parameter list (names, perhaps typed) names one parameter twice. Lists are short: pairs are compared. */
    private static boolean simpleParamsRepeatAName(ParseContext p, int params) {
        for (int param = p.sink.firstChild(params); param >= 0; param = p.sink.nextSibling(param)) {
            int name = p.sink.kind(param) == PARAMETER ? p.sink.data(p.sink.firstChild(param)) : p.sink.data(param);
            for (int q = p.sink.nextSibling(param); q >= 0; q = p.sink.nextSibling(q)) {
                if ((p.sink.kind(q) == PARAMETER ? p.sink.data(p.sink.firstChild(q)) : p.sink.data(q)) == name) return true;
            }
        }
        return false;
    }

    static void checkDuplicateParams(ParseContext p, int params, boolean unique) {
        if (!unique) return;
        forEachBinding(p, params, false, true);
    }

    /** Walks the binding identifiers under a node (iteratively, with a scratch stack). */
    private static void forEachBinding(ParseContext p, int root, boolean strictNames, boolean duplicates) {
        int[] stack = p.scratch;
        int sp = 0;
        int seenCount = 0;
        int[] seen = p.seenScratch;
        for (int c = p.sink.firstChild(root); c >= 0; c = p.sink.nextSibling(c)) {
            if (sp == stack.length) stack = p.scratch = Arrays.copyOf(stack, sp * 2);
            stack[sp++] = c;
        }
        // source order: reverse so the first parameter pops first and duplicates point at the later one
        for (int i = 0, j = sp - 1; i < j; i++, j--) { int x = stack[i]; stack[i] = stack[j]; stack[j] = x; }
        while (sp > 0) {
            int n = stack[--sp];
            int k = p.sink.kind(n);
            if (k == BINDING_IDENTIFIER) {
                if (strictNames) checkStrictBindingName(p, n);
                if (duplicates) {
                    int id = p.sink.data(n);
                    for (int i = 0; i < seenCount; i++) {
                        if (seen[i] == id) {
                            p.error(p.sink.start(n), p.sink.end(n), Diag.DUPLICATE_PARAMETER, id);
                            break;
                        }
                    }
                    if (seenCount == seen.length) seen = p.seenScratch = Arrays.copyOf(seen, seenCount * 2);
                    seen[seenCount++] = id;
                }
            } else if (k == ASSIGNMENT_PATTERN || k == PARAMETER) {
                int target = p.sink.firstChild(n);
                if (target >= 0) {
                    if (sp == stack.length) stack = p.scratch = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = target;
                }
            } else if (k == PROPERTY) {
                // key, value: only the value binds
                int key = p.sink.firstChild(n);
                int value = key < 0 ? -1 : p.sink.nextSibling(key);
                if (value >= 0) {
                    if (sp == stack.length) stack = p.scratch = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = value;
                }
            } else if (k == ARRAY_PATTERN || k == OBJECT_PATTERN || k == REST_ELEMENT) {
                for (int c = p.sink.firstChild(n); c >= 0; c = p.sink.nextSibling(c)) {
                    if (sp == stack.length) stack = p.scratch = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = c;
                }
            }
        }
    }

    static void checkStrictBindingName(ParseContext p, int n) {
        int id = p.sink.data(n);
        if (id == p.nameEval || id == p.nameArguments) {
            p.error(p.sink.start(n), p.sink.end(n), p.strictEvalOrArguments(), DiagnosticMessages.nameArg(id));
        } else if (!p.ambient && isStrictReservedName(p, n)) {
            p.error(p.sink.start(n), p.sink.end(n), p.strictReservedWord(), DiagnosticMessages.nameArg(id));
        }
    }

    private static boolean isStrictReservedName(ParseContext p, int n) {
        int k = Token.keywordOf(names_chars(p, n), 0, nameLen(p, n));
        return Token.isStrictReserved(k);
    }

    private static char[] names_chars(ParseContext p, int n) {
        int id = p.sink.data(n);
        int len = Math.min(p.names.length(id), p.nameBuf.length);
        for (int i = 0; i < len; i++) p.nameBuf[i] = p.names.charAt(id, i);
        return p.nameBuf;
    }

    private static int nameLen(ParseContext p, int n) {
        int len = p.names.length(p.sink.data(n));
        return len > p.nameBuf.length ? 0 : len;
    }

    // ------------------------------------------------------------------ TypeScript: parameters

    /**
     * FormalParameter : Decorator* [accessibility] [readonly] (BindingTarget | this) [?] [: Type] [= AssignmentExpression]  |  ... BindingTarget
     * Parameter modifiers (TypeScript parameter properties) and decorators, then the parameter.
     */
    static void parseParameter(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        int flags = 0;
        while (p.tok == AT) parseDecorator(p);
        if (p.ts) {
            while ((p.atContextual(K_PUBLIC) || p.atContextual(K_PRIVATE) || p.atContextual(K_PROTECTED)
                    || p.atContextual(K_READONLY) || p.atContextual(K_OVERRIDE))) {
                int pk = p.peek();
                // TypeScript's modifiers are followed on their line (`override\nv` names a parameter `override`), also by
                // `...` (its canFollowModifier: `public ...x` is a rest parameter property, TS1317)
                if (p.peekNewline != 0 || !(Token.isIdentifierLike(pk) || pk == LBRACKET || pk == LBRACE || pk == K_THIS || pk == ELLIPSIS)) break;
                flags |= modifierFlag(p, p.tok);
                p.next();
            }
        }
        boolean rest = false;
        int rs = p.lexer.tokenStart;
        int rm = p.sink.mark();
        if (p.tok == ELLIPSIS) {
            rest = true;
            p.next();
        }
        boolean thisParameter = p.ts && p.tok == K_THIS && !rest;
        if (thisParameter) {
            int ts0 = p.lexer.tokenStart;
            if (flags != 0 || rm > m) p.error(s, ts0, Diag.MODIFIERS_ON_THIS_PARAMETER, 0);
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(BINDING_IDENTIFIER, ts0, p.lastEnd, id);
            if (p.tok == QUESTION) p.errorExpected(COMMA); // TypeScript: `this` takes a type, never `?`
        } else if (!(Token.isIdentifierLike(p.tok) || p.tok == LBRACKET || p.tok == LBRACE || Token.isReserved(p.tok))) {
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart);
        } else {
            parseBindingTarget(p);
        }
        if (p.ts && p.tok == QUESTION) {
            p.next();
            flags |= P_OPTIONAL;
        }
        boolean typed = parseTypeAnnotationOpt(p);
        if (rest) {
            if (p.tok == ASSIGN) {
                // TS1048: the grammar checks' (TypeScript files only come here)
                p.next();
                parseAssignment(p);
            }
            if (typed || flags != 0) {
                p.sink.finish(REST_ELEMENT, rm, rs, p.lastEnd, 0);
                p.sink.finish(PARAMETER, m, s, p.lastEnd, flags);
            } else {
                p.sink.finish(REST_ELEMENT, rm, rs, p.lastEnd, 0);
                if (p.sink.mark() - m > 1) p.sink.finish(PARAMETER, m, s, p.lastEnd, flags);
            }
            return;
        }
        if (p.tok == ASSIGN) {
            if (thisParameter) p.errorExpected(COMMA); // TypeScript: nor an initializer
            p.next();
            parseAssignment(p);
            if (!typed && flags == 0 && p.sink.mark() - m == 2) {
                p.sink.finish(ASSIGNMENT_PATTERN, m, s, p.lastEnd, 0);
                return;
            }
        }
        if (typed || flags != 0 || p.sink.mark() - m != 1) p.sink.finish(PARAMETER, m, s, p.lastEnd, flags);
    }
}
