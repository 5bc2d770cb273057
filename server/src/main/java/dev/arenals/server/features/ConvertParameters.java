package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.RenamePlan;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * "Convert parameters to destructured object" (TypeScript's {@code refactor.rewrite.parameters.toDestructured}):
 * {@code function f(a: A, b = 1)} becomes {@code function f({ a, b = 1 }: { a: A; b?: number; })}
 * and every call, in every file, passes one object ({@code f(x, 2)} → {@code f({ a: x, b: 2 })}).
 *
 * <p>Offered where TypeScript offers it — on the head of a named function declaration without
 * overloads, of an arrow or function expression that is a {@code const}'s value (no type
 * annotation on the const), or of the constructor of a named class declaration (its calls are the
 * {@code new C(…)}; a subclass, which calls it through {@code super(…)}, refuses it), in a TypeScript file, whose parameters are plain names without
 * modifiers or decorators ({@code this} stays first) — and only where the object's type can be
 * written without a type checker: an untyped parameter with a default needs a literal default
 * (its type is the literal's widened one). A function reading {@code arguments}, or a type guard
 * ({@code x is T}, {@code asserts x}: a predicate cannot name a pattern's element), is left alone.
 *
 * <p>The calls are found when the action is resolved ({@link #callEdits}, from the name's
 * references across the workspace). The conversion is refused, never done in part, when a
 * reference is anything but a call of the function, its declaration, an import or an export:
 * a function passed as a value, {@code typeof f}, a spread argument, more arguments than
 * parameters. A class's types, static members and {@code instanceof} stay as they are.
 */
public final class ConvertParameters {
    public static final String KIND = "refactor.rewrite.parameters.toDestructured";
    public static final String TITLE = "Convert parameters to destructured object";

    /**
     * What a call needs to know of the function, arena-free so that it crosses to other files'
     * queues: the parameters' names in order (without {@code this}), whether the last is a rest
     * parameter, and the declaration's name ({@code nameStart} in its own file: a constructor's is
     * its class's).
     */
    public record Conversion(String name, int nameStart, int nameEnd, List<String> parameters, boolean restLast, boolean constructor) { }

    private ConvertParameters() { }

    /** The conversion offered for a cursor or selection {@code [from, to)}, or null. */
    public static Conversion at(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        if (!a.isTypeScript()) return null; // as TypeScript: a JavaScript file has no types to write
        int fn = -1;
        for (int n = Refactors.innermostHolding(a, from, to); n >= 0 && fn < 0; n = q.parentOf(n)) {
            int k = a.kind(n);
            if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION || k == CLASS_BODY) fn = n;
            else if (k == METHOD) fn = Layouts.methodFunction(a, n);
            else if (k == VARIABLE_DECLARATOR) fn = Layouts.declaratorInit(a, n);
        }
        if (fn < 0 || a.kind(fn) == CLASS_BODY) return null;
        int body = a.kind(fn) == ARROW_FUNCTION ? Layouts.arrowBody(a, fn) : Layouts.functionBody(a, fn);
        if (body < 0 || from >= a.start(body) && from < a.end(body)) return null; // on the head only
        return conversionOf(q, fn);
    }

    /**
     * The conversion of a function, or null: a named function declaration, a const's arrow or
     * function expression, or the constructor of a named class declaration (its name is what
     * references are found for: {@code new C(…)} are its calls).
     */
    private static Conversion conversionOf(DocumentQuery q, int fn) {
        Arena a = q.arena();
        int k = a.kind(fn);
        int params = Layouts.functionParameters(a, fn);
        if (params < 0 || (k == ARROW_FUNCTION ? Layouts.arrowBody(a, fn) : Layouts.functionBody(a, fn)) < 0) return null;
        int nameNode = -1;
        boolean constructor = false;
        int parent = q.parentOf(fn);
        if (k == FUNCTION_DECLARATION) {
            nameNode = Layouts.functionName(a, fn);
        } else if (k == FUNCTION_EXPRESSION && parent >= 0 && a.kind(parent) == METHOD) {
            int cls = q.parentOf(q.parentOf(parent));
            if ((a.data(parent) & C_CONSTRUCTOR) == 0 || cls < 0 || a.kind(cls) != CLASS_DECLARATION) return null; // a method: its calls go through types
            for (int m = a.firstChild(q.parentOf(parent)); m >= 0; m = a.nextSibling(m)) {
                if (m != parent && a.kind(m) == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0) return null; // overloads
            }
            nameNode = Layouts.className(a, cls);
            constructor = true;
        } else if (k == ARROW_FUNCTION || k == FUNCTION_EXPRESSION) {
            int declarator = parent;
            if (declarator < 0 || a.kind(declarator) != VARIABLE_DECLARATOR || Layouts.declaratorInit(a, declarator) != fn) return null;
            int name = a.firstChild(declarator);
            if (name < 0 || a.kind(name) != BINDING_IDENTIFIER || a.nextSibling(name) != fn) return null; // a pattern, or a typed const
            int list = q.parentOf(declarator);
            if (list < 0 || a.kind(list) != VARIABLE_DECLARATION || (a.data(list) & 0xFF) != VAR_CONST) return null;
            nameNode = name;
        }
        if (nameNode < 0 || Refactors.isAmbient(a, fn)) return null;
        int symbol = q.symbolOfNode(nameNode);
        int group = symbol < 0 ? -1 : q.index().groupOf(symbol);
        if (group < 0 || q.index().declarationCount(group) > 1) return null; // overloads, or a merged declaration
        if (k != ARROW_FUNCTION && readsArguments(a, fn)) return null;
        int returnType = Layouts.functionReturnType(a, fn);
        if (returnType >= 0 && a.kind(returnType) == TYPE_PREDICATE && a.kind(a.firstChild(returnType)) == IDENTIFIER_NAME) {
            return null; // `x is T` cannot name an element of a pattern
        }

        List<String> names = new ArrayList<>();
        boolean rest = false;
        int p = a.firstChild(params);
        if (p >= 0 && isThisParameter(a, p)) p = a.nextSibling(p);
        for (; p >= 0; p = a.nextSibling(p)) {
            if (a.kind(p) == PARAMETER && ((a.data(p) & MOD_PARAMETER_PROPERTY) != 0 || a.kind(a.firstChild(p)) == DECORATOR)) return null;
            int target = Layouts.parameterTarget(a, p);
            if (target < 0 || a.kind(target) != BINDING_IDENTIFIER) return null; // a pattern stays as it is
            if (propertyType(a, p) == null) return null;
            names.add(a.text(a.start(target), a.end(target)));
            rest = Layouts.isRestParameter(a, p);
        }
        if (names.isEmpty()) return null;
        return new Conversion(a.text(a.start(nameNode), a.end(nameNode)), a.start(nameNode), a.end(nameNode), List.copyOf(names), rest, constructor);
    }

    /** The declaration's edit: its parameters (after {@code this}) as one destructured, typed parameter. */
    public static List<TextEdit> declarationEdits(DocumentQuery q, Conversion c) {
        Arena a = q.arena();
        int fn = functionNamed(q, c);
        if (fn < 0) throw new RenamePlan.Refused("the function is no longer there: ask for the code actions again");
        int params = Layouts.functionParameters(a, fn);
        int first = a.firstChild(params);
        if (isThisParameter(a, first)) first = a.nextSibling(first);
        StringBuilder binding = new StringBuilder("{ ");
        StringBuilder type = new StringBuilder("{ ");
        boolean allOptional = true;
        int last = first;
        for (int p = first; p >= 0; p = a.nextSibling(p)) {
            last = p;
            int target = Layouts.parameterTarget(a, p);
            String name = a.text(a.start(target), a.end(target));
            int init = Layouts.parameterInitializer(a, p);
            boolean rest = Layouts.isRestParameter(a, p);
            int declared = Layouts.parameterType(a, p);
            boolean tuple = rest && declared >= 0 && a.kind(declared) == TUPLE_TYPE;
            boolean optional = init >= 0 || rest && !tuple || a.kind(p) == PARAMETER && (a.data(p) & P_OPTIONAL) != 0;
            allOptional &= optional;
            if (p != first) { binding.append(", "); }
            binding.append(name);
            if (init >= 0) binding.append(" = ").append(a.text(a.start(init), a.end(init)));
            else if (rest && !tuple) binding.append(" = []");
            type.append(name).append(optional ? "?" : "");
            String t = propertyType(a, p);
            if (!t.isEmpty()) type.append(": ").append(t);
            type.append("; ");
        }
        binding.append(" }");
        type.append("}");
        String text = binding + ": " + type + (allOptional ? " = {}" : "");
        return List.of(new TextEdit(q.range(a.start(first), a.end(last)), text));
    }

    /**
     * The edits of one file's references of the function ({@code references}: their name ranges,
     * the declaration's own among them in its file): each call passes one object. Refused when a
     * reference is not a call, the declaration, an import or an export.
     */
    public static List<TextEdit> callEdits(DocumentQuery q, List<Range> references, Conversion c) {
        Arena a = q.arena();
        char[] src = a.source();
        List<int[]> calls = new ArrayList<>(); // {call node, start of the first argument, end of the last}
        for (Range r : references) {
            int offset = q.offset(r.getStart());
            int name = q.identifierAt(offset);
            if (name < 0) throw refused(q, offset, c, "is not where the index says");
            int call = callOf(q, name, c.constructor());
            if (call >= 0) {
                int callee = a.firstChild(call);
                int arg = a.nextSibling(callee);
                if (arg >= 0 && a.kind(arg) == TYPE_ARGUMENTS) arg = a.nextSibling(arg);
                if (arg < 0) continue; // f(): nothing to pass (every parameter was optional, or it was wrong before)
                int count = 0, lastArg = arg;
                for (int x = arg; x >= 0; x = a.nextSibling(x)) {
                    if (a.kind(x) == SPREAD) throw refused(q, a.start(x), c, "is called with a spread argument, which cannot be split into properties");
                    count++;
                    lastArg = x;
                }
                if (count > c.parameters().size() && !c.restLast()) throw refused(q, a.start(call), c, "is called with more arguments than it has parameters");
                calls.add(new int[] {call, a.start(arg), a.end(lastArg)});
                continue;
            }
            if (isDeclarationOrModuleReference(q, name)) continue;
            if (c.constructor()) {
                String why = classUse(q, name);
                if (why == null) continue;
                throw refused(q, offset, c, why);
            }
            throw refused(q, offset, c, "is used as a value here, not called: a use the conversion cannot rewrite");
        }
        return nestedEdits(q, src, calls, c);
    }

    /**
     * One edit per outermost call: {@code f(f(1), 2)} writes the inner call's object into the
     * outer one's. Calls are ordered by where their arguments start (outer before inner, each
     * call once); a stack gives each its innermost enclosing call, and the objects are written
     * from the last call back, so a call's inner ones are written before it.
     */
    private static List<TextEdit> nestedEdits(DocumentQuery q, char[] src, List<int[]> calls, Conversion c) {
        Arena a = q.arena();
        calls.sort((x, y) -> x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(y[2], x[2]));
        int n = 0;
        for (int i = 0; i < calls.size(); i++) if (n == 0 || calls.get(i)[0] != calls.get(n - 1)[0]) calls.set(n++, calls.get(i)); // a call named twice
        int[] parent = new int[n], stack = new int[n];
        int depth = 0;
        for (int i = 0; i < n; i++) {
            while (depth > 0 && calls.get(stack[depth - 1])[2] <= calls.get(i)[1]) depth--;
            parent[i] = depth > 0 ? stack[depth - 1] : -1;
            stack[depth++] = i;
        }
        // each call's direct inner calls, in source order: firstChild[i], then nextChild of each
        int[] firstChild = new int[n], nextChild = new int[n], lastChild = new int[n];
        java.util.Arrays.fill(firstChild, -1);
        java.util.Arrays.fill(nextChild, -1);
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            if (p < 0) continue;
            if (firstChild[p] < 0) firstChild[p] = i; else nextChild[lastChild[p]] = i;
            lastChild[p] = i;
        }
        String[] texts = new String[n];
        for (int i = n - 1; i >= 0; i--) texts[i] = objectArgument(a, src, calls, texts, firstChild, nextChild, i, c);
        List<TextEdit> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (parent[i] < 0) out.add(new TextEdit(q.range(calls.get(i)[1], calls.get(i)[2]), texts[i]));
        return out;
    }

    /** {@code { a: x, b, rest: [y, z] }} for the call {@code calls[i]}, the calls inside its arguments already written. */
    private static String objectArgument(Arena a, char[] src, List<int[]> calls, String[] texts, int[] firstChild, int[] nextChild, int i, Conversion c) {
        int call = calls.get(i)[0];
        int arg = a.nextSibling(a.firstChild(call));
        if (arg >= 0 && a.kind(arg) == TYPE_ARGUMENTS) arg = a.nextSibling(arg);
        int restIndex = c.restLast() ? c.parameters().size() - 1 : Integer.MAX_VALUE;
        StringBuilder out = new StringBuilder("{ ");
        StringBuilder restElements = null;
        int index = 0, inner = firstChild[i];
        for (int x = arg; x >= 0; x = a.nextSibling(x), index++) {
            // the argument's text, its inner calls replaced by their objects
            StringBuilder value = new StringBuilder();
            int at = a.start(x);
            while (inner >= 0 && calls.get(inner)[2] <= a.end(x)) {
                value.append(src, at, calls.get(inner)[1] - at).append(texts[inner]);
                at = calls.get(inner)[2];
                inner = nextChild[inner];
            }
            value.append(src, at, a.end(x) - at);
            if (index >= restIndex) {
                restElements = restElements == null ? new StringBuilder() : restElements.append(", ");
                restElements.append(value);
                continue;
            }
            String name = c.parameters().get(index);
            if (index > 0) out.append(", ");
            if (a.kind(x) == IDENTIFIER_REFERENCE && name.contentEquals(value)) out.append(name);
            else out.append(name).append(": ").append(value);
        }
        if (restElements != null) {
            if (index > 0 && restIndex > 0) out.append(", ");
            out.append(c.parameters().get(restIndex)).append(": [").append(restElements).append(']');
        }
        return out.append(" }").toString();
    }

    /**
     * The call whose callee is this name ({@code f(…)}, {@code ns.f(…)}, {@code f?.(…)}), or for a
     * constructor the {@code new C(…)} ({@code new ns.C<T>(…)}), or -1.
     */
    private static int callOf(DocumentQuery q, int name, boolean constructor) {
        Arena a = q.arena();
        int callee = name;
        int parent = q.parentOf(name);
        if (parent >= 0 && a.kind(parent) == MEMBER && a.firstChild(parent) != name) { // ns.f: the member is the callee
            callee = parent;
            parent = q.parentOf(parent);
        }
        if (constructor && parent >= 0 && a.kind(parent) == INSTANTIATION_EXPRESSION && a.firstChild(parent) == callee) {
            callee = parent;
            parent = q.parentOf(parent);
        }
        if (parent < 0 || a.kind(parent) != (constructor ? NEW : CALL) || a.firstChild(parent) != callee) return -1;
        return parent;
    }

    /**
     * Null where a use of a class whose constructor is converted stays right — a type ({@code x: C},
     * {@code implements C}), a static member ({@code C.create()}), {@code instanceof C} — else why not:
     * a subclass ({@code extends C} constructs it through {@code super(…)}), the class passed as a value.
     */
    private static String classUse(DocumentQuery q, int name) {
        Arena a = q.arena();
        int parent = q.parentOf(name);
        int pk = a.kind(parent);
        if (pk == TYPE_REFERENCE || pk == QUALIFIED_NAME) return null;
        if (pk == MEMBER && a.firstChild(parent) == name) return null;
        if (pk == BINARY && a.data(parent) == dev.arenals.parser.lexer.Token.K_INSTANCEOF && a.firstChild(parent) != name) return null;
        if (pk == EXPRESSION_WITH_TYPE_ARGUMENTS) {
            int clause = q.parentOf(parent);
            if (clause >= 0 && a.kind(clause) == HERITAGE_CLAUSE && a.data(clause) == dev.arenals.parser.lexer.Token.K_IMPLEMENTS) return null;
        }
        if (pk == CLASS_HERITAGE || pk == EXPRESSION_WITH_TYPE_ARGUMENTS) return "is extended here: a subclass constructs it through super(…), which the conversion does not rewrite";
        return "is used as a value here, not constructed: a use the conversion cannot rewrite";
    }

    /** The declaration's own name, an import or export of it ({@code export default f}, {@code export = f} too). */
    private static boolean isDeclarationOrModuleReference(DocumentQuery q, int name) {
        Arena a = q.arena();
        int parent = q.parentOf(name);
        if (parent < 0) return false;
        int pk = a.kind(parent);
        if (a.kind(name) == BINDING_IDENTIFIER && (pk == FUNCTION_DECLARATION || pk == VARIABLE_DECLARATOR || pk == CLASS_DECLARATION)) return true;
        if (pk == IMPORT_SPECIFIER || pk == IMPORT_DEFAULT_SPECIFIER || pk == IMPORT_NAMESPACE_SPECIFIER || pk == EXPORT_SPECIFIER
                || pk == IMPORT_EQUALS) return true;
        return (pk == EXPORT_DEFAULT || pk == EXPORT_ASSIGNMENT) && a.firstChild(parent) == name;
    }

    private static RenamePlan.Refused refused(DocumentQuery q, int offset, Conversion c, String what) {
        int line = q.document().positionAt(offset).getLine() + 1;
        String file = q.uri().substring(q.uri().lastIndexOf('/') + 1);
        return new RenamePlan.Refused("Cannot convert the parameters of `" + c.name() + "`: it " + what + " (" + file + ":" + line + ")");
    }

    /** The function declared by the name at {@code c.nameStart} (a class's constructor), as {@link #at} found it, or -1. */
    private static int functionNamed(DocumentQuery q, Conversion c) {
        Arena a = q.arena();
        int name = q.identifierAt(c.nameStart());
        int parent = name < 0 ? -1 : q.parentOf(name);
        if (parent < 0) return -1;
        int fn = -1;
        if (a.kind(parent) == FUNCTION_DECLARATION) fn = parent;
        else if (a.kind(parent) == VARIABLE_DECLARATOR) fn = Layouts.declaratorInit(a, parent);
        else if (a.kind(parent) == CLASS_DECLARATION) {
            int body = Layouts.classBody(a, parent);
            for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0 && fn < 0; m = a.nextSibling(m)) {
                if (a.kind(m) == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0) fn = Layouts.methodFunction(a, m);
            }
        }
        return fn >= 0 && c.equals(conversionOf(q, fn)) ? fn : -1;
    }

    /**
     * The type a parameter's property gets: its annotation as written; for an untyped one with a
     * default, the literal's widened type; an untyped rest parameter's {@code any[]}; none (empty)
     * for an untyped one without a default, as TypeScript writes it. Null when it takes a type
     * checker: a default that is not a literal, a rest parameter typed by a name.
     */
    private static String propertyType(Arena a, int p) {
        int declared = Layouts.parameterType(a, p);
        boolean rest = Layouts.isRestParameter(a, p);
        if (declared >= 0) {
            int dk = a.kind(declared);
            if (rest && dk != ARRAY_TYPE && dk != TUPLE_TYPE && !isArrayReference(a, declared)
                    && !(dk == TYPE_OPERATOR && a.firstChild(declared) >= 0 && a.kind(a.firstChild(declared)) == ARRAY_TYPE)) return null;
            return a.text(a.start(declared), a.end(declared));
        }
        if (rest) return "any[]";
        int init = Layouts.parameterInitializer(a, p);
        if (init < 0) return "";
        int ik = a.kind(init);
        if (ik == NUMBER_LITERAL) return "number";
        if (ik == STRING_LITERAL || ik == TEMPLATE) return "string";
        if (ik == BOOLEAN) return "boolean";
        if (ik == BIGINT_LITERAL) return "bigint";
        if (ik == UNARY && a.firstChild(init) >= 0 && a.kind(a.firstChild(init)) == NUMBER_LITERAL && a.source()[a.start(init)] == '-') return "number";
        return null;
    }

    private static boolean isArrayReference(Arena a, int type) {
        if (a.kind(type) != TYPE_REFERENCE) return false;
        int name = a.firstChild(type);
        String text = a.text(a.start(name), a.end(name));
        return (text.equals("Array") || text.equals("ReadonlyArray")) && a.nextSibling(name) >= 0;
    }

    private static boolean isThisParameter(Arena a, int p) {
        if (p < 0 || a.kind(p) != PARAMETER) return false;
        int target = a.firstChild(p);
        return target >= 0 && a.end(target) - a.start(target) == 4 && a.text(a.start(target), a.end(target)).equals("this");
    }

    /** Whether a function's own {@code arguments} is read (a destructured parameter would change what it holds). */
    private static boolean readsArguments(Arena a, int fn) {
        for (int c = a.firstChild(fn); c >= 0; c = a.nextSibling(c)) {
            boolean found = Refactors.anyNode(a, c,
                    n -> a.kind(n) == IDENTIFIER_REFERENCE && a.end(n) - a.start(n) == 9 && a.text(a.start(n), a.end(n)).equals("arguments"),
                    kind -> kind == FUNCTION_EXPRESSION || kind == FUNCTION_DECLARATION || kind == METHOD || kind == CLASS_BODY);
            if (found) return true;
        }
        return false;
    }
}
