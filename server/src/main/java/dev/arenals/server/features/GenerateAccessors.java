package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.server.query.DocumentQuery;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code refactor.rewrite.property.generateAccessors}: a class field {@code x} becomes a private
 * field {@code _x} with a getter and a setter {@code x} after it (only a getter for a
 * {@code readonly} field), as TypeScript's "Generate 'get' and 'set' accessors" writes them: the
 * accessors keep the field's visibility ({@code public} when it had none) and type, the field is
 * made {@code private} (kept where it was {@code private} or {@code protected}). A field named
 * {@code _x} keeps its name and gets accessors {@code x}; {@code #x} too. Every use of {@code x}
 * goes through the accessors and reads and writes the same value.
 *
 * <p>Offered on the field's name, for a field with a plain name and nothing that accessors cannot
 * stand for: not for {@code declare}, {@code abstract}, {@code accessor}, optional or decorated
 * fields, computed or quoted names, or where the new field or accessor name is a member already.
 */
final class GenerateAccessors {
    private GenerateAccessors() {}

    static CodeAction action(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        char[] src = a.source();
        int field = fieldAt(q, from, to);
        if (field < 0 || a.isDeclarationFile()) return null;
        int flags = a.data(field);
        if ((flags & (MOD_DECLARE | MOD_ABSTRACT | C_ACCESSOR | P_OPTIONAL | P_COMPUTED)) != 0) return null;
        int key = a.firstChild(field);
        if (key < 0 || a.kind(key) == DECORATOR) return null;
        boolean privateName = a.kind(key) == PRIVATE_IDENTIFIER;
        if (a.kind(key) != IDENTIFIER_NAME && !privateName) return null;
        String name = a.text(a.start(key), a.end(key));
        String accessor, fieldName;
        if (privateName) {
            accessor = name.substring(1);
            fieldName = name;
        } else if (name.startsWith("_") && name.length() > 1) {
            accessor = name.substring(1);
            fieldName = name;
        } else {
            accessor = name;
            fieldName = "_" + name;
        }
        if (!dev.arenals.server.query.Names.isIdentifierName(accessor)) return null;
        int body = q.parentOf(field);
        if (body < 0 || a.kind(body) != CLASS_BODY) return null;
        boolean isStatic = (flags & C_STATIC) != 0;
        for (int m = a.firstChild(body); m >= 0; m = a.nextSibling(m)) {
            if (m == field) continue;
            String other = memberName(a, m);
            if (other != null && (other.equals(accessor) || other.equals(fieldName))) return null; // taken (either side of static: keep it simple)
        }

        boolean typeScript = a.isTypeScript();
        int type = -1;
        for (int c = a.nextSibling(key); c >= 0; c = a.nextSibling(c)) {
            if (isType(a.kind(c))) type = c;
        }
        String typeText = typeScript && type >= 0 ? ": " + a.text(a.start(type), a.end(type)) : "";
        boolean readonly = (flags & MOD_READONLY) != 0;
        String visibility = (flags & MOD_PRIVATE) != 0 ? "private " : (flags & MOD_PROTECTED) != 0 ? "protected " : typeScript ? "public " : "";
        String modifiers = visibility + (isStatic ? "static " : "");
        String self = "this." + fieldName;

        String indent = Refactors.lineIndent(src, a.start(field));
        String unit = Refactors.indentUnit(src, a.sourceLength());
        String nl = Refactors.lineBreak(src, a.sourceLength());
        StringBuilder accessors = new StringBuilder();
        accessors.append(nl).append(indent).append(modifiers).append("get ").append(accessor).append("()").append(typeText).append(" {")
                .append(nl).append(indent).append(unit).append("return ").append(self).append(';')
                .append(nl).append(indent).append('}');
        if (!readonly) {
            accessors.append(nl).append(indent).append(modifiers).append("set ").append(accessor).append("(value").append(typeText).append(") {")
                    .append(nl).append(indent).append(unit).append(self).append(" = value;")
                    .append(nl).append(indent).append('}');
        }

        List<TextEdit> edits = new ArrayList<>(3);
        // the field: private (public made private; private, protected and #names kept), then its new name
        String before = "";
        if (typeScript && !privateName && (flags & (MOD_PRIVATE | MOD_PROTECTED)) == 0) {
            int publicAt = wordBefore(src, a.start(field), a.start(key), "public");
            if (publicAt >= 0) edits.add(new TextEdit(q.range(publicAt, publicAt + 6), "private"));
            else if (a.start(field) == a.start(key)) before = "private "; // one edit with the name's
            else edits.add(new TextEdit(q.range(a.start(field), a.start(field)), "private "));
        }
        if (!fieldName.equals(name) || !before.isEmpty()) edits.add(new TextEdit(q.range(a.start(key), a.end(key)), before + fieldName));
        int end = a.end(field);
        if (end < a.sourceLength() && src[end - 1] != ';' && src[end] == ';') end++;
        edits.add(new TextEdit(q.range(end, end), accessors.toString()));
        return Refactors.action(q, readonly ? "Generate 'get' accessor" : "Generate 'get' and 'set' accessors", Refactors.GENERATE_ACCESSORS, edits);
    }

    /** The field whose name holds the selection, or -1. */
    private static int fieldAt(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        int node = a.root();
        while (true) {
            int next = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) <= from && a.end(c) >= to && a.end(c) > a.start(c)) next = c;
            }
            if (next < 0) return -1;
            if (a.kind(next) == FIELD) {
                int key = a.firstChild(next);
                while (key >= 0 && a.kind(key) == DECORATOR) key = a.nextSibling(key);
                return key >= 0 && a.start(key) <= from && to <= a.end(key) ? next : -1;
            }
            node = next;
        }
    }

    /** A class member's plain name (a key, a #name), or null. */
    private static String memberName(Arena a, int member) {
        int k = a.kind(member);
        if (k != FIELD && k != METHOD) return null;
        int key = a.firstChild(member);
        while (key >= 0 && a.kind(key) == DECORATOR) key = a.nextSibling(key);
        if (key < 0 || (a.kind(key) != IDENTIFIER_NAME && a.kind(key) != PRIVATE_IDENTIFIER)) return null;
        return a.text(a.start(key), a.end(key));
    }

    /** The offset of {@code word} as a whole word in [from, to), or -1. */
    private static int wordBefore(char[] src, int from, int to, String word) {
        for (int i = from; i + word.length() <= to; i++) {
            if (new String(src, i, word.length()).equals(word)
                    && (i == from || !Character.isJavaIdentifierPart(src[i - 1]))
                    && (i + word.length() >= to || !Character.isJavaIdentifierPart(src[i + word.length()]))) return i;
        }
        return -1;
    }
}
