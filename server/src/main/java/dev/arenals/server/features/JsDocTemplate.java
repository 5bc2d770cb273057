package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.query.DocumentQuery;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion right after {@code /**} (an empty doc comment, {@code /** *}{@code /} as editors close
 * it) before a declaration: TypeScript's doc comment template, one {@code @param} line per
 * parameter ({@code {any}} typed in JavaScript; a destructured one is {@code param0}, as TypeScript
 * names it) and {@code @returns} when the function returns anything, the cursor on the description.
 */
final class JsDocTemplate {
    private JsDocTemplate() {}

    /** The template item at {@code offset}, or null when the cursor is not just after an empty {@code /**} before a declaration. */
    static CompletionItem at(DocumentQuery q, int offset, boolean snippets) {
        Arena a = q.arena();
        ParseLog log = a.log();
        char[] src = a.source();
        int comment = -1;
        for (int lo = 0, hi = log.commentCount() - 1; lo <= hi; ) { // the comment that starts before the cursor, last
            int mid = (lo + hi) >>> 1;
            if (log.commentStart(mid) < offset) { comment = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (comment < 0) return null;
        int start = log.commentStart(comment), end = log.commentEnd(comment);
        if (offset != start + 3 || end < offset || src[start] != '/' || src[start + 1] != '*' || src[start + 2] != '*') return null;
        // nothing written in it yet: `/**`, or `/** */` as an editor closes it
        int close = offset;
        while (close < end && (src[close] == ' ' || src[close] == '\t')) close++;
        boolean closed = close + 2 == end && src[close] == '*' && src[close + 1] == '/';
        if (!closed && close != end) return null;
        int owner = declarationAfter(a, end);
        if (owner < 0) return null;

        String indent = Refactors.lineIndent(src, start);
        String nl = Refactors.lineBreak(src, a.sourceLength());
        StringBuilder text = new StringBuilder("/**").append(nl).append(indent).append(" * ").append(snippets ? "$0" : "");
        int function = functionOf(a, owner);
        if (function >= 0) {
            int params = Layouts.functionParameters(a, function);
            int index = 0;
            for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p), index++) {
                int target = Layouts.parameterTarget(a, p);
                if (target >= 0 && a.kind(target) == BINDING_IDENTIFIER && a.text(a.start(target), a.end(target)).equals("this")) continue;
                String name = target >= 0 && a.kind(target) == BINDING_IDENTIFIER ? a.text(a.start(target), a.end(target)) : "param" + index;
                text.append(nl).append(indent).append(" * @param ").append(a.isTypeScript() ? "" : "{any} ").append(escape(name, snippets));
            }
            if (returnsSomething(a, function)) text.append(nl).append(indent).append(" * @returns");
        }
        text.append(nl).append(indent).append(" */");
        CompletionItem item = new CompletionItem("/** */");
        item.setKind(CompletionItemKind.Text);
        item.setDetail("JSDoc comment");
        item.setSortText("\0");
        item.setFilterText("/**");
        item.setInsertTextFormat(snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
        // the lines carry the comment's indentation already: VS Code's default (adjustIndentation) would add it again
        item.setInsertTextMode(InsertTextMode.AsIs);
        // the edit replaces what was written on this line of the comment: `/**`, with an editor's ` */` when on the same line
        item.setTextEdit(Either.forLeft(new TextEdit(q.range(start, closed ? end : offset), text.toString())));
        return item;
    }

    private static String escape(String s, boolean snippets) {
        return snippets ? s.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}") : s;
    }

    /** The outermost declaration starting at the first token after {@code from} (an {@code export} included), or -1. */
    private static int declarationAfter(Arena a, int from) {
        char[] src = a.source();
        int at = from;
        while (at < a.sourceLength() && Character.isWhitespace(src[at])) at++;
        for (int node = a.root(); ; ) {
            int next = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) <= at && at < a.end(c)) next = c;
            }
            if (next < 0) return -1;
            if (a.start(next) == at && isOwner(a.kind(next))) return next;
            node = next;
        }
    }

    private static boolean isOwner(int k) {
        switch (k) {
            case FUNCTION_DECLARATION: case CLASS_DECLARATION: case VARIABLE_DECLARATION: case METHOD: case FIELD: case PROPERTY:
            case INTERFACE_DECLARATION: case TYPE_ALIAS: case ENUM_DECLARATION: case MODULE_DECLARATION: case EXPORT_NAMED: case EXPORT_DEFAULT:
            case PROPERTY_SIGNATURE: case METHOD_SIGNATURE: case ENUM_MEMBER:
                return true;
            default:
                return false;
        }
    }

    /** The function the comment documents: the declaration itself, a method's, an exported one, a variable's arrow or function. */
    private static int functionOf(Arena a, int owner) {
        int k = a.kind(owner);
        if (k == EXPORT_NAMED || k == EXPORT_DEFAULT) {
            for (int c = a.firstChild(owner); c >= 0; c = a.nextSibling(c)) if (a.kind(c) != DECORATOR) return functionOf(a, c);
            return -1;
        }
        if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION) return owner;
        if (k == METHOD || k == PROPERTY || k == FIELD || k == METHOD_SIGNATURE) {
            for (int c = a.firstChild(owner); c >= 0; c = a.nextSibling(c)) {
                int ck = a.kind(c);
                if (ck == FUNCTION_EXPRESSION || ck == ARROW_FUNCTION) return c;
                if (ck == FORMAL_PARAMETERS) return owner; // a method signature: its own parameters
            }
            return -1;
        }
        if (k == VARIABLE_DECLARATION) {
            int declarator = a.firstChild(owner);
            if (declarator < 0 || a.nextSibling(declarator) >= 0) return -1;
            int init = Layouts.declaratorInit(a, declarator);
            return init >= 0 && (a.kind(init) == ARROW_FUNCTION || a.kind(init) == FUNCTION_EXPRESSION) ? init : -1;
        }
        return -1;
    }

    /** Whether the function has a {@code return} of its own (not a nested function's), or is an arrow with an expression body. */
    private static boolean returnsSomething(Arena a, int function) {
        if (a.kind(function) == ARROW_FUNCTION) {
            int body = Layouts.arrowBody(a, function);
            if (body >= 0 && a.kind(body) != FUNCTION_BODY) return true;
        }
        int body = a.kind(function) == METHOD_SIGNATURE ? -1 : Layouts.functionBody(a, function);
        if (body < 0) return false;
        int[] stack = new int[32];
        int sp = 0;
        stack[sp++] = body;
        while (sp > 0) {
            int n = stack[--sp];
            if (a.kind(n) == RETURN) return true;
            if (n != body && (NodeKind.isFunction(a.kind(n)) || a.kind(n) == CLASS_DECLARATION || a.kind(n) == CLASS_EXPRESSION)) continue;
            for (int c = a.firstChild(n); c >= 0; c = a.nextSibling(c)) {
                if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
        return false;
    }
}
