#!/usr/bin/env node
// The TypeScript-corners differential fuzzer's generator and judge (issue 21): small TypeScript,
// TSX, declaration and JavaScript programs drawn from the grammar, weighted towards the corners
// (contextual keywords as names, line breaks at token boundaries, `<`/`>` ambiguities, arrows vs
// parentheses, decorators, modifiers on every member kind), each labelled by TypeScript's own
// parser, the pinned typescript@6.0.3 fetched like the real-world oracle's (../scripts/fetch-npm.sh):
//     ts.createSourceFile(file, text, ScriptTarget.Latest, false, ScriptKind by extension).parseDiagnostics
//
//   node corners.mjs generate --seed S [--from I] [--count N] [--checker 1]   programs I.. of seed S, JSON lines on stdout
//   node corners.mjs judge                                      JSON lines {file,text} on stdin -> verdicts
//   node corners.mjs show --seed S --index I                    one program, as text
//
// Program i of seed S comes from a PRNG seeded with (S, i) alone, so any program can be regenerated.
// generate writes one line per program:
//   {"i":"I","file":"p.ts","text":"...","ts":"ok"|"error","code":"C","pos":"P","message":"..."}
// with --checker 1, the checker fields below are added to every program TypeScript's parser accepts.
// judge answers one line per request, in order: {"ts":..,"code":..,"pos":..,"message":..,
//   "checker":"ok"|"error","ccode":..,"cpos":..,"cmessage":..}, the checker fields only when the
//   request has "checker":"1": the first error of the program's semantic diagnostics, from a
//   one-file Program (noLib, noResolve, every type error kept, see docs/conformance.md), used to tell
//   a rule TypeScript enforces in its checker from a disagreement. With "format":"1" the parser's
//   fields are for the file as that Program reads it (.mts/.cts/.mjs/.cjs: a module by its extension).
// The Java side is CornersFuzzer (test-fixtures/src/test/java/dev/arenals/fixtures).
// Cache: $ARENA_LS_CACHE, else $HOME/.cache/arena-ls.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadTypeScript } from '../scripts/typescript-oracle.mjs';


function die(msg) { process.stderr.write(`corners: error: ${msg}\n`); process.exit(1); }


// ---------------------------------------------------------------- random

export function splitmix(seed, i) {
    let z = (BigInt.asUintN(64, BigInt(seed) * 0x9E3779B97F4A7C15n + BigInt(i) * 0xBF58476D1CE4E5B9n + 1n));
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94D049BB133111EBn);
    z = z ^ (z >> 31n);
    return Number(z & 0xffffffffn) >>> 0;
}

export function rngOf(seed) { // mulberry32
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const r = {
        f: next,
        int: (n) => Math.floor(next() * n),
        p: (prob) => next() < prob,
        pick: (arr) => arr[Math.floor(next() * arr.length)],
    };
    return r;
}

// ---------------------------------------------------------------- the grammar

/** Contextual keywords: names everywhere, keywords somewhere. `in` is reserved (variance only). */
const CONTEXTUAL = ['type', 'as', 'satisfies', 'abstract', 'accessor', 'declare', 'readonly', 'override', 'out',
    'asserts', 'is', 'infer', 'keyof', 'unique', 'global', 'module', 'namespace', 'of', 'get', 'set', 'static',
    'async', 'await', 'yield', 'using', 'let', 'from', 'constructor', 'require', 'assert', 'any', 'string', 'number',
    'never', 'unknown', 'object', 'symbol', 'bigint', 'boolean', 'undefined', 'intrinsic', 'public', 'private',
    'protected', 'implements', 'interface', 'package', 'defer', 'source', 'with', 'package'];
const PLAIN = ['a', 'b', 'x', 'T', 'U', 'Foo', 'K', 'v', '$', '_x'];
const PREDEF_TYPES = ['string', 'number', 'boolean', 'any', 'unknown', 'never', 'void', 'object', 'symbol', 'bigint',
    'undefined', 'null', 'this', 'intrinsic'];
const MEMBER_MODS = ['public', 'private', 'protected', 'static', 'readonly', 'abstract', 'override', 'declare',
    'accessor', 'async', 'export', 'const', 'in', 'out', 'default'];
const BINOPS = ['+', '-', '*', '/', '%', '**', '<', '>', '<=', '>=', '<<', '>>', '>>>', '==', '===', '!=', '!==',
    '&', '|', '^', '&&', '||', '??', 'in', 'instanceof', ',', '=', '+=', '>>=', '>>>=', '&&=', '??=', '||='];

class Gen {
    constructor(r, kind) {
        this.r = r;
        this.kind = kind;
        this.ts = kind.ts;
        this.tsx = kind.jsx;
        this.depth = 0;
        this.async = false;
        this.gen = false;
        this.inClass = false;
        this.out = [];
    }

    t(...toks) { for (const x of toks) this.out.push(x); }

    /** A name: most often a contextual keyword. */
    name() {
        const r = this.r;
        return r.p(0.6) ? r.pick(CONTEXTUAL) : r.pick(PLAIN);
    }

