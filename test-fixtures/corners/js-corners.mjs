#!/usr/bin/env node
// The JavaScript-corners differential fuzzer's generator and judge (issue 21 part 3): small
// JavaScript programs drawn from the grammar's rare corners — class elements, ASI and "no
// LineTerminator here", regular expressions (flags, `v` mode, named groups, lookbehind),
// destructuring and cover grammars, `let`/`yield`/`await`/`async`/`of` as names in every context,
// labels, `new.target`, `super`, private names, `using` — in three goals: a sloppy script, a strict
// script ("use strict" first) and a module. The judge is two independent parsers that pass test262,
// the pinned npm packages acorn and meriyah (fetched like the other oracles, ../scripts/fetch-npm.sh):
//     acorn.parse(text, { ecmaVersion: 'latest', sourceType })
//     meriyah.parse(text, { module, next: true, webcompat: true, lexical: true })
// A program is valid when both accept it, invalid when both reject it, and unjudged when they split.
//
//   node js-corners.mjs generate --seed S [--from I] [--count N]   programs I.. of seed S, JSON lines on stdout
//   node js-corners.mjs judge                                      JSON lines {goal,text} on stdin -> verdicts
//   node js-corners.mjs show --seed S --index I                    one program, as text
//
// generate writes one line per program:
//   {"i":"I","goal":"sloppy"|"strict"|"module","text":"...","acorn":"ok"|msg,"meriyah":"ok"|msg,"verdict":"ok"|"error"|"split"}
// (a strict program's text starts with its "use strict" directive; the goal says how to parse it).
// judge answers {"acorn":..,"meriyah":..,"verdict":..} per request line, in order.
// The Java side is JsCornersFuzzer (test-fixtures/src/test/java/dev/arenals/fixtures).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { splitmix, rngOf } from './corners.mjs';

const ACORN = 'acorn@8.19.0';
const MERIYAH = 'meriyah@7.4.2';
const scriptDir = path.dirname(fileURLToPath(import.meta.url));

function die(msg) { process.stderr.write(`js-corners: error: ${msg}\n`); process.exit(1); }

function loadPackage(spec, main) {
    const env = process.env.ARENA_LS_CACHE;
    const cache = env ? path.resolve(env) : path.join(process.env.HOME || os.homedir(), '.cache', 'arena-ls');
    const dir = path.join(cache, 'npm', spec, 'package');
    if (!fs.existsSync(path.join(cache, 'npm', spec, '.arena-ls-fetched'))) {
        execFileSync('bash', [path.join(scriptDir, '..', 'scripts', 'fetch-npm.sh'), spec],
            { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ARENA_LS_CACHE: cache } });
    }
    return createRequire(path.join(dir, 'package.json'))(path.join(dir, main));
}

// ---------------------------------------------------------------- the grammar

/** Words that are names somewhere and keywords or reserved elsewhere. */
const SPECIAL = ['let', 'yield', 'await', 'async', 'of', 'static', 'get', 'set', 'using', 'eval', 'arguments',
    'implements', 'package', 'interface', 'private', 'protected', 'public', 'target', 'meta', 'from', 'as',
    'constructor', 'prototype', 'enum', 'undefined'];
const PLAIN = ['a', 'b', 'c', 'x', 'y', '$', '_'];
/** Names spelled with escapes or outside ASCII; an escaped keyword is never a keyword (and often an error). */
const ESCAPED = ['\\u0061', '\\u{62}', 'l\\u0065t', '\\u0061wait', 'yi\\u0065ld', 'st\\u0061tic', '\\u0061sync', 'o\\u0066',
    '\\u{1d4d1}', 'a\\u200c', '\u2118', '\u212e', '\u309b', '\\u2118', 'x\\u{0}', '\\u{110000}', 'a\\u00', 'f\\u006fr',
    '\\u0065num', '\\u0074his', '\u00e9', '\u0391', '\\u{2F800}', '\u{20BB7}', '\\uD842\\uDFB7', '\u1885'];
/** Numeric, string and template literals, most of them valid in some goal only or nowhere. */
const ODD_LITERALS = ['08', '07', '09.5', '08n', '07n', '0_1', '1__0', '1_', '1_n', '0x_1', '0x1_f', '0b12', '0o8', '0B1_0', '.5_1',
    '1e_1', '1_e1', '1e1_0', '5.e1', '1.toString', '1..toString', '0.0_1', '00', '0n', '00n', '9007199254740993n', '1e', '0x', '0xg',
    '"\\08"', '"\\8"', '"\\0"', '"\\00"', '"\\1"', '"\\x4"', '"\\u{61}"', '"\\u{110000}"', '"\\u{}"', '"\\u00g0"',
    '"\\\n"', '"\u2028"', "'\\\r\n'", '`\\unicode`', '`\\u{`', '`\\08`', '`\\0`', 'String.raw`\\u`', 'x`\\xg`',
    'x`\\01`', '`${', '`a${1}\\`', '`\r\n`', '"\ufeff"'];
