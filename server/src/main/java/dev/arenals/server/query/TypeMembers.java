package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.lexer.LiteralValues;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;

/**
 * Which declaration of this file a member of a <em>composed</em> type comes from: a union
 * ({@code type Node = Static | Parametric | Wildcard}), an intersection, and the standard library's
 * homomorphic mapped types ({@code Omit<T, "k">}, {@code Pick}, {@code Partial}, {@code Required},
 * {@code Readonly}, {@code NonNullable}), which keep their source's declarations as TypeScript's
 * go-to-definition shows them.
 *
 * <p>A union's member is answered when every constituent that has it gets it from the same
 * declaration (a member of a shared base class, or of one constituent only): TypeScript accepts
 * {@code x.m} only where {@code x} is narrowed to constituents that have {@code m}, so any
 * narrowing leads to that one declaration. Where two constituents declare it apart the answer
 * depends on narrowing, and where any part is declared elsewhere, generic or computed, it is
 * unknown: nothing is answered ("exact or nothing").
 */
public final class TypeMembers {
    private TypeMembers() {}

    /** The type cannot settle the member: unknown parts, or two declarations that narrowing picks from. */
    private static final int UNKNOWN = -1;
    /** The type has no such member (a constituent without it, {@code null}, a key {@code Omit} drops). */
    private static final int ABSENT = -2;
    /** Aliases and bases followed: bounds cycles in broken code. */
    private static final int MAX_DEPTH = 16;

    /**
     * The class, interface or type literal of this file that declares member {@code nameId} of
     * the instances of {@code type} (an annotation as written), or -1 when that is not settled.
     */
    public static int declaringContainer(DocumentQuery q, int type, int nameId) { return declaringContainer(q, type, nameId, -1); }

    /**
     * As {@link #declaringContainer(DocumentQuery, int, int)}, for the member read on
     * {@code reference} ({@code x} of {@code x.m}, or -1): a union is first narrowed by the
     * discriminant tests around that read ({@link Narrowing}: {@code case "set":} of
     * {@code switch (x.type)}), so that {@code m} of the one constituent left is settled.
     */
    public static int declaringContainer(DocumentQuery q, int type, int nameId, int reference) {
        if (type < 0 || insideUnsettledInstanceof(q, reference)) return -1;
        Narrowing narrowing = reference < 0 ? null : Narrowing.at(q, reference);
        int found = narrowing == null ? find(q, type, nameId, 0) : findNarrowed(q, type, nameId, narrowing);
        return found >= 0 ? found : -1;
    }

    /**
     * Whether the read {@code reference} is inside an {@code x instanceof C} test of its own
     * (DeclaredTypes reads x as C where that narrowing is settled; where it is not, TypeScript's
     * narrowed type — an intersection, a structural match — is no union this class can read).
     */
    private static boolean insideUnsettledInstanceof(DocumentQuery q, int reference) {
        return reference >= 0 && Narrowing.instanceOfClass(q, reference) >= 0;
    }

    /**
     * The discriminant {@code key} (its name id) that the tests around the read {@code reference}
     * narrow ({@code x.kind} inside {@code case "c":} of {@code switch (x.kind)}), or -1: for a
     * union whose constituents are declared in other files, read from their summaries
     * ({@link #narrowingAdmits} then says which of them are left).
     */
    public static int narrowedKey(DocumentQuery q, int reference) {
        Narrowing narrowing = reference < 0 ? null : Narrowing.at(q, reference);
        return narrowing == null ? -1 : narrowing.key;
    }

    /**
     * Whether the narrowing at the read {@code reference} ({@link #narrowedKey}) leaves a
     * constituent whose key is declared as one of the string literals {@code literals} (null: not
     * known, so it is left; empty: a number, boolean or bigint, never one of the tested strings).
     */
    public static boolean narrowingAdmits(DocumentQuery q, int reference, java.util.Set<String> literals) {
        Narrowing narrowing = reference < 0 ? null : Narrowing.at(q, reference);
        return narrowing == null || narrowing.admits(literals);
    }