    deeper(f) {
        if (this.depth > 3) return false;
        this.depth++;
        try { f(); } finally { this.depth--; }
        return true;
    }

    // ---- types
    type() {
        const r = this.r;
        if (this.depth > 2) { this.t(r.pick(PREDEF_TYPES)); return; }
        this.deeper(() => {
            switch (r.int(22)) {
                case 0: case 1: this.t(r.pick(PREDEF_TYPES)); break;
                case 2: case 3: this.typeRef(); break;
                case 4: if (r.p(0.3)) this.t(r.pick(['|', '&'])); this.type(); this.t(r.pick(['|', '&'])); this.type(); break;
                case 5: this.type(); this.t('[', ']'); break;
                case 6: this.tuple(); break;
                case 7: this.fnType(); break;
                case 8: this.typeLiteral(); break;
                case 9: this.t(r.pick(['keyof', 'readonly', 'unique'])); this.type(); break;
                case 10: this.t('typeof', this.name()); if (r.p(0.5)) this.t('.', this.name()); if (r.p(0.3)) this.typeArgs(); break;
                case 11: this.type(); this.t('extends'); this.type(); this.t('?'); this.type(); this.t(':'); this.type(); break;
                case 12: this.t('infer', this.name()); if (r.p(0.3)) { this.t('extends'); this.type(); } break;
                case 13: this.mapped(); break;
                case 14: this.type(); this.t('['); this.type(); this.t(']'); break;
                case 15: this.t('`a${'); this.type(); this.t('}b`'); break;
                case 16: this.t('('); this.type(); this.t(')'); break;
                case 17: this.t('import', '(', '"m"', ')'); if (r.p(0.5)) this.t('.', this.name()); break;
                case 18: this.t(r.pick(['1', '-1', '"s"', 'true', '0n', '`t`'])); break;
                case 19: this.t('unique', 'symbol'); break;
                case 20: this.t(r.pick(['asserts', 'this', this.name()]), r.pick(['is', 'extends'])); this.type(); break;
                default: this.typeRef(); break;
            }
        });
    }

    typeRef() {
        const r = this.r;
        this.t(this.name());
        while (r.p(0.2)) this.t('.', this.name());
        if (r.p(0.4)) this.typeArgs();
    }

    typeArgs() {
        this.t('<');
        const n = 1 + this.r.int(2);
        for (let i = 0; i < n; i++) { if (i) this.t(','); this.type(); }
        this.t('>');
    }

