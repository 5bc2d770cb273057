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
 * Go to definition on members, judged by TypeScript: small programs of classes, interfaces,
 * unions and the library's containers read through every way a value's type is declared
 * ({@code test-fixtures/navigation/members-fuzz.mjs}, fixed seeds), each read asked of the pinned
 * typescript@6.0.3's language service. "Exact or nothing": where arena-ls answers, the answer is
 * TypeScript's (no other declaration, none where TypeScript has none); how many of TypeScript's
 * answers arena-ls gives has a floor that only goes up.
 */
class MemberNavigationOracleTest {
    private static final Path FUZZER = Path.of("..", "test-fixtures", "navigation", "members-fuzz.mjs");

    @Test
    void everyAnswerIsTypeScriptsAndMostOfTheirsAreGiven() throws IOException, InterruptedException {
        int asked = 0, typescript = 0, agree = 0, outside = 0, rejected = 0;
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> missed = new HashMap<>();
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
                    if (!theirs.isEmpty()) typescript++;
                    if (!theirs.isEmpty() && ours.isEmpty()) {
                        int line = text.lastIndexOf('\n', at) + 1;
                        missed.merge(text.substring(line, text.lastIndexOf('.', at) + 1), 1, Integer::sum); // the read's shape: its line up to the name
                    }
                    if (!theirs.isEmpty() && theirs.equals(ours)) agree++;
                    else if (!ours.isEmpty() && wrong.size() < 10) {
                        int line = text.lastIndexOf('\n', at) + 1, end = text.indexOf('\n', at);
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
        assertEquals(List.of(), wrong, "an answer that is not TypeScript's");
        assertTrue(agree >= 0.98 * typescript, "gave " + agree + " of " + typescript); // 864 of 896 (96.4%) on 2026-12-07; 2,023 of 2,054 (98.5%) with the nineteenth session's shapes
    }
}
