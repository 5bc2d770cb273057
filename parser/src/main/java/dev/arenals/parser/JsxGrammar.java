package dev.arenals.parser;

import static dev.arenals.parser.ArrowGrammar.*;
import static dev.arenals.parser.ExpressionGrammar.*;
import static dev.arenals.parser.ParseContext.*;
import static dev.arenals.parser.TypeGrammar.*;
import static dev.arenals.parser.lexer.Token.*;
import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.NodeKind;

/** JSX: elements, fragments, attributes, children and element names (in .jsx and .tsx files). */
final class JsxGrammar {
    private JsxGrammar() {}

    // ------------------------------------------------------------------ JSX in expressions

    /**
     * PrimaryExpression : JSXElement | JSXFragment   (or a TS type assertion / generic arrow in .tsx)
     * A JSX element as an operand (current token `<`, JSX on): TypeScript's parser ends the operand
     * there, no call, member access or ++ after it. A TSX generic arrow is parsed as well. Kept out of
     * parseLeftHandSide, which every operand goes through.
     */
    static void parseJsxOperand(ParseContext p) {
        int s = p.lexer.tokenStart;
        if (p.ts && isGenericArrowInTsx(p) && tryParseTypedArrow(p, 0, s)) return;
        int m = p.sink.mark();
        parseJsxElementOrFragment(p, false);
        // TSX: TypeScript's parser reads a `<` right after an element (a line break too) as another element, and
        // two are no expression (TS2657: `<a/> < b`, `<a/>`↵`<b/>`). JSX files keep the JSX reading, a comparison
        if (p.ts && p.tok == LT && !p.atTsxLessThanSlash()) {
            while (p.tok == LT && !p.atTsxLessThanSlash()) parseJsxElementOrFragment(p, false);
            p.error(s, p.lastEnd, Diag.JSX_ONE_PARENT, 0);
            p.sink.finish(SEQUENCE, m, s, p.lastEnd, 0);
        }
    }

    // ------------------------------------------------------------------ elements, fragments, children

