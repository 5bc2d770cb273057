package dev.arenals.parser.lexer;

/**
 * Token kinds as int constants: the lexer keeps the current token in primitive fields, so there is
 * no token object. Order matters: keyword ranges and the contextual-keyword range are tested with
 * comparisons.
 */
public final class Token {
    private Token() {}

    public static final int EOF = 0;
    public static final int IDENTIFIER = 1;
    public static final int PRIVATE_NAME = 2;      // #name
    public static final int NUMBER = 3;
    public static final int BIGINT = 4;
    public static final int STRING = 5;
    public static final int REGEX = 6;             // only after Lexer.reScanRegex()
    public static final int NO_SUBST_TEMPLATE = 7; // `text`
    public static final int TEMPLATE_HEAD = 8;     // `text${
    public static final int TEMPLATE_MIDDLE = 9;   // }text${  (after reScanTemplateContinuation)
    public static final int TEMPLATE_TAIL = 10;    // }text`   (after reScanTemplateContinuation)
    public static final int ERROR = 11;            // a character that starts no token (diagnostic reported)
    public static final int JSX_TEXT = 12;         // only from Lexer.scanJsxChild

    // Punctuators
    public static final int LBRACE = 20;        // {
    public static final int RBRACE = 21;        // }
    public static final int LPAREN = 22;        // (
    public static final int RPAREN = 23;        // )
    public static final int LBRACKET = 24;      // [
    public static final int RBRACKET = 25;      // ]
    public static final int DOT = 26;           // .
    public static final int ELLIPSIS = 27;      // ...
    public static final int SEMICOLON = 28;     // ;
    public static final int COMMA = 29;         // ,
    public static final int LT = 30;            // <
    public static final int GT = 31;            // >   (always single; see Lexer.reScanGreater)
    public static final int LE = 32;            // <=
    public static final int GE = 33;            // >=  (only from reScanGreater)
    public static final int EQ2 = 34;           // ==
    public static final int NE = 35;            // !=
    public static final int EQ3 = 36;           // ===
    public static final int NE2 = 37;           // !==
    public static final int PLUS = 38;          // +
    public static final int MINUS = 39;         // -
    public static final int STAR = 40;          // *
    public static final int SLASH = 41;         // /
    public static final int PERCENT = 42;       // %
    public static final int STAR2 = 43;         // **
    public static final int PLUS2 = 44;         // ++
    public static final int MINUS2 = 45;        // --
    public static final int SHL = 46;           // <<
    public static final int SAR = 47;           // >>  (only from reScanGreater)
    public static final int SHR = 48;           // >>> (only from reScanGreater)
    public static final int AMP = 49;           // &
    public static final int BAR = 50;           // |
    public static final int CARET = 51;         // ^
    public static final int BANG = 52;          // !
    public static final int TILDE = 53;         // ~
    public static final int AMP2 = 54;          // &&
    public static final int BAR2 = 55;          // ||
    public static final int QUESTION = 56;     // ?
    public static final int QUESTION2 = 57;    // ??
    public static final int QUESTION_DOT = 58; // ?.  (not when followed by a decimal digit)
    public static final int COLON = 59;         // :
    public static final int ARROW = 60;         // =>
    public static final int AT = 61;            // @
    public static final int HASH = 62;          // # not followed by an identifier (error recovery)
    // Assignment operators: ASSIGN .. QUESTION2_ASSIGN contiguous
    public static final int ASSIGN = 70;        // =
    public static final int PLUS_ASSIGN = 71;   // +=
    public static final int MINUS_ASSIGN = 72;  // -=
    public static final int STAR_ASSIGN = 73;   // *=
    public static final int SLASH_ASSIGN = 74;  // /=
    public static final int PERCENT_ASSIGN = 75;// %=
    public static final int STAR2_ASSIGN = 76;  // **=
    public static final int SHL_ASSIGN = 77;    // <<=
    public static final int SAR_ASSIGN = 78;    // >>=  (only from reScanGreater)
    public static final int SHR_ASSIGN = 79;    // >>>= (only from reScanGreater)
    public static final int AMP_ASSIGN = 80;    // &=
    public static final int BAR_ASSIGN = 81;    // |=
    public static final int CARET_ASSIGN = 82;  // ^=
    public static final int AMP2_ASSIGN = 83;   // &&=
    public static final int BAR2_ASSIGN = 84;   // ||=
    public static final int QUESTION2_ASSIGN = 85; // ??=

