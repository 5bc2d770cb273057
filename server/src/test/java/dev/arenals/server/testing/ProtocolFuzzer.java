package dev.arenals.server.testing;

import static dev.arenals.server.testing.RawLspClient.frame;
import static dev.arenals.server.testing.RawLspClient.notification;
import static dev.arenals.server.testing.RawLspClient.request;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A protocol fuzzer: drives a server through a {@link RawLspClient} with a random mix of good
 * traffic and abuse — malformed frames, malformed params (wrong JSON types, missing fields,
 * nulls), out-of-range positions, unopened URIs, stale versions, malformed change batches,
 * cancellation storms, huge messages, unknown methods — and checks what must hold:
 * <ul>
 *   <li>every request sent in a good frame is answered (a result or a JSON-RPC error);</li>
 *   <li>the server neither dies nor logs an exception (stack traces or ERROR lines on stderr);</li>
 *   <li>after the storm, hover and documentSymbol are answered, each tracked document's final
 *       diagnostics and symbols equal those of a fresh server opened with the same text (the
 *       fuzzer keeps its own model of every text), and shutdown/exit end the process with 0.</li>
 * </ul>
 * Bounded runs are JUnit tests ({@code ProtocolFuzzTest} in process, {@code ProtocolFuzzIT}
 * against the shaded jar over stdio); the long mode is {@link #main} or the system property
 * {@code arenals.fuzz.minutes} (docs/reliability.md, "Protocol fuzzing").
 */
public final class ProtocolFuzzer {
    /** What a run did and found. */
    public static final class Counts {
        public long messages;
        public long malformedFrames;
        public long requests;
        public long answered;
        public long errorAnswers;
        public long cancelled;
        public long editBatches;
        public long rejectedBatches;
        public final List<String> failures = new ArrayList<>();

        @Override public String toString() {
            return String.format(Locale.ROOT, "messages sent %d (malformed frames %d, edit batches %d, malformed batches %d), "
                    + "requests %d, answered %d (errors %d, cancelled %d), failures %d",
                    messages, malformedFrames, editBatches, rejectedBatches, requests, answered, errorAnswers, cancelled, failures.size());
        }
    }

    private static final String[] EXTENSIONS = {".js", ".ts", ".tsx", ".mjs", ".jsx", ".d.ts"};
    private static final String[] SEEDS = {
        "import { a } from './a.js';\nexport function f(x) {\n  return x + a;\n}\nclass C { #p = 1; m() { return this.#p; } }\n",
        "interface I { a: string }\nconst v: I = { a: 'x' };\nenum E { A, B }\nnamespace N { export const z = 1; }\n",
        "const App = () => <div className=\"a\">{items.map(i => <b key={i}>{i}</b>)}</div>;\nexport default App;\n",
        "function f() {}\nfunction f() {}\nwith (o) { p(); }\nlet s = `t ${1 + 2} 😀é`;\r\nlabel: for (;;) break label;\n",
    };
    private static final String[] INSERTS = {
        "x", " ", "\n", "\r\n", "(", ")", "{", "}", ";", "'", "`", "/*", "*/", "// ", "import x from 'y';\n", "export ",
        "await ", "with (o) {}", "<div>", "</div>", "function g() {}", "let ", "const k = 1;", ": number", "😀", "é",
        "\u2028", "#x", "class K {", "=>", "0x", "/re/g", "", "yield", "async ", "<T,>", "as any", "?.", "??=",
    };

    private final RawServer server;
    private final RawLspClient client;
    private final Random random;
    private final Counts counts = new Counts();
    /** Requests sent in good frames, not answered yet: id → method. */
    private final Map<Integer, String> pending = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, Integer> versions = new LinkedHashMap<>();
    private final Map<String, String> languageIds = new LinkedHashMap<>();

    public ProtocolFuzzer(RawServer server, long seed) {
        this.server = server;
        this.client = server.client;
        this.random = new Random(seed);
    }

    /** Runs for {@code millis}, then the final checks; returns the counts (failures included). */
    public Counts run(long millis) throws Exception {
        JsonObject init = awaitRequest("initialize", "{\"processId\":null,\"capabilities\":{\"textDocument\":{\"documentSymbol\":"
                + "{\"hierarchicalDocumentSymbolSupport\":true}}},\"initializationOptions\":{\"codeLens\":{\"references\":true,\"implementations\":true}}}");
        if (init == null || !init.has("result")) fail("initialize was not answered: " + init);
        send(notification("initialized", "{}"));
        for (int i = 0; i < 4; i++) openTracked("file:///fuzz/doc" + i + EXTENSIONS[i % EXTENSIONS.length], SEEDS[i]);
        long deadline = System.currentTimeMillis() + millis;
        long steps = 0;
        while (System.currentTimeMillis() < deadline && server.isAlive()) {
            step();
            if (++steps % 50 == 0) {
                collectAnswers(false);
                if (pending.size() > 300 && !backlogDrains()) break; // as a client would, wait before piling on more
            }
        }
        collectAnswers(true);
        if (!server.isAlive()) fail("the server died during the storm; stderr:\n" + tail(server.stderr()));
        finalChecks();
        checkLog();
        return counts;
    }

    public Counts counts() { return counts; }

    // ------------------------------------------------------------------ the storm

    private void step() throws Exception {
        int roll = random.nextInt(100);
        String uri = pickTracked();
        if (roll < 30) goodEdit(uri);
        else if (roll < 34) wholeText(uri);
        else if (roll < 40) malformedBatch(uri);
        else if (roll < 55) goodRequest(uri);
        else if (roll < 65) malformedParams(uri);
        else if (roll < 70) unopened();
        else if (roll < 74) cancellationStorm(uri);
        else if (roll < 82) malformedFrame(uri);
        else if (roll < 83) { if (random.nextInt(4) == 0) hugeMessage(); else goodRequest(uri); }
        else if (roll < 87) reopen(uri);
        else if (roll < 90) unknownMethods();
        else if (roll < 95) staleVersionEdit(uri);
        else goodRequest(uri);
    }

    private void openTracked(String uri, String text) throws Exception {
        String languageId = uri.endsWith(".ts") ? "typescript" : uri.endsWith(".tsx") ? "typescriptreact"
                : uri.endsWith(".jsx") ? "javascriptreact" : "javascript";
        texts.put(uri, text);
        versions.put(uri, 1);
        languageIds.put(uri, languageId);
        send(notification("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"" + languageId
                + "\",\"version\":1,\"text\":" + json(text) + "}}"));
    }

    private String pickTracked() {
        List<String> uris = new ArrayList<>(texts.keySet());
        return uris.get(random.nextInt(uris.size()));
    }

    /** A batch of 1-3 well-formed changes; the model applies them in order. */
    private void goodEdit(String uri) throws Exception {
        int n = 1 + random.nextInt(3);
        StringBuilder changes = new StringBuilder();
        String text = texts.get(uri);
        for (int i = 0; i < n; i++) {
            int a = boundary(text, random.nextInt(text.length() + 1));
            int b = boundary(text, Math.min(text.length(), a + (random.nextInt(3) == 0 ? random.nextInt(12) : 0)));
            String insert = INSERTS[random.nextInt(INSERTS.length)];
            if (i > 0) changes.append(',');
            changes.append("{\"range\":").append(range(text, a, b)).append(",\"text\":").append(json(insert)).append('}');
            text = text.substring(0, a) + insert + text.substring(b);
        }
        int version = versions.get(uri) + 1;
        send(notification("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + version
                + "},\"contentChanges\":[" + changes + "]}"));
        texts.put(uri, text);
        versions.put(uri, version);
        counts.editBatches++;
    }

    /** An edit whose version is older than the document's: the server still applies it (it does not judge versions). */
    private void staleVersionEdit(String uri) throws Exception {
        int current = versions.get(uri);
        versions.put(uri, Math.max(0, current - 5));
        goodEdit(uri); // sent with a version below the current one
        versions.put(uri, current + 1);
    }

    private void wholeText(String uri) throws Exception {
        String text = texts.get(uri);
        String next = random.nextBoolean() ? SEEDS[random.nextInt(SEEDS.length)] : text + INSERTS[random.nextInt(INSERTS.length)];
        int version = versions.get(uri) + 1;
        send(notification("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + version
                + "},\"contentChanges\":[{\"text\":" + json(next) + "}]}"));
        texts.put(uri, next);
        versions.put(uri, version);
        counts.editBatches++;
    }

    /** A good change then a malformed one: the whole batch must be rejected, so the model does not change. */
    private void malformedBatch(String uri) throws Exception {
        String text = texts.get(uri);
        String good = "{\"range\":" + range(text, 0, 0) + ",\"text\":\"MUST_NOT_APPEAR;\\n\"}";
        String[] bad = {
            "{\"range\":{\"start\":{\"line\":0,\"character\":0}},\"text\":\"x\"}",
            "{\"range\":{\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}",
            "{\"range\":{\"start\":{\"line\":-1,\"character\":0},\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}",
            "{\"range\":" + range(text, 0, 0) + "}",
            "null",
            "{\"range\":{\"start\":{\"line\":0,\"character\":-4},\"end\":{\"line\":0,\"character\":0}},\"text\":\"x\"}",
        };
        send(notification("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + (versions.get(uri) + 1)
                + "},\"contentChanges\":[" + good + "," + bad[random.nextInt(bad.length)] + "]}"));
        counts.rejectedBatches++;
    }

    private void goodRequest(String uri) throws Exception {
        String text = texts.get(uri);
        int line = random.nextInt(8) == 0 ? 1000 + random.nextInt(5) : random.nextInt(Math.max(1, lineCount(text) + 1));
        int character = random.nextInt(8) == 0 ? 100_000 : random.nextInt(40);
        String position = "{\"line\":" + line + ",\"character\":" + character + "}";
        String doc = "{\"uri\":\"" + uri + "\"}";
        switch (random.nextInt(4)) {
            case 0: ask("textDocument/hover", "{\"textDocument\":" + doc + ",\"position\":" + position + "}"); break;
            case 1: ask("textDocument/documentSymbol", "{\"textDocument\":" + doc + "}"); break;
            case 2: ask("textDocument/diagnostic", "{\"textDocument\":" + doc + "}"); break;
            default: featureRequest(doc, position, line); break;
        }
    }

    /** Every other request the server answers, at the same random places (a feature must not fail where hover does not). */
    private void featureRequest(String doc, String position, int line) throws Exception {
        String at = "{\"textDocument\":" + doc + ",\"position\":" + position;
        String range = "{\"start\":" + position + ",\"end\":{\"line\":" + (line + random.nextInt(3)) + ",\"character\":" + random.nextInt(60) + "}}";
        String options = "{\"tabSize\":" + (1 + random.nextInt(8)) + ",\"insertSpaces\":" + random.nextBoolean() + "}";
        String[] kinds = {"", "quickfix", "refactor", "refactor.extract", "refactor.rewrite", "source", "source.organizeImports", "source.fixAll.ts",
            "source.removeUnused.ts", "refactor.move.newFile", "refactor.rewrite.export.named", "refactor.rewrite.export.default"};
        String only = random.nextBoolean() ? "" : ",\"only\":[\"" + kinds[random.nextInt(kinds.length)] + "\"]";
        switch (random.nextInt(26)) {
            case 24: ask("textDocument/codeLens", "{\"textDocument\":" + doc + "}"); break;
            case 25: { // a lens resolved at a random place, or with data a client mangled
                String kind = random.nextBoolean() ? "references" : random.nextBoolean() ? "implementations" : "bogus";
                String data = random.nextInt(4) == 0 ? "5" : "{\"uri\":" + doc.substring(7, doc.length() - 1) + ",\"kind\":\"" + kind + "\"}";
                ask("codeLens/resolve", "{\"range\":" + range + ",\"data\":" + data + "}");
                break;
            }
            case 0: ask("textDocument/definition", at + "}"); break;
            case 1: ask("textDocument/declaration", at + "}"); break;
            case 2: ask("textDocument/typeDefinition", at + "}"); break;
            case 3: ask("textDocument/implementation", at + "}"); break;
            case 4: ask("textDocument/references", at + ",\"context\":{\"includeDeclaration\":" + random.nextBoolean() + "}}"); break;
            case 5: ask("textDocument/documentHighlight", at + "}"); break;
            case 6: ask("textDocument/prepareRename", at + "}"); break;
            case 7: ask("textDocument/rename", at + ",\"newName\":\"" + (random.nextBoolean() ? "renamed" : "1 bad") + "\"}"); break;
            case 8: ask("textDocument/completion", at + "}"); break;
            case 9: ask("textDocument/signatureHelp", at + "}"); break;
            case 10: ask("textDocument/linkedEditingRange", at + "}"); break;
            case 11: ask("textDocument/prepareCallHierarchy", at + "}"); break;
            case 12: ask("textDocument/prepareTypeHierarchy", at + "}"); break;
            case 13: ask("textDocument/codeAction", "{\"textDocument\":" + doc + ",\"range\":" + range + ",\"context\":{\"diagnostics\":[]" + only + "}}"); break;
            case 14: ask("textDocument/semanticTokens/full", "{\"textDocument\":" + doc + "}"); break;
            case 15: ask("textDocument/semanticTokens/range", "{\"textDocument\":" + doc + ",\"range\":" + range + "}"); break;
            case 16: ask("textDocument/foldingRange", "{\"textDocument\":" + doc + "}"); break;
            case 17: ask("textDocument/selectionRange", "{\"textDocument\":" + doc + ",\"positions\":[" + position + "]}"); break;
            case 18: ask("textDocument/inlayHint", "{\"textDocument\":" + doc + ",\"range\":" + range + "}"); break;
            case 19: ask("textDocument/documentLink", "{\"textDocument\":" + doc + "}"); break;
            case 20: ask("textDocument/formatting", "{\"textDocument\":" + doc + ",\"options\":" + options + "}"); break;
            case 21: ask("textDocument/rangeFormatting", "{\"textDocument\":" + doc + ",\"range\":" + range + ",\"options\":" + options + "}"); break;
            case 22: ask("workspace/symbol", "{\"query\":\"" + (random.nextBoolean() ? "a" : "") + "\"}"); break;
            default:
                // an action offered without its edit, resolved at a random place (or with data a client mangled)
                boolean parameters = random.nextInt(3) == 0;
                String data = random.nextInt(3) == 0 ? "{\"arenaLsResolve\":5}"
                        : "{\"arenaLsResolve\":\"" + (parameters ? "convertParameters" : "convertExport") + "\",\"uri\":"
                                + doc.substring(7, doc.length() - 1) + ",\"range\":" + range + "}";
                String kind = parameters ? "refactor.rewrite.parameters.toDestructured"
                        : random.nextBoolean() ? "refactor.rewrite.export.named" : "refactor.rewrite.export.default";
                ask("codeAction/resolve", "{\"title\":\"Convert\",\"kind\":\"" + kind + "\",\"data\":" + data + "}");
                break;
        }
    }

    private void malformedParams(String uri) throws Exception {
        String doc = "{\"uri\":\"" + uri + "\"}";
        String[][] cases = {
            {"textDocument/hover", "{\"textDocument\":" + doc + ",\"position\":\"x\"}"},
            {"textDocument/hover", "{\"textDocument\":" + doc + ",\"position\":{\"line\":\"a\",\"character\":[]}}"},
            {"textDocument/hover", "{\"textDocument\":" + doc + "}"},
            {"textDocument/hover", "{\"textDocument\":" + doc + ",\"position\":{\"line\":-3,\"character\":-1}}"},
            {"textDocument/hover", "{\"textDocument\":" + doc + ",\"position\":{\"line\":1.5,\"character\":1e40}}"},
            {"textDocument/hover", "null"},
            {"textDocument/hover", "[]"},
            {"textDocument/hover", "{\"textDocument\":5,\"position\":{\"line\":0,\"character\":0}}"},
            {"textDocument/documentSymbol", "{\"textDocument\":{}}"},
            {"textDocument/documentSymbol", "{\"textDocument\":{\"uri\":null}}"},
            {"textDocument/documentSymbol", "{}"},
            {"textDocument/documentSymbol", "\"just a string\""},
            {"textDocument/diagnostic", "{\"textDocument\":" + doc + ",\"previousResultId\":{}}"},
            {"textDocument/diagnostic", null},
        };
        String[] c = cases[random.nextInt(cases.length)];
        ask(c[0], c[1]);
        String[] notifications = {
            "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":\"v\"},\"contentChanges\":5}",
            "{\"textDocument\":null,\"contentChanges\":[]}",
            "{\"textDocument\":{\"uri\":\"" + uri + "\"}}",
        };
        if (random.nextInt(4) == 0) {
            send(notification("textDocument/didChange", notifications[random.nextInt(notifications.length)]));
            counts.rejectedBatches++;
        }
        if (random.nextInt(6) == 0) send(notification("textDocument/didOpen", "{\"textDocument\":{\"uri\":null,\"text\":5}}"));
        if (random.nextInt(6) == 0) send(notification("textDocument/didClose", "{\"textDocument\":{}}"));
    }

    private void unopened() throws Exception {
        String uri = "file:///fuzz/never-opened" + random.nextInt(3) + ".ts";
        ask(random.nextBoolean() ? "textDocument/documentSymbol" : "textDocument/diagnostic", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        ask("textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":0,\"character\":0}}");
        send(notification("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":9},\"contentChanges\":[{\"text\":\"x\"}]}"));
        send(notification("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}"));
    }

    /** Many requests and a cancel for each (and for ids never sent), in one write. */
    private void cancellationStorm(String uri) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> ids = new ArrayList<>();
        int n = 5 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            int id = client.newId();
            ids.add(id);
            String method = i % 2 == 0 ? "textDocument/documentSymbol" : "textDocument/hover";
            String params = i % 2 == 0 ? "{\"textDocument\":{\"uri\":\"" + uri + "\"}}"
                    : "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":0,\"character\":3}}";
            out.writeBytes(frame(request(id, method, params)));
            pending.put(id, method);
            counts.requests++;
            counts.messages++;
        }
        for (int id : ids) {
            out.writeBytes(frame(notification("$/cancelRequest", "{\"id\":" + id + "}")));
            counts.messages++;
        }
        out.writeBytes(frame(notification("$/cancelRequest", "{\"id\":" + (1_000_000 + random.nextInt(1000)) + "}")));
        out.writeBytes(frame(notification("$/cancelRequest", "{\"id\":{}}")));
        counts.messages += 2;
        client.sendBytes(out.toByteArray());
    }

    /** One bad frame (the kinds of FramingTest) holding a request; it may be answered with an error, never executed. */
    private void malformedFrame(String uri) throws Exception {
        int id = client.newId();
        String body = request(id, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        String[] frames = {
            "Content-Length: abc\r\n\r\n" + body,
            "Content-Length: -5\r\n\r\n" + body,
            "Content-Length: " + (length + 1 + random.nextInt(500)) + "\r\n\r\n" + body,
            "Content-Length: " + random.nextInt(length) + "\r\n\r\n" + body,
            "Content-Type: application/vscode-jsonrpc\r\n\r\n" + body,
            body,
            "Content-Length: " + length + "\r\nContent-Type: text/x; charset=ebcdic\r\n\r\n" + body,
            "Content-Length: 99999999999\r\n\r\n" + body,
            "garbage line\r\n\r\n",
            "Content-Length: 5\r\n\r\nhello",
            "\u0000\u0007\r\n" + body,
            "Content-Length: " + length + "\r\n\r\n" + body.replace("{\"jsonrpc\"", "{\"jsonrpc\" 1"),
        };
        client.sendRaw(frames[random.nextInt(frames.length)]);
        counts.messages++;
        counts.malformedFrames++;
    }

    private void hugeMessage() throws Exception {
        if (random.nextBoolean()) {
            String uri = "file:///fuzz/huge" + random.nextInt(2) + ".js";
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 2_000_000) sb.append("function f").append(sb.length()).append("(a) { return a * 2; }\n");
            send(notification("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"javascript\",\"version\":1,"
                    + "\"text\":" + json(sb.toString()) + "}}"));
            ask("textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":9000,\"character\":12}}");
            send(notification("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}"));
        } else {
            ask("textDocument/hover", "{\"textDocument\":{\"uri\":\"file:///fuzz/x.js\"},\"position\":{\"line\":0,\"character\":0},"
                    + "\"junk\":" + json("j".repeat(1_000_000)) + "}");
        }
    }

    private void reopen(String uri) throws Exception {
        send(notification("textDocument/didClose", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}"));
        if (random.nextInt(4) == 0) ask("textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":0,\"character\":0}}");
        openTracked(uri, texts.get(uri));
    }

    private void unknownMethods() throws Exception {
        ask("arena/noSuchRequest", "{}");
        send(notification("arena/noSuchNotification", "{\"a\":1}"));
        ask("textDocument/completion", "{\"textDocument\":{\"uri\":\"" + pickTracked() + "\"},\"position\":{\"line\":0,\"character\":0}}");
    }

    // ------------------------------------------------------------------ answers and final checks

    private void send(String json) throws Exception {
        client.sendFramed(json);
        counts.messages++;
    }

    /** Sends a request in a good frame: it must be answered. */
    private void ask(String method, String params) throws Exception {
        int id = client.newId();
        client.sendFramed(request(id, method, params));
        pending.put(id, method);
        counts.requests++;
        counts.messages++;
    }

    private JsonObject awaitRequest(String method, String params) throws Exception {
        int id = client.newId();
        client.sendFramed(request(id, method, params));
        counts.requests++;
        counts.messages++;
        client.awaitResponse(id, 30_000);
        JsonObject r = client.takeResponse(id);
        if (r != null) count(r);
        return r;
    }

    private void count(JsonObject response) {
        counts.answered++;
        if (response.has("error")) {
            counts.errorAnswers++;
            if (response.getAsJsonObject("error").get("code").getAsInt() == -32800) counts.cancelled++;
        }
    }

    /** Waits until fewer than 100 requests are unanswered; false (and a failure) if no answer comes for 30 s. */
    private boolean backlogDrains() throws InterruptedException {
        long lastProgress = System.currentTimeMillis();
        int before = pending.size();
        while (pending.size() >= 100) {
            Thread.sleep(5);
            collectAnswers(false);
            if (pending.size() < before) {
                before = pending.size();
                lastProgress = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastProgress > 30_000) {
                fail("no request was answered for 30 s with " + pending.size() + " waiting");
                return false;
            }
        }
        return true;
    }

    /** Takes the answers that came; with {@code wait}, waits for all (30 s at most) and fails the missing. */
    private void collectAnswers(boolean wait) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (wait) client.awaitResponse(e.getKey(), Math.max(0, deadline - System.currentTimeMillis()));
            JsonObject r = client.takeResponse(e.getKey());
            if (r != null) {
                count(r);
                if (r.has("error") && r.getAsJsonObject("error").get("code").getAsInt() == -32603) {
                    fail("internal error for " + e.getValue() + " (request " + e.getKey() + "): " + r);
                }
                it.remove();
            } else if (wait) {
                fail("request " + e.getKey() + " (" + e.getValue() + ") in a good frame was never answered");
                it.remove();
            }
        }
        if (client.readFailure() != null) fail("the server's output was not valid LSP: " + client.readFailure());
    }

    /** Hover and symbols still answer; final diagnostics and symbols equal a fresh server's; shutdown and exit work. */
    private void finalChecks() throws Exception {
        Map<String, String> symbols = new LinkedHashMap<>();
        for (String uri : texts.keySet()) {
            JsonObject s = awaitRequest("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
            if (s == null || !s.has("result")) fail("documentSymbol after the storm: " + s);
            else symbols.put(uri, s.get("result").toString());
            JsonObject h = awaitRequest("textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":0,\"character\":1}}");
            if (h == null || h.has("error")) fail("hover after the storm: " + h);
        }
        try (RawServer fresh = RawServer.inProcess()) {
            ProtocolFuzzer reference = new ProtocolFuzzer(fresh, 0);
            reference.awaitRequest("initialize", "{\"processId\":null,\"capabilities\":{\"textDocument\":{\"documentSymbol\":"
                    + "{\"hierarchicalDocumentSymbolSupport\":true}}}}");
            reference.send(notification("initialized", "{}"));
            for (String uri : texts.keySet()) reference.openTracked(uri, texts.get(uri));
            for (String uri : texts.keySet()) {
                JsonObject s = reference.awaitRequest("textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}");
                String expected = s == null ? null : s.get("result").toString();
                if (!String.valueOf(expected).equals(symbols.get(uri))) {
                    fail("symbols of " + uri + " differ from a fresh server's:\n  fuzzed: " + symbols.get(uri) + "\n  fresh:  " + expected
                            + "\n  text: " + json(texts.get(uri)));
                }
                JsonObject mine = client.lastDiagnostics(uri);
                JsonObject theirs = fresh.client.lastDiagnostics(uri);
                String a = mine == null ? null : mine.get("diagnostics").toString();
                String b = theirs == null ? null : theirs.get("diagnostics").toString();
                if (a == null || !a.equals(b)) {
                    fail("final diagnostics of " + uri + " differ from a fresh server's:\n  fuzzed: " + a + "\n  fresh:  " + b
                            + "\n  text: " + json(texts.get(uri)));
                }
            }
        }
        JsonObject shutdown = awaitRequest("shutdown", null);
        if (shutdown == null || shutdown.has("error")) fail("shutdown after the storm: " + shutdown);
        send(notification("exit", null));
        int exit = server.awaitExit(15_000);
        if (exit != 0) fail("exit code after shutdown and exit: " + exit);
    }

    private void checkLog() {
        List<String> problems = server.stderrProblems();
        if (!problems.isEmpty()) fail("the log holds errors or exceptions:\n" + String.join("\n", problems) + "\n" + tail(server.stderr()));
    }

    private void fail(String what) {
        if (counts.failures.size() < 50) counts.failures.add(what);
    }

    // ------------------------------------------------------------------ text model

    /** An offset moved off the inside of a \r\n pair or a surrogate pair. */
    private static int boundary(String text, int offset) {
        if (offset > 0 && offset < text.length()) {
            char before = text.charAt(offset - 1);
            char at = text.charAt(offset);
            if ((before == '\r' && at == '\n') || (Character.isHighSurrogate(before) && Character.isLowSurrogate(at))) offset--;
        }
        return offset;
    }

    /** The LSP range (UTF-16 columns; lines end at \n, \r\n, \r) of [a, b) — computed here, independently of the server. */
    private static String range(String text, int a, int b) {
        return "{\"start\":" + position(text, a) + ",\"end\":" + position(text, b) + "}";
    }

    private static String position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') continue; // counted at the \n
            if (c == '\n' || c == '\r') {
                line++;
                lineStart = i + 1;
            }
        }
        return "{\"line\":" + line + ",\"character\":" + (offset - lineStart) + "}";
    }

    private static int lineCount(String text) {
        return Integer.parseInt(position(text, text.length()).replaceAll(".*\"line\":(\\d+).*", "$1")) + 1;
    }

    private static String json(String s) { return new JsonPrimitive(s).toString(); }

    private static String tail(String log) {
        return log.length() > 4000 ? "…" + log.substring(log.length() - 4000) : log;
    }

    // ------------------------------------------------------------------ long mode

    /**
     * {@code ProtocolFuzzer [--minutes N] [--seed S] [--jar PATH]}: a long run, in process or against
     * the jar; prints the counts and exits 1 if anything failed.
     */
    public static void main(String[] args) throws Exception {
        double minutes = 5;
        long seed = System.nanoTime();
        Path jar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes": minutes = Double.parseDouble(args[++i]); break;
                case "--seed": seed = Long.parseLong(args[++i]); break;
                case "--jar": jar = Path.of(args[++i]); break;
                default: throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Counts c = runFor(jar, seed, (long) (minutes * 60_000));
        System.out.println("protocol fuzzer, seed " + seed + ", " + minutes + " min" + (jar == null ? " in process" : " against " + jar) + ": " + c);
        for (String f : c.failures) System.out.println("FAILURE: " + f);
        System.exit(c.failures.isEmpty() ? 0 : 1);
    }

    /** One run against a fresh server: the jar's process if {@code jar} is given, else in process. */
    public static Counts runFor(Path jar, long seed, long millis) throws Exception {
        try (RawServer s = jar == null ? RawServer.inProcess() : RawServer.process(jar)) {
            return new ProtocolFuzzer(s, seed).run(millis);
        }
    }

    /** Minutes from the system property {@code arenals.fuzz.minutes}, else the default bounded run. */
    public static long durationMillis(long boundedMillis) {
        String minutes = System.getProperty("arenals.fuzz.minutes");
        return minutes == null || minutes.isBlank() ? boundedMillis : (long) (Double.parseDouble(minutes) * 60_000);
    }
}
