package dev.arenals.server.query;

import dev.arenals.parser.tree.NameTable;

/**
 * Globals of the JavaScript and TypeScript standard libraries (and the common host ones: DOM,
 * Node), with the token type they get. Looked up by a name id without making a String: the table
 * is keyed by {@link String#hashCode} computed over the name table's chars.
 */
public final class WellKnownGlobals {
    private WellKnownGlobals() {}

    // ---- the generated list (lib-globals.txt, see GlobalsGenerator): what completion offers ----

    /** Kind letters of {@link #libKind}. */
    public static final char LIB_CLASS = 'c', LIB_NAMESPACE = 'n', LIB_FUNCTION = 'f', LIB_VARIABLE = 'v',
            LIB_INTERFACE = 'i', LIB_TYPE = 't', LIB_TAG = 'h';
    private static final String[] LIB_NAMES;
    private static final char[] LIB_KINDS;
    private static final char[][] LIB_CHARS;

    static {
        java.util.List<String> names = new java.util.ArrayList<>();
        StringBuilder kinds = new StringBuilder();
        try (java.io.InputStream in = WellKnownGlobals.class.getResourceAsStream("lib-globals.txt")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (line.length() < 3 || line.charAt(0) == '#' || line.charAt(1) != ' ') continue;
                    kinds.append(line.charAt(0));
                    names.add(line.substring(2));
                }
            }
        } catch (java.io.IOException e) {
            // a jar without the resource: no globals offered, nothing else is affected
        }
        LIB_NAMES = names.toArray(new String[0]);
        LIB_KINDS = kinds.toString().toCharArray();
        LIB_CHARS = new char[LIB_NAMES.length][];
        for (int i = 0; i < LIB_NAMES.length; i++) LIB_CHARS[i] = LIB_NAMES[i].toCharArray();
    }

    /** The id of lib name {@code i} in a document's name table, or -1 when the document never spells it. */
    public static int libNameId(NameTable names, int i) {
        char[] c = LIB_CHARS[i];
        return names.find(c, 0, c.length);
    }

    /** Number of names in the generated list of the language's, the DOM's and Node's globals. */
    public static int libCount() { return LIB_NAMES.length; }
    public static String libName(int i) { return LIB_NAMES[i]; }
    /** One of the {@code LIB_*} letters. */
    public static char libKind(int i) { return LIB_KINDS[i]; }
    /** An intrinsic JSX element's tag name (div, svg), not a global. */
    public static boolean libIsTag(int i) { return LIB_KINDS[i] == LIB_TAG; }

    /** An interface or type alias: a name in type positions only. */
    public static boolean libIsTypeOnly(int i) { return LIB_KINDS[i] == LIB_INTERFACE || LIB_KINDS[i] == LIB_TYPE; }

    private static final String[] CLASSES = {"Object", "Function", "Array", "Number", "String", "Boolean", "Symbol",
            "BigInt", "Date", "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError",
            "URIError", "AggregateError", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Promise",
            "Proxy", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray",
            "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array",
            "BigUint64Array", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "AbortController", "AbortSignal",
            "Blob", "File", "FormData", "Headers", "Request", "Response", "Event", "EventTarget", "CustomEvent", "Buffer",
            "Worker", "WebSocket", "XMLHttpRequest", "HTMLElement", "Element", "Node", "MutationObserver"};
    /** Declared as namespaces in TypeScript's lib (Math, JSON and Atomics are variables there: {@code declare var Math: Math}). */
    private static final String[] NAMESPACES = {"Reflect", "Intl", "WebAssembly"};
    private static final String[] FUNCTIONS = {"parseInt", "parseFloat", "isNaN", "isFinite", "encodeURI",
            "encodeURIComponent", "decodeURI", "decodeURIComponent", "escape", "unescape", "eval", "setTimeout",
            "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask",
            "structuredClone", "fetch", "require", "atob", "btoa", "requestAnimationFrame", "cancelAnimationFrame"};
    private static final String[] VARIABLES = {"Math", "JSON", "Atomics", "globalThis", "window", "document", "self", "console", "process", "module",
            "exports", "navigator", "location", "undefined", "NaN", "Infinity", "__dirname", "__filename", "global"};
    /** TypeScript's lib types that are not classes (utility aliases and interfaces). */
    private static final String[] TYPES = {"Record", "Partial", "Required", "Readonly", "Pick", "Omit", "Exclude",
            "Extract", "NonNullable", "ReturnType", "Parameters", "ConstructorParameters", "InstanceType", "Awaited",
            "ThisType", "Uppercase", "Lowercase", "Capitalize", "Uncapitalize", "NoInfer"};
    private static final String[] INTERFACES = {"PromiseLike", "ArrayLike", "Iterable", "Iterator", "IterableIterator",
            "AsyncIterable", "AsyncIterator", "AsyncIterableIterator", "Generator", "AsyncGenerator", "ReadonlyArray",
            "ReadonlyMap", "ReadonlySet", "PropertyDescriptor", "TemplateStringsArray", "PromiseConstructor",
            "ArrayConstructor", "ObjectConstructor", "Console", "IteratorResult"};

    private static final int SIZE = 512;
    private static final String[] NAMES = new String[SIZE];
    private static final int[] HASHES = new int[SIZE];
    private static final int[] KINDS = new int[SIZE];

    static {
        add(CLASSES, SemanticTokenLegend.T_CLASS);
        add(NAMESPACES, SemanticTokenLegend.T_NAMESPACE);
        add(FUNCTIONS, SemanticTokenLegend.T_FUNCTION);
        add(VARIABLES, SemanticTokenLegend.T_VARIABLE);
        add(TYPES, SemanticTokenLegend.T_TYPE);
        add(INTERFACES, SemanticTokenLegend.T_INTERFACE);
    }

    private static void add(String[] names, int type) {
        for (String n : names) {
            int slot = n.hashCode() & (SIZE - 1);
            while (NAMES[slot] != null) slot = (slot + 1) & (SIZE - 1);
            NAMES[slot] = n;
            HASHES[slot] = n.hashCode();
            KINDS[slot] = type;
        }
    }

    /** The token type of the global named {@code nameId}, or -1 when it is not a well-known one. */
    static int typeOf(NameTable names, int nameId) {
        int length = names.length(nameId);
        int hash = 0;
        for (int i = 0; i < length; i++) hash = 31 * hash + names.charAt(nameId, i);
        for (int slot = hash & (SIZE - 1); NAMES[slot] != null; slot = (slot + 1) & (SIZE - 1)) {
            if (HASHES[slot] == hash && names.equals(nameId, NAMES[slot])) return KINDS[slot];
        }
        return -1;
    }

    private static final String[] PREDEFINED_TYPES = {"any", "unknown", "never", "number", "string", "boolean", "symbol",
            "bigint", "object", "void", "undefined", "null", "intrinsic"};

    /** A TypeScript keyword type written as a name ({@code number}): a keyword, not a token of ours. */
    static boolean isPredefinedType(NameTable names, int nameId) {
        for (String t : PREDEFINED_TYPES) if (names.equals(nameId, t)) return true;
        return false;
    }
}
