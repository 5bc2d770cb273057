package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.IntList;
import dev.arenals.server.query.Lines;
import dev.arenals.server.query.SemanticTokenCollector;
import dev.arenals.server.query.SemanticTokenEncoder;
import dev.arenals.server.workspace.CrossFileNavigator;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/semanticTokens/full}, {@code /full/delta} and {@code /range}: the binder's
 * view of every name ({@link SemanticTokenCollector}), encoded into one int array.
 *
 * <p>A delta after an incremental reparse recomputes only the tokens of the top-level statements
 * the reparse rewrote: every other node is the previous tree's, and its token depends on the edit
 * only through what the top scope resolves names to, and on a {@code @deprecated} comment just
 * before the statement after the rewritten ones. When both are as before, the new tokens are the
 * previous ones with the rewritten statements' run replaced (the run after it moves by the change
 * in length, and only its first token's relative position changes); otherwise every token is
 * recomputed and diffed. Either way the answer is one edit between the common prefix and suffix.
 */
public final class SemanticTokensHandler {
    /** The workspace that says what imported names are; gives null (or is null) where there is none. */
    private final Supplier<CrossFileNavigator> workspace;
    /** Its recent answers, shared by every document's requests. */
    private final ImportedTokenKinds.Memo memo = new ImportedTokenKinds.Memo();
    /** Bumped when another file's exports changed: tokens made before may colour an imported name as it was. */
    private final java.util.concurrent.atomic.AtomicLong crossFileEpoch = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Another file's exports changed (edited, or on disk): what imported names stand for is asked
     * again, and the next delta of every document recomputes its tokens rather than trust the
     * unchanged tree (the server then asks the client to refresh).
     */
    public void workspaceChanged() {
        crossFileEpoch.incrementAndGet();
        memo.clear();
    }

    /** Tokens by each file alone: an imported name is a variable. */
    public SemanticTokensHandler() { this(null); }

    /** Tokens with imported names coloured as what they stand for in {@code workspace}'s files. */
    public SemanticTokensHandler(Supplier<CrossFileNavigator> workspace) { this.workspace = workspace; }

    /** The encoded tokens of [from, to), or an empty array when the document has no bound tree. */
    public static int[] tokens(Document doc, int from, int to) {
        return tokens(doc, from, to, null);
    }

    /** {@link #tokens(Document, int, int)}, imported names as {@code navigator}'s files declare them (null: by this file alone). */
    public static int[] tokens(Document doc, int from, int to, CrossFileNavigator navigator) {
        return tokens(doc, from, to, navigator, null);
    }

