package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.DeclaredTypes;
import dev.arenals.server.query.Callables;
import dev.arenals.server.query.JsxComponents;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TypeTexts;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.CrossFileNavigator.NameInFile;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.Summarizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an expression is an instance of when the answer is declared in another file: the
 * {@link DeclaredTypes} of this document first, then through the declaring files' summaries —
 * a member's declared type ({@code u.address} where {@code address: Address}), a method's or an
 * imported function's declared return type ({@code getUser()}, {@code repo.first()}), a variable
 * bound to one of those, a name destructured from one ({@code const { address } = u}) — and
 * up the bases a summary keeps ({@code interface Admin extends User} in yet another file).
 * Declarations only, as {@link DeclaredTypes}: generics, unions of two types and inference are
 * unknown (null), so a member found is one TypeScript finds too.
 */
final class InstanceTypes {
    private InstanceTypes() {}

    /** How many steps a chain of declarations or bases is followed: bounds cycles in broken code. */
    private static final int MAX_DEPTH = 12;

    /** The declaration another file has for a type name of this one ({@link DeclaredTypes#typeNameOf}); null when it is declared here or not imported. */
    private static NameInFile importedUnlessLocal(DocumentQuery q, int typeName, Path file, CrossFileNavigator navigator) {
        if (DeclaredTypes.resolveLocal(q, typeName) >= 0) return null;
        Arena a = q.arena();
        int source = a.kind(typeName) == IDENTIFIER_REFERENCE ? DeclaredTypes.mappedSource(q, q.parentOf(typeName)) : -1;
        if (source >= 0) { // Partial<User> with User imported, or Readonly<ns.T>
            int inner = DeclaredTypes.typeNameOfAnnotation(a, source);
            return inner >= 0 ? importedUnlessLocal(q, inner, file, navigator) : qualifiedType(q, source, file, navigator);
        }
        return CrossFileReferences.importedType(q, typeName, file, navigator);
    }

    /** The top-level class, interface or type alias of another file that {@code expr} is an instance of, or null. */
    static NameInFile importedTypeOf(DocumentQuery q, int expr, Path file, CrossFileNavigator navigator) {
        if (file == null || navigator == null) return null;
        return typeOf(q, expr, file, navigator, 0);
    }

    private static NameInFile typeOf(DocumentQuery q, int expr, Path file, CrossFileNavigator navigator, int depth) {
        if (expr < 0 || depth > MAX_DEPTH) return null;
        int typeName = DeclaredTypes.typeNameOf(q, expr);
        if (typeName >= 0) return importedUnlessLocal(q, typeName, file, navigator);
        NameInFile found = typeOfParts(q, expr, file, navigator, depth);
        // a type of a namespace import as this file writes it: a local field's, a for-of element's, a Map's value
        return found != null ? found : qualifiedType(q, DeclaredTypes.declaredType(q, expr), file, navigator);
    }