    // Reserved words (never identifiers): FIRST_RESERVED .. LAST_RESERVED
    public static final int K_BREAK = 100;
    public static final int K_CASE = 101;
    public static final int K_CATCH = 102;
    public static final int K_CLASS = 103;
    public static final int K_CONST = 104;
    public static final int K_CONTINUE = 105;
    public static final int K_DEBUGGER = 106;
    public static final int K_DEFAULT = 107;
    public static final int K_DELETE = 108;
    public static final int K_DO = 109;
    public static final int K_ELSE = 110;
    public static final int K_ENUM = 111;
    public static final int K_EXPORT = 112;
    public static final int K_EXTENDS = 113;
    public static final int K_FALSE = 114;
    public static final int K_FINALLY = 115;
    public static final int K_FOR = 116;
    public static final int K_FUNCTION = 117;
    public static final int K_IF = 118;
    public static final int K_IMPORT = 119;
    public static final int K_IN = 120;
    public static final int K_INSTANCEOF = 121;
    public static final int K_NEW = 122;
    public static final int K_NULL = 123;
    public static final int K_RETURN = 124;
    public static final int K_SUPER = 125;
    public static final int K_SWITCH = 126;
    public static final int K_THIS = 127;
    public static final int K_THROW = 128;
    public static final int K_TRUE = 129;
    public static final int K_TRY = 130;
    public static final int K_TYPEOF = 131;
    public static final int K_VAR = 132;
    public static final int K_VOID = 133;
    public static final int K_WHILE = 134;
    public static final int K_WITH = 135;
    public static final int FIRST_RESERVED = K_BREAK;
    public static final int LAST_RESERVED = K_WITH;

    // Contextual keywords: identifiers that some positions treat as keywords. FIRST_CONTEXTUAL .. LAST_CONTEXTUAL.
    // The first group is reserved in strict mode code.
    public static final int K_IMPLEMENTS = 150;
    public static final int K_INTERFACE = 151;
    public static final int K_LET = 152;
    public static final int K_PACKAGE = 153;
    public static final int K_PRIVATE = 154;
    public static final int K_PROTECTED = 155;
    public static final int K_PUBLIC = 156;
    public static final int K_STATIC = 157;
    public static final int K_YIELD = 158;
    public static final int LAST_STRICT_RESERVED = K_YIELD;
    public static final int K_AWAIT = 159;
    public static final int K_ASYNC = 160;
    public static final int K_OF = 161;
    public static final int K_GET = 162;
    public static final int K_SET = 163;
    public static final int K_FROM = 164;
    public static final int K_AS = 165;
    public static final int K_USING = 166;
    public static final int K_ACCESSOR = 167;
    public static final int K_TARGET = 168;
    public static final int K_META = 169;
    public static final int K_SOURCE = 170;
    public static final int K_DEFER = 171;
    // TypeScript contextual keywords (the TypeScript issue extends this range)
    public static final int K_TYPE = 180;
    public static final int K_NAMESPACE = 181;
    public static final int K_MODULE = 182;
    public static final int K_DECLARE = 183;
    public static final int K_ABSTRACT = 184;
    public static final int K_READONLY = 185;
    public static final int K_KEYOF = 186;
    public static final int K_INFER = 187;
    public static final int K_IS = 188;
    public static final int K_ASSERTS = 189;
    public static final int K_UNIQUE = 190;
    public static final int K_SATISFIES = 191;
    public static final int K_OVERRIDE = 192;
    public static final int K_GLOBAL = 193;
    public static final int K_REQUIRE = 194;
    public static final int K_CONSTRUCTOR = 195;
    public static final int K_ANY = 196;
    public static final int K_UNKNOWN = 197;
    public static final int K_NEVER = 198;
    public static final int K_OUT = 199;
    public static final int FIRST_CONTEXTUAL = K_IMPLEMENTS;
    public static final int LAST_CONTEXTUAL = K_OUT;

