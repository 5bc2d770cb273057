package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.Occurrences;
import dev.arenals.server.query.SymbolIndex;
import dev.arenals.server.query.Target;
import dev.arenals.server.query.TargetResolver;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/documentHighlight}: the occurrences of the name under the cursor, Write for
 * assignment targets (including {@code +=} and {@code ++}), shorthand properties and declarations
 * that give the name a value, Read for the rest: TypeScript's kinds as VS Code shows them
 * ({@code writtenReference} Write), judged by {@code benchmarks/peer/editing-vs-typescript.mjs}.
 */
public final class DocumentHighlightHandler {
    public List<DocumentHighlight> highlights(Document doc, Position position) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return List.of();
        int offset = q.offset(position);
        Target target = new TargetResolver(q).at(offset);
        if (target == null) { // a property declared where nothing relates its uses without types: itself, as references answers
            int name = q.identifierAt(offset);
            List<DocumentHighlight> own = new ArrayList<>(1);
            for (org.eclipse.lsp4j.Location l : DefinitionHandler.ownDeclarationName(q, name)) {
                own.add(new DocumentHighlight(l.getRange(), declarationWrites(q, name) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read));
            }
            return own;
        }
        Occurrences all = Occurrences.ofMeaning(q, target);
        List<DocumentHighlight> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            int node = all.node(i), flags = all.flags(i);
            // a declaration's own rule first: member declarations carry WRITE too
            boolean write = (flags & SymbolIndex.DECLARATION) != 0 ? declarationWrites(q, node)
                    : (flags & SymbolIndex.WRITE) != 0 || isShorthandProperty(q, node);
            out.add(new DocumentHighlight(q.rangeOfNode(node), write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read));
        }
        return out;
    }

    /**
     * Whether a declaration gives its name a value, as TypeScript's {@code declarationIsWriteAccess}
     * decides: a variable or field only with an initializer ({@code let x;}, {@code for (const x of …)}
     * and {@code f: number;} are reads), a function or method only with a body (overload
     * signatures are reads), property and method signatures never; everything ambient
     * ({@code declare}, a .d.ts file) and every other declaration (parameters, classes, imports,
     * types, properties of object literals) always.
     */
    private static boolean declarationWrites(DocumentQuery q, int name) {
        Arena a = q.arena();
        int declaration = q.parentOf(name);
        if (declaration < 0 || isAmbient(q, declaration)) return true;
        switch (a.kind(declaration)) {
            case VARIABLE_DECLARATOR: return Layouts.declaratorInit(a, declaration) >= 0;
            case FIELD: return Layouts.fieldValue(a, declaration) >= 0;
            case PROPERTY_SIGNATURE: case METHOD_SIGNATURE: return false;
            case FUNCTION_DECLARATION: return Layouts.functionBody(a, declaration) >= 0;
            case METHOD: {
                int fn = Layouts.methodFunction(a, declaration);
                return fn < 0 || Layouts.functionBody(a, fn) >= 0;
            }
            default: return true;
        }
    }

    /** Whether a declaration is in a .d.ts file, written with {@code declare}, or inside one that is. */
    private static boolean isAmbient(DocumentQuery q, int declaration) {
        String uri = q.uri();
        if (uri.endsWith(".d.ts") || uri.endsWith(".d.mts") || uri.endsWith(".d.cts")) return true;
        Arena a = q.arena();
        if (a.kind(declaration) == FIELD && (a.data(declaration) & MOD_DECLARE) != 0) return true;
        for (int n = declaration; n >= 0; n = q.parentOf(n)) if (Refactors.isAmbient(a, n)) return true;
        return false;
    }

    /** {@code { a }} in an object literal: TypeScript counts the property it declares as a write. */
    private static boolean isShorthandProperty(DocumentQuery q, int node) {
        int property = q.parentOf(node);
        return property >= 0 && q.arena().kind(property) == PROPERTY && (q.arena().data(property) & P_SHORTHAND) != 0;
    }
}
