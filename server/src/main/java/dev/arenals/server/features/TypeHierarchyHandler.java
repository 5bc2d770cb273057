package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.workspace.CrossFileNavigator;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TypeHierarchyItem;

/**
 * The per-document parts of the type hierarchy (and of go to implementation, which walks the same
 * edges): which named class or interface a position names, the names in its {@code extends} /
 * {@code implements} clauses, and which declarations hold a given use of a name in their heritage.
 * Following those edges across files (references, definitions in other files) is the protocol
 * layer's; each method here reads one document's tree on its queue.
 */
public final class TypeHierarchyHandler {
    private final DefinitionHandler definitions = new DefinitionHandler();

    /** The declarations the name at {@code position} resolves to (here or in other files), for {@link #typeAt} to classify. */
    public List<Location> declarationsAt(Document doc, Position position, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null || q.identifierAt(q.offset(position)) < 0) return List.of();
        return definitions.definition(doc, position, navigator);
    }

    /**
     * The item of the named class or interface whose name starts at {@code position}, or null; with
     * {@code aliases}, of a type alias too (kind {@link #ALIAS}): implementation looks below it
     * ({@code interface R extends Alias}) but the type hierarchy shows only classes and interfaces.
     */
    public TypeHierarchyItem typeAt(Document doc, Position position, boolean aliases) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return null;
        int offset = q.offset(position);
        if (offset < 0) return null;
        int declaration = typeDeclarationNamedAt(q, offset, aliases);
        return declaration < 0 ? null : item(q, declaration);
    }

    /** The kind of a type alias's item: never sent to a client. */
    public static final SymbolKind ALIAS = SymbolKind.TypeParameter;

    /** The class or interface (or with {@code aliases}, type alias) declaration whose name is the identifier at {@code offset}, or -1. */
    static int typeDeclarationNamedAt(DocumentQuery q, int offset, boolean aliases) {
        int name = q.identifierAt(offset);
        if (name < 0) return -1;
        Arena a = q.arena();
        int holder = TreePaths.parent(a, name);
        if (holder < 0 || Layouts.declarationName(a, holder) != name) return -1;
        int k = a.kind(holder);
        return isClass(k) || k == INTERFACE_DECLARATION || (aliases && k == TYPE_ALIAS) ? holder : -1;
    }

    static TypeHierarchyItem item(DocumentQuery q, int declaration) {
        Arena a = q.arena();
        int name = Layouts.declarationName(a, declaration);
        int k = a.kind(declaration);
        SymbolKind kind = k == INTERFACE_DECLARATION ? SymbolKind.Interface : k == TYPE_ALIAS ? ALIAS : SymbolKind.Class;
        TypeHierarchyItem item = new TypeHierarchyItem(a.names().name(a.data(name)), kind, q.uri(), q.rangeOfNode(declaration), q.rangeOfNode(name));
        String uri = q.uri();
        item.setDetail(uri.substring(uri.lastIndexOf('/') + 1));
        return item;
    }

    /**
     * Where each name in the {@code extends} / {@code implements} clauses of the type named at
     * {@code position} is declared (definition of the name: through imports to other files).
     */
    public List<Location> supertypeDeclarations(Document doc, Position position, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        int offset = q.offset(position);
        int declaration = offset < 0 ? -1 : typeDeclarationNamedAt(q, offset, false);
        if (declaration < 0) return List.of();
        Arena a = q.arena();
        List<Location> out = new ArrayList<>();
        for (int c = a.firstChild(declaration); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == CLASS_HERITAGE) addDefinitionsOf(q, heritageName(a, Layouts.classExtends(a, declaration)), navigator, out);
            else if (k == HERITAGE_CLAUSE) {
                for (int e = a.firstChild(c); e >= 0; e = a.nextSibling(e)) addDefinitionsOf(q, heritageName(a, e), navigator, out);
            }
        }
        return out;
    }

    private void addDefinitionsOf(DocumentQuery q, int name, CrossFileNavigator navigator, List<Location> out) {
        if (name < 0) return;
        for (Location l : definitions.definition(q.document(), q.rangeOfNode(name).getStart(), navigator)) {
            if (!out.contains(l)) out.add(l);
        }
    }

    /** The name a heritage entry refers to: {@code Base}, the {@code Base} of {@code ns.Base} or {@code Base<T>}; -1 for other expressions. */
    private static int heritageName(Arena a, int entry) {
        int e = Layouts.heritageExpression(a, entry);
        if (e < 0) return -1;
        int k = a.kind(e);
        if (k == IDENTIFIER_REFERENCE) return e;
        if (k == MEMBER || k == QUALIFIED_NAME) {
            int property = Layouts.memberProperty(a, e);
            return property >= 0 && a.kind(property) == IDENTIFIER_NAME ? property : -1;
        }
        return -1;
    }

    /**
     * The named classes and interfaces that hold one of {@code uses} (locations of a type's name
     * in this document, as references finds them) in their {@code extends} or {@code implements}:
     * the direct subtypes that this document declares.
     */
    public List<TypeHierarchyItem> holdersOf(Document doc, List<Location> uses) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Arena a = q.arena();
        List<TypeHierarchyItem> out = new ArrayList<>();
        int[] seen = new int[uses.size()];
        int count = 0;
        for (Location l : uses) {
            if (!l.getUri().equals(doc.uri())) continue;
            int offset = q.offset(l.getRange().getStart());
            int name = offset < 0 ? -1 : q.identifierAt(offset);
            int holder = name < 0 ? -1 : heritageHolder(a, name);
            if (holder < 0 || contains(seen, count, holder)) continue;
            seen[count++] = holder;
            out.add(item(q, holder));
        }
        return out;
    }

    /** The named class or interface whose heritage entry is the name {@code use}, or -1. */
    static int heritageHolder(Arena a, int use) {
        int[] path = TreePaths.pathTo(a, use);
        if (path == null) return -1;
        int i = path.length - 1;
        int current = use;
        // ns.Base / ns.Base in a type: the property is the last child of the member
        if (i >= 1 && (a.kind(path[i - 1]) == MEMBER || a.kind(path[i - 1]) == QUALIFIED_NAME)) {
            if (Layouts.memberObject(a, path[i - 1]) == current) return -1;
            current = path[--i];
        }
        if (i >= 1 && a.kind(path[i - 1]) == EXPRESSION_WITH_TYPE_ARGUMENTS) {
            if (Layouts.heritageExpression(a, path[i - 1]) != current) return -1;
            current = path[--i];
        }
        if (i < 2) return -1;
        int clause = path[i - 1];
        int k = a.kind(clause);
        if (k == CLASS_HERITAGE && Layouts.classExtends(a, path[i - 2]) != current) return -1; // a type argument of extends Base<T>
        if (k != CLASS_HERITAGE && k != HERITAGE_CLAUSE) return -1;
        int holder = path[i - 2];
        int hk = a.kind(holder);
        if (!isClass(hk) && hk != INTERFACE_DECLARATION) return -1;
        return Layouts.declarationName(a, holder) >= 0 ? holder : -1;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) if (values[i] == value) return true;
        return false;
    }
}
