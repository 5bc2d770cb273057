package dev.arenals.server.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Types as written, read from their text (a summary's member types and signatures' returns, the
 * library's declarations): split at a top-level operator, and {@code T | undefined | null} taken
 * for {@code T}.
 */
public final class TypeTexts {
    private TypeTexts() {}

    /** {@code type} split at {@code separator} ({@code '|'}, {@code '&'}) outside brackets and arrows' {@code =>}. */
    public static List<String> split(String type, char separator) {
        List<String> out = new ArrayList<>(2);
        int depth = 0, from = 0;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '<' || c == '(' || c == '[' || c == '{') depth++;
            else if ((c == '>' && (i == 0 || type.charAt(i - 1) != '=')) || c == ')' || c == ']' || c == '}') depth--;
            else if (c == separator && depth == 0) {
                out.add(type.substring(from, i));
                from = i + 1;
            }
        }
        out.add(type.substring(from));
        return out;
    }

    /** The one part of a union that is not {@code undefined} or {@code null}, trimmed (the type itself when no union); null when two are left or none. */
    public static String withoutNullish(String type) {
        String only = null;
        for (String part : split(type, '|')) {
            String p = part.trim();
            if (p.equals("undefined") || p.equals("null")) continue;
            if (only != null) return null;
            only = p;
        }
        return only;
    }

    /** The element type of an array type's text ({@code E[]}, {@code readonly E[]}, {@code Array<E>}, {@code ReadonlyArray<E>}), trimmed; null otherwise. */
    public static String elementOf(String type) {
        String t = withoutNullish(type);
        if (t == null) return null;
        if (t.startsWith("readonly ")) t = t.substring("readonly ".length()).trim();
        if (t.endsWith("[]") && split(t, '|').size() == 1 && split(t, '&').size() == 1) {
            String element = t.substring(0, t.length() - 2).trim();
            return element.startsWith("(") && element.endsWith(")") ? element.substring(1, element.length() - 1).trim() : element;
        }
        for (String generic : new String[] {"Array<", "ReadonlyArray<"}) {
            if (t.startsWith(generic) && t.endsWith(">") && split(t.substring(generic.length(), t.length() - 1), ',').size() == 1) {
                return t.substring(generic.length(), t.length() - 1).trim();
            }
        }
        return null;
    }

    /**
     * The value type of an object type's text whose one member is an index signature
     * ({@code { [key: string]: A }}; {@code numeric}: a {@code number} key is taken too), or of
     * {@code Record<string, A>}; null otherwise.
     */
    public static String indexedValueOf(String type, boolean numeric) {
        String t = withoutNullish(type);
        if (t == null) return null;
        if (t.startsWith("Record<") && t.endsWith(">")) {
            List<String> arguments = split(t.substring("Record<".length(), t.length() - 1), ',');
            return arguments.size() == 2 && (arguments.get(0).trim().equals("string") || numeric && arguments.get(0).trim().equals("number"))
                    ? arguments.get(1).trim() : null;
        }
        if (!t.startsWith("{") || !t.endsWith("}")) return null;
        String body = t.substring(1, t.length() - 1).trim();
        if (body.endsWith(";") || body.endsWith(",")) body = body.substring(0, body.length() - 1).trim();
        if (!body.startsWith("[") || split(body, ';').size() != 1 || split(body, ',').size() != 1) return null;
        int close = body.indexOf(']');
        int colon = body.indexOf(':');
        if (close < 0 || colon < 0 || colon > close) return null;
        String key = body.substring(colon + 1, close).trim();
        String rest = body.substring(close + 1).trim();
        if (!rest.startsWith(":") || !(key.equals("string") || numeric && key.equals("number"))) return null;
        return rest.substring(1).trim();
    }
}
