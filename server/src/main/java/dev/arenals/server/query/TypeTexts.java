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
}
