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


/**
 * The text an LSP snippet inserts, as VS Code's snippet parser reads it: tab stops (`$1`, `${1}`)
 * vanish, a placeholder (`${1:name}`, nested too) leaves its text, a choice (`${1|a,b|}`) its first,
 * `\$`, `\}` and `\\` are the characters; `cursor` is where `$0` was (else the end).
 */
export function snippetText(snippet: string): { text: string; cursor: number } {
    let text = '';
    let cursor = -1;
    let i = 0;
    const read = (closer: string | null): void => {
        while (i < snippet.length) {
            const c = snippet[i];
            if (closer !== null && c === closer) return;
            if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) { text += snippet[i + 1]; i += 2; continue; }
            const stop = /^\$(\d+)/.exec(snippet.slice(i));
            if (stop) { if (stop[1] === '0') cursor = text.length; i += stop[0].length; continue; }
            const open = /^\$\{(\d+)([:|}]?)/.exec(snippet.slice(i));
            if (open) {
                i += open[0].length;
                if (open[1] === '0') cursor = text.length;
                if (open[2] === ':') { read('}'); i++; }
                else if (open[2] === '|') { const end = snippet.indexOf('|}', i); text += snippet.slice(i, end).split(',')[0]; i = end + 2; }
                continue;
            }
            text += c;
            i++;
        }
    };
    read(null);
    return { text, cursor: cursor < 0 ? text.length : cursor };
}

/**
 * What accepting a completion item's text edit inserts, as VS Code does: the snippet expanded, and
 * unless the item says `insertTextMode: asIs` (1), each line after the first indented further by
 * the whitespace that starts the line where the edit starts (VS Code's adjustWhitespace).
 */
export function acceptedText(source: string, item: { textEdit?: TextEdit | unknown; insertTextFormat?: number; insertTextMode?: number }): { text: string; cursor: number } {
    const edit = item.textEdit as TextEdit;
    assert.ok(edit && 'range' in edit, 'a completion item with a TextEdit');
    const expanded = item.insertTextFormat === 2 ? snippetText(edit.newText) : { text: edit.newText, cursor: edit.newText.length };
    let inserted = expanded.text;
    let cursor = expanded.cursor;
    if (item.insertTextMode !== 1) {
        const line = source.split('\n')[edit.range.start.line];
        const indent = /^[ \t]*/.exec(line.slice(0, edit.range.start.character))![0];
        const lines = inserted.split('\n');
        const before = inserted.slice(0, cursor).split('\n').length - 1; // line breaks before the cursor
        inserted = lines.map((l, n) => (n === 0 ? l : indent + l)).join('\n');
        cursor += before * indent.length;
    }
    const text = applyEdits(source, [{ range: edit.range, newText: inserted }]);
    const lines = source.split('\n');
    const start = lines.slice(0, edit.range.start.line).reduce((n, l) => n + l.length + 1, 0) + edit.range.start.character;
    return { text, cursor: start + cursor };
}
