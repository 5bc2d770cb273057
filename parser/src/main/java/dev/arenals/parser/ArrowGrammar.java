package dev.arenals.parser;

import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.FunctionGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.PatternGrammar.*;
import static dev.arenals.parser.StatementGrammar.*;
import static dev.arenals.parser.TypeGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;

/**
 * Arrow functions and the cover grammar that precedes them: a parenthesized expression or arrow
 * parameters, `async (…)` calls or async arrows, arrow bodies, and TypeScript typed arrows
 * (`<T>(x: T): U => …`), tried speculatively.
 */
final class ArrowGrammar {
    private ArrowGrammar() {}

    // ------------------------------------------------------------------ arrows and cover grammar

    /** CoverParenthesizedExpressionAndArrowParameterList : ( Expression ) | ArrowParameters [: ReturnType] => ConciseBody */
    static void parseParenthesizedOrArrow(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next(); // (
        int savedYield = p.lastYieldPos, savedAwait = p.lastAwaitPos;
        p.lastYieldPos = -1;
        p.lastAwaitPos = -1;
        int savedCover = p.coverInitPos;
        boolean savedProto = p.coverIsProto;
        p.coverInitPos = -1;
        int saved = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        int restPos = -1;
        int trailingComma = -1;
        int count = 0;
        int firstStart = p.lexer.tokenStart;
        while (p.tok != RPAREN && p.tok != EOF) {
            int es = p.lexer.tokenStart;
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
                p.sink.finish(REST_ELEMENT, rm, es, p.lastEnd, 0);
                restPos = es;
                count++;
                if (p.tok == COMMA) {
                    // where TypeScript's checker puts them: at the comma before `)`, else at the `...`
                    if (p.peek() == RPAREN) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TRAILING_COMMA_AFTER_REST, 0);
                    else p.error(es, es + 3, Diag.REST_PARAMETER_LAST, 0);
                    p.next();
                }
                break;
            }
            if (!startsExpression(p.tok)) {
                p.error(es, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
                if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RBRACKET) break;
                p.next();
                p.errorNode(es, p.lastEnd);
                count++;
                continue;
            }
            parseAssignmentCover(p);
            count++;
            if (p.tok == COMMA) {
                int cs = p.lexer.tokenStart;
                p.next();
                if (p.tok == RPAREN) { trailingComma = cs; break; }
            } else {
                break;
            }
        }
        p.ctx = saved;
        int closeStart = p.lexer.tokenStart;
        int contentEnd = p.lastEnd;
        p.expect(RPAREN);
        if (p.tok == ARROW) {
            if (p.lexer.newlineBefore) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
            for (int i = m; i < p.sink.mark(); i++) toBindingTarget(p, p.sink.pending(i));
            if (p.lastAwaitPos >= 0 && ((p.ctx & CTX_AWAIT) != 0 || p.module)) p.error(p.lastAwaitPos, p.lastAwaitPos + 5, Diag.AWAIT_IN_PARAMETER, 0);
            else if (p.lastAwaitPos >= 0 && p.autoGoal) p.sloppyMattered = true; // a module rejects it
            if (p.lastYieldPos >= 0 && (p.ctx & CTX_YIELD) != 0) p.error(p.lastYieldPos, p.lastYieldPos + 5, Diag.YIELD_IN_PARAMETER, 0);
            p.coverInitPos = savedCover;
            p.coverIsProto = savedProto;
            p.lastYieldPos = savedYield;
            p.lastAwaitPos = savedAwait;
            p.sink.finish(FORMAL_PARAMETERS, m, s, p.lastEnd, 0);
            int am = p.sink.mark() - 1;
            parseArrowBody(p, 0, s, am);
            return;
        }
        if (count == 0) p.error(closeStart, closeStart + 1, Diag.EXPRESSION_EXPECTED, 0);
        if (restPos >= 0) p.error(restPos, restPos + 3, Diag.EXPRESSION_EXPECTED, 0);
        if (trailingComma >= 0) p.error(trailingComma, trailingComma + 1, Diag.EXPRESSION_EXPECTED, 0);
        reportCoverInit(p);
        p.coverInitPos = savedCover;
        p.coverIsProto = savedProto;
        if (p.lastYieldPos < 0) p.lastYieldPos = savedYield;
        if (p.lastAwaitPos < 0) p.lastAwaitPos = savedAwait;
        if (count > 1) p.sink.finish(SEQUENCE, m, firstStart, contentEnd, 0);
        p.sink.finish(PARENTHESIZED, m, s, p.lastEnd, 0);
    }

    /**
     * async ArrowFormalParameters => AsyncConciseBody  |  CoverCallExpressionAndAsyncArrowHead (a call of `async`)  |  async Identifier => ...
     * `async (` … `)`: a call of a function named async, or the parameters of an async arrow.
     */
    static void parseAsyncCallOrArrow(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        // TypeScript's isParenthesizedArrowFunctionExpression: `async (...` is an arrow's head wherever an assignment
        // expression starts (never an operator's operand), so a call of that shape lacks its `=>` in TypeScript files
        boolean arrowCertain = p.ts && s != p.operatorOperandPos;
        int id = p.lexer.internIdentifier();
        p.next();
        p.leaf(IDENTIFIER_REFERENCE, s, p.lastEnd, id);
        int argsMark = p.sink.mark();
        int savedYield = p.lastYieldPos, savedAwait = p.lastAwaitPos;
        p.lastYieldPos = -1;
        p.lastAwaitPos = -1;
        int savedCover = p.coverInitPos;
        boolean savedProto = p.coverIsProto;
        p.coverInitPos = -1;
        int ps = p.lexer.tokenStart;
        int savedAwaitIdent = p.lastAwaitIdentPos;
        p.lastAwaitIdentPos = -1;
        // arguments, parsed as a cover: spread and shorthand initialisers allowed for now
        p.next();
        arrowCertain &= p.tok == ELLIPSIS;
        int saved = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        int trailingComma = -1;
        while (p.tok != RPAREN && p.tok != EOF) {
            int as = p.lexer.tokenStart;
            if (p.tok == ELLIPSIS) {
                int sm = p.sink.mark();
                p.next();
                parseAssignmentCover(p);
                p.sink.finish(SPREAD, sm, as, p.lastEnd, 0);
            } else if (startsExpression(p.tok)) {
                parseAssignmentCover(p);
            } else {
                p.error(as, p.lexer.tokenEnd, Diag.ARGUMENT_EXPRESSION_EXPECTED, 0);
                if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RBRACKET) break;
                p.next();
                p.errorNode(as, p.lastEnd);
            }
            if (p.tok != RPAREN) {
                int cs = p.lexer.tokenStart;
                if (!p.eat(COMMA)) { p.errorExpected(COMMA); break; }
                if (p.tok == RPAREN) trailingComma = cs;
            }
        }
        p.ctx = saved;
        p.expect(RPAREN);
        if (p.tok == ARROW) {
            // a line break before `=>`: TypeScript's parser reads the arrow still (its speculation asks for `=>` alone),
            // its checker says TS1200 — where ECMAScript has a call of `async` and a syntax error at `=>`
            if (p.lexer.newlineBefore) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
            int count = p.sink.mark() - argsMark;
            for (int i = argsMark; i < p.sink.mark(); i++) {
                int a = p.sink.pending(i);
                if (p.sink.kind(a) == SPREAD) {
                    p.sink.setKind(a, REST_ELEMENT);
                    if (i != p.sink.mark() - 1) p.error(p.sink.start(a), p.sink.end(a), Diag.REST_PARAMETER_LAST, 0);
                    int arg = p.sink.firstChild(a);
                    if (arg >= 0) toBindingTarget(p, arg);
                    if (arg >= 0 && p.sink.kind(arg) == ASSIGNMENT_PATTERN) {
                        int name = p.sink.firstChild(arg);
                        if (name >= 0) reportRestParameterInitializer(p, p.sink.start(name), p.sink.end(name));
                    }
                } else {
                    toBindingTarget(p, a);
                }
            }
            if (count > 0 && trailingComma >= 0 && p.sink.kind(p.sink.pending(p.sink.mark() - 1)) == REST_ELEMENT) {
                p.error(trailingComma, trailingComma + 1, Diag.TRAILING_COMMA_AFTER_REST, 0);
            }
            if (p.lastAwaitPos >= 0) p.error(p.lastAwaitPos, p.lastAwaitPos + 5, Diag.AWAIT_IN_PARAMETER, 0);
            if (p.lastAwaitIdentPos >= 0) p.error(p.lastAwaitIdentPos, p.lastAwaitIdentPos + 5, Diag.RESERVED_WORD_AS_IDENTIFIER, K_AWAIT);
            if (p.lastYieldPos >= 0 && (p.ctx & CTX_YIELD) != 0) p.error(p.lastYieldPos, p.lastYieldPos + 5, Diag.YIELD_IN_PARAMETER, 0);
            checkAsyncArrowParamNames(p, argsMark);
            p.lastAwaitIdentPos = savedAwaitIdent;
            p.coverInitPos = savedCover;
            p.coverIsProto = savedProto;
            p.lastYieldPos = savedYield;
            p.lastAwaitPos = savedAwait;
            p.sink.finish(FORMAL_PARAMETERS, argsMark, ps, p.lastEnd, 0);
            p.sink.dropPending(m); // the `async` identifier is not a child of the arrow
            parseArrowBody(p, F_ASYNC, s, p.sink.mark() - 1);
            return;
        }
        if (arrowCertain) p.errorExpected(ARROW);
        reportCoverInit(p);
        p.coverInitPos = savedCover;
        p.coverIsProto = savedProto;
        if (p.lastYieldPos < 0) p.lastYieldPos = savedYield;
        if (p.lastAwaitPos < 0) p.lastAwaitPos = savedAwait;
        if (p.lastAwaitIdentPos < 0) p.lastAwaitIdentPos = savedAwaitIdent;
        p.sink.finish(CALL, m, s, p.lastEnd, 0);
    }

    private static void checkAsyncArrowParamNames(ParseContext p, int argsMark) {
        // `await` may not name a parameter of an async arrow
        for (int i = argsMark; i < p.sink.mark(); i++) {
            int param = p.sink.pending(i);
            if (p.sink.kind(param) == BINDING_IDENTIFIER && p.names.equals(p.sink.data(param), "await")) {
                p.error(p.sink.start(param), p.sink.end(param), Diag.RESERVED_WORD_AS_IDENTIFIER, K_AWAIT);
            }
        }
    }

    /**
     * ConciseBody : [lookahead != {] ExpressionBody | { FunctionBody }
     * Arrow body after the parameters; wraps [m, top) into an ARROW_FUNCTION. Current token: `=>`.
     */
    static void parseArrowBody(ParseContext p, int flags, int s, int m) {
        int params = p.sink.pending(p.sink.mark() - 1);
        for (int i = m; i < p.sink.mark(); i++) {
            if (p.sink.kind(p.sink.pending(i)) == FORMAL_PARAMETERS) { params = p.sink.pending(i); break; }
        }
        if (p.tok == ARROW) p.next();
        int saved = p.ctx;
        int savedLabelBase = p.labels.base, savedLabelTop = p.labels.top;
        p.labels.base = p.labels.top;
        p.ctx = (p.ctx & ~(CTX_AWAIT | CTX_YIELD | CTX_ITERATION | CTX_BREAKABLE | CTX_PARAMS | CTX_STATIC_BLOCK | CTX_TS_AWAIT)) | CTX_FUNCTION;
        if ((flags & F_ASYNC) != 0) p.ctx |= CTX_AWAIT;
        // an await or yield in the body is the body's, not in the parameters of an arrow around it
        int savedAwait = p.lastAwaitPos, savedYield = p.lastYieldPos;
        if (p.tok == LBRACE) {
            p.ctx &= ~CTX_NO_IN; // a block body is no part of a for head's [~In] (`for (b => { a in x };;)`)
            int bs = p.lexer.tokenStart;
            int bm = p.sink.mark();
            p.next();
            boolean madeStrict = parseDirectivesAndStatements(p, RBRACE, false);
            p.expect(RBRACE);
            p.sink.finish(FUNCTION_BODY, bm, bs, p.lastEnd, 0);
            if (madeStrict && !isSimpleParameterList(p, params)) p.error(bs, bs + 1, Diag.USE_STRICT_NON_SIMPLE, 0);
        } else {
            // a decorator starts a statement, not an expression statement: TypeScript wants a block (`x => @d class {}`)
            if (p.tok == AT) p.errorExpected(LBRACE);
            // TypeScript's parseArrowFunctionExpressionBody passes allowReturnTypeInArrowFunction on to the body
            int noReturnType = p.noReturnTypeAt;
            if (s == noReturnType) p.noReturnTypeAt = p.lexer.tokenStart;
            parseAssignment(p);
            p.noReturnTypeAt = noReturnType;
        }
        // (in sloppy AUTO code, what strict code would reject here was noted where each name was
        // parsed: reserved words as references, eval and arguments in toBindingTarget)
        if (p.strict()) checkStrictParams(p, params);
        checkDuplicateParams(p, params, true);
        p.lastAwaitPos = savedAwait;
        p.lastYieldPos = savedYield;
        p.ctx = saved;
        p.labels.base = savedLabelBase;
        p.labels.top = savedLabelTop;
        p.sink.finish(ARROW_FUNCTION, m, s, p.lastEnd, flags);
        p.arrowEndPos = p.lastEnd;
    }

    // ------------------------------------------------------------------ TypeScript: typed arrows

    private static boolean firstParameterIsModifiedPattern(ParseContext p, int params) {
        int first = p.sink.firstChild(params);
        if (first < 0 || p.sink.kind(first) != PARAMETER
                || (p.sink.data(first) & (MOD_PUBLIC | MOD_PRIVATE | MOD_PROTECTED | MOD_READONLY | MOD_OVERRIDE)) == 0) {
            return false;
        }
        int c = p.sink.firstChild(first);
        while (c >= 0 && p.sink.kind(c) == DECORATOR) c = p.sink.nextSibling(c);
        return c >= 0 && (p.sink.kind(c) == OBJECT_PATTERN || p.sink.kind(c) == ARRAY_PATTERN || p.sink.kind(c) == REST_ELEMENT);
    }

    /**
     * TS: TypeParameters ( FormalParameters ) [: ReturnType] => ConciseBody where TypeScript has decided on an
     * arrow before trying it (TSX's `async <T,`): parsed with its errors, as TypeScript does.
     */
    static void parseTypedArrowWithErrors(ParseContext p, int flags, int s) {
        int m = p.sink.mark();
        int saved = p.ctx;
        if ((flags & F_ASYNC) != 0) p.ctx |= CTX_AWAIT;
        p.ctx |= CTX_IN_SIGNATURE;
        if (p.tok == LT) parseTypeParameters(p, saved);
        if (p.tok == LPAREN) {
            parseFormalParameters(p);
        } else {
            p.errorExpected(LPAREN);
            p.sink.finish(FORMAL_PARAMETERS, p.sink.mark(), p.lastEnd, p.lastEnd, 0);
        }
        if (p.tok == COLON) {
            p.next();
            parseReturnType(p);
        }
        p.ctx = saved;
        if (p.tok != ARROW) p.errorExpected(ARROW);
        // an arrow TypeScript is sure of is parsed with allowReturnTypeInArrowFunction, in a conditional's consequent too
        int noReturnType = p.noReturnTypeAt;
        p.noReturnTypeAt = -1;
        parseArrowBody(p, flags, s, m);
        p.noReturnTypeAt = noReturnType;
    }

    /**
     * TS: [TypeParameters] ( FormalParameters ) [: ReturnType] => ConciseBody, tried speculatively
     * TypeScript arrow function with typed parameters, type parameters or a return type, tried
     * speculatively at `(` or `<`. Returns true when an arrow was parsed.
     */
    /** A modifier TypeScript's isModifierKind knows, `async` aside (which heads an arrow of its own). */
    private static boolean isParameterModifier(int k) {
        switch (k) {
            case K_PUBLIC: case K_PRIVATE: case K_PROTECTED: case K_READONLY: case K_OVERRIDE: case K_ABSTRACT: case K_ACCESSOR:
            case K_DECLARE: case K_STATIC: case K_EXPORT: case K_DEFAULT: case K_CONST: case K_IN: case K_OUT:
                return true;
            default:
                return false;
        }
    }

    static boolean tryParseTypedArrow(ParseContext p, int flags, int s) {
        if (!p.ts || p.specDepth > 24) return false;
        // an operator's operand is a UnaryExpression to TypeScript, never an arrow: `!(x): y => 1` negates `(x)`
        if (s == p.operatorOperandPos) return false;
        // TypeScript's isParenthesizedArrowFunctionExpressionWorker: a `(` before `@` heads no arrow (False, no
        // speculation), so `(@d x) => 1` is a parenthesized decorated expression that lacks its class: TS1109
        if (p.tok == LPAREN && p.peek() == AT) return false;
        // nor a `<` before anything but a name or `const` (`<in T>() => {}` asserts a type `in`: `>` expected)
        if (p.tok == LT && !isIdentifierLike(p.peek()) && p.peek() != K_CONST) return false;
        // and a modifier followed by `as` is an `as` expression's operand there (`(readonly as T)`), never a parameter
        if (p.tok == LPAREN && p.peek2() == K_AS && isParameterModifier(p.peek())) return false;
        // in the await context of an ambient `export =`/`export default` expression (TypeScript's parseExportAssignment; no
        // reparse there) the worker asks `await` as it stands: no identifier, so `(await) => x` and `(protected await) => x`
        // head no arrow (`(a, await) => x` does: the parameters are read outside the await context)
        if (p.tok == LPAREN && p.ambient && (p.ctx & (CTX_AWAIT | CTX_TS_AWAIT)) == (CTX_AWAIT | CTX_TS_AWAIT)
                && (p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK)) == 0
                && (p.peek() == K_AWAIT || (p.peek2() == K_AWAIT && isParameterModifier(p.peek())))) {
            return false;
        }
        // a failed attempt at this position is not repeated: nested parentheses stay linear
        int at = p.lexer.tokenStart;
        if (p.failedArrows.contains(at)) return false;
        // TypeScript's allowReturnTypeInArrowFunction is false here (a conditional's consequent), and its
        // isParenthesizedArrowFunctionExpression answers Unknown for this head, not True
        int noReturnType = p.noReturnTypeAt;
        boolean inConsequent = s == noReturnType;
        boolean colonMustFollow = inConsequent && !arrowHeadIsCertain(p);
        int d = p.speculate();
        if (d < 0) return false;
        int m = p.sink.mark();
        int saved = p.ctx;
        int savedSpec = p.arrowParamsSpec;
        p.arrowParamsSpec = d + 1;
        if ((flags & F_ASYNC) != 0) p.ctx |= CTX_AWAIT;
        // TypeScript's parseParametersWorker reads a non-async arrow's parameters outside the await context, so
        // `await` is a name there even at a module's top level (ECMAScript reserves it: reported where the name
        // is checked, failing no speculation: `export {}; (a: T = f(await)) => 1` stays an arrow), and an
        // operator only before a word or a literal (`(a = await x) => 1`: TS1308)
        else if ((p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT)) == 0) p.ctx = (p.ctx & ~CTX_AWAIT) | CTX_NO_TOP_LEVEL_AWAIT;
        p.ctx |= CTX_IN_SIGNATURE;
        boolean typeParameters = p.tok == LT;
        boolean keepsTypeParameterErrors = typeParameters && !p.jsx && (saved & CTX_IN_TYPE) == 0;
        if (typeParameters) {
            p.arrowTypeParameters = keepsTypeParameterErrors;
            p.arrowTypeParametersModelled = false;
            parseTypeParameters(p, saved);
            p.arrowTypeParameters = false;
            keepsTypeParameterErrors &= p.arrowTypeParametersModelled;
        }
        // TypeScript's parseParenthesizedArrowFunctionExpression fails on the shape alone (a `(` after the type
        // parameters): errors inside the list stay, and the arrow with them (`<a, b c>(x)\n{}`: `,` expected)
        if (p.tok == LPAREN && keepsTypeParameterErrors && p.specFailed(d)) p.keepSpeculationErrors(d);
        if (p.tok != LPAREN || p.specFailed(d)) { p.ctx = saved; p.arrowParamsSpec = savedSpec; p.rollback(d); return false; }
        int params = parseFormalParameters(p);
        // TypeScript's isParenthesizedArrowFunctionExpression: `(public {`, `(readonly [` or `(public ...` starts no arrow
        if (!typeParameters && firstParameterIsModifiedPattern(p, params)) p.errorCount++;
        boolean returnType = !p.specFailed(d) && p.tok == COLON;
        // the return type is read in the context around the arrow, as TypeScript's parseReturnType follows the
        // parameters' own await context (`async (x): { [await]: T } => 1` in a script names `await`)
        p.ctx = saved | CTX_IN_SIGNATURE;
        boolean jsDocFunctionType = false;
        if (returnType) {
            p.next();
            jsDocFunctionType = p.tok == K_FUNCTION;
            parseReturnType(p);
        }
        p.ctx = saved;
        p.arrowParamsSpec = savedSpec;
        // TypeScript's parseParenthesizedArrowFunctionExpression goes on at a `{` as at `=>` ("just in case we're in an
        // error state": `=>` expected, the block its body) unless the return type is a JSDoc function type: so
        // `case (c): do {} while (x)` is an arrow to it, `(c): do {`, and `x = (c) {}` lacks its `=>`
        boolean missingArrow = p.tok == LBRACE && !jsDocFunctionType;
        if (p.specFailed(d) || (p.tok != ARROW && !missingArrow)) {
            p.rollback(d);
            p.failedArrows.add(at);
            return false;
        }
        if (returnType && colonMustFollow) {
            // TypeScript's parseParenthesizedArrowFunctionExpression: the arrow stands only if the consequent's
            // `:` follows its body (`a ? (x): T => x : y`); else `(x)` was the consequent (`a ? (x) : y => 1`).
            // Errors in the body fail nothing (its own speculations are TypeScript's tryParse)
            if (missingArrow) p.errorExpected(ARROW);
            else if (p.lexer.newlineBefore) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
            parseArrowBody(p, flags, s, m);
            if (p.tok != COLON) {
                p.rollback(d);
                p.failedArrows.add(at);
                return false;
            }
            p.commit(d);
            return true;
        }
        p.commit(d);
        if (missingArrow) p.errorExpected(ARROW);
        else if (p.lexer.newlineBefore) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
        if (inConsequent && !colonMustFollow) p.noReturnTypeAt = -1; // a certain head: allowReturnTypeInArrowFunction
        parseArrowBody(p, flags, s, m);
        p.noReturnTypeAt = noReturnType;
        return true;
    }

    /**
     * At the `(` or `<` of an arrow's head: TypeScript's isParenthesizedArrowFunctionExpression answers True
     * (`()`, `(...`, `(x:`, `(x?`, `(public x`, TSX's `<T,`) rather than Unknown, so it parses the arrow
     * with allowReturnTypeInArrowFunction whatever the context.
     */
    private static boolean arrowHeadIsCertain(ParseContext p) {
        if (p.tok == LT) return p.jsx; // in TSX only a `<T,`-like head gets here (isGenericArrowInTsx)
        int second = p.peek();
        if (second == RPAREN || second == ELLIPSIS) return true;
        if (!isIdentifierLike(second) && second != K_THIS) return false;
        int third = p.peek2();
        return third == COLON || third == QUESTION || isIdentifierLike(third);
    }
}
