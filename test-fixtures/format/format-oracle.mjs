#!/usr/bin/env node
// The formatter's judge: TypeScript's own formatter, typescript@6.0.3 fetched pinned like the other
// oracles (../scripts/fetch-npm.sh), through
//     languageService.getFormattingEditsForDocument(file, { ...defaultFormatCodeSettings, tabSize, indentSize, convertTabsToSpaces })
// with the edits applied to the text.
//
//   node format-oracle.mjs judge          JSON lines {file,text,tabSize,insertSpaces} on stdin -> {formatted} lines
//   node format-oracle.mjs format FILE    the formatted text of FILE (tab size 4, spaces) on stdout
//
// The Java side is FormatterJudgeTest (server tests). Cache: $ARENA_LS_CACHE, else $HOME/.cache/arena-ls.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { loadTypeScript } from '../scripts/typescript-oracle.mjs';


function die(msg) { process.stderr.write(`format-oracle: error: ${msg}\n`); process.exit(1); }


const ts = loadTypeScript();

/** One file in a one-file language service: only the formatter is asked, so no lib, no program checks. */
function format(file, text, tabSize, insertSpaces) {
    const name = '/judge/' + path.basename(file);
    const host = {
        getCompilationSettings: () => ({ allowJs: true, jsx: ts.JsxEmit.Preserve, noLib: true, noResolve: true }),
        getScriptFileNames: () => [name],
        getScriptVersion: () => '1',
        getScriptSnapshot: f => f === name ? ts.ScriptSnapshot.fromString(text) : undefined,
        getCurrentDirectory: () => '/judge',
        getDefaultLibFileName: () => '/judge/lib.d.ts',
        fileExists: f => f === name,
        readFile: f => f === name ? text : undefined,
    };
    const service = ts.createLanguageService(host, ts.createDocumentRegistry());
    const settings = { ...ts.getDefaultFormatCodeSettings('\n'), tabSize, indentSize: tabSize, convertTabsToSpaces: insertSpaces };
    const edits = service.getFormattingEditsForDocument(name, settings);
    let out = text;
    for (let i = edits.length - 1; i >= 0; i--) {
        const e = edits[i];
        out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.start + e.span.length);
    }
    service.dispose();
    return out;
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'judge') {
    const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of rl) {
        if (!line.trim()) continue;
        const req = JSON.parse(line);
        let answer;
        try {
            answer = { formatted: format(req.file, req.text, Number(req.tabSize ?? 4), req.insertSpaces !== false && req.insertSpaces !== 'false') };
        } catch (e) {
            answer = { error: String(e && e.message || e) };
        }
        process.stdout.write(JSON.stringify(answer) + '\n');
    }
} else if (cmd === 'format' && arg) {
    process.stdout.write(format(arg, fs.readFileSync(arg, 'utf8'), 4, true));
} else {
    die('usage: format-oracle.mjs judge | format FILE');
}
