package dev.arenals.server.workspace;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;

/**
 * What the workspace keeps of one file after its arena is reset: its top-level declarations, its
 * exports and imports with their module specifiers, and the files those resolved to when the
 * summary was made (so the import graph is rebuilt without touching the file system). Immutable and free of arena references, so a
 * summary may be read on any thread while a newer one replaces it. Ranges are name ranges, one
 * line each, in the position encoding the client negotiated. {@code uri} is the open document's
 * URI as the client spelled it; null for a file indexed from disk, whose URI is made from its path
 * when asked for (a hundred bytes a file less to keep).
 */
public record FileSummary(
        Path path,
        String uri,
        ImmutableList<Declaration> declarations,
        ImmutableList<Export> exports,
        ImmutableList<String> starExports,
        ImmutableList<Import> imports,
        ImmutableList<String> moduleSpecifiers,
        ImmutableMap<String, Path> resolvedModules,
        long sourceChars,
        ImmutableList<AmbientModule> ambientModules,
        ImmutableList<Signature> signatures,
        ImmutableList<Member> members) {

    /** The summary without ambient modules, signatures and members (the form before they were kept). */
    public FileSummary(Path path, String uri, ImmutableList<Declaration> declarations, ImmutableList<Export> exports,
            ImmutableList<String> starExports, ImmutableList<Import> imports, ImmutableList<String> moduleSpecifiers,
            ImmutableMap<String, Path> resolvedModules, long sourceChars) {
        this(path, uri, declarations, exports, starExports, imports, moduleSpecifiers, resolvedModules, sourceChars, ImmutableList.of(), ImmutableList.of(), ImmutableList.of());
    }

    /** The name {@link Export#exportedName} has for {@code export = x} ({@code localName} x when it is a name, else null). */
    public static final String EXPORT_ASSIGNMENT = "export=";
    /**
     * How an exported callable is called, for signature help in the files that import it: a
     * function (one per overload), a class (one per constructor overload), a variable bound to a
     * function, or a callable {@link Member} (a namespace's function, a static method, an object
     * literal's method). {@code name} is the declaration's name, or a member's qualified name
     * ("Geometry.distance"); the parameters are as written (types and
     * defaults included); {@code returns} is ": T" as written or ""; {@code jsDoc} is the raw
     * documenting comment, or null.
     */
    public record Signature(String name, ImmutableList<String> parameters, String returns, boolean construct, String jsDoc) {
        /** The same signature shown under another name (the name used where it is called, or a qualified one). */
        public Signature named(String label) { return new Signature(label, parameters, returns, construct, jsDoc); }

        /** Each signature of {@code signatures} under {@code label}. */
        public static java.util.List<Signature> named(java.util.List<Signature> signatures, String label) {
            java.util.List<Signature> out = new java.util.ArrayList<>(signatures.size());
            for (Signature s : signatures) out.add(s.named(label));
            return out;
        }
    }

    /** The signatures of the callable declared as {@code name}, in source order. */
    public ImmutableList<Signature> signatures(String name) {
        ImmutableList.Builder<Signature> out = null;
        for (Signature s : signatures) {
            if (!s.name().equals(name)) continue;
            if (out == null) out = ImmutableList.builder();
            out.add(s);
        }
        return out == null ? ImmutableList.of() : out.build();
    }

    /** What a declaration is, for workspace/symbol's and completion's icons. */
    public enum Kind { FUNCTION, CLASS, VARIABLE, CONSTANT, INTERFACE, TYPE, ENUM, NAMESPACE, METHOD, PROPERTY, ENUM_MEMBER }

    /**
     * A member reachable by a dotted name from an exported declaration: what a namespace exports
     * (in an ambient namespace that exports nothing explicitly, everything it declares), a class's
     * static members, an enum's members, the properties of an object literal a {@code const} is
     * bound to; nested containers too. {@code container} is the qualified name of what holds it
     * ("Geometry", "Geometry.Inner"), starting with the file's local name of the declaration.
     */
    public record Member(String container, String name, Kind kind, Span span) { }

    /** The members of {@code container} named {@code name} (merged namespaces may declare it twice), in source order. */
    public ImmutableList<Member> members(String container, String name) {
        ImmutableList.Builder<Member> out = null;
        for (Member m : members) {
            if (!m.name().equals(name) || !m.container().equals(container)) continue;
            if (out == null) out = ImmutableList.builder();
            out.add(m);
        }
        return out == null ? ImmutableList.of() : out.build();
    }

    /** The members of {@code container}, in source order. */
    public ImmutableList<Member> membersOf(String container) {
        ImmutableList.Builder<Member> out = null;
        for (Member m : members) {
            if (!m.container().equals(container)) continue;
            if (out == null) out = ImmutableList.builder();
            out.add(m);
        }
        return out == null ? ImmutableList.of() : out.build();
    }

    /** A name range on one line: the declaration's or the export's name. */
    public record Span(int line, int startColumn, int endColumn) { }

    /** A top-level declaration; {@code exported} when {@code export} (or {@code export default}) is written on it. */
    public record Declaration(String name, Kind kind, Span span, boolean exported) { }

    /**
     * One exported name. {@code localName} is the name inside this file (a declaration or an
     * import), or inside {@code fromSpecifier} for a re-export; "*" for {@code export * as x from};
     * null for {@code export default} of an expression, whose span is the expression's start.
     * {@code commonJs}: written {@code exports.a = …} (or {@code module.exports}), where the exported
     * name is a property name of its own, which renaming the local name does not change.
     */
    public record Export(String exportedName, String localName, String fromSpecifier, Span span, boolean commonJs) {
        public Export(String exportedName, String localName, String fromSpecifier, Span span) { this(exportedName, localName, fromSpecifier, span, false); }
    }

    /**
     * One imported binding: {@code importedName} is the name in the module, "default" for a default
     * import, "*" for a namespace import or {@code import x = require()}. {@code uses}: the name
     * ranges of the binding's references in the file (line, start column, end column, in source
     * order; the binding itself not included), kept for files indexed from disk; null when they
     * are not known (an open document's summary, or a name the file also declares elsewhere, uses
     * in JSX tags or under {@code with}: only the binder can tell those apart, so the file is parsed).
     * {@code importedSpan}: with known uses, the range of {@code a} in {@code import { a as x }}; else null.
     */
    public record Import(String localName, String importedName, String specifier, Span span, int[] uses, Span importedSpan) {
        public Import(String localName, String importedName, String specifier, Span span) { this(localName, importedName, specifier, span, null, null); }

        /**
         * Whether {@link #uses} lists every reference to this binding in its file, so that a
         * references request reads them here instead of parsing the file again.
         */
        public boolean usesKnown() { return uses != null; }

        /** How many uses {@link #uses} holds (0 when unknown). */
        public int useCount() { return uses == null ? 0 : uses.length / 3; }

        /** The name range of the {@code k}th use, in source order. */
        public Span use(int k) { return new Span(uses[3 * k], uses[3 * k + 1], uses[3 * k + 2]); }
    }

    /**
     * A {@code declare module "name" { … }} block (or a module augmentation of that form): the
     * string's span, and the declarations of its body (all of them: an ambient module exports them).
     */
    public record AmbientModule(String name, Span span, ImmutableList<Declaration> members) {
        /** The member named {@code name}, or null. */
        public Declaration member(String memberName) {
            for (Declaration d : members) if (d.name().equals(memberName)) return d;
            return null;
        }

        /** Whether an import of {@code specifier} names this module: the same name, or a match of its one '*' ("*.css"). */
        public boolean matches(String specifier) {
            int star = name.indexOf('*');
            if (star < 0) return name.equals(specifier);
            if (name.indexOf('*', star + 1) >= 0) return false;
            String prefix = name.substring(0, star), suffix = name.substring(star + 1);
            return specifier.length() >= prefix.length() + suffix.length() && specifier.startsWith(prefix) && specifier.endsWith(suffix);
        }
    }

    public static FileSummary empty(Path path, String uri) {
        return new FileSummary(path, uri, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableMap.of(), 0);
    }

    /** The document's URI as the client spelled it, else the file URI of the path. */
    @Override public String uri() { return uri != null ? uri : path.toUri().toString(); }

    /**
     * The file a module specifier of this file names: as resolved when the summary was made, else
     * (a file created since, or a specifier this file does not contain) resolved now; null for none.
     */
    public Path resolve(String specifier) {
        Path p = resolvedModules.get(specifier);
        return p != null ? p : ModuleResolver.resolveFrom(path, specifier);
    }

    /** The export named {@code name}, or null. */
    public Export export(String name) {
        for (Export e : exports) if (e.exportedName().equals(name)) return e;
        return null;
    }

    /** The top-level declaration named {@code name} (the first of merged ones), or null. */
    public Declaration declaration(String name) {
        for (Declaration d : declarations) if (d.name().equals(name)) return d;
        return null;
    }

    /** The import binding whose local name starts at {@code line}:{@code column}, or null. */
    public Import importAt(int line, int column) {
        for (Import i : imports) if (i.span().line() == line && i.span().startColumn() == column) return i;
        return null;
    }

    /** The import binding named {@code localName}, or null. */
    public Import importOf(String localName) {
        for (Import i : imports) if (i.localName().equals(localName)) return i;
        return null;
    }
}