const NL = '\n';
/** Nesting bound of the generator; at the bound each part emits its simplest form. */
const MAX_DEPTH = 4;
const FLAGS = ['d', 'g', 'i', 'm', 's', 'u', 'y', 'v'];
/** Pieces of regular-expression bodies, joined at random (the character-level corners of the pattern grammar). */
const REGEX_PIECES = ['(', ')', '[', ']', '{', '}', '?', '*', '+', '|', '^', '$', '\\', '.', '-', ':', '=', '!', '<', '>', ',', 'k',
    'p', 'P', 'q', 'd', 'w', 'b', 'B', 'c', 'u', 'x', '0', '1', '2', '8', 'a', 'n', 'L', '&', '&&', '--', '~', '(?', '(?<', '(?<=',
    '\\p{', '\\k<', '\\u{', '\\u', '\\x', '\\c', '[^', '{1', ',2}', 'i', 's', 'm', '-i', 'Script=', 'Lu', 'RGI_Emoji', '\\q{',
    '\uD83D', '\uDE00', '\u00e9'];
/** Pieces of numeric literals, string and template bodies, and names, joined at random (the lexer's corners). */
const NUMBER_PIECES = ['0', '1', '7', '8', '9', '.', '_', 'e', 'E', '-', '+', 'n', 'x', 'X', 'o', 'O', 'b', 'B', 'f', 'a'];
const STRING_PIECES = ['a', '\\', 'u', '{', '}', '0', '1', '8', '9', 'x', 'F', 'D', '83', 'DC', 'd', '\n', '\r', '\u2028', '$', '$ {',
    '${', 'c', 'n', 'v', '\\u{', '\\x', '\\0'];
const NAME_PIECES = ['a', '\\u0061', '\\u{61}', '\\u{', '}', '\\u', '0', '$', '_', '\u200c', '\u200d', '\u2118', '\u309b',
    '\u00b7', '\u0300', '\\u0300', '\\u00b7', 'l\\u0065t', 'a\\u005c', '\\u{1d4d1}', '\uD835\uDCD1', '\\uD835\\uDCD1'];
/** Statements around a line break (`/` stands for the line break). */
const ASI = ['let / [ a ] = b', 'let / x = 1', 'let / { a } = b', 'let / let = 1', 'a = let / [ 0 ]', 'yield / a', 'await / a',
    'async / function f ( ) { }', 'async / ( a ) => a', 'async a / => a', 'a / => a', '( a ) / => a', 'a / ++ b', 'a ++ / b',
    'a / ( b )', 'a / [ b ]', 'a / `t`', 'x / / a / g', 'return / a', 'throw / a', 'break / a', 'continue / a',
    'using / x = y', 'await using / x = y', 'await / using x = y', 'let / await 0', 'of / of', 'do ; while ( 0 ) a',
    'do { } while ( 0 ) / a', 'if ( a ) ; else / ;', 'a = b / ( c ) . d', 'var a = 1 / var b', 'get / a', 'static / a',
    'x / ? . y', 'a ? . / b', 'new / . target', 'import / . meta', 'let / async function f ( ) { }', 'a : / b : / c'];

export class Gen {
    constructor(r) {
        this.r = r;
        this.out = [];
        this.depth = 0;
        // the context the tokens being generated are in (drives weights; misuse is generated too)
        this.fn = false;
        this.async = false;
        this.gen = false;
        this.method = false;
        this.ctor = false;
        this.inClass = false;
        this.loop = false;
        this.labels = [];
        this.misuse = r.p(0.5) ? 0.01 : r.f() * 0.15;
    }

    t(...toks) { for (const x of toks) this.out.push(x); }

    name() {
        const r = this.r;
        if (r.p(0.2)) return r.pick(SPECIAL);
        return this.odd() ? r.pick(ESCAPED) : r.pick(PLAIN);
    }

    /** Whether to take a corner that is often an error here: at a per-program rate. */
    odd() { return this.r.p(this.misuse); }

    /** A name that fits the context most of the time. */
    okName() {
        const r = this.r;
        if (r.p(0.75)) return r.pick(PLAIN);
        return this.name();
    }

    deeper(f) {
        if (this.depth >= MAX_DEPTH) return false;
        this.depth++;
        try { f(); } finally { this.depth--; }
        return true;
    }

    within(ctx, f) {
        const saved = { fn: this.fn, async: this.async, gen: this.gen, method: this.method, ctor: this.ctor,
            inClass: this.inClass, loop: this.loop, labels: this.labels };
        Object.assign(this, ctx);
        try { f(); } finally { Object.assign(this, saved); }
    }

    // ---- regular expressions: one token
    regex() {
        const r = this.r;
        let body = '';
        const n = 1 + r.int(4);
        for (let i = 0; i < n; i++) body += this.regexTerm();
        if (body === '' || body.startsWith('*')) body = 'a' + body;
        let flags = '';
        const nf = r.p(0.3) ? 0 : 1 + r.int(2);
        for (let i = 0; i < nf; i++) {
            const f = r.pick(r.p(0.5) ? ['u', 'v'] : FLAGS);
            if (!flags.includes(f) && !(f === 'u' && flags.includes('v')) && !(f === 'v' && flags.includes('u'))) flags += f;
        }
        if (this.odd()) flags += r.pick(['x', 'gg', 'uv', 'u', 'v']);
        return '/' + body + '/' + flags;
    }