    typeParams() {
        const r = this.r;
        this.t('<');
        const n = 1 + r.int(2);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            if (r.p(0.2)) this.t('const');
            if (r.p(0.15)) this.t('in');
            if (r.p(0.15)) this.t('out');
            this.t(this.name());
            if (r.p(0.3)) { this.t('extends'); this.type(); }
            if (r.p(0.2)) { this.t('='); this.type(); }
        }
        if (r.p(0.3)) this.t(',');
        this.t('>');
    }

    tuple() {
        const r = this.r;
        this.t('[');
        const n = r.int(3);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            if (r.p(0.2)) this.t('...');
            if (r.p(0.4)) { this.t(this.name()); if (r.p(0.3)) this.t('?'); this.t(':'); }
            this.type();
            if (r.p(0.1)) this.t('?');
        }
        this.t(']');
    }

    fnType() {
        const r = this.r;
        if (r.p(0.3)) { if (r.p(0.3)) this.t('abstract'); this.t('new'); }
        if (r.p(0.3)) this.typeParams();
        this.params(true);
        this.t('=>');
        this.returnType();
    }

    returnType() {
        const r = this.r;
        const c = r.int(6);
        if (c === 0) { this.t('asserts', r.pick([this.name(), 'this'])); if (r.p(0.5)) { this.t('is'); this.type(); } }
        else if (c === 1) { this.t(r.pick([this.name(), 'this']), 'is'); this.type(); }
        else this.type();
    }

    typeLiteral() {
        const r = this.r;
        this.t('{');
        const n = r.int(3);
        for (let i = 0; i < n; i++) { this.typeMember(); this.t(r.pick([';', ',', ''])); }
        this.t('}');
    }

    typeMember() {
        const r = this.r;
        switch (r.int(7)) {
            case 0: if (r.p(0.3)) this.t('readonly'); this.t(this.name()); if (r.p(0.3)) this.t('?'); this.t(':'); this.type(); break;
            case 1: this.t(this.name()); if (r.p(0.2)) this.t('?'); if (r.p(0.2)) this.typeParams(); this.params(true); if (r.p(0.7)) { this.t(':'); this.returnType(); } break;
            case 2: if (r.p(0.3)) this.t('new'); if (r.p(0.2)) this.typeParams(); this.params(true); this.t(':'); this.type(); break;
            case 3: if (r.p(0.3)) this.t('readonly'); this.t('[', this.name(), ':', r.pick(['string', 'number', 'symbol']), ']', ':'); this.type(); break;
            case 4: this.t(r.pick(['get', 'set']), this.name()); this.params(true); if (r.p(0.5)) { this.t(':'); this.type(); } break;
            case 5: this.t('[', this.name(), ']'); if (r.p(0.3)) this.t('?'); this.t(':'); this.type(); break;
            default: this.t(r.pick(['"s"', '1', this.name()]), ':'); this.type(); break;
        }
    }

    mapped() {
        const r = this.r;
        this.t('{');
        if (r.p(0.4)) this.t(r.pick(['readonly', '+readonly', '-readonly']));
        this.t('[', this.name(), 'in');
        this.type();
        if (r.p(0.3)) { this.t('as'); this.type(); }
        this.t(']');
        if (r.p(0.4)) this.t(r.pick(['?', '-?', '+?']));
        this.t(':');
        this.type();
        if (r.p(0.5)) this.t(';');
        this.t('}');
    }

    // ---- parameters and bindings
    params(inType) {
        const r = this.r;
        this.t('(');
        const n = r.int(3);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            this.param(inType);
        }
        if (n && r.p(0.15)) this.t(',');
        this.t(')');
    }

    param(inType) {
        const r = this.r;
        if (!inType && r.p(0.1)) this.decorator();
        if (this.ts && r.p(0.08)) this.t(r.pick(['public', 'private', 'readonly', 'protected', 'override']));
        if (r.p(0.1)) this.t('...');
        if (this.ts && r.p(0.05)) this.t('this');
        else this.binding();
        if (this.ts && r.p(0.15)) this.t('?');
        if (this.ts && r.p(0.4)) { this.t(':'); this.type(); }
        if (!inType && r.p(0.2)) { this.t('='); this.assignExpr(); }
    }

    binding() {
        const r = this.r;
        const c = this.depth > 3 ? 0 : r.int(8);
        if (c === 6) {
            this.deeper(() => {
                this.t('{');
                const n = r.int(3);
                for (let i = 0; i < n; i++) {
                    if (i) this.t(',');
                    if (r.p(0.5)) { this.t(this.name()); if (r.p(0.3)) { this.t('='); this.assignExpr(); } }
                    else { this.propName(); this.t(':'); this.binding(); }
                }
                if (r.p(0.2)) this.t(n ? ',' : '', '...', this.name());
                this.t('}');
            });
        } else if (c === 7) {
            this.deeper(() => {
                this.t('[');
                const n = r.int(3);
                for (let i = 0; i < n; i++) { if (i) this.t(','); if (r.p(0.8)) this.binding(); }
                this.t(']');
            });
        } else {
            this.t(this.name());
        }
    }

    decorator() {
        const r = this.r;
        this.t('@');
        if (r.p(0.2)) { this.t('('); this.expr(); this.t(')'); return; }
        this.t(this.name());
        while (r.p(0.2)) this.t('.', this.name());
        if (r.p(0.4)) { if (this.ts && r.p(0.2)) this.typeArgs(); this.args(); }
    }

    propName() {
        const r = this.r;
        switch (r.int(8)) {
            case 0: this.t('"k"'); break;
            case 1: this.t(r.pick(['0', '1n', '0x1', '.5'])); break;
            case 2: this.t('['); this.assignExpr(); this.t(']'); break;
            case 3: this.t(r.pick(['new', 'class', 'function', 'in', 'typeof', 'delete', 'default', 'enum', 'if'])); break;
            default: this.t(this.name());
        }
    }

    // ---- expressions
    expr() {
        this.assignExpr();
        if (this.r.p(0.05)) { this.t(','); this.assignExpr(); }
    }

    assignExpr() {
        const r = this.r;
        if (this.depth > 2) { this.primary(); return; }
        this.deeper(() => {
            const c = r.int(20);
            if (c < 3) this.arrow();
            else if (c === 3) { this.unary(); this.t('?'); this.assignExpr(); this.t(':'); this.assignExpr(); }
            else if (c === 4 && this.gen) { this.t('yield'); if (r.p(0.3)) this.t('*'); if (r.p(0.7)) this.assignExpr(); }
            else if (c < 10) { this.unary(); this.t(r.pick(BINOPS)); this.unary(); }
            else this.unary();
        });
    }

    arrow() {
        const r = this.r;
        if (r.p(0.3)) this.t('async');
        const wasAsync = this.async;
        const simple = r.p(0.3);
        if (simple) this.t(this.name());
        else {
            if (this.ts && r.p(0.2)) { this.typeParams(); }
            this.params(false);
            if (this.ts && r.p(0.3)) { this.t(':'); this.returnType(); }
        }
        this.t('=>');
        this.async = r.p(0.5);
        if (r.p(0.5)) this.block(); else this.assignExpr();
        this.async = wasAsync;
    }

    unary() {
        const r = this.r;
        const c = r.int(12);
        if (c === 0) { this.t(r.pick(['!', '-', '+', '~', 'typeof', 'void', 'delete', '++', '--'])); this.unary(); }
        else if (c === 1 && this.async) { this.t('await'); this.unary(); }
        else if (c === 2 && this.ts && !this.tsx) { this.t('<'); this.type(); this.t('>'); this.unary(); }
        else { this.postfix(); }
    }

    postfix() {
        const r = this.r;
        this.primary();
        let n = r.int(3);
        while (n-- > 0) {
            switch (r.int(12)) {
                case 0: this.t(r.pick(['.', '?.']), r.pick([this.name(), '#p', 'new', 'class'])); break;
                case 1: this.t(r.pick(['[', '?.['])); this.expr(); this.t(']'); break;
                case 2: if (r.p(0.3)) this.t('?.'); if (this.ts && r.p(0.4)) this.typeArgs(); this.args(); break;
                case 3: if (this.ts) this.t('!'); break;
                case 4: this.t(r.pick(['++', '--'])); break;
                case 5: if (this.ts) { this.t(r.pick(['as', 'satisfies'])); if (r.p(0.2)) this.t('const'); else this.type(); } break;
                case 6: if (this.ts) this.typeArgs(); break;
                case 7: this.t('`a${'); this.expr(); this.t('}b`'); break;
                default: this.args(); break;
            }
        }
    }

    args() {
        const r = this.r;
        this.t('(');
        const n = r.int(3);
        for (let i = 0; i < n; i++) { if (i) this.t(','); if (r.p(0.1)) this.t('...'); this.assignExpr(); }
        this.t(')');
    }

    primary() {
        const r = this.r;
        if (this.depth > 3) { this.t(this.name()); return; }
        this.deeper(() => {
            switch (r.int(22)) {
                case 0: case 1: case 2: case 3: this.t(this.name()); break;
                case 4: this.t(r.pick(['1', '"s"', 'null', 'true', 'this', '0n', '/re/g', '`t`', 'super', '1e3'])); break;
                case 5: this.t('('); this.expr(); this.t(')'); break;
                case 6: this.objectLit(); break;
                case 7: this.t('['); this.t(this.name()); if (r.p(0.5)) { this.t(','); this.assignExpr(); } this.t(']'); break;
                case 8: this.t('function'); if (r.p(0.3)) this.t('*'); if (r.p(0.5)) this.t(this.name()); this.fnRest(); break;
                case 9: this.classDecl(true); break;
                case 10: this.t('new', this.name()); if (this.ts && r.p(0.3)) this.typeArgs(); if (r.p(0.7)) this.args(); break;
                case 11: if (this.tsx || (!this.ts && this.kind.jsxOk)) this.jsx(); else this.t(this.name()); break;
                case 12: this.t(r.pick(['import.meta', 'new.target'])); break;
                case 13: this.t('import', '('); this.t('"m"'); this.t(')'); break;
                case 14: this.t(this.name(), '<'); this.type(); this.t('>'); if (r.p(0.5)) this.args(); break;
                case 15: this.t(this.name(), '<', this.name(), '>', r.pick(['(', '', '>']), this.name()); if (this.out[this.out.length - 2] === '(') this.t(')'); break;
                case 16: this.t(this.name(), '<', this.name(), ',', this.name(), '>', '(', this.name(), ')'); break;
                case 17: if (r.p(0.5)) this.t('async'); this.t('(', this.name(), ')'); break;
                default: this.t(this.name()); break;
            }
        });
    }

    objectLit() {
        const r = this.r;
        this.t('{');
        const n = r.int(4);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            switch (r.int(6)) {
                case 0: this.t(this.name()); break;
                case 1: this.t('...'); this.assignExpr(); break;
                case 2: this.t(r.pick(['get', 'set', 'async', '*', 'async *'])); this.propName(); this.fnRest(); break;
                case 3: this.propName(); this.fnRest(); break;
                default: this.propName(); this.t(':'); this.assignExpr(); break;
            }
        }
        if (n && r.p(0.2)) this.t(',');
        this.t('}');
    }

    jsx() {
        const r = this.r;
        const tag = r.pick(['div', 'a.b', 'A', 'x:y', this.name(), '']);
        this.t('<', tag);
        if (this.ts && tag && r.p(0.2)) this.typeArgs();
        const n = r.int(3);
        for (let i = 0; i < n; i++) {
            const c = r.int(4);
            if (c === 0) { this.t('{', '...'); this.assignExpr(); this.t('}'); }
            else { this.t(r.pick([this.name(), 'data-x', 'a:b'])); if (c > 1) { this.t('='); if (r.p(0.5)) this.t('"v"'); else { this.t('{'); this.assignExpr(); this.t('}'); } } }
        }
        if (tag && r.p(0.3)) { this.t('/>'); return; }
        this.t('>');
        const kids = r.int(3);
        for (let i = 0; i < kids; i++) {
            const c = r.int(3);
            if (c === 0) this.t('text');
            else if (c === 1 && this.depth < 4) this.jsx();
            else { this.t('{'); if (r.p(0.8)) this.assignExpr(); this.t('}'); }
        }
        this.t('</' + tag, '>');
    }

    fnRest() {
        const r = this.r;
        const a = this.async, g = this.gen;
        this.async = r.p(0.3); this.gen = r.p(0.2);
        if (this.ts && r.p(0.2)) this.typeParams();
        this.params(false);
        if (this.ts && r.p(0.3)) { this.t(':'); this.returnType(); }
        this.block();
        this.async = a; this.gen = g;
    }

    block() {
        const r = this.r;
        this.t('{');
        if (this.depth < 4) {
            this.deeper(() => { const n = r.int(3); for (let i = 0; i < n; i++) this.stmt(false); });
        }
        this.t('}');
    }

    // ---- classes
    classDecl(expression) {
        const r = this.r;
        if (r.p(0.2)) this.decorator();
        if (!expression && this.ts && r.p(0.3)) this.t(r.pick(['abstract', 'declare', 'export', 'export default', 'declare abstract']));
        this.t('class');
        if (!expression || r.p(0.5)) this.t(this.name());
        if (this.ts && r.p(0.2)) this.typeParams();
        if (r.p(0.3)) { this.t('extends'); this.postfix(); }
        if (this.ts && r.p(0.2)) { this.t('implements'); this.typeRef(); if (r.p(0.3)) { this.t(','); this.typeRef(); } }
        this.t('{');
        const inClass = this.inClass;
        this.inClass = true;
        const n = r.int(4);
        this.deeper(() => { for (let i = 0; i < n; i++) this.member(); });
        this.inClass = inClass;
        this.t('}');
    }

    member() {
        const r = this.r;
        if (r.p(0.15)) this.decorator();
        const mods = r.int(4) === 0 ? r.int(3) : r.int(2);
        for (let i = 0; i < mods; i++) this.t(this.ts ? r.pick(MEMBER_MODS) : r.pick(['static', 'async', 'accessor', 'get', 'set']));
        switch (r.int(10)) {
            case 0: case 1: // property
                r.p(0.2) ? this.t('#p') : this.propName();
                if (this.ts && r.p(0.2)) this.t(r.pick(['?', '!']));
                if (this.ts && r.p(0.4)) { this.t(':'); this.type(); }
                if (r.p(0.4)) { this.t('='); this.assignExpr(); }
                this.t(r.pick([';', ';', '']));
                break;
            case 2: case 3: // method
                if (r.p(0.1)) this.t('*');
                r.p(0.1) ? this.t('#m') : this.propName();
                if (this.ts && r.p(0.1)) this.t('?');
                if (this.ts && r.p(0.1)) { this.params(false); this.t(';'); } else this.fnRest();
                break;
            case 4: // accessor
                this.t(r.pick(['get', 'set']));
                this.propName();
                if (this.ts && r.p(0.15)) { this.params(false); this.t(';'); } else this.fnRest();
                break;
            case 5: this.t('constructor'); this.fnRest(); break;
            case 6: if (this.ts) { this.t('[', this.name(), ':', 'string', ']', ':'); this.type(); this.t(';'); } break;
            case 7: this.t('static'); this.block(); break;
            case 8: this.t(';'); break;
            default: this.t(this.name()); if (r.p(0.5)) this.t(';'); break;
        }
    }

    // ---- statements
    varDecl() {
        const r = this.r;
        this.t(r.pick(['let', 'const', 'var', 'using', 'await using', 'let', 'const']));
        const n = 1 + (r.p(0.2) ? 1 : 0);
        for (let i = 0; i < n; i++) {
            if (i) this.t(',');
            this.binding();
            if (this.ts && r.p(0.1)) this.t('!');
            if (this.ts && r.p(0.4)) { this.t(':'); this.type(); }
            if (r.p(0.8)) { this.t('='); this.assignExpr(); }
        }
    }

    stmt(top) {
        const r = this.r;
        const ts = this.ts;
        const c = r.int(ts ? 34 : 22);
        switch (c) {
            case 0: case 1: this.varDecl(); this.t(r.pick([';', ';', ''])); break;
            case 2: case 3: this.expr(); this.t(r.pick([';', ';', ''])); break;
            case 4: if (r.p(0.2)) this.t('async'); this.t('function'); if (r.p(0.2)) this.t('*'); this.t(this.name()); this.fnRest(); break;
            case 5: this.classDecl(false); break;
            case 6: this.t('if', '('); this.expr(); this.t(')'); this.stmtOrBlock(); if (r.p(0.3)) { this.t('else'); this.stmtOrBlock(); } break;
            case 7: this.t('for', '('); if (r.p(0.5)) this.t(r.pick(['let', 'const', 'var', 'using', 'await using'])); this.t(this.name(), r.pick(['of', 'in'])); this.expr(); this.t(')'); this.stmtOrBlock(); break;
            case 8: this.t('for', '('); if (r.p(0.5)) this.varDecl(); this.t(';'); if (r.p(0.5)) this.expr(); this.t(';', ')'); this.stmtOrBlock(); break;
            case 9: this.t('while', '('); this.expr(); this.t(')'); this.stmtOrBlock(); break;
            case 10: this.t('return'); if (r.p(0.6)) this.expr(); this.t(r.pick([';', ''])); break;
            case 11: this.t('throw'); this.expr(); this.t(';'); break;
            case 12: this.t('try'); this.block(); if (r.p(0.7)) { this.t('catch'); if (r.p(0.7)) { this.t('('); this.binding(); if (ts && r.p(0.3)) this.t(':', r.pick(['any', 'unknown'])); this.t(')'); } this.block(); } if (r.p(0.4)) { this.t('finally'); this.block(); } break;
            case 13: this.t(this.name(), ':'); this.stmtOrBlock(); break;
            case 14: this.t(r.pick(['break', 'continue'])); if (r.p(0.3)) this.t(this.name()); this.t(';'); break;
            case 15: this.t('switch', '('); this.expr(); this.t(')', '{', 'case'); this.expr(); this.t(':'); this.stmt(false); if (r.p(0.5)) this.t('default', ':'); this.t('}'); break;
            case 16: this.importDecl(); break;
            case 17: this.exportDecl(); break;
            case 18: this.t('do'); this.stmtOrBlock(); this.t('while', '('); this.expr(); this.t(')'); break;
            case 19: this.block(); break;
            case 20: this.t(this.name(), this.name()); break; // ASI between two names / keyword misuse
            case 21: this.t(r.pick(['get', 'set', 'static', 'async', 'of', 'let', 'yield', 'await', 'using']), r.pick(['\n', '']) || this.name()); this.t(r.pick(['=', '(', '[', '.', '', ';']), this.name()); break;
            // TypeScript only
            case 22: if (r.p(0.2)) this.t('export'); if (r.p(0.2)) this.t('declare'); this.t('interface', this.name()); if (r.p(0.2)) this.typeParams(); if (r.p(0.2)) { this.t('extends'); this.typeRef(); } this.typeLiteral(); break;
            case 23: case 24: if (r.p(0.2)) this.t('export'); if (r.p(0.2)) this.t('declare'); this.t('type', this.name()); if (r.p(0.3)) this.typeParams(); this.t('='); this.type(); this.t(r.pick([';', ''])); break;
            case 25: if (r.p(0.2)) this.t('declare'); if (r.p(0.3)) this.t('const'); this.t('enum', this.name(), '{'); { const n = r.int(3); for (let i = 0; i < n; i++) { if (i) this.t(','); this.t(r.pick([this.name(), '"s"'])); if (r.p(0.3)) { this.t('='); this.assignExpr(); } } } this.t('}'); break;
            case 26: if (r.p(0.4)) this.t('declare'); this.t(r.pick(['namespace', 'module']), this.name()); if (r.p(0.2)) this.t('.', this.name()); this.nsBody(); break;
            case 27: this.t('declare', r.pick(['module "m"', 'global'])); if (r.p(0.8)) this.nsBody(); else this.t(';'); break;
            case 28: this.t('declare'); r.p(0.5) ? this.varDecl() : (this.t('function', this.name()), this.params(true), this.t(':'), this.type()); this.t(';'); break;
            case 29: if (r.p(0.3)) this.t('export'); this.t('import', this.name(), '='); r.p(0.5) ? this.t('require', '(', '"m"', ')') : this.t(this.name(), '.', this.name()); this.t(';'); break;
            case 30: this.t('export', '='); this.expr(); this.t(';'); break;
            case 31: this.t('abstract', 'class', this.name(), '{'); { const m = this.inClass; this.inClass = true; this.t('abstract'); this.member(); this.member(); this.inClass = m; } this.t('}'); break;
            case 32: this.t(r.pick(['declare', 'abstract', 'readonly', 'type', 'namespace', 'module', 'global', 'interface', 'enum', 'async']), '\n'); this.stmt(false); break;
            default: this.t('function', this.name()); if (r.p(0.3)) this.typeParams(); this.params(false); this.t(':'); this.returnType(); this.t(r.pick([';', ''])); if (r.p(0.4)) this.block(); break;
        }
    }

    nsBody() {
        this.t('{');
        if (this.depth < 4) this.deeper(() => { const n = this.r.int(3); for (let i = 0; i < n; i++) this.stmt(false); });
        this.t('}');
    }

    stmtOrBlock() {
        if (this.r.p(0.5)) this.block(); else this.deeper(() => this.stmt(false));
    }

    importDecl() {
        const r = this.r;
        this.t('import');
        if (this.ts && r.p(0.3)) this.t('type');
        if (r.p(0.1)) this.t(r.pick(['defer', 'source']));
        const c = r.int(4);
        if (c === 0) this.t(this.name());
        else if (c === 1) this.t('*', 'as', this.name());
        else if (c === 2) {
            if (r.p(0.3)) this.t(this.name(), ',');
            this.t('{');
            const n = r.int(3);
            for (let i = 0; i < n; i++) {
                if (i) this.t(',');
                if (this.ts && r.p(0.3)) this.t('type');
                this.t(r.pick([this.name(), '"s"']));
                if (r.p(0.4)) this.t('as', this.name());
            }
            this.t('}');
        }
        if (c !== 3) this.t('from');
        this.t('"m"');
        if (r.p(0.1)) this.t('with', '{', 'type', ':', '"json"', '}');
        this.t(r.pick([';', '']));
    }

    exportDecl() {
        const r = this.r;
        const c = r.int(6);
        if (c === 0) { this.t('export'); this.varDecl(); this.t(';'); }
        else if (c === 1) { this.t('export', 'default'); this.assignExpr(); this.t(';'); }
        else if (c === 2) { this.t('export'); if (this.ts && r.p(0.3)) this.t('type'); this.t('*'); if (r.p(0.5)) this.t('as', r.pick([this.name(), '"s"'])); this.t('from', '"m"', ';'); }
        else if (c === 3) {
            this.t('export');
            if (this.ts && r.p(0.3)) this.t('type');
            this.t('{');
            const n = r.int(3);
            for (let i = 0; i < n; i++) {
                if (i) this.t(',');
                if (this.ts && r.p(0.2)) this.t('type');
                this.t(this.name());
                if (r.p(0.4)) this.t('as', r.pick([this.name(), 'default', '"s"']));
            }
            this.t('}');
            if (r.p(0.4)) this.t('from', '"m"');
            this.t(';');
        } else if (c === 4) { this.t('export', 'default'); this.classDecl(false); }
        else { this.t('export', r.pick(['async function', 'function', 'default function', 'default async function'])); this.t(this.name()); this.fnRest(); }
    }
}

