package dev.arenals.parser;

import static dev.arenals.parser.ClassGrammar.*;
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
import dev.arenals.parser.lexer.Token;

/**
 * Modules: `import` and `export` declarations in all their forms, module specifiers, import
 * attributes, and the `import(…)` / `import.meta` expressions. Module syntax seen under the AUTO
 * goal makes the file a module.
 */
final class ModuleGrammar {
    private ModuleGrammar() {}

    // ------------------------------------------------------------------ modules

    /** ImportDeclaration : import [type] (ImportClause from)? ModuleSpecifier [WithClause] ;  |  import x = ... (TS) */
    static void parseImportDeclaration(ParseContext p, boolean topLevel) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if ((!p.module && !p.autoGoal) || !topLevel) p.error(s, p.lexer.tokenEnd, p.ts ? Diag.IMPORT_TOP_LEVEL_OF_NAMESPACE : Diag.IMPORT_EXPORT_TOP_LEVEL, 0);
        boolean sawModuleSyntaxBefore = p.sawModuleSyntax;
        if (makesModule(p, topLevel)) p.sawModuleSyntax = true;
        p.next();
        int phase = 0;
        if (p.ts && p.atContextual(K_TYPE)) {
            int pk = p.peek();
            // TypeScript's parseImportDeclarationOrImportEqualsDeclaration: before `from`, `type` is the modifier only
            // when `from` or `=` follows that (`import type from from "m"`); else it names the default import
            boolean typeOnly = pk == LBRACE || pk == STAR
                    || (Token.isIdentifierLike(pk) && (pk != K_FROM || p.peek2() == K_FROM || p.peek2() == ASSIGN));
            if (typeOnly) {
                p.next();
                phase = MOD_TYPE_ONLY;
            }
        }
        // TypeScript's parser knows `import defer` but not the source phase (`import source x from`), and
        // after `import type` no phase (`import type defer * as x` imports a `defer`)
        if (phase != MOD_TYPE_ONLY && ((p.atContextual(K_SOURCE) && !p.ts) || p.atContextual(K_DEFER))) {
            int pk = p.peek();
            boolean isPhase = p.tok == K_SOURCE ? Token.isIdentifierLike(pk) && pk != K_FROM : pk == STAR;
            // TypeScript's parser takes `defer` as the phase before a name or `{` too (not before `from "m"`, `,`
            // or `=`), and its checker reports the binding (TS18058/18059) — in JavaScript files too, where ECMAScript's
            // syntax error is reported with TypeScript's code at its place
            int deferStart = p.lexer.tokenStart;
            boolean deferMisused = p.tok == K_DEFER && !isPhase
                    && (pk == K_FROM ? p.peek2() != STRING : Token.isIdentifierLike(pk) || pk == LBRACE);
            if (deferMisused) {
                p.next();
                phase = 2;
                p.error(deferStart, p.lexer.tokenEnd, p.tok == LBRACE ? Diag.DEFER_NAMED_IMPORTS : Diag.DEFER_DEFAULT_IMPORT, 0);
            }
            if (p.tok == K_SOURCE && pk == K_FROM) {
                // `import source from "x"` imports a binding named source; `import source from from "x"` is a phase import
                int k2 = p.peek2();
                isPhase = k2 == K_FROM;
            }
            // TypeScript files: `import defer "m"` is a side-effect import to TypeScript's parser (`defer` is the phase
            // before anything but `,`, `=` or `from "…"`, and no clause follows), which its checker lets pass
            if (p.ts && p.tok == K_DEFER && pk == STRING) isPhase = true;
            if (isPhase) {
                phase = p.tok == K_SOURCE ? 1 : 2;
                p.next();
            }
        }
        if (p.tok == STRING) {
            parseModuleSpecifier(p);
        } else {
            boolean any = false;
            if (Token.isIdentifierLike(p.tok) || (Token.isReserved(p.tok) && p.tok != K_DEFAULT)) {
                int ds = p.lexer.tokenStart;
                int dm = p.sink.mark();
                parseBindingIdentifier(p);
                if (p.ts && p.tok == ASSIGN) {
                    // import x = require("m") / import x = A.B; only the first makes a module, as in TypeScript
                    if (!parseImportEqualsRest(p, s, m, phase == MOD_TYPE_ONLY ? 1 : 0)) p.sawModuleSyntax = sawModuleSyntaxBefore;
                    return;
                }
                p.sink.finish(IMPORT_DEFAULT_SPECIFIER, dm, ds, p.lastEnd, 0);
                any = true;
                if (!p.eat(COMMA)) {
                    if (p.tok == STAR || p.tok == LBRACE) p.errorExpected(COMMA); // import a { b } from "m"
                } else if (p.tok != STAR && p.tok != LBRACE) {
                    p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, LBRACE);
                }
            }
            if (p.tok == STAR) {
                int ns = p.lexer.tokenStart;
                int nm = p.sink.mark();
                p.next();
                if (p.atContextual(K_AS)) p.next(); else p.errorExpected(K_AS);
                parseBindingIdentifier(p);
                p.sink.finish(IMPORT_NAMESPACE_SPECIFIER, nm, ns, p.lastEnd, 0);
                any = true;
            } else if (p.tok == LBRACE) {
                p.next();
                while (p.tok != RBRACE && p.tok != EOF) {
                    int is = p.lexer.tokenStart;
                    int im = p.sink.mark();
                    if (p.ts && p.atContextual(K_TYPE) && typeModifiesSpecifier(p)) p.next(); // inline `type` modifier
                    int nameTok = p.tok;
                    int nameFlags = p.lexer.flags;
                    int nameStart = p.lexer.tokenStart; // after an inline `type`, which is the specifier's, not the name's
                    int nameEnd = p.lexer.tokenEnd;
                    if (p.tok == STRING) {
                        checkWellFormedModuleString(p);
                        p.next();
                        p.leaf(STRING_LITERAL, nameStart, p.lastEnd, 0);
                        if (p.atContextual(K_AS)) p.next(); else p.errorExpected(K_AS);
                        parseBindingIdentifier(p);
                    } else if (Token.isIdentifierName(p.tok)) {
                        int id = p.lexer.internIdentifier();
                        p.next();
                        if (p.atContextual(K_AS)) {
                            p.leaf(IDENTIFIER_NAME, nameStart, p.lastEnd, id);
                            p.next();
                            parseBindingIdentifier(p);
                        } else {
                            p.leaf(IDENTIFIER_NAME, nameStart, p.lastEnd, id);
                            checkIdentifierReference(p, nameTok, nameFlags, nameStart, nameEnd, true);
                            p.leaf(BINDING_IDENTIFIER, nameStart, nameEnd, id);
                        }
                    } else {
                        p.error(is, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                        if (p.tok == SEMICOLON || p.tok == K_FROM) break;
                        p.next();
                        p.sink.finish(INVALID, im, is, p.lastEnd, 0);
                        continue;
                    }
                    p.sink.finish(IMPORT_SPECIFIER, im, is, p.lastEnd, 0);
                    if (p.tok != RBRACE && !p.eat(COMMA)) { p.errorExpected(COMMA); if (!Token.isIdentifierName(p.tok) && p.tok != STRING) break; }
                }
                p.expect(RBRACE);
                any = true;
            }
            if (!any) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            if (p.atContextual(K_FROM)) p.next(); else p.errorExpected(K_FROM);
            parseModuleSpecifier(p);
        }
        parseImportAttributes(p);
        p.semicolon();
        p.sink.finish(IMPORT_DECLARATION, m, s, p.lastEnd, phase);
    }

    /** ModuleSpecifier : StringLiteral */
    static void parseModuleSpecifier(ParseContext p) {
        if (p.tok == STRING) {
            int s = p.lexer.tokenStart;
            checkStringStrict(p); // a module's specifier is strict code's string like any other
            p.next();
            p.leaf(STRING_LITERAL, s, p.lastEnd, 0);
        } else {
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, STRING);
            p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart);
        }
    }

    private static void checkWellFormedModuleString(ParseContext p) {
        // a module export name must not contain lone surrogates
        int s = p.lexer.tokenStart, e = p.lexer.tokenEnd;
        String v = dev.arenals.parser.lexer.Literals.cookString(p.src, s, e);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) { i++; continue; }
                p.error(s, e, Diag.STRING_EXPORT_NAME, 0);
                return;
            }
            if (Character.isLowSurrogate(c)) { p.error(s, e, Diag.STRING_EXPORT_NAME, 0); return; }
        }
    }

    /** WithClause : (with | assert) { (AttributeKey : StringLiteral),* } */
    private static void parseImportAttributes(ParseContext p) {
        if (p.tok == K_WITH) {
            int s = p.lexer.tokenStart;
            int m = p.sink.mark();
            p.next();
            p.expect(LBRACE);
            int count = 0;
            while (p.tok != RBRACE && p.tok != EOF) {
                int as = p.lexer.tokenStart;
                int am = p.sink.mark();
                if (p.tok == STRING) {
                    p.next();
                    p.leaf(STRING_LITERAL, as, p.lastEnd, 0);
                } else if (Token.isIdentifierName(p.tok)) {
                    int id = p.lexer.internIdentifier();
                    p.next();
                    p.leaf(IDENTIFIER_NAME, as, p.lastEnd, id);
                } else {
                    p.error(as, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                    break;
                }
                p.expect(COLON);
                parseModuleSpecifier(p);
                p.sink.finish(IMPORT_ATTRIBUTE, am, as, p.lastEnd, 0);
                checkDuplicateAttribute(p, m, count);
                count++;
                if (p.tok != RBRACE && !p.eat(COMMA)) { p.errorExpected(COMMA); break; }
            }
            p.expect(RBRACE);
            p.sink.finish(IMPORT_ATTRIBUTES, m, s, p.lastEnd, 0);
        }
    }

    private static void checkDuplicateAttribute(ParseContext p, int m, int count) {
        int last = p.sink.pending(p.sink.mark() - 1);
        int lastKey = p.sink.firstChild(last);
        for (int i = m; i < p.sink.mark() - 1; i++) {
            int other = p.sink.firstChild(p.sink.pending(i));
            if (other >= 0 && lastKey >= 0 && sameKeyText(p, other, lastKey)) {
                p.error(p.sink.start(lastKey), p.sink.end(lastKey), Diag.DUPLICATE_EXPORT, -1);
                return;
            }
        }
    }

    private static boolean sameKeyText(ParseContext p, int a, int b) {
        String x = keyText(p, a), y = keyText(p, b);
        return x != null && x.equals(y);
    }

    private static String keyText(ParseContext p, int n) {
        if (p.sink.kind(n) == STRING_LITERAL) return dev.arenals.parser.lexer.Literals.cookString(p.src, p.sink.start(n), p.sink.end(n));
        if (p.sink.kind(n) == IDENTIFIER_NAME) return p.names.name(p.sink.data(n));
        return null;
    }

    /**
     * TypeScript's error for an `export` below the top level (current token: `export`): `export
     * default` 1258, `export =` 1231, `export import` 1232, `export {}`/`*` 1233; before a declaration,
     * none: TypeScript's parser takes `export` as its modifier and its checker reports TS1184, as
     * the grammar checks do.
     */
    private static Diag exportBelowTopLevel(ParseContext p) {
        int k = p.peek();
        switch (k) {
            case K_DEFAULT: return Diag.EXPORT_DEFAULT_TOP_LEVEL;
            case ASSIGN: return Diag.EXPORT_ASSIGNMENT_TOP_LEVEL;
            case K_IMPORT: return Diag.IMPORT_TOP_LEVEL_OF_NAMESPACE;
            case K_TYPE: {
                int k2 = p.peek2();
                return k2 == LBRACE || k2 == STAR ? Diag.EXPORT_TOP_LEVEL_OF_NAMESPACE : null;
            }
            case K_VAR: case K_LET: case K_CONST: case K_FUNCTION: case K_CLASS: case K_ENUM: case K_INTERFACE:
            case K_NAMESPACE: case K_MODULE: case K_DECLARE: case K_ABSTRACT: case K_ASYNC: case AT:
                return null;
            default:
                return Diag.EXPORT_TOP_LEVEL_OF_NAMESPACE;
        }
    }

    /**
     * JavaScript's `export` below the top level (current token: `export`): before a declaration TypeScript's
     * parser takes it for a modifier, which its checker puts nowhere but at the top level (TS1184).
     */
    private static Diag exportBelowTopLevelInJavaScript(ParseContext p) {
        switch (p.peek()) {
            case K_VAR: case K_LET: case K_CONST: case K_FUNCTION: case K_CLASS: case K_ASYNC:
                return Diag.MODIFIERS_NOT_HERE;
            case K_USING:
                return Token.isIdentifierLike(p.peek2()) ? Diag.MODIFIERS_NOT_HERE : Diag.EXPORT_TOP_LEVEL;
            case K_AWAIT:
                return p.peek2() == K_USING ? Diag.MODIFIERS_NOT_HERE : Diag.EXPORT_TOP_LEVEL;
            default:
                return Diag.EXPORT_TOP_LEVEL;
        }
    }

    /**
     * Whether `export default` (current token: the one after `default`) exports a declaration: misplaced, its
     * modifiers are TypeScript's error (TS1184), else the export is (TS1258).
     */
    private static boolean startsDefaultExportedDeclaration(ParseContext p) {
        if (p.tok == K_FUNCTION || p.tok == K_CLASS || p.tok == AT) return true; // (a decorated class)
        if (p.atContextual(K_ASYNC)) return isAsyncFunction(p);
        if (p.ts && p.atContextual(K_ABSTRACT)) return p.peek() == K_CLASS;
        return p.ts && p.atContextual(K_INTERFACE);
    }

    /**
     * Whether an import or export here makes an AUTO file a module. TypeScript files: only a statement of the
     * file's own list (isFileProbablyExternalModule asks the top-level statements alone), so a file whose one
     * `export` stands in a block or a function stays a script — sloppy, a top-level `await` TS1375 — and the
     * misplaced export keeps its own error (TS1184, TS1233, …, the same in a script and a module). JavaScript
     * files: any outside a namespace, as before (ECMAScript has no misplaced export to read as a script).
     */
    private static boolean makesModule(ParseContext p, boolean topLevel) {
        return p.moduleBlockDepth == 0 && (topLevel || !p.ts);
    }

    /**
     * The expression of `export =` or `export default`: TypeScript's parseExportAssignment parses it in an
     * await context wherever it stands, so `await` there is an await expression in a namespace or an
     * ambient module too (`declare module "m" { export = await }` lacks its operand).
     */
    private static void parseExportedExpression(ParseContext p) {
        int saved = p.ctx;
        if (p.ts) p.ctx |= CTX_AWAIT | CTX_TS_AWAIT;
        parseAssignment(p);
        p.ctx = saved;
    }

    /** ExportDeclaration : export (* [as ModuleExportName] from ... | { ExportsList } [from ...] | Declaration | default ... | = Expression (TS)) */
    static void parseExportDeclaration(ParseContext p, boolean topLevel) {
        int s = p.lexer.tokenStart;
        int exportStart = s; // after any decorators (`@d export default class`)
        int m = p.sink.mark();
        if (p.pendingExportMark >= 0) {
            m = p.pendingExportMark;
            s = p.sink.start(p.sink.pending(m));
            p.pendingExportMark = -1;
        }
        int exportEnd = p.lexer.tokenEnd;
        p.classExportStart = s; // a class it declares starts here to TypeScript
        // a misplaced `export default`: TypeScript's code depends on what follows `default` (decided there)
        boolean misplacedDefault = false;
        if (!topLevel && (!p.ts || p.module || p.autoGoal)) {
            if (p.peek() == K_DEFAULT) {
                misplacedDefault = true;
            } else {
                Diag misplaced = p.ts ? exportBelowTopLevel(p) : exportBelowTopLevelInJavaScript(p);
                if (misplaced != null) p.error(s, exportEnd, misplaced, 0);
            }
        } else if (!p.module && !p.autoGoal) {
            p.error(s, exportEnd, p.ts ? Diag.EXPORT_TOP_LEVEL_OF_NAMESPACE : Diag.EXPORT_TOP_LEVEL, 0);
        }
        if (makesModule(p, topLevel)) p.sawModuleSyntax = true;
        p.next();
        if (p.ts) {
            if (p.tok == ASSIGN) {
                // export = expression
                p.next();
                parseExportedExpression(p);
                p.semicolon();
                p.sink.finish(EXPORT_ASSIGNMENT, m, s, p.lastEnd, 0);
                return;
            }
            if (p.atContextual(K_AS) && p.peek() == K_NAMESPACE) {
                p.next();
                p.next();
                parseBindingIdentifierAnyWord(p);
                p.semicolon();
                p.sink.finish(NAMESPACE_EXPORT, m, s, p.lastEnd, 0);
                return;
            }
            if (p.tok == K_IMPORT && !p.escaped()) {
                // export import A = B.C
                int is = p.lexer.tokenStart;
                int im = p.sink.mark();
                p.next();
                parseBindingIdentifier(p);
                if (p.tok == ASSIGN) parseImportEqualsRest(p, is, im, 2); else p.errorExpected(ASSIGN);
                p.sink.finish(EXPORT_NAMED, m, s, p.lastEnd, 0);
                return;
            }
            if (p.atContextual(K_TYPE)) {
                int pk = p.peek();
                // export type { A } / export type * from; `export type as` too (TypeScript's canFollowExportModifier: `{` expected)
                if (pk == LBRACE || pk == STAR || pk == K_AS) p.next();
            }
            if (p.tok != K_DEFAULT && p.tok != STAR && p.tok != LBRACE && tryParseTypeScriptDeclaration(p, p.lexer.tokenStart, p.sink.mark(), MOD_EXPORT)) {
                p.sink.finish(EXPORT_NAMED, m, s, p.lastEnd, 0);
                return;
            }
        }
        if (p.tok == K_DEFAULT) {
            if (p.escaped()) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
            p.next();
            int ds = p.lexer.tokenStart;
            if (misplacedDefault) {
                // TS1184 at the modifier `export` (checkGrammarModifiers skips the decorators), TS1258 at the statement
                if (startsDefaultExportedDeclaration(p)) p.error(exportStart, exportEnd, Diag.MODIFIERS_NOT_HERE, 0);
                else p.error(s, exportEnd, Diag.EXPORT_DEFAULT_TOP_LEVEL, 0);
            }
            if (p.ts && p.atContextual(K_INTERFACE)) {
                // TypeScript's parser takes `export default interface` for the declaration whatever follows (its
                // nextTokenCanFollowDefaultKeyword): the name may be on the next line, or missing
                if (Token.isIdentifierLike(p.peek())) {
                    parseDefaultExportedInterface(p, ds, p.sink.mark(), MOD_EXPORT | MOD_DEFAULT);
                } else {
                    p.next();
                    p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                    p.errorNode(ds, p.lastEnd);
                }
                p.sink.finish(EXPORT_DEFAULT, m, s, p.lastEnd, 0);
                return;
            }
            if (p.ts && (p.atContextual(K_INTERFACE) || p.atContextual(K_ABSTRACT)) && tryParseTypeScriptDeclaration(p, ds, p.sink.mark(), MOD_EXPORT | MOD_DEFAULT)) {
                p.sink.finish(EXPORT_DEFAULT, m, s, p.lastEnd, 0);
                return;
            }
            if (p.tok == K_FUNCTION) {
                parseFunctionDeclaration(p, ds, 0, true);
            } else if (p.atContextual(K_ASYNC) && isAsyncFunction(p)) {
                p.next();
                parseFunctionDeclaration(p, ds, F_ASYNC, true);
            } else if (p.tok == K_CLASS) {
                p.classNameOptional = true;
                p.classExported = true;
                parseClass(p, true, ds);
            } else if (p.tok == AT) {
                p.classExported = true;
                parseDecoratedClass(p, ds, true, true);
            } else {
                parseExportedExpression(p);
                p.semicolon();
            }
            p.sink.finish(EXPORT_DEFAULT, m, s, p.lastEnd, 0);
            return;
        }
        if (p.tok == STAR) {
            p.next();
            if (p.atContextual(K_AS)) {
                p.next();
                parseModuleExportName(p);
            }
            if (p.atContextual(K_FROM)) p.next(); else p.errorExpected(K_FROM);
            parseModuleSpecifier(p);
            parseImportAttributes(p);
            p.semicolon();
            p.sink.finish(EXPORT_ALL, m, s, p.lastEnd, 0);
            return;
        }
        if (p.tok == LBRACE) {
            p.next();
            int firstSpec = p.sink.mark();
            while (p.tok != RBRACE && p.tok != EOF) {
                if (p.ts && p.atContextual(K_TYPE) && typeModifiesSpecifier(p)) p.next();
                int es = p.lexer.tokenStart;
                int em = p.sink.mark();
                if (!parseModuleExportName(p)) {
                    if (p.tok == SEMICOLON) break;
                    p.next();
                    p.sink.finish(INVALID, em, es, p.lastEnd, 0);
                    continue;
                }
                if (p.atContextual(K_AS)) {
                    p.next();
                    parseModuleExportName(p);
                }
                p.sink.finish(EXPORT_SPECIFIER, em, es, p.lastEnd, 0);
                if (p.tok != RBRACE && !p.eat(COMMA)) { p.errorExpected(COMMA); if (!Token.isIdentifierName(p.tok) && p.tok != STRING) break; }
            }
            p.expect(RBRACE);
            boolean fromClause = false;
            if (p.atContextual(K_FROM)) {
                p.next();
                parseModuleSpecifier(p);
                parseImportAttributes(p);
                fromClause = true;
            }
            if (!fromClause) {
                // local exports must name bindings: reserved words and strings are only re-exports
                for (int i = firstSpec; i < p.sink.mark(); i++) {
                    int spec = p.sink.pending(i);
                    if (p.sink.kind(spec) != EXPORT_SPECIFIER) continue;
                    int local = p.sink.firstChild(spec);
                    if (local < 0) continue;
                    if (p.sink.kind(local) == STRING_LITERAL) {
                        p.error(p.sink.start(local), p.sink.end(local), Diag.STRING_EXPORT_NAME, 0);
                    } else {
                        int k = Token.keywordOf(p.src, p.sink.start(local), p.sink.end(local));
                        // a JavaScript module rejects `export { await }`; TypeScript's parser accepts it
                        if (k == K_AWAIT && !p.module && p.autoGoal && !p.ts) p.sloppyMattered = true;
                        if (Token.isReserved(k) || ((k == K_AWAIT) && p.module && !p.ts) || Token.isStrictReserved(k)) {
                            p.error(p.sink.start(local), p.sink.end(local), Diag.RESERVED_WORD_AS_IDENTIFIER, k);
                        }
                    }
                }
            }
            p.semicolon();
            p.sink.finish(EXPORT_NAMED, m, s, p.lastEnd, 0);
            return;
        }
        // export declaration
        switch (p.tok) {
            case K_VAR: parseVariableStatement(p, VAR_VAR); break;
            case K_CONST: parseVariableStatement(p, VAR_CONST); break;
            case K_LET: parseVariableStatement(p, VAR_LET); break;
            case K_FUNCTION: parseFunctionDeclaration(p, p.lexer.tokenStart, 0, false); break;
            case K_CLASS:
                p.classExported = true;
                parseClass(p, true, p.lexer.tokenStart);
                break;
            case AT:
                p.classExported = true;
                parseDecoratedClass(p, p.lexer.tokenStart, true, false);
                break;
            default:
                if (p.atContextual(K_ASYNC) && isAsyncFunction(p)) {
                    int fs = p.lexer.tokenStart;
                    p.next();
                    parseFunctionDeclaration(p, fs, F_ASYNC, false);
                } else if (p.atContextual(K_USING) && isUsingDeclaration(p)) {
                    // a using declaration is never exported (TypeScript files: the grammar checks' TS1491)
                    if (!p.ts) p.error(s, s + 6, Diag.MODIFIER_ON_USING, K_EXPORT);
                    parseVariableStatement(p, VAR_USING);
                } else if (p.atContextual(K_AWAIT) && isAwaitUsingDeclaration(p)) {
                    if (!p.ts) p.error(s, s + 6, Diag.MODIFIER_ON_AWAIT_USING, K_EXPORT);
                    parseVariableStatement(p, VAR_AWAIT_USING);
                } else {
                    p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
                }
        }
        p.sink.finish(EXPORT_NAMED, m, s, p.lastEnd, 0);
    }

    /** ModuleExportName : IdentifierName | StringLiteral */
    private static boolean parseModuleExportName(ParseContext p) {
        int s = p.lexer.tokenStart;
        if (p.tok == STRING) {
            checkWellFormedModuleString(p);
            p.next();
            p.leaf(STRING_LITERAL, s, p.lastEnd, 0);
            return true;
        }
        if (Token.isIdentifierName(p.tok)) {
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(IDENTIFIER_NAME, s, p.lastEnd, id);
            return true;
        }
        p.error(s, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
        return false;
    }

    // ------------------------------------------------------------------ import() and import.meta, from ExpressionGrammar.parsePrimary

    /** ImportCall : import ( AssignmentExpression [, AssignmentExpression] )  |  ImportMeta : import . meta  |  import . (source | defer) ( AssignmentExpression ) */
    static void parseImportExpression(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        if (p.tok == DOT) {
            p.next();
            if (p.atContextual(K_META)) {
                p.leaf(IDENTIFIER_NAME, s, s + 6, p.internLiteral("import"));
                int ms = p.lexer.tokenStart;
                int id = p.lexer.internIdentifier();
                p.next();
                p.leaf(IDENTIFIER_NAME, ms, p.lastEnd, id);
                if (!p.module && !p.autoGoal) p.error(s, p.lastEnd, Diag.IMPORT_META_OUTSIDE_MODULE, 0);
                if (p.autoGoal && p.moduleBlockDepth == 0) p.sawModuleSyntax = true;
                p.sink.finish(META_PROPERTY, m, s, p.lastEnd, 0);
                return;
            }
            if ((p.atContextual(K_SOURCE) || p.atContextual(K_DEFER))) {
                int phase = p.tok == K_SOURCE ? 1 : 2;
                p.next();
                if (p.tok != LPAREN) p.errorExpected(LPAREN);
                parseImportCallArguments(p, s, m, phase, false);
                return;
            }
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, K_META);
            p.sink.finish(INVALID, m, s, p.lastEnd, 0);
            return;
        }
        if (p.tok != LPAREN) {
            p.errorExpected(LPAREN);
            p.sink.finish(INVALID, m, s, p.lastEnd, 0);
            return;
        }
        parseImportCallArguments(p, s, m, 0, true);
    }

    private static void parseImportCallArguments(ParseContext p, int s, int m, int phase, boolean allowOptions) {
        if (p.tok != LPAREN) { p.sink.finish(INVALID, m, s, p.lastEnd, 0); return; }
        p.next();
        int saved = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        if (p.tok == RPAREN || p.tok == ELLIPSIS) {
            p.missingExpression();
            if (p.tok == ELLIPSIS) p.next();
        } else {
            parseAssignment(p);
        }
        if (p.eat(COMMA) && p.tok != RPAREN) {
            if (!allowOptions) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, RPAREN);
            if (p.tok == ELLIPSIS) { p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0); p.next(); }
            parseAssignment(p);
            p.eat(COMMA);
        }
        p.ctx = saved;
        p.expect(RPAREN);
        p.sink.finish(IMPORT_CALL, m, s, p.lastEnd, phase);
    }

    /**
     * At `type` in an import or export specifier: whether it is the type-only modifier, as TypeScript's
     * parser decides (parseImportOrExportSpecifier): `{type}`, `{type as X}` and `{type as as}` name
     * `type`; `{type X}`, `{type as}` and `{type as as X}` are type-only (X a word or a string).
     */
    private static boolean typeModifiesSpecifier(ParseContext p) {
        p.lookaheadBegin();
        int k = p.lexer.next();
        boolean result;
        if (k == K_AS) {
            k = p.lexer.next();
            if (k == K_AS) {
                k = p.lexer.next();
                result = Token.isIdentifierName(k) || k == STRING;
            } else {
                result = !(Token.isIdentifierName(k) || k == STRING);
            }
        } else {
            result = Token.isIdentifierName(k) || k == STRING;
        }
        p.lookaheadEnd();
        return result;
    }
}
