package dev.arenals.server.launch;

import dev.arenals.server.ServerInfo;
import dev.arenals.server.protocol.ArenaLanguageServer;
import dev.arenals.server.protocol.Launchers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code arena-ls [COMMAND] [ARGS…]}: dispatches on the first argument.
 *
 * <ul>
 *   <li>none, {@code --stdio} or {@code lsp}: the language server on stdin/stdout;</li>
 *   <li>{@code --version}, {@code --help};</li>
 *   <li>more commands (the headless {@code check PATH…}) register in {@link #COMMANDS}.</li>
 * </ul>
 *
 * In server mode stdout carries nothing but the protocol: {@code System.out} is pointed at stderr
 * before anything else runs, so a stray print cannot corrupt a message.
 */
public final class Main {
    /** A subcommand: gets the arguments after its name, returns the process exit code. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args) throws Exception;
    }

    /** Subcommands by name, in help order. */
    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();
    static final Map<String, String> HELP = new LinkedHashMap<>();

    // classes, not method references: linking a lambda costs a short `check` process ~10 ms of
    // start-up (the first one loads the method-handle machinery); see docs/check-performance.md, "Start-up"
    static {
        register("lsp", "run the language server on stdin/stdout (the default; also --stdio)", new Command() {
            @Override public int run(String[] args) throws Exception { return serveStdio(args); }
        });
        register("selftest", "run one short in-process session and check every answer", new Command() {
            @Override public int run(String[] args) throws Exception { return SelfTest.run(args); }
        });
        register("check", "report the diagnostics of files and directories (CI); see docs/check.md", new Command() {
            @Override public int run(String[] args) { return dev.arenals.check.CheckCommand.run(args); }
        });
    }

    static void register(String name, String help, Command command) {
        COMMANDS.put(name, command);
        HELP.put(name, help);
    }

    /**
     * LSP4J's logger, held: java.util.logging keeps loggers weakly, and a collected one would
     * forget its handler. In a holder so that {@code check} never loads java.util.logging.
     */
    private static final class Lsp4jLogging {
        static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");
    }

    private Main() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (Exception e) {
            System.err.println("arena-ls: " + e);
            code = 2;
        }
        System.exit(code);
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) return serveStdio(args);
        String first = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (first) {
            case "--stdio":
                return serveStdio(rest);
            case "--version": case "-V":
                System.out.println(ServerInfo.NAME + " " + ServerInfo.version());
                return 0;
            case "--help": case "-h": case "help":
                System.out.print(usage());
                return 0;
            default:
                Command command = COMMANDS.get(first);
                if (command != null) return command.run(rest);
                System.err.println("arena-ls: unknown command or option '" + first + "'");
                System.err.print(usage());
                return 2;
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: arena-ls [--stdio]          the language server on stdin/stdout\n");
        sb.append("       arena-ls COMMAND [ARGS...]\n");
        sb.append("       arena-ls --version | --help\n\ncommands:\n");
        for (Map.Entry<String, String> e : HELP.entrySet()) sb.append(String.format("  %-8s %s%n", e.getKey(), e.getValue()));
        sb.append("\nThe server speaks LSP 3.17 over stdio; it logs to the client (window/logMessage),\n");
        sb.append("warnings and errors also to stderr. Settings (initializationOptions or\n");
        sb.append("workspace/didChangeConfiguration, section \"arena-ls\"): maxFileSize (bytes, default 20 MB),\n");
        sb.append("diagnosticMode (auto | push | pull).\n");
        return sb.toString();
    }

    /** The language server on this process's stdin/stdout, until {@code exit} or end of input. */
    static int serveStdio(String[] args) throws InterruptedException {
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        // The warm-up compiles the parser and the edit path before a document needs them. By default it
        // waits until the first document's diagnostics are out (its queue idle) and stops at the next
        // edit or open: it then never competes with `initialize` or a first parse (on two cores it did,
        // with the compiler's thread beside it) and uses the pause before the user's first keystroke
        // (docs/performance-comparison.md, "Start-up and memory floors"). -Darenals.warmUp=start runs it
        // from main until the first open as before, =initialized from the client's initialized until the
        // first open, =false not at all (for comparisons).
        String warmUpMode = System.getProperty("arenals.warmUp", "idle");
        StartupWarmUp warmUp = warmUpMode.equals("false") ? null : new StartupWarmUp();
        if (warmUp != null && warmUpMode.equals("start")) warmUp.startThread();

        ArenaLanguageServer.Options options = new ArenaLanguageServer.Options();
        options.watchParentProcess = true;
        // -Darenals.indexThreads=N: the index's threads instead of Options' default (for measurements)
        String indexThreads = System.getProperty("arenals.indexThreads");
        if (indexThreads != null) {
            try {
                options.indexThreads = Math.max(1, Integer.parseInt(indexThreads.trim()));
            } catch (NumberFormatException e) {
                options.log.warn("ignoring -Darenals.indexThreads=" + indexThreads + ": not a number");
            }
        }
        // -Darenals.summaryCache=true (the user's cache directory) or =DIR: summaries kept between sessions (opt-in)
        String summaryCache = System.getProperty("arenals.summaryCache", System.getenv("ARENA_LS_SUMMARY_CACHE"));
        if (summaryCache != null && !summaryCache.isEmpty() && !summaryCache.equals("false")) {
            options.summaryCache = summaryCache.equals("true") ? dev.arenals.server.workspace.SummaryCache.directory() : java.nio.file.Path.of(summaryCache);
        }
        if (warmUp != null) {
            Runnable start = new Runnable() {
                @Override public void run() { warmUp.startThread(); }
            };
            Runnable stop = new Runnable() {
                @Override public void run() { warmUp.stop(); }
            };
            switch (warmUpMode) {
                case "start":
                    options.documentOpened = stop;
                    break;
                case "initialized":
                    options.clientInitialized = start;
                    options.documentOpened = stop;
                    break;
                default: // idle
                    options.documentIdle = start;
                    options.documentChanged = stop;
                    // a second document opened while it runs (the first open comes before it starts)
                    options.documentOpened = new Runnable() {
                        @Override public void run() { if (warmUp.started()) warmUp.stop(); }
                    };
                    break;
            }
        }
        options.exit = code -> {
            System.err.flush();
            System.exit(code);
        };
        ArenaLanguageServer server = new ArenaLanguageServer(options);
        // LSP4J logs through java.util.logging, to stderr unless told otherwise
        Lsp4jLogging.LOGGER.setUseParentHandlers(false);
        Lsp4jLogging.LOGGER.addHandler(options.log.asLoggingHandler());
        Launcher<LanguageClient> launcher = Launchers.serverLauncher(server, in, out, null);
        for (String a : args) {
            // editors add options of their own (e.g. --clientProcessId=N); they do not concern us
            if (!a.equals("--stdio")) options.log.info("ignoring argument " + a);
        }
        try {
            java.util.concurrent.Future<Void> listening = launcher.startListening();
            if (!"false".equals(System.getProperty("arenals.prepareInitialize"))) Launchers.prepareInitializeAnswer(launcher);
            if (!"false".equals(System.getProperty("arenals.prepareMessages"))) Launchers.prepareDocumentMessages(launcher);
            listening.get();
        } catch (ExecutionException e) {
            System.err.println("arena-ls: the connection failed: " + e.getCause());
        }
        // end of input without an exit notification: 0 only if shutdown was requested
        return server.isShutdown() ? 0 : 1;
    }
}
