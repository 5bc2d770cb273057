package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import dev.arenals.server.query.TreePaths;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/typeDefinition} where the answer is written in the file: the declarations of
 * the types named in the annotation of the variable, parameter, field or property under the
 * cursor ({@code let a: Shape | null} → {@code Shape}; arrays, unions, intersections, parentheses
 * and {@code readonly} are looked through), or, without an annotation, of the class of a
 * {@code new C()} initialiser. No type inference: anything else gives no location.
 */
public final class TypeDefinitionHandler {
    public List<Location> typeDefinition(Document doc, Position position) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        TargetResolver resolver = new TargetResolver(q);
        Target target = resolver.at(q.offset(position));
        if (target == null) return List.of();
        Arena arena = q.arena();
        Occurrences declarations = Occurrences.declarations(q, target);
        List<Location> out = new ArrayList<>();
        for (int i = 0; i < declarations.size(); i++) {
            int decl = declarations.node(i);
            int owner = TreePaths.parent(arena, decl);
            if (owner < 0) continue;
            int annotation, init;
            switch (arena.kind(owner)) {
                case VARIABLE_DECLARATOR:
                    if (Layouts.declaratorTarget(arena, owner) != decl) continue;
                    annotation = Layouts.declaratorType(arena, owner);
                    init = Layouts.declaratorInit(arena, owner);
                    break;
                case PARAMETER:
                    if (Layouts.parameterTarget(arena, owner) != decl) continue;
                    annotation = Layouts.parameterType(arena, owner);
                    init = Layouts.parameterInitializer(arena, owner);
                    break;
                case FIELD: case PROPERTY_SIGNATURE:
                    if (Layouts.memberKey(arena, owner) != decl) continue;
                    annotation = Layouts.fieldType(arena, owner);
                    init = arena.kind(owner) == FIELD ? Layouts.fieldValue(arena, owner) : -1;
                    break;
                default:
                    continue;
            }
            if (annotation >= 0) {
                namedTypes(q, resolver, annotation, out);
            } else if (init >= 0 && arena.kind(init) == NEW) {
                int callee = Layouts.callCallee(arena, init);
                if (callee >= 0 && arena.kind(callee) == IDENTIFIER_REFERENCE) addDeclarations(q, resolver, callee, out);
            }
        }
        return out;
    }

    private static void namedTypes(DocumentQuery q, TargetResolver resolver, int type, List<Location> out) {
        Arena arena = q.arena();
        switch (arena.kind(type)) {
            case TYPE_REFERENCE: {
                int name = Layouts.typeReferenceName(arena, type);
                while (name >= 0 && arena.kind(name) == QUALIFIED_NAME) name = Layouts.memberProperty(arena, name);
                if (name >= 0) addDeclarations(q, resolver, name, out);
                return;
            }
            case ARRAY_TYPE:
            case PARENTHESIZED_TYPE:
            case UNION_TYPE:
            case INTERSECTION_TYPE:
            case TYPE_OPERATOR:
                for (int c = arena.firstChild(type); c >= 0; c = arena.nextSibling(c)) namedTypes(q, resolver, c, out);
                return;
            default:
        }
    }

    private static void addDeclarations(DocumentQuery q, TargetResolver resolver, int nameNode, List<Location> out) {
        Target t = resolver.at(q.arena().start(nameNode));
        if (t == null || t.node != nameNode) return;
        Occurrences declarations = Occurrences.declarations(q, t);
        for (int i = 0; i < declarations.size(); i++) out.add(q.locationOfNode(declarations.node(i)));
    }
}
