package dev.arenals.parser.scope;

/** What declared a symbol. Int constants, stored in the scope table's columns. */
public final class SymbolKind {
    private SymbolKind() {}

    public static final int VAR = 1;
    public static final int LET = 2;
    public static final int CONST = 3;
    public static final int USING = 4;
    public static final int FUNCTION = 5;
    public static final int CLASS = 6;
    public static final int PARAMETER = 7;
    public static final int CATCH_PARAMETER = 8;
    public static final int IMPORT = 9;
    /** A name used but declared nowhere in the file (a global, or a mistake). */
    public static final int IMPLICIT_GLOBAL = 10;
    // TypeScript
    public static final int INTERFACE = 11;
    public static final int TYPE_ALIAS = 12;
    public static final int ENUM = 13;
    public static final int NAMESPACE = 14;
    public static final int TYPE_PARAMETER = 15;

    public static String name(int kind) {
        switch (kind) {
            case VAR: return "var";
            case LET: return "let";
            case CONST: return "const";
            case USING: return "using";
            case FUNCTION: return "function";
            case CLASS: return "class";
            case PARAMETER: return "parameter";
            case CATCH_PARAMETER: return "catch parameter";
            case IMPORT: return "import";
            case IMPLICIT_GLOBAL: return "global";
            case INTERFACE: return "interface";
            case TYPE_ALIAS: return "type";
            case ENUM: return "enum";
            case NAMESPACE: return "namespace";
            case TYPE_PARAMETER: return "type parameter";
            default: return "symbol";
        }
    }
}