// ---------------------------------------------------------------- programs

const KINDS = [
    { ext: '.ts', ts: true, jsx: false, weight: 30 },
    { ext: '.tsx', ts: true, jsx: true, weight: 15 },
    { ext: '.d.ts', ts: true, jsx: false, weight: 8 },
    { ext: '.mts', ts: true, jsx: false, weight: 7 },
    { ext: '.cts', ts: true, jsx: false, weight: 5 },
    { ext: '.js', ts: false, jsx: false, jsxOk: true, weight: 15 },
    { ext: '.jsx', ts: false, jsx: false, jsxOk: true, weight: 8 },
    { ext: '.mjs', ts: false, jsx: false, jsxOk: true, weight: 7 },
    { ext: '.cjs', ts: false, jsx: false, jsxOk: true, weight: 5 },
];
const KIND_TOTAL = KINDS.reduce((s, k) => s + k.weight, 0);

const WORDISH = /[A-Za-z0-9_$#@"'`\\]/;

/** Program i of seed S: {file, text}. */
export function program(seed, i) {
    const r = rngOf(splitmix(seed, i));
    let w = r.int(KIND_TOTAL);
    let kind = KINDS[0];
    for (const k of KINDS) { if (w < k.weight) { kind = k; break; } w -= k.weight; }
    const g = new Gen(r, kind);
    g.async = r.p(0.2);
    g.gen = r.p(0.1);
    const n = 1 + r.int(2);
    for (let s = 0; s < n; s++) g.stmt(true);
    // Joining: a space by default; line breaks at a program-wide rate (none in a third of the
    // programs), glue (no space) now and then where it cannot merge two words, comments rarely.
    const nl = r.p(0.4) ? 0 : r.f() * 0.15;
    const glue = r.f() * 0.3;
    let text = '';
    const toks = g.out.filter((x) => x !== '');
    for (let k = 0; k < toks.length; k++) {
        const tok = toks[k];
        if (k > 0) {
            const prev = toks[k - 1];
            const x = r.f();
            const bothWords = WORDISH.test(prev[prev.length - 1]) && WORDISH.test(tok[0]);
            const slashy = prev.endsWith('/') || tok[0] === '/' || tok[0] === '*';
            if (tok === '\n' || prev === '\n') text += '';
            else if (x < nl) text += '\n';
            else if (x < nl + 0.01) text += r.pick(['/*c*/', '/*\n*/', '//c\n', ' /** @x */ ']);
            else if (!bothWords && !slashy && x < nl + glue) text += '';
            else text += ' ';
        }
        text += tok;
    }
    return { file: 'p' + kind.ext, text };
}

// ---------------------------------------------------------------- the judge

function scriptKindFor(ts, fileName) {
    const n = fileName.toLowerCase();
    if (n.endsWith('.tsx')) return ts.ScriptKind.TSX;
    if (n.endsWith('.ts') || n.endsWith('.mts') || n.endsWith('.cts')) return ts.ScriptKind.TS;
    if (n.endsWith('.jsx')) return ts.ScriptKind.JSX;
    return ts.ScriptKind.JS;
}

function parseVerdict(ts, file, text) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindFor(ts, file));
    const d = sf.parseDiagnostics || [];
    if (d.length === 0) return { ts: 'ok', code: '0', pos: '-1', message: '' };
    return { ts: 'error', code: String(d[0].code), pos: String(d[0].start ?? 0),
        message: ts.flattenDiagnosticMessageText(d[0].messageText, ' ') };
}

