package dev.arenals.check;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.Language;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;

/**
 * Gets the parser and binder compiled while the main thread walks the tree.
 *
 * <p>A `check` process is short. C1 compiles about 300 of our methods during the run, and until
 * a method is compiled the checking threads interpret it. The walk keeps one core busy and leaves
 * the other mostly idle. This thread parses and binds the small built-in sources below on that
 * core, so the hot methods reach the compiler's queue before the first file is checked
 * (effect@4.1.0, 2 threads: 15–20 ms less wall time, docs/check-performance.md "Start-up").
 *
 * <p>It has its own parser, arena and binder, reads no file, reports nothing, and stops after the
 * source it is on once {@link #stop()} is called (each takes well under a millisecond once compiled).
 */
public final class WarmUp implements Runnable {
    private volatile boolean stopped;

    /**
     * Set by the resident daemon once it has checked a tree: its code is compiled, and warming up
     * again at every request would only take a core from the walk.
     */
    static volatile boolean processIsWarm;

    /** Starts a warm-up thread, or returns null when there is no spare core for it (or no need). */
    static WarmUp startIfUseful(int checkingThreads) {
        if (processIsWarm || checkingThreads < 2 || Runtime.getRuntime().availableProcessors() < 2) return null;
        WarmUp w = new WarmUp();
        Thread t = new Thread(w, "arena-ls-check-warm-up");
        t.setDaemon(true);
        t.start();
        return w;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped && step()) {
            // each step parses and binds one source
        }
    }

    // the state of step(), made by its first call
    private JsParser parser;
    private Arena arena;
    private Binder binder;
    private ScopeTable table;
    private char[][] texts;
    private ParseOptions[] options;
    private int next;

    /**
     * Parses and binds the next built-in source, round and round; false once a step failed (then
     * there is no more warming up to do). Also what {@link EarlyCheck} does while the walk has
     * found nothing new.
     */
    boolean step() {
        if (processIsWarm) return false;
        try {
            if (texts == null) {
                parser = new JsParser();
                arena = new Arena();
                binder = new Binder();
                table = new ScopeTable();
                String[] sources = sources();
                options = options();
                texts = new char[sources.length][];
                for (int i = 0; i < texts.length; i++) texts[i] = sources[i].toCharArray();
            }
            int i = next;
            next = (i + 1) % texts.length;
            parser.parseInPlace(arena, texts[i], texts[i].length, options[i]);
            binder.bindDeclarations(arena, table);
            return true;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // only a warm-up: the checking threads do the real work (and report their own failures)
            return false;
        }
    }

    /**
     * The built-in sources (each free of diagnostics: WarmUpTest), and {@link #options()} to parse
     * them with; the language server warms up on them too (dev.arenals.server.launch.StartupWarmUp).
     */
    public static String[] sources() {
        return new String[] {TYPES, CLASSES, SCRIPT, DECLARATIONS};
    }

    public static ParseOptions[] options() {
        ParseOptions ts = ParseOptions.of(Language.TYPESCRIPT, ParseOptions.Goal.MODULE, false);
        return new ParseOptions[] {ts, ts, ParseOptions.of(Language.JAVASCRIPT, ParseOptions.Goal.SCRIPT, false),
            ParseOptions.of(Language.TYPESCRIPT, ParseOptions.Goal.MODULE, true)};
    }

    // Our own sources, written for this purpose: the constructs most code is made of.

    private static final String TYPES = """
            /**
             * A small module of types and functions over them.
             *
             * @since 1.0.0
             */
            import type { Option } from "./Option.js"
            import * as Predicate from "./Predicate.js"
            import { dual, pipe, type LazyArg } from "./Function.js"

            export interface Pair<out A, out B> {
              readonly first: A
              readonly second: B
              readonly [key: string]: unknown
            }

            export type Result<E, A> = { readonly _tag: "Ok"; readonly value: A } | { readonly _tag: "Err"; readonly error: E }

            export type Keys<T> = { [K in keyof T]-?: T[K] extends Function ? never : K }[keyof T]

            export type Unwrap<T> = T extends Promise<infer U> ? Unwrap<U> : T extends ReadonlyArray<infer V> ? V : T

            /** Makes a pair. */
            export const make = <A, B>(first: A, second: B): Pair<A, B> => ({ first, second })

            export const mapFirst: {
              <A, C>(f: (a: A) => C): <B>(self: Pair<A, B>) => Pair<C, B>
              <A, B, C>(self: Pair<A, B>, f: (a: A) => C): Pair<C, B>
            } = dual(2, <A, B, C>(self: Pair<A, B>, f: (a: A) => C): Pair<C, B> => make(f(self.first), self.second))

            export function isOk<E, A>(self: Result<E, A>): self is { readonly _tag: "Ok"; readonly value: A } {
              return self._tag === "Ok"
            }

            export const getOrElse = <E, A, B>(self: Result<E, A>, orElse: LazyArg<B>): A | B =>
              isOk(self) ? self.value : orElse()

            export function sum(values: ReadonlyArray<number>, start = 0): number {
              let total = start
              for (let i = 0; i < values.length; i++) {
                total += values[i] ?? 0
              }
              for (const value of values) {
                if (value > 100 && !Predicate.isNumber(value)) continue
              }
              return total
            }

            export const describe = (self: Pair<string, number>, option?: Option<string>): string =>
              `${self.first}: ${self.second.toFixed(2)}${option !== undefined ? ` (${String(option)})` : ""}`

            export const tuple = <T extends ReadonlyArray<unknown>>(...items: T): T => items

            export enum Color { Red = 1, Green = "green", Blue = Red << 2 }

            export declare namespace Pair {
              export type First<P> = P extends Pair<infer A, unknown> ? A : never
            }

            const pipeline = pipe(make(1, "a"), mapFirst((n: number) => n + 1), (p) => [p.first, p.second] as const)
            export default pipeline
            """;

    private static final String CLASSES = """
            import { Context, Effect, Layer } from "./index.js"

            /** A counter with a private field and a static factory. */
            export class Counter<A extends object = {}> implements Iterable<number> {
              #count = 0
              static readonly zero = new Counter()
              private readonly listeners: Array<(n: number) => void> = []

              constructor(readonly name: string, protected options?: Partial<A>) {}

              get count(): number {
                return this.#count
              }

              increment(by: number = 1): this {
                this.#count += by
                this.listeners.forEach((listener) => listener(this.#count))
                return this
              }

              async *[Symbol.asyncIterator](): AsyncGenerator<number, void, undefined> {
                yield this.#count
              }

              *[Symbol.iterator](): Iterator<number> {
                for (let i = 0; i < this.#count; i++) yield i
              }

              static of<A extends object>(name: string, options: A): Counter<A> {
                return new Counter<A>(name, options)
              }
            }

            export abstract class Service extends Context.Tag("Service")<Service, { readonly run: () => Promise<void> }>() {
              abstract start(): void
            }

            export const program = Effect.gen(function* () {
              const service = yield* Service
              const { run, ...rest } = service as any
              const [first = 0, , third] = [1, 2, 3]
              try {
                yield* Effect.promise(() => Promise.all([run(), Promise.resolve(rest)]))
              } catch (error: unknown) {
                console.error(error instanceof Error ? error.message : String(error))
              } finally {
                void first
              }
              return { first, third, label: `done: ${third}` } satisfies Record<string, unknown>
            })

            export const layer = Layer.succeed(Service, { run: async () => { await new Promise((resolve) => setTimeout(resolve, 0)) } })

            const handlers: Record<string, (input: string) => number | undefined> = {
              length: (input) => input.length,
              first: (input) => input.charCodeAt(0),
              parse(input) { return Number.parseInt(input, 10) || undefined },
            }
            export { handlers as default, type Counter as CounterType }
            """;

    private static final String SCRIPT = """
            'use strict';
            /* A script in the style of a bundled library. */
            var Registry = (function () {
              function Registry(options) {
                if (!(this instanceof Registry)) return new Registry(options);
                this.entries = Object.create(null);
                this.size = 0;
                this.pattern = options && options.pattern || /^[a-z][a-z0-9_-]*$/i;
              }
              Registry.prototype.add = function add(name, value) {
                if (typeof name !== 'string' || !this.pattern.test(name)) {
                  throw new TypeError('invalid name: ' + name);
                }
                switch (typeof value) {
                  case 'function': value = { call: value }; break;
                  case 'undefined': return false;
                  default: break;
                }
                if (!(name in this.entries)) this.size++;
                this.entries[name] = value;
                return true;
              };
              Registry.prototype.each = function (callback, thisArg) {
                var keys = Object.keys(this.entries), i = 0, n = keys.length;
                while (i < n) {
                  callback.call(thisArg, this.entries[keys[i]], keys[i++]);
                }
                do { n--; } while (n > 0 && keys[n] === void 0);
                for (var key in this.entries) if (Object.prototype.hasOwnProperty.call(this.entries, key)) continue;
              };
              return Registry;
            }());
            if (typeof module === 'object' && module.exports) {
              module.exports = Registry;
            } else {
              this.Registry = Registry;
            }
            var total = 0, text = "a\\tb", flags = 0x1F | 0b101 & ~7, big = 10n ** 3n, ratio = 1.5e-3;
            label: for (var i = 0; i < 10; i += 2) { if (i === 4) continue label; total = total > 3 ? total - i : total + i; }
            """;

    private static final String DECLARATIONS = """
            /** Declarations, as in a .d.ts file. */
            export declare function parse(text: string, reviver?: (this: any, key: string, value: any) => any): unknown;
            export declare function parse<T>(text: string, schema: Schema<T>): T;
            export interface Schema<T> {
                readonly type: T;
                validate(input: unknown): input is T;
                readonly properties?: { readonly [K in keyof T]?: Schema<T[K]> };
            }
            export declare const VERSION: string;
            export declare class Parser<in out T> {
                private constructor();
                static create<T>(schema: Schema<T>): Parser<T>;
                parse(input: string): T;
                protected readonly schema: Schema<T>;
            }
            export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
            declare global {
                interface Window { readonly parser: Parser<Json> }
            }
            export declare namespace Schema {
                type Infer<S> = S extends Schema<infer T> ? T : never;
                const any: Schema<any>;
            }
            """;
}
