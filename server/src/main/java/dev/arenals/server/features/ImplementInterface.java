package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.DocumentQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.TextEdit;

/**
 * The quick fix "Implement interface 'I'" on a class whose {@code implements I} leaves members of
 * I out (TypeScript's TS2420, which its checker reports): the missing properties declared, the
 * missing methods and accessors written with a body that throws "Not implemented", at the start of
 * the class body, with I's type arguments put for its type parameters. Offered on the class's
 * head. Only where every member is known: I and the interfaces it extends are declared in this
 * file, once each (no merged declarations), without overloaded methods; the class extends nothing,
 * or a class of this file whose members are known the same way (a member it inherits is not
 * written again). Stateless.
 */
public final class ImplementInterface {
    private ImplementInterface() {}

    private static final int MAX_DEPTH = 16;

    static void actions(DocumentQuery q, int from, int to, List<CodeAction> out) {
        Arena a = q.arena();
        int cls = -1;
        for (int n = Refactors.innermostHolding(a, from, to); n >= 0; n = q.parentOf(n)) {
            int k = a.kind(n);
            if (k == CLASS_DECLARATION || k == CLASS_EXPRESSION) { cls = n; break; }
        }
        int body = cls < 0 ? -1 : Layouts.classBody(a, cls);
        int clause = cls < 0 ? -1 : Layouts.classImplements(a, cls);
        if (body < 0 || clause < 0 || from >= a.start(body) || a.data(clause) != Token.K_IMPLEMENTS) return; // on the head only
        int className = Layouts.declarationName(a, cls);
        if (className >= 0 && ConvertExport.declarationCount(q, q.symbolOfNode(className)) > 1) return; // an interface merged into the class may declare them
        Set<String> present = classMembers(q, cls, 0);
        if (present == null) return; // a base whose members are not known here
        for (int entry = a.firstChild(clause); entry >= 0; entry = a.nextSibling(entry)) {
            Map<String, String> members = new LinkedHashMap<>();
            int name = Layouts.heritageExpression(a, entry);
            if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE) continue;
            int arguments = a.nextSibling(name);
            if (!collect(q, name, arguments >= 0 && a.kind(arguments) == TYPE_ARGUMENTS ? arguments : -1, Map.of(), members, 0)) continue;
            members.keySet().removeAll(present);
            if (members.isEmpty()) continue;
            char[] src = a.source();
            String nl = Refactors.lineBreak(src, a.sourceLength());
            String indent = Refactors.lineIndent(src, a.start(cls)) + Refactors.indentUnit(src, a.sourceLength());
            StringBuilder text = new StringBuilder();
            for (String member : members.values()) text.append(nl).append(indent).append(member.replace("\n", nl + indent));
            int open = a.start(body) + 1; // after the class body's {
            int next = open;
            while (next < a.end(body) && (src[next] == ' ' || src[next] == '\t')) next++;
            if (src[next] != '\n' && src[next] != '\r') text.append(nl).append(Refactors.lineIndent(src, a.start(cls))); // `{}` or `{ x = 1; }` on one line
            String interfaceName = a.text(a.start(name), a.end(name));
            CodeAction action = Refactors.action(q, "Implement interface '" + interfaceName + "'", CodeActionKind.QuickFix,
                    List.of(new TextEdit(q.range(open, open), text.toString())));
            out.add(action);
            present.addAll(members.keySet()); // a second interface's member of the same name is written once
        }
    }

    /**
     * Into {@code out} (member name → its text in the class), the members of the interface that
     * {@code reference} names, with {@code arguments} for its type parameters and the names of
     * {@code outer} substituted in those; false when any of them is not known here.
     */
    private static boolean collect(DocumentQuery q, int reference, int arguments, Map<String, String> outer, Map<String, String> out, int depth) {
        Arena a = q.arena();
        if (depth > MAX_DEPTH) return false;
        int symbol = q.symbolOfNode(reference);
        if (symbol < 0 || !q.isDeclared(symbol) || ConvertExport.declarationCount(q, symbol) != 1) return false;
        int iface = q.parentOf(q.scopes().declarationNode(symbol));
        if (iface < 0 || a.kind(iface) != INTERFACE_DECLARATION) return false;
        // its type parameters, each given the argument written (with the outer names substituted) or its default
        Map<String, String> substitution = new HashMap<>();
        int parameters = -1;
        for (int c = a.firstChild(iface); c >= 0; c = a.nextSibling(c)) if (a.kind(c) == TYPE_PARAMETERS) parameters = c;
        int argument = arguments < 0 ? -1 : a.firstChild(arguments);
        for (int p = parameters < 0 ? -1 : a.firstChild(parameters); p >= 0; p = a.nextSibling(p)) {
            int pName = a.firstChild(p);
            if (pName < 0) return false;
            String written;
            if (argument >= 0) {
                written = substituted(a, argument, outer);
                argument = a.nextSibling(argument);
            } else {
                if ((a.data(p) & TP_DEFAULT) == 0) return false; // a parameter without an argument or a default
                int last = pName;
                for (int c = a.nextSibling(pName); c >= 0; c = a.nextSibling(c)) last = c;
                written = substituted(a, last, Map.of());
            }
            if (written == null) return false;
            substitution.put(a.text(a.start(pName), a.end(pName)), written);
        }
        int heritage = Layouts.interfaceHeritage(a, iface);
        for (int e = heritage < 0 ? -1 : a.firstChild(heritage); e >= 0; e = a.nextSibling(e)) {
            int base = Layouts.heritageExpression(a, e);
            if (base < 0 || a.kind(base) != IDENTIFIER_REFERENCE) return false;
            int baseArguments = a.nextSibling(base);
            if (!collect(q, base, baseArguments >= 0 && a.kind(baseArguments) == TYPE_ARGUMENTS ? baseArguments : -1, substitution, out, depth + 1)) return false;
        }
        Set<String> own = new HashSet<>();
        int members = Layouts.interfaceBody(a, iface);
        if (members < 0) return false; // broken code: `interface I` without its body
        for (int m = a.firstChild(members); m >= 0; m = a.nextSibling(m)) {
            int k = a.kind(m);
            if (k == CALL_SIGNATURE || k == CONSTRUCT_SIGNATURE) continue; // a class's instances cannot have them
            if (k == INDEX_SIGNATURE) {
                String text = substituted(a, m, substitution);
                if (text == null) return false;
                out.put("[index]", text.endsWith(";") || text.endsWith(",") ? text.substring(0, text.length() - 1) + ";" : text + ";");
                continue;
            }
            if (k != PROPERTY_SIGNATURE && k != METHOD_SIGNATURE || (a.data(m) & P_COMPUTED) != 0) return false;
            int key = Layouts.memberKey(a, m);
            if (key < 0 || a.kind(key) != IDENTIFIER_NAME) return false;
            String name = a.text(a.start(key), a.end(key));
            boolean accessor = k == METHOD_SIGNATURE && (a.data(m) & (P_GET | P_SET)) != 0;
            String slot = accessor ? name + ((a.data(m) & P_GET) != 0 ? " get" : " set") : name;
            if (!own.add(slot) || !accessor && own.contains(name + " get") || accessor && own.contains(name)) return false; // overloads
            String text = member(a, m, k, key, substitution);
            if (text == null) return false;
            out.remove(slot); // an interface's own declaration takes the place of its base's
            out.put(slot, text);
        }
        return true;
    }

    /** A member of the class for an interface member: a property declared, a method or accessor with a body that throws. */
    private static String member(Arena a, int m, int k, int key, Map<String, String> substitution) {
        char[] src = a.source();
        for (int c = a.firstChild(m); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != TYPE_PARAMETERS) continue;
            // m<T>(x: T) inside I<T>: its own T is not I's
            for (int p = a.firstChild(c); p >= 0; p = a.nextSibling(p)) {
                int pName = a.firstChild(p);
                if (pName >= 0 && substitution.containsKey(a.text(a.start(pName), a.end(pName)))) return null;
            }
        }
        // the signature as written, from its key (modifiers other than readonly dropped) to its end, without the separator
        int end = a.end(m);
        while (end > a.start(key) && (src[end - 1] == ';' || src[end - 1] == ',' || Character.isWhitespace(src[end - 1]))) end--;
        int start = a.start(m);
        String head = substitutedRange(a, m, start, end, substitution);
        if (head == null) return null;
        if (k == PROPERTY_SIGNATURE) {
            boolean typed = false;
            for (int c = a.nextSibling(key); c >= 0; c = a.nextSibling(c)) typed = true;
            return head + (typed ? "" : ": any") + ";";
        }
        return head + " {\n    throw new Error(\"Method not implemented.\");\n}";
    }

    /** The node's text with each type reference to a name of {@code substitution} replaced by its text; null where unsure. */
    private static String substituted(Arena a, int node, Map<String, String> substitution) {
        return substitutedRange(a, node, a.start(node), a.end(node), substitution);
    }

    private static String substitutedRange(Arena a, int node, int start, int end, Map<String, String> substitution) {
        char[] src = a.source();
        List<int[]> spans = new ArrayList<>(); // type references to replace: start, end
        List<String> texts = new ArrayList<>();
        if (!substitution.isEmpty()) {
            Refactors.anyNode(a, node, n -> {
                if (a.kind(n) != TYPE_REFERENCE) return false;
                int name = a.firstChild(n);
                String replacement = name >= 0 && a.kind(name) == IDENTIFIER_REFERENCE ? substitution.get(a.text(a.start(name), a.end(name))) : null;
                if (replacement != null && a.start(n) >= start && a.end(n) <= end) {
                    spans.add(new int[] {a.start(n), a.end(n), texts.size()});
                    texts.add(replacement);
                }
                return false;
            }, kind -> false);
        }
        spans.sort((x, y) -> Integer.compare(x[0], y[0]));
        StringBuilder out = new StringBuilder();
        int at = start;
        for (int[] span : spans) {
            if (span[0] < at) return null; // nested references: a parameter's argument holds another (T<U>): not here
            out.append(src, at, span[0] - at).append(texts.get(span[2]));
            at = span[1];
        }
        out.append(src, at, end - at);
        return out.toString();
    }

    /** The names a class declares, with those of its base classes; null when a base is not a class of this file. */
    private static Set<String> classMembers(DocumentQuery q, int cls, int depth) {
        Arena a = q.arena();
        if (depth > MAX_DEPTH) return null;
        Set<String> names = new HashSet<>();
        int heritage = Layouts.classHeritage(a, cls);
        if (heritage >= 0) {
            int base = a.firstChild(heritage);
            if (base < 0 || a.kind(base) != IDENTIFIER_REFERENCE) return null;
            int symbol = q.symbolOfNode(base);
            if (symbol < 0 || !q.isDeclared(symbol) || ConvertExport.declarationCount(q, symbol) != 1) return null;
            int baseClass = q.parentOf(q.scopes().declarationNode(symbol));
            if (baseClass < 0 || a.kind(baseClass) != CLASS_DECLARATION) return null;
            Set<String> inherited = classMembers(q, baseClass, depth + 1);
            if (inherited == null) return null;
            names.addAll(inherited);
        }
        int body = Layouts.classBody(a, cls);
        if (body < 0) return null; // broken code: a class without its body
        for (int m = a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            int k = a.kind(m);
            if (k == INDEX_SIGNATURE) { names.add("[index]"); continue; }
            if (k != FIELD && k != METHOD) continue;
            int key = Layouts.memberKey(a, m);
            if (key < 0) continue;
            String name = a.kind(key) == STRING_LITERAL && a.end(key) - a.start(key) >= 2 ? a.text(a.start(key) + 1, a.end(key) - 1) : a.text(a.start(key), a.end(key));
            names.add(name);
            names.add(name + " get");
            names.add(name + " set");
            if (k == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0) {
                // constructor(public x: number): parameter properties are members too
                int fn = Layouts.methodFunction(a, m);
                int params = fn < 0 ? -1 : Layouts.functionParameters(a, fn);
                for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
                    if ((a.data(p) & MOD_PARAMETER_PROPERTY) == 0) continue;
                    int target = a.firstChild(p);
                    while (target >= 0 && a.kind(target) == DECORATOR) target = a.nextSibling(target);
                    if (target >= 0 && a.kind(target) == BINDING_IDENTIFIER) {
                        String pn = a.text(a.start(target), a.end(target));
                        names.add(pn);
                        names.add(pn + " get");
                        names.add(pn + " set");
                    }
                }
            }
        }
        return names;
    }


}
