package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NameTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A rename of the name under the cursor: whether it can be renamed at all
 * ({@link #prepare}), and the exact replacements for a new name ({@link #edits}), which keep the
 * program's meaning or are refused with a {@link Refused} saying why:
 * <ul>
 *   <li>shorthand properties keep their key: {@code { a }} → {@code { a: b }}, in literals and
 *       destructuring; a renamed member in a shorthand keeps the variable: {@code { b: a }};</li>
 *   <li>{@code export { a }} keeps the exported name: {@code export { b as a }}; {@code import { a }}
 *       keeps the imported one: {@code import { a as b }};</li>
 *   <li>refused: a new name that is not an identifier or is reserved; one already declared in the
 *       scope; one that an inner declaration would capture a renamed reference with; one whose
 *       existing references the renamed declaration would capture.</li>
 * </ul>
 */
public final class RenamePlan {
    /** A rename that cannot be done, with the reason for the user. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) { super(message, null, false, false); }
    }

    /** One replacement of [start, end) (document offsets) by {@code text}. */
    public static final class Edit {
        public final int start, end;
        public final String text;

        Edit(int start, int end, String text) {
            this.start = start;
            this.end = end;
            this.text = text;
        }
    }

    private final DocumentQuery q;
    private final Arena arena;
    private final ScopeTable scopes;
    private final Target target;

    private RenamePlan(DocumentQuery q, Target target) {
        this.q = q;
        this.arena = q.arena();
        this.scopes = q.scopes();
        this.target = target;
    }

    /** The plan for the name at {@code offset}: null where there is no name; {@link Refused} for one that cannot be renamed. */
    public static RenamePlan at(DocumentQuery q, int offset) {
        Target target = new TargetResolver(q).at(offset);
        if (target == null) return null;
        RenamePlan plan = new RenamePlan(q, target);
        plan.checkRenamable();
        return plan;
    }

    public Target target() { return target; }

    /** The node whose range the client shows for editing. */
    public int nameNode() { return target.node; }

    private void checkRenamable() {
        int node = target.node;
        int parent = TreePaths.parent(arena, node);
        int pk = parent < 0 ? -1 : arena.kind(parent);
        if (arena.kind(node) == IDENTIFIER_NAME && pk == IMPORT_SPECIFIER && Layouts.importImported(arena, parent) == node) {
            throw new Refused("`" + q.text(node) + "` is the name the other module exports; rename the local name after `as`");
        }
        if (arena.kind(node) == IDENTIFIER_NAME && pk == EXPORT_SPECIFIER && Layouts.exportLocal(arena, parent) != node) {
            throw new Refused("`" + q.text(node) + "` is the name this module exports; renaming it would change the module's interface");
        }
        if (target.kind == Target.SYMBOL) {
            for (int g : target.groups) {
                if (q.isDeclared(g)) continue;
                if (arena.isTypeScript() && Names.isPredefinedType(scopes.name(g))) {
                    throw new Refused("`" + scopes.name(g) + "` is a predefined type: it cannot be renamed");
                }
                throw new Refused("`" + scopes.name(g) + "` is not declared in this file");
            }
        }
        if (target.kind == Target.MEMBER) {
            Occurrences declarations = Occurrences.declarations(q, target);
            if (declarations.size() == 0) throw new Refused("no declaration of `" + name(target.nameId) + "` found in this file");
            for (int i = 0; i < declarations.size(); i++) {
                if (arena.kind(declarations.node(i)) == BINDING_IDENTIFIER) {
                    throw new Refused("`" + name(target.nameId) + "` is a constructor parameter property; rename the parameter");
                }
            }
        }
    }

    /** The replacements that rename the target to {@code requested}; throws {@link Refused}. */
    public List<Edit> edits(String requested) { return edits(requested, false); }

    /**
     * The same; with {@code acrossModules} the rename is part of one across the workspace, whose
     * importers are renamed too: {@code export { a }} becomes {@code export { b }} and
     * {@code import { a }} becomes {@code import { b }} (aliases still keep their other name).
     */
    public List<Edit> edits(String requested, boolean acrossModules) {
        String newName = requested == null ? "" : requested.strip();
        if (target.kind == Target.PRIVATE_NAME && newName.startsWith("#")) newName = newName.substring(1);
        String problem = target.kind == Target.SYMBOL || target.kind == Target.LABEL ? Names.bindingProblem(newName)
                : Names.isIdentifierName(newName) ? null : "it is not an identifier";
        if (problem != null) throw new Refused("cannot rename to `" + newName + "`: " + problem);
        Occurrences all = Occurrences.of(q, target);
        int newId = nameId(newName);
        if (newId >= 0 && newId != target.nameId) checkConflicts(all, newName, newId);
        if (target.kind == Target.SYMBOL) checkSymbolKinds(all, newName);

        String oldName = name(target.nameId);
        List<Edit> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            int node = all.node(i);
            out.add(new Edit(arena.start(node), arena.end(node), replacement(node, all.flags(i), oldName, newName, acrossModules)));
        }
        int[] mentions = JsDocMentions.of(q, target); // {@link name} in doc comments, as TypeScript renames them
        for (int i = 0; i < mentions.length; i += 2) out.add(new Edit(mentions[i], mentions[i + 1], newName));
        return out;
    }

    private void checkSymbolKinds(Occurrences all, String newName) {
        for (int g : target.groups) {
            int kind = scopes.kind(g);
            boolean type = kind == SymbolKind.INTERFACE || kind == SymbolKind.TYPE_ALIAS || kind == SymbolKind.CLASS
                    || kind == SymbolKind.ENUM || kind == SymbolKind.TYPE_PARAMETER;
            if (type && arena.isTypeScript() && Names.isPredefinedType(newName)) {
                throw new Refused("cannot rename to `" + newName + "`: it is a predefined type's name");
            }
        }
        for (int i = 0; i < all.size(); i++) {
            if ((all.flags(i) & SymbolIndex.JSX_TAG) != 0 && !Character.isUpperCase(newName.codePointAt(0))
                    && newName.charAt(0) != '_' && newName.charAt(0) != '$') {
                throw new Refused("cannot rename to `" + newName + "`: it is used as a JSX tag, where a lower-case name means an HTML element");
            }
        }
    }

    private String replacement(int node, int flags, String oldName, String newName, boolean acrossModules) {
        switch (target.kind) {
            case Target.PRIVATE_NAME:
                return "#" + newName;
            case Target.MEMBER: {
                int parent = q.parentOf(node);
                boolean shorthand = parent >= 0 && arena.kind(parent) == PROPERTY && (arena.data(parent) & P_SHORTHAND) != 0
                        && Layouts.propertyKey(arena, parent) == node;
                return shorthand ? newName + ": " + oldName : newName;
            }
            case Target.SYMBOL:
                return symbolReplacement(node, flags, oldName, newName, acrossModules);
            default:
                return newName;
        }
    }

    private String symbolReplacement(int node, int flags, String oldName, String newName, boolean acrossModules) {
        int[] path = TreePaths.pathTo(arena, node);
        if (path == null || path.length < 2) return newName;
        int i = path.length - 2;
        int parent = path[i];
        if ((flags & SymbolIndex.EXPORT_LOCAL) != 0) {
            // export { a } → export { b as a }; export { a as c } keeps its alias
            return !acrossModules && arena.kind(parent) == EXPORT_SPECIFIER && Layouts.exportExported(arena, parent) == node ? newName + " as " + oldName : newName;
        }
        int child = node;
        if (arena.kind(parent) == ASSIGNMENT_PATTERN && Layouts.elementTarget(arena, parent) == child && i > 0) {
            child = parent; // { a = 1 }: the shorthand's value is a default around the name
            parent = path[--i];
        }
        int pk = arena.kind(parent);
        int key = pk == PROPERTY ? Layouts.propertyKey(arena, parent) : pk == IMPORT_SPECIFIER ? Layouts.importImported(arena, parent) : -1;
        boolean keySameSpan = key >= 0 && key != node && arena.kind(key) == IDENTIFIER_NAME
                && arena.start(key) == arena.start(node) && arena.end(key) == arena.end(node);
        if (pk == PROPERTY && (arena.data(parent) & P_SHORTHAND) != 0 && keySameSpan) return oldName + ": " + newName;
        if (pk == IMPORT_SPECIFIER && keySameSpan) return acrossModules ? newName : oldName + " as " + newName;
        return newName;
    }

    // ---- conflicts ----

    private void checkConflicts(Occurrences all, String newName, int newId) {
        switch (target.kind) {
            case Target.SYMBOL:
                checkScopeConflicts(all, newName, newId);
                return;
            case Target.MEMBER: {
                Target other = new Target(Target.MEMBER, -1, newId, new int[0], target.containerKind, target.containers, -1);
                Occurrences existing = Occurrences.declarations(q, other);
                if (existing.size() > 0) {
                    throw new Refused("cannot rename to `" + newName + "`: a member of that name is already declared at " + where(existing.node(0)));
                }
                return;
            }
            case Target.PRIVATE_NAME:
                if (new TargetResolver(q).declaresPrivate(target.containers[0], newId)) {
                    throw new Refused("cannot rename to `#" + newName + "`: the class already declares it");
                }
                return;
            case Target.LABEL: {
                int labeled = target.containers[0];
                int[] path = TreePaths.pathTo(arena, labeled);
                for (int i = 0; path != null && i < path.length; i++) {
                    if (arena.kind(path[i]) == LABELED && arena.data(Layouts.labeledLabel(arena, path[i])) == newId) {
                        throw new Refused("cannot rename to `" + newName + "`: an enclosing statement already has that label");
                    }
                }
                for (int n = TreePaths.firstInSubtree(arena, labeled); n < labeled; n++) {
                    if (arena.kind(n) == LABELED && arena.data(Layouts.labeledLabel(arena, n)) == newId) {
                        throw new Refused("cannot rename to `" + newName + "`: a statement inside already has that label");
                    }
                }
                return;
            }
            default:
        }
    }

    /**
     * A symbol's new name must not be declared in its own scope, nor in a scope between a
     * reference and the declaration (it would capture the reference), and no existing reference
     * of the new name may have the renamed declaration's scope between it and what it refers to
     * now (the declaration would capture it).
     */
    private void checkScopeConflicts(Occurrences all, String newName, int newId) {
        int symbols = scopes.symbolCount();
        int scopeCount = scopes.scopeCount();
        boolean[] declaresNew = new boolean[scopeCount];
        boolean any = false;
        for (int s = 0; s < symbols; s++) {
            if (scopes.nameId(s) == newId && q.isDeclared(s)) {
                declaresNew[scopes.scope(s)] = true;
                any = true;
            }
        }
        for (int g : target.groups) {
            int own = scopes.scope(g);
            if (declaresNew[own]) {
                throw new Refused("cannot rename to `" + newName + "`: `" + newName + "` is already declared in the same scope");
            }
        }
        if (any) {
            for (int i = 0; i < all.size(); i++) {
                if (all.isDeclaration(i) || (all.flags(i) & SymbolIndex.QUALIFIED) != 0) continue;
                int node = all.node(i);
                int own = ownScopeOf(node);
                for (int x = scopes.scopeAt(arena.start(node)); x >= 0 && x != own; x = scopes.scopeParent(x)) {
                    if (declaresNew[x]) {
                        throw new Refused("cannot rename to `" + newName + "`: the reference at " + where(node)
                                + " would then refer to another `" + newName + "` declared in an enclosing scope");
                    }
                }
            }
        }
        boolean[] renamedScope = new boolean[scopeCount];
        for (int g : target.groups) renamedScope[scopes.scope(g)] = true;
        for (int r = 0, refs = scopes.referenceCount(); r < refs; r++) {
            int node = scopes.referenceNode(r);
            if (arena.data(node) != newId) continue;
            int symbol = scopes.symbolOfNode(node);
            int stop = symbol >= 0 && q.isDeclared(symbol) ? scopes.scope(symbol) : -1;
            for (int x = scopes.scopeAt(arena.start(node)); x >= 0 && x != stop; x = scopes.scopeParent(x)) {
                if (renamedScope[x]) {
                    throw new Refused("cannot rename to `" + newName + "`: the existing reference to `" + newName + "` at "
                            + where(node) + " would then refer to the renamed declaration");
                }
            }
        }
    }

    /** The scope of the group a node's occurrence belongs to. */
    private int ownScopeOf(int node) {
        int symbol = scopes.symbolOfNode(node);
        if (symbol >= 0) return scopes.scope(symbol);
        return target.groups.length > 0 ? scopes.scope(target.groups[0]) : -1;
    }

    private String where(int node) {
        org.eclipse.lsp4j.Position p = q.document().positionAt(arena.start(node));
        return "line " + (p.getLine() + 1) + ", column " + (p.getCharacter() + 1);
    }

    private String name(int id) { return arena.names().name(id); }

    /** The name table's id of {@code s}, or -1 when no name in the file is spelled so. */
    private int nameId(String s) {
        NameTable names = arena.names();
        for (int id = 0, n = names.size(); id < n; id++) if (names.equals(id, s)) return id;
        return -1;
    }
}
