package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.protocol.ServerSettings.ParameterNameHints;
import dev.arenals.server.query.Callables;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.EnumValues;
import dev.arenals.server.workspace.CrossFileNavigator;
import dev.arenals.server.workspace.FileSummary.Signature;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/inlayHint}: parameter names before the arguments of calls whose callee
 * resolves to a declaration ({@link SignatureHelpHandler}'s resolution: the file and the
 * workspace), for the calls in the requested range only. {@link ParameterNameHints#LITERALS}
 * (the default) names literal arguments ({@code f(/*count:*}{@code / 3)}); {@code ALL} every
 * argument. No hint when the argument already says the name: an identifier or a member whose
 * name ends with the parameter's ({@code name}, {@code userName}, {@code this.name} for
 * {@code name}), nor for destructured parameters, nor after a spread argument.
 */
public final class InlayHintHandler {
    public List<InlayHint> inlayHints(Document doc, Range range, ParameterNameHints mode, WorkspaceIndex index, CrossFileNavigator navigator) {
        return inlayHints(doc, range, mode, false, index, navigator);
    }

    /**
     * The same, with {@code enumValues}: the value of each enum member written without an
     * initializer after its name ({@code Down = 1}), as TypeScript's {@code includeInlayEnumMemberValueHints}
     * shows it, where {@link EnumValues} knows it.
     */
    public List<InlayHint> inlayHints(Document doc, Range range, ParameterNameHints mode, boolean enumValues, WorkspaceIndex index,
            CrossFileNavigator navigator) {
        if (mode == ParameterNameHints.NONE && !enumValues) return List.of();
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null || range == null) return List.of();
        int from = doc.offsetAt(range.getStart());
        int to = doc.offsetAt(range.getEnd());
        if (to < from) return List.of();
        Arena a = q.arena();
        List<InlayHint> out = new ArrayList<>();
        Map<Integer, List<Signature>> bySymbol = new HashMap<>();
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = a.root();
        while (sp > 0) {
            int node = stack[--sp];
            int k = a.kind(node);
            if ((k == CALL || k == NEW) && mode != ParameterNameHints.NONE) hintsFor(q, node, from, to, mode, index, navigator, bySymbol, out);
            if (k == ENUM_DECLARATION && enumValues) enumHints(q, node, from, to, out);
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.end(c) < from || a.start(c) > to) continue;
                if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
                stack[sp++] = c;
            }
        }
        out.sort((x, y) -> {
            int l = Integer.compare(x.getPosition().getLine(), y.getPosition().getLine());
            return l != 0 ? l : Integer.compare(x.getPosition().getCharacter(), y.getPosition().getCharacter());
        });
        return out;
    }

    private static void hintsFor(DocumentQuery q, int call, int from, int to, ParameterNameHints mode, WorkspaceIndex index,
            CrossFileNavigator navigator, Map<Integer, List<Signature>> bySymbol, List<InlayHint> out) {
        Arena a = q.arena();
        int[] args = SignatureHelpHandler.arguments(a, call);
        if (args.length == 0) return;
        boolean any = false;
        for (int arg : args) if (a.start(arg) >= from && a.start(arg) <= to && wanted(a, arg, mode)) any = true;
        if (!any) return; // resolve the callee only for calls that would show a hint
        int callee = Layouts.callCallee(a, call);
        while (callee >= 0 && (a.kind(callee) == INSTANTIATION_EXPRESSION || a.kind(callee) == PARENTHESIZED || a.kind(callee) == NON_NULL)) {
            callee = Layouts.operand(a, callee);
        }
        if (callee < 0) return;
        int key = a.kind(callee) == IDENTIFIER_REFERENCE ? q.symbolOfNode(callee) : -1;
        List<Signature> signatures = key >= 0 ? bySymbol.get(key) : null;
        if (signatures == null) {
            signatures = SignatureHelpHandler.signaturesOf(q, callee, index, navigator);
            if (key >= 0) bySymbol.put(key, signatures);
        }
        if (signatures.isEmpty()) return;
        Signature s = signatures.get(0);
        for (Signature candidate : signatures) {
            if (SignatureHelpHandler.accepts(candidate, args.length)) { s = candidate; break; }
        }
        List<String> params = s.parameters();
        for (int i = 0; i < args.length; i++) {
            int arg = args[i];
            if (a.kind(arg) == SPREAD) return; // positions after a spread are unknown
            if (i >= params.size()) return;
            String param = params.get(i);
            boolean rest = Callables.isRest(param);
            String name = Callables.parameterName(param);
            if (a.start(arg) < from || a.start(arg) > to || name.isEmpty() || !wanted(a, arg, mode) || saysTheName(a, arg, name)) {
                if (rest) return;
                continue;
            }
            InlayHint hint = new InlayHint(q.document().positionAt(a.start(arg)), Either.forLeft((rest ? "..." : "") + name + ":"));
            hint.setKind(InlayHintKind.Parameter);
            hint.setPaddingRight(true);
            out.add(hint);
            if (rest) return; // the rest parameter is named once, at its first argument
        }
    }

    private static void enumHints(DocumentQuery q, int declaration, int from, int to, List<InlayHint> out) {
        Arena a = q.arena();
        Object[] values = EnumValues.of(a, declaration);
        int i = 0;
        for (int m = a.firstChild(declaration); m >= 0; m = a.nextSibling(m)) {
            if (a.kind(m) != ENUM_MEMBER) continue;
            Object value = values[i++];
            int key = a.firstChild(m);
            if (value == null || key < 0 || a.nextSibling(key) >= 0 || a.end(m) < from || a.end(m) > to) continue; // written, unknown, or outside
            String text = EnumValues.text(value);
            if (text == null) continue;
            InlayHint hint = new InlayHint(q.document().positionAt(a.end(m)), Either.forLeft("= " + text));
            hint.setPaddingLeft(true);
            out.add(hint);
        }
    }

    private static boolean wanted(Arena a, int arg, ParameterNameHints mode) {
        return mode == ParameterNameHints.ALL ? a.kind(arg) != SPREAD : isLiteral(a, arg);
    }

    static boolean isLiteral(Arena a, int node) {
        switch (a.kind(node)) {
            case NUMBER_LITERAL: case STRING_LITERAL: case BOOLEAN: case NULL: case BIGINT_LITERAL: case REGEX_LITERAL:
                return true;
            case TEMPLATE: {
                int c = a.firstChild(node);
                return c < 0 || a.nextSibling(c) < 0; // no substitutions
            }
            case UNARY: {
                int operand = Layouts.operand(a, node);
                return operand >= 0 && a.kind(operand) == NUMBER_LITERAL || operand >= 0 && a.kind(operand) == BIGINT_LITERAL;
            }
            case IDENTIFIER_REFERENCE:
                return a.names().equals(a.data(node), "undefined");
            default:
                return false;
        }
    }

    /** The argument is an identifier or member whose name ends with the parameter's name (ignoring case). */
    private static boolean saysTheName(Arena a, int arg, String param) {
        int node = arg;
        if (a.kind(node) == MEMBER) {
            int prop = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) prop = c;
            node = prop;
        }
        if (node < 0 || (a.kind(node) != IDENTIFIER_REFERENCE && a.kind(node) != IDENTIFIER_NAME)) return false;
        String name = a.names().name(a.data(node)).toLowerCase(Locale.ROOT);
        return name.endsWith(param.toLowerCase(Locale.ROOT));
    }
}