    regexTerm() {
        const r = this.r;
        const atoms = ['a', '.', '\\d', '\\w', '\\b', '\\B', '^', '$', '\\k<n>', '\\k<m>', '\\k', '\\1', '\\2', '\\8', '\\0',
            '\\00', '\\c', '\\cA', '\\c1', '\\u{1F600}', '\\u{110000}', '\\uD83D\\uDE00', '\\uD83D', '\\x4', '\\x41', '\\-',
            '\\/', '\\p{L}', '\\P{Script=Greek}', '\\p{Lu}', '\\p{RGI_Emoji}', '\\p{Basic_Emoji}', '\\p{Foo}', '\\p', '\\q{a}',
            '{', '}', ']', '\\]', '\\a', '\\_', '\\$', '\\ ', '\\z', '\\e', '[\\b]', '[\\B]', '[\\-]', '[a-]', '[-a]', '[\\d-z]', '[z-a]',
            '[^a]', '[]', '[^]', '[a-z]', '[\\p{L}--\\p{N}]', '[\\p{L}&&\\p{Lu}]', '[[a-z]--[aeiou]]', '[[a]&&[b]]', '[a--b]',
            '[a&&&b]', '[\\q{abc|d}]', '[(]', '[|]', '[\\p{RGI_Emoji}--\\q{x}]', '[^\\p{RGI_Emoji}]', '[a-z&&b]', '[!!]', '(?:a|b)'];
        const r2 = r.f();
        let atom;
        if (r2 < 0.5) atom = r.pick(atoms);
        else if (r2 < 0.85) {
            // groups: named (duplicates in alternatives, ES2025), lookarounds, modifiers
            const open = r.pick(['(', '(?:', '(?<n>', '(?<n>', '(?<m>', '(?=', '(?!', '(?<=', '(?<!', '(?i:', '(?-i:', '(?m-s:',
                '(?ii:', '(?<a\\u0062>', '(?<\\u{1d4d1}>', '(?<1>', '(?']);
            let inner = this.depth > 2 ? 'a' : '';
            if (!inner) this.deeper(() => { inner = this.regexTerm(); if (r.p(0.3)) inner += '|' + this.regexTerm(); });
            atom = open + inner + ')';
        } else atom = '|';
        if (r.p(0.3)) atom += r.pick(['*', '+', '?', '{2}', '{1,}', '{1,3}', '*?', '{2,1}', '{,2}', '{', '??', '+?']);
        return atom;
    }

    // ---- bindings and patterns
    binding(allowPattern = true) {
        const r = this.r;
        const c = !allowPattern || this.depth >= MAX_DEPTH ? 0 : r.int(7);
        if (c === 5) {
            this.deeper(() => {
                this.t('{');
                const n = r.int(3);
                for (let i = 0; i < n; i++) {
                    if (i) this.t(',');
                    if (r.p(0.5)) { this.t(this.okName()); if (r.p(0.3)) { this.t('='); this.assign(); } }
                    else { this.propName(); this.t(':'); this.binding(); if (r.p(0.2)) { this.t('='); this.assign(); } }
                }
                if (r.p(0.2)) this.t(n ? ',' : '', '...', r.p(0.9) ? this.okName() : '{', r.p(0.1) ? ',' : '');
                if (this.out[this.out.length - 1] === '{') this.t('}');
                this.t('}');
            });
        } else if (c === 6) {
            this.deeper(() => {
                this.t('[');
                const n = r.int(3);
                for (let i = 0; i < n; i++) { if (i) this.t(','); if (r.p(0.8)) { this.binding(); if (r.p(0.2)) { this.t('='); this.assign(); } } }
                if (r.p(0.2)) { this.t(n ? ',' : '', '...'); this.binding(); if (r.p(0.1)) this.t(','); }
                this.t(']');
            });
        } else {
            this.t(this.okName());
        }
    }

