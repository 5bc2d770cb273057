package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.query.Callables;
import dev.arenals.server.query.CommonJs;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.LibMembers;
import dev.arenals.server.query.LibTypes;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.FileSummary.Signature;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;

/**
 * {@code textDocument/signatureHelp}: inside the argument list of a call or {@code new} (also an
 * unfinished one, {@code f(a, |}), the callee's parameters as written, with the argument under
 * the cursor as the active parameter. The callee is resolved by the binder: a function (its
 * overloads as separate signatures), a class (its constructors), a variable bound to a function,
 * {@code this.m} and {@code C.m} methods of a class in the file, and names imported from other
 * workspace files (through the index's summaries, re-exports followed). Each parameter carries
 * its {@code @param} JSDoc; the signature the description of the declaration's comment.
 */
public final class SignatureHelpHandler {
    /** The call around the cursor: the CALL/NEW node and the offset of its '('. */
    record CallSite(int call, int openParen) { }

    public SignatureHelp signatureHelp(Document doc, Position position, WorkspaceIndex index, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return null;
        int offset = q.offset(position);
        if (offset < 0) return null;
        Arena a = q.arena();
        CallSite site = callAt(a, offset);
        if (site == null) return null;
        int callee = unwrapCallee(a, Layouts.callCallee(a, site.call()));
        List<Signature> signatures = signaturesOf(q, callee, index, navigator);
        if (signatures.isEmpty()) return null;

        int[] args = arguments(a, site.call());
        int active = activeArgument(a, args, offset);
        int argCount = Math.max(args.length, active + 1);
        boolean spreadBefore = false;
        for (int i = 0; i < args.length && i < active; i++) if (a.kind(args[i]) == SPREAD) spreadBefore = true;

        List<SignatureInformation> infos = new ArrayList<>(signatures.size());
        int activeSignature = -1;
        for (int i = 0; i < signatures.size(); i++) {
            Signature s = signatures.get(i);
            infos.add(information(s, activeParameter(s, active, spreadBefore)));
            if (activeSignature < 0 && accepts(s, argCount)) activeSignature = i;
        }
        if (activeSignature < 0) activeSignature = 0;
        SignatureHelp help = new SignatureHelp(infos, activeSignature, infos.get(activeSignature).getActiveParameter());
        return help;
    }

    // ---- the call at the cursor ----

