package dev.arenals.server.features;

import dev.arenals.server.query.IntList;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokensEdit;

/** What a client does with a {@code full/delta} answer: its edits applied to the previous array. */
public final class SemanticTokenEdits {
    private SemanticTokenEdits() {}

    /** {@code edits} applied to {@code data}; edits refer to the original array, so they apply from the back. */
    public static int[] apply(int[] data, List<SemanticTokensEdit> edits) {
        int[] out = data;
        for (int i = edits.size() - 1; i >= 0; i--) {
            SemanticTokensEdit e = edits.get(i);
            int[] insert = e.getData() == null ? new int[0] : IntList.toArray(e.getData());
            int[] next = new int[out.length - e.getDeleteCount() + insert.length];
            System.arraycopy(out, 0, next, 0, e.getStart());
            System.arraycopy(insert, 0, next, e.getStart(), insert.length);
            System.arraycopy(out, e.getStart() + e.getDeleteCount(), next, e.getStart() + insert.length, out.length - e.getStart() - e.getDeleteCount());
            out = next;
        }
        return out;
    }
}
