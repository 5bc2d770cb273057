package dev.arenals.server.query;

import java.util.List;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * The token types and modifiers of {@code textDocument/semanticTokens}, by their LSP predefined
 * names (so themes colour them without configuration). A type is its index in {@link #TYPES}; a
 * modifier is bit {@code 1 << index} of {@link #MODIFIERS}.
 */
public final class SemanticTokenLegend {
    private SemanticTokenLegend() {}

    /** Token types (T_ keeps them apart from NodeKind's names). */
    public static final int T_NAMESPACE = 0, T_CLASS = 1, T_ENUM = 2, T_INTERFACE = 3, T_TYPE_PARAMETER = 4, T_TYPE = 5,
            T_PARAMETER = 6, T_VARIABLE = 7, T_PROPERTY = 8, T_ENUM_MEMBER = 9, T_FUNCTION = 10, T_METHOD = 11,
            T_DECORATOR = 12, T_REGEXP = 13, T_LABEL = 14;

    public static final List<String> TYPES = List.of("namespace", "class", "enum", "interface", "typeParameter", "type",
            "parameter", "variable", "property", "enumMember", "function", "method", "decorator", "regexp", "label");

    public static final int DECLARATION = 1, DEFINITION = 1 << 1, READONLY = 1 << 2, STATIC = 1 << 3, ASYNC = 1 << 4,
            ABSTRACT = 1 << 5, DEPRECATED = 1 << 6, DEFAULT_LIBRARY = 1 << 7,
            /** Not predefined: declared inside a function, block or class rather than at the file's top level. */
            LOCAL = 1 << 8;

    public static final List<String> MODIFIERS = List.of("declaration", "definition", "readonly", "static", "async",
            "abstract", "deprecated", "defaultLibrary", "local");

    public static SemanticTokensLegend legend() { return new SemanticTokensLegend(TYPES, MODIFIERS); }
}
