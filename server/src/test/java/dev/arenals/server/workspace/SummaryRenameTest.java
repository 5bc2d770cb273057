package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.document.ParseTools;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.document.SerialQueue;
import dev.arenals.server.features.CrossFileRename;
import dev.arenals.server.query.RenamePlan;
import dev.arenals.server.workspace.CrossFileNavigator.RenameKind;
import dev.arenals.server.workspace.CrossFileNavigator.RenameSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rename's edits in a closed file from its summary ({@link SummaryRename}) are exactly those of
 * the parse ({@link CrossFileRename#edits}), shorthand properties included, or unknown (null) —
 * never different: compared on every import of generated files, the test fixtures and real files.
 */
class SummaryRenameTest {
    @TempDir Path dir;

    private static FileSummary indexed(String fileName, String text) {
        Arena arena = new Arena();
        char[] chars = text.toCharArray();
        new JsParser().parse(arena, chars, chars.length, ParseOptions.forFileName(fileName));
        return Summarizer.summarizeWithUses(Path.of("/w", fileName), null, arena, chars, LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP),
                PositionEncoding.UTF16);
    }

    /** "line:start-end=text", sorted. */
    private static List<String> described(List<TextEdit> edits) {
        List<String> out = new ArrayList<>();
        for (TextEdit e : edits) {
            out.add(e.getRange().getStart().getLine() + ":" + e.getRange().getStart().getCharacter() + "-" + e.getRange().getEnd().getCharacter() + "=" + e.getNewText());
        }
        out.sort(null);
        return out;
    }

    /** What the parse gives for the sites, or the refusal's message. */
    private static Object parsed(String fileName, String text, List<RenameSite> sites, String newName) {
        Document doc = new Document(Path.of("/w", fileName).toUri().toString(), null, 1, text, PositionEncoding.UTF16,
                new SerialQueue(Runnable::run, null, e -> { throw new AssertionError(e); }));
        try {
            doc.ensureParsed(ParseTools.current(), Long.MAX_VALUE);
            return described(new CrossFileRename().edits(doc, sites, newName));
        } catch (RenamePlan.Refused refused) {
            return refused.getMessage();
        } finally {
            doc.close();
        }
    }

    private static Object fromSummary(FileSummary s, List<RenameSite> sites, String newName) {
        try {
            List<TextEdit> edits = SummaryRename.edits(s, sites, newName);
            return edits == null ? null : described(edits);
        } catch (RenamePlan.Refused refused) {
            return refused.getMessage();
        }
    }

    /** The sites a workspace rename gives an importer for each of its imports (as CrossFileNavigator.renameSites does). */
    private static List<List<RenameSite>> sitesOf(FileSummary s) {
        List<List<RenameSite>> out = new ArrayList<>();
        for (FileSummary.Import i : s.imports()) {
            if (i.importedName().equals("*") || i.importedName().equals("default")) continue;
            RenameKind kind = i.localName().equals(i.importedName()) ? RenameKind.BINDING : RenameKind.IMPORTED_NAME;
            out.add(List.of(new RenameSite(s.path(), kind, i.localName(), null)));
        }
        return out;
    }

    private int[] compared = new int[3]; // site lists compared, answered from the summary, edits

    /** Every import of {@code text}: the summary's edits, where it gives them, equal the parse's. */
    private void compareAll(String fileName, String text, String newName) {
        // a file that holds the new name is always parsed (SummaryRename.stillAsSummarized)
        if (text.contains(newName)) return;
        FileSummary s = indexed(fileName, text);
        for (List<RenameSite> sites : sitesOf(s)) {
            Object summary = fromSummary(s, sites, newName);
            compared[0]++;
            if (summary == null) continue;
            assertEquals(parsed(fileName, text, sites, newName), summary, fileName + ": " + sites + "\n" + text);
            compared[1]++;
            if (summary instanceof List) compared[2] += ((List<?>) summary).size();
        }
    }

    @Test
    void shorthandPropertiesBecomeKeyValuePairsAsTheParseWrites() {
        String text = "import { a, b as c } from './m';\nconst o = { a, k: a };\nconst { p = a } = o;\n({ a } = o);\nf({ a }, c, { c });\n";
        FileSummary s = indexed("x.ts", text);
        FileSummary.Import a = s.importOf("a");
        assertTrue(a.usesKnown());
        assertEquals("[0, 3, 4]", java.util.Arrays.toString(a.shorthandUses()));
        List<RenameSite> sites = List.of(new RenameSite(s.path(), RenameKind.BINDING, "a", null));
        assertEquals(List.of("0:9-10=z", "1:12-13=a: z", "1:18-19=z", "2:12-13=z", "3:3-4=a: z", "4:4-5=a: z"), fromSummary(s, sites, "z"));
        assertEquals(parsed("x.ts", text, sites, "z"), fromSummary(s, sites, "z"));
        List<RenameSite> imported = List.of(new RenameSite(s.path(), RenameKind.IMPORTED_NAME, "c", null));
        assertEquals(List.of("0:12-13=z"), fromSummary(s, imported, "z"));
        assertEquals(parsed("x.ts", text, imported, "z"), fromSummary(s, imported, "z"));
    }

    @Test
    void aRequiredBindingWrittenAsAShorthandIsOneToo() {
        String text = "const { a } = require('./m');\nconst { b: c } = require('./m');\nmodule.exports = { a, c };\n";
        FileSummary s = indexed("x.js", text);
        assertTrue(s.importOf("a").useIsShorthand(-1), "the binding");
        List<RenameSite> sites = List.of(new RenameSite(s.path(), RenameKind.BINDING, "a", null));
        assertEquals(List.of("0:8-9=a: z", "2:19-20=a: z"), fromSummary(s, sites, "z"));
        assertEquals(parsed("x.js", text, sites, "z"), fromSummary(s, sites, "z"));
    }

    @Test
    void whatTheSummaryCannotTellIsLeftToTheParse() {
        FileSummary shadowed = indexed("x.ts", "import { a } from './m';\nfunction f(a) { return a; }\n");
        assertNull(SummaryRename.edits(shadowed, List.of(new RenameSite(shadowed.path(), RenameKind.BINDING, "a", null)), "z"), "a parameter shadows a");
        FileSummary ns = indexed("x.ts", "import * as m from './m';\nm.a();\n");
        assertNull(SummaryRename.edits(ns, List.of(new RenameSite(ns.path(), RenameKind.MEMBER_USES, "m", "a")), "z"), "ns.member");
        FileSummary declared = indexed("x.ts", "export function a() {}\na();\n");
        assertNull(SummaryRename.edits(declared, List.of(new RenameSite(declared.path(), RenameKind.BINDING, "a", null)), "z"), "the declaring file");
        FileSummary ok = indexed("x.ts", "import { a } from './m';\na();\n");
        RenamePlan.Refused refused = assertThrows(RenamePlan.Refused.class,
                () -> SummaryRename.edits(ok, List.of(new RenameSite(ok.path(), RenameKind.BINDING, "a", null)), "class"));
        assertEquals(parsed("x.ts", "import { a } from './m';\na();\n", List.of(new RenameSite(ok.path(), RenameKind.BINDING, "a", null)), "class"),
                refused.getMessage());
    }

    @Test
    void aFileIsEditedFromItsSummaryOnlyWhileItIsUnchangedAndFreeOfTheNewName() throws IOException {
        Path file = dir.resolve("u.ts");
        Files.writeString(file, "import { hub } from './hub';\nhub();\n");
        FileSummary s = new FileIndexer(true).summarize(file, 1 << 20, PositionEncoding.UTF16);
        assertNotNull(s);
        assertTrue(s.contentHash() != 0);
        assertTrue(SummaryRename.stillAsSummarized(s, "center", 1 << 20));
        assertFalse(SummaryRename.stillAsSummarized(s, "hu", 1 << 20), "the new name is in the file (inside hub): a conflict is the parse's to find");
        Files.writeString(file, "import { hub } from './hub';\nhub();\nhub();\n");
        assertFalse(SummaryRename.stillAsSummarized(s, "center", 1 << 20), "changed on disk since");
        Files.writeString(file, "import { hub } from './hub';\nhub();\n");
        assertTrue(SummaryRename.stillAsSummarized(s, "center", 1 << 20), "the same bytes again");
        Files.delete(file);
        assertFalse(SummaryRename.stillAsSummarized(s, "center", 1 << 20), "gone");
    }

    /** Generated importers: plain, aliased, shorthand, in patterns, exported again, CommonJS, with type uses. */
    @Test
    void summaryEditsEqualTheParsesOnGeneratedFiles() {
        Random random = new Random(18);
        String[] names = {"hub", "alpha", "Beta", "gamma_1", "$d"};
        for (int f = 0; f < 400; f++) {
            StringBuilder sb = new StringBuilder();
            boolean js = f % 5 == 4;
            List<String> locals = new ArrayList<>();
            for (String name : names) {
                if (random.nextInt(3) == 0) continue;
                String local = random.nextInt(4) == 0 ? name + "Local" : name;
                if (js && random.nextBoolean()) {
                    sb.append(local.equals(name) ? "const { " + name + " } = require('./m" + random.nextInt(3) + "');\n"
                            : "const " + local + " = require('./m').x;\n");
                } else {
                    sb.append("import { ").append(local.equals(name) ? name : name + " as " + local).append(" } from './m").append(random.nextInt(3)).append("';\n");
                }
                locals.add(local);
            }
            for (int line = 0; line < 12 && !locals.isEmpty(); line++) {
                String a = locals.get(random.nextInt(locals.size())), b = locals.get(random.nextInt(locals.size()));
                switch (random.nextInt(9)) {
                    case 0: sb.append("const o").append(line).append(" = { ").append(a).append(", ").append(b).append(" };\n"); break;
                    case 1: sb.append("export const v").append(line).append(" = ").append(a).append("(").append(b).append(") + ").append(a).append(".x;\n"); break;
                    case 2: sb.append("({ ").append(a).append(" } = { ").append(a).append(": 1 });\n"); break;
                    case 3: sb.append("export { ").append(a).append(" };\n"); break;
                    case 4: if (!js) sb.append("let t").append(line).append(": typeof ").append(a).append(" = ").append(b).append(";\n"); break;
                    case 5: sb.append("function f").append(line).append("(").append(random.nextBoolean() ? a : "p").append(") { return { ").append(b).append(" }; }\n"); break;
                    case 6: sb.append("/** {@link ").append(a).append("} */\nexport const d").append(line).append(" = 1;\n"); break;
                    case 7: sb.append("const { k = ").append(a).append(" } = { ").append(b).append(" };\n"); break;
                    default: sb.append(a).append("`${").append(b).append("}`;\n");
                }
            }
            compareAll(js ? "g" + f + ".js" : "g" + f + ".ts", sb.toString(), random.nextBoolean() ? "renamedZ" : "hub2");
        }
        System.out.printf("generated: %d import renames compared, %d answered from the summary (%d edits)%n", compared[0], compared[1], compared[2]);
        assertTrue(compared[1] >= 600 && compared[1] < compared[0], compared[0] + " compared, " + compared[1] + " from summaries");
    }

    /** The test fixtures' files (workspace projects of the protocol tests), renamed at each import. */
    @Test
    void summaryEditsEqualTheParsesOnTheFixtures() throws Exception {
        Path fixtures = Path.of(getClass().getResource("/workspace").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fixtures)) {
            files = walk.filter(p -> p.toString().matches(".*\\.(ts|tsx|js|jsx|mts|cts)$")).sorted().collect(java.util.stream.Collectors.toList());
        }
        for (Path p : files) compareAll(p.getFileName().toString(), Files.readString(p), "renamedZ");
        System.out.printf("fixtures: %d files, %d import renames compared, %d answered from the summary%n", files.size(), compared[0], compared[1]);
        assertTrue(compared[1] >= 10, compared[1] + " from summaries");
    }

    /** Real files, and the same with a shorthand property of each import added (real code has few). */
    @Test
    void summaryEditsEqualTheParsesOnTheCorpus() throws IOException {
        List<Path> files = dev.arenals.server.features.CorpusFilesAccess.corpusFiles();
        org.junit.jupiter.api.Assumptions.assumeTrue(files.size() >= 6000, "the real-world corpus is not labelled in the cache");
        Random random = new Random(1819);
        for (int f = 0; f < 600; f++) {
            Path file = files.get(random.nextInt(files.size()));
            if (Files.size(file) > 200_000) continue;
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString();
            compareAll(name, text, "renamedZq");
            FileSummary s = indexed(name, text);
            StringBuilder shorthands = new StringBuilder(text).append("\n;[");
            for (FileSummary.Import i : s.imports()) if (i.usesKnown()) shorthands.append("{ ").append(i.localName()).append(" }, ");
            compareAll(name, shorthands.append("];\n").toString(), "renamedZq");
        }
        System.out.printf("corpus: %d import renames compared, %d answered from the summary (%d edits)%n", compared[0], compared[1], compared[2]);
        assertTrue(compared[1] >= 1000, compared[1] + " from summaries");
    }
}
