package dev.arenals.check;

import java.io.IOException;
import java.io.Writer;

/**
 * A minimal streaming JSON writer with two-space indentation. Strings are escaped so the output
 * is always valid JSON and valid UTF-8: control characters and unpaired surrogates become
 * {@code \}{@code uXXXX}.
 */
final class JsonWriter {
    private final Writer w;
    private int depth;
    private boolean first = true;
    private boolean afterName;

    JsonWriter(Writer w) {
        this.w = w;
    }

    JsonWriter beginObject() throws IOException { open('{'); return this; }
    JsonWriter endObject() throws IOException { close('}'); return this; }
    JsonWriter beginArray() throws IOException { open('['); return this; }
    JsonWriter endArray() throws IOException { close(']'); return this; }

    JsonWriter name(String name) throws IOException {
        separator();
        string(w, name);
        w.write(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String s) throws IOException {
        separator();
        string(w, s);
        return this;
    }

    JsonWriter value(long v) throws IOException {
        separator();
        w.write(Long.toString(v));
        return this;
    }

    JsonWriter value(boolean v) throws IOException {
        separator();
        w.write(v ? "true" : "false");
        return this;
    }

    JsonWriter field(String name, String v) throws IOException { return name(name).value(v); }
    JsonWriter field(String name, long v) throws IOException { return name(name).value(v); }
    JsonWriter field(String name, boolean v) throws IOException { return name(name).value(v); }

    void end() throws IOException {
        w.write('\n');
    }

    private void open(char c) throws IOException {
        separator();
        w.write(c);
        depth++;
        first = true;
    }

    private void close(char c) throws IOException {
        depth--;
        if (!first) newline();
        w.write(c);
        first = false;
    }

    private void separator() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) return;
        if (!first) w.write(',');
        newline();
        first = false;
    }

    private void newline() throws IOException {
        w.write('\n');
        for (int i = 0; i < depth; i++) w.write("  ");
    }

    static void string(Writer w, String s) throws IOException {
        w.write('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = null;
            if (c == '"') esc = "\\\"";
            else if (c == '\\') esc = "\\\\";
            else if (c == '\n') esc = "\\n";
            else if (c == '\r') esc = "\\r";
            else if (c == '\t') esc = "\\t";
            else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') esc = unicode(c);
            else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) { i++; continue; }
                esc = unicode(c);
            } else if (Character.isLowSurrogate(c)) esc = unicode(c);
            if (esc != null) {
                w.write(s, run, i - run);
                w.write(esc);
                run = i + 1;
            }
        }
        w.write(s, run, s.length() - run);
        w.write('"');
    }

    private static String unicode(char c) {
        return String.format("\\u%04x", (int) c);
    }
}
