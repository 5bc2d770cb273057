package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.LiteralValues;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import java.util.HashSet;
import java.util.Set;

/**
 * What the discriminant tests around a read of {@code x} say about {@code x.key}: inside
 * {@code case "A":} of {@code switch (x._tag)}, the branch of {@code if (x.type === "set")}, the
 * arm of {@code x._tag === "A" ? … : …}, the right of {@code x.kind !== "k" && …}. TypeScript
 * narrows a union by them to the constituents whose {@code key} can be such a literal.
 *
 * <p>Only the tests that enclose the read count, and only for a {@code const} or a never-assigned
 * parameter or variable (an assignment would re-narrow it). Everything else (early returns, type
 * guards, {@code in}) is left out: a narrowing read this way keeps a superset of TypeScript's
 * constituents, so a member one declaration settles among them is settled among TypeScript's too.
 */
final class Narrowing {
    /** The discriminant's name. */
    final int key;
    /** The literals {@code x.key} is known to be one of, or null for any. */
    final Set<String> only;
    /** The literals it is known not to be. */
    final Set<String> not;

    private Narrowing(int key, Set<String> only, Set<String> not) {
        this.key = key;
        this.only = only;
        this.not = not;
    }

    /**
     * What an object literal says of itself to a union it is given as: its first property whose
     * value is a string literal ({@code { _tag: "Event", … }}) picks the constituents whose
     * property can be that literal, as TypeScript discriminates a contextual type; null for none.
     */
    static Narrowing ofLiteral(Arena a, int object) {
        for (int p = a.firstChild(object); p >= 0; p = a.nextSibling(p)) {
            if (a.kind(p) != PROPERTY || (a.data(p) & P_COMPUTED) != 0) continue;
            int key = Layouts.propertyKey(a, p);
            String literal = stringLiteral(a, Layouts.propertyValue(a, p));
            if (key >= 0 && a.kind(key) == IDENTIFIER_NAME && literal != null) return new Narrowing(a.data(key), Set.of(literal), Set.of());
        }
        return null;
    }

