package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arenals.server.testing.InProcessServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go to definition on members declared in another file, judged by TypeScript: the member fuzzer's
 * programs split in two modules ({@code members-fuzz.mjs --split}: the classes, interfaces and
 * functions exported from {@code decls.ts}, every read in {@code use.ts} importing them; decls.ts
 * never opened, so its members come from the workspace index). Each read is asked of the pinned
 * typescript@6.0.3's language service and of the server over the protocol. "Exact or nothing", as
 * in {@code MemberNavigationOracleTest}; the share of TypeScript's answers given has a floor.
 */
class MemberNavigationAcrossFilesOracleTest {
    private static final Path FUZZER = Path.of("..", "test-fixtures", "navigation", "members-fuzz.mjs");

    @TempDir Path root;

    @Test
    void everyAnswerIsTypeScriptsAndMostOfTheirsAreGiven() throws Exception {
        int asked = 0, typescript = 0, agree = 0, outside = 0, rejected = 0;
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> missed = new HashMap<>();
        for (int seed = 1; seed <= 2; seed++) {
            Process node = new ProcessBuilder("node", FUZZER.toString(), "--seed", String.valueOf(seed), "--count", "30", "--split")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String json = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, node.waitFor(), "the fuzzer failed");
            Path workspace = Files.createDirectories(root.resolve("seed" + seed));
            JsonArray programs = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("programs");
            Map<String, String> texts = new HashMap<>();
            for (JsonElement p : programs) {
                for (JsonElement f : p.getAsJsonObject().getAsJsonArray("files")) {
                    JsonObject file = f.getAsJsonObject();
                    Path path = workspace.resolve(file.get("name").getAsString());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.get("text").getAsString());
                    texts.put(file.get("name").getAsString(), file.get("text").getAsString());
                }
            }
            java.util.Set<String> opened = new java.util.HashSet<>();
            try (InProcessServer server = InProcessServer.inWorkspace(workspace)) {
                for (JsonElement p : programs) {
                    for (JsonElement qe : p.getAsJsonObject().getAsJsonArray("queries")) {
                        JsonObject query = qe.getAsJsonObject();
                        String name = query.get("file").getAsString();
                        String text = texts.get(name);
                        String uri = workspace.resolve(name).toUri().toString();
                        if (opened.add(uri)) server.open(uri, "typescript", 1, text);
                        int at = query.get("at").getAsInt();
                        asked++;
                        if (query.get("outside").getAsBoolean()) { // the library's declaration: not judged here
                            outside++;
                            continue;
                        }
                        if (query.get("rejected").getAsBoolean()) { // a read TypeScript's checker rejects
                            rejected++;
                            continue;
                        }
                        TreeSet<String> theirs = new TreeSet<>();
                        for (JsonElement span : query.getAsJsonArray("ts")) {
                            JsonArray s = span.getAsJsonArray();
                            theirs.add(s.get(0).getAsString() + ":" + s.get(1).getAsInt() + "-" + s.get(2).getAsInt());
                        }
                        TreeSet<String> ours = new TreeSet<>();
                        var answer = get(server.remote.getTextDocumentService().definition(
                                new DefinitionParams(new TextDocumentIdentifier(uri), position(text, at))));
                        for (Location l : answer.getLeft()) {
                            String file = workspace.toUri().relativize(java.net.URI.create(l.getUri())).getPath();
                            String target = texts.get(file);
                            ours.add(file + ":" + (target == null ? -1 : offset(target, l.getRange().getStart())) + "-"
                                    + (target == null ? -1 : offset(target, l.getRange().getEnd())));
                        }
                        if (!theirs.isEmpty()) typescript++;
                        int line = text.lastIndexOf('\n', at - 1) + 1;
                        if (!theirs.isEmpty() && ours.isEmpty()) missed.merge(text.substring(line, text.lastIndexOf('.', at) + 1), 1, Integer::sum);
                        if (!theirs.isEmpty() && theirs.equals(ours)) agree++;
                        else if (!ours.isEmpty() && wrong.size() < 10) {
                            int end = text.indexOf('\n', at);
                            wrong.add("seed " + seed + " " + name + " at " + at + ": `" + text.substring(line, end < 0 ? text.length() : end)
                                    + "` ours " + ours + " TypeScript's " + theirs);
                        }
                    }
                }
            }
        }
        System.out.printf("member definitions across files vs TypeScript: %d reads asked, %d rejected by its checker, %d answered in the library, "
                + "TypeScript answers %d, arena-ls the same for %d (%.1f%%), another answer for %d%n", asked, rejected, outside, typescript, agree,
                100.0 * agree / typescript, wrong.size());
        List<Map.Entry<String, Integer>> shapes = new ArrayList<>(missed.entrySet());
        shapes.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> shape : shapes.subList(0, Math.min(25, shapes.size()))) {
            System.out.printf("  not answered %3d: %s%n", shape.getValue(), shape.getKey());
        }
        assertEquals(List.of(), wrong, "an answer that is not TypeScript's");
        assertTrue(agree >= 0.96 * typescript, "gave " + agree + " of " + typescript); // 1,058 of 1,097 (96.4%) on 2026-12-08: every read left is instanceof on an imported alias
    }

    private static Position position(String text, int offset) {
        int line = 0, column = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') { line++; column = 0; } else column++;
        }
        return new Position(line, column);
    }

    private static int offset(String text, Position p) {
        int at = 0;
        for (int line = 0; line < p.getLine(); line++) at = text.indexOf('\n', at) + 1;
        return at + p.getCharacter();
    }
}
