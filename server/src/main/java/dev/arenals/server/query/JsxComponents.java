package dev.arenals.server.query;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;

/**
 * The components JSX tags name and the props they declare: {@code <Button label="x" />} where
 * {@code function Button({ label }: ButtonProps)} or {@code const Button: FC<ButtonProps> = …}
 * makes {@code label} a member of ButtonProps, as TypeScript reads it. One per request: the name
 * lookup behind the tags is built once, on first use.
 */
public final class JsxComponents {
    private final DocumentQuery q;
    private final Arena arena;
    private SymbolIndex.NameLookup lookup;

    public JsxComponents(DocumentQuery q) {
        this.q = q;
        this.arena = q.arena();
    }

    /** The BINDING_IDENTIFIER declaring the component an opening element names ({@code <Button>}; not {@code <ns.Button>}), or -1. */
    public int componentBinding(int opening) {
        int tag = Layouts.jsxTagName(arena, opening);
        if (tag < 0 || arena.kind(tag) != JSX_IDENTIFIER || SymbolIndex.jsxTagIdentifier(arena, opening) != tag) return -1;
        if (lookup == null) {
            SymbolIndex index = q.index();
            int[] leader = new int[q.scopes().symbolCount()];
            for (int s = 0; s < leader.length; s++) leader[s] = index.groupOf(s);
            lookup = new SymbolIndex.NameLookup(arena, q.scopes(), leader);
        }
        int group = lookup.groupAt(arena.start(tag), arena.data(tag));
        if (group < 0) return -1;
        SymbolIndex index = q.index();
        for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
            if ((index.occurrenceFlags(group, i) & SymbolIndex.DECLARATION) != 0) return index.occurrenceNode(group, i);
        }
        return -1;
    }

    /** The name of the props type of the component an opening element names, when it is declared in this file; -1. */
    public int propsTypeName(int opening) {
        int binding = componentBinding(opening);
        int symbol = binding < 0 ? -1 : q.symbolOfNode(binding);
        return symbol < 0 ? -1 : propsTypeNameOf(q, q.scopes().declaringNode(symbol));
    }

    /**
     * The props type name of a component's declaration: a function's first parameter's type,
     * a const's {@code FC<P>} / {@code FunctionComponent<P>} annotation, or its arrow or function
     * value's first parameter's type; -1.
     */
    public static int propsTypeNameOf(DocumentQuery q, int declaring) {
        if (declaring < 0) return -1;
        Arena a = q.arena();
        int fn = -1;
        if (a.kind(declaring) == FUNCTION_DECLARATION) {
            fn = declaring;
        } else if (a.kind(declaring) == VARIABLE_DECLARATOR) {
            int type = Layouts.declaratorType(a, declaring);
            if (type >= 0 && a.kind(type) == TYPE_REFERENCE) {
                int name = Layouts.typeReferenceName(a, type);
                if (name >= 0 && a.kind(name) == QUALIFIED_NAME) name = Layouts.memberProperty(a, name); // React.FC
                int args = name < 0 ? -1 : a.nextSibling(Layouts.typeReferenceName(a, type));
                if (name >= 0 && args >= 0 && a.kind(args) == TYPE_ARGUMENTS && isFunctionComponentType(a, name)) {
                    return DeclaredTypes.typeNameOfAnnotation(a, a.firstChild(args));
                }
            }
            int init = TreePaths.unwrapped(a, Layouts.declaratorInit(a, declaring));
            if (init >= 0 && (a.kind(init) == ARROW_FUNCTION || a.kind(init) == FUNCTION_EXPRESSION)) fn = init;
        }
        int params = fn < 0 ? -1 : Layouts.functionParameters(a, fn);
        int first = params < 0 ? -1 : a.firstChild(params);
        return first >= 0 && a.kind(first) == PARAMETER ? DeclaredTypes.typeNameOfAnnotation(a, Layouts.parameterType(a, first)) : -1;
    }

    private static boolean isFunctionComponentType(Arena a, int name) {
        return a.names().equals(a.data(name), "FC") || a.names().equals(a.data(name), "FunctionComponent")
                || a.names().equals(a.data(name), "VFC");
    }

    /** The name node of the attribute {@code name} of an opening element, or -1. */
    public static int attributeNamed(Arena a, int opening, int name) {
        for (int c = a.firstChild(opening); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) != JSX_ATTRIBUTE) continue;
            int n = Layouts.jsxAttributeName(a, c);
            if (n >= 0 && a.kind(n) == JSX_IDENTIFIER && a.data(n) == name) return n;
        }
        return -1;
    }
}
