package dev.arenals.check;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --format gitlab}: a GitLab Code Quality report, the CodeClimate issue format subset
 * GitLab reads ({@code description}, {@code check_name}, {@code fingerprint}, {@code severity},
 * {@code location.path}, {@code location.lines.begin}), plus CodeClimate's {@code type},
 * {@code categories} and {@code location.lines.end}. One JSON array, one issue per diagnostic.
 *
 * <p>GitLab compares a merge request's issues with the target branch's by fingerprint, so the
 * fingerprint leaves the line out: an edit above a problem does not make it "new". It is the MD5
 * of path, code, message and the problem's rank among the file's problems with that same code
 * and message, so equal messages in one file still get distinct fingerprints.
 */
final class GitlabFormat {
    private GitlabFormat() {}

    static void write(Report report, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.beginArray();
        MessageDigest md5 = md5();
        Map<String, Integer> seen = new HashMap<>();
        for (FileReport r : report.entries) {
            seen.clear();
            for (Problem p : r.problems) {
                String key = p.code + "\u0000" + p.message;
                int rank = seen.merge(key, 1, Integer::sum);
                json.beginObject();
                json.field("type", "issue");
                json.field("check_name", "TS" + p.code);
                json.field("description", p.message);
                json.name("categories").beginArray().value("Bug Risk").endArray();
                json.field("severity", severity(p));
                json.field("fingerprint", fingerprint(md5, r.path + "\u0000" + key + "\u0000" + rank));
                json.name("location").beginObject();
                json.field("path", r.path);
                json.name("lines").beginObject().field("begin", p.line).field("end", Math.max(p.line, p.endLine)).endObject();
                json.endObject();
                json.endObject();
            }
        }
        json.endArray();
        json.end();
    }

    /** CodeClimate's scale (info, minor, major, critical, blocker): a file that could not be read is critical. */
    static String severity(Problem p) {
        if (p.failure != null && p.failure.io) return "critical";
        return p.isError() ? "major" : "minor";
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static String fingerprint(MessageDigest md5, String s) {
        byte[] d = md5.digest(s.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            hex[2 * i] = Character.forDigit((d[i] >> 4) & 0xf, 16);
            hex[2 * i + 1] = Character.forDigit(d[i] & 0xf, 16);
        }
        return new String(hex);
    }
}