function programOptions(ts) {
    return { noLib: true, noResolve: true, target: ts.ScriptTarget.Latest, allowJs: true, checkJs: true,
        jsx: ts.JsxEmit.Preserve, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
        experimentalDecorators: false, noEmit: true, types: [], strict: false, alwaysStrict: false };
}

/**
 * The file as the one-file Program reads it: .mjs/.mts are ES modules whatever their syntax, and with
 * moduleDetection "auto" a .mts/.cts/.mjs/.cjs file is a module by its extension (a top-level `await` is
 * then reparsed as module code); every other file is a module by its own import/export.
 */
function programSourceFile(ts, file, text) {
    const impliedNodeFormat = /\.m[jt]s$/.test(file.toLowerCase()) ? ts.ModuleKind.ESNext : undefined;
    return ts.createSourceFile('/' + file, text, { languageVersion: ts.ScriptTarget.Latest, impliedNodeFormat,
        setExternalModuleIndicator: ts.getSetExternalModuleIndicator(programOptions(ts)) }, true, scriptKindFor(ts, file));
}

/** The parser's verdict on the file as the Program reads it (programSourceFile). */
function programParseVerdict(ts, file, text) {
    const d = programSourceFile(ts, file, text).parseDiagnostics || [];
    if (d.length === 0) return { ts: 'ok', code: '0', pos: '-1', message: '' };
    return { ts: 'error', code: String(d[0].code), pos: String(d[0].start ?? 0),
        message: ts.flattenDiagnosticMessageText(d[0].messageText, ' ') };
}

