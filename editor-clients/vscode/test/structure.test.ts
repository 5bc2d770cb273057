// Semantic tokens and folding ranges through the real server jar over stdio (vscode-jsonrpc /
// vscode-languageserver-protocol, what vscode-languageclient is built on), with the capabilities
// vscode-languageclient 9.0.1 declares for them (lib/common/semanticTokens.js, foldingRange.js):
// tokens decoded with the server's legend name what each name is; full/delta after keystrokes sent
// as VS Code sends them (incremental didChange), applied as VS Code applies them, equals a fresh
// full; folding ranges are whole lines with their kinds. On a fixture of our own and on a
// published file we did not write (zod's util.ts from the pinned npm corpus).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    FoldingRange,
    FoldingRangeRequest,
    InitializedNotification,
    InitializeRequest,
    InitializeResult,
    SemanticTokens,
    SemanticTokensDelta,
    SemanticTokensDeltaRequest,
    SemanticTokensEdit,
    SemanticTokensLegend,
    SemanticTokensRequest,
    ShutdownRequest,
} from 'vscode-languageserver-protocol';
import { resolveServerCommand } from '../src/launch';
import { hasServerJar, serverJar, Session, WAIT_MS, withTimeout } from './session';

const NPM = process.env.ARENA_LS_NPM_CACHE ?? path.join(os.homedir(), '.cache', 'arena-ls', 'npm');
const REAL_FILE = path.join(NPM, 'zod@4.6.7/package/src/v4/core/util.ts');
const SCHEMAS_FILE = path.join(NPM, 'zod@4.6.7/package/src/v4/classic/schemas.ts');
const skip = hasServerJar() ? false : `no server jar at ${serverJar()} (build it, or set ARENA_LS_JAR)`;

/** What vscode-languageclient 9.0.1 declares for semantic tokens and folding ranges. */
const CLIENT_CAPABILITIES = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true, willSave: true, willSaveWaitUntil: true },
        semanticTokens: {
            dynamicRegistration: true,
            tokenTypes: ['namespace', 'type', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'parameter', 'variable',
                'property', 'enumMember', 'event', 'function', 'method', 'macro', 'keyword', 'modifier', 'comment', 'string',
                'number', 'regexp', 'operator', 'decorator'],
            tokenModifiers: ['declaration', 'definition', 'readonly', 'static', 'deprecated', 'abstract', 'async', 'modification',
                'documentation', 'defaultLibrary'],
            formats: ['relative'],
            requests: { range: true, full: { delta: true } },
            multilineTokenSupport: false,
            overlappingTokenSupport: false,
            serverCancelSupport: true,
            augmentsSyntaxTokens: true,
        },
        foldingRange: {
            dynamicRegistration: true,
            rangeLimit: 5000,
            lineFoldingOnly: true,
            foldingRangeKind: { valueSet: ['comment', 'imports', 'region'] },
            foldingRange: { collapsedText: false },
        },
    },
    workspace: { semanticTokens: { refreshSupport: true } },
};

const SOURCE = [
    "import { readFileSync } from 'node:fs';",      // 0
    "import * as path from 'node:path';",           // 1
    '',                                             // 2
    '/**',                                          // 3
    ' * Shapes.',                                   // 4
    ' */',                                          // 5
    'export interface Shape {',                     // 6
    '    area(): number;',                          // 7
    '}',                                            // 8
    '',                                             // 9
    '// #region helpers',                           // 10
    'export function scale(shape: Shape, factor: number): number {', // 11
    '    const base = shape.area();',               // 12
    '    return base * factor;',                    // 13
    '}',                                            // 14
    '// #endregion',                                // 15
    '',                                             // 16
    'export class Circle implements Shape {',       // 17
    '    constructor(private readonly r: number) {}', // 18
    '    area(): number {',                         // 19
    '        return Math.PI * this.r ** 2;',        // 20
    '    }',                                        // 21
    '}',                                            // 22
    'export const read = () => readFileSync(path.join(\'a\'), \'utf8\');', // 23
    '',
].join('\n');

type Token = { line: number; character: number; length: number; text: string; type: string; modifiers: string[] };

