package dev.arenals.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader for JSON with comments, as TypeScript reads {@code tsconfig.json}: {@code //} and
 * {@code /* *}{@code /} comments, trailing commas in objects and arrays, and a leading byte order
 * mark are accepted. Everything else is strict JSON.
 *
 * <p>Values: {@link Map} (a {@link LinkedHashMap}, keys in document order; a repeated key keeps
 * its last value, as {@code JSON.parse} does), {@link List}, {@link String}, {@link Long} (integers
 * that fit), {@link Double} (other numbers), {@link Boolean} and {@link #NULL} for {@code null}.
 */
public final class Jsonc {
    /** The JSON {@code null} (so that a map can tell "absent" from "null"). */
    public static final Object NULL = new Object() {
        @Override public String toString() { return "null"; }
    };

    /** A syntax error, with the 1-based line and column where it was found. */
    public static final class JsoncException extends Exception {
        public final int line;
        public final int column;

        JsoncException(String message, int line, int column) {
            super(message + " at line " + line + ", column " + column);
            this.line = line;
            this.column = column;
        }
    }

    private static final int MAX_DEPTH = 512;

    private final String s;
    private int pos;
    private int depth;

    private Jsonc(String text) {
        this.s = text;
    }

    /** Parses one JSONC document. */
    public static Object parse(String text) throws JsoncException {
        Jsonc p = new Jsonc(text);
        if (p.s.startsWith("\uFEFF")) p.pos = 1;
        p.skipTrivia();
        if (p.pos >= p.s.length()) throw p.error("empty document");
        Object v = p.value();
        p.skipTrivia();
        if (p.pos < p.s.length()) throw p.error("unexpected '" + p.s.charAt(p.pos) + "' after the value");
        return v;
    }

    private Object value() throws JsoncException {
        if (pos >= s.length()) throw error("unexpected end of input");
        char c = s.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object() throws JsoncException {
        enter();
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        skipTrivia();
        while (true) {
            if (pos >= s.length()) throw error("unterminated object: '}' expected");
            char c = s.charAt(pos);
            if (c == '}') { pos++; break; }
            if (c != '"') throw error("property name (a double-quoted string) expected");
            String key = string();
            skipTrivia();
            expect(':');
            skipTrivia();
            map.put(key, value());
            skipTrivia();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                skipTrivia(); // a trailing comma is allowed: the loop sees '}' next
            } else if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                break;
            } else {
                throw error("',' or '}' expected");
            }
        }
        depth--;
        return map;
    }

    private List<Object> array() throws JsoncException {
        enter();
        pos++; // [
        List<Object> list = new ArrayList<>();
        skipTrivia();
        while (true) {
            if (pos >= s.length()) throw error("unterminated array: ']' expected");
            if (s.charAt(pos) == ']') { pos++; break; }
            list.add(value());
            skipTrivia();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                skipTrivia();
            } else if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                break;
            } else {
                throw error("',' or ']' expected");
            }
        }
        depth--;
        return Collections.unmodifiableList(list);
    }

    private void enter() throws JsoncException {
        if (++depth > MAX_DEPTH) throw error("nested too deeply");
    }

    private String string() throws JsoncException {
        int start = pos;
        pos++; // "
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= s.length()) { pos = start; throw error("unterminated string"); }
            char c = s.charAt(pos);
            if (c == '"') {
                String r = sb == null ? s.substring(runStart, pos) : sb.append(s, runStart, pos).toString();
                pos++;
                return r;
            }
            if (c < 0x20) throw error("control character in string (escape it)");
            if (c == '\\') {
                if (sb == null) sb = new StringBuilder();
                sb.append(s, runStart, pos);
                pos++;
                if (pos >= s.length()) throw error("unterminated string");
                char e = s.charAt(pos++);
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u': {
                        if (pos + 4 > s.length()) throw error("incomplete \\u escape");
                        int v = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(s.charAt(pos + i), 16);
                            if (d < 0) throw error("invalid \\u escape");
                            v = v * 16 + d;
                        }
                        pos += 4;
                        sb.append((char) v);
                        break;
                    }
                    default:
                        pos--;
                        throw error("invalid escape '\\" + e + "'");
                }
                runStart = pos;
                continue;
            }
            pos++;
        }
    }

    private Object number() throws JsoncException {
        int start = pos;
        if (s.charAt(pos) == '-') pos++;
        if (pos >= s.length()) throw error("digit expected");
        if (s.charAt(pos) == '0') {
            pos++;
        } else if (isDigit()) {
            while (isDigit()) pos++;
        } else {
            throw error("digit expected");
        }
        boolean integral = true;
        if (pos < s.length() && s.charAt(pos) == '.') {
            integral = false;
            pos++;
            if (!isDigit()) throw error("digit expected after '.'");
            while (isDigit()) pos++;
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            integral = false;
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
            if (!isDigit()) throw error("digit expected in exponent");
            while (isDigit()) pos++;
        }
        String text = s.substring(start, pos);
        if (integral && pos - start <= 18) return Long.parseLong(text);
        return Double.parseDouble(text);
    }

    private boolean isDigit() {
        return pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9';
    }

    private Object literal(String word, Object value) throws JsoncException {
        if (!s.startsWith(word, pos)) throw error("unexpected '" + s.charAt(pos) + "'");
        pos += word.length();
        return value;
    }

    private void expect(char c) throws JsoncException {
        if (pos >= s.length() || s.charAt(pos) != c) throw error("'" + c + "' expected");
        pos++;
    }

    /** Skips whitespace and comments. */
    private void skipTrivia() throws JsoncException {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                pos += 2;
                while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') pos++;
            } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                int start = pos;
                int end = s.indexOf("*/", pos + 2);
                if (end < 0) { pos = start; throw error("unterminated comment"); }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private JsoncException error(String message) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < pos && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new JsoncException(message, line, col);
    }
}
