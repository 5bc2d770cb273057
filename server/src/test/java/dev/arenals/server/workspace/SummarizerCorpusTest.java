package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.PositionEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The summary over the real-world corpus and mangled copies of it (random cuts and repeats, as
 * typing makes): it never throws, every member and signature it keeps is reachable from an export,
 * and it finds what real packages are made of — namespace and class members, CommonJS exports and
 * requires — in enough files to show it reads them (printed; floors that only go up).
 */
class SummarizerCorpusTest {
    @Test
    void summariesOfRealAndMangledFiles() throws IOException {
        List<Path> files = dev.arenals.server.features.CorpusFilesAccess.corpusFiles();
        Assumptions.assumeTrue(files.size() >= 6000, "the real-world corpus is not labelled in the cache");
        Random random = new Random(18);
        JsParser parser = new JsParser();
        Arena arena = new Arena();
        int summarized = 0, withMembers = 0, withCommonJsExports = 0, memberSignatures = 0;
        for (int i = 0; i < 1500; i++) {
            Path file = files.get(random.nextInt(files.size()));
            if (Files.size(file) > 200_000) continue;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (int variant = 0; variant < 2; variant++) {
                String t = variant == 0 ? text : mangle(text, random);
                char[] chars = t.toCharArray();
                parser.parse(arena, chars, chars.length, ParseOptions.forFileName(file.getFileName().toString()));
                FileSummary s = Summarizer.summarize(file, null, arena, chars, LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP), PositionEncoding.UTF16);
                summarized++;
                if (variant != 0) continue;
                java.util.Set<String> exportedLocals = new java.util.HashSet<>();
                for (FileSummary.Export e : s.exports()) if (e.fromSpecifier() == null && e.localName() != null) exportedLocals.add(e.localName());
                // an exported union's constituents declared here are summarized too: no other file can name them
                for (String local : java.util.List.copyOf(exportedLocals)) exportedLocals.addAll(s.constituentsOf(local + ".prototype"));
                for (FileSummary.Member m : s.members()) {
                    String root = m.container().contains(".") ? m.container().substring(0, m.container().indexOf('.')) : m.container();
                    assertTrue(exportedLocals.contains(root), file + ": member " + m + " of a container no export names");
                }
                for (FileSummary.Signature sig : s.signatures()) {
                    if (!sig.name().contains(".")) continue;
                    memberSignatures++;
                    String container = sig.name().substring(0, sig.name().lastIndexOf('.'));
                    String name = sig.name().substring(sig.name().lastIndexOf('.') + 1);
                    assertTrue(!s.members(container, name).isEmpty(), file + ": signature " + sig.name() + " of no member");
                }
                if (!s.members().isEmpty()) withMembers++;
                if (s.exports().stream().anyMatch(FileSummary.Export::commonJs)) withCommonJsExports++;
            }
        }
        System.out.printf("summaries: %d made (half mangled); real files with members %d, with CommonJS exports %d; member signatures %d%n",
                summarized, withMembers, withCommonJsExports, memberSignatures);
        assertTrue(summarized >= 2000, "summaries made: " + summarized);
        assertTrue(withMembers >= 150, "files with members: " + withMembers);
        assertTrue(withCommonJsExports >= 120, "files with CommonJS exports: " + withCommonJsExports);
        assertTrue(memberSignatures >= 180, "member signatures: " + memberSignatures);
    }

    private static String mangle(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 0; k < 4 && sb.length() > 2; k++) {
            int at = random.nextInt(sb.length() - 1);
            int len = 1 + random.nextInt(Math.min(40, sb.length() - at - 1));
            if (random.nextBoolean()) sb.delete(at, at + len);
            else sb.insert(at, sb.substring(at, at + len));
        }
        return sb.toString();
    }
}