    params() {
        const r = this.r;
        this.t('(');
        const n = r.int(3);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            if (i === n - 1 && r.p(0.15)) this.t('...');
            this.binding();
            if (r.p(0.15)) { this.t('='); this.assign(); }
        }
        if (n && r.p(0.1)) this.t(',');
        this.t(')');
    }

    propName() {
        const r = this.r;
        switch (r.int(9)) {
            case 0: case 8: this.t('"k"'); break;
            case 1: this.t(r.pick(['0', '1n', '0x1', '.5', '"constructor"', "'__proto__'"])); break;
            case 2: this.t('['); this.assign(); this.t(']'); break;
            case 3: this.t(r.pick(['new', 'class', 'function', 'in', 'typeof', 'delete', 'default', 'enum', 'if', 'super', 'this', 'null'])); break;
            case 4: this.t(r.pick(['__proto__', 'constructor', 'prototype'])); break;
            default: this.t(this.name());
        }
    }

    // ---- expressions
    expr() {
        this.assign();
        if (this.r.p(0.05)) { this.t(','); this.assign(); }
    }

    assign() {
        const r = this.r;
        if (this.depth >= MAX_DEPTH - 1) { this.primary(); return; }
        this.deeper(() => {
            const c = r.int(24);
            if (c < 3) this.arrow();
            else if (c === 3) { this.binary(); this.t('?'); this.assign(); this.t(':'); this.assign(); }
            else if (c === 4 && (this.gen || this.odd())) { this.t('yield'); if (r.p(0.2)) this.t(NL); if (r.p(0.3)) this.t('*'); if (r.p(0.6)) this.assign(); }
            else if (c < 8) { this.target(); this.t(r.pick(['=', '=', '+=', '&&=', '||=', '??=', '**=', '>>>='])); this.assign(); }
            else this.binary();
        });
    }

    /** An assignment target: often a cover grammar (object/array literal, parenthesised). */
    target() {
        const r = this.r;
        switch (r.int(8)) {
            case 0: this.objectLit(true); break;
            case 1: this.arrayLit(true); break;
            case 2: this.t('('); this.target(); this.t(')'); break;
            case 3: if (this.odd()) this.postfix(); else this.t(this.okName(), r.pick(['.x', '[0]', '?.x'])); break;
            case 4: this.t(this.odd() ? r.pick(['this', 'import.meta', 'new.target', '1', 'f()', 'a?.b', 'super.x', 'super[x]', 'eval', 'arguments']) : r.pick(['a.b', 'a[0]', 'x'])); break;
            default: this.t(this.name()); break;
        }
    }

    arrow() {
        const r = this.r;
        const isAsync = r.p(0.3);
        if (isAsync) { this.t('async'); if (this.odd()) this.t(NL); }
        if (r.p(0.3)) this.t(this.name());
        else if (r.p(0.3)) { this.t('('); this.target(); if (r.p(0.3)) { this.t(','); this.target(); } this.t(')'); } // cover grammar
        else this.params();
        if (this.odd()) this.t(NL);
        this.t('=>');
        this.within({ fn: true, async: isAsync, gen: false }, () => {
            if (r.p(0.5)) this.body(); else this.assign();
        });
    }

    binary() {
        const r = this.r;
        this.unary();
        if (r.p(0.4)) {
            this.t(r.pick(['+', '-', '*', '**', '<', '>>', '==', '===', '&&', '||', '??', 'in', 'instanceof', '&', '|', '/']));
            this.unary();
            if (r.p(0.2)) { this.t(r.pick(['??', '||', '&&', '**'])); this.unary(); }
        }
    }

    unary() {
        const r = this.r;
        const c = r.int(14);
        if (c === 0 && r.p(0.5)) {
            const op = r.pick(['!', '-', '+', '~', 'typeof', 'void', 'delete', '++', '--', 'delete']);
            this.t(op);
            if ((op === '++' || op === '--') && !this.odd()) this.t(this.okName()); else this.unary();
        }
        else if (c === 1 && (this.async || this.odd())) { this.t('await'); if (r.p(0.1)) this.t(NL); this.unary(); }
        else if (c === 2 && (this.inClass ? r.p(0.5) : this.odd())) { this.t('#' + r.pick(['x', 'y']), 'in'); this.unary(); }
        else this.postfix();
    }

    postfix() {
        const r = this.r;
        this.primary();
        let n = r.p(0.6) ? 0 : 1 + r.int(2);
        while (n-- > 0) {
            switch (r.int(10)) {
                case 0: this.t(r.pick(['.', '?.', '.', '.']), this.inClass || this.odd() ? r.pick([this.name(), '#x', '#y', '#x', '#constructor']) : r.pick([this.name(), 'new', 'class'])); break;
                case 1: this.t(r.pick(['[', '?.['])); this.expr(); this.t(']'); break;
                case 2: if (r.p(0.3)) this.t('?.'); this.args(); break;
                case 3: if (this.odd()) { this.t(NL); this.t(r.pick(['++', '--'])); } break;
                case 4: if (r.p(0.2)) this.t('?.'); this.t('`a${'); this.expr(); this.t('}b`'); break;
                case 5: if (r.p(0.3)) this.t(NL); this.t('('); this.expr(); this.t(')'); break; // a line break before ( continues the expression
                default: this.args(); break;
            }
        }
    }

    args() {
        const r = this.r;
        this.t('(');
        const n = r.int(3);
        for (let i = 0; i < n; i++) { if (i) this.t(','); if (r.p(0.1)) this.t('...'); this.assign(); }
        if (n && r.p(0.1)) this.t(',');
        this.t(')');
    }

    primary() {
        const r = this.r;
        if (this.depth >= MAX_DEPTH) { this.t(this.okName()); return; }
        this.deeper(() => {
            const c = r.int(24);
            switch (c >= 9 && c <= 16 && c !== 10 && !this.odd() && r.p(0.5) ? 99 : c) {
                case 0: case 1: case 2: this.t(this.name()); break;
                case 3: this.t(this.odd() || r.p(0.2) ? r.pick(ODD_LITERALS) : r.pick(['1', '"s"', 'null', 'true', 'this', '0n', '`t`', '1_000', '.5e1', '0x1F', '0o7', '0b1', '1e-7', "'\\''", '"\\u{10FFFF}"', '`a${1}b${2}c`'])); break;
                case 4: case 5: this.t(this.regex()); break;
                case 6: this.t('('); this.expr(); this.t(')'); break;
                case 7: this.objectLit(false); break;
                case 8: this.arrayLit(false); break;
                case 9: this.t(r.p(0.3) ? 'async' : '', 'function'); if (r.p(0.3)) this.t('*'); if (r.p(0.5)) this.t(this.name()); this.fnRest(this.out.includes('async'), this.out[this.out.length - 1] === '*' || this.out[this.out.length - 2] === '*'); break;
                case 10: this.classTail(true); break;
                case 11: this.t('new'); if (r.p(0.1)) this.t(NL); this.t(r.pick(['.target', this.name(), 'x.y', 'target'])); if (r.p(0.6)) this.args(); break;
                case 12: this.t(r.pick(['new.target', 'import.meta', 'new.target', 'new . target', 'new.\\u0074arget'])); break;
                case 13: this.t('super'); this.t(this.odd() ? r.pick(['.x', '[x]', '()', '', '?.x', '.#x', '`t`']) : r.pick(['.x', '[x]', '()', '.x()'])); break;
                case 14: this.t('import', '(', '"m"'); if (r.p(0.2)) this.t(',', '{', '}'); this.t(')'); break;
                case 15: this.t('async'); if (r.p(0.2)) this.t(NL); this.t('(', this.name(), ')'); break;
                case 16: this.t('`a${'); this.expr(); this.t('}`'); break;
                default: this.t(this.okName()); break;
            }
        });
    }

    objectLit(pattern) {
        const r = this.r;
        this.t('{');
        const n = r.int(3);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            switch (r.int(8)) {
                case 0: this.t(this.name()); break;
                case 1: this.t(this.okName(), '='); this.assign(); break; // CoverInitializedName: only in a pattern
                case 2: this.t('...'); if (pattern && r.p(0.5)) this.target(); else this.assign(); break;
                case 3: this.t(r.pick(['get', 'set', 'async', '*', 'async *', 'get', 'static'])); this.propName(); this.fnRest(false, false, true); break;
                case 4: this.propName(); this.fnRest(false, false, true); break;
                case 5: this.t('__proto__', ':'); this.assign(); break;
                default: this.propName(); this.t(':'); if (pattern) this.target(); else this.assign(); break;
            }
        }
        if (n && r.p(0.2)) this.t(',');
        this.t('}');
    }

    arrayLit(pattern) {
        const r = this.r;
        this.t('[');
        const n = r.int(4);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            const c = r.int(6);
            if (c === 0) continue; // elision
            if (c === 1) this.t('...');
            if (pattern) { this.target(); if (r.p(0.2)) { this.t('='); this.assign(); } }
            else this.assign();
        }
        if (n && r.p(0.2)) this.t(',');
        this.t(']');
    }

    fnRest(isAsync, isGen, method) {
        const r = this.r;
        this.within({ fn: true, async: isAsync, gen: isGen, method: !!method }, () => {
            this.params();
            this.body();
        });
    }

    body() {
        const r = this.r;
        this.t('{');
        if (r.p(0.1)) this.t(r.pick(['"use strict";', "'use strict'", '"use strict"\n', '"a";"use strict";']));
        if (this.depth < 5) this.deeper(() => { const n = r.int(3); for (let i = 0; i < n; i++) this.stmt(); });
        this.t('}');
    }

    // ---- classes
    classTail(expression) {
        const r = this.r;
        this.t('class');
        if (!expression || r.p(0.5)) this.t(this.name());
        const heritage = r.p(0.35);
        if (heritage) { this.t('extends'); this.postfix(); }
        this.t('{');
        const n = r.int(3);
        this.within({ inClass: true }, () => this.deeper(() => { for (let i = 0; i < n; i++) this.member(heritage); }));
        this.t('}');
    }

    member(heritage) {
        const r = this.r;
        const mods = [];
        if (r.p(0.3)) mods.push('static');
        if (r.p(0.05)) mods.push(r.pick(['static', 'accessor', 'get', 'set', 'async']));
        for (const m of mods) { this.t(m); if (r.p(0.08)) this.t(NL); }
        const key = () => {
            const c = r.int(6);
            if (c === 0) this.t(r.pick(['#x', '#y', '#x', '#constructor', '# x']));
            else if (c === 1) this.t(r.pick(['constructor', '"constructor"', 'prototype', "'prototype'", '["constructor"]']));
            else this.propName();
        };
        switch (r.int(11)) {
            case 0: case 1: // field
                key();
                if (r.p(0.4)) { this.t('='); this.within({ fn: true, method: true, async: false, gen: false }, () => this.assign()); }
                this.t(r.pick([';', ';', '', NL]));
                break;
            case 2: case 3: { // method
                const a = r.p(0.2), g = r.p(0.2);
                if (a) { this.t('async'); if (r.p(0.1)) this.t(NL); }
                if (g) this.t('*');
                key();
                this.fnRest(a, g, true);
                break;
            }
            case 4: // accessor
                this.t(r.pick(['get', 'set'])); if (r.p(0.05)) this.t(NL);
                key();
                this.fnRest(false, false, true);
                break;
            case 5: case 6: // constructor
                this.t('constructor');
                this.within({ ctor: heritage }, () => this.fnRest(false, false, true));
                break;
            case 7: // static block
                this.t('static');
                this.within({ fn: true, method: true, async: false, gen: false, loop: false, labels: [] }, () => this.block());
                break;
            case 8: this.t(';'); break;
            default: this.t(r.pick(['get', 'set', 'static', 'async', 'accessor', 'await', 'yield', 'let'])); this.t(r.pick([';', NL, '=', '(){}', ''])); break;
        }
    }

    // ---- statements
    varDecl(head) {
        const r = this.r;
        const kind = r.pick(['let', 'const', 'var', 'let', 'const', 'var', 'using', 'await using', 'let']);
        this.t(...kind.split(' '));
        if (r.p(0.05)) this.t(NL);
        const n = 1 + (r.p(0.2) ? 1 : 0);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            this.binding(!kind.includes('using') || r.p(0.1));
            if (!head && r.p(0.85)) { this.t('='); this.assign(); }
        }
    }

    block() {
        this.t('{');
        if (this.depth < 5) this.deeper(() => { const n = this.r.int(3); for (let i = 0; i < n; i++) this.stmt(); });
        this.t('}');
    }

    stmtBody() {
        const r = this.r;
        if (r.p(0.5) || !this.deeper(() => this.stmt())) this.block();
    }

    label() {
        const r = this.r;
        if (this.labels.length && r.p(0.6)) return r.pick(this.labels);
        return this.name();
    }

    stmt() {
        const r = this.r;
        if (this.depth >= MAX_DEPTH) { this.expr(); this.t(';'); return; }
        const c = r.int(34);
        switch (c >= 13 && c <= 25 && !this.odd() && r.p(0.4) ? 3 : c) {
            case 0: case 1: case 2: this.varDecl(false); this.t(r.pick([';', ';', '', NL])); break;
            case 3: case 4: case 5: this.expr(); this.t(r.pick([';', ';', '', NL])); break;
            case 6: { // function declaration
                const a = r.p(0.25), g = r.p(0.25);
                if (a) { this.t('async'); if (r.p(0.1)) this.t(NL); }
                this.t('function'); if (g) this.t('*');
                this.t(this.name());
                this.fnRest(a, g, false);
                break;
            }
            case 7: case 8: this.classTail(false); break;
            case 9: this.t('if', '('); this.expr(); this.t(')'); this.stmtBody(); if (r.p(0.3)) { this.t('else'); this.stmtBody(); } break;
            case 10: { // for-in / for-of / for await
                this.t('for');
                if (this.async ? r.p(0.3) : this.odd()) this.t('await');
                this.t('(');
                const c2 = r.int(5);
                if (c2 < 2) this.varDecl(true);
                else if (c2 === 2) this.t(r.pick(['let', 'async', 'of', 'using', 'let.x', 'async of', 'using of', 'let of']));
                else this.target();
                this.t(r.pick(['of', 'in', 'of']));
                this.assign();
                this.t(')');
                this.within({ loop: true }, () => this.stmtBody());
                break;
            }
            case 11: this.t('for', '('); if (r.p(0.6)) this.varDecl(false); this.t(';'); if (r.p(0.5)) this.expr(); this.t(';', ')'); this.within({ loop: true }, () => this.stmtBody()); break;
            case 12: this.t('while', '('); this.expr(); this.t(')'); this.within({ loop: true }, () => this.stmtBody()); break;
            case 13: this.t('do'); this.within({ loop: true }, () => this.stmtBody()); this.t('while', '('); this.expr(); this.t(')'); if (r.p(0.5)) this.t(this.okName()); break;
            case 14: this.t('return'); if (r.p(0.3)) this.t(NL); if (r.p(0.6)) this.expr(); this.t(r.pick([';', ''])); break;
            case 15: this.t('throw'); if (r.p(0.2)) this.t(NL); this.expr(); this.t(';'); break;
            case 16: { // try
                this.t('try'); this.block();
                if (r.p(0.8)) {
                    this.t('catch');
                    if (r.p(0.8)) { this.t('('); this.binding(); this.t(')'); }
                    this.block();
                }
                if (r.p(0.3)) { this.t('finally'); this.block(); }
                break;
            }
            case 17: { // labelled statement
                const l = this.name();
                this.t(l, ':');
                if (this.odd()) this.t(r.pick(['function f(){}', 'let', 'async function f(){}', 'function* g(){}', 'class C{}', 'let\n[a] = b', 'const a = 1']));
                else this.within({ labels: [...this.labels, l] }, () => this.stmtBody());
                break;
            }
            case 18: this.t(r.pick(['break', 'continue', 'break', 'continue'])); if (r.p(0.15)) this.t(NL); if (r.p(0.5)) this.t(this.label()); this.t(r.pick([';', ''])); break;
            case 19: this.t('switch', '('); this.expr(); this.t(')', '{', 'case'); this.expr(); this.t(':'); this.stmt(); if (r.p(0.5)) { this.t('default', ':'); this.stmt(); } this.t('}'); break;
            case 20: if (this.depth === 0 || this.odd()) this.importExport(); else this.varDecl(false); break;
            case 21: this.block(); break;
            case 22: // ASI between words and contextual keywords at a line break, and the no-LineTerminator-here rules
                this.t(...r.pick(ASI).split(' ').map((x) => (x === '/' ? NL : x)));
                break;
            case 23: if (this.odd()) { this.t('with', '('); this.expr(); this.t(')'); this.stmtBody(); } else this.block(); break;
            case 24: this.t(this.odd() ? r.pick(['if (a) function f(){}', 'if (a) class C{}', 'if (a) let\n[x] = y', 'while (a) function f(){}', 'if (a) async function f(){}'])
                : r.pick(['debugger', ';', '"use strict"', 'if (a) function f(){}', 'if (a) let\n[x] = y'])); break;
            case 25: this.t(r.pick(['using', 'await using'])); if (r.p(0.15)) this.t(NL); this.t(this.name()); if (r.p(0.8)) { this.t('='); this.assign(); } this.t(';'); break;
            case 26: case 27: this.twoDeclarations(); break;
            case 28: this.t('x', '=', this.soup(REGEX_PIECES, 'regex'), ';'); break;
            case 29: this.t('x', '=', this.soup(r.pick([NUMBER_PIECES, STRING_PIECES, STRING_PIECES]), 'literal'), ';'); break;
            case 30: this.t(r.pick(['var', 'let', 'x.', 'class C {', '']), this.soup(NAME_PIECES, 'name'), r.pick(['= 1;', ';', '(){}'])); if (this.out.includes('class C {')) this.t('}'); break;
            default: this.expr(); this.t(';'); break;
        }
    }

    /** One token made of pieces joined at random: a regular expression, a literal or a name (one output token). */
    soup(pieces, what) {
        const r = this.r;
        let body = '';
        for (let k = 0, n = 1 + r.int(8); k < n; k++) body += r.pick(pieces);
        if (what === 'regex') {
            if (body.startsWith('*')) body = 'a' + body;
            if (/(^|[^\\])(\\\\)*\\$/.test(body)) body += 'a'; // a trailing lone backslash would escape the closing slash
            return '/' + body + '/' + r.pick(['', '', 'u', 'v', 'u', 'v', 'g', 'i', 'd', 's', 'uy', 'vi', 'm']);
        }
        if (what === 'literal' && pieces === STRING_PIECES) {
            const q = r.pick(['"', "'", '`', '`']);
            return (q === '`' && r.p(0.5) ? 'f' : '') + q + body.replaceAll(q, '\\' + q) + q;
        }
        return body;
    }

    /** Two declarations of one name in nested or sibling scopes: the redeclaration rules. */
    twoDeclarations() {
        const r = this.r;
        const n = r.p(0.8) ? r.pick(['a', 'x']) : this.name();
        const decl = () => {
            switch (r.int(12)) {
                case 0: case 1: return ['var', n, ';'];
                case 2: return ['let', n, ';'];
                case 3: return ['const', n, '=', '0', ';'];
                case 4: return ['function', n, '(', ')', '{', '}'];
                case 5: return ['async', 'function', n, '(', ')', '{', '}'];
                case 6: return ['function', '*', n, '(', ')', '{', '}'];
                case 7: return ['class', n, '{', '}'];
                case 8: return ['var', '{', n, '}', '=', 'o', ';'];
                case 9: return ['let', '[', n, ']', '=', 'o', ';'];
                case 10: return ['using', n, '=', 'o', ';'];
                default: return ['import', n, 'from', '"m"', ';'];
            }
        };
        const first = decl(), second = decl();
        switch (r.int(14)) {
            case 0: case 1: this.t(...first, ...second); break;
            case 2: this.t(...first, '{', ...second, '}'); break;
            case 3: this.t('{', ...first, '}', ...second); break;
            case 4: this.t('function', 'f', '(', n, ')', '{', ...second, '}'); break;
            case 5: this.t('(', n, ')', '=>', '{', ...second, '}'); break;
            case 6: this.t('try', '{', '}', 'catch', '(', ...r.pick([[n], ['[', n, ']'], ['{', n, '}']]), ')', '{', ...second, '}'); break;
            case 7: this.t('for', '(', r.pick(['let', 'const', 'var']), n, r.pick(['of', 'in']), 'o', ')', '{', ...second, '}'); break;
            case 8: this.t('for', '(', r.pick(['let', 'var']), n, ';', ';', ')', '{', ...second, '}'); break;
            case 9: this.t('switch', '(', 'o', ')', '{', 'case', '0', ':', ...first, 'default', ':', ...second, '}'); break;
            case 10: this.t('if', '(', 'o', ')', ...first, 'else', ...second); break;
            case 11: this.t('label', ':', ...first, ...second); break;
            case 12: this.t('export', ...r.pick([['{', n, '}', ';'], ['default', n, ';'], ['{', n, 'as', 'default', '}', ';']]), ...second); break;
            default: this.t('class', 'C', '{', 'static', '{', ...first, ...second, '}', '}'); break;
        }
    }

    importExport() {
        const r = this.r;
        switch (r.int(7)) {
            case 0: this.t('import', this.name(), 'from', '"m"'); break;
            case 1: this.t('import', '{', r.pick(['a', 'a as b', '"s" as x', 'default as d', 'x as let', 'await', 'yield', 'a as await']), '}', 'from', '"m"'); break;
            case 2: this.t('import', '*', 'as', this.name(), 'from', '"m"'); if (r.p(0.3)) this.t('with', '{', 'type', ':', '"json"', '}'); break;
            case 3: this.t('export'); this.varDecl(false); break;
            case 4: this.t('export', '{', r.pick(['a', 'a as b', 'a as "s"', 'a as default', 'let', 'await', 'yield', 'undefined']), '}'); if (r.p(0.3)) this.t('from', '"m"'); break;
            case 5: this.t('export', 'default'); r.p(0.5) ? this.assign() : this.classTail(r.p(0.5)); break;
            default: this.t('export', r.pick(['function', 'async function', 'function*', 'class']), this.name(), '(', ')', '{', '}'); break;
        }
        this.t(r.pick([';', '', NL]));
    }
}