    /**
     * Whether {@code x instanceof C}, x declared as {@code type} (an annotation, -1 for none),
     * leaves x as C alone by TypeScript's narrowing (getNarrowedType with derived checks): x
     * declared {@code unknown}, {@code any} or {@code object}; or every constituent of its declared
     * type (through this file's aliases; null and undefined aside) a class or interface of this
     * file, each one either C or a class C extends (both give C) or a type unrelated to C, C among
     * them or above one; or an interface C declares every member of (C a subtype of it). Anything
     * TypeScript would keep beside C (a class extending C, a structural match) or intersect with it
     * (no related constituent), or a type declared elsewhere, is not settled: false.
     */
    public static boolean instanceofLeavesOnly(DocumentQuery q, int type, int cls) {
        Arena a = q.arena();
        int c = DeclaredTypes.resolveLocal(q, cls);
        if (type < 0 || c < 0 || !isClass(a.kind(c))) return false;
        int only = type;
        while (only >= 0 && a.kind(only) == PARENTHESIZED_TYPE) only = Layouts.operand(a, only);
        if (only >= 0 && a.kind(only) == KEYWORD_TYPE) {
            int k = a.data(only);
            return k == Token.K_UNKNOWN || k == Token.K_ANY;
        }
        int[] constituents = new int[16];
        int count = constituents(q, type, constituents, 0, 0);
        if (count <= 0) return false;
        boolean related = false;
        for (int i = 0; i < count; i++) {
            int t = constituents[i];
            if (DeclaredTypes.isNullish(a, t)) continue;
            int d = DeclaredTypes.resolveLocal(q, DeclaredTypes.typeNameOfAnnotation(a, t));
            if (d < 0) return false;
            if (d == c || ClassHierarchy.extendsInFile(q, c, d)) { related = true; continue; } // C itself, or C below it: C
            if (isClass(a.kind(d))) {
                if (ClassHierarchy.extendsInFile(q, d, c)) return false; // a class below C stays beside it
                // an unrelated class is left out however alike it is: instanceof narrows by derivation (isTypeDerivedFrom), not by structure
                continue; // unrelated: left out
            }
            if (count == 1 && hasEveryMember(q, c, d)) { related = true; continue; } // x: I, C has I's members: C
            return false;
        }
        return related;
    }

    /** Whether {@code type} (with its bases in this file) declares a member of every name {@code of} declares; false when a base is elsewhere. */
    private static boolean hasEveryMember(DocumentQuery q, int type, int of) {
        Arena a = q.arena();
        int list = DeclaredTypes.membersList(a, of);
        for (int m = list < 0 ? -1 : a.firstChild(list); m >= 0; m = a.nextSibling(m)) {
            int mk = a.kind(m);
            if (mk == METHOD && (a.data(m) & C_CONSTRUCTOR) != 0) {
                int fn = Layouts.methodFunction(a, m), params = fn < 0 ? -1 : Layouts.functionParameters(a, fn);
                for (int p = params < 0 ? -1 : a.firstChild(params); p >= 0; p = a.nextSibling(p)) {
                    int target = a.kind(p) == PARAMETER && (a.data(p) & MOD_PARAMETER_PROPERTY) != 0 ? Layouts.parameterTarget(a, p) : -1;
                    if (target >= 0 && a.kind(target) == BINDING_IDENTIFIER && !declares(q, type, a.data(target))) return false;
                }
                continue;
            }
            if ((mk != METHOD && mk != FIELD && mk != PROPERTY_SIGNATURE && mk != METHOD_SIGNATURE) || (a.data(m) & (C_STATIC | P_COMPUTED)) != 0) continue;
            int key = Layouts.memberKey(a, m);
            if (key < 0 || a.kind(key) != IDENTIFIER_NAME) return false;
            if (!declares(q, type, a.data(key))) return false;
        }
        return isClass(a.kind(of)) ? ClassHierarchy.extendsExpression(a, of) < 0 || ClassHierarchy.baseInFile(q, of) >= 0 && hasEveryMember(q, type, ClassHierarchy.baseInFile(q, of))
                : Layouts.interfaceHeritage(a, of) < 0;
    }

