package dev.arenals.server.format;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.Token;

/**
 * The spaces between two tokens on one line, after TypeScript's rules (rules.ts) with its default
 * FormatCodeSettings: one space around binary operators and after commas, keywords and the
 * semicolons of a for, none inside parentheses and brackets, one inside non-empty braces, none
 * before a call's or a declaration's parenthesis. A pair no rule speaks of keeps its spaces, a run
 * with a comment or a line break is never touched, and no rule ever joins two tokens that would
 * read as one.
 */
final class Spacing {
    private static final int LEAVE = -1, NONE = 0, SPACE = 1;

    private final Formatter f;

    Spacing(Formatter f) {
        this.f = f;
    }

    /** Adds the edits between the tokens of {@code line}. */
    void emitLine(Edits edits, int line) {
        int it = f.lineFirstItem(line);
        if (it < 0) {
            // the line starts inside an item (a comment's later line): begin with the first item that starts on it
            return;
        }
        char[] src = f.source();
        int lineEnd = f.lineContentEnd(line);
        for (int a = it; a + 1 < f.itemCount; a++) {
            int b = a + 1;
            int gapFrom = f.itemEnd[a], gapTo = f.itemStart[b];
            if (gapTo > lineEnd || f.itemStart[a] >= lineEnd) break;
            if (gapFrom > lineEnd) break; // a's item runs onto the next line
            int ka = f.itemKind[a], kb = f.itemKind[b];
            if (ka == Formatter.LINE_COMMENT || ka == Formatter.BLOCK_COMMENT || kb == Formatter.LINE_COMMENT || kb == Formatter.BLOCK_COMMENT) continue;
            if (!blank(src, gapFrom, gapTo)) continue;
            int want = rule(a, b);
            if (want == LEAVE) continue;
            if (gapFrom == gapTo && mayBeOneToken(src, a, b)) continue; // touching: a space could split one token into two (`>>`, `>=`)
            if (want == NONE && !mayJoin(src, a, b)) continue;
            String text = want == SPACE ? " " : "";
            if (gapTo - gapFrom == text.length() && (text.isEmpty() || src[gapFrom] == ' ')) continue;
            edits.add(gapFrom, gapTo, text);
        }
    }

    private static boolean blank(char[] src, int from, int to) {
        for (int i = from; i < to; i++) if (src[i] != ' ' && src[i] != '\t') return false;
        return true;
    }

    /**
     * Whether two touching items may be the parts of one token the parser read apart: `>` rescanned
     * after a type argument list (`>>`, `>=`, `>>>`) and its mirror `<`; two words or numbers (an item
     * boundary inside a name). Any other touching pair are two tokens: `x=<div>` takes its spaces
     * as `x = <div>` (TypeScript's formatter), `a=-1` as `a = -1`.
     */
    private boolean mayBeOneToken(char[] src, int a, int b) {
        char x = src[f.itemEnd[a] - 1], y = src[f.itemStart[b]];
        if (word(x) && word(y)) return true;
        if ((x == '>' || x == '<') && (y == '>' || y == '=' || y == '<')) return true;
        return x == '.' && Character.isDigit(y) || Character.isDigit(x) && y == '.';
    }

    /** Would the two tokens still read as two without a space between them. */
    private boolean mayJoin(char[] src, int a, int b) {
        char x = src[f.itemEnd[a] - 1], y = src[f.itemStart[b]];
        if (word(x) && word(y)) return false;
        if (op(x) && op(y)) return false;
        if (x == '.' && Character.isDigit(y)) return false;
        if (Character.isDigit(x) && y == '.') return false;
        return true;
    }

