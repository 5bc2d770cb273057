package dev.arenals.parser.lexer;

import java.math.BigInteger;

/**
 * Values of literal tokens, for readers of the tree (may allocate; never used on the lexer's hot path).
 * Every method accepts any span, including tokens the lexer reported errors for, and never throws on
 * an in-bounds span: malformed parts are decoded on a best-effort basis.
 */
public final class Literals {
    private Literals() {}

    /** Result of cooking one escape sequence. */
    private static final class Cook {
        final StringBuilder sb = new StringBuilder();
        boolean invalid;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static boolean isOctal(char c) { return c >= '0' && c <= '7'; }

    /**
     * Cooks the escape whose backslash is at {@code p} into {@code k.sb}; returns the position after it.
     * In a template an escape that has no cooked value sets {@code k.invalid}; in a string it is kept as
     * the text after the backslash. Line continuations produce nothing.
     */
    private static int cookEscape(char[] s, int p, int n, Cook k, boolean template) {
        StringBuilder sb = k.sb;
        int q = p + 1;
        if (q >= n) return q;
        char c = s[q];
        switch (c) {
            case 'b': sb.append('\b'); return q + 1;
            case 'f': sb.append('\f'); return q + 1;
            case 'n': sb.append('\n'); return q + 1;
            case 'r': sb.append('\r'); return q + 1;
            case 't': sb.append('\t'); return q + 1;
            case 'v': sb.append('\u000B'); return q + 1;
            case '\r':
                q++;
                if (q < n && s[q] == '\n') q++;
                return q;
            case '\n': case '\u2028': case '\u2029':
                return q + 1;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                boolean digitFollows = q + 1 < n && s[q + 1] >= '0' && s[q + 1] <= '9';
                if (c == '0' && !digitFollows) {
                    sb.append('\0');
                    return q + 1;
                }
                if (template) {
                    k.invalid = true;
                    return q + 1;
                }
                int max = c <= '3' ? 3 : 2;
                int e = q;
                int v = 0;
                while (e < n && e - q < max && isOctal(s[e])) v = v * 8 + (s[e++] - '0');
                sb.append((char) v);
                return e;
            }
            case '8': case '9':
                if (template) k.invalid = true;
                else sb.append(c);
                return q + 1;
            case 'x': {
                int h1 = q + 1 < n ? hex(s[q + 1]) : -1;
                int h2 = q + 2 < n ? hex(s[q + 2]) : -1;
                if (h1 >= 0 && h2 >= 0) {
                    sb.append((char) (h1 * 16 + h2));
                    return q + 3;
                }
                int e = h1 >= 0 ? q + 2 : q + 1;
                if (template) k.invalid = true;
                else sb.append(s, q, e - q);
                return e;
            }
            case 'u': {
                int e = q + 1;
                if (e < n && s[e] == '{') {
                    e++;
                    long v = 0;
                    int digits = 0;
                    while (e < n && hex(s[e]) >= 0) {
                        v = Math.min(v * 16 + hex(s[e]), 0x110000L);
                        digits++;
                        e++;
                    }
                    if (e < n && s[e] == '}' && digits > 0 && v <= 0x10FFFF) {
                        sb.appendCodePoint((int) v);
                        return e + 1;
                    }
                    if (e < n && s[e] == '}') e++;
                } else {
                    int v = 0;
                    int i = 0;
                    for (; i < 4 && e < n && hex(s[e]) >= 0; i++, e++) v = v * 16 + hex(s[e]);
                    if (i == 4) {
                        sb.append((char) v); // a lone surrogate stays a lone surrogate
                        return e;
                    }
                }
                if (template) k.invalid = true;
                else sb.append(s, q, e - q);
                return e;
            }
            default:
                sb.append(c);
                return q + 1;
        }
    }

    /** Value of a string literal token span including its quotes. */
    public static String cookString(char[] src, int start, int end) {
        Cook k = new Cook();
        if (end - start < 1) return "";
        char quote = src[start];
        int p = start + 1;
        while (p < end) {
            char c = src[p];
            if (c == quote) break;
            if (c == '\\') {
                p = cookEscape(src, p, end, k, false);
                continue;
            }
            k.sb.append(c);
            p++;
        }
        return k.sb.toString();
    }

    /**
     * Cooked value of a template token span (NO_SUBST_TEMPLATE, TEMPLATE_HEAD, TEMPLATE_MIDDLE,
     * TEMPLATE_TAIL, including its delimiters), or null when it contains an escape that has no cooked
     * value. Line terminator sequences (CRLF, CR) are normalised to LF.
     */
    public static String cookTemplate(char[] src, int start, int end) {
        Cook k = new Cook();
        StringBuilder sb = k.sb;
        int p = start + 1;
        while (p < end) {
            char c = src[p];
            if (c == '`' || (c == '$' && p + 1 < end && src[p + 1] == '{')) break;
            if (c == '\\') {
                p = cookEscape(src, p, end, k, true);
                continue;
            }
            if (c == '\r') {
                sb.append('\n');
                p++;
                if (p < end && src[p] == '\n') p++;
                continue;
            }
            sb.append(c);
            p++;
        }
        return k.invalid ? null : sb.toString();
    }

