package dev.arenals.server.bench;

import dev.arenals.check.ProjectFiles;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.ServerLog;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.Indexer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every summary of the source files below the directories, as its readers give it (declarations,
 * exports, imports with their uses, specifiers, resolutions, ambient modules, signatures, members),
 * one file after another in path order, into OUT: two builds' dumps compared tell whether a change
 * to the summarizer keeps every answer.
 *
 * <pre>
 * java -Xmx3g -cp server/target/arena-ls.jar dev.arenals.server.bench.SummaryDump DIR… OUT
 * </pre>
 */
public final class SummaryDump {
    private SummaryDump() {}

    public static void main(String[] a) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < a.length - 1; i++) try (Stream<Path> w = Files.walk(Path.of(a[i]))) {
            w.filter(Files::isRegularFile).filter(p -> ProjectFiles.isSourceName(p.getFileName().toString())).sorted().forEach(files::add);
        }
        ServerLog quiet = new ServerLog(new PrintStream(OutputStream.nullOutputStream()));
        WorkspaceIndex index = new WorkspaceIndex();
        Indexer indexer = new Indexer(index, quiet, 1, () -> ProjectFiles.DEFAULT_MAX_FILE_SIZE, PositionEncoding.UTF16);
        Thread t = new Indexer.IndexThread(() -> { for (Path f : files) indexer.indexFile(f); }, "dump");
        t.start();
        t.join();
        List<FileSummary> all = new ArrayList<>(index.all());
        all.sort(Comparator.comparing(s -> s.path().toString()));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(a[a.length - 1])))) {
            for (FileSummary s : all) {
                out.println("FILE " + s.path() + " chars=" + s.sourceChars() + " hash=" + s.contentHash());
                out.println(" decl " + s.declarations());
                out.println(" exp " + s.exports());
                out.println(" star " + s.starExports());
                for (FileSummary.Import im : s.imports()) { // field by field: the record's own text shows its arrays' identities
                    out.println(" imp " + im.localName() + " " + im.importedName() + " " + im.specifier() + " " + im.span() + " importedSpan=" + im.importedSpan()
                            + " uses=" + Arrays.toString(im.uses()) + " shorthand=" + Arrays.toString(im.shorthandUses()));
                }
                out.println(" spec " + s.moduleSpecifiers());
                out.println(" res " + s.resolvedModules());
                out.println(" amb " + s.ambientModules());
                out.println(" sig " + s.signatures());
                out.println(" mem " + s.members());
            }
        }
        indexer.shutdown();
        System.out.println(all.size() + " summaries");
    }
}
