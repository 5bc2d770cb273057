package dev.arenals.server.features;

import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/definition} and {@code textDocument/declaration} (the same answer: this
 * server sees one file, where a name's definition is its declaration): the name ranges of every
 * declaration of the name under the cursor — all of them for merged TypeScript declarations and
 * overloads; for an import, the import's own specifier.
 */
public final class DefinitionHandler {
    /** Must run on the document's queue, after the document is parsed. */
    public List<Location> definition(Document doc, Position position) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Target target = new TargetResolver(q).at(q.offset(position));
        if (target == null) return List.of();
        Occurrences declarations = Occurrences.declarations(q, target);
        List<Location> out = new ArrayList<>(declarations.size());
        for (int i = 0; i < declarations.size(); i++) out.add(q.locationOfNode(declarations.node(i)));
        return out;
    }
}
