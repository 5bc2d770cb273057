package dev.arenals.parser.tree;

/**
 * Node kinds as int constants (stored in the arena's kind column). Children are listed in source
 * order; optional children are recognised by their kind (e.g. a function's name is a
 * BINDING_IDENTIFIER before its FORMAL_PARAMETERS). The meaning of the data column depends on the
 * kind and is given next to each constant. {@link Layouts} reads the layouts most consumers need by
 * name ({@code Layouts.functionBody(arena, fn)}); keep the two in step.
 */
public final class NodeKind {
    private NodeKind() {}

    // ---- top level ----
    public static final int PROGRAM = 1;              // data: 1 = module goal; children: statements
    public static final int INVALID = 2;                // skipped or missing syntax; children: whatever was parsed
    // ---- statements ----
    public static final int EMPTY_STATEMENT = 10;
    public static final int BLOCK = 11;
    public static final int EXPRESSION_STATEMENT = 12; // data: 1 = directive (string in a prologue)
    public static final int IF = 13;                   // test, consequent, alternate?
    public static final int FOR = 14;                  // data: bits 1 init,2 test,4 update present; children: [init] [test] [update] body
    public static final int FOR_IN = 15;               // left, right, body
    public static final int FOR_OF = 16;               // data: 1 = for await; left, right, body
    public static final int WHILE = 17;                // test, body
    public static final int DO_WHILE = 18;             // body, test
    public static final int CONTINUE = 19;             // label?
    public static final int BREAK = 20;                // label?
    public static final int RETURN = 21;               // argument?
    public static final int WITH = 22;                 // object, body
    public static final int SWITCH = 23;               // discriminant, cases...
    public static final int SWITCH_CASE = 24;          // data: 1 = default; [test] statements...
    public static final int THROW = 25;
    public static final int TRY = 26;                  // block, CATCH_CLAUSE?, finalizer BLOCK? (data: 1 catch, 2 finally)
    public static final int CATCH_CLAUSE = 27;         // [param] body
    public static final int DEBUGGER = 28;
    public static final int LABELED = 29;              // LABEL, body
    public static final int VARIABLE_DECLARATION = 30; // data: VAR_*; declarators
    public static final int VARIABLE_DECLARATOR = 31;  // data: 1 = has init, 2 = definite (`!`); target, [type], [init]
    public static final int FUNCTION_DECLARATION = 32; // data: F_*; [BINDING_IDENTIFIER] [TYPE_PARAMETERS] FORMAL_PARAMETERS [type] [FUNCTION_BODY]
    public static final int CLASS_DECLARATION = 33;    // [DECORATOR...] [BINDING_IDENTIFIER] [TYPE_PARAMETERS] [CLASS_HERITAGE] [HERITAGE_CLAUSE] CLASS_BODY
    public static final int IMPORT_DECLARATION = 34;   // data: phase (0, 1 source, 2 defer); specifiers..., source STRING_LITERAL, [IMPORT_ATTRIBUTES]
    public static final int IMPORT_DEFAULT_SPECIFIER = 35; // local
    public static final int IMPORT_NAMESPACE_SPECIFIER = 36; // local
    public static final int IMPORT_SPECIFIER = 37;     // imported (IDENTIFIER_NAME|STRING_LITERAL), local
    public static final int IMPORT_ATTRIBUTES = 38;    // IMPORT_ATTRIBUTE...
    public static final int IMPORT_ATTRIBUTE = 39;     // key (IDENTIFIER_NAME|STRING_LITERAL), value STRING_LITERAL
    public static final int EXPORT_NAMED = 40;         // [DECORATOR...] declaration | specifiers... [source] [IMPORT_ATTRIBUTES]
    public static final int EXPORT_DEFAULT = 41;       // [DECORATOR...] declaration or expression
    public static final int EXPORT_ALL = 42;           // [exported name] source [IMPORT_ATTRIBUTES]
    public static final int EXPORT_SPECIFIER = 43;     // local, exported
    // ---- names ----
    public static final int IDENTIFIER_REFERENCE = 50;           // data: name id. A reference.
    public static final int BINDING_IDENTIFIER = 51;   // data: name id. Declares a name.
    public static final int IDENTIFIER_NAME = 52;      // data: name id. Property / member / export name.
    public static final int PRIVATE_IDENTIFIER = 53;         // data: name id (without '#')
    public static final int LABEL = 54;                // data: name id
    // ---- literals and primaries ----
    public static final int THIS = 60;
    public static final int SUPER = 61;
    public static final int NULL = 62;
    public static final int BOOLEAN = 63;              // data: 1 = true
    public static final int NUMBER_LITERAL = 64;
    public static final int BIGINT_LITERAL = 65;
    public static final int STRING_LITERAL = 66;
    public static final int REGEX_LITERAL = 67;                // data: offset of the closing '/' relative to start
    public static final int TEMPLATE = 68;             // TEMPLATE_ELEMENT (expression TEMPLATE_ELEMENT)*
    public static final int TEMPLATE_ELEMENT = 69;     // data: 1 = cooked value invalid (tagged only)
    public static final int TAGGED_TEMPLATE = 70;      // tag, TEMPLATE
    public static final int ARRAY = 71;                // elements (ELISION for holes)
    public static final int ELISION = 72;
    public static final int OBJECT = 73;               // PROPERTY | SPREAD ...
    public static final int PROPERTY = 74;             // data: P_*; key, value   (shorthand: key, value both present)
    public static final int SPREAD = 75;
    public static final int FUNCTION_EXPRESSION = 76;  // like FUNCTION_DECLARATION
    public static final int ARROW_FUNCTION = 77;       // data: F_*; [TYPE_PARAMETERS] FORMAL_PARAMETERS [type] (FUNCTION_BODY | expression)
    public static final int CLASS_EXPRESSION = 78;
    public static final int PARENTHESIZED = 79;
    // ---- operators ----
    public static final int MEMBER = 80;               // data: M_*; object, property
    public static final int CALL = 81;                 // data: M_OPTIONAL; callee, [TYPE_ARGUMENTS], arguments...
    public static final int NEW = 82;                  // callee (INSTANTIATION_EXPRESSION for new C<T>()), arguments...  (data: 1 = has argument list)
    public static final int CHAIN = 83;                // an optional chain as a whole
    public static final int UNARY = 84;                // data: operator token
    public static final int UPDATE = 85;               // data: operator token | UPDATE_PREFIX
    public static final int BINARY = 86;               // data: operator token (incl. && || ??)
    public static final int ASSIGNMENT = 87;               // data: operator token
    public static final int CONDITIONAL = 88;
    public static final int SEQUENCE = 89;
    public static final int YIELD = 90;                // data: 1 = delegate (yield*); [argument]
    public static final int AWAIT = 91;
    public static final int META_PROPERTY = 92;        // IDENTIFIER_NAME IDENTIFIER_NAME (new.target, import.meta)
    public static final int IMPORT_CALL = 93;          // data: phase; source [options]
    // ---- patterns ----
    public static final int OBJECT_PATTERN = 100;
    public static final int ARRAY_PATTERN = 101;
    public static final int ASSIGNMENT_PATTERN = 102;  // target, default
    public static final int REST_ELEMENT = 103;        // target, [type] (a typed rest parameter)
    // ---- functions and classes ----
    public static final int FORMAL_PARAMETERS = 110;   // patterns...
    public static final int FUNCTION_BODY = 111;       // statements...
    public static final int CLASS_HERITAGE = 112;      // expression
    public static final int CLASS_BODY = 113;          // members
    public static final int METHOD = 114;              // data: C_*|P_*; [DECORATOR...] key, FUNCTION_EXPRESSION
    public static final int FIELD = 115;               // data: C_*|P_COMPUTED; [DECORATOR...] key, [type], [value]
    public static final int STATIC_BLOCK = 116;        // statements
    public static final int DECORATOR = 117;           // expression

