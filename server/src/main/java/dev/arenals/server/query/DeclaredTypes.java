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
     * type, a class declaration ({@code this} in its methods), a TYPE_LITERAL written in place of a
     * type name, or -1.
     */
    public static int typeNameOf(DocumentQuery q, int expr) { return typeNameOf(q, expr, 0); }

    /**
     * The type an object literal or object pattern is declared against: {@code const v: T = {…}},
     * a parameter {@code p: T = {…}}, a field {@code f: T = {…}}, {@code {…} as T},
     * {@code {…} satisfies T}, {@code return {…}} in a function declared to return T, an argument
     * of a function of this file whose parameter is declared T; a pattern {@code {a}: T} or
     * {@code const {a} = v} with v's type known. The type's name ({@link #typeNameOf}), or -1.
     */
    public static int typeNameOfLiteral(DocumentQuery q, int literal) {
        Arena a = q.arena();
        int child = q.outermostParentheses(literal), parent = q.parentOf(child);
        if (parent < 0) return -1;
        switch (a.kind(parent)) {
            case VARIABLE_DECLARATOR: {
                int type = Layouts.declaratorType(a, parent);
                if (Layouts.declaratorInit(a, parent) == child) return type >= 0 ? typeNameOfAnnotation(a, type) : -1;
                if (Layouts.declaratorTarget(a, parent) != child) return -1;
                return type >= 0 ? typeNameOfAnnotation(a, type) : typeNameOf(q, Layouts.declaratorInit(a, parent), 0);
            }
            case PARAMETER: {
                if (Layouts.parameterInitializer(a, parent) != child && Layouts.parameterTarget(a, parent) != child) return -1;
                int type = Layouts.parameterType(a, parent);
                if (type < 0 && Layouts.parameterTarget(a, parent) == child) type = contextualParameterType(q, parent); // ({ a }) => … given a type
                return typeNameOfAnnotation(a, type);
            }
            case FIELD:
                return Layouts.fieldValue(a, parent) == child ? typeNameOfAnnotation(a, Layouts.fieldType(a, parent)) : -1;
            case FORMAL_PARAMETERS: // ({ a }) => … of an arrow, given a function type
                return typeNameOfAnnotation(a, contextualParameterType(q, child));
            case AS_EXPRESSION: case SATISFIES_EXPRESSION:
                return Layouts.operand(a, parent) == child ? typeNameOfAnnotation(a, a.nextSibling(child)) : -1;
            case RETURN:
                for (int p = q.parentOf(parent), steps = 0; p >= 0 && steps < 4096; p = q.parentOf(p), steps++) {
                    int k = a.kind(p);
                    if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION) return typeNameOfAnnotation(a, Layouts.functionReturnType(a, p));
                }
                return -1;
            case PROPERTY: // { key: {…} } in a literal declared as a type: that member's type (a Record's value)
                return Layouts.propertyValue(a, parent) == child ? typeNameOfAnnotation(a, nestedLiteralType(q, parent, 0)) : -1;
            case CALL: {
                int callee = Layouts.callCallee(a, parent);
                int index = 0;
                int arg = Layouts.callFirstArgument(a, parent);
                for (; arg >= 0 && arg != child; arg = a.nextSibling(arg)) index++;
                return arg < 0 ? -1 : typeNameOfAnnotation(a, argumentType(q, callee, index));
            }
            case ASSIGNMENT: // target = {…}: the target's declared type (this.options = { … })
                return a.data(parent) == Token.ASSIGN && a.nextSibling(a.firstChild(parent)) == child
                        ? typeNameOfAnnotation(a, declaredType(q, a.firstChild(parent), 0)) : -1;
            default:
                return -1;
        }
    }

    /**
     * The declared type of argument {@code index} of a call of {@code callee}: the parameter's
     * annotation of a function this file settles ({@link #calleeParameters}; {@code this}
     * parameters are not arguments), or the element type for {@code xs.push(…)} and
     * {@code xs.unshift(…)} of an array; -1.
     */
    private static int argumentType(DocumentQuery q, int callee, int index) {
        Arena a = q.arena();
        if (callee < 0) return -1;
        if (a.kind(callee) == MEMBER && (a.data(callee) & M_COMPUTED) == 0) {
            int property = Layouts.memberProperty(a, callee);
            if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return -1;
            String method = a.names().name(a.data(property));
            return method.equals("push") || method.equals("unshift") ? elementType(a, declaredType(q, Layouts.memberObject(a, callee), 1)) : -1;
        }
        if (a.kind(callee) != IDENTIFIER_REFERENCE) return -1;
        int params = calleeParameters(q, q.symbolOfNode(callee));
        for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            if (isThisParameter(a, p)) continue;
            if (index-- == 0) return a.kind(p) == PARAMETER && !Layouts.isRestParameter(a, p) ? Layouts.parameterType(a, p) : -1;
        }
        return -1;
    }

    /**
     * The parameters of what a call of {@code symbol} calls, when this file settles them: a
     * function declaration, a {@code const} bound to an arrow or function expression, or a name
     * declared with a type of one call signature ({@code onParse: (event: Event) => void}); -1.
     */
    private static int calleeParameters(DocumentQuery q, int symbol) {
        if (symbol < 0 || !q.isDeclared(symbol)) return -1;
        Arena a = q.arena();
        int declaring = q.scopes().declaringNode(symbol);
        if (declaring < 0) return -1;
        int kind = q.scopes().kind(symbol);
        if (kind == SymbolKind.FUNCTION) return a.kind(declaring) == FUNCTION_DECLARATION ? Layouts.functionParameters(a, declaring) : -1;
        int annotation = bindingAnnotation(q, symbol);
        if (annotation >= 0) {
            int signature = signatureOf(q, annotation);
            return signature < 0 ? -1 : Layouts.functionParameters(a, signature);
        }
        if (kind != SymbolKind.CONST || a.kind(declaring) != VARIABLE_DECLARATOR) return -1;
        int init = TreePaths.unwrapped(a, Layouts.declaratorInit(a, declaring));
        return init >= 0 && (a.kind(init) == ARROW_FUNCTION || a.kind(init) == FUNCTION_EXPRESSION) ? Layouts.functionParameters(a, init) : -1;
    }

    /**
     * The annotation an object literal is declared against, as written (see
     * {@link #typeNameOfLiteral}; a qualified {@code ns.T} too, for the callers that read other
     * files), or -1.
     */
    public static int literalAnnotation(DocumentQuery q, int literal) {
        Arena a = q.arena();
        int parent = q.parentOf(literal);
        if (parent >= 0 && a.kind(parent) == ASSIGNMENT && a.data(parent) == Token.ASSIGN && a.nextSibling(a.firstChild(parent)) == literal) {
            return declaredType(q, a.firstChild(parent), 0);
        }
        return literalAnnotation(q, literal, 0);
    }

    /**
     * The type the value of {@code property} (a PROPERTY of an object literal) is declared as by
     * the type the literal is declared against: that type's member's annotation, or {@code V} of a
     * {@code Record<K, V>} (zod's {@code const Sizable: Record<string, { unit: string }> = { array: { unit: … } }}).
     * As written, or -1.
     */
    private static int nestedLiteralType(DocumentQuery q, int property, int depth) {
        Arena a = q.arena();
        if (depth > MAX_DEPTH || (a.data(property) & P_COMPUTED) != 0) return -1;
        int outer = q.parentOf(property);
        int key = Layouts.propertyKey(a, property);
        if (outer < 0 || a.kind(outer) != OBJECT || key < 0 || (a.kind(key) != IDENTIFIER_NAME && a.kind(key) != IDENTIFIER_REFERENCE)) return -1;
        int outerType = literalAnnotation(q, outer, depth + 1);
        if (outerType < 0) return -1;
        int value = recordValueType(q, outerType);
        if (value >= 0) return value;
        int owner = resolveLocal(q, typeNameOfAnnotation(a, outerType));
        return owner < 0 ? -1 : memberAnnotation(q, owner, a.data(key), depth + 1);
    }

    /**
     * The annotation an object literal is declared against, as written: a declarator's, a
     * parameter's or field's (for its default or initial value), {@code {…} as T},
     * {@code satisfies T}, the return type of the function it is returned from, or, nested in
     * another literal, {@link #nestedLiteralType}; -1.
     */
    private static int literalAnnotation(DocumentQuery q, int literal, int depth) {
        Arena a = q.arena();
        int child = q.outermostParentheses(literal), parent = q.parentOf(child);
        if (parent < 0 || depth > MAX_DEPTH) return -1;
        switch (a.kind(parent)) {
            case VARIABLE_DECLARATOR: return Layouts.declaratorInit(a, parent) == child ? Layouts.declaratorType(a, parent) : -1;
            case PARAMETER: return Layouts.parameterInitializer(a, parent) == child ? Layouts.parameterType(a, parent) : -1;
            case FIELD: return Layouts.fieldValue(a, parent) == child ? Layouts.fieldType(a, parent) : -1;
            case AS_EXPRESSION: case SATISFIES_EXPRESSION: return Layouts.operand(a, parent) == child ? a.nextSibling(child) : -1;
            case RETURN: {
                int fn = enclosingFunction(q, parent);
                return fn < 0 ? -1 : Layouts.functionReturnType(a, fn);
            }
            case PROPERTY: return Layouts.propertyValue(a, parent) == child ? nestedLiteralType(q, parent, depth + 1) : -1;
            case CALL: {
                int index = 0;
                int arg = Layouts.callFirstArgument(a, parent);
                for (; arg >= 0 && arg != child; arg = a.nextSibling(arg)) index++;
                return arg < 0 ? -1 : argumentType(q, Layouts.callCallee(a, parent), index);
            }
            default: return -1;
        }
    }

    /**
     * The class or interface declaration a type name (from {@link #typeNameOf}) names in this
     * file, or the TYPE_LITERAL of an alias of an object type ({@code type P = { x: number }}: its
     * members are the instances' as an interface's are); -1 otherwise.
     */
    public static int resolveLocal(DocumentQuery q, int typeName) {
        if (typeName < 0) return -1;
        Arena a = q.arena();
        int source = a.kind(typeName) == IDENTIFIER_REFERENCE ? mappedSource(q, q.parentOf(typeName)) : -1;
        if (source >= 0) return resolveLocal(q, typeNameOfAnnotation(a, source)); // Partial<User>: User's members
        int k = a.kind(typeName);
        if (isClass(k) || k == INTERFACE_DECLARATION || k == TYPE_LITERAL) return typeName;
        if (k != IDENTIFIER_REFERENCE) return -1;
        int symbol = q.symbolOfNode(typeName);
        if (symbol < 0 || !q.isDeclared(symbol)) return -1;
        int kind = q.scopes().kind(symbol);
        if (kind != SymbolKind.CLASS && kind != SymbolKind.INTERFACE && kind != SymbolKind.TYPE_ALIAS) return -1;
        int declaring = q.scopes().declaringNode(symbol);
        if (declaring < 0) return -1;
        int dk = a.kind(declaring);
        if (dk == TYPE_ALIAS) return objectTypeOf(a, declaring);
        return isClass(dk) || dk == INTERFACE_DECLARATION ? declaring : -1;
    }

    /**
     * {@code T} of {@code Partial<T>}, {@code Required<T>}, {@code Readonly<T>} or
     * {@code NonNullable<T>}, the standard library's (not a name declared in this file): mapped
     * types that keep T's members and their declarations. -1 for any other type.
     */
    public static int mappedSource(DocumentQuery q, int type) {
        Arena a = q.arena();
        if (type < 0 || a.kind(type) != TYPE_REFERENCE) return -1;
        int name = Layouts.typeReferenceName(a, type);
        if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE) return -1;
        int symbol = q.symbolOfNode(name);
        if (symbol >= 0 && q.isDeclared(symbol)) return -1;
        String n = a.names().name(a.data(name));
        if (!n.equals("Partial") && !n.equals("Required") && !n.equals("Readonly") && !n.equals("NonNullable")) return -1;
        int arguments = a.nextSibling(name);
        int only = arguments >= 0 && a.kind(arguments) == TYPE_ARGUMENTS ? a.firstChild(arguments) : -1;
        return only >= 0 && a.nextSibling(only) < 0 ? only : -1;
    }

    /** The TYPE_LITERAL an alias names (through parentheses), or -1. */
    public static int objectTypeOf(Arena a, int alias) {
        int type = Layouts.aliasedType(a, alias);
        while (type >= 0 && a.kind(type) == PARENTHESIZED_TYPE) type = Layouts.operand(a, type);
        return type >= 0 && a.kind(type) == TYPE_LITERAL ? type : -1;
    }

    /** The list of members of a class, an interface or a type literal. */
    public static int membersList(Arena a, int type) {
        int k = a.kind(type);
        return k == TYPE_LITERAL ? type : k == INTERFACE_DECLARATION ? Layouts.interfaceBody(a, type) : Layouts.classBody(a, type);
    }

    private static int typeNameOf(DocumentQuery q, int expr, int depth) {
        return throughConstraint(q, typeNameAsWritten(q, expr, depth), expr);
    }

    /** {@link #typeNameOf} before a type parameter's name is read as its constraint. */
    private static int typeNameAsWritten(DocumentQuery q, int expr, int depth) {
        if (expr < 0 || depth > MAX_DEPTH) return -1;
        Arena a = q.arena();
        switch (a.kind(expr)) {
            case PARENTHESIZED: case NON_NULL: case SATISFIES_EXPRESSION: case CHAIN:
                return typeNameOf(q, Layouts.operand(a, expr), depth + 1);
            case AS_EXPRESSION: {
                int type = a.nextSibling(Layouts.operand(a, expr)); // AS_EXPRESSION: expression, type
                return typeNameOfAnnotation(a, type);
            }
            case TYPE_ASSERTION: // <T>x
                return typeNameOfAnnotation(a, a.firstChild(expr));
            case NEW: {
                int callee = withoutTypeArguments(a, Layouts.callCallee(a, expr));
                return callee >= 0 && a.kind(callee) == IDENTIFIER_REFERENCE ? callee : -1;
            }
            case THIS: {
                int declared = thisParameterType(q, expr);
                return declared >= 0 ? typeNameOfAnnotation(a, declared) : classOfThis(q, expr);
            }
            case SUPER: { // the class named after extends
                int cls = classOfThis(q, expr);
                return cls < 0 ? -1 : ClassHierarchy.extendsName(a, cls);
            }
            case IDENTIFIER_REFERENCE: {
                int declared = typeOfBinding(q, q.symbolOfNode(expr), depth);
                int narrowed = Narrowing.instanceOfClass(q, expr);
                if (narrowed < 0) return declared;
                if (narrowsTo(q, expr, narrowed)) return narrowed;
                // x: D where D is C or extends it: still D (TypeScript keeps a constituent derived from C)
                int d = resolveLocal(q, declared), c = resolveLocal(q, narrowed);
                return d >= 0 && c >= 0 && isClass(q.arena().kind(d)) && (d == c || ClassHierarchy.extendsInFile(q, d, c)) ? declared : -1;
            }
            case CALL: {
                int callee = Layouts.callCallee(a, expr);
                int returned = returnTypeOfCallee(q, callee, depth);
                if (returned >= 0 && a.kind(returned) == THIS_TYPE) { // b.self() where self(): this: what b is
                    return a.kind(callee) == MEMBER ? typeNameOf(q, Layouts.memberObject(a, callee), depth + 1) : -1;
                }
                int named = typeNameOfAnnotation(a, returned >= 0 ? returned : declaredType(q, expr, depth + 1));
                if (returned >= 0 && isTypeParameter(q, named) && a.kind(callee) == MEMBER) { // bx.get() of get(): T on a Box<C>
                    return typeArgumentName(q, returned, typeNameOf(q, Layouts.memberObject(a, callee), depth + 1), depth);
                }
                if (named >= 0 || returned >= 0) return named;
                int fn = calleeFunction(q, callee, depth + 1);
                return fn >= 0 ? returnedInstance(q, fn, depth + 1) : -1;
            }
            case AWAIT:
                return typeNameOfAnnotation(a, declaredType(q, expr, depth + 1));
            case MEMBER: {
                if ((a.data(expr) & M_COMPUTED) != 0) {
                    int declared = elementName(q, declaredType(q, expr, depth + 1), Layouts.memberObject(a, expr), depth);
                    int index = Layouts.memberProperty(a, expr);
                    if (declared < 0 && index >= 0 && (a.kind(index) == STRING_LITERAL || a.kind(index) == NUMBER_LITERAL)) { // d["x"] of { [key: string]: A }
                        int owner = resolveLocal(q, typeNameOf(q, Layouts.memberObject(a, expr), depth + 1));
                        if (owner >= 0 && (a.kind(index) == NUMBER_LITERAL || instanceMember(q, owner, keyNameId(q, index)) < 0)) {
                            declared = typeNameOfAnnotation(a, indexSignatureType(q, owner, a.kind(index) == NUMBER_LITERAL));
                        }
                    }
                    return declared >= 0 ? declared : arrayLiteralElementName(q, Layouts.memberObject(a, expr), depth + 1); // xs[0] of xs = [new A()]
                }
                int property = Layouts.memberProperty(a, expr);
                if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return -1;
                int object = Layouts.memberObject(a, expr);
                int cls = classNamed(q, object);
                if (cls >= 0) return staticFieldType(q, cls, a.data(property), depth); // H.s of static s: E
                int receiver = typeNameOf(q, object, depth + 1);
                int owner = resolveLocal(q, receiver);
                if (owner >= 0) return typeOfMember(q, owner, a.data(property), depth, receiver);
                int literal = literalOf(q, object, OBJECT, depth + 1);
                if (literal >= 0) return literalPropertyType(q, literal, a.data(property), depth + 1); // obj.c of obj = { c: new C() }
                return typeNameOfAnnotation(a, recordValueType(q, declaredType(q, object, depth + 1))); // r.key of a Record<K, V>
            }
            default:
                return -1;
        }
    }

    /**
     * A type parameter's name read where it is in scope stands for its constraint: {@code item.kind}
     * of {@code item: T} inside {@code function h<T extends { kind: string }>} is the constraint's
     * {@code kind}, as TypeScript reads a member of T on its apparent type. Outside its declaration
     * ({@code box.item} of a {@code Box<Circle>}) T is instantiated: the name is left as it is, as
     * is any other name, and a constraint that names no type.
     */
    static int throughConstraint(DocumentQuery q, int typeName, int site) {
        Arena a = q.arena();
        for (int steps = 0; typeName >= 0 && site >= 0 && steps < MAX_DEPTH && a.kind(typeName) == IDENTIFIER_REFERENCE; steps++) {
            int symbol = q.symbolOfNode(typeName);
            if (symbol < 0 || !q.isDeclared(symbol) || q.scopes().kind(symbol) != SymbolKind.TYPE_PARAMETER) return typeName;
            int parameter = q.scopes().declaringNode(symbol);
            if (parameter < 0 || a.kind(parameter) != TYPE_PARAMETER || (a.data(parameter) & TP_CONSTRAINT) == 0) return typeName;
            int list = q.parentOf(parameter), owner = list < 0 ? -1 : q.parentOf(list);
            if (owner < 0 || site > owner || site < TreePaths.firstInSubtree(a, owner)) return typeName; // not read inside the generic
            int constraint = typeNameOfAnnotation(a, a.nextSibling(a.firstChild(parameter)));
            if (constraint < 0) return typeName;
            typeName = constraint;
        }
        return typeName;
    }

    /** Whether {@link #typeNameOf} of name {@code expr} is {@code typeName} because an {@code instanceof} narrowed it there. */
    public static boolean isNarrowedByInstanceof(DocumentQuery q, int expr, int typeName) {
        return q.arena().kind(expr) == IDENTIFIER_REFERENCE && Narrowing.instanceOfClass(q, expr) == typeName;
    }

    /**
     * Whether {@code x instanceof C} leaves x as C alone, as TypeScript narrows it
     * ({@link TypeMembers#instanceofLeavesOnly}); never when C is no class (a variable holding one).
     */
    private static boolean narrowsTo(DocumentQuery q, int reference, int cls) {
        int symbol = q.symbolOfNode(cls);
        if (symbol < 0 || !q.isDeclared(symbol)) return false;
        int kind = q.scopes().kind(symbol);
        if (kind != SymbolKind.CLASS && kind != SymbolKind.IMPORT) return false;
        int annotation = declaredType(q, reference, 0);
        if (TypeMembers.instanceofLeavesOnly(q, annotation, cls)) return true;
        if (kind == SymbolKind.CLASS && resolveLocal(q, cls) >= 0) return false; // this file's class: settled above or not at all
        // an imported class (whose members the summaries keep without types to compare) tested on x declared as one
        // interface of this file or one imported type: x: Shape; if (x instanceof Square) — Square, as TypeScript
        // narrows an interface to a class implementing it
        int name = typeNameOfAnnotation(q.arena(), annotation);
        if (name < 0 || q.arena().kind(name) != IDENTIFIER_REFERENCE) return false;
        int local = resolveLocal(q, name);
        if (local >= 0) return q.arena().kind(local) == INTERFACE_DECLARATION;
        int declared = q.symbolOfNode(name);
        return declared >= 0 && q.isDeclared(declared) && q.scopes().kind(declared) == SymbolKind.IMPORT;
    }

    /** {@code C} of {@code C<T>} in {@code new C<T>()} (an INSTANTIATION_EXPRESSION), else the node itself. */
    static int withoutTypeArguments(Arena a, int callee) {
        return callee >= 0 && a.kind(callee) == INSTANTIATION_EXPRESSION ? a.firstChild(callee) : callee;
    }

    /**
     * The return type annotation of what a call calls: a function of this file ({@code make()}),
     * or a method of a class or interface of this file ({@code s.make()} with s's type known); -1.
     */
    private static int returnTypeOfCallee(DocumentQuery q, int callee, int depth) {
        if (callee < 0 || depth > MAX_DEPTH) return -1;
        Arena a = q.arena();
        int k = a.kind(callee);
        if (k == IDENTIFIER_REFERENCE) {
            int symbol = q.symbolOfNode(callee);
            if (symbol < 0 || !q.isDeclared(symbol)) return -1;
            if (q.scopes().kind(symbol) != SymbolKind.FUNCTION) { // resolve(ast) where resolve: Resolve, type Resolve = (ast: A) => Entry
                int annotation = bindingAnnotation(q, symbol);
                int signature = signatureOf(q, annotation);
                return signature < 0 ? -1 : instantiated(q, Layouts.functionReturnType(a, signature), annotation);
            }
            int declaring = q.scopes().declaringNode(symbol);
            if (declaring < 0 || a.kind(declaring) != FUNCTION_DECLARATION) return -1;
            int chosen = chosenOverload(q, declaring, q.parentOf(callee) >= 0 && a.kind(q.parentOf(callee)) == CALL ? q.parentOf(callee) : -1);
            return chosen == NO_OVERLOAD ? Layouts.functionReturnType(a, declaring) : chosen < 0 ? -1 : Layouts.functionReturnType(a, chosen);
        }
        if (k != MEMBER || (a.data(callee) & M_COMPUTED) != 0) return -1;
        int property = Layouts.memberProperty(a, callee);
        if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return -1;
        int cls = classNamed(q, Layouts.memberObject(a, callee));
        if (cls >= 0) return staticMethodReturnType(q, cls, a.data(property)); // C.create(): a static method's
        int owner = resolveLocal(q, typeNameOf(q, Layouts.memberObject(a, callee), depth + 1));
        int call = q.parentOf(callee) >= 0 && a.kind(q.parentOf(callee)) == CALL ? q.parentOf(callee) : -1;
        for (int c = owner, level = 0; c >= 0 && level < MAX_DEPTH; level++) {
            boolean isInterface = !isClass(a.kind(c));
            int body = membersList(a, c);
            int[] signatures = new int[4];
            int count = 0, first = -1;
            for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
                int mk = a.kind(m);
                if ((mk != METHOD && mk != METHOD_SIGNATURE) || (a.data(m) & (C_STATIC | P_COMPUTED | P_GET | P_SET | C_CONSTRUCTOR)) != 0) continue;
                int key = Layouts.memberKey(a, m);
                if (key < 0 || a.kind(key) != IDENTIFIER_NAME || a.data(key) != a.data(property)) continue;
                int fn = mk == METHOD ? Layouts.methodFunction(a, m) : m;
                if (first < 0) first = fn;
                if (mk == METHOD && Layouts.functionBody(a, fn) >= 0) continue; // an implementation: no signature callers see
                if (count == signatures.length) signatures = java.util.Arrays.copyOf(signatures, count * 2);
                signatures[count++] = fn;
            }
            if (first >= 0) { // m(a: number): A; m(a: string): C — the overload the call's arguments choose
                if (count < 2) return Layouts.functionReturnType(a, count == 1 ? signatures[0] : first);
                int chosen = call < 0 ? -1 : OverloadArguments.chosenSignature(q, signatures, count, call);
                return chosen < 0 ? -1 : Layouts.functionReturnType(a, chosen);
            }
            c = isInterface ? -1 : ClassHierarchy.baseInFile(q, c);
        }
        return -1;
    }

    private static final int NO_OVERLOAD = -2;

    /**
     * For a call of a function declared with overloads ({@code function mk(a: number): A;
     * function mk(a: string): C; function mk(a) {…}}), the signature its arguments choose (-1
     * when not settled, or no call); {@link #NO_OVERLOAD} when the function has one declaration.
     */
    private static int chosenOverload(DocumentQuery q, int declaring, int call) {
        Arena a = q.arena();
        int name = Layouts.functionName(a, declaring);
        int statement = a.kind(q.parentOf(declaring)) == EXPORT_NAMED ? q.parentOf(declaring) : declaring;
        int list = name < 0 ? -1 : q.parentOf(statement);
        if (list < 0) return NO_OVERLOAD;
        int[] signatures = new int[4];
        int count = 0;
        for (int st = a.firstChild(list); st >= 0; st = a.nextSibling(st)) {
            int fn = a.kind(st) == EXPORT_NAMED ? Layouts.exportedDeclaration(a, st) : st;
            if (fn < 0 || a.kind(fn) != FUNCTION_DECLARATION || Layouts.functionBody(a, fn) >= 0) continue;
            int n = Layouts.functionName(a, fn);
            if (n < 0 || a.data(n) != a.data(name)) continue;
            if (count == signatures.length) signatures = java.util.Arrays.copyOf(signatures, count * 2);
            signatures[count++] = fn;
        }
        if (count < 2) return count == 1 ? signatures[0] : NO_OVERLOAD;
        return call < 0 ? -1 : OverloadArguments.chosenSignature(q, signatures, count, call);
    }

    /** The class declaration of this file a name stands for as a value ({@code C} of {@code C.create()}), or -1. */
    private static int classNamed(DocumentQuery q, int expr) {
        Arena a = q.arena();
        if (expr < 0 || a.kind(expr) != IDENTIFIER_REFERENCE) return -1;
        int symbol = q.symbolOfNode(expr);
        if (symbol < 0 || !q.isDeclared(symbol) || q.scopes().kind(symbol) != SymbolKind.CLASS) return -1;
        int declaring = q.scopes().declaringNode(symbol);
        return declaring >= 0 && isClass(a.kind(declaring)) ? declaring : -1;
    }

    /** The declared return type of static method {@code nameId} of a class, along its extends chain in this file; -1. */
    private static int staticMethodReturnType(DocumentQuery q, int cls, int nameId) {
        Arena a = q.arena();
        for (int c = cls, level = 0; c >= 0 && level < MAX_DEPTH; level++, c = ClassHierarchy.baseInFile(q, c)) {
            int body = Layouts.classBody(a, c);
            for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
                if (a.kind(m) != METHOD || (a.data(m) & (C_STATIC | P_COMPUTED | P_GET | P_SET)) != C_STATIC) continue;
                int key = Layouts.memberKey(a, m);
                if (key >= 0 && a.kind(key) == IDENTIFIER_NAME && a.data(key) == nameId) return Layouts.functionReturnType(a, Layouts.methodFunction(a, m));
            }
        }
        return -1;
    }

    /**
     * The function a call of this file calls when it has no declared return type: a function
     * declaration, a {@code const} bound to an arrow or function expression, or a method of a
     * class of this file (along its extends chain); -1 otherwise.
     */
    private static int calleeFunction(DocumentQuery q, int callee, int depth) {
        if (callee < 0 || depth > MAX_DEPTH) return -1;
        Arena a = q.arena();
        if (a.kind(callee) == IDENTIFIER_REFERENCE) {
            int symbol = q.symbolOfNode(callee);
            if (symbol < 0 || !q.isDeclared(symbol)) return -1;
            int declaring = q.scopes().declaringNode(symbol);
            if (declaring < 0) return -1;
            int kind = q.scopes().kind(symbol);
            if (kind == SymbolKind.FUNCTION) return a.kind(declaring) == FUNCTION_DECLARATION && Layouts.functionReturnType(a, declaring) < 0 ? declaring : -1;
            if (kind != SymbolKind.CONST || a.kind(declaring) != VARIABLE_DECLARATOR || Layouts.declaratorType(a, declaring) >= 0) return -1;
            int init = TreePaths.unwrapped(a, Layouts.declaratorInit(a, declaring));
            return init >= 0 && (a.kind(init) == ARROW_FUNCTION || a.kind(init) == FUNCTION_EXPRESSION) && Layouts.functionReturnType(a, init) < 0 ? init : -1;
        }
        if (a.kind(callee) != MEMBER || (a.data(callee) & M_COMPUTED) != 0) return -1;
        int property = Layouts.memberProperty(a, callee);
        if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return -1;
        int owner = resolveLocal(q, typeNameOf(q, Layouts.memberObject(a, callee), depth + 1));
        for (int c = owner, level = 0; c >= 0 && isClass(a.kind(c)) && level < MAX_DEPTH; level++) {
            int body = Layouts.classBody(a, c);
            for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
                if (a.kind(m) != METHOD || (a.data(m) & (C_STATIC | P_COMPUTED | P_GET | P_SET | C_CONSTRUCTOR)) != 0) continue;
                int key = Layouts.memberKey(a, m);
                if (key < 0 || a.kind(key) != IDENTIFIER_NAME || a.data(key) != a.data(property)) continue;
                int fn = Layouts.methodFunction(a, m);
                return fn >= 0 && Layouts.functionReturnType(a, fn) < 0 ? fn : -1;
            }
            c = ClassHierarchy.baseInFile(q, c);
        }
        return -1;
    }

    /**
     * What a function without a declared return type returns, when that is settled without
     * inference: every {@code return} of its own (none in nested functions) gives an instance of the
     * same type ({@code return new S()}, {@code return this.s} with s declared), or an arrow's
     * expression body does; never for an async function or a generator (a promise, an iterator);
     * the type's name, or -1.
     */
    private static int returnedInstance(DocumentQuery q, int fn, int depth) {
        Arena a = q.arena();
        if (depth > MAX_DEPTH || (a.data(fn) & (F_ASYNC | F_GENERATOR)) != 0) return -1;
        if (a.kind(fn) == ARROW_FUNCTION) {
            int body = Layouts.arrowBody(a, fn);
            if (body >= 0 && a.kind(body) != FUNCTION_BODY) return typeNameOf(q, body, depth + 1);
        }
        int body = Layouts.functionBody(a, fn);
        if (body < 0) return -1;
        int found = -1;
        for (int n = TreePaths.firstInSubtree(a, body); n < body; n++) {
            if (a.kind(n) != RETURN || enclosingFunction(q, n) != fn) continue;
            int value = a.firstChild(n);
            int type = value < 0 ? -1 : typeNameOf(q, value, depth + 1);
            if (type < 0 || (found >= 0 && !sameType(q, found, type))) return -1;
            found = type;
        }
        return found;
    }

    /** The function (declaration, expression or arrow) a node is in, or -1. */
    private static int enclosingFunction(DocumentQuery q, int node) {
        Arena a = q.arena();
        for (int p = q.parentOf(node), steps = 0; p >= 0 && steps < 100_000; p = q.parentOf(p), steps++) {
            int k = a.kind(p);
            if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION) return p;
        }
        return -1;
    }

    /** Whether two type names (from {@link #typeNameOf}) name the same declaration. */
    private static boolean sameType(DocumentQuery q, int one, int other) {
        if (one == other) return true;
        Arena a = q.arena();
        if (a.kind(one) != IDENTIFIER_REFERENCE || a.kind(other) != IDENTIFIER_REFERENCE) return resolveLocal(q, one) >= 0 && resolveLocal(q, one) == resolveLocal(q, other);
        int s1 = q.symbolOfNode(one), s2 = q.symbolOfNode(other);
        return s1 >= 0 && s1 == s2;
    }

    /**
     * The class whose instance {@code this} (or {@code super}) at {@code node} is: out through
     * arrows to a method's function, a field's initializer or a static block; -1 in a plain
     * function (read over the parent column).
     */
    public static int classOfThis(DocumentQuery q, int node) {
        Arena a = q.arena();
        int child = node;
        for (int p = q.parentOf(node), steps = 0; p >= 0 && steps < 4096; child = p, p = q.parentOf(p), steps++) {
            int k = a.kind(p);
            if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION) {
                int method = q.parentOf(p);
                int body = method < 0 || a.kind(method) != METHOD ? -1 : q.parentOf(method);
                return body >= 0 && a.kind(body) == CLASS_BODY ? q.parentOf(body) : -1;
            }
            if ((k == FIELD || k == STATIC_BLOCK)) {
                int body = q.parentOf(p);
                if (body < 0 || a.kind(body) != CLASS_BODY) continue;
                if (k == FIELD && child == Layouts.memberKey(a, p)) continue; // a computed key is outside
                return q.parentOf(body);
            }
        }
        return -1;
    }

    /**
     * The object literal whose method {@code this} at {@code node} is in ({@code this.a} in
     * {@code { a: 1, m() { return this.a; } }}, a {@code m: function () {}} property too), out
     * through arrows; -1 anywhere else (a class, a plain function, a nested function expression).
     * TypeScript types such a {@code this} as the literal.
     */
    public static int objectOfThis(DocumentQuery q, int node) {
        Arena a = q.arena();
        for (int p = q.parentOf(node), steps = 0; p >= 0 && steps < 4096; p = q.parentOf(p), steps++) {
            int k = a.kind(p);
            if (k == ARROW_FUNCTION) continue;
            if (k == FIELD || k == STATIC_BLOCK || k == CLASS_BODY || k == FUNCTION_DECLARATION || k == PROGRAM) return -1;
            if (k != FUNCTION_EXPRESSION) continue;
            int holder = q.parentOf(p);
            if (holder < 0 || (a.kind(holder) != METHOD && (a.kind(holder) != PROPERTY || Layouts.propertyValue(a, holder) != p))) return -1;
            int object = q.parentOf(holder);
            return object >= 0 && a.kind(object) == OBJECT ? object : -1;
        }
        return -1;
    }

    /**
     * The annotation of the {@code this} parameter ({@code function (this: T, …)}, a method
     * {@code m(this: T)}) of the function {@code this} at {@code node} belongs to (out through
     * arrows), or -1: TypeScript types {@code this} by it, before any class.
     */
    public static int thisParameterType(DocumentQuery q, int node) {
        Arena a = q.arena();
        for (int p = q.parentOf(node), steps = 0; p >= 0 && steps < 4096; p = q.parentOf(p), steps++) {
            int k = a.kind(p);
            if (k == FIELD || k == STATIC_BLOCK || k == CLASS_BODY) return -1;
            if (k != FUNCTION_DECLARATION && k != FUNCTION_EXPRESSION) continue;
            int params = Layouts.functionParameters(a, p);
            int first = params < 0 ? -1 : a.firstChild(params);
            if (first < 0 || a.kind(first) != PARAMETER) return -1;
            int target = Layouts.parameterTarget(a, first);
            if (target < 0 || a.kind(target) != BINDING_IDENTIFIER || !a.names().equals(a.data(target), "this")) return -1;
            return Layouts.parameterType(a, first);
        }
        return -1;
    }

    /**
     * {@code a} of {@code const { a } = v}, {@code { key: a = d }: T}: the declared type of that
     * member of what the pattern destructures (its annotation, or the value's type); -1.
     */
    private static int destructuredMember(DocumentQuery q, int binding, int depth) {
        Arena a = q.arena();
        int child = binding, parent = q.parentOf(binding);
        if (parent >= 0 && a.kind(parent) == ASSIGNMENT_PATTERN) {
            child = parent;
            parent = q.parentOf(parent);
        }
        if (parent >= 0 && a.kind(parent) == ARRAY_PATTERN) {
            if (depth > MAX_DEPTH) return -1;
            int element = arrayPatternElement(q, parent, child, depth + 1);
            int holder = q.parentOf(parent);
            int declared = elementName(q, element, holder >= 0 && a.kind(holder) == VARIABLE_DECLARATOR ? Layouts.declaratorInit(a, holder) : -1, depth);
            return declared >= 0 ? declared : literalPatternElement(q, parent, child, depth + 1);
        }
        if (parent < 0 || a.kind(parent) != PROPERTY || (a.data(parent) & P_COMPUTED) != 0 || Layouts.propertyValue(a, parent) != child) return -1;
        int pattern = q.parentOf(parent);
        int key = Layouts.propertyKey(a, parent);
        if (pattern < 0 || a.kind(pattern) != OBJECT_PATTERN || key < 0) return -1;
        int k = a.kind(key);
        if (k != IDENTIFIER_NAME && k != BINDING_IDENTIFIER && k != IDENTIFIER_REFERENCE) return -1;
        if (depth > MAX_DEPTH) return -1;
        int receiver = typeNameOfLiteral(q, pattern);
        int owner = resolveLocal(q, receiver);
        if (owner >= 0) return typeOfMember(q, owner, a.data(key), depth + 1, receiver);
        int holder = q.parentOf(pattern); // const { e } = obj, obj bound to { e: new E() }
        if (holder < 0 || a.kind(holder) != VARIABLE_DECLARATOR || Layouts.declaratorTarget(a, holder) != pattern || Layouts.declaratorType(a, holder) >= 0) return -1;
        int literal = literalOf(q, Layouts.declaratorInit(a, holder), OBJECT, depth + 1);
        return literal < 0 ? -1 : literalPropertyType(q, literal, a.data(key), depth + 1);
    }

    /**
     * {@code t} of {@code const [s, t] = [new S(), new T()]} (a literal destructured in place is a
     * tuple to TypeScript, {@code as const} too): the element at the pattern's index; of
     * {@code const [s] = xs}, xs bound to a literal: its one element type ({@code (A | B)[]} for two
     * types: nothing). -1 otherwise.
     */
    private static int literalPatternElement(DocumentQuery q, int pattern, int element, int depth) {
        Arena a = q.arena();
        int holder = q.parentOf(pattern);
        if (holder < 0 || a.kind(holder) != VARIABLE_DECLARATOR || Layouts.declaratorTarget(a, holder) != pattern || Layouts.declaratorType(a, holder) >= 0) return -1;
        int init = Layouts.declaratorInit(a, holder);
        while (init >= 0 && a.kind(init) == PARENTHESIZED) init = Layouts.operand(a, init);
        int literal = init >= 0 && a.kind(init) == AS_EXPRESSION && isConstAssertion(a, init) ? Layouts.operand(a, init) : init;
        while (literal >= 0 && a.kind(literal) == PARENTHESIZED) literal = Layouts.operand(a, literal);
        if (literal >= 0 && a.kind(literal) == ARRAY) { // destructured in place: TypeScript types the literal as a tuple
            int index = childIndex(a, pattern, element);
            int e = a.firstChild(literal);
            for (int i = 0; e >= 0 && i < index; i++) {
                if (a.kind(e) == SPREAD) return -1;
                e = a.nextSibling(e);
            }
            return e < 0 || a.kind(e) == SPREAD || a.kind(e) == ELISION ? -1 : typeNameOf(q, e, depth + 1);
        }
        return init < 0 ? -1 : arrayLiteralElementName(q, init, depth + 1);
    }

    /**
     * The declared type of {@code element} of an array pattern that a declarator or parameter binds
     * ({@code first} of {@code const [first] = xs} with xs a {@code C[]}; the n-th of a tuple
     * {@code [A, B]}); -1.
     */
    private static int arrayPatternElement(DocumentQuery q, int pattern, int element, int depth) {
        Arena a = q.arena();
        int index = childIndex(a, pattern, element);
        int holder = q.parentOf(pattern);
        int type = -1;
        if (holder >= 0 && a.kind(holder) == VARIABLE_DECLARATOR && Layouts.declaratorTarget(a, holder) == pattern) {
            type = Layouts.declaratorType(a, holder);
            int init = Layouts.declaratorInit(a, holder);
            if (type < 0 && init < 0) { // for (const [k, v] of m) of a Map<K, V>: its entries
                int iterated = iteratedType(q, holder, depth + 1);
                int value = iterated < 0 ? -1 : mapValueType(a, iterated);
                if (value >= 0 && a.data(forOfLoop(q, holder)) == 0) { // not for await
                    return index == 1 ? value : index == 0 ? mapKeyType(a, iterated) : -1;
                }
                int entriesOf = arrayEntriesReceiver(q, iteratedExpression(q, holder));
                if (entriesOf >= 0) { // for (const [i, x] of xs.entries()): an index and an element
                    return index == 1 ? elementType(a, declaredType(q, entriesOf, depth + 1)) : -1;
                }
            }
            if (type < 0) type = init >= 0 ? declaredType(q, init, depth + 1) : iteratedElement(q, holder, depth + 1);
        } else if (holder >= 0 && a.kind(holder) == PARAMETER && Layouts.parameterTarget(a, holder) == pattern) {
            type = Layouts.parameterType(a, holder);
        }
        type = type < 0 ? -1 : withoutNullish(a, type);
        if (type >= 0 && a.kind(type) == TUPLE_TYPE) {
            int t = a.firstChild(type);
            for (; t >= 0 && index > 0; t = a.nextSibling(t)) index--;
            if (t >= 0 && a.kind(t) == NAMED_TUPLE_MEMBER) return a.data(t) == 0 ? a.nextSibling(a.firstChild(t)) : -1;
            return t;
        }
        return elementType(a, type);
    }

    /** An untyped parameter's type name: {@link #untypedParameterType}'s, else an element of the array literal a callback is given ({@code [new A()].map(x => …)}). */
    private static int untypedParameterName(DocumentQuery q, int parameter, int depth) {
        int receiver = arrayCallbackReceiver(q, parameter);
        int name = elementName(q, untypedParameterType(q, parameter, depth), receiver, depth);
        if (name >= 0 || depth > MAX_DEPTH) return name;
        return receiver < 0 ? -1 : arrayLiteralElementName(q, receiver, depth + 1);
    }

    /** {@code xs} of {@code for (const x of xs)} for the declarator of x (not {@code for await}), or -1. */
    /** {@code xs} of {@code xs.entries()} called without arguments, or -1. */
    private static int arrayEntriesReceiver(DocumentQuery q, int expr) {
        Arena a = q.arena();
        if (expr < 0 || a.kind(expr) != CALL || Layouts.callFirstArgument(a, expr) >= 0) return -1;
        int callee = Layouts.callCallee(a, expr);
        if (callee < 0 || a.kind(callee) != MEMBER || (a.data(callee) & M_COMPUTED) != 0) return -1;
        int property = Layouts.memberProperty(a, callee);
        return property >= 0 && a.kind(property) == IDENTIFIER_NAME && a.names().equals(a.data(property), "entries") ? Layouts.memberObject(a, callee) : -1;
    }

    private static int iteratedExpression(DocumentQuery q, int declarator) {
        int loop = forOfLoop(q, declarator);
        return loop >= 0 && q.arena().data(loop) == 0 ? q.arena().nextSibling(q.arena().firstChild(loop)) : -1;
    }

    /** The type name of what a variable or parameter holds ({@link #typeNameOf} of a use of it), or -1. */
    public static int typeNameOfSymbol(DocumentQuery q, int symbol) {
        return throughConstraint(q, typeOfBinding(q, symbol, 0), symbol < 0 || !q.isDeclared(symbol) ? -1 : q.scopes().declarationNode(symbol));
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
                if (Layouts.declaratorTarget(a, declaring) != binding) return destructuredMember(q, binding, depth); // a name inside a pattern
                int type = Layouts.declaratorType(a, declaring);
                if (type >= 0) return typeNameOfAnnotation(a, type);
                int init = Layouts.declaratorInit(a, declaring);
                if (init >= 0) return typeNameOf(q, init, depth + 1);
                int element = elementName(q, iteratedElement(q, declaring, depth + 1), iteratedExpression(q, declaring), depth);
                return element >= 0 ? element : arrayLiteralElementName(q, iteratedExpression(q, declaring), depth + 1); // for (const x of [new A()])
            }
            case PARAMETER: case ASSIGNMENT_PATTERN: {
                if (Layouts.isRestParameter(a, declaring)) return -1;
                if (Layouts.parameterTarget(a, declaring) != binding) return destructuredMember(q, binding, depth);
                int type = a.kind(declaring) == PARAMETER ? Layouts.parameterType(a, declaring) : -1;
                if (type >= 0) return typeNameOfAnnotation(a, type);
                int init = Layouts.parameterInitializer(a, declaring);
                if (init < 0 && a.kind(declaring) == PARAMETER) return untypedParameterName(q, declaring, depth + 1);
                return typeNameOf(q, init, depth + 1);
            }
            default: { // x of `x => …`: the name alone is the parameter; ({ x }) => …: a pattern's name
                int parent = q.parentOf(binding);
                if (a.kind(binding) != BINDING_IDENTIFIER || parent < 0) return -1;
                if (a.kind(parent) == FORMAL_PARAMETERS) return untypedParameterName(q, binding, depth + 1);
                return destructuredMember(q, binding, depth);
            }
        }
    }

    /**
     * The declared type of instance member {@code nameId} of a class (a field's or parameter
     * property's annotation) or interface (a property signature's); a type parameter of the
     * generic declaring it as {@code receiver} (the name the object's type was read from)
     * instantiates it.
     */
    private static int typeOfMember(DocumentQuery q, int owner, int nameId, int depth, int receiver) {
        Arena a = q.arena();
        int m = instanceMember(q, owner, nameId);
        if (m < 0) return typeNameOfAnnotation(a, indexSignatureType(q, owner, false)); // d.any of { [key: string]: A }
        boolean parameter = a.kind(m) == PARAMETER;
        int type = parameter ? Layouts.parameterType(a, m) : isGetter(a, m) ? getterType(a, m) : Layouts.fieldType(a, m);
        if (type >= 0) {
            int named = typeNameOfAnnotation(a, type);
            return isTypeParameter(q, named) ? typeArgumentName(q, type, receiver, depth) : named;
        }
        if (parameter) return typeNameOf(q, Layouts.parameterInitializer(a, m), depth + 1);
        return a.kind(m) == FIELD ? typeNameOf(q, Layouts.fieldValue(a, m), depth + 1) : -1;
    }

    /**
     * The value type of an index signature of a class, interface or type literal of this file
     * ({@code [key: string]: A}; for a {@code numeric} key a {@code [i: number]: A} first), or -1.
     */
    private static int indexSignatureType(DocumentQuery q, int owner, boolean numeric) {
        Arena a = q.arena();
        int list = membersList(a, owner), byString = -1;
        for (int m = list < 0 ? -1 : a.firstChild(list); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != INDEX_SIGNATURE) continue;
            int params = a.firstChild(m);
            int key = params < 0 ? -1 : a.firstChild(params);
            int keyType = key < 0 ? -1 : Layouts.parameterType(a, key);
            int keyName = keyType >= 0 && a.kind(keyType) == TYPE_REFERENCE ? Layouts.typeReferenceName(a, keyType) : -1;
            if (keyName < 0 || a.kind(keyName) != IDENTIFIER_REFERENCE) continue;
            int value = a.nextSibling(params);
            if (numeric && a.names().equals(a.data(keyName), "number")) return value;
            if (a.names().equals(a.data(keyName), "string")) byString = value;
        }
        return byString;
    }

    /** The name id of a string literal key ({@code "x"} of {@code d["x"]}) when the table has it, else -1. */
    private static int keyNameId(DocumentQuery q, int literal) {
        char[] text = q.text(literal).toCharArray();
        return text.length < 2 ? -1 : q.arena().names().find(text, 1, text.length - 1);
    }

    private static boolean isGetter(Arena a, int member) {
        return (a.kind(member) == METHOD || a.kind(member) == METHOD_SIGNATURE) && (a.data(member) & P_GET) != 0;
    }

    /** A getter's declared return type (a class's {@code get c(): C}, an interface's {@code get c(): C}), or -1. */
    private static int getterType(Arena a, int member) {
        return a.kind(member) == METHOD ? Layouts.functionReturnType(a, Layouts.methodFunction(a, member)) : Layouts.functionReturnType(a, member);
    }

    /**
     * The type name of an array's element annotation {@code element}, where a generic's element
     * type parameter ({@code all(): T[]} of a {@code Box<C>}) is what the array's receiver
     * ({@code box} of {@code box.all()}, {@code box.items}) gives it.
     */
    private static int elementName(DocumentQuery q, int element, int array, int depth) {
        Arena a = q.arena();
        int name = typeNameOfAnnotation(a, element);
        if (!isTypeParameter(q, name) || array < 0 || depth > MAX_DEPTH) return name;
        while (a.kind(array) == PARENTHESIZED || a.kind(array) == NON_NULL) array = Layouts.operand(a, array);
        int member = a.kind(array) == CALL ? Layouts.callCallee(a, array) : array;
        if (member < 0 || a.kind(member) != MEMBER) return name;
        return typeArgumentName(q, element, typeNameOf(q, Layouts.memberObject(a, member), depth + 1), depth + 1);
    }

    /** Whether a type name names a type parameter ({@code T} of {@code class Box<T>}). */
    private static boolean isTypeParameter(DocumentQuery q, int typeName) {
        if (typeName < 0 || q.arena().kind(typeName) != IDENTIFIER_REFERENCE) return false;
        int symbol = q.symbolOfNode(typeName);
        return symbol >= 0 && q.isDeclared(symbol) && q.scopes().kind(symbol) == SymbolKind.TYPE_PARAMETER;
    }

    /**
     * A generic's type parameter {@code type} (an annotation naming it) as {@code receiver}
     * instantiates it: the type argument of {@code Box<C>} or {@code new Box<C>()}, or, for
     * {@code new Box(c)}, what the one constructor parameter declared as that parameter is given
     * (TypeScript's inference from the argument). The type name, or -1 (not instantiated by the
     * receiver, inferred from several places, a type parameter of a base class).
     */
    private static int typeArgumentName(DocumentQuery q, int type, int receiver, int depth) {
        Arena a = q.arena();
        // this.s inside the generic itself: T stays T (its constraint, where read inside)
        if (receiver < 0 || a.kind(receiver) != IDENTIFIER_REFERENCE) return typeNameOfAnnotation(a, type);
        int site = q.parentOf(receiver);
        if (site < 0 || depth > MAX_DEPTH) return -1;
        int parameterSymbol = q.symbolOfNode(typeNameOfAnnotation(a, type));
        int arguments = a.nextSibling(receiver);
        if (a.kind(site) == TYPE_REFERENCE || a.kind(site) == INSTANTIATION_EXPRESSION) { // Box<C>, new Box<C>()
            return typeNameOfAnnotation(a, instantiatedWith(q, parameterSymbol, receiver, arguments));
        }
        if (a.kind(site) != NEW || Layouts.callCallee(a, site) != receiver) return -1;
        int cls = classNamed(q, receiver);
        int declaring = q.scopes().declaringNode(parameterSymbol);
        int constructor = cls < 0 ? -1 : constructorOf(a, cls);
        if (constructor < 0 || declaring < 0 || q.parentOf(q.parentOf(declaring)) != cls) return -1;
        int fn = Layouts.methodFunction(a, constructor);
        int params = fn < 0 ? -1 : Layouts.functionParameters(a, fn);
        int given = -1;
        int argument = Layouts.callFirstArgument(a, site);
        for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p), argument = argument < 0 ? -1 : a.nextSibling(argument)) {
            if (a.kind(p) != PARAMETER || Layouts.isRestParameter(a, p)) return -1;
            int declared = Layouts.parameterType(a, p);
            if (declared < 0 || a.kind(declared) != TYPE_REFERENCE) continue;
            int name = Layouts.typeReferenceName(a, declared);
            if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE || q.symbolOfNode(name) != parameterSymbol) continue;
            if (given >= 0 || argument < 0 || a.kind(argument) == SPREAD) return -1; // inferred from two places, or from none
            given = argument;
        }
        return given < 0 ? -1 : typeNameOf(q, given, depth + 1);
    }

    /** The constructor (its METHOD) a class declares, or -1. */
    private static int constructorOf(Arena a, int cls) {
        int body = Layouts.classBody(a, cls);
        for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0 && Layouts.functionBody(a, Layouts.methodFunction(a, m)) >= 0) return m;
        }
        return -1;
    }

    /** The declared type of static field {@code nameId} of a class, along its extends chain in this file (its annotation, else its value's); -1. */
    private static int staticFieldType(DocumentQuery q, int cls, int nameId, int depth) {
        Arena a = q.arena();
        for (int c = cls, level = 0; c >= 0 && level < MAX_DEPTH; level++, c = ClassHierarchy.baseInFile(q, c)) {
            int body = Layouts.classBody(a, c);
            for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
                if (a.kind(m) != FIELD || (a.data(m) & (C_STATIC | P_COMPUTED)) != C_STATIC) continue;
                int key = Layouts.memberKey(a, m);
                if (key < 0 || a.kind(key) != IDENTIFIER_NAME || a.data(key) != nameId) continue;
                int type = Layouts.fieldType(a, m);
                return type >= 0 ? typeNameOfAnnotation(a, type) : typeNameOf(q, Layouts.fieldValue(a, m), depth + 1);
            }
            for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) { // a static method or accessor of that name
                int key = a.kind(m) == METHOD && (a.data(m) & C_STATIC) != 0 ? Layouts.memberKey(a, m) : -1;
                if (key >= 0 && a.kind(key) == IDENTIFIER_NAME && a.data(key) == nameId) return -1;
            }
        }
        return -1;
    }

    /**
     * The type name of property {@code nameId} of an object literal ({@code c: new C()}, a shorthand
     * {@code c} by its binding), the last one written; -1 when a spread after it may replace it,
     * for a method or accessor, or when it is absent.
     */
    private static int literalPropertyType(DocumentQuery q, int literal, int nameId, int depth) {
        Arena a = q.arena();
        int value = -1;
        for (int p = a.firstChild(literal); p >= 0; p = a.nextSibling(p)) {
            if (a.kind(p) == SPREAD) {
                value = -1;
                continue;
            }
            int key = a.kind(p) == PROPERTY && (a.data(p) & P_COMPUTED) == 0 ? Layouts.propertyKey(a, p) : -1;
            if (key < 0 && a.kind(p) == METHOD) key = Layouts.memberKey(a, p);
            if (key < 0 || a.data(key) != nameId || (a.kind(key) != IDENTIFIER_NAME && a.kind(key) != IDENTIFIER_REFERENCE)) continue;
            value = a.kind(p) == PROPERTY ? Layouts.propertyValue(a, p) : -1;
        }
        return value < 0 ? -1 : typeNameOf(q, value, depth + 1);
    }

    /**
     * The declaration of instance member {@code nameId} of a class (a field, or a constructor's
     * parameter property: its PARAMETER), an interface or an object type (a property signature),
     * the nearest along a class's extends chain in this file; -1.
     */
    private static int instanceMember(DocumentQuery q, int owner, int nameId) {
        Arena a = q.arena();
        for (int c = owner, level = 0; c >= 0 && level < MAX_DEPTH; level++) {
            int body = membersList(a, c);
            for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
                int mk = a.kind(m);
                if (mk == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0) {
                    int parameter = parameterPropertyNamed(a, m, nameId);
                    if (parameter >= 0) return parameter;
                    continue;
                }
                boolean getter = (mk == METHOD || mk == METHOD_SIGNATURE) && (a.data(m) & P_GET) != 0; // get c(): C reads as a property
                if (mk != FIELD && mk != PROPERTY_SIGNATURE && !getter) continue;
                if ((a.data(m) & (C_STATIC | P_COMPUTED)) != 0) continue;
                int key = Layouts.memberKey(a, m);
                if (key >= 0 && a.kind(key) == IDENTIFIER_NAME && a.data(key) == nameId) return m;
            }
            c = isClass(a.kind(c)) ? ClassHierarchy.baseInFile(q, c) : -1;
        }
        return -1;
    }

    /** The PARAMETER of a constructor (its METHOD) that declares parameter property {@code nameId} ({@code constructor(private x)}), or -1. */
    public static int parameterPropertyNamed(Arena a, int constructor, int nameId) {
        int fn = Layouts.methodFunction(a, constructor);
        int params = fn < 0 ? -1 : Layouts.functionParameters(a, fn);
        for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
            if (a.kind(p) != PARAMETER || (a.data(p) & MOD_PARAMETER_PROPERTY) == 0) continue;
            int target = Layouts.parameterTarget(a, p);
            if (target >= 0 && a.kind(target) == BINDING_IDENTIFIER && a.data(target) == nameId) return p;
        }
        return -1;
    }

    // ---- the declared type as written: arrays' elements and awaited promises ----

    /**
     * The type annotation that declares what {@code expr} is, as written in this file (or a node
     * of one: an array type's element, a promise's argument), or -1: a name's annotation, a
     * member's, a call's declared return type, {@code x as T}; through {@code xs[i]}, {@code await p},
     * the array methods that return the array ({@code filter}, {@code slice}, …) or one of its
     * elements ({@code find}, {@code at}, {@code pop}, …), and the element a {@code for … of}
     * or an array method's callback is given.
     */
    public static int declaredType(DocumentQuery q, int expr) { return declaredType(q, expr, 0); }

    static int declaredType(DocumentQuery q, int expr, int depth) {
        if (expr < 0 || depth > MAX_DEPTH) return -1;
        Arena a = q.arena();
        switch (a.kind(expr)) {
            case PARENTHESIZED: case NON_NULL: case SATISFIES_EXPRESSION: case CHAIN:
                return declaredType(q, Layouts.operand(a, expr), depth + 1);
            case AS_EXPRESSION:
                return a.nextSibling(Layouts.operand(a, expr));
            case TYPE_ASSERTION:
                return a.firstChild(expr);
            case AWAIT:
                return awaited(a, declaredType(q, Layouts.operand(a, expr), depth + 1));
            case IDENTIFIER_REFERENCE:
                return bindingType(q, q.symbolOfNode(expr), depth + 1);
            case NEW: { // new Map<K, V>(): the instantiation stands for its type (Map.get reads V from it)
                int callee = Layouts.callCallee(a, expr);
                int name = callee >= 0 && a.kind(callee) == INSTANTIATION_EXPRESSION ? a.firstChild(callee) : -1;
                return name >= 0 && a.kind(name) == IDENTIFIER_REFERENCE && isLibraryName(q, name) ? callee : -1;
            }
            case MEMBER: {
                int object = Layouts.memberObject(a, expr);
                if ((a.data(expr) & M_COMPUTED) != 0) {
                    int container = declaredType(q, object, depth + 1);
                    int element = tupleElement(q, container, Layouts.memberProperty(a, expr));
                    if (element < 0) element = elementType(a, container);
                    return element >= 0 ? element : recordValueType(q, container); // t[0] of a tuple, xs[i], or r[key] of a Record<K, V>
                }
                int property = Layouts.memberProperty(a, expr);
                if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return -1;
                int owner = resolveLocal(q, typeNameOf(q, object, depth + 1));
                return owner < 0 ? recordValueType(q, declaredType(q, object, depth + 1)) : memberAnnotation(q, owner, a.data(property), depth + 1);
            }
            case CALL: {
                int callee = Layouts.callCallee(a, expr);
                int returned = returnTypeOfCallee(q, callee, depth + 1);
                if (returned >= 0 || callee < 0 || a.kind(callee) != MEMBER || (a.data(callee) & M_COMPUTED) != 0) return returned;
                int property = Layouts.memberProperty(a, callee);
                if (property < 0 || a.kind(property) != IDENTIFIER_NAME) return -1;
                int array = declaredType(q, Layouts.memberObject(a, callee), depth + 1);
                if (a.names().equals(a.data(property), "get")) return mapValueType(a, array); // m.get(k) of a Map<K, V>: V
                if (elementType(a, array) < 0) return -1;
                switch (a.names().name(a.data(property))) {
                    case "filter": case "slice": case "concat": case "sort": case "reverse": case "splice": case "toSorted": case "toReversed":
                    case "toSpliced": case "with": case "fill": case "copyWithin":
                        return array;
                    case "find": case "findLast": case "at": case "pop": case "shift":
                        return elementType(a, array);
                    default:
                        return -1;
                }
            }
            default:
                return -1;
        }
    }

    /** What a variable or parameter is declared as: its annotation, else its initializer's, a for-of's element, a callback's element. */
    private static int bindingType(DocumentQuery q, int symbol, int depth) {
        if (symbol < 0 || !q.isDeclared(symbol) || depth > MAX_DEPTH) return -1;
        Arena a = q.arena();
        int binding = q.scopes().declarationNode(symbol);
        int declaring = q.scopes().declaringNode(symbol);
        if (binding < 0 || declaring < 0) return -1;
        if (a.kind(declaring) == VARIABLE_DECLARATOR) {
            if (Layouts.declaratorTarget(a, declaring) != binding) return -1;
            int type = Layouts.declaratorType(a, declaring);
            if (type >= 0) return type;
            int init = Layouts.declaratorInit(a, declaring);
            return init >= 0 ? declaredType(q, init, depth + 1) : iteratedElement(q, declaring, depth + 1);
        }
        if (a.kind(declaring) == PARAMETER) {
            if (Layouts.parameterTarget(a, declaring) != binding || Layouts.isRestParameter(a, declaring)) return -1;
            int type = Layouts.parameterType(a, declaring);
            if (type >= 0) return type;
            int init = Layouts.parameterInitializer(a, declaring);
            return init >= 0 ? declaredType(q, init, depth + 1) : untypedParameterType(q, declaring, depth + 1);
        }
        int parent = q.parentOf(binding);
        return a.kind(binding) == BINDING_IDENTIFIER && parent >= 0 && a.kind(parent) == FORMAL_PARAMETERS ? untypedParameterType(q, binding, depth + 1) : -1;
    }

    /** {@code for (const x of xs)} (or {@code for await}): the element type of xs, for the declarator of x; -1 otherwise. */
    private static int iteratedElement(DocumentQuery q, int declarator, int depth) {
        Arena a = q.arena();
        int iterated = iteratedType(q, declarator, depth);
        int element = iterated < 0 ? -1 : elementType(a, iterated);
        if (element < 0 && iterated >= 0) element = onlyTypeArgument(a, withoutNullish(a, iterated), "Set", "ReadonlySet", "Iterable", "IterableIterator", "AsyncIterable");
        return element >= 0 && a.data(forOfLoop(q, declarator)) == 1 ? awaited(a, element) : element;
    }

    /** The {@code for … of} (or {@code for await}) loop whose head declares {@code declarator}, or -1. */
    private static int forOfLoop(DocumentQuery q, int declarator) {
        int declaration = q.parentOf(declarator);
        int loop = declaration < 0 ? -1 : q.parentOf(declaration);
        return loop >= 0 && q.arena().kind(loop) == FOR_OF && q.arena().firstChild(loop) == declaration ? loop : -1;
    }

    /** {@code xs} of {@code for (const x of xs)}: its declared type, for the declarator of x; -1 otherwise. */
    private static int iteratedType(DocumentQuery q, int declarator, int depth) {
        int loop = forOfLoop(q, declarator);
        return loop < 0 ? -1 : declaredType(q, q.arena().nextSibling(q.arena().firstChild(loop)), depth + 1);
    }

    /** A parameter without an annotation: the element an array method's callback gets, else what the function's declared type says. */
    private static int untypedParameterType(DocumentQuery q, int parameter, int depth) {
        int element = callbackElement(q, parameter, depth);
        return element >= 0 ? element : contextualParameterType(q, parameter);
    }

    /** The annotation a variable or parameter is declared with, as written (a parameter's or a simple declarator's), or -1. */
    private static int bindingAnnotation(DocumentQuery q, int symbol) {
        Arena a = q.arena();
        int kind = q.scopes().kind(symbol);
        if (kind != SymbolKind.VAR && kind != SymbolKind.LET && kind != SymbolKind.CONST && kind != SymbolKind.PARAMETER) return -1;
        int binding = q.scopes().declarationNode(symbol);
        int declaring = q.scopes().declaringNode(symbol);
        if (binding < 0 || declaring < 0) return -1;
        if (a.kind(declaring) == VARIABLE_DECLARATOR) return Layouts.declaratorTarget(a, declaring) == binding ? Layouts.declaratorType(a, declaring) : -1;
        if (a.kind(declaring) == PARAMETER && Layouts.parameterTarget(a, declaring) == binding && !Layouts.isRestParameter(a, declaring)) {
            return Layouts.parameterType(a, declaring);
        }
        return -1;
    }

    /**
     * The one call signature a type annotation of this file gives: a function type, an alias of
     * one ({@code type Resolve = (ast: A) => Entry}), or an interface or object type whose only
     * call signature it is (an interface without bases, which could add others); -1 otherwise
     * (overloads, a generic's argument, anything declared elsewhere).
     */
    public static int signatureOf(DocumentQuery q, int type) {
        Arena a = q.arena();
        type = withoutNullish(a, type);
        if (type < 0) return -1;
        int k = a.kind(type);
        if (k == FUNCTION_TYPE) return type;
        if (k == TYPE_LITERAL) return onlyCallSignature(a, type);
        if (k != TYPE_REFERENCE) return -1;
        int name = Layouts.typeReferenceName(a, type);
        int symbol = name < 0 || a.kind(name) != IDENTIFIER_REFERENCE ? -1 : q.symbolOfNode(name);
        if (symbol < 0 || !q.isDeclared(symbol)) return -1;
        int declaring = q.scopes().declaringNode(symbol);
        if (declaring < 0) return -1;
        if (a.kind(declaring) == TYPE_ALIAS) {
            int aliased = Layouts.aliasedType(a, declaring);
            while (aliased >= 0 && a.kind(aliased) == PARENTHESIZED_TYPE) aliased = Layouts.operand(a, aliased);
            if (aliased < 0) return -1;
            return a.kind(aliased) == FUNCTION_TYPE ? aliased : a.kind(aliased) == TYPE_LITERAL ? onlyCallSignature(a, aliased) : -1;
        }
        if (a.kind(declaring) != INTERFACE_DECLARATION || Layouts.interfaceHeritage(a, declaring) >= 0) return -1;
        int group = q.index().groupOf(symbol);
        if (group >= 0 && q.index().occurrenceCount(group) > 0) { // a merged interface: every declaration's signatures count
            int declarations = 0;
            for (int i = 0, n = q.index().occurrenceCount(group); i < n; i++) {
                if ((q.index().occurrenceFlags(group, i) & SymbolIndex.DECLARATION) != 0) declarations++;
            }
            if (declarations != 1) return -1;
        }
        return onlyCallSignature(a, Layouts.interfaceBody(a, declaring));
    }

    /** The CALL_SIGNATURE of a members list when it has exactly one, else -1. */
    private static int onlyCallSignature(Arena a, int members) {
        int found = -1;
        for (int m = members < 0 ? -1 : a.firstChild(members); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != CALL_SIGNATURE) continue;
            if (found >= 0) return -1;
            found = m;
        }
        return found;
    }

    /**
     * {@code type}, a part of the alias or interface that {@code reference} names, with the
     * declaration's type parameter it is (when it is one, as a whole) replaced by the argument
     * {@code reference} gives (or the parameter's default); -1 for a type parameter without either.
     * Any other part is returned as it is (a type parameter inside it resolves to nothing).
     */
    static int instantiated(DocumentQuery q, int type, int reference) {
        Arena a = q.arena();
        if (type < 0 || a.kind(type) != TYPE_REFERENCE) return type;
        int name = Layouts.typeReferenceName(a, type);
        if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE || a.nextSibling(name) >= 0) return type;
        int symbol = q.symbolOfNode(name);
        if (symbol < 0 || !q.isDeclared(symbol) || q.scopes().kind(symbol) != SymbolKind.TYPE_PARAMETER) return type;
        reference = withoutNullish(a, reference);
        int named = reference < 0 || a.kind(reference) != TYPE_REFERENCE ? -1 : Layouts.typeReferenceName(a, reference);
        return named < 0 ? -1 : instantiatedWith(q, symbol, named, a.nextSibling(named));
    }

    /**
     * The type argument (or default) that generic {@code named} with its TYPE_ARGUMENTS (or -1)
     * gives type parameter {@code symbol}; -1 when {@code named} is not the generic declaring it.
     */
    private static int instantiatedWith(DocumentQuery q, int symbol, int named, int arguments) {
        Arena a = q.arena();
        if (symbol < 0) return -1;
        int parameter = q.scopes().declaringNode(symbol);
        int list = parameter < 0 ? -1 : q.parentOf(parameter);
        int owner = list < 0 ? -1 : q.parentOf(list);
        int namedSymbol = named < 0 || a.kind(named) != IDENTIFIER_REFERENCE ? -1 : q.symbolOfNode(named);
        if (owner < 0 || namedSymbol < 0 || q.scopes().declaringNode(namedSymbol) != owner) return -1; // the function type's own type parameter
        int index = childIndex(a, list, parameter);
        int argument = arguments >= 0 && a.kind(arguments) == TYPE_ARGUMENTS ? a.firstChild(arguments) : -1;
        for (int i = 0; i < index && argument >= 0; i++) argument = a.nextSibling(argument);
        if (argument >= 0) return argument;
        if ((a.data(parameter) & TP_DEFAULT) == 0) return -1;
        int last = a.firstChild(parameter); // TYPE_PARAMETER: name, [constraint], [default]
        while (last >= 0 && a.nextSibling(last) >= 0) last = a.nextSibling(last);
        return last;
    }

    /**
     * What a parameter without an annotation is declared as by the function type its function is
     * given (TypeScript's contextual type): {@code const f: Handler = (e) => …}, a parameter's or
     * field's default, {@code (e) => … as Handler}, a property of an object literal declared as a
     * type whose member is a function type or method signature. The annotation of the signature's
     * parameter at the same place, or -1 (a rest parameter, overloads, a generic's argument).
     */
    public static int contextualParameterType(DocumentQuery q, int parameter) {
        Arena a = q.arena();
        int params = q.parentOf(parameter);
        int fn = params < 0 ? -1 : q.parentOf(params);
        if (fn < 0 || (a.kind(fn) != ARROW_FUNCTION && a.kind(fn) != FUNCTION_EXPRESSION) || a.kind(params) != FORMAL_PARAMETERS) return -1;
        if (a.kind(parameter) == PARAMETER && (Layouts.isRestParameter(a, parameter) || Layouts.parameterType(a, parameter) >= 0)) return -1;
        int index = 0;
        for (int p = a.firstChild(params); p >= 0 && p != parameter; p = a.nextSibling(p)) {
            if (!isThisParameter(a, p)) index++;
        }
        int child = q.outermostParentheses(fn), parent = q.parentOf(child);
        if (parent < 0) return -1;
        int annotation = -1, signature = -1;
        switch (a.kind(parent)) {
            case VARIABLE_DECLARATOR:
                if (Layouts.declaratorInit(a, parent) == child) annotation = Layouts.declaratorType(a, parent);
                break;
            case PARAMETER:
                if (Layouts.parameterInitializer(a, parent) == child) annotation = Layouts.parameterType(a, parent);
                break;
            case FIELD:
                if (Layouts.fieldValue(a, parent) == child) annotation = Layouts.fieldType(a, parent);
                break;
            case AS_EXPRESSION: case SATISFIES_EXPRESSION:
                if (Layouts.operand(a, parent) == child) annotation = a.nextSibling(child);
                break;
            case PROPERTY: {
                if ((a.data(parent) & P_COMPUTED) != 0 || Layouts.propertyValue(a, parent) != child) return -1;
                int object = q.parentOf(parent);
                int key = Layouts.propertyKey(a, parent);
                if (object < 0 || a.kind(object) != OBJECT || key < 0 || (a.kind(key) != IDENTIFIER_NAME && a.kind(key) != IDENTIFIER_REFERENCE)) return -1;
                int owner = resolveLocal(q, typeNameOfLiteral(q, object));
                int member = owner < 0 || isClass(a.kind(owner)) ? -1 : onlySignatureMember(a, owner, a.data(key));
                if (member < 0) return -1;
                if (a.kind(member) == METHOD_SIGNATURE) signature = member;
                else annotation = Layouts.fieldType(a, member);
                break;
            }
            default:
                return -1;
        }
        if (signature < 0) signature = signatureOf(q, annotation);
        if (signature < 0) return -1;
        int signatureParams = Layouts.functionParameters(a, signature);
        for (int p = signatureParams < 0 ? -1 : a.firstChild(signatureParams); p >= 0; p = a.nextSibling(p)) {
            if (isThisParameter(a, p)) continue;
            if (a.kind(p) != PARAMETER || Layouts.isRestParameter(a, p)) return -1;
            if (index-- == 0) return instantiated(q, Layouts.parameterType(a, p), annotation);
        }
        return -1;
    }

    /**
     * The one member named {@code nameId} of an interface (no bases, one declaration of it) or
     * object type: a property signature, or a method signature without overloads; -1.
     */
    private static int onlySignatureMember(Arena a, int owner, int nameId) {
        if (a.kind(owner) == INTERFACE_DECLARATION && Layouts.interfaceHeritage(a, owner) >= 0) return -1;
        int body = membersList(a, owner);
        int found = -1;
        for (int m = body < 0 ? -1 : a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            int mk = a.kind(m);
            if ((mk != PROPERTY_SIGNATURE && mk != METHOD_SIGNATURE) || (a.data(m) & P_COMPUTED) != 0) continue;
            int key = Layouts.memberKey(a, m);
            if (key < 0 || a.kind(key) != IDENTIFIER_NAME || a.data(key) != nameId) continue;
            if (found >= 0 || (mk == METHOD_SIGNATURE && (a.data(m) & (P_GET | P_SET)) != 0)) return -1;
            found = m;
        }
        return found;
    }

    /** {@code this: T}, the first parameter of a function or signature that declares what {@code this} is. */
    private static boolean isThisParameter(Arena a, int parameter) {
        if (a.kind(parameter) != PARAMETER) return false;
        int target = Layouts.parameterTarget(a, parameter);
        return target >= 0 && a.kind(target) == BINDING_IDENTIFIER && a.names().equals(a.data(target), "this");
    }

    /**
     * A parameter without an annotation (a PARAMETER, or the bare name of {@code x => …}) of a function passed straight to an array method:
     * {@code xs.map(x => …)} and the other methods whose callback gets the element first
     * ({@code reduce} second; {@code sort} both): the element type of xs; -1 otherwise.
     */
    private static int callbackElement(DocumentQuery q, int parameter, int depth) {
        Arena a = q.arena();
        int callee = callbackCallee(q, parameter);
        if (callee < 0) return -1;
        int index = childIndex(a, q.parentOf(parameter), parameter);
        String method = a.names().name(a.data(Layouts.memberProperty(a, callee)));
        if (method.equals("then") || method.equals("forEach")) { // p.then(v => …) of a Promise<T>; m.forEach((v, k) => …) of a Map or Set
            int receiver = withoutNullish(a, declaredType(q, Layouts.memberObject(a, callee), depth + 1));
            if (receiver >= 0 && method.equals("then")) return index == 0 ? onlyTypeArgument(a, receiver, "Promise", "PromiseLike") : -1;
            int value = receiver < 0 ? -1 : mapValueType(a, receiver);
            if (value >= 0) return index == 0 ? value : index == 1 ? mapKeyType(a, receiver) : -1;
            int member = receiver < 0 ? -1 : onlyTypeArgument(a, receiver, "Set", "ReadonlySet");
            if (member >= 0) return index <= 1 ? member : -1;
        }
        int receiver = arrayCallbackReceiver(q, parameter);
        return receiver < 0 ? -1 : elementType(a, declaredType(q, receiver, depth + 1));
    }

    /**
     * {@code xs.m} of {@code xs.m((a, b) => …)} for a parameter of the function passed first (a
     * MEMBER whose property is a name), or -1.
     */
    private static int callbackCallee(DocumentQuery q, int parameter) {
        Arena a = q.arena();
        int params = q.parentOf(parameter);
        int fn = params < 0 ? -1 : q.parentOf(params);
        if (fn < 0 || (a.kind(fn) != ARROW_FUNCTION && a.kind(fn) != FUNCTION_EXPRESSION)) return -1;
        int child = q.outermostParentheses(fn), call = q.parentOf(child);
        if (call < 0 || a.kind(call) != CALL || Layouts.callFirstArgument(a, call) != child) return -1;
        int callee = Layouts.callCallee(a, call);
        if (callee < 0 || a.kind(callee) != MEMBER || (a.data(callee) & M_COMPUTED) != 0) return -1;
        int property = Layouts.memberProperty(a, callee);
        return property >= 0 && a.kind(property) == IDENTIFIER_NAME ? callee : -1;
    }

    /** Where {@code child} stands among {@code parent}'s children (0 for the first). */
    private static int childIndex(Arena a, int parent, int child) {
        int index = 0;
        for (int c = a.firstChild(parent); c >= 0 && c != child; c = a.nextSibling(c)) index++;
        return index;
    }

    /**
     * {@code xs} of {@code xs.map(x => …)} (filter, find, some, every, flatMap, forEach, reduce's
     * second parameter, sort's both) for the parameter that is given an element of xs; -1 otherwise.
     */
    private static int arrayCallbackReceiver(DocumentQuery q, int parameter) {
        Arena a = q.arena();
        int callee = callbackCallee(q, parameter);
        if (callee < 0) return -1;
        int index = childIndex(a, q.parentOf(parameter), parameter);
        int elementAt;
        switch (a.names().name(a.data(Layouts.memberProperty(a, callee)))) {
            case "map": case "forEach": case "filter": case "find": case "findIndex": case "findLast": case "findLastIndex": case "some":
            case "every": case "flatMap":
                elementAt = 0;
                break;
            case "reduce": case "reduceRight":
                elementAt = 1;
                break;
            case "sort": case "toSorted":
                elementAt = index; // both
                break;
            default:
                return -1;
        }
        return index == elementAt && index <= 1 ? Layouts.memberObject(a, callee) : -1;
    }

    /**
     * The one type name every element of an array literal has ({@code [new A(), new A(2)]}: A, as
     * TypeScript infers {@code A[]}), the literal written in place or bound to a variable without
     * an annotation; -1 for an empty literal, a spread, a hole, two types, or anything else.
     */
    private static int arrayLiteralElementName(DocumentQuery q, int expr, int depth) {
        int literal = literalOf(q, expr, ARRAY, depth);
        if (literal < 0) return -1;
        Arena a = q.arena();
        int found = -1;
        for (int e = a.firstChild(literal); e >= 0; e = a.nextSibling(e)) {
            if (a.kind(e) == SPREAD || a.kind(e) == ELISION) return -1;
            int name = typeNameOf(q, e, depth + 1);
            if (name < 0 || (found >= 0 && !sameType(q, found, name))) return -1;
            found = name;
        }
        return found;
    }

    /** The ARRAY or OBJECT literal ({@code literalKind}) {@code expr} is (through parentheses and {@code as const}), or a variable without an annotation is bound to; -1. */
    private static int literalOf(DocumentQuery q, int expr, int literalKind, int depth) {
        Arena a = q.arena();
        for (int steps = 0; expr >= 0 && steps < MAX_DEPTH && depth + steps <= MAX_DEPTH; steps++) {
            int k = a.kind(expr);
            if (k == literalKind) return expr;
            if (k == PARENTHESIZED || (k == AS_EXPRESSION && isConstAssertion(a, expr))) { expr = Layouts.operand(a, expr); continue; }
            if (k != IDENTIFIER_REFERENCE) return -1;
            int symbol = q.symbolOfNode(expr);
            if (symbol < 0 || !q.isDeclared(symbol)) return -1;
            int declaring = q.scopes().declaringNode(symbol);
            if (declaring < 0 || a.kind(declaring) != VARIABLE_DECLARATOR || Layouts.declaratorType(a, declaring) >= 0
                    || Layouts.declaratorTarget(a, declaring) != q.scopes().declarationNode(symbol)) return -1;
            expr = Layouts.declaratorInit(a, declaring);
        }
        return -1;
    }

    /** Whether an AS_EXPRESSION asserts {@code const} ({@code x as const}). */
    static boolean isConstAssertion(Arena a, int as) {
        int type = a.nextSibling(Layouts.operand(a, as));
        return type >= 0 && a.kind(type) == KEYWORD_TYPE && a.data(type) == Token.K_CONST;
    }

    /** The annotation of instance member {@code nameId} of a class, interface or object type (a field's, parameter property's, property signature's); -1. */
    private static int memberAnnotation(DocumentQuery q, int owner, int nameId, int depth) {
        Arena a = q.arena();
        int m = instanceMember(q, owner, nameId);
        if (m < 0) return -1;
        if (a.kind(m) == PARAMETER) return Layouts.parameterType(a, m);
        if (isGetter(a, m)) return getterType(a, m);
        int type = Layouts.fieldType(a, m);
        return type >= 0 || a.kind(m) != FIELD ? type : declaredType(q, Layouts.fieldValue(a, m), depth + 1);
    }

    /** The element type of an array type ({@code T[]}, {@code Array<T>}, {@code ReadonlyArray<T>}, {@code readonly T[]}), or -1. */
    public static int elementType(Arena a, int type) {
        type = withoutNullish(a, type);
        if (type < 0) return -1;
        int k = a.kind(type);
        if (k == ARRAY_TYPE) return a.firstChild(type);
        if (k == TYPE_OPERATOR && a.data(type) == Token.K_READONLY) return elementType(a, a.firstChild(type));
        return onlyTypeArgument(a, type, "Array", "ReadonlyArray");
    }

    /** Whether a name is not declared in this file: the standard library's (Map, Record, …), not a local one of the same name. */
    private static boolean isLibraryName(DocumentQuery q, int name) {
        int symbol = q.symbolOfNode(name);
        return symbol < 0 || !q.isDeclared(symbol);
    }

    /** {@code V} of the standard library's {@code Record<K, V>}, or -1. */
    private static int recordValueType(DocumentQuery q, int type) {
        Arena a = q.arena();
        type = withoutNullish(a, type);
        if (type < 0 || a.kind(type) != TYPE_REFERENCE) return -1;
        int name = Layouts.typeReferenceName(a, type);
        if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE || !a.names().equals(a.data(name), "Record") || !isLibraryName(q, name)) return -1;
        int arguments = a.nextSibling(name);
        int key = arguments >= 0 && a.kind(arguments) == TYPE_ARGUMENTS ? a.firstChild(arguments) : -1;
        int value = key < 0 ? -1 : a.nextSibling(key);
        return value >= 0 && a.nextSibling(value) < 0 ? value : -1;
    }

    /**
     * The element type of a tuple at a constant index ({@code t[1]} of {@code [A, B]}, a labelled
     * {@code [x: A, y: B]} too); -1 for anything else (an optional or rest element, an index
     * past the end, a computed index).
     */
    private static int tupleElement(DocumentQuery q, int type, int index) {
        Arena a = q.arena();
        type = type < 0 ? -1 : withoutNullish(a, type);
        if (type < 0 || a.kind(type) != TUPLE_TYPE || index < 0 || a.kind(index) != NUMBER_LITERAL) return -1;
        double value = dev.arenals.parser.lexer.LiteralValues.numberValue(a, index);
        if (value < 0 || value != Math.floor(value) || value > 1 << 16) return -1;
        int t = a.firstChild(type);
        for (int i = 0; t >= 0 && i < (int) value; i++) t = a.nextSibling(t);
        if (t < 0) return -1;
        if (a.kind(t) == NAMED_TUPLE_MEMBER) return a.data(t) == 0 ? a.nextSibling(a.firstChild(t)) : -1;
        return a.kind(t) == OPTIONAL_TYPE || a.kind(t) == REST_TYPE ? -1 : t;
    }

    /** {@code V} of {@code Map<K, V>}, {@code ReadonlyMap<K, V>} or {@code WeakMap<K, V>} (or of {@code new Map<K, V>()}), or -1. */
    static int mapValueType(Arena a, int type) {
        type = withoutNullish(a, type);
        if (type < 0 || (a.kind(type) != TYPE_REFERENCE && a.kind(type) != INSTANTIATION_EXPRESSION)) return -1;
        int name = a.kind(type) == TYPE_REFERENCE ? Layouts.typeReferenceName(a, type) : a.firstChild(type);
        if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE) return -1;
        if (!a.names().equals(a.data(name), "Map") && !a.names().equals(a.data(name), "ReadonlyMap") && !a.names().equals(a.data(name), "WeakMap")) return -1;
        int arguments = a.nextSibling(name);
        int key = arguments >= 0 && a.kind(arguments) == TYPE_ARGUMENTS ? a.firstChild(arguments) : -1;
        int value = key < 0 ? -1 : a.nextSibling(key);
        return value >= 0 && a.nextSibling(value) < 0 ? value : -1;
    }

    /** {@code K} of a {@code Map<K, V>} ({@link #mapValueType}'s map), or -1. */
    static int mapKeyType(Arena a, int type) {
        if (mapValueType(a, type) < 0) return -1;
        type = withoutNullish(a, type);
        int name = a.kind(type) == TYPE_REFERENCE ? Layouts.typeReferenceName(a, type) : a.firstChild(type);
        return a.firstChild(a.nextSibling(name));
    }

    /** What awaiting a value of {@code type} gives: {@code T} of {@code Promise<T>} / {@code PromiseLike<T>}, else the type itself; -1 for none. */
    static int awaited(Arena a, int type) {
        int t = withoutNullish(a, type);
        int argument = t < 0 ? -1 : onlyTypeArgument(a, t, "Promise", "PromiseLike");
        return argument >= 0 ? argument : type;
    }

    /** {@code T} of {@code Name<T>} where Name is one of {@code names}, or -1. */
    private static int onlyTypeArgument(Arena a, int type, String... names) {
        if (a.kind(type) != TYPE_REFERENCE) return -1;
        int name = Layouts.typeReferenceName(a, type);
        if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE) return -1;
        boolean named = false;
        for (String n : names) if (a.names().equals(a.data(name), n)) named = true;
        int arguments = a.nextSibling(name);
        if (!named || arguments < 0 || a.kind(arguments) != TYPE_ARGUMENTS) return -1;
        int first = a.firstChild(arguments);
        return first >= 0 && a.nextSibling(first) < 0 ? first : -1;
    }

    /** The type without {@code | undefined} / {@code | null} and parentheses; -1 when two other types are left. */
    public static int withoutNullish(Arena a, int type) {
        while (type >= 0 && a.kind(type) == PARENTHESIZED_TYPE) type = Layouts.operand(a, type);
        if (type < 0 || a.kind(type) != UNION_TYPE) return type;
        int only = -1;
        for (int t = a.firstChild(type); t >= 0; t = a.nextSibling(t)) {
            if (isNullish(a, t)) continue;
            if (only >= 0) return -1;
            only = t;
        }
        return withoutNullish(a, only);
    }

    /**
     * The name a type annotation gives as an instance type: {@code C} of {@code C}, {@code C<T>},
     * {@code C | undefined} or {@code C | null}; an object type written in place
     * ({@code options: { path: string }}, a return type {@code { unit: string } | null}) is its own
     * TYPE_LITERAL; -1 for anything else (a qualified name, a union of two types, an array, a
     * literal type).
     */
    public static int typeNameOfAnnotation(Arena a, int type) {
        type = type < 0 ? -1 : withoutNullish(a, type);
        if (type >= 0 && a.kind(type) == TYPE_LITERAL) return type;
        if (type < 0 || a.kind(type) != TYPE_REFERENCE) return -1;
        int name = Layouts.typeReferenceName(a, type);
        return name >= 0 && a.kind(name) == IDENTIFIER_REFERENCE ? name : -1;
    }

    /** {@code null} (a keyword type) or {@code undefined} (a type reference by name). */
    public static boolean isNullish(Arena a, int type) {
        if (a.kind(type) == KEYWORD_TYPE) return a.data(type) == Token.K_NULL;
        if (a.kind(type) != TYPE_REFERENCE) return false;
        int name = Layouts.typeReferenceName(a, type);
        return name >= 0 && a.kind(name) == IDENTIFIER_REFERENCE && a.names().equals(a.data(name), "undefined");
    }

    /**
     * The class a constructor parameter property belongs to ({@code service} of
     * {@code constructor(private service: S)} is a parameter and a member of it), from the
     * parameter's BINDING_IDENTIFIER; -1 for any other binding.
     */
    public static int classOfParameterProperty(DocumentQuery q, int binding) {
        Arena a = q.arena();
        if (binding < 0 || a.kind(binding) != BINDING_IDENTIFIER) return -1;
        int parameter = q.parentOf(binding);
        if (parameter >= 0 && a.kind(parameter) == ASSIGNMENT_PATTERN) parameter = q.parentOf(parameter); // private x = 1
        if (parameter < 0 || a.kind(parameter) != PARAMETER || (a.data(parameter) & MOD_PARAMETER_PROPERTY) == 0
                || Layouts.parameterTarget(a, parameter) != binding) return -1;
        int params = q.parentOf(parameter);
        int fn = params < 0 ? -1 : q.parentOf(params);
        int method = fn < 0 ? -1 : q.parentOf(fn);
        if (method < 0 || a.kind(method) != METHOD || (a.data(method) & C_CONSTRUCTOR) == 0) return -1;
        int body = q.parentOf(method);
        return body >= 0 && a.kind(body) == CLASS_BODY ? q.parentOf(body) : -1;
    }

    /** The key of the first property of an object literal or pattern named {@code name} (not computed), or -1. */
    public static int propertyKeyNamed(Arena arena, int object, int name) {
        for (int p = arena.firstChild(object); p >= 0; p = arena.nextSibling(p)) {
            int key = propertyKeyOf(arena, p, name);
            if (key >= 0) return key;
        }
        return -1;
    }

    /** The key of {@code property} when it is a PROPERTY named {@code name} (not computed), or -1. */
    public static int propertyKeyOf(Arena arena, int property, int name) {
        if (arena.kind(property) != PROPERTY || (arena.data(property) & P_COMPUTED) != 0) return -1;
        int key = Layouts.propertyKey(arena, property);
        int k = key < 0 ? -1 : arena.kind(key);
        return (k == IDENTIFIER_NAME || k == IDENTIFIER_REFERENCE) && arena.data(key) == name ? key : -1;
    }
}
