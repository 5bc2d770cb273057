package dev.arenals.parser;

import static dev.arenals.parser.ArrowGrammar.*;
import static dev.arenals.parser.ClassGrammar.*;
import static dev.arenals.parser.FunctionGrammar.*;
import static dev.arenals.parser.JsxGrammar.*;
import static dev.arenals.parser.LiteralGrammar.*;
import static dev.arenals.parser.ModuleGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.PatternGrammar.*;
import static dev.arenals.parser.StatementGrammar.*;
import static dev.arenals.parser.TypeGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Token;
import java.util.Arrays;

/**
 * Expressions: comma, assignment, yield, conditional, binary (an explicit operator stack, so long
 * chains never recurse), unary, postfix, `new`, member and call tails, primary expressions and
 * `super` (`import(…)` is in ModuleGrammar). Cover grammar positions are noted on the context
 * for ArrowGrammar and PatternGrammar.
 */
final class ExpressionGrammar {
    private ExpressionGrammar() {}

    // ------------------------------------------------------------------ expressions

    private static boolean afterArrow(ParseContext p) { return p.arrowEndPos == p.lastEnd && p.arrowEndPos >= 0; }

    /**
     * Expression : AssignmentExpression (, AssignmentExpression)*
     * Expression (comma-separated), reporting unconverted cover grammar.
     */
    static void parseExpression(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        int saved = p.ctx;
        parseAssignment(p);
        if (p.tok == COMMA) {
            while (p.eat(COMMA)) parseAssignment(p);
            p.sink.finish(SEQUENCE, m, s, p.lastEnd, 0);
        }
        p.ctx = saved;
    }

    /**
     * Expression whose single AssignmentExpression may still become a pattern
     * Expression whose single assignment operand may still become a pattern (for-in/of heads).
     */
    static void parseExpressionCover(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        parseAssignmentCover(p);
        if (p.tok == COMMA) {
            reportCoverInit(p);
            while (p.eat(COMMA)) parseAssignment(p);
            p.sink.finish(SEQUENCE, m, s, p.lastEnd, 0);
        }
    }

    static void reportCoverInit(ParseContext p) {
        // the error apart: the test alone is small enough for C1 to inline after every operand
        if (p.coverInitPos >= 0) reportCoverInitError(p);
    }

    private static void reportCoverInitError(ParseContext p) {
        p.error(p.coverInitPos, p.coverInitPos + 1, p.coverIsProto ? Diag.DUPLICATE_PROTO : Diag.INVALID_USE_OF_SHORTHAND_INIT, 0);
        p.coverInitPos = -1;
    }

    static void noteCover(ParseContext p, int pos, boolean proto) {
        if (p.coverInitPos < 0) {
            p.coverInitPos = pos;
            p.coverIsProto = proto;
        }
    }

    /** AssignmentExpression : ConditionalExpression | YieldExpression | ArrowFunction | LeftHandSideExpression AssignmentOperator AssignmentExpression */
    static void parseAssignment(ParseContext p) {
        int saved = p.coverInitPos;
        boolean savedProto = p.coverIsProto;
        p.coverInitPos = -1;
        parseAssignmentCover(p);
        reportCoverInit(p);
        p.coverInitPos = saved;
        p.coverIsProto = savedProto;
    }

    /** AssignmentExpression, leaving a cover position noted for the caller */
    static void parseAssignmentCover(ParseContext p) {
        // the too-deep path apart, so that C1 inlines this step of every operand (31 bytes at most
        // where it is reached through parseAssignment)
        if (!p.enter()) {
            assignmentTooDeep(p);
            return;
        }
        try {
            parseAssignmentInner(p);
        } finally {
            p.exit();
        }
    }