    /** Raw value (String.raw) of a template token span including its delimiters; CRLF and CR become LF. */
    public static String rawTemplate(char[] src, int start, int end) {
        StringBuilder sb = new StringBuilder();
        int p = start + 1;
        while (p < end) {
            char c = src[p];
            if (c == '`' || (c == '$' && p + 1 < end && src[p + 1] == '{')) break;
            if (c == '\\') {
                sb.append('\\');
                p++;
                if (p >= end) break;
                c = src[p];
                if (c != '\r') {
                    sb.append(c);
                    p++;
                    continue;
                }
            }
            if (c == '\r') {
                sb.append('\n');
                p++;
                if (p < end && src[p] == '\n') p++;
                continue;
            }
            sb.append(c);
            p++;
        }
        return sb.toString();
    }

    /** Radix of a 0x / 0o / 0b prefixed literal, else 0. */
    private static int prefixRadix(char[] src, int start, int end) {
        if (end - start >= 2 && src[start] == '0') {
            char c = (char) (src[start + 1] | 0x20);
            if (c == 'x') return 16;
            if (c == 'o') return 8;
            if (c == 'b') return 2;
        }
        return 0;
    }

    /** Digits of radix {@code radix} from p, separators skipped, up to the first other char. */
    private static String digits(char[] src, int p, int end, int radix) {
        StringBuilder sb = new StringBuilder();
        for (; p < end; p++) {
            char c = src[p];
            if (c == '_') continue;
            int v = Character.digit(c, radix);
            if (v < 0 || c > 'z') break;
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean isLegacyOctal(char[] src, int start, int end) {
        if (end - start < 2 || src[start] != '0') return false;
        boolean any = false;
        for (int p = start + 1; p < end; p++) {
            char c = src[p];
            if (c == '_') continue;
            if (c == 'n') break;
            if (!isOctal(c)) return false;
            any = true;
        }
        return any;
    }

    private static double integerValue(String digits, int radix) {
        int first = 0;
        while (first < digits.length() && digits.charAt(first) == '0') first++;
        int significant = digits.length() - first;
        if (significant == 0) return 0;
        if (significant <= 12) return (double) Long.parseLong(digits, radix); // < 2^53 for radix <= 16
        // at least radix^(significant-1) >= 2^1024: beyond the largest double. BigInteger parsing is
        // quadratic, so it only ever sees the ~1,000 digits a finite double can have
        if ((significant - 1) * (Math.log(radix) / Math.log(2)) >= 1024) return Double.POSITIVE_INFINITY;
        return new BigInteger(digits.substring(first), radix).doubleValue(); // correctly rounded (round half to even)
    }

    /** Value of a NUMBER token: all forms, separators removed, legacy octal, exact rounding of large integers. */
    public static double numberValue(char[] src, int start, int end) {
        if (end <= start) return 0;
        int radix = prefixRadix(src, start, end);
        if (radix != 0) return integerValue(digits(src, start + 2, end, radix), radix);
        if (isLegacyOctal(src, start, end)) return integerValue(digits(src, start, end, 8), 8);
        StringBuilder sb = new StringBuilder(end - start);
        int p = start;
        boolean exponent = false;
        for (; p < end; p++) {
            char c = src[p];
            if (c == '_') continue;
            if (c >= '0' && c <= '9' || c == '.') {
                sb.append(c);
            } else if ((c == 'e' || c == 'E') && !exponent) {
                exponent = true;
                sb.append('e');
                if (p + 1 < end && (src[p + 1] == '+' || src[p + 1] == '-')) sb.append(src[++p]);
            } else {
                break;
            }
        }
        // drop a dangling exponent marker / sign left by a malformed literal
        int len = sb.length();
        while (len > 0 && (sb.charAt(len - 1) == 'e' || sb.charAt(len - 1) == '+' || sb.charAt(len - 1) == '-')) len--;
        sb.setLength(len);
        if (len == 0 || (len == 1 && sb.charAt(0) == '.')) return 0;
        if (sb.charAt(len - 1) == '.') sb.append('0');
        if (sb.charAt(0) == '.') sb.insert(0, '0');
        try {
            return Double.parseDouble(sb.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Decimal digits of a BIGINT token's value. */
    public static String bigintDecimal(char[] src, int start, int end) {
        if (end <= start) return "0";
        int radix = prefixRadix(src, start, end);
        String digits = radix != 0 ? digits(src, start + 2, end, radix) : digits(src, start, end, 10);
        int first = 0;
        while (first < digits.length() && digits.charAt(first) == '0') first++;
        if (first == digits.length()) return "0";
        // decimal digits are the answer already (BigInteger would parse them in quadratic time)
        if (radix == 0) return digits.substring(first);
        return binaryRadixToDecimal(digits.substring(first), radix);
    }

    /**
     * Hexadecimal, octal or binary digits (no leading zeros) in decimal. The magnitude is assembled
     * bit by bit into bytes, which is linear (BigInteger's String constructor is quadratic); the
     * conversion to decimal is BigInteger's recursive one, sub-quadratic.
     */
    private static String binaryRadixToDecimal(String digits, int radix) {
        int bitsPerDigit = radix == 16 ? 4 : radix == 8 ? 3 : 1;
        long bits = (long) digits.length() * bitsPerDigit;
        byte[] magnitude = new byte[(int) ((bits + 7) / 8) + 1]; // big-endian, a leading zero byte keeps it positive
        long bit = 0; // from the least significant end
        for (int i = digits.length() - 1; i >= 0; i--) {
            int v = Character.digit(digits.charAt(i), radix);
            for (int b = 0; b < bitsPerDigit; b++, bit++) {
                if ((v >>> b & 1) != 0) magnitude[magnitude.length - 1 - (int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
            }
        }
        return new BigInteger(magnitude).toString();
    }
}
