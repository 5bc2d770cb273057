package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import java.util.List;

/**
 * Which standard-library interface ({@link LibMembers}) an expression is an instance of, from what
 * is written and declared: a literal ({@code "a"} is a String, {@code [1]} an Array), a global
 * ({@code console} is a Console, {@code Math} a Math), an annotation naming a library type
 * ({@code s: string}, {@code xs: T[]}, {@code m: Map<K, V>}, {@code el: HTMLElement}), a variable
 * bound to one of those, and the declared types of the library's own members and methods along a
 * chain ({@code document.body.}, {@code s.trim().split(",").}). Null when unknown: a type
 * parameter, a union of two types, anything declared by the project (left to the other queries).
 */
public final class LibTypes {
    private LibTypes() {}

    private static final int MAX_DEPTH = 12;

    /** The library interface {@code expr} is an instance of, or null. */
    public static String of(DocumentQuery q, int expr) { return of(q, expr, 0); }

    private static String of(DocumentQuery q, int expr, int depth) {
        if (expr < 0 || depth > MAX_DEPTH) return null;
        Arena a = q.arena();
        LibMembers lib = LibMembers.get();
        switch (a.kind(expr)) {
            case STRING_LITERAL: case TEMPLATE: return "String";
            case NUMBER_LITERAL: return "Number";
            case BIGINT_LITERAL: return "BigInt";
            case REGEX_LITERAL: return "RegExp";
            case ARRAY: return "Array";
            case BOOLEAN: return "Boolean";
            case ARROW_FUNCTION: case FUNCTION_EXPRESSION: return "Function";
            case PARENTHESIZED: case NON_NULL: case SATISFIES_EXPRESSION: case CHAIN:
                return of(q, Layouts.operand(a, expr), depth + 1);
            case AS_EXPRESSION:
                return ofTypeNode(q, a.nextSibling(Layouts.operand(a, expr)));
            case NEW: {
                int callee = DeclaredTypes.withoutTypeArguments(a, Layouts.callCallee(a, expr));
                if (callee < 0 || a.kind(callee) != IDENTIFIER_REFERENCE || isDeclared(q, callee)) return null;
                String name = a.names().name(a.data(callee));
                return lib.hasType(name) ? name : null;
            }
            case IDENTIFIER_REFERENCE: {
                int symbol = q.symbolOfNode(expr);
                if (symbol < 0 || !q.isDeclared(symbol)) return ofTypeText(lib.globalType(a.names().name(a.data(expr))), null);
                int type = DeclaredTypes.declaredType(q, expr, depth + 1);
                if (type >= 0) return ofTypeNode(q, type);
                int kind = q.scopes().kind(symbol);
                if (kind != SymbolKind.CONST && kind != SymbolKind.LET && kind != SymbolKind.VAR) return null;
                int declaring = q.scopes().declaringNode(symbol);
                if (declaring < 0 || a.kind(declaring) != VARIABLE_DECLARATOR || Layouts.declaratorTarget(a, declaring) != q.scopes().declarationNode(symbol)
                        || Layouts.declaratorType(a, declaring) >= 0) return null;
                return of(q, Layouts.declaratorInit(a, declaring), depth + 1);
            }
            case MEMBER: {
                int declared = DeclaredTypes.declaredType(q, expr, depth + 1);
                if (declared >= 0) return ofTypeNode(q, declared);
                if ((a.data(expr) & M_COMPUTED) != 0) return null;
                int property = Layouts.memberProperty(a, expr);
                String owner = property < 0 || a.kind(property) != IDENTIFIER_NAME ? null : of(q, Layouts.memberObject(a, expr), depth + 1);
                if (owner == null) return null;
                for (LibMembers.Member m : lib.member(owner, a.names().name(a.data(property)))) {
                    return m.method() ? "Function" : ofTypeText(m.type(), owner);
                }
                return null;
            }
            case CALL: {
                int declared = DeclaredTypes.declaredType(q, expr, depth + 1);
                if (declared >= 0) return ofTypeNode(q, declared);
                int callee = Layouts.callCallee(a, expr);
                if (callee < 0 || a.kind(callee) != MEMBER || (a.data(callee) & M_COMPUTED) != 0) return null;
                int property = Layouts.memberProperty(a, callee);
                String owner = property < 0 || a.kind(property) != IDENTIFIER_NAME ? null : of(q, Layouts.memberObject(a, callee), depth + 1);
                if (owner == null) return null;
                List<LibMembers.Member> overloads = lib.member(owner, a.names().name(a.data(property)));
                String found = null;
                for (LibMembers.Member m : overloads) { // the overloads must agree
                    if (!m.method()) return null;
                    String t = ofTypeText(m.type(), owner);
                    if (t == null || (found != null && !found.equals(t))) return null;
                    found = t;
                }
                return found;
            }
            default:
                return null;
        }
    }

    private static boolean isDeclared(DocumentQuery q, int reference) {
        int symbol = q.symbolOfNode(reference);
        return symbol >= 0 && q.isDeclared(symbol);
    }

    /**
     * A type the project writes: a keyword type, an array, or a reference to a library type the
     * file does not declare or import itself.
     */
    static String ofTypeNode(DocumentQuery q, int type) {
        Arena a = q.arena();
        if (type < 0) return null;
        type = DeclaredTypes.withoutNullish(a, type);
        if (type < 0) return null;
        if (a.kind(type) == TYPE_REFERENCE) {
            int name = Layouts.typeReferenceName(a, type);
            if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE || isDeclared(q, name)) return null;
        }
        if (a.kind(type) == TYPE_QUERY || a.kind(type) == TYPE_LITERAL || a.kind(type) == FUNCTION_TYPE) return null;
        return ofTypeText(Callables.oneLine(a, a.start(type), a.end(type)), null);
    }

    /** The library interface a type as written names ({@code self} for {@code this}); null for anything else. */
    static String ofTypeText(String type, String self) {
        if (type == null) return null;
        String t = type.trim();
        if (t.startsWith("readonly ")) t = t.substring("readonly ".length()).trim();
        while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) t = t.substring(1, t.length() - 1).trim();
        if (TypeTexts.split(t, '|').size() > 1) return ofTypeText(TypeTexts.withoutNullish(t), self);
        List<String> and = TypeTexts.split(t, '&');
        if (and.size() > 1) return ofTypeText(and.get(0), self);
        if (t.equals("this")) return self;
        if (t.endsWith("[]")) return "Array";
        switch (t) {
            case "string": return "String";
            case "number": return "Number";
            case "boolean": case "true": case "false": return "Boolean";
            case "bigint": return "BigInt";
            case "symbol": return "Symbol";
            default: break;
        }
        if (t.isEmpty()) return null;
        char c = t.charAt(0);
        if (c == '"' || c == '\'' || c == '`') return "String";
        if (Character.isDigit(c) || (c == '-' && t.length() > 1 && Character.isDigit(t.charAt(1)))) return "Number";
        LibMembers lib = LibMembers.get();
        if (t.startsWith("typeof ")) return lib.hasType(t) ? t : null;
        int end = 0;
        while (end < t.length() && Character.isJavaIdentifierPart(t.charAt(end))) end++;
        if (end == 0 || (end < t.length() && t.charAt(end) != '<')) return null;
        String name = t.substring(0, end);
        return lib.hasType(name) ? name : null;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }
}
