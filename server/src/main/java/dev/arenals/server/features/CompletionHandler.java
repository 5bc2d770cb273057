package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import com.google.gson.JsonElement;
import dev.arenals.parser.scope.ScopeKind;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.query.WellKnownGlobals;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/completion} and {@code completionItem/resolve}. What is offered depends on
 * the position ({@link CompletionContext}): names the binder says are visible, ranked locals →
 * outer scopes → module → globals (the generated lib list) and then by how the typed word
 * matches (prefix, case-insensitive prefix, camel-case humps), written into {@code sortText};
 * keywords valid there; statement snippets; members after a dot ({@link CompletionMembers});
 * exports of other workspace files with the import edit that brings them in
 * ({@link CompletionImports}); module specifiers in an import's string. With a word typed, only
 * candidates that match it are sent, and the list says it is incomplete so the client asks again.
 * {@code resolve} adds the declaration as written and its JSDoc, as hover renders them.
 */
public final class CompletionHandler {
    /** Trigger characters announced at initialize. */
    /** {@code *}: the doc comment template as {@code /**} is typed ({@link #docCommentOnly}; nothing else answers a star). */
    public static final List<String> TRIGGERS = List.of(".", "\"", "'", "/", "<", "@", "#", "*");

    // rank groups, the first char of sortText
    static final char G_LOCAL = '0', G_OUTER = '1', G_MODULE = '2', G_GLOBAL = '3', G_IMPORT = '4', G_SNIPPET = '5';

    /**
     * Completion triggered by typing {@code *}: the doc comment template right after {@code /**}
     * before a declaration, else nothing (a star is mostly a multiplication). On the document's queue.
     */
    public CompletionList docCommentOnly(Document doc, Position position, boolean snippets) {
        CompletionList list = new CompletionList(false, new ArrayList<>());
        DocumentQuery q = DocumentQuery.of(doc);
        int offset = q == null ? -1 : q.offset(position);
        CompletionItem template = offset < 0 ? null : JsDocTemplate.at(q, offset, snippets);
        if (template != null) list.getItems().add(template);
        return list;
    }