    // ---- TypeScript types: TYPE_FIRST .. TYPE_LAST ----
    public static final int TYPE_REFERENCE = 130;      // name (IDENTIFIER_REFERENCE | QUALIFIED_NAME), [TYPE_ARGUMENTS]
    public static final int QUALIFIED_NAME = 131;      // left, IDENTIFIER_NAME
    public static final int KEYWORD_TYPE = 132;        // data: keyword token (any, unknown, never, void, null, ...)
    public static final int THIS_TYPE = 133;
    public static final int LITERAL_TYPE = 134;        // literal (or UNARY minus literal)
    public static final int TEMPLATE_LITERAL_TYPE = 135; // TEMPLATE_ELEMENT (type TEMPLATE_ELEMENT)*
    public static final int ARRAY_TYPE = 136;
    public static final int TUPLE_TYPE = 137;
    public static final int NAMED_TUPLE_MEMBER = 138;  // data: 1 optional, 2 rest; IDENTIFIER_NAME, type
    public static final int OPTIONAL_TYPE = 139;      // data: 0 a tuple's optional element, or OPT_*; type
    public static final int REST_TYPE = 140;
    public static final int UNION_TYPE = 141;
    public static final int INTERSECTION_TYPE = 142;
    public static final int FUNCTION_TYPE = 143;       // [TYPE_PARAMETERS], FORMAL_PARAMETERS, type
    public static final int CONSTRUCTOR_TYPE = 144;    // data: MOD_ABSTRACT; like FUNCTION_TYPE
    public static final int TYPE_QUERY = 145;          // typeof: entity name | IMPORT_TYPE, [TYPE_ARGUMENTS]
    public static final int TYPE_OPERATOR = 146;       // data: keyof / unique / readonly token; type
    public static final int INDEXED_ACCESS_TYPE = 147; // object type, index type
    public static final int CONDITIONAL_TYPE = 148;    // check, extends, true, false
    public static final int INFER_TYPE = 149;          // TYPE_PARAMETER
    public static final int MAPPED_TYPE = 150;         // data: MAP_*; TYPE_PARAMETER, [as type], [type]
    public static final int TYPE_LITERAL = 151;        // members
    public static final int PARENTHESIZED_TYPE = 152;
    public static final int TYPE_PREDICATE = 153;      // data: 1 asserts; IDENTIFIER_NAME | THIS_TYPE, [type]
    public static final int IMPORT_TYPE = 154;         // data: 1 typeof; argument, [IMPORT_ATTRIBUTES], [qualifier], [TYPE_ARGUMENTS]
    public static final int TYPE_FIRST = TYPE_REFERENCE, TYPE_LAST = IMPORT_TYPE;
    // ---- TypeScript declarations and expressions ----
    public static final int TYPE_ARGUMENTS = 160;
    public static final int TYPE_PARAMETERS = 161;
    public static final int TYPE_PARAMETER = 162;      // data: TP_*; BINDING_IDENTIFIER, [constraint], [default]
    public static final int PROPERTY_SIGNATURE = 163;  // data: P_OPTIONAL | MOD_*; key, [type]
    public static final int METHOD_SIGNATURE = 164;    // data: P_OPTIONAL | P_GET | P_SET; key, [TYPE_PARAMETERS], FORMAL_PARAMETERS, [type]
    public static final int CALL_SIGNATURE = 165;      // [TYPE_PARAMETERS], FORMAL_PARAMETERS, [type]
    public static final int CONSTRUCT_SIGNATURE = 166;
    public static final int INDEX_SIGNATURE = 167;     // data: MOD_*; FORMAL_PARAMETERS, type
    public static final int INTERFACE_DECLARATION = 168; // data: MOD_*; BINDING_IDENTIFIER, [TYPE_PARAMETERS], [HERITAGE_CLAUSE], INTERFACE_BODY
    public static final int INTERFACE_BODY = 169;
    public static final int HERITAGE_CLAUSE = 170;     // data: Token.K_EXTENDS / Token.K_IMPLEMENTS; EXPRESSION_WITH_TYPE_ARGUMENTS...
    public static final int EXPRESSION_WITH_TYPE_ARGUMENTS = 171; // expression, [TYPE_ARGUMENTS]
    public static final int TYPE_ALIAS = 172;          // data: MOD_*; BINDING_IDENTIFIER, [TYPE_PARAMETERS], type
    public static final int ENUM_DECLARATION = 173;    // data: MOD_CONST | MOD_*; BINDING_IDENTIFIER, ENUM_MEMBER...
    public static final int ENUM_MEMBER = 174;         // name, [initializer]
    public static final int MODULE_DECLARATION = 175;  // data: keyword token | MOD_*; name, [MODULE_BLOCK]
    public static final int MODULE_BLOCK = 176;        // statements
    public static final int IMPORT_EQUALS = 177;       // data: 1 type-only; BINDING_IDENTIFIER, EXTERNAL_MODULE_REFERENCE | entity name
    public static final int EXTERNAL_MODULE_REFERENCE = 178; // STRING_LITERAL
    public static final int EXPORT_ASSIGNMENT = 179;   // export = expression
    public static final int NAMESPACE_EXPORT = 180;    // export as namespace X
    public static final int AS_EXPRESSION = 181;       // expression, type
    public static final int SATISFIES_EXPRESSION = 182;
    public static final int NON_NULL = 183;            // expression!
    public static final int TYPE_ASSERTION = 184;      // <type> expression
    public static final int INSTANTIATION_EXPRESSION = 185; // expression, TYPE_ARGUMENTS
    public static final int PARAMETER = 186;           // data: MOD_* | P_OPTIONAL; [DECORATOR...] (pattern, [type], [initializer] | REST_ELEMENT)
    // ---- JSX ----
    public static final int JSX_ELEMENT = 200;         // JSX_OPENING_ELEMENT children... [JSX_CLOSING_ELEMENT]
    public static final int JSX_OPENING_ELEMENT = 201; // data: 1 self-closing; name, [TYPE_ARGUMENTS], attributes...
    public static final int JSX_CLOSING_ELEMENT = 202; // name
    public static final int JSX_FRAGMENT = 203;        // children...
    public static final int JSX_TEXT = 204;
    public static final int JSX_EXPRESSION_CONTAINER = 205; // [expression]
    public static final int JSX_ATTRIBUTE = 206;       // name, [value]
    public static final int JSX_SPREAD_ATTRIBUTE = 207;
    public static final int JSX_NAMESPACED_NAME = 208; // JSX_IDENTIFIER, JSX_IDENTIFIER
    public static final int JSX_MEMBER_EXPRESSION = 209; // object, IDENTIFIER_NAME
    public static final int JSX_IDENTIFIER = 210;      // data: name id
    public static final int JSX_SPREAD_CHILD = 211;

