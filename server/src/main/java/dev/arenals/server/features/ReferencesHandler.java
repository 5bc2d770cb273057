package dev.arenals.server.features;

import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.JsDocMentions;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/references}: every occurrence of the name under the cursor in source order,
 * with or without its declarations ({@code context.includeDeclaration}). Uses of an undeclared
 * global are references too (they have no declaration to include).
 */
public final class ReferencesHandler {
    public List<Location> references(Document doc, Position position, boolean includeDeclaration) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        int offset = q.offset(position);
        Target target = new TargetResolver(q).at(offset);
        // a property declared where nothing relates its uses without types: the declaration alone
        if (target == null) return includeDeclaration ? DefinitionHandler.ownDeclarationName(q, q.identifierAt(offset)) : List.of();
        Occurrences all = Occurrences.ofMeaning(q, target);
        List<Location> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (!includeDeclaration && all.isDeclaration(i)) continue;
            out.add(q.locationOfNode(all.node(i)));
        }
        int[] mentions = JsDocMentions.of(q, target); // {@link name} in doc comments
        for (int i = 0; i < mentions.length; i += 2) out.add(new Location(q.uri(), q.range(mentions[i], mentions[i + 1])));
        return out;
    }
}
