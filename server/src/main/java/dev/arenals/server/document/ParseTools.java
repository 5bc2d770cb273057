package dev.arenals.server.document;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.scope.Binder;

/**
 * The parser and binder of one thread. Neither is thread-safe, and both keep scratch buffers
 * between runs, so each worker thread has its own pair and documents borrow the pair of their lane's
 * thread (a document's work never runs on two threads at once).
 */
public final class ParseTools {
    private static final ThreadLocal<ParseTools> PER_THREAD = ThreadLocal.withInitial(ParseTools::new);

    public final JsParser parser = new JsParser();
    public final Binder binder = new Binder();

    public static ParseTools current() { return PER_THREAD.get(); }
}
