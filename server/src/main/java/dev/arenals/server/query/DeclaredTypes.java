package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;

/**
 * What an expression is an instance of, read from what the code declares and nothing more:
 * {@code s} of {@code const s = new UserService()}, {@code u} of {@code (u: User) =>},
 * {@code this.service} of {@code constructor(private service: UserService)}. No inference beyond
 * that: a call's result, a union of two types or a generic's argument is unknown (-1), so a
 * member found through it is one TypeScript finds too.
 *
 * <p>The answer is a <em>type name</em>: the IDENTIFIER_REFERENCE that names the type (in an
 * annotation, or after {@code new}), or, for {@code this}, the class itself. {@link #localType}
 * resolves it to a class or interface of this file; {@link #typeNameOf} leaves an imported one to
 * the caller (the workspace's summaries).
 */
public final class DeclaredTypes {
    private DeclaredTypes() {}

    /** How many declarations are followed ({@code const b = a; const a = new C()}): bounds cycles in broken code. */
    private static final int MAX_DEPTH = 8;

    /**
     * The class or interface declaration of this file that {@code expr} is an instance of, or -1
     * (unknown, or a type declared elsewhere).
     */
    public static int localType(DocumentQuery q, int expr) {
        return resolveLocal(q, typeNameOf(q, expr, 0));
    }

    /**
     * The node that says what {@code expr} is an instance of: an IDENTIFIER_REFERENCE naming the
     * type, a class declaration ({@code this} in its methods), or -1.
     */
    public static int typeNameOf(DocumentQuery q, int expr) { return typeNameOf(q, expr, 0); }

    /** The class or interface declaration a type name (from {@link #typeNameOf}) names in this file, or -1. */
    public static int resolveLocal(DocumentQuery q, int typeName) {
        if (typeName < 0) return -1;
        Arena a = q.arena();
        int k = a.kind(typeName);
        if (isClass(k) || k == INTERFACE_DECLARATION) return typeName;
        if (k != IDENTIFIER_REFERENCE) return -1;
        int symbol = q.symbolOfNode(typeName);
        if (symbol < 0 || !q.isDeclared(symbol)) return -1;
        int kind = q.scopes().kind(symbol);
        if (kind != SymbolKind.CLASS && kind != SymbolKind.INTERFACE) return -1;
        int declaring = q.scopes().declaringNode(symbol);
        if (declaring < 0) return -1;
        int dk = a.kind(declaring);
        return isClass(dk) || dk == INTERFACE_DECLARATION ? declaring : -1;
    }

    private static int typeNameOf(DocumentQuery q, int expr, int depth) {
        if (expr < 0 || depth > MAX_DEPTH) return -1;
        Arena a = q.arena();
        switch (a.kind(expr)) {
            case PARENTHESIZED: case NON_NULL: case SATISFIES_EXPRESSION:
                return typeNameOf(q, Layouts.operand(a, expr), depth + 1);
            case AS_EXPRESSION: {
                int type = a.nextSibling(Layouts.operand(a, expr)); // AS_EXPRESSION: expression, type
                return typeNameOfAnnotation(a, type);
            }
            case NEW: {
                int callee = Layouts.callCallee(a, expr);
                return callee >= 0 && a.kind(callee) == IDENTIFIER_REFERENCE ? callee : -1;
            }
            case THIS: {
                int[] path = TreePaths.pathTo(a, expr);
                return path == null ? -1 : new TargetResolver(q).classOfThis(path, path.length - 2);
            }
            case SUPER: { // the class named after extends
                int[] path = TreePaths.pathTo(a, expr);
                int cls = path == null ? -1 : new TargetResolver(q).classOfThis(path, path.length - 2);
                return cls < 0 ? -1 : ClassHierarchy.extendsName(a, cls);
            }
            case IDENTIFIER_REFERENCE:
                return typeOfBinding(q, q.symbolOfNode(expr), depth);
            case MEMBER: {
                if ((a.data(expr) & M_COMPUTED) != 0) return -1;
                int property = Layouts.memberProperty(a, expr);
                if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return -1;
                int owner = resolveLocal(q, typeNameOf(q, Layouts.memberObject(a, expr), depth + 1));
                return owner < 0 ? -1 : typeOfMember(q, owner, a.data(property), depth);
            }
            default:
                return -1;
        }
    }

