package dev.arenals.parser;

import static dev.arenals.parser.ClassGrammar.*;
import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.FunctionGrammar.*;
import static dev.arenals.parser.ModuleGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.PatternGrammar.*;
import static dev.arenals.parser.TsDeclarationGrammar.*;
import static dev.arenals.parser.TypeGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Lexer;
import dev.arenals.parser.lexer.Token;
import java.util.Arrays;

/**
 * Statements: the program, directive prologues, statement lists, declarations by `var`/`let`/`const`/
 * `using`, `if`, loops, `switch`, `try`, labels, `break`/`continue`/`return`/`throw`/`with`.
 * Static methods over the {@link ParseContext} {@code p}, as every grammar area.
 */
final class StatementGrammar {
    private StatementGrammar() {}

    // ------------------------------------------------------------------ program

    /** Script : StatementList? EOF  |  Module : ModuleItemList? EOF */
    static void parseProgram(ParseContext p) {
        int m = p.sink.mark();
        parseDirectivesAndStatements(p, EOF, true);
        if (p.tok != EOF && !p.tooDeep) {
            // parseDirectivesAndStatements only stops at EOF; keep the invariant explicit
            while (p.tok != EOF) p.next();
        }
        p.sink.finish(PROGRAM, m, 0, p.srcLength, p.wasModule() ? 1 : 0);
    }

    /**
     * FunctionBody/Script : DirectivePrologue? StatementList   (DirectivePrologue : StringLiteral ; ...)
     * Statement list with a directive prologue. Returns true when the prologue holds "use strict"
     * (and switches to strict mode for the rest of the list).
     */
    static boolean parseDirectivesAndStatements(ParseContext p, int end, boolean topLevel) {
        p.inCaseClause = false; // a function body in a case clause is not the clause (`using` is at home there)
        boolean becameStrict = false;
        int firstOctal = -1;
        while (p.tok == STRING) {
            int pk = p.peek();
            // a string followed by something that continues an expression is not a directive
            if (!(pk == SEMICOLON || pk == RBRACE || pk == EOF || p.peekNewline != 0)) break;
            if (pk != SEMICOLON && pk != RBRACE && pk != EOF && isExpressionContinuation(pk)) break;
            int s = p.lexer.tokenStart;
            boolean useStrict = p.lexer.tokenIsUseStrict();
            if ((p.lexer.flags & Lexer.F_OCTAL_ESCAPE) != 0 && firstOctal < 0) firstOctal = s;
            int m = p.sink.mark();
            p.leaf(STRING_LITERAL, s, p.lexer.tokenEnd, 0);
            p.next();
            p.semicolon();
            p.sink.finish(EXPRESSION_STATEMENT, m, s, p.lastEnd, 1);
            if (useStrict) {
                p.ctx |= CTX_STRICT;
                becameStrict = true;
            }
        }
        if (firstOctal >= 0 && (p.ts || p.strictHere())) p.error(firstOctal, firstOctal + 1, Diag.OCTAL_ESCAPE_STRICT, 0);
        parseStatementList(p, end, topLevel);
        return becameStrict;
    }

    /** StatementList : StatementListItem*   (until the closing token) */
    static void parseStatementList(ParseContext p, int end, boolean topLevel) {
        while (p.tok != end && p.tok != EOF) parseStatementListStep(p, end, topLevel);
    }

    /** StatementListItem, skipping one token when no progress is made */
    static void parseStatementListStep(ParseContext p, int end, boolean topLevel) {
        int before = p.lexer.tokenStart;
        parseStatementListItem(p, topLevel);
        if (p.lexer.tokenStart == before && p.tok != EOF && p.tok != end) {
            // no progress: skip the token so the loop always advances
            int s = p.lexer.tokenStart;
            p.error(s, p.lexer.tokenEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
            p.next();
            p.errorNode(s, p.lastEnd);
        }
    }

    // ------------------------------------------------------------------ statements

    /** StatementListItem : Statement | Declaration | ModuleItem (import/export) | TS declaration */
    private static void parseStatementListItem(ParseContext p, boolean topLevel) {
        if (p.tok == AT) {
            int s = p.lexer.tokenStart;
            int m = p.sink.mark();
            parseClassDecorators(p);
            if (p.tok == K_EXPORT && !p.escaped()) {
                p.pendingExportMark = m;
                parseExportDeclaration(p, topLevel);
                return;
            }
            finishDecoratedClass(p, s, m, true, false);
            return;
        }
        if (p.ts && (Token.isContextual(p.tok) || p.tok == K_ENUM || p.tok == K_CONST)) {
            int s = p.lexer.tokenStart;
            if (tryParseTypeScriptDeclaration(p, s, p.sink.mark(), 0)) return;
        }
        switch (p.tok) {
            case K_FUNCTION:
                parseFunctionDeclaration(p, p.lexer.tokenStart, 0, false);
                return;
            case K_CLASS:
                parseClass(p, true, p.lexer.tokenStart);
                return;
            case K_CONST:
                if (!p.escaped()) { parseVariableStatement(p, VAR_CONST); return; }
                break;
            case K_IMPORT: {
                if (p.escaped()) break;
                int pk = p.peek();
                if (pk == LPAREN || pk == DOT) break; // import() / import.meta expression
                parseImportDeclaration(p, topLevel);
                return;
            }
            case K_EXPORT:
                if (p.escaped()) break;
                parseExportDeclaration(p, topLevel);
                return;
            case K_LET:
                if (isLetDeclaration(p)) { parseVariableStatement(p, VAR_LET); return; }
                break;
            case K_ASYNC:
                if (isAsyncFunction(p)) {
                    int s = p.lexer.tokenStart;
                    p.next();
                    parseFunctionDeclaration(p, s, F_ASYNC, false);
                    return;
                }
                break;
            case K_USING:
                if (isUsingDeclaration(p)) {
                    checkUsingPosition(p, topLevel);
                    parseVariableStatement(p, VAR_USING);
                    return;
                }
                break;
            case K_AWAIT:
                if (isAwaitUsingDeclaration(p)) {
                    checkUsingPosition(p, topLevel);
                    parseVariableStatement(p, VAR_AWAIT_USING);
                    return;
                }
                if (isMisplacedAwaitUsingDeclaration(p)) {
                    reportMisplacedAwaitUsing(p, p.lexer.tokenStart);
                    parseVariableStatement(p, VAR_AWAIT_USING);
                    return;
                }
                break;
            default:
                break;
        }
        parseStatement(p);
    }

    /** `using` declarations may not appear at the top level of a script or directly in a case clause. */
    private static void checkUsingPosition(ParseContext p, boolean topLevel) {
        if (topLevel && !p.module && p.autoGoal) p.sloppyMattered = true; // a module allows it
        if ((topLevel && !p.module) || p.inCaseClause) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.USING_NOT_ALLOWED_HERE, 0);
    }