    /**
     * Whether something this class does not read may narrow {@code x} at the read
     * {@code reference}: an enclosing test that hands x to a call (a type guard, {@code isA(x)}),
     * tests {@code "k" in x} or {@code typeof x}, or an earlier {@code if} of the same blocks that
     * tests x at all (an early exit narrows what follows). A union's member that several
     * constituents declare is then not answered: TypeScript may have left one of them.
     */
    static boolean mayBeNarrowedUnseen(DocumentQuery q, int reference) {
        Arena a = q.arena();
        int symbol = reference >= 0 && a.kind(reference) == IDENTIFIER_REFERENCE ? q.symbolOfNode(reference) : -1;
        if (symbol < 0) return false;
        int child = reference;
        for (int p = q.parentOf(reference), steps = 0; p >= 0 && steps < MAX_STEPS; child = p, p = q.parentOf(p), steps++) {
            switch (a.kind(p)) {
                case FUNCTION_DECLARATION: case FUNCTION_EXPRESSION: case ARROW_FUNCTION: case CLASS_BODY: case PROGRAM:
                    return false;
                case IF:
                    if (child != Layouts.ifTest(a, p) && guardsUnseen(q, Layouts.ifTest(a, p), symbol)) return true;
                    break;
                case CONDITIONAL:
                    if (child != a.firstChild(p) && guardsUnseen(q, a.firstChild(p), symbol)) return true;
                    break;
                case BINARY:
                    if ((a.data(p) == Token.AMP2 || a.data(p) == Token.BAR2) && child != a.firstChild(p) && guardsUnseen(q, a.firstChild(p), symbol)) return true;
                    break;
                case BLOCK: case FUNCTION_BODY: case SWITCH_CASE: case MODULE_BLOCK: case STATIC_BLOCK:
                    for (int st = a.firstChild(p); st >= 0 && st != child; st = a.nextSibling(st)) {
                        if (a.kind(st) == IF && mentions(q, Layouts.ifTest(a, st), symbol, false)) return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** Whether a test hands {@code symbol} to a call, to {@code in} or to {@code typeof}. */
    private static boolean guardsUnseen(DocumentQuery q, int test, int symbol) {
        return mentions(q, test, symbol, true);
    }

    /** Whether {@code symbol} is read in the subtree of {@code node} (only as a guard's operand: {@code guarded}). */
    private static boolean mentions(DocumentQuery q, int node, int symbol, boolean guarded) {
        Arena a = q.arena();
        if (node < 0) return false;
        for (int n = TreePaths.firstInSubtree(a, node); n <= node; n++) {
            if (a.kind(n) != IDENTIFIER_REFERENCE || q.symbolOfNode(n) != symbol) continue;
            if (!guarded) return true;
            int parent = q.parentOf(n);
            int pk = parent < 0 ? -1 : a.kind(parent);
            if (pk == CALL && Layouts.callCallee(a, parent) != n) return true;
            if (pk == BINARY && a.data(parent) == Token.K_IN && a.firstChild(parent) != n) return true;
            if (pk == UNARY && a.data(parent) == Token.K_TYPEOF) return true;
        }
        return false;
    }

    /** Tests walked out through: bounds the walk in deeply nested code. */
    private static final int MAX_STEPS = 256;

    /** The narrowing of {@code x.key} at the read {@code reference} (an IDENTIFIER_REFERENCE) by the tests enclosing it, or null for none. */
    static Narrowing at(DocumentQuery q, int reference) {
        Arena a = q.arena();
        if (reference < 0 || a.kind(reference) != IDENTIFIER_REFERENCE || !neverReassigned(q, q.symbolOfNode(reference))) return null;
        int symbol = q.symbolOfNode(reference);
        Narrowing found = null;
        int child = reference;
        for (int p = q.parentOf(reference), steps = 0; p >= 0 && steps < MAX_STEPS; child = p, p = q.parentOf(p), steps++) {
            switch (a.kind(p)) {
                case FUNCTION_DECLARATION: case FUNCTION_EXPRESSION: case ARROW_FUNCTION: case CLASS_BODY: case PROGRAM:
                    return found; // a closure may run after the test: its narrowing is not read here
                case IF:
                    if (child == Layouts.ifConsequent(a, p)) found = and(found, test(q, Layouts.ifTest(a, p), true, symbol));
                    else if (child == Layouts.ifAlternate(a, p)) found = and(found, test(q, Layouts.ifTest(a, p), false, symbol));
                    break;
                case CONDITIONAL: {
                    int condition = a.firstChild(p);
                    int consequent = condition < 0 ? -1 : a.nextSibling(condition);
                    if (child == consequent) found = and(found, test(q, condition, true, symbol));
                    else if (consequent >= 0 && child == a.nextSibling(consequent)) found = and(found, test(q, condition, false, symbol));
                    break;
                }
                case BINARY: {
                    int left = a.firstChild(p);
                    if (child != a.nextSibling(left)) break;
                    if (a.data(p) == Token.AMP2) found = and(found, test(q, left, true, symbol));
                    else if (a.data(p) == Token.BAR2) found = and(found, test(q, left, false, symbol));
                    break;
                }
                case SWITCH_CASE:
                    if ((a.data(p) & 1) == 0 && child == a.firstChild(p)) break; // the case's own test
                    found = and(found, switchCase(q, p, symbol));
                    break;
                default:
                    break;
            }
        }
        return found;
    }

    /**
     * The class {@code C} of a test {@code x instanceof C} that encloses the read {@code reference}
     * of {@code x} and holds there: the consequent of {@code if}, the first arm of {@code ?:}, the
     * right of {@code &&} (also inside a chain of {@code &&}); the class's IDENTIFIER_REFERENCE in
     * the test, or -1. TypeScript narrows x to C there. As {@link #at}: a const or a never-assigned
     * variable or parameter only, and no test outside the closure the read is in.
     */
    static int instanceOfClass(DocumentQuery q, int reference) {
        Arena a = q.arena();
        if (reference < 0 || a.kind(reference) != IDENTIFIER_REFERENCE || !neverReassigned(q, q.symbolOfNode(reference))) return -1;
        int symbol = q.symbolOfNode(reference);
        int child = reference;
        for (int p = q.parentOf(reference), steps = 0; p >= 0 && steps < MAX_STEPS; child = p, p = q.parentOf(p), steps++) {
            int found = -1;
            switch (a.kind(p)) {
                case FUNCTION_DECLARATION: case FUNCTION_EXPRESSION: case ARROW_FUNCTION: case CLASS_BODY: case PROGRAM:
                    return -1;
                case IF:
                    if (child == Layouts.ifConsequent(a, p)) found = instanceOfTest(q, Layouts.ifTest(a, p), symbol);
                    break;
                case CONDITIONAL: {
                    int condition = a.firstChild(p);
                    if (condition >= 0 && child == a.nextSibling(condition)) found = instanceOfTest(q, condition, symbol);
                    break;
                }
                case BINARY: {
                    int left = a.firstChild(p);
                    if (a.data(p) == Token.AMP2 && child == a.nextSibling(left)) found = instanceOfTest(q, left, symbol);
                    break;
                }
                default:
                    break;
            }
            if (found >= 0) return found;
        }
        return -1;
    }

    /** C of {@code x instanceof C} (x the symbol), also as one operand of a chain of {@code &&}; -1. */
    private static int instanceOfTest(DocumentQuery q, int condition, int symbol) {
        Arena a = q.arena();
        while (condition >= 0 && a.kind(condition) == PARENTHESIZED) condition = Layouts.operand(a, condition);
        if (condition < 0 || a.kind(condition) != BINARY) return -1;
        int left = a.firstChild(condition);
        int right = left < 0 ? -1 : a.nextSibling(left);
        if (right < 0) return -1;
        if (a.data(condition) == Token.AMP2) {
            int found = instanceOfTest(q, right, symbol);
            return found >= 0 ? found : instanceOfTest(q, left, symbol);
        }
        if (a.data(condition) != Token.K_INSTANCEOF) return -1;
        while (left >= 0 && a.kind(left) == PARENTHESIZED) left = Layouts.operand(a, left);
        if (left < 0 || a.kind(left) != IDENTIFIER_REFERENCE || q.symbolOfNode(left) != symbol) return -1;
        return a.kind(right) == IDENTIFIER_REFERENCE ? right : -1;
    }

    /** Whether a variable or parameter keeps the value it was declared with: a const, or no write but its declaration. */
    private static boolean neverReassigned(DocumentQuery q, int symbol) {
        if (symbol < 0 || !q.isDeclared(symbol)) return false;
        int kind = q.scopes().kind(symbol);
        if (kind == SymbolKind.CONST) return true;
        if (kind != SymbolKind.PARAMETER && kind != SymbolKind.LET && kind != SymbolKind.VAR) return false;
        int group = q.index().groupOf(symbol);
        if (group < 0) return false;
        for (int i = 0, n = q.index().occurrenceCount(group); i < n; i++) {
            int flags = q.index().occurrenceFlags(group, i);
            if ((flags & SymbolIndex.WRITE) != 0 && (flags & SymbolIndex.DECLARATION) == 0) return false;
        }
        return true;
    }

    /**
     * {@code case "A": case "B": …} of {@code switch (x.key)}: x.key is one of the literals of this
     * case and of those that fall into it (every case before it whose statements do not end in a
     * jump); none with a default among them.
     */
    private static Narrowing switchCase(DocumentQuery q, int clause, int symbol) {
        Arena a = q.arena();
        int statement = q.parentOf(clause);
        int key = statement < 0 || a.kind(statement) != SWITCH ? -1 : discriminant(q, Layouts.switchDiscriminant(a, statement), symbol);
        if (key < 0) return null;
        if ((a.data(clause) & 1) != 0) return defaultClause(a, statement, clause, key);
        Set<String> literals = new HashSet<>();
        boolean anyValue = false; // a default, or a test that is not a string literal, falls in
        for (int c = Layouts.switchFirstCase(a, statement); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != SWITCH_CASE) continue;
            String literal = (a.data(c) & 1) != 0 ? null : stringLiteral(a, a.firstChild(c));
            if (literal == null) anyValue = true;
            else literals.add(literal);
            if (c == clause) return anyValue ? null : new Narrowing(key, literals, Set.of());
            if (endsInJump(a, c)) { // the cases so far do not fall into the next
                literals = new HashSet<>();
                anyValue = false;
            }
        }
        return null;
    }

    /**
     * {@code default:} of {@code switch (x.key)}: x.key is none of the other cases' literals (every
     * case is tested before the default, wherever it stands), but for the cases that fall into it;
     * nothing when a case's test is not a string literal.
     */
    private static Narrowing defaultClause(Arena a, int statement, int clause, int key) {
        Set<String> not = new HashSet<>();
        Set<String> fallingIn = new HashSet<>();
        for (int c = Layouts.switchFirstCase(a, statement); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != SWITCH_CASE) continue;
            if (c == clause) {
                not.removeAll(fallingIn);
                fallingIn.clear();
                continue;
            }
            String literal = (a.data(c) & 1) != 0 ? null : stringLiteral(a, a.firstChild(c));
            if (literal == null) return null;
            not.add(literal);
            fallingIn.add(literal);
            if (endsInJump(a, c)) fallingIn.clear();
        }
        return new Narrowing(key, null, not);
    }

    /** Whether a case's last statement is a break, continue, return or throw. */
    private static boolean endsInJump(Arena a, int clause) {
        int last = -1;
        int first = a.firstChild(clause);
        for (int s = (a.data(clause) & 1) != 0 ? first : first < 0 ? -1 : a.nextSibling(first); s >= 0; s = a.nextSibling(s)) last = s;
        if (last >= 0 && a.kind(last) == BLOCK) {
            int inner = -1;
            for (int s = a.firstChild(last); s >= 0; s = a.nextSibling(s)) inner = s;
            last = inner;
        }
        if (last < 0) return false;
        int k = a.kind(last);
        return k == BREAK || k == CONTINUE || k == RETURN || k == THROW;
    }

    /** What {@code condition} being {@code truthy} (or falsy) says about {@code x.key}, or null for nothing. */
    private static Narrowing test(DocumentQuery q, int condition, boolean truthy, int symbol) {
        Arena a = q.arena();
        while (condition >= 0 && a.kind(condition) == PARENTHESIZED) condition = Layouts.operand(a, condition);
        if (condition < 0) return null;
        int k = a.kind(condition);
        if (k == UNARY && a.data(condition) == Token.BANG) return test(q, Layouts.operand(a, condition), !truthy, symbol);
        if (k != BINARY) return null;
        int op = a.data(condition);
        int left = a.firstChild(condition);
        int right = left < 0 ? -1 : a.nextSibling(left);
        if (right < 0) return null;
        if (op == Token.AMP2 || op == Token.BAR2) {
            Narrowing l = test(q, left, truthy, symbol), r = test(q, right, truthy, symbol);
            // a && b true, or a || b false: both hold; a || b true, or a && b false: one of them does
            return (op == Token.AMP2) == truthy ? and(l, r) : or(l, r);
        }
        if (op != Token.EQ3 && op != Token.EQ2 && op != Token.NE2 && op != Token.NE) return null;
        boolean equal = (op == Token.EQ3 || op == Token.EQ2) == truthy;
        int key = discriminant(q, left, symbol);
        String literal = stringLiteral(a, right);
        if (key < 0 || literal == null) {
            key = discriminant(q, right, symbol);
            literal = stringLiteral(a, left);
        }
        if (key < 0 || literal == null) return null;
        return equal ? new Narrowing(key, Set.of(literal), Set.of()) : new Narrowing(key, null, Set.of(literal));
    }

    /** The key of {@code x.key} (x the symbol asked about), or -1. */
    private static int discriminant(DocumentQuery q, int expr, int symbol) {
        Arena a = q.arena();
        while (expr >= 0 && a.kind(expr) == PARENTHESIZED) expr = Layouts.operand(a, expr);
        if (expr < 0 || a.kind(expr) != MEMBER || (a.data(expr) & M_COMPUTED) != 0) return -1;
        int object = Layouts.memberObject(a, expr), property = Layouts.memberProperty(a, expr);
        if (object < 0 || a.kind(object) != IDENTIFIER_REFERENCE || q.symbolOfNode(object) != symbol) return -1;
        return property >= 0 && a.kind(property) == IDENTIFIER_NAME ? a.data(property) : -1;
    }

    /** The value of a string literal (in parentheses too), or null. */
    static String stringLiteral(Arena a, int expr) {
        while (expr >= 0 && a.kind(expr) == PARENTHESIZED) expr = Layouts.operand(a, expr);
        return expr >= 0 && a.kind(expr) == STRING_LITERAL ? LiteralValues.stringValue(a, expr) : null;
    }

    /** Both hold: for one key, the literals both allow; tests of two keys keep the first (less narrowing is still true). */
    private static Narrowing and(Narrowing one, Narrowing other) {
        if (one == null) return other;
        if (other == null || other.key != one.key) return one;
        Set<String> only;
        if (one.only == null) only = other.only;
        else if (other.only == null) only = one.only;
        else {
            only = new HashSet<>(one.only);
            only.retainAll(other.only);
        }
        Set<String> not = new HashSet<>(one.not);
        not.addAll(other.not);
        return new Narrowing(one.key, only, not);
    }

    /** One of them holds: for one key, the literals either allows; anything else says nothing. */
    private static Narrowing or(Narrowing one, Narrowing other) {
        if (one == null || other == null || one.key != other.key) return null;
        if (one.only == null || other.only == null || !one.not.isEmpty() || !other.not.isEmpty()) return null;
        Set<String> only = new HashSet<>(one.only);
        only.addAll(other.only);
        return new Narrowing(one.key, only, Set.of());
    }

    /** Whether a constituent whose {@code key} is one of {@code literals} (null: not known) survives this narrowing. */
    boolean admits(Set<String> literals) {
        if (literals == null) return true;
        if (literals.isEmpty()) return only == null; // a number or boolean: never one of the literals, never excluded by them
        boolean any = false;
        for (String l : literals) {
            if (not.contains(l)) continue;
            if (only == null || only.contains(l)) any = true;
        }
        return any;
    }
}
