package dev.arenals.parser.lexer;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.ParseLog;

/**
 * The JavaScript / TypeScript scanner. The current token lives in public primitive fields, there is
 * no token object; {@link #next()} scans one token, skipping whitespace and comments (recorded in the
 * {@link ParseLog}). Context-dependent tokens are produced on the parser's request by the
 * {@code reScan*} methods: a regular expression where the parser sees {@code /} or {@code /=}, a
 * template continuation where it sees the {@code }} closing a substitution, and the compound
 * operators starting with {@code >} ({@code >} is always scanned alone, so that TypeScript type
 * arguments can close with {@code >>}).
 *
 * <p>The lexer never throws on any input: every malformed construct gets a diagnostic with the span
 * of the offending text and scanning goes on, always making progress. Diagnostics of "expected"
 * kind (a missing digit) are empty spans at the position where the thing was expected; unterminated
 * literals and comments span from their opening delimiter to where scanning stopped.
 */
public final class Lexer {
    public static final int STATE_SIZE = 8;

    /** Identifier or keyword contained a {@code \\u} escape. */
    public static final int F_ESCAPED = 1;
    /** Number like {@code 07} (legacy octal). */
    public static final int F_LEGACY_OCTAL = 2;
    /** Number like {@code 08} / {@code 09.5} (NonOctalDecimalIntegerLiteral). */
    public static final int F_LEADING_ZERO_DECIMAL = 4;
    /** String contains a legacy octal escape or {@code \8} / {@code \9}. */
    public static final int F_OCTAL_ESCAPE = 8;
    /** Template contains an escape that is invalid in a cooked template (not reported by the lexer). */
    public static final int F_INVALID_ESCAPE = 16;
    /** String, template, regular expression not closed. */
    public static final int F_UNTERMINATED = 32;
    /** String or template contains any backslash escape (including line continuations). */
    public static final int F_HAS_ESCAPE = 64;

    private static final int STATE_NEWLINE = 1 << 30;

    private static final byte[] ASCII = UnicodeId.ASCII;
    /** ASCII characters that may start trivia: white space, line terminators, and the first characters of comments. */
    private static final boolean[] TRIVIA = new boolean[128];
    /** Tokens of one ASCII character that no other character can extend, by character; 0 for the others. */
    private static final int[] SINGLE = new int[128];
    static {
        for (char c : new char[] {' ', '\t', '\u000B', '\f', '\n', '\r', '/', '<', '-', '#'}) TRIVIA[c] = true;
        String chars = "{}()[];,:~@>";
        int[] tokens = {Token.LBRACE, Token.RBRACE, Token.LPAREN, Token.RPAREN, Token.LBRACKET, Token.RBRACKET,
            Token.SEMICOLON, Token.COMMA, Token.COLON, Token.TILDE, Token.AT, Token.GT};
        for (int i = 0; i < tokens.length; i++) SINGLE[chars.charAt(i)] = tokens[i];
    }
    /**
     * ASCII identifier parts, indexed by any char (the rest false): the identifier loop's one test
     * per char, where {@code c < 128 && (ASCII[c] & A_PART) != 0} was two.
     */
    private static final boolean[] ASCII_NAME_PART = new boolean[Character.MAX_VALUE + 1];
    static {
        for (char c = 0; c < 128; c++) ASCII_NAME_PART[c] = (ASCII[c] & UnicodeId.A_PART) != 0;
    }
    private static final int A_START = UnicodeId.A_START;
    private static final int A_PART = UnicodeId.A_PART;
    private static final int A_DIGIT = UnicodeId.A_DIGIT;
    private static final int A_HEX = UnicodeId.A_HEX;

    private static final char[] EMPTY = new char[0];

    // ---- input ----
    private char[] src = EMPTY;
    /** NameTable's raw hash and tail key of src[hashStart, hashEnd), the last ASCII identifier scanned by next(). */
    private int hash;
    private long tailKey;
    private int hashStart = -1;
    private int hashEnd = -1;
    private int end;
    private NameTable names;
    private ParseLog log;
    private boolean module;
    /** An HTML-like comment ({@code <!--}, {@code -->}, Annex B) was skipped: the module goal would not have. */
    public boolean sawHtmlComment;
    private int pos;

    // ---- current token ----
    /** Kind of the current token, a {@link Token} constant. */
    public int token;
    /** Span [tokenStart, tokenEnd) of the current token in the source. */
    public int tokenStart, tokenEnd;
    /** {@code F_*} bits of the current token. */
    public int flags;
    /** A line terminator (LF, CR, LS, PS) occurs between the previous token and this one, including inside comments. */
    public boolean newlineBefore;
    /** After {@link #reScanRegex()}: index of the closing '/' (or where the body stopped when unterminated). */
    public int regexBodyEnd;

    // ---- scratch, no per-token allocation ----
    private char[] scratch = new char[64];
    /** Set by {@link #readUnicodeEscape}: end of the escape, and its error when it returned -1. */
    private int escEnd;
    private Diag escError;
    /** Set by {@link #scanDigits}: number of digits (separators excluded). */
    private int fragDigits;
    /** Set by {@link #skipBlockComment}: the comment contained a line terminator. */
    private boolean commentNewline;

    public Lexer() {
        names = new NameTable();
        log = new ParseLog();
    }