    /** Whether a class or interface of this file, or a class along its extends chain here, declares {@code nameId}; false past a base elsewhere. */
    private static boolean declares(DocumentQuery q, int type, int nameId) {
        Arena a = q.arena();
        for (int c = type, level = 0; c >= 0 && level < ClassHierarchy.MAX_DEPTH; level++) {
            if (ClassHierarchy.declaresMember(a, c, nameId)) return true;
            c = isClass(a.kind(c)) ? ClassHierarchy.baseInFile(q, c) : -1;
        }
        return false;
    }

    /**
     * Every class, interface or object type of this file that declares member {@code nameId} of
     * a union's constituents (narrowed at the read {@code reference} as {@link #declaringContainer}
     * narrows): {@code area} of {@code s: Circle | Square} is both classes' {@code area}, as
     * TypeScript's definition and references answer it; null when a constituent is not settled
     * (declared elsewhere, generic, computed), an empty array when none has it.
     */
    /** Whether a type guard, {@code in}, {@code typeof} or an earlier test with an early exit may narrow the read {@code reference} unseen ({@link Narrowing#mayBeNarrowedUnseen}). */
    public static boolean mayBeNarrowedUnseen(DocumentQuery q, int reference) { return Narrowing.mayBeNarrowedUnseen(q, reference); }

    public static int[] declaringContainers(DocumentQuery q, int type, int nameId, int reference) {
        if (type < 0 || insideUnsettledInstanceof(q, reference)) return null;
        int[] found = narrowedContainers(q, type, nameId, reference < 0 ? null : Narrowing.at(q, reference));
        return found != null && found.length > 1 && Narrowing.mayBeNarrowedUnseen(q, reference) ? null : found; // a type guard may leave one
    }

    /**
     * The containers of member {@code nameId} in the union's constituents (through aliases, parentheses and nested
     * unions) that the narrowing admits (null: all; a key that discriminates nothing narrows nothing), each once; null
     * when a constituent is not settled.
     */
    private static int[] narrowedContainers(DocumentQuery q, int type, int nameId, Narrowing narrowing) {
        int[] constituents = new int[16];
        int count = constituents(q, type, constituents, 0, 0);
        if (count < 0) return null;
        if (narrowing != null && !isDiscriminant(q, constituents, count, narrowing.key)) narrowing = null;
        Arena a = q.arena();
        int[] out = new int[count];
        int found = 0;
        for (int i = 0; i < count; i++) {
            int t = constituents[i];
            if (DeclaredTypes.isNullish(a, t) || (narrowing != null && !narrowing.admits(discriminantLiterals(q, t, narrowing.key)))) continue;
            int part = find(q, t, nameId, 1);
            if (part == UNKNOWN) return null;
            if (part == ABSENT) continue;
            boolean seen = false;
            for (int j = 0; j < found; j++) seen |= out[j] == part;
            if (!seen) out[found++] = part;
        }
        return java.util.Arrays.copyOf(out, found);
    }

    /**
     * The class, interface or object type of this file a union is narrowed to at the read
     * {@code reference} when one constituent is left (besides {@code null} and {@code undefined}):
     * {@code segment} inside {@code case "ArrayHelper":} of {@code switch (segment._tag)}; -1
     * otherwise. Its members are then all of TypeScript's (completion).
     */
    public static int narrowedConstituent(DocumentQuery q, int type, int reference) {
        Narrowing narrowing = type < 0 || reference < 0 ? null : Narrowing.at(q, reference);
        if (narrowing == null) return -1;
        int[] constituents = new int[16];
        int count = constituents(q, type, constituents, 0, 0);
        if (!isDiscriminant(q, constituents, count, narrowing.key)) return -1;
        Arena a = q.arena();
        int only = -1;
        for (int i = 0; i < count; i++) {
            int t = constituents[i];
            if (DeclaredTypes.isNullish(a, t) || !narrowing.admits(discriminantLiterals(q, t, narrowing.key))) continue;
            if (only >= 0) return -1;
            only = t;
        }
        return only < 0 ? -1 : DeclaredTypes.resolveLocal(q, DeclaredTypes.typeNameOfAnnotation(a, only));
    }

