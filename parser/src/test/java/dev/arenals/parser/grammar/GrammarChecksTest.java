package dev.arenals.parser.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.DiagnosticMessages;
import dev.arenals.parser.scope.Binder;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TypeScript's grammar errors (issue 21 part 2), one rule per test: a {@code |} marks where
 * TypeScript (6.0.3, its checker) puts the error, and the expected code and message follow. Each
 * case was checked against TypeScript; the differential run over generated programs is
 * {@code CornersFuzzTest} in test-fixtures.
 */
class GrammarChecksTest {

    /** The grammar checks' diagnostics of {@code marked} (without its marker) as "code@offset message". */
    private static List<String> grammarErrors(String file, String text) {
        Arena arena = new Arena();
        new JsParser().parse(arena, text, ParseOptions.forFileName(file));
        Binder binder = new Binder();
        binder.bindDeclarations(arena, new ScopeTable());
        ParseLog log = arena.log();
        List<String> out = new ArrayList<>();
        for (int i = binder.grammarDiagnosticsFrom(); i < log.diagnosticCount(); i++) {
            out.add(log.diagnostic(i).code + "@" + log.diagnosticStart(i) + " " + DiagnosticMessages.message(log, i, arena.names()));
        }
        return out;
    }

    private static void assertGrammar(String file, String marked, int code, String message) {
        int at = marked.indexOf('|');
        String text = marked.substring(0, at) + marked.substring(at + 1);
        assertEquals(List.of(code + "@" + at + " " + message), grammarErrors(file, text), marked);
    }

    private static void assertGrammar(String marked, int code, String message) {
        assertGrammar("p.ts", marked, code, message);
    }

    private static void assertNone(String file, String text) {
        assertEquals(List.of(), grammarErrors(file, text), text);
    }

    // ---- ambient contexts

    @Test
    void statementsInAmbientContexts() {
        assertGrammar("declare namespace N { let x: number; |f(); g(); }", 1036, "Statements are not allowed in ambient contexts.");
        assertGrammar("p.d.ts", "|if (a) {}", 1036, "Statements are not allowed in ambient contexts.");
    }

    @Test
    void implementationsInAmbientContexts() {
        assertGrammar("declare namespace N { function f() |{ x(); } }", 1183, "An implementation cannot be declared in ambient contexts.");
        assertGrammar("declare class C { m() |{} }", 1183, "An implementation cannot be declared in ambient contexts.");
    }

    @Test
    void initializersInAmbientContexts() {
        assertGrammar("declare let x = |1;", 1039, "Initializers are not allowed in ambient contexts.");
        assertGrammar("declare const x: number = |1;", 1039, "Initializers are not allowed in ambient contexts.");
        assertGrammar("declare const x = |f();", 1254,
                "A 'const' initializer in an ambient context must be a string or numeric literal or literal enum reference.");
        assertGrammar("declare let p = class |$ {};", 1039, "Initializers are not allowed in ambient contexts.");
        assertNone("p.ts", "enum E { A } declare const a = 1, b = -2n, c = 'x', d = E.A;");
    }

    @Test
    void enumMembersAfterOneWithoutANumberNeedAnInitializer() {
        assertGrammar("enum E { a = 's', |b }", 1061, "Enum member must have initializer.");
        assertGrammar("enum E { a = f(), |b }", 1061, "Enum member must have initializer.");
        assertGrammar("enum E { a = 1 as number, |b }", 1061, "Enum member must have initializer."); // no parentheses skipped there
        assertGrammar("enum E { a = 'x', b = E.a + 1, |c }", 1061, "Enum member must have initializer.");
        assertGrammar("const enum E { a = `x${1}`, |b }", 1061, "Enum member must have initializer.");
        // numbers go on; a name the evaluator might resolve (a `const` elsewhere) is left alone
        assertNone("p.ts", "enum E { a = 1, b, c = -a << 2, d = E.c, e = (1 + 2) * 3 ** 2, f }");
        assertNone("p.ts", "enum E { a = x, b } enum F { a = E.a, b }");
        // an ambient enum that is not const needs no initializer, but a constant one
        assertNone("p.ts", "declare enum E { a = 's', b }");
        assertGrammar("declare enum E { a = |f(), b }", 1066, "In ambient enum declarations member initializer must be constant expression.");
        assertGrammar("enum E { a = 1, |[k] = 2 }", 1164, "Computed property names are not allowed in enums.");
        assertNone("p.ts", "enum E { ['a'] = 1, [`b`] }");
    }

    @Test
    void declareInsideAnAmbientModule() {
        assertGrammar("declare namespace N { |declare let x: number; }", 1038,
                "A 'declare' modifier cannot be used in an already ambient context.");
        assertNone("p.d.ts", "declare let x: number; export declare function f(): void;");
    }

    @Test
    void asyncInAmbientContexts() {
        assertGrammar("declare class C { |async m(): void; }", 1040, "'async' modifier cannot be used in an ambient context.");
    }

    @Test
    void declarationFileTopLevel() {
        assertGrammar("p.d.ts", "|function f(): void;", 1046,
                "Top-level declarations in .d.ts files must start with either a 'declare' or 'export' modifier.");
        assertGrammar("p.d.ts", "interface I {} |namespace N {}", 1046,
                "Top-level declarations in .d.ts files must start with either a 'declare' or 'export' modifier.");
        assertNone("p.d.ts", "export function f(): void; declare const x: number; type T = 1; interface I {} import x = require('m');");
    }

    // ---- modules and exports

    @Test
    void moduleKeywordForANamespace() {
        assertGrammar("module |N {}", 1540,
                "A 'namespace' declaration should not be declared using the 'module' keyword. Please use the 'namespace' keyword instead.");
        assertNone("p.ts", "namespace N {} declare module 'm' {} declare global {}");
    }

    @Test
    void namespaceBelowTheTopLevel() {
        assertGrammar("{ |namespace N {} }", 1235, "A namespace declaration is only allowed at the top level of a namespace or module.");
    }

    @Test
    void exportAssignmentBesideOtherExports() {
        assertGrammar("export const a = 1; |export = a;", 2309, "An export assignment cannot be used in a module with other exported elements.");
        // (TypeScript adds TS1203 to both under `module: ESNext`: a rule of the compiler options, not ours)
        assertNone("p.ts", "const a = 1; export = a;");
    }

    @Test
    void moduleReferencesInANamespace() {
        assertGrammar("namespace N { import a from |\"m\"; }", 1147, "Import declarations in a namespace cannot reference a module.");
        assertGrammar("namespace N { export * from |\"m\"; }", 1194, "Export declarations are not permitted in a namespace.");
        assertNone("p.ts", "declare module 'x' { import d from 'm'; export * from 'n'; } declare global { import e from 'm'; }");
    }

    // ---- modifiers

    @Test
    void modifierOrderAndRepetition() {
        assertGrammar("class K { static |public y; }", 1029, "'public' modifier must precede 'static' modifier.");
        assertGrammar("class K { private |protected y; }", 1028, "Accessibility modifier already seen.");
        assertGrammar("abstract class L { private |abstract x; }", 1243, "'private' modifier cannot be used with 'abstract' modifier.");
        assertGrammar("class K { readonly |static x; }", 1029, "'static' modifier must precede 'readonly' modifier.");
    }

    @Test
    void modifiersOnTheWrongDeclaration() {
        assertGrammar("class K { |abstract m(); }", 1244, "Abstract methods can only appear within an abstract class.");
        assertGrammar("class K { |abstract x; }", 1253, "Abstract properties can only appear within an abstract class.");
        assertGrammar("class K { |static constructor() {} }", 1089, "'static' modifier cannot appear on a constructor declaration.");
        assertGrammar("class K { |readonly m() {} }", 1024, "'readonly' modifier can only appear on a property declaration or index signature.");
        assertGrammar("class K { |declare m(): void; }", 1031, "'declare' modifier cannot appear on class elements of this kind.");
        assertGrammar("{ abstract class a { |abstract readonly static constructor() {} } }", 1242, "'abstract' modifier can only appear on a class, method, or property declaration.");
    }

    @Test
    void modifiersOnTypeMembers() {
        assertGrammar("interface I { |public a: number }", 1070, "'public' modifier cannot appear on a type member.");
        assertNone("p.ts", "interface I { readonly a: number; readonly [k: string]: number } class C { static [k: string]: number }");
    }

    // ---- type parameters and types

    @Test
    void typeParameterModifiers() {
        assertGrammar("type A<|const T> = T;", 1277, "'const' modifier can only appear on a type parameter of a function, method or class");
        assertGrammar("function f<|in T>() {}", 1274, "'in' modifier can only appear on a type parameter of a class, interface or type alias");
        assertGrammar("interface I<out |in T> {}", 1029, "'in' modifier must precede 'out' modifier.");
        assertNone("p.ts", "function f<const T>() {} class C<in out T, const U> {} type A<in T> = T;");
    }

    @Test
    void inferOutsideAConditionalType() {
        assertGrammar("type A = |infer U;", 1338, "'infer' declarations are only permitted in the 'extends' clause of a conditional type.");
        assertNone("p.ts", "type A<T> = T extends (infer U)[] ? U : T extends { a: infer V } ? [V] : never;");
    }

    @Test
    void uniqueSymbolPlacement() {
        assertGrammar("type A = |unique symbol;", 1335, "'unique symbol' types are not allowed here.");
        assertGrammar("let |s: unique symbol;", 1332, "A variable whose type is a 'unique symbol' type must be 'const'.");
        assertGrammar("interface I { |a: unique symbol }", 1330,
                "A property of an interface or type literal whose type is a 'unique symbol' type must be 'readonly'.");
        assertGrammar("class C { static |a: unique symbol }", 1331,
                "A property of a class whose type is a 'unique symbol' type must be both 'static' and 'readonly'.");
        assertNone("p.ts", "declare const s: unique symbol; class C { static readonly a: unique symbol; } interface I { readonly b: unique symbol }");
    }

