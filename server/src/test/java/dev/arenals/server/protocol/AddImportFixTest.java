package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Add import" on a name the file does not declare, from the workspace files that export it; each answer is the action's title and its edit. */
class AddImportFixTest {
    @TempDir Path root;

    private String uri(String name) { return root.resolve(name).toUri().toString(); }

    private List<String> fixes(InProcessServer s, String file, String text, String at) throws Exception {
        int offset = text.indexOf(at);
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        int column = offset - text.lastIndexOf('\n', offset - 1) - 1;
        Position p = new Position(line, column);
        List<String> out = new ArrayList<>();
        for (var e : get(s.remote.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri(file)),
                new Range(p, p), new CodeActionContext(List.of()))))) {
            CodeAction a = e.getRight();
            if (!a.getTitle().startsWith("Add ")) continue;
            TextEdit edit = a.getEdit().getChanges().get(uri(file)).get(0);
            out.add(a.getTitle() + " | " + edit.getRange().getStart().getLine() + ":" + edit.getRange().getStart().getCharacter() + " " + edit.getNewText().trim());
        }
        return out;
    }

    @Test
    void aNameAnotherFileExportsIsImportedNearestFirst() throws Exception {
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("util.ts"), "export function formatDate(d: Date) { return ''; }\nexport default class Logger {}\n");
        Files.writeString(root.resolve("lib/dates.ts"), "export const formatDate = (d: Date) => '';\n");
        Files.writeString(root.resolve("Card.tsx"), "export function Card() { return null; }\n");
        String app = "import { other } from './util';\nconst s = formatDate(new Date());\nconst l = new Logger();\nconst p = Promise.resolve(1);\n"
                + "const c = <Card />;\nfunction local() {}\nlocal();\n";
        Files.writeString(root.resolve("app.tsx"), app);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("app.tsx"), "typescriptreact", 1, app);
            assertEquals(List.of("Add import 'formatDate' from \"./util\" | 0:14 , formatDate",
                    "Add import 'formatDate' from \"./lib/dates\" | 0:31 import { formatDate } from './lib/dates';"),
                    fixes(s, "app.tsx", app, "formatDate("), "the same folder first; into the existing import of ./util, in the file's quotes");
            assertEquals(List.of("Add default import 'Logger' from \"./util\" | 0:31 import Logger from './util';"), fixes(s, "app.tsx", app, "Logger("));
            assertEquals(List.of("Add import 'Card' from \"./Card\" | 0:31 import { Card } from './Card';"), fixes(s, "app.tsx", app, "Card />"));
            assertEquals(List.of(), fixes(s, "app.tsx", app, "Promise"), "a standard library name");
            assertEquals(List.of(), fixes(s, "app.tsx", app, "local();"), "declared here");
        }
    }

    @Test
    void addAllMissingImportsTakesTheUnambiguousNamesOneImportPerModule() throws Exception {
        Files.writeString(root.resolve("a.ts"), "export const one = 1, two = 2;\nexport default function main() {}\n");
        Files.writeString(root.resolve("b.ts"), "export const dup = 1;\n");
        Files.writeString(root.resolve("c.ts"), "export const dup = 2;\nexport class Three {}\n");
        String app = "one + two + dup;\nnew Three();\nmain();\n";
        Files.writeString(root.resolve("app.ts"), app);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("app.ts"), "typescript", 1, app);
            List<String> out = new ArrayList<>();
            for (var e : get(s.remote.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri("app.ts")),
                    new Range(new Position(0, 0), new Position(0, 0)), new CodeActionContext(List.of(), List.of("source.addMissingImports")))))) {
                CodeAction a = e.getRight();
                out.add(a.getTitle() + " " + a.getKind());
                for (TextEdit t : a.getEdit().getChanges().get(uri("app.ts"))) out.add(t.getNewText().trim());
            }
            assertEquals(List.of("Add all missing imports source.addMissingImports.ts", "import { one, two } from \"./a\";",
                    "import { Three } from \"./c\";", "import main from \"./a\";"), out, "dup is exported twice: left to the quick fix");
        }
    }
}
