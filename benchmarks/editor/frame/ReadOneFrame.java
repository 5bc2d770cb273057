import dev.arenals.server.protocol.FrameReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * What reading one large didOpen costs a cold server: the frame of FILE's didOpen (as a client's
 * JSON.stringify writes it) read by the server's FrameReader in a fresh JVM, from the first byte to
 * the message in hand (LSP4J's JSON handler, or the direct decoding of protocol/DidOpenText); the
 * reading thread's CPU time and allocation, and the text checked against the file.
 *
 * <pre>
 * javac -cp server/target/arena-ls.jar -d /tmp/frame benchmarks/editor/frame/ReadOneFrame.java
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m -XX:MaxNewSize=8m -cp server/target/arena-ls.jar:/tmp/frame ReadOneFrame FILE
 * </pre>
 * A fresh JVM per run: the first read is the one a user waits for (docs/performance-comparison.md,
 * "Issue 22, twelfth session").
 */
public class ReadOneFrame {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        String json = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///x/a.ts\",\"languageId\":\"typescript\",\"version\":1,\"text\":"
                + new com.google.gson.JsonPrimitive(text).toString() + "}}}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        Map<String, JsonRpcMethod> methods = new LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(LanguageServer.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
        MessageJsonHandler handler = new MessageJsonHandler(methods);
        handler.parseMessage("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///x/b.ts\",\"languageId\":\"typescript\",\"version\":1,\"text\":\"x\"}}}");
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Object[] item = new Object[1];
        FrameReader reader = new FrameReader(new ByteArrayInputStream(out.toByteArray()), handler, (m, i) -> { }, w -> System.err.println(w));
        long cpu0 = bean.getCurrentThreadCpuTime(), alloc0 = bean.getCurrentThreadAllocatedBytes(), t0 = System.nanoTime();
        reader.listen(m -> {
            item[0] = ((DidOpenTextDocumentParams) ((NotificationMessage) m).getParams()).getTextDocument();
        });
        long cpu = bean.getCurrentThreadCpuTime() - cpu0, alloc = bean.getCurrentThreadAllocatedBytes() - alloc0;
        String got = ((org.eclipse.lsp4j.TextDocumentItem) item[0]).getText();
        if (!got.equals(text)) throw new AssertionError(got.length() + " != " + text.length());
        System.out.printf("%.1f ms CPU, %.1f ms wall, %.1f MB allocated (the reading thread)%n", cpu / 1e6, (System.nanoTime() - t0) / 1e6, alloc / 1e6);
    }
}
