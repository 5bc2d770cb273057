package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import java.util.Arrays;

/**
 * What is being typed at a completion position, read from the recovered tree and the characters
 * before the cursor: the word typed so far, and which of a few position kinds it is in. The text
 * decides what the tree cannot (a '.' not yet followed by a name, {@code let x: |} where the
 * type is still missing); the tree decides the rest (which list a name goes into, the enclosing
 * function, class, switch and loop).
 */
final class CompletionContext {
    /** Nothing to offer: a comment, a string, a number, a name being declared, a property key. */
    static final int NONE = 0;
    /** The start of a statement: statement keywords, expression keywords, names. */
    static final int STATEMENT = 1;
    /** Inside an expression: expression keywords and value names. */
    static final int EXPRESSION = 2;
    /** A TypeScript type: type keywords and type names. */
    static final int TYPE = 3;
    /** Between class members: member modifiers. */
    static final int CLASS_MEMBER = 4;
    /** Between the cases of a switch: case, default. */
    static final int SWITCH_CASES = 5;
    /** After {@code class X}: extends, implements. */
    static final int CLASS_HEAD = 6;
    /** Inside an object literal, between properties: names (shorthand properties). */
    static final int OBJECT_NAMES = 7;
    /** After '.', '?.': members of the object before the dot ({@link #objectNode}). */
    static final int AFTER_DOT = 8;
    /** A JSX tag name after '<' or '</'. */
    static final int JSX_TAG = 9;
    /** The module specifier string of an import, export or require ({@link #stringNode}). */
    static final int MODULE_SPECIFIER = 10;
    /** After '@': a decorator's name. */
    static final int DECORATOR_NAME = 11;
    /** After '#' in a class: its private names. */
    static final int PRIVATE_NAME = 12;
    /** Between the braces of {@code import { … } from "m"}: the module's exports ({@link #stringNode} is "m"). */
    static final int IMPORT_NAMES = 13;
    /** An attribute's name in a JSX opening tag ({@link #jsxOpening}): the component's props. */
    static final int JSX_ATTRIBUTE_NAME = 14;

    final Arena arena;
    final char[] src;
    final int length;
    final int offset;
    /** Start of the word typed so far (== offset when none). */
    int prefixStart;
    String prefix = "";
    int kind = NONE;
    /** AFTER_DOT: the object expression before the dot. */
    int objectNode = -1;
    /** MODULE_SPECIFIER: the string literal. */
    int stringNode = -1;
    /** Nodes from the root down to the innermost node holding the cursor. */
    int[] path = new int[0];
    /** JSX_TAG: after "</", the tag being closed (its name node), or -1. */
    int closingTagOf = -1;
    /** JSX_ATTRIBUTE_NAME: the opening element, and the attribute name being typed (-1 for none). */
    int jsxOpening = -1, jsxTypedName = -1;

    private final CompletionCache cache;

    private CompletionContext(Arena arena, int offset, CompletionCache cache) {
        this.cache = cache;
        this.arena = arena;
        this.src = arena.source();
        this.length = arena.sourceLength();
        this.offset = offset;
    }

    static CompletionContext at(DocumentQuery q, int offset) { return at(q, offset, null); }

    static CompletionContext at(DocumentQuery q, int offset, CompletionCache cache) {
        Arena arena = q.arena();
        CompletionContext c = new CompletionContext(arena, offset, cache);
        if (offset < 0 || offset > c.length) return c;
        c.analyze(q);
        return c;
    }

    static boolean isIdentifierPart(char ch) {
        if (ch < 128) return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '$';
        return Character.isUnicodeIdentifierPart(ch) && !Character.isIdentifierIgnorable(ch);
    }