    /** What a variable or parameter holds, by its annotation, else (a variable, a parameter's default) by its initializer. */
    private static int typeOfBinding(DocumentQuery q, int symbol, int depth) {
        if (symbol < 0 || !q.isDeclared(symbol)) return -1;
        int kind = q.scopes().kind(symbol);
        if (kind != SymbolKind.VAR && kind != SymbolKind.LET && kind != SymbolKind.CONST && kind != SymbolKind.PARAMETER) return -1;
        Arena a = q.arena();
        int binding = q.scopes().declarationNode(symbol);
        int declaring = q.scopes().declaringNode(symbol);
        if (binding < 0 || declaring < 0) return -1;
        switch (a.kind(declaring)) {
            case VARIABLE_DECLARATOR: {
                if (Layouts.declaratorTarget(a, declaring) != binding) return -1; // a name inside a pattern
                int type = Layouts.declaratorType(a, declaring);
                if (type >= 0) return typeNameOfAnnotation(a, type);
                return typeNameOf(q, Layouts.declaratorInit(a, declaring), depth + 1);
            }
            case PARAMETER: case ASSIGNMENT_PATTERN: {
                if (Layouts.parameterTarget(a, declaring) != binding || Layouts.isRestParameter(a, declaring)) return -1;
                int type = a.kind(declaring) == PARAMETER ? Layouts.parameterType(a, declaring) : -1;
                if (type >= 0) return typeNameOfAnnotation(a, type);
                return typeNameOf(q, Layouts.parameterInitializer(a, declaring), depth + 1);
            }
            default:
                return -1;
        }
    }

    /** The declared type of instance member {@code nameId} of a class (a field's or parameter property's annotation) or interface (a property signature's). */
    private static int typeOfMember(DocumentQuery q, int owner, int nameId, int depth) {
        Arena a = q.arena();
        boolean isInterface = a.kind(owner) == INTERFACE_DECLARATION;
        int body = isInterface ? Layouts.interfaceBody(a, owner) : Layouts.classBody(a, owner);
        for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            int mk = a.kind(m);
            if (mk == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0) {
                int fn = Layouts.methodFunction(a, m);
                int params = fn < 0 ? -1 : Layouts.functionParameters(a, fn);
                for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
                    if (a.kind(p) != PARAMETER || (a.data(p) & PARAMETER_PROPERTY_MODIFIERS) == 0) continue;
                    int target = Layouts.parameterTarget(a, p);
                    if (target >= 0 && a.kind(target) == BINDING_IDENTIFIER && a.data(target) == nameId) {
                        int type = Layouts.parameterType(a, p);
                        return type >= 0 ? typeNameOfAnnotation(a, type) : typeNameOf(q, Layouts.parameterInitializer(a, p), depth + 1);
                    }
                }
                continue;
            }
            if (mk != FIELD && mk != PROPERTY_SIGNATURE) continue;
            if ((a.data(m) & (C_STATIC | P_COMPUTED)) != 0) continue;
            int key = Layouts.memberKey(a, m);
            if (key < 0 || a.kind(key) != IDENTIFIER_NAME || a.data(key) != nameId) continue;
            int type = Layouts.fieldType(a, m);
            if (type >= 0) return typeNameOfAnnotation(a, type);
            return mk == FIELD ? typeNameOf(q, Layouts.fieldValue(a, m), depth + 1) : -1;
        }
        if (!isInterface) {
            int base = ClassHierarchy.baseInFile(q, owner);
            if (base >= 0 && depth < MAX_DEPTH) return typeOfMember(q, base, nameId, depth + 1);
        }
        return -1;
    }

    private static final int PARAMETER_PROPERTY_MODIFIERS = MOD_PUBLIC | MOD_PRIVATE | MOD_PROTECTED | MOD_READONLY | MOD_OVERRIDE;

    /**
     * The name a type annotation gives as an instance type: {@code C} of {@code C}, {@code C<T>},
     * {@code C | undefined} or {@code C | null}; -1 for anything else (a qualified name, a union of
     * two types, an array, a literal type).
     */
    static int typeNameOfAnnotation(Arena a, int type) {
        if (type < 0) return -1;
        if (a.kind(type) == UNION_TYPE) {
            int only = -1;
            for (int t = a.firstChild(type); t >= 0; t = a.nextSibling(t)) {
                if (isNullish(a, t)) continue;
                if (only >= 0) return -1;
                only = t;
            }
            type = only;
            if (type < 0) return -1;
        }
        if (a.kind(type) == PARENTHESIZED_TYPE) return typeNameOfAnnotation(a, Layouts.operand(a, type));
        if (a.kind(type) != TYPE_REFERENCE) return -1;
        int name = Layouts.typeReferenceName(a, type);
        return name >= 0 && a.kind(name) == IDENTIFIER_REFERENCE ? name : -1;
    }

    /** {@code null} (a keyword type) or {@code undefined} (a type reference by name). */
    private static boolean isNullish(Arena a, int type) {
        if (a.kind(type) == KEYWORD_TYPE) return a.data(type) == Token.K_NULL;
        if (a.kind(type) != TYPE_REFERENCE) return false;
        int name = Layouts.typeReferenceName(a, type);
        return name >= 0 && a.kind(name) == IDENTIFIER_REFERENCE && a.names().equals(a.data(name), "undefined");
    }
}