    /**
     * The class, interface or object type of this file declaring property {@code nameId} of the
     * type an object literal is given as ({@code type}, a union discriminated by the literal's own
     * string-valued properties: {@code onParse({ _tag: "Event", data })} where
     * {@code onParse: (event: Event | Retry) => void}); -1 when that is not settled.
     */
    public static int declaringContainerOfLiteral(DocumentQuery q, int type, int nameId, int literal) {
        if (type < 0 || literal < 0) return -1;
        Narrowing narrowing = Narrowing.ofLiteral(q.arena(), literal);
        int found = narrowing == null ? find(q, type, nameId, 0) : findNarrowed(q, type, nameId, narrowing);
        return found >= 0 ? found : -1;
    }

    /** The union's constituents (through aliases, parentheses and nested unions) that the narrowing admits, as {@link #find} reads a union. */
    private static int findNarrowed(DocumentQuery q, int type, int nameId, Narrowing narrowing) {
        int[] containers = narrowedContainers(q, type, nameId, narrowing);
        return containers == null || containers.length > 1 ? UNKNOWN : containers.length == 0 ? ABSENT : containers[0];
    }

    /**
     * The constituents of a union type (through this file's aliases, parentheses and nested unions)
     * into {@code out}: how many, or -1 when {@code type} is not a union or has more than {@code out} holds.
     */
    public static int unionConstituents(DocumentQuery q, int type, int[] out) {
        int count = constituents(q, type, out, 0, 0);
        return count < 2 ? -1 : count;
    }

    /** Adds a union's constituents to {@code out} from {@code count}; the new count, or -1 past the bound. */
    private static int constituents(DocumentQuery q, int type, int[] out, int count, int depth) {
        Arena a = q.arena();
        if (type < 0 || depth > MAX_DEPTH || count < 0) return -1;
        int k = a.kind(type);
        if (k == PARENTHESIZED_TYPE) return constituents(q, Layouts.operand(a, type), out, count, depth + 1);
        if (k == UNION_TYPE) {
            for (int t = a.firstChild(type); t >= 0 && count >= 0; t = a.nextSibling(t)) count = constituents(q, t, out, count, depth + 1);
            return count;
        }
        int alias = k == TYPE_REFERENCE ? localAlias(q, type) : -1;
        if (alias >= 0) return constituents(q, Layouts.aliasedType(a, alias), out, count, depth + 1);
        if (count == out.length) return -1;
        out[count] = type;
        return count + 1;
    }

    /** The TYPE_ALIAS of this file a type reference names, or -1. */
    private static int localAlias(DocumentQuery q, int reference) {
        Arena a = q.arena();
        int name = Layouts.typeReferenceName(a, reference);
        int symbol = name < 0 || a.kind(name) != IDENTIFIER_REFERENCE ? -1 : q.symbolOfNode(name);
        if (symbol < 0 || !q.isDeclared(symbol) || q.scopes().kind(symbol) != SymbolKind.TYPE_ALIAS) return -1;
        int declaring = q.scopes().declaringNode(symbol);
        return declaring >= 0 && a.kind(declaring) == TYPE_ALIAS ? declaring : -1;
    }

