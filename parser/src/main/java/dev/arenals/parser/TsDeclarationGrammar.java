package dev.arenals.parser;

import static dev.arenals.parser.ClassGrammar.*;
import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.FunctionGrammar.*;
import static dev.arenals.parser.ModuleGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.StatementGrammar.*;
import static dev.arenals.parser.TypeGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Lexer;
import dev.arenals.parser.lexer.Token;

/**
 * TypeScript declarations: interfaces, type aliases, enums, namespaces and modules, `declare`,
 * `import x = require(…)` and the modifiers before them.
 */
final class TsDeclarationGrammar {
    private TsDeclarationGrammar() {}

    // ================================================================== TypeScript: declarations

    /**
     * TS declaration at a statement: interface | type | enum | namespace | module | declare ... | abstract class | global
     * interface / type / enum / namespace / module / declare / abstract at statement start; true when handled.
     */
    static boolean tryParseTypeScriptDeclaration(ParseContext p, int s, int m, int modifiers) {
        if (!p.ts) return false;
        p.enter();
        try {
            return tryParseTypeScriptDeclarationInner(p, s, m, modifiers);
        } finally {
            p.exit();
        }
    }

    private static boolean tryParseTypeScriptDeclarationInner(ParseContext p, int s, int m, int modifiers) {
        switch (p.tok) {
            case K_INTERFACE:
                if (p.escaped() || !nextIsIdentifierOnSameLine(p, false)) return false;
                parseInterface(p, s, m, modifiers);
                return true;
            case K_TYPE:
                if (p.escaped() || !nextIsIdentifierOnSameLine(p, true)) return false;
                parseTypeAlias(p, s, m, modifiers);
                return true;
            case K_ENUM:
                parseEnum(p, s, m, modifiers);
                return true;
            case K_CONST:
                if (p.peek() == K_ENUM) {
                    p.next();
                    parseEnum(p, s, m, modifiers | MOD_CONST);
                    return true;
                }
                return false;
            case K_NAMESPACE:
            case K_MODULE: {
                if (p.escaped()) return false;
                int pk = p.peek();
                if (p.peekNewline != 0) return false;
                // a reserved word does not follow (TypeScript: `namespace with` is the name `namespace`, then an error)
                if (!(Token.isIdentifierLike(pk) || (pk == STRING && p.tok == K_MODULE))) return false;
                parseModuleDeclaration(p, s, m, modifiers);
                return true;
            }
            case K_GLOBAL: {
                if (p.escaped() || (modifiers & MOD_DECLARE) == 0) {
                    // `global {`, a line break between them too, or before a plain name or `export` (TypeScript's
                    // isDeclaration: `global\nexport const x = 1` is a bodiless augmentation, then the export)
                    int pk = p.peek();
                    if (pk != LBRACE && pk != IDENTIFIER && pk != K_EXPORT) return false;
                }
                parseModuleDeclaration(p, s, m, modifiers);
                return true;
            }
            case K_PUBLIC: case K_PRIVATE: case K_PROTECTED: case K_READONLY: case K_STATIC: case K_ACCESSOR:
                if (p.escaped()) return false;
                if (!startsModifiedDeclaration(p)) {
                    // TypeScript's isStartOfStatement: such a word before another word on its line starts no
                    // statement (`static as U`, `accessor satisfies T`)
                    if (modifiers == 0) {
                        int pk = p.peek();
                        if (p.peekNewline == 0 && Token.isIdentifierName(pk)) p.error(s, p.lexer.tokenEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
                    }
                    return false;
                }
                parseModifiedDeclaration(p, s, m, modifiers);
                return true;
            case K_ASYNC:
                if (p.escaped() || p.peek() == K_FUNCTION || !startsModifiedDeclaration(p)) return false;
                parseModifiedDeclaration(p, s, m, modifiers);
                return true;
            case K_DECLARE: {
                if (p.escaped()) return false;
                int pk = p.peek();
                if (p.peekNewline == 0 && !isDeclareTarget(p, pk) && startsModifiedDeclaration(p)) {
                    parseModifiedDeclaration(p, s, m, modifiers);
                    return true;
                }
                if (p.peekNewline != 0 || !isDeclareTarget(p, pk)) return false;
                p.next();
                boolean savedAmbient = p.ambient;
                p.ambient = true;
                parseDeclaredStatement(p, s, m, modifiers | MOD_DECLARE);
                p.ambient = savedAmbient;
                return true;
            }
            case K_ABSTRACT: {
                if (p.escaped()) return false;
                int pk = p.peek();
                if (pk != K_CLASS && p.peekNewline == 0 && (modifiers & MOD_DEFAULT) == 0 && startsModifiedDeclaration(p)) {
                    parseModifiedDeclaration(p, s, m, modifiers);
                    return true;
                }
                if (pk != K_CLASS || p.peekNewline != 0) return false;
                p.next();
                p.classModifiers = modifiers | MOD_ABSTRACT;
                parseClass(p, true, s);
                if (p.sink.mark() - m > 1) p.sink.finish(INVALID, m, s, p.lastEnd, 0);
                return true;
            }
            default:
                return false;
        }
    }

    /**
     * TypeScript's parser (isDeclaration) takes `public`, `private`, `protected`, `readonly`, `abstract`,
     * `accessor`, `async`, `declare` (each followed on the same line) and `static` before a
     * declaration, then reports in its checker the ones that do not belong there (`public function`
     * TS1044, `async class` TS1042, below the top level TS1184): true at such a run of modifiers.
     */
    private static boolean startsModifiedDeclaration(ParseContext p) {
        p.lookaheadBegin();
        int k = p.tok;
        boolean result = false;
        while (true) {
            if (k == K_STATIC) {
                k = p.lexer.next();
                continue;
            }
            if (isStatementModifier(k)) {
                int prev = k;
                k = p.lexer.next();
                if (p.lexer.newlineBefore) break;
                if (prev == K_DECLARE && k == K_TYPE) { result = true; break; }
                continue;
            }
            switch (k) {
                case K_VAR: case K_LET: case K_CONST: case K_FUNCTION: case K_CLASS: case K_ENUM:
                    result = true;
                    break;
                case K_INTERFACE: case K_TYPE: case K_NAMESPACE: case K_MODULE: {
                    int next = p.lexer.next();
                    result = !p.lexer.newlineBefore && (Token.isIdentifierLike(next) || (next == STRING && k == K_MODULE));
                    break;
                }
                default:
                    break;
            }
            break;
        }
        p.lookaheadEnd();
        return result;
    }

    private static boolean isStatementModifier(int k) {
        switch (k) {
            case K_ABSTRACT: case K_ACCESSOR: case K_ASYNC: case K_DECLARE: case K_PRIVATE: case K_PROTECTED: case K_PUBLIC:
            case K_READONLY:
                return true;
            default:
                return false;
        }
    }

    /** The modifiers {@link #startsModifiedDeclaration} accepted, then the declaration, the modifiers in its data word. */
    private static void parseModifiedDeclaration(ParseContext p, int s, int m, int modifiers) {
        int fnFlags = 0;
        int lastModifier = 0;
        while (p.tok == K_STATIC || isStatementModifier(p.tok)) {
            lastModifier = p.tok;
            switch (p.tok) {
                case K_PUBLIC: modifiers |= MOD_PUBLIC; break;
                case K_PRIVATE: modifiers |= MOD_PRIVATE; break;
                case K_PROTECTED: modifiers |= MOD_PROTECTED; break;
                case K_READONLY: modifiers |= MOD_READONLY; break;
                case K_ABSTRACT: modifiers |= MOD_ABSTRACT; break;
                case K_DECLARE: modifiers |= MOD_DECLARE; break;
                case K_ASYNC: fnFlags = F_ASYNC; break;
                default: modifiers |= MOD_MISPLACED; break; // static, accessor
            }
            p.next();
        }
        if (fnFlags != 0 && p.tok != K_FUNCTION) modifiers |= MOD_MISPLACED;
        boolean savedAmbient = p.ambient;
        if ((modifiers & MOD_DECLARE) != 0) p.ambient = true;
        switch (p.tok) {
            case K_VAR: parseVariableStatementWithModifiers(p, s, VAR_VAR, modifiers); break;
            case K_LET: parseVariableStatementWithModifiers(p, s, VAR_LET, modifiers); break;
            case K_CONST:
                if (p.peek() == K_ENUM) tryParseTypeScriptDeclaration(p, s, m, modifiers);
                else parseVariableStatementWithModifiers(p, s, VAR_CONST, modifiers);
                break;
            case K_FUNCTION: parseFunctionDeclaration(p, s, fnFlags | modifiers, false); break;
            case K_CLASS: p.classModifiers = modifiers; parseClass(p, true, s); break;
            default:
                if (lastModifier == K_DECLARE && p.tok == K_TYPE && !p.escaped()) {
                    // TypeScript's isDeclaration commits to a type alias at `declare type` (`abstract declare type\nA = 1`),
                    // whose parseTypeAliasDeclaration reports a line break after `type` (TS1142; seed 2134) and a missing name
                    p.peek();
                    if (p.peekNewline != 0) {
                        p.lookaheadBegin();
                        p.lexer.next();
                        int nameStart = p.lexer.tokenStart, nameEnd = p.lexer.tokenEnd;
                        p.lookaheadEnd();
                        p.error(nameStart, nameEnd, Diag.LINE_BREAK_NOT_ALLOWED, 0);
                    }
                    parseTypeAlias(p, s, m, modifiers);
                } else if (!tryParseTypeScriptDeclaration(p, s, m, modifiers)) {
                    parseStatement(p);
                }
                break;
        }
        p.ambient = savedAmbient;
    }

    private static boolean isDeclareTarget(ParseContext p, int k) {
        switch (k) {
            case K_VAR: case K_LET: case K_CONST: case K_FUNCTION: case K_CLASS: case K_ENUM: case K_INTERFACE:
            case K_TYPE: case K_NAMESPACE: case K_MODULE: case K_ABSTRACT: case K_ASYNC:
                return true;
            case K_GLOBAL: {
                // TypeScript's isDeclaration: `global` then `{`, a name or `export` (`declare global;` is `declare`, then `global`)
                p.lookaheadBegin();
                p.lexer.next();
                int k2 = p.lexer.next();
                p.lookaheadEnd();
                return k2 == LBRACE || Token.isIdentifierLike(k2) || k2 == K_EXPORT;
            }
            case K_AWAIT:
            case K_USING: {
                // only a `using` declaration: a name or `{` on the same line (`declare using [e]` indexes `using`)
                p.lookaheadBegin();
                p.lexer.next();
                if (k == K_AWAIT && (p.lexer.next() != K_USING || p.lexer.newlineBefore || (p.lexer.flags & Lexer.F_ESCAPED) != 0)) {
                    p.lookaheadEnd();
                    return false;
                }
                int k2 = p.lexer.next();
                boolean result = !p.lexer.newlineBefore && ((Token.isIdentifierLike(k2) && k2 != K_IN) || k2 == LBRACE);
                p.lookaheadEnd();
                return result;
            }
            default:
                return false;
        }
    }

    /**
     * AmbientDeclaration : declare (VariableStatement | FunctionDeclaration | ClassDeclaration | EnumDeclaration | namespace | module | global)
     * After {@code declare} (consumed; it starts at {@code s}): the declaration it modifies. When
     * the word after it turns out not to start one ({@code declare module} at the end of the text,
     * {@code declare type} before a line break), {@code declare} was a plain identifier, as
     * TypeScript reads it: an expression statement of its own, which needs no `;` (TypeScript's
     * parseErrorForMissingSemicolonAfter says nothing after `declare`), but before `type`.
     */
    private static void parseDeclaredStatement(ParseContext p, int s, int m, int modifiers) {
        if (tryParseTypeScriptDeclaration(p, s, m, modifiers)) return;
        if (p.tok == K_MODULE || p.tok == K_NAMESPACE || p.tok == K_GLOBAL || p.tok == K_TYPE || p.tok == K_INTERFACE
                || p.tok == K_ABSTRACT || p.tok == K_ENUM) {
            int declareEnd = s + 7; // `declare`, unescaped (escaped() was checked)
            if ((modifiers & ~MOD_DECLARE) == 0) {
                p.leaf(IDENTIFIER_REFERENCE, s, declareEnd, p.internLiteral("declare"));
                p.sink.finish(EXPRESSION_STATEMENT, m, s, declareEnd, 0);
                if (p.tok == K_TYPE) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, SEMICOLON);
            } else {
                p.error(s, declareEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
            }
            parseStatement(p);
            if ((modifiers & ~MOD_DECLARE) != 0) {
                // the statement covers `declare`, which is in no node of its own
                int stmt = p.sink.pending(p.sink.mark() - 1);
                if (p.sink.start(stmt) > s) p.sink.setStart(stmt, s);
            }
            return;
        }
        switch (p.tok) {
            case K_VAR: parseVariableStatementWithModifiers(p, s, VAR_VAR, modifiers); return;
            case K_LET: parseVariableStatementWithModifiers(p, s, VAR_LET, modifiers); return;
            case K_CONST: parseVariableStatementWithModifiers(p, s, VAR_CONST, modifiers); return;
            case K_USING: parseVariableStatementWithModifiers(p, s, VAR_USING, modifiers); return;
            case K_AWAIT:
                // `declare await using x`: TS1495 (the grammar checks'); at the top level of an AUTO file, module code
                if (p.autoGoal && (p.ctx & (CTX_AWAIT | CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT)) == 0) {
                    p.sawModuleSyntax = true;
                    p.sloppyMattered = true;
                }
                parseVariableStatementWithModifiers(p, s, VAR_AWAIT_USING, modifiers);
                return;
            case K_FUNCTION: parseFunctionDeclaration(p, s, modifiers, false); return;
            case K_ASYNC: p.next(); parseFunctionDeclaration(p, s, F_ASYNC | modifiers, false); return;
            case K_CLASS: p.classModifiers = modifiers; parseClass(p, true, s); return;
            default:
                parseStatement(p);
        }
    }

    /** VariableStatement after declare/export modifiers */
    private static void parseVariableStatementWithModifiers(ParseContext p, int s, int kind, int modifiers) {
        parseVariableStatement(p, kind);
        int decl = p.sink.pending(p.sink.mark() - 1);
        p.sink.setData(decl, p.sink.data(decl) | modifiers);
        // the declaration's span starts at `declare`
        if (p.sink.start(decl) > s) p.sink.setStart(decl, s);
    }

    private static boolean nextIsIdentifierOnSameLine(ParseContext p, boolean typeAlias) {
        int pk = p.peek();
        return p.peekNewline == 0 && (Token.isIdentifierLike(pk) || (Token.isReserved(pk) && pk != K_IN && pk != K_INSTANCEOF));
    }

    /** `export default interface` (current token `interface`): a declaration wherever its name is. */
    static void parseDefaultExportedInterface(ParseContext p, int s, int m, int modifiers) {
        parseInterface(p, s, m, modifiers);
    }

    /** InterfaceDeclaration : interface BindingIdentifier [TypeParameters] [extends HeritageList] { TypeMember* } */
    private static void parseInterface(ParseContext p, int s, int m, int modifiers) {
        p.next(); // interface
        parseDeclarationName(p);
        if (p.tok == LT) parseTypeParameters(p);
        if (p.tok == K_EXTENDS) parseHeritageClause(p, K_EXTENDS);
        int bs = p.lexer.tokenStart;
        int bm = p.sink.mark();
        p.expect(LBRACE);
        int saved = p.ctx;
        // TypeScript parses an interface in the context around it, which at a module's top level has no await context
        // (an interface is never reparsed for top-level await): its members are read as a type's there
        if ((saved & (CTX_AWAIT | CTX_STATIC_BLOCK)) == 0 || (saved & (CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT | CTX_PARAMS)) == 0) {
            p.ctx = saved | CTX_IN_TYPE;
        }
        parseTypeMembers(p);
        p.ctx = saved;
        p.expect(RBRACE);
        p.sink.finish(INTERFACE_BODY, bm, bs, p.lastEnd, 0);
        p.sink.finish(INTERFACE_DECLARATION, m, s, p.lastEnd, modifiers);
    }

    /** HeritageClause : (extends | implements) ExpressionWithTypeArguments (, ExpressionWithTypeArguments)* */
    static void parseHeritageClause(ParseContext p, int keyword) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next(); // extends / implements
        if (keyword == K_EXTENDS && (p.tok == K_IMPLEMENTS || p.tok == K_EXTENDS) && !p.escaped() && startsExpressionToTypeScript(p.peek())) {
            // TypeScript's isHeritageClauseExtendsOrImplementsKeyword: before what starts an expression the word is the
            // next clause's keyword, so the list is empty (its checker's TS1097; `interface I extends implements {…}`
            // then reads `{…}` as the implements clause's object literal, and the body's `{` is missing)
            p.error(p.lastEnd, p.lastEnd, Diag.HERITAGE_LIST_EMPTY, K_EXTENDS);
        }
        if (keyword == K_IMPLEMENTS && p.tok == LBRACE) {
            // a class's `implements {`: TypeScript's isValidHeritageClauseObjectLiteral — `{}` before anything but `,`, `{`,
            // `extends` or `implements` is the class body and the list is empty (its checker's TS1097); any other object
            // literal is the list's element (its checker's TS2500), the body follows
            if (!ClassGrammar.isHeritageObjectLiteral(p)) {
                p.error(p.lastEnd, p.lastEnd, Diag.HERITAGE_LIST_EMPTY, K_IMPLEMENTS);
                p.sink.finish(HERITAGE_CLAUSE, m, s, p.lastEnd, keyword);
                return;
            }
        }
        do {
            int es = p.lexer.tokenStart;
            int em = p.sink.mark();
            if (keyword == K_IMPLEMENTS && startsNonNameHeritageExpression(p.tok)) {
                // TypeScript's element is any LeftHandSideExpression (isStartOfLeftHandSideExpression): an object literal,
                // `(Foo)`, a literal — its checker's TS2500, a type error; `()` is its parser's TS1109
                ClassGrammar.parseHeritageExpression(p);
                p.sink.finish(EXPRESSION_WITH_TYPE_ARGUMENTS, em, es, p.lastEnd, 0);
                continue;
            }
            // TypeScript's parseLeftHandSideExpressionOrHigher: a reserved word that starts no expression (`extends with`)
            if (Token.isReserved(p.tok) && !startsPrimaryExpression(p.tok)) p.error(es, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
            // a class's `implements await` where TypeScript's await context holds (async code; a module's top level, whose
            // statement it reparses): no name there, TS1109 (an interface is never reparsed: its binder's TS1262)
            else if (keyword == K_IMPLEMENTS && p.tok == K_AWAIT && !p.ambient && (p.ctx & (CTX_AWAIT | CTX_TS_AWAIT)) == CTX_AWAIT
                    && ((p.ctx & CTX_FUNCTION) != 0 || (p.module && (p.ctx & CTX_STATIC_BLOCK) == 0))) {
                p.error(es, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
            } else if (keyword == K_IMPLEMENTS && p.tok == K_AWAIT && !p.ambient && p.autoGoal && !p.module) {
                p.sloppyMattered = true; // should the file be a module, it is read again with the module's await context
            }
            parseEntityNameExpression(p, false);
            // TSX: `</` is one token to TypeScript's scanner, no type argument list (`extends A<//c`): `,` expected there
            if (p.tok == LT && p.atTsxLessThanSlash()) p.errorExpected(COMMA);
            else if (p.tok == LT) parseTypeArguments(p, true);
            p.sink.finish(EXPRESSION_WITH_TYPE_ARGUMENTS, em, es, p.lastEnd, 0);
        } while (p.eat(COMMA));
        p.sink.finish(HERITAGE_CLAUSE, m, s, p.lastEnd, keyword);
    }

    /** What starts a LeftHandSideExpression to TypeScript and no entity name (a word). */
    private static boolean startsNonNameHeritageExpression(int k) {
        return k == LBRACE || k == LPAREN || k == LBRACKET || k == STRING || k == NUMBER || k == BIGINT || k == NO_SUBST_TEMPLATE
                || k == TEMPLATE_HEAD;
    }

    /** TypeScript's isStartOfExpression: what starts an expression, a binary operator too (its error tolerance). */
    static boolean startsExpressionToTypeScript(int k) {
        return startsExpression(k) || precedence(k) > 0 || k == K_AWAIT || k == K_YIELD || k == K_AS || k == K_SATISFIES;
    }

    private static boolean startsPrimaryExpression(int k) {
        return k == K_THIS || k == K_SUPER || k == K_NULL || k == K_TRUE || k == K_FALSE || k == K_FUNCTION || k == K_CLASS
                || k == K_NEW || k == K_IMPORT;
    }

    /** a.b.c as an expression (IDENTIFIER_REFERENCE and MEMBER nodes). */
    /**
     * EntityNameExpression : Identifier (. IdentifierName)*   (or require ( ... ) as a module reference)
     * `A.B.C`; in an import-equals' module reference (moduleReference) no part may be a reserved word, as in TypeScript.
     */
    private static void parseEntityNameExpression(ParseContext p, boolean moduleReference) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (!Token.isIdentifierName(p.tok)) {
            p.error(s, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            p.errorNode(s, s);
            return;
        }
        if (moduleReference && Token.isReserved(p.tok)) p.error(s, p.lexer.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, p.tok);
        else p.checkStrictReservedName(s, p.lexer.tokenEnd);
        int id = p.lexer.internIdentifier();
        p.next();
        p.leaf(IDENTIFIER_REFERENCE, s, p.lastEnd, id);
        while (p.tok == DOT) {
            p.next();
            if (moduleReference && Token.isReserved(p.tok)) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, p.tok);
            parseMemberName(p);
            p.sink.finish(MEMBER, m, s, p.lastEnd, 0);
        }
    }

    /** TypeAliasDeclaration : type BindingIdentifier [TypeParameters] = Type ; */
    private static void parseTypeAlias(ParseContext p, int s, int m, int modifiers) {
        p.next(); // type
        parseDeclarationName(p);
        if (p.tok == LT) parseTypeParameters(p);
        p.expect(ASSIGN);
        parseTypeAliasType(p);
        p.semicolon();
        p.sink.finish(TYPE_ALIAS, m, s, p.lastEnd, modifiers);
    }

    /**
     * The name of an interface, a type alias or an enum: any word but a reserved one, and (TypeScript's parseIdentifier)
     * not `yield` in a generator nor `await` in an async function, where they are operators.
     */
    private static void parseDeclarationName(ParseContext p) {
        if ((p.tok == K_YIELD && (p.ctx & CTX_YIELD) != 0)
                || (p.tok == K_AWAIT && (p.ctx & (CTX_AWAIT | CTX_FUNCTION)) == (CTX_AWAIT | CTX_FUNCTION))) {
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
        }
        parseBindingIdentifierAnyWord(p);
    }

    /** EnumDeclaration : [const] enum BindingIdentifier { (PropertyName [= AssignmentExpression]),* } */
    private static void parseEnum(ParseContext p, int s, int m, int modifiers) {
        p.next(); // enum
        // TypeScript's parseIdentifier leaves a reserved word or a non-word where it stands (a missing name), and
        // parseEnumDeclaration ends the enum when its `{` is missing: the word starts the next statement
        // (`enum`↵`for (…) {}` is two, which matters where TypeScript reparses the second for a top-level await)
        if (Token.isReserved(p.tok)) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, p.tok);
        else if (!Token.isIdentifierName(p.tok)) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
        else parseDeclarationName(p);
        if (p.tok != LBRACE) {
            p.errorExpected(LBRACE);
            p.sink.finish(ENUM_DECLARATION, m, s, p.lastEnd, modifiers);
            return;
        }
        p.next();
        while (p.tok != RBRACE && p.tok != EOF) {
            int es = p.lexer.tokenStart;
            int em = p.sink.mark();
            if (p.tok == STRING) {
                checkStringStrict(p);
                p.next();
                p.leaf(STRING_LITERAL, es, p.lastEnd, 0);
            } else if (Token.isIdentifierName(p.tok)) {
                int id = p.lexer.internIdentifier();
                p.next();
                p.leaf(IDENTIFIER_NAME, es, p.lastEnd, id);
            } else if (p.tok == LBRACKET) {
                p.next();
                parseAssignment(p);
                p.expect(RBRACKET);
            } else {
                p.error(es, p.lexer.tokenEnd, Diag.ENUM_MEMBER_EXPECTED, 0);
                if (p.tok == SEMICOLON || p.tok == RPAREN) break;
                p.next();
                p.sink.finish(INVALID, em, es, p.lastEnd, 0);
                continue;
            }
            if (p.eat(ASSIGN)) {
                int saved = p.ctx;
                if ((p.ctx & CTX_FUNCTION) == 0) p.ctx = (p.ctx & ~CTX_AWAIT) | CTX_NO_TOP_LEVEL_AWAIT;
                parseAssignment(p);
                p.ctx = saved;
            }
            p.sink.finish(ENUM_MEMBER, em, es, p.lastEnd, 0);
            if (p.tok != RBRACE && !p.eat(COMMA)) { p.errorExpected(COMMA); if (!Token.isIdentifierName(p.tok) && p.tok != STRING) break; }
        }
        p.expect(RBRACE);
        p.sink.finish(ENUM_DECLARATION, m, s, p.lastEnd, modifiers);
    }

