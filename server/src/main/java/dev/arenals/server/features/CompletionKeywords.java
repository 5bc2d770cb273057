package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * The keywords valid at a completion position, and statement snippets. Statement keywords only
 * where a statement starts; {@code return} in a function, {@code break} in a loop or switch,
 * {@code continue} in a loop; {@code await} in an async function or at a module's top level;
 * {@code yield} in a generator; {@code super} in a class; {@code import}/{@code export} at the
 * top level; TypeScript's declaration keywords and type keywords in TypeScript files only.
 */
final class CompletionKeywords {
    private CompletionKeywords() {}

    private static final String[] STATEMENT = {"if", "for", "while", "do", "switch", "try", "throw", "var", "let", "const",
            "function", "class", "async", "debugger", "using"};
    // undefined: TypeScript lists the global, which no lib.d.ts declares (the checker's own symbol)
    private static final String[] EXPRESSION = {"true", "false", "null", "this", "new", "typeof", "void", "delete", "function",
            "class", "async", "import", "undefined"};
    private static final String[] TS_STATEMENT = {"interface", "type", "enum"};
    /** Outside functions only: TypeScript leaves these contextual keywords out of a function body's list. */
    private static final String[] TS_DECLARATION = {"namespace", "declare", "abstract"};
    private static final String[] TYPES = {"any", "unknown", "never", "string", "number", "boolean", "bigint", "symbol",
            "object", "void", "undefined", "null", "true", "false", "this", "keyof", "typeof", "readonly", "unique"};
    private static final String[] CLASS_MEMBER = {"constructor", "get", "set", "static", "async", "accessor"};
    private static final String[] TS_CLASS_MEMBER = {"private", "protected", "public", "readonly", "abstract", "declare", "override"};

    /** Snippets for statements: label, body (LSP snippet syntax). */
    private static final String[][] SNIPPETS = {
        {"if", "if (${1:condition}) {\n\t$0\n}"},
        {"ifelse", "if (${1:condition}) {\n\t$2\n} else {\n\t$0\n}"},
        {"for", "for (let ${1:i} = 0; ${1:i} < ${2:length}; ${1:i}++) {\n\t$0\n}"},
        {"forof", "for (const ${1:item} of ${2:items}) {\n\t$0\n}"},
        {"forin", "for (const ${1:key} in ${2:object}) {\n\t$0\n}"},
        {"while", "while (${1:condition}) {\n\t$0\n}"},
        {"trycatch", "try {\n\t$1\n} catch (${2:error}) {\n\t$0\n}"},
        {"switch", "switch (${1:key}) {\n\tcase ${2:value}:\n\t\t$0\n\t\tbreak;\n\tdefault:\n\t\tbreak;\n}"},
        {"function", "function ${1:name}(${2:params}) {\n\t$0\n}"},
    };

    static void add(CompletionContext c, CompletionHandler.Items items, boolean snippets) {
        Arena arena = c.arena;
        boolean ts = arena.isTypeScript();
        switch (c.kind) {
            case CompletionContext.SWITCH_CASES:
                keyword(items, "case");
                keyword(items, "default");
                return;
            case CompletionContext.CLASS_HEAD:
                keyword(items, "extends");
                if (ts) keyword(items, "implements");
                return;
            case CompletionContext.CLASS_MEMBER:
                for (String k : CLASS_MEMBER) keyword(items, k);
                if (ts) for (String k : TS_CLASS_MEMBER) keyword(items, k);
                return;
            case CompletionContext.TYPE:
                for (String k : TYPES) keyword(items, k);
                if (c.inConditionalTypeExtends()) keyword(items, "infer");
                if (c.afterAs()) keyword(items, "const"); // `x as const`
                return;
            case CompletionContext.STATEMENT:
                for (String k : STATEMENT) keyword(items, k);
                if (ts) for (String k : TS_STATEMENT) keyword(items, k);
                if (ts && c.enclosingFunction(true) < 0) for (String k : TS_DECLARATION) keyword(items, k);
                if (c.enclosingFunction(true) >= 0) keyword(items, "return");
                if (c.inLoop() || c.inSwitchCase()) keyword(items, "break");
                if (c.inLoop()) keyword(items, "continue");
                if (c.inSwitchCase()) {
                    keyword(items, "case");
                    keyword(items, "default");
                }
                if (c.atTopLevel()) {
                    keyword(items, "import");
                    keyword(items, "export");
                }
                if (snippets) for (String[] s : SNIPPETS) items.addKeyword(s[0], CompletionItemKind.Snippet, CompletionHandler.G_SNIPPET, s[1]);
                expression(c, items);
                return;
            case CompletionContext.EXPRESSION:
                expression(c, items);
                return;
            default:
                return;
        }
    }

    private static void expression(CompletionContext c, CompletionHandler.Items items) {
        for (String k : EXPRESSION) keyword(items, k);
        if (c.inClass()) keyword(items, "super");
        int fn = c.enclosingFunction(true);
        if (fn >= 0 ? (c.arena.data(fn) & F_ASYNC) != 0 : c.arena.isModule() && c.enclosingFunction(false) < 0 && !c.inClass()) {
            keyword(items, "await");
        }
        int plain = c.enclosingFunction(false);
        if (plain >= 0 && (c.arena.data(plain) & F_GENERATOR) != 0 && (fn == plain)) keyword(items, "yield");
    }

    private static void keyword(CompletionHandler.Items items, String k) {
        items.addKeyword(k, CompletionItemKind.Keyword, CompletionHandler.G_GLOBAL, null);
    }
}
