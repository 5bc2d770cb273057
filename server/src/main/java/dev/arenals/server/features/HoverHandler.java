package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DeclaredTypes;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.EnumValues;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import dev.arenals.server.query.TreePaths;
import dev.arenals.server.protocol.Uris;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.FileSummary.Signature;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * Hover on an identifier: the binder resolves it to its symbol, and the hover shows the
 * declaration as written, in a {@code typescript} code block, then its JSDoc as Markdown:
 *
 * <ul>
 *   <li>functions and classes: the head up to the body's {@code {}, e.g.
 *       {@code async function parse(src, opts = {})}, {@code class Lexer extends Base};</li>
 *   <li>variables: {@code const limit = 10}, cut to the declarator's first line
 *       ({@code const config = { …}), or {@code const a} for a destructured name;</li>
 *   <li>{@code (parameter) opts}, {@code (parameter) opts = {}}, {@code (parameter) ...rest};</li>
 *   <li>imports: {@code import { x } from "./y"}, {@code import * as ns from "./y"}.</li>
 * </ul>
 *
 * The JSDoc is the {@code /** *}{@code /} comment right before the declaring statement (before
 * {@code export} when exported); for a parameter, its {@code @param} line from the function's
 * comment. Members that definition finds in this file ({@code this.m}, {@code obj.key},
 * {@code Enum.A}, {@code Ns.f}) show their declaration the same way. Anything that does not resolve
 * to a declaration (properties of unknown objects, implicit globals, whitespace) gives null.
 */
public final class HoverHandler {
    /** Longest declaration shown, in chars. */
    static final int MAX_DECLARATION = 400;

    /** This file only (tools and tests). */
    public Hover hover(Document doc, Position position, boolean markdown) { return hover(doc, position, markdown, null); }

    /**
     * Must run on the document's queue, after {@link Document#ensureParsed}. With a
     * {@code navigator}, an imported name also shows how the declaration it stands for is called,
     * and a member of an imported name ({@code Geometry.distance}) its declaration in the other
     * file, both from that file's summary.
     */
    public Hover hover(Document doc, Position position, boolean markdown, CrossFileNavigator navigator) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return null;
        int offset = q.offset(position);
        int ident = q.identifierAt(offset);
        int symbol = q.symbolOfNode(ident);
        String[] shown = symbol >= 0 ? withKnownType(q, symbol, declarationAndDocs(q, symbol, markdown), navigator)
                : ident >= 0 ? memberDeclarationAndDocs(q, offset, markdown) : null;
        if (navigator != null && ident >= 0) {
            if (shown != null && ImportedMembers.isImportBinding(q, symbol)) shown = withImportedSignatures(q, symbol, shown, markdown, navigator);
            else if (shown == null) shown = importedMember(q, ident, markdown, navigator);
            if (shown == null) shown = inheritedFromImport(q, offset, markdown, navigator);
            if (shown == null) shown = importedComponentProp(q, ident, markdown, navigator);
        }
        if (shown == null && ident >= 0) shown = libraryMember(q, ident);
        if (shown == null) return null;
        String code = shown[0], docs = shown[1];

        String value;
        if (markdown) {
            value = "```typescript\n" + code + "\n```" + (docs == null || docs.isEmpty() ? "" : "\n\n" + docs);
        } else {
            value = code + (docs == null || docs.isEmpty() ? "" : "\n\n" + docs);
        }
        Hover hover = new Hover(new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, value));
        hover.setRange(q.rangeOfNode(ident));
        return hover;
    }

    /**
     * A variable or parameter written without a type, whose value's type the declarations settle
     * ({@link DeclaredTypes}, {@link InstanceTypes}): shown after its name as TypeScript shows it
     * ({@code const user: User = service.load(1)!}, {@code (parameter) u: User}).
     */
    private static String[] withKnownType(DocumentQuery q, int symbol, String[] shown, CrossFileNavigator navigator) {
        if (shown == null) return null;
        int kind = q.scopes().kind(symbol);
        if (kind != SymbolKind.CONST && kind != SymbolKind.LET && kind != SymbolKind.VAR && kind != SymbolKind.PARAMETER) return shown;
        String name = q.scopes().name(symbol);
        String code = shown[0];
        String head = kind == SymbolKind.PARAMETER ? "(parameter) " : (kind == SymbolKind.CONST ? "const " : kind == SymbolKind.LET ? "let " : "var ");
        if (!code.startsWith(head + name)) return shown;
        int after = head.length() + name.length();
        if (after < code.length() && (code.charAt(after) == ':' || code.charAt(after) == '?')) return shown; // annotated
        String type = null;
        int typeName = DeclaredTypes.typeNameOfSymbol(q, symbol);
        Arena a = q.arena();
        if (typeName >= 0 && a.kind(typeName) == IDENTIFIER_REFERENCE) {
            int parent = q.parentOf(typeName);
            boolean generic = parent >= 0 && (a.kind(parent) == INSTANTIATION_EXPRESSION || a.kind(parent) == TYPE_REFERENCE) && a.nextSibling(typeName) >= 0;
            type = generic ? dev.arenals.server.query.Callables.oneLine(a, a.start(parent), a.end(parent)) : a.names().name(a.data(typeName)); // Repo<User>
        }
        else if (typeName < 0 && navigator != null) {
            dev.arenals.server.workspace.CrossFileNavigator.NameInFile imported = InstanceTypes.importedTypeOfSymbol(q, symbol, Uris.pathOf(q.uri()), navigator);
            if (imported != null) type = imported.name();
        }
        if (type == null) return shown;
        return new String[] {code.substring(0, after) + ": " + type + code.substring(after), shown[1]};
    }

    /** {@code s.trim} where s is a string, {@code console.log}: the standard library's declaration (its overloads). */
    private static String[] libraryMember(DocumentQuery q, int ident) {
        Arena arena = q.arena();
        int access = TreePaths.parent(arena, ident);
        if (access < 0 || arena.kind(access) != MEMBER || Layouts.memberProperty(arena, access) != ident || arena.kind(ident) != IDENTIFIER_NAME) return null;
        String type = dev.arenals.server.query.LibTypes.of(q, Layouts.memberObject(arena, access));
        if (type == null) return null;
        List<dev.arenals.server.query.LibMembers.Member> found = dev.arenals.server.query.LibMembers.get().member(type, arena.names().name(arena.data(ident)));
        if (found.isEmpty()) return null;
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < found.size() && i < MAX_SIGNATURES; i++) code.append(i == 0 ? "" : "\n").append(found.get(i).display());
        if (found.size() > MAX_SIGNATURES) code.append("\n// +").append(found.size() - MAX_SIGNATURES).append(" overloads");
        return new String[] {code.toString(), null};
    }

    /** Overloads shown at most in a hover across files. */
    private static final int MAX_SIGNATURES = 4;

    /** The import line, then how the imported callable is called ({@code function f(a: T): R}) and its JSDoc. */
    private static String[] withImportedSignatures(DocumentQuery q, int symbol, String[] shown, boolean markdown, CrossFileNavigator navigator) {
        Path file = Uris.pathOf(q.uri());
        String[] imported = DefinitionHandler.importOf(q.arena(), q.scopes().declarationNode(symbol));
        if (file == null || imported == null || imported[1].equals("*")) return shown;
        CrossFileNavigator.NameInFile origin = navigator.origin(file, imported[0], imported[1]);
        FileSummary summary = origin == null ? null : navigator.summary(origin.file());
        if (summary == null) return shown;
        List<Signature> signatures = summary.signatures(origin.name());
        if (signatures.isEmpty()) return shown;
        StringBuilder code = new StringBuilder(shown[0]);
        appendSignatures(code, signatures, signatures.get(0).construct() ? "new " : "function ");
        return new String[] {code.toString(), docsOf(signatures, markdown, shown[1])};
    }

    /** {@code Geometry.distance} where Geometry is imported: the member's kind, qualified name and signature, from the declaring file. */
    private static String[] importedMember(DocumentQuery q, int ident, boolean markdown, CrossFileNavigator navigator) {
        Arena arena = q.arena();
        int access = TreePaths.parent(arena, ident);
        if (access < 0 || (arena.kind(access) != MEMBER && arena.kind(access) != QUALIFIED_NAME) || Layouts.memberObject(arena, access) == ident) return null;
        CrossFileNavigator.MemberInFile found = ImportedMembers.member(q, access, navigator);
        return found == null ? null : describe(found, markdown);
    }

    /** A member of another file: its kind and qualified name ("Base.prototype." shown as "Base."), or how it is called; its JSDoc. */
    private static String[] describe(CrossFileNavigator.MemberInFile found, boolean markdown) {
        FileSummary.Member first = found.members().get(0);
        List<Signature> signatures = found.signatures();
        StringBuilder code = new StringBuilder();
        if (signatures.isEmpty()) {
            code.append('(').append(first.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(") ")
                    .append(found.qualifiedName().replace(dev.arenals.server.workspace.Summarizer.PROTOTYPE + ".", "."));
            if (first.type() != null) code.append(": ").append(first.type());
        } else {
            String label = signatures.get(0).construct() ? "new " : first.kind() == FileSummary.Kind.FUNCTION ? "function " : "(method) ";
            appendSignatures(code, signatures, label);
            if (code.length() > 0 && code.charAt(0) == '\n') code.deleteCharAt(0);
        }
        return new String[] {code.toString(), docsOf(signatures, markdown, null)};
    }

    /** {@code label} of {@code <Button label="…">} where Button is imported: the member of its props type, from the declaring file. */
    private static String[] importedComponentProp(DocumentQuery q, int ident, boolean markdown, CrossFileNavigator navigator) {
        Arena arena = q.arena();
        int attribute = TreePaths.parent(arena, ident);
        int opening = attribute < 0 ? -1 : TreePaths.parent(arena, attribute);
        if (opening < 0 || arena.kind(attribute) != JSX_ATTRIBUTE || Layouts.jsxAttributeName(arena, attribute) != ident
                || arena.kind(ident) != JSX_IDENTIFIER || arena.kind(opening) != JSX_OPENING_ELEMENT) return null;
        Path file = Uris.pathOf(q.uri());
        CrossFileNavigator.NameInFile props = file == null ? null : InstanceTypes.importedPropsType(q, opening, file, navigator);
        InstanceTypes.MemberAt found = props == null ? null : InstanceTypes.declaringMember(props, arena.names().name(arena.data(ident)), navigator, 0);
        if (found == null) return null;
        String qualified = found.container().name() + dev.arenals.server.workspace.Summarizer.PROTOTYPE + "." + found.members().get(0).name();
        return describe(new CrossFileNavigator.MemberInFile(found.summary(), qualified, found.members()), markdown);
    }

    /** {@code this.m} where m comes from a base class another file declares: shown as {@code (method) Base.m(…)}. */
    private static String[] inheritedFromImport(DocumentQuery q, int offset, boolean markdown, CrossFileNavigator navigator) {
        Target target = new TargetResolver(q).at(offset);
        if (target == null || target.kind != Target.MEMBER || target.containerKind != Target.CLASS) return null;
        CrossFileNavigator.MemberInFile found = ImportedMembers.inheritedFromImport(q, target.containers[0],
                q.arena().names().name(target.nameId), navigator);
        return found == null ? null : describe(found, markdown);
    }

    private static void appendSignatures(StringBuilder code, List<Signature> signatures, String label) {
        for (int i = 0; i < signatures.size() && i < MAX_SIGNATURES; i++) {
            Signature s = signatures.get(i);
            code.append('\n').append(label).append(s.name().replace(dev.arenals.server.workspace.Summarizer.PROTOTYPE + ".", ".")).append('(').append(String.join(", ", s.parameters())).append(')').append(s.returns());
        }
        if (signatures.size() > MAX_SIGNATURES) code.append("\n// +").append(signatures.size() - MAX_SIGNATURES).append(" overloads");
    }

    private static String docsOf(List<Signature> signatures, boolean markdown, String otherwise) {
        String comment = signatures.isEmpty() ? null : signatures.get(0).jsDoc();
        if (comment == null) return otherwise;
        return markdown ? JsDoc.toMarkdown(comment) : JsDoc.toPlainText(comment);
    }

    /** The declaration of a symbol as written and its JSDoc (null when none): what hover and completion's resolve show. */
    static String[] declarationAndDocs(DocumentQuery q, int symbol, boolean markdown) {
        Arena arena = q.arena();
        ScopeTable scopes = q.scopes();
        int kind = scopes.kind(symbol);
        int declaring = scopes.declaringNode(symbol);
        int declaration = scopes.declarationNode(symbol);
        if (kind == SymbolKind.IMPLICIT_GLOBAL || declaring < 0) return null;
        int[] path = TreePaths.pathTo(arena, declaring);
        if (path == null) return null;
        String name = scopes.name(symbol);
        String code = declarationText(arena, path, kind, name, declaration);
        if (code == null || code.isEmpty()) return null;
        return new String[] {code, documentation(arena, path, kind, name, markdown)};
    }

    /**
     * A name the binder does not bind, that definition still finds in this file: {@code this.m},
     * {@code obj.key}, {@code Enum.A}, {@code Ns.f}, a method or field name. Shows its first
     * declaration as written (a method up to its body) and its JSDoc, as for bound names.
     */
    private static String[] memberDeclarationAndDocs(DocumentQuery q, int offset, boolean markdown) {
        Target target = new TargetResolver(q).at(offset);
        if (target == null) return null;
        Occurrences declarations = Occurrences.nearestDeclarations(q, target);
        int name;
        if (declarations.size() > 0) {
            name = declarations.node(0);
        } else if (target.kind == Target.MEMBER && target.containerKind == Target.CLASS) {
            List<Integer> inherited = DefinitionHandler.inheritedMemberKeys(q, target.containers[0], target.nameId);
            if (inherited.isEmpty()) return null;
            name = inherited.get(0);
        } else {
            return null;
        }
        int declared = q.symbolOfNode(name);
        if (declared >= 0) return declarationAndDocs(q, declared, markdown); // a namespace's exported function or const
        Arena arena = q.arena();
        int[] path = TreePaths.pathTo(arena, name);
        if (path == null || path.length < 2) return null;
        int member = path[path.length - 2];
        int end = arena.end(member);
        for (int c = arena.firstChild(member); c >= 0; c = arena.nextSibling(c)) {
            int body = bodyOf(arena, c);
            if (body >= 0) { end = arena.start(body); break; }
        }
        String code = firstLine(arena.text(arena.start(member), end));
        if (code.endsWith(";") || code.endsWith(",")) code = code.substring(0, code.length() - 1).stripTrailing();
        code = clip(code);
        String enumMember = enumMemberText(arena, path);
        if (enumMember != null) code = enumMember;
        if (code.isEmpty()) return null;
        String comment = JsDoc.before(arena, anchor(arena, path, path.length - 2));
        String docs = comment == null ? null : markdown ? JsDoc.toMarkdown(comment) : JsDoc.toPlainText(comment);
        return new String[] {code, docs};
    }

    /**
     * An enum member as TypeScript's hover shows it, {@code (enum member) E.B = 2}, when its value is
     * known from this file ({@link EnumValues}); else null (its declaration as written is shown).
     */
    private static String enumMemberText(Arena arena, int[] path) {
        if (path.length < 3 || arena.kind(path[path.length - 2]) != ENUM_MEMBER || arena.kind(path[path.length - 3]) != ENUM_DECLARATION) return null;
        int member = path[path.length - 2], declaration = path[path.length - 3];
        int enumName = arena.firstChild(declaration), key = arena.firstChild(member);
        if (enumName < 0 || arena.kind(enumName) != BINDING_IDENTIFIER || key < 0 || arena.kind(key) != IDENTIFIER_NAME) return null;
        int index = 0;
        for (int m = arena.firstChild(declaration); m >= 0 && m != member; m = arena.nextSibling(m)) if (arena.kind(m) == ENUM_MEMBER) index++;
        Object value = EnumValues.of(arena, declaration)[index];
        String text = value == null ? null : EnumValues.text(value);
        if (text == null) return null;
        return "(enum member) " + arena.text(arena.start(enumName), arena.end(enumName)) + "." + arena.text(arena.start(key), arena.end(key)) + " = " + text;
    }

    /** {@code node} itself when it is a function or class body, else such a body among its children, else -1. */
    private static int bodyOf(Arena arena, int node) {
        int k = arena.kind(node);
        if (k == FUNCTION_BODY || k == CLASS_BODY) return node;
        if (!isFunction(k) && !isClass(k)) return -1;
        for (int c = arena.firstChild(node); c >= 0; c = arena.nextSibling(c)) {
            if (arena.kind(c) == FUNCTION_BODY || arena.kind(c) == CLASS_BODY) return c;
        }
        return -1;
    }

    // ---- the declaration as written ----

    static String declarationText(Arena arena, int[] path, int symbolKind, String name, int declaration) {
        int node = path[path.length - 1];
        int parent = path.length > 1 ? path[path.length - 2] : -1;
        int k = arena.kind(node);
        switch (symbolKind) {
            case SymbolKind.PARAMETER:
                if (k == PARAMETER && (arena.data(node) & MOD_PARAMETER_PROPERTY) != 0) return parameterPropertyText(arena, path, node, name);
                return "(parameter) " + parameterText(arena, node, name, declaration);
            case SymbolKind.CATCH_PARAMETER:
                return "(catch parameter) " + name;
            case SymbolKind.IMPORT:
                return importText(arena, node, parent, name);
            default:
                break;
        }
        if (isFunction(k) || isClass(k)) return headText(arena, node);
        if (k == VARIABLE_DECLARATOR) return variableText(arena, node, parent, name, declaration);
        return clip(firstLine(arena.text(arena.start(node), arena.end(node))));
    }

    /** A function's or class's text up to its body. */
    static String headText(Arena arena, int node) {
        int body = isClass(arena.kind(node)) ? Layouts.classBody(arena, node) : Layouts.functionBody(arena, node);
        int end = body >= 0 ? arena.start(body) : arena.end(node);
        return clip(arena.text(arena.start(node), end).strip());
    }

    private static String variableText(Arena arena, int declarator, int declaration, String name, int bindingNode) {
        String keyword = "var";
        if (declaration >= 0 && arena.kind(declaration) == VARIABLE_DECLARATION) keyword = keyword(arena.data(declaration));
        int target = Layouts.declaratorTarget(arena, declarator);
        if (target < 0 || target != bindingNode || arena.kind(target) != BINDING_IDENTIFIER) {
            return keyword + " " + name; // a name inside a destructuring pattern
        }
        String text = arena.text(arena.start(declarator), arena.end(declarator));
        return clip(keyword + " " + firstLine(text));
    }

    static String keyword(int declarationKind) {
        switch (declarationKind) {
            case VAR_LET: return "let";
            case VAR_CONST: return "const";
            case VAR_USING: return "using";
            case VAR_AWAIT_USING: return "await using";
            default: return "var";
        }
    }

    /**
     * {@code constructor(public item: T)} declares a property: {@code (property) Box<T>.item: T}, as
     * TypeScript shows it on the parameter and on every read of the member.
     */
    private static String parameterPropertyText(Arena arena, int[] path, int param, String name) {
        String owner = "";
        for (int i = path.length - 1; i >= 0; i--) {
            if (!isClass(arena.kind(path[i]))) continue;
            int className = Layouts.className(arena, path[i]);
            int typeParameters = className < 0 ? -1 : arena.nextSibling(className);
            if (className >= 0) owner = arena.text(arena.start(className), arena.end(className))
                    + (typeParameters >= 0 && arena.kind(typeParameters) == TYPE_PARAMETERS ? Trees.oneLine(arena.text(arena.start(typeParameters), arena.end(typeParameters)), 80) : "") + ".";
            break;
        }
        int type = Layouts.parameterType(arena, param);
        return "(property) " + owner + name + (type < 0 ? "" : ": " + clip(firstLine(arena.text(arena.start(type), arena.end(type)))));
    }

    private static String parameterText(Arena arena, int param, String name, int bindingNode) {
        int k = arena.kind(param);
        int first = k == ASSIGNMENT_PATTERN || k == REST_ELEMENT ? Layouts.elementTarget(arena, param) : -1;
        if (k == ASSIGNMENT_PATTERN && first == bindingNode) {
            return clip(firstLine(arena.text(arena.start(param), arena.end(param))));
        }
        if (k == REST_ELEMENT && first == bindingNode) return "..." + name;
        return name;
    }

    private static String importText(Arena arena, int specifier, int importDeclaration, String name) {
        String source = null;
        if (importDeclaration >= 0 && arena.kind(importDeclaration) == IMPORT_DECLARATION) {
            int c = Layouts.moduleSource(arena, importDeclaration);
            if (c >= 0) source = arena.text(arena.start(c), arena.end(c));
        }
        String from = source == null ? "" : " from " + source;
        switch (arena.kind(specifier)) {
            case IMPORT_DEFAULT_SPECIFIER:
                return "import " + name + from;
            case IMPORT_NAMESPACE_SPECIFIER:
                return "import * as " + name + from;
            case IMPORT_SPECIFIER:
                return "import { " + Trees.oneLine(arena.text(arena.start(specifier), arena.end(specifier)), 200) + " }" + from;
            default:
                return "import " + name + from;
        }
    }

    /** The first line, with " …" when more follows. */
    static String firstLine(String text) {
        String t = text.strip();
        int nl = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') { nl = i; break; }
        }
        if (nl < 0) return t;
        return t.substring(0, nl).stripTrailing() + " …";
    }

    private static String clip(String text) {
        return text.length() <= MAX_DECLARATION ? text : text.substring(0, MAX_DECLARATION) + " …";
    }

    // ---- JSDoc ----

    private static String documentation(Arena arena, int[] path, int symbolKind, String name, boolean markdown) {
        if (symbolKind == SymbolKind.PARAMETER) {
            // the @param line of the enclosing function's comment
            for (int i = path.length - 1; i >= 0; i--) {
                if (isFunction(arena.kind(path[i]))) {
                    String comment = JsDoc.before(arena, anchor(arena, path, i));
                    if (comment == null) return null;
                    return markdown ? JsDoc.paramMarkdown(comment, name) : JsDoc.paramPlainText(comment, name);
                }
            }
            return null;
        }
        if (symbolKind == SymbolKind.CATCH_PARAMETER) return null;
        String comment = JsDoc.before(arena, anchor(arena, path, path.length - 1));
        if (comment == null) return null;
        return markdown ? JsDoc.toMarkdown(comment) : JsDoc.toPlainText(comment);
    }

    /**
     * Where the documenting comment of {@code path[i]} ends: the start of the statement that
     * declares it, going out through declarator → declaration → export, and for a function
     * expression through what it is assigned to (declarator, property, method, class field).
     */
    static int anchor(Arena arena, int[] path, int i) {
        int node = path[i];
        while (i > 0) {
            int parent = path[i - 1];
            int pk = arena.kind(parent);
            int k = arena.kind(node);
            boolean climb = pk == VARIABLE_DECLARATION || pk == EXPORT_NAMED || pk == EXPORT_DEFAULT
                    || k == VARIABLE_DECLARATOR || k == IMPORT_SPECIFIER || k == IMPORT_DEFAULT_SPECIFIER
                    || k == IMPORT_NAMESPACE_SPECIFIER
                    || ((isFunction(k) || isClass(k)) && (pk == VARIABLE_DECLARATOR || pk == PROPERTY || pk == METHOD || pk == FIELD));
            if (!climb) break;
            node = parent;
            i--;
        }
        return arena.start(node);
    }
}