/** The first error of a one-file program's semantic and syntactic diagnostics (checker grammar rules included). */
function checkerVerdict(ts, file, text) {
    const options = programOptions(ts);
    const name = '/' + file;
    const sf = programSourceFile(ts, file, text);
    const host = {
        getSourceFile: (n) => (n === name ? sf : undefined),
        getDefaultLibFileName: () => '/lib.d.ts',
        writeFile: () => {},
        getCurrentDirectory: () => '/',
        getDirectories: () => [],
        fileExists: (n) => n === name,
        readFile: (n) => (n === name ? text : undefined),
        getCanonicalFileName: (n) => n,
        useCaseSensitiveFileNames: () => true,
        getNewLine: () => '\n',
    };
    const program = ts.createProgram([name], options, host);
    const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
        .filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (diags.length === 0) return { checker: 'ok', ccode: '0', cpos: '-1', cmessage: '', ccodes: [] };
    return { checker: 'error', ccode: String(diags[0].code), cpos: String(diags[0].start ?? 0),
        cmessage: ts.flattenDiagnosticMessageText(diags[0].messageText, ' '),
        ccodes: diags.map((d) => `${d.code}@${d.start ?? 0}+${d.length ?? 0}`) };
}

function safeCheckerVerdict(ts, file, text) {
    try {
        return checkerVerdict(ts, file, text);
    } catch (e) { // the checker without its lib can trip over some programs: no verdict then
        return { checker: 'crashed', ccode: '0', cpos: '-1', cmessage: String(e && e.message), ccodes: [] };
    }
}