function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    return starts;
}

/** LSP's relative encoding decoded with the legend; checks order and that every token lies on one line of the text. */
function decode(data: number[], legend: SemanticTokensLegend, text: string): Token[] {
    assert.equal(data.length % 5, 0, 'five ints per token');
    const lines = text.split('\n');
    const out: Token[] = [];
    let line = 0, character = 0;
    for (let i = 0; i < data.length; i += 5) {
        if (data[i] !== 0) character = 0;
        else if (i > 0) assert.ok(data[i + 1] > 0 || out.length === 0, `token ${i / 5} is after the previous one`);
        line += data[i];
        character += data[i + 1];
        const length = data[i + 2];
        assert.ok(line < lines.length && character + length <= lines[line].length, `token ${i / 5} at ${line}:${character} is inside the text`);
        const modifiers = legend.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
        out.push({ line, character, length, text: lines[line].slice(character, character + length), type: legend.tokenTypes[data[i + 3]], modifiers });
    }
    return out;
}

/** The previous data with a delta's edits applied, as VS Code applies them (edits refer to the old array, sorted). */
function applyTokenEdits(data: number[], edits: SemanticTokensEdit[]): number[] {
    let out = data;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) {
        out = [...out.slice(0, e.start), ...(e.data ?? []), ...out.slice(e.start + e.deleteCount)];
    }
    return out;
}

function describeToken(t: Token): string {
    return [t.text, t.type, ...t.modifiers].join(' ');
}

