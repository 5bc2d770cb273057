// Reading real source files in the protocol tests: sampled words and LSP positions (UTF-16).
import { Position } from 'vscode-languageserver-protocol';

/** Offsets of identifier-like words outside comments and strings, crudely: enough to sample names. */
export function words(text: string): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, m => ' '.repeat(m.length));
    for (const m of code.matchAll(/[A-Za-z_$][\w$]*/g)) out.push({ start: m.index!, end: m.index! + m[0].length });
    return out;
}

export function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    return starts;
}

/** The position of `offset` in a text whose line starts are `starts`. */
export function positionAt(starts: number[], offset: number): Position {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
}

/** The offset of `p` in a text whose line starts are `starts`. */
export function offsetAt(starts: number[], p: Position): number {
    return starts[p.line] + p.character;
}
