package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
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
import dev.arenals.parser.tree.NodeKind;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The other files {@code textDocument/references} must look into for the name under the cursor:
 * the file that declares it (when the cursor is on an import of it) and every file that imports it
 * (through re-exports too), each with the position of the name's binding there. Each site is then
 * answered by {@link ReferencesHandler} in that file, on its own queue when it is open.
 */
public final class CrossFileReferences {
    /**
     * A file and the position (negotiated encoding) of the top-level binding whose references it
     * holds; with a {@code member}, the binding is a namespace import and the uses are {@code ns.member};
     * with {@code reexported}, the site is the local side of {@code export { a as reexported } from};
     * with {@code importedSide} too, it is the {@code a} of {@code import { a as reexported }}.
     */
    public record Site(String uri, Path path, Position binding, String member, String reexported, boolean importedSide) {
        public Site(String uri, Path path, Position binding, String member) { this(uri, path, binding, member, null, false); }

        public Site(String uri, Path path, Position binding, String member, String reexported) { this(uri, path, binding, member, reexported, false); }
    }

    /**
     * The references at a site of a file that is not open, from its summary alone: the uses of an
     * import binding that the summary kept ({@link FileSummary.Import#uses}). Null when the file
     * must be parsed: the site is not an import binding's (the declaring file, {@code ns.member},
     * a re-export or the imported side of an alias), or the summary does not know the uses.
     */
    public static List<Location> fromSummary(Site site, boolean withDeclaration, WorkspaceIndex index) {
        if (site.importedSide()) return importedSideFromSummary(site, index);
        if (site.member() != null || site.reexported() != null) return null;
        FileSummary s = index.summary(site.path());
        int k = s == null ? -1 : s.importIndexAt(site.binding().getLine(), site.binding().getCharacter());
        int n = k < 0 ? -1 : s.importUseCount(k);
        if (n < 0) return null;
        // read from the summary's columns: no record, span or uses array per importer
        String uri = site.uri();
        List<Location> out = new ArrayList<>(n + 1);
        int line = s.importSpanPart(k, 0), start = s.importSpanPart(k, 1);
        boolean bindingAdded = !withDeclaration;
        for (int u = 0; u < n; u++) {
            int useLine = s.importUsePart(k, u, 0), useStart = s.importUsePart(k, u, 1);
            if (!bindingAdded && (useLine > line || (useLine == line && useStart > start))) {
                out.add(location(uri, line, start, s.importSpanPart(k, 2)));
                bindingAdded = true;
            }
            out.add(location(uri, useLine, useStart, s.importUsePart(k, u, 2)));
        }
        if (!bindingAdded) out.add(location(uri, line, start, s.importSpanPart(k, 2)));
        return out;
    }

    /**
     * The locations of {@code lists}, in order, each start position of a file once. A file's
     * locations share one URI string (its hash is computed once), so a key is that string and two ints.
     */
    public static List<Location> distinct(List<List<Location>> lists) {
        int total = 0;
        for (List<Location> l : lists) total += l.size();
        java.util.HashSet<Start> seen = new java.util.HashSet<>(Math.max(16, total * 4 / 3 + 1));
        List<Location> out = new ArrayList<>(total);
        for (List<Location> list : lists) {
            for (Location l : list) {
                Position p = l.getRange().getStart();
                if (seen.add(new Start(l.getUri(), p.getLine(), p.getCharacter()))) out.add(l);
            }
        }
        return out;
    }

    private record Start(String uri, int line, int character) { }

    /** The {@code a} of {@code import { a as x }} (x is {@code site.reexported()}) from the summary; null when it does not know. */
    private static List<Location> importedSideFromSummary(Site site, WorkspaceIndex index) {
        FileSummary s = index.summary(site.path());
        FileSummary.Import i = s == null ? null : s.importOf(site.reexported());
        if (i == null || i.importedSpan() == null) return null;
        return List.of(location(s.uri(), i.importedSpan()));
    }

    private static Location location(String uri, FileSummary.Span span) { return location(uri, span.line(), span.startColumn(), span.endColumn()); }

    private static Location location(String uri, int line, int start, int end) {
        return new Location(uri, new Range(new Position(line, start), new Position(line, end)));
    }