describe('semantic tokens and folding over stdio', { skip, timeout: 20 * WAIT_MS }, () => {
    let s: Session;
    let legend: SemanticTokensLegend;
    let opened = 0;
    before(async () => {
        const command = await resolveServerCommand({ serverPath: serverJar(), javaOpts: [] }, NPM);
        s = Session.start(command.command, command.args);
        const init = await s.request<InitializeResult>(InitializeRequest.method,
            { processId: process.pid, rootUri: null, capabilities: CLIENT_CAPABILITIES }, 'initialize');
        const provider = init.capabilities.semanticTokensProvider;
        assert.ok(provider, 'semantic tokens are announced');
        assert.deepEqual(provider.full, { delta: true }, 'full with delta');
        assert.ok(provider.range, 'and range');
        assert.ok(init.capabilities.foldingRangeProvider, 'folding ranges are announced');
        legend = provider.legend;
        await s.notify(InitializedNotification.method, {});
    });
    after(() => s?.kill());

    async function open(text: string, languageId = 'typescript'): Promise<string> {
        const uri = `file:///work/structure/file${opened++}.ts`;
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId, version: 1, text } });
        return uri;
    }

    const full = (uri: string) => s.request<SemanticTokens>(SemanticTokensRequest.method, { textDocument: { uri } }, `semanticTokens/full of ${uri}`);

    it('the legend uses LSP\'s predefined names, which VS Code\'s themes colour without configuration', () => {
        for (const type of ['namespace', 'class', 'enum', 'interface', 'typeParameter', 'type', 'parameter', 'variable', 'property',
            'enumMember', 'function', 'method', 'decorator', 'regexp']) {
            assert.ok(legend.tokenTypes.includes(type), `token type ${type}`);
        }
        for (const modifier of ['declaration', 'definition', 'readonly', 'static', 'async', 'abstract', 'deprecated', 'defaultLibrary']) {
            assert.ok(legend.tokenModifiers.includes(modifier), `modifier ${modifier}`);
        }
    });

    it('colours each name as the binder resolves it', async () => {
        const uri = await open(SOURCE);
        const tokens = decode((await full(uri)).data, legend, SOURCE);
        const on = (line: number) => tokens.filter(t => t.line === line).map(describeToken);
        // no tokens in an import clause, as TypeScript has it: the other file says what the names are
        assert.deepEqual(on(0), []);
        assert.deepEqual(on(1), []);
        assert.deepEqual(on(11), ['scale function declaration definition', 'shape parameter declaration local', 'Shape interface',
            'factor parameter declaration local']);
        // a parameter is a parameter at every use; a method call is a method
        assert.deepEqual(on(12), ['base variable declaration definition readonly local', 'shape parameter local', 'area method']);
        assert.deepEqual(on(13), ['base variable readonly local', 'factor parameter local']);
        assert.deepEqual(on(17), ['Circle class declaration definition', 'Shape interface']);
        assert.deepEqual(on(20).slice(0, 2), ['Math variable defaultLibrary', 'PI property defaultLibrary']);
        // a const holding a function, a name called and an export called through its namespace are functions (TypeScript's types)
        assert.deepEqual(on(23), ['read function declaration definition readonly', 'readFileSync function readonly', 'path namespace readonly',
            'join function']);
    });

    it('full/delta after keystrokes equals a fresh full, and each delta is a small edit', async () => {
        let text = SOURCE;
        const uri = await open(text);
        const mirror = await open(text); // a second document given the whole text, for fresh full answers
        let first = await full(uri);
        let data = first.data;
        let resultId = first.resultId;
        let version = 1;
        // typed a key at a time inside scale's body, then a new top-level declaration other statements use
        const typing: [number, number, string][] = [];
        for (const [i, ch] of [...' + base'].entries()) typing.push([13, 24 + i, ch]);
        for (const [i, ch] of [...'function Math() {}\n'].entries()) typing.push([16, i, ch]);
        for (const [line, character, key] of typing) {
            const starts = lineStarts(text);
            const offset = starts[line] + character;
            text = text.slice(0, offset) + key + text.slice(offset);
            version++;
            await s.notify(DidChangeTextDocumentNotification.method, {
                textDocument: { uri, version },
                contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: key }],
            });
            const answer = await s.request<SemanticTokens | SemanticTokensDelta>(SemanticTokensDeltaRequest.method,
                { textDocument: { uri }, previousResultId: resultId }, 'semanticTokens/full/delta');
            assert.ok('edits' in answer, `a delta after typing ${JSON.stringify(key)}`);
            data = applyTokenEdits(data, answer.edits);
            resultId = answer.resultId!;
            const changed = answer.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0);
            assert.ok(changed <= 5 * 40, `the delta after ${JSON.stringify(key)} carries ${changed} ints`);
            await s.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri: mirror, version }, contentChanges: [{ text }] });
            const fresh = await full(mirror);
            assert.deepEqual(decode(data, legend, text).map(describeToken), decode(fresh.data, legend, text).map(describeToken),
                `tokens after typing ${JSON.stringify(key)} at ${line}:${character}`);
            assert.deepEqual(data, fresh.data);
        }
        // the declared function Math now colours the uses below it as a function, not the library's variable
        const tokens = decode(data, legend, text);
        assert.ok(tokens.some(t => t.text === 'Math' && t.type === 'function' && !t.modifiers.includes('declaration')), 'Math is a function');
    });

    it('folding ranges are whole lines, with the kinds VS Code shows', async () => {
        const uri = await open(SOURCE);
        const ranges = await s.request<FoldingRange[]>(FoldingRangeRequest.method, { textDocument: { uri } }, 'foldingRange');
        const described = ranges.map(r => `${r.startLine}-${r.endLine}${r.kind ? ' ' + r.kind : ''}`).sort();
        assert.deepEqual(described, ['0-1 imports', '10-15 region', '11-13', '17-21', '19-20', '3-5 comment', '6-7'].sort());
        for (const r of ranges) assert.equal(r.startCharacter, undefined, 'lineFoldingOnly: no columns');
    });

    it('on a published file: tokens are names in order, deltas after typing equal a fresh full, folds are well formed', { skip: existsSync(REAL_FILE) ? false : `${REAL_FILE} is not fetched (mvn verify fetches it)` }, async () => {
        let text = readFileSync(REAL_FILE, 'utf8');
        const uri = await open(text);
        const mirror = await open(text);
        const first = await full(uri);
        const tokens = decode(first.data, legend, text);
        assert.ok(tokens.length > 1000, `${tokens.length} tokens`);
        for (const t of tokens) assert.match(t.text, /^[#@]?[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\u200c\u200d]*$|^\//u, `token ${describeToken(t)} at ${t.line}:${t.character}`);

        const folds = await s.request<FoldingRange[]>(FoldingRangeRequest.method, { textDocument: { uri } }, 'foldingRange');
        const lineCount = text.split('\n').length;
        assert.ok(folds.length > 100, `${folds.length} folding ranges`);
        const startLines = new Set<number>();
        for (const f of folds) {
            assert.ok(f.startLine < f.endLine || (f.kind === undefined && f.startLine <= f.endLine), `fold ${f.startLine}-${f.endLine}`);
            assert.ok(f.endLine < lineCount, `fold ${f.startLine}-${f.endLine} inside the text`);
            assert.ok(!startLines.has(f.startLine), `one fold starts on line ${f.startLine}`);
            startLines.add(f.startLine);
        }

        // keystrokes at lines spread over the file, each followed by a delta
        let data = first.data;
        let resultId = first.resultId;
        let version = 1;
        for (let k = 0; k < 12; k++) {
            const lines = text.split('\n');
            const line = Math.floor(((k + 0.5) * lines.length) / 12);
            const character = Math.min(lines[line].length, 4); // within the line: the server clamps a column past its end
            const key = k % 3 === 0 ? '\n' : k % 3 === 1 ? 'x' : ' ';
            const starts = lineStarts(text);
            text = text.slice(0, starts[line] + character) + key + text.slice(starts[line] + character);
            version++;
            await s.notify(DidChangeTextDocumentNotification.method, {
                textDocument: { uri, version },
                contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: key }],
            });
            const answer = await s.request<SemanticTokens | SemanticTokensDelta>(SemanticTokensDeltaRequest.method,
                { textDocument: { uri }, previousResultId: resultId }, 'semanticTokens/full/delta');
            assert.ok('edits' in answer, 'a delta');
            data = applyTokenEdits(data, answer.edits);
            resultId = answer.resultId!;
            await s.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri: mirror, version }, contentChanges: [{ text }] });
            const freshData = (await full(mirror)).data;
            assert.deepEqual(data, freshData, `tokens after typing ${JSON.stringify(key)} at ${line}:${character}`);
        }
    });

    it('colours names imported from other files of a published package as those files declare them', { skip: existsSync(SCHEMAS_FILE) ? false : `${SCHEMAS_FILE} is not fetched (mvn verify fetches it)` }, async () => {
        const text = readFileSync(SCHEMAS_FILE, 'utf8');
        const uri = `file://${SCHEMAS_FILE}`;
        await s.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
        const tokens = decode((await full(uri)).data, legend, text);
        const starts = lineStarts(text);
        // the token on the name that starts `offset` chars into the first occurrence of `context`
        const at = (context: string, name: string) => {
            const offset = text.indexOf(context) + context.indexOf(name);
            assert.ok(offset >= context.indexOf(name), `${context} in schemas.ts`);
            const t = tokens.find(t => starts[t.line] + t.character === offset);
            assert.ok(t, `a token on ${name} in ${context}`);
            return describeToken(t);
        };
        // core is `import * as core from "../core/index.js"`, a barrel of `export *`: its $ZodType is an interface
        // and a constructor const (zod's way to declare a class), util a namespace it re-exports
        assert.equal(at('core.$ZodType.init(inst, def);', '$ZodType'), '$ZodType class');
        assert.equal(at('> extends core.$ZodType<Output', '$ZodType'), '$ZodType interface');
        assert.equal(at('util.mergeDefs(def', 'mergeDefs'), 'mergeDefs function');
    });

    it('shuts down and exits with code 0 and no error in the log', async () => {
        assert.equal(await s.request(ShutdownRequest.method, undefined, 'shutdown'), null);
        await s.notify(ExitNotification.method);
        const { code } = await withTimeout(s.exited, WAIT_MS, 'the server process to exit');
        assert.equal(code, 0, `exit code; server log:\n${s.log()}`);
        assert.doesNotMatch(s.log(), /\b(ERROR|SEVERE|Exception)\b/, 'no error in the server log');
    });
});
