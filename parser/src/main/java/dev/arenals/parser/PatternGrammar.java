package dev.arenals.parser;

import static dev.arenals.parser.ClassGrammar.*;
import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.FunctionGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Token;

/**
 * Binding patterns (`[a, {b}] = …` in declarations and parameters), identifier checks, and the cover
 * grammar rewrites that turn an already-parsed array or object literal into a binding or assignment
 * target once an `=` or `=>` shows what it was.
 */
final class PatternGrammar {
    private PatternGrammar() {}

    // ------------------------------------------------------------------ bindings

    /**
     * BindingTarget : BindingIdentifier | ArrayBindingPattern | ObjectBindingPattern
     * BindingIdentifier or BindingPattern.
     */
    static void parseBindingTarget(ParseContext p) {
        if (p.tok == LBRACKET) parseArrayBindingPattern(p);
        else if (p.tok == LBRACE) parseObjectBindingPattern(p);
        else parseBindingIdentifier(p);
    }

    /**
     * BindingElement : BindingTarget [= AssignmentExpression]
     * A binding target with an optional default.
     */
    static void parseBindingElement(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        parseBindingTarget(p);
        if (p.tok == ASSIGN) {
            p.next();
            parseAssignment(p);
            p.sink.finish(ASSIGNMENT_PATTERN, m, s, p.lastEnd, 0);
        }
    }