    /** The imported name of {@code import { a as local }} in the document. */
    public List<Location> importedSide(Document doc, String local) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        int node = CrossFileRename.importedNameOf(q.arena(), local);
        return node < 0 ? List.of() : List.of(q.locationOfNode(node));
    }

    /** The local side of {@code export { a as reexported } from} in the document (the name it re-exports). */
    public List<Location> reexportUse(Document doc, String reexported) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        int node = CrossFileRename.reexportedLocalOf(q.arena(), reexported);
        return node < 0 ? List.of() : List.of(q.locationOfNode(node));
    }

    /**
     * The uses {@code ns.member} (expressions and qualified type names) of the namespace import
     * bound at {@code binding}. On the document's queue, after it is parsed.
     */
    public List<Location> memberUses(Document doc, Position binding, String member) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        int symbol = q.symbolOfNode(q.identifierAt(q.offset(binding)));
        if (symbol < 0) return List.of();
        int[] nodes = memberUseNodes(q, symbol, member);
        List<Location> out = new ArrayList<>(nodes.length);
        for (int node : nodes) out.add(q.locationOfNode(node));
        return out;
    }

    /** The property nodes of {@code ns.member} (expressions and qualified type names) where ns is {@code symbol}. */
    static int[] memberUseNodes(DocumentQuery q, int symbol, String member) {
        Arena arena = q.arena();
        int[] out = new int[8];
        int count = 0;
        for (int node = 0, n = arena.nodeCount(); node < n; node++) {
            int kind = arena.kind(node);
            if (kind != NodeKind.MEMBER && kind != NodeKind.QUALIFIED_NAME) continue;
            int object = Layouts.memberObject(arena, node);
            int property = Layouts.memberProperty(arena, node);
            if (property < 0 || arena.kind(object) != NodeKind.IDENTIFIER_REFERENCE || arena.kind(property) != NodeKind.IDENTIFIER_NAME) continue;
            if (q.symbolOfNode(object) != symbol || !arena.names().equals(arena.data(property), member)) continue;
            if (count == out.length) out = java.util.Arrays.copyOf(out, count * 2);
            out[count++] = property;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** Runs on the document's queue, after the document is parsed. */
    public List<Site> sites(Document doc, Position position, CrossFileNavigator navigator, WorkspaceIndex index) {
        DocumentQuery q = DocumentQuery.of(doc);
        Path file = Uris.pathOf(doc.uri());
        if (q == null || file == null) return List.of();
        Arena arena = q.arena();
        NameInFile origin = CrossFileRename.importedNameAt(q, q.offset(position), file, navigator);
        if (origin != null) return sitesOf(origin, file, null, navigator, index);
        Target target = new TargetResolver(q).at(q.offset(position));
        if (target == null || target.kind != Target.SYMBOL) return List.of();
        Occurrences declarations = Occurrences.declarations(q, target);
        if (declarations.size() == 0) return List.of();
        int declaration = declarations.node(0);
        String name = arena.names().name(arena.data(declaration));
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
        return sitesOf(origin, file, name, navigator, index);
    }

    /**
     * The declaring file of {@code origin} (unless it is {@code file}) and every binding of it,
     * except the binding {@code localHere} of {@code file}, whose references are found directly.
     */
    private static List<Site> sitesOf(NameInFile origin, Path file, String localHere, CrossFileNavigator navigator, WorkspaceIndex index) {
        List<Site> out = new ArrayList<>();
        if (!origin.file().equals(file)) {
            FileSummary declaring = index.summaryOrLoad(origin.file());
            FileSummary.Declaration d = declaring == null ? null : declaring.declaration(origin.name());
            if (d != null) out.add(new Site(declaring.uri(), declaring.path(), new Position(d.span().line(), d.span().startColumn()), null));
        }
        for (CrossFileNavigator.Binding binding : navigator.importBindingsOf(origin.file(), origin.name())) {
            FileSummary s = index.summary(binding.file());
            if (s == null) continue;
            String uri = s.uri(); // once per importer
            int imported = binding.reexport() || binding.member() != null ? -1 : s.importIndexOf(binding.localName());
            if (imported >= 0 && s.importIsAliased(imported)) {
                // import { a as x }: the imported name a is a reference too (x's uses follow)
                out.add(new Site(uri, s.path(), new Position(0, 0), null, binding.localName(), true));
            }
            // this document's own references are found directly, except ns.member uses
            if (binding.file().equals(file) && binding.member() == null && !binding.reexport() && binding.localName().equals(localHere)) continue;
            if (binding.reexport()) {
                out.add(new Site(uri, s.path(), new Position(0, 0), null, binding.localName()));
                continue;
            }
            int i = imported >= 0 ? imported : s.importIndexOf(binding.localName());
            if (i >= 0) out.add(new Site(uri, s.path(), new Position(s.importSpanPart(i, 0), s.importSpanPart(i, 1)), binding.member()));
        }
        return out;
    }
}
