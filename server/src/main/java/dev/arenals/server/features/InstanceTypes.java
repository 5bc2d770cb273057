package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.DeclaredTypes;
import dev.arenals.server.query.Callables;
import dev.arenals.server.query.JsxComponents;
import dev.arenals.server.query.OverloadArguments;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TypeMembers;
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
 * An alias of a union another file declares is read through its constituents
 * ({@link #declaringMembers}), narrowed by the discriminant tests around the read.
 * Declarations only, as {@link DeclaredTypes}: generics, unions written in place and inference are
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
        if (typeName >= 0 && narrowedPastWhatIsKnown(q, expr, typeName, file, navigator)) return null;
        if (typeName >= 0) return importedUnlessLocal(q, typeName, file, navigator);
        NameInFile found = typeOfParts(q, expr, file, navigator, depth);
        // a type of a namespace import as this file writes it: a local field's, a for-of element's, a Map's value
        return found != null ? found : qualifiedType(q, DeclaredTypes.declaredType(q, expr), file, navigator);
    }

    /**
     * {@code x instanceof C} narrowed x, declared as a type of another file, to C: TypeScript keeps
     * C alone when C derives from that type or it is an interface (C then has its members, or the
     * program is rejected); a type alias (a union whose constituents may intersect with C) or a
     * class C does not extend is not settled from the summaries.
     */
    private static boolean narrowedPastWhatIsKnown(DocumentQuery q, int expr, int typeName, Path file, CrossFileNavigator navigator) {
        Arena a = q.arena();
        if (!DeclaredTypes.isNarrowedByInstanceof(q, expr, typeName)) return false;
        int declared = DeclaredTypes.typeNameOfAnnotation(a, DeclaredTypes.declaredType(q, expr));
        if (declared < 0 || a.kind(declared) != IDENTIFIER_REFERENCE || DeclaredTypes.resolveLocal(q, declared) >= 0) return false;
        NameInFile type = CrossFileReferences.importedType(q, declared, file, navigator);
        FileSummary summary = type == null ? null : navigator.summary(type.file());
        FileSummary.Declaration declaration = summary == null ? null : summary.declaration(type.name());
        if (declaration == null) return false; // not a name the summaries know: nothing narrowed through them
        if (declaration.kind() == FileSummary.Kind.INTERFACE) return false;
        if (declaration.kind() != FileSummary.Kind.CLASS) return true;
        NameInFile narrowed = importedUnlessLocal(q, typeName, file, navigator);
        FileSummary narrowedSummary = narrowed == null ? null : navigator.summary(narrowed.file());
        return narrowedSummary == null || !(narrowed.equals(type) || narrowedSummary.basesOf(narrowed.name()).contains(type.name()));
    }

    private static NameInFile typeOfParts(DocumentQuery q, int expr, Path file, CrossFileNavigator navigator, int depth) {
        Arena a = q.arena();
        switch (a.kind(expr)) {
            case PARENTHESIZED: case NON_NULL: case SATISFIES_EXPRESSION: case CHAIN:
                return typeOf(q, Layouts.operand(a, expr), file, navigator, depth + 1);
            case MEMBER: {
                String name = propertyName(a, expr);
                if (name == null) return indexedType(q, expr, file, navigator, depth + 1); // xs[0] of xs: E[]
                NameInFile cls = importedContainer(q, Layouts.memberObject(a, expr), file, navigator);
                NameInFile ofContainer = cls == null ? null : staticMemberType(cls, name, false, navigator); // H.s of an imported H's static s: E; obj.c of obj = { c: new C() }
                if (ofContainer != null) return ofContainer;
                NameInFile owner = typeOf(q, Layouts.memberObject(a, expr), file, navigator, depth + 1);
                if (owner != null) return memberTypeThrough(q, Layouts.memberObject(a, expr), owner, name, file, navigator, depth + 1);
                return indexedType(q, expr, file, navigator, depth + 1); // d.any of d: { [key: string]: A }
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
            case IDENTIFIER_REFERENCE: {
                NameInFile bound = typeOfBinding(q, q.symbolOfNode(expr), file, navigator, depth + 1);
                return bound != null ? bound : importedVariableType(q, expr, file, navigator); // api of import { api }, api = new Client()
            }
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
            NameInFile cls = name == null || awaited ? null : importedContainer(q, Layouts.memberObject(a, callee), file, navigator);
            NameInFile ofContainer = cls == null ? null : staticMemberType(cls, name, true, navigator); // A.create() of an imported A
            if (ofContainer != null) return ofContainer;
            NameInFile owner = name == null ? null : typeOf(q, Layouts.memberObject(a, callee), file, navigator, depth + 1);
            if (owner == null) { // ns.make() of a namespace import: the function its module exports, as an imported one
                Path module = name == null ? null : ImportedMembers.namespaceChain(q, file, Layouts.memberObject(a, callee), navigator, 0);
                return module == null ? null : returnedBy(q, call, navigator.exportOrigin(module, name), awaited, navigator);
            }
            MemberAt found = declaringMember(owner, name, navigator, depth + 1);
            List<FileSummary.Signature> signatures = found == null ? List.of()
                    : found.summary().signatures(found.container().name() + Summarizer.PROTOTYPE + "." + name);
            if (!awaited && signatures.size() < 2) return memberTypeThrough(q, Layouts.memberObject(a, callee), owner, name, file, navigator, depth + 1);
            FileSummary.Signature signature = chosenSignature(q, call, signatures);
            String returned = signature == null ? null : returnedTypeName(signature.returns(), awaited);
            return returned == null ? null : resolveIn(found.container().file(), found.summary(), returned, navigator);
        }
        if (a.kind(callee) != IDENTIFIER_REFERENCE) return null;
        return returnedBy(q, call, importedName(q, callee, file, navigator), awaited, navigator);
    }

    /** What a function of another file returns when {@code call} calls it, by the declared return type of the signature its arguments choose; null for a class or none. */
    private static NameInFile returnedBy(DocumentQuery q, int call, NameInFile function, boolean awaited, CrossFileNavigator navigator) {
        FileSummary s = function == null ? null : navigator.summary(function.file());
        if (s == null) return null;
        FileSummary.Signature signature = chosenSignature(q, call, s.signatures(function.name()));
        if (signature == null || signature.construct()) return null;
        String returned = returnedTypeName(signature.returns(), awaited);
        return returned == null ? null : resolveIn(function.file(), s, returned, navigator);
    }

    /**
     * Of a callable's signatures in another file (its overloads, in source order) the one
     * {@code call}'s arguments choose, as TypeScript resolves the call ({@link OverloadArguments});
     * the only one when there is one; null when none or not settled.
     */
    private static FileSummary.Signature chosenSignature(DocumentQuery q, int call, List<FileSummary.Signature> signatures) {
        if (signatures.size() < 2) return signatures.isEmpty() ? null : signatures.get(0);
        int arguments = OverloadArguments.argumentCount(q.arena(), call);
        if (arguments < 0) return null;
        for (FileSummary.Signature signature : signatures) {
            int[] arity = OverloadArguments.arityOf(signature.parameters());
            if (arity == null) return null;
            if (!OverloadArguments.takes(arity, arguments)) continue;
            int verdict = OverloadArguments.argumentsFit(q, signature.parameters(), call);
            if (verdict == OverloadArguments.FITS) return signature;
            if (verdict == OverloadArguments.UNSURE) return null;
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
            if (type >= 0) return qualifiedType(q, type, file, navigator);
            int init = Layouts.declaratorInit(a, declaring);
            return init >= 0 ? typeOf(q, init, file, navigator, depth + 1) : elementTypeOf(q, iteratedBy(q, declaring), file, navigator, depth + 1); // for (const p of people.list())
        }
        if (a.kind(declaring) == PARAMETER && Layouts.parameterTarget(a, declaring) == binding && !Layouts.isRestParameter(a, declaring)) {
            int type = Layouts.parameterType(a, declaring);
            if (type < 0 && Layouts.parameterInitializer(a, declaring) < 0) type = DeclaredTypes.contextualParameterType(q, declaring); // (u) => … given (u: ns.T) => …
            return type >= 0 ? qualifiedType(q, type, file, navigator) : typeOf(q, Layouts.parameterInitializer(a, declaring), file, navigator, depth + 1);
        }
        int child = binding, parent = q.parentOf(binding);
        if (parent >= 0 && a.kind(parent) == FORMAL_PARAMETERS) { // u of (u) => …, given (u: ns.T) => …
            int type = DeclaredTypes.contextualParameterType(q, binding);
            return type >= 0 ? qualifiedType(q, type, file, navigator) : elementTypeOf(q, arrayCallbackReceiver(q, parent), file, navigator, depth + 1);
        }
        if (parent >= 0 && a.kind(parent) == ARRAY_PATTERN) { // const [one] = people.list()
            int holder = q.parentOf(parent);
            if (holder < 0 || a.kind(holder) != VARIABLE_DECLARATOR || Layouts.declaratorTarget(a, holder) != parent || Layouts.declaratorType(a, holder) >= 0) return null;
            int init = Layouts.declaratorInit(a, holder);
            return elementTypeOf(q, init >= 0 ? init : iteratedBy(q, holder), file, navigator, depth + 1);
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
        if (owner != null) return memberType(owner, a.names().name(a.data(key)), navigator, depth + 1);
        int holder = q.parentOf(pattern); // const { c } = obj, obj imported: a property of its object literal
        NameInFile object = holder >= 0 && a.kind(holder) == VARIABLE_DECLARATOR && Layouts.declaratorTarget(a, holder) == pattern
                ? importedContainer(q, Layouts.declaratorInit(a, holder), file, navigator) : null;
        return object == null ? null : staticMemberType(object, a.names().name(a.data(key)), false, navigator);
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
    /** The expression a {@code for … of} declarator iterates ({@code xs} of {@code for (const x of xs)}), or -1. */
    private static int iteratedBy(DocumentQuery q, int declarator) {
        Arena a = q.arena();
        int declaration = q.parentOf(declarator);
        int loop = declaration < 0 ? -1 : q.parentOf(declaration);
        return loop >= 0 && a.kind(loop) == FOR_OF && a.data(loop) == 0 && a.firstChild(loop) == declaration ? a.nextSibling(declaration) : -1;
    }

    /** The array whose elements an arrow or function given first to one of its methods receives first ({@code xs} of {@code xs.map(x => …)}), or -1. */
    private static int arrayCallbackReceiver(DocumentQuery q, int parameters) {
        Arena a = q.arena();
        if (a.firstChild(parameters) < 0) return -1;
        int fn = q.parentOf(parameters);
        int call = fn < 0 ? -1 : q.parentOf(fn);
        if (call < 0 || a.kind(call) != CALL || Layouts.callFirstArgument(a, call) != fn) return -1;
        int callee = Layouts.callCallee(a, call);
        String method = callee >= 0 && a.kind(callee) == MEMBER ? propertyName(a, callee) : null;
        if (method == null) return -1;
        switch (method) {
            case "map": case "forEach": case "filter": case "find": case "findLast": case "some": case "every": case "flatMap": case "findIndex": case "findLastIndex":
                return Layouts.memberObject(a, callee);
            default:
                return -1;
        }
    }

    /**
     * The element type of an array another file's summary declares: a member's type or a method's
     * return type written {@code User[]}, {@code Array<User>} or {@code T[]} of a generic this file
     * gives {@code T} ({@code people.list()}, {@code repo.items}); null otherwise.
     */
    private static NameInFile elementTypeOf(DocumentQuery q, int expr, Path file, CrossFileNavigator navigator, int depth) {
        return typeInside(q, expr, file, navigator, depth, TypeTexts::elementOf);
    }

    /**
     * A type written inside the type another file's summary declares for {@code expr} (a member
     * read {@code o.list} or a method call {@code o.list()} on a type of another file): {@code part}
     * takes that type's text to the inner one ({@code E[]} to {@code E}), resolved where it is
     * written, or, a type parameter of the generic, to the type argument this file gives; null
     * otherwise.
     */
    private static NameInFile typeInside(DocumentQuery q, int expr, Path file, CrossFileNavigator navigator, int depth,
            java.util.function.UnaryOperator<String> part) {
        Arena a = q.arena();
        while (expr >= 0 && (a.kind(expr) == PARENTHESIZED || a.kind(expr) == NON_NULL)) expr = Layouts.operand(a, expr);
        if (expr < 0 || depth > MAX_DEPTH) return null;
        int member = a.kind(expr) == CALL ? Layouts.callCallee(a, expr) : expr;
        String name = member >= 0 && a.kind(member) == MEMBER ? propertyName(a, member) : null;
        if (name == null) return null;
        int object = Layouts.memberObject(a, member);
        NameInFile owner = typeOf(q, object, file, navigator, depth + 1);
        MemberAt found = owner == null ? null : declaringMember(owner, name, navigator, depth + 1);
        if (found == null) return null;
        String text = null;
        if (a.kind(expr) == CALL) {
            FileSummary.Signature signature = chosenSignature(q, expr, found.summary().signatures(found.container().name() + Summarizer.PROTOTYPE + "." + name));
            text = signature == null || !signature.returns().startsWith(":") ? null : signature.returns().substring(1);
        } else {
            for (FileSummary.Member m : found.members()) if (text == null && m.type() != null && m.kind() == FileSummary.Kind.PROPERTY) text = m.type();
        }
        String inner = text == null ? null : part.apply(text);
        String typeName = inner == null ? null : instanceTypeName(inner, false);
        NameInFile resolved = typeName == null ? null : resolveIn(found.container().file(), found.summary(), typeName, navigator);
        if (resolved != null || inner == null || !found.container().equals(owner)) return resolved;
        return typeArgumentGiven(q, object, owner, found.summary(), inner, file, navigator); // T[] of a Repo<User>
    }

    /**
     * {@link #memberType}, and where the member is declared as one of its generic's type
     * parameters ({@code item: T} of another file's {@code Box<T>}), the type argument this file
     * gives {@code object}'s type ({@code declare const b: Box<C>}, {@code new Box<C>()}): C, by
     * the place of T among the generic's type parameters that its summary keeps.
     */
    private static NameInFile memberTypeThrough(DocumentQuery q, int object, NameInFile owner, String name, Path file, CrossFileNavigator navigator, int depth) {
        NameInFile found = memberType(owner, name, navigator, depth);
        if (found != null) return found;
        MemberAt at = declaringMember(owner, name, navigator, depth);
        if (at == null || !at.container().equals(owner)) return null; // a base's type parameter: its own arguments, not followed
        String parameter = null;
        for (FileSummary.Member m : at.members()) if (m.type() != null && parameter == null) parameter = TypeTexts.withoutNullish(m.type());
        return typeArgumentGiven(q, object, owner, at.summary(), parameter, file, navigator);
    }

    /** The type another file's exported variable that {@code reference} imports is declared with or constructs, or null. */
    private static NameInFile importedVariableType(DocumentQuery q, int reference, Path file, CrossFileNavigator navigator) {
        NameInFile imported = importedName(q, reference, file, navigator);
        FileSummary s = imported == null ? null : navigator.summary(imported.file());
        String type = s == null ? null : s.variableTypeOf(imported.name());
        String typeName = type == null ? null : instanceTypeName(type, false);
        return typeName == null ? null : resolveIn(imported.file(), s, typeName, navigator);
    }

    /**
     * The type argument this file gives {@code object}'s type ({@code owner}, another file's
     * generic) for its type parameter named {@code parameter}, or null (not a type parameter of
     * it, no argument written, a type this file cannot name).
     */
    private static NameInFile typeArgumentGiven(DocumentQuery q, int object, NameInFile owner, FileSummary summary, String parameter, Path file,
            CrossFileNavigator navigator) {
        int index = parameter == null ? -1 : summary.typeParametersOf(owner.name()).indexOf(parameter);
        if (index < 0) return null;
        Arena a = q.arena();
        int receiver = DeclaredTypes.typeNameOf(q, object);
        if (receiver < 0 && object >= 0 && a.kind(object) == IDENTIFIER_REFERENCE) { // users of import { users }, users = new Repo<User>() there
            NameInFile imported = importedName(q, object, file, navigator);
            FileSummary there = imported == null ? null : navigator.summary(imported.file());
            String type = there == null ? null : there.variableTypeOf(imported.name());
            int open = type == null ? -1 : type.indexOf('<');
            if (open < 0 || !type.endsWith(">") || !owner.name().equals(instanceTypeName(type, false))) return null;
            List<String> arguments = TypeTexts.split(type.substring(open + 1, type.length() - 1), ',');
            String argument = index < arguments.size() ? instanceTypeName(arguments.get(index), false) : null;
            return argument == null ? null : resolveIn(imported.file(), there, argument, navigator);
        }
        int site = receiver < 0 || a.kind(receiver) != IDENTIFIER_REFERENCE ? -1 : q.parentOf(receiver);
        if (site >= 0 && a.kind(site) == NEW && Layouts.callCallee(a, site) == receiver) { // new Box(new E()): T inferred from the one parameter declared T
            List<FileSummary.Signature> constructors = summary.signatures(owner.name());
            if (constructors.size() != 1 || !constructors.get(0).construct()) return null;
            int given = -1, at = 0;
            for (String p : constructors.get(0).parameters()) {
                int colon = p.indexOf(':');
                if (colon >= 0 && p.substring(colon + 1).trim().equals(parameter) && !p.trim().startsWith("...")) {
                    if (given >= 0) return null; // inferred from two places
                    given = at;
                }
                at++;
            }
            int argument = Layouts.callFirstArgument(a, site);
            for (int i = 0; i < given && argument >= 0; i++) argument = a.nextSibling(argument);
            return given < 0 || argument < 0 || a.kind(argument) == SPREAD ? null : typeOf(q, argument, file, navigator, 1);
        }
        if (site < 0 || (a.kind(site) != TYPE_REFERENCE && a.kind(site) != INSTANTIATION_EXPRESSION)) return null;
        int arguments = a.nextSibling(receiver);
        int argument = arguments >= 0 && a.kind(arguments) == TYPE_ARGUMENTS ? a.firstChild(arguments) : -1;
        for (int i = 0; i < index && argument >= 0; i++) argument = a.nextSibling(argument);
        int typeName = argument < 0 ? -1 : DeclaredTypes.typeNameOfAnnotation(a, argument);
        if (typeName < 0) return null;
        if (DeclaredTypes.resolveLocal(q, typeName) < 0) return importedUnlessLocal(q, typeName, file, navigator);
        FileSummary own = navigator.summary(file); // this file's type: its own summary's rows, fresh after every edit
        return own == null ? null : resolveIn(file, own, a.names().name(a.data(typeName)), navigator);
    }

    /**
     * {@code o.list[0]}, {@code o.dict["k"]}, {@code o.dict.k} where {@code o.list}/{@code o.dict}
     * is a member of another file's type declared as an array or an index signature: the element's
     * or value's type, by the summary's text of the member's type; null otherwise.
     */
    private static NameInFile indexedType(DocumentQuery q, int expr, Path file, CrossFileNavigator navigator, int depth) {
        Arena a = q.arena();
        boolean computed = (a.data(expr) & M_COMPUTED) != 0;
        int index = computed ? Layouts.memberProperty(a, expr) : -1;
        if (computed && (index < 0 || (a.kind(index) != NUMBER_LITERAL && a.kind(index) != STRING_LITERAL))) return null;
        boolean numeric = index >= 0 && a.kind(index) == NUMBER_LITERAL;
        return typeInside(q, Layouts.memberObject(a, expr), file, navigator, depth, numeric
                ? type -> { String element = TypeTexts.elementOf(type); return element != null ? element : TypeTexts.indexedValueOf(type, true); }
                : type -> TypeTexts.indexedValueOf(type, false));
    }

    /**
     * What a name imports from another file when its members are read on it as a value: a class
     * ({@code A} of {@code A.create()}: its statics) or a constant or variable (an object literal's
     * properties, {@code obj.c}); null otherwise.
     */
    private static NameInFile importedContainer(DocumentQuery q, int expr, Path file, CrossFileNavigator navigator) {
        if (expr < 0 || q.arena().kind(expr) != IDENTIFIER_REFERENCE) return null;
        NameInFile imported = importedName(q, expr, file, navigator);
        FileSummary s = imported == null ? null : navigator.summary(imported.file());
        FileSummary.Declaration declaration = s == null ? null : s.declaration(imported.name());
        if (declaration == null) return null;
        FileSummary.Kind kind = declaration.kind();
        return kind == FileSummary.Kind.CLASS || kind == FileSummary.Kind.CONSTANT || kind == FileSummary.Kind.VARIABLE ? imported : null;
    }

    /**
     * The type of static member {@code name} of a class of another file (or a property of an object
     * that file binds to a name): a static field's declared type, or ({@code called}) a static
     * method's declared return type, by its summary; null when the class does not declare it
     * itself (a static inherited from a base is not followed).
     */
    private static NameInFile staticMemberType(NameInFile cls, String name, boolean called, CrossFileNavigator navigator) {
        FileSummary s = navigator.summary(cls.file());
        if (s == null) return null;
        if (called) {
            for (FileSummary.Signature signature : s.signatures(cls.name() + "." + name)) {
                if (signature.construct()) return null;
                String returned = returnedTypeName(signature.returns(), false);
                return returned == null ? null : resolveIn(cls.file(), s, returned, navigator);
            }
            return null;
        }
        for (FileSummary.Member m : s.members(cls.name(), name)) {
            if (m.type() == null) continue;
            String typeName = instanceTypeName(m.type(), false);
            return typeName == null || "this".equals(typeName) ? null : resolveIn(cls.file(), s, typeName, navigator);
        }
        return null;
    }

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
        // a union alias: settled when one declaration serves every constituent that has the member
        List<NameInFile> parts = constituents(owner, navigator, depth);
        if (parts == null) return null;
        List<MemberAt> found = declaringIn(parts, name, navigator, depth);
        return found.size() == 1 ? found.get(0) : null;
    }

    /**
     * Where the constituents of {@code owner} get member {@code name}, when {@code owner} is an
     * alias of a union another file declares ({@code s.area()} with {@code s: Shape} and
     * {@code type Shape = Circle | Square}): each declaration once, in the union's order, of the
     * constituents the discriminant tests around the read {@code reference} leave
     * ({@code case "c":} of {@code switch (s.kind)}; -1: no read). For any other owner, its one
     * {@link #declaringMember}. Empty when nothing is settled (a constituent not found).
     */
    static List<MemberAt> declaringMembers(DocumentQuery q, int reference, NameInFile owner, String name, CrossFileNavigator navigator) {
        List<NameInFile> parts = constituents(owner, navigator, 0);
        if (parts == null) {
            MemberAt one = declaringMember(owner, name, navigator, 0);
            return one == null ? List.of() : List.of(one);
        }
        List<MemberAt> found = declaringIn(narrowed(q, reference, parts, navigator), name, navigator, 0);
        for (MemberAt m : found) {
            // a property a constituent has twice: an interface merged with a const bound to a class (effect's
            // `interface Objects` + `const Objects = class …`), whose type is the interface alone to TypeScript
            int properties = 0;
            for (FileSummary.Member row : m.members()) if (row.kind() == FileSummary.Kind.PROPERTY) properties++;
            if (properties > 1) return List.of();
        }
        return found.size() > 1 && q != null && TypeMembers.mayBeNarrowedUnseen(q, reference) ? List.of() : found; // a type guard may leave one of them
    }

    private static List<MemberAt> declaringIn(List<NameInFile> parts, String name, CrossFileNavigator navigator, int depth) {
        List<MemberAt> out = new ArrayList<>(parts.size());
        for (NameInFile part : parts) {
            MemberAt found = declaringMember(part, name, navigator, depth + 1);
            boolean seen = false;
            for (MemberAt m : out) seen |= found != null && m.container().equals(found.container());
            if (found != null && !seen) out.add(found);
        }
        return out;
    }

    /**
     * The types of the union {@code owner} names when it is an alias of one in its file's summary
     * ({@link FileSummary#constituentsOf}), each resolved where the alias is declared, nested
     * unions flattened; null when it is not a union; empty when a constituent is not found (its
     * members are then not settled).
     */
    static List<NameInFile> constituents(NameInFile owner, CrossFileNavigator navigator, int depth) {
        FileSummary s = owner == null || depth > MAX_DEPTH ? null : navigator.summary(owner.file());
        List<String> names = s == null ? List.of() : s.constituentsOf(owner.name() + Summarizer.PROTOTYPE);
        if (names.isEmpty()) return null;
        List<NameInFile> out = new ArrayList<>(names.size());
        for (String name : names) {
            NameInFile part = resolveIn(owner.file(), s, name, navigator);
            if (part == null) return List.of();
            List<NameInFile> nested = constituents(part, navigator, depth + 1);
            if (nested == null) out.add(part);
            else if (nested.isEmpty()) return List.of();
            else out.addAll(nested);
        }
        return out;
    }

    /**
     * The constituents the discriminant tests around the read {@code reference} leave: those whose
     * key (the tested member, read from the summaries) can be a tested literal, as
     * {@link TypeMembers#narrowingAdmits} decides; all of them when nothing is tested or the key
     * has a string literal type in none of them (then it discriminates nothing).
     */
    private static List<NameInFile> narrowed(DocumentQuery q, int reference, List<NameInFile> parts, CrossFileNavigator navigator) {
        int key = q == null ? -1 : TypeMembers.narrowedKey(q, reference);
        if (key < 0) return parts;
        String keyName = q.arena().names().name(key);
        List<Set<String>> literals = new ArrayList<>(parts.size());
        boolean discriminates = false;
        for (NameInFile part : parts) {
            MemberAt declared = declaringMember(part, keyName, navigator, 1);
            Set<String> of = declared == null ? null : stringLiterals(declared.members().get(0).type());
            literals.add(of);
            discriminates |= of != null && !of.isEmpty();
        }
        for (Set<String> of : literals) if (of == null) return List.of(); // a key of a type not known: what the test leaves is not settled
        if (!discriminates) return parts;
        List<NameInFile> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) if (TypeMembers.narrowingAdmits(q, reference, literals.get(i))) out.add(parts.get(i));
        return out;
    }

    /**
     * The string literals a member's declared type as written is a union of ({@code "c"},
     * {@code 'a' | 'b'}); empty for {@code number}, {@code boolean} or {@code bigint} (never a
     * tested string); null for anything else (not known).
     */
    static Set<String> stringLiterals(String type) {
        if (type == null) return null;
        String only = type.trim();
        if (only.equals("number") || only.equals("boolean") || only.equals("bigint")) return Set.of();
        Set<String> out = new HashSet<>();
        for (String part : TypeTexts.split(only, '|')) {
            String p = part.trim();
            char quote = p.isEmpty() ? 0 : p.charAt(0);
            if ((quote != '"' && quote != '\'') || p.length() < 2 || p.charAt(p.length() - 1) != quote || p.indexOf('\\') >= 0) return null;
            out.add(p.substring(1, p.length() - 1));
        }
        return out;
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
        List<NameInFile> parts = constituents(owner, navigator, depth);
        if (parts != null && !parts.isEmpty()) commonMembers(parts, navigator, names, out);
    }

    /** A union's members: those every constituent has (TypeScript offers no other before narrowing), as the first one declares them. */
    private static void commonMembers(List<NameInFile> parts, CrossFileNavigator navigator, Set<String> names, List<Found> out) {
        List<Found> first = instanceMembers(parts.get(0), navigator);
        for (Found candidate : first) {
            boolean everywhere = true;
            for (int i = 1; i < parts.size() && everywhere; i++) everywhere = declaringMember(parts.get(i), candidate.member().name(), navigator, 1) != null;
            if (everywhere && names.add(candidate.member().name())) out.add(candidate);
        }
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