    public static final int COUNT = 256;

    // data values
    public static final int VAR_VAR = 0, VAR_LET = 1, VAR_CONST = 2, VAR_USING = 3, VAR_AWAIT_USING = 4;
    public static final int F_ASYNC = 1, F_GENERATOR = 2;
    public static final int P_COMPUTED = 1, P_SHORTHAND = 2, P_METHOD = 4, P_GET = 8, P_SET = 16;
    public static final int C_STATIC = 32, C_CONSTRUCTOR = 64, C_ACCESSOR = 128;
    public static final int M_COMPUTED = 1, M_OPTIONAL = 2;
    public static final int UPDATE_PREFIX = 1 << 16;
    // TypeScript modifiers and markers, in the data word of declarations, members and parameters
    public static final int MOD_DECLARE = 1 << 8, MOD_ABSTRACT = 1 << 9, MOD_PUBLIC = 1 << 10, MOD_PRIVATE = 1 << 11,
            MOD_PROTECTED = 1 << 12, MOD_READONLY = 1 << 13, MOD_OVERRIDE = 1 << 14, P_OPTIONAL = 1 << 15,
            P_DEFINITE = 1 << 17, MOD_CONST = 1 << 18, MOD_IN = 1 << 19, MOD_OUT = 1 << 20, MOD_EXPORT = 1 << 21,
            MOD_DEFAULT = 1 << 22, MOD_TYPE_ONLY = 1 << 23;
    /** The modifiers that make a constructor parameter a class property too ({@code constructor(private x)}). */
    public static final int MOD_PARAMETER_PROPERTY = MOD_PUBLIC | MOD_PRIVATE | MOD_PROTECTED | MOD_READONLY | MOD_OVERRIDE;
    /** A modifier TypeScript's parser takes before a declaration that has no flag of its own there (`static class`, `async class`). */
    public static final int MOD_MISPLACED = 1 << 24;
    // TYPE_PARAMETER data
    public static final int TP_CONSTRAINT = 1, TP_DEFAULT = 2;
    // MAPPED_TYPE data
    public static final int MAP_READONLY = 1, MAP_READONLY_MINUS = 2, MAP_OPTIONAL = 4, MAP_OPTIONAL_MINUS = 8, MAP_AS = 16, MAP_TYPE = 32;
    // OPTIONAL_TYPE data other than a tuple's optional element: JSDoc's postfix `T?` and `T!` wherever a type stands, and
    // `[a: T?]` (a labelled element optional after its type), which TypeScript's parser takes (its checker: TS17019, TS5086)
    public static final int OPT_JSDOC_NULLABLE = 1, OPT_AFTER_LABEL = 2, OPT_JSDOC_NON_NULLABLE = 3;

