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
                        if (rest(s, start, W_CASE)) return Token.K_CASE;
                        return Token.IDENTIFIER;
                    case 'e':
                        if (rest(s, start, W_ELSE)) return Token.K_ELSE;
                        if (rest(s, start, W_ENUM)) return Token.K_ENUM;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (rest(s, start, W_FROM)) return Token.K_FROM;
                        return Token.IDENTIFIER;
                    case 'm':
                        if (rest(s, start, W_META)) return Token.K_META;
                        return Token.IDENTIFIER;
                    case 'n':
                        if (rest(s, start, W_NULL)) return Token.K_NULL;
                        return Token.IDENTIFIER;
                    case 't':
                        if (rest(s, start, W_THIS)) return Token.K_THIS;
                        if (rest(s, start, W_TRUE)) return Token.K_TRUE;
                        if (rest(s, start, W_TYPE)) return Token.K_TYPE;
                        return Token.IDENTIFIER;
                    case 'v':
                        if (rest(s, start, W_VOID)) return Token.K_VOID;
                        return Token.IDENTIFIER;
                    case 'w':
                        if (rest(s, start, W_WITH)) return Token.K_WITH;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 5:
                switch (s[start]) {
                    case 'a':
                        if (rest(s, start, W_ASYNC)) return Token.K_ASYNC;
                        if (rest(s, start, W_AWAIT)) return Token.K_AWAIT;
                        return Token.IDENTIFIER;
                    case 'b':
                        if (rest(s, start, W_BREAK)) return Token.K_BREAK;
                        return Token.IDENTIFIER;
                    case 'c':
                        if (rest(s, start, W_CATCH)) return Token.K_CATCH;
                        if (rest(s, start, W_CLASS)) return Token.K_CLASS;
                        if (rest(s, start, W_CONST)) return Token.K_CONST;
                        return Token.IDENTIFIER;
                    case 'd':
                        if (rest(s, start, W_DEFER)) return Token.K_DEFER;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (rest(s, start, W_FALSE)) return Token.K_FALSE;
                        return Token.IDENTIFIER;
                    case 'i':
                        if (rest(s, start, W_INFER)) return Token.K_INFER;
                        return Token.IDENTIFIER;
                    case 'k':
                        if (rest(s, start, W_KEYOF)) return Token.K_KEYOF;
                        return Token.IDENTIFIER;
                    case 'n':
                        if (rest(s, start, W_NEVER)) return Token.K_NEVER;
                        return Token.IDENTIFIER;
                    case 's':
                        if (rest(s, start, W_SUPER)) return Token.K_SUPER;
                        return Token.IDENTIFIER;
                    case 't':
                        if (rest(s, start, W_THROW)) return Token.K_THROW;
                        return Token.IDENTIFIER;
                    case 'u':
                        if (rest(s, start, W_USING)) return Token.K_USING;
                        return Token.IDENTIFIER;
                    case 'w':
                        if (rest(s, start, W_WHILE)) return Token.K_WHILE;
                        return Token.IDENTIFIER;
                    case 'y':
                        if (rest(s, start, W_YIELD)) return Token.K_YIELD;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 6:
                switch (s[start]) {
                    case 'd':
                        if (rest(s, start, W_DELETE)) return Token.K_DELETE;
                        return Token.IDENTIFIER;
                    case 'e':
                        if (rest(s, start, W_EXPORT)) return Token.K_EXPORT;
                        return Token.IDENTIFIER;
                    case 'g':
                        if (rest(s, start, W_GLOBAL)) return Token.K_GLOBAL;
                        return Token.IDENTIFIER;
                    case 'i':
                        if (rest(s, start, W_IMPORT)) return Token.K_IMPORT;
                        return Token.IDENTIFIER;
                    case 'm':
                        if (rest(s, start, W_MODULE)) return Token.K_MODULE;
                        return Token.IDENTIFIER;
                    case 'p':
                        if (rest(s, start, W_PUBLIC)) return Token.K_PUBLIC;
                        return Token.IDENTIFIER;
                    case 'r':
                        if (rest(s, start, W_RETURN)) return Token.K_RETURN;
                        return Token.IDENTIFIER;
                    case 's':
                        if (rest(s, start, W_SOURCE)) return Token.K_SOURCE;
                        if (rest(s, start, W_STATIC)) return Token.K_STATIC;
                        if (rest(s, start, W_SWITCH)) return Token.K_SWITCH;
                        return Token.IDENTIFIER;
                    case 't':
                        if (rest(s, start, W_TARGET)) return Token.K_TARGET;
                        if (rest(s, start, W_TYPEOF)) return Token.K_TYPEOF;
                        return Token.IDENTIFIER;
                    case 'u':
                        if (rest(s, start, W_UNIQUE)) return Token.K_UNIQUE;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 7:
                switch (s[start]) {
                    case 'a':
                        if (rest(s, start, W_ASSERTS)) return Token.K_ASSERTS;
                        return Token.IDENTIFIER;
                    case 'd':
                        if (rest(s, start, W_DECLARE)) return Token.K_DECLARE;
                        if (rest(s, start, W_DEFAULT)) return Token.K_DEFAULT;
                        return Token.IDENTIFIER;
                    case 'e':
                        if (rest(s, start, W_EXTENDS)) return Token.K_EXTENDS;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (rest(s, start, W_FINALLY)) return Token.K_FINALLY;
                        return Token.IDENTIFIER;
                    case 'p':
                        if (rest(s, start, W_PACKAGE)) return Token.K_PACKAGE;
                        if (rest(s, start, W_PRIVATE)) return Token.K_PRIVATE;
                        return Token.IDENTIFIER;
                    case 'r':
                        if (rest(s, start, W_REQUIRE)) return Token.K_REQUIRE;
                        return Token.IDENTIFIER;
                    case 'u':
                        if (rest(s, start, W_UNKNOWN)) return Token.K_UNKNOWN;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 8:
                switch (s[start]) {
                    case 'a':
                        if (rest(s, start, W_ABSTRACT)) return Token.K_ABSTRACT;
                        if (rest(s, start, W_ACCESSOR)) return Token.K_ACCESSOR;
                        return Token.IDENTIFIER;
                    case 'c':
                        if (rest(s, start, W_CONTINUE)) return Token.K_CONTINUE;
                        return Token.IDENTIFIER;
                    case 'd':
                        if (rest(s, start, W_DEBUGGER)) return Token.K_DEBUGGER;
                        return Token.IDENTIFIER;
                    case 'f':
                        if (rest(s, start, W_FUNCTION)) return Token.K_FUNCTION;
                        return Token.IDENTIFIER;
                    case 'o':
                        if (rest(s, start, W_OVERRIDE)) return Token.K_OVERRIDE;
                        return Token.IDENTIFIER;
                    case 'r':
                        if (rest(s, start, W_READONLY)) return Token.K_READONLY;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 9:
                switch (s[start]) {
                    case 'i':
                        if (rest(s, start, W_INTERFACE)) return Token.K_INTERFACE;
                        return Token.IDENTIFIER;
                    case 'n':
                        if (rest(s, start, W_NAMESPACE)) return Token.K_NAMESPACE;
                        return Token.IDENTIFIER;
                    case 'p':
                        if (rest(s, start, W_PROTECTED)) return Token.K_PROTECTED;
                        return Token.IDENTIFIER;
                    case 's':
                        if (rest(s, start, W_SATISFIES)) return Token.K_SATISFIES;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 10:
                switch (s[start]) {
                    case 'i':
                        if (rest(s, start, W_IMPLEMENTS)) return Token.K_IMPLEMENTS;
                        if (rest(s, start, W_INSTANCEOF)) return Token.K_INSTANCEOF;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            case 11:
                switch (s[start]) {
                    case 'c':
                        if (rest(s, start, W_CONSTRUCTOR)) return Token.K_CONSTRUCTOR;
                        return Token.IDENTIFIER;
                    default:
                        return Token.IDENTIFIER;
                }
            default:
                return Token.IDENTIFIER;
        }
    }

    /** True when {@code s[start + 1, start + w.length())} equals {@code w} without its first char. */
    private static boolean rest(char[] s, int start, char[] w) {
        for (int i = w.length - 1; i > 0; i--) {
            if (s[start + i] != w[i]) return false;
        }
        return true;
    }

    // spellings as char arrays: comparing against a String costs a coder check per char
    private static final char[] W_ABSTRACT = "abstract".toCharArray();
    private static final char[] W_ACCESSOR = "accessor".toCharArray();
    private static final char[] W_ASSERTS = "asserts".toCharArray();
    private static final char[] W_ASYNC = "async".toCharArray();
    private static final char[] W_AWAIT = "await".toCharArray();
    private static final char[] W_BREAK = "break".toCharArray();
    private static final char[] W_CASE = "case".toCharArray();
    private static final char[] W_CATCH = "catch".toCharArray();
    private static final char[] W_CLASS = "class".toCharArray();
    private static final char[] W_CONST = "const".toCharArray();
    private static final char[] W_CONSTRUCTOR = "constructor".toCharArray();
    private static final char[] W_CONTINUE = "continue".toCharArray();
    private static final char[] W_DEBUGGER = "debugger".toCharArray();
    private static final char[] W_DECLARE = "declare".toCharArray();
    private static final char[] W_DEFAULT = "default".toCharArray();
    private static final char[] W_DEFER = "defer".toCharArray();
    private static final char[] W_DELETE = "delete".toCharArray();
    private static final char[] W_ELSE = "else".toCharArray();
    private static final char[] W_ENUM = "enum".toCharArray();
    private static final char[] W_EXPORT = "export".toCharArray();
    private static final char[] W_EXTENDS = "extends".toCharArray();
    private static final char[] W_FALSE = "false".toCharArray();
    private static final char[] W_FINALLY = "finally".toCharArray();
    private static final char[] W_FROM = "from".toCharArray();
    private static final char[] W_FUNCTION = "function".toCharArray();
    private static final char[] W_GLOBAL = "global".toCharArray();
    private static final char[] W_IMPLEMENTS = "implements".toCharArray();
    private static final char[] W_IMPORT = "import".toCharArray();
    private static final char[] W_INFER = "infer".toCharArray();
    private static final char[] W_INSTANCEOF = "instanceof".toCharArray();
    private static final char[] W_INTERFACE = "interface".toCharArray();
    private static final char[] W_KEYOF = "keyof".toCharArray();
    private static final char[] W_META = "meta".toCharArray();
    private static final char[] W_MODULE = "module".toCharArray();
    private static final char[] W_NAMESPACE = "namespace".toCharArray();
    private static final char[] W_NEVER = "never".toCharArray();
    private static final char[] W_NULL = "null".toCharArray();
    private static final char[] W_OVERRIDE = "override".toCharArray();
    private static final char[] W_PACKAGE = "package".toCharArray();
    private static final char[] W_PRIVATE = "private".toCharArray();
    private static final char[] W_PROTECTED = "protected".toCharArray();
    private static final char[] W_PUBLIC = "public".toCharArray();
    private static final char[] W_READONLY = "readonly".toCharArray();
    private static final char[] W_REQUIRE = "require".toCharArray();
    private static final char[] W_RETURN = "return".toCharArray();
    private static final char[] W_SATISFIES = "satisfies".toCharArray();
    private static final char[] W_SOURCE = "source".toCharArray();
    private static final char[] W_STATIC = "static".toCharArray();
    private static final char[] W_SUPER = "super".toCharArray();
    private static final char[] W_SWITCH = "switch".toCharArray();
    private static final char[] W_TARGET = "target".toCharArray();
    private static final char[] W_THIS = "this".toCharArray();
    private static final char[] W_THROW = "throw".toCharArray();
    private static final char[] W_TRUE = "true".toCharArray();
    private static final char[] W_TYPE = "type".toCharArray();
    private static final char[] W_TYPEOF = "typeof".toCharArray();
    private static final char[] W_UNIQUE = "unique".toCharArray();
    private static final char[] W_UNKNOWN = "unknown".toCharArray();
    private static final char[] W_USING = "using".toCharArray();
    private static final char[] W_VOID = "void".toCharArray();
    private static final char[] W_WHILE = "while".toCharArray();
    private static final char[] W_WITH = "with".toCharArray();
    private static final char[] W_YIELD = "yield".toCharArray();

}
