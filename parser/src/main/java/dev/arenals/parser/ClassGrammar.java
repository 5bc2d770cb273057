package dev.arenals.parser;

import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.FunctionGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.PatternGrammar.*;
import static dev.arenals.parser.StatementGrammar.*;
import static dev.arenals.parser.TsDeclarationGrammar.*;
import static dev.arenals.parser.TypeGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Lexer;
import dev.arenals.parser.lexer.Token;
import java.util.Arrays;

/**
 * Classes: heads, bodies, members, accessors, static blocks, decorators, property keys, and private
 * names (declared per class body, references resolved when the body ends).
 */
final class ClassGrammar {
    private ClassGrammar() {}

    // ------------------------------------------------------------------ classes

    /** ClassDeclaration / ClassExpression : class [BindingIdentifier] [TypeParameters] [extends LeftHandSideExpression [TypeArguments]] [implements ...] ClassBody */
    static int parseClass(ParseContext p, boolean declaration, int s) {
        p.enter();
        try {
            return parseClassInner(p, declaration, s);
        } finally {
            p.exit();
        }
    }

    private static int parseClassInner(ParseContext p, boolean declaration, int s) {
        int m = p.pendingClassMark >= 0 ? p.pendingClassMark : p.sink.mark();
        p.pendingClassMark = -1;
        int modifiers = p.classModifiers;
        boolean exported = p.classExported || (modifiers & MOD_EXPORT) != 0;
        int firstToken = exported ? Math.min(p.classExportStart, s) : s;
        p.classModifiers = 0;
        p.classExported = false;
        p.next(); // class
        int saved = p.ctx;
        p.ctx |= CTX_STRICT | CTX_IN_CLASS;
        // `implements` is the clause only before a word (TypeScript's isImplementsClause): `class implements<T> {}` names the class
        if ((Token.isIdentifierLike(p.tok) && !(p.ts && p.tok == K_IMPLEMENTS && startsWord(p.peek()))) || (Token.isReserved(p.tok) && p.tok != K_EXTENDS)) {
            parseBindingIdentifier(p);
        } else if (declaration && !p.classNameOptional) {
            // TypeScript's parser leaves the name out (parseNameOfClassDeclarationOrExpression); its checker says TS1211 at
            // the declaration's first token (checkClassDeclaration's grammarErrorOnFirstToken), and goes on checking
            p.checkerLevelError(firstToken, firstTokenEnd(p, firstToken), Diag.CLASS_DECLARATION_WITHOUT_NAME, 0);
        }
        p.classNameOptional = false;
        if (p.ts && p.tok == LT) parseTypeParameters(p);
        if (exported && p.ts) p.ctx |= CTX_TS_AWAIT;
        boolean derived = false;
        if (p.tok == K_EXTENDS) {
            int hs = p.lexer.tokenStart;
            int hm = p.sink.mark();
            p.next();
            if (p.ts && isNextHeritageClauseKeyword(p)) {
                // TypeScript's isHeritageClauseExtendsOrImplementsKeyword: before what starts an expression the word opens
                // the next clause, this one's list is empty (its checker's TS1097): `class a extends implements() {}`
                p.error(p.lastEnd, p.lastEnd, Diag.HERITAGE_LIST_EMPTY, K_EXTENDS);
                p.errorNode(p.lastEnd, p.lastEnd);
                while (p.tok == K_EXTENDS) {
                    // a second `extends` clause (TypeScript's parser takes any number of clauses; its checker's TS1172)
                    p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.EXTENDS_CLAUSE_ALREADY_SEEN, 0);
                    p.next();
                    if (isNextHeritageClauseKeyword(p)) continue;
                    if (p.tok == LBRACE && !isHeritageObjectLiteral(p)) break;
                    parseHeritageExpression(p);
                    if (p.tok == LT) parseTypeArguments(p, true);
                    break;
                }
            } else if (p.ts && p.tok == LBRACE && !isHeritageObjectLiteral(p)) {
                // TypeScript's isValidHeritageClauseObjectLiteral: `{}` before anything but `,`, `{`, `extends` or
                // `implements` is the class body, the list empty (its checker's TS1097)
                p.error(p.lastEnd, p.lastEnd, Diag.HERITAGE_LIST_EMPTY, K_EXTENDS);
                p.errorNode(p.lastEnd, p.lastEnd);
            } else {
                parseHeritageExpression(p);
            }
            if (p.ts && p.tok == LT && p.atTsxLessThanSlash()) p.errorExpected(COMMA); // TSX's `</` token: no list (TypeScript's heritage list wants `,`)
            else if (p.ts && p.tok == LT) parseTypeArguments(p, true);
            p.sink.finish(CLASS_HERITAGE, hm, hs, p.lastEnd, 0);
            derived = true;
        }
        if (p.ts && p.atContextual(K_IMPLEMENTS)) parseHeritageClause(p, K_IMPLEMENTS);
        parseClassBody(p, derived);
        p.ctx = saved;
        return p.sink.finish(declaration ? CLASS_DECLARATION : CLASS_EXPRESSION, m, s, p.lastEnd, modifiers);
    }

    private static boolean startsWord(int k) { return Token.isIdentifierLike(k) || Token.isReserved(k); }

    /** The end of the word (or `@`) at {@code s}: a declaration's first token, where TypeScript puts some grammar errors. */
    private static int firstTokenEnd(ParseContext p, int s) {
        if (s < p.srcLength && p.src[s] == '@') return s + 1;
        int e = s;
        while (e < p.srcLength && Character.isJavaIdentifierPart(p.src[e])) e++;
        return e > s ? e : Math.min(s + 1, p.srcLength);
    }

    /** A class's `extends` expression (the current token starts it). */
    static void parseHeritageExpression(ParseContext p) {
        // TypeScript's parseLeftHandSideExpressionOrHigher: no JSX element or type assertion here; nor, in a
        // TypeScript file, a decorated class (its isListElement asks isStartOfLeftHandSideExpression, which `@`
        // is not; ECMAScript's ClassExpression takes decorators, so JavaScript files keep them)
        if (p.tok == LT || (p.ts && p.tok == AT)) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
        // the heritage is an expression, never a pattern: `extends {x = 1}` and a duplicate `__proto__` are errors
        int savedCover = p.coverInitPos;
        boolean savedProto = p.coverIsProto;
        p.coverInitPos = -1;
        p.operatorOperandPos = p.lexer.tokenStart;
        parseLeftHandSide(p);
        reportCoverInit(p);
        p.coverInitPos = savedCover;
        p.coverIsProto = savedProto;
        checkNotArrow(p, p.sink.pending(p.sink.mark() - 1));
    }

    /** TypeScript's isHeritageClauseExtendsOrImplementsKeyword: `implements`/`extends` before what starts an expression. */
    static boolean isNextHeritageClauseKeyword(ParseContext p) {
        return (p.tok == K_IMPLEMENTS || p.tok == K_EXTENDS) && !p.escaped() && TsDeclarationGrammar.startsExpressionToTypeScript(p.peek());
    }

    /** At `{` after `extends`: `{}` followed by `,`, `{`, `extends` or `implements`, or any other object literal. */
    static boolean isHeritageObjectLiteral(ParseContext p) {
        if (p.peek() != RBRACE) return true;
        int k = p.peek2();
        return k == COMMA || k == LBRACE || k == K_EXTENDS || k == K_IMPLEMENTS;
    }

    /**
     * Decorator+ ClassDeclaration | Decorator+ export [default] ClassDeclaration
     * `@a @b class …` (and `@a export class …` at statement level): decorators are children of the class.
     */
    static void parseDecoratedClass(ParseContext p, int s, boolean declaration, boolean nameOptional) {
        int m = p.sink.mark();
        boolean exported = p.classExported;
        p.classExported = false; // a class in a decorator is not the one exported
        parseClassDecorators(p);
        p.classExported = exported;
        finishDecoratedClass(p, s, m, declaration, nameOptional);
    }

    /**
     * A class's decorators: strict code in TypeScript files, as TypeScript's binder reads them (TS1213 on
     * `@package class C {}`); ECMAScript's are not (test262's decorator-…-identifier-reference-yield.js).
     */
    static void parseClassDecorators(ParseContext p) {
        int saved = p.ctx;
        // and where the code is strict anyway (a JavaScript module), TypeScript names the class as the reason (TS1213:
        // getStrictModeIdentifierMessage asks getContainingClass first)
        p.ctx |= p.ts ? CTX_STRICT | CTX_IN_CLASS : CTX_IN_CLASS;
        while (p.tok == AT) parseDecorator(p);
        p.ctx = saved;
    }

    static void finishDecoratedClass(ParseContext p, int s, int m, boolean declaration, boolean nameOptional) {
        // `@d abstract class`, `@d declare abstract class`: TypeScript's parser takes both modifiers after decorators
        boolean declared = false;
        while (p.ts && (p.atContextual(K_ABSTRACT) || p.atContextual(K_DECLARE)) && !p.escaped()) {
            int pk = p.peek();
            // a modifier is followed on its line (`@d declare\nclass C {}`: TS1146)
            if (p.peekNewline != 0 || (pk != K_CLASS && pk != K_ABSTRACT && pk != K_DECLARE)) break;
            if (p.tok == K_ABSTRACT) p.classModifiers |= MOD_ABSTRACT;
            else {
                p.classModifiers |= MOD_DECLARE;
                declared = true;
            }
            p.next();
        }
        if (p.tok == K_CLASS) {
            p.pendingClassMark = m;
            p.classNameOptional = nameOptional;
            boolean savedAmbient = p.ambient;
            if (declared) p.ambient = true;
            parseClass(p, declaration, s);
            p.ambient = savedAmbient;
        } else {
            p.classExported = false;
            // TypeScript's parseDecoratedExpression: a missing expression where the decorators end (TS1109)
            if (declaration) p.errorExpected(K_CLASS);
            else p.error(p.lastEnd, p.lastEnd, Diag.EXPRESSION_EXPECTED, 0);
            p.sink.finish(INVALID, m, s, p.lastEnd, 0);
        }
    }

    /** A METHOD whose function has a body (TypeScript overload signatures have none). */
    private static boolean hasBody(ParseContext p, int method) {
        for (int c = p.sink.firstChild(method); c >= 0; c = p.sink.nextSibling(c)) {
            if (p.sink.kind(c) == FUNCTION_EXPRESSION) {
                for (int d = p.sink.firstChild(c); d >= 0; d = p.sink.nextSibling(d)) if (p.sink.kind(d) == FUNCTION_BODY) return true;
                return false;
            }
        }
        return true;
    }

    /** ClassBody : { ClassElement* } */
    private static void parseClassBody(ParseContext p, boolean derived) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (!p.eat(LBRACE)) {
            p.errorExpected(LBRACE);
            p.sink.finish(CLASS_BODY, m, p.lastEnd, p.lastEnd, 0);
            return;
        }
        int saved = p.ctx;
        p.ctx |= CTX_CLASS_BODY;
        p.privates.classDepth++;
        boolean seenConstructor = false;
        int privStart = p.privates.top;
        int savedPrivateBase = p.privates.base;
        p.privates.base = p.privates.top;
        int refBase = p.privates.refTop;
        while (p.tok != RBRACE && p.tok != EOF) {
            if (p.tok == SEMICOLON) { p.next(); continue; }
            int before = p.lexer.tokenStart;
            if (!p.enter()) { p.exit(); break; }
            int member = parseClassMember(p, derived);
            p.exit();
            if (member >= 0 && p.sink.kind(member) == METHOD && (p.sink.data(member) & C_CONSTRUCTOR) != 0 && hasBody(p, member)) {
                if (seenConstructor) p.error(p.sink.start(member), p.sink.end(member), Diag.DUPLICATE_CONSTRUCTOR, 0);
                seenConstructor = true;
            }
            if (p.lexer.tokenStart == before && p.tok != RBRACE && p.tok != EOF) {
                p.error(before, p.lexer.tokenEnd, Diag.MEMBER_EXPECTED, 0);
                p.next();
                p.errorNode(before, p.lastEnd);
            }
        }
        resolvePrivateReferences(p, refBase, outermostClass(p));
        p.privates.classDepth--;
        p.privates.top = privStart;
        p.privates.base = savedPrivateBase;
        p.ctx = saved;
        p.expect(RBRACE);
        p.sink.finish(CLASS_BODY, m, s, p.lastEnd, 0);
    }

    private static boolean outermostClass(ParseContext p) { return p.privates.classDepth == 1; }

    static void notePrivateReference(ParseContext p, int id, int s, int e) {
        if (p.privates.refTop == p.privates.refs.length) {
            p.privates.refs = Arrays.copyOf(p.privates.refs, p.privates.refTop * 2);
            p.privates.refStart = Arrays.copyOf(p.privates.refStart, p.privates.refTop * 2);
            p.privates.refEnd = Arrays.copyOf(p.privates.refEnd, p.privates.refTop * 2);
        }
        p.privates.refs[p.privates.refTop] = id;
        p.privates.refStart[p.privates.refTop] = s;
        p.privates.refEnd[p.privates.refTop] = e;
        p.privates.refTop++;
    }

    /**
     * At the end of a class body: references to names it declares are resolved; the others move to
     * the enclosing class, or are errors when there is none.
     */
    private static void resolvePrivateReferences(ParseContext p, int refBase, boolean outermost) {
        int keep = refBase;
        for (int r = refBase; r < p.privates.refTop; r++) {
            int id = p.privates.refs[r];
            boolean declared = false;
            for (int i = p.privates.base; i < p.privates.top; i++) {
                if (p.privates.names[i] == id) { declared = true; break; }
            }
            if (declared) continue;
            if (outermost) {
                p.error(p.privates.refStart[r], p.privates.refEnd[r], Diag.UNDECLARED_PRIVATE_NAME_IN_CLASS, id);
                continue;
            }
            p.privates.refs[keep] = id;
            p.privates.refStart[keep] = p.privates.refStart[r];
            p.privates.refEnd[keep] = p.privates.refEnd[r];
            keep++;
        }
        p.privates.refTop = keep;
    }

    private static void declarePrivate(ParseContext p, int id, int kindBits, int s, int e) {
        for (int i = p.privates.top - 1; i >= p.privates.base; i--) {
            if (p.privates.names[i] == id) {
                int other = p.privates.kinds[i];
                boolean accessorPair = ((other & 3) != 0 && (kindBits & 3) != 0 && (other & 3) != (kindBits & 3)
                        && (other & 4) == (kindBits & 4) && (other & 8) == 0 && (kindBits & 8) == 0);
                if (accessorPair) {
                    p.privates.kinds[i] = other | kindBits;
                    return;
                }
                p.error(s, e, Diag.DUPLICATE_PRIVATE_NAME, id);
                return;
            }
        }
        if (p.privates.top == p.privates.names.length) {
            p.privates.names = Arrays.copyOf(p.privates.names, p.privates.top * 2);
            p.privates.kinds = Arrays.copyOf(p.privates.kinds, p.privates.top * 2);
        }
        p.privates.names[p.privates.top] = id;
        p.privates.kinds[p.privates.top] = kindBits;
        p.privates.top++;
    }

    /**
     * ClassElement : Decorator* modifiers* (MethodDefinition | FieldDefinition ; | IndexSignature | ClassStaticBlock | ;)
     * Returns the member node, or -1 when nothing was parsed.
     */
    private static int parseClassMember(ParseContext p, boolean derived) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        while (p.tok == AT) parseDecorator(p);
        int afterDecorators = p.lexer.tokenStart;
        int flags = 0;
        int fnFlags = 0;
        boolean asyncModifier = false;
        int accessorStart = -1;
        // modifiers, unless the word is the member's name (`static() {}`, `readonly = 1`)
        while (true) {
            // TypeScript's parser takes decorators and modifiers before a static block (parseModifiers stops at
            // `static {`: `static static {}`, `async static {}` too); its checker then reports the decorators (TS1206),
            // else the first modifier (TS1184)
            // (JavaScript files alike: the parser is TypeScript's there too, and ECMAScript rejects either reading)
            if (!p.ts && p.atContextual(K_ASYNC) && p.peek() == K_STATIC && p.peek2() == LBRACE && p.peekNewline == 0) {
                asyncModifier = true;
                p.next();
                continue;
            }
            if (p.atContextual(K_STATIC) && p.peek() == LBRACE && ((flags & C_STATIC) != 0 || asyncModifier)) {
                if (s < afterDecorators) p.error(s, s + 1, Diag.DECORATORS_NOT_VALID, 0);
                else p.error(afterDecorators, afterDecorators + 1, Diag.MODIFIERS_NOT_HERE, 0);
                p.next();
                return parseStaticBlock(p, s, m);
            }
            if (p.atContextual(K_STATIC) && (flags & C_STATIC) == 0) {
                int pk = p.peek();
                if (pk == LBRACE && (flags == 0 || p.ts) && !asyncModifier) {
                    if (s < afterDecorators) p.error(s, s + 1, Diag.DECORATORS_NOT_VALID, 0);
                    else if (flags != 0) p.error(afterDecorators, afterDecorators + 1, Diag.MODIFIERS_NOT_HERE, 0);
                    p.next();
                    return parseStaticBlock(p, s, m);
                }
                if (isClassMemberNameStart(p, pk) && !(pk == ASSIGN || pk == SEMICOLON || pk == RBRACE || pk == LPAREN
                        || (p.ts && (pk == QUESTION || pk == BANG || pk == COLON || pk == LT)))) {
                    p.next();
                    flags |= C_STATIC;
                    continue;
                }
                break;
            }
            if (p.atContextual(K_ACCESSOR) && ((flags & C_ACCESSOR) == 0 || p.ts)) {
                int pk = p.peek();
                if (isClassMemberNameStart(p, pk) && p.peekNewline == 0 && !(pk == ASSIGN || pk == SEMICOLON || pk == RBRACE || pk == LPAREN
                        || (p.ts && (pk == QUESTION || pk == BANG || pk == COLON || pk == LT)))) {
                    if (accessorStart < 0) accessorStart = p.lexer.tokenStart;
                    p.next();
                    flags |= C_ACCESSOR;
                    continue;
                }
                break;
            }
            // TypeScript's parser takes a modifier twice (`readonly readonly x`, TS1030), `static` excepted
            if (p.ts && isTypeMemberModifier(p) && (p.tok != K_STATIC || (flags & C_STATIC) == 0)) {
                flags |= modifierFlag(p, p.tok);
                p.next();
                continue;
            }
            // and modifiers that are never right on a member, for its grammar checks to report
            // (`export x` TS1031, `const x` TS1248, `in x` TS1274, `async static m()` TS1029)
            if (p.ts && !p.escaped()) {
                int extra = misplacedMemberModifier(p, fnFlags);
                if (extra != 0) {
                    if (extra == F_ASYNC) {
                        fnFlags |= F_ASYNC;
                        asyncModifier = true;
                    } else {
                        flags |= extra;
                    }
                    p.next();
                    continue;
                }
            }
            break;
        }
        if (p.ts && p.tok == LBRACKET && isIndexSignature(p)) {
            parseIndexSignatureRest(p, s, m, flags);
            semicolonAfterField(p);
            return p.sink.pending(p.sink.mark() - 1);
        }
        int asyncStart = -1;
        if ((flags & C_ACCESSOR) == 0 && (fnFlags & F_ASYNC) == 0 && p.atContextual(K_ASYNC)) {
            int pk = p.peek();
            if (p.peekNewline == 0 && (isClassMemberNameStart(p, pk) || pk == STAR) && pk != LPAREN && pk != ASSIGN && pk != SEMICOLON && pk != RBRACE) {
                asyncStart = p.lexer.tokenStart;
                p.next();
                fnFlags |= F_ASYNC;
            }
        }
        if ((flags & C_ACCESSOR) == 0 && p.tok == STAR) {
            asyncModifier = false;
            p.next();
            fnFlags |= F_GENERATOR;
        }
        // after `accessor` too: TypeScript's parseModifiers takes it before `get x()` (its checker's TS1275)
        if ((fnFlags == 0 || (fnFlags == F_ASYNC && asyncStart >= 0)) && (p.atContextual(K_GET) || p.atContextual(K_SET))) {
            int pk = p.peek();
            // `get *m(){}` is no accessor (a field `get` ends at a line break, then a generator method)
            if (isClassMemberNameStart(p, pk) && pk != LPAREN && pk != ASSIGN && pk != SEMICOLON && pk != RBRACE && pk != STAR) {
                flags |= p.tok == K_GET ? P_GET : P_SET;
                p.next();
                // `async get x() {}`: TypeScript's parser takes `async` for the accessor's modifier (TS1042)
                if (fnFlags == F_ASYNC) {
                    fnFlags = misplacedAsync(p, asyncStart, false);
                    flags |= MOD_MISPLACED;
                }
            }
        }
        int keyTok = p.tok;
        int keyStart = p.lexer.tokenStart;
        int keyEnd = p.lexer.tokenEnd;
        boolean isPrivate = p.tok == PRIVATE_NAME;
        if (!(Token.isIdentifierName(p.tok) || p.tok == STRING || p.tok == NUMBER || p.tok == BIGINT || p.tok == LBRACKET || p.tok == PRIVATE_NAME)) {
            p.error(keyStart, keyEnd, Diag.MEMBER_EXPECTED, 0);
            p.sink.truncate(m);
            return -1;
        }
        int keyFlags = parsePropertyKey(p);
        if (keyFlags < 0) {
            p.sink.truncate(m);
            return -1;
        }
        flags |= keyFlags;
        int key = p.sink.pending(p.sink.mark() - 1);
        boolean computed = (keyFlags & P_COMPUTED) != 0;
        boolean namedConstructor = !computed && !isPrivate && isConstructorKey(p, key);
        if (isPrivate) {
            if (p.sink.data(key) == p.nameConstructor) p.error(keyStart, keyEnd, Diag.PRIVATE_CONSTRUCTOR_NAME, 0);
        }
        if (p.ts) {
            if (p.tok == QUESTION) { p.next(); flags |= P_OPTIONAL; }
            else if (p.tok == BANG && !p.lexer.newlineBefore) { p.next(); flags |= P_DEFINITE; }
        }
        // `async x = 1`: `async` is a modifier to TypeScript's parser wherever a name follows it on its line (its
        // canFollowModifier), so a member without `(` after its name is a field with the misplaced modifier (TS1042)
        if (fnFlags == F_ASYNC && asyncStart >= 0 && !asyncModifier && p.tok != LPAREN && !(p.ts && p.tok == LT)) {
            fnFlags = misplacedAsync(p, asyncStart, true);
            flags |= MOD_MISPLACED;
        }
        if (p.tok == LPAREN || (p.ts && p.tok == LT) || (flags & (P_GET | P_SET)) != 0 || (fnFlags != 0 && !asyncModifier)) {
            // method
            // `accessor` only before a field (TypeScript files: the grammar checks' TS1275)
            if ((flags & C_ACCESSOR) != 0 && !p.ts) p.error(accessorStart, accessorStart + 8, Diag.ACCESSOR_PLACE, 0);
            int extra = CTX_METHOD_LIKE | CTX_SUPER_PROP;
            boolean isCtor = namedConstructor && (flags & C_STATIC) == 0;
            if (isCtor) {
                // TypeScript's codes: a generator (TS1368, async or not), the `async` modifier (TS1089, the grammar
                // checks' in TypeScript files), an accessor (TS1341)
                if ((fnFlags & F_GENERATOR) != 0) {
                    p.error(keyStart, keyEnd, Diag.CONSTRUCTOR_SPECIAL, 0);
                } else if ((fnFlags & F_ASYNC) != 0) {
                    if (!p.ts && asyncStart >= 0) p.error(asyncStart, asyncStart + 5, Diag.MODIFIER_ON_CONSTRUCTOR, K_ASYNC);
                } else if ((flags & (P_GET | P_SET)) != 0) {
                    p.error(keyStart, keyEnd, Diag.CONSTRUCTOR_ACCESSOR, 0);
                }
                flags |= C_CONSTRUCTOR;
                if (derived) extra |= CTX_SUPER_CALL;
            }
            if ((flags & C_STATIC) != 0 && !computed && !isPrivate && isNamed(p, key, p.namePrototype)) {
                p.error(keyStart, keyEnd, Diag.STATIC_PROTOTYPE, 0);
            }
            if (isPrivate) declarePrivate(p, p.sink.data(key), ((flags & P_GET) != 0 ? 1 : (flags & P_SET) != 0 ? 2 : 8) | ((flags & C_STATIC) != 0 ? 4 : 0), keyStart, keyEnd);
            int fm = p.sink.mark();
            int fn = parseFunctionRest(p, fnFlags, extra, p.lexer.tokenStart, fm, FUNCTION_EXPRESSION);
            checkAccessorParams(p, flags, fn, keyStart, keyEnd, false);
            return p.sink.finish(METHOD, m, s, p.lastEnd, flags | P_METHOD);
        }
        // field
        if (asyncModifier) flags |= MOD_MISPLACED; // `async protected!;`: the grammar checks read the modifiers (TS1042 first)
        if (namedConstructor) p.error(keyStart, keyEnd, Diag.CLASS_FIELD_CONSTRUCTOR, 0);
        if ((flags & C_STATIC) != 0 && !computed && !isPrivate && isNamed(p, key, p.namePrototype)) {
            p.error(keyStart, keyEnd, Diag.STATIC_PROTOTYPE, 0);
        }
        if (isPrivate) declarePrivate(p, p.sink.data(key), 8 | ((flags & C_STATIC) != 0 ? 4 : 0), keyStart, keyEnd);
        parseTypeAnnotationOpt(p);
        if (p.tok == ASSIGN) {
            p.next();
            int saved = p.ctx;
            int savedLabelBase = p.labels.base;
            p.labels.base = p.labels.top;
            p.ctx = (p.ctx & (CTX_STRICT | CTX_CLASS_BODY | CTX_IN_CLASS)) | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_FIELD_INIT;
            parseAssignment(p);
            p.ctx = saved;
            p.labels.base = savedLabelBase;
        }
        semicolonAfterField(p);
        return p.sink.finish(FIELD, m, s, p.lastEnd, flags);
    }

    private static void semicolonAfterField(ParseContext p) {
        if (p.tok == SEMICOLON) { p.next(); return; }
        if (p.tok == RBRACE || p.tok == EOF || p.lexer.newlineBefore) return;
        p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, SEMICOLON);
    }

    /** ClassStaticBlock : static { ClassStaticBlockStatementList } */
    private static int parseStaticBlock(ParseContext p, int s, int m) {
        int saved = p.ctx;
        int savedLabelBase = p.labels.base;
        p.labels.base = p.labels.top;
        p.ctx = (p.ctx & (CTX_STRICT | CTX_CLASS_BODY | CTX_IN_CLASS)) | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_STATIC_BLOCK;
        p.expect(LBRACE);
        p.inCaseClause = false; // a static block in a case clause is not the clause
        parseStatementList(p, RBRACE, false);
        p.expect(RBRACE);
        p.ctx = saved;
        p.labels.base = savedLabelBase;
        return p.sink.finish(STATIC_BLOCK, m, s, p.lastEnd, C_STATIC);
    }

    /**
     * An accessor's parameter count (TypeScript's checkGrammarAccessor: at the accessor's name, a rest parameter's
     * error at its `...`); in TypeScript files a first `this` parameter is no parameter (`set x(this: C, v)`).
     */
    static void checkAccessorParams(ParseContext p, int flags, int fn, int nameStart, int nameEnd, boolean inObjectLiteral) {
        // with `accessor` before it, TypeScript's checkGrammarModifiers reports TS1275 and checks the accessor no further
        if ((flags & (P_GET | P_SET)) == 0 || (flags & C_ACCESSOR) != 0) return;
        int params = p.sink.firstChild(fn);
        while (params >= 0 && p.sink.kind(params) != FORMAL_PARAMETERS) {
            if (p.ts && p.sink.kind(params) == TYPE_PARAMETERS) {
                // checkGrammarAccessor says TS1094 at the name before it counts parameters (a class's: the grammar checks)
                if (inObjectLiteral) p.checkerLevelError(nameStart, nameEnd, Diag.ACCESSOR_TYPE_PARAMETERS, 0);
                return;
            }
            params = p.sink.nextSibling(params);
        }
        if (params < 0) return;
        int first = p.sink.firstChild(params);
        int count = 0;
        int last = -1;
        for (int param = first; param >= 0; param = p.sink.nextSibling(param)) {
            count++;
            last = param;
        }
        int expected = (flags & P_GET) != 0 ? 0 : 1;
        // doesAccessorHaveCorrectParameterCount: the expected count, or one more whose first is `this`
        boolean countOk = count == expected || (count == expected + 1 && p.ts && isThisParameter(p, first));
        if (!countOk) {
            p.error(nameStart, nameEnd, expected == 0 ? Diag.GETTER_PARAMETERS : Diag.SETTER_PARAMETERS, 0);
        } else if (expected == 1 && p.sink.kind(last) == REST_ELEMENT) {
            p.error(p.sink.start(last), p.sink.start(last) + 3, Diag.SETTER_REST, 0);
        }
    }

    /** TS: a parameter named `this` (its type, if any, is the function's `this` type). */
    private static boolean isThisParameter(ParseContext p, int param) {
        int name = p.sink.kind(param) == PARAMETER ? p.sink.firstChild(param) : param;
        if (name < 0 || p.sink.kind(name) != BINDING_IDENTIFIER) return false;
        int s = p.sink.start(name);
        return p.sink.end(name) - s == 4 && p.src[s] == 't' && p.src[s + 1] == 'h' && p.src[s + 2] == 'i' && p.src[s + 3] == 's';
    }

    /**
     * TypeScript's parser reads `export`, `const`, `in`, `out` as modifiers of a member when what can
     * follow a modifier follows (on the same line, `export` excepted), and `async` before another
     * modifier; none is right there, its checker says why. Returns the flag to record (MOD_EXPORT,
     * MOD_CONST, MOD_IN, MOD_OUT, or F_ASYNC for the function), 0 when the word is no such modifier.
     */
    /**
     * An `async` before what is no method: TS1042 at the word — the grammar checks' in TypeScript files, which read it
     * among the member's modifiers (the member is marked MOD_MISPLACED for them); the parser's in JavaScript files.
     * Returns the function flags without it.
     */
    private static int misplacedAsync(ParseContext p, int asyncStart, boolean field) {
        if (!p.ts) {
            // on a field TypeScript's checker names the language first (TS8009), then the place (an accessor: the place)
            if (field) p.checkerLevelError(asyncStart, asyncStart + 5, Diag.TS_ONLY_MODIFIER, K_ASYNC);
            p.errorAlso(asyncStart, asyncStart + 5, Diag.MODIFIER_NOT_HERE, K_ASYNC);
        }
        return 0;
    }

    private static int misplacedMemberModifier(ParseContext p, int fnFlags) {
        int flag;
        switch (p.tok) {
            case K_EXPORT: flag = MOD_EXPORT; break;
            case K_CONST: flag = MOD_CONST; break;
            case K_IN: flag = MOD_IN; break;
            case K_OUT: flag = MOD_OUT; break;
            case K_ASYNC: flag = (fnFlags & F_ASYNC) == 0 ? F_ASYNC : 0; break;
            default: return 0;
        }
        if (flag == 0) return 0;
        int pk = p.peek();
        if (flag == MOD_EXPORT) {
            return pk != STAR && pk != LBRACE && pk != K_AS && canFollowModifier(pk) ? flag : 0;
        }
        if (p.peekNewline != 0) return 0;
        if (flag == F_ASYNC) return isMemberModifierWord(pk) ? flag : 0; // `async m()` stays the method's own
        return canFollowModifier(pk) ? flag : 0;
    }

    /** What may follow a modifier in TypeScript's parser (its canFollowModifier). */
    private static boolean canFollowModifier(int k) {
        return k == LBRACKET || k == LBRACE || k == STAR || k == ELLIPSIS || Token.isIdentifierName(k) || k == STRING
                || k == NUMBER || k == BIGINT || k == PRIVATE_NAME;
    }

    private static boolean isMemberModifierWord(int k) {
        switch (k) {
            case K_STATIC: case K_PUBLIC: case K_PRIVATE: case K_PROTECTED: case K_READONLY: case K_DECLARE: case K_ABSTRACT:
            case K_OVERRIDE: case K_ACCESSOR: case K_EXPORT: case K_CONST: case K_IN: case K_OUT:
                return true;
            default:
                return false;
        }
    }

    static boolean isClassMemberNameStart(ParseContext p, int k) {
        return Token.isIdentifierName(k) || k == STRING || k == NUMBER || k == BIGINT || k == LBRACKET
                || k == PRIVATE_NAME || k == STAR || k == LPAREN || k == ASSIGN || k == SEMICOLON || k == RBRACE;
    }

    private static boolean isConstructorKey(ParseContext p, int key) {
        int k = p.sink.kind(key);
        if (k == IDENTIFIER_NAME) return p.sink.data(key) == p.nameConstructor;
        if (k == STRING_LITERAL) {
            int s = p.sink.start(key), e = p.sink.end(key);
            if (e - s != 13) return false;
            String c = "constructor";
            for (int i = 0; i < 11; i++) if (p.src[s + 1 + i] != c.charAt(i)) return false;
            return true;
        }
        return false;
    }

    static boolean isNamed(ParseContext p, int key, int nameId) {
        int k = p.sink.kind(key);
        if (k == IDENTIFIER_NAME) return p.sink.data(key) == nameId;
        if (k == STRING_LITERAL) {
            int s = p.sink.start(key) + 1, e = p.sink.end(key) - 1;
            int len = p.names.length(nameId);
            if (e - s != len) return false;
            for (int i = 0; i < len; i++) if (p.src[s + i] != p.names.charAt(nameId, i)) return false;
            return true;
        }
        return false;
    }

    /** Decorator : @ (IdentifierReference (. IdentifierName)* [Arguments] | ( Expression )) */
    static void parseDecorator(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        if (!p.enter()) { p.exit(); p.sink.finish(DECORATOR, m, s, p.lastEnd, 0); return; }
        parseDecoratorExpression(p);
        p.exit();
        p.sink.finish(DECORATOR, m, s, p.lastEnd, 0);
    }

    /**
     * PropertyName : IdentifierName | StringLiteral | NumericLiteral | [ AssignmentExpression ] | PrivateIdentifier
     * Property key of an object literal or class member. Pushes one node and returns P_COMPUTED or 0,
     * or -1 (nothing pushed) when the token cannot start a key.
     */
    static int parsePropertyKey(ParseContext p) {
        int s = p.lexer.tokenStart;
        switch (p.tok) {
            case STRING: checkStringStrict(p); p.next(); p.leaf(STRING_LITERAL, s, p.lastEnd, 0); return 0;
            case NUMBER: {
                checkNumberStrict(p);
                p.next();
                p.leaf(NUMBER_LITERAL, s, p.lastEnd, 0);
                return 0;
            }
            case BIGINT: p.next(); p.leaf(BIGINT_LITERAL, s, p.lastEnd, 0); return 0;
            case PRIVATE_NAME: {
                if ((p.ctx & CTX_CLASS_BODY) == 0) p.error(s, p.lexer.tokenEnd, Diag.UNDECLARED_PRIVATE_NAME, 0);
                int id = p.lexer.internIdentifier();
                p.next();
                p.leaf(PRIVATE_IDENTIFIER, s, p.lastEnd, id);
                return 0;
            }
            case LBRACKET: {
                p.next();
                int saved = p.ctx;
                p.ctx &= ~CTX_NO_IN;
                int es = p.lexer.tokenStart;
                int em = p.sink.mark();
                parseAssignment(p);
                if (p.tok == COMMA) {
                    // TypeScript's parser takes an Expression here (its checker: TS1171); ECMAScript an AssignmentExpression
                    while (p.eat(COMMA)) parseAssignment(p);
                    p.sink.finish(SEQUENCE, em, es, p.lastEnd, 0);
                    p.error(es, p.lastEnd, Diag.COMMA_IN_COMPUTED_KEY, 0);
                }
                p.ctx = saved;
                p.expect(RBRACKET);
                return P_COMPUTED;
            }
            default:
                if (Token.isIdentifierName(p.tok)) {
                    int id = p.lexer.internIdentifier();
                    p.next();
                    p.leaf(IDENTIFIER_NAME, s, p.lastEnd, id);
                    return 0;
                }
                p.error(s, p.lexer.tokenEnd, Diag.PROPERTY_ASSIGNMENT_EXPECTED, 0);
                return -1;
        }
    }

    /**
     * Legacy octal literals, decimals with a leading zero and octal escapes: errors in strict code, and in every
     * TypeScript file (TypeScript 6's scanner reports them in scripts too: `010` is TS1121 in a sloppy `.ts`).
     */
    static void checkNumberStrict(ParseContext p) {
        if ((p.lexer.flags & (Lexer.F_LEGACY_OCTAL | Lexer.F_LEADING_ZERO_DECIMAL)) != 0 && (p.ts || p.strictHere())) {
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, (p.lexer.flags & Lexer.F_LEGACY_OCTAL) != 0 ? Diag.OCTAL_LITERAL_STRICT : Diag.DECIMAL_LEADING_ZERO_STRICT, 0);
        }
    }

    static void checkStringStrict(ParseContext p) {
        if ((p.lexer.flags & Lexer.F_OCTAL_ESCAPE) != 0 && (p.ts || p.strictHere())) {
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.OCTAL_ESCAPE_STRICT, 0);
        }
    }
}