    /**
     * The string literals a constituent declares its discriminant {@code key} as: a property
     * signature or field annotated {@code "A"} (or {@code "A" | "B"}), a readonly field initialized
     * {@code = "A"} without an annotation; null when not known.
     */
    private static java.util.Set<String> discriminantLiterals(DocumentQuery q, int type, int key) {
        int container = find(q, type, key, 1);
        if (container < 0) return null;
        Arena a = q.arena();
        int list = DeclaredTypes.membersList(a, container);
        for (int m = list < 0 ? -1 : a.firstChild(list); m >= 0; m = a.nextSibling(m)) {
            int mk = a.kind(m);
            if ((mk != PROPERTY_SIGNATURE && mk != FIELD) || (a.data(m) & (P_COMPUTED | C_STATIC)) != 0) continue;
            int memberKey = Layouts.memberKey(a, m);
            if (memberKey < 0 || a.kind(memberKey) != IDENTIFIER_NAME || a.data(memberKey) != key) continue;
            int annotation = Layouts.fieldType(a, m);
            if (isPrimitiveNotString(a, annotation)) return java.util.Set.of(); // kind: number is never "c": no string literal matches
            if (annotation >= 0) return literalTypes(a, annotation, new java.util.HashSet<>());
            int value = mk == FIELD ? Layouts.fieldValue(a, m) : -1;
            if (value >= 0 && (a.kind(value) == NUMBER_LITERAL || a.kind(value) == BIGINT_LITERAL || a.kind(value) == BOOLEAN)) return java.util.Set.of();
            if (value >= 0 && a.kind(value) == AS_EXPRESSION && DeclaredTypes.isConstAssertion(a, value)) {
                String literal = Narrowing.stringLiteral(a, Layouts.operand(a, value)); // _tag = 'S' as const: of type 'S'
                return literal == null ? null : java.util.Set.of(literal);
            }
            if (mk != FIELD || (a.data(m) & MOD_READONLY) == 0) return null;
            String literal = Narrowing.stringLiteral(a, Layouts.fieldValue(a, m));
            return literal == null ? null : java.util.Set.of(literal);
        }
        return null;
    }

    /**
     * Whether {@code key} discriminates the constituents: one of them declares it as string
     * literal types (TypeScript's discriminant property has a literal type in some constituent);
     * otherwise a test of it narrows nothing.
     */
    private static boolean isDiscriminant(DocumentQuery q, int[] constituents, int count, int key) {
        for (int i = 0; i < count; i++) {
            if (DeclaredTypes.isNullish(q.arena(), constituents[i])) continue;
            java.util.Set<String> literals = discriminantLiterals(q, constituents[i], key);
            if (literals != null && !literals.isEmpty()) return true;
        }
        return false;
    }