    public static final int COUNT = 200;

    public static boolean isReserved(int t) { return t >= FIRST_RESERVED && t <= LAST_RESERVED; }
    public static boolean isContextual(int t) { return t >= FIRST_CONTEXTUAL && t <= LAST_CONTEXTUAL; }
    /** An identifier or a contextual keyword: may name a binding in some context. */
    public static boolean isIdentifierLike(int t) { return t == IDENTIFIER || isContextual(t); }
    /** Any IdentifierName: identifiers and all keywords (property names, member names). */
    public static boolean isIdentifierName(int t) { return t == IDENTIFIER || (t >= FIRST_RESERVED && t <= LAST_CONTEXTUAL); }
    public static boolean isStrictReserved(int t) { return t >= K_IMPLEMENTS && t <= LAST_STRICT_RESERVED; }
    public static boolean isAssignment(int t) { return t >= ASSIGN && t <= QUESTION2_ASSIGN; }

    private static final String[] TEXT = new String[COUNT];
    static {
        String[][] p = {
            {"EOF", "end of file"}, {"IDENTIFIER", "identifier"}, {"PRIVATE_NAME", "private name"},
            {"NUMBER", "number"}, {"BIGINT", "bigint"}, {"STRING", "string"}, {"REGEX", "regular expression"},
            {"NO_SUBST_TEMPLATE", "template"}, {"TEMPLATE_HEAD", "template"}, {"TEMPLATE_MIDDLE", "template"},
            {"TEMPLATE_TAIL", "template"}, {"ERROR", "invalid token"}, {"JSX_TEXT", "JSX text"},
        };
        for (int i = 0; i < p.length; i++) TEXT[i] = p[i][1];
        String punct = "20 { 21 } 22 ( 23 ) 24 [ 25 ] 26 . 27 ... 28 ; 29 , 30 < 31 > 32 <= 33 >= 34 == 35 != "
            + "36 === 37 !== 38 + 39 - 40 * 41 / 42 % 43 ** 44 ++ 45 -- 46 << 47 >> 48 >>> 49 & 50 | 51 ^ 52 ! "
            + "53 ~ 54 && 55 || 56 ? 57 ?? 58 ?. 59 : 60 => 61 @ 62 # 70 = 71 += 72 -= 73 *= 74 /= 75 %= 76 **= "
            + "77 <<= 78 >>= 79 >>>= 80 &= 81 |= 82 ^= 83 &&= 84 ||= 85 ??=";
        String[] parts = punct.split(" ");
        for (int i = 0; i + 1 < parts.length; i += 2) TEXT[Integer.parseInt(parts[i])] = parts[i + 1];
        String[] reserved = {"break", "case", "catch", "class", "const", "continue", "debugger", "default",
            "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
            "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true",
            "try", "typeof", "var", "void", "while", "with"};
        for (int i = 0; i < reserved.length; i++) TEXT[FIRST_RESERVED + i] = reserved[i];
        String[] ctx = {"implements", "interface", "let", "package", "private", "protected", "public", "static",
            "yield", "await", "async", "of", "get", "set", "from", "as", "using", "accessor", "target", "meta",
            "source", "defer"};
        for (int i = 0; i < ctx.length; i++) TEXT[K_IMPLEMENTS + i] = ctx[i];
        String[] ts = {"type", "namespace", "module", "declare", "abstract", "readonly", "keyof", "infer", "is",
            "asserts", "unique", "satisfies", "override", "global", "require", "constructor", "any", "unknown",
            "never", "out"};
        for (int i = 0; i < ts.length; i++) TEXT[K_TYPE + i] = ts[i];
    }

    /** The source text of a punctuator or keyword, or a description of a token class. */
    public static String text(int t) {
        String s = t >= 0 && t < COUNT ? TEXT[t] : null;
        return s == null ? "token " + t : s;
    }

    /** Keyword token for an identifier spelled {@code s[start, end)}; {@link #IDENTIFIER} if none. */
    public static int keywordOf(char[] s, int start, int end) {
        return Keywords.lookup(s, start, end);
    }
}