    private static boolean isLetDeclaration(ParseContext p) {
        if (p.escaped()) return false;
        int pk = p.peek();
        if (pk == LBRACKET || pk == LBRACE) return true;
        if (Token.isIdentifierLike(pk)) {
            // `let` followed by a name on the next line is still a declaration, except `let \n let`? keep spec: any identifier
            return true;
        }
        return (pk == K_YIELD || pk == K_AWAIT);
    }

    static boolean isAsyncFunction(ParseContext p) {
        if (p.escaped()) return false;
        int pk = p.peek();
        return pk == K_FUNCTION && p.peekNewline == 0 && (p.peekFlags & Lexer.F_ESCAPED) == 0;
    }

    static boolean isUsingDeclaration(ParseContext p) {
        if (p.escaped()) return false;
        int pk = p.peek();
        // `using {` too, as TypeScript's parser reads it (an error either way: TS1492 then)
        return p.peekNewline == 0 && ((Token.isIdentifierLike(pk) && pk != K_IN) || pk == LBRACE);
    }

    static boolean isAwaitUsingDeclaration(ParseContext p) {
        if (p.escaped()) return false;
        // AUTO goal: `await using x` at the top level is module code, as a top-level `await x` is
        boolean topLevelAuto = p.autoGoal && (p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT | CTX_NO_TOP_LEVEL_AWAIT)) == 0;
        if ((p.ctx & CTX_AWAIT) == 0 && !topLevelAuto) return false;
        if (!awaitUsingFollows(p)) return false;
        if ((p.ctx & CTX_AWAIT) == 0) {
            if (p.ts) {
                markScriptTopLevelAwait(p, p.lexer.tokenStart, Diag.AWAIT_USING_AT_SCRIPT_TOP_LEVEL);
            } else {
                p.sawModuleSyntax = true;
                p.sloppyMattered = true; // parsed again as a module, where await using is at home
            }
        }
        return true;
    }

    /**
     * `await using x` where `await` is no operator (a function that is not async, a static block, a namespace):
     * TypeScript's parser reads the declaration, its checker says TS2852 (TS18054 in a static block), in
     * JavaScript files too. There ECMAScript makes `await` a name, and a name followed by another on its line
     * is an error either way.
     */
    private static boolean isMisplacedAwaitUsingDeclaration(ParseContext p) {
        return !p.escaped() && (p.ctx & CTX_AWAIT) == 0 && awaitUsingFollows(p);
    }

    /** The error of a misplaced `await using` (its `await` at {@code awaitStart}), as TypeScript's checker reports it. */
    private static void reportMisplacedAwaitUsing(ParseContext p, int awaitStart) {
        // (in an ambient context TypeScript's checker says TS1546 first, the grammar checks')
        if (!p.ambient) {
            p.error(awaitStart, awaitStart + 5, (p.ctx & CTX_STATIC_BLOCK) != 0
                    ? Diag.AWAIT_USING_IN_STATIC_BLOCK : Diag.AWAIT_USING_OUTSIDE_ASYNC, 0);
        }
    }

    /** At `await`: `using` and a name or `{` follow, each on the same line. */
    private static boolean awaitUsingFollows(ParseContext p) {
        p.lookaheadBegin();
        boolean result = false;
        int k = p.lexer.next();
        if (k == K_USING && !p.lexer.newlineBefore && (p.lexer.flags & Lexer.F_ESCAPED) == 0) {
            int k2 = p.lexer.next();
            result = !p.lexer.newlineBefore && (Token.isIdentifierLike(k2) || k2 == LBRACE);
        }
        p.lookaheadEnd();
        return result;
    }

    /** Statement : Block | VariableStatement | EmptyStatement | ExpressionStatement | IfStatement | BreakableStatement | ... */
    static void parseStatement(ParseContext p) {
        // within what C1 inlines (31 bytes where reached through another inlined method): the
        // rest of the prologue is parseStatementInner's, the too-deep path statementTooDeep's
        if (!p.enter()) {
            statementTooDeep(p);
            return;
        }
        try {
            parseStatementInner(p);
        } finally {
            p.exit();
        }
    }

    private static void statementTooDeep(ParseContext p) {
        p.inCaseClause = false;
        p.exit();
    }

    /** Statement, by its first token */
    private static void parseStatementInner(ParseContext p) {
        p.inCaseClause = false;
        boolean body = p.bodyPosition;
        p.bodyPosition = false;
        int s = p.lexer.tokenStart;
        if (Token.isReserved(p.tok) && p.escaped()) p.error(s, p.lexer.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
        switch (p.tok) {
            case LBRACE: parseBlock(p, BLOCK); return;
            case SEMICOLON: p.next(); p.leaf(EMPTY_STATEMENT, s, p.lastEnd, 0); return;
            case K_VAR: parseVariableStatement(p, VAR_VAR); return;
            case K_IF: parseIf(p); return;
            case K_FOR: parseFor(p); return;
            case K_WHILE: parseWhile(p); return;
            case K_DO: parseDoWhile(p); return;
            case K_CONTINUE: parseBreakContinue(p, false); return;
            case K_BREAK: parseBreakContinue(p, true); return;
            case K_RETURN: parseReturn(p); return;
            case K_WITH: parseWith(p); return;
            case K_SWITCH: parseSwitch(p); return;
            case K_THROW: parseThrow(p); return;
            case K_TRY: parseTry(p); return;
            case K_DEBUGGER: p.next(); p.semicolon(); p.leaf(DEBUGGER, s, p.lastEnd, 0); return;
            case K_FUNCTION: {
                // in a single-statement position: error (the Annex B `if` case is handled in parseIf)
                p.error(s, p.lexer.tokenEnd, Diag.GENERATOR_IN_SINGLE_STATEMENT, 0);
                parseFunctionDeclaration(p, s, 0, false);
                return;
            }
            case K_CLASS:
                p.error(s, p.lexer.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                parseClass(p, true, s);
                return;
            case AT:
                // `@d class C {}` as the body of an if or loop: a class declaration, as in TypeScript's parser
                p.error(s, p.lexer.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                parseDecoratedClass(p, s, true, false);
                return;
            case K_CONST:
                // TypeScript's parser and checker take an enum as the body of an if or a loop
                if (p.ts && p.peek() == K_ENUM && tryParseTypeScriptDeclaration(p, s, p.sink.mark(), 0)) return;
                if (!p.escaped()) {
                    p.error(s, p.lexer.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                    parseVariableStatement(p, VAR_CONST);
                    return;
                }
                break;
            case K_LET: {
                int pk = p.peek();
                if (pk == LBRACKET && !p.escaped()) {
                    // `let [` cannot start an expression statement
                    p.error(s, p.lexer.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                    parseVariableStatement(p, VAR_LET);
                    return;
                }
                // a line break makes `let` a name for ECMAScript; TypeScript's isLetDeclaration does not look (`L: let`↵`x: T = y`)
                if ((pk == LBRACE || Token.isIdentifierLike(pk)) && (p.peekNewline == 0 || p.ts) && !p.escaped()) {
                    p.error(s, p.lexer.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                    parseVariableStatement(p, VAR_LET);
                    return;
                }
                break;
            }
            case K_ASYNC:
                if (isAsyncFunction(p)) {
                    p.error(s, p.lexer.tokenEnd, Diag.GENERATOR_IN_SINGLE_STATEMENT, 0);
                    p.next();
                    parseFunctionDeclaration(p, s, F_ASYNC, false);
                    return;
                }
                break;
            case K_IMPORT: {
                int pk = p.peek();
                if (pk != LPAREN && pk != DOT) {
                    parseImportDeclaration(p, false);
                    return;
                }
                break;
            }
            case K_EXPORT:
                parseExportDeclaration(p, false);
                return;
            case K_USING:
                // TypeScript's parser takes a `using` declaration here (its checker: TS1156 in an if or a loop;
                // under a label in a block, nothing); ECMAScript never does
                if (isUsingDeclaration(p)) {
                    p.error(s, p.lexer.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                    parseVariableStatement(p, VAR_USING);
                    return;
                }
                break;
            case K_AWAIT:
                if (isAwaitUsingDeclaration(p)) {
                    p.error(s, p.lexer.tokenEnd, Diag.LEXICAL_IN_SINGLE_STATEMENT, 0);
                    parseVariableStatement(p, VAR_AWAIT_USING);
                    return;
                }
                // outside async code too (`l: await using x = y`, `if (a) await using …`): the declaration, whose
                // misplaced `await` TypeScript's checker names first (TS2852), as in a statement list
                if (isMisplacedAwaitUsingDeclaration(p)) {
                    reportMisplacedAwaitUsing(p, s);
                    parseVariableStatement(p, VAR_AWAIT_USING);
                    return;
                }
                break;
            case K_ENUM:
                if (p.ts && tryParseTypeScriptDeclaration(p, s, p.sink.mark(), 0)) return;
                p.error(s, p.lexer.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, p.tok);
                p.next();
                p.errorNode(s, p.lastEnd);
                return;
            default:
                break;
        }
        if (Token.isIdentifierLike(p.tok) && p.nextTokenMayStartWith(':')) {
            int pk = p.peek();
            if (pk == COLON) {
                parseLabelled(p, body);
                return;
            }
        }
        // TypeScript's parser takes any declaration as a statement (isStartOfDeclaration): `l: interface I {}`,
        // `do namespace N {} while (0)` (TS1235, the grammar checks'), `if (x) type T = 0` (its checker's
        // TS1156 on the name: an interface or a type alias only in a block, through labels)
        if (p.ts && Token.isContextual(p.tok) && p.tok != K_DECLARE && !p.escaped()) {
            int keyword = p.tok;
            int nameStart = -1, nameEnd = -1;
            if (body && (keyword == K_INTERFACE || keyword == K_TYPE)) {
                p.lookaheadBegin();
                p.lexer.next();
                nameStart = p.lexer.tokenStart;
                nameEnd = p.lexer.tokenEnd;
                p.lookaheadEnd();
            }
            if (tryParseTypeScriptDeclaration(p, s, p.sink.mark(), 0)) {
                if (nameStart >= 0) p.error(nameStart, nameEnd, Diag.TS_DECLARATION_IN_SINGLE_STATEMENT, keyword);
                return;
            }
        }
        // `l: declare let x`, `do declare enum E {} while (0)`: TypeScript's parser takes the declaration
        // (its checker then reports the modifier, TS1184, as the grammar checks do)
        // (`declare global` only before `{`: TypeScript's isDeclaration)
        if (p.ts && p.tok == K_DECLARE && (p.peek() != K_GLOBAL || p.peek2() == LBRACE)
                && tryParseTypeScriptDeclaration(p, s, p.sink.mark(), 0)) {
            return;
        }
        if (!startsExpression(p.tok)) {
            p.error(s, p.lexer.tokenEnd, Diag.DECLARATION_OR_STATEMENT_EXPECTED, 0);
            // skip one token; statement lists resume at the next one
            if (p.tok != EOF && p.tok != RBRACE) p.next();
            p.errorNode(s, p.lastEnd);
            return;
        }
        int m = p.sink.mark();
        boolean declareWord = p.ts && p.tok == K_DECLARE && !p.escaped();
        parseExpression(p);
        // TypeScript's parser asks no `;` after a bare `declare` (parseErrorForMissingSemicolonAfter): `declare x = 1`
        if (declareWord && p.lastEnd == s + 7) p.eat(SEMICOLON);
        else p.semicolon();
        p.sink.finish(EXPRESSION_STATEMENT, m, s, p.lastEnd, 0);
    }

    /** Block : { StatementList? } */
    private static void parseBlock(ParseContext p, int kind) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.expect(LBRACE);
        parseStatementList(p, RBRACE, false);
        p.expect(RBRACE);
        p.sink.finish(kind, m, s, p.lastEnd, 0);
    }

    /** VariableStatement : (var | let | const | using | await using) VariableDeclarationList ; */
    static void parseVariableStatement(ParseContext p, int kind) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (kind == VAR_AWAIT_USING) p.next();
        p.next();
        parseDeclarators(p, kind, false);
        p.semicolon();
        p.sink.finish(VARIABLE_DECLARATION, m, s, p.lastEnd, kind);
    }

    /**
     * VariableDeclarationList : VariableDeclaration (, VariableDeclaration)*   (VariableDeclaration : BindingTarget [: Type] [= AssignmentExpression])
     * Declarators after var/let/const/using. In a for head the caller checks initialisers. Returns the count.
     */
    private static int parseDeclarators(ParseContext p, int kind, boolean inForHead) {
        int count = 0;
        do {
            int ds = p.lexer.tokenStart;
            int m = p.sink.mark();
            boolean pattern = p.tok == LBRACKET || p.tok == LBRACE;
            if (pattern && (kind == VAR_USING || kind == VAR_AWAIT_USING)) {
                p.error(ds, p.lexer.tokenEnd, kind == VAR_USING ? Diag.USING_BINDING_PATTERN : Diag.AWAIT_USING_BINDING_PATTERN, 0);
            }
            if (!pattern && !Token.isIdentifierLike(p.tok)) {
                p.error(ds, p.lexer.tokenEnd, Token.isReserved(p.tok) ? Diag.RESERVED_WORD_AS_IDENTIFIER : Diag.VARIABLE_DECLARATION_EXPECTED, p.tok);
                if (Token.isReserved(p.tok) && p.tok != K_IN && p.tok != K_OF) p.next();
                p.errorNode(ds, p.lastEnd);
            } else {
                int letEnd = kind != VAR_VAR && p.tok == K_LET ? p.lexer.tokenEnd : -1;
                parseBindingTarget(p);
                // beside the name's own strict-mode error at the same start (TS1214 and TS2480, as TypeScript's binder and checker)
                if (letEnd >= 0) p.errorAlso(ds, letEnd, Diag.LET_AS_LEXICAL_NAME, 0);
            }
            int definite = 0;
            if (p.ts) {
                if (!pattern && !inForHead && p.tok == BANG && !p.lexer.newlineBefore) { // `let x!: T`; a pattern takes no `!` (TypeScript's parser)
                    p.next();
                    definite = 2;
                }
                parseTypeAnnotationOpt(p);
            }
            boolean init = false;
            if (p.tok == ASSIGN) {
                p.next();
                parseAssignment(p);
                init = true;
            }
            if (!init && !inForHead && !p.ambient) {
                // a pattern's rule first, whatever the kind (TypeScript's checkGrammarVariableDeclaration)
                if (pattern) {
                    p.error(ds, p.lastEnd, Diag.DESTRUCTURING_WITHOUT_INITIALIZER, 0);
                } else if (kind == VAR_CONST || kind == VAR_USING || kind == VAR_AWAIT_USING) {
                    p.errorAlso(ds, p.lastEnd, Diag.CONST_WITHOUT_INITIALIZER, 0);
                }
            }
            p.sink.finish(VARIABLE_DECLARATOR, m, ds, p.lastEnd, (init ? 1 : 0) | definite);
            count++;
        } while (p.eat(COMMA));
        return count;
    }

    /**
     * IfStatement : if ( Expression ) Statement [else Statement]
     * IfStatement : if ( Expression ) Statement [else Statement]. An {@code else if} chain is one
     * loop, not one nesting level per link: generated code has chains hundreds of links long.
     */
    private static void parseIf(ParseContext p) {
        int base = p.chainTop;
        while (true) {
            int s = p.lexer.tokenStart;
            int m = p.sink.mark();
            p.next(); // if
            parseParenthesizedCondition(p);
            parseIfBranch(p);
            if (p.eat(K_ELSE)) {
                if (p.tok == K_IF && !p.escaped()) {
                    pushChain(p, m, s);
                    p.inCaseClause = false; // as parseStatement would for the else branch
                    continue;
                }
                parseIfBranch(p);
            }
            p.sink.finish(IF, m, s, p.lastEnd, 0);
            break;
        }
        while (p.chainTop > base) {
            p.chainTop--;
            p.sink.finish(IF, p.chainMark[p.chainTop], p.chainStart[p.chainTop], p.lastEnd, 0);
        }
    }

    static void pushChain(ParseContext p, int mark, int start) {
        if (p.chainTop == p.chainMark.length) {
            p.chainMark = Arrays.copyOf(p.chainMark, p.chainTop * 2);
            p.chainStart = Arrays.copyOf(p.chainStart, p.chainTop * 2);
        }
        p.chainMark[p.chainTop] = mark;
        p.chainStart[p.chainTop] = start;
        p.chainTop++;
    }

    /** the Statement of an if or else branch (an else-if chain is iterative, see pushChain) */
    private static void parseIfBranch(ParseContext p) {
        // Annex B: `if (x) function f() {}` in sloppy code
        if (p.tok == K_FUNCTION && !p.escaped() && !p.strictHere()) {
            int pk = p.peek();
            if (pk != STAR) {
                parseFunctionDeclaration(p, p.lexer.tokenStart, 0, false);
                return;
            }
        }
        p.bodyPosition = true;
        parseStatement(p);
    }

    /** ( Expression ) */
    private static void parseParenthesizedCondition(ParseContext p) {
        p.expect(LPAREN);
        parseExpression(p);
        p.expect(RPAREN);
    }

    /** Statement in body position (of if, loops, with) */
    private static void parseBody(ParseContext p, int flags) {
        int saved = p.ctx;
        p.ctx |= flags;
        p.bodyPosition = true;
        parseStatement(p);
        p.ctx = saved;
    }

    /** WhileStatement : while ( Expression ) Statement */
    private static void parseWhile(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        parseParenthesizedCondition(p);
        parseLoopBody(p);
        p.sink.finish(WHILE, m, s, p.lastEnd, 0);
    }

    /** Statement as a loop body (break and continue allowed) */
    private static void parseLoopBody(ParseContext p) {
        parseBody(p, CTX_ITERATION | CTX_BREAKABLE);
    }

    /** DoWhileStatement : do Statement while ( Expression ) ;? */
    private static void parseDoWhile(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        parseLoopBody(p);
        p.expect(K_WHILE);
        parseParenthesizedCondition(p);
        p.eat(SEMICOLON); // a do-while is followed by an optional semicolon (ASI special case)
        p.sink.finish(DO_WHILE, m, s, p.lastEnd, 0);
    }

    /** ForStatement : for [await] ( [init] ; [Expression] ; [Expression] ) Statement | for ( head in/of Expression ) Statement */
    private static void parseFor(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        boolean isAwait = false;
        if (p.atContextual(K_AWAIT)) {
            if ((p.ctx & CTX_AWAIT) == 0 && !(p.autoGoal && (p.ctx & (CTX_FUNCTION | CTX_NO_TOP_LEVEL_AWAIT)) == 0)) {
                p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.FOR_AWAIT_OUTSIDE_ASYNC, 0);
            } else if ((p.ctx & (CTX_AWAIT | CTX_STATIC_BLOCK)) == 0 && p.ts) {
                markScriptTopLevelAwait(p, p.lexer.tokenStart, Diag.FOR_AWAIT_AT_SCRIPT_TOP_LEVEL);
            }
            isAwait = true;
            p.next();
        }
        p.expect(LPAREN);
        int headStart = p.lexer.tokenStart;
        int diagnosticsAtHead = p.log.diagnosticCount();
        int headCover = -1;
        boolean headCoverProto = false;
        int initMark = p.sink.mark();
        boolean hasInit = false;
        int declKind = -1;
        int declCount = 0;
        boolean declHasInit = false;
        boolean letIdentifier = false;
        if (p.tok == SEMICOLON) {
            // empty init
        } else {
            int saved = p.ctx;
            p.ctx |= CTX_NO_IN;
            boolean awaitUsing = p.tok == K_AWAIT && isAwaitUsingDeclaration(p);
            int misplacedAwait = -1;
            // (not in an ambient context, where TypeScript's checks stop at the statement, TS1036, and ours would go
            // on into the head; nor in a static block, whose decorated class TypeScript's checks may leave unchecked
            // where ours would go on: the expression reading stays there)
            if (p.tok == K_AWAIT && !awaitUsing && !p.ambient && (p.ctx & CTX_STATIC_BLOCK) == 0
                    && isMisplacedAwaitUsingDeclaration(p)) {
                misplacedAwait = p.lexer.tokenStart;
                awaitUsing = true;
            }
            if (p.tok == K_VAR || (p.tok == K_CONST && !p.escaped()) || (p.tok == K_LET && isLetInFor(p))
                    || (p.tok == K_USING && isUsingInFor(p)) || awaitUsing) {
                declKind = p.tok == K_VAR ? VAR_VAR : p.tok == K_CONST ? VAR_CONST : p.tok == K_LET ? VAR_LET
                        : p.tok == K_USING ? VAR_USING : VAR_AWAIT_USING;
                int ds = p.lexer.tokenStart;
                if (declKind == VAR_AWAIT_USING) p.next();
                p.next();
                int dm = p.sink.mark();
                declCount = parseDeclarators(p, declKind, true);
                // before `in` TypeScript's checker names the `await using` itself (TS1494) and nothing more
                if (misplacedAwait >= 0 && p.tok != K_IN) reportMisplacedAwaitUsing(p, misplacedAwait);
                for (int i = dm; i < p.sink.mark(); i++) {
                    if ((p.sink.data(p.sink.pending(i)) & 1) != 0) declHasInit = true;
                }
                p.sink.finish(VARIABLE_DECLARATION, dm, ds, p.lastEnd, declKind);
            } else {
                letIdentifier = p.tok == K_LET;
                int before = p.coverInitPos;
                boolean beforeProto = p.coverIsProto;
                p.coverInitPos = -1;
                parseLeftHandSideOrExpressionForHead(p);
                headCover = p.coverInitPos;
                headCoverProto = p.coverIsProto;
                p.coverInitPos = before;
                p.coverIsProto = beforeProto;
            }
            p.ctx = saved;
            hasInit = true;
        }
        if ((p.tok == K_OF && !p.escaped()) || p.tok == K_IN) {
            boolean of = p.tok == K_OF;
            int init = p.sink.pending(p.sink.mark() - 1);
            if (declKind >= 0) {
                if (declCount != 1) p.error(headStart, p.lastEnd, Diag.FOR_IN_OF_SINGLE_DECLARATION, 0);
                if ((declKind == VAR_USING || declKind == VAR_AWAIT_USING) && !of) {
                    // TypeScript's checker names the `using` (TS1493/TS1494) and checks the declaration no further: nor
                    // its `await` in a script (no TS2853 there)
                    if (declKind == VAR_AWAIT_USING) p.log.dropDiagnostics(diagnosticsAtHead, Diag.AWAIT_USING_AT_SCRIPT_TOP_LEVEL);
                    p.error(headStart, p.lastEnd, declKind == VAR_USING ? Diag.FOR_IN_USING : Diag.FOR_IN_AWAIT_USING, 0);
                } else if (declHasInit) {
                    // Annex B allows `for (var x = 1 in o)` in sloppy code for a simple binding
                    boolean annexB = !of && declKind == VAR_VAR && isSimpleVarInit(p, init) && !p.strictHere();
                    if (!annexB) p.error(headStart, p.lastEnd, Diag.FOR_IN_OF_INITIALIZER, 0);
                }
            } else {
                if (of && letIdentifier) p.error(headStart, p.lastEnd, Diag.INVALID_LHS_IN_FOR, 0);
                if (of && !isAwait && p.sink.kind(init) == IDENTIFIER_REFERENCE && p.src[p.sink.start(init)] == 'a'
                        && p.names.equals(p.sink.data(init), "async") && p.sink.end(init) - p.sink.start(init) == 5) {
                    p.error(p.sink.start(init), p.sink.end(init), Diag.INVALID_LHS_IN_FOR, 0);
                }
                toAssignmentTarget(p, init, true);
            }
            if (isAwait && !of) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, K_OF);
            p.next();
            if (of) parseAssignment(p); else parseExpression(p);
            p.expect(RPAREN);
            parseLoopBody(p);
            p.sink.finish(of ? FOR_OF : FOR_IN, m, s, p.lastEnd, isAwait ? 1 : 0);
            return;
        }
        if (isAwait) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, K_OF);
        if (headCover >= 0) p.error(headCover, headCover + 1, headCoverProto ? Diag.DUPLICATE_PROTO : Diag.INVALID_USE_OF_SHORTHAND_INIT, 0);
        if (declKind >= 0) {
            // plain for: const and destructuring declarations need initialisers
            int decl = p.sink.pending(p.sink.mark() - 1);
            for (int d = p.sink.firstChild(decl); d >= 0; d = p.sink.nextSibling(d)) {
                if ((p.sink.data(d) & 1) == 0 && !p.ambient) {
                    int target = p.sink.firstChild(d);
                    if (target >= 0 && p.sink.kind(target) != BINDING_IDENTIFIER) {
                        p.error(p.sink.start(d), p.sink.end(d), Diag.DESTRUCTURING_WITHOUT_INITIALIZER, 0);
                    } else if (declKind == VAR_CONST || declKind == VAR_USING || declKind == VAR_AWAIT_USING) {
                        p.errorAlso(p.sink.start(d), p.sink.end(d), Diag.CONST_WITHOUT_INITIALIZER, 0);
                    }
                }
            }
        }
        int flags = hasInit ? 1 : 0;
        p.expect(SEMICOLON);
        if (p.tok != SEMICOLON) { parseExpression(p); flags |= 2; }
        p.expect(SEMICOLON);
        if (p.tok != RPAREN) { parseExpression(p); flags |= 4; }
        p.expect(RPAREN);
        parseLoopBody(p);
        p.sink.finish(FOR, m, s, p.lastEnd, flags);
    }

    private static boolean isSimpleVarInit(ParseContext p, int decl) {
        int d = p.sink.firstChild(decl);
        if (d < 0) return false;
        int target = p.sink.firstChild(d);
        return target >= 0 && p.sink.kind(target) == BINDING_IDENTIFIER;
    }

    private static boolean isLetInFor(ParseContext p) {
        if (p.escaped()) return false;
        int pk = p.peek();
        if (pk == K_OF) {
            // `for (let of of xs)`, `for (let of = 0;;)` declare `of`; `for (let of xs)` is not a declaration
            int k2 = p.peek2();
            return k2 == K_OF || k2 == K_IN || k2 == ASSIGN || k2 == SEMICOLON || k2 == COMMA
                    || (p.ts && (k2 == COLON || k2 == BANG)); // `for (let of: T = x;;)`, `let of!: T`: TypeScript's annotations
        }
        return pk == LBRACKET || pk == LBRACE || (Token.isIdentifierLike(pk) && pk != K_IN);
    }

    private static boolean isUsingInFor(ParseContext p) {
        if (p.escaped()) return false;
        int pk = p.peek();
        if (p.peekNewline != 0 || !Token.isIdentifierLike(pk)) return false;
        if (pk == K_OF) {
            // `for (using of x)` is a for-of over `using`; `for (using of = ...;` declares `of`, and so
            // does an escaped `of` (`for (using o\u0066 of x)`: the lookahead is for the keyword `of`)
            if ((p.peekFlags & Lexer.F_ESCAPED) != 0) return true;
            int k2 = p.peek2();
            return k2 == ASSIGN || k2 == SEMICOLON;
        }
        return true;
    }

    /** ForInOfStatement head : LeftHandSideExpression (a cover that may become a pattern) */
    private static void parseLeftHandSideOrExpressionForHead(ParseContext p) {
        int m = p.sink.mark();
        int s = p.lexer.tokenStart;
        parseExpressionCover(p);
        if (p.sink.mark() - m != 1) {
            // keep exactly one node for the init
            p.sink.finish(INVALID, m, s, p.lastEnd, 0);
        }
    }

    /** BreakStatement : break [no LineTerminator here] LabelIdentifier? ;  |  ContinueStatement : continue ... */
    private static void parseBreakContinue(ParseContext p, boolean isBreak) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        if (p.tok == K_AWAIT && !p.escaped() && !p.lexer.newlineBefore && (p.ctx & CTX_AWAIT) != 0) {
            // TypeScript's parseIdentifier in its await context (async code, a module's reparsed top level): no label
            // there, TS1003 at the word, which then starts the next statement (`break await;`: TS1109 at `;`)
            p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
        } else if (Token.isIdentifierLike(p.tok) && !p.lexer.newlineBefore) {
            int ls = p.lexer.tokenStart;
            int name = p.lexer.internIdentifier();
            p.checkStrictReservedName(ls, p.lexer.tokenEnd);
            p.next();
            p.leaf(LABEL, ls, p.lastEnd, name);
            int found = findLabel(p, name);
            // TypeScript's codes, on the statement: a search that reaches a function boundary first is 1107
            if (found < 0) {
                p.error(s, p.lastEnd, insideFunction(p) ? Diag.JUMP_ACROSS_FUNCTION
                        : isBreak ? Diag.UNDEFINED_LABEL : Diag.CONTINUE_TO_NON_ITERATION_LABEL, 0);
            } else if (!isBreak && !p.labels.loop[found]) {
                p.error(s, p.lastEnd, Diag.CONTINUE_TO_NON_ITERATION_LABEL, 0);
            }
        } else if (isBreak ? (p.ctx & CTX_BREAKABLE) == 0 : (p.ctx & CTX_ITERATION) == 0) {
            p.error(s, p.lastEnd, insideFunction(p) ? Diag.JUMP_ACROSS_FUNCTION : isBreak ? Diag.ILLEGAL_BREAK : Diag.ILLEGAL_CONTINUE, 0);
        }
        p.semicolon();
        p.sink.finish(isBreak ? BREAK : CONTINUE, m, s, p.lastEnd, 0);
    }

    private static boolean insideFunction(ParseContext p) {
        return (p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK)) != 0;
    }

    private static int findLabel(ParseContext p, int name) {
        for (int i = p.labels.top - 1; i >= p.labels.base; i--) if (p.labels.names[i] == name) return i;
        return -1;
    }

    /** LabelledStatement : LabelIdentifier : LabelledItem */
    private static void parseLabelled(ParseContext p, boolean body) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        int name = p.lexer.internIdentifier();
        // `await:` where `await` is an operator: an await expression to TypeScript's parser, its operand missing at `:`
        boolean awaitOperator = p.ts && p.tok == K_AWAIT && (p.ctx & CTX_AWAIT) != 0;
        if (!awaitOperator) checkIdentifierReference(p, p.tok, p.lexer.flags, s, p.lexer.tokenEnd, false);
        p.next();
        if (awaitOperator) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
        int labelEnd = p.lastEnd;
        p.leaf(LABEL, s, labelEnd, name);
        p.next(); // ':'
        if (findLabel(p, name) >= 0) p.error(s, p.sink.end(p.sink.pending(p.sink.mark() - 1)), Diag.DUPLICATE_LABEL, 0);
        if (p.labels.top == p.labels.names.length) {
            p.labels.names = Arrays.copyOf(p.labels.names, p.labels.top * 2);
            p.labels.loop = Arrays.copyOf(p.labels.loop, p.labels.top * 2);
            p.labels.pendingLoop = Arrays.copyOf(p.labels.pendingLoop, p.labels.top * 2);
        }
        p.labels.names[p.labels.top] = name;
        p.labels.loop[p.labels.top] = false;
        p.labels.pendingLoop[p.labels.top] = true;
        p.labels.top++;
        if (p.tok == K_FUNCTION) {
            // on the label, as TypeScript puts it (once)
            int pk = p.peek();
            if (body || pk == STAR || p.strictHere()) p.error(s, p.sink.end(p.sink.pending(p.sink.mark() - 1)), Diag.LABELLED_FUNCTION, 0);
            parseFunctionDeclaration(p, p.lexer.tokenStart, 0, false);
        } else {
            // labels stacked directly on each other (a: b: while ...) all become loop labels
            boolean loopNext = p.tok == K_FOR || p.tok == K_WHILE || p.tok == K_DO
                    || (Token.isIdentifierLike(p.tok) && p.peek() == COLON);
            if (!loopNext) p.labels.pendingLoop[p.labels.top - 1] = false;
            if (p.tok == K_FOR || p.tok == K_WHILE || p.tok == K_DO) {
                // loop: labels directly on top become continue targets
                for (int i = p.labels.top - 1; i >= p.labels.base && p.labels.pendingLoop[i]; i--) p.labels.loop[i] = true;
            }
            for (int i = p.labels.base; i < p.labels.top; i++) if (!(p.tok != K_FOR && p.tok != K_WHILE && p.tok != K_DO && loopNext)) p.labels.pendingLoop[i] = false;
            p.bodyPosition = body;
            parseStatement(p);
            // TypeScript's binder (checkStrictModeLabeledStatement): in strict code no label on any declaration, a
            // variable statement included; on the label (ECMAScript allows `L: var x`: JavaScript keeps it)
            // (a function here is one that starts with another word: `L: declare function f(): void;`, `L: async function`)
            int labelled = p.sink.kind(p.sink.pending(p.sink.mark() - 1));
            if (p.ts && (isDeclarationStatement(labelled) || labelled == FUNCTION_DECLARATION) && p.strictHere()) {
                // beside the label's own strict-mode error (`package: type T = 1`: TS1214 and TS1344 at its start)
                p.errorAlso(s, labelEnd, Diag.LABELLED_FUNCTION, 0);
            }
        }
        p.labels.top--;
        p.sink.finish(LABELED, m, s, p.lastEnd, 0);
    }

    /** TypeScript's isDeclarationStatement, and a variable statement. */
    private static boolean isDeclarationStatement(int kind) {
        switch (kind) {
            case VARIABLE_DECLARATION: case CLASS_DECLARATION: case INTERFACE_DECLARATION: case TYPE_ALIAS: case ENUM_DECLARATION:
            case MODULE_DECLARATION: case IMPORT_DECLARATION: case IMPORT_EQUALS: case EXPORT_NAMED: case EXPORT_DEFAULT:
            case EXPORT_ALL: case EXPORT_ASSIGNMENT: case NAMESPACE_EXPORT:
                return true;
            default:
                return false;
        }
    }

    /** ReturnStatement : return [no LineTerminator here] Expression? ; */
    private static void parseReturn(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if ((p.ctx & CTX_FUNCTION) == 0) p.error(s, p.lexer.tokenEnd, Diag.RETURN_OUTSIDE_FUNCTION, 0);
        p.next();
        if (!p.canInsertSemicolon()) parseExpression(p);
        p.semicolon();
        p.sink.finish(RETURN, m, s, p.lastEnd, 0);
    }

    /** WithStatement : with ( Expression ) Statement */
    private static void parseWith(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (p.strictHere()) p.error(s, p.lexer.tokenEnd, Diag.WITH_IN_STRICT, 0);
        p.next();
        parseParenthesizedCondition(p);
        parseBody(p, 0);
        p.sink.finish(WITH, m, s, p.lastEnd, 0);
    }

    /** SwitchStatement : switch ( Expression ) { CaseClause* DefaultClause? CaseClause* } */
    private static void parseSwitch(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        parseParenthesizedCondition(p);
        p.expect(LBRACE);
        int saved = p.ctx;
        p.ctx |= CTX_BREAKABLE;
        boolean seenDefault = false;
        while (p.tok != RBRACE && p.tok != EOF) {
            int cs = p.lexer.tokenStart;
            int cm = p.sink.mark();
            boolean isDefault = false;
            if (p.tok == K_CASE) {
                p.next();
                parseExpression(p);
            } else if (p.tok == K_DEFAULT) {
                if (seenDefault) p.error(cs, p.lexer.tokenEnd, Diag.MULTIPLE_DEFAULTS, 0);
                seenDefault = true;
                isDefault = true;
                p.next();
            } else {
                p.error(cs, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, K_CASE);
                // recover: treat the statements as belonging to a broken case
                if (p.tok != K_CASE && p.tok != K_DEFAULT) {
                    int before = p.lexer.tokenStart;
                    parseStatementListItem(p, false);
                    if (p.lexer.tokenStart == before) p.next();
                }
                p.sink.finish(INVALID, cm, cs, p.lastEnd, 0);
                continue;
            }
            p.expect(COLON);
            while (p.tok != K_CASE && p.tok != K_DEFAULT && p.tok != RBRACE && p.tok != EOF) {
                int before = p.lexer.tokenStart;
                p.inCaseClause = true;
                parseStatementListItem(p, false);
                p.inCaseClause = false;
                if (p.lexer.tokenStart == before) { p.next(); p.errorNode(before, p.lastEnd); }
            }
            p.sink.finish(SWITCH_CASE, cm, cs, p.lastEnd, isDefault ? 1 : 0);
        }
        p.ctx = saved;
        p.expect(RBRACE);
        p.sink.finish(SWITCH, m, s, p.lastEnd, 0);
    }

    /** ThrowStatement : throw [no LineTerminator here] Expression ; */
    private static void parseThrow(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        if (p.lexer.newlineBefore) {
            p.error(p.lastEnd, p.lexer.tokenStart, Diag.NEWLINE_AFTER_THROW, 0);
        }
        if (p.canInsertSemicolon() && p.tok != SEMICOLON && !p.lexer.newlineBefore) {
            p.missingExpression();
        } else if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == EOF) {
            p.missingExpression();
        } else {
            parseExpression(p);
        }
        p.semicolon();
        p.sink.finish(THROW, m, s, p.lastEnd, 0);
    }

    /** TryStatement : try Block (Catch Finally? | Finally)   (Catch : catch [( CatchParameter [: Type] )] Block) */
    private static void parseTry(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.next();
        parseBlock(p, BLOCK);
        int flags = 0;
        if (p.tok == K_CATCH) {
            flags |= 1;
            int cs = p.lexer.tokenStart;
            int cm = p.sink.mark();
            p.next();
            if (p.eat(LPAREN)) {
                parseBindingTarget(p);
                parseTypeAnnotationOpt(p);
                if (p.tok == ASSIGN) {
                    p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, RPAREN);
                    p.next();
                    parseAssignment(p);
                }
                p.expect(RPAREN);
            }
            parseBlock(p, BLOCK);
            p.sink.finish(CATCH_CLAUSE, cm, cs, p.lastEnd, 0);
        }
        if (p.tok == K_FINALLY) {
            flags |= 2;
            p.next();
            parseBlock(p, BLOCK);
        }
        if (flags == 0) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.CATCH_OR_FINALLY_EXPECTED, 0);
        p.sink.finish(TRY, m, s, p.lastEnd, flags);
    }
}