    @Test
    void readonlyTypeOperator() {
        assertGrammar("type A = |readonly string;", 1354, "'readonly' type modifier is only permitted on array and tuple literal types.");
        assertNone("p.ts", "type A = readonly string[]; type B = readonly [number];");
    }

    // ---- parameters and declarations

    @Test
    void parameterLists() {
        assertGrammar("function f(|a?: number = 1) {}", 1015, "Parameter cannot have question mark and initializer.");
        assertGrammar("function f(a?: number, |b: number) {}", 1016, "A required parameter cannot follow an optional parameter.");
        assertGrammar("function f(...r|?: number[]) {}", 1047, "A rest parameter cannot be optional.");
        assertNone("p.ts", "function f(a?: number, b = 1, ...c: number[]) {} type F = (a?: string, b?: number) => void;");
    }

    @Test
    void definiteAssignmentAssertions() {
        assertGrammar("let x|!: number = 1;", 1263, "Declarations with initializers cannot also have definite assignment assertions.");
        assertGrammar("let x|!;", 1264, "Declarations with definite assignment assertions must also have type annotations.");
        assertGrammar("class C { static x|!: number; }", 1255, "A definite assignment assertion '!' is not permitted in this context.");
        assertNone("p.ts", "let x!: number; class C { y!: string; }");
    }

    @Test
    void restParameterLast() {
        assertGrammar("type F = (|...a: number[], b: string) => void;", 1014, "A rest parameter must be last in a parameter list.");
    }

    @Test
    void aModifierErrorLeavesEachDeclaratorChecked() {
        assertEquals(List.of("1491@0 'declare' modifier cannot appear on a 'using' declaration.",
                "1254@18 A 'const' initializer in an ambient context must be a string or numeric literal or literal enum reference."),
                grammarErrors("p.ts", "declare using x = a;"));
        assertEquals(List.of("1491@0 'declare' modifier cannot appear on a 'using' declaration.",
                "1039@21 Initializers are not allowed in ambient contexts."), grammarErrors("p.ts", "declare using x: T = a;"));
        assertEquals(List.of("1044@8 'public' modifier cannot appear on a module or namespace element.",
                "1039@23 Initializers are not allowed in ambient contexts."), grammarErrors("p.ts", "declare public let x = f();"));
    }

    @Test
    void noTrailingCommaAfterARestParameterOutsideAmbientContexts() {
        String message = "A rest parameter or binding pattern may not have a trailing comma.";
        assertGrammar("function f(...a|,) {}", 1013, message);
        assertGrammar("(...a /* c */|,\n) => {};", 1013, message);
        assertGrammar("interface I { m(...a: T|,): void }", 1013, message);
        assertGrammar("type F = (...a|,) => void;", 1013, message);
        assertGrammar("class C { m(...a|,); m() {} }", 1013, message);
        assertNone("p.ts", "declare function f(...a,): void; declare class C { m(...a,): void }");
        assertNone("p.d.ts", "export function f(...a,): void;");
        assertNone("p.ts", "function f(a,) {} function g([a],) {}");
    }

    @Test
    void accessors() {
        assertGrammar("class C { get x(): number|; }", 1005, "'{' expected.");
        assertGrammar("abstract class E { abstract get |h() { return 1 } }", 1318, "An abstract accessor cannot have an implementation.");
        assertGrammar("interface I { get |a(x); }", 1054, "A 'get' accessor cannot have parameters.");
        assertGrammar("interface I { set |b(); }", 1049, "A 'set' accessor must have exactly one parameter.");
        assertGrammar("interface I { set |c(v = 1); }", 1052, "A 'set' accessor parameter cannot have an initializer.");
        assertGrammar("interface I { set d(v|?); }", 1051, "A 'set' accessor cannot have an optional parameter.");
        assertGrammar("interface I { set e(|...v); }", 1053, "A 'set' accessor cannot have rest parameter.");
        assertGrammar("interface I { set |f(v): number; }", 1095, "A 'set' accessor cannot have a return type annotation.");
        assertGrammar("interface I { get |g<T>(); }", 1094, "An accessor cannot have type parameters.");
        assertNone("p.ts", "interface I { get a(): number; set a(v: number); } declare class D { get b(): number; } abstract class E { abstract get c(): number; }");
    }

    @Test
    void constructors() {
        assertGrammar("class D { constructor<|T>() {} }", 1092, "Type parameters cannot appear on a constructor declaration.");
        assertGrammar("class D { constructor(): |void {} }", 1093, "Type annotation cannot appear on a constructor declaration.");
    }

    @Test
    void typePredicates() {
        assertGrammar("function g(y): |x is string { return true; }", 1225, "Cannot find parameter 'x'.");
        assertGrammar("function h(...r): |r is string[] { return true; }", 1229, "A type predicate cannot reference a rest parameter.");
        assertGrammar("function k({a, b: [c]}): |c is 1 { return true; }", 1230, "A type predicate cannot reference element 'c' in a binding pattern.");
        assertGrammar("type F = new (x) => |x is 1;", 1228, "A type predicate is only allowed in return type position for functions and methods.");
        assertGrammar("class C { get g(): |this is C { return true } }", 1228,
                "A type predicate is only allowed in return type position for functions and methods.");
        assertNone("p.ts", "function f(x): x is string { return true; } class C { m(x): x is 1 { return true } isC(): this is C { return true } }"
                + " interface I { (x): x is 1; m(y): asserts y; } const a = (v: unknown): asserts v => {};");
    }

    // ---- when nothing is reported

    @Test
    void onlyTypeScriptFilesWithoutSyntaxErrors() {
        assertNone("p.js", "class K { static x; }");
        assertNone("p.ts", "class K { static public y; } let = ;"); // a syntax error: TypeScript skips its grammar checks
        assertNone("p.ts", "return (x: unique symbol) => 1;"); // nothing below a misplaced `return` is checked
    }
    // ---- strict-mode names: TypeScript's binder says why the code is strict (a class, then a module)