    /** Starts lexing src[0,length). module: module goal (no HTML-like comments). Does NOT scan the first token. */
    public void reset(char[] src, int length, NameTable names, ParseLog log, boolean module) {
        this.src = src == null ? EMPTY : src;
        this.end = Math.max(0, Math.min(length, this.src.length));
        this.names = names != null ? names : new NameTable();
        this.log = log != null ? log : new ParseLog();
        this.module = module;
        this.sawHtmlComment = false;
        this.pos = 0;
        this.token = Token.EOF;
        this.tokenStart = 0;
        this.tokenEnd = 0;
        this.flags = 0;
        this.newlineBefore = false;
        this.regexBodyEnd = 0;
        this.hashStart = -1;
        this.hashEnd = -1;
    }

    /** Continues scanning at {@code offset} (a position between tokens), as if everything before it was read. */
    public void seek(int offset) {
        pos = Math.max(0, Math.min(offset, end));
        tokenStart = pos;
        tokenEnd = pos;
    }

    /** Forgets the input and the tables of the last parse (they belong to a document that may be closed). */
    public void release() {
        src = EMPTY;
        end = 0;
        pos = 0;
        names = null; // reset() sets them again before any scan
        log = null;
    }

    public char[] source() { return src; }

    public int length() { return end; }

    private int finish(int t, int p) {
        token = t;
        tokenEnd = p;
        pos = p;
        return t;
    }

    // =====================================================================================
    // next()
    // =====================================================================================