    /** Whether a type annotation is {@code number}, {@code boolean} or {@code bigint}. */
    private static boolean isPrimitiveNotString(Arena a, int type) {
        if (type < 0 || a.kind(type) != TYPE_REFERENCE) return false;
        int name = Layouts.typeReferenceName(a, type);
        if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE || a.nextSibling(name) >= 0) return false;
        return a.names().equals(a.data(name), "number") || a.names().equals(a.data(name), "boolean") || a.names().equals(a.data(name), "bigint");
    }


    /** The string literal types a type is a union of, into {@code out}; null for any other type. */
    private static java.util.Set<String> literalTypes(Arena a, int type, java.util.Set<String> out) {
        while (type >= 0 && a.kind(type) == PARENTHESIZED_TYPE) type = Layouts.operand(a, type);
        if (type < 0) return null;
        if (a.kind(type) == UNION_TYPE) {
            for (int t = a.firstChild(type); t >= 0; t = a.nextSibling(t)) if (literalTypes(a, t, out) == null) return null;
            return out;
        }
        int literal = a.kind(type) == LITERAL_TYPE ? a.firstChild(type) : -1;
        if (literal < 0 || a.kind(literal) != STRING_LITERAL) return null;
        out.add(LiteralValues.stringValue(a, literal));
        return out;
    }

    private static int find(DocumentQuery q, int type, int nameId, int depth) {
        if (type < 0 || depth > MAX_DEPTH) return UNKNOWN;
        Arena a = q.arena();
        switch (a.kind(type)) {
            case PARENTHESIZED_TYPE:
                return find(q, Layouts.operand(a, type), nameId, depth + 1);
            case TYPE_LITERAL:
                return ownMembers(a, type, nameId);
            case UNION_TYPE: case INTERSECTION_TYPE: {
                int found = ABSENT;
                for (int t = a.firstChild(type); t >= 0; t = a.nextSibling(t)) {
                    int part = DeclaredTypes.isNullish(a, t) ? ABSENT : find(q, t, nameId, depth + 1);
                    if (part == UNKNOWN) return UNKNOWN;
                    if (part == ABSENT) continue;
                    if (found != ABSENT && found != part) return UNKNOWN; // a union: narrowing decides; an intersection: both (not answered)
                    found = part;
                }
                return found;
            }
            case KEYWORD_TYPE:
                return a.data(type) == Token.K_NEVER || a.data(type) == Token.K_NULL ? ABSENT : UNKNOWN;
            case TYPE_REFERENCE: {
                int name = Layouts.typeReferenceName(a, type);
                if (name < 0 || a.kind(name) != IDENTIFIER_REFERENCE) return UNKNOWN;
                int arguments = a.nextSibling(name);
                return named(q, name, arguments >= 0 && a.kind(arguments) == TYPE_ARGUMENTS ? arguments : -1, nameId, depth);
            }
            default:
                return UNKNOWN;
        }
    }

    /** A type by its name: a class, interface or alias of this file, or one of the library's mapped types. */
    private static int named(DocumentQuery q, int name, int arguments, int nameId, int depth) {
        Arena a = q.arena();
        int symbol = q.symbolOfNode(name);
        if (symbol < 0 || !q.isDeclared(symbol)) return libraryMapped(q, name, arguments, nameId, depth);
        int declaring = q.scopes().declaringNode(symbol);
        if (declaring < 0) return UNKNOWN;
        switch (q.scopes().kind(symbol)) {
            case SymbolKind.CLASS:
                return isClass(a.kind(declaring)) && declarationCount(q, symbol) == 1 ? classMember(q, declaring, nameId, depth) : UNKNOWN;
            case SymbolKind.INTERFACE:
                return a.kind(declaring) == INTERFACE_DECLARATION && declarationCount(q, symbol) == 1 ? interfaceMember(q, declaring, nameId, depth)
                        : UNKNOWN; // merged interfaces: left to the readers that know them
            case SymbolKind.TYPE_ALIAS: {
                if (a.kind(declaring) != TYPE_ALIAS) return UNKNOWN;
                return find(q, Layouts.aliasedType(a, declaring), nameId, depth + 1); // a type parameter inside is UNKNOWN
            }
            default:
                return UNKNOWN; // a type parameter, an import, a namespace
        }
    }

    /** How many declarations a symbol's name has (a class merged with an interface or namespace has more). */
    private static int declarationCount(DocumentQuery q, int symbol) {
        int group = q.index().groupOf(symbol);
        if (group < 0) return 1;
        int count = 0;
        for (int i = 0, n = q.index().occurrenceCount(group); i < n; i++) {
            if ((q.index().occurrenceFlags(group, i) & SymbolIndex.DECLARATION) != 0) count++;
        }
        return Math.max(count, 1);
    }

    /** The class along the extends chain (in this file) that declares the member; UNKNOWN past a base declared elsewhere. */
    private static int classMember(DocumentQuery q, int cls, int nameId, int depth) {
        Arena a = q.arena();
        for (int c = cls, level = 0; c >= 0 && level < ClassHierarchy.MAX_DEPTH; level++) {
            if (ClassHierarchy.declaresMember(a, c, nameId)) return c;
            int base = ClassHierarchy.baseInFile(q, c);
            if (base < 0) return ClassHierarchy.extendsExpression(a, c) >= 0 ? UNKNOWN : ABSENT;
            c = base;
        }
        return UNKNOWN;
    }

    /** The interface itself when it declares the member, else what its bases settle (as an intersection of them). */
    private static int interfaceMember(DocumentQuery q, int iface, int nameId, int depth) {
        Arena a = q.arena();
        int own = ownMembers(a, Layouts.interfaceBody(a, iface), nameId);
        if (own != ABSENT) return own == UNKNOWN ? UNKNOWN : iface;
        int heritage = Layouts.interfaceHeritage(a, iface);
        int found = ABSENT;
        for (int e = heritage < 0 ? -1 : a.firstChild(heritage); e >= 0; e = a.nextSibling(e)) {
            int base = Layouts.heritageExpression(a, e);
            if (base < 0 || a.kind(base) != IDENTIFIER_REFERENCE) return UNKNOWN;
            int arguments = a.nextSibling(base);
            int part = named(q, base, arguments >= 0 && a.kind(arguments) == TYPE_ARGUMENTS ? arguments : -1, nameId, depth + 1);
            if (part == UNKNOWN) return UNKNOWN;
            if (part == ABSENT) continue;
            if (found != ABSENT && found != part) return UNKNOWN;
            found = part;
        }
        return found;
    }

    /**
     * A members list (a type literal, an interface body): itself when it has a property or method
     * signature named {@code nameId}; ABSENT when it has none and no index signature (which would
     * answer for any name), else UNKNOWN.
     */
    private static int ownMembers(Arena a, int list, int nameId) {
        if (list < 0) return UNKNOWN;
        boolean indexed = false;
        for (int m = a.firstChild(list); m >= 0; m = a.nextSibling(m)) {
            int mk = a.kind(m);
            if (mk == INDEX_SIGNATURE) indexed = true;
            if ((mk != PROPERTY_SIGNATURE && mk != METHOD_SIGNATURE) || (a.data(m) & P_COMPUTED) != 0) continue;
            int key = Layouts.memberKey(a, m);
            if (key >= 0 && a.kind(key) == IDENTIFIER_NAME && a.data(key) == nameId) return list;
        }
        return indexed ? UNKNOWN : ABSENT;
    }

    /**
     * {@code Omit<T, K>}, {@code Pick<T, K>}, {@code Partial<T>}, {@code Required<T>},
     * {@code Readonly<T>}, {@code NonNullable<T>} of the standard library (not declared in this
     * file): T's declaration of the member, unless K (string literals) leaves it out.
     */
    private static int libraryMapped(DocumentQuery q, int name, int arguments, int nameId, int depth) {
        Arena a = q.arena();
        int first = arguments < 0 ? -1 : a.firstChild(arguments);
        if (first < 0) return UNKNOWN;
        int second = a.nextSibling(first);
        String type = a.names().name(a.data(name));
        int source = DeclaredTypes.mappedSource(q, q.parentOf(name));
        if (source >= 0) return find(q, source, nameId, depth + 1);
        switch (type) {
            case "Pick": case "Omit": {
                if (second < 0 || a.nextSibling(second) >= 0) return UNKNOWN;
                int listed = keyListed(a, second, a.names().name(nameId));
                if (listed == UNKNOWN) return UNKNOWN;
                boolean kept = type.equals("Pick") == (listed == 1);
                return kept ? find(q, first, nameId, depth + 1) : ABSENT;
            }
            default:
                return UNKNOWN;
        }
    }

    /** Whether a key type of string literals ({@code "a" | "b"}) lists {@code name}: 1, 0, or UNKNOWN for another kind of type. */
    private static int keyListed(Arena a, int keys, String name) {
        while (keys >= 0 && a.kind(keys) == PARENTHESIZED_TYPE) keys = Layouts.operand(a, keys);
        if (keys < 0) return UNKNOWN;
        if (a.kind(keys) == UNION_TYPE) {
            int listed = 0;
            for (int t = a.firstChild(keys); t >= 0; t = a.nextSibling(t)) {
                int one = keyListed(a, t, name);
                if (one == UNKNOWN) return UNKNOWN;
                listed |= one;
            }
            return listed;
        }
        int literal = a.kind(keys) == LITERAL_TYPE ? a.firstChild(keys) : -1;
        if (literal < 0 || a.kind(literal) != STRING_LITERAL) return UNKNOWN;
        return name.equals(LiteralValues.stringValue(a, literal)) ? 1 : 0;
    }
}
