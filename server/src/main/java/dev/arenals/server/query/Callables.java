package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import com.google.common.collect.ImmutableList;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.features.JsDoc;
import dev.arenals.server.workspace.FileSummary.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * How a declaration is called, read from the tree: the parameters as written of a function (each
 * overload), of a class's constructor (each overload), of a variable bound to a function or arrow,
 * or of a method. Shared by signature help (this file) and the workspace summary (exported
 * callables, for the files that import them).
 */
public final class Callables {
    private Callables() {}

    /** Longest parameter text kept, in chars. */
    static final int MAX_PARAMETER = 200;
    /** Longest JSDoc comment kept, in chars. */
    static final int MAX_JSDOC = 1500;

    /**
     * Where a type reference's name leads in the same file: the TYPE_ALIAS or INTERFACE_DECLARATION
     * it names, or -1 (imported, a type parameter, a class, unknown).
     */
    @FunctionalInterface
    public interface LocalTypes {
        int declarationOf(Arena a, int referenceName);
    }

    /**
     * The type aliases and interfaces among the file's top-level statements, by a scan of them:
     * enough for one request; the summarizer, which asks for many declarations, passes its own index.
     */
    public static final LocalTypes TOP_LEVEL = Callables::topLevelType;

    /** The lookup through the binder: the declaration the reference's symbol names, in whatever scope. */
    public static LocalTypes scoped(DocumentQuery q) {
        return (a, reference) -> {
            int sym = q.symbolOfNode(reference);
            int declaring = sym < 0 || !q.isDeclared(sym) ? -1 : q.scopes().declaringNode(sym);
            if (declaring < 0) return -1; // imported, global or unknown: not this file's
            int k = a.kind(declaring);
            if (k == TYPE_ALIAS || k == INTERFACE_DECLARATION) return declaring;
            // a const beside a type of its name, which the binder may answer with the value: the
            // statements are scanned then only, as inlay hints ask this of every call in a range
            return k == VARIABLE_DECLARATOR ? topLevelType(a, reference) : -1;
        };
    }

    /**
     * The signatures of the declaration around {@code declaring} (a function, class, variable
     * declarator, parameter, property signature, field or method node), labelled {@code name};
     * empty when it is not callable. Type references are followed to the file's top-level types.
     */
    public static List<Signature> of(Arena a, int declaring, String name) { return of(a, declaring, name, TOP_LEVEL); }

    /** ... with type references followed through {@code types}. */
    public static List<Signature> of(Arena a, int declaring, String name, LocalTypes types) {
        if (declaring < 0) return List.of();
        int k = a.kind(declaring);
        switch (k) {
            case FUNCTION_DECLARATION:
                return overloads(a, declaring, name);
            case CLASS_DECLARATION:
            case CLASS_EXPRESSION:
                return constructors(a, declaring, name);
            case VARIABLE_DECLARATOR: {
                // a declared type is what callers see (TypeScript reads it before the initializer)
                int target = Layouts.declaratorTarget(a, declaring);
                if (target >= 0 && a.kind(target) == BINDING_IDENTIFIER) {
                    List<Signature> typed = ofType(a, Layouts.declaratorType(a, declaring), name, a.start(declaring), types, true);
                    if (!typed.isEmpty()) return typed;
                }
                int init = TreePaths.unwrapped(a, Layouts.declaratorInit(a, declaring));
                if (init < 0) return List.of();
                int ik = a.kind(init);
                if (ik == ARROW_FUNCTION || ik == FUNCTION_EXPRESSION) {
                    return List.of(signature(a, init, name, false, a.start(declaring)));
                }
                if (ik == CLASS_EXPRESSION) return constructors(a, init, name);
                return List.of();
            }
            case PARAMETER: {
                int target = Layouts.parameterTarget(a, declaring);
                if (target < 0 || a.kind(target) != BINDING_IDENTIFIER) return List.of();
                return ofType(a, Layouts.parameterType(a, declaring), name, a.start(declaring), types, true);
            }
            case PROPERTY_SIGNATURE:
                return ofType(a, Layouts.fieldType(a, declaring), name, a.start(declaring), types, true);
            case FIELD: {
                List<Signature> typed = ofType(a, Layouts.fieldType(a, declaring), name, a.start(declaring), types, true);
                if (!typed.isEmpty()) return typed;
                int value = TreePaths.unwrapped(a, Layouts.fieldValue(a, declaring));
                if (value >= 0 && (a.kind(value) == ARROW_FUNCTION || a.kind(value) == FUNCTION_EXPRESSION)) {
                    return List.of(signature(a, value, name, false, a.start(declaring)));
                }
                return List.of();
            }
            case METHOD: {
                int fn = functionOfMethod(a, declaring);
                return fn < 0 ? List.of() : List.of(signature(a, fn, name, false, a.start(declaring)));
            }
            case FUNCTION_EXPRESSION:
            case ARROW_FUNCTION:
                return List.of(signature(a, declaring, name, false, a.start(declaring)));
            default:
                return List.of();
        }
    }

