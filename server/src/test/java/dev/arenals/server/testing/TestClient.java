package dev.arenals.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A language client that records what the server sends, with bounded waits. */
public final class TestClient implements LanguageClient {
    private final List<PublishDiagnosticsParams> diagnostics = new ArrayList<>();
    private final List<MessageParams> logs = new ArrayList<>();
    private final List<org.eclipse.lsp4j.ProgressParams> progress = new ArrayList<>();
    private final List<org.eclipse.lsp4j.Registration> registrations = new ArrayList<>();

    @Override
    public CompletableFuture<Void> createProgress(org.eclipse.lsp4j.WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void notifyProgress(org.eclipse.lsp4j.ProgressParams params) {
        progress.add(params);
        notifyAll();
    }

    @Override
    public synchronized CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
        registrations.addAll(params.getRegistrations());
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    /** $/progress notifications received, in order. */
    public synchronized List<org.eclipse.lsp4j.ProgressParams> progress() { return new ArrayList<>(progress); }

    /** client/registerCapability registrations received. */
    public synchronized List<org.eclipse.lsp4j.Registration> registrations() { return new ArrayList<>(registrations); }

    @Override public void telemetryEvent(Object object) { }

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
        diagnostics.add(params);
        notifyAll();
    }

    @Override public void showMessage(MessageParams params) { logMessage(params); }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void logMessage(MessageParams params) {
        logs.add(params);
        notifyAll();
    }

    private int diagnosticRefreshes;

    @Override
    public synchronized CompletableFuture<Void> refreshDiagnostics() {
        diagnosticRefreshes++;
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    private int tokenRefreshes;

    @Override
    public synchronized CompletableFuture<Void> refreshSemanticTokens() {
        tokenRefreshes++;
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    /** workspace/semanticTokens/refresh requests received. */
    public synchronized int tokenRefreshes() { return tokenRefreshes; }

    /** Waits (up to 10 s) until more than {@code seen} workspace/semanticTokens/refresh requests have come. */
    public void awaitTokenRefresh(int seen) {
        await(() -> tokenRefreshes > seen ? Boolean.TRUE : null, "workspace/semanticTokens/refresh number " + (seen + 1));
    }

    /** workspace/diagnostic/refresh requests received. */
    public synchronized int diagnosticRefreshes() { return diagnosticRefreshes; }

    /** Waits (up to 10 s) until more than {@code seen} workspace/diagnostic/refresh requests have come. */
    public void awaitDiagnosticRefresh(int seen) {
        await(() -> diagnosticRefreshes > seen ? Boolean.TRUE : null, "workspace/diagnostic/refresh number " + (seen + 1));
    }

    public synchronized List<PublishDiagnosticsParams> diagnostics() { return new ArrayList<>(diagnostics); }

    public synchronized List<PublishDiagnosticsParams> diagnostics(String uri) {
        List<PublishDiagnosticsParams> out = new ArrayList<>();
        for (PublishDiagnosticsParams p : diagnostics) if (p.getUri().equals(uri)) out.add(p);
        return out;
    }

    public synchronized List<MessageParams> logs() { return new ArrayList<>(logs); }

    /** The first publication for {@code uri} matching {@code test}, waiting up to 10 s. */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> test) {
        return await(() -> {
            for (PublishDiagnosticsParams p : diagnostics) if (p.getUri().equals(uri) && test.test(p)) return p;
            return null;
        }, "diagnostics for " + uri);
    }

    /** The publication for {@code uri} with exactly this version. */
    public PublishDiagnosticsParams awaitDiagnostics(String uri, int version) {
        return awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == version);
    }

    public MessageParams awaitLog(Predicate<MessageParams> test) {
        return await(() -> {
            for (MessageParams m : logs) if (test.test(m)) return m;
            return null;
        }, "a log message");
    }

    private synchronized <T> T await(java.util.function.Supplier<T> probe, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            T t = probe.get();
            if (t != null) return t;
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; diagnostics so far: " + diagnostics + "; logs: " + logs);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