    /**
     * The name of every kind, by value: the one list to extend with a new kind (NodeKindTest checks
     * that every constant above is here, under its own name, and no name twice).
     */
    private static final String[] NAMES = names(
            PROGRAM, "PROGRAM", INVALID, "INVALID", EMPTY_STATEMENT, "EMPTY_STATEMENT", BLOCK, "BLOCK",
            EXPRESSION_STATEMENT, "EXPRESSION_STATEMENT", IF, "IF", FOR, "FOR", FOR_IN, "FOR_IN", FOR_OF, "FOR_OF",
            WHILE, "WHILE", DO_WHILE, "DO_WHILE", CONTINUE, "CONTINUE", BREAK, "BREAK", RETURN, "RETURN", WITH, "WITH",
            SWITCH, "SWITCH", SWITCH_CASE, "SWITCH_CASE", THROW, "THROW", TRY, "TRY", CATCH_CLAUSE, "CATCH_CLAUSE",
            DEBUGGER, "DEBUGGER", LABELED, "LABELED", VARIABLE_DECLARATION, "VARIABLE_DECLARATION",
            VARIABLE_DECLARATOR, "VARIABLE_DECLARATOR", FUNCTION_DECLARATION, "FUNCTION_DECLARATION",
            CLASS_DECLARATION, "CLASS_DECLARATION", IMPORT_DECLARATION, "IMPORT_DECLARATION",
            IMPORT_DEFAULT_SPECIFIER, "IMPORT_DEFAULT_SPECIFIER", IMPORT_NAMESPACE_SPECIFIER, "IMPORT_NAMESPACE_SPECIFIER",
            IMPORT_SPECIFIER, "IMPORT_SPECIFIER", IMPORT_ATTRIBUTES, "IMPORT_ATTRIBUTES", IMPORT_ATTRIBUTE, "IMPORT_ATTRIBUTE",
            EXPORT_NAMED, "EXPORT_NAMED", EXPORT_DEFAULT, "EXPORT_DEFAULT", EXPORT_ALL, "EXPORT_ALL",
            EXPORT_SPECIFIER, "EXPORT_SPECIFIER", IDENTIFIER_REFERENCE, "IDENTIFIER_REFERENCE",
            BINDING_IDENTIFIER, "BINDING_IDENTIFIER", IDENTIFIER_NAME, "IDENTIFIER_NAME",
            PRIVATE_IDENTIFIER, "PRIVATE_IDENTIFIER", LABEL, "LABEL", THIS, "THIS", SUPER, "SUPER", NULL, "NULL",
            BOOLEAN, "BOOLEAN", NUMBER_LITERAL, "NUMBER_LITERAL", BIGINT_LITERAL, "BIGINT_LITERAL",
            STRING_LITERAL, "STRING_LITERAL", REGEX_LITERAL, "REGEX_LITERAL", TEMPLATE, "TEMPLATE",
            TEMPLATE_ELEMENT, "TEMPLATE_ELEMENT", TAGGED_TEMPLATE, "TAGGED_TEMPLATE", ARRAY, "ARRAY", ELISION, "ELISION",
            OBJECT, "OBJECT", PROPERTY, "PROPERTY", SPREAD, "SPREAD", FUNCTION_EXPRESSION, "FUNCTION_EXPRESSION",
            ARROW_FUNCTION, "ARROW_FUNCTION", CLASS_EXPRESSION, "CLASS_EXPRESSION", PARENTHESIZED, "PARENTHESIZED",
            MEMBER, "MEMBER", CALL, "CALL", NEW, "NEW", CHAIN, "CHAIN", UNARY, "UNARY", UPDATE, "UPDATE", BINARY, "BINARY",
            ASSIGNMENT, "ASSIGNMENT", CONDITIONAL, "CONDITIONAL", SEQUENCE, "SEQUENCE", YIELD, "YIELD", AWAIT, "AWAIT",
            META_PROPERTY, "META_PROPERTY", IMPORT_CALL, "IMPORT_CALL", OBJECT_PATTERN, "OBJECT_PATTERN",
            ARRAY_PATTERN, "ARRAY_PATTERN", ASSIGNMENT_PATTERN, "ASSIGNMENT_PATTERN", REST_ELEMENT, "REST_ELEMENT",
            FORMAL_PARAMETERS, "FORMAL_PARAMETERS", FUNCTION_BODY, "FUNCTION_BODY", CLASS_HERITAGE, "CLASS_HERITAGE",
            CLASS_BODY, "CLASS_BODY", METHOD, "METHOD", FIELD, "FIELD", STATIC_BLOCK, "STATIC_BLOCK", DECORATOR, "DECORATOR",
            TYPE_REFERENCE, "TYPE_REFERENCE", QUALIFIED_NAME, "QUALIFIED_NAME", KEYWORD_TYPE, "KEYWORD_TYPE",
            THIS_TYPE, "THIS_TYPE", LITERAL_TYPE, "LITERAL_TYPE", TEMPLATE_LITERAL_TYPE, "TEMPLATE_LITERAL_TYPE",
            ARRAY_TYPE, "ARRAY_TYPE", TUPLE_TYPE, "TUPLE_TYPE", NAMED_TUPLE_MEMBER, "NAMED_TUPLE_MEMBER",
            OPTIONAL_TYPE, "OPTIONAL_TYPE", REST_TYPE, "REST_TYPE", UNION_TYPE, "UNION_TYPE",
            INTERSECTION_TYPE, "INTERSECTION_TYPE", FUNCTION_TYPE, "FUNCTION_TYPE", CONSTRUCTOR_TYPE, "CONSTRUCTOR_TYPE",
            TYPE_QUERY, "TYPE_QUERY", TYPE_OPERATOR, "TYPE_OPERATOR", INDEXED_ACCESS_TYPE, "INDEXED_ACCESS_TYPE",
            CONDITIONAL_TYPE, "CONDITIONAL_TYPE", INFER_TYPE, "INFER_TYPE", MAPPED_TYPE, "MAPPED_TYPE",
            TYPE_LITERAL, "TYPE_LITERAL", PARENTHESIZED_TYPE, "PARENTHESIZED_TYPE", TYPE_PREDICATE, "TYPE_PREDICATE",
            IMPORT_TYPE, "IMPORT_TYPE", TYPE_ARGUMENTS, "TYPE_ARGUMENTS", TYPE_PARAMETERS, "TYPE_PARAMETERS",
            TYPE_PARAMETER, "TYPE_PARAMETER", PROPERTY_SIGNATURE, "PROPERTY_SIGNATURE", METHOD_SIGNATURE, "METHOD_SIGNATURE",
            CALL_SIGNATURE, "CALL_SIGNATURE", CONSTRUCT_SIGNATURE, "CONSTRUCT_SIGNATURE", INDEX_SIGNATURE, "INDEX_SIGNATURE",
            INTERFACE_DECLARATION, "INTERFACE_DECLARATION", INTERFACE_BODY, "INTERFACE_BODY",
            HERITAGE_CLAUSE, "HERITAGE_CLAUSE", EXPRESSION_WITH_TYPE_ARGUMENTS, "EXPRESSION_WITH_TYPE_ARGUMENTS",
            TYPE_ALIAS, "TYPE_ALIAS", ENUM_DECLARATION, "ENUM_DECLARATION", ENUM_MEMBER, "ENUM_MEMBER",
            MODULE_DECLARATION, "MODULE_DECLARATION", MODULE_BLOCK, "MODULE_BLOCK", IMPORT_EQUALS, "IMPORT_EQUALS",
            EXTERNAL_MODULE_REFERENCE, "EXTERNAL_MODULE_REFERENCE", EXPORT_ASSIGNMENT, "EXPORT_ASSIGNMENT",
            NAMESPACE_EXPORT, "NAMESPACE_EXPORT", AS_EXPRESSION, "AS_EXPRESSION", SATISFIES_EXPRESSION, "SATISFIES_EXPRESSION",
            NON_NULL, "NON_NULL", TYPE_ASSERTION, "TYPE_ASSERTION", INSTANTIATION_EXPRESSION, "INSTANTIATION_EXPRESSION",
            PARAMETER, "PARAMETER", JSX_ELEMENT, "JSX_ELEMENT",
            JSX_OPENING_ELEMENT, "JSX_OPENING_ELEMENT", JSX_CLOSING_ELEMENT, "JSX_CLOSING_ELEMENT",
            JSX_FRAGMENT, "JSX_FRAGMENT", JSX_TEXT, "JSX_TEXT", JSX_EXPRESSION_CONTAINER, "JSX_EXPRESSION_CONTAINER",
            JSX_ATTRIBUTE, "JSX_ATTRIBUTE", JSX_SPREAD_ATTRIBUTE, "JSX_SPREAD_ATTRIBUTE",
            JSX_NAMESPACED_NAME, "JSX_NAMESPACED_NAME", JSX_MEMBER_EXPRESSION, "JSX_MEMBER_EXPRESSION",
            JSX_IDENTIFIER, "JSX_IDENTIFIER", JSX_SPREAD_CHILD, "JSX_SPREAD_CHILD");

