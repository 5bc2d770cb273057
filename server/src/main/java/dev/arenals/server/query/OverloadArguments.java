package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;

/**
 * Whether a call's argument fits a parameter's declared type, where that is settled without a
 * type checker: a literal argument ({@code 1}, {@code "s"}, {@code true}, {@code `t`}) against a
 * primitive, literal, {@code any}/{@code unknown} or a union of them. TypeScript resolves an
 * overloaded call to the first signature whose parameters take every argument; an argument whose
 * fit is not settled here leaves the choice open ({@link #UNSURE}).
 */
public final class OverloadArguments {
    public static final int FITS = 1, DOES_NOT_FIT = 0, UNSURE = -1;

    private OverloadArguments() {}

    /**
     * What an argument is, as far as choosing an overload goes: the primitive of a literal or of a
     * name declared as one ("number", "string", "boolean"), "any" for {@code x as any}, or null.
     */
    public static String argumentKind(DocumentQuery q, int argument) {
        Arena a = q.arena();
        String literal = literalPrimitive(a, argument);
        if (literal != null) return literal;
        if (a.kind(argument) == AS_EXPRESSION) {
            int type = a.nextSibling(Layouts.operand(a, argument));
            return type >= 0 && a.kind(type) == KEYWORD_TYPE && a.data(type) == Token.K_ANY ? "any" : null;
        }
        if (a.kind(argument) != IDENTIFIER_REFERENCE) return null;
        int type = DeclaredTypes.declaredType(q, argument);
        int name = type >= 0 && a.kind(type) == TYPE_REFERENCE ? Layouts.typeReferenceName(a, type) : -1;
        if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE || a.nextSibling(name) >= 0) return null;
        String declared = a.names().name(a.data(name));
        return declared.equals("number") || declared.equals("string") || declared.equals("boolean") ? declared : null;
    }

    /** The primitive an argument expression's literal is of ("number", "string", "boolean"), or null. */
    public static String literalPrimitive(Arena a, int argument) {
        switch (a.kind(argument)) {
            case NUMBER_LITERAL: return "number";
            case STRING_LITERAL: return "string";
            case BOOLEAN: return "boolean";
            case TEMPLATE: return a.firstChild(argument) >= 0 && a.nextSibling(a.firstChild(argument)) < 0 ? "string" : null; // no substitution
            case UNARY: {
                int operand = a.firstChild(argument);
                return a.data(argument) == Token.MINUS && operand >= 0 && a.kind(operand) == NUMBER_LITERAL ? "number" : null;
            }
            default: return null;
        }
    }

    /**
     * Of a callable's overload signatures ({@code signatures[0..count)}, function nodes without
     * bodies in source order) the one {@code call}'s arguments choose, as TypeScript resolves the
     * call: the first taking as many arguments whose parameters take each argument; -1 when an
     * argument leaves that open (or is spread), or none fits.
     */
    public static int chosenSignature(DocumentQuery q, int[] signatures, int count, int call) {
        Arena a = q.arena();
        int arguments = argumentCount(a, call);
        if (arguments < 0) return -1;
        for (int i = 0; i < count; i++) {
            int[] arity = arityOf(a, Layouts.functionParameters(a, signatures[i]));
            if (arity == null) return -1;
            if (!takes(arity, arguments)) continue;
            int verdict = argumentsFit(q, Layouts.functionParameters(a, signatures[i]), call);
            if (verdict == FITS) return signatures[i];
            if (verdict == UNSURE) return -1;
        }
        return -1;
    }

    /** How many arguments a call gives, or -1 when one is spread (then how many is not known). */
    public static int argumentCount(Arena a, int call) {
        int arguments = 0;
        for (int arg = Layouts.callFirstArgument(a, call); arg >= 0; arg = a.nextSibling(arg)) {
            if (a.kind(arg) == SPREAD) return -1;
            arguments++;
        }
        return arguments;
    }

    /** Whether a signature of {@code arity} ({@link #arityOf}: fewest, most or -1) takes {@code arguments} arguments. */
    public static boolean takes(int[] arity, int arguments) {
        return arguments >= arity[0] && (arity[1] < 0 || arguments <= arity[1]);
    }

    /** Whether a call's arguments fit a parameter list of this file, {@code this: T} skipped. */
    public static int argumentsFit(DocumentQuery q, int params, int call) {
        Arena a = q.arena();
        int verdict = FITS;
        int p = params < 0 ? -1 : a.firstChild(params);
        if (p >= 0 && isThisParameter(a, p)) p = a.nextSibling(p);
        for (int arg = Layouts.callFirstArgument(a, call); arg >= 0 && p >= 0; arg = a.nextSibling(arg), p = a.nextSibling(p)) {
            int one = fits(q, Layouts.parameterType(a, p), arg);
            if (one == DOES_NOT_FIT) return one;
            if (one == UNSURE) verdict = one;
        }
        return verdict;
    }

    /** The fewest and most arguments a parameter list takes (most -1 with a rest parameter); {@code this: T} is not one. */
    public static int[] arityOf(Arena a, int params) {
        int fewest = 0, most = 0;
        for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            if (a.kind(p) != PARAMETER) return null;
            if (isThisParameter(a, p)) continue;
            if (Layouts.isRestParameter(a, p)) return new int[] {fewest, -1};
            most++;
            if ((a.data(p) & P_OPTIONAL) == 0 && Layouts.parameterInitializer(a, p) < 0) fewest = most;
        }
        return new int[] {fewest, most};
    }

    /** {@link #arityOf(Arena, int)} read from parameters as written in a summary ({@code a?: T}, {@code b = 1}, {@code ...r: T[]}); null when unsure. */
    public static int[] arityOf(java.util.List<String> parameters) {
        int fewest = 0, most = 0;
        for (String p : parameters) {
            String t = p.trim();
            if (t.startsWith("...")) return new int[] {fewest, -1};
            if (t.startsWith("@")) return null; // decorated
            int depth = 0;
            boolean optional = false;
            int nameEnd = -1;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '(' || c == '[' || c == '{' || c == '<') depth++;
                else if (c == ')' || c == ']' || c == '}' || c == '>') {
                    if (c == '>' && i > 0 && t.charAt(i - 1) == '=') continue; // =>
                    depth--;
                } else if (depth == 0 && c == '?' && nameEnd < 0 && i + 1 < t.length() && t.charAt(i + 1) == ':') optional = true;
                else if (depth == 0 && c == ':' && nameEnd < 0) nameEnd = i;
                else if (depth == 0 && c == '=' && (i + 1 >= t.length() || t.charAt(i + 1) != '>')) optional = true; // a default
            }
            if (depth != 0) return null;
            most++;
            if (!optional) fewest = most;
        }
        return new int[] {fewest, most};
    }

    static boolean isThisParameter(Arena a, int p) {
        int target = a.kind(p) == PARAMETER ? Layouts.parameterTarget(a, p) : -1;
        return target >= 0 && a.kind(target) == BINDING_IDENTIFIER && a.names().equals(a.data(target), "this");
    }

    /** The same against another file's signature, its parameters as its summary writes them. */
    public static int argumentsFit(DocumentQuery q, java.util.List<String> parameters, int call) {
        Arena a = q.arena();
        int verdict = FITS, i = 0;
        if (!parameters.isEmpty() && parameters.get(0).trim().startsWith("this:")) i = 1;
        for (int arg = Layouts.callFirstArgument(a, call); arg >= 0 && i < parameters.size(); arg = a.nextSibling(arg), i++) {
            int one = fits(parameters.get(i).trim(), q, arg);
            if (one == DOES_NOT_FIT) return one;
            if (one == UNSURE) verdict = one;
        }
        return verdict;
    }

    /** Whether {@code argument} fits the parameter type node {@code type} (-1: no annotation, which takes anything). */
    public static int fits(DocumentQuery q, int type, int argument) {
        if (type < 0) return FITS;
        Arena a = q.arena();
        String primitive = argumentKind(q, argument);
        if (primitive == null) return UNSURE;
        if (primitive.equals("any")) return a.kind(type) == KEYWORD_TYPE && a.data(type) == Token.K_NEVER ? DOES_NOT_FIT : FITS;
        boolean literalArgument = literalPrimitive(a, argument) != null;
        switch (a.kind(type)) {
            case PARENTHESIZED_TYPE:
                return fits(q, a.firstChild(type), argument);
            case KEYWORD_TYPE:
                return a.data(type) == Token.K_ANY || a.data(type) == Token.K_UNKNOWN ? FITS : DOES_NOT_FIT; // never, null, void, …
            case TYPE_REFERENCE: {
                int name = Layouts.typeReferenceName(a, type);
                if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE || a.nextSibling(name) >= 0) return UNSURE;
                return byName(a.names().name(a.data(name)), primitive);
            }
            case LITERAL_TYPE: {
                int literal = a.firstChild(type);
                String its = literal < 0 ? null : literalPrimitive(a, literal);
                if (its == null) return UNSURE;
                if (!its.equals(primitive)) return DOES_NOT_FIT;
                if (!literalArgument) return UNSURE; // a name declared string against "a": not assignable, unless it is narrowed
                return q.text(literal).equals(q.text(argument)) ? FITS : primitive.equals("boolean") ? DOES_NOT_FIT : UNSURE;
            }
            case UNION_TYPE: {
                int verdict = DOES_NOT_FIT;
                for (int t = a.firstChild(type); t >= 0; t = a.nextSibling(t)) {
                    int part = fits(q, t, argument);
                    if (part == FITS) return FITS;
                    if (part == UNSURE) verdict = UNSURE;
                }
                return verdict;
            }
            default:
                return UNSURE;
        }
    }

    /**
     * The same for a parameter as a summary writes it ({@code a: number}, {@code b?: "x" | 1}),
     * when its type is primitives, literals and {@code any}/{@code unknown} joined by {@code |}.
     */
    public static int fits(String parameter, DocumentQuery q, int argument) {
        Arena a = q.arena();
        String primitive = argumentKind(q, argument);
        if (primitive == null) return UNSURE;
        String argumentText = literalPrimitive(a, argument) != null ? q.text(argument) : null; // a name: its value is not known
        if (primitive.equals("any")) return parameter.endsWith(": never") ? DOES_NOT_FIT : FITS;
        int colon = parameter.indexOf(':');
        if (colon < 0) return parameter.contains("=") || parameter.startsWith("{") || parameter.startsWith("[") ? UNSURE : FITS;
        if (parameter.indexOf('=') >= 0 && parameter.indexOf('=') > colon) return UNSURE; // a default after the type: rare in a signature
        int verdict = DOES_NOT_FIT;
        for (String part : TypeTexts.split(parameter.substring(colon + 1), '|')) {
            String t = part.trim();
            int one;
            if (t.isEmpty()) continue;
            if (t.startsWith("\"") || t.startsWith("'")) one = !primitive.equals("string") ? DOES_NOT_FIT : t.equals(argumentText) ? FITS : UNSURE;
            else if (Character.isDigit(t.charAt(0)) || t.startsWith("-")) one = !primitive.equals("number") ? DOES_NOT_FIT : t.equals(argumentText) ? FITS : UNSURE;
            else if (t.equals("true") || t.equals("false")) one = !primitive.equals("boolean") ? DOES_NOT_FIT : argumentText == null ? UNSURE : t.equals(argumentText) ? FITS : DOES_NOT_FIT;
            else if (t.equals("any") || t.equals("unknown")) one = FITS;
            else if (t.equals("never") || t.equals("null") || t.equals("void") || t.equals("undefined")) one = DOES_NOT_FIT;
            else if (isWord(t)) one = byName(t, primitive);
            else one = UNSURE;
            if (one == FITS) return FITS;
            if (one == UNSURE) verdict = UNSURE;
        }
        return verdict;
    }

    private static boolean isWord(String t) {
        for (int i = 0; i < t.length(); i++) if (!Character.isLetter(t.charAt(i))) return false;
        return true;
    }

    /** A type written by name: the primitives are settled, any other name (an alias, an interface) is not. */
    private static int byName(String name, String primitive) {
        switch (name) {
            case "number": case "string": case "boolean":
                return name.equals(primitive) ? FITS : DOES_NOT_FIT;
            case "bigint": case "symbol": case "undefined": case "object":
                return DOES_NOT_FIT;
            default:
                return UNSURE;
        }
    }
}
