package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.check.ProjectFiles;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summaries kept between sessions: a second start reuses the summary of every file whose size and
 * time are unchanged, and answers exactly as a start without the cache; anything else about the
 * cache (damaged, truncated, of another format or build, for another workspace) is ignored with a
 * log line, and a file that changed, or whose imports now resolve elsewhere, is read again.
 */
class SummaryCacheTest {
    @TempDir Path root;
    @TempDir Path cacheDirectory;
    private Path project;
    /** An hour ago: older than the racy window of a cache written now. */
    private static final FileTime HOUR_AGO = FileTime.from(System.currentTimeMillis() - 3_600_000, TimeUnit.MILLISECONDS);

    private static final Map<String, String> FILES = Map.of(
            "src/shapes.ts", "import { Circle } from './circle';\nexport interface Square { kind: \"s\"; side: number }\n"
                    + "export type Shape = Circle | Square;\nexport class Box implements Square { kind = \"s\" as const; side = 1; area(): number { return 1; } }\n",
            "src/circle.ts", "export class Circle {\n  readonly kind = \"c\";\n  constructor(public radius: number) {}\n  /** The area. */\n  area(): number { return 3; }\n}\n"
                    + "export namespace Geometry { export function distance(a: number, b: number) { return b - a; } }\n",
            "src/app.tsx", "import type { Shape } from './shapes';\nimport * as circle from './circle';\nimport { helper } from './lib';\n"
                    + "export const App = (s: Shape) => <div>{circle.Geometry.distance(1, 2)}{helper()}</div>;\n",
            "src/lib/index.ts", "export function helper() { return 'é ünïcödé ✓'; }\ndeclare module 'virtual' { export const v: number; }\n",
            "src/broken.ts", "export class { oops ( \n",
            "src/far.ts", "\n".repeat(70_000) + "export const far = 1;\n"); // a line past 65,535: the summary's columns are ints