    private static NameInFile typeOfParts(DocumentQuery q, int expr, Path file, CrossFileNavigator navigator, int depth) {
        Arena a = q.arena();
        switch (a.kind(expr)) {
            case PARENTHESIZED: case NON_NULL: case SATISFIES_EXPRESSION: case CHAIN:
                return typeOf(q, Layouts.operand(a, expr), file, navigator, depth + 1);
            case MEMBER: {
                String name = propertyName(a, expr);
                NameInFile owner = name == null ? null : typeOf(q, Layouts.memberObject(a, expr), file, navigator, depth + 1);
                return owner == null ? null : memberType(owner, name, navigator, depth + 1);
            }
            case AWAIT: {
                int operand = Layouts.operand(a, expr);
                while (operand >= 0 && a.kind(operand) == PARENTHESIZED) operand = Layouts.operand(a, operand);
                return operand >= 0 && a.kind(operand) == CALL ? typeOfCall(q, operand, true, file, navigator, depth + 1)
                        : typeOf(q, operand, file, navigator, depth + 1);
            }
            case CALL:
                return typeOfCall(q, expr, false, file, navigator, depth + 1);
            case NEW: { // new ns.C(…) of a namespace import: the class its module exports (new C() is DeclaredTypes')
                int callee = Layouts.callCallee(a, expr);
                String name = callee >= 0 && a.kind(callee) == MEMBER ? propertyName(a, callee) : null;
                Path module = name == null ? null : ImportedMembers.namespaceChain(q, file, Layouts.memberObject(a, callee), navigator, 0);
                NameInFile origin = module == null ? null : navigator.exportOrigin(module, name);
                FileSummary s = origin == null ? null : navigator.summary(origin.file());
                FileSummary.Declaration declared = s == null ? null : s.declaration(origin.name());
                return declared != null && declared.kind() == FileSummary.Kind.CLASS ? origin : null;
            }
            case IDENTIFIER_REFERENCE:
                return typeOfBinding(q, q.symbolOfNode(expr), file, navigator, depth + 1);
            case AS_EXPRESSION: // x as ns.T (x as T is DeclaredTypes')
                return qualifiedType(q, a.nextSibling(Layouts.operand(a, expr)), file, navigator);
            case THIS: { // function (this: ns.T): a type of a namespace import
                int declared = DeclaredTypes.thisParameterType(q, expr);
                return declared >= 0 ? qualifiedType(q, declared, file, navigator) : null;
            }
            default:
                return null;
        }
    }

    /** What a call returns, by the declared return type of an imported function or of a method of an imported type ({@code awaited}: a promise's value). */
    private static NameInFile typeOfCall(DocumentQuery q, int call, boolean awaited, Path file, CrossFileNavigator navigator, int depth) {
        Arena a = q.arena();
        int callee = Layouts.callCallee(a, call);
        if (callee < 0) return null;
        if (a.kind(callee) == MEMBER) {
            String name = propertyName(a, callee);
            NameInFile owner = name == null ? null : typeOf(q, Layouts.memberObject(a, callee), file, navigator, depth + 1);
            if (owner == null) { // ns.make() of a namespace import: the function its module exports, as an imported one
                Path module = name == null ? null : ImportedMembers.namespaceChain(q, file, Layouts.memberObject(a, callee), navigator, 0);
                return module == null ? null : returnedBy(navigator.exportOrigin(module, name), awaited, navigator);
            }
            if (!awaited) return memberType(owner, name, navigator, depth + 1);
            MemberAt found = declaringMember(owner, name, navigator, depth + 1);
            if (found == null) return null;
            for (FileSummary.Signature signature : found.summary().signatures(found.container().name() + Summarizer.PROTOTYPE + "." + name)) {
                String returned = returnedTypeName(signature.returns(), true);
                return returned == null ? null : resolveIn(found.container().file(), found.summary(), returned, navigator);
            }
            return null;
        }
        if (a.kind(callee) != IDENTIFIER_REFERENCE) return null;
        return returnedBy(importedName(q, callee, file, navigator), awaited, navigator);
    }

    /** What a function of another file returns, by its first signature's declared return type; null for a class or none. */
    private static NameInFile returnedBy(NameInFile function, boolean awaited, CrossFileNavigator navigator) {
        FileSummary s = function == null ? null : navigator.summary(function.file());
        if (s == null) return null;
        for (FileSummary.Signature signature : s.signatures(function.name())) {
            if (signature.construct()) return null;
            String returned = returnedTypeName(signature.returns(), awaited);
            return returned == null ? null : resolveIn(function.file(), s, returned, navigator);
        }
        return null;
    }