    /**
     * JSXElement : < JSXElementName [TypeArguments] JSXAttributes (/> | > JSXChildren </ JSXElementName >)  |  JSXFragment : < > JSXChildren </ >
     * `<` in expression position: a JSX element or fragment.
     */
    static void parseJsxElementOrFragment(ParseContext p, boolean inJsxChild) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (!p.enter()) { p.exit(); p.errorNode(s, s); return; }
        // TSX: `</` (not `</*`) is TypeScript's one token, which opens no element (`<//c` then a name is no tag)
        if (!inJsxChild && p.atTsxLessThanSlash()) p.error(s, s + 2, Diag.EXPRESSION_EXPECTED, 0);
        p.next(); // <
        if (p.tok == GT) {
            // fragment
            jsxNextChild(p);
            parseJsxChildren(p);
            // at `<` `/`
            int cs = p.lexer.tokenStart;
            if (!eatLessThanSlash(p)) {
                p.next(); // /
                if (p.tok == SLASH) p.next(); else p.errorExpected(SLASH);
            }
            if (p.tok != GT) {
                p.error(cs, p.lexer.tokenEnd, Diag.JSX_FRAGMENT_CLOSING, 0);
                while (p.tok != GT && p.tok != EOF && p.tok != LT) p.next();
            }
            finishJsxClose(p, inJsxChild);
            p.sink.finish(JSX_FRAGMENT, m, s, p.lastEnd, 0);
            p.exit();
            return;
        }
        int om = p.sink.mark();
        int nameStart = p.lexer.tokenStart;
        parseJsxElementName(p);
        int nameEnd = p.lastEnd;
        if (p.ts && p.tok == LT) parseTypeArguments(p);
        // attributes
        while (p.tok != GT && p.tok != SLASH && p.tok != EOF) {
            int as = p.lexer.tokenStart;
            int am = p.sink.mark();
            if (p.tok == LBRACE) {
                p.next();
                if (p.tok == ELLIPSIS) p.next(); else p.errorExpected(ELLIPSIS);
                parseExpression(p); // TypeScript's parseJsxSpreadAttribute takes a comma expression: `{...a, b}`
                p.expect(RBRACE);
                p.sink.finish(JSX_SPREAD_ATTRIBUTE, am, as, p.lastEnd, 0);
                continue;
            }
            if (!Token.isIdentifierName(p.tok)) {
                p.error(as, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
                if (p.tok == LT || p.tok == RBRACE) break;
                p.next();
                p.sink.finish(INVALID, am, as, p.lastEnd, 0);
                continue;
            }
            parseJsxAttributeName(p);
            if (p.tok == ASSIGN) {
                int before = p.log.diagnosticCount();
                p.next();
                if (p.tok == STRING) {
                    p.lexer.reScanJsxString(before);
                    int vs = p.lexer.tokenStart;
                    p.next();
                    p.leaf(STRING_LITERAL, vs, p.lastEnd, 0);
                } else if (p.tok == LBRACE) {
                    int es = p.lexer.tokenStart;
                    int em = p.sink.mark();
                    p.next();
                    if (p.tok == RBRACE) p.error(es, p.lexer.tokenEnd, Diag.JSX_EMPTY_ATTRIBUTE_EXPRESSION, 0);
                    else parseAssignment(p);
                    p.expect(RBRACE);
                    p.sink.finish(JSX_EXPRESSION_CONTAINER, em, es, p.lastEnd, 0);
                } else if (p.tok == LT) {
                    parseJsxElementOrFragment(p, false);
                } else {
                    p.error(p.lexer.tokenStart, p.lexer.tokenEnd, Diag.JSX_ATTRIBUTE_VALUE_EXPECTED, 0);
                }
            }
            p.sink.finish(JSX_ATTRIBUTE, am, as, p.lastEnd, 0);
        }
        if (p.tok == SLASH) {
            // self-closing
            p.next();
            if (p.tok != GT) p.errorExpected(GT);
            p.sink.finish(JSX_OPENING_ELEMENT, om, s, p.tok == GT ? p.lexer.tokenEnd : p.lastEnd, 1);
            finishJsxClose(p, inJsxChild);
            p.sink.finish(JSX_ELEMENT, m, s, p.lastEnd, 0);
            p.exit();
            return;
        }
        if (p.tok != GT) {
            p.errorExpected(GT);
            p.sink.finish(JSX_OPENING_ELEMENT, om, s, p.lastEnd, 0);
            p.sink.finish(JSX_ELEMENT, m, s, p.lastEnd, 0);
            p.exit();
            return;
        }
        p.sink.finish(JSX_OPENING_ELEMENT, om, s, p.lexer.tokenEnd, 0);
        jsxNextChild(p);
        parseJsxChildren(p);
        // closing element: at `<` and next is `/`
        int cs = p.lexer.tokenStart;
        int cm = p.sink.mark();
        if (p.tok == LT) {
            if (!eatLessThanSlash(p)) {
                p.next(); // <
                p.next(); // /
            }
            int closeNameStart = p.lexer.tokenStart;
            if (p.tok != GT) parseJsxElementName(p);
            if (!sameText(p, nameStart, nameEnd, closeNameStart, p.lastEnd)) {
                p.error(closeNameStart, Math.max(closeNameStart, p.lastEnd), Diag.JSX_CLOSING_TAG, 0);
            }
            if (p.tok != GT) p.errorExpected(GT);
            // without its `>` (still being typed) the tag ends at its name: the next token is not its own
            p.sink.finish(JSX_CLOSING_ELEMENT, cm, cs, p.tok == GT ? p.lexer.tokenEnd : p.lastEnd, 0);
            finishJsxClose(p, inJsxChild);
        } else {
            p.error(nameStart, nameEnd, Diag.JSX_NO_CLOSING_TAG, 0);
        }
        p.sink.finish(JSX_ELEMENT, m, s, p.lastEnd, 0);
        p.exit();
    }

    /** Consumes the closing `>` of a tag: inside children the next token is scanned as JSX text. */
    private static void finishJsxClose(ParseContext p, boolean inJsxChild) {
        if (p.tok != GT) return;
        if (inJsxChild) jsxNextChild(p); else p.next();
    }

    private static void jsxNextChild(ParseContext p) {
        p.lastEnd = p.lexer.tokenEnd;
        p.tok = p.lexer.scanJsxChild();
    }

    /**
     * JSXChildren : (JSXText | JSXElement | JSXFragment | { [...] AssignmentExpression? })*
     * Children up to the `<` of a closing tag `</`.
     */
    private static void parseJsxChildren(ParseContext p) {
        while (p.tok != EOF) {
            int cs = p.lexer.tokenStart;
            if (p.tok == Token.JSX_TEXT) {
                p.leaf(NodeKind.JSX_TEXT, cs, p.lexer.tokenEnd, 0);
                jsxNextChild(p);
                continue;
            }
            if (p.tok == LBRACE) {
                int em = p.sink.mark();
                p.next();
                int kind = JSX_EXPRESSION_CONTAINER;
                if (p.tok == ELLIPSIS) { p.next(); kind = JSX_SPREAD_CHILD; }
                if (p.tok != RBRACE) parseExpression(p);
                if (p.tok != RBRACE) {
                    p.errorExpected(RBRACE);
                    p.sink.finish(kind, em, cs, p.lastEnd, 0);
                    // resynchronise on the next `<` or `}` by scanning as text
                    while (p.tok != RBRACE && p.tok != LT && p.tok != EOF) p.next();
                    if (p.tok == LT) continue;
                    if (p.tok == EOF) return;
                } else {
                    p.sink.finish(kind, em, cs, p.lexer.tokenEnd, 0);
                }
                jsxNextChild(p);
                continue;
            }
            if (p.tok == LT) {
                if (p.lexer.tokenEnd < p.srcLength && p.src[p.lexer.tokenEnd] == '/') return; // `</`: the parent's closing tag
                // `< /`: only then lex the next token twice (a child's tag name would be)
                if (p.nextTokenMayStartWith('/') && p.peek() == SLASH) return; // closing tag of the parent
                parseJsxElementOrFragment(p, true);
                continue;
            }
            break;
        }
        if (p.tok == EOF) p.error(p.lexer.tokenStart, p.lexer.tokenStart, Diag.TOKEN_EXPECTED, LT);
    }