    @BeforeEach
    void writeProject() throws Exception {
        project = root.resolve("project");
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path file = project.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            Files.setLastModifiedTime(file, HOUR_AGO);
        }
    }

    /** A log whose lines the test reads. */
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final ServerLog log = new ServerLog(new PrintStream(logged, true, StandardCharsets.UTF_8));

    private String logLines() { return logged.toString(StandardCharsets.UTF_8); }

    private record Start(WorkspaceIndex index, int reused, int indexed) { }

    /** One start of the index over the project, with the cache when {@code cache} is not null; the cache is written before it returns. */
    private Start start(SummaryCache cache) throws Exception {
        ModuleResolver.forgetAll(); // a new session is a new process: nothing of the last one's resolutions or listings
        WorkspaceIndex index = new WorkspaceIndex();
        Indexer indexer = new Indexer(index, log, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
        try {
            if (cache != null) indexer.useSummaryCache(cache);
            indexer.indexFolders(List.of(project), new Indexer.Progress() {
                @Override public void begin() { }
                @Override public void advance(int done, int found, boolean walking) { }
                @Override public void end(int indexed, int skipped, long millis) { }
            }).get(30, TimeUnit.SECONDS);
            if (cache != null) indexer.cacheWritten().get(30, TimeUnit.SECONDS);
            return new Start(index, indexer.filesReused(), indexer.filesIndexed());
        } finally {
            indexer.shutdown();
        }
    }

    private SummaryCache cache() { return SummaryCache.of(cacheDirectory, List.of(project), PositionEncoding.UTF16, log); }

    /** Everything a reader can ask of each summary, as text, by file. */
    private static Map<String, String> described(WorkspaceIndex index, Path project) {
        Map<String, String> out = new TreeMap<>();
        for (String name : FILES.keySet()) {
            FileSummary s = index.summary(project.resolve(name));
            if (s == null) {
                out.put(name, "none");
                continue;
            }
            out.put(name, s.declarations() + "\n" + s.exports() + "\n" + s.starExports() + "\n" + describeImports(s) + "\n" + s.moduleSpecifiers()
                    + "\n" + s.resolvedModules() + "\n" + s.ambientModules() + "\n" + s.signatures() + "\n" + s.members() + "\n" + s.sourceChars()
                    + " " + s.contentHash() + " " + s.constituentsOf("Shape.prototype") + " " + s.implementsOf("Box.prototype"));
        }
        return out;
    }

    private static String describeImports(FileSummary s) {
        List<String> out = new ArrayList<>();
        for (FileSummary.Import i : s.imports()) {
            out.add(i.localName() + " " + i.importedName() + " " + i.specifier() + " " + i.span() + " " + java.util.Arrays.toString(i.uses()) + " " + i.importedSpan());
        }
        return out.toString();
    }

    @Test
    void aSecondStartReusesEveryUnchangedFileAndAnswersAsAStartWithoutTheCache() throws Exception {
        Map<String, String> fresh = described(start(null).index(), project);
        Start first = start(cache());
        assertEquals(0, first.reused(), "no cache yet");
        assertTrue(logLines().contains("no summary cache yet"), logLines());
        assertTrue(Files.isRegularFile(cache().file()), "written after indexing");
        Start second = start(cache());
        assertEquals(6, second.reused(), "every file, the one with syntax errors too (its recovered tree's summary)");
        assertEquals(fresh, described(second.index(), project), "the same summaries, string for string");
        Start third = start(cache());
        assertEquals(6, third.reused(), "the second start wrote the reused summaries again");
    }

    @Test
    void aFileWhoseSizeOrTimeChangedIsReadAgain() throws Exception {
        start(cache());
        Path lib = project.resolve("src/lib/index.ts");
        Files.writeString(lib, "export function helper() { return 'same size, other text'; }\n");
        Files.setLastModifiedTime(lib, FileTime.from(HOUR_AGO.toMillis() + 1000, TimeUnit.MILLISECONDS));
        Path circle = project.resolve("src/circle.ts");
        String same = FILES.get("src/circle.ts").replace("area(): number { return 3; }", "size(): number { return 3; }");
        Files.writeString(circle, same);
        Files.setLastModifiedTime(circle, FileTime.from(HOUR_AGO.toMillis() + 2000, TimeUnit.MILLISECONDS)); // the same size, another time
        Start second = start(cache());
        assertEquals(4, second.reused(), "shapes.ts, app.tsx, broken.ts and far.ts");
        Map<String, String> fresh = described(start(null).index(), project);
        assertEquals(fresh, described(second.index(), project));
        assertEquals(1, second.index().summary(circle).members("Circle.prototype", "size").size(), "the new text's member");
    }

    @Test
    void aFileWhoseImportNowResolvesElsewhereIsReadAgain() throws Exception {
        start(cache());
        Path shadow = project.resolve("src/lib.ts"); // './lib' now names lib.ts before lib/index.ts
        Files.writeString(shadow, "export function helper() { return 0; }\n");
        Files.setLastModifiedTime(shadow, HOUR_AGO);
        Start second = start(cache());
        assertEquals(5, second.reused(), "app.tsx is read again: its './lib' resolves elsewhere (lib.ts is new)");
        assertEquals(shadow, second.index().summary(project.resolve("src/app.tsx")).resolvedModules().get("./lib"));
    }

    @Test
    void aFileModifiedJustBeforeTheCacheWasWrittenIsNotTrusted() throws Exception {
        Path lib = project.resolve("src/lib/index.ts");
        Files.setLastModifiedTime(lib, FileTime.fromMillis(System.currentTimeMillis())); // a coarse clock may not tell a later change
        start(cache());
        assertEquals(5, start(cache()).reused());
    }

    @Test
    void aDamagedCacheIsIgnoredWithALogLineAndEveryFileRead() throws Exception {
        Map<String, String> fresh = described(start(null).index(), project);
        start(cache());
        Path file = cache().file();
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        Files.write(file, flipped);
        assertIgnored("corrupt (its checksum does not match)", fresh);

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 100));
        assertIgnored("truncated (no end mark)", fresh);

        Files.write(file, java.util.Arrays.copyOf(good, 7));
        assertIgnored("truncated (7 bytes)", fresh);

        Files.writeString(file, "{\"not\": \"a cache at all, but long enough\"}");
        assertIgnored("not a summary cache", fresh);
    }

    @Test
    void aCacheOfAnotherFormatVersionBuildOrWorkspaceIsIgnored() throws Exception {
        Map<String, String> fresh = described(start(null).index(), project);
        SummaryCache other = cache();
        start(other); // fills it: what it kept is written again below under other headers
        other.write(System.currentTimeMillis() - 60_000, SummaryCache.FORMAT + 1);
        assertIgnored("written by format version " + (SummaryCache.FORMAT + 1) + ", this server reads " + SummaryCache.FORMAT, fresh);

        SummaryCache otherBuild = new SummaryCache(cache().file(), List.of(project), PositionEncoding.UTF16, "arena-ls 0.0.1 /elsewhere.jar", log);
        start(otherBuild);
        assertIgnored("written by another build of the server (arena-ls 0.0.1 /elsewhere.jar)", fresh);

        // the same file name, another encoding in its header (the name is made from both, so only a copy meets this)
        SummaryCache utf8 = SummaryCache.of(cacheDirectory, List.of(project), PositionEncoding.UTF8, log);
        start(utf8);
        Files.copy(utf8.file(), cache().file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertIgnored("written for another workspace or encoding", fresh);
    }

    private void assertIgnored(String reason, Map<String, String> fresh) throws Exception {
        logged.reset();
        Start again = start(cache());
        assertEquals(0, again.reused(), logLines());
        assertTrue(logLines().contains("is ignored: " + reason), logLines());
        assertEquals(fresh, described(again.index(), project), "every file read: the same answers");
    }
}
