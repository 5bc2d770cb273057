package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed file is read and parsed once per references request, however many of the request's
 * sites it holds: here other.ts is a site of Derived's run (it imports Derived) and of Base's run,
 * which Derived's overrides (it imports Base), and each site was a parse of its own.
 */
class ClosedFileSitesTest {
    @TempDir Path root;

    @Test
    void aClosedFileHoldingTwoSitesOfAMemberIsParsedOnce() throws Exception {
        Files.writeString(root.resolve("model.ts"), "export class Base { run() { return 1; } }\n");
        String here = "import { Base } from './model';\nexport class Derived extends Base { run() { return 2; } }\n";
        Files.writeString(root.resolve("here.ts"), here);
        Files.writeString(root.resolve("other.ts"), "import { Base } from './model';\nimport { Derived } from './here';\n"
                + "export function f(b: Base, d: Derived) { return b.run() + d.run(); }\n");
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            String uri = root.resolve("here.ts").toUri().toString();
            s.open(uri, "typescript", 1, here);
            long before = ArenaTextDocumentService.snapshotsParsed();
            List<String> found = new ArrayList<>();
            for (Location l : get(s.remote.getTextDocumentService().references(
                    new ReferenceParams(new TextDocumentIdentifier(uri), new Position(1, 37), new ReferenceContext(true))))) {
                found.add(l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter());
            }
            Collections.sort(found);
            assertEquals(List.of("here.ts:1:36", "model.ts:0:20", "other.ts:2:50", "other.ts:2:60"), found);
            assertEquals(PARSES, ArenaTextDocumentService.snapshotsParsed() - before, "model.ts and other.ts, once each");
        }
    }

    /** 3 when each site was read and parsed apart. */
    private static final long PARSES = 2;
}
