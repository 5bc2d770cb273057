package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.server.document.Document;
import dev.arenals.parser.LineStarts;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.query.ClassHierarchy;
import dev.arenals.server.query.DeclaredTypes;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.JsxComponents;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.workspace.CrossFileNavigator.NameInFile;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    public record Site(String uri, Path path, Position binding, String member, String reexported, boolean importedSide, String instanceMember,
            NameInFile chainedType) {
        public Site(String uri, Path path, Position binding, String member) { this(uri, path, binding, member, null, false, null, null); }

        public Site(String uri, Path path, Position binding, String member, String reexported) { this(uri, path, binding, member, reexported, false, null, null); }

        public Site(String uri, Path path, Position binding, String member, String reexported, boolean importedSide) {
            this(uri, path, binding, member, reexported, importedSide, null, null);
        }

        /**
         * {@code a.b.m} in a file that may reach the class or interface {@code type} through other
         * files' declarations ({@code u.address.city} where {@code u: User}, {@code address: Address}).
         */
        static Site chainedMember(String uri, Path path, NameInFile type, String instanceMember) {
            return new Site(uri, path, new Position(0, 0), null, null, false, instanceMember, type);
        }

        /**
         * The member {@code instanceMember} of instances of the class or interface at {@code binding}:
         * its declaration there when {@code declaring}, else the import binding whose declared
         * instances' uses ({@code v.m} with {@code v: C}) the file holds.
         */
        static Site instanceMember(String uri, Path path, Position binding, String instanceMember, boolean declaring) {
            return new Site(uri, path, binding, null, null, declaring, instanceMember, null);
        }
    }

    /**
     * Whether {@code text} may hold a member access {@code .member} (a {@link Site#chainedMember}
     * site's uses are nothing else): some whole-word occurrence of the name is preceded, past blanks
     * on its line, by a '.' or a '/' (a comment's end), or by nothing on its line (the dot may end
     * the line before, or a line comment sit between). Read before a file is parsed: a closed file
     * holding the name only as a declaration, a key or a word in a string is not parsed for it. A
     * text with a unicode escape is only asked to hold the name, as before (an escaped name is
     * spelt otherwise).
     */
    public static boolean mayAccessMember(String text, String member) {
        if (member.isEmpty()) return false;
        if (text.indexOf("\\u") >= 0) return text.contains(member);
        for (int at = text.indexOf(member); at >= 0; at = text.indexOf(member, at + 1)) {
            int end = at + member.length();
            if (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) continue;
            int before = at - 1;
            if (before >= 0 && Character.isJavaIdentifierPart(text.charAt(before))) continue;
            while (before >= 0 && isBlankOnLine(text.charAt(before))) before--;
            if (before < 0) return true;
            char c = text.charAt(before);
            if (c == '.' || c == '/' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }

    private static boolean isBlankOnLine(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\u00A0' || c == '\uFEFF' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /**
     * The references at a site of a file that is not open, from its summary alone: the uses of an
     * import binding that the summary kept ({@link FileSummary.Import#uses}). Null when the file
     * must be parsed: the site is not an import binding's (the declaring file, {@code ns.member},
     * a re-export or the imported side of an alias), or the summary does not know the uses.
     */
    public static List<Location> fromSummary(Site site, boolean withDeclaration, WorkspaceIndex index) {
        if (site.instanceMember() != null) return null; // v.m needs the file's declarations
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
     * {@code ns.member} in a closed TypeScript file whose namespace binding's uses the summary kept:
     * after each use, the text read from disk (unchanged since it was summarized) is scanned for
     * {@code .member} / {@code ?.member} (spaces and comments between), as {@link #memberUseNodes}
     * finds them in a parse; null where the parse must decide (uses unknown, the file changed, a
     * JSX file — its tags are JSX member names —, an escape in a name, a position that does not
     * hold the binding's name).
     */
    public static List<Location> memberUsesWithoutParse(Site site, WorkspaceIndex index, PositionEncoding encoding, long maxBytes) {
        if (site.member() == null || site.instanceMember() != null || site.importedSide() || site.reexported() != null) return null;
        String file = site.path() == null ? "" : site.path().getFileName().toString();
        if (!(file.endsWith(".ts") || file.endsWith(".mts") || file.endsWith(".cts"))) return null;
        FileSummary s = index.summary(site.path());
        int k = s == null ? -1 : s.importIndexAt(site.binding().getLine(), site.binding().getCharacter());
        int n = k < 0 ? -1 : s.importUseCount(k);
        if (n < 0) return null;
        char[] text = n == 0 ? new char[0] : dev.arenals.server.workspace.SummaryRename.textIfAsSummarized(s, maxBytes);
        if (text == null) return null;
        String local = s.importLocalNameAt(k), member = site.member();
        LineStarts lines = LineStarts.of(text, text.length, LineStarts.Terminators.LSP); // the summary's lines
        List<Location> out = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            int line = s.importUsePart(k, u, 0);
            if (line >= lines.lineCount()) return null;
            int at = encoding.offsetOf(text, lines.lineStart(line), lines.lineContentEnd(text, text.length, line), s.importUsePart(k, u, 1));
            if (at + local.length() > text.length || !new String(text, at, local.length()).equals(local)) return null;
            int i = skipTrivia(text, at + local.length());
            if (i < text.length && text[i] == '?' && i + 1 < text.length && text[i + 1] == '.') i++;
            if (i >= text.length || text[i] != '.') continue;
            int start = skipTrivia(text, i + 1), end = start;
            while (end < text.length && (Character.isUnicodeIdentifierPart(text[end]) || text[end] == '$' || Character.isSurrogate(text[end]))) {
                end++;
            }
            if (end < text.length && text[end] == '\\') return null; // an escaped name: its cooked value is the parse's to compare
            if (end - start != member.length() || !new String(text, start, end - start).equals(member)) continue;
            int memberLine = lines.lineOf(start);
            int lineStart = lines.lineStart(memberLine);
            out.add(location(site.uri(), memberLine, encoding.columnOf(text, lineStart, start), encoding.columnOf(text, lineStart, end)));
        }
        return out;
    }

    /** Past white space, line breaks and comments from {@code i}. */
    private static int skipTrivia(char[] text, int i) {
        while (i < text.length) {
            char c = text[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\uFEFF'
                    || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.SPACE_SEPARATOR) {
                i++;
            } else if (c == '/' && i + 1 < text.length && text[i + 1] == '/') {
                while (i < text.length && text[i] != '\n' && text[i] != '\r' && text[i] != '\u2028' && text[i] != '\u2029') i++;
            } else if (c == '/' && i + 1 < text.length && text[i + 1] == '*') {
                int close = i + 2;
                while (close + 1 < text.length && !(text[close] == '*' && text[close + 1] == '/')) close++;
                i = Math.min(text.length, close + 2);
            } else {
                break;
            }
        }
        return i;
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
        if (target == null || target.kind == Target.MEMBER) {
            List<Site> out = new ArrayList<>();
            for (InstanceMember m : withImplementations(instanceMembersAt(q, q.offset(position), target, file, navigator, index), navigator, index)) {
                out.addAll(instanceMemberSites(m, file, navigator, index));
            }
            return out;
        }
        if (target.kind != Target.SYMBOL) return List.of();
        List<InstanceMember> parameterProperty = instanceMembersAt(q, q.offset(position), target, file, navigator, index);
        if (!parameterProperty.isEmpty()) { // constructor(public x): x of the class's instances in other files
            List<Site> out = new ArrayList<>();
            for (InstanceMember m : parameterProperty) out.addAll(instanceMemberSites(m, file, navigator, index));
            return out;
        }
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
     * {@code members} and, for each of them, the member of every exported class whose
     * {@code implements} names its container, in the container's file or in a file importing it
     * (from their summaries, {@link FileSummary#implementsOf}): from {@code Square.area} through
     * {@code Shape} to {@code Circle.area} of a third file, whose importers' {@code circle.area()}
     * TypeScript lists among the references too. One hop: an implementation's own implementers are
     * not followed further.
     */
    static List<InstanceMember> withImplementations(List<InstanceMember> members, CrossFileNavigator navigator, WorkspaceIndex index) {
        if (members.isEmpty()) return members;
        List<InstanceMember> out = new ArrayList<>(members);
        for (InstanceMember m : members) {
            NameInFile type = m.container();
            addImplementations(index.summary(type.file()), type.name(), m.member(), out);
            for (CrossFileNavigator.Binding binding : navigator.importBindingsOf(type.file(), type.name())) {
                if (binding.reexport() || binding.member() != null) continue;
                addImplementations(index.summary(binding.file()), binding.localName(), m.member(), out);
            }
        }
        return out;
    }

    /** The member {@code member} of each exported class of {@code s} whose {@code implements} names {@code local}, into {@code out} (each once). */
    private static void addImplementations(FileSummary s, String local, String member, List<InstanceMember> out) {
        if (s == null) return;
        for (int i = 0, n = s.declarationCount(); i < n; i++) {
            if (!s.declarationExported(i)) continue;
            FileSummary.Declaration d = s.declarationAt(i);
            if (d.kind() != FileSummary.Kind.CLASS || !s.implementsOf(d.name() + dev.arenals.server.workspace.Summarizer.PROTOTYPE).contains(local)) continue;
            NameInFile cls = new NameInFile(s.path(), d.name());
            boolean known = false;
            for (InstanceMember o : out) known |= o.container().equals(cls);
            if (!known) out.add(new InstanceMember(cls, member, false));
        }
    }

    /** A member of the instances of a top-level class or interface: the container's declaration, and the member's name. */
    public record InstanceMember(NameInFile container, String member, boolean declaredHere) { }

    /**
     * The instance members at the cursor that other files may reach through imports: a member of
     * a top-level class or interface of this file (the {@code target}, on its declaration or a use
     * here), or {@code v.m} where {@code v} is declared as an instance of an imported class or
     * interface ({@link DeclaredTypes}). Empty otherwise.
     */
    static List<InstanceMember> instanceMembersAt(DocumentQuery q, int offset, Target target, Path file, CrossFileNavigator navigator,
            WorkspaceIndex index) {
        Arena arena = q.arena();
        if (target != null) {
            int[] containers = target.containers;
            int containerKind = target.containerKind;
            if (target.kind == Target.SYMBOL) { // constructor(public x): the parameter is member x of the class too
                int cls = target.groups.length == 1 ? DeclaredTypes.classOfParameterProperty(q, q.scopes().declarationNode(target.groups[0])) : -1;
                if (cls < 0) return List.of();
                containers = new int[] {cls};
                containerKind = Target.CLASS;
            } else if (target.kind != Target.MEMBER || (containerKind != Target.CLASS && containerKind != Target.INTERFACE)) {
                return List.of();
            }
            FileSummary own = index.summary(file);
            if (own == null) return List.of();
            String member = arena.names().name(target.nameId);
            List<InstanceMember> out = new ArrayList<>(1);
            for (int container : containers) {
                int name = Layouts.declarationName(arena, container);
                if (name < 0) continue;
                String local = arena.names().name(arena.data(name));
                FileSummary.Declaration top = own.declaration(local);
                Range range = q.rangeOfNode(name);
                if (top == null || top.span().line() != range.getStart().getLine() || top.span().startColumn() != range.getStart().getCharacter()) continue;
                InstanceMember m = new InstanceMember(new NameInFile(file, local), member, true);
                if (!out.contains(m)) out.add(m);
            }
            for (int container : containers) {
                // a class extending an imported one: the member may be the import's, overridden here
                if (!NodeKind.isClass(arena.kind(container)) || ClassHierarchy.baseInFile(q, container) >= 0) continue;
                NameInFile base = importedType(q, ClassHierarchy.extendsName(arena, container), file, navigator);
                InstanceMember m = base == null ? null : new InstanceMember(base, member, false);
                if (m != null && !out.contains(m)) out.add(m);
            }
            for (int container : containers) {
                // a class implementing an imported interface: the member is the interface's too
                int clause = NodeKind.isClass(arena.kind(container)) ? Layouts.classImplements(arena, container) : -1;
                for (int e = clause < 0 ? -1 : arena.firstChild(clause); e >= 0; e = arena.nextSibling(e)) {
                    NameInFile implemented = importedType(q, Layouts.heritageExpression(arena, e), file, navigator);
                    InstanceMember m = implemented == null ? null : new InstanceMember(implemented, member, false);
                    if (m != null && !out.contains(m)) out.add(m);
                }
            }
            if (containerKind == Target.INTERFACE) {
                // the top-level components whose props are this interface: their importers' <C m=…>
                for (int s = arena.firstChild(arena.root()); s >= 0; s = arena.nextSibling(s)) {
                    int d = arena.kind(s) == NodeKind.EXPORT_NAMED || arena.kind(s) == NodeKind.EXPORT_DEFAULT ? Layouts.exportedDeclaration(arena, s) : s;
                    if (d < 0) continue;
                    if (arena.kind(d) == NodeKind.FUNCTION_DECLARATION) {
                        addComponent(q, own, d, Layouts.functionName(arena, d), target, file, member, out);
                    } else if (arena.kind(d) == NodeKind.VARIABLE_DECLARATION) {
                        for (int v = arena.firstChild(d); v >= 0; v = arena.nextSibling(v)) addComponent(q, own, v, Layouts.declaratorTarget(arena, v), target, file, member, out);
                    }
                }
            }
            return out;
        }
        int ident = q.identifierAt(offset);
        int parent = ident < 0 ? -1 : TreePaths.parent(arena, ident);
        if (parent >= 0 && arena.kind(ident) == NodeKind.JSX_IDENTIFIER && arena.kind(parent) == NodeKind.JSX_ATTRIBUTE
                && Layouts.jsxAttributeName(arena, parent) == ident) {
            // <C m={…}> where C is imported: the member of its props, found from C's declaration
            int opening = TreePaths.parent(arena, parent);
            int binding = opening < 0 ? -1 : new JsxComponents(q).componentBinding(opening);
            int symbol = binding < 0 ? -1 : q.symbolOfNode(binding);
            String[] imported = symbol < 0 ? null : DefinitionHandler.importOf(arena, q.scopes().declarationNode(symbol));
            NameInFile component = imported == null || imported[1].equals("*") ? null : navigator.origin(file, imported[0], imported[1]);
            return component == null ? List.of() : List.of(new InstanceMember(component, arena.names().name(arena.data(ident)), false));
        }
        if (parent < 0 || arena.kind(parent) != NodeKind.MEMBER || Layouts.memberProperty(arena, parent) != ident
                || arena.kind(ident) != NodeKind.IDENTIFIER_NAME) return List.of();
        int object = Layouts.memberObject(arena, parent);
        NameInFile type = InstanceTypes.importedTypeOf(q, object, file, navigator);
        String member = arena.names().name(arena.data(ident));
        if (type == null) return List.of();
        // the containers that declare it: the type's own, a base's along its extends chain, or each of a union's
        List<InstanceTypes.MemberAt> declaring = InstanceTypes.declaringMembers(q, object, type, member, navigator);
        if (declaring.isEmpty()) return List.of(new InstanceMember(type, member, false));
        List<InstanceMember> out = new ArrayList<>(declaring.size());
        for (InstanceTypes.MemberAt d : declaring) out.add(new InstanceMember(d.container(), member, false));
        return out;
    }

    /** A top-level component (function or const named {@code name}) whose props type is one of the target's interfaces. */
    private static void addComponent(DocumentQuery q, FileSummary own, int declaring, int name, Target target, Path file, String member,
            List<InstanceMember> out) {
        Arena arena = q.arena();
        if (name < 0 || arena.kind(name) != NodeKind.BINDING_IDENTIFIER) return;
        int props = DeclaredTypes.resolveLocal(q, JsxComponents.propsTypeNameOf(q, declaring));
        boolean match = false;
        for (int c : target.containers) if (c == props) match = true;
        String local = arena.names().name(arena.data(name));
        if (!match || own.declaration(local) == null) return;
        InstanceMember m = new InstanceMember(new NameInFile(file, local), member, true);
        if (!out.contains(m)) out.add(m);
    }

    /** Where the class or interface named by {@code typeName} (from {@link DeclaredTypes#typeNameOf}) is declared, when it is imported; else null. */
    static NameInFile importedType(DocumentQuery q, int typeName, Path file, CrossFileNavigator navigator) {
        Arena arena = q.arena();
        if (typeName < 0 || arena.kind(typeName) != NodeKind.IDENTIFIER_REFERENCE) return null;
        int symbol = q.symbolOfNode(typeName);
        if (symbol < 0 || !q.isDeclared(symbol)) return null;
        String[] imported = DefinitionHandler.importOf(arena, q.scopes().declarationNode(symbol));
        if (imported == null || imported[1].equals("*")) return null;
        return navigator.origin(file, imported[0], imported[1]);
    }

    /**
     * The declaring file's site (unless it is {@code file}, whose own occurrences are found
     * directly) and the site of every import binding of the container: files whose declared
     * instances may use the member.
     */
    private static List<Site> instanceMemberSites(InstanceMember m, Path file, CrossFileNavigator navigator, WorkspaceIndex index) {
        List<Site> out = new ArrayList<>();
        NameInFile origin = m.container();
        if (!origin.file().equals(file) || !m.declaredHere()) {
            FileSummary declaring = index.summaryOrLoad(origin.file());
            FileSummary.Declaration d = declaring == null ? null : declaring.declaration(origin.name());
            if (d != null) out.add(Site.instanceMember(declaring.uri(), declaring.path(), new Position(d.span().line(), d.span().startColumn()), m.member(), true));
        }
        for (CrossFileNavigator.Binding binding : navigator.importBindingsOf(origin.file(), origin.name())) {
            if (binding.reexport() || binding.member() != null) continue;
            FileSummary s = index.summary(binding.file());
            FileSummary.Import i = s == null ? null : s.importOf(binding.localName());
            if (i != null) out.add(Site.instanceMember(s.uri(), s.path(), new Position(i.span().line(), i.span().startColumn()), m.member(), false));
        }
        for (Path candidate : chainCandidates(origin, navigator, index)) {
            FileSummary s = index.summary(candidate);
            if (s != null) out.add(Site.chainedMember(s.uri(), s.path(), origin, m.member()));
        }
        return out;
    }

    /**
     * The files that may reach instances of {@code type} only through a chain of other files'
     * declarations ({@code u.address.city}: the file imports User, whose file declares or imports
     * Address): the importers of the type's file, and the importers of the files that import the
     * type from it, but for those that import the type themselves (their sites find every use)
     * and the type's own file. A chain through three files or more is not followed.
     */
    static java.util.Set<Path> chainCandidates(NameInFile type, CrossFileNavigator navigator, WorkspaceIndex index) {
        java.util.Set<Path> direct = new java.util.HashSet<>();
        for (CrossFileNavigator.Binding binding : navigator.importBindingsOf(type.file(), type.name())) {
            if (!binding.reexport() && binding.member() == null) direct.add(binding.file());
        }
        java.util.Set<Path> out = new java.util.LinkedHashSet<>();
        for (Path importer : index.importersOf(type.file())) if (!direct.contains(importer)) out.add(importer);
        for (Path holder : direct) {
            for (Path importer : index.importersOf(holder)) if (!direct.contains(importer)) out.add(importer);
        }
        out.remove(type.file());
        return out;
    }

    /**
     * Where definition looks for {@code v.m} when {@code v} is declared as an instance of an
     * imported class or interface: the declaring file's site, else empty. On the document's queue.
     */
    public List<Site> instanceMemberDeclarationSites(Document doc, Position position, CrossFileNavigator navigator, WorkspaceIndex index) {
        DocumentQuery q = DocumentQuery.of(doc);
        Path file = Uris.pathOf(doc.uri());
        if (q == null || file == null || navigator == null) return List.of();
        int offset = q.offset(position);
        if (new TargetResolver(q).at(offset) != null) return List.of();
        List<InstanceMember> members = instanceMembersAt(q, offset, null, file, navigator, index);
        // a union's member declared apart in its constituents: no one declaring site; references and
        // rename then ask each constituent's sites from here ({@link #sites}), definition answers each itself
        if (members.size() > 1) return List.of();
        List<Site> out = new ArrayList<>(1);
        for (InstanceMember m : members) {
            FileSummary declaring = index.summaryOrLoad(m.container().file());
            FileSummary.Declaration d = declaring == null ? null : declaring.declaration(m.container().name());
            if (d != null) out.add(Site.instanceMember(declaring.uri(), declaring.path(), new Position(d.span().line(), d.span().startColumn()), m.member(), true));
        }
        return out;
    }

    /** The declarations of the instance member at a declaring site: the nearest along a class's extends chain in that file. */
    public List<Location> instanceMemberDeclarations(Document doc, Site site) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        Arena arena = q.arena();
        int binding = q.identifierAt(q.offset(site.binding()));
        int nameId = binding < 0 ? -1 : findName(arena, site.instanceMember());
        int container = nameId < 0 ? -1 : declaredType(q, binding);
        if (container < 0) return List.of();
        Occurrences found = Occurrences.nearestDeclarations(q, new TargetResolver(q).memberOfType(container, binding, nameId));
        List<Location> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) out.add(q.locationOfNode(found.node(i)));
        return out;
    }

    /** The occurrences of an instance member at a site ({@link Site#instanceMember}): on the document's queue, after it is parsed. */
    public List<Location> instanceMemberUses(Document doc, Site site, boolean withDeclaration, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        List<Location> out = new ArrayList<>();
        for (int[] occurrence : instanceMemberNodes(q, site, navigator)) {
            if (withDeclaration || (occurrence[1] & dev.arenals.server.query.SymbolIndex.DECLARATION) == 0) out.add(q.locationOfNode(occurrence[0]));
        }
        return out;
    }

    /**
     * The nodes (with their flags) of an instance member at a site: in the declaring file, every
     * occurrence of the member of that class or interface; in an importer, {@code v.m} where v is
     * declared as an instance of the import, and the members of its classes that extend the import.
     */
    /**
     * The uses at a {@link Site#chainedMember} site: {@code a.b.m} whose object, followed through
     * other files' declarations ({@link InstanceTypes}), is an instance whose member m is the
     * site's type's.
     */
    private static List<int[]> chainedMemberNodes(DocumentQuery q, Site site, CrossFileNavigator navigator) {
        Arena arena = q.arena();
        Path file = Uris.pathOf(q.uri());
        int nameId = findName(arena, site.instanceMember());
        if (nameId < 0 || navigator == null || file == null) return List.of();
        List<int[]> out = new ArrayList<>();
        for (int node = 0, n = arena.nodeCount(); node < n; node++) {
            if (arena.kind(node) != NodeKind.MEMBER || (arena.data(node) & NodeKind.M_COMPUTED) != 0) continue;
            int property = Layouts.memberProperty(arena, node);
            if (property < 0 || arena.kind(property) != NodeKind.IDENTIFIER_NAME || arena.data(property) != nameId) continue;
            if (reachesThroughChain(q, node, site.chainedType(), site.instanceMember(), file, navigator)) {
                out.add(new int[] {property, dev.arenals.server.query.SymbolIndex.READ});
            }
        }
        return out;
    }

    /** Whether member access {@code access} names {@code member} of {@code type}'s instances, its object's type found across files. */
    private static boolean reachesThroughChain(DocumentQuery q, int access, NameInFile type, String member, Path file, CrossFileNavigator navigator) {
        int object = Layouts.memberObject(q.arena(), access);
        NameInFile found = InstanceTypes.importedTypeOf(q, object, file, navigator);
        if (found == null) return false;
        List<InstanceTypes.MemberAt> declaring = InstanceTypes.declaringMembers(q, object, found, member, navigator);
        if (declaring.isEmpty()) return type.equals(found);
        for (InstanceTypes.MemberAt d : declaring) if (type.equals(d.container()) || sameDeclaration(d, type, member, navigator)) return true; // a union's member is each constituent's
        return false;
    }

    /**
     * Whether a member found in one container is declared where {@code type}'s is: an alias of an
     * intersection ({@code type Both = Named & Circle}) keeps its parts' members of its file under
     * its own name, at their declarations' ranges.
     */
    private static boolean sameDeclaration(InstanceTypes.MemberAt found, NameInFile type, String member, CrossFileNavigator navigator) {
        if (!found.container().file().equals(type.file())) return false;
        FileSummary s = navigator.summary(type.file());
        if (s == null) return false;
        for (FileSummary.Member declared : s.members(type.name() + dev.arenals.server.workspace.Summarizer.PROTOTYPE, member)) {
            for (FileSummary.Member m : found.members()) if (m.span().equals(declared.span())) return true;
        }
        return false;
    }

    static List<int[]> instanceMemberNodes(DocumentQuery q, Site site, CrossFileNavigator navigator) {
        Arena arena = q.arena();
        if (site.chainedType() != null) return chainedMemberNodes(q, site, navigator);
        int binding = q.identifierAt(q.offset(site.binding()));
        int nameId = binding < 0 ? -1 : findName(arena, site.instanceMember());
        if (nameId < 0) return List.of();
        List<int[]> out = new ArrayList<>();
        TargetResolver resolver = new TargetResolver(q);
        if (site.importedSide()) {
            int container = declaredType(q, binding);
            if (container < 0) return List.of();
            addAll(out, Occurrences.of(q, resolver.memberOfType(container, binding, nameId)));
            return out;
        }
        int symbol = q.symbolOfNode(binding);
        if (symbol < 0) return List.of();
        Path file = Uris.pathOf(q.uri());
        NameInFile container = null; // the import's declaration, for uses reached through a chain of other files' declarations
        if (navigator != null && file != null) {
            String[] imported = DefinitionHandler.importOf(arena, q.scopes().declarationNode(symbol));
            if (imported != null && !imported[1].equals("*")) container = navigator.origin(file, imported[0], imported[1]);
        }
        JsxComponents jsx = null;
        for (int node = 0, n = arena.nodeCount(); node < n; node++) {
            int kind = arena.kind(node);
            if (kind == NodeKind.OBJECT || kind == NodeKind.OBJECT_PATTERN) {
                // { m: … } declared as the import's type (const v: C = {…}, ({ m }: C) => …)
                if (DeclaredTypes.propertyKeyNamed(arena, node, nameId) < 0) continue;
                int typeName = DeclaredTypes.typeNameOfLiteral(q, node);
                if (typeName < 0 || arena.kind(typeName) != NodeKind.IDENTIFIER_REFERENCE || q.symbolOfNode(typeName) != symbol) continue;
                for (int p = arena.firstChild(node); p >= 0; p = arena.nextSibling(p)) {
                    int key = DeclaredTypes.propertyKeyOf(arena, p, nameId);
                    if (key >= 0) out.add(new int[] {key, kind == NodeKind.OBJECT ? dev.arenals.server.query.SymbolIndex.WRITE : dev.arenals.server.query.SymbolIndex.READ});
                }
            } else if (kind == NodeKind.JSX_OPENING_ELEMENT) {
                // <C m={…}> where C is the import (a component whose props hold the member)
                int attribute = JsxComponents.attributeNamed(arena, node, nameId);
                if (attribute < 0) continue;
                if (jsx == null) jsx = new JsxComponents(q);
                int component = jsx.componentBinding(node);
                if (component >= 0 && q.symbolOfNode(component) == symbol) out.add(new int[] {attribute, dev.arenals.server.query.SymbolIndex.WRITE});
            } else if (kind == NodeKind.MEMBER) {
                if ((arena.data(node) & NodeKind.M_COMPUTED) != 0) continue;
                int property = Layouts.memberProperty(arena, node);
                if (property < 0 || arena.kind(property) != NodeKind.IDENTIFIER_NAME || arena.data(property) != nameId) continue;
                int typeName = DeclaredTypes.typeNameOf(q, Layouts.memberObject(arena, node));
                if (typeName >= 0 && arena.kind(typeName) == NodeKind.IDENTIFIER_REFERENCE && q.symbolOfNode(typeName) == symbol) {
                    out.add(new int[] {property, dev.arenals.server.query.SymbolIndex.READ});
                } else if (typeName < 0 && container != null && reachesThroughChain(q, node, container, site.instanceMember(), file, navigator)) {
                    out.add(new int[] {property, dev.arenals.server.query.SymbolIndex.READ});
                }
            } else if (NodeKind.isClass(kind)) {
                // class D implements I: D's own m is I's member, as TypeScript relates them
                int implemented = implementsNamed(q, node, symbol);
                if (implemented >= 0) addAll(out, Occurrences.of(q, resolver.memberOfType(node, implemented, nameId)));
                // class D extends C: D's own m overrides C's, and this.m / d.m in it are C's member too
                int base = ClassHierarchy.extendsName(arena, node);
                if (base < 0 || q.symbolOfNode(base) != symbol) continue;
                addAll(out, Occurrences.of(q, resolver.memberOfType(node, base, nameId)));
                for (int inner = TreePaths.firstInSubtree(arena, node); inner < node; inner++) { // super.m: the import's member
                    if (arena.kind(inner) != NodeKind.MEMBER || arena.kind(Layouts.memberObject(arena, inner)) != NodeKind.SUPER) continue;
                    int property = Layouts.memberProperty(arena, inner);
                    if (property >= 0 && arena.kind(property) == NodeKind.IDENTIFIER_NAME && arena.data(property) == nameId) {
                        out.add(new int[] {property, dev.arenals.server.query.SymbolIndex.READ});
                    }
                }
            }
        }
        return out;
    }

    /** The name in {@code cls}'s {@code implements} clause that refers to {@code symbol} ({@code I} or {@code I<T>}), or -1. */
    private static int implementsNamed(DocumentQuery q, int cls, int symbol) {
        Arena arena = q.arena();
        int clause = Layouts.classImplements(arena, cls);
        for (int e = clause < 0 ? -1 : arena.firstChild(clause); e >= 0; e = arena.nextSibling(e)) {
            int named = Layouts.heritageExpression(arena, e);
            if (named >= 0 && arena.kind(named) == NodeKind.IDENTIFIER_REFERENCE && q.symbolOfNode(named) == symbol) return named;
        }
        return -1;
    }

    /**
     * The class or interface a declaring site's name stands for: the class or interface it names,
     * or the props type of the component (function or const) it names; -1.
     */
    private static int declaredType(DocumentQuery q, int binding) {
        Arena arena = q.arena();
        int holder = TreePaths.parent(arena, binding);
        if (holder < 0) return -1;
        int kind = arena.kind(holder);
        if ((NodeKind.isClass(kind) || kind == NodeKind.INTERFACE_DECLARATION) && Layouts.declarationName(arena, holder) == binding) return holder;
        if ((kind == NodeKind.FUNCTION_DECLARATION && Layouts.functionName(arena, holder) == binding)
                || (kind == NodeKind.VARIABLE_DECLARATOR && Layouts.declaratorTarget(arena, holder) == binding)) {
            return DeclaredTypes.resolveLocal(q, JsxComponents.propsTypeNameOf(q, holder));
        }
        return -1;
    }

    private static int findName(Arena arena, String name) {
        char[] chars = name.toCharArray();
        return arena.names().find(chars, 0, chars.length);
    }

    private static void addAll(List<int[]> out, Occurrences found) {
        for (int i = 0; i < found.size(); i++) out.add(new int[] {found.node(i), found.flags(i)});
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
