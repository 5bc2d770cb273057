package dev.arenals.server.protocol;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's log: every line to stderr (never stdout, which carries the protocol), and
 * warnings and errors also to the client as {@code window/logMessage}, where editors show them
 * in the server's output panel.
 */
public final class ServerLog {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream err;
    private volatile LanguageClient client;
    private volatile boolean verbose;

    public ServerLog(PrintStream err) { this.err = err; }

    public void connect(LanguageClient client) { this.client = client; }
    public void setVerbose(boolean verbose) { this.verbose = verbose; }

    public void info(String message) {
        write("INFO", message);
        if (verbose) send(MessageType.Info, message);
    }

    public void warn(String message) {
        write("WARN", message);
        send(MessageType.Warning, message);
    }

    public void error(String message, Throwable t) {
        String text = t == null ? message : message + "\n" + stackTrace(t);
        write("ERROR", text);
        send(MessageType.Error, text);
    }

    private void write(String level, String message) {
        if (err == null) return;
        synchronized (err) {
            err.println("[arena-ls " + LocalTime.now().format(TIME) + " " + level + "] " + message);
            err.flush();
        }
    }

    private void send(MessageType type, String message) {
        LanguageClient c = client;
        if (c == null) return;
        try {
            c.logMessage(new MessageParams(type, message));
        } catch (RuntimeException e) { // the connection is gone; stderr has it
            write("WARN", "could not send window/logMessage: " + e);
        }
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "\n\t…" : s;
    }
}