    /** A variable bound without an annotation to something whose type is known, or a name destructured from one. */
    /** What a variable or parameter holds when that is declared in another file, or null. */
    static NameInFile importedTypeOfSymbol(DocumentQuery q, int symbol, Path file, CrossFileNavigator navigator) {
        if (file == null || navigator == null) return null;
        int typeName = DeclaredTypes.typeNameOfSymbol(q, symbol);
        if (typeName >= 0) return importedUnlessLocal(q, typeName, file, navigator);
        return typeOfBinding(q, symbol, file, navigator, 0);
    }

    private static NameInFile typeOfBinding(DocumentQuery q, int symbol, Path file, CrossFileNavigator navigator, int depth) {
        if (symbol < 0 || !q.isDeclared(symbol)) return null;
        int kind = q.scopes().kind(symbol);
        if (kind != SymbolKind.VAR && kind != SymbolKind.LET && kind != SymbolKind.CONST && kind != SymbolKind.PARAMETER) return null;
        Arena a = q.arena();
        int binding = q.scopes().declarationNode(symbol);
        int declaring = q.scopes().declaringNode(symbol);
        if (binding < 0 || declaring < 0) return null;
        if (a.kind(declaring) == VARIABLE_DECLARATOR && Layouts.declaratorTarget(a, declaring) == binding) {
            int type = Layouts.declaratorType(a, declaring);
            return type >= 0 ? qualifiedType(q, type, file, navigator) : typeOf(q, Layouts.declaratorInit(a, declaring), file, navigator, depth + 1);
        }
        if (a.kind(declaring) == PARAMETER && Layouts.parameterTarget(a, declaring) == binding && !Layouts.isRestParameter(a, declaring)) {
            int type = Layouts.parameterType(a, declaring);
            if (type < 0 && Layouts.parameterInitializer(a, declaring) < 0) type = DeclaredTypes.contextualParameterType(q, declaring); // (u) => … given (u: ns.T) => …
            return type >= 0 ? qualifiedType(q, type, file, navigator) : typeOf(q, Layouts.parameterInitializer(a, declaring), file, navigator, depth + 1);
        }
        int child = binding, parent = q.parentOf(binding);
        if (parent >= 0 && a.kind(parent) == FORMAL_PARAMETERS) { // u of (u) => …, given (u: ns.T) => …
            int type = DeclaredTypes.contextualParameterType(q, binding);
            return type >= 0 ? qualifiedType(q, type, file, navigator) : null;
        }
        // { name } or { key: name } or { key: name = default } of an object pattern
        if (parent >= 0 && a.kind(parent) == ASSIGNMENT_PATTERN) {
            child = parent;
            parent = q.parentOf(parent);
        }
        if (parent < 0 || a.kind(parent) != PROPERTY || Layouts.propertyValue(a, parent) != child) return null;
        int pattern = q.parentOf(parent);
        if (pattern < 0 || a.kind(pattern) != OBJECT_PATTERN || (a.data(parent) & P_COMPUTED) != 0) return null;
        int key = Layouts.propertyKey(a, parent);
        if (key < 0 || (a.kind(key) != IDENTIFIER_NAME && a.kind(key) != BINDING_IDENTIFIER && a.kind(key) != IDENTIFIER_REFERENCE)) return null;
        NameInFile owner = patternType(q, pattern, file, navigator, depth + 1);
        return owner == null ? null : memberType(owner, a.names().name(a.data(key)), navigator, depth + 1);
    }

