package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.workspace.ModuleResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code workspace/willRenameFiles}: when files or folders move, the relative module specifiers
 * that named them (in the files that import them) and those the moved files write (their own
 * imports, now from another folder) are spelled again, each the way it was written: extensionless
 * stays extensionless, {@code ./a.js} for {@code a.ts} keeps {@code .js}, a folder's index stays a
 * folder. Bare specifiers ({@code paths}, packages) are left alone, as TypeScript's own file-rename
 * edits leave them. Stateless; {@link #edits} runs on the document's queue.
 */
public final class FileRenameEdits {
    /** The moves of one request: each an old and a new path, of a file or of a folder. */
    public static final class Moves {
        private final List<Path[]> pairs = new ArrayList<>();

        public void add(Path from, Path to) { pairs.add(new Path[] {from.normalize(), to.normalize()}); }

        public boolean isEmpty() { return pairs.isEmpty(); }

        /** Where {@code path} is after the moves: the path itself when it does not move. */
        public Path moved(Path path) {
            for (Path[] p : pairs) {
                if (path.equals(p[0])) return p[1];
                if (path.startsWith(p[0])) return p[1].resolve(p[0].relativize(path));
            }
            return path;
        }
    }

    /** Extensions a module's file name may end with, longest first (".d.ts" before ".ts"). */
    private static final String[] EXTENSIONS = {".d.mts", ".d.cts", ".d.ts", ".mts", ".cts", ".tsx", ".ts", ".mjs", ".cjs", ".jsx", ".js", ".json"};

    /** The edits that keep {@code doc} (the file at {@code file}, its path before the moves) pointing at the same modules. */
    public List<TextEdit> edits(Document doc, Path file, Moves moves) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null || file == null || file.getParent() == null) return List.of();
        Path directory = file.getParent();
        Path newDirectory = moves.moved(file).getParent();
        Arena arena = q.arena();
        List<TextEdit> out = new ArrayList<>();
        for (int node = 0, n = arena.nodeCount(); node < n; node++) {
            int literal = DocumentLinkHandler.specifierOf(q, node);
            if (literal < 0) continue;
            int start = arena.start(literal) + 1, end = arena.end(literal) - 1;
            if (end <= start) continue;
            String specifier = arena.text(start, end);
            if (!ModuleResolver.isRelative(specifier)) continue;
            Path target = ModuleResolver.resolve(directory, specifier);
            if (target == null) continue;
            target = target.normalize();
            Path newTarget = moves.moved(target);
            if (newTarget.equals(target) && newDirectory.equals(directory)) continue;
            String respelled = respell(specifier, target, newTarget, newDirectory);
            if (respelled != null && !respelled.equals(specifier)) out.add(new TextEdit(q.range(start, end), respelled));
        }
        return out;
    }

    /**
     * {@code specifier}, which named {@code target}, spelled the same way for {@code newTarget} as
     * written in a file of {@code newDirectory}; null when the way it named the file is not one
     * of TypeScript's (then it is left as it is).
     */
    static String respell(String specifier, Path target, Path newTarget, Path newDirectory) {
        int slash = specifier.lastIndexOf('/');
        String last = specifier.substring(slash + 1);
        String name = target.getFileName().toString(), newName = newTarget.getFileName().toString();
        String extension = extensionOf(name), newExtension = extensionOf(newName);
        String stem = name.substring(0, name.length() - extension.length());
        String newStem = newName.substring(0, newName.length() - newExtension.length());
        Path spelled;
        if (last.equals(name)) {
            spelled = newTarget; // the file's own name: "./a.ts" (allowImportingTsExtensions), "./data.json"
        } else if (last.equals(stem)) {
            spelled = newTarget.resolveSibling(newStem); // extensionless
        } else if (!extension.isEmpty() && last.equals(stem + extensionOf(last)) && isScriptExtension(extensionOf(last))) {
            // "./a.js" for a.ts: the output's extension, kept when the source's kind stays
            String written = extensionOf(last);
            String newWritten = newExtension.equals(extension) ? written : outputExtension(newExtension, written);
            if (newWritten == null) return null;
            spelled = newTarget.resolveSibling(newStem + newWritten);
        } else if (stem.equals("index") && (last.isEmpty() || last.equals(".") || last.equals("..")
                || target.getParent() != null && target.getParent().getFileName() != null && last.equals(target.getParent().getFileName().toString()))) {
            // the folder, through its index file: still the folder if the index is still an index
            spelled = newStem.equals("index") ? newTarget.getParent() : newTarget.resolveSibling(newStem);
        } else {
            return null;
        }
        String relative = newDirectory.relativize(spelled).toString().replace('\\', '/');
        if (relative.isEmpty()) return ".";
        if (relative.equals("..") || relative.startsWith("../")) return relative;
        return "./" + relative;
    }

    private static String extensionOf(String fileName) {
        for (String e : EXTENSIONS) if (fileName.endsWith(e) && fileName.length() > e.length()) return e;
        return "";
    }

    private static boolean isScriptExtension(String e) {
        return e.equals(".js") || e.equals(".jsx") || e.equals(".mjs") || e.equals(".cjs");
    }

    /** The extension a specifier writes for a source with {@code source}'s extension (TypeScript's output rule). */
    private static String outputExtension(String source, String writtenBefore) {
        switch (source) {
            case ".ts": case ".d.ts": case ".js": return ".js";
            case ".tsx": case ".jsx": return writtenBefore.equals(".jsx") ? ".jsx" : ".js";
            case ".mts": case ".d.mts": case ".mjs": return ".mjs";
            case ".cts": case ".d.cts": case ".cjs": return ".cjs";
            default: return null;
        }
    }
}
