package dev.arenals.server.protocol;

import dev.arenals.server.features.CrossFileReferences;
import dev.arenals.server.features.ImplementationHandler;
import dev.arenals.server.features.TypeHierarchyHandler;
import dev.arenals.server.workspace.CrossFileNavigator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TypeHierarchyItem;

/**
 * Type hierarchy and go to implementation across files: the edges are read one document at a time
 * ({@link TypeHierarchyHandler}, {@link ImplementationHandler}, each on that document's queue or a
 * snapshot from disk), and followed here. Subtypes of a type are the holders of the heritage
 * clauses among its references (so imports, re-exports and namespace imports are followed as
 * references follows them); supertypes are the definitions of the names in its heritage clauses.
 */
final class TypeHierarchyRequests {
    /** Bounds a walk of subtypes: a real hierarchy is far smaller; cycles in broken code are cut by the seen set. */
    static final int MAX_TYPES = 2000, MAX_ROUNDS = 64;

    private final ArenaTextDocumentService service;
    private final Supplier<CrossFileNavigator> navigator;
    private final TypeHierarchyHandler types = new TypeHierarchyHandler();
    private final ImplementationHandler implementations = new ImplementationHandler();

    TypeHierarchyRequests(ArenaTextDocumentService service, Supplier<CrossFileNavigator> navigator) {
        this.service = service;
        this.navigator = navigator;
    }

    /** The type items of declarations (null where a declaration is not a named class or interface, or with {@code aliases} type alias), in order. */
    CompletableFuture<List<TypeHierarchyItem>> itemsOf(List<Location> declarations, boolean aliases) {
        List<CompletableFuture<List<TypeHierarchyItem>>> parts = new ArrayList<>();
        for (Location l : declarations) {
            parts.add(onFile(l.getUri(), java.util.Collections.singletonList(null), doc -> {
                TypeHierarchyItem item = types.typeAt(doc, l.getRange().getStart(), aliases);
                return item == null ? java.util.Collections.singletonList(null) : List.of(item);
            }));
        }
        return concat(parts);
    }

    /** {@code textDocument/prepareTypeHierarchy}: the class or interface named at the position (its declaration or a use). */
    CompletableFuture<List<TypeHierarchyItem>> prepare(String uri, Position position) {
        return onFile(uri, List.<Location>of(), doc -> types.declarationsAt(doc, position, navigator.get()))
                .thenCompose(found -> itemsOf(found, false)).thenApply(TypeHierarchyRequests::present);
    }

    CompletableFuture<List<TypeHierarchyItem>> supertypes(TypeHierarchyItem item) {
        return onFile(item.getUri(), List.<Location>of(), doc -> types.supertypeDeclarations(doc, item.getSelectionRange().getStart(), navigator.get()))
                .thenCompose(found -> itemsOf(found, false)).thenApply(TypeHierarchyRequests::present);
    }

    /** The classes and interfaces naming {@code item} in their {@code extends} / {@code implements}, in any file. */
    CompletableFuture<List<TypeHierarchyItem>> subtypes(TypeHierarchyItem item) {
        return step(List.of(item), null, false).thenApply(Step::types);
    }

    /** What the files hold directly below some types: the types naming one in a heritage clause, and (for implementation) the object literals one types. */
    private record Step(List<TypeHierarchyItem> types, List<Location> objects) { }

