// The VS Code side: settings, the language client's lifecycle, the status bar item, commands.
// Everything that can be tested without VS Code lives in ./launch and ./java.
import * as vscode from 'vscode';
import {
    DidChangeConfigurationNotification,
    LanguageClient,
    LanguageClientOptions,
    RevealOutputChannelOn,
    ServerOptions,
    State,
} from 'vscode-languageclient/node';
import { ArchivePlan, makeArchive } from './archive';
import { ArenaSettings, configurationPayload, initializationOptions, LaunchError, LIVE_SETTINGS, REINITIALIZE_SETTINGS, renderCommandLine, resolveServerCommand, RESTART_SETTINGS } from './launch';

const SECTION = 'arena-ls';
const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];
const JAVA_DOWNLOAD = 'https://adoptium.net/temurin/releases/?version=17';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let extensionPath = '';
let globalState: vscode.Memento | undefined;
/** The extension's global storage directory (class-data archives), when VS Code gives one. */
let storageDir: string | undefined;
/** How the running server was started, for the status item's tooltip. */
let startedWith = '';
/** Serializes start/stop/restart so two restarts in a row cannot race. */
let lifecycle: Promise<void> = Promise.resolve();
let stopping = false;

export function activate(context: vscode.ExtensionContext): void {
    extensionPath = context.extensionPath;
    globalState = context.globalState;
    storageDir = context.globalStorageUri?.fsPath;
    output = vscode.window.createOutputChannel('arena-ls');
    status = vscode.window.createStatusBarItem('arena-ls.status', vscode.StatusBarAlignment.Right, 100);
    status.name = 'arena-ls';
    context.subscriptions.push(
        output,
        status,
        vscode.commands.registerCommand('arena-ls.restart', () => enqueue(restart)),
        vscode.commands.registerCommand('arena-ls.showOutput', () => output.show(true)),
        vscode.commands.registerCommand('arena-ls.showLocations', showLocations),
        vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
        vscode.workspace.onDidGrantWorkspaceTrust(() => enqueue(restart)),
    );
    void enqueue(start);
}

export function deactivate(): Thenable<void> {
    return enqueue(stop);
}

function enqueue(step: () => Promise<void>): Promise<void> {
    lifecycle = lifecycle.then(step, step);
    return lifecycle;
}

type LspPosition = { line: number; character: number };
type LspLocation = { uri: string; range: { start: LspPosition; end: LspPosition } };

/**
 * The command of a resolved code lens ("3 references"): its arguments arrive as protocol JSON
 * (uri, position, locations), which VS Code's reference peek takes only as its own types.
 */
function showLocations(uri: string, position: LspPosition, locations: LspLocation[]): Thenable<unknown> {
    const at = (p: LspPosition) => new vscode.Position(p.line, p.character);
    return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), at(position),
        (locations ?? []).map(l => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(at(l.range.start), at(l.range.end)))));
}

/** A setting's value; in an untrusted workspace the ones that name programs come from user settings only. */
function setting<T>(key: string): T | undefined {
    const config = vscode.workspace.getConfiguration(SECTION);
    const full = `${SECTION}.${key}`;
    if (!vscode.workspace.isTrusted && RESTART_SETTINGS.includes(full)) {
        const i = config.inspect<T>(key);
        return i?.globalValue ?? i?.defaultValue;
    }
    return config.get<T>(key);
}

function readSettings(): ArenaSettings {
    return {
        javaHome: setting<string | null>('java.home'),
        javaOpts: setting<string[] | string>('java.opts'),
        serverPath: setting<string | null>('server.path'),
        maxFileSize: setting<number>('maxFileSize'),
        diagnosticsMode: setting<string>('diagnostics.mode'),
        unusedHints: setting<boolean>('diagnostics.unused'),
        parameterNameHints: setting<string>('inlayHints.parameterNames'),
        enumMemberValueHints: setting<boolean>('inlayHints.enumMemberValues'),
        importDiagnostics: setting<string>('importDiagnostics'),
        referencesCodeLens: setting<boolean>('codeLens.references'),
        implementationsCodeLens: setting<boolean>('codeLens.implementations'),
    };
}

/** While the server runs: its name and version; click for the output. */
function showRunning(c: LanguageClient): void {
    const info = c.initializeResult?.serverInfo;
    const version = info?.version ? ` ${info.version}` : '';
    status.text = `$(check) arena-ls${version}`;
    status.tooltip = `${info?.name ?? 'arena-ls'}${version} is running: ${startedWith}\nClick to show the output.`;
    status.command = 'arena-ls.showOutput';
    status.backgroundColor = undefined;
    status.show();
}

function showStatus(kind: 'starting' | 'failed', detail: string): void {
    status.text = kind === 'starting' ? '$(sync~spin) arena-ls' : '$(error) arena-ls';
    status.tooltip = kind === 'starting' ? `arena-ls: ${detail}` : `arena-ls: ${detail}\nClick to show the output.`;
    status.command = 'arena-ls.showOutput';
    status.backgroundColor = kind === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    status.show();
}