// ---------------------------------------------------------------- programs

const GOALS = [['sloppy', 40], ['strict', 20], ['module', 40]];
const WORDISH = /[A-Za-z0-9_$#@"'`\\]/;

/** Wrappers: the context a program's statements are generated in. */
const CONTEXTS = [
    { weight: 30, open: [], close: [], ctx: {} },
    { weight: 10, open: ['function', 'f', '(', ')', '{'], close: ['}'], ctx: { fn: true } },
    { weight: 10, open: ['function', '*', 'g', '(', ')', '{'], close: ['}'], ctx: { fn: true, gen: true } },
    { weight: 10, open: ['async', 'function', 'f', '(', ')', '{'], close: ['}'], ctx: { fn: true, async: true } },
    { weight: 5, open: ['async', 'function', '*', 'g', '(', ')', '{'], close: ['}'], ctx: { fn: true, async: true, gen: true } },
    { weight: 10, open: ['class', 'C', '{', 'm', '(', ')', '{'], close: ['}', '}'], ctx: { fn: true, method: true, inClass: true } },
    { weight: 8, open: ['class', 'C', 'extends', 'B', '{', 'constructor', '(', ')', '{'], close: ['}', '}'], ctx: { fn: true, method: true, ctor: true, inClass: true } },
    { weight: 6, open: ['class', 'C', '{', '#x', ';', 'static', '{'], close: ['}', '}'], ctx: { fn: true, method: true, inClass: true } },
    { weight: 6, open: ['(', ')', '=>', '{'], close: ['}'], ctx: { fn: true } },
    { weight: 5, open: ['async', '(', ')', '=>', '{'], close: ['}'], ctx: { fn: true, async: true } },
    { weight: 5, open: ['(', '{', 'm', '(', ')', '{'], close: ['}', '}', ')'], ctx: { fn: true, method: true } },
];
const CONTEXT_TOTAL = CONTEXTS.reduce((s, c) => s + c.weight, 0);

/** Program i of seed S: {goal, text}. */
export function program(seed, i) {
    const r = rngOf(splitmix(seed, i) ^ 0x5a17);
    let w = r.int(100);
    let goal = 'sloppy';
    for (const [g, weight] of GOALS) { if (w < weight) { goal = g; break; } w -= weight; }
    let cw = r.int(CONTEXT_TOTAL);
    let wrap = CONTEXTS[0];
    for (const c of CONTEXTS) { if (cw < c.weight) { wrap = c; break; } cw -= c.weight; }
    const g = new Gen(r);
    Object.assign(g, wrap.ctx);
    g.out.push(...wrap.open);
    const n = r.p(0.7) ? 1 : 2;
    for (let s = 0; s < n; s++) g.stmt();
    g.out.push(...wrap.close);
    // Joining: a space by default; line breaks at a program-wide rate (none in 40% of the programs),
    // no space now and then where two words cannot merge, comments rarely (`/*\n*/` is a line break).
    const nl = r.p(0.4) ? 0 : r.f() * 0.15;
    const glue = r.f() * 0.3;
    let text = goal === 'strict' ? '"use strict";\n' : '';
    const toks = g.out.filter((x) => x !== '');
    for (let k = 0; k < toks.length; k++) {
        const tok = toks[k];
        if (k > 0) {
            const prev = toks[k - 1];
            const x = r.f();
            const bothWords = WORDISH.test(prev[prev.length - 1]) && WORDISH.test(tok[0]);
            const slashy = prev.endsWith('/') || tok[0] === '/' || tok[0] === '*' || /^[a-z]*$/.test(tok) && /\/[a-z]*$/.test(prev)
                || (prev.endsWith('+') && tok[0] === '+') || (prev.endsWith('-') && tok[0] === '-') || prev.endsWith('.') && /^[0-9]/.test(tok);
            if (tok === NL || prev === NL) text += '';
            else if (x < nl) text += '\n';
            else if (x < nl + 0.01) text += r.pick(['/*c*/', '/*\n*/', '//c\n', ' <!-- c\n', '\n--> c\n']);
            else if (!bothWords && !slashy && x < nl + glue) text += '';
            else text += ' ';
        }
        text += tok;
    }
    return { goal, text };
}

// ---------------------------------------------------------------- the judge

function judges() {
    const acorn = loadPackage(ACORN, 'dist/acorn.js');
    const meriyah = loadPackage(MERIYAH, 'dist/meriyah.cjs');
    return (goal, text) => {
        const module = goal === 'module';
        let a = 'ok', m = 'ok';
        try { acorn.parse(text, { ecmaVersion: 'latest', sourceType: module ? 'module' : 'script' }); } catch (e) { a = String(e.message); }
        try { meriyah.parse(text, { module, next: true, webcompat: true, lexical: true }); } catch (e) { m = String(e.message); }
        const verdict = a === 'ok' && m === 'ok' ? 'ok' : a !== 'ok' && m !== 'ok' ? 'error' : 'split';
        return { acorn: a, meriyah: m, verdict };
    };
}

function main() {
    const [cmd, ...rest] = process.argv.slice(2);
    const opt = {};
    for (let k = 0; k < rest.length; k += 2) opt[rest[k].replace(/^--/, '')] = rest[k + 1];
    if (cmd === 'show') {
        const p = program(Number(opt.seed ?? 1), Number(opt.index ?? 0));
        process.stdout.write(`// ${p.goal}\n${p.text}\n`);
        return;
    }
    const judge = judges();
    if (cmd === 'generate') {
        const seed = Number(opt.seed ?? 1);
        const from = Number(opt.from ?? 0);
        const count = opt.count === undefined ? Infinity : Number(opt.count);
        let i = from;
        const write = () => {
            let ok = true;
            while (ok && i < from + count) {
                const p = program(seed, i);
                ok = process.stdout.write(JSON.stringify({ i: String(i), goal: p.goal, text: p.text, ...judge(p.goal, p.text) }) + '\n');
                i++;
            }
            if (i < from + count) process.stdout.once('drain', write);
        };
        process.stdout.on('error', () => process.exit(0)); // the reader has stopped: so do we
        write();
    } else if (cmd === 'judge') {
        const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
        rl.on('line', (line) => {
            if (!line.trim()) return;
            const q = JSON.parse(line);
            process.stdout.write(JSON.stringify(judge(q.goal, q.text)) + '\n');
        });
    } else {
        die('usage: js-corners.mjs generate --seed S [--from I] [--count N] | judge | show --seed S --index I');
    }
}

// main only when run, not when imported (the generator is reusable: Gen, program)
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))) main();
