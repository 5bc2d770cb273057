package dev.arenals.server.features;

import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.RenamePlan;
import dev.arenals.server.query.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * {@code textDocument/rename}: the edits of a {@link RenamePlan} as one {@link WorkspaceEdit} for
 * this document. Null where there is nothing to rename; a {@link RenamePlan.Refused} (answered
 * as a RequestFailed error with its message) where the rename would change the program's meaning.
 */
public final class RenameHandler {
    public WorkspaceEdit rename(Document doc, Position position, String newName) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return null;
        RenamePlan plan = RenamePlan.at(q, q.offset(position));
        if (plan == null) return null;
        List<TextEdit> edits = new ArrayList<>();
        List<RenamePlan.Edit> planned = plan.edits(newName);
        if (plan.target().kind == Target.MEMBER) { // x.m where x's type is unknown could be this member: refused rather than left behind
            java.util.Set<Integer> renamed = new java.util.HashSet<>();
            for (RenamePlan.Edit e : planned) renamed.add(e.start);
            CrossFileRename.refuseUsesOfUnknownType(q, dev.arenals.server.protocol.Uris.pathOf(doc.uri()), q.text(plan.nameNode()), renamed);
        }
        for (RenamePlan.Edit e : planned) edits.add(new TextEdit(q.range(e.start, e.end), e.text));
        return new WorkspaceEdit(Map.of(doc.uri(), edits));
    }

    /** {@code textDocument/prepareRename}: the name's range and text, null where there is none, Refused where it cannot be renamed. */
    public PrepareRenameResult prepare(Document doc, Position position) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return null;
        RenamePlan plan = RenamePlan.at(q, q.offset(position));
        if (plan == null) return null;
        int node = plan.nameNode();
        return new PrepareRenameResult(q.rangeOfNode(node), q.text(node));
    }

    /** The range and text of the name at {@code position} (a workspace rename's name), null where there is none. */
    public PrepareRenameResult prepareName(Document doc, Position position) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null) return null;
        int node = q.identifierAt(q.offset(position));
        return node < 0 ? null : new PrepareRenameResult(q.rangeOfNode(node), q.text(node));
    }
}