    private static int[] tokens(Document doc, int from, int to, CrossFileNavigator navigator, ImportedTokenKinds.Memo memo) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return new int[0];
        SemanticTokenCollector collector = SemanticTokenCollector.current();
        collector.collect(q.arena(), q.scopes(), from, to, false, ImportedTokenKinds.of(q, navigator, memo));
        return SemanticTokenEncoder.encode(collector, new Lines(doc));
    }

    private CrossFileNavigator navigator() { return workspace == null ? null : workspace.get(); }

    public SemanticTokens full(Document doc, SemanticTokensHistory history) {
        SemanticTokensHistory.Sent sent = history.entry(doc.uri());
        try {
            recomputeAll(doc, sent, navigator());
        } catch (RuntimeException e) {
            history.forget(doc.uri()); // half updated: no delta may start from it
            throw e;
        }
        String id = remember(doc, sent, history);
        return new SemanticTokens(id, new IntList(Arrays.copyOf(sent.data, 5 * sent.count)));
    }

    /** Gives the entry a new result id; forgets it if the document closed meanwhile (didClose runs off the queue). */
    private static String remember(Document doc, SemanticTokensHistory.Sent sent, SemanticTokensHistory history) {
        sent.resultId = history.nextId();
        if (doc.isClosed()) history.forget(doc.uri());
        return sent.resultId;
    }

    public Either<SemanticTokens, SemanticTokensDelta> delta(Document doc, String previousResultId, SemanticTokensHistory history) {
        SemanticTokensHistory.Sent sent = history.get(doc.uri());
        if (sent == null || previousResultId == null || !previousResultId.equals(sent.resultId)) {
            return Either.forLeft(full(doc, history));
        }
        sent.lastDeltaSpliced = false;
        List<SemanticTokensEdit> edits;
        try {
            DocumentQuery q = DocumentQuery.of(doc);
            if (q != null && sent.parseStamp == doc.parseStamp() && sent.crossFileEpoch == crossFileEpoch.get()) {
                edits = List.of(); // the same tree, and the same world around it
            } else if (q != null && sent.crossFileEpoch == crossFileEpoch.get() && canSplice(doc, q.arena(), sent)) {
                edits = splice(doc, q, sent, navigator());
                if (edits == null) edits = recomputeAndDiff(doc, sent, navigator());
                else sent.lastDeltaSpliced = true;
            } else {
                edits = recomputeAndDiff(doc, sent, navigator());
            }
        } catch (RuntimeException e) {
            // the entry may be half updated: the next delta against any id gets a full answer
            history.forget(doc.uri());
            throw e;
        }
        return Either.forRight(new SemanticTokensDelta(edits, remember(doc, sent, history)));
    }

    /** The tokens sent were made from the tree the last (incremental) reparse started from. */
    private static boolean canSplice(Document doc, Arena arena, SemanticTokensHistory.Sent sent) {
        return sent.parseStamp >= 0 && doc.lastParseWasIncremental() && sent.parseStamp == doc.previousParseStamp()
                && arena.splicedFrom() >= 0 && sent.topScope != null && sent.deprecatedAnchors != null;
    }

    /** Every token of the current tree into {@code sent}. */
    private void recomputeAll(Document doc, SemanticTokensHistory.Sent sent, CrossFileNavigator navigator) {
        sent.crossFileEpoch = crossFileEpoch.get(); // read before: a change during the walk makes the next delta recompute
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) {
            sent.count = 0;
            sent.parseStamp = -1;
            sent.topScope = sent.deprecatedAnchors = null;
            return;
        }
        SemanticTokenCollector collector = SemanticTokenCollector.current();
        collector.collect(q.arena(), q.scopes(), 0, Integer.MAX_VALUE, true, ImportedTokenKinds.of(q, navigator, memo));
        int n = collector.count();
        if (sent.data.length < 5 * n) sent.data = new int[5 * n + (5 * n >>> 3)];
        if (sent.starts.length < n) sent.starts = new int[n + (n >>> 3)];
        SemanticTokenEncoder.encode(collector, 0, n, new Lines(doc), -1, sent.data, 0);
        for (int i = 0; i < n; i++) sent.starts[i] = collector.start(i);
        sent.count = n;
        sent.parseStamp = doc.parseStamp();
        sent.topScope = collector.copyTopScope(sent.topScope);
        sent.deprecatedAnchors = collector.copyDeprecatedAnchors(sent.deprecatedAnchors);
    }

    /** Recomputes every token and answers with the difference from what was sent. */
    private List<SemanticTokensEdit> recomputeAndDiff(Document doc, SemanticTokensHistory.Sent sent, CrossFileNavigator navigator) {
        int[] before = sent.data;
        int beforeLength = 5 * sent.count;
        sent.data = new int[0]; // recomputed into a new array, compared with the old one
        recomputeAll(doc, sent, navigator);
        return diff(before, beforeLength, sent.data, 5 * sent.count);
    }

    /**
     * The edit for an incremental reparse that rewrote [from, oldEnd) of the old text as [from,
     * newEnd): the tokens starting there recomputed, the next token repositioned, the rest kept;
     * {@code sent} updated in place. Null when tokens outside the rewritten statements may have
     * changed (then everything must be recomputed).
     */
    private List<SemanticTokensEdit> splice(Document doc, DocumentQuery q, SemanticTokensHistory.Sent sent, CrossFileNavigator navigator) {
        Arena arena = q.arena();
        int from = arena.splicedFrom(), oldEnd = arena.splicedOldEnd(), newEnd = arena.splicedNewEnd();
        int shift = newEnd - oldEnd;
        SemanticTokenCollector collector = SemanticTokenCollector.current();
        collector.collect(arena, q.scopes(), from, newEnd, true, ImportedTokenKinds.of(q, navigator, memo));
        // a name elsewhere may resolve otherwise, or a comment in the rewritten text may deprecate the next statement's declaration
        if (!collector.sameTopScope(sent.topScope) || collector.deprecatedAnchorAt(newEnd)
                || Arrays.binarySearch(sent.deprecatedAnchors, 1, sent.deprecatedAnchors[0] + 1, oldEnd) >= 0) {
            return null;
        }
        int n = sent.count;
        int i0 = firstAtOrAfter(sent.starts, n, from), i1 = firstAtOrAfter(sent.starts, n, oldEnd);
        int r0 = collector.firstAtOrAfter(from), r1 = collector.firstAtOrAfter(newEnd);
        int m = r1 - r0;
        boolean follows = i1 < n;
        int newInts = 5 * (m + (follows ? 1 : 0));
        if (sent.scratch.length < newInts) sent.scratch = new int[newInts + 64];
        int[] scratch = sent.scratch;
        Lines lines = new Lines(doc);
        int previousStart = i0 > 0 ? sent.starts[i0 - 1] : -1; // before the rewritten text: unmoved
        int o = SemanticTokenEncoder.encode(collector, r0, r1, lines, previousStart, scratch, 0);
        if (follows) {
            System.arraycopy(sent.data, 5 * i1, scratch, o, 5); // same text: same length, type and modifiers
            SemanticTokenEncoder.reposition(sent.starts[i1] + shift, lines, m > 0 ? collector.start(r1 - 1) : previousStart, scratch, o);
        }
        int oldFrom = 5 * i0, oldInts = 5 * (i1 + (follows ? 1 : 0)) - oldFrom;

        // the edit: the window, less what it shares with the old ints at either end
        int[] data = sent.data;
        int max = Math.min(oldInts, newInts);
        int prefix = 0;
        while (prefix < max && data[oldFrom + prefix] == scratch[prefix]) prefix++;
        int suffix = 0;
        while (suffix < max - prefix && data[oldFrom + oldInts - 1 - suffix] == scratch[newInts - 1 - suffix]) suffix++;
        List<SemanticTokensEdit> edits = prefix == oldInts && prefix == newInts ? List.of()
                : List.of(new SemanticTokensEdit(oldFrom + prefix, oldInts - prefix - suffix,
                        new IntList(Arrays.copyOfRange(scratch, prefix, newInts - suffix))));

        // apply it to what is kept: the ints, then the start offsets (those after the window move)
        int tokensAfter = n - i1;
        int newCount = i0 + m + tokensAfter;
        if (data.length < 5 * newCount) sent.data = data = Arrays.copyOf(data, 5 * newCount + (5 * newCount >>> 3));
        System.arraycopy(data, oldFrom + oldInts, data, oldFrom + newInts, 5 * n - oldFrom - oldInts);
        System.arraycopy(scratch, 0, data, oldFrom, newInts);
        int[] starts = sent.starts;
        if (starts.length < newCount) sent.starts = starts = Arrays.copyOf(starts, newCount + (newCount >>> 3));
        System.arraycopy(starts, i1, starts, i0 + m, tokensAfter);
        for (int i = 0; i < m; i++) starts[i0 + i] = collector.start(r0 + i);
        if (shift != 0) for (int i = i0 + m; i < newCount; i++) starts[i] += shift;
        sent.count = newCount;
        sent.parseStamp = doc.parseStamp();
        sent.topScope = collector.copyTopScope(sent.topScope);
        sent.deprecatedAnchors = collector.copyDeprecatedAnchors(sent.deprecatedAnchors);
        return edits;
    }

    private static int firstAtOrAfter(int[] starts, int n, int offset) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public SemanticTokens range(Document doc, Range range) {
        if (range == null) return new SemanticTokens(new IntList(new int[0]));
        int from = doc.offsetIfValid(range.getStart());
        if (from < 0) return new SemanticTokens(new IntList(new int[0]));
        int to = doc.offsetIfValid(range.getEnd());
        if (to < 0) to = doc.length(); // an end past the last line means the end of the text
        return new SemanticTokens(new IntList(tokens(doc, from, Math.max(from, to), navigator(), memo)));
    }

    /** The edits that turn {@code before} into {@code after}: none when equal, else one. */
    public static List<SemanticTokensEdit> diff(int[] before, int[] after) {
        return diff(before, before.length, after, after.length);
    }

    /** {@link #diff(int[], int[])} of the first {@code beforeLength} and {@code afterLength} ints; the edit holds a copy. */
    static List<SemanticTokensEdit> diff(int[] before, int beforeLength, int[] after, int afterLength) {
        int max = Math.min(beforeLength, afterLength);
        int prefix = 0;
        while (prefix < max && before[prefix] == after[prefix]) prefix++;
        if (prefix == beforeLength && prefix == afterLength) return List.of();
        int suffix = 0;
        while (suffix < max - prefix && before[beforeLength - 1 - suffix] == after[afterLength - 1 - suffix]) suffix++;
        SemanticTokensEdit edit = new SemanticTokensEdit(prefix, beforeLength - prefix - suffix,
                new IntList(Arrays.copyOfRange(after, prefix, afterLength - suffix)));
        return List.of(edit);
    }
}