    /** Must run on the document's queue. {@code index} may be null (no workspace). */
    public CompletionList complete(Document doc, Position position, WorkspaceIndex index, boolean snippets) {
        CompletionList list = new CompletionList(false, new ArrayList<>());
        lastDocument = doc.uri();
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return list;
        int offset = q.offset(position);
        if (offset < 0) return list;
        lastOffset = offset;
        CompletionItem template = JsDocTemplate.at(q, offset, snippets);
        if (template != null) { // just after `/**` before a declaration: the doc comment, nothing else
            list.getItems().add(template);
            return list;
        }
        CompletionCache cache = doc.attachment(CompletionCache.class, CompletionCache::new).current(q.arena());
        CompletionContext c = CompletionContext.at(q, offset, cache);
        Items items = new Items(c.prefix);
        items.cache = cache;
        Path file = Uris.pathOf(doc.uri());
        int literal = typedObjectAt(q, c, offset);
        // { | } of a value declared as a type, or a pattern destructuring one: the type's members not written yet
        if (literal >= 0 && new CompletionMembers(q, index, file).literalMembers(literal, typedKeyAt(q, offset), offset, (name, kind, decl, group, detail) ->
                items.add(name, kind, G_LOCAL, detail, decl < 0 ? null : data(doc, q.arena().start(decl))))
                && (c.kind == CompletionContext.OBJECT_NAMES || typedKeyAt(q, offset) >= 0)) {
            // and nothing else: TypeScript lists only a typed literal's members there, scope names where the type is unknown
            list.setItems(items.out);
            list.setIsIncomplete(items.dropped);
            return list;
        }
        switch (c.kind) {
            case CompletionContext.AFTER_DOT:
                new CompletionMembers(q, index, file).membersOf(c, (name, kind, decl, group, detail) ->
                        items.add(name, kind, (char) (G_LOCAL + Math.min(group, 9)), detail, decl < 0 ? null : data(doc, q.arena().start(decl))));
                break;
            case CompletionContext.PRIVATE_NAME:
                new CompletionMembers(q, index, file).privateNames(c, (name, kind, decl, group, detail) ->
                        items.add(name, kind, G_LOCAL, detail, data(doc, q.arena().start(decl))));
                break;
            case CompletionContext.IMPORT_NAMES: {
                // the names this import lists already are not offered again
                java.util.Set<String> listed = new HashSet<>();
                Arena arena = q.arena();
                int declaration = TreePaths.parent(arena, c.stringNode);
                for (int s = declaration < 0 ? -1 : arena.firstChild(declaration); s >= 0; s = arena.nextSibling(s)) {
                    int imported = arena.kind(s) == IMPORT_SPECIFIER ? Layouts.importImported(arena, s) : -1;
                    // the one being typed is not listed yet: its name starts where the word does (after a type modifier too)
                    if (imported >= 0 && arena.start(imported) != c.prefixStart) listed.add(CompletionMembers.keyName(arena, imported));
                }
                CompletionMembers members = new CompletionMembers(q, index, file);
                members.moduleExports(members.stringValue(c.stringNode), (name, kind, decl, group, detail) -> {
                    if (!name.equals("default") && !listed.contains(name)) items.add(name, kind, G_LOCAL, detail, null);
                });
                break;
            }
            case CompletionContext.MODULE_SPECIFIER:
                CompletionImports.moduleSpecifiers(q, c, file, items);
                break;
            case CompletionContext.JSX_TAG:
                if (c.closingTagOf >= 0) items.add(q.text(c.closingTagOf), CompletionItemKind.Class, G_LOCAL, null, null);
                names(q, doc, c, items, NAMES_JSX, null);
                if (c.closingTagOf < 0) {
                    for (int i = 0; i < WellKnownGlobals.libCount(); i++) {
                        if (WellKnownGlobals.libIsTag(i)) items.add(WellKnownGlobals.libName(i), CompletionItemKind.Property, G_GLOBAL, null, null);
                    }
                }
                if (!c.prefix.isEmpty()) CompletionImports.exports(q, file, index, items, true, false);
                break;
            case CompletionContext.JSX_ATTRIBUTE_NAME:
                new CompletionMembers(q, index, file).jsxAttributes(c.jsxOpening, c.jsxTypedName, (name, kind, decl, group, detail) ->
                        items.add(name, CompletionItemKind.Field, G_LOCAL, detail, decl < 0 ? null : data(doc, q.arena().start(decl))));
                break;
            case CompletionContext.DECORATOR_NAME:
                names(q, doc, c, items, NAMES_VALUES, new CompletionMembers(q, index, file));
                break;
            case CompletionContext.STATEMENT:
            case CompletionContext.EXPRESSION:
            case CompletionContext.OBJECT_NAMES:
            case CompletionContext.TYPE: {
                boolean type = c.kind == CompletionContext.TYPE;
                names(q, doc, c, items, type ? NAMES_TYPES : NAMES_VALUES, new CompletionMembers(q, index, file));
                globals(items, type);
                if (c.kind != CompletionContext.OBJECT_NAMES) CompletionKeywords.add(c, items, snippets);
                if (!c.prefix.isEmpty()) CompletionImports.exports(q, file, index, items, false, type);
                break;
            }
            case CompletionContext.CLASS_MEMBER:
            case CompletionContext.SWITCH_CASES:
            case CompletionContext.CLASS_HEAD:
                CompletionKeywords.add(c, items, snippets);
                break;
            default:
                break;
        }
        list.setItems(items.out);
        list.setIsIncomplete(items.dropped);
        return list;
    }

    private static final int NAMES_VALUES = 0, NAMES_TYPES = 1, NAMES_JSX = 2;

