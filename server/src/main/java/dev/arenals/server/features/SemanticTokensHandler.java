package dev.arenals.server.features;

import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.IntList;
import dev.arenals.server.query.Lines;
import dev.arenals.server.query.SemanticTokenCollector;
import dev.arenals.server.query.SemanticTokenEncoder;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/semanticTokens/full}, {@code /full/delta} and {@code /range}: the binder's
 * view of every name ({@link SemanticTokenCollector}), encoded into one int array. A delta is the
 * one edit between the common prefix and suffix of the previous array and the new one: an edit
 * changes the tokens around it only, because the encoding is relative.
 */
public final class SemanticTokensHandler {
    /** The encoded tokens of [from, to), or an empty array when the document has no bound tree. */
    public static int[] tokens(Document doc, int from, int to) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return new int[0];
        SemanticTokenCollector collector = SemanticTokenCollector.current();
        collector.collect(q.arena(), q.scopes(), from, to);
        return SemanticTokenEncoder.encode(collector, new Lines(doc));
    }

    public SemanticTokens full(Document doc, SemanticTokensHistory history) {
        int[] data = tokens(doc, 0, Integer.MAX_VALUE);
        return new SemanticTokens(remember(doc, data, history), new IntList(data));
    }

    /** Keeps the result for the next delta, unless the document closed meanwhile (didClose runs off the queue). */
    private static String remember(Document doc, int[] data, SemanticTokensHistory history) {
        String id = history.remember(doc.uri(), data);
        if (doc.isClosed()) history.forget(doc.uri());
        return id;
    }

    public Either<SemanticTokens, SemanticTokensDelta> delta(Document doc, String previousResultId, SemanticTokensHistory history) {
        int[] previous = previousResultId == null ? null : history.previous(doc.uri(), previousResultId);
        int[] data = tokens(doc, 0, Integer.MAX_VALUE);
        String id = remember(doc, data, history);
        if (previous == null) return Either.forLeft(new SemanticTokens(id, new IntList(data)));
        return Either.forRight(new SemanticTokensDelta(diff(previous, data), id));
    }

    public SemanticTokens range(Document doc, Range range) {
        if (range == null) return new SemanticTokens(new IntList(new int[0]));
        int from = doc.offsetIfValid(range.getStart());
        if (from < 0) return new SemanticTokens(new IntList(new int[0]));
        int to = doc.offsetIfValid(range.getEnd());
        if (to < 0) to = doc.length(); // an end past the last line means the end of the text
        return new SemanticTokens(new IntList(tokens(doc, from, Math.max(from, to))));
    }

    /** The edits that turn {@code before} into {@code after}: none when equal, else one. */
    public static List<SemanticTokensEdit> diff(int[] before, int[] after) {
        int max = Math.min(before.length, after.length);
        int prefix = 0;
        while (prefix < max && before[prefix] == after[prefix]) prefix++;
        if (prefix == before.length && prefix == after.length) return List.of();
        int suffix = 0;
        while (suffix < max - prefix && before[before.length - 1 - suffix] == after[after.length - 1 - suffix]) suffix++;
        SemanticTokensEdit edit = new SemanticTokensEdit(prefix, before.length - prefix - suffix,
                new IntList(after, prefix, after.length - suffix));
        return List.of(edit);
    }
}