    private static String[] names(Object... kindThenName) {
        String[] out = new String[COUNT];
        for (int i = 0; i < kindThenName.length; i += 2) {
            int kind = (Integer) kindThenName[i];
            if (out[kind] != null) throw new AssertionError("two names for kind " + kind + ": " + out[kind] + ", " + kindThenName[i + 1]);
            out[kind] = (String) kindThenName[i + 1];
        }
        return out;
    }

    public static String name(int kind) {
        String s = kind > 0 && kind < COUNT ? NAMES[kind] : null;
        return s == null ? "KIND_" + kind : s;
    }

    /** True for a kind this class declares (so {@link #name} is not a made-up {@code KIND_n}). */
    public static boolean isKnown(int kind) { return kind > 0 && kind < COUNT && NAMES[kind] != null; }

    public static boolean isFunction(int k) {
        return k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION;
    }

    public static boolean isClass(int k) { return k == CLASS_DECLARATION || k == CLASS_EXPRESSION; }

    /** Kinds whose data column is a name id. */
    public static boolean hasName(int k) { return (k >= IDENTIFIER_REFERENCE && k <= LABEL) || k == JSX_IDENTIFIER; }

    /** TypeScript type nodes (and the type-only lists around them). */
    public static boolean isType(int k) {
        return (k >= TYPE_FIRST && k <= TYPE_LAST) || k == TYPE_ARGUMENTS || k == TYPE_PARAMETERS || k == TYPE_PARAMETER;
    }
}
