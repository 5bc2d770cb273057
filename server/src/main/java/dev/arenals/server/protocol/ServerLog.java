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
 * The server's log. Information goes to the client as {@code window/logMessage} (type Log) and not
 * to stderr: Neovim records every stderr line as an error in its LSP log. Until the client has
 * sent {@code initialize} (the server may not notify it before), information lines wait here, at
 * most {@value #MAX_PENDING}; with no client at all they go to stderr. Warnings and errors go to
 * both: stderr keeps them when the connection is gone.
 */
public final class ServerLog {
    /** In a holder: java.time's start-up (~3 ms) is paid only when a line is written to stderr, not before `initialize`. */
    private static final class Clock {
        static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    }
    static final int MAX_PENDING = 64;

    private final PrintStream err;
    private volatile LanguageClient client;
    private volatile boolean ready;
    private volatile boolean verbose;
    private final java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();

    public ServerLog(PrintStream err) { this.err = err; }

    public void connect(LanguageClient client) { this.client = client; }
    /** Whether {@link #debug} lines are sent ({@code trace: verbose}). */
    public void setVerbose(boolean verbose) { this.verbose = verbose; }

    /** The client may now be notified (initialize arrived): sends the information lines kept so far. */
    public void clientReady() {
        String[] held;
        synchronized (pending) {
            ready = true;
            held = pending.toArray(new String[0]);
            pending.clear();
        }
        for (String message : held) send(MessageType.Log, message);
    }

    public void info(String message) {
        if (client == null) {
            write("INFO", message);
            return;
        }
        if (!ready) {
            synchronized (pending) {
                if (!ready) {
                    if (pending.size() == MAX_PENDING) pending.removeFirst();
                    pending.addLast(message);
                    return;
                }
            }
        }
        send(MessageType.Log, message);
    }

    /** Detail for a client that asked for a verbose trace; nothing otherwise. */
    public void debug(String message) {
        if (verbose) info(message);
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
            err.println("[arena-ls " + LocalTime.now().format(Clock.TIME) + " " + level + "] " + message);
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

    /**
     * LSP4J's own log lines (java.util.logging, which prints to stderr by default) routed here:
     * severe ones as errors; the rest as information, since its warnings are about what a client
     * sent (an unknown method, a cancel for a request already answered), not faults of the server.
     */
    public java.util.logging.Handler asLoggingHandler() {
        return new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord record) {
                if (record == null || !isLoggable(record)) return;
                String message = record.getMessage();
                if (record.getParameters() != null && message != null) {
                    try {
                        message = java.text.MessageFormat.format(message, record.getParameters());
                    } catch (IllegalArgumentException e) {
                        // keep the pattern as it is
                    }
                }
                int level = record.getLevel().intValue();
                if (level >= java.util.logging.Level.SEVERE.intValue()) error(message, record.getThrown());
                else info(message + (record.getThrown() == null ? "" : ": " + record.getThrown()));
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "\n\t…" : s;
    }
}