    /**
     * One level below {@code items}: the references of each item's name in its own file and the
     * sites other files hold, then those sites, then the heritage clauses and annotations among all
     * the uses. Every file read from disk is a parse, so a file's heritage clauses are read while it
     * is parsed for its uses ({@link Prepared}); only a file whose uses came from more than one
     * parse (an item's own file that other files' sites also point into) is read once more for them.
     */
    private CompletableFuture<Step> step(List<TypeHierarchyItem> items, String member, boolean objects) {
        Map<String, List<TypeHierarchyItem>> byUri = new LinkedHashMap<>();
        for (TypeHierarchyItem t : items) byUri.computeIfAbsent(t.getUri(), k -> new ArrayList<>()).add(t);
        Map<String, Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<List<ArenaTextDocumentService.LocalAndSites>>> here = new ArrayList<>();
        for (Map.Entry<String, List<TypeHierarchyItem>> e : byUri.entrySet()) {
            here.add(onFile(e.getKey(), List.of(), doc -> {
                List<ArenaTextDocumentService.LocalAndSites> out = new ArrayList<>();
                List<Location> local = new ArrayList<>();
                for (TypeHierarchyItem t : e.getValue()) {
                    ArenaTextDocumentService.LocalAndSites found = service.referencesHere(doc, t.getSelectionRange().getStart(), false);
                    out.add(found);
                    local.addAll(found.local());
                }
                prepare(prepared, e.getKey(), doc, local, member, objects);
                return out;
            }));
        }
        return concat(here).thenCompose(found -> {
            List<Location> uses = new ArrayList<>();
            Map<String, List<CrossFileReferences.Site>> sitesByUri = new LinkedHashMap<>();
            for (ArenaTextDocumentService.LocalAndSites f : found) {
                uses.addAll(f.local());
                for (CrossFileReferences.Site site : f.sites()) sitesByUri.computeIfAbsent(site.uri(), k -> new ArrayList<>()).add(site);
            }
            List<CompletableFuture<List<Location>>> there = new ArrayList<>();
            for (Map.Entry<String, List<CrossFileReferences.Site>> e : sitesByUri.entrySet()) {
                there.add(onFile(e.getKey(), List.of(), doc -> {
                    List<Location> out = new ArrayList<>();
                    for (CrossFileReferences.Site site : e.getValue()) out.addAll(service.referencesIn(doc, site, false));
                    prepare(prepared, e.getKey(), doc, out, member, objects);
                    return out;
                }));
            }
            return concat(there).thenCompose(elsewhere -> {
                uses.addAll(elsewhere);
                Map<String, List<Location>> usesByUri = new LinkedHashMap<>();
                for (Location l : dedupe(uses)) usesByUri.computeIfAbsent(l.getUri(), k -> new ArrayList<>()).add(l);
                List<CompletableFuture<List<Step>>> parts = new ArrayList<>();
                for (Map.Entry<String, List<Location>> e : usesByUri.entrySet()) {
                    Prepared p = prepared.get(e.getKey());
                    if (p != null && p.uses().equals(e.getValue())) {
                        parts.add(CompletableFuture.completedFuture(List.of(p.step())));
                        continue;
                    }
                    parts.add(onFile(e.getKey(), List.of(), doc -> List.of(holders(doc, e.getValue(), member, objects))));
                }
                return concat(parts).thenApply(steps -> {
                    Step all = new Step(new ArrayList<>(), new ArrayList<>());
                    for (Step st : steps) {
                        all.types().addAll(st.types());
                        all.objects().addAll(st.objects());
                    }
                    return all;
                });
            });
        });
    }

    /** A file's heritage clauses (and typed objects) among {@code uses}, its uses, computed while it was parsed for them. */
    private record Prepared(List<Location> uses, Step step) { }

    /** What {@link #step} reads in a file among its uses. */
    private Step holders(dev.arenals.server.document.Document doc, List<Location> uses, String member, boolean objects) {
        return new Step(types.holdersOf(doc, uses), objects ? implementations.typedObjects(doc, uses, member) : List.of());
    }

    /**
     * Reads {@code doc}'s holders among the uses just found in it, as the step's last phase would
     * (the uses in the file, each once, in order): kept only if that phase gets exactly these uses for
     * the file, else it reads the file again. A file two parses found uses in is not prepared at all.
     */
    private void prepare(Map<String, Prepared> prepared, String uri, dev.arenals.server.document.Document doc, List<Location> found,
                         String member, boolean objects) {
        List<Location> inFile = new ArrayList<>();
        for (Location l : dedupe(found)) if (uri.equals(l.getUri())) inFile.add(l);
        if (inFile.isEmpty()) return;
        Prepared mine = new Prepared(inFile, holders(doc, inFile, member, objects));
        if (prepared.putIfAbsent(uri, mine) != null) prepared.put(uri, new Prepared(List.of(), mine.step())); // never equal to a non-empty list of uses
    }

    /** What lies below {@code roots}: every type, transitively, each once (a root too when a cycle of broken code puts it below itself, as TypeScript lists it). */
    private record Below(List<TypeHierarchyItem> types, List<Location> objects) { }

    private CompletableFuture<Below> allBelow(List<TypeHierarchyItem> roots, String member) {
        return below(roots, member, new HashSet<>(), new Below(new ArrayList<>(), new ArrayList<>()), 0);
    }

