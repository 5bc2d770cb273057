package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workspace/willRenameFiles}: moving a file or a folder rewrites the relative specifiers
 * that name it (static, dynamic, {@code require}, {@code import x = require}, re-exports) and those
 * the moved files write, each spelled as it was (extensionless, {@code .js} for a .ts source, a
 * folder for its index); open documents are edited from their live text. Each answer is applied to
 * the texts and the changed files compared whole.
 */
class FileRenameTest {
    @TempDir Path root;

    private static final Map<String, String> FILES = Map.of(
            "src/util/math.ts", "export const add = 1;\n",
            "src/util/index.ts", "export * from \"./math\";\n",
            "src/app.ts", "import { add } from \"./util/math\";\nimport * as u from \"./util\";\nimport m = require(\"./util/math\");\n"
                    + "const lazy = import(\"./util/math.js\");\nimport pkg from \"some-package\";\nexport { add, u, m, lazy, pkg };\n",
            "src/deep/b.ts", "import { add } from \"../util/math\";\nimport { c } from \"./c\";\nexport const b = add + c;\n",
            "src/deep/c.ts", "export const c = 1;\n",
            "src/legacy.js", "const math = require(\"./util/math\");\nmodule.exports = math;\n");

    @BeforeEach
    void write() throws Exception {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
    }

    private InProcessServer start() throws Exception {
        InProcessServer s = new InProcessServer();
        InitializeParams params = new InitializeParams();
        params.setCapabilities(InProcessServer.capabilities(false, null));
        params.setRootUri(root.toUri().toString());
        InitializeResult result = get(s.remote.initialize(params));
        assertNotNull(result.getCapabilities().getWorkspace().getFileOperations().getWillRename(), "willRename is declared");
        s.remote.initialized(new InitializedParams());
        s.server.indexing().get(20, TimeUnit.SECONDS);
        return s;
    }

    private String uri(String rel) { return root.resolve(rel).toUri().toString(); }

    /** The files the edit changes, by path relative to the root, with the edit applied. */
    private Map<String, String> apply(WorkspaceEdit edit, Map<String, String> live) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, List<TextEdit>> e : edit.getChanges().entrySet()) {
            String rel = root.relativize(Path.of(java.net.URI.create(e.getKey()))).toString().replace('\\', '/');
            String text = live.containsKey(rel) ? live.get(rel) : Files.readString(root.resolve(rel));
            List<TextEdit> edits = new ArrayList<>(e.getValue());
            edits.sort(Comparator.comparingInt((TextEdit t) -> t.getRange().getStart().getLine())
                    .thenComparingInt(t -> t.getRange().getStart().getCharacter()).reversed());
            String[] lines = text.split("\n", -1);
            for (TextEdit t : edits) {
                int line = t.getRange().getStart().getLine();
                assertEquals(line, t.getRange().getEnd().getLine(), "a specifier is on one line");
                String l = lines[line];
                lines[line] = l.substring(0, t.getRange().getStart().getCharacter()) + t.getNewText() + l.substring(t.getRange().getEnd().getCharacter());
            }
            out.put(rel, String.join("\n", lines));
        }
        return out;
    }

    private WorkspaceEdit rename(InProcessServer s, String from, String to) throws Exception {
        return get(s.remote.getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(new FileRename(uri(from), uri(to))))));
    }

    @Test
    void movingAFileRewritesEveryImportOfIt() throws Exception {
        try (InProcessServer s = start()) {
            assertEquals(Map.of(
                    "src/app.ts", "import { add } from \"./lib/arith\";\nimport * as u from \"./util\";\nimport m = require(\"./lib/arith\");\n"
                            + "const lazy = import(\"./lib/arith.js\");\nimport pkg from \"some-package\";\nexport { add, u, m, lazy, pkg };\n",
                    "src/util/index.ts", "export * from \"../lib/arith\";\n",
                    "src/deep/b.ts", "import { add } from \"../lib/arith\";\nimport { c } from \"./c\";\nexport const b = add + c;\n",
                    "src/legacy.js", "const math = require(\"./lib/arith\");\nmodule.exports = math;\n"),
                    apply(rename(s, "src/util/math.ts", "src/lib/arith.ts"), Map.of()));
        }
    }

    @Test
    void aMovedFileKeepsItsOwnImportsPointingWhereTheyDid() throws Exception {
        try (InProcessServer s = start()) {
            assertEquals(Map.of("src/deep/b.ts", "import { add } from \"./util/math\";\nimport { c } from \"./deep/c\";\nexport const b = add + c;\n"),
                    apply(rename(s, "src/deep/b.ts", "src/b.ts"), Map.of()));
        }
    }

    @Test
    void movingAFolderRewritesImportsIntoItButNotThoseWithinIt() throws Exception {
        try (InProcessServer s = start()) {
            assertEquals(Map.of(
                    "src/app.ts", "import { add } from \"./helpers/math\";\nimport * as u from \"./helpers\";\nimport m = require(\"./helpers/math\");\n"
                            + "const lazy = import(\"./helpers/math.js\");\nimport pkg from \"some-package\";\nexport { add, u, m, lazy, pkg };\n",
                    "src/deep/b.ts", "import { add } from \"../helpers/math\";\nimport { c } from \"./c\";\nexport const b = add + c;\n",
                    "src/legacy.js", "const math = require(\"./helpers/math\");\nmodule.exports = math;\n"),
                    apply(rename(s, "src/util", "src/helpers"), Map.of()));
        }
    }

    @Test
    void anOpenImporterIsEditedFromItsLiveText() throws Exception {
        try (InProcessServer s = start()) {
            String live = "// edited, not saved\nimport { c } from \"./deep/c\";\nexport const d = c;\n";
            s.open(uri("src/d.ts"), "typescript", 1, live);
            s.client.awaitDiagnostics(uri("src/d.ts"), 1);
            Map<String, String> changed = apply(rename(s, "src/deep/c.ts", "src/deep/sub/c.ts"), Map.of("src/d.ts", live));
            assertEquals("// edited, not saved\nimport { c } from \"./deep/sub/c\";\nexport const d = c;\n", changed.get("src/d.ts"));
            assertEquals("import { add } from \"../util/math\";\nimport { c } from \"./sub/c\";\nexport const b = add + c;\n", changed.get("src/deep/b.ts"));
        }
    }

    @Test
    void renamingSomethingNoFileImportsChangesNothing() throws Exception {
        try (InProcessServer s = start()) {
            assertEquals(Map.of(), apply(rename(s, "src/legacy.js", "src/old.js"), Map.of()));
            assertEquals(Map.of(), apply(rename(s, "README.md", "READ.md"), Map.of()));
        }
    }
}
