package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.CrossFileNavigator.NameInFile;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The other files {@code textDocument/references} must look into for the name under the cursor:
 * the file that declares it (when the cursor is on an import of it) and every file that imports it
 * (through re-exports too), each with the position of the name's binding there. Each site is then
 * answered by {@link ReferencesHandler} in that file, on its own queue when it is open.
 */
public final class CrossFileReferences {
    /** A file and the position (negotiated encoding) of the top-level binding whose references it holds. */
    public record Site(String uri, Path path, Position binding) { }

    /** Runs on the document's queue, after the document is parsed. */
    public List<Site> sites(Document doc, Position position, CrossFileNavigator navigator, WorkspaceIndex index) {
        DocumentQuery q = DocumentQuery.of(doc);
        Path file = Uris.pathOf(doc.uri());
        if (q == null || file == null) return List.of();
        Target target = new TargetResolver(q).at(q.offset(position));
        if (target == null || target.kind != Target.SYMBOL) return List.of();
        Occurrences declarations = Occurrences.declarations(q, target);
        if (declarations.size() == 0) return List.of();
        Arena arena = q.arena();
        int declaration = declarations.node(0);
        String name = arena.names().name(arena.data(declaration));
        NameInFile origin;
        String[] imported = DefinitionHandler.importOf(arena, declaration);
        if (imported != null) {
            origin = navigator.origin(file, imported[0], imported[1]);
        } else {
            FileSummary own = index.summary(file);
            FileSummary.Declaration top = own == null ? null : own.declaration(name);
            Range range = q.rangeOfNode(declaration);
            boolean isTopLevel = top != null && top.span().line() == range.getStart().getLine()
                    && top.span().startColumn() == range.getStart().getCharacter();
            origin = isTopLevel ? new NameInFile(file, name) : null;
        }
        if (origin == null) return List.of();
        List<Site> out = new ArrayList<>();
        if (!origin.file().equals(file)) {
            FileSummary declaring = index.summaryOrLoad(origin.file());
            FileSummary.Declaration d = declaring == null ? null : declaring.declaration(origin.name());
            if (d != null) out.add(new Site(declaring.uri(), declaring.path(), new Position(d.span().line(), d.span().startColumn())));
        }
        for (NameInFile binding : navigator.importBindingsOf(origin.file(), origin.name())) {
            if (binding.file().equals(file)) continue; // this document's own references are found directly
            FileSummary s = index.summary(binding.file());
            FileSummary.Import i = s == null ? null : s.importOf(binding.name());
            if (i != null) out.add(new Site(s.uri(), s.path(), new Position(i.span().line(), i.span().startColumn())));
        }
        return out;
    }
}