    /**
     * {@code ns.T} where {@code import * as ns} (or {@code T | undefined} of it): the type the
     * module exports as T, through re-exports; null for any other annotation.
     */
    static NameInFile qualifiedType(DocumentQuery q, int type, Path file, CrossFileNavigator navigator) {
        Arena a = q.arena();
        type = type < 0 ? -1 : DeclaredTypes.withoutNullish(a, type);
        for (int source = DeclaredTypes.mappedSource(q, type), steps = 0; source >= 0 && steps < MAX_DEPTH; source = DeclaredTypes.mappedSource(q, type), steps++) {
            type = DeclaredTypes.withoutNullish(a, source); // Partial<ns.T>: T's members
        }
        if (type < 0 || a.kind(type) != TYPE_REFERENCE) return null;
        int name = Layouts.typeReferenceName(a, type);
        if (name < 0 || a.kind(name) != QUALIFIED_NAME) return null;
        int left = Layouts.memberObject(a, name), right = Layouts.memberProperty(a, name);
        if (left < 0 || right < 0 || a.kind(left) != IDENTIFIER_REFERENCE) return null;
        int symbol = q.symbolOfNode(left);
        if (symbol < 0 || !q.isDeclared(symbol)) return null;
        String[] imported = DefinitionHandler.importOf(a, q.scopes().declarationNode(symbol));
        Path module = imported == null ? null : navigator.namespaceModule(file, imported[0], imported[1]);
        return module == null ? null : navigator.exportOrigin(module, a.names().name(a.data(right)));
    }

    /**
     * The type another file declares that an object literal is given ({@code typeName} and
     * {@code annotation}: what {@link DeclaredTypes#typeNameOfLiteral} and
     * {@link DeclaredTypes#literalAnnotation} found for it here): an imported type, {@code ns.T}
     * ({@code this.options = { … }} with {@code options: Router.RouterConfig}), or the parameter of an
     * imported function the literal is passed to; null when none is known.
     */
    static NameInFile importedTypeOfLiteral(DocumentQuery q, int literal, int typeName, int annotation, Path file, CrossFileNavigator navigator) {
        if (typeName >= 0) return CrossFileReferences.importedType(q, typeName, file, navigator);
        return annotation >= 0 ? qualifiedType(q, annotation, file, navigator) : importedParameterType(q, literal, file, navigator);
    }

    /**
     * {@code f(…, { … })} or {@code ns.f(…, { … })} where f is imported and has one signature: the type its parameter there
     * is declared as, by the summary's text of it ({@code _params: ProcessParams = {…}}), when that
     * is a type name the declaring file has; null otherwise (overloads, a rest parameter, a generic).
     */
    private static NameInFile importedParameterType(DocumentQuery q, int literal, Path file, CrossFileNavigator workspace) {
        Arena a = q.arena();
        int child = q.outermostParentheses(literal), call = q.parentOf(child);
        if (call < 0 || a.kind(call) != CALL) return null;
        int callee = Layouts.callCallee(a, call);
        int index = 0;
        int arg = Layouts.callFirstArgument(a, call);
        for (; arg >= 0 && arg != child; arg = a.nextSibling(arg)) {
            if (a.kind(arg) == SPREAD) return null;
            index++;
        }
        if (arg < 0 || callee < 0) return null;
        NameInFile origin;
        if (a.kind(callee) == MEMBER) { // ns.f({ … }) of a namespace import: the function its module exports
            String name = propertyName(a, callee);
            Path module = name == null ? null : ImportedMembers.namespaceChain(q, file, Layouts.memberObject(a, callee), workspace, 0);
            origin = module == null ? null : workspace.exportOrigin(module, name);
        } else {
            if (a.kind(callee) != IDENTIFIER_REFERENCE || !ImportedMembers.isImportBinding(q, q.symbolOfNode(callee))) return null;
            origin = importedName(q, callee, file, workspace);
        }
        FileSummary summary = origin == null ? null : workspace.summary(origin.file());
        List<FileSummary.Signature> signatures = summary == null ? List.of() : summary.signatures(origin.name());
        if (signatures.size() != 1 || signatures.get(0).construct() || index >= signatures.get(0).parameters().size()) return null;
        String parameter = signatures.get(0).parameters().get(index);
        return Callables.isRest(parameter) ? null : parameterTypeIn(origin, summary, parameter, workspace);
    }

