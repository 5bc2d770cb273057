package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import com.google.gson.JsonObject;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/codeLens}: "N references" above the declarations other code refers to, and
 * "N implementations" above interfaces, abstract classes and their members, where TypeScript's
 * editors put them — exported functions and variables, classes, interfaces, type aliases, enums,
 * the members of classes, interfaces and type literals (namespaces' declarations too). The lenses
 * come without their counts; {@code codeLens/resolve} counts across the workspace
 * ({@link #resolved}), so only the lenses an editor shows cost a search.
 *
 * <p>The command is {@link #SHOW_LOCATIONS}, run by the client: the VS Code extension and the
 * Neovim plugin show its locations (VS Code's reference peek, Neovim's quickfix list).
 */
public final class CodeLensHandler {
    /** The client-side command a resolved lens carries: arguments uri, position, locations. */
    public static final String SHOW_LOCATIONS = "arena-ls.showLocations";
    public static final String REFERENCES = "references", IMPLEMENTATIONS = "implementations";

    /** What a lens asks for when resolved: the document, the name's position and the kind of count. */
    public record Lens(String uri, Position position, String kind) { }

    /** The unresolved lenses of a document (on its queue). */
    public List<CodeLens> codeLenses(Document doc, boolean references, boolean implementations) {
        List<CodeLens> out = new ArrayList<>();
        Arena a = doc.arena();
        if (a == null || !references && !implementations) return out;
        statements(doc, a, a.root(), references, implementations, out);
        return out;
    }

    private static void statements(Document doc, Arena a, int list, boolean references, boolean implementations, List<CodeLens> out) {
        for (int s = a.firstChild(list); s >= 0; s = a.nextSibling(s)) {
            int n = s;
            boolean exported = false;
            if (a.kind(n) == EXPORT_NAMED || a.kind(n) == EXPORT_DEFAULT) {
                exported = true;
                n = a.firstChild(n);
                while (n >= 0 && a.kind(n) == DECORATOR) n = a.nextSibling(n);
                if (n < 0) continue;
            }
            switch (a.kind(n)) {
                case FUNCTION_DECLARATION:
                    if (exported && references) lens(doc, a, Layouts.functionName(a, n), REFERENCES, out);
                    break;
                case VARIABLE_DECLARATION:
                    if (!exported || !references) break;
                    for (int d = a.firstChild(n); d >= 0; d = a.nextSibling(d)) {
                        int name = a.kind(d) == VARIABLE_DECLARATOR ? a.firstChild(d) : -1;
                        if (name >= 0 && a.kind(name) == BINDING_IDENTIFIER) lens(doc, a, name, REFERENCES, out);
                    }
                    break;
                case CLASS_DECLARATION: {
                    int name = Layouts.className(a, n);
                    if (name < 0) break;
                    boolean isAbstract = (a.data(n) & MOD_ABSTRACT) != 0;
                    if (references) lens(doc, a, name, REFERENCES, out);
                    if (implementations && isAbstract) lens(doc, a, name, IMPLEMENTATIONS, out);
                    int body = Layouts.classBody(a, n);
                    for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
                        if (a.kind(m) != METHOD && a.kind(m) != FIELD) continue;
                        int key = Layouts.memberKey(a, m);
                        if ((a.data(m) & C_CONSTRUCTOR) != 0) key = -1; // the class's own lens counts its constructions
                        if (references) lens(doc, a, key, REFERENCES, out);
                        if (implementations && (a.data(m) & MOD_ABSTRACT) != 0) lens(doc, a, key, IMPLEMENTATIONS, out);
                    }
                    break;
                }
                case INTERFACE_DECLARATION: {
                    int name = a.firstChild(n);
                    if (name < 0 || a.kind(name) != BINDING_IDENTIFIER) break;
                    if (references) lens(doc, a, name, REFERENCES, out);
                    if (implementations) lens(doc, a, name, IMPLEMENTATIONS, out);
                    members(doc, a, Layouts.interfaceBody(a, n), references, implementations, out);
                    break;
                }
                case TYPE_ALIAS: {
                    int name = a.firstChild(n);
                    if (name < 0 || a.kind(name) != BINDING_IDENTIFIER) break;
                    if (references) lens(doc, a, name, REFERENCES, out);
                    int type = a.nextSibling(name);
                    if (type >= 0 && a.kind(type) == TYPE_PARAMETERS) type = a.nextSibling(type);
                    if (type >= 0 && a.kind(type) == TYPE_LITERAL) members(doc, a, type, references, false, out);
                    break;
                }
                case ENUM_DECLARATION: {
                    int name = a.firstChild(n);
                    if (references && name >= 0 && a.kind(name) == BINDING_IDENTIFIER) lens(doc, a, name, REFERENCES, out);
                    break;
                }
                case MODULE_DECLARATION: {
                    int block = Layouts.moduleBody(a, n);
                    if (block >= 0) statements(doc, a, block, references, implementations, out);
                    break;
                }
                default:
                    break;
            }
        }
    }

    /** The property and method signatures of an interface body or a type literal. */
    private static void members(Document doc, Arena a, int body, boolean references, boolean implementations, List<CodeLens> out) {
        for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != PROPERTY_SIGNATURE && a.kind(m) != METHOD_SIGNATURE) continue;
            int key = a.firstChild(m);
            if (references) lens(doc, a, key, REFERENCES, out);
            if (implementations) lens(doc, a, key, IMPLEMENTATIONS, out);
        }
    }

    /** A lens on a name (an identifier, a private name or a string key; none on a computed key). */
    private static void lens(Document doc, Arena a, int name, String kind, List<CodeLens> out) {
        if (name < 0) return;
        int k = a.kind(name);
        if (k != BINDING_IDENTIFIER && k != IDENTIFIER_NAME && k != PRIVATE_IDENTIFIER && k != STRING_LITERAL) return;
        if (a.end(name) <= a.start(name)) return; // a name the parser made up for broken code
        CodeLens lens = new CodeLens(doc.rangeOf(a.start(name), a.end(name)));
        JsonObject data = new JsonObject();
        data.addProperty("uri", doc.uri());
        data.addProperty("kind", kind);
        lens.setData(data);
        out.add(lens);
    }

    private static boolean contains(org.eclipse.lsp4j.Range r, Position p) {
        return r != null && compare(r.getStart(), p) <= 0 && compare(p, r.getEnd()) <= 0;
    }

    private static int compare(Position x, Position y) {
        return x.getLine() != y.getLine() ? Integer.compare(x.getLine(), y.getLine()) : Integer.compare(x.getCharacter(), y.getCharacter());
    }

    /** What an unresolved lens asks for, or null (not one of ours, or data a client mangled). */
    public static Lens lensOf(CodeLens lens) {
        if (lens == null || lens.getRange() == null || lens.getRange().getStart() == null || !(lens.getData() instanceof JsonObject)) return null;
        JsonObject o = (JsonObject) lens.getData();
        try {
            String uri = o.get("uri").getAsString();
            String kind = o.get("kind").getAsString();
            if (uri == null || !REFERENCES.equals(kind) && !IMPLEMENTATIONS.equals(kind)) return null;
            return new Lens(uri, lens.getRange().getStart(), kind);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The lens with its count and the command showing the locations: those found, less the lens's
     * own declaration (asked with declarations included, as VS Code's TypeScript lenses ask, so
     * imports and re-exports count).
     */
    public static CodeLens resolved(CodeLens lens, Lens what, List<? extends Location> found) {
        List<Location> locations = new ArrayList<>(found.size());
        for (Location l : found) if (!(l.getUri().equals(what.uri()) && contains(l.getRange(), what.position()))) locations.add(l);
        int n = locations.size();
        String noun = REFERENCES.equals(what.kind()) ? (n == 1 ? "reference" : "references") : (n == 1 ? "implementation" : "implementations");
        lens.setCommand(new Command(n + " " + noun, SHOW_LOCATIONS, List.of(what.uri(), what.position(), locations)));
        return lens;
    }
}