    /** The binder's visible names at the cursor, filtered by declaration space and ranked by scope. */
    /** {@code imports}: what tells an import that brings only a type (left out where values are offered) or only a value (left out in types); null: every import is offered. */
    private static void names(DocumentQuery q, Document doc, CompletionContext c, Items items, int which, CompletionMembers imports) {
        ScopeTable scopes = q.scopes();
        Arena arena = q.arena();
        int[] chain = scopes.scopeChain(c.offset);
        // scopes up to the innermost function's are "local"; the last one is the module's
        int localDepth = 0;
        for (int i = 0; i < chain.length; i++) {
            int k = scopes.scopeKind(chain[i]);
            localDepth = i;
            if (k == ScopeKind.FUNCTION || k == ScopeKind.STATIC_BLOCK || k == ScopeKind.SCRIPT || k == ScopeKind.MODULE) break;
        }
        int[] visible = scopes.visibleSymbols(c.offset);
        items.visibleNameIds = items.cache.visibleNameMarks(arena.names().size());
        items.visibleStamp = items.cache.stamp();
        items.libIds = items.cache.libIds(arena);
        NameView nameView = new NameView(arena.names());
        int[] types = which == NAMES_TYPES ? typesInChain(scopes, chain) : null;
        int d = 0;
        for (int symbol : visible) {
            int scope = scopes.scope(symbol);
            while (d < chain.length - 1 && chain[d] != scope) d++;
            int kind = scopes.kind(symbol);
            if (!offered(kind, which)) {
                // const a = …; type a = …: visibleSymbols keeps the name's first symbol, a type position means the other
                symbol = types == null ? -1 : typeNamed(scopes, types, scopes.nameId(symbol), scope);
                if (symbol < 0) continue;
                kind = scopes.kind(symbol);
            }
            if (kind == SymbolKind.IMPORT && imports != null
                    && (which == NAMES_TYPES ? imports.importsOnlyAValue(scopes.declarationNode(symbol)) : imports.importsOnlyAType(scopes.declarationNode(symbol)))) continue;
            int nameId = scopes.nameId(symbol);
            items.visibleNameIds[nameId] = items.visibleStamp; // shadows a lib name even when it does not match the word
            nameView.id = nameId;
            if (!items.prefix.isEmpty() && match(nameView, items.prefix) < 0) { // no String for a name that does not match
                items.dropped = true;
                continue;
            }
            String name = scopes.name(symbol);
            if (which == NAMES_JSX && (name.isEmpty() || !Character.isUpperCase(name.charAt(0)))) continue;
            char group = d == chain.length - 1 ? G_MODULE : d <= localDepth ? G_LOCAL : G_OUTER;
            CompletionItemKind itemKind = kindOf(kind, scopes.declaringNode(symbol), arena);
            // no data: resolve finds a visible name by its label at the position of the last list
            // visible names are unique already: no set lookup per name; the name id marks what they shadow
            if (which == NAMES_JSX) items.add(name, itemKind, group, null, null);
            else items.addVisible(name, itemKind, group, null);
        }
    }