    /** What an object pattern destructures: its annotation, or a variable's initializer. */
    private static NameInFile patternType(DocumentQuery q, int pattern, Path file, CrossFileNavigator navigator, int depth) {
        int typeName = DeclaredTypes.typeNameOfLiteral(q, pattern);
        if (typeName >= 0) return importedUnlessLocal(q, typeName, file, navigator);
        Arena a = q.arena();
        int parent = q.parentOf(pattern);
        if (parent >= 0 && a.kind(parent) == VARIABLE_DECLARATOR && Layouts.declaratorTarget(a, parent) == pattern && Layouts.declaratorType(a, parent) < 0) {
            return typeOf(q, Layouts.declaratorInit(a, parent), file, navigator, depth + 1);
        }
        return null;
    }

    /** The property name of a non-computed member access, or null. */
    private static String propertyName(Arena a, int member) {
        if ((a.data(member) & M_COMPUTED) != 0) return null;
        int property = Layouts.memberProperty(a, member);
        return property >= 0 && a.kind(property) == IDENTIFIER_NAME ? a.names().name(a.data(property)) : null;
    }

    /** Where an imported name (not a namespace) is declared, or null. */
    static NameInFile importedName(DocumentQuery q, int reference, Path file, CrossFileNavigator navigator) {
        int symbol = reference < 0 ? -1 : q.symbolOfNode(reference);
        if (symbol < 0 || !q.isDeclared(symbol)) return null;
        String[] imported = DefinitionHandler.importOf(q.arena(), q.scopes().declarationNode(symbol));
        if (imported == null || imported[1].equals("*")) return null;
        return navigator.origin(file, imported[0], imported[1]);
    }

    /**
     * The type the instances of {@code owner} give member {@code name}: its declared type (a
     * method's return type), from the nearest container along the bases that declares it; null
     * when it declares none that names a type.
     */
    static NameInFile memberType(NameInFile owner, String name, CrossFileNavigator navigator, int depth) {
        MemberAt found = declaringMember(owner, name, navigator, depth);
        if (found == null) return null;
        for (FileSummary.Member m : found.members()) {
            if (m.type() == null) continue;
            String typeName = instanceTypeName(m.type(), false);
            if ("this".equals(typeName)) return owner; // add(…): this — what it is called on, a subclass too
            return typeName == null ? null : resolveIn(found.container().file(), found.summary(), typeName, navigator);
        }
        return null;
    }

    /** The instance members named {@code name} of the nearest container along {@code owner}'s bases that declares it. */
    record MemberAt(NameInFile container, FileSummary summary, List<FileSummary.Member> members) { }

    /** Where the instances of {@code owner} get member {@code name}: its own summary's members, else its bases' (depth first, in order); null. */
    static MemberAt declaringMember(NameInFile owner, String name, CrossFileNavigator navigator, int depth) {
        return declaringMember(owner, name, navigator, depth, new HashSet<>());
    }

    private static MemberAt declaringMember(NameInFile owner, String name, CrossFileNavigator navigator, int depth, Set<NameInFile> visited) {
        if (owner == null || depth > MAX_DEPTH || !visited.add(owner)) return null;
        FileSummary s = navigator.summary(owner.file());
        if (s == null) return null;
        String container = owner.name() + Summarizer.PROTOTYPE;
        List<FileSummary.Member> members = s.members(container, name);
        if (!members.isEmpty()) return new MemberAt(owner, s, members);
        for (String base : s.basesOf(container)) {
            MemberAt found = declaringMember(resolveIn(owner.file(), s, base, navigator), name, navigator, depth + 1, visited);
            if (found != null) return found;
        }
        return null;
    }

    /** An instance member and the type that declares it. */
    record Found(NameInFile owner, FileSummary.Member member) { }

    /** Every instance member of {@code owner}, nearest first, each name once: its own, then its bases'. */
    static List<Found> instanceMembers(NameInFile owner, CrossFileNavigator navigator) {
        List<Found> out = new ArrayList<>();
        collect(owner, navigator, new HashSet<>(), new HashSet<>(), out, 0);
        return out;
    }