    /** ModuleDeclaration : (namespace | module) IdentifierPath { ModuleItem* } | module StringLiteral [{ ... }] | global { ... } */
    private static void parseModuleDeclaration(ParseContext p, int s, int m, int modifiers) {
        int keyword = p.tok;
        if (p.tok != K_GLOBAL) p.next(); // namespace / module
        int ns = p.lexer.tokenStart;
        int nameToken = p.tok;
        if (p.tok == STRING) {
            p.next();
            p.leaf(STRING_LITERAL, ns, p.lastEnd, 0);
        } else if (p.tok == K_GLOBAL && keyword == K_GLOBAL) {
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(IDENTIFIER_NAME, ns, p.lastEnd, id);
        } else {
            // a.b.c
            int nm = p.sink.mark();
            int id = p.lexer.internIdentifier();
            if (!Token.isIdentifierName(p.tok)) p.error(ns, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            else p.checkStrictReservedName(ns, p.lexer.tokenEnd);
            p.next();
            p.leaf(BINDING_IDENTIFIER, ns, p.lastEnd, id);
            while (p.tok == DOT) {
                p.next();
                int qs = p.lexer.tokenStart;
                int qid = p.lexer.internIdentifier();
                if (!Token.isIdentifierName(p.tok)) p.error(qs, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                else p.checkStrictReservedName(qs, p.lexer.tokenEnd);
                p.next();
                p.leaf(IDENTIFIER_NAME, qs, p.lastEnd, qid);
                p.sink.finish(QUALIFIED_NAME, nm, ns, p.lastEnd, 0);
            }
        }
        if (p.tok == LBRACE) {
            int bs = p.lexer.tokenStart;
            int bm = p.sink.mark();
            p.next();
            int savedCtx = p.ctx;
            int savedLabelBase = p.labels.base;
            p.labels.base = p.labels.top;
            if ((p.ctx & CTX_FUNCTION) == 0) p.ctx = (p.ctx & ~CTX_AWAIT) | CTX_NO_TOP_LEVEL_AWAIT;
            p.ctx &= ~(CTX_FUNCTION | CTX_ITERATION | CTX_BREAKABLE);
            boolean savedAmbient = p.ambient;
            if ((modifiers & MOD_DECLARE) != 0) p.ambient = true;
            p.moduleBlockDepth++;
            parseStatementList(p, RBRACE, true);
            p.moduleBlockDepth--;
            p.ambient = savedAmbient;
            p.ctx = savedCtx;
            p.labels.base = savedLabelBase;
            p.expect(RBRACE);
            p.sink.finish(MODULE_BLOCK, bm, bs, p.lastEnd, 0);
        } else if (nameToken == STRING || keyword == K_GLOBAL) {
            p.semicolon(); // `declare module "m";`, `declare global;`: no body needed
        } else {
            p.errorExpected(LBRACE); // a namespace has a body (TypeScript's parser)
        }
        p.sink.finish(MODULE_DECLARATION, m, s, p.lastEnd, keyword | modifiers);
    }

    /**
     * ImportEqualsDeclaration : import [type] BindingIdentifier = (require ( StringLiteral ) | EntityName) ;
     * `import x = require("m")` / `import x = A.B` after `import [type] x` (current token `=`); whether it was `require`.
     */
    static boolean parseImportEqualsRest(ParseContext p, int s, int m, int flags) {
        p.next(); // =
        int rs = p.lexer.tokenStart;
        if (p.atContextual(K_REQUIRE) && p.peek() == LPAREN) {
            int rm = p.sink.mark();
            p.next();
            p.next(); // (
            parseModuleSpecifier(p);
            p.expect(RPAREN);
            p.sink.finish(EXTERNAL_MODULE_REFERENCE, rm, rs, p.lastEnd, 0);
            p.semicolon();
            p.sink.finish(IMPORT_EQUALS, m, s, p.lastEnd, flags);
            return true;
        }
        parseEntityNameExpression(p, true);
        p.semicolon();
        p.sink.finish(IMPORT_EQUALS, m, s, p.lastEnd, flags);
        return false;
    }
}
