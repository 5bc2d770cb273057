package dev.arenals.parser.tree;

import static dev.arenals.parser.tree.NodeKind.*;

/**
 * The children of a node kind by name, so readers of the tree do not count siblings: Zig's
 * {@code tree.fnProto(node)} for this arena. Each section names the grammar file that builds the
 * layout and repeats it as NodeKind documents it ({@code [x]} optional, {@code x...} repeated).
 *
 * <p>Ints in, ints out: the arena and a node of the stated kind(s) in, the child's index out, or -1
 * when the source has none or recovery left it out. No allocation; each reads a node's first few
 * children. Given a node of another kind the answer is unspecified (but never an exception).
 * {@code LayoutsTest} parses a snippet per layout and checks every accessor.
 */
public final class Layouts {
    private Layouts() {}

    // ---- functions (FunctionGrammar, ArrowGrammar) ----
    // FUNCTION_DECLARATION, FUNCTION_EXPRESSION: [BINDING_IDENTIFIER] [TYPE_PARAMETERS] FORMAL_PARAMETERS [return type] [FUNCTION_BODY]
    // ARROW_FUNCTION: [TYPE_PARAMETERS] FORMAL_PARAMETERS [return type] (FUNCTION_BODY | expression)

    /** The function's name, or -1 (anonymous; arrows have none). */
    public static int functionName(Arena a, int fn) {
        int c = a.firstChild(fn);
        return c >= 0 && a.kind(c) == BINDING_IDENTIFIER ? c : -1;
    }

