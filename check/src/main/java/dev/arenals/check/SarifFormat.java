package dev.arenals.check;

import dev.arenals.parser.diag.Diag;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log with one run. Rules are the codes that occur (sorted),
 * each with its message template as description; results point at their artifact by a URI
 * relative to {@code %SRCROOT%} (the working directory) with a region (1-based lines and columns
 * in UTF-16 code units, {@code columnKind} {@code utf16CodeUnits}, end column exclusive).
 * Problems about a whole file (unreadable, binary, …) have the region 1:1 (GitHub code scanning
 * requires a start line on every result).
 */
final class SarifFormat {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    private SarifFormat() {}

    static void write(Report report, Set<Integer> warnCodes, Writer out) throws IOException {
        // the rules that occur, by code
        Map<Integer, String[]> rules = new TreeMap<>(); // code -> {name, description, level}
        for (FileReport r : report.entries) {
            for (Problem p : r.problems) {
                rules.computeIfAbsent(p.code, c -> describe(c, p, warnCodes));
            }
        }
        Map<Integer, Integer> ruleIndex = new TreeMap<>();
        int k = 0;
        for (Integer code : rules.keySet()) ruleIndex.put(code, k++);

        JsonWriter j = new JsonWriter(out);
        j.beginObject();
        j.field("$schema", SCHEMA);
        j.field("version", "2.1.0");
        j.name("runs").beginArray().beginObject();

        j.name("tool").beginObject().name("driver").beginObject();
        j.field("name", "arena-ls");
        j.field("version", report.version);
        j.field("semanticVersion", semanticVersion(report.version));
        j.name("rules").beginArray();
        for (Map.Entry<Integer, String[]> e : rules.entrySet()) {
            String[] d = e.getValue();
            j.beginObject();
            j.field("id", "TS" + e.getKey());
            j.field("name", d[0]);
            j.name("shortDescription").beginObject().field("text", d[1]).endObject();
            j.name("defaultConfiguration").beginObject().field("level", d[2]).endObject();
            j.endObject();
        }
        j.endArray();
        j.endObject().endObject();

        j.name("invocations").beginArray().beginObject()
                .field("executionSuccessful", report.executionSuccessful)
                .endObject().endArray();
        j.name("originalUriBaseIds").beginObject().name(SRCROOT).beginObject()
                .field("uri", directoryUri(report.cwd)).endObject().endObject();
        j.field("columnKind", "utf16CodeUnits");

        j.name("results").beginArray();
        for (FileReport r : report.entries) {
            for (Problem p : r.problems) {
                j.beginObject();
                j.field("ruleId", "TS" + p.code);
                j.field("ruleIndex", ruleIndex.get(p.code));
                j.field("level", p.severity == Severity.ERROR ? "error" : "warning");
                j.name("message").beginObject().field("text", p.message).endObject();
                j.name("locations").beginArray().beginObject();
                j.name("physicalLocation").beginObject();
                j.name("artifactLocation").beginObject();
                if (r.path.startsWith("/") || (r.path.length() > 2 && r.path.charAt(1) == ':')) {
                    j.field("uri", Path.of(r.path).toUri().toASCIIString());
                } else {
                    j.field("uri", relativeUri(r.path));
                    j.field("uriBaseId", SRCROOT);
                }
                j.endObject();
                // a region on every result, file problems included (at 1:1): GitHub code scanning
                // requires region.startLine
                j.name("region").beginObject().field("startLine", p.line).field("startColumn", p.column);
                if (p.failure == null) j.field("endLine", p.endLine).field("endColumn", p.endColumn);
                j.endObject();
                j.endObject();
                j.endObject().endArray();
                j.endObject();
            }
        }
        j.endArray();

        j.endObject().endArray();
        j.endObject();
        j.end();
    }

    private static String[] describe(int code, Problem p, Set<Integer> warnCodes) {
        if (p.failure != null) {
            return new String[] {p.failure.id, p.failure.description, p.failure.severity == Severity.ERROR ? "error" : "warning"};
        }
        String name = "ts" + code;
        String text = null;
        for (Diag d : Diag.values()) {
            if (d.code == code) {
                name = d.name().toLowerCase(Locale.ROOT).replace('_', '-');
                text = d.template;
                break;
            }
        }
        if (text == null) text = p.message;
        return new String[] {name, text, warnCodes.contains(code) ? "warning" : "error"};
    }

    /** "0.1.0-SNAPSHOT" is already semantic; anything else is passed through. */
    private static String semanticVersion(String v) {
        return v;
    }

    /** A relative URI reference for a '/'-separated relative path, percent-encoded. */
    static String relativeUri(String path) {
        StringBuilder sb = new StringBuilder();
        byte[] utf8 = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte b : utf8) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/'
                    || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*'
                    || c == '+' || c == ',' || c == ';' || c == '=' || c == '@';
            if (unreserved) sb.append((char) c);
            else sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return sb.toString();
    }

    static String directoryUri(Path dir) {
        String u = dir.toAbsolutePath().normalize().toUri().toASCIIString();
        return u.endsWith("/") ? u : u + "/";
    }
}
