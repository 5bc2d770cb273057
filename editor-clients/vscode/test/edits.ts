// Applying LSP text edits as VS Code does: shared by the protocol tests.
import assert from 'node:assert/strict';
import { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** The edits of `uri` applied to `source`, as VS Code applies a WorkspaceEdit (non-overlapping, original positions). */
export function applyEdits(source: string, edits: TextEdit[]): string {
    const lines = source.split('\n');
    const offset = (p: { line: number; character: number }) =>
        lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    let out = source;
    for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
    return out;
}

/** The text edits of a WorkspaceEdit for one document: `changes`, or `documentChanges` of TextDocumentEdits. */
export function editsOf(edit: WorkspaceEdit | null, uri: string): TextEdit[] {
    assert.ok(edit, 'a WorkspaceEdit');
    const docs = edit.documentChanges ?? [];
    const fromDocs = docs.flatMap(d => ('textDocument' in d && d.textDocument.uri === uri ? d.edits as TextEdit[] : []));
    const uris = [...Object.keys(edit.changes ?? {}), ...docs.map(d => ('textDocument' in d ? d.textDocument.uri : '?'))];
    assert.deepEqual([...new Set(uris)], [uri], 'edits of this document only');
    return [...(edit.changes?.[uri] ?? []), ...fromDocs];
}