    /** JSXElementName : JSXIdentifier | JSXNamespacedName | JSXMemberExpression */
    private static void parseJsxElementName(ParseContext p) {
        int s = p.lexer.tokenStart;
        int m = p.sink.mark();
        if (!Token.isIdentifierName(p.tok)) {
            p.error(s, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            p.errorNode(s, s);
            return;
        }
        if (parseJsxIdentifierOrNamespaced(p, s, m)) return;
        while (p.tok == DOT) {
            p.next();
            int ps = p.lexer.tokenStart;
            int pid = p.lexer.internIdentifier();
            if (!Token.isIdentifierName(p.tok)) p.error(ps, p.lexer.tokenEnd, Diag.IDENTIFIER_EXPECTED, 0);
            p.next();
            p.leaf(IDENTIFIER_NAME, ps, p.lastEnd, pid);
            p.sink.finish(JSX_MEMBER_EXPRESSION, m, s, p.lastEnd, 0);
        }
    }

    /** JSXAttributeName : JSXIdentifier | JSXNamespacedName */
    private static void parseJsxAttributeName(ParseContext p) {
        parseJsxIdentifierOrNamespaced(p, p.lexer.tokenStart, p.sink.mark());
    }

    /**
     * A JSX identifier at the current token (which starts at {@code s}), and {@code :name} after it
     * when there is one, finishing the namespaced name from {@code m}. Returns true when namespaced.
     */
    private static boolean parseJsxIdentifierOrNamespaced(ParseContext p, int s, int m) {
        jsxIdentifier(p, s);
        if (p.tok != COLON) return false;
        p.next();
        jsxIdentifier(p, p.lexer.tokenStart);
        p.sink.finish(JSX_NAMESPACED_NAME, m, s, p.lastEnd, 0);
        return true;
    }

    /** The current token, rescanned as a JSX identifier (dashes allowed), as a leaf. */
    private static void jsxIdentifier(ParseContext p, int s) {
        p.lexer.reScanJsxIdentifier();
        p.tok = p.lexer.token;
        int id = p.lexer.internIdentifier();
        p.next();
        p.leaf(JSX_IDENTIFIER, s, p.lastEnd, id);
    }

    private static boolean sameText(ParseContext p, int s1, int e1, int s2, int e2) {
        if (e1 - s1 != e2 - s2) return false;
        for (int i = 0; i < e1 - s1; i++) {
            char a = p.src[s1 + i], b = p.src[s2 + i];
            if (a != b && !(Character.isWhitespace(a) && Character.isWhitespace(b))) return false;
        }
        return true;
    }

    /** In TSX, `<T,>`, `<T = X>` and `<T extends X>` start a generic arrow, not an element. */
    static boolean isGenericArrowInTsx(ParseContext p) {
        p.lookaheadBegin();
        boolean result = false;
        int k = p.lexer.next();
        if (Token.isIdentifierLike(k) || k == K_CONST) {
            int k2 = p.lexer.next();
            if (k == K_CONST && Token.isIdentifierLike(k2)) k2 = p.lexer.next();
            // TypeScript's rule (isParenthesizedArrowFunctionExpressionWorker): `<T,`, `<T =`, `<T extends` before
            // anything but `=`, `>` or `/`
            if (k2 == K_EXTENDS) {
                int k3 = p.lexer.next();
                result = k3 != ASSIGN && k3 != GT && k3 != SLASH;
            } else {
                result = k2 == COMMA || k2 == ASSIGN;
            }
        }
        p.lookaheadEnd();
        return result;
    }

    /**
     * At a `<` directly followed by `/`: both read as TypeScript's one token `</` (so a block comment
     * right after that `/` is a comment, and the tag closes). False, nothing read, at any other `<`.
     */
    private static boolean eatLessThanSlash(ParseContext p) {
        int at = p.lexer.tokenEnd;
        if (at >= p.srcLength || p.src[at] != '/') return false;
        p.lastEnd = at + 1;
        p.tok = p.lexer.rescanAt(at + 1);
        return true;
    }
}
