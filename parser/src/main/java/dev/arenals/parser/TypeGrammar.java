package dev.arenals.parser;

import static dev.arenals.parser.ClassGrammar.*;
import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.FunctionGrammar.*;
import static dev.arenals.parser.LiteralGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Token;

/**
 * TypeScript types: unions, intersections, conditional, function and constructor types, type
 * operators, postfix and array types, mapped and tuple types, type literals and their members,
 * type parameters and type arguments (in expressions, tried speculatively).
 */
final class TypeGrammar {
    private TypeGrammar() {}

    // ================================================================== TypeScript: types

    /**
     * TypeAnnotation : [: Type]
     * `: Type` when present (TypeScript only). Returns true when a type was parsed.
     */
    static boolean parseTypeAnnotationOpt(ParseContext p) {
        if (p.ts && p.tok == COLON) {
            p.next();
            parseType(p);
            return true;
        }
        return false;
    }

    /** Type : FunctionType | ConstructorType | UnionType [extends Type ? Type : Type] */
    /**
     * A type alias's type: `intrinsic` not followed by `.` is the whole type there (TypeScript's
     * parseTypeAliasDeclaration takes the keyword alone: `type T = intrinsic | U` wants a `;`).
     */
    static void parseTypeAliasType(ParseContext p) {
        if (p.tok == IDENTIFIER && p.lexer.tokenEnd - p.lexer.tokenStart == 9 && !p.escaped() && textIs(p, p.lexer.tokenStart, "intrinsic")
                && p.peek() != DOT) {
            int s = p.lexer.tokenStart;
            int m = p.sink.mark();
            parseEntityName(p, false);
            p.sink.finish(TYPE_REFERENCE, m, s, p.lastEnd, 0);
            return;
        }
        parseType(p);
    }

