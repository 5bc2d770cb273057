package dev.arenals.server.query;

import dev.arenals.parser.lexer.UnicodeId;
import java.util.Set;

/** What may be written as a new name: identifiers that are not reserved where they would go. */
public final class Names {
    private Names() {}

    /** Reserved in every context (ECMAScript ReservedWord). */
    private static final Set<String> RESERVED = Set.of("await", "break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
            "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw",
            "true", "try", "typeof", "var", "void", "while", "with", "yield");
    /** Reserved in strict code (modules and classes are strict), and names a binding may not take there. */
    private static final Set<String> STRICT_RESERVED = Set.of("implements", "interface", "let", "package", "private",
            "protected", "public", "static", "arguments", "eval");
    /** Names TypeScript keeps for its predefined types: a type may not be declared with them. */
    private static final Set<String> PREDEFINED_TYPES = Set.of("any", "unknown", "never", "number", "string", "boolean",
            "symbol", "bigint", "object", "void", "undefined", "null", "intrinsic");

    /** True for an IdentifierName (no escapes): ID_Start or $ or _, then ID_Continue, $, ZWNJ, ZWJ. */
    public static boolean isIdentifierName(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (i == 0 ? !UnicodeId.isIdStart(cp) : !UnicodeId.isIdPart(cp)) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Why {@code name} cannot name a variable, function, class or label ("it is …"), or null when it can. */
    public static String bindingProblem(String name) {
        if (!isIdentifierName(name)) return "it is not an identifier";
        if (RESERVED.contains(name)) return "it is a reserved word";
        if (STRICT_RESERVED.contains(name)) return "it is reserved in strict code";
        return null;
    }

    public static boolean isPredefinedType(String name) { return PREDEFINED_TYPES.contains(name); }
}
