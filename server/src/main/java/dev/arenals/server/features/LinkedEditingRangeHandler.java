package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import java.util.List;
import org.eclipse.lsp4j.LinkedEditingRanges;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/linkedEditingRange}: in a JSX element's opening or closing tag name, both
 * tag names, so typing in one edits the other. Only when the two names are spelled alike (a
 * mismatched pair is an error the user is fixing by hand) and the element has a closing tag.
 */
public final class LinkedEditingRangeHandler {
    /**
     * JSX tag names: identifiers with dashes, member and namespaced names. Written without
     * {@code \p{…}} classes: vscode-languageclient builds it as {@code new RegExp(pattern)} without
     * the {@code u} flag, where {@code \p{L}} means the letters p, {, L and }, and VS Code ends linked
     * editing as soon as the name stops matching. Non-ASCII is taken as a whole (U+00C0 and up).
     */
    static final String WORD_PATTERN = "[A-Za-z$_\\u00C0-\\uFFFF][\\w$.:\\-\\u00C0-\\uFFFF]*";

    public LinkedEditingRanges linkedEditingRanges(Document doc, Position position) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return null;
        int ident = q.identifierAt(q.offset(position));
        if (ident < 0) return null;
        Arena arena = q.arena();
        int k = arena.kind(ident);
        if (k != JSX_IDENTIFIER && k != IDENTIFIER_NAME) return null;
        int[] path = TreePaths.pathTo(arena, ident);
        if (path == null) return null;
        for (int i = path.length - 2; i >= 1; i--) {
            int pk = arena.kind(path[i]);
            if (pk == JSX_MEMBER_EXPRESSION || pk == JSX_NAMESPACED_NAME) continue;
            if (pk != JSX_OPENING_ELEMENT && pk != JSX_CLOSING_ELEMENT) return null;
            if (Layouts.jsxTagName(arena, path[i]) != path[i + 1]) return null; // an attribute, not the tag name
            int element = path[i - 1];
            if (arena.kind(element) != JSX_ELEMENT) return null;
            int opening = Layouts.jsxOpeningElement(arena, element), closing = Layouts.jsxClosingElement(arena, element);
            if (opening < 0 || closing < 0) return null;
            int openName = Layouts.jsxTagName(arena, opening), closeName = Layouts.jsxTagName(arena, closing);
            if (openName < 0 || closeName < 0 || !q.text(openName).equals(q.text(closeName))) return null;
            return new LinkedEditingRanges(List.of(q.rangeOfNode(openName), q.rangeOfNode(closeName)), WORD_PATTERN);
        }
        return null;
    }
}
