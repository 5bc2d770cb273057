// A stand-in for the `vscode` module, enough to load the bundled extension (dist/extension.js) in
// plain node and run its activation: real VS Code can't be downloaded here. What the extension
// itself uses (settings, output channel, status bar, commands, messages) is implemented and
// recorded; whatever else vscode-languageclient touches while it registers its features is a
// universal stub: callable, constructible, every property another stub, iterable as empty.
import Module from 'node:module';
import * as path from 'node:path';

export interface Recorded {
    output: string[];
    errors: { message: string; actions: string[] }[];
    infos: string[];
    commands: Map<string, (...args: unknown[]) => unknown>;
    status: { text: string; tooltip?: string; visible: boolean; command?: string; shown: string[] };
    settings: Record<string, unknown>;
    trusted: boolean;
    /** vscode.languages.register*Provider calls: `Definition`, `Rename`, … with their selector and provider */
    providers: { kind: string; selector: unknown; provider: any }[];
    /** vscode.commands.executeCommand calls: the command and its arguments */
    executed: { command: string; args: unknown[] }[];
}

function stub(name: string): any {
    const target = function () { /* stub */ };
    return new Proxy(target, {
        get(t, p) {
            if (p === 'then') return undefined; // not a thenable
            if (p === Symbol.iterator) return function* () { /* empty */ };
            if (p === Symbol.toPrimitive) return () => `[stub ${name}]`;
            if (p === 'dispose') return () => undefined;
            if (p in t) return (t as any)[p];
            return stub(`${name}.${String(p)}`);
        },
        apply() { return stub(`${name}()`); },
        construct() { return stub(`new ${name}`); },
    });
}

class Disposable {
    static from(...items: { dispose(): unknown }[]) { return new Disposable(() => items.forEach(i => i?.dispose?.())); }
    constructor(private readonly fn: () => unknown) {}
    dispose() { this.fn?.(); }
}

class EventEmitter<T> {
    private listeners: ((e: T) => unknown)[] = [];
    event = (l: (e: T) => unknown) => { this.listeners.push(l); return new Disposable(() => { this.listeners = this.listeners.filter(x => x !== l); }); };
    fire(e: T) { for (const l of [...this.listeners]) l(e); }
    dispose() { this.listeners = []; }
}