    /** Scans the next token, sets the token fields and returns its kind. */
    public int next() {
        final char[] s = src;
        final int n = end;
        int p = pos;
        final boolean atStart = p == 0;
        boolean nl = false;
        flags = 0;
        trivia:
        while (p < n) {
            char c = s[p];
            if (c == ' ') {
                p++;
                continue;
            }
            // C1, the compiler of a short `check` process, turns a switch into a chain of compares
            // in key order: the characters that cannot start trivia leave before it
            if (c < 128 ? !TRIVIA[c] : c < 0xA0) break;
            switch (c) {
                case '\t': case '\u000B': case '\f':
                    p++;
                    continue;
                case '\n': case '\r':
                    nl = true;
                    p++;
                    continue;
                case '/':
                    if (p + 1 < n) {
                        char c1 = s[p + 1];
                        if (c1 == '/') {
                            p = skipLineComment(p, p + 2);
                            continue;
                        }
                        if (c1 == '*') {
                            p = skipBlockComment(p);
                            if (commentNewline) nl = true;
                            continue;
                        }
                    }
                    break trivia;
                case '<':
                    if (!module && p + 3 < n && s[p + 1] == '!' && s[p + 2] == '-' && s[p + 3] == '-') {
                        sawHtmlComment = true;
                        p = skipLineComment(p, p + 4);
                        continue;
                    }
                    break trivia;
                case '-':
                    if (!module && (nl || atStart) && p + 2 < n && s[p + 1] == '-' && s[p + 2] == '>') {
                        sawHtmlComment = true;
                        p = skipLineComment(p, p + 3);
                        continue;
                    }
                    break trivia;
                case '#':
                    if (p == 0 && n > 1 && s[1] == '!') {
                        p = skipLineComment(0, 2);
                        continue;
                    }
                    break trivia;
                default:
                    if (c >= 0xA0) {
                        if (c == '\u2028' || c == '\u2029') {
                            nl = true;
                            p++;
                            continue;
                        }
                        if (isWhitespaceNonAscii(c)) {
                            p++;
                            continue;
                        }
                    }
                    break trivia;
            }
        }
        newlineBefore = nl;
        tokenStart = p;
        if (p >= n) return finish(Token.EOF, n);
        char c = s[p];
        // the common first characters before the switch (see the trivia loop): identifiers and
        // keywords, then one-character tokens by table
        if (c < 128) {
            byte a = ASCII[c];
            if ((a & A_START) != 0) {
                int q = p + 1;
                char ch;
                // NameTable's hash and tail key of the name, computed in the same pass (see internIdentifier)
                int h = c;
                long k = c;
                while (q < n && ASCII_NAME_PART[ch = s[q]]) {
                    h = (h << 8) + h + ch; // 257 * h + ch: NameTable.rawHash
                    k = k << 7 | ch; // NameTable.tailKey
                    q++;
                }
                if (q < n && ((ch = s[q]) == '\\' || ch >= 128)) return scanIdentifierRest(p, q, false);
                hashStart = p;
                hashEnd = q;
                hash = h;
                int len = q - p;
                tailKey = NameTable.tailKey(k, len);
                // every keyword is lower case, 2 to 11 letters
                return finish(c >= 'a' && len >= 2 && len <= 11 ? Keywords.lookupHashed(s, p, q, h) : Token.IDENTIFIER, q);
            }
            int single = SINGLE[c];
            if (single != 0) return finish(single, p + 1);
            if ((a & A_DIGIT) != 0) return scanNumber(p);
        }
        switch (c) {
            case '"': case '\'':
                return scanString(p, c);
            case '`':
                return scanTemplate(p, true);
            case '.':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 >= '0' && c1 <= '9') return scanNumber(p);
                    if (c1 == '.' && p + 2 < n && s[p + 2] == '.') return finish(Token.ELLIPSIS, p + 3);
                }
                return finish(Token.DOT, p + 1);
            case '?':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 == '?') {
                        if (p + 2 < n && s[p + 2] == '=') return finish(Token.QUESTION2_ASSIGN, p + 3);
                        return finish(Token.QUESTION2, p + 2);
                    }
                    if (c1 == '.' && !(p + 2 < n && s[p + 2] >= '0' && s[p + 2] <= '9')) {
                        return finish(Token.QUESTION_DOT, p + 2);
                    }
                }
                return finish(Token.QUESTION, p + 1);
            case '<':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 == '<') {
                        if (p + 2 < n && s[p + 2] == '=') return finish(Token.SHL_ASSIGN, p + 3);
                        return finish(Token.SHL, p + 2);
                    }
                    if (c1 == '=') return finish(Token.LE, p + 2);
                }
                return finish(Token.LT, p + 1);
            case '=':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 == '=') {
                        if (p + 2 < n && s[p + 2] == '=') return finish(Token.EQ3, p + 3);
                        return finish(Token.EQ2, p + 2);
                    }
                    if (c1 == '>') return finish(Token.ARROW, p + 2);
                }
                return finish(Token.ASSIGN, p + 1);
            case '!':
                if (p + 1 < n && s[p + 1] == '=') {
                    if (p + 2 < n && s[p + 2] == '=') return finish(Token.NE2, p + 3);
                    return finish(Token.NE, p + 2);
                }
                return finish(Token.BANG, p + 1);
            case '+':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 == '+') return finish(Token.PLUS2, p + 2);
                    if (c1 == '=') return finish(Token.PLUS_ASSIGN, p + 2);
                }
                return finish(Token.PLUS, p + 1);
            case '-':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 == '-') return finish(Token.MINUS2, p + 2);
                    if (c1 == '=') return finish(Token.MINUS_ASSIGN, p + 2);
                }
                return finish(Token.MINUS, p + 1);
            case '*':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 == '*') {
                        if (p + 2 < n && s[p + 2] == '=') return finish(Token.STAR2_ASSIGN, p + 3);
                        return finish(Token.STAR2, p + 2);
                    }
                    if (c1 == '=') return finish(Token.STAR_ASSIGN, p + 2);
                }
                return finish(Token.STAR, p + 1);
            case '/':
                if (p + 1 < n && s[p + 1] == '=') return finish(Token.SLASH_ASSIGN, p + 2);
                return finish(Token.SLASH, p + 1);
            case '%':
                if (p + 1 < n && s[p + 1] == '=') return finish(Token.PERCENT_ASSIGN, p + 2);
                return finish(Token.PERCENT, p + 1);
            case '&':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 == '&') {
                        if (p + 2 < n && s[p + 2] == '=') return finish(Token.AMP2_ASSIGN, p + 3);
                        return finish(Token.AMP2, p + 2);
                    }
                    if (c1 == '=') return finish(Token.AMP_ASSIGN, p + 2);
                }
                return finish(Token.AMP, p + 1);
            case '|':
                if (p + 1 < n) {
                    char c1 = s[p + 1];
                    if (c1 == '|') {
                        if (p + 2 < n && s[p + 2] == '=') return finish(Token.BAR2_ASSIGN, p + 3);
                        return finish(Token.BAR2, p + 2);
                    }
                    if (c1 == '=') return finish(Token.BAR_ASSIGN, p + 2);
                }
                return finish(Token.BAR, p + 1);
            case '^':
                if (p + 1 < n && s[p + 1] == '=') return finish(Token.CARET_ASSIGN, p + 2);
                return finish(Token.CARET, p + 1);
            case '#':
                if (p + 1 < n && isIdentifierStartAt(s, p + 1, n)) return scanIdentifierRest(p + 1, p + 1, true);
                return finish(Token.HASH, p + 1);
            case '\\':
                if (p + 1 < n && s[p + 1] == 'u') return scanIdentifierRest(p, p, false);
                log.report(p, p + 1, Diag.INVALID_CHARACTER, 0);
                return finish(Token.ERROR, p + 1);
            default: {
                int cp = c;
                int cc = 1;
                if (Character.isHighSurrogate(c) && p + 1 < n && Character.isLowSurrogate(s[p + 1])) {
                    cp = Character.toCodePoint(c, s[p + 1]);
                    cc = 2;
                }
                if (cp >= 128 && UnicodeId.isIdStart(cp)) return scanIdentifierRest(p, p, false);
                log.report(p, p + cc, Diag.INVALID_CHARACTER, 0);
                return finish(Token.ERROR, p + cc);
            }
        }
    }

    /** WhiteSpace other than TAB VT FF SP: NBSP, ZWNBSP and the Zs characters (c >= 0xA0). */
    private static boolean isWhitespaceNonAscii(char c) {
        return c == '\u00A0' || c == '\uFEFF' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
            || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** Skips a single-line comment whose opener spans [start, p); records it; returns its end (before the line terminator). */
    private int skipLineComment(int start, int p) {
        final char[] s = src;
        final int n = end;
        while (p < n) {
            char c = s[p];
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') break;
            p++;
        }
        log.addComment(start, p);
        return p;
    }

    /** Skips the block comment starting at {@code start}; sets {@link #commentNewline}; returns its end. */
    private int skipBlockComment(int start) {
        final char[] s = src;
        final int n = end;
        boolean nl = false;
        int p = start + 2;
        // until the first line break: look for both '*' and line terminators
        while (p < n) {
            char c = s[p];
            if (c == '*') {
                if (p + 1 < n && s[p + 1] == '/') {
                    commentNewline = false;
                    log.addComment(start, p + 2);
                    return p + 2;
                }
            } else if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                nl = true;
                p++;
                break;
            }
            p++;
        }
        // after it (most of a doc comment): only the closing "*/" matters; the next '*' is looked
        // for four characters at a time (C1 does not unroll loops)
        while (p < n) {
            while (p + 3 < n && s[p] != '*' && s[p + 1] != '*' && s[p + 2] != '*' && s[p + 3] != '*') p += 4;
            while (p < n && s[p] != '*') p++;
            if (p + 1 < n && s[p + 1] == '/') {
                commentNewline = true;
                log.addComment(start, p + 2);
                return p + 2;
            }
            p++;
        }
        commentNewline = nl;
        log.report(start, n, Diag.UNTERMINATED_COMMENT, 0);
        log.addComment(start, n);
        return n;
    }

    // =====================================================================================
    // Identifiers
    // =====================================================================================

    /** True when an IdentifierStart (including a {@code \\u} escape) begins at {@code p < n}. */
    private static boolean isIdentifierStartAt(char[] s, int p, int n) {
        char c = s[p];
        if (c < 128) return (ASCII[c] & A_START) != 0 || (c == '\\' && p + 1 < n && s[p + 1] == 'u');
        int cp = c;
        if (Character.isHighSurrogate(c) && p + 1 < n && Character.isLowSurrogate(s[p + 1])) {
            cp = Character.toCodePoint(c, s[p + 1]);
        }
        return UnicodeId.isIdStart(cp);
    }

    /**
     * Scans the rest of an identifier starting at {@code idStart}, from {@code p}: ASCII parts, non-ASCII
     * ID_Continue code points and {@code \\u} escapes (validated). Sets the token.
     */
    private int scanIdentifierRest(int idStart, int p, boolean privateName) {
        final char[] s = src;
        final int n = end;
        boolean nonAscii = false;
        while (p < n) {
            char ch = s[p];
            if (ch < 128) {
                if ((ASCII[ch] & A_PART) != 0 && (p > idStart || (ASCII[ch] & A_START) != 0)) {
                    p++;
                    continue;
                }
                if (ch == '\\' && p + 1 < n && s[p + 1] == 'u') {
                    int cp = readUnicodeEscape(s, p, n);
                    flags |= F_ESCAPED;
                    if (cp < 0) {
                        log.report(p, escEnd, escError, 0);
                    } else if (p == idStart ? !UnicodeId.isIdStart(cp) : !UnicodeId.isIdPart(cp)) {
                        log.report(p, escEnd, Diag.INVALID_IDENTIFIER_ESCAPE, 0);
                    }
                    p = escEnd;
                    continue;
                }
                break;
            }
            int cp = ch;
            int cc = 1;
            if (Character.isHighSurrogate(ch) && p + 1 < n && Character.isLowSurrogate(s[p + 1])) {
                cp = Character.toCodePoint(ch, s[p + 1]);
                cc = 2;
            }
            if (p == idStart ? UnicodeId.isIdStart(cp) : UnicodeId.isIdPart(cp)) {
                nonAscii = true;
                p += cc;
            } else {
                break;
            }
        }
        if (p == idStart) { // callers start on an identifier start; stay safe and make progress anyway
            int cc = Character.isHighSurrogate(s[p]) && p + 1 < n && Character.isLowSurrogate(s[p + 1]) ? 2 : 1;
            log.report(p, p + cc, Diag.INVALID_CHARACTER, 0);
            return finish(Token.ERROR, p + cc);
        }
        int t;
        if (privateName) {
            t = Token.PRIVATE_NAME;
        } else if ((flags & F_ESCAPED) != 0) {
            int len = decodeIdentifier(idStart, p);
            t = Keywords.lookup(scratch, 0, len);
        } else if (nonAscii) {
            t = Token.IDENTIFIER;
        } else {
            t = Keywords.lookup(s, idStart, p);
        }
        return finish(t, p);
    }

    /**
     * Reads the escape {@code \\u...} at {@code p} (s[p] is '\\', s[p+1] is 'u'): returns the code point, or
     * -1 when malformed with {@link #escError} set. {@link #escEnd} is always set past what was consumed
     * (at least p + 2); only hex digits and braces are consumed.
     */
    private int readUnicodeEscape(char[] s, int p, int n) {
        int q = p + 2;
        if (q < n && s[q] == '{') {
            q++;
            int v = 0;
            int digits = 0;
            boolean big = false;
            while (q < n) {
                int h = hexValue(s[q]);
                if (h < 0) break;
                v = (v << 4) | h;
                if (v > 0x10FFFF) {
                    v = 0x110000;
                    big = true;
                }
                digits++;
                q++;
            }
            if (q < n && s[q] == '}') {
                escEnd = q + 1;
                if (digits == 0) {
                    escError = Diag.INVALID_ESCAPE;
                    return -1;
                }
                if (big) {
                    escError = Diag.UNICODE_ESCAPE_OUT_OF_RANGE;
                    return -1;
                }
                return v;
            }
            escEnd = q;
            escError = digits == 0 ? Diag.INVALID_ESCAPE : big ? Diag.UNICODE_ESCAPE_OUT_OF_RANGE : Diag.UNTERMINATED_UNICODE_ESCAPE;
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++, q++) {
            int h = q < n ? hexValue(s[q]) : -1;
            if (h < 0) {
                escEnd = q;
                escError = Diag.INVALID_ESCAPE;
                return -1;
            }
            v = (v << 4) | h;
        }
        escEnd = q;
        return v;
    }

    private static int hexValue(char c) {
        if (c < 128 && (ASCII[c] & A_HEX) != 0) return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        return -1;
    }

    /** Decodes the identifier text [start, stop) with its escapes into {@link #scratch}; returns the length. */
    private int decodeIdentifier(int start, int stop) {
        final char[] s = src;
        if (scratch.length < stop - start) scratch = new char[Math.max(stop - start, scratch.length * 2)];
        char[] out = scratch;
        int k = 0;
        int p = start;
        while (p < stop) {
            char ch = s[p];
            if (ch == '\\' && p + 1 < stop && s[p + 1] == 'u') {
                int cp = readUnicodeEscape(s, p, stop);
                int e = escEnd;
                if (cp >= 0) {
                    if (cp >= 0x10000) {
                        out[k++] = Character.highSurrogate(cp);
                        out[k++] = Character.lowSurrogate(cp);
                    } else {
                        out[k++] = (char) cp;
                    }
                } else {
                    for (int i = p; i < e; i++) out[k++] = s[i]; // malformed: keep the raw text
                }
                p = e;
                continue;
            }
            out[k++] = ch;
            p++;
        }
        return k;
    }

    /**
     * Name id (NameTable) of the current IDENTIFIER / keyword / PRIVATE_NAME token, escapes decoded; for
     * PRIVATE_NAME without the '#'. For any other token, the id of its source text.
     */
    public int internIdentifier() {
        int start = tokenStart;
        if (token == Token.PRIVATE_NAME && start < tokenEnd) start++;
        if ((flags & F_ESCAPED) == 0) {
            // the scan of a plain ASCII name computed its hash: the name is not read twice
            if (start == hashStart && tokenEnd == hashEnd) return names.intern(src, start, tokenEnd, hash, tailKey);
            return names.intern(src, start, tokenEnd);
        }
        int len = decodeIdentifier(start, tokenEnd);
        return names.intern(scratch, 0, len);
    }

    // =====================================================================================
    // Numbers
    // =====================================================================================

    private int scanNumber(int start) {
        final char[] s = src;
        final int n = end;
        int p = start;
        int t = Token.NUMBER;
        boolean bigintOk = true;
        boolean digitsOk = true;
        boolean legacyOctal = false;
        char c = s[p];
        int radix = 0;
        if (c == '0' && p + 1 < n) {
            char c1 = (char) (s[p + 1] | 0x20);
            radix = c1 == 'x' ? 16 : c1 == 'o' ? 8 : c1 == 'b' ? 2 : 0;
            if (radix == 0 && ((c1 = s[p + 1]) >= '0' && c1 <= '9' || c1 == '_')) {
                int q = scanDigits(p + 1, 10, false);
                if (fragDigits > 0) {
                    boolean nonOctal = false;
                    for (int i = p + 1; i < q; i++) {
                        if (s[i] == '8' || s[i] == '9') {
                            nonOctal = true;
                            break;
                        }
                    }
                    flags |= nonOctal ? F_LEADING_ZERO_DECIMAL : F_LEGACY_OCTAL;
                    legacyOctal = !nonOctal;
                    bigintOk = false;
                }
                p = q;
            } else if (radix == 0) {
                p++;
            }
        }
        if (radix != 0) {
            p = scanDigits(p + 2, radix, true);
            if (fragDigits == 0) {
                Diag d = radix == 16 ? Diag.HEX_DIGIT_EXPECTED : radix == 8 ? Diag.OCTAL_DIGIT_EXPECTED : Diag.BINARY_DIGIT_EXPECTED;
                log.report(p, p, d, 0);
                digitsOk = false;
            }
        } else if (!legacyOctal) {
            if (p == start && c != '.') p = scanDigits(p, 10, true);
            if (p < n && s[p] == '.') {
                bigintOk = false;
                p = scanDigits(p + 1, 10, true);
            }
            if (p < n && (s[p] | 0x20) == 'e') {
                bigintOk = false;
                int q = p + 1;
                if (q < n && (s[q] == '+' || s[q] == '-')) q++;
                p = scanDigits(q, 10, true);
                if (fragDigits == 0) {
                    log.report(p, p, Diag.DIGIT_EXPECTED, 0);
                    digitsOk = false;
                }
            }
        }
        if (digitsOk && p < n && s[p] == 'n') {
            if (bigintOk) {
                t = Token.BIGINT;
            } else {
                log.report(start, p + 1, Diag.INVALID_BIGINT, 0);
            }
            p++;
        }
        if (p < n) {
            char ch = s[p];
            boolean follows;
            if (ch < 128) follows = (ASCII[ch] & (A_START | A_DIGIT)) != 0 || (ch == '\\' && p + 1 < n && s[p + 1] == 'u');
            else follows = isIdentifierStartAt(s, p, n);
            if (follows) {
                int e = skipIdentifierRun(p);
                log.report(p, e, Diag.IDENTIFIER_AFTER_NUMBER, 0);
                if (ch >= '0' && ch <= '9') p = e; // stray digits belong to the (bad) number
            }
        }
        return finish(t, p);
    }

    /**
     * Scans digits of {@code radix} with numeric separators from {@code p}; sets {@link #fragDigits}.
     * Separators are reported when not allowed here (sepAllowed false), leading, doubled or trailing.
     */
    private int scanDigits(int p, int radix, boolean sepAllowed) {
        final char[] s = src;
        final int n = end;
        int digits = 0;
        boolean canSep = false;
        boolean prevSep = false;
        while (p < n) {
            char ch = s[p];
            if (ch == '_') {
                if (sepAllowed && canSep) {
                    prevSep = true;
                } else {
                    log.report(p, p + 1, prevSep ? Diag.MULTIPLE_NUMERIC_SEPARATORS : Diag.NUMERIC_SEPARATOR_NOT_ALLOWED, 0);
                    prevSep = true;
                }
                canSep = false;
                p++;
                continue;
            }
            int v;
            if (ch >= '0' && ch <= '9') v = ch - '0';
            else if (radix == 16 && ch < 128 && (ASCII[ch] & A_HEX) != 0) v = 10;
            else break;
            if (v >= radix) break;
            digits++;
            canSep = true;
            prevSep = false;
            p++;
        }
        if (prevSep) log.report(p - 1, p, Diag.NUMERIC_SEPARATOR_NOT_ALLOWED, 0);
        fragDigits = digits;
        return p;
    }

    /** End of the run of identifier parts (and digits, and escape starts) from p; always > p when called on one. */
    private int skipIdentifierRun(int p) {
        final char[] s = src;
        final int n = end;
        int start = p;
        while (p < n) {
            char ch = s[p];
            if (ch < 128) {
                if ((ASCII[ch] & A_PART) != 0) {
                    p++;
                } else if (ch == '\\' && p + 1 < n && s[p + 1] == 'u') {
                    p += 2;
                } else {
                    break;
                }
                continue;
            }
            int cp = ch;
            int cc = 1;
            if (Character.isHighSurrogate(ch) && p + 1 < n && Character.isLowSurrogate(s[p + 1])) {
                cp = Character.toCodePoint(ch, s[p + 1]);
                cc = 2;
            }
            if (!UnicodeId.isIdPart(cp)) break;
            p += cc;
        }
        return p > start ? p : start + 1;
    }

    // =====================================================================================
    // Strings and templates
    // =====================================================================================

    private int scanString(int start, char quote) {
        final char[] s = src;
        final int n = end;
        int p = start + 1;
        while (p < n) {
            char ch = s[p];
            if (ch == quote) return finish(Token.STRING, p + 1);
            if (ch == '\\') {
                p = scanEscape(p, false);
                continue;
            }
            if (ch == '\n' || ch == '\r') break;
            p++;
        }
        flags |= F_UNTERMINATED;
        log.report(start, p, Diag.UNTERMINATED_STRING, 0);
        return finish(Token.STRING, p);
    }

    /** Scans a template from the opening '`' (head) or the '}' closing a substitution (!head). */
    private int scanTemplate(int start, boolean head) {
        final char[] s = src;
        final int n = end;
        int p = start + 1;
        while (p < n) {
            char ch = s[p];
            if (ch == '`') return finish(head ? Token.NO_SUBST_TEMPLATE : Token.TEMPLATE_TAIL, p + 1);
            if (ch == '$' && p + 1 < n && s[p + 1] == '{') {
                return finish(head ? Token.TEMPLATE_HEAD : Token.TEMPLATE_MIDDLE, p + 2);
            }
            if (ch == '\\') {
                p = scanEscape(p, true);
                continue;
            }
            p++;
        }
        flags |= F_UNTERMINATED;
        log.report(start, n, Diag.UNTERMINATED_TEMPLATE, 0);
        return finish(head ? Token.NO_SUBST_TEMPLATE : Token.TEMPLATE_TAIL, n);
    }

    /**
     * Scans the escape sequence whose backslash is at {@code p}; returns the position after it. Never
     * consumes a quote, a backtick or a '$' that the escape does not own. In strings, malformed \x / \\u
     * escapes are reported; in templates they only set {@link #F_INVALID_ESCAPE}.
     */
    private int scanEscape(int p, boolean template) {
        final char[] s = src;
        final int n = end;
        int q = p + 1;
        flags |= F_HAS_ESCAPE;
        if (q >= n) return q;
        char c = s[q];
        switch (c) {
            case '\r':
                q++;
                if (q < n && s[q] == '\n') q++;
                return q;
            case '0':
                if (q + 1 < n && s[q + 1] >= '0' && s[q + 1] <= '9') {
                    if (template) {
                        flags |= F_INVALID_ESCAPE;
                        return q + 1;
                    }
                    flags |= F_OCTAL_ESCAPE;
                    return octalEscapeEnd(q);
                }
                return q + 1;
            case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                if (template) {
                    flags |= F_INVALID_ESCAPE;
                    return q + 1;
                }
                flags |= F_OCTAL_ESCAPE;
                return octalEscapeEnd(q);
            case '8': case '9':
                flags |= template ? F_INVALID_ESCAPE : F_OCTAL_ESCAPE;
                return q + 1;
            case 'x': {
                int e = q + 1;
                if (e < n && hexValue(s[e]) >= 0) {
                    e++;
                    if (e < n && hexValue(s[e]) >= 0) return e + 1;
                }
                if (template) flags |= F_INVALID_ESCAPE;
                else log.report(p, e, Diag.INVALID_ESCAPE, 0);
                return e;
            }
            case 'u': {
                int cp = readUnicodeEscape(s, p, n);
                if (cp < 0) {
                    if (template) flags |= F_INVALID_ESCAPE;
                    else log.report(p, escEnd, escError, 0);
                }
                return escEnd;
            }
            default:
                return q + 1;
        }
    }

    /** End of a legacy octal escape whose first digit is at q: ZeroToThree OctalDigit{0,2} or FourToSeven OctalDigit?. */
    private int octalEscapeEnd(int q) {
        final char[] s = src;
        final int n = end;
        int max = s[q] <= '3' ? 3 : 2;
        int e = q + 1;
        while (e < n && e - q < max && s[e] >= '0' && s[e] <= '7') e++;
        return e;
    }

    /** Current token is STRING spelled exactly 'use strict' or "use strict" (no escapes). */
    public boolean tokenIsUseStrict() {
        if (token != Token.STRING || (flags & (F_HAS_ESCAPE | F_UNTERMINATED)) != 0 || tokenEnd - tokenStart != 12) return false;
        final char[] s = src;
        int p = tokenStart + 1;
        return s[p] == 'u' && s[p + 1] == 's' && s[p + 2] == 'e' && s[p + 3] == ' ' && s[p + 4] == 's'
            && s[p + 5] == 't' && s[p + 6] == 'r' && s[p + 7] == 'i' && s[p + 8] == 'c' && s[p + 9] == 't';
    }

    // =====================================================================================
    // Re-scans
    // =====================================================================================

    /**
     * Current token is SLASH or SLASH_ASSIGN starting a regular expression: rescans from tokenStart as a
     * regular expression literal (body and flags) and returns {@link Token#REGEX}. The body is not
     * validated; the flags are. For any other current token, returns it unchanged.
     */
    public int reScanRegex() {
        if (token != Token.SLASH && token != Token.SLASH_ASSIGN) return token;
        final char[] s = src;
        final int n = end;
        final int start = tokenStart;
        flags = 0;
        int p = start + 1;
        boolean inClass = false;
        for (;;) {
            if (p >= n) break;
            char c = s[p];
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') break;
            if (c == '\\') {
                p++;
                if (p < n && !isLineTerminator(s[p])) p++;
                continue;
            }
            if (c == '/' && !inClass) {
                regexBodyEnd = p;
                return scanRegexFlags(p + 1);
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            p++;
        }
        regexBodyEnd = p;
        flags |= F_UNTERMINATED;
        log.report(start, p, Diag.UNTERMINATED_REGEX, 0);
        return finish(Token.REGEX, p);
    }

    private int scanRegexFlags(int p) {
        final char[] s = src;
        final int n = end;
        int seen = 0;
        int uPos = -1;
        int vPos = -1;
        while (p < n) {
            char ch = s[p];
            int cc = 1;
            int bit;
            if (ch < 128) {
                if ((ASCII[ch] & A_PART) == 0) break;
                switch (ch) {
                    case 'd': bit = 1; break;
                    case 'g': bit = 2; break;
                    case 'i': bit = 4; break;
                    case 'm': bit = 8; break;
                    case 's': bit = 16; break;
                    case 'u': bit = 32; break;
                    case 'v': bit = 64; break;
                    case 'y': bit = 128; break;
                    default: bit = 0;
                }
            } else {
                int cp = ch;
                if (Character.isHighSurrogate(ch) && p + 1 < n && Character.isLowSurrogate(s[p + 1])) {
                    cp = Character.toCodePoint(ch, s[p + 1]);
                    cc = 2;
                }
                if (!UnicodeId.isIdPart(cp)) break;
                bit = 0;
            }
            if (bit == 0) {
                log.report(p, p + cc, Diag.UNKNOWN_REGEX_FLAG, 0);
            } else if ((seen & bit) != 0) {
                log.report(p, p + cc, Diag.DUPLICATE_REGEX_FLAG, 0);
            } else {
                seen |= bit;
                if (bit == 32) uPos = p;
                else if (bit == 64) vPos = p;
            }
            p += cc;
        }
        if (uPos >= 0 && vPos >= 0) {
            int at = Math.max(uPos, vPos);
            log.report(at, at + 1, Diag.REGEX_FLAGS_UV, 0);
        }
        return finish(Token.REGEX, p);
    }

    /**
     * Current token is RBRACE ending a ${ } substitution: rescans from tokenStart as a template
     * continuation, giving TEMPLATE_MIDDLE (ends with ${) or TEMPLATE_TAIL (ends with ` or unterminated).
     * For any other current token, returns it unchanged.
     */
    public int reScanTemplateContinuation() {
        if (token != Token.RBRACE || tokenStart >= end || src[tokenStart] != '}') return token;
        flags = 0;
        return scanTemplate(tokenStart, false);
    }

    /**
     * Current token GT: when immediately followed by '>' / '=' characters, extends it to GE, SAR, SHR,
     * SAR_ASSIGN or SHR_ASSIGN and returns that; otherwise (or for any other token) returns the token.
     */
    public int reScanGreater() {
        if (token != Token.GT) return token;
        final char[] s = src;
        final int n = end;
        int p = tokenStart + 1;
        if (p < n) {
            char c = s[p];
            if (c == '=') return finish(Token.GE, p + 1);
            if (c == '>') {
                p++;
                if (p < n) {
                    c = s[p];
                    if (c == '=') return finish(Token.SAR_ASSIGN, p + 1);
                    if (c == '>') {
                        p++;
                        if (p < n && s[p] == '=') return finish(Token.SHR_ASSIGN, p + 1);
                        return finish(Token.SHR, p);
                    }
                }
                return finish(Token.SAR, p);
            }
        }
        return token;
    }

    /** Jumps to the end of the input in O(1): the current token becomes EOF. */
    public int skipToEnd() {
        tokenStart = end;
        flags = 0;
        newlineBefore = false;
        return finish(Token.EOF, end);
    }

    /** Rescans from offset {@code p} (inside the current token): used to split `<<` in `A<<T>() => T>`. */
    public int rescanAt(int p) {
        pos = p;
        boolean nl = newlineBefore;
        int k = next();
        newlineBefore = false;
        return k;
    }

    // =====================================================================================
    // JSX: the parser switches the lexer into these modes where JSX grammar applies
    // =====================================================================================

    /**
     * JSX names may contain '-' (data-id, aria-label): extends the current identifier or keyword
     * token through dashes and identifier parts. Returns the token (IDENTIFIER when extended).
     */
    public int reScanJsxIdentifier() {
        if (!Token.isIdentifierName(token)) return token;
        final char[] s = src;
        int p = tokenEnd;
        boolean extended = false;
        while (p < end) {
            char c = s[p];
            if (c == '-') { p++; extended = true; continue; }
            if (!extended) break;
            int cp = Character.isHighSurrogate(c) && p + 1 < end ? Character.toCodePoint(c, s[p + 1]) : c;
            if (!UnicodeId.isIdPart(cp)) break;
            p += Character.charCount(cp);
        }
        if (extended) {
            token = Token.IDENTIFIER;
            flags = 0;
            return finish(Token.IDENTIFIER, p);
        }
        return token;
    }

    /**
     * A JSX attribute string: escapes are not interpreted and line breaks are allowed, so the
     * current STRING token is rescanned from its quote, dropping diagnostics the JavaScript string
     * scan reported (those logged since {@code diagnosticsBefore}).
     */
    public int reScanJsxString(int diagnosticsBefore) {
        if (token != Token.STRING) return token;
        final char[] s = src;
        char quote = s[tokenStart];
        int p = tokenStart + 1;
        while (p < end && s[p] != quote) p++;
        log.truncateDiagnostics(diagnosticsBefore);
        flags = 0;
        if (p >= end) {
            log.report(tokenStart, end, Diag.UNTERMINATED_STRING, 0);
            flags = F_UNTERMINATED;
            return finish(Token.STRING, end);
        }
        return finish(Token.STRING, p + 1);
    }

    /**
     * JSX children: from the end of the previous token, scans text up to the next '{' or '<' as one
     * JSX_TEXT token, or returns LBRACE / LT / EOF when one of those comes first.
     */
    public int scanJsxChild() {
        final char[] s = src;
        int p = pos;
        tokenStart = p;
        flags = 0;
        newlineBefore = false;
        if (p >= end) return finish(Token.EOF, p);
        char c = s[p];
        if (c == '{') return finish(Token.LBRACE, p + 1);
        if (c == '<') return finish(Token.LT, p + 1);
        while (p < end) {
            c = s[p];
            if (c == '{' || c == '<') break;
            if (c == '\n' || c == '\r') newlineBefore = true;
            p++;
        }
        return finish(Token.JSX_TEXT, p);
    }

    // =====================================================================================
    // Speculation
    // =====================================================================================

    /** Copies the lexer position, current token fields, comment and diagnostic counts into state[0..STATE_SIZE). */
    public void save(int[] state) {
        state[0] = pos;
        state[1] = token;
        state[2] = tokenStart;
        state[3] = tokenEnd;
        state[4] = flags | (newlineBefore ? STATE_NEWLINE : 0);
        state[5] = regexBodyEnd;
        state[6] = log.commentCount();
        state[7] = log.diagnosticCount();
    }

    /** Rewinds to a saved state, dropping comments and diagnostics added since. */
    public void restore(int[] state) {
        pos = state[0];
        token = state[1];
        tokenStart = state[2];
        tokenEnd = state[3];
        flags = state[4] & ~STATE_NEWLINE;
        newlineBefore = (state[4] & STATE_NEWLINE) != 0;
        regexBodyEnd = state[5];
        log.truncateComments(state[6]);
        log.truncateDiagnostics(state[7]);
    }
}
