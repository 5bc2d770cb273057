package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import dev.arenals.server.testing.Marked;
import dev.arenals.server.testing.NavAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLinkHandlerTest {
    @TempDir Path dir;

    private void touch(String path) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "export {};\n");
    }

    /** The {@code [[ ]]} specifiers are the links, each to {@code targets[i]} (relative to the temp dir). */
    private void assertLinks(String file, String marked, String... targets) throws IOException {
        Marked m = Marked.parse(marked);
        Path source = dir.resolve("src").resolve(file);
        Files.createDirectories(source.getParent());
        Document doc = Docs.parsed(source.toUri().toString(), m.text);
        List<String> got = new ArrayList<>(), want = new ArrayList<>();
        for (DocumentLink link : new DocumentLinkHandler().documentLinks(doc)) {
            int[] s = NavAssert.span(doc, link.getRange());
            got.add(m.text.substring(s[0], s[1]) + " -> " + dir.relativize(Path.of(java.net.URI.create(link.getTarget()))));
        }
        for (int i = 0; i < m.ranges.size(); i++) {
            int[] r = m.ranges.get(i);
            want.add(m.text.substring(r[0], r[1]) + " -> " + targets[i]);
        }
        assertEquals(want, got);
    }

    @Test void relativeSpecifiersResolveAsTypeScriptDoes() throws IOException {
        touch("src/util.ts");
        touch("src/view.tsx");
        touch("src/lib/index.ts");
        touch("shared/data.json");
        touch("src/plain.js");
        assertLinks("main.ts", "import { a } from '[[./util]]';\nimport v from \"[[./view.js]]\";\nexport * from '[[./lib]]';\n"
                        + "import d from '[[../shared/data.json]]';\nconst p = import('[[./plain.js]]');\nimport x from 'react';\nimport y from './missing';\n",
                "src/util.ts", "src/view.tsx", "src/lib/index.ts", "shared/data.json", "src/plain.js");
    }

    @Test void requireOnlyWhenItIsTheGlobalOne() throws IOException {
        touch("src/util.js");
        assertLinks("main.js", "const u = require('[[./util]]');\n", "src/util.js");
        assertLinks("other.js", "function require(x) {}\nconst u = require('./util');\n");
    }

    @Test void typeScriptImportForms() throws IOException {
        touch("src/util.ts");
        assertLinks("main.ts", "import u = require('[[./util]]');\ntype T = typeof import('[[./util]]');\nexport { a } from '[[./util]]';\n",
                "src/util.ts", "src/util.ts", "src/util.ts");
    }

    @Test void nonFileUrisGiveNoLinks() {
        Document doc = Docs.parsed("untitled:Untitled-1", "import a from './a';");
        assertEquals(List.of(), new DocumentLinkHandler().documentLinks(doc));
    }
}