    private void analyze(DocumentQuery q) {
        if (inComment(offset)) return;
        int p = offset;
        while (p > 0 && isIdentifierPart(src[p - 1])) p--;
        prefixStart = p;
        prefix = new String(src, p, offset - p);
        if (p < offset && src[p] >= '0' && src[p] <= '9') return; // a number literal
        path = pathAt(p);
        int inner = path.length == 0 ? -1 : path[path.length - 1];

        // strings, templates, regexes, JSX text: only a module specifier gets completion
        int literal = innermostOfKinds(STRING_LITERAL, TEMPLATE_ELEMENT, REGEX_LITERAL, JSX_TEXT, NUMBER_LITERAL, BIGINT_LITERAL);
        if (literal >= 0 && arena.start(literal) < offset && (offset < arena.end(literal) || unterminated(literal))) {
            if (arena.kind(literal) == STRING_LITERAL && isModuleSpecifier(literal)) {
                kind = MODULE_SPECIFIER;
                stringNode = literal;
            }
            return;
        }

        int before = previousSignificant(p);
        char prev = before >= 0 ? src[before] : 0;
        if (prev == '#' && before == p - 1) {
            kind = enclosing(CLASS_BODY) >= 0 ? PRIVATE_NAME : NONE;
            return;
        }
        if (prev == '.' && !(before > 0 && src[before - 1] == '.')) { // not a spread
            int dot = before;
            int objectEnd = dot > 0 && src[dot - 1] == '?' ? dot - 1 : dot;
            objectEnd = previousSignificant(objectEnd) + 1;
            if (objectEnd > 0 && !(src[objectEnd - 1] >= '0' && src[objectEnd - 1] <= '9' && isNumberBefore(objectEnd))) {
                objectNode = nodeEndingAt(objectEnd);
                kind = AFTER_DOT;
            }
            return;
        }
        if (prev == '@' && before == p - 1) {
            kind = DECORATOR_NAME;
            return;
        }
        if (prev == '<' || (prev == '/' && before > 0 && src[before - 1] == '<')) {
            int jsx = innermostOfKinds(JSX_OPENING_ELEMENT, JSX_CLOSING_ELEMENT);
            if (jsx >= 0 && p <= nameEnd(jsx)) {
                kind = JSX_TAG;
                if (arena.kind(jsx) == JSX_CLOSING_ELEMENT) closingTagOf = openingNameFor(jsx);
                return;
            }
        }

        // import { a, | } from "m", and import { type | }: the module's exports
        int importDeclaration = innermostOfKinds(IMPORT_DECLARATION);
        if (importDeclaration >= 0 && isTypeModifierEndingAt(before)) {
            int beforeType = previousSignificant(before - 3);
            prev = beforeType >= 0 ? src[beforeType] : 0;
        }
        if (importDeclaration >= 0 && (prev == '{' || prev == ',')) {
            int source = Layouts.moduleSource(arena, importDeclaration);
            if (source >= 0 && arena.start(source) >= offset) {
                kind = IMPORT_NAMES;
                stringNode = source;
                return;
            }
        }

        // a name typed: what the parser made of it
        // (also a name right after the cursor: completing in front of it replaces it)
        int name = q.identifierAt(offset);
        if (name >= 0 && arena.start(name) != prefixStart) name = -1;
        if (name >= 0) {
            int k = arena.kind(name);
            int[] namePath = TreePaths.pathTo(arena, name);
            int parent = namePath != null && namePath.length > 1 ? namePath[namePath.length - 2] : -1;
            int pk = parent < 0 ? -1 : arena.kind(parent);
            if (k == BINDING_IDENTIFIER || k == LABEL) return; // a name being declared
            if (k == JSX_IDENTIFIER) {
                if (pk == JSX_OPENING_ELEMENT || pk == JSX_CLOSING_ELEMENT || pk == JSX_MEMBER_EXPRESSION) {
                    kind = JSX_TAG;
                    if (pk == JSX_CLOSING_ELEMENT) closingTagOf = openingNameFor(parent);
                }
                int opening = namePath.length > 2 ? namePath[namePath.length - 3] : -1;
                if (pk == JSX_ATTRIBUTE && Layouts.jsxAttributeName(arena, parent) == name && opening >= 0 && arena.kind(opening) == JSX_OPENING_ELEMENT) {
                    kind = JSX_ATTRIBUTE_NAME;
                    jsxOpening = opening;
                    jsxTypedName = name;
                }
                return;
            }
            if (k == IDENTIFIER_NAME) {
                if (pk == TYPE_PREDICATE && Layouts.typePredicateSubject(arena, parent) == name) {
                    kind = EXPRESSION; // `x is T`: x names a parameter, a value
                    return;
                }
                int grand = namePath.length > 2 ? namePath[namePath.length - 3] : -1;
                if ((pk == FIELD || pk == METHOD) && grand >= 0 && arena.kind(grand) == CLASS_BODY && Layouts.memberKey(arena, parent) == name
                        && arena.nextSibling(name) < 0) {
                    kind = CLASS_MEMBER; // a member being started: `asy|`
                }
                return;
            }
            if (k == IDENTIFIER_REFERENCE) {
                int up = namePath.length - 2;
                while (up > 0 && arena.kind(namePath[up]) == QUALIFIED_NAME) up--;
                if (up >= 0 && arena.kind(namePath[up]) == TYPE_QUERY) {
                    kind = EXPRESSION; // typeof x.y: values
                    return;
                }
                if (pk == TYPE_REFERENCE || pk == QUALIFIED_NAME || pk == EXPRESSION_WITH_TYPE_ARGUMENTS && inTypeHeritage(namePath)) {
                    kind = arena.isTypeScript() ? TYPE : EXPRESSION;
                    // `x as c|`: the type an assertion names, where `as const` may be meant
                    afterAs = pk == TYPE_REFERENCE && namePath.length > 2 && arena.kind(namePath[namePath.length - 3]) == AS_EXPRESSION;
                    return;
                }
                if (pk == DECORATOR) {
                    kind = DECORATOR_NAME;
                    return;
                }
            }
        }

        // the position from the container and the token before it
        int container = inner;
        int ck = container < 0 ? PROGRAM : arena.kind(container);
        String prevWord = before >= 0 && isIdentifierPart(prev) ? wordEndingAt(before + 1) : "";
        if (ck == CLASS_BODY) { kind = CLASS_MEMBER; return; }
        if (ck == JSX_OPENING_ELEMENT) { // between a tag's attributes: <Button | label="…">
            if (p > nameEnd(container) && prev != '=' && prev != '<' && prev != '.') {
                kind = JSX_ATTRIBUTE_NAME;
                jsxOpening = container;
            }
            return;
        }
        if (ck == INTERFACE_BODY || ck == TYPE_LITERAL || ck == ENUM_DECLARATION && prev != '=') { kind = NONE; return; }
        if (ck == OBJECT || ck == OBJECT_PATTERN) { kind = ck == OBJECT ? OBJECT_NAMES : NONE; return; }
        if (ck == SWITCH && (prev == '{' || prev == '}' || prev == ';')) { kind = SWITCH_CASES; return; }
        if (ck == IMPORT_DECLARATION || ck == EXPORT_NAMED || ck == IMPORT_SPECIFIER || ck == EXPORT_SPECIFIER) { kind = NONE; return; }
        if (isDeclarationKeyword(prevWord)) { kind = NONE; return; }
        if (isClassHead(before)) { kind = CLASS_HEAD; return; }
        if (arena.isTypeScript() && isTypePosition(container, ck, prev, prevWord, before)) {
            kind = TYPE;
            afterAs = prevWord.equals("as");
            return;
        }
        if (prev == 0 || isStatementList(ck) && !continuesExpression(prev, prevWord)) { kind = STATEMENT; return; }
        if (before >= 0 && startsStatement(prev, prevWord, before)) { kind = STATEMENT; return; }
        kind = EXPRESSION;
    }