    static void parseType(ParseContext p) {
        if (!p.enter()) { p.exit(); p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart); return; }
        int savedCtx = p.ctx;
        p.ctx = savedCtx | CTX_IN_TYPE;
        try {
            boolean saved = p.disallowConditional;
            p.disallowConditional = false;
            parseTypeWorker(p);
            p.disallowConditional = saved;
        } finally {
            p.ctx = savedCtx;
            p.exit();
        }
    }

    /** Type without a conditional type at its top (the check type of one) */
    private static void parseTypeNoConditional(ParseContext p) {
        boolean saved = p.disallowConditional;
        p.disallowConditional = true;
        if (!p.enter()) { p.exit(); p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart); p.disallowConditional = saved; return; }
        parseTypeWorker(p);
        p.exit();
        p.disallowConditional = saved;
    }

    /** Type : FunctionType | ConstructorType | UnionType [extends Type ? Type : Type] */
    private static void parseTypeWorker(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (isStartOfFunctionOrConstructorType(p)) {
            parseFunctionOrConstructorType(p);
            return;
        }
        parseUnionType(p);
        if (!p.disallowConditional && p.tok == K_EXTENDS && !p.lexer.newlineBefore) {
            p.next();
            parseTypeNoConditional(p);
            p.expect(QUESTION);
            parseType(p);
            p.expect(COLON);
            parseType(p);
            p.sink.finish(CONDITIONAL_TYPE, m, s, p.lastEnd, 0);
        }
    }

    private static boolean isStartOfFunctionOrConstructorType(ParseContext p) {
        if (p.tok == LT) return true;
        if (p.tok == K_NEW) return true;
        if (p.atContextual(K_ABSTRACT) && p.peek() == K_NEW) return true;
        if (p.tok == LPAREN) return isStartOfParenthesizedFunctionType(p);
        return false;
    }

    /** `(` starts a function type when followed by `)` or `...`, or by a parameter and then `:` `,` `?` `=` or `) =>`. */
    private static boolean isStartOfParenthesizedFunctionType(ParseContext p) {
        p.lookaheadBegin();
        boolean result = false;
        int k = p.lexer.next();
        if (k == RPAREN || k == ELLIPSIS) {
            result = true;
        } else if (skipParameterStart(p, k)) {
            int k2 = p.lexer.token;
            if (k2 == COLON || k2 == COMMA || k2 == QUESTION || k2 == ASSIGN) result = true;
            else if (k2 == RPAREN) result = p.lexer.next() == ARROW;
        }
        p.lookaheadEnd();
        return result;
    }

    /** Skips a parameter name or a balanced binding pattern in raw lexer terms; leaves the lexer on the next token. */
    private static boolean skipParameterStart(ParseContext p, int k) {
        // modifiers first, as TypeScript's skipParameterStart does: `(readonly x, y) => z`
        while (isParameterModifierWord(k)) {
            int next = p.lexer.next();
            if (!(Token.isIdentifierLike(next) || next == K_THIS || next == LBRACKET || next == LBRACE)) return true; // the word was the name
            k = next;
        }
        if (Token.isIdentifierLike(k) || k == K_THIS) {
            // modifiers such as `public x` also start a parameter
            p.lexer.next();
            return true;
        }
        if (k == LBRACKET || k == LBRACE) {
            // TypeScript parses a binding pattern there and asks whether that reported an error: what is
            // surely none (`{[k]}`) is no parameter; anything else is stepped over as balanced tokens
            p.lookaheadBegin();
            boolean notAPattern = surelyNoBindingPattern(p, k, 2_000) == NOT_A_PATTERN;
            p.lookaheadEnd();
            return !notAPattern && skipBalanced(p, 2_000) >= 0;
        }
        return false;
    }

    private static final int NOT_A_PATTERN = -2;

    /**
     * Reads a binding pattern as TypeScript's parseIdentifierOrPattern does as far as that is sure, from
     * {@code k} (`[` or `{`): {@link #NOT_A_PATTERN} where that parse reports an error (no property name or
     * target, a computed, string, numeric or reserved-word key without its `: target`, no `,`); -1 when
     * unsure (an initializer: its expression is not read here) or out of budget;
     * else the token budget left, with the lexer after the pattern.
     */
    private static int surelyNoBindingPattern(ParseContext p, int k, int budget) {
        boolean object = k == LBRACE;
        int close = object ? RBRACE : RBRACKET;
        int t = p.lexer.next();
        while (true) {
            if (--budget < 0 || t == EOF) return -1;
            if (t == close) { p.lexer.next(); return budget; }
            if (!object && t == COMMA) { t = p.lexer.next(); continue; } // a hole
            boolean rest = t == ELLIPSIS;
            if (rest) t = p.lexer.next();
            if (object && !rest) {
                boolean shorthand = Token.isIdentifierLike(t);
                if (t == LBRACKET) {
                    budget = skipBalanced(p, budget);
                    if (budget < 0) return -1;
                } else if (shorthand || Token.isReserved(t) || t == STRING || t == NUMBER || t == BIGINT || t == PRIVATE_NAME) {
                    p.lexer.next();
                } else {
                    return NOT_A_PATTERN; // no property name (`{+readonly [K in T]: U}` is a mapped type)
                }
                t = p.lexer.token;
                if (t == COLON) {
                    budget = bindingTarget(p, p.lexer.next(), budget);
                    if (budget < 0) return budget;
                } else if (!shorthand) {
                    return NOT_A_PATTERN;
                }
            } else {
                budget = bindingTarget(p, t, budget);
                if (budget < 0) return budget;
            }
            t = p.lexer.token;
            if (t == COMMA) t = p.lexer.next();
            else if (t != close) return t == ASSIGN ? -1 : NOT_A_PATTERN; // an initializer's expression is not read here: unsure
        }
    }

    /** A binding element's target: a name or a nested pattern. */
    private static int bindingTarget(ParseContext p, int t, int budget) {
        if (Token.isIdentifierLike(t)) { p.lexer.next(); return budget; }
        if (t == LBRACKET || t == LBRACE) return surelyNoBindingPattern(p, t, budget - 1);
        return NOT_A_PATTERN; // TypeScript's parseBindingIdentifier reports it
    }

    /** Skips the balanced group that opens at the current token; the lexer ends after its closer. */
    private static int skipBalanced(ParseContext p, int budget) {
        int depth = 0;
        while (true) {
            int c = p.lexer.token;
            if (c == LBRACKET || c == LBRACE || c == LPAREN) depth++;
            else if (c == RBRACKET || c == RBRACE || c == RPAREN) depth--;
            if (c == EOF || --budget < 0) return -1;
            p.lexer.next();
            if (depth == 0) return budget;
        }
    }

    private static boolean isParameterModifierWord(int k) {
        switch (k) {
            case K_PUBLIC: case K_PRIVATE: case K_PROTECTED: case K_READONLY: case K_OVERRIDE: case K_STATIC: case K_DECLARE:
            case K_ABSTRACT: case K_ACCESSOR: case K_ASYNC: case K_OUT: case K_EXPORT: case K_CONST: case K_DEFAULT: case K_IN:
                return true;
            default:
                return false;
        }
    }

    /** FunctionType : [TypeParameters] ( Parameters ) => ReturnType  |  ConstructorType : [abstract] new ... */
    private static void parseFunctionOrConstructorType(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        int kind = FUNCTION_TYPE;
        int flags = 0;
        if (p.atContextual(K_ABSTRACT)) { p.next(); flags = MOD_ABSTRACT; }
        if (p.tok == K_NEW) { p.next(); kind = CONSTRUCTOR_TYPE; }
        if (p.tok == LT) parseTypeParameters(p);
        int saved = p.ctx;
        p.ctx |= CTX_NEW_TARGET; // TypeScript's checker looks at no `new.target` in a signature's parameters
        int diagnosticsBefore = p.log.diagnosticCount();
        parseFormalParameters(p);
        p.log.dropDiagnostics(diagnosticsBefore, Diag.PRIVATE_NAME_AS_BINDING_KEY); // nor at their patterns' keys
        p.ctx = saved;
        // TypeScript's shouldParseReturnType: the return type is parsed whether `=>` is there or not, so the
        // recovery of `f << T < U > …` (a generic function type in type arguments) ends where TypeScript's does
        p.expect(ARROW);
        parseReturnType(p);
        p.sink.finish(kind, m, s, p.lastEnd, flags);
    }

    /**
     * ReturnType : Type | TypePredicate   (TypePredicate : [asserts] (Identifier | this) [is Type])
     * A return type: a type, or a type predicate `x is T`, `asserts x [is T]`, `this is T`.
     */
    static void parseReturnType(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        // `x is T` first, as TypeScript's parseTypeOrTypePredicate asks: `asserts is T` names a parameter `asserts`
        if ((Token.isIdentifierLike(p.tok) || p.tok == K_THIS)) {
            int pk = p.peek();
            if (pk == K_IS && p.peekNewline == 0) {
                parsePredicateSubject(p);
                p.next(); // is
                parseType(p);
                p.sink.finish(TYPE_PREDICATE, m, s, p.lastEnd, 0);
                return;
            }
        }
        if (p.atContextual(K_ASSERTS)) {
            int pk = p.peek();
            if (Token.isIdentifierName(pk) && p.peekNewline == 0) {
                parseAssertsPredicate(p, m, s);
                return;
            }
        }
        parseType(p);
    }

    private static void parsePredicateSubject(ParseContext p) {
        int s = p.lexer.tokenStart;
        if (p.tok == K_THIS) {
            p.next();
            p.leaf(THIS_TYPE, s, p.lastEnd, 0);
        } else if (Token.isReserved(p.tok)) {
            // TypeScript's parseIdentifier: the reserved word is reported and left where it stands (`asserts extends X ? A : B`)
            p.error(s, p.lexer.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, p.tok);
            p.errorNode(s, s);
        } else {
            // a name to TypeScript's binder (checkStrictModeIdentifier: `m(): asserts package` is TS1213 in a class)
            p.checkStrictReservedName(s, p.lexer.tokenEnd);
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(IDENTIFIER_NAME, s, p.lastEnd, id);
        }
    }

    /** UnionType : [|] IntersectionType (| IntersectionType)* */
    private static void parseUnionType(ParseContext p) { parseTypeList(p, BAR, UNION_TYPE); }

    /** IntersectionType : [&] TypeOperator (& TypeOperator)* */
    private static void parseIntersectionType(ParseContext p) { parseTypeList(p, AMP, INTERSECTION_TYPE); }

    /**
     * UnionType or IntersectionType, by separator
     * `A | B | C` (or `&`), with an optional leading separator; one operand stays unwrapped.
     */
    private static void parseTypeList(ParseContext p, int separator, int kind) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        boolean leading = p.eat(separator);
        if (!leading || !functionTypeToError(p, separator)) parseTypeListOperand(p, separator);
        boolean any = false;
        while (p.eat(separator)) {
            if (!functionTypeToError(p, separator)) parseTypeListOperand(p, separator);
            any = true;
        }
        if (any || leading) p.sink.finish(kind, m, s, p.lastEnd, 0);
    }

    /**
     * After `|` or `&`: a function or constructor type there is parsed whole, with the error that it wants
     * parentheses (TypeScript's parseFunctionOrConstructorTypeToError, the error over the type from its full
     * start), so `A | new`↵`() => B` is one type, not a type and an arrow.
     */
    private static boolean functionTypeToError(ParseContext p, int separator) {
        if (!isStartOfFunctionOrConstructorType(p)) return false;
        int fullStart = p.lastEnd;
        parseFunctionOrConstructorType(p);
        boolean constructor = p.sink.kind(p.sink.pending(p.sink.mark() - 1)) == CONSTRUCTOR_TYPE;
        Diag d = separator == BAR
                ? (constructor ? Diag.CONSTRUCTOR_TYPE_IN_UNION : Diag.FUNCTION_TYPE_IN_UNION)
                : (constructor ? Diag.CONSTRUCTOR_TYPE_IN_INTERSECTION : Diag.FUNCTION_TYPE_IN_INTERSECTION);
        p.error(fullStart, p.lastEnd, d, 0);
        return true;
    }

    private static void parseTypeListOperand(ParseContext p, int separator) {
        if (separator == BAR) parseIntersectionType(p); else parseTypeOperator(p);
    }

    /** TypeOperator : (keyof | unique | readonly) TypeOperator | infer Identifier [extends Type] | PostfixType */
    private static void parseTypeOperator(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if ((p.atContextual(K_KEYOF) || p.atContextual(K_UNIQUE) || p.atContextual(K_READONLY))) {
            // always an operator, as in TypeScript's parser: `keyof` alone is no type name (`T<keyof>` wants a type)
            int op = p.tok;
            p.next();
            if (!p.enter()) { p.exit(); p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart); p.sink.finish(TYPE_OPERATOR, m, s, p.lastEnd, op); return; }
            parseTypeOperator(p);
            p.exit();
            p.sink.finish(TYPE_OPERATOR, m, s, p.lastEnd, op);
            return;
        }
        if (p.atContextual(K_INFER)) {
            int pk = p.peek();
            if (!Token.isIdentifierLike(pk) && !Token.isReserved(pk)) {
                // `infer` always declares a type parameter (TypeScript's parser): its name is missing
                p.next();
                int pm = p.sink.mark();
                p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                p.errorNode(p.lastEnd, p.lastEnd);
                p.sink.finish(TYPE_PARAMETER, pm, p.lastEnd, p.lastEnd, 0);
                p.sink.finish(INFER_TYPE, m, s, p.lastEnd, 0);
                return;
            }
            if (Token.isIdentifierLike(pk) || Token.isReserved(pk)) {
                p.next();
                int ps = p.lexer.tokenStart;
                int pm = p.sink.mark();
                parseBindingIdentifierAnyWord(p);
                int flags = 0;
                if (p.tok == K_EXTENDS) {
                    // `infer U extends X ? a : b` — the constraint only when it is not a conditional's extends
                    int d = p.speculate();
                    if (d >= 0) {
                        p.next();
                        parseTypeNoConditional(p);
                        if (p.specFailed(d) || (!p.disallowConditional && p.tok == QUESTION)) p.rollback(d);
                        else { p.commit(d); flags = TP_CONSTRAINT; }
                    }
                }
                p.sink.finish(TYPE_PARAMETER, pm, ps, p.lastEnd, flags);
                p.sink.finish(INFER_TYPE, m, s, p.lastEnd, 0);
                return;
            }
        }
        parsePostfixType(p);
    }

    /** PostfixType : NonArrayType ([ ] | [ Type ])*   (no line break before [) */
    private static void parsePostfixType(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        parseNonArrayType(p);
        while (!p.lexer.newlineBefore) {
            if (p.tok == LBRACKET) {
                p.next();
                if (p.tok == RBRACKET) {
                    p.next();
                    p.sink.finish(ARRAY_TYPE, m, s, p.lastEnd, 0);
                } else if (p.tok == LPAREN && !parenthesisStartsType(p)) {
                    // TypeScript reads an array type when no type starts after `[` (isStartOfType): `T[(with)]`
                    p.errorExpected(RBRACKET);
                    p.sink.finish(ARRAY_TYPE, m, s, p.lastEnd, 0);
                    break;
                } else {
                    typeExpectedInList(p);
                    parseType(p);
                    p.expect(RBRACKET);
                    p.sink.finish(INDEXED_ACCESS_TYPE, m, s, p.lastEnd, 0);
                }
            } else if (p.tok == BANG) { // JSDoc's non-nullable postfix, as TypeScript's parser takes it (TS17019)
                p.next();
                p.sink.finish(OPTIONAL_TYPE, m, s, p.lastEnd, OPT_JSDOC_NON_NULLABLE);
            } else if (p.tok == QUESTION && isPostfixQuestion(p, s)) {
                p.next();
                p.sink.finish(OPTIONAL_TYPE, m, s, p.lastEnd, OPT_JSDOC_NULLABLE);
            } else {
                break;
            }
        }
    }

    /**
     * TypeScript's parsePostfixTypeOrHigher: a `?` after a type is JSDoc's nullable postfix unless a type follows it
     * (then it is a conditional type's, or a conditional expression's after `as T`), and, at the end of a tuple
     * element's type, the element's optional mark. Asked with a superset of its isStartOfType (`(a` starts a type
     * here), so a `?` it reads as a conditional's is never taken.
     */
    private static boolean isPostfixQuestion(ParseContext p, int typeStart) {
        int k = p.peek();
        if (k == MINUS) { // a type only before a number (`x as T ? -1 : 0`; `x as T ? -a : b` is an error)
            int k2 = p.peek2();
            if (k2 == NUMBER || k2 == BIGINT) return false;
        } else if (startsType(k) || k == BANG || k == K_FUNCTION) {
            return false;
        }
        return typeStart != p.tupleElementStart || (k != COMMA && k != RBRACKET);
    }

    /** PrimaryType : TypeReference | keyword | literal | ( Type ) | TupleType | TypeLiteral | MappedType | typeof EntityName | ImportType | TemplateLiteralType | this */
    private static void parseNonArrayType(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        switch (p.tok) {
            case K_VOID: case K_NULL:
                p.next();
                p.leaf(KEYWORD_TYPE, s, p.lastEnd, t0(p));
                return;
            case K_THIS: {
                p.next();
                p.leaf(THIS_TYPE, s, p.lastEnd, 0);
                // `this is T` anywhere a type stands, as TypeScript's parser takes it (its checker: TS1228 off a return type)
                if (p.atContextual(K_IS) && !p.lexer.newlineBefore) {
                    p.next();
                    parseType(p);
                    p.sink.finish(TYPE_PREDICATE, m, s, p.lastEnd, 0);
                }
                return;
            }
            case STRING: case NUMBER: case BIGINT: case K_TRUE: case K_FALSE: {
                parsePrimary(p);
                p.sink.finish(LITERAL_TYPE, m, s, p.lastEnd, 0);
                return;
            }
            case MINUS: {
                int pk = p.peek();
                if (pk == NUMBER || pk == BIGINT) {
                    // `-1` alone: a following `[]` makes an array type (`-1[]`), not an element access
                    int um = p.sink.mark();
                    p.next();
                    parsePrimary(p);
                    p.sink.finish(UNARY, um, s, p.lastEnd, MINUS);
                    p.sink.finish(LITERAL_TYPE, m, s, p.lastEnd, 0);
                    return;
                }
                break;
            }
            case NO_SUBST_TEMPLATE: {
                templateElement(p, true);
                p.next();
                p.sink.finish(TEMPLATE_LITERAL_TYPE, m, s, p.lastEnd, 0);
                return;
            }
            case TEMPLATE_HEAD: {
                templateElement(p, true);
                p.next();
                while (true) {
                    parseType(p);
                    if (p.tok != RBRACE) { p.errorExpected(RBRACE); break; }
                    p.tok = p.lexer.reScanTemplateContinuation();
                    templateElement(p, true);
                    boolean tail = p.tok != TEMPLATE_MIDDLE;
                    p.next();
                    if (tail) break;
                }
                p.sink.finish(TEMPLATE_LITERAL_TYPE, m, s, p.lastEnd, 0);
                return;
            }
            case K_TYPEOF: {
                p.next();
                if (p.tok == K_IMPORT) {
                    parseImportType(p, 1);
                } else {
                    parseEntityName(p, true);
                }
                if (p.tok == LT && !p.lexer.newlineBefore && !p.atTsxLessThanSlash()) parseTypeArguments(p);
                p.sink.finish(TYPE_QUERY, m, s, p.lastEnd, 0);
                return;
            }
            case K_IMPORT:
                parseImportType(p, 0);
                return;
            case LBRACE:
                if (isStartOfMappedType(p)) parseMappedType(p); else parseTypeLiteral(p);
                return;
            case LBRACKET:
                parseTupleType(p);
                return;
            case LPAREN: {
                p.next();
                parseType(p);
                p.expect(RPAREN);
                p.sink.finish(PARENTHESIZED_TYPE, m, s, p.lastEnd, 0);
                return;
            }
            case STAR: case QUESTION:
                // JSDoc all-type / unknown-type
                p.next();
                p.leaf(KEYWORD_TYPE, s, p.lastEnd, ANY_TOKEN);
                return;
            default:
                break;
        }
        if (p.atContextual(K_ASSERTS)) {
            int pk = p.peek();
            // TypeScript's nextTokenIsIdentifierOrKeywordOnSameLine: any word, a reserved one too (`asserts extends`)
            if (p.peekNewline == 0 && Token.isIdentifierName(pk)) {
                // `asserts x [is T]` anywhere a type stands, as TypeScript's parseNonArrayType takes it (its checker:
                // TS1228 off a return type), so `[k in asserts as T]` has no `as` clause
                parseAssertsPredicate(p, m, s);
                return;
            }
        }
        if (p.atContextual(K_ANY) || p.atContextual(K_UNKNOWN) || p.atContextual(K_NEVER)) {
            int k = p.tok;
            int pk = p.peek();
            if (pk != DOT) {
                p.next();
                p.leaf(KEYWORD_TYPE, s, p.lastEnd, k);
                return;
            }
        }
        if (Token.isIdentifierLike(p.tok) || (Token.isReserved(p.tok) && p.tok != K_VOID) || p.tok == DOT) {
            parseEntityName(p, false);
            if ((p.tok == LT || p.tok == SHL) && !p.lexer.newlineBefore && !isKeywordTypeName(p, s, p.lastEnd)
                    && !(p.tok == LT && p.atTsxLessThanSlash())) {
                parseTypeArguments(p);
            }
            p.sink.finish(TYPE_REFERENCE, m, s, p.lastEnd, 0);
            return;
        }
        p.error(s, p.lexer.tokenEnd, Diag.TYPE_EXPECTED, 0);
        p.errorNode(s, s);
        if (p.tok == LT && !p.lexer.newlineBefore && !p.atTsxLessThanSlash()) {
            // TypeScript's parseNonArrayType reads anything else as a type reference, whose name is missing here and
            // whose type arguments follow (`readonly <T>`): so `f<readonly <T>>(x)` keeps its type arguments, with the error
            parseTypeArguments(p);
            p.sink.finish(TYPE_REFERENCE, m, s, p.lastEnd, 0);
        }
    }

    private static final int ANY_TOKEN = K_ANY;

    /**
     * Whether [s, e) is one of the words TypeScript parses as a keyword type when no `.` follows
     * (parseKeywordAndNoDot): such a type takes no type arguments, so `x as undefined<g>(y)` compares.
     */
    private static boolean isKeywordTypeName(ParseContext p, int s, int e) {
        switch (e - s) {
            case 6: return textIs(p, s, "string") || textIs(p, s, "number") || textIs(p, s, "bigint") || textIs(p, s, "symbol")
                    || textIs(p, s, "object");
            case 7: return textIs(p, s, "boolean");
            case 9: return textIs(p, s, "undefined");
            default: return false;
        }
    }

    private static boolean textIs(ParseContext p, int s, String word) {
        for (int i = 0; i < word.length(); i++) if (p.src[s + i] != word.charAt(i)) return false;
        return true;
    }

    /**
     * Where TypeScript asks isStartOfType before a type (an element of type arguments, an index), a reserved
     * word is no type, though a type reference elsewhere takes one: the error, the word then read as a type.
     */
    private static void typeExpectedInList(ParseContext p) {
        if (Token.isReserved(p.tok) && !startsType(p.tok) && p.tok != K_FUNCTION) {
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TYPE_EXPECTED, 0);
        }
    }

    /**
     * TypeScript's isStartOfType at `(` (isStartOfParenthesizedOrFunctionType): `)`, or what starts a parameter or a
     * type follows — not a reserved word such as `with` (which parseType itself would take for a type's name).
     * A second `(` is taken as a start without looking further.
     */
    private static boolean parenthesisStartsType(ParseContext p) {
        int k = p.peek();
        if (k == MINUS) {
            int k2 = p.peek2();
            return k2 == NUMBER || k2 == BIGINT;
        }
        return k == RPAREN || k == AT || k == BANG || k == K_FUNCTION || startsType(k);
    }

    private static int t0(ParseContext p) { return p.tok == K_VOID ? K_VOID : K_NULL; }

    /**
     * EntityName : Identifier (. IdentifierName)*
     * a.b.c as IDENTIFIER_REFERENCE / QUALIFIED_NAME; `this` allowed first when {@code allowThis}.
     */
    private static void parseEntityName(ParseContext p, boolean typeQuery) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (p.tok == K_THIS) {
            p.next();
            p.leaf(THIS, s, p.lastEnd, 0);
        } else if (Token.isIdentifierName(p.tok)) {
            // TypeScript's parseEntityNameOfTypeReference takes any word (`let a: while`, `x as const.n`): the
            // lists that ask isStartOfType first (type arguments, tuples, an index) report it (typeExpectedInList)
            if (!Token.isReserved(p.tok)) p.checkStrictReservedName(s, p.lexer.tokenEnd);
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(IDENTIFIER_REFERENCE, s, p.lastEnd, id);
        } else {
            p.error(s, p.lexer.tokenEnd, typeQuery ? Diag.IDENTIFIER_EXPECTED : Diag.TYPE_EXPECTED, 0);
            p.errorNode(s, s);
            // TypeScript's parseEntityName goes on after a missing name: `.a` is a qualified name of a missing one
            if (p.tok != DOT) return;
        }
        while (p.tok == DOT) {
            p.next();
            int ns = p.lexer.tokenStart;
            if (Token.isIdentifierName(p.tok) || p.tok == PRIVATE_NAME) {
                if (p.lexer.newlineBefore && p.tok != PRIVATE_NAME) {
                    // TypeScript's parseRightSideOfDot: a word on the next line before another word on that line
                    // is the start of something else (`o.\nr extends T`): the name is missing
                    int pk = p.peek();
                    if (p.peekNewline == 0 && Token.isIdentifierName(pk)) p.error(ns, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                }
                int id = p.lexer.internIdentifier();
                int kind = p.tok == PRIVATE_NAME ? PRIVATE_IDENTIFIER : IDENTIFIER_NAME;
                p.next();
                p.leaf(kind, ns, p.lastEnd, id);
                // TypeScript's parseRightSideOfDot takes no private name in a type's name (`typeof this.#p` too)
                if (kind == PRIVATE_IDENTIFIER) p.error(p.lastEnd, p.lastEnd, Diag.IDENTIFIER_EXPECTED, 0);
            } else {
                p.error(ns, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                p.errorNode(ns, ns);
            }
            p.sink.finish(QUALIFIED_NAME, m, s, p.lastEnd, 0);
        }
    }

    /** ImportType : [typeof] import ( StringLiteral [, { with: ... }] ) [. EntityName] [TypeArguments] */
    private static void parseImportType(ParseContext p, int flags) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next(); // import
        p.expect(LPAREN);
        parseType(p);
        if (p.eat(COMMA)) {
            // import("x", { with: { "resolution-mode": "import" } })
            if (p.tok != RPAREN) {
                parseAssignment(p);
                p.eat(COMMA);
            }
        }
        p.expect(RPAREN);
        if (p.eat(DOT)) parseEntityName(p, true);
        if (p.tok == LT && !p.lexer.newlineBefore && !p.atTsxLessThanSlash()) parseTypeArguments(p);
        p.sink.finish(IMPORT_TYPE, m, s, p.lastEnd, flags);
    }

    private static boolean isStartOfMappedType(ParseContext p) {
        // { [K in ...  |  { readonly [K in  |  { +readonly [  |  { -readonly [
        p.lookaheadBegin();
        boolean result = false;
        int k = p.lexer.next();
        if (k == PLUS || k == MINUS) {
            result = p.lexer.next() == K_READONLY;
        } else {
            if (k == K_READONLY) k = p.lexer.next();
            if (k == LBRACKET) {
                // an identifier here, any word after `+`/`-` (TypeScript's isStartOfMappedType)
                int k2 = p.lexer.next();
                result = Token.isIdentifierLike(k2) && p.lexer.next() == K_IN;
            }
        }
        p.lookaheadEnd();
        return result;
    }

    /** MappedType : { [+|- readonly] [ Identifier in Type [as Type] ] [+|- ?] [: Type] ;? } */
    private static void parseMappedType(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next(); // {
        int flags = 0;
        if (p.tok == PLUS || p.tok == MINUS) {
            flags |= p.tok == MINUS ? MAP_READONLY_MINUS : MAP_READONLY;
            p.next();
            p.next(); // readonly
        } else if (p.atContextual(K_READONLY)) {
            flags |= MAP_READONLY;
            p.next();
        }
        p.expect(LBRACKET);
        int ps = p.lexer.tokenStart;
        int pm = p.sink.mark();
        if (Token.isReserved(p.tok)) {
            // TypeScript's parseMappedTypeParameter takes any word (`-readonly [with in K]`)
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(BINDING_IDENTIFIER, ps, p.lastEnd, id);
        } else {
            parseBindingIdentifierAnyWord(p);
        }
        p.expect(K_IN);
        parseType(p);
        p.sink.finish(TYPE_PARAMETER, pm, ps, p.lastEnd, TP_CONSTRAINT);
        if (p.atContextual(K_AS)) {
            p.next();
            parseType(p);
            flags |= MAP_AS;
        }
        p.expect(RBRACKET);
        if (p.tok == PLUS || p.tok == MINUS) {
            flags |= p.tok == MINUS ? MAP_OPTIONAL_MINUS : MAP_OPTIONAL;
            p.next();
            p.expect(QUESTION);
        } else if (p.eat(QUESTION)) {
            flags |= MAP_OPTIONAL;
        }
        if (parseTypeAnnotationOpt(p)) flags |= MAP_TYPE;
        if (p.tok == SEMICOLON || p.tok == COMMA) p.next();
        if (p.tok != RBRACE && p.tok != EOF && (p.lexer.newlineBefore || p.lastEnd > 0 && p.src[p.lastEnd - 1] == ';')) {
            // TypeScript's parser reads members after the mapped key (its checker's TS7061: the grammar checks')
            parseTypeMembers(p);
        }
        p.expect(RBRACE);
        p.sink.finish(MAPPED_TYPE, m, s, p.lastEnd, flags);
    }

    /** TupleType : [ (Type | Identifier [?] : Type | ... Type),* ] */
    private static void parseTupleType(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next(); // [
        while (p.tok != RBRACKET && p.tok != EOF) {
            int es = p.lexer.tokenStart;
            int em = p.sink.mark();
            boolean rest = p.eat(ELLIPSIS);
            // (inside type arguments a speculation keeps its errors: TypeScript's parseTypeArgumentsInExpression)
            if (p.specDepth > 0 && p.errorCount > 0 && p.tooManySpeculativeErrors() && !p.anOpenListTakesEveryToken()) break;
            // named member: name [?] : type (a reserved word that starts no type starts no element: TypeScript's list test)
            boolean named = false;
            if (Token.isIdentifierName(p.tok) && (rest || !Token.isReserved(p.tok) || startsType(p.tok))) {
                int pk = p.peek();
                if (pk == COLON) named = true;
                else if (pk == QUESTION) {
                    int k2 = p.peek2();
                    named = k2 == COLON;
                }
            }
            if (named) {
                int ns = p.lexer.tokenStart;
                // a tuple member's label is no IdentifierName to TypeScript's binder: `[let: T]` in strict code is TS1213/TS1214
                p.checkStrictReservedName(ns, p.lexer.tokenEnd);
                int id = p.lexer.internIdentifier();
                p.next();
                p.leaf(IDENTIFIER_NAME, ns, p.lastEnd, id);
                int flags = rest ? 2 : 0;
                if (p.eat(QUESTION)) flags |= 1;
                p.expect(COLON);
                int ts = p.lexer.tokenStart;
                int tm = p.sink.mark();
                int savedElement = p.tupleElementStart;
                p.tupleElementStart = ts;
                parseType(p);
                p.tupleElementStart = savedElement;
                if (p.tok == QUESTION && !p.lexer.newlineBefore) { // `[a: T?]`: TypeScript's parser takes it (TS5086)
                    p.next();
                    p.sink.finish(OPTIONAL_TYPE, tm, ts, p.lastEnd, OPT_AFTER_LABEL);
                }
                p.sink.finish(NAMED_TUPLE_MEMBER, em, es, p.lastEnd, flags);
            } else {
                if (!rest && !startsType(p.tok)) { // after `...` any type (TypeScript: `[...with]` names a type)
                    p.error(es, p.lexer.tokenEnd, Diag.TYPE_EXPECTED, 0);
                    // TypeScript's abortParsingListOrMoveToNextToken: inside type arguments the list ends, it skips nothing
                    if (p.anOpenListTakesEveryToken() && p.tok != COMMA) break;
                    if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RPAREN) break;
                    p.next();
                    p.errorNode(es, p.lastEnd);
                } else {
                    int savedElement = p.tupleElementStart;
                    p.tupleElementStart = rest ? -1 : p.lexer.tokenStart; // `[...T?]`: JSDoc's `?` inside a rest (TS17019)
                    parseType(p);
                    p.tupleElementStart = savedElement;
                    if (p.tok == QUESTION && !p.lexer.newlineBefore) { // TypeScript's postfix `?` stops at a line break
                        p.next();
                        p.sink.finish(OPTIONAL_TYPE, em, es, p.lastEnd, 0);
                    }
                    if (rest) p.sink.finish(REST_TYPE, em, es, p.lastEnd, 0);
                }
            }
            if (p.tok != RBRACKET && !p.eat(COMMA)) {
                p.errorExpected(COMMA);
                if (!startsType(p.tok) || p.lexer.tokenStart == es) break;
            }
        }
        p.expect(RBRACKET);
        p.sink.finish(TUPLE_TYPE, m, s, p.lastEnd, 0);
    }

    /** TypeLiteral : { TypeMember* } */
    private static void parseTypeLiteral(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next(); // {
        parseTypeMembers(p);
        p.expect(RBRACE);
        p.sink.finish(TYPE_LITERAL, m, s, p.lastEnd, 0);
    }

    /**
     * TypeMember* up to }   (separated by ; , or line breaks)
     * Members of an interface body or type literal, up to (not including) `}`.
     */
    static void parseTypeMembers(ParseContext p) {
        while (p.tok != RBRACE && p.tok != EOF) {
            int before = p.lexer.tokenStart;
            if (!p.enter()) { p.exit(); break; }
            parseTypeMember(p);
            p.exit();
            // separators: ; , or a line break
            if (p.tok == SEMICOLON || p.tok == COMMA) p.next();
            else if (p.tok != RBRACE && !p.lexer.newlineBefore && p.lexer.tokenStart != before) p.errorExpected(SEMICOLON);
            if (p.lexer.tokenStart == before && p.tok != RBRACE && p.tok != EOF) {
                p.error(before, p.lexer.tokenEnd, Diag.PROPERTY_OR_SIGNATURE_EXPECTED, 0);
                p.next();
                p.errorNode(before, p.lastEnd);
            }
        }
    }

    /** TypeMember : PropertySignature | MethodSignature | CallSignature | ConstructSignature | IndexSignature | get/set accessor */
    private static void parseTypeMember(ParseContext p) {
        int saved = p.ctx;
        parseTypeMemberWorker(p, saved);
        p.ctx = saved;
    }

    /** A type member; {@code CTX_IN_SIGNATURE} from where TypeScript's getThisContainer would stop at the member (past a computed name). */
    private static void parseTypeMemberWorker(ParseContext p, int saved) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (p.tok == LPAREN || p.tok == LT || p.tok == K_NEW) p.ctx = saved | CTX_IN_SIGNATURE; // a call or construct signature
        if (p.tok == LPAREN || p.tok == LT) {
            parseSignatureRest(p);
            p.sink.finish(CALL_SIGNATURE, m, s, p.lastEnd, 0);
            return;
        }
        if (p.tok == K_NEW) {
            int pk = p.peek();
            if (pk == LPAREN || pk == LT) {
                p.next();
                parseSignatureRest(p);
                p.sink.finish(CONSTRUCT_SIGNATURE, m, s, p.lastEnd, 0);
                return;
            }
        }
        int flags = 0;
        while (isTypeMemberModifier(p)) {
            flags |= modifierFlag(p, p.tok);
            p.next();
        }
        if (p.tok == LBRACKET && isIndexSignature(p)) {
            p.ctx = saved | CTX_IN_SIGNATURE;
            parseIndexSignatureRest(p, s, m, flags);
            return;
        }
        if ((p.atContextual(K_GET) || p.atContextual(K_SET))) {
            int pk = p.peek();
            if (pk != LPAREN && pk != LT && pk != COLON && pk != QUESTION && pk != SEMICOLON && pk != COMMA && pk != RBRACE
                    && isClassMemberNameStart(p, pk)) {
                flags |= p.tok == K_GET ? P_GET : P_SET;
                p.next();
            }
        }
        int kf = parsePropertyKey(p);
        if (kf < 0) {
            p.sink.truncate(m);
            return;
        }
        flags |= kf;
        p.ctx = saved | CTX_IN_SIGNATURE;
        if (p.eat(QUESTION)) flags |= P_OPTIONAL;
        if (p.tok == LPAREN || p.tok == LT || (flags & (P_GET | P_SET)) != 0) {
            parseSignatureRest(p);
            p.sink.finish(METHOD_SIGNATURE, m, s, p.lastEnd, flags);
            return;
        }
        parseTypeAnnotationOpt(p);
        if (p.tok == ASSIGN) {
            // initialisers are not allowed in signatures; parse for recovery
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.UNEXPECTED_TOKEN, ASSIGN);
            p.next();
            parseAssignment(p);
        }
        p.sink.finish(PROPERTY_SIGNATURE, m, s, p.lastEnd, flags);
    }

    static boolean isTypeMemberModifier(ParseContext p) {
        if (!(p.atContextual(K_READONLY) || p.atContextual(K_PUBLIC) || p.atContextual(K_PRIVATE) || p.atContextual(K_PROTECTED)
                || p.atContextual(K_STATIC) || p.atContextual(K_DECLARE) || p.atContextual(K_ABSTRACT) || p.atContextual(K_OVERRIDE))) {
            return false;
        }
        int pk = p.peek();
        return p.peekNewline == 0 && (isClassMemberNameStart(p, pk) && pk != LPAREN && pk != LT && pk != COLON && pk != QUESTION
                && pk != SEMICOLON && pk != COMMA && pk != RBRACE && pk != ASSIGN && pk != BANG);
    }

    static int modifierFlag(ParseContext p, int k) {
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
    static boolean isIndexSignature(ParseContext p) {
        p.lookaheadBegin();
        boolean result = false;
        int k = p.lexer.next();
        if (k == ELLIPSIS || k == RBRACKET) {
            result = true;
        } else if (Token.isIdentifierLike(k) || k == K_PUBLIC) {
            int k2 = p.lexer.next();
            result = k2 == COLON || k2 == COMMA;
        }
        p.lookaheadEnd();
        return result;
    }

    /** IndexSignature : [ Identifier : Type ] : Type   (after the modifiers) */
    static void parseIndexSignatureRest(ParseContext p, int s, int m, int flags) {
        // [key: string]: T  — parameters use the bracket list
        int ps = p.lexer.tokenStart;
        int pm = p.sink.mark();
        p.next(); // [
        while (p.tok != RBRACKET && p.tok != EOF) {
            int before = p.lexer.tokenStart;
            parseParameter(p);
            if (!p.eat(COMMA)) break;
            if (p.lexer.tokenStart == before) break;
        }
        p.expect(RBRACKET);
        p.sink.finish(FORMAL_PARAMETERS, pm, ps, p.lastEnd, 0);
        parseTypeAnnotationOpt(p);
        p.sink.finish(INDEX_SIGNATURE, m, s, p.lastEnd, flags);
    }

    /**
     * CallSignature : [TypeParameters] ( Parameters ) [: ReturnType]
     * [TYPE_PARAMETERS] ( params ) [: return type] of a signature.
     */
    private static void parseSignatureRest(ParseContext p) {
        if (p.tok == LT) parseTypeParameters(p);
        int saved = p.ctx;
        p.ctx |= CTX_NEW_TARGET; // as in a function type's parameters
        int diagnosticsBefore = p.log.diagnosticCount();
        parseFormalParameters(p);
        p.log.dropDiagnostics(diagnosticsBefore, Diag.PRIVATE_NAME_AS_BINDING_KEY);
        p.ctx = saved;
        if (p.tok == COLON) {
            p.next();
            parseReturnType(p);
        }
    }

    /** TypeParameters read in the current context (a class's, an interface's, a type alias's, a signature's). */
    static void parseTypeParameters(ParseContext p) {
        parseTypeParameters(p, p.ctx);
    }

    /**
     * Whether TypeScript reads a type parameter list in its await context, where `await` is no identifier and so
     * starts no type parameter (TS1139): in an async function or arrow, a static block, an exported class's
     * heritage and members — never in a type (parseType leaves the context), nor at a module's top level (its
     * TypeParameter nodes keep no possible top-level await for the statement's reparse).
     */
    static boolean typeParametersInAwaitContext(int ctx) {
        if ((ctx & CTX_IN_TYPE) != 0) return false;
        return (ctx & (CTX_AWAIT | CTX_FUNCTION)) == (CTX_AWAIT | CTX_FUNCTION) || (ctx & (CTX_STATIC_BLOCK | CTX_TS_AWAIT)) != 0;
    }

    /**
     * TypeParameters : < TypeParameter (, TypeParameter)* [,] >   (TypeParameter : [const] [in] [out] Identifier [extends Type] [= Type])
     * {@code outerCtx}: the context around a function's or arrow's type parameters, where TypeScript reads them.
     */
    static void parseTypeParameters(ParseContext p, int outerCtx) {
        boolean awaitContext = p.tok == LT && typeParametersInAwaitContext(outerCtx); // (rare: one test per list)
        // and its yield context (a generator's body and parameters; never a type): `yield` is no identifier there either
        boolean yieldContext = (outerCtx & (CTX_YIELD | CTX_IN_TYPE)) == CTX_YIELD;
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        // TSX: `</` is one token to TypeScript, no list opener (`class C <//c` wants `{`)
        if (p.tok == LT && p.atTsxLessThanSlash()) p.error(s, p.lexer.tokenEnd + 1, Diag.UNEXPECTED_TOKEN, LT);
        openAngle(p);
        // in a typed arrow's head: the errors of the recoveries modelled on TypeScript's parseDelimitedList (below)
        int errorsAtStart = p.errorCount;
        int modelledErrors = 0;
        while (p.tok != GT && p.tok != EOF) {
            int ps = p.lexer.tokenStart;
            int pm = p.sink.mark();
            int flags = 0;
            // TypeScript's isListTerminator: `(`, `{` and `extends` end the list without an error of its own ('>' expected)
            if (endsTypeParameterList(p.tok)) break;
            if (Token.isReserved(p.tok) && p.tok != K_IN && p.tok != K_CONST && p.tok != K_EXPORT) {
                // TypeScript's isListElement: only `in`, `const` or an identifier starts a type parameter; the list
                // ends before a reserved word (`<this>`), where the type arguments around it may still close
                p.error(ps, p.lexer.tokenEnd, Diag.TYPE_PARAMETER_EXPECTED, 0);
                break;
            }
            if ((p.tok == K_AWAIT && awaitContext) || (p.tok == K_YIELD && yieldContext)) {
                p.error(ps, p.lexer.tokenEnd, Diag.TYPE_PARAMETER_EXPECTED, 0);
                break;
            }
            while (atTypeParameterModifier(p)) {
                if (p.tok == K_CONST) flags |= MOD_CONST;
                else if (p.tok == K_IN) flags |= MOD_IN;
                else if (p.tok == K_OUT) flags |= MOD_OUT;
                else p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.MODIFIER_ON_TYPE_PARAMETER, p.tok);
                p.next();
            }
            if ((p.tok == K_AWAIT && awaitContext) || (p.tok == K_YIELD && yieldContext)) {
                // after a modifier TypeScript's parseIdentifier wants the name: TS1003 (`<in await>`)
                p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                break;
            }
            if (!Token.isIdentifierLike(p.tok) && !Token.isReserved(p.tok)) {
                p.error(ps, p.lexer.tokenEnd, Diag.TYPE_PARAMETER_EXPECTED, 0);
                if (p.tok != COMMA) break;
            } else {
                parseBindingIdentifierAnyWord(p);
            }
            if (p.tok == K_EXTENDS) {
                p.next();
                parseType(p);
                flags |= TP_CONSTRAINT;
            }
            if (p.tok == ASSIGN) {
                p.next();
                parseType(p);
                flags |= TP_DEFAULT;
            }
            p.sink.finish(TYPE_PARAMETER, pm, ps, p.lastEnd, flags);
            if (p.tok != GT && !p.eat(COMMA)) {
                if (endsTypeParameterList(p.tok)) break;
                p.errorExpected(COMMA);
                modelledErrors++;
                // TypeScript's parseDelimitedList goes on with the next element where one starts (`<T U>`), and
                // ends the list anywhere else — but for a token no open list takes, which it skips: a `?` or `:` on the
                // line in a typed arrow's head (`<k U extends T ? (x) => T : U>(y) => 1`)
                while (p.arrowTypeParameters && (p.tok == QUESTION || p.tok == COLON) && !p.lexer.newlineBefore) {
                    p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TYPE_PARAMETER_EXPECTED, 0);
                    modelledErrors++;
                    p.next();
                }
                if (!Token.isIdentifierLike(p.tok) && p.tok != K_IN && p.tok != K_CONST) break;
            }
        }
        if (p.tok == LPAREN) modelledErrors++; // the list ends at `(` (a terminator to TypeScript): `>` expected
        p.expect(GT);
        // a typed arrow keeps these errors only where every one is a recovery modelled here (`<abstract new (…`:
        // ours takes the reserved word for the name, TypeScript ends the list before it and no arrow follows)
        if (p.arrowTypeParameters) p.arrowTypeParametersModelled = p.errorCount - errorsAtStart <= modelledErrors;
        p.sink.finish(TYPE_PARAMETERS, m, s, p.lastEnd, 0);
    }

    /**
     * A modifier where TypeScript's parser takes one before a type parameter's name: a modifier
     * keyword followed (on the same line, but after `static` or `export`) by what can follow a
     * modifier. So `<in\nT>` names a parameter `in` (an error) and `<static extends X>` one `extends`.
     */
    private static boolean atTypeParameterModifier(ParseContext p) {
        int k = p.tok;
        boolean modifier = k == K_CONST || k == K_IN || k == K_EXPORT
                || ((k == K_OUT || k == K_PUBLIC || k == K_PRIVATE || k == K_PROTECTED || k == K_STATIC || k == K_READONLY
                    || k == K_ABSTRACT || k == K_OVERRIDE || k == K_DECLARE || k == K_ACCESSOR || k == K_ASYNC) && !p.escaped());
        if (!modifier) return false;
        int pk = p.peek();
        if (p.peekNewline != 0 && k != K_STATIC && k != K_EXPORT) return false;
        if (k == K_EXPORT && (pk == STAR || pk == K_AS || pk == LBRACE)) return false;
        return pk == LBRACKET || pk == LBRACE || pk == STAR || pk == ELLIPSIS || pk == STRING || pk == NUMBER || pk == BIGINT
                || Token.isIdentifierName(pk);
    }

    /** TypeScript's terminators of a type parameter list that start no element of it (besides `>`). */
    private static boolean endsTypeParameterList(int k) { return k == LPAREN || k == LBRACE || k == K_EXTENDS; }

    /** Consumes a `<` that opens a type list; from `<<` only the first character (`A<<T>() => T>`). */
    private static void openAngle(ParseContext p) {
        if (p.tok == SHL || p.tok == LE || p.tok == SHL_ASSIGN) {
            p.lastEnd = p.lexer.tokenStart + 1;
            p.tok = p.lexer.rescanAt(p.lexer.tokenStart + 1);
        } else {
            p.next();
        }
    }

    /**
     * BindingIdentifier where any word is taken (a type parameter name), reserved words reported
     * A type's own name: any identifier-like word, reported when reserved.
     */
    static void parseBindingIdentifierAnyWord(ParseContext p) {
        int s = p.lexer.tokenStart;
        if (Token.isReserved(p.tok)) p.error(s, p.lexer.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, p.tok);
        else p.checkStrictReservedName(s, p.lexer.tokenEnd);
        int id = p.lexer.internIdentifier();
        p.next();
        p.leaf(BINDING_IDENTIFIER, s, p.lastEnd, id);
    }

    /** TypeArguments : < Type (, Type)* [,] > */
    static void parseTypeArguments(ParseContext p) { parseTypeArguments(p, false); }

    /**
     * {@code heritage}: the type arguments of a class's or interface's heritage element, whose list
     * TypeScript reads in the declaration's context (parseExpressionWithTypeArguments'
     * tryParseTypeArguments): its isListElement asks isStartOfType there, so in its await context (an
     * async function, a static block, an exported class) `await` starts no type argument and the
     * list is cut short — '>' expected (a module's exported class: its reparse for top-level await
     * keeps only the TS1109 after the word; rejected either way).
     */
    static void parseTypeArguments(ParseContext p, boolean heritage) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        int savedLists = p.openLists;
        p.openLists |= LIST_TYPE_ARGUMENTS;
        openAngle(p);
        while (p.tok != GT && p.tok != EOF) {
            if (heritage && p.tok == K_AWAIT && typeParametersInAwaitContext(p.ctx)) p.errorExpected(GT);
            typeExpectedInList(p);
            parseType(p);
            if (p.tok != GT && !p.eat(COMMA)) { p.errorExpected(GT); break; }
        }
        p.openLists = savedLists;
        p.expect(GT);
        p.sink.finish(TYPE_ARGUMENTS, m, s, p.lastEnd, 0);
    }

    /**
     * TypeArguments in an expression (f<T>(x), a<T>), tried speculatively and kept only when what follows fits
     * In an expression, `<` after an operand may open type arguments (`f<T>(x)`): parsed
     * speculatively, kept when the list closes and what follows can follow type arguments.
     */
    static boolean tryParseTypeArgumentsInExpression(ParseContext p) {
        if (!p.ts || (p.tok != LT && p.tok != SHL) || (p.tok == LT && p.atTsxLessThanSlash())) return false;
        int d = p.speculate();
        if (d < 0) return false;
        int savedLists = p.openLists;
        p.openLists |= LIST_TYPE_ARGUMENTS;
        openAngle(p); // `f<<T>() => U>()`: TypeScript rescans `<<` as `<` (reScanLessThanToken)
        // as TypeScript's parseTypeArgumentsInExpression, only the list's shape decides: an error inside a
        // type argument (`f<keyof>(x)`) is kept, a word that starts no type or a missing `,`/`>` is no list
        boolean listEnds = true;
        while (p.tok != GT && p.tok != EOF) {
            int errors = p.errorCount;
            typeExpectedInList(p);
            // the list's isStartOfType is asked in the expression's context, where isIdentifier refuses `await` that is an
            // operator (`yield` likewise); inside a type neither is (parseType leaves the await and yield contexts)
            if ((p.tok == K_AWAIT && (p.ctx & CTX_AWAIT) != 0) || (p.tok == K_YIELD && (p.ctx & CTX_YIELD) != 0)) listEnds = false;
            if (p.errorCount != errors || !listEnds) { listEnds = false; break; }
            parseType(p);
            if (p.tok != GT && !p.eat(COMMA)) { listEnds = false; break; }
        }
        p.openLists = savedLists;
        // TypeScript rescans the closer (reScanGreaterToken): `>=`, `>>` close no list (`a<b >= c` compares)
        int closeEnd = p.lexer.tokenEnd;
        if (p.tok != GT || !listEnds || (closeEnd < p.srcLength && (p.src[closeEnd] == '=' || p.src[closeEnd] == '>'))) {
            p.rollback(d);
            return false;
        }
        p.next();
        if (!canFollowTypeArguments(p)) {
            p.rollback(d);
            return false;
        }
        p.commit(d);
        int s = p.specStates[d][2];
        p.sink.finish(TYPE_ARGUMENTS, p.specMark[d], s, closeEnd, 0);
        return true;
    }

    private static boolean canFollowTypeArguments(ParseContext p) {
        switch (p.tok) {
            case LPAREN: case NO_SUBST_TEMPLATE: case TEMPLATE_HEAD:
                return true;
            case LT: case GT: case PLUS: case MINUS:
                return false;
            default:
                // `as` and `satisfies` are binary operators to TypeScript here: `f<T> as U` is an instantiation
                return p.lexer.newlineBefore || isBinaryOperator(p.tok) || ((p.tok == K_AS || p.tok == K_SATISFIES) && !p.escaped())
                        || !startsExpression(p.tok);
        }
    }

    /**
     * {@code asserts x [is T]}, at {@code asserts} (mark {@code m}, start {@code s}): the subject, then
     * its type; a line break before {@code is} is fine (TypeScript's parseAssertsTypePredicate).
     */
    private static void parseAssertsPredicate(ParseContext p, int m, int s) {
        p.next();
        parsePredicateSubject(p);
        if (p.atContextual(K_IS)) {
            p.next();
            parseType(p);
        }
        p.sink.finish(TYPE_PREDICATE, m, s, p.lastEnd, 1);
    }
}
