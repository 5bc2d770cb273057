package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.LiteralValues;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;

/**
 * The values of an enum's members as TypeScript's constant evaluator computes them, where that is
 * sure from this file alone: number and string literals, templates without substitutions of unknown
 * value, {@code + - ~}, the arithmetic, bitwise and shift operators (on 32-bit integers where
 * JavaScript's are), string {@code +}, and earlier members of the same enum ({@code A}, {@code E.A});
 * a member without an initializer is the previous number plus one (the first is 0). Anything else
 * (another constant, a call) gives no value, and neither do the members after it that count on it.
 */
public final class EnumValues {
    private EnumValues() {}

    private static final com.google.gson.Gson JSON = new com.google.gson.GsonBuilder().disableHtmlEscaping().create();

    /** A member's value: a {@code Double}, a {@code String}, or null when not known. By member order. */
    public static Object[] of(Arena a, int enumDeclaration) {
        int name = a.firstChild(enumDeclaration);
        int enumName = name >= 0 && a.kind(name) == BINDING_IDENTIFIER ? a.data(name) : -1;
        int count = 0;
        for (int m = a.firstChild(enumDeclaration); m >= 0; m = a.nextSibling(m)) if (a.kind(m) == ENUM_MEMBER) count++;
        Object[] values = new Object[count];
        int[] names = new int[count];
        Object previous = -1.0;
        int i = 0;
        for (int m = a.firstChild(enumDeclaration); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != ENUM_MEMBER) continue;
            int key = a.firstChild(m);
            names[i] = key >= 0 && a.kind(key) == IDENTIFIER_NAME ? a.data(key) : -1;
            int init = key < 0 ? -1 : a.nextSibling(key);
            Object value;
            if (init >= 0) value = evaluate(a, init, enumName, names, values, i, 0);
            else value = previous instanceof Double d ? d + 1 : null;
            values[i++] = value;
            previous = value;
        }
        return values;
    }

    /** The value as TypeScript's hover writes it: {@code 2}, {@code "up"}. */
    public static String text(Object value) {
        if (value instanceof String s) return JSON.toJson(s); // quoted and escaped as a JavaScript string literal would be
        return numberText((Double) value);
    }

    private static String numberText(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == Math.rint(d) && Math.abs(d) < 1e21) return d == 0 ? "0" : String.valueOf((long) d);
        return null; // a fraction: JavaScript's shortest form is not Java's in every case
    }

    private static Object evaluate(Arena a, int e, int enumName, int[] names, Object[] values, int before, int depth) {
        if (depth > 64) return null;
        switch (a.kind(e)) {
            case NUMBER_LITERAL: return LiteralValues.numberValue(a, e);
            case STRING_LITERAL: return LiteralValues.stringValue(a, e);
            case PARENTHESIZED: {
                int inner = a.firstChild(e);
                return inner < 0 ? null : evaluate(a, inner, enumName, names, values, before, depth + 1);
            }
            case TEMPLATE: {
                StringBuilder out = new StringBuilder();
                for (int c = a.firstChild(e); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == TEMPLATE_ELEMENT) {
                        String cooked = LiteralValues.stringValue(a, c);
                        if (cooked == null) return null;
                        out.append(cooked);
                    } else {
                        Object v = evaluate(a, c, enumName, names, values, before, depth + 1);
                        String s = v instanceof Double d ? numberText(d) : (String) v;
                        if (s == null) return null;
                        out.append(s);
                    }
                }
                return out.toString();
            }
            case UNARY: {
                int operand = a.firstChild(e);
                Object v = operand < 0 ? null : evaluate(a, operand, enumName, names, values, before, depth + 1);
                if (!(v instanceof Double d)) return null;
                switch (a.data(e)) {
                    case Token.PLUS: return d;
                    case Token.MINUS: return -d;
                    case Token.TILDE: return (double) ~toInt32(d);
                    default: return null;
                }
            }
            case BINARY: {
                int left = a.firstChild(e), right = left < 0 ? -1 : a.nextSibling(left);
                if (right < 0) return null;
                Object l = evaluate(a, left, enumName, names, values, before, depth + 1);
                Object r = evaluate(a, right, enumName, names, values, before, depth + 1);
                if (l == null || r == null) return null;
                int op = a.data(e);
                if (op == Token.PLUS && (l instanceof String || r instanceof String)) {
                    String ls = l instanceof Double d ? numberText(d) : (String) l, rs = r instanceof Double d ? numberText(d) : (String) r;
                    return ls == null || rs == null ? null : ls + rs;
                }
                if (!(l instanceof Double x) || !(r instanceof Double y)) return null;
                switch (op) {
                    case Token.PLUS: return x + y;
                    case Token.MINUS: return x - y;
                    case Token.STAR: return x * y;
                    case Token.SLASH: return x / y;
                    case Token.PERCENT: return x % y;
                    case Token.STAR2: return Math.pow(x, y);
                    case Token.BAR: return (double) (toInt32(x) | toInt32(y));
                    case Token.AMP: return (double) (toInt32(x) & toInt32(y));
                    case Token.CARET: return (double) (toInt32(x) ^ toInt32(y));
                    case Token.SHL: return (double) (toInt32(x) << (toInt32(y) & 31));
                    case Token.SAR: return (double) (toInt32(x) >> (toInt32(y) & 31));
                    case Token.SHR: return (double) ((toInt32(x) & 0xFFFFFFFFL) >>> (toInt32(y) & 31));
                    default: return null;
                }
            }
            case IDENTIFIER_REFERENCE:
                return earlier(a.data(e), names, values, before);
            case MEMBER: {
                int object = a.firstChild(e), property = object < 0 ? -1 : a.nextSibling(object);
                if (property < 0 || (a.data(e) & (M_COMPUTED | M_OPTIONAL)) != 0) return null;
                if (a.kind(object) == IDENTIFIER_REFERENCE && a.data(object) == enumName && a.kind(property) == IDENTIFIER_NAME) {
                    return earlier(a.data(property), names, values, before);
                }
                return null;
            }
            default:
                return null;
        }
    }

    /** An earlier member's value by name, or null (a later member, or a name from elsewhere). */
    private static Object earlier(int name, int[] names, Object[] values, int before) {
        for (int i = before - 1; i >= 0; i--) if (names[i] == name) return values[i];
        return null;
    }

    /** JavaScript's ToInt32. */
    private static int toInt32(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return 0;
        return (int) (long) (d % 4294967296.0);
    }
}