    /**
     * The signatures a type annotation gives what it annotates: a function or constructor type, a
     * type literal's call and construct signatures (each overload), and with {@code follow} a
     * reference to a type alias or interface {@code types} finds, read the same way one level down
     * (so no cycle is followed). {@code T | undefined} is T's, as a call through it checks for
     * undefined first. Empty for anything else.
     */
    static List<Signature> ofType(Arena a, int type, String name, int docAt, LocalTypes types, boolean follow) {
        while (type >= 0 && a.kind(type) == PARENTHESIZED_TYPE) type = a.firstChild(type);
        if (type < 0) return List.of();
        switch (a.kind(type)) {
            case FUNCTION_TYPE:
                return List.of(signature(a, type, name, false, docAt));
            case CONSTRUCTOR_TYPE:
                return List.of(signature(a, type, name, true, docAt));
            case TYPE_LITERAL:
                return callSignatures(a, type, name, docAt);
            case UNION_TYPE: {
                int only = -1;
                for (int t = a.firstChild(type); t >= 0; t = a.nextSibling(t)) {
                    if ((a.kind(t) == KEYWORD_TYPE || a.kind(t) == TYPE_REFERENCE) && nullish(a, t)) continue;
                    if (only >= 0) return List.of(); // two callables or more: which one is called depends on the value
                    only = t;
                }
                return only < 0 ? List.of() : ofType(a, only, name, docAt, types, follow);
            }
            case TYPE_REFERENCE: {
                int reference = Layouts.typeReferenceName(a, type);
                if (!follow || types == null || reference < 0 || a.kind(reference) != IDENTIFIER_REFERENCE) return List.of();
                int declared = types.declarationOf(a, reference);
                if (declared < 0) return List.of();
                if (a.kind(declared) == TYPE_ALIAS) return ofType(a, Layouts.aliasedType(a, declared), name, docAt, types, false);
                if (a.kind(declared) == INTERFACE_DECLARATION) return callSignatures(a, Layouts.interfaceBody(a, declared), name, docAt);
                return List.of();
            }
            default:
                return List.of();
        }
    }

    /** Whether a type annotation may give signatures: the summarizer notes such declarations without reading them yet. */
    public static boolean mayBeCallableType(Arena a, int type) {
        if (type < 0) return false;
        switch (a.kind(type)) {
            case FUNCTION_TYPE: case CONSTRUCTOR_TYPE: case TYPE_LITERAL: case UNION_TYPE: case TYPE_REFERENCE: case PARENTHESIZED_TYPE:
                return true;
            default:
                return false;
        }
    }

    /** The call and construct signatures among a type literal's or interface body's members, in source order. */
    private static List<Signature> callSignatures(Arena a, int members, String name, int docAt) {
        List<Signature> out = null;
        String declarationDoc = null;
        for (int m = members < 0 ? -1 : a.firstChild(members); m >= 0; m = a.nextSibling(m)) {
            int mk = a.kind(m);
            if (mk != CALL_SIGNATURE && mk != CONSTRUCT_SIGNATURE) continue;
            if (out == null) {
                out = new ArrayList<>(2);
                declarationDoc = clipDoc(docBefore(a, docAt));
            }
            // a signature's own comment documents it; else the declaration's, one string for every
            // overload (the summary keeps a string once per identity: effect's overloads share long comments)
            String own = JsDoc.before(a, a.start(m));
            out.add(signature(a, m, name, mk == CONSTRUCT_SIGNATURE, own != null ? clipDoc(own) : declarationDoc));
        }
        return out == null ? List.of() : out;
    }