    public static int functionTypeParameters(Arena a, int fn) {
        for (int c = a.firstChild(fn); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == TYPE_PARAMETERS) return c;
            if (k == FORMAL_PARAMETERS) return -1;
        }
        return -1;
    }

    /** The FORMAL_PARAMETERS list. */
    public static int functionParameters(Arena a, int fn) { return childOfKind(a, fn, FORMAL_PARAMETERS); }

    /** The return type annotation (a type, or a TYPE_PREDICATE), or -1. */
    public static int functionReturnType(Arena a, int fn) {
        int params = functionParameters(a, fn);
        int c = params < 0 ? -1 : a.nextSibling(params);
        return c >= 0 && isType(a.kind(c)) ? c : -1;
    }

    /** The FUNCTION_BODY, or -1: an overload signature or an ambient function has none, nor has an arrow with an expression body. */
    public static int functionBody(Arena a, int fn) {
        int last = lastChild(a, fn);
        return last >= 0 && a.kind(last) == FUNCTION_BODY ? last : -1;
    }

    /** An arrow's body: its FUNCTION_BODY or its expression. */
    public static int arrowBody(Arena a, int arrow) {
        int params = functionParameters(a, arrow);
        for (int c = params < 0 ? -1 : a.nextSibling(params); c >= 0; c = a.nextSibling(c)) if (!isType(a.kind(c))) return c;
        return -1;
    }

    // ---- parameters (FunctionGrammar) ----
    // an element of FORMAL_PARAMETERS is a pattern, ASSIGNMENT_PATTERN (target, default), REST_ELEMENT (target) or,
    // when typed, modified or decorated (TypeScript), PARAMETER: [DECORATOR...] (pattern [type] [initializer] | REST_ELEMENT),
    // a typed rest parameter's REST_ELEMENT being target [type]

    /** The bound pattern of a parameter (a BINDING_IDENTIFIER, OBJECT_PATTERN or ARRAY_PATTERN) through its wrappers. */
    public static int parameterTarget(Arena a, int param) {
        int n = param;
        if (n >= 0 && a.kind(n) == PARAMETER) n = afterDecorators(a, n);
        while (n >= 0 && (a.kind(n) == REST_ELEMENT || a.kind(n) == ASSIGNMENT_PATTERN)) n = a.firstChild(n);
        return n;
    }

    /** What an ASSIGNMENT_PATTERN ({@code target = default}) or a REST_ELEMENT ({@code ...target}) binds: one level in. */
    public static int elementTarget(Arena a, int element) { return a.firstChild(element); }

    /** The type annotation of a PARAMETER (a typed rest parameter's is inside its REST_ELEMENT), or -1. */
    public static int parameterType(Arena a, int param) {
        int n = param;
        if (a.kind(n) == PARAMETER) {
            int target = afterDecorators(a, n);
            if (target < 0) return -1;
            if (a.kind(target) != REST_ELEMENT) {
                int c = a.nextSibling(target);
                return c >= 0 && isType(a.kind(c)) ? c : -1;
            }
            n = target;
        }
        if (a.kind(n) != REST_ELEMENT) return -1;
        int c = secondChild(a, n);
        return c >= 0 && isType(a.kind(c)) ? c : -1;
    }

    /** The default value of a parameter ({@code x = 1}), or -1. */
    public static int parameterInitializer(Arena a, int param) {
        int k = a.kind(param);
        if (k == ASSIGNMENT_PATTERN) return secondChild(a, param);
        if (k != PARAMETER) return -1;
        int target = afterDecorators(a, param);
        return target < 0 ? -1 : firstNonTypeFrom(a, a.nextSibling(target));
    }

    /** True for a rest parameter ({@code ...xs}). */
    public static boolean isRestParameter(Arena a, int param) {
        if (a.kind(param) == PARAMETER) param = afterDecorators(a, param);
        return param >= 0 && a.kind(param) == REST_ELEMENT;
    }

    // ---- classes (ClassGrammar) ----
    // CLASS_DECLARATION, CLASS_EXPRESSION: [DECORATOR...] [BINDING_IDENTIFIER] [TYPE_PARAMETERS] [CLASS_HERITAGE] [HERITAGE_CLAUSE] CLASS_BODY
    // CLASS_HERITAGE: expression [TYPE_ARGUMENTS];  HERITAGE_CLAUSE: entry... (EXPRESSION_WITH_TYPE_ARGUMENTS: expression [TYPE_ARGUMENTS])
    // METHOD: [DECORATOR...] key FUNCTION_EXPRESSION;  FIELD: [DECORATOR...] key [type] [value]

    public static int className(Arena a, int cls) {
        int c = afterDecorators(a, cls);
        return c >= 0 && a.kind(c) == BINDING_IDENTIFIER ? c : -1;
    }

    public static int classTypeParameters(Arena a, int cls) { return childOfKind(a, cls, TYPE_PARAMETERS); }

    /** The CLASS_HERITAGE ({@code extends …}), or -1. */
    public static int classHeritage(Arena a, int cls) { return childOfKind(a, cls, CLASS_HERITAGE); }

    /** The expression after {@code extends}, or -1. */
    public static int classExtends(Arena a, int cls) {
        int h = classHeritage(a, cls);
        return h < 0 ? -1 : a.firstChild(h);
    }

    /**
     * The expression of an entry of a HERITAGE_CLAUSE ({@code implements A<T>, B}; an interface's
     * {@code extends}) or of a class's {@code extends}: {@code A} of an EXPRESSION_WITH_TYPE_ARGUMENTS,
     * else the entry itself.
     */
    public static int heritageExpression(Arena a, int entry) {
        return entry >= 0 && a.kind(entry) == EXPRESSION_WITH_TYPE_ARGUMENTS ? a.firstChild(entry) : entry;
    }

    /** The {@code implements} HERITAGE_CLAUSE, or -1. */
    public static int classImplements(Arena a, int cls) { return childOfKind(a, cls, HERITAGE_CLAUSE); }

    public static int classBody(Arena a, int cls) {
        int last = lastChild(a, cls);
        return last >= 0 && a.kind(last) == CLASS_BODY ? last : -1;
    }

    /**
     * The key of a METHOD, FIELD, PROPERTY, PROPERTY_SIGNATURE, METHOD_SIGNATURE or ENUM_MEMBER
     * (after a class member's decorators): IDENTIFIER_NAME, PRIVATE_IDENTIFIER, a literal, or the
     * expression of a computed key ({@code P_COMPUTED} in the member's data).
     */
    public static int memberKey(Arena a, int member) { return afterDecorators(a, member); }

    /** A METHOD's FUNCTION_EXPRESSION (its parameters and body). */
    public static int methodFunction(Arena a, int method) {
        int last = lastChild(a, method);
        return last >= 0 && a.kind(last) == FUNCTION_EXPRESSION ? last : -1;
    }

    /** A FIELD's or PROPERTY_SIGNATURE's type annotation, or -1. */
    public static int fieldType(Arena a, int field) {
        int key = memberKey(a, field);
        int c = key < 0 ? -1 : a.nextSibling(key);
        return c >= 0 && isType(a.kind(c)) ? c : -1;
    }

    /** A FIELD's initializer, or -1. */
    public static int fieldValue(Arena a, int field) {
        int key = memberKey(a, field);
        return key < 0 ? -1 : firstNonTypeFrom(a, a.nextSibling(key));
    }

    // ---- variables (StatementGrammar) ----
    // VARIABLE_DECLARATION: VARIABLE_DECLARATOR...;  VARIABLE_DECLARATOR: target [type] [init]

    /** The declared BINDING_IDENTIFIER or pattern. */
    public static int declaratorTarget(Arena a, int declarator) { return a.firstChild(declarator); }

    public static int declaratorType(Arena a, int declarator) {
        int target = a.firstChild(declarator);
        int c = target < 0 ? -1 : a.nextSibling(target);
        return c >= 0 && isType(a.kind(c)) ? c : -1;
    }

    public static int declaratorInit(Arena a, int declarator) {
        int target = a.firstChild(declarator);
        return target < 0 ? -1 : firstNonTypeFrom(a, a.nextSibling(target));
    }

    // ---- modules (ModuleGrammar) ----
    // IMPORT_DECLARATION: specifiers... STRING_LITERAL [IMPORT_ATTRIBUTES]
    // IMPORT_SPECIFIER: imported (IDENTIFIER_NAME | STRING_LITERAL), local BINDING_IDENTIFIER (both present without `as`)
    // IMPORT_DEFAULT_SPECIFIER, IMPORT_NAMESPACE_SPECIFIER: local
    // EXPORT_NAMED: [DECORATOR...] declaration | EXPORT_SPECIFIER... [STRING_LITERAL [IMPORT_ATTRIBUTES]]
    // EXPORT_SPECIFIER: local [exported];  EXPORT_ALL: [exported name] STRING_LITERAL [IMPORT_ATTRIBUTES]
    // EXPORT_DEFAULT: [DECORATOR...] declaration or expression
    // IMPORT_EQUALS: BINDING_IDENTIFIER, EXTERNAL_MODULE_REFERENCE | entity name;  EXTERNAL_MODULE_REFERENCE: STRING_LITERAL

    /**
     * The module specifier (a STRING_LITERAL) of an IMPORT_DECLARATION, EXPORT_NAMED, EXPORT_ALL or
     * EXTERNAL_MODULE_REFERENCE ({@code require("m")} of {@code import x = require("m")}), or -1 (a local export).
     */
    public static int moduleSource(Arena a, int declaration) {
        int source = -1;
        for (int c = a.firstChild(declaration); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == STRING_LITERAL) source = c;
        return source;
    }

    /** The BINDING_IDENTIFIER an IMPORT_EQUALS declares ({@code x} of {@code import x = …}). */
    public static int importEqualsName(Arena a, int importEquals) {
        int c = a.firstChild(importEquals);
        return c >= 0 && a.kind(c) == BINDING_IDENTIFIER ? c : -1;
    }

    /** What an IMPORT_EQUALS binds: its EXTERNAL_MODULE_REFERENCE ({@code = require("m")}) or entity name ({@code = N.M}). */
    public static int importEqualsReference(Arena a, int importEquals) { return secondChild(a, importEquals); }

    /** The IMPORT_ATTRIBUTES ({@code with { type: "json" }}), or -1. */
    public static int importAttributes(Arena a, int declaration) { return childOfKind(a, declaration, IMPORT_ATTRIBUTES); }

    /** The local BINDING_IDENTIFIER of an IMPORT_SPECIFIER, IMPORT_DEFAULT_SPECIFIER or IMPORT_NAMESPACE_SPECIFIER. */
    public static int importLocal(Arena a, int specifier) {
        return a.kind(specifier) == IMPORT_SPECIFIER ? secondChild(a, specifier) : a.firstChild(specifier);
    }

    /** The name an IMPORT_SPECIFIER imports (IDENTIFIER_NAME or STRING_LITERAL). */
    public static int importImported(Arena a, int specifier) { return a.firstChild(specifier); }

    /** The local name of an EXPORT_SPECIFIER (a STRING_LITERAL when re-exporting {@code "a b" as c}). */
    public static int exportLocal(Arena a, int specifier) { return a.firstChild(specifier); }

    /** The name an EXPORT_SPECIFIER exports: after {@code as}, else the local name itself. */
    public static int exportExported(Arena a, int specifier) {
        int local = a.firstChild(specifier);
        int as = local < 0 ? -1 : a.nextSibling(local);
        return as >= 0 ? as : local;
    }

    /** The name {@code export * as ns from "m"} exports (IDENTIFIER_NAME or STRING_LITERAL), or -1 for {@code export * from "m"}. */
    public static int exportAllName(Arena a, int exportAll) {
        int c = a.firstChild(exportAll);
        return c >= 0 && c != moduleSource(a, exportAll) ? c : -1;
    }

    /** The declaration an EXPORT_NAMED or EXPORT_DEFAULT wraps (EXPORT_DEFAULT: or its expression), or -1 for a specifier list. */
    public static int exportedDeclaration(Arena a, int export) {
        int c = afterDecorators(a, export);
        if (c < 0) return -1;
        int k = a.kind(c);
        return k == EXPORT_SPECIFIER || k == STRING_LITERAL || k == IMPORT_ATTRIBUTES || k == INVALID ? -1 : c;
    }

    // ---- expressions (ExpressionGrammar, LiteralGrammar) ----
    // MEMBER: object, property (QUALIFIED_NAME: left, IDENTIFIER_NAME, read by the same two)
    // CALL: callee [TYPE_ARGUMENTS] arguments...;  NEW: callee arguments... (new C<T>(): the callee is an INSTANTIATION_EXPRESSION)
    // ASSIGNMENT: target, value
    // PROPERTY: key, value (shorthand: both present; a method: key, FUNCTION_EXPRESSION)

    /** A MEMBER's object, or a QUALIFIED_NAME's left side ({@code A.B} of the type {@code A.B.C}): the two share a layout. */
    public static int memberObject(Arena a, int member) { return a.firstChild(member); }

    /** IDENTIFIER_NAME or PRIVATE_IDENTIFIER, or the expression in brackets ({@code M_COMPUTED}); a QUALIFIED_NAME's last name. */
    public static int memberProperty(Arena a, int member) { return secondChild(a, member); }

    public static int callCallee(Arena a, int call) { return a.firstChild(call); }

    // PARENTHESIZED, NON_NULL, AWAIT, SPREAD, UNARY, UPDATE: operand;  AS_EXPRESSION, SATISFIES_EXPRESSION: expression, type
    // INSTANTIATION_EXPRESSION: expression, TYPE_ARGUMENTS;  IMPORT_CALL: source [options]

    /**
     * The expression a wrapper or operator applies to: inside {@code (x)}, {@code x!}, {@code await x},
     * {@code ...x}, {@code -x}, {@code x++}, {@code x as T}, {@code x satisfies T}, {@code f<T>}.
     */
    public static int operand(Arena a, int node) { return a.firstChild(node); }

    /** The module specifier of {@code import("m")} when it is a STRING_LITERAL, else -1 (a computed one). */
    public static int importCallSource(Arena a, int importCall) {
        int c = a.firstChild(importCall);
        return c >= 0 && a.kind(c) == STRING_LITERAL ? c : -1;
    }

    public static int callTypeArguments(Arena a, int call) {
        int c = secondChild(a, call);
        return c >= 0 && a.kind(c) == TYPE_ARGUMENTS ? c : -1;
    }

    /** The first argument; the rest follow it as its next siblings. -1 without arguments. */
    public static int callFirstArgument(Arena a, int call) {
        int c = secondChild(a, call);
        return c >= 0 && a.kind(c) == TYPE_ARGUMENTS ? a.nextSibling(c) : c;
    }

    public static int assignmentTarget(Arena a, int assignment) { return a.firstChild(assignment); }

    public static int assignmentValue(Arena a, int assignment) { return secondChild(a, assignment); }

    public static int propertyKey(Arena a, int property) { return a.firstChild(property); }

    public static int propertyValue(Arena a, int property) { return secondChild(a, property); }

    // ---- TypeScript declarations (TsDeclarationGrammar) ----
    // INTERFACE_DECLARATION: BINDING_IDENTIFIER [TYPE_PARAMETERS] [HERITAGE_CLAUSE] INTERFACE_BODY
    // TYPE_ALIAS: BINDING_IDENTIFIER [TYPE_PARAMETERS] type;  ENUM_DECLARATION: BINDING_IDENTIFIER ENUM_MEMBER...
    // ENUM_MEMBER: name [initializer];  MODULE_DECLARATION: [DECORATOR...] name [MODULE_BLOCK]

    /**
     * The BINDING_IDENTIFIER naming a declaration: an INTERFACE_DECLARATION, TYPE_ALIAS,
     * ENUM_DECLARATION, a MODULE_DECLARATION with a simple name, or a function or class (as
     * {@link #functionName}, {@link #className}); -1 when it has none.
     */
    public static int declarationName(Arena a, int declaration) {
        int c = afterDecorators(a, declaration);
        return c >= 0 && a.kind(c) == BINDING_IDENTIFIER ? c : -1;
    }

    public static int interfaceBody(Arena a, int iface) { return childOfKind(a, iface, INTERFACE_BODY); }

    /** An interface's {@code extends} HERITAGE_CLAUSE, or -1. */
    public static int interfaceHeritage(Arena a, int iface) { return childOfKind(a, iface, HERITAGE_CLAUSE); }

    /** The type a TYPE_ALIAS names (after its name and type parameters), or -1. */
    public static int aliasedType(Arena a, int alias) {
        int last = lastChild(a, alias);
        return last >= 0 && isType(a.kind(last)) ? last : -1;
    }

    /** A MODULE_DECLARATION's name: BINDING_IDENTIFIER, QUALIFIED_NAME ({@code a.b.c}) or STRING_LITERAL ({@code declare module "m"}). */
    public static int moduleName(Arena a, int module) { return afterDecorators(a, module); }

    /** The MODULE_BLOCK, or -1 ({@code declare module "m";}). */
    public static int moduleBody(Arena a, int module) { return childOfKind(a, module, MODULE_BLOCK); }

    public static int enumMemberInitializer(Arena a, int member) { return secondChild(a, member); }

    // ---- statements (StatementGrammar) ----
    // EXPRESSION_STATEMENT: expression;  RETURN: [argument];  EXPORT_ASSIGNMENT: expression (export = x)
    // IF: test, consequent, [alternate];  FOR: [init] [test] [update] body;  FOR_IN, FOR_OF: left, right, body
    // WHILE: test, body;  DO_WHILE: body, test;  WITH: object, body;  LABELED: LABEL, body
    // SWITCH: discriminant, SWITCH_CASE...;  TRY: BLOCK, [CATCH_CLAUSE], [finalizer BLOCK] (data: 1 catch, 2 finally)
    // CATCH_CLAUSE: [parameter] BLOCK

    /** The expression of an EXPRESSION_STATEMENT or EXPORT_ASSIGNMENT; a RETURN's argument, or -1. */
    public static int statementExpression(Arena a, int statement) { return a.firstChild(statement); }

    public static int ifTest(Arena a, int ifStatement) { return a.firstChild(ifStatement); }

    public static int ifConsequent(Arena a, int ifStatement) { return secondChild(a, ifStatement); }

    /** The statement after {@code else}, or -1. */
    public static int ifAlternate(Arena a, int ifStatement) {
        int consequent = secondChild(a, ifStatement);
        return consequent < 0 ? -1 : a.nextSibling(consequent);
    }

    /** The body statement of a FOR, FOR_IN, FOR_OF, WHILE, DO_WHILE, WITH or LABELED statement. */
    public static int statementBody(Arena a, int statement) {
        return a.kind(statement) == DO_WHILE ? a.firstChild(statement) : lastChild(a, statement);
    }

    public static int switchDiscriminant(Arena a, int switchStatement) { return a.firstChild(switchStatement); }

    /** The first SWITCH_CASE; the others follow it as its next siblings. -1 for {@code switch (x) {}}. */
    public static int switchFirstCase(Arena a, int switchStatement) { return secondChild(a, switchStatement); }

    public static int tryBlock(Arena a, int tryStatement) { return a.firstChild(tryStatement); }

    /** The CATCH_CLAUSE, or -1. */
    public static int tryHandler(Arena a, int tryStatement) { return childOfKind(a, tryStatement, CATCH_CLAUSE); }

    /** The {@code finally} BLOCK, or -1. */
    public static int tryFinalizer(Arena a, int tryStatement) {
        if ((a.data(tryStatement) & 2) == 0) return -1;
        int last = lastChild(a, tryStatement);
        return last >= 0 && last != a.firstChild(tryStatement) && a.kind(last) == BLOCK ? last : -1;
    }

    /** The caught binding (a BINDING_IDENTIFIER or pattern), or -1 for {@code catch {}}. */
    public static int catchParameter(Arena a, int catchClause) {
        int first = a.firstChild(catchClause);
        return first >= 0 && a.nextSibling(first) >= 0 ? first : -1;
    }

    public static int catchBody(Arena a, int catchClause) {
        int last = lastChild(a, catchClause);
        return last >= 0 && a.kind(last) == BLOCK ? last : -1;
    }

    public static int labeledLabel(Arena a, int labeled) { return a.firstChild(labeled); }

    public static int labeledBody(Arena a, int labeled) { return secondChild(a, labeled); }

    // ---- JSX (JsxGrammar) ----
    // JSX_ELEMENT: JSX_OPENING_ELEMENT children... [JSX_CLOSING_ELEMENT]
    // JSX_OPENING_ELEMENT: name [TYPE_ARGUMENTS] attributes...;  JSX_CLOSING_ELEMENT: name;  JSX_ATTRIBUTE: name [value]

    public static int jsxOpeningElement(Arena a, int element) {
        int c = a.firstChild(element);
        return c >= 0 && a.kind(c) == JSX_OPENING_ELEMENT ? c : -1;
    }

    /** The closing tag, or -1 (self-closing, or missing in broken code). */
    public static int jsxClosingElement(Arena a, int element) {
        int last = lastChild(a, element);
        return last >= 0 && a.kind(last) == JSX_CLOSING_ELEMENT ? last : -1;
    }

    /** The tag name of an opening or closing element: JSX_IDENTIFIER, JSX_MEMBER_EXPRESSION or JSX_NAMESPACED_NAME (or an IDENTIFIER_REFERENCE). */
    public static int jsxTagName(Arena a, int openingOrClosing) { return a.firstChild(openingOrClosing); }

    public static int jsxAttributeName(Arena a, int attribute) { return a.firstChild(attribute); }

    /** The value of a JSX_ATTRIBUTE (STRING_LITERAL, JSX_EXPRESSION_CONTAINER or an element), or -1 ({@code <input disabled/>}). */
    public static int jsxAttributeValue(Arena a, int attribute) { return secondChild(a, attribute); }

    // ---- types (TypeGrammar) ----
    // TYPE_REFERENCE: name (IDENTIFIER_REFERENCE | QUALIFIED_NAME) [TYPE_ARGUMENTS]

    // TYPE_PREDICATE: (IDENTIFIER_NAME | THIS_TYPE) [type];  IMPORT_TYPE: argument [IMPORT_ATTRIBUTES] [qualifier] [TYPE_ARGUMENTS]
    // JSX_MEMBER_EXPRESSION: object (JSX_IDENTIFIER | JSX_MEMBER_EXPRESSION), property

    /** The parameter (or {@code this}) a type predicate speaks of: {@code x} of {@code x is T} and {@code asserts x}. */
    public static int typePredicateSubject(Arena a, int predicate) { return a.firstChild(predicate); }

    /** The STRING_LITERAL of {@code import("m")} in a type ({@code typeof import("m")} too), or -1. */
    public static int importTypeSource(Arena a, int importType) {
        int argument = a.firstChild(importType);
        int literal = argument >= 0 && a.kind(argument) == LITERAL_TYPE ? a.firstChild(argument) : -1;
        return literal >= 0 && a.kind(literal) == STRING_LITERAL ? literal : -1;
    }

    /** The JSX_IDENTIFIER a JSX tag name starts with: {@code Foo} of {@code <Foo.Bar.Baz>}, or -1. */
    public static int jsxMemberRoot(Arena a, int name) {
        while (name >= 0 && a.kind(name) == JSX_MEMBER_EXPRESSION) name = a.firstChild(name);
        return name >= 0 && a.kind(name) == JSX_IDENTIFIER ? name : -1;
    }

    /** The name of a TYPE_REFERENCE ({@code ns.T} of {@code ns.T<U>}). */
    public static int typeReferenceName(Arena a, int typeReference) { return a.firstChild(typeReference); }

    // ---- helpers ----

    private static int childOfKind(Arena a, int node, int kind) {
        for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == kind) return c;
        return -1;
    }

    private static int secondChild(Arena a, int node) {
        int c = a.firstChild(node);
        return c < 0 ? -1 : a.nextSibling(c);
    }

    private static int lastChild(Arena a, int node) {
        int last = -1;
        for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) last = c;
        return last;
    }

    private static int afterDecorators(Arena a, int node) {
        int c = a.firstChild(node);
        while (c >= 0 && a.kind(c) == DECORATOR) c = a.nextSibling(c);
        return c;
    }

    private static int firstNonTypeFrom(Arena a, int c) {
        while (c >= 0 && isType(a.kind(c))) c = a.nextSibling(c);
        return c;
    }
}
