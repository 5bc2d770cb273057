package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.Test;

/**
 * Go to definition and references on members, judged by TypeScript: small programs of classes,
 * interfaces, unions and the library's containers read through every way a value's type is
 * declared ({@code test-fixtures/navigation/members-fuzz.mjs}, fixed seeds), each read asked of
 * the pinned typescript@6.0.3's language service. "Exact or nothing": where arena-ls answers, the
 * answer is TypeScript's (no other declaration, none where TypeScript has none; no reference
 * TypeScript does not relate, on lines its checker accepts); how many of TypeScript's answers
 * arena-ls gives has a floor that only goes up.
 */
class MemberNavigationOracleTest {
    private static final Path FUZZER = Path.of("..", "test-fixtures", "navigation", "members-fuzz.mjs");

    @Test
    void everyAnswerIsTypeScriptsAndMostOfTheirsAreGiven() throws IOException, InterruptedException {
        int asked = 0, typescript = 0, agree = 0, outside = 0, rejected = 0, referencesAsked = 0, referencesSame = 0, referencesLacking = 0;
        List<String> wrongReferences = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> missed = new HashMap<>(), lackingShapes = new HashMap<>();
        for (int seed = 1; seed <= 3; seed++) {
            Process node = new ProcessBuilder("node", FUZZER.toString(), "--seed", String.valueOf(seed), "--count", "40")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String json = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, node.waitFor(), "the fuzzer failed");
            for (JsonElement e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("files")) {
                JsonObject file = e.getAsJsonObject();
                String text = file.get("text").getAsString();
                Document doc = Docs.parsed("file:///" + file.get("name").getAsString(), text);
                DocumentQuery q = DocumentQuery.of(doc);
                for (JsonElement qe : file.getAsJsonArray("queries")) {
                    JsonObject query = qe.getAsJsonObject();
                    int at = query.get("at").getAsInt();
                    asked++;
                    if (query.get("outside").getAsBoolean()) { // the library's declaration: not judged here
                        outside++;
                        continue;
                    }
                    if (query.get("rejected").getAsBoolean()) { // a read TypeScript's checker rejects: no valid program has it
                        rejected++;
                        continue;
                    }
                    TreeSet<String> theirs = new TreeSet<>();
                    for (JsonElement span : query.getAsJsonArray("ts")) {
                        JsonArray s = span.getAsJsonArray();
                        theirs.add(s.get(0).getAsInt() + "-" + s.get(1).getAsInt());
                    }
                    TreeSet<String> ours = new TreeSet<>();
                    for (Location l : new DefinitionHandler().definition(doc, doc.positionAt(at))) {
                        ours.add(q.offset(l.getRange().getStart()) + "-" + q.offset(l.getRange().getEnd()));
                    }
                    // references, each on a line TypeScript's checker accepts (a rejected read is no valid program's)
                    TreeSet<String> theirReferences = new TreeSet<>();
                    for (JsonElement span : query.getAsJsonArray("refs")) {
                        JsonArray r = span.getAsJsonArray();
                        if (!onRejectedLine(text, r.get(0).getAsInt(), file.getAsJsonArray("errors"))) theirReferences.add(r.get(0).getAsInt() + "-" + r.get(1).getAsInt());
                    }
                    if (!theirReferences.isEmpty()) {
                        TreeSet<String> ourReferences = new TreeSet<>();
                        for (Location l : new ReferencesHandler().references(doc, doc.positionAt(at), true)) {
                            int start = q.offset(l.getRange().getStart());
                            if (!onRejectedLine(text, start, file.getAsJsonArray("errors"))) ourReferences.add(start + "-" + q.offset(l.getRange().getEnd()));
                        }
                        referencesAsked++;
                        TreeSet<String> extra = new TreeSet<>(ourReferences), lacking = new TreeSet<>(theirReferences);
                        extra.removeAll(theirReferences);
                        lacking.removeAll(ourReferences);
                        if (ourReferences.equals(theirReferences)) referencesSame++;
                        else if (!extra.isEmpty() && wrongReferences.size() < 10) { // a location TypeScript does not relate: wrong
                            int line = text.lastIndexOf('\n', at - 1) + 1, end = text.indexOf('\n', at);
                            wrongReferences.add("seed " + seed + " " + file.get("name").getAsString() + " at " + at + ": `" + text.substring(line, end < 0 ? text.length() : end)
                                    + "` ours beside TypeScript's " + extra + ", TypeScript's we lack " + lacking);
                        }
                        referencesLacking += lacking.size();
                        for (String span : lacking) { // the shape of each reference not given: its line up to the name
                            int start = Integer.parseInt(span.substring(0, span.indexOf('-')));
                            int line = text.lastIndexOf('\n', start - 1) + 1;
                            int dot = text.lastIndexOf('.', start);
                            lackingShapes.merge(dot >= line ? text.substring(line, dot + 1) : text.substring(line, Math.min(text.length(), start + 8)) + "…", 1, Integer::sum);
                        }
                    }
                    if (!theirs.isEmpty()) typescript++;
                    if (!theirs.isEmpty() && ours.isEmpty()) {
                        int line = text.lastIndexOf('\n', at - 1) + 1;
                        missed.merge(text.substring(line, text.lastIndexOf('.', at) + 1), 1, Integer::sum); // the read's shape: its line up to the name
                    }
                    if (!theirs.isEmpty() && theirs.equals(ours)) agree++;
                    else if (!ours.isEmpty() && wrong.size() < 10) {
                        int line = text.lastIndexOf('\n', at - 1) + 1, end = text.indexOf('\n', at);
                        wrong.add("seed " + seed + " " + file.get("name").getAsString() + " at " + at + ": `" + text.substring(line, end < 0 ? text.length() : end)
                                + "` ours " + ours + " TypeScript's " + theirs);
                    }
                }
            }
        }
        System.out.printf("member definitions vs TypeScript: %d reads asked, %d rejected by its checker, %d answered in the library, TypeScript answers %d "
                + "in the file, arena-ls the same for %d (%.1f%%), another answer for %d%n", asked, rejected, outside, typescript, agree, 100.0 * agree / typescript, wrong.size());
        List<Map.Entry<String, Integer>> shapes = new ArrayList<>(missed.entrySet());
        shapes.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> shape : shapes.subList(0, Math.min(25, shapes.size()))) {
            System.out.printf("  not answered %3d: %s%n", shape.getValue(), shape.getKey());
        }
        System.out.printf("member references vs TypeScript: %d reads with references in the file, the same set for %d (%.1f%%), %d of TypeScript's "
                + "locations not given, another location for %d%n", referencesAsked, referencesSame, 100.0 * referencesSame / referencesAsked, referencesLacking,
                wrongReferences.size());
        wrongReferences.forEach(w -> System.out.println("  " + w));
        List<Map.Entry<String, Integer>> lackingByShape = new ArrayList<>(lackingShapes.entrySet());
        lackingByShape.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> shape : lackingByShape.subList(0, Math.min(12, lackingByShape.size()))) {
            System.out.printf("  reference not given %3d: %s%n", shape.getValue(), shape.getKey());
        }
        assertEquals(List.of(), wrong, "an answer that is not TypeScript's");
        assertEquals(List.of(), wrongReferences, "references that are not TypeScript's");
        assertTrue(referencesSame >= 0.96 * referencesAsked, "the same references for " + referencesSame + " of " + referencesAsked); // 1,080 of 1,123 (96.2%) on 2026-12-08
        assertTrue(agree >= 0.98 * typescript, "gave " + agree + " of " + typescript); // 864 of 896 (96.4%) on 2026-12-07; 2,181 of 2,206 (98.9%) with the nineteenth session's shapes
    }

    /** Whether {@code offset}'s line has one of TypeScript's checker errors ({@code [start, end]} pairs). */
    private static boolean onRejectedLine(String text, int offset, JsonArray errors) {
        if (offset < 0) return false;
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1, lineEnd = text.indexOf('\n', offset);
        if (lineEnd < 0) lineEnd = text.length();
        for (JsonElement e : errors) {
            JsonArray span = e.getAsJsonArray();
            if (span.get(0).getAsInt() <= lineEnd && span.get(1).getAsInt() >= lineStart) return true;
        }
        return false;
    }
}