    /** Every diagnostic of {@code text} (parser, binder and grammar checks) as "code@offset message". */
    private static List<String> allErrors(String file, String text) {
        Arena arena = new Arena();
        new JsParser().parse(arena, text, ParseOptions.forFileName(file));
        new Binder().bindDeclarations(arena, new ScopeTable());
        ParseLog log = arena.log();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.diagnosticCount(); i++) {
            out.add(log.diagnostic(i).code + "@" + log.diagnosticStart(i) + " " + DiagnosticMessages.message(log, i, arena.names()));
        }
        return out;
    }

    private static void assertOnly(String file, String marked, int code, String message) {
        int at = marked.indexOf('|');
        String text = marked.substring(0, at) + marked.substring(at + 1);
        assertEquals(List.of(code + "@" + at + " " + message), allErrors(file, text), marked);
    }

    private static final String IN_CLASS = "' is a reserved word in strict mode. Class definitions are automatically in strict mode.";
    private static final String IN_MODULE = "' is a reserved word in strict mode. Modules are automatically in strict mode.";

    @Test
    void strictModeReservedWordsSayWhy() {
        assertOnly("p.ts", "class |static {}", 1213, "Identifier expected. 'static" + IN_CLASS);
        assertOnly("p.ts", "export class C { m() { var |let = 1 } }", 1213, "Identifier expected. 'let" + IN_CLASS);
        assertOnly("p.ts", "export var |let = 1", 1214, "Identifier expected. 'let" + IN_MODULE);
        assertOnly("p.mts", "var |public", 1214, "Identifier expected. 'public" + IN_MODULE);
        assertOnly("p.ts", "\"use strict\"; var |public", 1212, "Identifier expected. 'public' is a reserved word in strict mode.");
        // eval and arguments are named in the message (they are identifiers, not keywords)
        assertOnly("p.js", "\"use strict\"; function |eval() {}", 1100, "Invalid use of 'eval' in strict mode.");
        assertOnly("p.js", "\"use strict\"; var |arguments;", 1100, "Invalid use of 'arguments' in strict mode.");
    }

    @Test
    void strictModeReservedWordsNamingTypesAndLabels() {
        assertOnly("p.ts", "export type |implements = 0", 1214, "Identifier expected. 'implements" + IN_MODULE);
        assertOnly("p.ts", "export interface I extends |yield {}", 1214, "Identifier expected. 'yield" + IN_MODULE);
        assertOnly("p.ts", "namespace |private.v {} export {}", 1214, "Identifier expected. 'private" + IN_MODULE);
        assertOnly("p.ts", "export import v = |let.x;", 1214, "Identifier expected. 'let" + IN_MODULE);
        assertOnly("p.ts", "class C<|package> {}", 1213, "Identifier expected. 'package" + IN_CLASS);
        assertEquals(List.of("1214@0", "1214@23"), startsOf(allErrors("p.mts", "public: for (;;) break public;"))); // the label and its use
        // sloppy scripts and ambient declarations name types as they like
        assertEquals(List.of(), allErrors("p.ts", "type implements = 0; interface I extends yield {}"));
        assertEquals(List.of(), allErrors("p.ts", "declare namespace private {} export {}"));
        assertEquals(List.of(), allErrors("p.d.ts", "export type implements = 0"));
    }

    @Test
    void strictModeEvalAndArgumentsSayWhy() {
        assertEquals(List.of(1210), codes(allErrors("p.ts", "class C { m(eval) {} }")));
        assertEquals(List.of(1215), codes(allErrors("p.mts", "var arguments;")));
        assertEquals(List.of(1100), codes(allErrors("p.ts", "\"use strict\"; var eval;")));
    }

    @Test
    void jumpsUseTypeScriptsCodesOnTheStatement() {
        assertOnly("p.ts", "|break infer;", 1116, "A 'break' statement can only jump to a label of an enclosing statement.");
        assertOnly("p.ts", "x: while (1) { () => { |continue x } }", 1107, "Jump target cannot cross function boundary.");
        assertOnly("p.ts", "function f() { |break; }", 1107, "Jump target cannot cross function boundary.");
        assertOnly("p.ts", "class C { static { |break } }", 1107, "Jump target cannot cross function boundary.");
        assertOnly("p.ts", "a: { |continue a; }", 1115, "A 'continue' statement can only jump to a label of an enclosing iteration statement.");
        assertOnly("p.ts", "while (1) { |continue b; }", 1115, "A 'continue' statement can only jump to a label of an enclosing iteration statement.");
    }

    @Test
    void modifiersTypeScriptsParserTakesOnClassMembers() {
        assertGrammar("class C { |export x }", 1031, "'export' modifier cannot appear on class elements of this kind.");
        assertGrammar("class C { |export m() {} }", 1031, "'export' modifier cannot appear on class elements of this kind.");
        assertGrammar("class C { const |x = 1 }", 1248, "A class member cannot have the 'const' keyword.");
        assertGrammar("class C { const |[x]() {} }", 1248, "A class member cannot have the 'const' keyword.");
        assertGrammar("class C { |public const constructor() {} }", 1248, "A class member cannot have the 'const' keyword.");
        assertGrammar("class C { |in x }", 1274, "'in' modifier can only appear on a type parameter of a class, interface or type alias");
        assertGrammar("class C { |out x }", 1274, "'out' modifier can only appear on a type parameter of a class, interface or type alias");
        assertGrammar("class C { async |static m() {} }", 1029, "'static' modifier must precede 'async' modifier.");
        assertGrammar("class C { |async accessor x }", 1042, "'async' modifier cannot be used here.");
        assertGrammar("class C { accessor |accessor x }", 1030, "'accessor' modifier already seen.");
        assertGrammar("class C { readonly |readonly x }", 1030, "'readonly' modifier already seen.");
        // still names where no modifier can follow, as in TypeScript
        assertNone("p.ts", "class C { export = 1; const; in() {} out?: 1; async static() {} readonly readonly }");
        // a decorator TypeScript refuses first hides the member's other errors (TS1206 on a constructor and an
        // accessor without a body whatever experimentalDecorators says; on a `declare` field only without it: not ours)
        assertEquals(List.of("1206@10", "1206@55"), startsOf(grammarErrors("p.ts", "class C { @d export constructor() {} @d declare x = 1; @d const set m(); }")));
    }

    @Test
    void modifiersTypeScriptsParserTakesBeforeDeclarations() {
        assertOnly("p.ts", "|public function f() {}", 1044, "'public' modifier cannot appear on a module or namespace element.");
        assertOnly("p.ts", "|static class C {}", 1044, "'static' modifier cannot appear on a module or namespace element.");
        assertOnly("p.ts", "|readonly class C {}", 1024, "'readonly' modifier can only appear on a property declaration or index signature.");
        assertOnly("p.ts", "|abstract function f() {}", 1242, "'abstract' modifier can only appear on a class, method, or property declaration.");
        assertOnly("p.ts", "|async class C {}", 1042, "'async' modifier cannot be used here.");
        assertOnly("p.ts", "export |public class C {}", 1044, "'public' modifier cannot appear on a module or namespace element.");
        assertOnly("p.ts", "declare |public class C {}", 1044, "'public' modifier cannot appear on a module or namespace element.");
        assertOnly("p.ts", "|accessor class C {}", 1275, "'accessor' modifier can only appear on a property declaration.");
        assertOnly("p.ts", "|protected type T = 1", 1044, "'protected' modifier cannot appear on a module or namespace element.");
        assertOnly("p.ts", "{ |public function f() {} }", 1184, "Modifiers cannot appear here.");
        // a line break after the word makes it a name, as in TypeScript (`static` excepted)
        assertEquals(List.of(), codes(allErrors("p.ts", "public\nclass C {}")));
        assertOnly("p.ts", "|static\nclass C {}", 1044, "'static' modifier cannot appear on a module or namespace element.");
    }

    @Test
    void exportBelowTheTopLevel() {
        assertOnly("p.ts", "{ |export function f() {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "function g() { |export type T = 1 }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "{ |export {} }", 1233, "An export declaration can only be used at the top level of a namespace or module.");
        assertOnly("p.ts", "{ |export default 1 }", 1258, "A default export must be at the top level of a file or module declaration.");
        assertOnly("p.ts", "{ |export = x }", 1231, "An export assignment must be at the top level of a file or module declaration.");
        assertOnly("p.ts", "{ |export import x = y.z }", 1232, "An import declaration can only be used at the top level of a namespace or module.");
        assertOnly("p.ts", "{ |import x from \"m\" }", 1232, "An import declaration can only be used at the top level of a namespace or module.");
        assertOnly("p.ts", "{ |export default class C {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "{ |export default abstract class C {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "{ |export default interface I {} }", 1184, "Modifiers cannot appear here.");
        // JavaScript has no grammar checks: the parser's error stays, with TypeScript's code
        assertOnly("p.js", "{ |export function f() {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.js", "function f() { |export var a; }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.js", "{ |export default class {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.js", "{ |export default async function f() {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.js", "{ |export default async () => 1 }", 1258, "A default export must be at the top level of a file or module declaration.");
        assertOnly("p.js", "{ |export using x = y }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.js", "async function f() { |export await using x = y }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.js", "{ |export default @d class {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "{ |export default @d class {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.js", "{ |export * from \"m\" }", 1474, "An export declaration can only be used at the top level of a module.");
        assertOnly("p.js", "{ |import x from \"m\" }", 1473, "An import declaration can only be used at the top level of a module.");
    }

    @Test
    void theParsersErrorsCarryTypeScriptsCodes() {
        // checked against typescript@6.0.3's one-file Program (syntactic and semantic diagnostics)
        assertOnly("p.js", "const [] = 1, |{};", 1182, "A destructuring declaration must have an initializer.");
        assertOnly("p.ts", "for (const |[];;);", 1182, "A destructuring declaration must have an initializer.");
        assertOnly("p.js", "for (|using x in y);", 1493, "The left-hand side of a 'for...in' statement cannot be a 'using' declaration.");
        assertOnly("p.js", "for (|await using x = 1 in y);", 1494,
                "The left-hand side of a 'for...in' statement cannot be an 'await using' declaration.");
        assertOnly("p.js", "function f() { for (|await using x in y); }", 1494,
                "The left-hand side of a 'for...in' statement cannot be an 'await using' declaration.");
        String awaitUsing = "'await using' statements are only allowed within async functions and at the top levels of modules.";
        assertOnly("p.js", "function f() { |await using x = y }", 2852, awaitUsing);
        assertOnly("p.js", "function f() { for (|await using x of y); }", 2852, awaitUsing);
        assertOnly("p.ts", "function f() { for (|await using x of y); }", 2852, awaitUsing);
        assertOnly("p.js", "class A { static { |await using x = y } }", 18054, "'await using' statements cannot be used inside a class static block.");
        assertOnly("p.js", "class A { get |constructor() {} }", 1341, "Class constructor may not be an accessor.");
        assertOnly("p.js", "class A { *|constructor() {} }", 1368, "Class constructor may not be a generator.");
        assertOnly("p.js", "class A { async *|constructor() {} }", 1368, "Class constructor may not be a generator.");
        assertOnly("p.js", "class A { |async constructor() {} }", 1089, "'async' modifier cannot appear on a constructor declaration.");
        assertOnly("p.ts", "class A { |async constructor() {} }", 1089, "'async' modifier cannot appear on a constructor declaration.");
        // a rest parameter's initializer is TS1048 at its name; TS1186 is a pattern's rest element's
        String restInitializer = "A rest parameter cannot have an initializer.";
        assertOnly("p.js", "function f(...|a = 1) {}", 1048, restInitializer);
        assertOnly("p.js", "function f(...|[a] = 1) {}", 1048, restInitializer);
        assertOnly("p.js", "(...|a = 1) => 1", 1048, restInitializer);
        assertOnly("p.ts", "function f(...|a = 1) {}", 1048, restInitializer);
        assertOnly("p.ts", "(...|a = 1) => 1", 1048, restInitializer);
        assertOnly("p.js", "let [...a |= 1] = b;", 1186, "A rest element cannot have an initializer.");
    }

    @Test
    void aTopLevelAwaitLeavesATypeScriptFileAScript() {
        // typescript@6.0.3, moduleDetection "auto": import, export and import.meta make a module, a top-level await does
        // not; its checker names each top-level await, and the file stays sloppy (no TS1214 for `var yield`)
        String script = " only allowed at the top level of a file when that file is a module, but this file has no imports or exports."
                + " Consider adding an empty 'export {}' to make this file a module.";
        assertOnly("p.ts", "|await x; var yield;", 1375, "'await' expressions are" + script);
        assertOnly("p.tsx", "if (a) |await x;", 1375, "'await' expressions are" + script);
        assertOnly("p.ts", "|await using x = y;", 2853, "'await using' statements are" + script);
        assertOnly("p.ts", "for |await (x of y);", 1431, "'for await' loops are" + script);
        assertEquals(List.of(), allErrors("p.ts", "await x; export {}"));
        assertEquals(List.of(), allErrors("p.mts", "await x;"));
        // a nested `await` before no word names a variable there, as TypeScript's parser never reparses a script
        assertEquals(List.of("1375@0 'await' expressions are" + script, "1005@12 ';' expected."), allErrors("p.ts", "await await ~x"));
    }

    @Test
    void anExportBelowTheTopLevelLeavesATypeScriptFileAScript() {
        // typescript@6.0.3: isFileProbablyExternalModule asks the file's own statements only, so a file whose one
        // `export` stands in a block or function is a script — sloppy (no TS1214, no TS1101), a top-level await TS1375 —
        // and the misplaced export has its own code, the same in a script and a module
        assertOnly("p.ts", "{ |export const x = 1 } var let; with (a) {}", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "if (a) |export const x = 1; var yield;", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "function f() { |import x = require(\"m\") } var let;", 1232,
                "An import declaration can only be used at the top level of a namespace or module.");
        assertEquals(List.of("1232@2 An import declaration can only be used at the top level of a namespace or module.",
                "1375@35 'await' expressions are only allowed at the top level of a file when that file is a module, but this file has"
                        + " no imports or exports. Consider adding an empty 'export {}' to make this file a module.",
                "1005@47 ';' expected."), allErrors("p.ts", "{ export import x = require(\"m\") } await await ~x"));
        // one top-level export makes the whole file a module, strict from its first character
        assertEquals(List.of("1214@21 Identifier expected. 'let" + IN_MODULE, "1184@2 Modifiers cannot appear here."),
                allErrors("p.ts", "{ export var x } var let; export {}"));
        // JavaScript files keep ECMAScript's reading: module syntax anywhere makes a module
        assertEquals(List.of("1184@2 Modifiers cannot appear here.", "1214@21 Identifier expected. 'let" + IN_MODULE),
                allErrors("p.js", "{ export var x } var let;"));
    }

    @Test
    void grammarErrorsAtTypeScriptsCodeAndPlaceSeventeenthSession() {
        // JavaScript has no parameter decorators, but TypeScript's parser reads them in every file: its TS1206 at the
        // first, and the parameter goes on (was TS1003 `Identifier expected.` and a cascade)
        assertOnly("p.js", "function f(|@d x, y) {}", 1206, "Decorators are not valid here.");
        assertEquals(List.of("1206@11 Decorators are not valid here.", "1206@21 Decorators are not valid here."),
                allErrors("p.js", "function f(@d() [a], @e {b} = 1) {}"));
        // a class's decorators name the class as the reason where the code is strict (TS1213, not the module's TS1214)
        assertOnly("p.js", "export {}; @|let class C {}", 1213, "Identifier expected. 'let" + IN_CLASS);
        // `const` without an initializer whose name has an error of its own: TypeScript's checker reports both
        assertEquals(List.of("1214@6 Identifier expected. 'static" + IN_MODULE, "1155@6 'const' declarations must be initialized."),
                allErrors("p.mts", "const static;"));
        assertEquals(List.of("1214@12 Identifier expected. 'package" + IN_MODULE, "1155@12 'const' declarations must be initialized."),
                allErrors("p.mjs", "await using package;"));
    }

    @Test
    void anUndecoratableMembersDecoratorsGoUnchecked() {
        // without experimentalDecorators an abstract or `declare` field cannot be decorated: TypeScript's checkDecorators
        // returns before the expressions (its TS1206 there depends on the option: not ours to say)
        assertEquals(List.of(), allErrors("p.ts", "abstract class C { @d(class { static x: <in T>() => 1 }) abstract x; }"));
        assertOnly("p.ts", "class C { @d(class { static x: <|in T>() => 1 }) y; }", 1274,
                "'in' modifier can only appear on a type parameter of a class, interface or type alias");
        // `async protected!;`: the misplaced modifier first, the definite assignment's rule not then
        assertOnly("p.ts", "class C { |async protected ! ; }", 1042, "'async' modifier cannot be used here.");
    }

    @Test
    void modifiersBeforeAStaticBlock() {
        // TypeScript's parseModifiers stops at `static {`: whatever came before are the block's modifiers (TS1184)
        assertOnly("p.ts", "class C { |static static {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "class C { |async static {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "abstract class C { |abstract async static {} }", 1184, "Modifiers cannot appear here.");
        assertEquals(List.of(), allErrors("p.ts", "class C { static {} static static() {} }"));
        // JavaScript files alike (was an async field's TS8009 and `;` expected)
        assertOnly("p.js", "class C { |async static {} }", 1184, "Modifiers cannot appear here.");
        assertOnly("p.js", "class C { |static static {} }", 1184, "Modifiers cannot appear here.");
    }

    @Test
    void aClassHeritageKeywordBeforeWhatStartsAnExpressionOpensTheNextClause() {
        // TypeScript's isHeritageClauseExtendsOrImplementsKeyword, for classes as for interfaces: the list before it is
        // empty (its checker's TS1097), and the implements clause reads what follows (typescript@6.0.3, each checked)
        assertEquals(List.of("1097@15 'extends' list cannot be empty."), allErrors("p.ts", "class a extends implements B {}"));
        assertEquals(List.of("1097@15 'extends' list cannot be empty.", "1097@26 'implements' list cannot be empty."),
                allErrors("p.ts", "class a extends implements {}"));
        assertEquals(List.of("1097@15 'extends' list cannot be empty.", "1172@16 'extends' clause already seen."),
                allErrors("p.ts", "class a extends extends {}"));
        // `implements {}` before the body's `{` (or `,`) is the list's object literal (its checker's TS2500, a type error)
        assertEquals(List.of("1097@15 'extends' list cannot be empty."), allErrors("p.ts", "class a extends implements {} {}"));
        assertEquals(List.of(), allErrors("p.ts", "class a implements {}, { m() { return 1 } } {}"));
        assertOnly("p.ts", "class a implements| {}", 1097, "'implements' list cannot be empty.");
        // a parser error where TypeScript's parser has one: `()` is the implements clause's element (TS1109 there)
        assertFalse(allErrors("p.ts", "class a extends implements() {}").isEmpty());
        // `implements` before what starts no expression is the extends clause's element (strict code: TS1213)
        assertOnly("p.ts", "class a extends |implements.x {}", 1213, "Identifier expected. 'implements" + IN_CLASS);
        // JavaScript files have no implements clause
        assertOnly("p.js", "class a extends |implements {}", 1213, "Identifier expected. 'implements" + IN_CLASS);
    }

    @Test
    void aTypedArrowKeepsTheErrorsOfItsTypeParameters() {
        // TypeScript's parseParenthesizedArrowFunctionExpression fails on the shape alone (a `(` after the list); its
        // parseDelimitedList goes on after a missing `,` and skips a `?` or `:` no open list takes (seeds 2131, 2133)
        assertEquals(List.of("1005@6 ',' expected.", "1005@12 '=>' expected."), allErrors("p.ts", "<a, b c>(x)\n{}"));
        assertEquals(List.of("1005@13 ',' expected.", "1005@17 ',' expected.", "1005@25 '=>' expected."),
                allErrors("p.ts", "<T extends U ? X : Y>(x)\n{}"));
        // without that shape the speculation fails and the type assertion stands
        assertEquals(List.of(), allErrors("p.ts", "<T extends U ? X : Y>(x)"));
        assertEquals(List.of(), allErrors("p.ts", "<T[]>(x)\n{}"));
        // a recovery ours does not share (the reserved word taken for a name) keeps nothing: TypeScript ends the
        // list before `new`, no `(` follows, and the type assertion of a constructor type stands
        assertEquals(List.of(), allErrors("p.ts", "<abstract new (...[]: void) => bigint>[]"));
    }

    @Test
    void aMissingTypeNameBeforeTypeArguments() {
        // TypeScript's parseNonArrayType reads anything else as a type reference: at `<` its name is missing (TS1110) and
        // the type arguments follow, so an expression's type arguments stand with the error (seed 2133)
        assertEquals(List.of("1110@11 Type expected."), allErrors("p.ts", "f<readonly <undefined>>(x)"));
        assertEquals(List.of("1110@18 Type expected."), allErrors("p.ts", "type A = readonly <T>"));
        assertEquals(List.of("1110@8 Type expected."), allErrors("p.ts", "f<keyof <T>>(x)"));
    }

    @Test
    void aListInsideTypeArgumentsEndsWhereTypeScriptsDoes() {
        // `x << (…)`: TypeScript rescans `<<` as `<` and tries type arguments whose first is the generic function type
        // `<(…) => …`; with the TypeArguments list open, its abortParsingListOrMoveToNextToken ends every inner list at a
        // token no element of it starts (isInSomeParsingContext: type arguments end at anything but `,`), skipping
        // nothing. Where that leaves a `>` before what may follow type arguments, the list stands with its errors
        // (seeds 2130, 2131, 2133, 2134: the x-shift-lt-deep-recovery group)
        assertEquals(List.of("1005@5 '>' expected.", "1005@8 ',' expected.", "1005@12 ',' expected.", "1005@17 ';' expected."),
                allErrors("p.ts", "x << (a < b > (c));"));
        assertEquals(List.of("1005@5 '>' expected.", "1005@11 ',' expected.", "1005@16 '=>' expected."),
                allErrors("p.ts", "x << (...a < b) > (c);"));
        assertEquals(List.of("1139@11 Type parameter declaration expected."), allErrors("p.ts", "let x = a<<[b]>(c);"));
        // where no `>` is left there, or `>=`, `>>`, or what may not follow, the speculation fails: shifts and comparisons
        assertClean("p.ts", "x << (a < b > c);");
        assertClean("p.ts", "x << (a);");
        assertClean("p.ts", "x << (a, b) > c;");
        assertClean("p.ts", "x << (a, b) >= (c);");
        assertClean("p.ts", "x << (a < b) >> (c);");
        assertClean("p.ts", "x << ([a < b]) > (c);");
        // an object pattern's list ends at `<` too, and then the parameter list at `}`: no `>` there, an object literal
        assertEquals(List.of("1005@12 ',' expected."), allErrors("p.ts", "x << ({a < b}) > (c);"));
    }

    @Test
    void aTypeParameterListEndsAtItsTerminatorsWithoutAnErrorOfItsOwn() {
        // TypeScript's isListTerminator for TypeParameters: `(`, `{`, `extends` end it; only '>' expected is reported
        assertEquals(List.of("1005@12 '>' expected.", "1005@54 '>' expected."),
                allErrors("p.ts", "type A = <T (x) => 1; let f = <T>(x) => 1; let g = <T (x) => 1"));
        assertEquals(List.of("1005@10 '>' expected."), allErrors("p.ts", "type A = <(x) => 1;"));
    }

    @Test
    void aConstructorsSignatureIsCheckedAfterAModifierError() {
        // TypeScript's checkConstructorDeclaration asks TS1092 (type parameters) or else TS1093 (a return type) whatever
        // its modifiers' and decorators' checks found (seed 2130: 146 TS1093 and 86 TS1092 not at TypeScript's start)
        assertEquals(List.of("1206@10 Decorators are not valid here.", "1093@28 Type annotation cannot appear on a constructor declaration.",
                "1228@28 A type predicate is only allowed in return type position for functions and methods."),
                allErrors("p.ts", "class C { @d constructor(): asserts this {} }"));
        assertEquals(List.of("1089@17 'static' modifier cannot appear on a constructor declaration.",
                "1092@36 Type parameters cannot appear on a constructor declaration."),
                allErrors("p.ts", "class C { public static constructor<T>() {} }"));
        assertEquals(List.of("1206@10 Decorators are not valid here.", "1092@32 Type parameters cannot appear on a constructor declaration."),
                allErrors("p.ts", "class C { @d public constructor<T>(): T {} }"));
    }

    @Test
    void grammarErrorsAtTypeScriptsCodeAndPlaceNineteenthSession() {
        // checkMethodDeclaration: TS1245 at the name of an abstract method with a body, whatever the name (seed 2130: 95)
        assertEquals(List.of("1245@28 Method '\"k\"' cannot have an implementation because it is marked abstract."),
                allErrors("p.ts", "abstract class A { abstract \"k\"() {} }"));
        assertEquals(List.of("1245@28 Method '[x]' cannot have an implementation because it is marked abstract."),
                allErrors("p.ts", "abstract class A { abstract [x]() {} }"));
        assertEquals(List.of("18019@19 'abstract' modifier cannot be used with a private identifier.",
                "1245@28 Method '#m' cannot have an implementation because it is marked abstract."), allErrors("p.ts", "abstract class A { abstract #m() {} }"));
        // checkAwaitGrammar asks no ambient context: a declaration file's top-level await has TS1375 beside TS1036
        assertEquals(List.of(1375, 1036), codes(allErrors("p.d.ts", "await x;")));
        assertEquals(List.of(1375, 1254), codes(allErrors("p.ts", "declare const x = await y;")));
        // two rules on one name, as TypeScript's binder and checker report both at its start
        assertEquals(List.of("1214@4", "2480@4"), startsOf(allErrors("p.mts", "let let")));
        assertEquals(List.of(1214, 1344), codes(allErrors("p.mts", "protected : enum x { }")));
        assertEquals(List.of(2480), codes(allErrors("p.ts", "let let"))); // sloppy: the one
        // checkStrictModeLabeledStatement: a label on any declaration in strict code, a function that starts with `declare` too
        assertEquals(List.of("1344@0", "1184@3"), startsOf(allErrors("p.mts", "L: declare function f(): void;")));
        assertEquals(List.of("1184@3"), startsOf(allErrors("p.ts", "L: declare function f(): void;"))); // sloppy: no TS1344
        // checkGrammarForInOrForOfStatement names the `await using` of a for-in and checks no further: no TS2853 in a script
        assertEquals(List.of("1494@6"), startsOf(allErrors("p.ts", "for ( await using x in T ) { }")));
        assertEquals(List.of("2853@6"), startsOf(allErrors("p.ts", "for ( await using x of T ) { }")));
        // checkGrammarAccessor: type parameters (TS1094) before the parameter count, an object literal's accessor too
        assertEquals(List.of("1094@10 An accessor cannot have type parameters."), allErrors("p.ts", "x = { get K<T>(a) {} }"));
        assertEquals(List.of("1094@14 An accessor cannot have type parameters."), allErrors("p.ts", "class C { get K<T>(a) { return 1 } }"));
        // a default-exported declaration below the top level: TS1184 at its `export`, not at its decorators
        assertEquals(List.of("1184@5"), startsOf(allErrors("p.ts", "{ @d export default class C {} }")));
    }

    @Test
    void anAmbientExportExpressionHeadsNoArrowAtAwait() {
        // parseExportAssignment's await context in a declaration file: isParenthesizedArrowFunctionExpressionWorker asks
        // `await` there, no identifier, so no arrow (seed 2130); later parameters are read outside that context
        assertEquals(List.of("1109@21 Expression expected."), allErrors("p.d.ts", "export default (await) => x;").subList(0, 1));
        assertFalse(allErrors("p.d.ts", "export default (protected await) => x;").isEmpty());
        assertFalse(allErrors("p.d.ts", "export = (protected await : \"s\" [ T ] , a ) :v => x;").isEmpty());
        assertEquals(List.of(), allErrors("p.d.ts", "export default (a, await) => x;"));
        assertEquals(List.of(), allErrors("p.d.ts", "export default (async) => x;"));
    }

    @Test
    void grammarErrorsAtTypeScriptsCodeAndPlaceEighteenthSession() {
        // where our parser's error was TypeScript's grammar check (seed 2130's largest groups "after a parser error of
        // ours"): reported with TypeScript's code at its start, the parse going on as TypeScript's does
        String noName = "A class declaration without the 'default' modifier must have a name.";
        assertOnly("p.ts", "|class {}", 1211, noName);              // checkClassDeclaration, the first token (was TS1003 at `{`)
        assertOnly("p.ts", "|export class {}", 1211, noName);
        assertOnly("p.ts", "|export declare class {}", 1211, noName);
        assertOnly("p.ts", "|@d class extends B {}", 1211, noName);
        assertOnly("p.js", "|class { get }", 1211, noName);
        assertEquals(List.of(), allErrors("p.ts", "export default class {}"));
        // `import defer` before a default or named binding, in JavaScript files too (TS18058/18059, was TS1005)
        assertOnly("p.mjs", "import |defer x from \"m\"", 18058, "Default imports are not allowed in a deferred import.");
        assertOnly("p.mjs", "import |defer { } from \"m\"", 18059, "Named imports are not allowed in a deferred import.");
        assertEquals(List.of(), allErrors("p.mjs", "import defer * as x from \"m\"; import defer from \"n\""));
        // an async arrow's `=>` after a line break (TS1200, was `;` or a statement expected)
        assertOnly("p.js", "x = async (a)\n|=> 1", 1200, "Line terminator not permitted before arrow.");
        assertOnly("p.ts", "x = async ()\n|=> 1", 1200, "Line terminator not permitted before arrow.");
        // `accessor` before a method or an accessor: at the modifier (TS1275; was the name's place, or `;` expected after
        // `accessor get`), and the accessor is checked no further (checkGrammarModifiers returns first)
        String accessorPlace = "'accessor' modifier can only appear on a property declaration.";
        assertOnly("p.js", "class v { |accessor m() {} }", 1275, accessorPlace);
        assertOnly("p.js", "class v { |accessor get function(set) {} }", 1275, accessorPlace);
        assertOnly("p.ts", "class v { static |accessor set x(v) {} }", 1275, accessorPlace);
        assertEquals(List.of(), allErrors("p.ts", "class v { accessor get; accessor set = 1 }"));
        // found on the way, where the grammar checks now reach (seed 2130; our grammar errors TypeScript does not report
        // would have gone up): `*constructor` is a method named constructor to TypeScript's parser, decoratable, its
        // `declare` TS1031; `break await` in the await context is its parser's TS1003, which stops the checks
        assertEquals(List.of("1211@0 " + noName, "1368@38 Class constructor may not be a generator.",
                "1031@28 'declare' modifier cannot appear on class elements of this kind.",
                "1183@54 An implementation cannot be declared in ambient contexts."),
                allErrors("p.tsx", "class { @ string ( global ) declare * constructor ( ) { } };"));
        assertEquals(List.of("1003@6 Identifier expected.", "1109@12 Expression expected."), allErrors("p.cts", "break await ;"));
    }

    @Test
    void aBodilessSignaturesTypedPatternIsNotChecked() {
        // TypeScript's checker reads no computed key of a bodiless signature's binding pattern, and nothing of one with a
        // type annotation (seed 2134, with the checker: two false errors on main)
        assertEquals(List.of(), allErrors("p.ts", "declare function f({a = function () { continue; }}: T): void;"));
        assertEquals(List.of(), allErrors("p.d.ts", "declare function f({[x?.[0] `t`]: a}): void;"));
        // without the annotation the defaults are read; a function with a body is checked whole
        assertEquals(List.of("1107@38 Jump target cannot cross function boundary."),
                allErrors("p.ts", "declare function f({a = function () { continue; }}): void;").subList(0, 1));
        assertEquals(List.of("1358@20 Tagged template expressions are not permitted in an optional chain."),
                allErrors("p.ts", "function f({[x?.[0] `t`]: a}) {}"));
        // the binder's strict-mode names stay ours to report where they are (an ambient name is none)
        assertOnly("p.mts", "function f({ a: |package }: T): void;", 1214, "Identifier expected. 'package" + IN_MODULE);
        assertEquals(List.of(), allErrors("p.mts", "declare function f({ a: package }: T): void;"));
    }

    @Test
    void strictModeNamesInTypesThatTypeScriptsBinderChecks() {
        // a type predicate's subject and a tuple member's label are names to TypeScript's binder (no IdentifierName)
        assertEquals(List.of("1213@23 Identifier expected. 'package" + IN_CLASS, "1225@23 Cannot find parameter 'package'."),
                allErrors("p.ts", "class C { m(): asserts package {} }"));
        assertOnly("p.ts", "class C { x: [ |let : unknown] }", 1213, "Identifier expected. 'let" + IN_CLASS);
        assertOnly("p.ts", "export type A = [x: 1, ...|static: T[]]", 1214, "Identifier expected. 'static" + IN_MODULE);
        // sloppy and ambient code: names
        assertEquals(List.of(), allErrors("p.ts", "type A = [let: unknown]; declare class C { x: [let: T] }"));
    }

    @Test
    void asyncBeforeWhatIsNoMethodIsAMisplacedModifier() {
        // TypeScript's parser takes `async` for a modifier wherever a name follows it on its line (canFollowModifier):
        // a field, an accessor or an object literal's property then has it, TS1042 (was `(` expected)
        String notHere = "'async' modifier cannot be used here.";
        assertOnly("p.ts", "class C { |async x = 1 }", 1042, notHere);
        assertOnly("p.ts", "class C { |async #p; }", 1042, notHere);
        assertOnly("p.ts", "class C { |async get x() { return 1 } }", 1042, notHere);
        assertOnly("p.ts", "declare class C { |async x }", 1040, "'async' modifier cannot be used in an ambient context.");
        // JavaScript files: on a field TypeScript's checker names the language first (TS8009), on an accessor the place only
        assertEquals(List.of("8009@17 The 'async' modifier can only be used in TypeScript files.", "1042@17 " + notHere),
                allErrors("p.js", "class C { static async x = 1 }"));
        assertOnly("p.js", "class C { |async get x() { return 1 } }", 1042, notHere);
        assertOnly("p.ts", "x = { |async a: 1 }", 1042, notHere);
        assertOnly("p.ts", "x = { |async get a() { return 1 } }", 1042, notHere);
        // on an expression only: a pattern's property is not checked (`({ async a } = y)` is valid to TypeScript);
        // JavaScript files keep ECMAScript, which has no such property
        assertEquals(List.of(), allErrors("p.ts", "({ async a: b } = y)"));
        assertOnly("p.js", "({ |async a } = y)", 1042, notHere);
        // still methods and names
        assertEquals(List.of(), allErrors("p.ts", "class C { async m() {} async *g() {} async = 1; async\nx = 1 } x = { async: 1, async }"));
    }

    @Test
    void anAmbientExportExpressionIsInTheAwaitContextToo() {
        // TypeScript's parseExportAssignment reads `export =`/`export default` in the await context in declaration files
        // as well (never reparsed): `await` stands in no LeftHandSideExpression there (TS1109 at the word)
        assertOnly("p.d.ts", "export = new |await", 1109, "Expression expected.");
        assertOnly("p.d.ts", "export default class extends |await {}", 1109, "Expression expected.");
        assertOnly("p.ts", "declare module \"m\" { export = new |await }", 1109, "Expression expected.");
        assertEquals(List.of(), allErrors("p.d.ts", "declare const x: typeof await; export = x;"));
    }

    @Test
    void legacyOctalIsAnErrorInEveryTypeScriptFile() {
        // TypeScript 6's scanner reports them in scripts too; sloppy JavaScript keeps ECMAScript's Annex B literals
        assertOnly("p.ts", "var x = |010;", 1121, "Octal literals are not allowed in strict mode.");
        assertOnly("p.ts", "var x = |08;", 1489, "Decimals with leading zeros are not allowed in strict mode.");
        assertOnly("p.ts", "var x = |\"\\01\";", 1487, "Octal escape sequences are not allowed in strict mode.");
        assertOnly("p.ts", "enum E { |\"\\01\" = 1 }", 1487, "Octal escape sequences are not allowed in strict mode.");
        assertOnly("p.js", "export {}; import |\"\\01\";", 1487, "Octal escape sequences are not allowed in strict mode.");
        assertEquals(List.of(), allErrors("p.js", "var x = 010 + 08 + \"\\01\";"));
    }

    @Test
    void awaitWithoutItsOperandAndInLabelledBodies() {
        // TypeScript reads an await expression whose operand is missing: TS1109 at the next token
        assertOnly("p.ts", "async function g() { f(await|) }", 1109, "Expression expected.");
        assertOnly("p.mts", "x = [await|]", 1109, "Expression expected.");
        // but not before `=>`: a module's first parse takes the arrow's parameter and never reparses it; JavaScript files
        // keep ECMAScript's reason
        assertOnly("p.mts", "x = |await => 1", 1359, "Identifier expected. 'await' is a reserved word that cannot be used here.");
        assertOnly("p.js", "async function g() { x = [|await] }", 1359, "Identifier expected. 'await' is a reserved word that cannot be used here.");
        assertOnly("p.ts", "export {}; x ? await |: 1", 1109, "Expression expected.");
        // `await using` as a statement's body outside async code: the declaration, TS2852 (its checker's first word)
        String awaitUsing = "'await using' statements are only allowed within async functions and at the top levels of modules.";
        assertOnly("p.ts", "function f() { l: |await using x = y }", 2852, awaitUsing);
        assertOnly("p.js", "function f() { while (a) |await using x = y }", 2852, awaitUsing);
    }

    @Test
    void awaitAndYieldOutsideTheirFunctionsBeforeAWord() {
        assertOnly("p.ts", "function f() { |await x }", 1308,
                "'await' expressions are only allowed within async functions and at the top levels of modules.");
        assertOnly("p.ts", "function f() { |yield x }", 1163, "A 'yield' expression is only allowed in a generator body.");
        assertOnly("p.ts", "\"use strict\"; function f() { |yield x }", 1163, "A 'yield' expression is only allowed in a generator body.");
        assertOnly("p.js", "function* g() { function f() { |yield 1 } }", 1163, "A 'yield' expression is only allowed in a generator body.");
        // still names where they are operands (ECMAScript; TypeScript's parser refuses some of these)
        assertEquals(List.of(), allErrors("p.js", "function f() { await in x; await instanceof y; await / 2; for (await of x); yield in x; await\nx }"));
    }

    @Test
    void usingWithAPatternAndDeclareAsAStatementBody() {
        assertOnly("p.mts", "using |{ } = x", 1492, "'using' declarations may not have binding patterns.");
        assertOnly("p.mts", "await using |{ } = x", 1492, "'await using' declarations may not have binding patterns.");
        assertOnly("p.ts", "T: |declare var v: number", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "do |declare let x; while (0)", 1184, "Modifiers cannot appear here.");
        assertOnly("p.ts", "if (x) |declare function f(): void", 1184, "Modifiers cannot appear here.");
        // not a declaration there (TypeScript's isDeclaration): the name `declare` (no `;` needed after it), then `global`
        assertEquals(List.of(), allErrors("p.ts", "if (x) declare global;"));
        assertEquals(List.of(), allErrors("p.ts", "using\n{ }"));
    }

    @Test
    void aLabelledFunctionIsReportedOnTheLabel() {
        assertOnly("p.ts", "\"use strict\"; |a: function f() {}", 1344, "A label is not allowed here.");
        assertOnly("p.js", "|l: function* g() {}", 1344, "A label is not allowed here.");
    }

    @Test
    void thisIsTAnywhereATypeStands() {
        assertGrammar("let x: |this is string", 1228, "A type predicate is only allowed in return type position for functions and methods.");
        assertGrammar("type T = (|this is X)[]", 1228, "A type predicate is only allowed in return type position for functions and methods.");
        // nothing inside a misplaced predicate is checked (TypeScript stops there)
        assertGrammar("let x: |this is unique null", 1228, "A type predicate is only allowed in return type position for functions and methods.");
        assertNone("p.ts", "class C { m(): this is D { return true } }");
        // `declare global;` is no declaration for TypeScript's parser, so nothing is out of place below the top level
        assertNone("p.ts", "l: declare global;");
    }

    @Test
    void uniqueSymbolInALoopBodyIsInAVariableStatement() {
        assertOnly("p.ts", "for (;;) |declare const x: unique symbol;", 1184, "Modifiers cannot appear here.");
        assertGrammar("for (const x: |unique symbol = y;;);", 1334, "'unique symbol' types are only allowed on variables in a variable statement.");
    }

    @Test
    void strictModeNamesOfAnAutoFileThatIsAModule() {
        // the AUTO goal reads a file as a script first: a module found later decides TypeScript's message
        assertOnly("p.js", "\"use strict\"; var |yield; export {}", 1214, "Identifier expected. 'yield" + IN_MODULE);
        assertOnly("p.js", "\"use strict\"; var |yield;", 1212, "Identifier expected. 'yield' is a reserved word in strict mode.");
    }

    @Test
    void typeScriptDeclarationsAsTheBodyOfALabelAnIfOrALoop() {
        // TypeScript's parser takes any declaration there; its checker allows an interface or a type alias only
        // in a block (through labels), on the name, and says nothing of one under a label in a block
        assertClean("p.ts", "$: interface T {}");
        assertClean("p.ts", "{ $: type T = 1 }");
        assertClean("p.ts", "if (1) abstract class C {}");
        assertOnly("p.ts", "if (1) interface |T {}", 1156, "'interface' declarations can only be declared inside a block.");
        assertOnly("p.ts", "while (1) $: type |T = 1", 1156, "'type' declarations can only be declared inside a block.");
        assertOnly("p.ts", "$: |namespace N {}", 1235, "A namespace declaration is only allowed at the top level of a namespace or module.");
        // a `using` declaration: TypeScript's TS1156 in an if or a loop; an ECMAScript error everywhere
        assertOnly("p.ts", "if (1) |using o = K", 1156, "Declarations can only be declared inside a block.");
    }

    @Test
    void typeInASpecifierIsTheModifierAsTypeScriptDecides() {
        assertClean("p.ts", "export { type as $ }");       // `type`, exported as `$`
        assertClean("p.ts", "export { type as as $ }");    // type-only `as`, exported as `$`
        assertClean("p.ts", "import { type as $ } from 'm'");
        assertClean("p.ts", "import { type as as } from 'm'"); // `type`, imported as `as`
        assertClean("p.ts", "import { type as } from 'm'");    // type-only `as`
    }

    @Test
    void aMappedTypeAfterPlusOrMinusNamesItsKeyWithAnyWord() {
        assertClean("p.ts", "type T = { -readonly [with in K]: 1 }");
        assertClean("p.ts", "type T = { +readonly [typeof in K]: 1 }");
    }

    @Test
    void aTypeReferenceTakesAnyWordButWhereTypeScriptAsksForAType() {
        assertClean("p.ts", "let a: while; let b: if.x; x as const.n; y as const<T>; z as const[];");
        assertOnly("p.ts", "type A = Array<|const>", 1110, "Type expected.");
        assertOnly("p.ts", "let x: T[|while]", 1110, "Type expected.");
    }

    @Test
    void aBareDeclareNeedsNoSemicolonInTypeScript() {
        assertClean("p.ts", "declare x = 1; declare module; declare using [e]; declare using\nn");
        assertOnly("p.js", "declare |U", 1005, "';' expected.");
    }

    @Test
    void awaitWhereItIsReservedAndOnlyANameCouldStand() {
        assertOnly("p.mts", "(|await) => 1", 1359, "Identifier expected. 'await' is a reserved word that cannot be used here.");
        assertClean("p.js", "import n from 'm'\nawait {}");
    }

    @Test
    void anErrorOnASatisfiesExpressionIsOnTheKeyword() {
        assertGrammar("declare let x = a /*c*/ |satisfies T", 1039, "Initializers are not allowed in ambient contexts.");
        assertEquals(List.of("1495@0 'declare' modifier cannot appear on an 'await using' declaration.",
                "1254@26 A 'const' initializer in an ambient context must be a string or numeric literal or literal enum reference."),
                grammarErrors("p.ts", "declare await using x = y satisfies T"));
    }

    @Test
    void aCtsFileIsAStrictModule() {
        // TypeScript makes .cts files modules by their extension: strict throughout (a .cjs file stays a sloppy script)
        assertOnly("p.cts", "var |public", 1214, "Identifier expected. 'public" + IN_MODULE);
        assertClean("p.cjs", "var public");
    }

    @Test
    void anAmbientBindingPatternsInitializerIsNotLookedInto() {
        assertGrammar("declare var [] = |function(){}", 1039, "Initializers are not allowed in ambient contexts.");
        assertGrammar("declare const {a}: any = |function(){}", 1039, "Initializers are not allowed in ambient contexts.");
        assertEquals(List.of("1039@16", "1183@26"), startsOf(grammarErrors("p.ts", "declare var a = function(){}")));
        assertEquals(List.of("1039@18", "1183@28"), startsOf(grammarErrors("p.ts", "declare var [a] = function(){}")));
    }

    @Test
    void asyncInAnAmbientObjectLiteralMethodIsReportedAtTheKeyword() {
        assertEquals(List.of("1039@16", "1040@18", "1183@31"), startsOf(grammarErrors("p.ts", "declare let x = { async *\"k\"() {} }")));
        assertEquals(List.of("1036@0", "1040@7", "1183@19"), startsOf(grammarErrors("p.d.ts", "x({ a: async () => {} })")));
    }

    @Test
    void decoratorsWhereTheyAreNeverValid() {
        // TS1206/TS1249 whatever experimentalDecorators says (checked against TypeScript with it on and off)
        String invalid = "Decorators are not valid here.";
        assertGrammar("function f(|@d x) {}", 1206, invalid);
        assertGrammar("const o = { m(|@d x) {} }", 1206, invalid);
        assertGrammar("interface I { m(|@d x): void }", 1206, invalid);
        assertGrammar("class C { |@d constructor() {} }", 1206, invalid);
        assertGrammar("class C { |@d m(); m() {} }", 1249, "A decorator can only decorate a method implementation, not an overload.");
        assertOnly("p.ts", "class C { |@d static {} }", 1206, invalid);
        assertOnly("p.ts", "class C { |public static {} }", 1184, "Modifiers cannot appear here.");
        // valid with experimentalDecorators: not reported
        assertClean("p.ts", "class C { m(@d x) {} constructor(@d y) {} set s(@d z) {} }");
        assertClean("p.ts", "abstract class C { @d abstract x: 1; @d declare y: 1 }");
    }

    @Test
    void membersAfterAMappedTypesKey() {
        // TypeScript's parser reads them; its checker says TS7061 on each
        assertOnly("p.ts", "type T = {[K in X]: 1; |a: 2}", 7061, "A mapped type may not declare properties or methods.");
        assertOnly("p.ts", "r<{+readonly[x in X]\n|[]}>", 7061, "A mapped type may not declare properties or methods.");
    }

    @Test
    void abstractMethodsTypeOnlyImportsAndUsingInAmbientContexts() {
        assertGrammar("abstract class C { abstract |m() {} }", 1245, "Method 'm' cannot have an implementation because it is marked abstract.");
        assertGrammar("import |type A, {B} from 'm'", 1363, "A type-only import can specify a default import or named bindings, but not both.");
        assertNone("p.ts", "import type {B} from 'm'; import type A from 'n'; import A2, {B2} from 'o'");
        assertEquals(List.of("1046@0", "1546@0", "1254@16"), startsOf(grammarErrors("p.d.ts", "await using a = b;")));
    }

    @Test
    void jsdocPostfixTypesAsTypeScriptsParserReadsThem() {
        // `T?` and `T!` wherever a type stands: TypeScript's parser takes them, its checker says TS17019
        assertGrammar("let x: |string?", 17019, "'?' at the end of a type is not valid TypeScript syntax.");
        assertGrammar("function f(b: |U!) {}", 17019, "'!' at the end of a type is not valid TypeScript syntax.");
        // in a tuple only the element's whole type ends with its optional mark; a labelled element's goes after the name
        assertGrammar("let a: [A & |B?]", 17019, "'?' at the end of a type is not valid TypeScript syntax.");
        assertGrammar("let a: [b: |U?]", 5086,
                "A labeled tuple element is declared as optional with a question mark after the name and before the colon, rather than after the type.");
        assertNone("p.ts", "let a: [A?, B[]?, c?: C]; type T = A extends B ? C : D; let y = x as T ? -1 : z;");
        // `unique` then has no `symbol` operand: TypeScript's 'symbol' expected and TS17019, both at the operand (not TS1335)
        assertEquals(List.of("1005@17 'symbol' expected.", "17019@17 '?' at the end of a type is not valid TypeScript syntax."),
                grammarErrors("p.ts", "type A = [unique symbol ?]"));
    }

    @Test
    void noGeneratorWhereNothingRunsNorAsAnOverload() {
        // TypeScript's checkGrammarForGenerator, at the `*`
        assertGrammar("declare function |* f(): void;", 1221, "Generators are not allowed in an ambient context.");
        assertGrammar("declare class C { |*m(): void }", 1221, "Generators are not allowed in an ambient context.");
        assertGrammar("function |* f(): void; function *f() {}", 1222, "An overload signature cannot be declared as a generator.");
        assertGrammar("class C { /*c*/ |*m(): void; *m() {} }", 1222, "An overload signature cannot be declared as a generator.");
        assertNone("p.ts", "function* f() {} class C { *m() {} static async *[k]() {} }");
    }

    @Test
    void constAssertionsTakeLiterals() {
        // TypeScript's isValidConstAssertionArgument; a member access might be an enum member: not ours to say
        String message = "A 'const' assertion can only be applied to references to enum members, or string, number, boolean, array, or object literals.";
        assertGrammar("let x = |v as const", 1355, message);
        assertGrammar("let x = |(f()) as const", 1355, message);
        assertGrammar("let x = <const>|v", 1355, message);
        assertGrammar("let x = |-(1) as const", 1355, message);
        assertNone("p.ts", "let a = 'a' as const, b = (1) as const, c = -1n as const, d = +1 as const, e = `t${a}` as const, f = [a] as const,"
                + " g = {a} as const, h = true as const, i = E.a as const, j = <const>[1];");
        // in a namespace TypeScript says TS1063 and checks nothing inside the export assignment
        assertGrammar("namespace N { |export = v as const }", 1063, "An export assignment cannot be used in a namespace.");
    }

    @Test
    void anAmbientInitializerIsReportedBeforeTheDefiniteAssertion() {
        // TypeScript's checkGrammarVariableDeclaration reports both, the initializer's first
        assertEquals(List.of("1039@20", "1263@16"), startsOf(grammarErrors("p.ts", "declare let Foo ! = Foo ;")));
    }

    @Test
    void aParameterPropertyNamesOneProperty() {
        // the end of TypeScript's checkGrammarModifiers; `public ...x` parses (canFollowModifier takes `...`)
        assertGrammar("class C { constructor(|public {a}) {} }", 1187, "A parameter property may not be declared using a binding pattern.");
        assertGrammar("class C { constructor(|public ...b: any[]) {} }", 1317, "A parameter property cannot be declared using a rest parameter.");
        assertGrammar("class C { constructor(|readonly ...[b]) {} }", 1187, "A parameter property may not be declared using a binding pattern.");
        assertNone("p.ts", "class C { constructor(@d public {a}) {} }"); // the decorator's TS1206 (option-dependent) comes first
    }

    @Test
    void noRequiredTupleElementAfterAnOptionalOne() {
        assertGrammar("type A = [a, b?, |c]", 1257, "A required element cannot follow an optional element.");
        assertGrammar("type A = [a?: A, |0n]", 1257, "A required element cannot follow an optional element.");
        assertNone("p.ts", "type A = [a?, b?]; type B = [a?, ...b[], c]; type C = [a, b?: B]"); // after a rest: its type decides
    }

    // ---- fifteenth session (2026-12-07): each case checked against TypeScript 6.0.3

    @Test
    void aRestParameterTakesNoInitializer() {
        // checkGrammarParameterList, at the name; our parser's TS1186 at the `=` is not a grammar check's
        String message = "A rest parameter cannot have an initializer.";
        assertGrammar("function f(...|a = 1) {}", 1048, message);
        assertGrammar("const g = (...|b = 2) => 1;", 1048, message);
        assertGrammar("function h(...|[c] = []) {}", 1048, message);
        assertGrammar("function i(...|d: number[] = []) {}", 1048, message);
        assertGrammar("function j(a?, |b) {}", 1016, "A required parameter cannot follow an optional parameter.");
    }

    @Test
    void checkerLevelErrorsOfTheParserDoNotStopTheGrammarChecks() {
        // duplicate parameters, `throw` before a line break, `await using` outside async code, a generator
        // constructor: TypeScript reports them from its binder or checker, and its grammar errors stand beside them
        assertEquals(List.of(1183), codes(grammarErrors("p.ts", "declare namespace N { function f(a, a) {} }")));
        assertEquals(List.of(1036), codes(grammarErrors("p.d.ts", "throw\nx;")));
        assertEquals(List.of(1184), codes(grammarErrors("p.ts", "function f() { await using x = y; } { export let z; }")));
        assertEquals(List.of(1048), codes(grammarErrors("p.ts", "class C { *constructor() {} } function f(...a = 1) {}")));
    }

    @Test
    void noGeneratorExpressionWhereNothingRuns() {
        // TS1221 at the `*` (Generators are not allowed in an ambient context.), then TS1183 at the body
        assertEquals(List.of("1221@18", "1183@24"), startsOf(grammarErrors("p.d.ts", "export = function * f() {};")));
        assertEquals(List.of("1254@18", "1221@20", "1183@25"), startsOf(grammarErrors("p.ts", "declare const o = { *m() {} };")));
        // the parameters' errors first, and then no generator error (checkGrammarFunctionLikeDeclaration)
        assertEquals(List.of(1039, 1048, 1183), codes(grammarErrors("p.ts", "declare let f = function* g(...a = 1) {};")));
        // `async` first (TS1040), and the generator is not checked
        assertEquals(List.of(1039, 1040, 1183), codes(grammarErrors("p.ts", "declare let f = {async *m() {}}")));
    }

    @Test
    void exportAssignmentsAndDefaultExportsInANamespace() {
        // checkExportAssignment: nothing inside is checked then; an ambient module takes them
        assertGrammar("namespace N { |export = f(function* (...a = 1) {}); }", 1063, "An export assignment cannot be used in a namespace.");
        assertGrammar("declare namespace N { |export = x }", 1063, "An export assignment cannot be used in a namespace.");
        assertGrammar("namespace N { |export default 1 + 2; }", 1319, "A default export can only be used in an ECMAScript-style module.");
        // a default-exported declaration: at `default` (checkGrammarModifiers)
        assertGrammar("namespace N { export |default function f(...a = 1) {} }", 1319, "A default export can only be used in an ECMAScript-style module.");
        assertGrammar("namespace N.M { export |default interface I {} }", 1319, "A default export can only be used in an ECMAScript-style module.");
        assertNone("p.ts", "declare module \"m\" { export = x; }");
    }

    @Test
    void anIndexSignatureIsNeverDecorated() {
        // at the decorator, whatever experimentalDecorators says; nothing in its expression is checked
        assertGrammar("class C { |@d(function(...a = 1){}) [k: string]: any; }", 1206, "Decorators are not valid here.");
    }

    @Test
    void typePredicatesOfAccessorsAndRestParameters() {
        String place = "A type predicate is only allowed in return type position for functions and methods.";
        assertGrammar("const o = { get b(): |x is 1 { return true } };", 1228, place);
        assertGrammar("function f(a, ...b): asserts |b {}", 1229, "A type predicate cannot reference a rest parameter.");
        // a rest parameter that is not last makes no rest signature: TS1014 alone
        assertEquals(List.of(1014), codes(grammarErrors("p.ts", "function f(...b, b?: any): asserts b {}")));
    }

    @Test
    void aBigintLiteralNamesNoProperty() {
        String message = "A 'bigint' literal cannot be used as a property name.";
        assertGrammar("class C { static |1n; }", 1539, message);
        assertGrammar("interface I { |4n: 1 }", 1539, message);
        assertGrammar("let o = { |5n: 1 };", 1539, message);
        assertGrammar("type T = { |7n?: 1 };", 1539, message);
        assertNone("p.ts", "class C { 3n() {} } let o = { 6n() {}, [7n]: 1, get 8n() { return 1 } };"); // methods and computed names may
        assertNone("p.ts", "var {1n: a} = x; ({1n: b} = y); ({1n: c}: T = y) => 1; (...{1n: d}) => 1;"); // and binding or assignment patterns
        // nothing is checked in the operand of a `yield` outside a generator (checkYieldExpression; TS1163 is the parser's)
        assertNone("p.ts", "class C { m() { yield a[{ 1n: o }]; } }");
        assertGrammar("function* g() { yield a[{ |1n: o }]; }", 1539, message);
    }

    @Test
    void anInterfaceOrTypeAliasWithModifiersOnlyInABlock() {
        // our parser says TS1156 where the keyword starts the statement; after a modifier TS1184 comes first, then TS1156
        assertEquals(List.of("1184@8", "1156@26"), startsOf(grammarErrors("p.ts", "for(;;) declare interface I {}")));
        assertEquals(List.of("1184@7", "1156@19"), startsOf(grammarErrors("p.ts", "if (x) export type T = 1;")));
        assertEquals(List.of("1184@16", "1156@29"), startsOf(grammarErrors("p.ts", "L: while (1) K: declare type T = 1;")));
    }

    @Test
    void anAbstractMethodsBodyWhateverItsModifiersSay() {
        // checkMethodDeclaration reports TS1245 after checkGrammarMethod, whatever that found
        assertEquals(List.of("1029@28", "1245@35"), startsOf(grammarErrors("p.ts", "abstract class C { abstract export m() {} }")));
        assertEquals(List.of("1244@10", "1245@19"), startsOf(grammarErrors("p.ts", "class D { abstract m() {} }")));
    }

    @Test
    void aMisplacedModuleKeepsTheModuleKeywordErrorOfItsInnerParts() {
        // `module v.b` is v holding a declaration of b: only v is misplaced (TS1235), b still says TS1540
        assertEquals(List.of("1235@4", "1540@15"), startsOf(grammarErrors("p.ts", "T : module v . b { }")));
        assertEquals(List.of("1235@2", "1540@11", "1540@13"), startsOf(grammarErrors("p.ts", "{ module A.B.C {} }")));
    }

    @Test
    void anAbstractPropertyTakesNoInitializer() {
        assertGrammar("abstract class T { abstract |x = 1 }", 1267, "Property 'x' cannot have an initializer because it is marked abstract.");
        assertEquals(List.of("1253@17", "1267@26"), startsOf(grammarErrors("p.ts", "export class $ { abstract a = symbol }")));
        assertNone("p.ts", "abstract class T { abstract x: number; y = 1 }");
    }

    @Test
    void anInterfaceOrTypeAliasNamedAwaitAtAModulesTopLevel() {
        String message = "Identifier expected. 'await' is a reserved word at the top-level of a module.";
        assertGrammar("p.mts", "export {}; type |await = 1;", 1262, message);
        assertGrammar("export interface |await { }", 1262, message);
        assertGrammar("p.mts", "import x from 'm'; { type |await = 2 }", 1262, message); // a block is still the top-level context
        // a script, a function, a namespace, an ambient module, `declare type`: not reported; nor where the tree makes
        // no module by TypeScript's rule (a misplaced export, a top-level await) — nor, as the tree cannot tell, in a
        // .mts file without a top-level import or export
        assertNone("p.ts", "type await = 1");
        assertEquals(List.of(1184), codes(grammarErrors("p.ts", "try { export type await = global; } finally {}"))); // TS1184 alone
        assertNone("p.ts", "await using x = y; type await = 1;");
        assertNone("p.mts", "export {}; function f() { type await = 3 } namespace N { type await = 4 } declare module \"m\" { type await = 5 }"
                + " declare type await = 6; class C { m() { interface await {} } }");
    }

    @Test
    void noBodyNoRestParameterInitializerLookedInto() {
        // TS2371 (an initializer without a body): TypeScript checks nothing inside it; TS1048 stands
        assertEquals(List.of("1048@14"), startsOf(grammarErrors("p.ts", "function $(...{ o: [] } = <(p: unique symbol) => s>(b)): void")));
    }

    /** No diagnostic at all: parser, binder and grammar checks (TypeScript's parser and checker accept {@code text}). */
    private static void assertClean(String file, String text) {
        assertEquals(List.of(), allErrors(file, text), text);
    }

    private static List<String> startsOf(List<String> diagnostics) {
        List<String> out = new ArrayList<>();
        for (String d : diagnostics) out.add(d.substring(0, d.indexOf(' ')));
        return out;
    }

    private static List<Integer> codes(List<String> diagnostics) {
        List<Integer> out = new ArrayList<>();
        for (String d : diagnostics) out.add(Integer.parseInt(d.substring(0, d.indexOf('@'))));
        return out;
    }
}
