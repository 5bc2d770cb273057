package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.PositionEncoding;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SummarizerTest {
    private static FileSummary summarize(String fileName, String text, PositionEncoding encoding) {
        Arena arena = new Arena();
        char[] chars = text.toCharArray();
        new JsParser().parse(arena, chars, chars.length, ParseOptions.forFileName(fileName));
        Path path = Path.of("/w", fileName);
        return Summarizer.summarize(path, path.toUri().toString(), arena, chars, LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP), encoding);
    }

    private static FileSummary summarize(String text) { return summarize("a.ts", text, PositionEncoding.UTF16); }

    private static List<String> names(List<FileSummary.Declaration> ds) {
        return ds.stream().map(d -> d.name() + ":" + d.kind() + (d.exported() ? ":exported" : "")).collect(Collectors.toList());
    }

    @Test
    void topLevelDeclarationsWithKindsAndExportFlags() {
        FileSummary s = summarize("export function f() { const inner = 1; }\nconst a = 1, { b, c: [d] } = o;\nlet e;\n"
                + "export class C {}\ninterface I {}\nexport type T = 1;\nenum E { A }\nnamespace N {}\ndeclare module \"m\" {}\n");
        assertEquals(List.of("f:FUNCTION:exported", "a:CONSTANT", "b:CONSTANT", "d:CONSTANT", "e:VARIABLE", "C:CLASS:exported",
                "I:INTERFACE", "T:TYPE:exported", "E:ENUM", "N:NAMESPACE"), names(s.declarations()));
        assertEquals(List.of("f", "C", "T"), s.exports().stream().map(FileSummary.Export::exportedName).collect(Collectors.toList()));
    }

    @Test
    void ambientModulesKeepTheirMembersAndExportAssignmentIsAnExport() {
        FileSummary s = summarize("a.d.ts", "declare module \"x\" {\n  export function f(): void;\n  const y: number;\n  export { y as z };\n}\n"
                + "declare module \"*.css\" {}\nexport = foo;\n", PositionEncoding.UTF16);
        assertEquals(List.of("x", "*.css"), s.ambientModules().stream().map(FileSummary.AmbientModule::name).collect(Collectors.toList()));
        assertEquals(List.of("f:FUNCTION", "y:CONSTANT"), names(s.ambientModules().get(0).members()));
        assertEquals(new FileSummary.Span(0, 15, 18), s.ambientModules().get(0).span());
        assertTrue(s.ambientModules().get(1).matches("./a.css"));
        assertFalse(s.ambientModules().get(1).matches("./a.scss"));
        assertTrue(s.declarations().isEmpty());
        assertEquals("foo", s.export(FileSummary.EXPORT_ASSIGNMENT).localName());
    }

    @Test
    void importEqualsResolvesWithTheRequireCondition(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("node_modules/dual"));
        java.nio.file.Files.writeString(dir.resolve("node_modules/dual/package.json"),
                "{\"exports\": {\"import\": \"./esm.d.mts\", \"require\": \"./cjs.d.cts\"}}");
        java.nio.file.Files.writeString(dir.resolve("node_modules/dual/esm.d.mts"), "export {};");
        java.nio.file.Files.writeString(dir.resolve("node_modules/dual/cjs.d.cts"), "export {};");
        for (String[] c : new String[][] {{"import x = require(\"dual\");", "cjs.d.cts"}, {"import x from \"dual\";", "esm.d.mts"},
                {"import x = require(\"dual\");\nimport y from \"dual\";", "esm.d.mts"}}) {
            char[] chars = c[0].toCharArray();
            Arena arena = new Arena();
            new JsParser().parse(arena, chars, chars.length, ParseOptions.forFileName("main.ts"));
            Path file = dir.resolve("main.ts");
            FileSummary s = Summarizer.summarize(file, null, arena, chars, LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP), PositionEncoding.UTF16);
            assertEquals(c[1], s.resolvedModules().get("dual").getFileName().toString(), c[0]);
        }
    }

    @Test
    void namesRangesAreOnTheirLineInTheNegotiatedEncoding() {
        FileSummary utf16 = summarize("a.ts", "const é = '😀'; export const x = 1;\n  function g() {}", PositionEncoding.UTF16);
        FileSummary utf8 = summarize("a.ts", "const é = '😀'; export const x = 1;\n  function g() {}", PositionEncoding.UTF8);
        assertEquals(new FileSummary.Span(0, 29, 30), utf16.declaration("x").span());
        assertEquals(new FileSummary.Span(0, 32, 33), utf8.declaration("x").span()); // é is 2 bytes, the emoji 4
        assertEquals(new FileSummary.Span(1, 11, 12), utf16.declaration("g").span());
    }

    @Test
    void exportsImportsAndReexports() {
        FileSummary s = summarize("import d, { a as b, c } from './a';\nimport * as ns from './b';\nimport './side';\n"
                + "import z = require('./z');\nexport { q as r } from './c';\nexport * from './d';\nexport * as all from './e';\n"
                + "const local = 1;\nexport { local as other, b };\nexport default class K {}\n");
        assertEquals(List.of("d<-default@./a", "b<-a@./a", "c<-c@./a", "ns<-*@./b", "z<-*@./z"),
                s.imports().stream().map(i -> i.localName() + "<-" + i.importedName() + "@" + i.specifier()).collect(Collectors.toList()));
        assertEquals(List.of("./a", "./b", "./side", "./z", "./c", "./d", "./e"), s.moduleSpecifiers());
        assertEquals(List.of("./d"), s.starExports());
        assertEquals("q", s.export("r").localName());
        assertEquals("./c", s.export("r").fromSpecifier());
        assertEquals("*", s.export("all").localName());
        assertEquals("local", s.export("other").localName());
        assertNull(s.export("other").fromSpecifier());
        assertEquals("K", s.export("default").localName());
        assertNull(s.export("K"), "export default class K exports 'default', not 'K'");
        assertTrue(s.declaration("K").exported());
        assertFalse(s.declaration("local").exported());
    }

    @Test
    void defaultExportOfAnExpressionHasNoLocalName() {
        FileSummary s = summarize("export default 42;\n");
        assertNull(s.export("default").localName());
        assertEquals(0, s.export("default").span().line());
    }

    @Test
    void brokenSourceStillSummarizesWhatParsed() {
        FileSummary s = summarize("export function ok() {}\nexport const = ;\nimport { from './x';\nexport class Fine {}\n");
        assertTrue(s.declaration("ok") != null && s.declaration("Fine") != null, s.declarations().toString());
    }

    private static List<String> members(FileSummary s) {
        return s.members().stream().map(m -> m.container() + "." + m.name() + ":" + m.kind()).collect(Collectors.toList());
    }

    @Test
    void membersOfExportedContainersAreKeptUnderQualifiedNames() {
        FileSummary s = summarize("namespace Geometry {\n  export function distance(a: number, b = 2): number { return a; }\n  function hidden() {}\n"
                + "  export namespace Inner { export const k = 1; }\n}\nexport { Geometry };\n"
                + "export class Shapes { static area(w: number) { return w; } static get unit() { return 1; } m() {} #p = 1; static [k] = 2; }\n"
                + "export const util = { clamp(v: number) { return v; }, twice: (n: number) => n, nested: { deep: 1 }, get z() { return 1; } } as const;\n"
                + "export enum Color { Red, 'Green' }\nexport namespace A.B { export let x = 1; }\nconst notExported = { a: 1 };\n");
        assertEquals(List.of("Geometry.distance:FUNCTION", "Geometry.Inner:NAMESPACE", "Geometry.Inner.k:CONSTANT",
                "Shapes.area:METHOD", "Shapes.unit:PROPERTY", "Shapes.prototype.m:METHOD",
                "util.clamp:METHOD", "util.twice:METHOD", "util.nested:PROPERTY", "util.nested.deep:PROPERTY", "util.z:PROPERTY",
                "Color.Red:ENUM_MEMBER", "Color.Green:ENUM_MEMBER", "A.B:NAMESPACE", "A.B.x:VARIABLE"), members(s));
        assertEquals(List.of("m:METHOD"), s.membersOf("Shapes.prototype").stream().map(m -> m.name() + ":" + m.kind()).collect(Collectors.toList()),
                "instance members under prototype; #p is not reachable from outside");
        assertEquals("distance(a: number, b = 2): number", signature(s, "Geometry.distance"));
        assertEquals("area(w: number)", signature(s, "Shapes.area"));
        assertEquals("clamp(v: number)", signature(s, "util.clamp"));
        assertEquals("twice(n: number)", signature(s, "util.twice"));
        assertEquals(new FileSummary.Span(1, 18, 26), s.members("Geometry", "distance").get(0).span());
        assertTrue(s.membersOf("notExported").isEmpty(), "only what other files can reach is kept");
        assertTrue(names(s.declarations()).contains("A:NAMESPACE:exported"), "namespace A.B declares A");
    }

    @Test
    void anAmbientNamespaceExportsEverythingUnlessItExportsSomething() {
        FileSummary s = summarize("a.d.ts", "export declare namespace All { function f(x: string): void; const c: number; }\n"
                + "export declare namespace Some { export function g(): void; function h(): void; }\n", PositionEncoding.UTF16);
        assertEquals(List.of("All.f:FUNCTION", "All.c:CONSTANT", "Some.g:FUNCTION"), members(s));
        assertEquals("f(x: string): void", signature(s, "All.f"));
    }

    @Test
    void overloadedNamespaceFunctionsKeepEachSignatureOnce() {
        FileSummary s = summarize("export namespace N {\n  export function f(a: string): void;\n  export function f(a: number): void;\n"
                + "  export function f(a: any) {}\n}\n");
        assertEquals(List.of("f(a: string): void", "f(a: number): void"),
                s.signatures("N.f").stream().map(SummarizerTest::render).collect(Collectors.toList()));
    }

    private static String render(FileSummary.Signature sig) {
        return sig.name().substring(sig.name().lastIndexOf('.') + 1) + "(" + String.join(", ", sig.parameters()) + ")" + sig.returns();
    }

    private static String signature(FileSummary s, String qualified) {
        List<FileSummary.Signature> found = s.signatures(qualified);
        assertEquals(1, found.size(), qualified + ": " + found);
        return render(found.get(0));
    }

    @Test
    void commonJsRequiresAreImportsAndExportAssignmentsAreExports() {
        FileSummary s = summarize("a.js", "\"use strict\";\nexports.a = exports.b = void 0;\nvar m_1 = require(\"./m\");\n"
                + "const { x, y: z = 1 } = require(\"./xy\");\nconst w = __importDefault(require(\"./w\")).default;\n"
                + "function a() {}\nexports.a = a;\nexports.b = function () {};\nmodule.exports.c = m_1.c;\n"
                + "__exportStar(require(\"./star\"), exports);\nObject.defineProperty(exports, \"d\", { enumerable: true, get: function () { return m_1.dee; } });\n",
                PositionEncoding.UTF16);
        assertEquals(List.of("m_1=*:./m", "x=x:./xy", "z=y:./xy", "w=default:./w"),
                s.imports().stream().map(i -> i.localName() + "=" + i.importedName() + ":" + i.specifier()).collect(Collectors.toList()));
        assertEquals(List.of("a=a", "b=b", "c=c<./m", "d=dee<./m"),
                s.exports().stream().map(e -> e.exportedName() + "=" + e.localName() + (e.fromSpecifier() == null ? "" : "<" + e.fromSpecifier()))
                        .collect(Collectors.toList()), "the void 0 placeholders are not exports");
        assertTrue(s.exports().stream().allMatch(FileSummary.Export::commonJs));
        assertEquals(List.of("./star"), s.starExports());
        assertEquals(List.of("a:FUNCTION", "b:FUNCTION:exported"), names(s.declarations()), "require() bindings are imports, not declarations");
        FileSummary ts = summarize("a.ts", "const m = require(\"./m\");\nexports.a = 1;\n", PositionEncoding.UTF16);
        assertTrue(ts.exports().isEmpty() && ts.imports().isEmpty(), "TypeScript reads neither as CommonJS in a .ts file");
        assertEquals(List.of("m:CONSTANT"), names(ts.declarations()));
    }

    @Test
    void aStringNamedNamespaceReexportReadsItsSourceNotItsName() {
        FileSummary s = summarize("export * as \"odd name\" from './m';\n");
        assertEquals("./m", s.export("odd name").fromSpecifier());
        assertEquals(List.of("./m"), s.moduleSpecifiers());
    }

    @Test
    void aDecoratedParameterPropertyIsAnInstanceMember() {
        FileSummary s = summarize("export class Svc {\n  constructor(@Inject() protected readonly http: string, @Opt() public retries = 3) {}\n}\n");
        assertEquals(List.of("http:PROPERTY", "retries:PROPERTY"),
                s.membersOf("Svc.prototype").stream().map(m -> m.name() + ":" + m.kind()).collect(Collectors.toList()));
    }

    @Test
    void privateMembersAreNoOtherFilesToRead() {
        FileSummary s = summarize("export class Svc {\n  constructor(private a: string, protected b: string) {}\n"
                + "  private c = 1; protected d = 2; private e() {} private static f = 3; static g = 4; #h = 5;\n}\n");
        assertEquals(List.of("b:PROPERTY", "d:PROPERTY"),
                s.membersOf("Svc.prototype").stream().map(m -> m.name() + ":" + m.kind()).collect(Collectors.toList()));
        assertEquals(List.of("g"), s.membersOf("Svc").stream().map(FileSummary.Member::name).collect(Collectors.toList()));
        assertEquals(List.of(true, true), s.membersOf("Svc.prototype").stream().map(FileSummary.Member::isProtected).collect(Collectors.toList()),
                "protected: only a subclass may read them");
        FileSummary open = summarize("export class P { protected static s = 1; static t = 2; u = 3; }\n");
        assertEquals(List.of(true, false), open.membersOf("P").stream().map(FileSummary.Member::isProtected).collect(Collectors.toList()));
        assertEquals(List.of(false), open.membersOf("P.prototype").stream().map(FileSummary.Member::isProtected).collect(Collectors.toList()));
    }

    @Test
    void instanceMembersIncludeParameterPropertiesAndWhatInFileBasesDeclare() {
        FileSummary s = summarize("class Root { hello(who: string) {} m() {} }\n"
                + "export class Base extends Root {\n  constructor(readonly http: string, plain: number) { super(); }\n"
                + "  m(): void;\n  m(x?: number) {}\n  get ready() { return true; }\n}\n");
        assertEquals(List.of("http:PROPERTY", "m:METHOD", "m:METHOD", "ready:PROPERTY", "hello:METHOD"),
                s.membersOf("Base.prototype").stream().map(m -> m.name() + ":" + m.kind()).collect(Collectors.toList()),
                "Base's own first (its overloads both), then Root's hello; Root's m is overridden");
        assertEquals("m(): void", signature(s, "Base.prototype.m"), "the overloads' signatures, without the implementation");
        assertEquals("hello(who: string)", signature(s, "Base.prototype.hello"));
        assertEquals(new FileSummary.Span(0, 13, 18), s.members("Base.prototype", "hello").get(0).span(), "where Root declares it");
    }

    @Test
    void decoratedDeclarationsAndMembersAreSummarisedLikeUndecoratedOnes() {
        FileSummary s = summarize("@Component({}) export class Widget {\n  @Input() static size = 1;\n  @HostListener('x') static on(e: string) {}\n"
                + "  @Input() label = '';\n  @Output() click() {}\n}\n@Injectable() class Svc {}\nexport { Svc };\n"
                + "export default @sealed class Named {}\n");
        assertEquals(List.of("Widget:CLASS:exported", "Svc:CLASS", "Named:CLASS:exported"), names(s.declarations()));
        assertEquals(List.of("Widget", "Svc", "default"), s.exports().stream().map(FileSummary.Export::exportedName).collect(Collectors.toList()));
        assertEquals(List.of("Widget.size:PROPERTY", "Widget.on:METHOD", "Widget.prototype.label:PROPERTY", "Widget.prototype.click:METHOD"),
                members(s));
        assertEquals("on(e: string)", signature(s, "Widget.on"));
    }

    @Test
    void aNamespaceWithADottedNameDeclaresItsFirstPartAndNestsTheRest() {
        FileSummary s = summarize("export namespace A.B.C { export const x = 1; }\nexport declare namespace P.Q { function f(): void; }\n");
        assertEquals(List.of("A:NAMESPACE:exported", "P:NAMESPACE:exported"), names(s.declarations()));
        assertEquals(List.of("A.B:NAMESPACE", "A.B.C:NAMESPACE", "A.B.C.x:CONSTANT", "P.Q:NAMESPACE", "P.Q.f:FUNCTION"), members(s));
        assertEquals(new FileSummary.Span(0, 21, 22), s.members("A.B", "C").get(0).span());
    }

    @Test
    void containersAndCallablesMergeByNamePastTheFewFoundByAScan() {
        // twenty containers first, so that the names after them are found through the hash index, not the scan of the first sixteen
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) text.append("export interface I").append(i).append(" { p").append(i).append(": number }\n");
        text.append("export namespace N { export const a = 1; }\n")
                .append("export interface I3 { q: string }\n") // merges with the first I3
                .append("export namespace N { export const b = 2; }\n")
                .append("class A { fromA(): void {} }\n")
                .append("export class B extends A { own(): void {} }\n")
                .append("export interface J extends I7, Elsewhere { r: boolean }\n")
                .append("export function f(x: string): void;\nexport function f(x: number): void;\nexport function f(x: any) {}\n")
                .append("export function f(y: boolean): void;\n"); // a later declaration of f: the first one's signatures are kept
        FileSummary s = summarize(text.toString());
        assertEquals(List.of("N.a:CONSTANT", "N.b:CONSTANT"), s.membersOf("N").stream().map(m -> m.container() + "." + m.name() + ":" + m.kind())
                .collect(Collectors.toList()));
        assertEquals(List.of("p3", "q"), memberNames(s, "I3.prototype"));
        assertEquals(List.of("own", "fromA"), memberNames(s, "B.prototype"), "a base class of this file is read into its subclass");
        assertEquals(List.of("r", "p7"), memberNames(s, "J.prototype"), "a base interface of this file too; one declared elsewhere is a base entry");
        assertEquals(List.of("f(x: string): void", "f(x: number): void"), s.signatures("f").stream().map(SummarizerTest::render).collect(Collectors.toList()));
    }

    @Test
    void aClassThatExtendsItselfOrACycleEndsItsWalk() {
        FileSummary s = summarize("export class C extends D { c = 1 }\nclass D extends C { d = 2 }\nexport interface I extends K { i: 1 }\ninterface K extends I { k: 2 }\n");
        assertEquals(List.of("c", "d"), memberNames(s, "C.prototype"));
        assertEquals(List.of("i", "k"), memberNames(s, "I.prototype"));
    }

    private static List<String> memberNames(FileSummary s, String container) {
        return s.membersOf(container).stream().filter(m -> m.kind() != FileSummary.Kind.BASE).map(FileSummary.Member::name).collect(Collectors.toList());
    }

    @Test
    void anAliasOfAUnionKeepsItsConstituentsAsNamesToResolve() {
        FileSummary s = summarize("import { Square } from './square';\ninterface Circle { kind: \"c\"; radius: number }\n"
                + "export type Shape = Circle | (Square) | null | undefined;\nexport type Loose = Circle | { kind: \"x\" };\n"
                + "export type Boxed<T> = T | Circle;\nexport type Named = { name: string } & Circle;\n");
        assertEquals(List.of("Circle", "Square"), s.constituentsOf("Shape.prototype"), "null and undefined left out; parentheses see through");
        assertEquals(List.of(), s.membersOf("Shape.prototype"), "constituents are not members");
        assertEquals(List.of("kind:PROPERTY:\"c\"", "radius:PROPERTY:number"),
                s.membersOf("Circle.prototype").stream().map(m -> m.name() + ":" + m.kind() + ":" + m.type()).collect(Collectors.toList()),
                "a constituent declared here is summarized though not exported: no other file can name it");
        assertEquals(List.of(), s.constituentsOf("Loose.prototype"), "a part that is no plain type name: the members are not settled");
        assertEquals(List.of(), s.constituentsOf("Boxed.prototype"), "a generic alias: its parameters are not this file's types");
        assertEquals(List.of("name", "kind", "radius"), s.membersOf("Named.prototype").stream().map(FileSummary.Member::name).collect(Collectors.toList()),
                "an intersection keeps its parts' members, as before");
    }
}
