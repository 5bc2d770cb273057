package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.workspace.CrossFileNavigator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CallHierarchyIncomingCall;
import org.eclipse.lsp4j.CallHierarchyItem;
import org.eclipse.lsp4j.CallHierarchyOutgoingCall;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/**
 * Call hierarchy: {@code prepareCallHierarchy} names the callable at the cursor (a function,
 * method, class, or variable bound to a function — here or, through definition, in another file);
 * its incoming calls are its references that are called ({@code f(}, {@code new C(}, {@code o.m(},
 * a tagged template), grouped by the function that holds each call; its outgoing calls are the
 * calls in its body, grouped by where definition takes each callee. The parts that read a tree run
 * on that document's queue; gathering the references of every file is the protocol layer's.
 */
public final class CallHierarchyHandler {
    private final DefinitionHandler definitions = new DefinitionHandler();

    /** The items at {@code position}: the callable's declaration (each, for overloads or merged declarations). */
    public List<CallHierarchyItem> prepare(Document doc, Position position, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        List<CallHierarchyItem> out = new ArrayList<>();
        int here = q.identifierAt(q.offset(position));
        if (here < 0) return List.of();
        for (Location l : definitions.definition(doc, position, navigator)) {
            CallHierarchyItem item = l.getUri().equals(doc.uri()) ? itemAt(q, q.offset(l.getRange().getStart())) : foreignItem(l);
            if (item == null) continue;
            if (item.getName().isEmpty()) item.setName(q.arena().names().name(q.arena().data(here)));
            out.add(item);
        }
        return out;
    }

    /** The item of the declaration whose name starts at {@code offset} in this document, or null when it is not callable. */
    static CallHierarchyItem itemAt(DocumentQuery q, int offset) {
        int name = q.identifierAt(offset);
        if (name < 0) return null;
        Arena a = q.arena();
        int[] path = TreePaths.pathTo(a, name);
        if (path == null || path.length < 2) return null;
        int holder = path[path.length - 2];
        int declaration;
        SymbolKind kind;
        switch (a.kind(holder)) {
            case FUNCTION_DECLARATION: case FUNCTION_EXPRESSION: declaration = holder; kind = SymbolKind.Function; break;
            case CLASS_DECLARATION: case CLASS_EXPRESSION: declaration = holder; kind = SymbolKind.Class; break;
            case METHOD: {
                if (Layouts.memberKey(a, holder) != name) return null;
                declaration = holder;
                kind = (a.data(holder) & C_CONSTRUCTOR) != 0 ? SymbolKind.Constructor : SymbolKind.Method;
                break;
            }
            case VARIABLE_DECLARATOR: case PROPERTY: case FIELD: {
                if (nameOf(a, holder) != name || !isFunctionValued(a, holder)) return null;
                declaration = holder;
                kind = a.kind(holder) == VARIABLE_DECLARATOR ? SymbolKind.Function : SymbolKind.Method;
                break;
            }
            default: return null;
        }
        return item(q, a.names().name(a.data(name)), kind, declaration, name);
    }

    private static CallHierarchyItem item(DocumentQuery q, String name, SymbolKind kind, int declaration, int nameNode) {
        CallHierarchyItem item = new CallHierarchyItem(name, kind, q.uri(), q.rangeOfNode(declaration), q.rangeOfNode(nameNode));
        item.setDetail(detailOf(q.uri()));
        return item;
    }

    /** A declaration definition found in another file: only its name's range is known here. */
    private static CallHierarchyItem foreignItem(Location l) {
        Range r = l.getRange();
        if (r.getStart().equals(r.getEnd())) return null; // a whole module, not a callable
        CallHierarchyItem item = new CallHierarchyItem("", SymbolKind.Function, l.getUri(), r, r);
        item.setDetail(detailOf(l.getUri()));
        return item;
    }

    private static String detailOf(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash >= 0 ? uri.substring(slash + 1) : uri;
    }

