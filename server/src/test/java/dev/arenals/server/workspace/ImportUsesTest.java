package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import dev.arenals.server.features.ReferencesHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The uses an indexed summary keeps for each import binding ({@link FileSummary.Import#uses}), which
 * answer references in closed files without a parse, are exactly what the binder's references
 * give (binding excluded) — or unknown, never different.
 */
class ImportUsesTest {
    private static FileSummary indexed(String fileName, String text) {
        Arena arena = new Arena();
        char[] chars = text.toCharArray();
        new JsParser().parse(arena, chars, chars.length, ParseOptions.forFileName(fileName));
        return Summarizer.summarizeWithUses(Path.of("/w", fileName), null, arena, chars, LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP),
                PositionEncoding.UTF16);
    }

    /** "line:start-end" of each use of the import named {@code local}, or null when unknown. */
    private static List<String> uses(FileSummary s, String local) {
        FileSummary.Import i = s.importOf(local);
        if (!i.usesKnown()) return null;
        List<String> out = new ArrayList<>();
        for (int k = 0; k < i.useCount(); k++) out.add(i.use(k).line() + ":" + i.use(k).startColumn() + "-" + i.use(k).endColumn());
        return out;
    }

    @Test
    void usesOfAnImportInValueAndTypePositionsInSourceOrder() {
        FileSummary s = indexed("a.ts", "import { a, T as U } from './m';\nlet x: U = a(a);\nexport { a };\nconst o = { a };\n");
        assertEquals(List.of("1:11-12", "1:13-14", "2:9-10", "3:12-13"), uses(s, "a"));
        assertEquals(List.of("1:7-8"), uses(s, "U"));
        assertEquals(new FileSummary.Span(0, 12, 13), s.importOf("U").importedSpan(), "the T of T as U");
        assertEquals(null, s.importOf("a").importedSpan());
    }

    @Test
    void aNameDeclaredAgainAnywhereLeavesTheUsesUnknown() {
        FileSummary s = indexed("a.ts", "import { a, b } from './m';\nfunction f(a) { return a; }\nb();\n");
        assertEquals(null, uses(s, "a"), "a parameter shadows a: only the binder can tell the uses apart");
        assertEquals(List.of("2:0-1"), uses(s, "b"));
    }

    @Test
    void jsxTagsLeaveTheUsesUnknownAndAnUnusedImportHasNone() {
        FileSummary s = indexed("a.tsx", "import { Button, unused } from './m';\nconst e = <Button />;\n");
        assertEquals(null, uses(s, "Button"));
        assertEquals(List.of(), uses(s, "unused"));
    }

    @Test
    void aFileWithMoreUsesThanTheSummaryKeepsLeavesThemUnknown() {
        FileSummary s = indexed("a.ts", "import { a } from './m';\n" + "a;\n".repeat(Summarizer.MAX_KEPT_USES + 1));
        assertEquals(null, uses(s, "a"));
        FileSummary under = indexed("a.ts", "import { a } from './m';\n" + "a;\n".repeat(Summarizer.MAX_KEPT_USES));
        assertEquals(Summarizer.MAX_KEPT_USES, uses(under, "a").size());
    }

    @Test
    void anOpenDocumentsSummaryKeepsNoUses() {
        Arena arena = new Arena();
        char[] chars = "import { a } from './m';\na();\n".toCharArray();
        new JsParser().parse(arena, chars, chars.length, ParseOptions.forFileName("a.ts"));
        FileSummary s = Summarizer.summarize(Path.of("/w/a.ts"), "file:///w/a.ts", arena, chars,
                LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP), PositionEncoding.UTF16);
        assertFalse(s.importOf("a").usesKnown());
    }

    /** Every import of 1,500 real files (and mangled copies): the kept uses equal the binder's references. */
    @Test
    void keptUsesEqualTheBindersReferencesOnTheCorpus() throws IOException {
        List<Path> files = dev.arenals.server.features.CorpusFilesAccess.corpusFiles();
        Assumptions.assumeTrue(files.size() >= 6000, "the real-world corpus is not labelled in the cache");
        Random random = new Random(1818);
        ReferencesHandler references = new ReferencesHandler();
        int imports = 0, known = 0, usesCompared = 0, importedSides = 0;
        for (int f = 0; f < 1500; f++) {
            Path file = files.get(random.nextInt(files.size()));
            if (Files.size(file) > 200_000) continue;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (int variant = 0; variant < 2; variant++) {
                String t = variant == 0 ? text : mangle(text, random);
                FileSummary s = indexed(file.getFileName().toString(), t);
                if (s.imports().isEmpty()) continue;
                Document doc = new Document(file.toUri().toString(), null, 1, t, PositionEncoding.UTF16,
                        new SerialQueue(Runnable::run, null, e -> { throw new AssertionError(e); }));
                try {
                    doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
                    for (FileSummary.Import i : s.imports()) {
                        imports++;
                        if (!i.usesKnown()) continue;
                        known++;
                        List<String> expected = new ArrayList<>();
                        for (Location l : references.references(doc, new Position(i.span().line(), i.span().startColumn()), false)) {
                            expected.add(l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter() + "-" + l.getRange().getEnd().getCharacter());
                        }
                        List<String> kept = uses(s, i.localName());
                        if (!s.importOf(i.localName()).span().equals(i.span())) continue; // a name imported twice is unknown anyway
                        assertEquals(expected, kept, file + (variant == 0 ? "" : " (mangled)") + ": uses of " + i.localName());
                        usesCompared += kept.size();
                        if (i.importedSpan() != null) {
                            Location side = new dev.arenals.server.features.CrossFileReferences().importedSide(doc, i.localName()).get(0);
                            assertEquals(new FileSummary.Span(side.getRange().getStart().getLine(), side.getRange().getStart().getCharacter(),
                                    side.getRange().getEnd().getCharacter()), i.importedSpan(), file + ": the imported side of " + i.localName());
                            importedSides++;
                        }
                    }
                } finally {
                    doc.close();
                }
            }
        }
        System.out.printf("import uses: %d imports, %d with kept uses (%d uses compared), %d imported sides of aliases%n",
                imports, known, usesCompared, importedSides);
        assertTrue(imports >= 2000 && known >= imports * 8 / 10, imports + " imports, " + known + " with kept uses");
        assertTrue(usesCompared >= 30_000 && importedSides >= 50, usesCompared + " uses compared, " + importedSides + " imported sides");
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