    // ---- the tree around the cursor ----

    private int cachedPathOffset = -2;
    private int[] cachedPath;

    /** Root-to-innermost nodes that hold {@code p}: strictly inside, or at the end of an unclosed one. */
    private int[] pathAt(int p) {
        if (p != cachedPathOffset) { // asked again for the token before the cursor by several rules
            cachedPath = descend(p);
            cachedPathOffset = p;
        }
        return cachedPath;
    }

    private int[] descend(int p) {
        int[] out = new int[32];
        int n = 0;
        int node = arena.root();
        if (node < 0) return new int[0];
        out[n++] = node;
        descend:
        while (true) {
            int first = arena.firstChild(node);
            if (first >= 0 && cache != null && arena.nextSibling(first) >= 0) {
                int[] kids = cache.manyChildren(arena, node);
                if (kids != null) first = kids[lastStartingBefore(kids, p)]; // children are in source order
            }
            for (int c = first; c >= 0; c = arena.nextSibling(c)) {
                int s = arena.start(c), e = arena.end(c);
                if (s > p) break;
                boolean inside = s < p && (p < e || (p == e && unclosed(c)));
                if (!inside) continue;
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = c;
                node = c;
                continue descend;
            }
            break;
        }
        return Arrays.copyOf(out, n);
    }