    /** BindingIdentifier : Identifier | yield | await   (where allowed) */
    static void parseBindingIdentifier(ParseContext p) {
        int s = p.lexer.tokenStart;
        if (Token.isIdentifierLike(p.tok) || Token.isReserved(p.tok)) {
            checkIdentifierReference(p, p.tok, p.lexer.flags, s, p.lexer.tokenEnd, true);
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(BINDING_IDENTIFIER, s, p.lastEnd, id);
        } else {
            p.error(s, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            p.errorNode(s, s);
        }
    }

    /** ArrayBindingPattern : [ (BindingElement | Elision)* [... BindingTarget] ] */
    private static void parseArrayBindingPattern(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (!p.enter()) { p.exit(); p.errorNode(s, s); return; }
        int savedCtx = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        p.next();
        while (p.tok != RBRACKET && p.tok != EOF) {
            if (p.anOpenListTakesEveryToken() && p.tok != COMMA && p.tok != ELLIPSIS && p.tok != LBRACKET && p.tok != LBRACE
                    && p.tok != PRIVATE_NAME && !Token.isIdentifierLike(p.tok)) {
                // TypeScript's abortParsingListOrMoveToNextToken inside type arguments: the list ends, it skips nothing
                p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.ARRAY_ELEMENT_PATTERN_EXPECTED, 0);
                break;
            }
            if (p.tok == COMMA) {
                int es = p.lexer.tokenStart;
                p.next();
                p.leaf(ELISION, es, es, 0);
                continue;
            }
            int es = p.lexer.tokenStart;
            if (p.tok == ELLIPSIS) {
                int rm = p.sink.mark();
                p.next();
                parseBindingTarget(p);
                if (p.tok == ASSIGN) {
                    p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.REST_WITH_INITIALIZER, 0);
                    p.next();
                    parseAssignment(p);
                }
                p.sink.finish(REST_ELEMENT, rm, es, p.lastEnd, 0);
                if (p.tok == COMMA) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.REST_MUST_BE_LAST, 0);
            } else if (Token.isIdentifierLike(p.tok) || p.tok == LBRACKET || p.tok == LBRACE || Token.isReserved(p.tok)) {
                parseBindingElement(p);
            } else {
                p.error(es, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RPAREN) break;
                p.next();
                p.errorNode(es, p.lastEnd);
            }
            if (p.tok != RBRACKET) {
                if (!p.eat(COMMA)) { p.errorExpected(COMMA); if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RPAREN || p.tok == ASSIGN) break; }
            }
        }
        p.expect(RBRACKET);
        p.ctx = savedCtx;
        p.exit();
        p.sink.finish(ARRAY_PATTERN, m, s, p.lastEnd, 0);
    }

    /** ObjectBindingPattern : { (PropertyName : BindingElement | SingleNameBinding)* [... BindingIdentifier] } */
    private static void parseObjectBindingPattern(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (!p.enter()) { p.exit(); p.errorNode(s, s); return; }
        int savedCtx = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        p.next();
        while (p.tok != RBRACE && p.tok != EOF) {
            int ps = p.lexer.tokenStart;
            int pm = p.sink.mark();
            if (p.anOpenListTakesEveryToken() && p.tok != LBRACKET && p.tok != ELLIPSIS && !Token.isIdentifierName(p.tok)
                    && p.tok != STRING && p.tok != NUMBER && p.tok != BIGINT) {
                // TypeScript's abortParsingListOrMoveToNextToken inside type arguments: the list ends, it skips nothing
                p.error(ps, p.lexer.tokenEnd, Diag.PROPERTY_PATTERN_EXPECTED, 0);
                break;
            }
            if (p.tok == ELLIPSIS) {
                p.next();
                parseBindingIdentifier(p);
                p.sink.finish(REST_ELEMENT, pm, ps, p.lastEnd, 0);
                if (p.tok == COMMA) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.REST_MUST_BE_LAST, 0);
            } else {
                if (p.tok == PRIVATE_NAME && p.ts) {
                    // TypeScript's parser takes any property name here (`({#a: b}) => c` is a valid function type):
                    // an error no speculation fails on, and none in a signature's parameters (dropped there)
                    p.checkerLevelError(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.PRIVATE_NAME_AS_BINDING_KEY, PRIVATE_NAME);
                    int id = p.lexer.internIdentifier();
                    p.next();
                    p.leaf(PRIVATE_IDENTIFIER, ps, p.lastEnd, id);
                    if (p.tok == COLON) {
                        p.next();
                        parseBindingElement(p);
                    } else {
                        p.errorExpected(COLON);
                    }
                    p.sink.finish(PROPERTY, pm, ps, p.lastEnd, 0);
                    if (p.tok != RBRACE && !p.eat(COMMA)) { p.errorExpected(COMMA); break; }
                    continue;
                }
                if (p.tok == PRIVATE_NAME) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
                boolean identifierKey = Token.isIdentifierName(p.tok) && !(p.tok == LBRACKET);
                int keyTok = p.tok;
                int keyFlags = p.lexer.flags;
                int keyStart = p.lexer.tokenStart, keyEnd = p.lexer.tokenEnd;
                int pflags = parsePropertyKey(p);
                if (pflags < 0) {
                    if (p.tok == SEMICOLON || p.tok == RPAREN) break;
                    p.next();
                    p.sink.finish(INVALID, pm, ps, p.lastEnd, 0);
                    continue;
                }
                if (p.tok == COLON) {
                    p.next();
                    parseBindingElement(p);
                } else if (identifierKey && (pflags & P_COMPUTED) == 0) {
                    // shorthand: the key is also the binding
                    checkIdentifierReference(p, keyTok, keyFlags, keyStart, keyEnd, true);
                    int key = p.sink.pending(p.sink.mark() - 1);
                    int vm = p.sink.mark();
                    p.leaf(BINDING_IDENTIFIER, keyStart, keyEnd, p.sink.data(key));
                    if (p.tok == ASSIGN) {
                        p.next();
                        parseAssignment(p);
                        p.sink.finish(ASSIGNMENT_PATTERN, vm, keyStart, p.lastEnd, 0);
                    }
                    pflags |= P_SHORTHAND;
                } else {
                    p.errorExpected(COLON);
                }
                p.sink.finish(PROPERTY, pm, ps, p.lastEnd, pflags);
            }
            if (p.tok != RBRACE) {
                if (!p.eat(COMMA)) { p.errorExpected(COMMA); if (p.tok == SEMICOLON || p.tok == RPAREN || p.tok == ASSIGN) break; }
            }
        }
        p.expect(RBRACE);
        p.ctx = savedCtx;
        p.exit();
        p.sink.finish(OBJECT_PATTERN, m, s, p.lastEnd, 0);
    }

    /**
     * Checks a token used as an identifier reference or binding. Reserved words never qualify;
     * strict mode reserves more; yield and await depend on the enclosing function.
     */
    static void checkIdentifierReference(ParseContext p, int k, int flags, int s, int e, boolean binding) {
        if (Token.isReserved(k)) {
            p.error(s, e, Diag.RESERVED_WORD_AS_IDENTIFIER, k);
            return;
        }
        if (k == IDENTIFIER) {
            if (binding && (e - s == 4 || e - s == 9) && isEvalOrArguments(p, s, e) && p.strictHere()) {
                p.error(s, e, p.strictEvalOrArguments(), DiagnosticMessages.nameArg(e - s == 4 ? p.nameEval : p.nameArguments));
            }
            if ((p.ctx & (CTX_STATIC_BLOCK | CTX_FIELD_INIT)) != 0 && !binding && e - s == 9 && isArguments(p, s, e)) {
                // an early error of ECMAScript's (TypeScript's checker: TS2815), no reason for a speculation to fail
                p.checkerLevelError(s, e, Diag.UNEXPECTED_TOKEN, IDENTIFIER);
            }
            return;
        }
        if (k == K_YIELD) {
            if ((p.ctx & CTX_YIELD) != 0 || (!p.ambient && p.strictHere())) p.error(s, e, p.strictReservedWord(), k);
            else if ((p.ctx & CTX_PARAMS) != 0 && (p.ctx & CTX_YIELD) != 0) p.error(s, e, Diag.YIELD_IN_PARAMETER, 0);
            return;
        }
        if (k == K_AWAIT) {
            if (s == p.awaitWithoutOperandPos && !binding) { // (TS1109 said, as TypeScript's parser does)
                p.lastAwaitIdentPos = s;
                return;
            }
            if ((p.ctx & CTX_IN_TYPE) != 0 && !binding) {
                // in a type (a computed key's expression) no ECMAScript rule applies: TypeScript's binder alone says
                // TS1262 where its getThisContainer finds the module itself, and nothing elsewhere (no await context)
                if (p.ambient) return;
                if (!p.module && p.autoGoal) p.sloppyMattered = true; // a module reports it
                else if (p.module && (p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT | CTX_PARAMS | CTX_CLASS_BODY
                        | CTX_NO_TOP_LEVEL_AWAIT | CTX_IN_SIGNATURE)) == 0 && p.moduleBlockDepth == 0) {
                    p.checkerLevelError(s, e, Diag.AWAIT_AT_MODULE_TOP_LEVEL, k);
                }
                return;
            }
            if (p.ambient) {
                // a declaration that never runs (a .d.ts, `declare …`): TypeScript takes await as a name there;
                // a module may still read it as an await expression where one can stand (`export = await`)
                if (p.autoGoal && !p.module) p.sloppyMattered = true;
                // but an `export =`/`export default` expression is parsed in the await context there too, where only a
                // LeftHandSideExpression stands (`export = new await`): no identifier, TS1109 at the word
                if (p.ts && !binding && (p.ctx & (CTX_AWAIT | CTX_TS_AWAIT)) == (CTX_AWAIT | CTX_TS_AWAIT) && s == p.operatorOperandPos
                        && (p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK)) == 0) {
                    p.error(s, e, Diag.EXPRESSION_EXPECTED, 0);
                }
            } else if (p.ts && p.module && (p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK)) == 0 && !binding && (p.ctx & CTX_AWAIT) != 0
                    && s == p.operatorOperandPos && (p.ctx & CTX_TS_AWAIT) == 0) {
                // where TypeScript's reparse for top-level await reads only a LeftHandSideExpression (`new await`,
                // `@await`, `extends await`): no identifier in its await context, TS1109 at the word (not in an
                // `export default` expression, which its checks leave alone: seed 2133)
                p.error(s, e, Diag.EXPRESSION_EXPECTED, 0);
            } else if (p.ts && p.module && (p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK)) == 0) {
                // a module's own rule (ECMAScript's, not TypeScript's parser, which reads a non-async arrow's
                // parameters outside the await context): reported, but no speculation fails on it
                // (`(x, <T>({await}) => y)` stays a generic arrow)
                p.checkerLevelError(s, e, reservedAwait(p, binding), k);
            } else if ((p.ctx & CTX_AWAIT) != 0 || p.module || (p.ctx & CTX_STATIC_BLOCK) != 0) {
                p.error(s, e, reservedAwait(p, binding), k);
            } else if (p.autoGoal) {
                p.sloppyMattered = true; // a module reserves await everywhere
            }
            p.lastAwaitIdentPos = s;
            return;
        }
        // ambient declarations (a .d.ts, `declare …`) never run: TypeScript applies no strict-mode name rule there
        if (Token.isStrictReserved(k) && !p.ambient && p.strictHere()) p.error(s, e, p.strictReservedWord(), k);
    }

    /**
     * A name `await` bound at a module's top level is TypeScript's TS1262 (its binder's checkContextualIdentifier,
     * isInTopLevelContext), elsewhere TS1359.
     */
    private static Diag reservedAwait(ParseContext p, boolean binding) {
        return binding && p.module && (p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT | CTX_PARAMS)) == 0 && p.moduleBlockDepth == 0
                ? Diag.AWAIT_AT_MODULE_TOP_LEVEL : Diag.RESERVED_WORD_AS_IDENTIFIER;
    }

    private static boolean isEvalOrArguments(ParseContext p, int s, int e) {
        int len = e - s;
        if (len == 4) return p.src[s] == 'e' && p.src[s + 1] == 'v' && p.src[s + 2] == 'a' && p.src[s + 3] == 'l';
        return isArguments(p, s, e);
    }

    private static boolean isArguments(ParseContext p, int s, int e) {
        if (e - s != 9) return false;
        String a = "arguments";
        for (int i = 0; i < 9; i++) if (p.src[s + i] != a.charAt(i)) return false;
        return true;
    }

    // ------------------------------------------------------------------ cover grammar -> patterns (after `=` or `=>` shows what a literal was)

    /**
     * cover: ArrayLiteral | ObjectLiteral | Identifier already parsed -> BindingTarget (arrow parameters)
     * Rewrites an expression parsed under the cover grammar into a binding pattern (arrow parameters).
     */
    static void toBindingTarget(ParseContext p, int n) {
        int k = p.sink.kind(n);
        switch (k) {
            case IDENTIFIER_REFERENCE: {
                p.sink.setKind(n, BINDING_IDENTIFIER);
                if (p.strict()) {
                    checkStrictBindingName(p, n);
                } else if (p.autoGoal && (p.sink.data(n) == p.nameEval || p.sink.data(n) == p.nameArguments)) {
                    p.strictHere(); // strict code rejects eval and arguments as parameters (reserved words were noted as references)
                }
                return;
            }
            case BINDING_IDENTIFIER:
            case REST_ELEMENT:
            case INVALID:
                return;
            case ARRAY_PATTERN:
            case OBJECT_PATTERN:
                // an assignment pattern already (`([x] = a) =>`: the cover made `[x] = a` an assignment): its
                // targets become bindings, and what only an assignment may target (`a.b`, `(x)`) is an error
                assignmentPatternToBinding(p, n);
                return;
            case ASSIGNMENT: {
                if (p.sink.data(n) != ASSIGN) break;
                p.sink.setKind(n, ASSIGNMENT_PATTERN);
                p.sink.setData(n, 0);
                int left = p.sink.firstChild(n);
                if (left >= 0) toBindingTarget(p, left);
                return;
            }
            case ASSIGNMENT_PATTERN: {
                int left = p.sink.firstChild(n);
                if (left >= 0) toBindingTarget(p, left);
                return;
            }
            case ARRAY: {
                convertArray(p, n, true);
                return;
            }
            case OBJECT: {
                convertObject(p, n, true);
                return;
            }
            default:
                break;
        }
        p.error(p.sink.start(n), p.sink.end(n), Diag.INVALID_ARROW_PARAMETERS, 0);
    }

    private static void assignmentPatternToBinding(ParseContext p, int n) {
        if (!p.enter()) { p.exit(); return; }
        boolean object = p.sink.kind(n) == OBJECT_PATTERN;
        for (int c = p.sink.firstChild(n); c >= 0; c = p.sink.nextSibling(c)) {
            int ck = p.sink.kind(c);
            if (ck == ELISION) continue;
            if (ck == REST_ELEMENT) {
                int arg = p.sink.firstChild(c);
                if (arg >= 0) toBindingTarget(p, arg);
            } else if (object) {
                if (ck != PROPERTY) continue;
                int key = p.sink.firstChild(c);
                int value = key < 0 ? -1 : p.sink.nextSibling(key);
                if (value >= 0) toBindingTarget(p, value);
            } else {
                toBindingTarget(p, c);
            }
        }
        p.exit();
    }

    /**
     * cover: LeftHandSideExpression already parsed -> AssignmentPattern or simple target (before = or in for-in/of)
     * Rewrites the target of an assignment or for-in/of into a pattern; reports targets that are
     * neither simple nor destructuring.
     */
    static void toAssignmentTarget(ParseContext p, int n, boolean top) {
        int k = p.sink.kind(n);
        switch (k) {
            case IDENTIFIER_REFERENCE: {
                int id = p.sink.data(n);
                if ((id == p.nameEval || id == p.nameArguments) && p.strictHere()) p.error(p.sink.start(n), p.sink.end(n), p.strictEvalOrArguments(), DiagnosticMessages.nameArg(id));
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
                if (top && (p.sink.data(n) & M_OPTIONAL) == 0 && !p.strictHere()) return;
                break;
            case PARENTHESIZED: {
                int inner = p.sink.firstChild(n);
                while (inner >= 0 && p.sink.kind(inner) == PARENTHESIZED) inner = p.sink.firstChild(inner);
                if (inner >= 0 && (p.sink.kind(inner) == IDENTIFIER_REFERENCE || p.sink.kind(inner) == MEMBER)) {
                    toAssignmentTarget(p, inner, false);
                    return;
                }
                break;
            }
            case ARRAY:
                convertArray(p, n, false);
                return;
            case OBJECT:
                convertObject(p, n, false);
                return;
            case ASSIGNMENT:
                if (!top && p.sink.data(n) == ASSIGN) {
                    p.sink.setKind(n, ASSIGNMENT_PATTERN);
                    p.sink.setData(n, 0);
                    int left = p.sink.firstChild(n);
                    if (left >= 0) toAssignmentTarget(p, left, false);
                    return;
                }
                break;
            case ASSIGNMENT_PATTERN:
            case ARRAY_PATTERN:
            case OBJECT_PATTERN:
                return;
            case CHAIN:
                p.error(p.sink.start(n), p.sink.end(n), Diag.OPTIONAL_CHAIN_ASSIGNMENT, 0);
                return;
            default:
                break;
        }
        int es = p.sink.start(n), ee = p.sink.end(n);
        if (p.sink.kind(n) == CLASS_EXPRESSION) {
            // where TypeScript's checker puts its TS2364 (getErrorSpanForNode): at the class's name, else its first token
            int c = p.sink.firstChild(n);
            while (c >= 0 && p.sink.kind(c) == DECORATOR) c = p.sink.nextSibling(c);
            if (c >= 0 && p.sink.kind(c) == BINDING_IDENTIFIER) { es = p.sink.start(c); ee = p.sink.end(c); }
            else ee = es + (p.src[es] == '@' ? 1 : 5);
        }
        p.error(es, ee, top ? Diag.INVALID_ASSIGNMENT_TARGET : Diag.INVALID_DESTRUCTURING_TARGET, 0);
    }

    private static void convertArray(ParseContext p, int n, boolean binding) {
        if (!p.enter()) { p.exit(); return; }
        p.sink.setKind(n, ARRAY_PATTERN);
        int flags = p.sink.data(n);
        p.sink.setData(n, 0);
        for (int c = p.sink.firstChild(n); c >= 0; c = p.sink.nextSibling(c)) {
            int ck = p.sink.kind(c);
            if (ck == ELISION) continue;
            if (ck == SPREAD) {
                p.sink.setKind(c, REST_ELEMENT);
                if (p.sink.nextSibling(c) >= 0 || (flags & 1) != 0) p.error(p.sink.start(c), p.sink.end(c), Diag.REST_MUST_BE_LAST, 0);
                int arg = p.sink.firstChild(c);
                if (arg >= 0) {
                    if (p.sink.kind(arg) == ASSIGNMENT) p.error(p.sink.start(arg), p.sink.end(arg), Diag.REST_WITH_INITIALIZER, 0);
                    if (binding) toBindingTarget(p, arg); else toAssignmentTarget(p, arg, false);
                }
                continue;
            }
            if (binding) toBindingTarget(p, c); else toAssignmentTarget(p, c, false);
        }
        p.exit();
    }

    private static void convertObject(ParseContext p, int n, boolean binding) {
        if (!p.enter()) { p.exit(); return; }
        p.sink.setKind(n, OBJECT_PATTERN);
        boolean commaAfterRest = p.sink.data(n) == 1;
        p.sink.setData(n, 0);
        for (int c = p.sink.firstChild(n); c >= 0; c = p.sink.nextSibling(c)) {
            int ck = p.sink.kind(c);
            if (ck == SPREAD) {
                p.sink.setKind(c, REST_ELEMENT);
                if (p.sink.nextSibling(c) >= 0 || commaAfterRest) p.error(p.sink.start(c), p.sink.end(c), Diag.REST_MUST_BE_LAST, 0);
                int arg = p.sink.firstChild(c);
                if (arg >= 0) {
                    int ak = p.sink.kind(arg);
                    // an assignment's rest may be a parenthesised simple target (`({...(a)} = b)`), a binding's not
                    if (binding ? ak != IDENTIFIER_REFERENCE : !(ak == IDENTIFIER_REFERENCE || ak == MEMBER || ak == PARENTHESIZED)) {
                        p.error(p.sink.start(arg), p.sink.end(arg), Diag.INVALID_DESTRUCTURING_TARGET, 0);
                    } else if (binding) {
                        toBindingTarget(p, arg);
                    } else {
                        toAssignmentTarget(p, arg, false);
                    }
                }
                continue;
            }
            if (ck != PROPERTY) continue;
            int flags = p.sink.data(c);
            if ((flags & (P_METHOD | P_GET | P_SET)) != 0) {
                p.error(p.sink.start(c), p.sink.end(c), Diag.INVALID_DESTRUCTURING_TARGET, 0);
                continue;
            }
            int key = p.sink.firstChild(c);
            int value = key < 0 ? -1 : p.sink.nextSibling(key);
            if (value < 0) continue;
            if (binding) toBindingTarget(p, value); else toAssignmentTarget(p, value, false);
        }
        p.exit();
    }
}
