package dev.arenals.check;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format json}: one document, schema version 1 (documented in docs/check.md). Stable: no
 * timings, entries sorted by path, fields always present and in this order.
 */
final class JsonFormat {
    static final int SCHEMA_VERSION = 1;

    private JsonFormat() {}

    static void write(Report report, Writer out) throws IOException {
        JsonWriter j = new JsonWriter(out);
        j.beginObject();
        j.field("schemaVersion", SCHEMA_VERSION);
        j.name("tool").beginObject().field("name", "arena-ls").field("version", report.version).endObject();
        j.name("summary").beginObject()
                .field("files", report.files)
                .field("checked", report.checked)
                .field("notChecked", report.files - report.checked)
                .field("errors", report.errors)
                .field("warnings", report.warnings)
                .field("bytes", report.bytes)
                .endObject();
        j.name("files").beginArray();
        for (FileReport r : report.entries) {
            j.beginObject();
            j.field("path", r.path);
            j.field("kind", r.kind.word);
            j.field("checked", r.checked);
            j.field("bytes", r.bytes);
            j.field("errors", r.errors);
            j.field("warnings", r.warnings);
            j.name("diagnostics").beginArray();
            for (Problem p : r.problems) {
                j.beginObject();
                j.field("severity", p.severity.word);
                j.field("code", p.code);
                if (p.failure != null) j.field("failure", p.failure.id);
                j.field("message", p.message);
                j.field("line", p.line);
                j.field("column", p.column);
                j.field("endLine", p.endLine);
                j.field("endColumn", p.endColumn);
                j.field("offset", p.offset);
                j.field("endOffset", p.endOffset);
                j.endObject();
            }
            j.endArray();
            j.endObject();
        }
        j.endArray();
        j.endObject();
        j.end();
    }
}