class Uri {
    private constructor(readonly scheme: string, readonly path: string, readonly authority = '', readonly query = '', readonly fragment = '') {}
    static file(p: string) { return new Uri('file', path.resolve(p)); }
    static parse(s: string) {
        const m = /^([a-z][\w+.-]*):(?:\/\/([^/]*))?([^?#]*)/i.exec(s);
        return m ? new Uri(m[1], decodeURIComponent(m[3]), m[2] ?? '') : new Uri('file', s);
    }
    get fsPath() { return this.path; }
    with() { return this; }
    toString() { return `${this.scheme}://${this.authority}${encodeURI(this.path)}`; }
    toJSON() { return this.toString(); }
}

class ThemeColor { constructor(readonly id: string) {} }

// the value types vscode-languageclient's converters build for navigation results
class Position { constructor(readonly line: number, readonly character: number) {} }
class Range {
    readonly start: Position;
    readonly end: Position;
    constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
        this.start = typeof a === 'number' ? new Position(a, b as number) : a;
        this.end = typeof a === 'number' ? new Position(c!, d!) : b as Position;
    }
}
class Location { constructor(readonly uri: Uri, readonly range: Range) {} }
class TextEdit { constructor(readonly range: Range, readonly newText: string) {} }
class WorkspaceEdit {
    readonly edits = new Map<string, { uri: Uri; edits: TextEdit[] }>();
    private entry(uri: Uri) {
        const key = uri.toString();
        if (!this.edits.has(key)) this.edits.set(key, { uri, edits: [] });
        return this.edits.get(key)!;
    }
    set(uri: Uri, edits: TextEdit[]) { this.entry(uri).edits.splice(0, Infinity, ...edits); }
    replace(uri: Uri, range: Range, newText: string) { this.entry(uri).edits.push(new TextEdit(range, newText)); }
    insert(uri: Uri, position: Position, newText: string) { this.replace(uri, new Range(position, position), newText); }
    delete(uri: Uri, range: Range) { this.replace(uri, range, ''); }
    entries() { return [...this.edits.values()].map(e => [e.uri, e.edits] as const); }
    get size() { return this.edits.size; }
}
class DocumentHighlight { kind?: number; constructor(readonly range: Range, kind?: number) { this.kind = kind; } }
class LinkedEditingRanges { constructor(readonly ranges: Range[], readonly wordPattern?: RegExp) {} }
class CancellationError extends Error { constructor() { super('Canceled'); } }

type Filter = { language?: string; scheme?: string; pattern?: unknown };
/** vscode.languages.match for the selectors the extension uses: language and scheme filters (10 = exact match). */
function match(selector: Filter | string | (Filter | string)[], document: { languageId: string; uri: Uri }): number {
    const list = Array.isArray(selector) ? selector : [selector];
    let best = 0;
    for (const f of list) {
        const filter: Filter = typeof f === 'string' ? { language: f } : f;
        if (filter.language !== undefined && filter.language !== '*' && filter.language !== document.languageId) continue;
        if (filter.scheme !== undefined && filter.scheme !== document.uri.scheme) continue;
        if (filter.pattern !== undefined) continue;
        best = Math.max(best, 10);
    }
    return best;
}

const noEvent = () => new Disposable(() => undefined);

/** Builds the stub, installs it as `vscode` for require(), and returns what it records. */
export function installVscodeStub(): { recorded: Recorded; vscode: any; uninstall: () => void } {
    const recorded: Recorded = {
        output: [], errors: [], infos: [], commands: new Map(),
        status: { text: '', visible: false, shown: [] }, settings: {}, trusted: true, providers: [], executed: [],
    };
    const configuration = (section?: string) => ({
        get: (key: string, dflt?: unknown) => {
            const full = section ? `${section}.${key}` : key;
            return full in recorded.settings ? recorded.settings[full] : dflt;
        },
        has: (key: string) => `${section}.${key}` in recorded.settings,
        inspect: (key: string) => ({ key, globalValue: recorded.settings[`${section}.${key}`], defaultValue: undefined }),
        update: async () => undefined,
    });
    const known: Record<string, any> = {
        version: '1.82.0',
        Disposable, EventEmitter, Uri, ThemeColor,
        Position, Range, Location, TextEdit, WorkspaceEdit, DocumentHighlight, LinkedEditingRanges, CancellationError,
        DocumentHighlightKind: { Text: 0, Read: 1, Write: 2 },
        languages: new Proxy({ match } as Record<string, unknown>, {
            get(o, q: string) {
                if (q in o) return o[q];
                const m = /^register(\w+)Provider$/.exec(q);
                if (m) {
                    return (selector: unknown, provider: unknown) => {
                        const entry = { kind: m[1], selector, provider };
                        recorded.providers.push(entry);
                        return new Disposable(() => { recorded.providers = recorded.providers.filter(e => e !== entry); });
                    };
                }
                return stub(`vscode.languages.${q}`);
            },
        }),
        StatusBarAlignment: { Left: 1, Right: 2 },
        ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
        workspace: {
            getConfiguration: configuration,
            get isTrusted() { return recorded.trusted; },
            workspaceFolders: undefined,
            textDocuments: [],
            notebookDocuments: [],
            onDidChangeConfiguration: noEvent,
            onDidGrantWorkspaceTrust: noEvent,
            onDidOpenTextDocument: noEvent,
            onDidCloseTextDocument: noEvent,
            onDidChangeTextDocument: noEvent,
            onDidSaveTextDocument: noEvent,
            onWillSaveTextDocument: noEvent,
            onDidChangeWorkspaceFolders: noEvent,
        },
        window: {
            createOutputChannel: (name: string) => ({
                name,
                append: (s: string) => recorded.output.push(s),
                appendLine: (s: string) => recorded.output.push(`${s}\n`),
                replace: () => undefined, clear: () => undefined, show: () => undefined, hide: () => undefined, dispose: () => undefined,
            }),
            createStatusBarItem: () => {
                const s = recorded.status;
                return {
                    get text() { return s.text; }, set text(v: string) { s.text = v; },
                    get tooltip() { return s.tooltip; }, set tooltip(v: string | undefined) { s.tooltip = v; },
                    get command() { return s.command; }, set command(v: string | undefined) { s.command = v; },
                    name: '', backgroundColor: undefined,
                    show: () => { s.visible = true; s.shown.push(s.text); }, hide: () => { s.visible = false; }, dispose: () => { s.visible = false; },
                };
            },
            showErrorMessage: (message: string, ...actions: string[]) => { recorded.errors.push({ message, actions }); return Promise.resolve(undefined); },
            showInformationMessage: (message: string) => { recorded.infos.push(message); return Promise.resolve(undefined); },
            showWarningMessage: (message: string) => { recorded.infos.push(message); return Promise.resolve(undefined); },
            visibleTextEditors: [],
            activeTextEditor: undefined,
            onDidChangeActiveTextEditor: noEvent,
            onDidChangeVisibleTextEditors: noEvent,
        },
        commands: {
            registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => { recorded.commands.set(id, fn); return new Disposable(() => recorded.commands.delete(id)); },
            executeCommand: async (command: string, ...args: unknown[]) => { recorded.executed.push({ command, args }); return undefined; },
        },
        env: { openExternal: async () => true, machineId: 'test', language: 'en', appName: 'stub' },
    };
    const vscode = new Proxy(known, {
        get(t, p: string) {
            if (p in t) {
                const v = t[p];
                // namespaces: known members, else stubs
                if (v && typeof v === 'object' && !Array.isArray(v) && ['workspace', 'window', 'commands', 'env'].includes(p)) {
                    return new Proxy(v, { get: (o, q: string) => (q in o ? o[q] : stub(`vscode.${p}.${q}`)) });
                }
                return v;
            }
            return stub(`vscode.${p}`);
        },
    });
    const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = mod._load;
    mod._load = function (request: string, ...rest: unknown[]) {
        if (request === 'vscode') return vscode;
        return original.call(this, request, ...rest);
    };
    return { recorded, vscode, uninstall: () => { mod._load = original; } };
}