    /**
     * The innermost call or {@code new} whose argument list holds {@code offset}: inside its
     * parentheses, or after the '(' of an unfinished one with only spaces and commas since its
     * last argument. A function body or class body in between ends the search (the cursor is in
     * a statement there, not in the argument list).
     */
    static CallSite callAt(Arena a, int offset) {
        CallSite found = null;
        int node = a.root();
        while (node >= 0) {
            int k = a.kind(node);
            if (k == FUNCTION_BODY || k == CLASS_BODY) found = null;
            if (k == CALL || k == NEW) {
                int open = openParen(a, node);
                if (open >= 0 && offset > open && insideArguments(a, node, offset)) found = new CallSite(node, open);
            }
            int next = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) <= offset) next = c;
                else break;
            }
            node = next;
        }
        return found;
    }

    private static boolean insideArguments(Arena a, int call, int offset) {
        int end = a.end(call);
        char[] src = a.source();
        int last = -1;
        for (int c = a.firstChild(call); c >= 0; c = a.nextSibling(c)) last = c;
        boolean closed = last >= 0 && a.end(last) < end && src[end - 1] == ')';
        if (closed) return offset < end;
        if (offset <= end) return true;
        for (int i = end; i < offset; i++) {
            char ch = src[i];
            if (ch != ',' && ch != '(' && !Character.isWhitespace(ch)) return false;
        }
        return true;
    }

    /** The offset of the '(' that opens the arguments, or -1 ({@code new C} without arguments). */
    static int openParen(Arena a, int call) {
        int callee = Layouts.callCallee(a, call);
        if (callee < 0) return -1;
        int typeArguments = Layouts.callTypeArguments(a, call);
        int after = a.end(typeArguments >= 0 ? typeArguments : callee);
        char[] src = a.source();
        int limit = a.sourceLength();
        for (int i = after; i < limit; i++) {
            char ch = src[i];
            if (ch == '(') return i;
            if (ch == '?' || ch == '.' || Character.isWhitespace(ch)) continue; // f?.(x)
            if (ch == '/' && i + 1 < limit && (src[i + 1] == '*' || src[i + 1] == '/')) {
                i = skipComment(src, i, limit) - 1;
                continue;
            }
            return -1;
        }
        return -1;
    }

    private static int skipComment(char[] src, int i, int limit) {
        if (src[i + 1] == '/') {
            while (i < limit && src[i] != '\n') i++;
            return i;
        }
        for (int j = i + 2; j + 1 < limit; j++) if (src[j] == '*' && src[j + 1] == '/') return j + 2;
        return limit;
    }

    /** The argument nodes of a call (after the callee and its type arguments). */
    static int[] arguments(Arena a, int call) {
        int first = Layouts.callFirstArgument(a, call);
        int n = 0;
        for (int c = first; c >= 0; c = a.nextSibling(c)) n++;
        int[] out = new int[n];
        n = 0;
        for (int c = first; c >= 0; c = a.nextSibling(c)) out[n++] = c;
        return out;
    }

    /** The index of the argument at {@code offset}: one past an argument once a comma follows it. */
    static int activeArgument(Arena a, int[] args, int offset) {
        char[] src = a.source();
        int active = 0;
        for (int i = 0; i < args.length; i++) {
            if (a.end(args[i]) >= offset) break;
            int to = i + 1 < args.length ? Math.min(offset, a.start(args[i + 1])) : offset;
            active = i;
            for (int j = a.end(args[i]); j < to; j++) {
                if (src[j] == ',') { active = i + 1; break; }
            }
        }
        return active;
    }

    private static int activeParameter(Signature s, int active, boolean spreadBefore) {
        int count = s.parameters().size();
        if (count == 0) return 0;
        int rest = Callables.isRest(s.parameters().get(count - 1)) ? count - 1 : -1;
        if (rest >= 0 && (active >= rest || spreadBefore)) return rest;
        return active;
    }

    /** Whether {@code argCount} arguments fit: at least the required parameters, at most all (any with a rest). */
    static boolean accepts(Signature s, int argCount) {
        int required = 0;
        boolean rest = false;
        for (String p : s.parameters()) {
            if (Callables.isRest(p)) rest = true;
            else if (!Callables.isOptional(p)) required++;
        }
        return argCount >= required && (rest || argCount <= s.parameters().size());
    }

    // ---- the callee ----

    private static int unwrapCallee(Arena a, int node) {
        while (node >= 0) {
            int k = a.kind(node);
            if (k != INSTANTIATION_EXPRESSION && k != PARENTHESIZED && k != NON_NULL) return node;
            node = Layouts.operand(a, node);
        }
        return node;
    }

    static List<Signature> signaturesOf(DocumentQuery q, int callee, WorkspaceIndex index, CrossFileNavigator navigator) {
        if (callee < 0) return List.of();
        Arena a = q.arena();
        ScopeTable scopes = q.scopes();
        int k = a.kind(callee);
        if (k == IDENTIFIER_REFERENCE) {
            int sym = q.symbolOfNode(callee);
            if (sym < 0 || !q.isDeclared(sym)) return List.of();
            String name = scopes.name(sym);
            if (scopes.kind(sym) == SymbolKind.IMPORT) return imported(q, scopes.declaringNode(sym), null, name, index, navigator);
            List<Signature> own = Callables.of(a, scopes.declaringNode(sym), name, Callables.scoped(q));
            if (own.isEmpty() && scopes.kind(sym) == SymbolKind.CLASS) return inherited(q, scopes.declaringNode(sym), name, index, navigator, 0);
            if (own.isEmpty() && ImportedMembers.isImportBinding(q, sym)) return required(q, scopes.declarationNode(sym), name, navigator);
            return own;
        }
        if (k == SUPER) {
            // super(…) in a constructor: the base class's constructor
            int cls = enclosingClass(a, callee);
            return cls < 0 ? List.of() : inherited(q, cls, "super", index, navigator, 0);
        }
        if (k == MEMBER) {
            int property = Layouts.memberProperty(a, callee);
            if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return List.of();
            List<Signature> found = memberSignatures(q, callee, index, navigator);
            return found.isEmpty() ? librarySignatures(q, callee, a.names().name(a.data(property))) : found;
        }
        return List.of();
    }

    /** {@code s.trim(}, {@code console.log(}, {@code xs.map(}: the standard library's overloads of the method ({@link LibTypes}). */
    private static List<Signature> librarySignatures(DocumentQuery q, int callee, String member) {
        String type = LibTypes.of(q, Layouts.memberObject(q.arena(), callee));
        if (type == null) return List.of();
        List<Signature> out = new ArrayList<>();
        for (LibMembers.Member m : LibMembers.get().member(type, member)) {
            if (m.method()) out.add(new Signature(m.owner() + "." + member + m.typeParameters(), com.google.common.collect.ImmutableList.copyOf(m.parameters()),
                    ": " + m.type(), false, null));
        }
        return out;
    }

    private static List<Signature> memberSignatures(DocumentQuery q, int callee, WorkspaceIndex index, CrossFileNavigator navigator) {
        Arena a = q.arena();
        ScopeTable scopes = q.scopes();
        int object = Layouts.memberObject(a, callee);
        int property = Layouts.memberProperty(a, callee);
        String member = a.names().name(a.data(property));
        object = unwrapCallee(a, object);
        if (a.kind(object) == THIS) {
            // the class's own methods, else those it inherits from classes this file declares
            int cls = enclosingClass(a, callee);
            int own = cls;
            for (int depth = 0; cls >= 0 && depth < DefinitionHandler.MAX_BASES; depth++) {
                List<Signature> found = Callables.methods(a, cls, member);
                if (found.isEmpty()) found = Callables.field(a, cls, member, Callables.scoped(q)); // this.onChange( with onChange: (v: T) => void
                if (!found.isEmpty()) return found;
                cls = DefinitionHandler.baseClassInFile(q, cls);
            }
            // a method of a base class another file declares
            CrossFileNavigator.MemberInFile inherited = own < 0 ? null : ImportedMembers.inheritedFromImport(q, own, member, navigator);
            if (inherited == null) return List.of();
            return Signature.named(inherited.signatures(), member);
        }
        if (a.kind(object) != IDENTIFIER_REFERENCE) return ImportedMembers.signatures(q, callee, member, navigator);
        int sym = q.symbolOfNode(object);
        if (sym < 0 || !q.isDeclared(sym)) return List.of();
        int declaring = scopes.declaringNode(sym);
        if (scopes.kind(sym) == SymbolKind.CLASS) return Callables.methods(a, declaring, member);
        if (scopes.kind(sym) == SymbolKind.IMPORT && a.kind(declaring) == IMPORT_NAMESPACE_SPECIFIER) {
            return imported(q, declaring, member, member, index, navigator);
        }
        if (ImportedMembers.isImportBinding(q, sym)) return ImportedMembers.signatures(q, callee, member, navigator);
        List<Signature> here = memberOfThisFile(q, property, member);
        return here.isEmpty() ? ImportedMembers.signatures(q, callee, member, navigator) : here; // v.m( with v: an imported class
    }

    /**
     * The constructors a class without its own inherits: those of the class it extends, when that
     * is a name (declared in the file, or imported), labelled {@code label}. A few levels at most.
     */
    private static List<Signature> inherited(DocumentQuery q, int classNode, String label, WorkspaceIndex index,
            CrossFileNavigator navigator, int depth) {
        Arena a = q.arena();
        if (depth > 8 || !isClass(a.kind(classNode))) return List.of();
        int extendsExpression = Layouts.classExtends(a, classNode);
        int base = extendsExpression < 0 ? -1 : unwrapCallee(a, extendsExpression);
        if (base < 0 || a.kind(base) != IDENTIFIER_REFERENCE) return List.of();
        int sym = q.symbolOfNode(base);
        if (sym < 0 || !q.isDeclared(sym)) return List.of();
        ScopeTable scopes = q.scopes();
        List<Signature> found;
        if (scopes.kind(sym) == SymbolKind.IMPORT) {
            found = imported(q, scopes.declaringNode(sym), null, label, index, navigator);
        } else if (scopes.kind(sym) == SymbolKind.CLASS) {
            found = Callables.of(a, scopes.declaringNode(sym), label);
            if (found.isEmpty()) return inherited(q, scopes.declaringNode(sym), label, index, navigator, depth + 1);
        } else {
            return List.of();
        }
        List<Signature> out = new ArrayList<>(found.size());
        for (Signature s : found) out.add(new Signature(label, s.parameters(), s.returns(), true, s.jsDoc()));
        return out;
    }

    /** {@code f(} for {@code const { f } = require("./m")}: the export's signatures, labelled {@code label}. */
    private static List<Signature> required(DocumentQuery q, int binding, String label, CrossFileNavigator navigator) {
        String[] required = CommonJs.requireOf(q.arena(), binding);
        Path file = Uris.pathOf(q.uri());
        if (required == null || required[1].equals("*") || file == null || navigator == null) return List.of();
        CrossFileNavigator.NameInFile origin = navigator.origin(file, required[0], required[1]);
        FileSummary summary = origin == null ? null : navigator.summary(origin.file());
        if (summary == null) return List.of();
        return Signature.named(summary.signatures(origin.name()), label);
    }

    /**
     * {@code ns.f(} and {@code obj.m(}: the member definition finds in this file (a namespace's
     * function, an object literal's method or function-valued property).
     */
    private static List<Signature> memberOfThisFile(DocumentQuery q, int property, String member) {
        Target target = new TargetResolver(q).at(q.arena().start(property));
        if (target == null) return List.of();
        Occurrences declarations = Occurrences.declarations(q, target);
        if (declarations.size() == 0) return List.of();
        Arena a = q.arena();
        int name = declarations.node(0);
        int declared = q.symbolOfNode(name);
        if (declared >= 0) return Callables.of(a, q.scopes().declaringNode(declared), member, Callables.scoped(q));
        int[] path = TreePaths.pathTo(a, name);
        if (path == null || path.length < 2) return List.of();
        int holder = path[path.length - 2];
        int hk = a.kind(holder);
        if (hk == METHOD || hk == FIELD || hk == PROPERTY_SIGNATURE) return Callables.of(a, holder, member, Callables.scoped(q));
        if (a.kind(holder) != PROPERTY || Layouts.propertyKey(a, holder) != name) return List.of();
        int value = Layouts.propertyValue(a, holder);
        return value < 0 ? List.of() : Callables.of(a, value, member);
    }

    private static int enclosingClass(Arena a, int node) {
        int[] path = TreePaths.pathTo(a, node);
        if (path == null) return -1;
        for (int i = path.length - 1; i >= 0; i--) if (isClass(a.kind(path[i]))) return path[i];
        return -1;
    }

    /**
     * A callable imported from another file: {@code specifierNode} is the import specifier;
     * {@code member} the name taken from a namespace import, else null.
     */
    private static List<Signature> imported(DocumentQuery q, int specifierNode, String member, String label,
            WorkspaceIndex index, CrossFileNavigator navigator) {
        if (index == null || navigator == null || specifierNode < 0) return List.of();
        Arena a = q.arena();
        int[] path = TreePaths.pathTo(a, specifierNode);
        if (path == null || path.length < 2 || a.kind(path[path.length - 2]) != IMPORT_DECLARATION) return List.of();
        int source = Layouts.moduleSource(a, path[path.length - 2]);
        if (source < 0 || a.end(source) - a.start(source) < 2) return List.of();
        String specifier = a.text(a.start(source) + 1, a.end(source) - 1);
        String importedName;
        switch (a.kind(specifierNode)) {
            case IMPORT_DEFAULT_SPECIFIER: importedName = "default"; break;
            case IMPORT_NAMESPACE_SPECIFIER: importedName = member; break;
            default: {
                int imported = Layouts.importImported(a, specifierNode);
                if (imported < 0) return List.of();
                importedName = a.kind(imported) == STRING_LITERAL ? a.text(a.start(imported) + 1, a.end(imported) - 1) : a.names().name(a.data(imported));
            }
        }
        if (importedName == null) return List.of();
        Path importer = Uris.pathOf(q.uri());
        if (importer == null) return List.of();
        CrossFileNavigator.NameInFile origin = navigator.origin(importer, specifier, importedName);
        if (origin == null) return List.of();
        FileSummary summary = index.summaryOrLoad(origin.file());
        if (summary == null) return List.of();
        return Signature.named(summary.signatures(origin.name()), label);
    }

    // ---- rendering ----

    private static final String[] MODIFIERS = {"public ", "private ", "protected ", "readonly ", "override "};

    /**
     * A parameter as TypeScript's signature help shows it, where the text alone says how: without
     * a parameter property's modifiers ({@code private readonly a: T} is {@code a: T}), and a default
     * value as an optional parameter ({@code b: T = init} is {@code b?: T}; {@code b = 2} is
     * {@code b?: number} for a number, string or boolean literal, whose type is known). Anything
     * else as written: TypeScript's inferred types need a checker.
     */
    static String shown(String written) {
        String p = written;
        for (boolean again = true; again; ) {
            again = false;
            for (String modifier : MODIFIERS) {
                if (p.startsWith(modifier)) { p = p.substring(modifier.length()).stripLeading(); again = true; }
            }
        }
        int equals = topLevel(p, '=');
        if (equals < 0) return p;
        String head = p.substring(0, equals).stripTrailing(), init = p.substring(equals + 1).strip();
        int colon = topLevel(head, ':');
        if (colon >= 0) {
            String name = head.substring(0, colon).stripTrailing();
            return (name.endsWith("?") ? name : name + "?") + ": " + head.substring(colon + 1).strip();
        }
        String type = literalType(init);
        return type == null ? p : (head.endsWith("?") ? head : head + "?") + ": " + type;
    }

    /** The widened type of a number, string or boolean literal ({@code -1}, {@code "a"}, {@code `a`} without substitutions), or null. */
    private static String literalType(String init) {
        if (init.equals("true") || init.equals("false")) return "boolean";
        if (init.length() >= 2 && (init.charAt(0) == '"' || init.charAt(0) == '\'') && init.charAt(init.length() - 1) == init.charAt(0)) return "string";
        if (init.length() >= 2 && init.charAt(0) == '`' && init.endsWith("`") && !init.contains("${")) return "string";
        String digits = init.startsWith("-") ? init.substring(1) : init;
        if (digits.isEmpty() || !Character.isDigit(digits.charAt(0)) && digits.charAt(0) != '.') return null;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '_') return null;
        }
        return digits.endsWith("n") && !digits.startsWith("0x") ? "bigint" : "number";
    }

    /** The first {@code ch} outside brackets, strings and {@code =>}, {@code ==}, or -1. */
    private static int topLevel(String text, char ch) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                for (i++; i < text.length() && text.charAt(i) != c; i++) if (text.charAt(i) == '\\') i++;
            } else if (c == '(' || c == '[' || c == '{' || c == '<') depth++;
            else if (c == ')' || c == ']' || c == '}' || (c == '>' && (i == 0 || text.charAt(i - 1) != '='))) depth--;
            else if (c == ch && depth == 0) {
                boolean operator = ch == '=' && (i + 1 < text.length() && (text.charAt(i + 1) == '>' || text.charAt(i + 1) == '=')
                        || i > 0 && "=!<>".indexOf(text.charAt(i - 1)) >= 0);
                if (!operator) return i;
            }
        }
        return -1;
    }

    private static SignatureInformation information(Signature s, int activeParameter) {
        StringBuilder label = new StringBuilder(s.name()).append('(');
        List<ParameterInformation> params = new ArrayList<>(s.parameters().size());
        for (int i = 0; i < s.parameters().size(); i++) {
            if (i > 0) label.append(", ");
            String p = s.parameters().get(i);
            int start = label.length();
            label.append(shown(p));
            ParameterInformation info = new ParameterInformation();
            info.setLabel(Either.forRight(Tuple.two(start, label.length())));
            String doc = s.jsDoc() == null ? null : JsDoc.paramMarkdown(s.jsDoc(), Callables.parameterName(p));
            if (doc != null) info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
            params.add(info);
        }
        label.append(')').append(s.returns());
        SignatureInformation info = new SignatureInformation(label.toString());
        info.setParameters(params);
        info.setActiveParameter(activeParameter);
        if (s.jsDoc() != null) {
            String description = JsDoc.inlineTags(JsDoc.parse(s.jsDoc()).description());
            if (!description.isEmpty()) info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, description));
        }
        return info;
    }
}