    /** Index of the last child starting before {@code p} (0 when none does): the scan starts there. */
    private int lastStartingBefore(int[] kids, int p) {
        int lo = 0, hi = kids.length - 1, found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (arena.start(kids[mid]) < p) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found;
    }

    /** A node ending at the cursor that the parser closed early: recovery, not a ')', ']', '}' or ';' seen. */
    private boolean unclosed(int node) {
        int e = arena.end(node);
        if (e <= 0 || NodeKind.hasName(arena.kind(node))) return false;
        if (arena.firstChild(node) < 0) return arena.kind(node) == STRING_LITERAL && unterminated(node); // a leaf ends where it ends
        char last = src[e - 1];
        if (last == ';' || last == '}' || last == ')' || last == ']') return false;
        if (arena.kind(node) == STRING_LITERAL || arena.kind(node) == TEMPLATE_ELEMENT) return unterminated(node);
        return true;
    }

    private boolean unterminated(int literal) {
        int s = arena.start(literal), e = arena.end(literal);
        if (e - s < 2) return true;
        char open = src[s], close = src[e - 1];
        if (arena.kind(literal) == STRING_LITERAL) return close != open || (e - s >= 2 && src[e - 2] == '\\');
        return false;
    }

    private int innermostOfKinds(int... kinds) {
        for (int i = path.length - 1; i >= 0; i--) {
            int k = arena.kind(path[i]);
            for (int want : kinds) if (k == want) return path[i];
        }
        return -1;
    }

    int enclosing(int kind) { return innermostOfKinds(kind); }

