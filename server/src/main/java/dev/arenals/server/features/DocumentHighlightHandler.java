package dev.arenals.server.features;

import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.SymbolIndex;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/documentHighlight}: the occurrences of the name under the cursor, Write for
 * declarations and assignment targets (including {@code +=} and {@code ++}), Read for the rest.
 */
public final class DocumentHighlightHandler {
    public List<DocumentHighlight> highlights(Document doc, Position position) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Target target = new TargetResolver(q).at(q.offset(position));
        if (target == null) return List.of();
        Occurrences all = Occurrences.ofMeaning(q, target);
        List<DocumentHighlight> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            boolean write = (all.flags(i) & (SymbolIndex.DECLARATION | SymbolIndex.WRITE)) != 0;
            out.add(new DocumentHighlight(q.rangeOfNode(all.node(i)), write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read));
        }
        return out;
    }
}