async function start(): Promise<void> {
    showStatus('starting', 'starting the language server…');
    const settings = readSettings();
    let command;
    try {
        command = await resolveServerCommand(settings, extensionPath, { archiveDir: storageDir });
    } catch (err) {
        await failed(err);
        return;
    }
    for (const r of command.skipped ?? []) output.appendLine(`[arena-ls] passed over ${r.source}: ${r.executable}: ${r.reason}`);
    output.appendLine(`[arena-ls] starting: ${command.description}`);
    startedWith = command.description;
    output.appendLine(`[arena-ls] ${renderCommandLine(command.command, command.args)}`);

    const serverOptions: ServerOptions = {
        command: command.command,
        args: command.args,
        options: { env: process.env },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: LANGUAGES.flatMap(language => [
            { scheme: 'file', language },
            { scheme: 'untitled', language },
        ]),
        initializationOptions: initializationOptions(settings),
        outputChannel: output,
        revealOutputChannelOn: RevealOutputChannelOn.Never,
        markdown: { isTrusted: false, supportHtml: false },
    };
    const c = new LanguageClient('arena-ls', 'arena-ls', serverOptions, clientOptions);
    client = c;
    c.onDidChangeState(e => {
        if (e.newState === State.Running) {
            showRunning(c);
        } else if (e.newState === State.Starting) {
            showStatus('starting', 'starting the language server…');
        } else if (e.newState === State.Stopped && !stopping && client === c) {
            showStatus('failed', 'the language server stopped. Run "arena-ls: Restart Server" to start it again.');
        }
    });
    try {
        await c.start();
        if (client === c && c.isRunning()) showRunning(c); // initializeResult is known now
        output.appendLine('[arena-ls] the server is running');
        offerToTurnOffBuiltinValidation();
        if (command.archive && !command.archive.ready) void prepareArchive(command.archive);
    } catch (err) {
        await failed(err);
    }
}

/** The class-data archive the next start maps (once per Java and jar, in the background). */
async function prepareArchive(plan: ArchivePlan): Promise<void> {
    try {
        const archive = await makeArchive(plan);
        output.appendLine(`[arena-ls] made the class-data archive ${archive}: the next start maps it`);
    } catch (err) {
        output.appendLine(`[arena-ls] no class-data archive (the server starts without one): ${err instanceof Error ? err.message : String(err)}`);
    }
}

async function failed(err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    output.appendLine(`[arena-ls] could not start the language server:\n${message}`);
    showStatus('failed', message.split('\n')[0]);
    const actions: string[] = [];
    if (err instanceof LaunchError && err.kind === 'no-java') actions.push('Open Settings', 'Get Java 17');
    else if (err instanceof LaunchError) actions.push('Open Settings');
    actions.push('Show Output');
    // the first line says what is wrong, the "Fix:" line what to do; the full list is in the output
    const lines = message.split('\n');
    const fix = lines.find(l => l.startsWith('Fix:'));
    const shown = fix ? `${lines[0]} ${fix}` : lines[0];
    void vscode.window.showErrorMessage(shown, ...actions).then(choice => {
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
        else if (choice === 'Get Java 17') void vscode.env.openExternal(vscode.Uri.parse(JAVA_DOWNLOAD));
        else if (choice === 'Show Output') output.show(true);
    });
}

async function stop(): Promise<void> {
    const c = client;
    client = undefined;
    if (!c) return;
    stopping = true;
    try {
        if (c.isRunning()) await c.stop(5000);
        await c.dispose(2000);
    } catch (err) {
        output.appendLine(`[arena-ls] stopping the server: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
        stopping = false;
    }
}

async function restart(): Promise<void> {
    output.appendLine('[arena-ls] restarting');
    await stop();
    await start();
}

/** globalState key: the offer below was made (whatever the answer), so it is never made again. */
export const OFFERED_VALIDATION_KEY = 'arena-ls.offeredToTurnOffBuiltinValidation';
const BUILTIN_VALIDATION = ['typescript.validate.enable', 'javascript.validate.enable'];

/**
 * VS Code's built-in TypeScript support reports syntax errors too, so they appear twice. Offer, once,
 * to turn its validation off for this workspace; never change it without asking (it also carries
 * TypeScript's type errors, which arena-ls does not report).
 */
function offerToTurnOffBuiltinValidation(): void {
    if (!globalState || globalState.get<boolean>(OFFERED_VALIDATION_KEY)) return;
    const enabled = BUILTIN_VALIDATION.filter(key => vscode.workspace.getConfiguration().get<boolean>(key, true) !== false);
    if (enabled.length === 0) return;
    void globalState.update(OFFERED_VALIDATION_KEY, true);
    const turnOff = 'Turn Off in This Workspace';
    const open = 'Open Setting';
    void vscode.window.showInformationMessage(
        'arena-ls: VS Code\'s built-in TypeScript support also reports syntax errors, so they may show twice. ' +
        `Turn off its validation (${enabled.join(', ')}) in this workspace? Its type errors go too; arena-ls reports syntax and scope errors only.`,
        turnOff, open, 'Keep Both',
    ).then(choice => {
        if (choice === turnOff) {
            for (const key of enabled) void vscode.workspace.getConfiguration().update(key, false, vscode.ConfigurationTarget.Workspace);
            output.appendLine(`[arena-ls] turned off ${enabled.join(', ')} in this workspace, as asked`);
        } else if (choice === open) {
            void vscode.commands.executeCommand('workbench.action.openSettings', 'typescript.validate.enable');
        }
    });
}

function onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if ([...RESTART_SETTINGS, ...REINITIALIZE_SETTINGS].some(s => e.affectsConfiguration(s))) {
        void vscode.window.showInformationMessage('arena-ls: restart the language server to apply the new settings?', 'Restart').then(choice => {
            if (choice === 'Restart') void enqueue(restart);
        });
    }
    if (LIVE_SETTINGS.some(s => e.affectsConfiguration(s)) && client?.isRunning()) {
        void client.sendNotification(DidChangeConfigurationNotification.type, configurationPayload(readSettings()));
    }
}