    private static void assignmentTooDeep(ParseContext p) {
        p.exit();
        p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart);
    }

    private static void parseAssignmentInner(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (p.tok == K_YIELD) {
            if ((p.ctx & CTX_YIELD) != 0) {
                if (p.escaped()) p.error(s, p.lexer.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
                parseYield(p);
                return;
            }
            if (!p.escaped() && startsMisplacedAwaitOrYield(p)) {
                p.error(s, p.lexer.tokenEnd, Diag.YIELD_OUTSIDE_GENERATOR, 0);
                parseYield(p);
                return;
            }
        }
        int savedCover = p.coverInitPos;
        boolean savedProto = p.coverIsProto;
        p.coverInitPos = -1;
        parseConditional(p);
        // assignmentAfterConditional's body, written out: this runs for every expression, and C1
        // (which `check` runs on) does not inline a callee this size
        int lhs = p.sink.pending(p.sink.mark() - 1);
        if (Token.isAssignment(p.tok) && !afterArrow(p) && !typeAssertionBefore(p, lhs)) {
            int op = p.tok;
            int lk = p.sink.kind(lhs);
            if (op == ASSIGN && (lk == OBJECT || lk == ARRAY)) {
                toAssignmentTarget(p, lhs, true);
                p.coverInitPos = -1;
            } else {
                reportCoverInit(p);
                checkSimpleTarget(p, lhs, op, false);
            }
            p.next();
            // TypeScript passes allowReturnTypeInArrowFunction on to the right side
            int noReturnType = p.noReturnTypeAt;
            if (s == noReturnType) p.noReturnTypeAt = p.lexer.tokenStart;
            parseAssignment(p);
            p.noReturnTypeAt = noReturnType;
            p.sink.finish(ASSIGNMENT, m, s, p.lastEnd, op);
            p.coverInitPos = savedCover;
            p.coverIsProto = savedProto;
            return;
        }
        int lk = p.sink.kind(lhs);
        if (p.coverInitPos >= 0 && lk != OBJECT && lk != ARRAY) reportCoverInit(p);
        if (p.coverInitPos < 0) {
            p.coverInitPos = savedCover;
            p.coverIsProto = savedProto;
        }
    }

    /**
     * The rest of an AssignmentExpression starting at {@code s} (mark {@code m}) whose conditional
     * part has just been parsed (for a conditional chain's last alternate; parseAssignmentInner has
     * the same lines inline): {@code = value} when there is one, and the cover grammar's
     * bookkeeping either way ({@code savedCover}/{@code savedProto}: the state before it).
     */
    private static void assignmentAfterConditional(ParseContext p, int s, int m, int savedCover, boolean savedProto) {
        int lhs = p.sink.pending(p.sink.mark() - 1);
        if (Token.isAssignment(p.tok) && !afterArrow(p) && !typeAssertionBefore(p, lhs)) {
            int op = p.tok;
            int lk = p.sink.kind(lhs);
            if (op == ASSIGN && (lk == OBJECT || lk == ARRAY)) {
                toAssignmentTarget(p, lhs, true);
                p.coverInitPos = -1;
            } else {
                reportCoverInit(p);
                checkSimpleTarget(p, lhs, op, false);
            }
            p.next();
            // TypeScript passes allowReturnTypeInArrowFunction on to the right side
            int noReturnType = p.noReturnTypeAt;
            if (s == noReturnType) p.noReturnTypeAt = p.lexer.tokenStart;
            parseAssignment(p);
            p.noReturnTypeAt = noReturnType;
            p.sink.finish(ASSIGNMENT, m, s, p.lastEnd, op);
            p.coverInitPos = savedCover;
            p.coverIsProto = savedProto;
            return;
        }
        int lk = p.sink.kind(lhs);
        if (p.coverInitPos >= 0 && lk != OBJECT && lk != ARRAY) reportCoverInit(p);
        if (p.coverInitPos < 0) {
            p.coverInitPos = savedCover;
            p.coverIsProto = savedProto;
        }
    }

    /**
     * TS: `x as T`, `x satisfies T`, `<T>x` are no left-hand side to TypeScript's parser: the assignment
     * operator after one ends the expression (`x as T = 1` wants a `;`; `(x as T) = 1` assigns).
     */
    private static boolean typeAssertionBefore(ParseContext p, int lhs) {
        int k = p.sink.kind(lhs);
        return k == AS_EXPRESSION || k == SATISFIES_EXPRESSION || k == TYPE_ASSERTION;
    }

    /** YieldExpression : yield [no LineTerminator here] [*] AssignmentExpression? */
    private static void parseYield(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if ((p.ctx & CTX_PARAMS) != 0) p.error(s, p.lexer.tokenEnd, Diag.YIELD_IN_PARAMETER, 0);
        p.lastYieldPos = s;
        p.next();
        int flags = 0;
        if (!p.lexer.newlineBefore) {
            if (p.tok == STAR) {
                flags = 1;
                p.next();
                parseAssignment(p);
            } else if (startsExpression(p.tok) && p.tok != K_IN) {
                parseAssignment(p);
            }
        }
        p.sink.finish(YIELD, m, s, p.lastEnd, flags);
    }

    /**
     * ConditionalExpression : ShortCircuitExpression [? AssignmentExpression : AssignmentExpression]
     * ConditionalExpression : ShortCircuitExpression [? AssignmentExpression : AssignmentExpression].
     * When the alternate is itself {@code test ? …}, the chain goes on in this loop instead of
     * recursing through parseAssignment, so a chain of any length uses no nesting depth.
     */
    private static void parseConditional(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        parseBinary(p);
        if (p.tok != QUESTION || afterArrow(p)) return;
        int base = p.chainTop;
        // TS: the consequent is parsed without allowReturnTypeInArrowFunction (ParseContext.noReturnTypeAt);
        // the alternate, and a chain's later links, with the conditional's own
        int noReturnType = p.noReturnTypeAt;
        boolean alternateInherits = s == noReturnType;
        while (true) {
            p.next(); // ?
            int saved = p.ctx;
            p.ctx &= ~CTX_NO_IN;
            p.noReturnTypeAt = p.lexer.tokenStart;
            parseAssignment(p);
            p.ctx = saved;
            p.expect(COLON);
            p.noReturnTypeAt = alternateInherits ? p.lexer.tokenStart : noReturnType;
            if (p.tok == K_YIELD && (p.ctx & CTX_YIELD) != 0) {
                parseAssignment(p);
                break;
            }
            // the alternate, as parseAssignment would start it
            int as = p.lexer.tokenStart;
            int am = p.sink.mark();
            int savedOuterCover = p.coverInitPos;
            boolean savedOuterProto = p.coverIsProto;
            p.coverInitPos = -1;
            parseBinary(p);
            if (p.tok == QUESTION && !afterArrow(p)) {
                // a test's `{a = 1}` can never become a pattern: report it now, as the recursion did
                reportCoverInit(p);
                p.coverInitPos = savedOuterCover;
                p.coverIsProto = savedOuterProto;
                pushChain(p, am, as);
                continue;
            }
            assignmentAfterConditional(p, as, am, -1, savedOuterProto);
            reportCoverInit(p);
            p.coverInitPos = savedOuterCover;
            p.coverIsProto = savedOuterProto;
            break;
        }
        p.noReturnTypeAt = noReturnType;
        while (p.chainTop > base) {
            p.chainTop--;
            p.sink.finish(CONDITIONAL, p.chainMark[p.chainTop], p.chainStart[p.chainTop], p.lastEnd, 0);
        }
        p.sink.finish(CONDITIONAL, m, s, p.lastEnd, 0);
    }

    /**
     * ShortCircuitExpression / BinaryExpression : UnaryExpression (BinaryOperator UnaryExpression)*  (plus TS as / satisfies)
     * Binary operators by precedence climbing over an explicit operator stack: no recursion per operator.
     */
    private static void parseBinary(ParseContext p) {
        int base = p.opTop;
        int curStart = p.lexer.tokenStart;
        int curMark = p.sink.mark();
        if (p.tok == PRIVATE_NAME) p.privateInPos = curStart;
        parseUnary(p);
        while (true) {
            if (afterArrow(p)) break;
            if (p.ts && (p.atContextual(K_AS) || p.atContextual(K_SATISFIES)) && !p.lexer.newlineBefore) {
                // `x as T` binds like a relational operator
                while (p.opTop > base && precedence(p.opStack[p.opTop - 1]) >= 7) {
                    reduceBinary(p);
                    curStart = p.opStart[p.opTop];
                    curMark = p.opMark[p.opTop];
                }
                int kind = p.tok == K_AS ? AS_EXPRESSION : SATISFIES_EXPRESSION;
                p.next();
                // `as const`, unless a name, type arguments or `[` follow: then `const` names a type, as for TypeScript
                if (p.tok == K_CONST && kind == AS_EXPRESSION && !constNamesAType(p)) {
                    int cs = p.lexer.tokenStart;
                    p.next();
                    p.leaf(KEYWORD_TYPE, cs, p.lastEnd, K_CONST);
                } else {
                    parseType(p);
                }
                p.sink.finish(kind, curMark, curStart, p.lastEnd, 0);
                continue;
            }
            if (p.tok == GT) p.tok = p.lexer.reScanGreater();
            int op = p.tok;
            int prec = precedence(op);
            if (prec == 0 || (op == K_IN && (p.ctx & CTX_NO_IN) != 0) || (op == LT && p.atTsxLessThanSlash())) break;
            if ((op == K_IN || op == K_INSTANCEOF) && p.escaped()) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
            while (p.opTop > base) {
                int top = p.opStack[p.opTop - 1];
                int tp = precedence(top);
                if (tp > prec || (tp == prec && op != STAR2)) {
                    reduceBinary(p);
                    curStart = p.opStart[p.opTop];
                    curMark = p.opMark[p.opTop];
                } else {
                    break;
                }
            }
            if (op == STAR2) {
                int left = p.sink.pending(p.sink.mark() - 1);
                int lk = p.sink.kind(left);
                if (lk == UNARY || lk == AWAIT) {
                    int uop = lk == UNARY ? p.sink.data(left) : K_AWAIT;
                    p.error(p.sink.start(left), p.sink.end(left), Diag.UNARY_BEFORE_EXPONENT, uop);
                } else if (lk == TYPE_ASSERTION) {
                    p.error(p.sink.start(left), p.sink.end(left), Diag.TYPE_ASSERTION_BEFORE_EXPONENT, 0);
                } else if (p.ts && startsWithAwaitWord(p, p.sink.start(left))) {
                    // TypeScript's parseUnaryExpressionOrHigher asks the first token alone: an operand that starts with
                    // the word `await` is a unary expression to it even where `await` names a variable (`await(x) ** y`)
                    p.error(p.sink.start(left), p.sink.end(left), Diag.UNARY_BEFORE_EXPONENT, K_AWAIT);
                }
            }
            if (p.opTop == p.opStack.length) {
                p.opStack = Arrays.copyOf(p.opStack, p.opTop * 2);
                p.opMark = Arrays.copyOf(p.opMark, p.opTop * 2);
                p.opStart = Arrays.copyOf(p.opStart, p.opTop * 2);
            }
            p.opStack[p.opTop] = op;
            p.opMark[p.opTop] = curMark;
            p.opStart[p.opTop] = curStart;
            p.opTop++;
            p.next();
            curStart = p.lexer.tokenStart;
            curMark = p.sink.mark();
            // `#x in y` is a relational expression: an operand of a looser operator only (`a == #x in b`, not `a < #x in b`)
            if (p.tok == PRIVATE_NAME && prec < precedence(K_IN)) p.privateInPos = curStart;
            p.operatorOperandPos = curStart;
            parseUnary(p);
            checkNotArrow(p, p.sink.pending(p.sink.mark() - 1));
        }
        while (p.opTop > base) reduceBinary(p);
    }

    /** An arrow function is an AssignmentExpression, never the operand of an operator. */
    static void checkNotArrow(ParseContext p, int n) {
        if (p.sink.kind(n) == ARROW_FUNCTION) p.error(p.sink.start(n), p.sink.end(n), Diag.UNEXPECTED_TOKEN, ARROW);
    }

    private static void reduceBinary(ParseContext p) {
        p.opTop--;
        int op = p.opStack[p.opTop];
        int n = p.sink.finish(BINARY, p.opMark[p.opTop], p.opStart[p.opTop], p.lastEnd, op);
        if (op == QUESTION2 || op == BAR2 || op == AMP2) {
            for (int c = p.sink.firstChild(n); c >= 0; c = p.sink.nextSibling(c)) {
                if (p.sink.kind(c) != BINARY) continue;
                int cop = p.sink.data(c);
                boolean mixed = op == QUESTION2 ? (cop == BAR2 || cop == AMP2) : cop == QUESTION2;
                if (mixed) p.error(p.sink.start(n), p.sink.end(n), Diag.COALESCE_MIXED, 0);
            }
        }
    }

    /** UnaryExpression : (delete | void | typeof | + | - | ~ | ! | await | ++ | --) UnaryExpression | <Type> UnaryExpression (TS) | UpdateExpression */
    private static void parseUnary(ParseContext p) {
        int s = p.lexer.tokenStart;
        if (p.ts && !p.jsx && p.tok == LT) {
            // <T>(x) => … is a generic arrow; otherwise <T>expr is a type assertion
            if (tryParseTypedArrow(p, 0, s)) return;
            int m = p.sink.mark();
            p.next();
            parseType(p);
            p.expect(GT);
            if (!p.enter()) { p.exit(); p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart); p.sink.finish(TYPE_ASSERTION, m, s, p.lastEnd, 0); return; }
            p.operatorOperandPos = p.lexer.tokenStart;
            parseUnary(p);
            p.exit();
            // a UnaryExpression to TypeScript (parseSimpleUnaryExpression), never an arrow: `<T[]>(x) => 1`
            checkNotArrow(p, p.sink.pending(p.sink.mark() - 1));
            p.sink.finish(TYPE_ASSERTION, m, s, p.lastEnd, 0);
            return;
        }
        switch (p.tok) {
            case BANG: case TILDE: case PLUS: case MINUS: case K_TYPEOF: case K_VOID: case K_DELETE: {
                if (Token.isReserved(p.tok) && p.escaped()) p.error(s, p.lexer.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
                int op = p.tok;
                int m = p.sink.mark();
                p.next();
                if (!p.enter()) { p.exit(); p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart); p.sink.finish(UNARY, m, s, p.lastEnd, op); return; }
                p.operatorOperandPos = p.lexer.tokenStart;
                parseUnary(p);
                p.exit();
                int operand = p.sink.pending(p.sink.mark() - 1);
                if (op == K_DELETE) checkDelete(p, operand);
                checkNotArrow(p, operand);
                p.sink.finish(UNARY, m, s, p.lastEnd, op);
                return;
            }
            case PLUS2: case MINUS2: {
                int op = p.tok;
                int m = p.sink.mark();
                p.next();
                if (!p.enter()) { p.exit(); p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart); p.sink.finish(UPDATE, m, s, p.lastEnd, op | UPDATE_PREFIX); return; }
                // TypeScript's parser: ++ and -- take a left-hand side, which a type assertion `<T>x` is not
                if (p.ts && !p.jsx && p.tok == LT) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
                p.operatorOperandPos = p.lexer.tokenStart;
                parseUnary(p);
                p.exit();
                checkSimpleTarget(p, p.sink.pending(p.sink.mark() - 1), op, true);
                p.sink.finish(UPDATE, m, s, p.lastEnd, op | UPDATE_PREFIX);
                return;
            }
            case K_AWAIT:
                int pk = p.peek();
                if ((p.ctx & CTX_AWAIT) != 0 && onlyANameCouldStandBefore(pk)) {
                    // `[await]`, `f(await)` where await is reserved: kept as a name. In TypeScript files with TypeScript's
                    // error: its parser reads an await expression whose operand is missing (TS1109 at the next token) —
                    // but before `=>`, where a module's first parse takes the arrow's parameter and never reparses it
                    // for top-level await. JavaScript files keep ECMAScript's reason (a reserved word). In a type the
                    // name is TypeScript's alone, judged by checkIdentifierReference (`let x: { [await]: T }`)
                    if ((p.ctx & CTX_IN_TYPE) == 0) {
                        if (p.ts && pk != ARROW) reportMissingAwaitOperand(p);
                        else p.error(s, p.lexer.tokenEnd, Diag.RESERVED_WORD_AS_IDENTIFIER, K_AWAIT);
                    }
                    break;
                }
                if ((p.ctx & CTX_STATIC_BLOCK) != 0 && !p.escaped() && !onlyANameCouldStandBefore(p.peek())) {
                    // TypeScript's parser reads a static block in the await context, so `await x` and `await(x)` are
                    // await expressions there and its checker says TS18037 (ECMAScript reserves the word: an error either way)
                    p.error(s, p.lexer.tokenEnd, Diag.AWAIT_IN_STATIC_BLOCK, 0);
                    parseAwaitOperand(p, s);
                    return;
                }
                boolean topLevelAwait = false;
                if (p.autoGoal && (p.ctx & (CTX_AWAIT | CTX_FUNCTION | CTX_STATIC_BLOCK | CTX_FIELD_INIT | CTX_NO_TOP_LEVEL_AWAIT)) == 0) {
                    topLevelAwait = isTopLevelAwait(p);
                    // else a name in a script: should the file be a module, it is parsed again, where it is an
                    // await expression (`import x from "m"; await {}`, as TypeScript reparses top-level await)
                    if (!topLevelAwait) p.sloppyMattered = true;
                }
                if ((p.ctx & CTX_AWAIT) != 0 || topLevelAwait) {
                    if (p.escaped()) p.error(s, p.lexer.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
                    if ((p.ctx & CTX_PARAMS) != 0) p.error(s, p.lexer.tokenEnd, Diag.AWAIT_IN_PARAMETER, 0);
                    p.lastAwaitPos = s;
                    parseAwaitOperand(p, s);
                    return;
                }
                // (a field's initializer too: TypeScript's parser reads `x = await y` so in every file, where
                // ECMAScript's `await` name followed by a word is an error anyway)
                if (((p.ctx & (CTX_FUNCTION | CTX_STATIC_BLOCK)) == CTX_FUNCTION || (p.ctx & CTX_NO_TOP_LEVEL_AWAIT) != 0
                        || (p.ctx & (CTX_FIELD_INIT | CTX_STATIC_BLOCK)) == CTX_FIELD_INIT)
                        && !p.escaped() && startsMisplacedAwaitOrYield(p)) {
                    p.error(s, p.lexer.tokenEnd, Diag.AWAIT_OUTSIDE_ASYNC, 0);
                    parseAwaitOperand(p, s);
                    return;
                }
                break;
            default:
                break;
        }
        parsePostfix(p);
    }

    /**
     * TypeScript's parser reads `await` in a function that is not async, and `yield` outside a
     * generator, as an await or yield expression when a word or a literal follows on the same line
     * (an error either way: a name cannot be followed by another), and its checker says TS1308 or
     * TS1163. Not before a word that makes the name an operand (`in`, `instanceof`, `of`, `as`,
     * `satisfies`), nor before a template (a tag) or anything else.
     */
    private static boolean startsMisplacedAwaitOrYield(ParseContext p) {
        int pk = p.peek();
        if (p.peekNewline != 0) return false;
        if (pk == NUMBER || pk == BIGINT || pk == STRING) return true;
        // TypeScript's parser takes any word (`yield as T`, `await in x`: errors); JavaScript keeps the
        // sloppy-mode expressions ECMAScript makes of them (`yield in x`)
        return Token.isIdentifierName(pk) && (p.ts || (pk != K_IN && pk != K_INSTANCEOF && pk != K_OF && pk != K_AS && pk != K_SATISFIES));
    }

    /** AUTO goal: `await x` at the top level is an await expression (and makes the file a module). */
    private static boolean isTopLevelAwait(ParseContext p) {
        int pk = p.peek();
        // TypeScript's rule: an await expression when a word or a literal follows on the same line, so
        // `await(x)`, `await [x]`, `await -1` call, index or subtract a variable named await
        // (in TypeScript files before any word: `for (await of x)` awaits `of`, an error, as TypeScript's parser reads it)
        boolean await = p.peekNewline == 0 && (Token.isIdentifierName(pk) || pk == NUMBER || pk == BIGINT || pk == STRING)
                && (p.ts || (pk != K_IN && pk != K_OF));
        if (!await) return false;
        if (p.ts) {
            markScriptTopLevelAwait(p, p.lexer.tokenStart, Diag.AWAIT_AT_SCRIPT_TOP_LEVEL);
        } else {
            // in a JavaScript file it makes the file a module (ECMAScript has no await expression in a script)
            p.sawModuleSyntax = true;
        }
        return true;
    }

    /**
     * A top-level `await` (expression, `await using`, `for await`) in a TypeScript file read as a script: TypeScript
     * 6.0.3 under its default moduleDetection "auto" keeps such a file a script (import, export and `import.meta`
     * alone make a module; the parser never reparses it, so a nested `await` before no word stays a name: `await
     * await ~x` is an error), and its checker reports {@code d} at the `await` (TS1375, TS1431, TS2853). Should
     * module syntax come later, the file is parsed again as a module, where all of it is at home.
     */
    static void markScriptTopLevelAwait(ParseContext p, int awaitStart, Diag d) {
        // (an await expression in ambient code too: checkAwaitGrammar asks no ambient context, so a `.d.ts` statement
        // has TS1036 and TS1375 at its `await`; `await using` there is TS1546 alone)
        if (!p.sawModuleSyntax && (!p.ambient || d == Diag.AWAIT_AT_SCRIPT_TOP_LEVEL)) p.checkerLevelError(awaitStart, awaitStart + 5, d, 0);
        p.sloppyMattered = true;
    }

    private static void checkDelete(ParseContext p, int operand) {
        int k = p.sink.kind(operand);
        int inner = operand;
        while (k == PARENTHESIZED) {
            inner = p.sink.firstChild(inner);
            if (inner < 0) return;
            k = p.sink.kind(inner);
        }
        if (k == IDENTIFIER_REFERENCE && p.strictHere()) p.error(p.sink.start(operand), p.sink.end(operand), Diag.DELETE_IDENTIFIER_STRICT, 0);
        if (k == MEMBER) {
            int prop = p.sink.nextSibling(p.sink.firstChild(inner));
            if (prop >= 0 && p.sink.kind(prop) == PRIVATE_IDENTIFIER) p.error(p.sink.start(operand), p.sink.end(operand), Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
        }
        if (k == CHAIN) {
            // delete a?.#x
            int c = p.sink.firstChild(inner);
            if (c >= 0 && p.sink.kind(c) == MEMBER) {
                int prop = p.sink.nextSibling(p.sink.firstChild(c));
                if (prop >= 0 && p.sink.kind(prop) == PRIVATE_IDENTIFIER) p.error(p.sink.start(operand), p.sink.end(operand), Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
            }
        }
    }

    /** UpdateExpression : LeftHandSideExpression [no LineTerminator here] (++ | --)? */
    private static void parsePostfix(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (p.jsx && p.tok == LT) {
            parseJsxOperand(p);
            return;
        }
        parseLeftHandSide(p);
        if ((p.tok == PLUS2 || p.tok == MINUS2) && !p.lexer.newlineBefore && !afterArrow(p)) {
            int op = p.tok;
            checkSimpleTarget(p, p.sink.pending(p.sink.mark() - 1), op, true);
            p.next();
            p.sink.finish(UPDATE, m, s, p.lastEnd, op);
        }
    }

    /** Simple assignment / update target: identifier (not eval/arguments in strict code) or member access. */
    private static void checkSimpleTarget(ParseContext p, int n, int op, boolean update) {
        int k = p.sink.kind(n);
        int inner = n;
        while (k == PARENTHESIZED || k == NON_NULL || k == AS_EXPRESSION || k == SATISFIES_EXPRESSION || k == TYPE_ASSERTION) {
            if (k == TYPE_ASSERTION) {
                // <T>x: the expression is the last child
                int c = p.sink.firstChild(inner);
                while (c >= 0 && p.sink.nextSibling(c) >= 0) c = p.sink.nextSibling(c);
                inner = c;
                if (inner < 0) return;
                k = p.sink.kind(inner);
                continue;
            }
            inner = p.sink.firstChild(inner);
            if (inner < 0) return;
            k = p.sink.kind(inner);
        }
        if (k == IDENTIFIER_REFERENCE) {
            int id = p.sink.data(inner);
            if ((id == p.nameEval || id == p.nameArguments) && p.strictHere()) p.error(p.sink.start(n), p.sink.end(n), p.strictEvalOrArguments(), DiagnosticMessages.nameArg(id));
            return;
        }
        if (k == MEMBER || k == INVALID) return;
        if (k == CHAIN) {
            p.checkerLevelError(p.sink.start(n), p.sink.end(n), Diag.OPTIONAL_CHAIN_ASSIGNMENT, 0);
            return;
        }
        // Annex B: f() = 1, f() += 1, f()++ are runtime errors in sloppy code (not logical assignment)
        if (k == CALL && (p.sink.data(inner) & M_OPTIONAL) == 0
                && op != AMP2_ASSIGN && op != BAR2_ASSIGN && op != QUESTION2_ASSIGN && !p.strictHere()) return;
        p.checkerLevelError(p.sink.start(n), p.sink.end(n), update ? Diag.INVALID_UPDATE_TARGET : Diag.INVALID_ASSIGNMENT_TARGET, 0);
    }

    /** LeftHandSideExpression : NewExpression | CallExpression | OptionalExpression */
    static void parseLeftHandSide(ParseContext p) {
        // written out, not a call of a shared method with a flag: that cost 1.5-2% of typescript.js's
        // parse under check's C1 flags (PairedParseHarness, 2/16 pairs won; the same jar twice: 13/16)
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (p.tok == K_NEW) {
            parseNew(p);
        } else {
            parsePrimary(p);
        }
        parseCallTail(p, s, m, true, false);
    }

    /**
     * A decorator's expression: a left-hand side whose `[` is not an element access (TypeScript's
     * decorator context: `@d [k]() {}` decorates a method with a computed name), but after `?.`.
     */
    static void parseDecoratorExpression(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        p.operatorOperandPos = s; // a LeftHandSideExpression to TypeScript: no arrow starts here (`@async(...a)` calls)
        if (p.tok == K_NEW) {
            parseNew(p);
        } else {
            parsePrimary(p);
        }
        parseCallTail(p, s, m, true, true);
    }

    /** NewExpression : new NewExpression | new MemberExpression [TypeArguments] Arguments? | new . target */
    private static void parseNew(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (p.escaped()) p.error(s, p.lexer.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
        p.next();
        if (p.tok == DOT) {
            int ns = s;
            p.next();
            p.leaf(IDENTIFIER_NAME, ns, ns + 3, p.internLiteral("new"));
            if (p.atContextual(K_TARGET)) {
                int ts = p.lexer.tokenStart;
                int id = p.lexer.internIdentifier();
                p.next();
                p.leaf(IDENTIFIER_NAME, ts, p.lastEnd, id);
                if ((p.ctx & CTX_NEW_TARGET) == 0) p.error(s, p.lastEnd, Diag.NEW_TARGET_OUTSIDE_FUNCTION, 0);
            } else {
                p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.TOKEN_EXPECTED, K_TARGET);
            }
            p.sink.finish(META_PROPERTY, m, s, p.lastEnd, 0);
            return;
        }
        if (!p.enter()) { p.exit(); p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart); p.sink.finish(NEW, m, s, p.lastEnd, 0); return; }
        int cs = p.lexer.tokenStart;
        int cm = p.sink.mark();
        if (p.tok == K_SUPER && p.peek() == LPAREN) p.error(cs, p.lexer.tokenEnd, Diag.SUPER_UNEXPECTED, 0);
        if (p.tok == K_NEW) {
            parseNew(p);
        } else if (p.tok == K_ASYNC && !p.escaped() && (p.peek() == LPAREN || p.peek() == LT)) {
            // `new async()`, `new async<T, U>()`: the arguments are new's, not a call of async (nor an async arrow's
            // parameters: TypeScript's parseMemberExpressionOrHigher reads no arrow, even where TSX's `<T,` would start one)
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(IDENTIFIER_REFERENCE, cs, p.lastEnd, id);
        } else if (p.tok == K_IMPORT) {
            // only import.meta may follow new; import(), import.source() and import.defer() may not
            if (p.peek() != DOT || p.peek2() != K_META) p.error(cs, p.lexer.tokenEnd, Diag.UNEXPECTED_TOKEN, K_IMPORT);
            parsePrimary(p);
        } else {
            p.operatorOperandPos = cs;
            parsePrimary(p);
            // an arrow is no MemberExpression (`new x => y`, `new (a) => b`: TypeScript's parser wants `;` at `=>`)
            checkNotArrow(p, p.sink.pending(p.sink.mark() - 1));
        }
        p.exit();
        parseCallTail(p, cs, cm, false, false);
        if (p.tok == QUESTION_DOT) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.UNEXPECTED_TOKEN, QUESTION_DOT);
        // type arguments only where TypeScript's parseTypeArgumentsInExpression keeps them (`new a<>!` compares)
        if (p.ts && p.tok == LT) tryParseTypeArgumentsInExpression(p);
        if (p.tok == LPAREN) {
            parseArguments(p);
            p.sink.finish(NEW, m, s, p.lastEnd, 1);
        } else {
            p.sink.finish(NEW, m, s, p.lastEnd, 0);
        }
    }

    /**
     * CallExpression / MemberExpression tail : (. IdentifierName | ?. ... | [ Expression ] | Arguments | TemplateLiteral | ! (TS) | TypeArguments)*
     * Member accesses, calls (when allowed), optional chains and tagged templates after an operand.
     */
    private static void parseCallTail(ParseContext p, int s, int m, boolean allowCall, boolean decorator) {
        boolean chain = false;
        while (true) {
            if (afterArrow(p)) break;
            if (p.ts) {
                if (p.tok == BANG && !p.lexer.newlineBefore) {
                    p.next();
                    p.sink.finish(NON_NULL, m, s, p.lastEnd, 0);
                    continue;
                }
                if ((p.tok == LT || p.tok == SHL) && tryParseTypeArgumentsInExpression(p)) {
                    if (p.tok == LPAREN && allowCall) {
                        parseArguments(p);
                        p.sink.finish(CALL, m, s, p.lastEnd, 0);
                    } else if (p.tok == NO_SUBST_TEMPLATE || p.tok == TEMPLATE_HEAD) {
                        parseTemplate(p, true);
                        p.sink.finish(TAGGED_TEMPLATE, m, s, p.lastEnd, 0);
                    } else {
                        p.sink.finish(INSTANTIATION_EXPRESSION, m, s, p.lastEnd, 0);
                        if (p.tok == DOT || (p.tok == QUESTION_DOT && Token.isIdentifierName(p.peek()))) {
                            p.error(s, p.lastEnd, Diag.INSTANTIATION_PROPERTY_ACCESS, 0);
                        }
                        if (!allowCall) return;
                    }
                    continue;
                }
            }
            switch (p.tok) {
                case DOT: {
                    p.next();
                    if (p.tok == PRIVATE_NAME && p.sink.kind(p.sink.pending(p.sink.mark() - 1)) == SUPER) {
                        p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
                    }
                    // TypeScript's parseMemberExpressionRest: no private name in an optional chain (`a?.b.#p`, TS18030);
                    // ECMAScript allows it, so JavaScript files keep it
                    if (chain && p.ts && p.tok == PRIVATE_NAME) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.OPTIONAL_CHAIN_PRIVATE_NAME, 0);
                    parseMemberName(p);
                    p.sink.finish(MEMBER, m, s, p.lastEnd, 0);
                    continue;
                }
                case QUESTION_DOT: {
                    if (!allowCall) return;
                    chain = true;
                    p.next();
                    if (p.ts && p.tok == LT && tryParseTypeArgumentsInExpression(p) && p.tok == LPAREN) {
                        parseArguments(p);
                        p.sink.finish(CALL, m, s, p.lastEnd, M_OPTIONAL);
                    } else if (p.tok == LPAREN) {
                        parseArguments(p);
                        p.sink.finish(CALL, m, s, p.lastEnd, M_OPTIONAL);
                    } else if (p.tok == LBRACKET) {
                        p.next();
                        int saved = p.ctx;
                        p.ctx &= ~CTX_NO_IN;
                        parseExpression(p);
                        p.ctx = saved;
                        p.expect(RBRACKET);
                        p.sink.finish(MEMBER, m, s, p.lastEnd, M_COMPUTED | M_OPTIONAL);
                    } else if (p.tok == NO_SUBST_TEMPLATE || p.tok == TEMPLATE_HEAD) {
                        p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.OPTIONAL_CHAIN_TEMPLATE, 0);
                        parseTemplate(p, true);
                        p.sink.finish(TAGGED_TEMPLATE, m, s, p.lastEnd, 0);
                    } else {
                        if (p.ts && p.tok == PRIVATE_NAME) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.OPTIONAL_CHAIN_PRIVATE_NAME, 0);
                        parseMemberName(p);
                        p.sink.finish(MEMBER, m, s, p.lastEnd, M_OPTIONAL);
                    }
                    continue;
                }
                case LBRACKET: {
                    if (decorator) break;
                    p.next();
                    int saved = p.ctx;
                    p.ctx &= ~CTX_NO_IN;
                    parseExpression(p);
                    p.ctx = saved;
                    p.expect(RBRACKET);
                    p.sink.finish(MEMBER, m, s, p.lastEnd, M_COMPUTED);
                    continue;
                }
                case LPAREN: {
                    if (!allowCall) break;
                    parseArguments(p);
                    p.sink.finish(CALL, m, s, p.lastEnd, 0);
                    continue;
                }
                case NO_SUBST_TEMPLATE:
                case TEMPLATE_HEAD: {
                    if (chain) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.OPTIONAL_CHAIN_TEMPLATE, 0);
                    parseTemplate(p, true);
                    p.sink.finish(TAGGED_TEMPLATE, m, s, p.lastEnd, 0);
                    continue;
                }
                default:
                    break;
            }
            break;
        }
        if (chain) p.sink.finish(CHAIN, m, s, p.lastEnd, 0);
    }

    /** IdentifierName | PrivateIdentifier after . or ?. */
    static void parseMemberName(ParseContext p) {
        int s = p.lexer.tokenStart;
        if (p.tok == PRIVATE_NAME) {
            int id = p.lexer.internIdentifier();
            if ((p.ctx & CTX_CLASS_BODY) == 0) p.error(s, p.lexer.tokenEnd, Diag.UNDECLARED_PRIVATE_NAME, 0);
            else notePrivateReference(p, id, s, p.lexer.tokenEnd);
            p.next();
            p.leaf(PRIVATE_IDENTIFIER, s, p.lastEnd, id);
        } else if (Token.isIdentifierName(p.tok)) {
            // TypeScript's parseRightSideOfDot: a word on the next line with another word after it on that line
            // starts the next statement (`@x.\nv class C {}`): the name is missing
            if (p.lexer.newlineBefore) {
                int pk = p.peek();
                if (p.peekNewline == 0 && Token.isIdentifierName(pk)) p.error(s, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            }
            int id = p.lexer.internIdentifier();
            p.next();
            p.leaf(IDENTIFIER_NAME, s, p.lastEnd, id);
        } else {
            p.error(s, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            p.errorNode(s, s);
        }
    }

    /**
     * Arguments : ( [AssignmentExpression | ... AssignmentExpression],* )
     * `(` arguments `)`: the argument nodes become children of the caller's node.
     */
    private static void parseArguments(ParseContext p) {
        p.next(); // (
        int saved = p.ctx;
        p.ctx &= ~CTX_NO_IN;
        while (p.tok != RPAREN && p.tok != EOF) {
            int as = p.lexer.tokenStart;
            if (p.tok == ELLIPSIS) {
                int sm = p.sink.mark();
                p.next();
                parseAssignment(p);
                p.sink.finish(SPREAD, sm, as, p.lastEnd, 0);
            } else if (startsExpression(p.tok)) {
                parseAssignment(p);
            } else {
                p.error(as, p.lexer.tokenEnd, Diag.ARGUMENT_EXPRESSION_EXPECTED, 0);
                if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RBRACKET) break;
                if (p.tok != COMMA) p.next();
                p.errorNode(as, p.lastEnd);
            }
            if (p.tok != RPAREN) {
                if (!p.eat(COMMA)) {
                    p.errorExpected(COMMA);
                    if (p.tok == SEMICOLON || p.tok == RBRACE || p.tok == RBRACKET || !startsExpression(p.tok)) break;
                }
            }
        }
        p.ctx = saved;
        p.expect(RPAREN);
    }

    /** PrimaryExpression : this | IdentifierReference | Literal | ArrayLiteral | ObjectLiteral | FunctionExpression | ClassExpression | TemplateLiteral | RegularExpressionLiteral | CoverParenthesizedExpressionAndArrowParameterList | JSX */
    static void parsePrimary(ParseContext p) {
        int s = p.lexer.tokenStart;
        if (Token.isReserved(p.tok) && p.escaped()) p.error(s, p.lexer.tokenEnd, Diag.KEYWORD_WITH_ESCAPE, 0);
        switch (p.tok) {
            case K_THIS: p.next(); p.leaf(THIS, s, p.lastEnd, 0); return;
            case K_NULL: p.next(); p.leaf(NULL, s, p.lastEnd, 0); return;
            case K_TRUE: p.next(); p.leaf(BOOLEAN, s, p.lastEnd, 1); return;
            case K_FALSE: p.next(); p.leaf(BOOLEAN, s, p.lastEnd, 0); return;
            case NUMBER: checkNumberStrict(p); p.next(); p.leaf(NUMBER_LITERAL, s, p.lastEnd, 0); return;
            case BIGINT: p.next(); p.leaf(BIGINT_LITERAL, s, p.lastEnd, 0); return;
            case STRING: checkStringStrict(p); p.next(); p.leaf(STRING_LITERAL, s, p.lastEnd, 0); return;
            case SLASH:
            case SLASH_ASSIGN: {
                int logged = p.log.diagnosticCount();
                p.tok = p.lexer.reScanRegex();
                if (p.tok == REGEX) {
                    int bodyEnd = p.lexer.regexBodyEnd;
                    // a literal the lexer already rejected (flags, termination) is not validated again
                    int err = p.log.diagnosticCount() != logged ? -1 : p.regex.validate(p.src, s + 1, bodyEnd, Math.min(bodyEnd + 1, p.lexer.tokenEnd), p.lexer.tokenEnd);
                    if (err >= 0) p.error(p.regex.errorStart, p.regex.errorEnd, Diag.INVALID_REGULAR_EXPRESSION, err);
                    p.next();
                    p.leaf(REGEX_LITERAL, s, p.lastEnd, bodyEnd - s);
                } else {
                    p.next();
                    p.errorNode(s, p.lastEnd);
                }
                return;
            }
            case NO_SUBST_TEMPLATE:
            case TEMPLATE_HEAD:
                parseTemplate(p, false);
                return;
            case LPAREN:
                if (p.ts && tryParseTypedArrow(p, 0, s)) return;
                parseParenthesizedOrArrow(p);
                return;
            case LT:
                if (p.ts && (!p.jsx || isGenericArrowInTsx(p)) && tryParseTypedArrow(p, 0, s)) return;
                if (p.jsx) {
                    parseJsxElementOrFragment(p, false);
                    return;
                }
                break;
            case LBRACKET: parseArrayLiteral(p); return;
            case LBRACE: parseObjectLiteral(p); return;
            case K_FUNCTION: {
                int m = p.sink.mark();
                p.next();
                int flags = 0;
                if (p.eat(STAR)) flags |= F_GENERATOR;
                if (Token.isIdentifierLike(p.tok) || Token.isReserved(p.tok)) parseFunctionName(p, flags, false);
                parseFunctionRest(p, flags, 0, s, m, FUNCTION_EXPRESSION);
                return;
            }
            case K_CLASS: parseClass(p, false, s); return;
            case AT:
                parseDecoratedClass(p, s, false, false);
                return;
            case K_SUPER: parseSuper(p); return;
            case K_IMPORT: parseImportExpression(p); return;
            case K_NEW: parseNew(p); return;
            case PRIVATE_NAME: {
                int id = p.lexer.internIdentifier();
                int pk = p.peek();
                if (pk != K_IN || s != p.privateInPos || (p.ctx & CTX_NO_IN) != 0) p.error(s, p.lexer.tokenEnd, Diag.UNEXPECTED_TOKEN, PRIVATE_NAME);
                if ((p.ctx & CTX_CLASS_BODY) == 0) p.error(s, p.lexer.tokenEnd, Diag.UNDECLARED_PRIVATE_NAME, 0);
                else notePrivateReference(p, id, s, p.lexer.tokenEnd);
                p.next();
                p.leaf(PRIVATE_IDENTIFIER, s, p.lastEnd, id);
                return;
            }
            case K_ASYNC:
                if (!p.escaped()) {
                    int pk = p.peek();
                    if (pk == K_FUNCTION && p.peekNewline == 0) {
                        int m = p.sink.mark();
                        p.next(); // async
                        p.next(); // function
                        int flags = F_ASYNC;
                        if (p.eat(STAR)) flags |= F_GENERATOR;
                        if (Token.isIdentifierLike(p.tok) || Token.isReserved(p.tok)) parseFunctionName(p, flags, false);
                        parseFunctionRest(p, flags, 0, s, m, FUNCTION_EXPRESSION);
                        return;
                    }
                    if ((pk == LPAREN || (p.ts && pk == LT)) && p.peekNewline == 0) {
                        if (p.ts) {
                            int d = p.speculate();
                            if (d >= 0) {
                                p.next(); // async
                                // in TSX, TypeScript's isParenthesizedArrowFunctionExpression takes `async <T,`, `<T =` and
                                // `<T extends X` for an arrow whatever follows, and `async <T>` for none; where an assignment
                                // expression starts only, never as an operator's operand (`!async<T, U>(x)` is a call)
                                boolean tsxArrow = p.jsx && p.tok == LT && s != p.operatorOperandPos && isGenericArrowInTsx(p);
                                if ((!p.jsx || p.tok != LT || tsxArrow) && tryParseTypedArrow(p, F_ASYNC, s)) {
                                    p.commit(d);
                                    return;
                                }
                                if (tsxArrow) {
                                    p.commit(d);
                                    parseTypedArrowWithErrors(p, F_ASYNC, s);
                                    return;
                                }
                                p.rollback(d);
                            }
                        }
                        if (pk == LPAREN) {
                            parseAsyncCallOrArrow(p);
                            return;
                        }
                    }
                    if (Token.isIdentifierLike(pk) && p.peekNewline == 0 && p.peek2() == ARROW) {
                        // async x => ...
                        int m = p.sink.mark();
                        p.next();
                        int ps = p.lexer.tokenStart;
                        int pm = p.sink.mark();
                        int savedCtx = p.ctx;
                        p.ctx |= CTX_AWAIT;
                        parseBindingIdentifier(p);
                        p.ctx = savedCtx;
                        p.sink.finish(FORMAL_PARAMETERS, pm, ps, p.lastEnd, 0);
                        if (p.tok != ARROW) p.errorExpected(ARROW);
                        else if (p.lexer.newlineBefore) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
                        parseArrowBody(p, F_ASYNC, s, m);
                        return;
                    }
                }
                break;
            default:
                break;
        }
        if (Token.isIdentifierLike(p.tok)) {
            int k = p.tok;
            int flags = p.lexer.flags;
            int e = p.lexer.tokenEnd;
            int id = p.lexer.internIdentifier();
            int pk = p.nextTokenMayStartWith('=') ? p.peek() : IDENTIFIER;
            if (pk == ARROW) {
                // x => body
                int m = p.sink.mark();
                checkIdentifierReference(p, k, flags, s, e, true);
                p.next();
                int pm = p.sink.mark();
                p.leaf(BINDING_IDENTIFIER, s, e, id);
                p.sink.finish(FORMAL_PARAMETERS, pm, s, e, 0);
                if (p.lexer.newlineBefore) p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.ARROW_LINE_BREAK, 0);
                parseArrowBody(p, 0, s, m);
                return;
            }
            checkIdentifierReference(p, k, flags, s, e, false);
            p.next();
            p.leaf(IDENTIFIER_REFERENCE, s, p.lastEnd, id);
            return;
        }
        if (Token.isReserved(p.tok)) {
            // a reserved word where an expression was expected
            p.error(s, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
            p.errorNode(s, s);
            return;
        }
        p.error(s, p.lexer.tokenEnd, Diag.EXPRESSION_EXPECTED, 0);
        p.errorNode(s, s);
    }

    /** SuperProperty : super [ Expression ] | super . IdentifierName  |  SuperCall : super Arguments */
    private static void parseSuper(ParseContext p) {
        int s = p.lexer.tokenStart;
        p.next();
        p.leaf(SUPER, s, p.lastEnd, 0);
        if (p.tok == LPAREN) {
            if ((p.ctx & CTX_SUPER_CALL) == 0) p.error(s, p.lastEnd, Diag.SUPER_CALL_OUTSIDE_CONSTRUCTOR, 0);
        } else if (p.tok == DOT || p.tok == LBRACKET) {
            if ((p.ctx & CTX_SUPER_PROP) == 0) p.error(s, p.lastEnd, Diag.SUPER_PROPERTY_OUTSIDE_METHOD, 0);
        } else {
            p.error(s, p.lastEnd, Diag.SUPER_UNEXPECTED, 0);
        }
    }

    /** After `as`, at `const`: whether `.`, or `<` or `[` on the same line, follow (`x as const.n`, `x as const<T>`). */
    private static boolean constNamesAType(ParseContext p) {
        int pk = p.peek();
        // `|`/`&`: TypeScript's parseType goes on into a union or intersection (`x as const | new T` wants `(`)
        return pk == DOT || pk == BAR || pk == AMP || ((pk == LT || pk == LBRACKET) && p.peekNewline == 0);
    }

    /** Tokens after which `await` can only have been meant as a name: no operand, no operator, follows. */
    private static boolean onlyANameCouldStandBefore(int k) {
        switch (k) {
            case RPAREN: case RBRACKET: case RBRACE: case COMMA: case SEMICOLON: case ARROW: case ASSIGN: case COLON: case QUESTION:
            case EOF:
                return true;
            default:
                return false;
        }
    }

    /** Whether the source at {@code at} is the word `await` (not a longer name). */
    private static boolean startsWithAwaitWord(ParseContext p, int at) {
        int e = at + 5;
        if (e > p.srcLength || p.src[at] != 'a' || p.src[at + 1] != 'w' || p.src[at + 2] != 'a' || p.src[at + 3] != 'i' || p.src[at + 4] != 't') return false;
        return e == p.srcLength || !Character.isJavaIdentifierPart(p.src[e]);
    }

    /** At `await` before a token no operand starts with: TS1109 at that token, where TypeScript's parser says it. */
    private static void reportMissingAwaitOperand(ParseContext p) {
        p.lookaheadBegin();
        p.lexer.next();
        int start = p.lexer.tokenStart, end = p.lexer.tokenEnd;
        p.lookaheadEnd();
        p.error(start, end, Diag.EXPRESSION_EXPECTED, 0);
        p.awaitWithoutOperandPos = p.lexer.tokenStart;
    }

    /** {@code await} at {@code s} is the current token: the keyword, then its operand ({@code UnaryExpression}); too deep, an error node. */
    private static void parseAwaitOperand(ParseContext p, int s) {
        int m = p.sink.mark();
        p.next();
        if (!p.enter()) { p.exit(); p.errorNode(p.lexer.tokenStart, p.lexer.tokenStart); p.sink.finish(AWAIT, m, s, p.lastEnd, 0); return; }
        p.operatorOperandPos = p.lexer.tokenStart;
        parseUnary(p);
        p.exit();
        p.sink.finish(AWAIT, m, s, p.lastEnd, 0);
    }
}