    /** The type symbols (interfaces, aliases, type parameters) declared in the scopes of {@code chain}: few, read once per list. */
    private static int[] typesInChain(ScopeTable scopes, int[] chain) {
        int[] out = new int[16];
        int n = 0;
        for (int symbol = 0, count = scopes.symbolCount(); symbol < count; symbol++) {
            int kind = scopes.kind(symbol);
            if (kind != SymbolKind.INTERFACE && kind != SymbolKind.TYPE_ALIAS && kind != SymbolKind.TYPE_PARAMETER) continue;
            int scope = scopes.scope(symbol);
            for (int s : chain) {
                if (s != scope) continue;
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = symbol;
                break;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The type symbol of {@code types} named {@code nameId} in {@code scope}, or -1. */
    private static int typeNamed(ScopeTable scopes, int[] types, int nameId, int scope) {
        for (int t : types) if (scopes.nameId(t) == nameId && scopes.scope(t) == scope) return t;
        return -1;
    }

    /** The symbol kinds each kind of position offers. */
    static boolean offered(int symbolKind, int which) {
        switch (symbolKind) {
            case SymbolKind.INTERFACE: case SymbolKind.TYPE_ALIAS: case SymbolKind.TYPE_PARAMETER:
                return which == NAMES_TYPES;
            case SymbolKind.CLASS: case SymbolKind.ENUM: case SymbolKind.NAMESPACE: case SymbolKind.IMPORT:
                return true;
            default:
                return which != NAMES_TYPES;
        }
    }

    private static void globals(Items items, boolean types) {
        for (int i = 0; i < WellKnownGlobals.libCount(); i++) {
            char k = WellKnownGlobals.libKind(i);
            if (k == WellKnownGlobals.LIB_TAG) continue;
            boolean typeOnly = WellKnownGlobals.libIsTypeOnly(i);
            if (types ? (k == WellKnownGlobals.LIB_FUNCTION || k == WellKnownGlobals.LIB_VARIABLE) : typeOnly) continue;
            String name = WellKnownGlobals.libName(i);
            if (items.shadowsLib(i, name)) continue; // a visible declaration shadows it
            CompletionItemKind kind;
            switch (k) {
                case WellKnownGlobals.LIB_CLASS: kind = CompletionItemKind.Class; break;
                case WellKnownGlobals.LIB_NAMESPACE: kind = CompletionItemKind.Module; break;
                case WellKnownGlobals.LIB_FUNCTION: kind = CompletionItemKind.Function; break;
                case WellKnownGlobals.LIB_INTERFACE: kind = CompletionItemKind.Interface; break;
                case WellKnownGlobals.LIB_TYPE: kind = CompletionItemKind.Struct; break;
                default: kind = CompletionItemKind.Variable; break;
            }
            items.add(name, kind, G_GLOBAL, null, null);
        }
    }

    static CompletionItemKind kindOf(int symbolKind, int declaring, Arena arena) {
        switch (symbolKind) {
            case SymbolKind.CONST: return CompletionItemKind.Constant;
            case SymbolKind.FUNCTION: return CompletionItemKind.Function;
            case SymbolKind.CLASS: return CompletionItemKind.Class;
            case SymbolKind.INTERFACE: return CompletionItemKind.Interface;
            case SymbolKind.TYPE_ALIAS: return CompletionItemKind.Struct;
            case SymbolKind.ENUM: return CompletionItemKind.Enum;
            case SymbolKind.NAMESPACE: return CompletionItemKind.Module;
            case SymbolKind.TYPE_PARAMETER: return CompletionItemKind.TypeParameter;
            case SymbolKind.IMPORT:
                return declaring >= 0 && arena.kind(declaring) == IMPORT_NAMESPACE_SPECIFIER ? CompletionItemKind.Module : CompletionItemKind.Variable;
            default: return CompletionItemKind.Variable;
        }
    }

    static CompletionItemKind kindOf(FileSummary.Kind kind) {
        switch (kind) {
            case FUNCTION: return CompletionItemKind.Function;
            case CLASS: return CompletionItemKind.Class;
            case CONSTANT: return CompletionItemKind.Constant;
            case INTERFACE: return CompletionItemKind.Interface;
            case TYPE: return CompletionItemKind.Struct;
            case ENUM: return CompletionItemKind.Enum;
            case NAMESPACE: return CompletionItemKind.Module;
            case METHOD: return CompletionItemKind.Method;
            case PROPERTY: return CompletionItemKind.Property;
            case ENUM_MEMBER: return CompletionItemKind.EnumMember;
            default: return CompletionItemKind.Variable;
        }
    }

    /**
     * What resolve needs of a member: the offset of its declaring name, a number; visible names
     * carry none (resolve looks the label up where the list was made). The document is the one
     * the last list was made for ({@link #lastDocument}): clients resolve items of the list on
     * screen, and the label is checked against the name found. A URI, or any data, in each of
     * thousands of items cost more than the rest of the item.
     */
    static Integer data(Document doc, int declarationOffset) {
        return declarationOffset;
    }

    private volatile String lastDocument;
    private volatile int lastOffset = -1;

    /** The URI of the document the last completion list was made for: where resolve looks. */
    public String lastDocument() { return lastDocument; }

    private static int offsetOf(CompletionItem item) {
        Object d = item == null ? null : item.getData();
        try {
            if (d instanceof Number n) return n.intValue();
            if (d instanceof JsonElement e && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) return e.getAsInt();
        } catch (RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Adds the declaration as written ({@code detail}) and its JSDoc ({@code documentation}), from
     * the document's current parse; an item whose name is no longer declared there is returned as is.
     */
    public CompletionItem resolve(Document doc, CompletionItem item, boolean markdown) {
        DocumentQuery q = DocumentQuery.of(doc);
        int offset = offsetOf(item);
        if (q == null || offset > q.arena().sourceLength() || item.getLabel() == null) return item;
        if (offset < 0) { // a visible name: the one with this label where the last list was made
            int at = lastOffset;
            if (at < 0 || at > q.arena().sourceLength()) return item;
            for (int symbol : q.scopes().visibleSymbols(at)) {
                if (q.isDeclared(symbol) && q.scopes().name(symbol).equals(item.getLabel())) {
                    offset = q.arena().start(q.scopes().declarationNode(symbol));
                    break;
                }
            }
            if (offset < 0) return item;
        }
        int ident = q.identifierAt(offset);
        int symbol = q.symbolOfNode(ident);
        String[] shown;
        if (symbol >= 0 && q.isDeclared(symbol) && q.scopes().name(symbol).equals(item.getLabel())) {
            shown = HoverHandler.declarationAndDocs(q, symbol, markdown);
        } else if (ident >= 0 && q.text(ident).equals(item.getLabel())) {
            shown = memberDeclaration(q.arena(), ident, markdown); // a member: its declaration line
        } else {
            return item;
        }
        if (shown == null) return item;
        if (shown[0] != null) item.setDetail(shown[0]);
        if (shown[1] != null && !shown[1].isEmpty()) {
            item.setDocumentation(new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, shown[1]));
        }
        return item;
    }

    /** A member's declaration (field, method head, property, enum member) and its JSDoc. */
    private static String[] memberDeclaration(Arena arena, int key, boolean markdown) {
        int[] path = TreePaths.pathTo(arena, key);
        if (path == null || path.length < 2) return null;
        int member = path[path.length - 2];
        int k = arena.kind(member);
        String code;
        if (k == METHOD) {
            int fn = Layouts.methodFunction(arena, member);
            int body = fn < 0 ? -1 : Layouts.functionBody(arena, fn);
            code = arena.text(arena.start(member), body < 0 ? arena.end(member) : arena.start(body)).strip();
        } else if (k == FIELD || k == PROPERTY || k == ENUM_MEMBER || k == PARAMETER) {
            code = HoverHandler.firstLine(arena.text(arena.start(member), arena.end(member)));
        } else {
            return null;
        }
        if (code.length() > HoverHandler.MAX_DECLARATION) code = code.substring(0, HoverHandler.MAX_DECLARATION) + " …";
        String comment = JsDoc.before(arena, arena.start(member));
        String docs = comment == null ? null : markdown ? JsDoc.toMarkdown(comment) : JsDoc.toPlainText(comment);
        return new String[] {code, docs};
    }

    /**
     * The object literal or object pattern whose next key the cursor is at: an empty slot
     * ({@code { a: 1, | }}) or a shorthand being typed ({@code { na| }}); -1 elsewhere.
     */
    private static int typedObjectAt(DocumentQuery q, CompletionContext c, int offset) {
        Arena a = q.arena();
        int key = typedKeyAt(q, offset);
        if (key >= 0) {
            int property = q.parentOf(key);
            return property >= 0 ? q.parentOf(property) : -1;
        }
        if (c.kind != CompletionContext.OBJECT_NAMES && c.kind != CompletionContext.NONE) return -1;
        int inner = c.path.length == 0 ? -1 : c.path[c.path.length - 1];
        if (inner < 0 || (a.kind(inner) != OBJECT && a.kind(inner) != OBJECT_PATTERN)) return -1;
        return c.prefix.isEmpty() ? inner : -1;
    }

    /** The shorthand property's name being typed at the cursor, in an object literal or pattern; -1. */
    private static int typedKeyAt(DocumentQuery q, int offset) {
        Arena a = q.arena();
        int name = q.identifierAt(offset);
        if (name < 0 || a.end(name) != offset) return -1;
        int property = q.parentOf(name);
        if (property < 0 || a.kind(property) != PROPERTY || (a.data(property) & P_SHORTHAND) == 0) return -1;
        int object = q.parentOf(property);
        return object >= 0 && (a.kind(object) == OBJECT || a.kind(object) == OBJECT_PATTERN) ? name : -1;
    }

    // ---- the list being built ----

    /** Candidates matched against the typed word, deduplicated by label, with their sortText. */
    static final class Items {
        /** The typed word candidates are matched against (a path segment in a module specifier). */
        String prefix;
        final List<CompletionItem> out = new ArrayList<>(1024);
        private final Set<String> labels = new HashSet<>();
        /** A candidate did not match the typed word: the client must ask again when the word changes. */
        boolean dropped;

        Items(String prefix) { this.prefix = prefix; }

        /** Labels added through {@link #add} and {@link #addKeyword}; visible names only when a word is typed. */
        boolean has(String label) { return labels.contains(label); }

        /** By name id of the document: a visible name has it (null when names were not listed). */
        int[] visibleNameIds;
        int visibleStamp = -1;
        /** By lib index: the global's name id in the document, or -1 (from the cache). */
        int[] libIds;
        CompletionCache cache;

        boolean shadowsLib(int libIndex, String name) {
            if (visibleNameIds != null && libIds != null) {
                int id = libIds[libIndex];
                if (id >= 0 && id < visibleNameIds.length && visibleNameIds[id] == visibleStamp) return true;
            }
            return !labels.isEmpty() && labels.contains(name);
        }

        /** A visible name: unique among visible names, so no set lookup unless a typed word needs {@link #has} later. */
        void addVisible(String label, CompletionItemKind kind, char group, Object data) {
            if (label.isEmpty()) return;
            int match = match(label, prefix);
            if (match < 0) {
                dropped = true;
                return;
            }
            if (!prefix.isEmpty()) labels.add(label);
            CompletionItem item = new CompletionItem(label);
            item.setKind(kind);
            item.setSortText(sortText(group, match, label));
            item.setFilterText(label);
            if (data != null) item.setData(data);
            out.add(item);
        }

        /** Adds a candidate unless one with that label is in already; returns it, or null when dropped or a duplicate. */
        CompletionItem add(String label, CompletionItemKind kind, char group, String detail, Object data) {
            if (label == null || label.isEmpty() || labels.contains(label)) return null;
            int match = match(label, prefix);
            if (match < 0) {
                dropped = true;
                return null;
            }
            labels.add(label);
            CompletionItem item = new CompletionItem(label);
            item.setKind(kind);
            item.setSortText(sortText(group, match, label));
            item.setFilterText(label);
            if (detail != null) item.setDetail(detail);
            if (data != null) item.setData(data);
            out.add(item);
            return item;
        }

        /** A keyword or snippet: its label may repeat a name's (`this` the keyword, `this` a snippet). */
        CompletionItem addKeyword(String label, CompletionItemKind kind, char group, String snippet) {
            String key = "\u0000" + kind + label;
            if (labels.contains(key)) return null;
            int match = match(label, prefix);
            if (match < 0) {
                dropped = true;
                return null;
            }
            labels.add(key);
            CompletionItem item = new CompletionItem(label);
            item.setKind(kind);
            item.setSortText(sortText(group, match, label));
            item.setFilterText(label);
            if (snippet != null) {
                item.setInsertText(snippet);
                item.setInsertTextFormat(InsertTextFormat.Snippet);
            }
            out.add(item);
            return item;
        }

        /** The two-char heads of sortText, by group and match: concatenated, a Latin-1 label stays Latin-1. */
        private static final String[][] HEADS = new String[10][4];
        static {
            for (int g = 0; g < 10; g++) for (int m = 0; m < 4; m++) HEADS[g][m] = new String(new char[] {(char) ('0' + g), (char) ('0' + m)});
        }

        private static String sortText(char group, int match, String label) {
            return HEADS[group - '0'][match].concat(label);
        }
    }

    /**
     * How {@code name} matches the typed {@code prefix}: 0 a prefix, 1 a prefix ignoring case, 2
     * camel-case humps ({@code gEBI} → {@code getElementById}), 3 the prefix's letters in order
     * starting at the name's start; -1 no match.
     */
    static int match(CharSequence name, String prefix) {
        int p = prefix.length();
        if (p == 0) return 0;
        if (name.length() < p) return -1;
        boolean exact = true, folded = true;
        for (int k = 0; k < p && folded; k++) {
            char a = name.charAt(k), b = prefix.charAt(k);
            if (a != b) {
                exact = false;
                folded = Character.toLowerCase(a) == Character.toLowerCase(b);
            }
        }
        if (exact) return 0;
        if (folded) return 1;
        if (Character.toLowerCase(name.charAt(0)) != Character.toLowerCase(prefix.charAt(0))) return -1;
        // humps: each prefix char continues the current hump or starts the next one
        int i = 1, j = 1;
        boolean humps = true;
        while (j < p && i < name.length()) {
            char want = prefix.charAt(j);
            if (Character.toLowerCase(name.charAt(i)) == Character.toLowerCase(want) && (Character.isUpperCase(want) == isHump(name, i) || !Character.isUpperCase(want))) {
                j++;
                i++;
                continue;
            }
            int next = i;
            while (next < name.length() && !isHump(name, next)) next++;
            if (next < name.length() && Character.toLowerCase(name.charAt(next)) == Character.toLowerCase(want)) {
                i = next + 1;
                j++;
            } else {
                humps = false;
                break;
            }
        }
        if (humps && j == p) return 2;
        // letters in order
        i = 1;
        j = 1;
        while (i < name.length() && j < p) {
            if (Character.toLowerCase(name.charAt(i)) == Character.toLowerCase(prefix.charAt(j))) j++;
            i++;
        }
        return j == p ? 3 : -1;
    }

    /** A name of the document's name table as a CharSequence, to match it before making a String of it. */
    private static final class NameView implements CharSequence {
        private final dev.arenals.parser.tree.NameTable names;
        int id;

        NameView(dev.arenals.parser.tree.NameTable names) { this.names = names; }

        @Override public int length() { return names.length(id); }
        @Override public char charAt(int i) { return names.charAt(id, i); }
        @Override public CharSequence subSequence(int start, int end) { return toString().substring(start, end); }
        @Override public String toString() { return names.name(id); }
    }

    private static boolean isHump(CharSequence name, int i) {
        char c = name.charAt(i);
        if (Character.isUpperCase(c)) return i == 0 || !Character.isUpperCase(name.charAt(i - 1)) || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)));
        return i > 0 && (name.charAt(i - 1) == '_' || name.charAt(i - 1) == '$');
    }
}
