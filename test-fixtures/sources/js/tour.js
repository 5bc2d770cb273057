"use strict";
// comment
const a = 1, [b, c] = [2, 3];
let {d, e: {f = 4}, ...g} = obj;
function* gen(x, y = 2, ...rest) { yield x; yield* rest; }
async function af() { await af(); for await (const x of y) {} }
class A extends B { #p = 1; static s; constructor() { super(); } get x() { return this.#p; } static { this.y = 1; } }
const arrow = (a, {b}, [c] = [], ...d) => a + b ** c;
x = a ? b : c ?? d;
label: for (let i = 0; i < 10; i++) { if (i) continue label; else break; }
tag`hello ${world} and ${more}`;
var re = /ab+c/gi, div = a / b / c;
({a, b} = o);
[a, ...b] = c;
new Foo.bar(1)(2);
a?.b?.[c]?.(d);
switch (x) { case 1: y(); break; default: z(); }
try { t() } catch ({message}) { } finally { }
