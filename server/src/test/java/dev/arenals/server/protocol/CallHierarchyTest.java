package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.testing.InProcessServer;
import dev.arenals.server.testing.Marked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CallHierarchyIncomingCall;
import org.eclipse.lsp4j.CallHierarchyIncomingCallsParams;
import org.eclipse.lsp4j.CallHierarchyItem;
import org.eclipse.lsp4j.CallHierarchyOutgoingCall;
import org.eclipse.lsp4j.CallHierarchyOutgoingCallsParams;
import org.eclipse.lsp4j.CallHierarchyPrepareParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call hierarchy over the protocol on a two-file workspace: the item at the cursor (here, or the
 * declaration in another file that is not open), its incoming calls grouped by the function,
 * method or file holding them (across files), and its outgoing calls grouped by callee.
 */
class CallHierarchyTest {
    private static final String LIB = "export function helper(x: number) { return x + 1; }\nexport class Shape { area() { return helper(1); } }\n";
    private static final String APP = "import { helper, Shape } from './lib';\nfunction work() {\n  const s = new Shape();\n"
            + "  return helper(2) + s.area() + inner();\n}\nconst inner = () => work();\nhelper(3);\nclass K { m() { work(); } }\n";

    @TempDir Path root;

    private String uri(String name) { return root.resolve(name).toUri().toString(); }

    private List<CallHierarchyItem> prepare(InProcessServer s, String marked) throws Exception {
        Marked m = Marked.parse(marked);
        String before = m.text.substring(0, m.cursors.get(0));
        Position p = new Position((int) before.chars().filter(c -> c == '\n').count(), before.length() - before.lastIndexOf('\n') - 1);
        return get(s.remote.getTextDocumentService().prepareCallHierarchy(new CallHierarchyPrepareParams(new TextDocumentIdentifier(uri("app.ts")), p)));
    }

    private static String at(Range r) { return r.getStart().getLine() + ":" + r.getStart().getCharacter(); }

    private static String file(String uri) { return uri.substring(uri.lastIndexOf('/') + 1); }

    private List<String> incoming(InProcessServer s, CallHierarchyItem item) throws Exception {
        List<String> out = new ArrayList<>();
        for (CallHierarchyIncomingCall c : get(s.remote.getTextDocumentService().callHierarchyIncomingCalls(new CallHierarchyIncomingCallsParams(item)))) {
            List<String> ranges = new ArrayList<>();
            for (Range r : c.getFromRanges()) ranges.add(at(r));
            out.add(c.getFrom().getName() + "(" + c.getFrom().getKind() + ")@" + file(c.getFrom().getUri()) + " " + String.join(",", ranges));
        }
        java.util.Collections.sort(out);
        return out;
    }

    private List<String> outgoing(InProcessServer s, CallHierarchyItem item) throws Exception {
        List<String> out = new ArrayList<>();
        for (CallHierarchyOutgoingCall c : get(s.remote.getTextDocumentService().callHierarchyOutgoingCalls(new CallHierarchyOutgoingCallsParams(item)))) {
            List<String> ranges = new ArrayList<>();
            for (Range r : c.getFromRanges()) ranges.add(at(r));
            out.add(c.getTo().getName() + "@" + file(c.getTo().getUri()) + ":" + at(c.getTo().getSelectionRange()) + " " + String.join(",", ranges));
        }
        return out;
    }

    @Test
    void incomingAndOutgoingCallsOfAFunctionHere() throws Exception {
        Files.writeString(root.resolve("lib.ts"), LIB);
        Files.writeString(root.resolve("app.ts"), APP);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("app.ts"), "typescript", 1, APP);
            List<CallHierarchyItem> items = prepare(s, APP.replace("function work", "function wo|rk"));
            assertEquals(1, items.size());
            CallHierarchyItem work = items.get(0);
            assertEquals("work Function 1:0-4:1 1:9", work.getName() + " " + work.getKind() + " " + at(work.getRange()) + "-"
                    + work.getRange().getEnd().getLine() + ":" + work.getRange().getEnd().getCharacter() + " " + at(work.getSelectionRange()));
            assertEquals(List.of("inner(Function)@app.ts 5:20", "m(Method)@app.ts 7:16"), incoming(s, work));
            assertEquals(List.of("Shape@lib.ts:1:13 2:16", "helper@lib.ts:0:16 3:9", "area@lib.ts:1:21 3:23", "inner@app.ts:5:6 3:32"), outgoing(s, work),
                    "s.area() where s = new Shape(): Shape's method, as TypeScript follows it");
        }
    }

    @Test
    void incomingCallsOfAFunctionDeclaredInAFileThatIsNotOpen() throws Exception {
        Files.writeString(root.resolve("lib.ts"), LIB);
        Files.writeString(root.resolve("app.ts"), APP);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("app.ts"), "typescript", 1, APP);
            List<CallHierarchyItem> items = prepare(s, APP.replace("\nhelper(3)", "\nhel|per(3)"));
            assertEquals(List.of("helper@lib.ts:0:16"), items.stream().map(i -> i.getName() + "@" + file(i.getUri()) + ":" + at(i.getSelectionRange())).toList());
            assertEquals(List.of("app.ts(File)@app.ts 6:0", "area(Method)@lib.ts 1:37", "work(Function)@app.ts 3:9"), incoming(s, items.get(0)));
        }
    }

    @Test
    void nothingToPrepareWhereNoCallableIs() throws Exception {
        Files.writeString(root.resolve("app.ts"), "const n = 1;\nn + 1;\n");
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("app.ts"), "typescript", 1, "const n = 1;\nn + 1;\n");
            assertEquals(List.of(), prepare(s, "const n = 1;\n|n + 1;\n"));
            assertEquals(List.of(), prepare(s, "const n = 1;\nn +| 1;\n"));
        }
    }
}