    private static boolean word(char c) { return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\\' || c > 127; }
    private static boolean op(char c) { return "+-*/%<>=!&|^~?.:#@".indexOf(c) >= 0; }

    private int rule(int a, int b) {
        int ka = asName(a), kb = asName(b);
        int oa = f.itemOwner[a], ob = f.itemOwner[b];
        if (oa < 0 || ob < 0) return LEAVE; // not visited: frozen or too deep
        if (ka == Token.LBRACE && isJsxBraces(oa) || kb == Token.RBRACE && isJsxBraces(ob)) return NONE; // {x} in JSX
        if (ob == JSX_ATTRIBUTE && kb == Formatter.OPAQUE && ka != Token.ASSIGN) return SPACE; // an attribute's name
        if (ob == JSX_ATTRIBUTE && kb == Token.ASSIGN || oa == JSX_ATTRIBUTE && ka == Token.ASSIGN) return NONE;
        if (ob == JSX_OPENING_ELEMENT && kb == Token.SLASH && b + 1 < f.itemCount && f.itemKind[b + 1] == Token.GT) return SPACE;
        if (oa == JSX_OPENING_ELEMENT && ka == Token.SLASH && kb == Token.GT) return NONE;
        if (isJsx(oa) && isJsx(ob) || ka == Formatter.JSX_TEXT_ITEM || kb == Formatter.JSX_TEXT_ITEM) return LEAVE;

        // binary operators, arrows, conditional ? and :, = of declarations, | and & of types
        if (isBinary(b, kb, ob)) return SPACE;
        if (isBinary(a, ka, oa)) return SPACE;

        // generators: function*, yield*, *method
        if (kb == Token.STAR && (ka == Token.K_FUNCTION || ka == Token.K_YIELD)) return NONE;
        if (ka == Token.STAR && oa == YIELD) return SPACE; // yield* (x)
        if (ka == Token.STAR && isFunctionLike(oa)) return kb == Token.LPAREN ? NONE : SPACE;
        if (ka == Token.K_NEW && kb == Token.LT) return SPACE; // new <T>(…) => T
        if (kb == Token.K_FROM) return SPACE; // export * from
        if ((ka == Token.BAR || ka == Token.AMP) && (oa == UNION_TYPE || oa == INTERSECTION_TYPE)) return SPACE; // a leading | of a union
        if (ka == Token.STAR && oa == METHOD) return NONE;
        if (kb == Token.LBRACKET && (ob == ARRAY_TYPE || ob == MEMBER || ob == INDEXED_ACCESS_TYPE)) return NONE;
        if (ka == Token.SEMICOLON && kb == Token.SEMICOLON) return ob == FOR ? SPACE : LEAVE;
        switch (kb) {
            case Token.COMMA, Token.SEMICOLON: return NONE;
            case Token.RPAREN, Token.RBRACKET: return ka == Token.COMMA ? LEAVE : NONE;
            case Token.DOT, Token.QUESTION_DOT: return NONE;
            default: break;
        }
        switch (ka) {
            case Token.COMMA: return kb == Token.RBRACE ? SPACE : SPACE;
            case Token.SEMICOLON: return kb == Token.RPAREN ? LEAVE : SPACE;
            case Token.LPAREN, Token.LBRACKET: return NONE;
            case Token.DOT, Token.QUESTION_DOT, Token.ELLIPSIS, Token.AT, Token.HASH: return NONE;
            default: break;
        }
        // colons: a type annotation, a property, a case, a label: none before, one after
        if (kb == Token.COLON) return NONE;
        if (ka == Token.COLON) return SPACE;
        if (ka == Token.LBRACE && kb == Token.RBRACE) return (oa == OBJECT || oa == TYPE_LITERAL) ? NONE : SPACE;
        if (ka == Token.LBRACE || kb == Token.RBRACE) return SPACE;
        if (kb == Token.LBRACE) return (ka == Token.RPAREN || word(ka) || ka == Token.GT || ka == Token.RBRACKET || ka == Token.RBRACE) ? SPACE : LEAVE;
        if (ka == Token.GT && keyword(kb) && isTypeList(oa)) return SPACE; // class C<T> extends
        if ((kb == Token.LT || kb == Token.GT) && isTypeList(ob) && ka != Token.COMMA) return NONE;
        if (ka == Token.RBRACE) return kb == Token.SEMICOLON || kb == Token.COMMA || kb == Token.RPAREN || kb == Token.LPAREN && oa == FUNCTION_EXPRESSION ? NONE : SPACE;
        if (ka == Token.RBRACKET && !word(kb) && kb != Token.LBRACE) return NONE;
        if (ka == Token.RPAREN && word(kb)) return SPACE;

        if (kb == Token.QUESTION && (ob == PARAMETER || ob == PROPERTY_SIGNATURE || ob == METHOD_SIGNATURE || ob == FIELD || ob == METHOD)) return NONE;

        if (kb == Token.LPAREN) return parenAfter(ka, oa, ob);

        // unary prefix operators and postfix ++ / -- / !
        if (ob == UNARY && (ka == Token.BANG || ka == Token.TILDE || ka == Token.PLUS || ka == Token.MINUS) && oa == UNARY) return ka == f.itemKind[b] ? LEAVE : NONE;
        if (oa == UPDATE && (ka == Token.PLUS2 || ka == Token.MINUS2) && prefixUpdate(a)) return NONE;
        if (ob == UPDATE && (kb == Token.PLUS2 || kb == Token.MINUS2) && !prefixUpdate(b)) return NONE;
        if (ob == NON_NULL && kb == Token.BANG) return NONE;

        // type arguments and parameters: Foo<T>
        if ((kb == Token.LT || kb == Token.GT) && isTypeList(ob)) return NONE;
        if (ka == Token.LT && isTypeList(oa)) return NONE;

        // two words: one space, except in import and export clauses (TypeScript has no rule there)
        // keywords: one space after (TypeScript leaves `as` of an import clause and `asserts` alone), and before when after a word
        if (spaceAfterKeyword(ka, oa) || keyword(ka) && !(ka == Token.K_AS && isNamespaceClause(oa)) && ka != Token.K_ASSERTS && ka != Token.K_UNIQUE && ka != Token.K_OUT && ka != Token.K_OVERRIDE
                && !((ka == Token.K_IN || ka == Token.K_CONST) && oa == TYPE_PARAMETER)) return SPACE;
        if (keyword(kb) && word(ka)) return SPACE;
        return LEAVE;
    }

    /** A keyword written where a name goes (after a dot, as a member's or property's name) is a name. */
    private int asName(int item) {
        int k = f.itemKind[item];
        if (!keyword(k)) return k;
        if (item > 0 && (f.itemKind[item - 1] == Token.DOT || f.itemKind[item - 1] == Token.QUESTION_DOT)) return Token.IDENTIFIER;
        int o = f.itemOwner[item];
        if (o == METHOD || o == METHOD_SIGNATURE || o == PROPERTY || o == PROPERTY_SIGNATURE || o == FIELD || o == MEMBER) {
            return item + 1 < f.itemCount && (f.itemKind[item + 1] == Token.LPAREN || f.itemKind[item + 1] == Token.COLON) ? Token.IDENTIFIER : k;
        }
        return k;
    }

    /** TypeScript's SpaceAfterCertainKeywords, SpaceAfterLetConstInVariableDeclaration, SpaceAfterFunctionInFuncDecl and friends. */
    private static boolean spaceAfterKeyword(int k, int owner) {
        switch (k) {
            case Token.K_VAR, Token.K_THROW, Token.K_NEW, Token.K_DELETE, Token.K_RETURN, Token.K_TYPEOF, Token.K_AWAIT, Token.K_VOID:
                return true;
            case Token.K_LET, Token.K_CONST, Token.K_USING:
                return owner == VARIABLE_DECLARATION;
            case Token.K_FUNCTION:
                return owner == FUNCTION_DECLARATION || owner == FUNCTION_EXPRESSION;
            case Token.K_YIELD:
                return owner == YIELD;
            case Token.K_ASYNC, Token.K_GET, Token.K_SET:
                return isFunctionLike(owner) || owner == FIELD;
            case Token.K_TRY, Token.K_FINALLY, Token.K_ELSE, Token.K_DO:
                return true;
            default:
                return false;
        }
    }

    private static boolean isJsx(int owner) {
        return owner >= JSX_ELEMENT && owner <= JSX_SPREAD_CHILD;
    }

    private static boolean isJsxBraces(int owner) {
        return owner == JSX_EXPRESSION_CONTAINER || owner == JSX_SPREAD_ATTRIBUTE || owner == JSX_SPREAD_CHILD;
    }

    private static boolean isNamespaceClause(int owner) {
        return owner == IMPORT_NAMESPACE_SPECIFIER || owner == NAMESPACE_EXPORT || owner == EXPORT_ALL;
    }

    private static boolean isTypeList(int owner) {
        return !isJsx(owner) && owner != BINARY && owner != UNARY && owner != ASSIGNMENT && owner != CONDITIONAL && owner != -1;
    }

    private boolean prefixUpdate(int item) {
        // the operator is a prefix when the next item is inside the same update expression: a token before its operand
        return item + 1 < f.itemCount && f.itemOwner[item + 1] == UPDATE ? false : (item + 1 < f.itemCount && (word(f.itemKind[item + 1]) || f.itemKind[item + 1] == Token.LPAREN) && !(item > 0 && (word(f.itemKind[item - 1]) || f.itemKind[item - 1] == Token.RPAREN || f.itemKind[item - 1] == Token.RBRACKET) && f.itemOwner[item - 1] == UPDATE));
    }

    /** Before a `(`: a call, a declaration's parameters, a control-flow keyword's condition. */
    private int parenAfter(int ka, int oa, int ob) {
        switch (ka) {
            case Token.K_IF, Token.K_FOR, Token.K_WHILE, Token.K_SWITCH, Token.K_CATCH, Token.K_WITH,
                    Token.K_RETURN, Token.K_TYPEOF, Token.K_VOID, Token.K_THROW, Token.K_DELETE, Token.K_IN, Token.K_INSTANCEOF,
                    Token.K_CASE, Token.K_AWAIT, Token.K_YIELD, Token.K_ELSE, Token.K_DO, Token.K_OF, Token.K_EXTENDS, Token.K_AS,
                    Token.K_KEYOF, Token.K_SATISFIES, Token.K_ASYNC:
                return SPACE;
            case Token.K_FUNCTION, Token.K_SUPER, Token.K_IMPORT, Token.K_THIS:
                return NONE;
            case Token.K_NEW:
                return ob == CONSTRUCT_SIGNATURE ? NONE : SPACE;
            default:
                break;
        }
        if (ka == Token.IDENTIFIER || ka == Token.PRIVATE_NAME || ka == Token.RPAREN || ka == Token.RBRACKET || ka == Token.GT
                || ka == Token.STAR || ka == Token.STRING || ka == Token.NUMBER || ka == Token.QUESTION_DOT || ka == Token.BANG
                || ka == Formatter.OPAQUE || Token.isContextual(ka) || word(ka)) {
            return ob == CALL || ob == NEW || isFunctionLike(ob) || ob == DECORATOR || ob == IMPORT_CALL ? NONE : LEAVE;
        }
        return LEAVE;
    }

    private static boolean isFunctionLike(int k) {
        return k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == METHOD || k == METHOD_SIGNATURE || k == CALL_SIGNATURE
                || k == CONSTRUCT_SIGNATURE || k == ARROW_FUNCTION || k == FUNCTION_TYPE || k == CONSTRUCTOR_TYPE;
    }

    private boolean isBinary(int item, int k, int owner) {
        switch (owner) {
            case BINARY, ASSIGNMENT:
                return k != Token.LPAREN && k != Token.RPAREN && k != Formatter.OPAQUE && !word(k) || k == Token.K_IN || k == Token.K_INSTANCEOF;
            case CONDITIONAL, CONDITIONAL_TYPE:
                return k == Token.QUESTION || k == Token.COLON || k == Token.K_EXTENDS;
            case ARROW_FUNCTION, FUNCTION_TYPE, CONSTRUCTOR_TYPE:
                return k == Token.ARROW;
            case FOR_IN, FOR_OF:
                return k == Token.K_IN || k == Token.K_OF;
            case TYPE_PREDICATE:
                return k == Token.K_IS;
            case UNION_TYPE, INTERSECTION_TYPE:
                return (k == Token.BAR || k == Token.AMP) && !leading(item);
            case VARIABLE_DECLARATOR, ASSIGNMENT_PATTERN, TYPE_ALIAS, ENUM_MEMBER, FIELD, PARAMETER, PROPERTY, TYPE_PARAMETER, IMPORT_EQUALS, EXPORT_ASSIGNMENT:
                return k == Token.ASSIGN;
            case AS_EXPRESSION, SATISFIES_EXPRESSION:
                return k == Token.K_AS || k == Token.K_SATISFIES;
            default:
                return false;
        }
    }

    /** A leading `|` or `&` of a union or intersection type (after `=`, `(`, `<`, `,` or at a line start). */
    private boolean leading(int item) {
        if (item == 0) return true;
        int p = f.itemKind[item - 1];
        return p == Token.ASSIGN || p == Token.LPAREN || p == Token.LT || p == Token.COMMA || p == Token.COLON || p == Token.LBRACKET
                || p < 0 && p != Formatter.OPAQUE;
    }

    private static boolean word(int k) {
        return k == Token.IDENTIFIER || k == Token.NUMBER || k == Token.BIGINT || k == Token.PRIVATE_NAME || keyword(k);
    }

    private static boolean keyword(int k) {
        return k >= Token.K_BREAK && k < Token.COUNT;
    }
}
