package dev.arenals.parser;

import static dev.arenals.parser.ClassGrammar.*;
import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.FunctionGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.PatternGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Lexer;
import dev.arenals.parser.lexer.Token;

/** Templates, array literals and object literals. */
final class LiteralGrammar {
    private LiteralGrammar() {}

    // ------------------------------------------------------------------ templates

    /** TemplateLiteral : NoSubstitutionTemplate | TemplateHead Expression (TemplateMiddle Expression)* TemplateTail */
    static void parseTemplate(ParseContext p, boolean tagged) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        templateElement(p, tagged);
        if (p.tok == NO_SUBST_TEMPLATE) {
            p.next();
            p.sink.finish(TEMPLATE, m, s, p.lastEnd, 0);
            return;
        }
        p.next(); // head
        int saved = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        while (true) {
            if (p.tok == RBRACE) {
                p.missingExpression();
            } else {
                parseExpression(p);
            }
            if (p.tok != RBRACE) {
                p.errorExpected(RBRACE);
                break;
            }
            p.tok = p.lexer.reScanTemplateContinuation();
            templateElement(p, tagged);
            boolean tail = p.tok != TEMPLATE_MIDDLE;
            p.next();
            if (tail) break;
        }
        p.ctx = saved;
        p.sink.finish(TEMPLATE, m, s, p.lastEnd, 0);
    }

    static void templateElement(ParseContext p, boolean tagged) {
        boolean invalid = (p.lexer.flags & Lexer.F_INVALID_ESCAPE) != 0;
        if (invalid && !tagged) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.INVALID_OCTAL_TEMPLATE, 0);
        p.leaf(TEMPLATE_ELEMENT, p.lexer.tokenStart, p.lexer.tokenEnd, invalid ? 1 : 0);
    }

    // ------------------------------------------------------------------ array and object literals

    /** ArrayLiteral : [ (AssignmentExpression | ... AssignmentExpression | Elision),* ] */
    static void parseArrayLiteral(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        int saved = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        int flags = 0;
        while (p.tok != RBRACKET && p.tok != EOF) {
            int es = p.lexer.tokenStart;
            if (p.tok == COMMA) {
                p.next();
                p.leaf(ELISION, es, es, 0);
                continue;
            }
            boolean spread = false;
            if (p.tok == ELLIPSIS) {
                int sm = p.sink.mark();
                p.next();
                parseAssignmentCover(p);
                p.sink.finish(SPREAD, sm, es, p.lastEnd, 0);
                spread = true;
            } else if (startsExpression(p.tok)) {
                parseAssignmentCover(p);
            } else {
                p.error(es, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
                if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RPAREN) break;
                p.next();
                p.errorNode(es, p.lastEnd);
            }
            if (p.tok != RBRACKET) {
                if (p.eat(COMMA)) {
                    if (spread && p.tok == RBRACKET) flags = 1;
                    if (spread) flags |= 2; // spread not last
                } else {
                    p.errorExpected(COMMA);
                    if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RPAREN || !startsExpression(p.tok)) break;
                }
            }
        }
        p.ctx = saved;
        p.expect(RBRACKET);
        p.sink.finish(ARRAY, m, s, p.lastEnd, flags);
    }

    /** ObjectLiteral : { (PropertyDefinition ,)* }   (PropertyDefinition : IdentifierReference [= cover init] | PropertyName : AssignmentExpression | MethodDefinition | ... AssignmentExpression) */
    static void parseObjectLiteral(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        int saved = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        int protoCount = 0;
        int objFlags = 0;
        while (p.tok != RBRACE && p.tok != EOF) {
            int ps = p.lexer.tokenStart;
            int pm = p.sink.mark();
            if (p.tok == ELLIPSIS) {
                p.next();
                parseAssignmentCover(p);
                p.sink.finish(SPREAD, pm, ps, p.lastEnd, 0);
                if (p.tok == COMMA) objFlags = 1; // a comma after a spread: not valid once it becomes a rest
            } else {
                objFlags = 0;
                int fnFlags = 0;
                int flags = 0;
                int asyncStart = -1;
                if (p.atContextual(K_ASYNC)) {
                    int pk = p.peek();
                    if (p.peekNewline == 0 && (isClassMemberNameStart(p, pk) || pk == STAR) && pk != LPAREN && pk != COLON
                            && pk != COMMA && pk != RBRACE && pk != ASSIGN) {
                        asyncStart = p.lexer.tokenStart;
                        p.next();
                        fnFlags |= F_ASYNC;
                    }
                }
                if (p.tok == STAR) { p.next(); fnFlags |= F_GENERATOR; }
                if ((fnFlags == 0 || fnFlags == F_ASYNC) && (p.atContextual(K_GET) || p.atContextual(K_SET))) {
                    int pk = p.peek();
                    if (isClassMemberNameStart(p, pk) && pk != LPAREN && pk != COLON && pk != COMMA && pk != RBRACE && pk != ASSIGN) {
                        flags |= p.tok == K_GET ? P_GET : P_SET;
                        p.next();
                    }
                }
                int keyTok = p.tok, keyFlags = p.lexer.flags, keyStart = p.lexer.tokenStart, keyEnd = p.lexer.tokenEnd;
                if (p.tok == PRIVATE_NAME) p.error(keyStart, keyEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
                int kf = parsePropertyKey(p);
                if (kf < 0) {
                    if (p.tok == SEMICOLON || p.tok == RPAREN || p.tok == RBRACKET) { p.sink.truncate(pm); break; }
                    if (p.tok != COMMA) p.next();
                    p.sink.finish(INVALID, pm, ps, p.lastEnd, 0);
                    if (p.tok == COMMA) p.next();
                    continue;
                }
                flags |= kf;
                int key = p.sink.pending(p.sink.mark() - 1);
                if (p.ts && p.tok == QUESTION) { p.next(); flags |= P_OPTIONAL; }
                // `{ async a: 1 }`, `{ async get a() {} }`: `async` is a modifier to TypeScript's parser wherever a name
                // follows it on its line; before no `(` its checker says TS1042 where the object stays an expression
                // (the grammar checks: `({ async a } = y)` is a valid pattern to it). ECMAScript has no such property
                if (fnFlags == F_ASYNC && (p.tok != LPAREN && !(p.ts && p.tok == LT) || (flags & (P_GET | P_SET)) != 0)) {
                    fnFlags = 0;
                    if (p.ts) flags |= MOD_MISPLACED;
                    else p.checkerLevelError(asyncStart, asyncStart + 5, Diag.MODIFIER_NOT_HERE, K_ASYNC);
                }
                if (p.tok == LPAREN || (p.ts && p.tok == LT) || fnFlags != 0 || (flags & (P_GET | P_SET)) != 0) {
                    int fm = p.sink.mark();
                    int fn = parseFunctionRest(p, fnFlags, CTX_METHOD_LIKE | CTX_SUPER_PROP, p.lexer.tokenStart, fm, FUNCTION_EXPRESSION);
                    checkAccessorParams(p, flags, fn, p.sink.start(key), p.sink.end(key), true);
                    p.sink.finish(PROPERTY, pm, ps, p.lastEnd, flags | ((flags & (P_GET | P_SET)) == 0 ? P_METHOD : 0));
                } else if (p.tok == COLON) {
                    p.next();
                    if ((kf & P_COMPUTED) == 0 && isNamed(p, key, p.nameProto)) {
                        if (++protoCount > 1) noteCover(p, keyStart, true);
                    }
                    parseAssignmentCover(p);
                    p.sink.finish(PROPERTY, pm, ps, p.lastEnd, flags);
                } else if (Token.isIdentifierName(keyTok) && (kf & P_COMPUTED) == 0 && keyTok != STRING) {
                    // shorthand: the name is also a reference
                    checkIdentifierReference(p, keyTok, keyFlags, keyStart, keyEnd, false);
                    // TypeScript's parseObjectLiteralElement takes a shorthand only where isIdentifier holds: not
                    // `await` in an await context, nor `yield` in a generator, where `:` is missing (ambient code too)
                    if (p.ts && (keyFlags & Lexer.F_ESCAPED) == 0 && ((keyTok == K_AWAIT && (p.ctx & CTX_AWAIT) != 0)
                            || (keyTok == K_YIELD && (p.ctx & CTX_YIELD) != 0))) {
                        p.errorExpected(COLON);
                    }
                    int vm = p.sink.mark();
                    p.leaf(IDENTIFIER_REFERENCE, keyStart, keyEnd, p.sink.data(key));
                    if (p.tok == ASSIGN) {
                        noteCover(p, p.lexer.tokenStart, false);
                        int op = p.tok;
                        p.next();
                        parseAssignment(p);
                        p.sink.finish(ASSIGNMENT, vm, keyStart, p.lastEnd, op);
                    }
                    p.sink.finish(PROPERTY, pm, ps, p.lastEnd, flags | P_SHORTHAND);
                } else {
                    p.errorExpected(COLON);
                    p.sink.finish(PROPERTY, pm, ps, p.lastEnd, flags);
                }
            }
            if (p.tok != RBRACE) {
                if (!p.eat(COMMA)) {
                    p.errorExpected(COMMA);
                    if (p.tok == SEMICOLON || p.tok == RPAREN || p.tok == RBRACKET || !(Token.isIdentifierName(p.tok)
                            || p.tok == STRING || p.tok == NUMBER || p.tok == LBRACKET || p.tok == ELLIPSIS || p.tok == STAR)) break;
                }
            }
        }
        p.ctx = saved;
        p.expect(RBRACE);
        p.sink.finish(OBJECT, m, s, p.lastEnd, objFlags);
    }
}