    /** Innermost function (any kind, arrows included) around the cursor, or -1. */
    int enclosingFunction(boolean arrowsToo) {
        for (int i = path.length - 1; i >= 0; i--) {
            int k = arena.kind(path[i]);
            if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || (arrowsToo && k == ARROW_FUNCTION)) return path[i];
            if (k == CLASS_BODY || k == STATIC_BLOCK) return -1; // a field initializer or static block is no function body
        }
        return -1;
    }

    boolean inLoop() {
        for (int i = path.length - 1; i >= 0; i--) {
            int k = arena.kind(path[i]);
            if (k == FOR || k == FOR_IN || k == FOR_OF || k == WHILE || k == DO_WHILE) return true;
            if (isFunction(k) || k == CLASS_BODY) return false;
        }
        return false;
    }

    boolean inSwitchCase() {
        for (int i = path.length - 1; i >= 0; i--) {
            int k = arena.kind(path[i]);
            if (k == SWITCH_CASE || k == SWITCH) return true;
            if (isFunction(k) || k == CLASS_BODY) return false;
        }
        return false;
    }

    boolean inClass() { return innermostOfKinds(CLASS_BODY) >= 0; }

    boolean inConditionalTypeExtends() { return innermostOfKinds(CONDITIONAL_TYPE) >= 0; }

    /** A type after {@code as}, where {@code as const} may be meant. */
    private boolean afterAs;

    boolean afterAs() { return afterAs; }

    /** At the top level of the file (not in a function, class or block). */
    boolean atTopLevel() {
        for (int i = 1; i < path.length; i++) {
            int k = arena.kind(path[i]);
            if (k != INVALID && k != EXPRESSION_STATEMENT && k != EXPORT_NAMED) return false;
        }
        return true;
    }

    /** The token before the cursor wants an operand: an operator, an opening bracket, a keyword like {@code return}. */
    private static boolean continuesExpression(char prev, String prevWord) {
        if ("=+-*/%&|^!~<>?:,([.@".indexOf(prev) >= 0) return true;
        switch (prevWord) {
            case "return": case "typeof": case "void": case "delete": case "await": case "yield": case "new": case "in": case "of":
            case "instanceof": case "case": case "throw": case "extends":
                return true;
            default:
                return false;
        }
    }

    private static boolean isStatementList(int k) {
        return k == PROGRAM || k == BLOCK || k == FUNCTION_BODY || k == MODULE_BLOCK || k == STATIC_BLOCK || k == SWITCH_CASE;
    }

    /** The text before decides a statement starts: after ';', '{', '}', ')' of an if/for/while head, else, do, a case's ':'. */
    private boolean startsStatement(char prev, String prevWord, int before) {
        if (prev == ';' || prev == '{' || prev == '}') {
            int[] at = pathAt(before);
            int k = at.length == 0 ? PROGRAM : arena.kind(at[at.length - 1]);
            // the '{' of a template's `${` (the template, or its element, holds it) opens an expression
            if (k == TEMPLATE || k == TEMPLATE_ELEMENT || k == TEMPLATE_LITERAL_TYPE) return false;
            return k != OBJECT && k != CLASS_BODY && k != TYPE_LITERAL && k != INTERFACE_BODY && k != FOR;
        }
        if (prevWord.equals("else") || prevWord.equals("do")) return true;
        if (prev == ')' || prev == ':') {
            int[] at = pathAt(before);
            int k = at.length == 0 ? PROGRAM : arena.kind(at[at.length - 1]);
            if (prev == ':') return k == SWITCH_CASE || k == LABELED || k == SWITCH;
            return k == IF || k == FOR || k == FOR_IN || k == FOR_OF || k == WHILE || k == WITH;
        }
        return false;
    }

    private boolean isTypePosition(int container, int ck, char prev, String prevWord, int before) {
        if (ck >= TYPE_FIRST && ck <= TYPE_LAST && ck != TYPE_QUERY || ck == TYPE_ARGUMENTS || ck == HERITAGE_CLAUSE
                || ck == EXPRESSION_WITH_TYPE_ARGUMENTS && inTypeHeritage(path)) return true;
        if (prevWord.equals("as") || prevWord.equals("satisfies") || prevWord.equals("keyof") || prevWord.equals("implements")) return true;
        int[] at = before >= 0 ? pathAt(before) : new int[0];
        int k = at.length == 0 ? PROGRAM : arena.kind(at[at.length - 1]);
        if (prev == ':') {
            return k == VARIABLE_DECLARATOR || k == PARAMETER || k == FIELD || k == PROPERTY_SIGNATURE || k == METHOD_SIGNATURE
                    || k == INDEX_SIGNATURE || k == CALL_SIGNATURE || k == CONSTRUCT_SIGNATURE || isFunction(k) || k == METHOD || k == FORMAL_PARAMETERS
                    || k == FUNCTION_TYPE || k == NAMED_TUPLE_MEMBER;
        }
        if (prev == '=') return k == TYPE_ALIAS || k == TYPE_PARAMETER;
        if (prevWord.equals("extends")) return k == TYPE_PARAMETER || k == INTERFACE_DECLARATION || k == HERITAGE_CLAUSE || k == CONDITIONAL_TYPE;
        return false;
    }

    private boolean inTypeHeritage(int[] nodes) {
        for (int i = nodes.length - 1; i >= 0; i--) if (arena.kind(nodes[i]) == HERITAGE_CLAUSE) return true;
        return false;
    }

    /** {@code class Name |} or {@code class Name extends Base |}, for extends/implements. */
    private boolean isClassHead(int before) {
        if (before < 0 || !isIdentifierPart(src[before])) return false;
        String w1 = wordEndingAt(before + 1);
        int b2 = previousSignificant(before + 1 - w1.length());
        if (b2 < 0 || !isIdentifierPart(src[b2])) return false;
        String w2 = wordEndingAt(b2 + 1);
        if (w2.equals("class")) return !w1.equals("extends") && !w1.equals("implements");
        int b3 = previousSignificant(b2 + 1 - w2.length());
        if (w2.equals("extends") && b3 >= 0 && isIdentifierPart(src[b3])) {
            String w3 = wordEndingAt(b3 + 1);
            int b4 = previousSignificant(b3 + 1 - w3.length());
            return b4 >= 0 && wordEndingAt(b4 + 1).equals("class");
        }
        return false;
    }

    private static boolean isDeclarationKeyword(String w) {
        switch (w) {
            case "let": case "const": case "var": case "function": case "class": case "interface": case "enum":
            case "namespace": case "module": case "using": case "infer":
                return true;
            default:
                return false;
        }
    }

    private boolean isModuleSpecifier(int literal) {
        int[] p = TreePaths.pathTo(arena, literal);
        if (p == null || p.length < 2) return false;
        int parent = p[p.length - 2];
        int k = arena.kind(parent);
        if (k == IMPORT_DECLARATION || k == EXPORT_NAMED || k == EXPORT_ALL || k == IMPORT_CALL || k == EXTERNAL_MODULE_REFERENCE) return true;
        if (k == LITERAL_TYPE && p.length >= 3 && arena.kind(p[p.length - 3]) == IMPORT_TYPE) return true;
        if (k == CALL) {
            int callee = Layouts.callCallee(arena, parent);
            return callee >= 0 && arena.kind(callee) == IDENTIFIER_REFERENCE && arena.names().equals(arena.data(callee), "require")
                    && Layouts.callFirstArgument(arena, parent) == literal;
        }
        return false;
    }

    /** The name node of an opening or closing JSX element's tag, and where it ends. */
    private int nameEnd(int element) {
        int name = Layouts.jsxTagName(arena, element);
        if (name < 0) return arena.end(element);
        int k = arena.kind(name);
        return k == JSX_IDENTIFIER || k == JSX_MEMBER_EXPRESSION || k == JSX_NAMESPACED_NAME ? arena.end(name) : arena.start(element) + 2;
    }

    /** For a closing element: the name node of its element's opening tag. */
    private int openingNameFor(int closing) {
        int[] p = TreePaths.pathTo(arena, closing);
        if (p == null || p.length < 2 || arena.kind(p[p.length - 2]) != JSX_ELEMENT) return -1;
        int opening = Layouts.jsxOpeningElement(arena, p[p.length - 2]);
        if (opening < 0) return -1;
        int name = Layouts.jsxTagName(arena, opening);
        return name >= 0 && arena.end(name) > arena.start(name) ? name : -1;
    }

    /** The deepest node that ends at {@code end} and is an expression an object can be read from. */
    private int nodeEndingAt(int end) {
        int node = arena.root();
        int best = -1;
        descend:
        while (node >= 0) {
            for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
                int s = arena.start(c), e = arena.end(c);
                if (s >= end) break;
                if (e < end) continue;
                if (e == end) {
                    int k = arena.kind(c);
                    if (k == IDENTIFIER_REFERENCE || k == THIS || k == MEMBER || k == SUPER || k == PARENTHESIZED || k == CALL
                            || k == NON_NULL || k == CHAIN || k == JSX_IDENTIFIER || k == QUALIFIED_NAME
                            || k == STRING_LITERAL || k == TEMPLATE || k == ARRAY || k == REGEX_LITERAL || k == NEW || k == BOOLEAN || k == NUMBER_LITERAL) best = c;
                }
                node = c;
                continue descend;
            }
            break;
        }
        return best;
    }

    // ---- characters ----

    boolean inComment(int at) {
        ParseLog log = arena.log();
        int lo = 0, hi = log.commentCount() - 1, found = -1;
        while (lo <= hi) { // last comment starting before at
            int mid = (lo + hi) >>> 1;
            if (log.commentStart(mid) < at) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0) return false;
        int s = log.commentStart(found), e = log.commentEnd(found);
        boolean line = e - s >= 2 && src[s + 1] == '/';
        return at < e || (line && at == e) || (!line && at == e && (e - s < 4 || src[e - 1] != '/' || src[e - 2] != '*'));
    }

    /** Index of the last char before {@code at} that is not whitespace (comments skipped), or -1. */
    /** Whether the word {@code type} ends at {@code last} (a specifier's type modifier: {@code import { type X }}). */
    private boolean isTypeModifierEndingAt(int last) {
        if (last < 3 || src[last] != 'e' || src[last - 1] != 'p' || src[last - 2] != 'y' || src[last - 3] != 't') return false;
        return last == 3 || !isIdentifierPart(src[last - 4]);
    }

    int previousSignificant(int at) {
        int i = at - 1;
        while (i >= 0) {
            char c = src[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0xFEFF || c == 0x2028 || c == 0x2029) { i--; continue; }
            if (c == '/' && i > 0 && src[i - 1] == '*' && inComment(i)) {
                while (i > 0 && inComment(i)) i--;
                continue;
            }
            if (inComment(i + 1) && inComment(i)) { // the end of a line comment
                while (i > 0 && inComment(i)) i--;
                continue;
            }
            return i;
        }
        return -1;
    }

    private String wordEndingAt(int end) {
        int s = end;
        while (s > 0 && isIdentifierPart(src[s - 1])) s--;
        return new String(src, s, end - s);
    }

    private boolean isNumberBefore(int end) {
        int s = end;
        while (s > 0 && isIdentifierPart(src[s - 1])) s--;
        return s < end && src[s] >= '0' && src[s] <= '9';
    }
}
