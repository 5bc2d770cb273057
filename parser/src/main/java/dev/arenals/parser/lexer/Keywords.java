package dev.arenals.parser.lexer;

/**
 * Keyword recognition without allocation: a switch on the length, then on the first char, then a
 * char-by-char comparison with the spelling. Covers every keyword {@link Token} has: reserved words,
 * contextual keywords and TypeScript contextual keywords.
 */
public final class Keywords {
    private Keywords() {}

    /**
     * The keyword token spelled exactly {@code s[start, end)}, or {@link Token#IDENTIFIER}. Out-of-range
     * bounds also give {@link Token#IDENTIFIER}.
     */
    public static int lookup(char[] s, int start, int end) {
        if (s == null || start < 0 || end > s.length) return Token.IDENTIFIER;
        switch (end - start) {
            case 2:
                switch (s[start]) {
                    case 'a':
                        if (s[start + 1] == 's') return Token.K_AS;
                        return Token.IDENTIFIER;
                    case 'd':
                        if (s[start + 1] == 'o') return Token.K_DO;
                        return Token.IDENTIFIER;
                    case 'i':
                        if (s[start + 1] == 'f') return Token.K_IF;
                        if (s[start + 1] == 'n') return Token.K_IN;
                        if (s[start + 1] == 's') return Token.K_IS;
                        return Token.IDENTIFIER;
                    case 'o':
                        if (s[start + 1] == 'f') return Token.K_OF;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 3:
                switch (s[start]) {
                    case 'a':
                        if (s[start + 1] == 'n' && s[start + 2] == 'y') return Token.K_ANY;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (s[start + 1] == 'o' && s[start + 2] == 'r') return Token.K_FOR;
                        return Token.IDENTIFIER;
                    case 'g':
                        if (s[start + 1] == 'e' && s[start + 2] == 't') return Token.K_GET;
                        return Token.IDENTIFIER;
                    case 'l':
                        if (s[start + 1] == 'e' && s[start + 2] == 't') return Token.K_LET;
                        return Token.IDENTIFIER;
                    case 'n':
                        if (s[start + 1] == 'e' && s[start + 2] == 'w') return Token.K_NEW;
                        return Token.IDENTIFIER;
                    case 'o':
                        if (s[start + 1] == 'u' && s[start + 2] == 't') return Token.K_OUT;
                        return Token.IDENTIFIER;
                    case 's':
                        if (s[start + 1] == 'e' && s[start + 2] == 't') return Token.K_SET;
                        return Token.IDENTIFIER;
                    case 't':
                        if (s[start + 1] == 'r' && s[start + 2] == 'y') return Token.K_TRY;
                        return Token.IDENTIFIER;
                    case 'v':
                        if (s[start + 1] == 'a' && s[start + 2] == 'r') return Token.K_VAR;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 4:
                switch (s[start]) {
                    case 'c':
                        if (rest(s, start, "case")) return Token.K_CASE;
                        return Token.IDENTIFIER;
                    case 'e':
                        if (rest(s, start, "else")) return Token.K_ELSE;
                        if (rest(s, start, "enum")) return Token.K_ENUM;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (rest(s, start, "from")) return Token.K_FROM;
                        return Token.IDENTIFIER;
                    case 'm':
                        if (rest(s, start, "meta")) return Token.K_META;
                        return Token.IDENTIFIER;
                    case 'n':
                        if (rest(s, start, "null")) return Token.K_NULL;
                        return Token.IDENTIFIER;
                    case 't':
                        if (rest(s, start, "this")) return Token.K_THIS;
                        if (rest(s, start, "true")) return Token.K_TRUE;
                        if (rest(s, start, "type")) return Token.K_TYPE;
                        return Token.IDENTIFIER;
                    case 'v':
                        if (rest(s, start, "void")) return Token.K_VOID;
                        return Token.IDENTIFIER;
                    case 'w':
                        if (rest(s, start, "with")) return Token.K_WITH;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 5:
                switch (s[start]) {
                    case 'a':
                        if (rest(s, start, "async")) return Token.K_ASYNC;
                        if (rest(s, start, "await")) return Token.K_AWAIT;
                        return Token.IDENTIFIER;
                    case 'b':
                        if (rest(s, start, "break")) return Token.K_BREAK;
                        return Token.IDENTIFIER;
                    case 'c':
                        if (rest(s, start, "catch")) return Token.K_CATCH;
                        if (rest(s, start, "class")) return Token.K_CLASS;
                        if (rest(s, start, "const")) return Token.K_CONST;
                        return Token.IDENTIFIER;
                    case 'd':
                        if (rest(s, start, "defer")) return Token.K_DEFER;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (rest(s, start, "false")) return Token.K_FALSE;
                        return Token.IDENTIFIER;
                    case 'i':
                        if (rest(s, start, "infer")) return Token.K_INFER;
                        return Token.IDENTIFIER;
                    case 'k':
                        if (rest(s, start, "keyof")) return Token.K_KEYOF;
                        return Token.IDENTIFIER;
                    case 'n':
                        if (rest(s, start, "never")) return Token.K_NEVER;
                        return Token.IDENTIFIER;
                    case 's':
                        if (rest(s, start, "super")) return Token.K_SUPER;
                        return Token.IDENTIFIER;
                    case 't':
                        if (rest(s, start, "throw")) return Token.K_THROW;
                        return Token.IDENTIFIER;
                    case 'u':
                        if (rest(s, start, "using")) return Token.K_USING;
                        return Token.IDENTIFIER;
                    case 'w':
                        if (rest(s, start, "while")) return Token.K_WHILE;
                        return Token.IDENTIFIER;
                    case 'y':
                        if (rest(s, start, "yield")) return Token.K_YIELD;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 6:
                switch (s[start]) {
                    case 'd':
                        if (rest(s, start, "delete")) return Token.K_DELETE;
                        return Token.IDENTIFIER;
                    case 'e':
                        if (rest(s, start, "export")) return Token.K_EXPORT;
                        return Token.IDENTIFIER;
                    case 'g':
                        if (rest(s, start, "global")) return Token.K_GLOBAL;
                        return Token.IDENTIFIER;
                    case 'i':
                        if (rest(s, start, "import")) return Token.K_IMPORT;
                        return Token.IDENTIFIER;
                    case 'm':
                        if (rest(s, start, "module")) return Token.K_MODULE;
                        return Token.IDENTIFIER;
                    case 'p':
                        if (rest(s, start, "public")) return Token.K_PUBLIC;
                        return Token.IDENTIFIER;
                    case 'r':
                        if (rest(s, start, "return")) return Token.K_RETURN;
                        return Token.IDENTIFIER;
                    case 's':
                        if (rest(s, start, "source")) return Token.K_SOURCE;
                        if (rest(s, start, "static")) return Token.K_STATIC;
                        if (rest(s, start, "switch")) return Token.K_SWITCH;
                        return Token.IDENTIFIER;
                    case 't':
                        if (rest(s, start, "target")) return Token.K_TARGET;
                        if (rest(s, start, "typeof")) return Token.K_TYPEOF;
                        return Token.IDENTIFIER;
                    case 'u':
                        if (rest(s, start, "unique")) return Token.K_UNIQUE;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 7:
                switch (s[start]) {
                    case 'a':
                        if (rest(s, start, "asserts")) return Token.K_ASSERTS;
                        return Token.IDENTIFIER;
                    case 'd':
                        if (rest(s, start, "declare")) return Token.K_DECLARE;
                        if (rest(s, start, "default")) return Token.K_DEFAULT;
                        return Token.IDENTIFIER;
                    case 'e':
                        if (rest(s, start, "extends")) return Token.K_EXTENDS;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (rest(s, start, "finally")) return Token.K_FINALLY;
                        return Token.IDENTIFIER;
                    case 'p':
                        if (rest(s, start, "package")) return Token.K_PACKAGE;
                        if (rest(s, start, "private")) return Token.K_PRIVATE;
                        return Token.IDENTIFIER;
                    case 'r':
                        if (rest(s, start, "require")) return Token.K_REQUIRE;
                        return Token.IDENTIFIER;
                    case 'u':
                        if (rest(s, start, "unknown")) return Token.K_UNKNOWN;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 8:
                switch (s[start]) {
                    case 'a':
                        if (rest(s, start, "abstract")) return Token.K_ABSTRACT;
                        if (rest(s, start, "accessor")) return Token.K_ACCESSOR;
                        return Token.IDENTIFIER;
                    case 'c':
                        if (rest(s, start, "continue")) return Token.K_CONTINUE;
                        return Token.IDENTIFIER;
                    case 'd':
                        if (rest(s, start, "debugger")) return Token.K_DEBUGGER;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (rest(s, start, "function")) return Token.K_FUNCTION;
                        return Token.IDENTIFIER;
                    case 'o':
                        if (rest(s, start, "override")) return Token.K_OVERRIDE;
                        return Token.IDENTIFIER;
                    case 'r':
                        if (rest(s, start, "readonly")) return Token.K_READONLY;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 9:
                switch (s[start]) {
                    case 'i':
                        if (rest(s, start, "interface")) return Token.K_INTERFACE;
                        return Token.IDENTIFIER;
                    case 'n':
                        if (rest(s, start, "namespace")) return Token.K_NAMESPACE;
                        return Token.IDENTIFIER;
                    case 'p':
                        if (rest(s, start, "protected")) return Token.K_PROTECTED;
                        return Token.IDENTIFIER;
                    case 's':
                        if (rest(s, start, "satisfies")) return Token.K_SATISFIES;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 10:
                switch (s[start]) {
                    case 'i':
                        if (rest(s, start, "implements")) return Token.K_IMPLEMENTS;
                        if (rest(s, start, "instanceof")) return Token.K_INSTANCEOF;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 11:
                switch (s[start]) {
                    case 'c':
                        if (rest(s, start, "constructor")) return Token.K_CONSTRUCTOR;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            default:
                return Token.IDENTIFIER;
        }
    }

    /** True when {@code s[start + 1, start + w.length())} equals {@code w} without its first char. */
    private static boolean rest(char[] s, int start, String w) {
        for (int i = w.length() - 1; i > 0; i--) {
            if (s[start + i] != w.charAt(i)) return false;
        }
        return true;
    }
}
