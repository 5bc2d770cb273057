package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.query.CommonJs;
import dev.arenals.server.query.DeclaredTypes;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.RenamePlan;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.CrossFileNavigator.NameInFile;
import dev.arenals.server.workspace.CrossFileNavigator.RenameSite;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.ModuleResolver;
import dev.arenals.server.workspace.Summarizer;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code textDocument/rename} across the workspace: where the name under the cursor is declared
 * (through imports and re-export chains), and what each file must change
 * ({@link CrossFileNavigator#renameSites}). A name declared outside the workspace (a package, a
 * {@code node_modules} file, a file outside the workspace folders) is refused. A name no other
 * file imports is left to {@link RenameHandler}, which keeps the module's interface.
 */
public final class CrossFileRename {
    /** A workspace rename: the declaration renamed, and the sites to edit grouped by file (the declaring file first). */
    public record Plan(NameInFile origin, Map<Path, List<RenameSite>> byFile) { }

    /**
     * The workspace rename of the name at {@code position}, or null when the rename stays in this
     * document; {@link RenamePlan.Refused} for a name declared outside the workspace. On the
     * document's queue, after it is parsed.
     */
    public Plan plan(Document doc, Position position, CrossFileNavigator navigator, WorkspaceIndex index, List<Path> folders) {
        NameInFile origin = origin(doc, position, navigator, index, folders);
        if (origin == null) {
            Plan members = instanceMemberPlan(doc, position, navigator, index, folders);
            if (members != null) return members;
            refuseMemberOfImported(doc, position, navigator, index);
            return null;
        }
        List<RenameSite> sites = navigator.renameSites(origin.file(), origin.name());
        Map<Path, List<RenameSite>> byFile = new LinkedHashMap<>();
        for (RenameSite s : sites) byFile.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(s);
        Path here = Uris.pathOf(doc.uri());
        if (byFile.size() == 1 && byFile.containsKey(here)) return null; // no other file involved
        if (!byFile.containsKey(here)) {
            // m_1.a where the module writes exports.a = a: its exported name is a property rename does not edit
            throw new RenamePlan.Refused("`" + origin.name() + "` reaches this file through a CommonJS export (exports." + origin.name()
                    + "), which rename does not edit: rename it where it is declared");
        }
        return new Plan(origin, byFile);
    }

    /**
     * The rename of an instance member of a class or interface other files import
     * ({@link CrossFileReferences#instanceMembersAt}): its declaring file and every importer; null
     * when no other file is involved. Refused for a type declared outside the workspace.
     */
    private static Plan instanceMemberPlan(Document doc, Position position, CrossFileNavigator navigator, WorkspaceIndex index, List<Path> folders) {
        DocumentQuery q = DocumentQuery.of(doc);
        Path here = Uris.pathOf(doc.uri());
        if (q == null || here == null) return null;
        int offset = q.offset(position);
        Target target = new TargetResolver(q).at(offset);
        List<CrossFileReferences.InstanceMember> members = CrossFileReferences.withImplementations(
                CrossFileReferences.instanceMembersAt(q, offset, target, here, navigator, index), navigator, index);
        if (members.isEmpty()) return null;
        Map<Path, List<RenameSite>> byFile = new LinkedHashMap<>();
        for (CrossFileReferences.InstanceMember m : members) {
            NameInFile origin = m.container();
            if (outside(origin.file(), folders)) {
                throw new RenamePlan.Refused("`" + m.member() + "` is a member of `" + origin.name() + "`, declared in " + origin.file()
                        + ", outside the workspace: it cannot be renamed");
            }
            byFile.computeIfAbsent(origin.file(), k -> new ArrayList<>())
                    .add(new RenameSite(origin.file(), CrossFileNavigator.RenameKind.INSTANCE_MEMBER_DECLARED, origin.name(), m.member()));
            for (CrossFileNavigator.Binding binding : navigator.importBindingsOf(origin.file(), origin.name())) {
                if (binding.reexport() || binding.member() != null) continue;
                byFile.computeIfAbsent(binding.file(), k -> new ArrayList<>())
                        .add(new RenameSite(binding.file(), CrossFileNavigator.RenameKind.INSTANCE_MEMBER_USES, binding.localName(), m.member()));
            }
            for (Path candidate : CrossFileReferences.chainCandidates(origin, navigator, index)) {
                byFile.computeIfAbsent(candidate, k -> new ArrayList<>())
                        .add(new RenameSite(candidate, CrossFileNavigator.RenameKind.INSTANCE_MEMBER_CHAINED, origin.name(), m.member(), origin.file()));
            }
        }
        if (byFile.size() == 1 && byFile.containsKey(here)) return null; // no other file involved: the local rename
        if (!byFile.containsKey(here)) byFile.put(here, new ArrayList<>()); // the cursor's file is renamed through its sites
        return new Plan(members.get(0).container(), byFile);
    }

    /** Where the name at {@code position} is declared, when that is a top-level name a workspace rename follows; else null. */
    private NameInFile origin(Document doc, Position position, CrossFileNavigator navigator, WorkspaceIndex index, List<Path> folders) {
        DocumentQuery q = DocumentQuery.of(doc);
        Path file = Uris.pathOf(doc.uri());
        if (q == null || file == null) return null;
        int offset = q.offset(position);
        int ident = q.identifierAt(offset);
        if (ident < 0) return null;
        Arena arena = q.arena();
        int[] path = TreePaths.pathTo(arena, ident);
        if (path == null || path.length < 2) return null;
        int parent = path[path.length - 2];
        int pk = arena.kind(parent);
        String[] named = namespaceMemberOrReexport(q, ident, path);
        if (named != null && named[2] == null) return imported(file, named[0], named[1], navigator, index, folders);
        if (named != null) {
            Path module = navigator.namespaceModule(file, named[0], named[2]);
            if (module != null) {
                if (outside(module, folders)) {
                    throw new RenamePlan.Refused("`" + named[1] + "` is a member of " + module + ", outside the workspace: it cannot be renamed");
                }
                return navigator.exportOrigin(module, named[1]);
            }
            if (named[2].equals("*")) return imported(file, named[0], named[1], navigator, index, folders);
            return null;
        }
        Target target = new TargetResolver(q).at(offset);
        if (target == null || target.kind != Target.SYMBOL) return null;
        Occurrences declarations = Occurrences.declarations(q, target);
        if (declarations.size() == 0) return null;
        int declaration = declarations.node(0);
        String local = name(arena, declaration);
        // const { a } = require("./m"): the local name is this file's own (the module's name for it is a property key)
        if (CommonJs.requireOf(arena, declaration) != null) return null;
        String[] imported = DefinitionHandler.importOf(arena, declaration);
        if (imported != null) {
            if (imported[1].equals("*") || imported[1].equals("default")) return null; // the local name is this file's own
            int localOfSpecifier = pk == IMPORT_SPECIFIER ? Layouts.importLocal(arena, parent) : -1;
            boolean onImportedName = pk == IMPORT_SPECIFIER && Layouts.importImported(arena, parent) == ident && localOfSpecifier >= 0
                    && arena.start(localOfSpecifier) != arena.start(ident);
            if (!imported[1].equals(local) && !onImportedName) return null; // import { a as x }: x is this file's own
            // from outside the workspace: renamed in this file only, `import { a as b }`, as TypeScript does
            if (importedFromOutside(file, imported[0], imported[1], navigator, index, folders)) return null;
            return imported(file, imported[0], imported[1], navigator, index, folders);
        }
        FileSummary own = index.summary(file);
        FileSummary.Declaration top = own == null ? null : own.declaration(local);
        Range range = q.rangeOfNode(declaration);
        boolean isTopLevel = top != null && top.span().line() == range.getStart().getLine()
                && top.span().startColumn() == range.getStart().getCharacter();
        return isTopLevel ? new NameInFile(file, local) : null;
    }

    /**
     * A member of a top-level declaration that other files import ({@code Ns.f}, {@code Enum.A},
     * an object const's key): their {@code X.m} uses are beyond this file's
     * rename, which would leave them behind, so it is refused rather than half done.
     */
    private static void refuseMemberOfImported(Document doc, Position position, CrossFileNavigator navigator, WorkspaceIndex index) {
        DocumentQuery q = DocumentQuery.of(doc);
        Path file = Uris.pathOf(doc.uri());
        if (q == null || file == null) return;
        Target target = new TargetResolver(q).at(q.offset(position));
        if (target == null || (target.kind != Target.MEMBER && target.kind != Target.SYMBOL)) return;
        // a class's members are also used through instances, which no file's text ties to the class: left as before
        if (target.kind == Target.MEMBER && target.containerKind == Target.CLASS) return;
        Occurrences declarations = Occurrences.declarations(q, target);
        if (declarations.size() == 0) return;
        Arena arena = q.arena();
        int[] path = TreePaths.pathTo(arena, declarations.node(0));
        if (path == null || path.length < 3) return;
        int depth = 1;
        int tk = arena.kind(path[1]);
        if ((tk == EXPORT_NAMED || tk == EXPORT_DEFAULT) && path.length > 3) depth = 2;
        int top = path[depth];
        // the container (a class, enum, object, or for a symbol a namespace) is reached from the
        // top-level statement only through declarations, never through a function's body
        int end = path.length - 1;
        if (target.kind == Target.MEMBER) {
            end = -1;
            for (int i = depth; i < path.length; i++) if (path[i] == target.containers[0]) { end = i; break; }
            if (end < 0) return;
        } else if (arena.kind(top) != MODULE_DECLARATION) {
            return; // a top-level name's own rename is CrossFileRename's; anything else is local
        }
        boolean exportedFromNamespace = target.kind == Target.MEMBER;
        for (int i = depth + 1; i < end; i++) {
            int k = arena.kind(path[i]);
            if (k == EXPORT_NAMED) { exportedFromNamespace = true; continue; }
            if (k != MODULE_DECLARATION && k != MODULE_BLOCK && k != VARIABLE_DECLARATION && k != VARIABLE_DECLARATOR
                    && !(target.kind == Target.SYMBOL && i == end - 1)) return;
        }
        if (!exportedFromNamespace) return;
        FileSummary own = index.summary(file);
        if (own == null) return;
        for (FileSummary.Declaration d : own.declarations()) {
            int at = q.offset(new Position(d.span().line(), d.span().startColumn()));
            if (at < arena.start(top) || at >= arena.end(top)) continue;
            for (RenameSite site : navigator.renameSites(file, d.name())) {
                if (!site.file().equals(file)) {
                    throw new RenamePlan.Refused("`" + q.text(declarations.node(0)) + "` is a member of `" + d.name() + "`, which "
                            + file.getParent().relativize(site.file()) + " imports: renaming members across files is not supported");
                }
            }
            return;
        }
    }

    /**
     * The module specifier and name at {@code ident} when it is the local side of
     * {@code export { a } from}, or {@code x.a} where x is imported (then the third element is the
     * name x imports: "*" for a namespace import, else maybe an {@code export * as x}); else null.
     */
    private static String[] namespaceMemberOrReexport(DocumentQuery q, int ident, int[] path) {
        Arena arena = q.arena();
        if (path == null || path.length < 3) return null;
        int parent = path[path.length - 2];
        int pk = arena.kind(parent);
        if (arena.kind(ident) == IDENTIFIER_NAME && (pk == MEMBER || pk == QUALIFIED_NAME) && Layouts.memberProperty(arena, parent) == ident) {
            int object = Layouts.memberObject(arena, parent);
            if (arena.kind(object) != IDENTIFIER_REFERENCE) return null;
            int symbol = q.symbolOfNode(object);
            if (symbol < 0) return null;
            String[] imported = DefinitionHandler.importOf(arena, q.scopes().declarationNode(symbol));
            if (imported == null || imported[1].equals("default")) return null;
            return new String[] {imported[0], name(arena, ident), imported[1]};
        }
        if (pk == EXPORT_SPECIFIER && Layouts.exportLocal(arena, parent) == ident) {
            String from = specifierOf(arena, path[path.length - 3]);
            if (from != null) return new String[] {from, name(arena, ident), null};
        }
        return null;
    }

    /** The declaration of the name at {@code offset} when it is {@code ns.a} or the local side of {@code export { a } from}; else null. */
    static NameInFile importedNameAt(DocumentQuery q, int offset, Path file, CrossFileNavigator navigator) {
        int ident = q.identifierAt(offset);
        if (ident < 0) return null;
        String[] named = namespaceMemberOrReexport(q, ident, TreePaths.pathTo(q.arena(), ident));
        if (named == null) return null;
        if (named[2] == null) return navigator.origin(file, named[0], named[1]);
        Path module = navigator.namespaceModule(file, named[0], named[2]);
        return module == null ? null : navigator.exportOrigin(module, named[1]);
    }

    /** The declaration behind {@code name} of {@code specifier} imported by {@code file}; refused outside the workspace; null when not found. */
    private static NameInFile imported(Path file, String specifier, String name, CrossFileNavigator navigator, WorkspaceIndex index,
            List<Path> folders) {
        NameInFile origin = navigator.origin(file, specifier, name);
        if (origin != null) {
            if (outside(origin.file(), folders)) {
                throw new RenamePlan.Refused("`" + name + "` is declared in " + origin.file() + ", outside the workspace: it cannot be renamed");
            }
            return origin;
        }
        FileSummary s = index.summary(file);
        Path target = s != null ? s.resolve(specifier) : ModuleResolver.resolveFrom(file, specifier);
        if ((target == null && !ModuleResolver.isRelative(specifier)) || (target != null && outside(target, folders))) {
            throw new RenamePlan.Refused("`" + name + "` is imported from '" + specifier + "', a module outside the workspace: it cannot be renamed");
        }
        return null; // a missing relative module: the rename stays in this file (import { a as b })
    }

    /**
     * Whether {@code name} of {@code specifier} is declared outside the workspace (node_modules, a
     * package that does not resolve): such an import's local name is this file's to rename, as
     * TypeScript's rename does with its default {@code providePrefixAndSuffixTextForRename}.
     */
    private static boolean importedFromOutside(Path file, String specifier, String name, CrossFileNavigator navigator, WorkspaceIndex index,
            List<Path> folders) {
        NameInFile origin = navigator.origin(file, specifier, name);
        if (origin != null) return outside(origin.file(), folders);
        FileSummary s = index.summary(file);
        Path target = s != null ? s.resolve(specifier) : ModuleResolver.resolveFrom(file, specifier);
        return (target == null && !ModuleResolver.isRelative(specifier)) || (target != null && outside(target, folders));
    }

    /** In a node_modules directory, or in none of the workspace folders. */
    static boolean outside(Path file, List<Path> folders) {
        for (Path part : file) if (part.toString().equals("node_modules")) return true;
        if (folders.isEmpty()) return false;
        for (Path folder : folders) if (file.startsWith(folder)) return false;
        return true;
    }

    /**
     * The edits {@code sites} (all of this document's file) make for {@code newName}; on the
     * document's queue, after it is parsed. Throws {@link RenamePlan.Refused} when the new name
     * conflicts here, or the file no longer holds what the index said.
     */
    /**
     * A closed file's edits when every site is {@code ns.member} uses ({@link CrossFileNavigator.RenameKind#MEMBER_USES}),
     * found without a parse ({@link CrossFileReferences#memberUsesWithoutParse}); null where the file must be parsed.
     */
    public static List<TextEdit> memberEditsWithoutParse(FileSummary s, List<RenameSite> sites, String newName, WorkspaceIndex index,
            dev.arenals.server.document.PositionEncoding encoding, long maxBytes) {
        String renamed = newName == null ? "" : newName.strip();
        LinkedHashMap<String, TextEdit> out = new LinkedHashMap<>();
        for (RenameSite site : sites) {
            if (site.kind() != CrossFileNavigator.RenameKind.MEMBER_USES) return null;
            int k = s.importIndexOf(site.name());
            if (k < 0) return null;
            CrossFileReferences.Site uses = new CrossFileReferences.Site(s.uri(), s.path(), new Position(s.importSpanPart(k, 0), s.importSpanPart(k, 1)), site.member());
            List<Location> found = CrossFileReferences.memberUsesWithoutParse(uses, index, encoding, maxBytes);
            if (found == null) return null;
            for (Location l : found) {
                Position p = l.getRange().getStart();
                out.putIfAbsent(p.getLine() + ":" + p.getCharacter(), new TextEdit(l.getRange(), renamed));
            }
        }
        return new ArrayList<>(out.values());
    }

    public List<TextEdit> edits(Document doc, List<RenameSite> sites, String newName) { return edits(doc, sites, newName, null); }

    /** ... with the navigator that follows chains of other files' declarations ({@link CrossFileNavigator.RenameKind#INSTANCE_MEMBER_CHAINED}). */
    public List<TextEdit> edits(Document doc, List<RenameSite> sites, String newName, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) throw new RenamePlan.Refused("cannot rename across files: " + doc.uri() + " cannot be parsed");
        Path file = Uris.pathOf(doc.uri());
        Arena arena = q.arena();
        // a fresh summary of this very parse: its spans match the tree
        FileSummary summary = Summarizer.summarize(file, doc.uri(), arena, doc.chars(), doc.lines(), doc.encoding());
        String renamed = newName == null ? "" : newName.strip();
        LinkedHashMap<Integer, TextEdit> out = new LinkedHashMap<>();
        for (RenameSite site : sites) {
            switch (site.kind()) {
                case BINDING: {
                    FileSummary.Span span = bindingSpan(summary, site.name());
                    if (span == null) break; // changed since it was indexed: nothing of the name left here
                    RenamePlan plan = RenamePlan.at(q, q.offset(new Position(span.line(), span.startColumn())));
                    if (plan == null) break;
                    for (RenamePlan.Edit e : plan.edits(newName, true)) out.putIfAbsent(e.start, new TextEdit(q.range(e.start, e.end), e.text));
                    break;
                }
                case IMPORTED_NAME: {
                    int node = importedNameOf(arena, site.name());
                    if (node >= 0) out.putIfAbsent(arena.start(node), new TextEdit(q.rangeOfNode(node), renamed));
                    break;
                }
                case REEXPORT_LOCAL:
                case REEXPORT_WHOLE: {
                    int node = reexportedLocalOf(arena, site.name());
                    if (node >= 0) out.putIfAbsent(arena.start(node), new TextEdit(q.rangeOfNode(node), renamed));
                    break;
                }
                case INSTANCE_MEMBER_DECLARED:
                case INSTANCE_MEMBER_USES:
                case INSTANCE_MEMBER_CHAINED: {
                    CrossFileReferences.Site at;
                    if (site.kind() == CrossFileNavigator.RenameKind.INSTANCE_MEMBER_CHAINED) {
                        at = CrossFileReferences.Site.chainedMember(doc.uri(), file, new NameInFile(site.typeFile(), site.name()), site.member());
                    } else {
                        boolean declared = site.kind() == CrossFileNavigator.RenameKind.INSTANCE_MEMBER_DECLARED;
                        FileSummary.Span span = declared ? declarationSpan(summary, site.name()) : importSpan(summary, site.name());
                        if (span == null) break;
                        at = CrossFileReferences.Site.instanceMember(doc.uri(), file, new Position(span.line(), span.startColumn()), site.member(), declared);
                    }
                    List<int[]> occurrences = CrossFileReferences.instanceMemberNodes(q, at, navigator);
                    refuseUsesOfUnknownType(q, file, site.member(), occurrences);
                    for (int[] occurrence : occurrences) {
                        int node = occurrence[0];
                        int parent = q.parentOf(node);
                        boolean shorthand = parent >= 0 && arena.kind(parent) == PROPERTY && (arena.data(parent) & P_SHORTHAND) != 0;
                        String text = renamed;
                        if (shorthand && Layouts.propertyKey(arena, parent) == node) text = renamed + ": " + site.member(); // { m } → { m2: m }
                        else if (shorthand && arena.kind(node) == IDENTIFIER_REFERENCE) text = site.member() + ": " + renamed; // a parameter property's parameter
                        out.putIfAbsent(arena.start(node), new TextEdit(q.rangeOfNode(node), text));
                    }
                    break;
                }
                case MEMBER_USES: {
                    FileSummary.Import i = summary.importOf(site.name());
                    if (i == null) break;
                    int symbol = q.symbolOfNode(q.identifierAt(q.offset(new Position(i.span().line(), i.span().startColumn()))));
                    if (symbol < 0) break;
                    for (int node : CrossFileReferences.memberUseNodes(q, symbol, site.member())) {
                        out.putIfAbsent(arena.start(node), new TextEdit(q.rangeOfNode(node), renamed));
                    }
                    break;
                }
                default:
            }
        }
        if (!out.isEmpty() && !dev.arenals.server.query.Names.isIdentifierName(renamed)) {
            throw new RenamePlan.Refused("cannot rename to `" + renamed + "`: it is not an identifier");
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Refuses the rename of an instance member where this file (the type's or an importer of it)
     * reads {@code .member} of a value whose type the declarations do not tell ({@code ctx.target}
     * with {@code ctx} typed through an imported function type): TypeScript would rename it when it
     * is the same member, and leaving it behind breaks the code, so nothing is done rather than half.
     */
    private static void refuseUsesOfUnknownType(DocumentQuery q, Path file, String member, List<int[]> found) {
        java.util.Set<Integer> renamed = new java.util.HashSet<>();
        for (int[] o : found) renamed.add(q.arena().start(o[0]));
        refuseUsesOfUnknownType(q, file, member, renamed);
    }

    /** ... where {@code renamed} holds the start offsets of the names the rename edits in this file. */
    static void refuseUsesOfUnknownType(DocumentQuery q, Path file, String member, java.util.Set<Integer> renamed) {
        Arena arena = q.arena();
        char[] chars = member.toCharArray();
        int nameId = arena.names().find(chars, 0, chars.length);
        if (nameId < 0) return;
        TargetResolver resolver = null;
        for (int node = 0, n = arena.nodeCount(); node < n; node++) {
            if (arena.kind(node) != MEMBER || (arena.data(node) & M_COMPUTED) != 0) continue;
            int property = Layouts.memberProperty(arena, node);
            if (property < 0 || arena.kind(property) != IDENTIFIER_NAME || arena.data(property) != nameId || renamed.contains(arena.start(property))) continue;
            if (q.parentOf(node) < 0 && node != arena.root()) continue; // left behind by an incremental splice
            int object = Layouts.memberObject(arena, node);
            // a member of a type the declarations tell, or of what the name resolves to (an object literal): found above, or another's
            if (DeclaredTypes.typeNameOf(q, object) >= 0) continue;
            if (resolver == null) resolver = new TargetResolver(q);
            if (resolver.at(arena.start(property)) != null) continue;
            Position at = q.rangeOfNode(property).getStart();
            throw new RenamePlan.Refused("`" + member + "` is also read in " + (file == null ? "this file" : file.getFileName()) + ":" + (at.getLine() + 1) + ":" + (at.getCharacter() + 1)
                    + " (`" + q.text(node) + "`) from a value whose type is not known without a checker: rename would leave it behind");
        }
    }

    private static FileSummary.Span declarationSpan(FileSummary s, String name) {
        FileSummary.Declaration d = s.declaration(name);
        return d == null ? null : d.span();
    }

    private static FileSummary.Span importSpan(FileSummary s, String name) {
        FileSummary.Import i = s.importOf(name);
        return i == null ? null : i.span();
    }

    /** The top-level binding of {@code name}: its declaration, else its import. */
    private static FileSummary.Span bindingSpan(FileSummary s, String name) {
        FileSummary.Declaration d = s.declaration(name);
        if (d != null) return d.span();
        FileSummary.Import i = s.importOf(name);
        return i == null ? null : i.span();
    }

    /** The imported name of the top-level {@code import { a as local }}, or -1. */
    static int importedNameOf(Arena arena, String local) {
        for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) {
            if (arena.kind(s) != IMPORT_DECLARATION) continue;
            for (int c = arena.firstChild(s); c >= 0; c = arena.nextSibling(c)) {
                if (arena.kind(c) != IMPORT_SPECIFIER) continue;
                int imported = Layouts.importImported(arena, c);
                int binding = Layouts.importLocal(arena, c);
                if (binding >= 0 && arena.kind(binding) == BINDING_IDENTIFIER && name(arena, binding).equals(local)) return imported;
            }
        }
        return -1;
    }

    /** The local side of the specifier exporting {@code exported} in a top-level {@code export { … } from}, or -1. */
    static int reexportedLocalOf(Arena arena, String exported) {
        for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) {
            if (arena.kind(s) != EXPORT_NAMED || specifierOf(arena, s) == null) continue;
            for (int c = arena.firstChild(s); c >= 0 && arena.kind(c) == EXPORT_SPECIFIER; c = arena.nextSibling(c)) {
                int local = Layouts.exportLocal(arena, c);
                if (local < 0) continue;
                int name = Layouts.exportExported(arena, c);
                if (name(arena, name).equals(exported)) return local;
            }
        }
        return -1;
    }

    /** The module specifier of an import or export statement, or null. */
    private static String specifierOf(Arena arena, int statement) {
        int c = Layouts.moduleSource(arena, statement);
        return c < 0 ? null : arena.text(arena.start(c) + 1, Math.max(arena.start(c) + 1, arena.end(c) - 1));
    }

    /** An identifier's name, or a string literal's text (arbitrary module namespace names). */
    private static String name(Arena arena, int node) {
        if (arena.kind(node) == STRING_LITERAL) return arena.text(arena.start(node) + 1, Math.max(arena.start(node) + 1, arena.end(node) - 1));
        return arena.names().name(arena.data(node));
    }
}