    /** {@code undefined} (a keyword type or a reference, as the parser reads it), {@code null} or {@code void} in a union. */
    private static boolean nullish(Arena a, int keywordType) {
        return textIs(a, keywordType, "undefined") || textIs(a, keywordType, "null") || textIs(a, keywordType, "void");
    }

    private static boolean textIs(Arena a, int node, String text) {
        int start = a.start(node);
        if (a.end(node) - start != text.length()) return false;
        char[] src = a.source();
        for (int i = 0; i < text.length(); i++) if (src[start + i] != text.charAt(i)) return false;
        return true;
    }

    private static int topLevelType(Arena a, int reference) {
        int nameId = a.data(reference);
        int root = a.root();
        for (int s = root < 0 ? -1 : a.firstChild(root); s >= 0; s = a.nextSibling(s)) {
            int d = s;
            if (a.kind(d) == EXPORT_NAMED || a.kind(d) == EXPORT_DEFAULT) d = Layouts.exportedDeclaration(a, d);
            if (d < 0 || (a.kind(d) != TYPE_ALIAS && a.kind(d) != INTERFACE_DECLARATION)) continue;
            int n = Layouts.declarationName(a, d);
            if (n >= 0 && a.data(n) == nameId) return d;
        }
        return -1;
    }

    /** The methods named {@code name} in a class body (static or not), each overload. */
    public static List<Signature> methods(Arena a, int classNode, String name) {
        int body = Layouts.classBody(a, classNode);
        if (body < 0) return List.of();
        List<Integer> found = new ArrayList<>();
        for (int m = a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != METHOD || (a.data(m) & (C_CONSTRUCTOR | P_GET | P_SET)) != 0) continue;
            int key = Layouts.memberKey(a, m);
            if (key >= 0 && a.kind(key) == IDENTIFIER_NAME && a.names().equals(a.data(key), name)) found.add(m);
        }
        List<Signature> out = new ArrayList<>();
        for (int m : withoutImplementation(a, found)) out.add(signature(a, functionOfMethod(a, m), name, false, a.start(m)));
        return out;
    }


    /** A class's field named {@code name} (static or not) whose type, or function value, is callable: its signatures. */
    public static List<Signature> field(Arena a, int classNode, String name, LocalTypes types) {
        int body = Layouts.classBody(a, classNode);
        for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != FIELD || (a.data(m) & P_COMPUTED) != 0) continue;
            int key = Layouts.memberKey(a, m);
            if (key >= 0 && a.kind(key) == IDENTIFIER_NAME && a.names().equals(a.data(key), name)) return of(a, m, name, types);
        }
        return List.of();
    }

    /** One method signature of an interface or a type literal (an overload is a node of its own), shown as {@code label}. */
    public static Signature methodSignature(Arena a, int methodSignature, String label) {
        return signature(a, methodSignature, label, false, a.start(methodSignature));
    }

    /** The method signatures named {@code name} in an interface body or a type literal, each overload. */
    public static List<Signature> methodSignatures(Arena a, int body, String name) {
        List<Signature> out = new ArrayList<>();
        for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != METHOD_SIGNATURE || (a.data(m) & (P_GET | P_SET | P_COMPUTED)) != 0) continue;
            int key = Layouts.memberKey(a, m);
            if (key >= 0 && a.kind(key) == IDENTIFIER_NAME && a.names().equals(a.data(key), name)) out.add(signature(a, m, name, false, a.start(m)));
        }
        return out;
    }

    private static int functionOfMethod(Arena a, int method) {
        return Layouts.methodFunction(a, method);
    }

    /**
     * Function declarations of the same name beside this one: the overloads (without the
     * implementation, as TypeScript shows them). Overloads are adjacent, so the declarations that
     * follow this one are read; through their {@code export} wrappers when exported. Nodes are
     * stored in postorder, so a wrapper whose only child is the function is the very next node:
     * found in O(1), which matters as a file's summary, rebuilt after every edit, asks this of each
     * exported function (a walk from the root for each made 100k-line files quadratic).
     */
    private static List<Signature> overloads(Arena a, int function, String name) {
        int nameNode = Layouts.functionName(a, function);
        int nameId = nameNode < 0 ? -1 : a.data(nameNode);
        int first = function;
        int wrapper = function + 1;
        if (wrapper < a.nodeCount() && (a.kind(wrapper) == EXPORT_NAMED || a.kind(wrapper) == EXPORT_DEFAULT)
                && Layouts.exportedDeclaration(a, wrapper) == function) {
            first = wrapper;
        }
        // back over the overload signatures before it (a var-scoped function's symbol names its last declaration)
        for (int prev = previousSibling(a, first); prev >= 0 && sameNameFunction(a, prev, nameId, false); prev = previousSibling(a, prev)) first = prev;
        List<Integer> found = new ArrayList<>();
        for (int s = first; s >= 0; s = a.nextSibling(s)) {
            int f = s;
            if (a.kind(f) == EXPORT_NAMED || a.kind(f) == EXPORT_DEFAULT) f = Layouts.exportedDeclaration(a, f);
            if (f < 0 || a.kind(f) != FUNCTION_DECLARATION) break;
            int n = Layouts.functionName(a, f);
            if (n < 0 || a.data(n) != nameId) break;
            found.add(f);
            if (Layouts.functionBody(a, f) >= 0) break; // the implementation ends the set
        }
        if (found.isEmpty()) found.add(function);
        List<Signature> out = new ArrayList<>();
        for (int f : withoutImplementation(a, found)) out.add(signature(a, f, name, false, a.start(f)));
        return out;
    }

    /**
     * The sibling before {@code node}, or -1: nodes are stored in postorder, so it is the node just
     * before {@code node}'s subtree, when that one's next sibling is {@code node}.
     */
    private static int previousSibling(Arena a, int node) {
        int candidate = TreePaths.firstInSubtree(a, node) - 1;
        return candidate >= 0 && a.nextSibling(candidate) == node ? candidate : -1;
    }

    /** A function declaration (in an export wrapper or not) named {@code nameId}; with {@code bodyAllowed} false, one without a body. */
    private static boolean sameNameFunction(Arena a, int statement, int nameId, boolean bodyAllowed) {
        int f = statement;
        if (a.kind(f) == EXPORT_NAMED || a.kind(f) == EXPORT_DEFAULT) f = Layouts.exportedDeclaration(a, f);
        if (f < 0 || a.kind(f) != FUNCTION_DECLARATION) return false;
        int n = Layouts.functionName(a, f);
        if (n < 0 || a.data(n) != nameId) return false;
        return bodyAllowed || Layouts.functionBody(a, f) < 0;
    }

    /** Whether the word before {@code offset} (spaces skipped) is {@code keyword}. */
    private static boolean afterKeyword(Arena a, int offset, String keyword) {
        char[] src = a.source();
        int i = offset;
        while (i > 0 && Character.isWhitespace(src[i - 1])) i--;
        int n = keyword.length();
        if (i < n) return false;
        for (int j = 0; j < n; j++) if (src[i - n + j] != keyword.charAt(j)) return false;
        return i == n || !Character.isJavaIdentifierPart(src[i - n - 1]);
    }

    /** With overloads, the declarations without a body (the implementation's signature is not callable from outside). */
    private static List<Integer> withoutImplementation(Arena a, List<Integer> declarations) {
        if (declarations.size() < 2) return declarations;
        List<Integer> out = new ArrayList<>();
        for (int d : declarations) {
            int fn = a.kind(d) == METHOD ? functionOfMethod(a, d) : d;
            if (fn >= 0 && Layouts.functionBody(a, fn) < 0) out.add(d);
        }
        return out.isEmpty() ? declarations : out;
    }

    private static List<Signature> constructors(Arena a, int classNode, String name) {
        int body = Layouts.classBody(a, classNode);
        List<Integer> found = new ArrayList<>();
        for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0) found.add(m);
        }
        if (found.isEmpty()) {
            // no constructor: one without parameters, unless a base class's is inherited (not followed here)
            if (Layouts.classHeritage(a, classNode) >= 0) return List.of();
            return List.of(new Signature(name, ImmutableList.of(), "", true, clipDoc(docBefore(a, a.start(classNode)))));
        }
        List<Signature> out = new ArrayList<>();
        for (int m : withoutImplementation(a, found)) {
            String doc = JsDoc.before(a, a.start(m));
            if (doc == null) doc = docBefore(a, a.start(classNode));
            Signature s = signature(a, functionOfMethod(a, m), name, true, -1);
            out.add(new Signature(s.name(), s.parameters(), "", true, clipDoc(doc)));
        }
        return out;
    }

    /**
     * The JSDoc comment documenting a declaration that starts at {@code offset}: the last comment
     * before it with only keywords and spaces between ({@code export}, {@code const}, {@code async}…),
     * so a declarator, a function or a class finds the comment above its statement without a walk
     * from the root.
     */
    static String docBefore(Arena a, int offset) {
        var log = a.log();
        int lo = 0, hi = log.commentCount() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (log.commentEnd(mid) <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0) return null;
        char[] src = a.source();
        for (int i = log.commentEnd(found); i < offset; i++) {
            char c = src[i];
            if (!Character.isWhitespace(c) && !Character.isLetter(c)) return null;
        }
        return JsDoc.before(a, skipBack(src, log.commentEnd(found), offset));
    }

    /** The end of the comment: JsDoc.before wants only whitespace after it. */
    private static int skipBack(char[] src, int commentEnd, int offset) {
        int i = commentEnd;
        while (i < offset && Character.isWhitespace(src[i])) i++;
        return i;
    }

    private static Signature signature(Arena a, int function, String name, boolean construct, int docAt) {
        return signature(a, function, name, construct, docAt < 0 ? null : clipDoc(docBefore(a, docAt)));
    }

    private static Signature signature(Arena a, int function, String name, boolean construct, String doc) {
        ImmutableList.Builder<String> params = ImmutableList.builder();
        String returns = "";
        int list = Layouts.functionParameters(a, function);
        for (int p = list < 0 ? -1 : a.firstChild(list); p >= 0; p = a.nextSibling(p)) {
            String text = oneLine(a, a.start(p), a.end(p));
            if (text.equals("this") || text.startsWith("this:") || text.startsWith("this :")) continue; // not an argument
            params.add(text);
        }
        int returnType = Layouts.functionReturnType(a, function);
        if (returnType >= 0) returns = ": " + oneLine(a, a.start(returnType), a.end(returnType));
        return new Signature(name, params.build(), construct ? "" : returns, construct, doc);
    }

    /**
     * The part of a JSDoc comment signature help shows (the description and the tags before the
     * first {@code @example}, at most {@link #MAX_JSDOC} chars): the workspace summary keeps it for
     * every exported callable, and examples are often most of a comment.
     */
    static String clipDoc(String doc) {
        if (doc == null) return null;
        int cut = doc.length();
        int example = doc.indexOf("@example");
        if (example > 0) {
            int lineStart = doc.lastIndexOf('\n', example);
            cut = lineStart > 0 ? lineStart : example;
        }
        if (cut > MAX_JSDOC) cut = MAX_JSDOC;
        return cut == doc.length() ? doc : doc.substring(0, cut) + "\n */";
    }

    /** Source text on one line: runs of whitespace (line breaks too) become one space. */
    public static String oneLine(Arena a, int start, int end) { return oneLine(a, start, end, MAX_PARAMETER); }

    /** ... clipped after {@code max} characters (with " …"). */
    public static String oneLine(Arena a, int start, int end, int max) {
        char[] src = a.source();
        if (end - start <= max && alreadyOneLine(src, start, end)) return new String(src, start, end - start); // most are
        StringBuilder sb = new StringBuilder(Math.min(end - start, max) + 2);
        boolean space = false;
        for (int i = start; i < end && sb.length() < max; i++) {
            char ch = src[i];
            if (Character.isWhitespace(ch)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) sb.append(' ');
            space = false;
            sb.append(ch);
        }
        if (sb.length() >= max) sb.append(" …");
        return sb.toString();
    }

    /** Whether the text has no whitespace but single spaces between other characters: {@link #oneLine} would copy it as it is. */
    private static boolean alreadyOneLine(char[] src, int start, int end) {
        if (start >= end) return true;
        if (Character.isWhitespace(src[start]) || Character.isWhitespace(src[end - 1])) return false;
        for (int i = start + 1; i < end - 1; i++) {
            char ch = src[i];
            if (ch > ' ' && (ch < 0x80 || !Character.isWhitespace(ch))) continue;
            if (ch != ' ' || src[i - 1] == ' ' || Character.isWhitespace(src[i + 1])) return false;
        }
        return true;
    }

    // ---- parameters as written ----

    /** The name a parameter's text declares ("a" for "a?: number = 1", "rest" for "...rest"), or "" for a pattern. */
    public static String parameterName(String parameter) {
        int i = 0;
        if (parameter.startsWith("...")) i = 3;
        // parameter properties: skip modifiers
        String p = parameter;
        for (String modifier : new String[] {"public ", "private ", "protected ", "readonly ", "override "}) {
            if (p.startsWith(modifier, i)) { i += modifier.length(); while (i < p.length() && p.charAt(i) == ' ') i++; }
        }
        int s = i;
        while (i < p.length() && (Character.isJavaIdentifierPart(p.charAt(i)) || p.charAt(i) == '$')) i++;
        return p.substring(s, i);
    }

    public static boolean isRest(String parameter) { return parameter.startsWith("..."); }

    /** Where a parameter's text that binds a pattern ({@code { a, b }: P}, {@code [x]: T}) ends the pattern; -1 for a name. */
    private static int patternEnd(String parameter) {
        if (parameter.isEmpty() || (parameter.charAt(0) != '{' && parameter.charAt(0) != '[')) return -1;
        int depth = 0;
        for (int i = 0; i < parameter.length(); i++) {
            char c = parameter.charAt(i);
            if (c == '"' || c == '\'' || c == '`') { // a default's string may hold brackets
                int close = parameter.indexOf(c, i + 1);
                if (close < 0) return -1;
                i = close;
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ']' || c == ')') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The type a parameter's text is annotated with ("P" for "p?: P = {}" and for "{ a, b = 1 }: P"), or null for none. */
    public static String parameterType(String parameter) {
        int i = patternEnd(parameter);
        if (i < 0) {
            String name = parameterName(parameter);
            if (name.isEmpty()) return null;
            i = parameter.indexOf(name) + name.length();
        }
        if (i < parameter.length() && parameter.charAt(i) == '?') i++;
        while (i < parameter.length() && parameter.charAt(i) == ' ') i++;
        if (i >= parameter.length() || parameter.charAt(i) != ':') return null;
        int start = i + 1, depth = 0;
        for (int j = start; j < parameter.length(); j++) {
            char c = parameter.charAt(j);
            if (c == '(' || c == '[' || c == '{' || c == '<') depth++;
            else if ((c == ')' || c == ']' || c == '}' || c == '>') && !(c == '>' && parameter.charAt(j - 1) == '=')) depth--;
            else if (c == '=' && depth == 0 && (j + 1 >= parameter.length() || parameter.charAt(j + 1) != '>')) return parameter.substring(start, j).trim();
        }
        return parameter.substring(start).trim();
    }

    /** Optional ({@code a?}) or with a default ({@code a = 1}). */
    public static boolean isOptional(String parameter) {
        String name = parameterName(parameter);
        int at = parameter.indexOf(name) + name.length();
        if (!name.isEmpty() && at < parameter.length() && parameter.charAt(at) == '?') return true;
        return topLevelEquals(parameter);
    }

    private static boolean topLevelEquals(String p) {
        int depth = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '=' && i + 1 < p.length() && p.charAt(i + 1) == '>') { i++; continue; } // an arrow type
            if (c == '(' || c == '[' || c == '{' || c == '<') depth++;
            else if (c == ')' || c == ']' || c == '}' || c == '>') depth--;
            else if (c == '=' && depth == 0) return true;
        }
        return false;
    }
}