    private CompletableFuture<Below> below(List<TypeHierarchyItem> frontier, String member, Set<String> seen, Below found, int round) {
        if (frontier.isEmpty() || round >= MAX_ROUNDS || found.types().size() >= MAX_TYPES) return CompletableFuture.completedFuture(found);
        return step(frontier, member, true).thenCompose(s -> {
            List<TypeHierarchyItem> fresh = new ArrayList<>();
            found.objects().addAll(s.objects());
            for (TypeHierarchyItem t : s.types()) {
                if (found.types().size() + fresh.size() >= MAX_TYPES) break;
                if (seen.add(key(t))) fresh.add(t);
            }
            found.types().addAll(fresh);
            return below(fresh, member, seen, found, round + 1);
        });
    }

    /** {@code textDocument/implementation}. */
    CompletableFuture<List<Location>> implementation(String uri, Position position) {
        return onFile(uri, ImplementationHandler.Seed.NONE, doc -> implementations.seed(doc, position, navigator.get())).thenCompose(seed ->
                itemsOf(seed.declarations(), true).thenCompose(items -> {
                    List<TypeHierarchyItem> roots = new ArrayList<>();
                    List<Location> plain = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i) != null) roots.add(items.get(i));
                        else if (seed.member() == null) plain.add(seed.declarations().get(i));
                    }
                    // a function, a variable: its definition; an interface merged with a namespace: the interface's implementations
                    if (roots.isEmpty()) return CompletableFuture.completedFuture(plain);
                    return allBelow(roots, seed.member()).thenCompose(found -> {
                        List<TypeHierarchyItem> below = found.types();
                        List<TypeHierarchyItem> all = new ArrayList<>(roots);
                        all.addAll(below);
                        if (seed.member() == null) {
                            List<Location> out = new ArrayList<>();
                            for (TypeHierarchyItem t : roots) if (t.getKind() == SymbolKind.Class) out.add(location(t));
                            for (TypeHierarchyItem t : below) out.add(location(t));
                            out.addAll(found.objects());
                            return CompletableFuture.completedFuture(dedupe(out));
                        }
                        // classes, and interfaces for those declared in an ambient context
                        Map<String, List<TypeHierarchyItem>> typesByUri = new LinkedHashMap<>();
                        for (TypeHierarchyItem t : all) {
                            if (t.getKind() != TypeHierarchyHandler.ALIAS) typesByUri.computeIfAbsent(t.getUri(), k -> new ArrayList<>()).add(t);
                        }
                        List<CompletableFuture<List<Location>>> parts = new ArrayList<>();
                        for (Map.Entry<String, List<TypeHierarchyItem>> e : typesByUri.entrySet()) {
                            parts.add(onFile(e.getKey(), List.of(), doc -> implementations.concreteMembers(doc, e.getValue(), seed.member())));
                        }
                        parts.add(CompletableFuture.completedFuture(found.objects()));
                        return concat(parts).thenApply(TypeHierarchyRequests::dedupe);
                    });
                }));
    }

    private <T> CompletableFuture<T> onFile(String uri, T ifFails, Function<dev.arenals.server.document.Document, T> work) {
        return service.inAnyFile(uri, Uris.pathOf(uri), ifFails, work);
    }

    private static Location location(TypeHierarchyItem t) { return new Location(t.getUri(), t.getSelectionRange()); }

    private static String key(TypeHierarchyItem t) {
        return t.getUri() + "#" + t.getSelectionRange().getStart().getLine() + ":" + t.getSelectionRange().getStart().getCharacter();
    }

    private static List<Location> dedupe(List<Location> locations) {
        Map<String, Location> out = new LinkedHashMap<>();
        for (Location l : locations) out.putIfAbsent(l.getUri() + "#" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter(), l);
        return new ArrayList<>(out.values());
    }

    private static List<TypeHierarchyItem> present(List<TypeHierarchyItem> items) {
        Map<String, TypeHierarchyItem> out = new LinkedHashMap<>();
        for (TypeHierarchyItem t : items) if (t != null) out.putIfAbsent(key(t), t);
        return new ArrayList<>(out.values());
    }

    private static <T> CompletableFuture<List<T>> concat(List<CompletableFuture<List<T>>> parts) {
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            List<T> out = new ArrayList<>();
            for (CompletableFuture<List<T>> part : parts) out.addAll(part.join());
            return out;
        });
    }
}