    /**
     * The incoming calls among {@code references} (locations of the item's name in this document):
     * those that are called, grouped by the function, method or class body holding them, or the
     * file itself for top-level code.
     */
    public List<CallHierarchyIncomingCall> incomingIn(Document doc, List<Location> references) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Arena a = q.arena();
        Map<String, CallHierarchyIncomingCall> byCaller = new LinkedHashMap<>();
        for (Location l : references) {
            if (!l.getUri().equals(doc.uri())) continue;
            int name = q.identifierAt(q.offset(l.getRange().getStart()));
            int[] path = name < 0 ? null : TreePaths.pathTo(a, name);
            if (path == null || !isCalled(a, path)) continue;
            CallHierarchyItem caller = callerOf(q, path);
            String key = caller.getRange().getStart().getLine() + ":" + caller.getRange().getStart().getCharacter() + ":" + caller.getName();
            byCaller.computeIfAbsent(key, k -> new CallHierarchyIncomingCall(caller, new ArrayList<>())).getFromRanges().add(q.rangeOfNode(name));
        }
        return new ArrayList<>(byCaller.values());
    }

    /** Whether the name at the end of {@code path} is what a call, {@code new}, or a tagged template calls. */
    private static boolean isCalled(Arena a, int[] path) {
        int name = path[path.length - 1];
        int i = path.length - 2;
        if (i >= 0 && (a.kind(path[i]) == MEMBER) && Layouts.memberObject(a, path[i]) != name) {
            name = path[i];
            i--;
        }
        while (i >= 0 && (a.kind(path[i]) == PARENTHESIZED || a.kind(path[i]) == NON_NULL)) name = path[i--];
        if (i < 0) return false;
        int k = a.kind(path[i]);
        return (k == CALL || k == NEW || k == TAGGED_TEMPLATE) && Layouts.callCallee(a, path[i]) == name;
    }

    /** The function, method, class or file holding the node at the end of {@code path}, as an item. */
    private static CallHierarchyItem callerOf(DocumentQuery q, int[] path) {
        Arena a = q.arena();
        for (int i = path.length - 2; i >= 0; i--) {
            int n = path[i];
            int k = a.kind(n);
            boolean valueSide = i + 1 < path.length && nameOf(a, n) != path[i + 1];
            if (k == METHOD || ((k == PROPERTY || k == VARIABLE_DECLARATOR || k == FIELD) && valueSide && isFunctionValued(a, n))) {
                int key = nameOf(a, n);
                if (key >= 0 && (a.kind(key) == IDENTIFIER_NAME || a.kind(key) == BINDING_IDENTIFIER)) {
                    SymbolKind kind = k == VARIABLE_DECLARATOR ? SymbolKind.Function : (a.data(n) & C_CONSTRUCTOR) != 0 && k == METHOD ? SymbolKind.Constructor
                            : SymbolKind.Method;
                    return item(q, a.names().name(a.data(key)), kind, n, key);
                }
            }
            if (k == FUNCTION_DECLARATION || k == CLASS_DECLARATION || k == FUNCTION_EXPRESSION || k == CLASS_EXPRESSION) {
                int nameNode = Layouts.declarationName(a, n);
                if (nameNode < 0) continue; // anonymous: its caller is further out
                return item(q, a.names().name(a.data(nameNode)), isClass(k) ? SymbolKind.Class : SymbolKind.Function, n, nameNode);
            }
        }
        // top-level code: the file
        Range whole = q.range(0, a.sourceLength());
        String file = detailOf(q.uri());
        CallHierarchyItem item = new CallHierarchyItem(file, SymbolKind.File, q.uri(), whole, new Range(new Position(0, 0), new Position(0, 0)));
        item.setDetail(file);
        return item;
    }

    /** The name of a VARIABLE_DECLARATOR, PROPERTY, FIELD or METHOD. */
    private static int nameOf(Arena a, int n) {
        int k = a.kind(n);
        return k == VARIABLE_DECLARATOR ? Layouts.declaratorTarget(a, n) : k == PROPERTY ? Layouts.propertyKey(a, n) : Layouts.memberKey(a, n);
    }

    /** Whether a VARIABLE_DECLARATOR, PROPERTY or FIELD holds a function or arrow (through parentheses and the like). */
    private static boolean isFunctionValued(Arena a, int n) {
        int k = a.kind(n);
        int value = k == VARIABLE_DECLARATOR ? Layouts.declaratorInit(a, n) : k == PROPERTY ? Layouts.propertyValue(a, n) : Layouts.fieldValue(a, n);
        value = TreePaths.unwrapped(a, value);
        return value >= 0 && isFunction(a.kind(value));
    }

    /** Calls made in the body of the declaration named at {@code item}'s selection start, grouped by where each callee is declared. */
    public List<CallHierarchyOutgoingCall> outgoing(Document doc, CallHierarchyItem item, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Arena a = q.arena();
        int name = q.identifierAt(q.offset(item.getSelectionRange().getStart()));
        int declaration = name < 0 ? -1 : TreePaths.parent(a, name);
        if (declaration < 0) return List.of();
        Map<String, CallHierarchyOutgoingCall> byCallee = new LinkedHashMap<>();
        for (int n = TreePaths.firstInSubtree(a, declaration); n < declaration; n++) {
            int k = a.kind(n);
            if (k != CALL && k != NEW && k != TAGGED_TEMPLATE) continue;
            int callee = TreePaths.unwrapped(a, Layouts.callCallee(a, n));
            if (callee < 0) continue;
            int calleeName = a.kind(callee) == MEMBER ? Layouts.memberProperty(a, callee) : callee;
            if (calleeName < 0 || (a.kind(calleeName) != IDENTIFIER_REFERENCE && a.kind(calleeName) != IDENTIFIER_NAME)) continue;
            Range at = q.rangeOfNode(calleeName);
            for (Location target : definitions.definition(doc, at.getStart(), navigator)) {
                CallHierarchyItem to = target.getUri().equals(doc.uri()) ? itemAt(q, q.offset(target.getRange().getStart())) : foreignItem(target);
                if (to == null) continue;
                if (to.getName().isEmpty()) to.setName(a.names().name(a.data(calleeName)));
                String key = to.getUri() + "#" + to.getSelectionRange().getStart().getLine() + ":" + to.getSelectionRange().getStart().getCharacter();
                byCallee.computeIfAbsent(key, x -> new CallHierarchyOutgoingCall(to, new ArrayList<>())).getFromRanges().add(at);
            }
        }
        return new ArrayList<>(byCallee.values());
    }

}