    private static void collect(NameInFile owner, CrossFileNavigator navigator, Set<String> names, Set<NameInFile> visited, List<Found> out,
            int depth) {
        if (owner == null || depth > MAX_DEPTH || !visited.add(owner)) return;
        FileSummary s = navigator.summary(owner.file());
        if (s == null) return;
        String container = owner.name() + Summarizer.PROTOTYPE;
        for (FileSummary.Member m : s.membersOf(container)) if (names.add(m.name())) out.add(new Found(owner, m));
        for (String base : s.basesOf(container)) collect(resolveIn(owner.file(), s, base, navigator), navigator, names, visited, out, depth + 1);
    }

    /** The class, interface or type alias a file means by {@code typeName}: its own top-level one, or the one it imports; null. */
    static NameInFile resolveIn(Path file, FileSummary s, String typeName, CrossFileNavigator navigator) {
        FileSummary.Declaration d = s.declaration(typeName);
        if (d != null) {
            FileSummary.Kind k = d.kind();
            return k == FileSummary.Kind.CLASS || k == FileSummary.Kind.INTERFACE || k == FileSummary.Kind.TYPE ? new NameInFile(file, typeName) : null;
        }
        FileSummary.Import i = s.importOf(typeName);
        if (i == null || i.importedName() == null || i.importedName().equals("*")) return null;
        return navigator.origin(file, i.specifier(), i.importedName());
    }

    /**
     * The instance type a signature's {@code returns} (": T" as written) names: {@code T},
     * {@code T<A>}, {@code T | undefined}, {@code T | null} ({@code awaited}: T of
     * {@code Promise<T>} too); null for anything else.
     */
    /**
     * The props type of an imported component a JSX opening element names ({@code <Button>} where
     * {@code Button} is imported): its first parameter's type in its file's summary of its signature
     * ({@code function Button({ label }: ButtonProps)}); null when it is not imported, not a function
     * or not typed so.
     */
    static NameInFile importedPropsType(DocumentQuery q, int opening, Path file, CrossFileNavigator navigator) {
        NameInFile component = importedName(q, new JsxComponents(q).componentBinding(opening), file, navigator);
        FileSummary s = component == null ? null : navigator.summary(component.file());
        List<FileSummary.Signature> signatures = s == null ? List.of() : s.signatures(component.name());
        if (signatures.isEmpty() || signatures.get(0).construct() || signatures.get(0).parameters().isEmpty()) return null;
        return parameterTypeIn(component, s, signatures.get(0).parameters().get(0), navigator);
    }

    /** The class, interface or alias a summary's parameter text is declared as ({@code { label }: ButtonProps}), found from the file declaring the function; null. */
    static NameInFile parameterTypeIn(NameInFile function, FileSummary s, String parameter, CrossFileNavigator navigator) {
        String type = Callables.parameterType(parameter);
        String typeName = type == null ? null : instanceTypeName(type, false);
        return typeName == null ? null : resolveIn(function.file(), s, typeName, navigator);
    }

    static String returnedTypeName(String returns, boolean awaited) {
        if (returns == null || !returns.startsWith(":")) return null;
        return instanceTypeName(returns.substring(1), awaited);
    }

    static String instanceTypeName(String type, boolean awaited) {
        String only = TypeTexts.withoutNullish(type);
        if (only == null || only.isEmpty() || !Character.isJavaIdentifierStart(only.charAt(0))) return null;
        int end = 1;
        while (end < only.length() && Character.isJavaIdentifierPart(only.charAt(end))) end++;
        String rest = only.substring(end).trim();
        String name = only.substring(0, end);
        if (awaited && (name.equals("Promise") || name.equals("PromiseLike")) && rest.startsWith("<") && rest.endsWith(">")) {
            return instanceTypeName(rest.substring(1, rest.length() - 1), false);
        }
        return rest.isEmpty() || rest.startsWith("<") && rest.endsWith(">") ? name : null;
    }
}