function main() {
    const [cmd, ...rest] = process.argv.slice(2);
    const opt = {};
    for (let k = 0; k < rest.length; k += 2) opt[rest[k].replace(/^--/, '')] = rest[k + 1];
    if (cmd === 'show') {
        const p = program(Number(opt.seed ?? 1), Number(opt.index ?? 0));
        process.stdout.write(`// ${p.file}\n${p.text}\n`);
        return;
    }
    const ts = loadTypeScript();
    if (cmd === 'generate') {
        const seed = Number(opt.seed ?? 1);
        const from = Number(opt.from ?? 0);
        const count = opt.count === undefined ? Infinity : Number(opt.count);
        const checker = opt.checker === '1';
        let i = from;
        const write = () => {
            let ok = true;
            while (ok && i < from + count) {
                const p = program(seed, i);
                const v = parseVerdict(ts, p.file, p.text);
                const c = checker && v.ts === 'ok' ? safeCheckerVerdict(ts, p.file, p.text) : {};
                ok = process.stdout.write(JSON.stringify({ i: String(i), file: p.file, text: p.text, ...v, ...c }) + '\n');
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
            // format: the parser's verdict on the file as the Program reads it (a module by its extension)
            const v = q.format === '1' ? programParseVerdict(ts, q.file, q.text) : parseVerdict(ts, q.file, q.text);
            const c = q.checker === '1' ? safeCheckerVerdict(ts, q.file, q.text) : {};
            process.stdout.write(JSON.stringify({ ...v, ...c }) + '\n');
        });
    } else {
        die('usage: corners.mjs generate --seed S [--from I] [--count N] | judge | show --seed S --index I');
    }
}

// main only when run, not when js-corners.mjs imports the PRNG from here
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))) main();
