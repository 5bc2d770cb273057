package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Unreachable code and unused labels judged by TypeScript: random function bodies full of jumps
 * ({@code test-fixtures/unreachable/unreachable-fuzz.mjs}, fixed seeds) are given to the pinned
 * typescript@6.0.3, whose 7027/7028 suggestions are the truth. Every hint arena-ls gives must lie
 * inside one of TypeScript's (a grey squiggle on code that runs is a bug); where TypeScript knows
 * more (a call returning {@code never}, {@code if (false)}), its run may start earlier and be wider
 * than ours. The share of TypeScript's hints arena-ls gives exactly (code, start and end) has a
 * floor that only goes up.
 */
class UnreachableCodeOracleTest {
    private static final Path FUZZER = Path.of("..", "test-fixtures", "unreachable", "unreachable-fuzz.mjs");

    @Test
    void everyHintIsTypeScriptsAndMostOfTheirsAreFound() throws IOException, InterruptedException {
        int typescript = 0, matched = 0, covered = 0, functions = 0;
        List<String> wrong = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            int count = 400;
            Process node = new ProcessBuilder("node", FUZZER.toString(), "--seed", String.valueOf(seed), "--count", String.valueOf(count))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String json = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, node.waitFor(), "the fuzzer failed");
            JsonObject result = JsonParser.parseString(json).getAsJsonObject();
            String text = result.get("text").getAsString();
            Set<String> theirs = new HashSet<>();
            List<int[]> theirRanges = new ArrayList<>();
            for (JsonElement e : result.getAsJsonArray("typescript")) {
                JsonArray f = e.getAsJsonArray();
                theirs.add(f.get(0).getAsInt() + ":" + f.get(1).getAsInt() + "-" + f.get(2).getAsInt());
                theirRanges.add(new int[] {f.get(0).getAsInt(), f.get(1).getAsInt(), f.get(2).getAsInt()});
            }
            Document doc = Docs.parsed("file:///fuzz.ts", text);
            List<int[]> ours = new ArrayList<>();
            UnreachableCode.find(doc.arena(), ours, Integer.MAX_VALUE);
            for (int[] f : ours) {
                String key = f[0] + ":" + f[1] + "-" + f[2];
                if (theirs.contains(key)) { matched++; continue; }
                boolean inside = false;
                for (int[] r : theirRanges) inside |= r[0] == UnreachableCode.UNREACHABLE && r[1] <= f[1] && f[2] <= r[2];
                if (inside) covered++;
                else if (wrong.size() < 10) wrong.add("seed " + seed + ": " + key + " `" + text.substring(f[1], Math.min(f[2], f[1] + 60)) + "` in\n"
                        + text.substring(text.lastIndexOf("\nfunction p", f[1]) + 1, Math.min(text.length(), text.indexOf("\nfunction p", f[1]) + 1)));
            }
            typescript += theirs.size();
            functions += count;
        }
        System.out.printf("unreachable code vs TypeScript: %d functions, TypeScript reports %d, arena-ls %d of them exactly (%.1f%%), %d more inside TypeScript's wider runs, %d outside them%n",
                functions, typescript, matched, 100.0 * matched / typescript, covered, wrong.size());
        assertEquals(List.of(), wrong);
        assertTrue(matched >= 0.92 * typescript, "found " + matched + " of " + typescript);
    }
}
