package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members after a dot where what the value is an instance of is declared in another file and
 * known from declarations alone: an imported interface or type alias, its bases (in its file or
 * a third one), a member's declared type ({@code u.address.}), an imported function's declared
 * return type, a name destructured from such a value, a type named through a namespace import.
 * Each test: the importing file with a cursor marker {@code |}, and the one answer expected
 * there (completion labels, nearest declaration first; a definition as {@code file:line:column}).
 * The expectations are TypeScript's on the same files; where TypeScript needs inference
 * (generics), nothing is answered.
 */
class MembersThroughImportedTypesTest {
    @TempDir Path root;

    private static final String MODEL = """
            export interface Address { street: string; city: string }
            interface Named { name: string }
            export interface User extends Named { id: number; address: Address; greet(other: User): string }
            export interface Admin extends User { role: string }
            export type Point = { x: number; y: number };
            export type Tagged = Point & { tag: string };
            export function getUser(): User | undefined { return undefined; }
            export function make(): Map<string, User> { return new Map(); }
            export class Repo<T> { items: T[] = []; first(): T { return this.items[0]; } }
            export async function fetchUser(): Promise<User> { return null!; }
            export class Api { async load(): Promise<Admin | undefined> { return undefined; } }
            export function pick(a: string): string; export function pick(a: string, b: number): number; export function pick(a: any, b?: any): any { return a; }
            """;
    private static final String STAFF = """
            import { User as Person } from './model';
            export interface Staff extends Person { desk: string }
            export class Team { lead!: Person; size = 0; }
            """;

    private String uri(String name) { return root.resolve(name).toUri().toString(); }

    /** Opens {@code text} (with its cursor marker, the last {@code |}, removed) as use.ts beside model.ts and staff.ts; the cursor's position. */
    private Position open(InProcessServer s, String text) throws Exception {
        int offset = text.lastIndexOf('|');
        String source = text.substring(0, offset) + text.substring(offset + 1);
        Files.writeString(root.resolve("use.ts"), source);
        s.open(uri("use.ts"), "typescript", 1, source);
        int line = 0, column = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') { line++; column = 0; } else column++;
        }
        return new Position(line, column);
    }

    /** Not opened: found through the index. */
    private static final String CLOSED = """
            import type { User } from './model';
            export const town = (u: User) => u.address.city;
            """;

    private InProcessServer workspace() throws Exception {
        Files.writeString(root.resolve("model.ts"), MODEL);
        Files.writeString(root.resolve("staff.ts"), STAFF);
        Files.writeString(root.resolve("closed.ts"), CLOSED);
        Files.writeString(root.resolve("barrel.ts"), "export * as models from './model';\n");
        // written before any server lists the directory: listings are cached for seconds, JVM-wide
        Files.writeString(root.resolve("proc.ts"), "export interface ProcessParams { path: string[]; schemaPath: string[] }\n"
                + "export function process(schema: unknown, params: ProcessParams = { path: [], schemaPath: [] }) {}\n"
                + "export function over(a: ProcessParams): void;\nexport function over(a: ProcessParams, b: number): void;\nexport function over(a: any, b?: any) {}\n");
        return InProcessServer.inWorkspace(root);
    }

    private List<String> completion(String text) throws Exception {
        try (InProcessServer s = workspace()) {
            Position p = open(s, text);
            var list = get(s.remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri("use.ts")), p)));
            List<String> labels = new ArrayList<>();
            if (list != null) for (var item : list.getRight().getItems()) labels.add(item.getLabel());
            return labels;
        }
    }

    private List<String> definition(String text) throws Exception {
        try (InProcessServer s = workspace()) {
            Position p = open(s, text);
            List<String> out = new ArrayList<>();
            for (Location l : get(s.remote.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri("use.ts")), p))).getLeft()) {
                out.add(l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter());
            }
            return out;
        }
    }

    private static final String IMPORTS = "import { User, Admin, Point, Tagged, getUser, make, Repo, fetchUser, Api } from './model';\n"
            + "import { Staff, Team } from './staff';\nimport * as m from './model';\n";

    @Test
    void anImportedInterfaceListsItsMembersThenItsBasesInItsFile() throws Exception {
        assertEquals(List.of("id", "address", "greet", "name"), completion(IMPORTS + "function f(u: User) { u.| }"));
        assertEquals(List.of("role", "id", "address", "greet", "name"), completion(IMPORTS + "function f(a: Admin) { a.| }"));
    }

    @Test
    void eachMembersDetailNamesItsDeclaringTypeAndItsDeclaredType() throws Exception {
        try (InProcessServer s = workspace()) {
            Position p = open(s, IMPORTS + "function f(s: Staff) { s.| }");
            var list = get(s.remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri("use.ts")), p)));
            List<String> details = new ArrayList<>();
            for (var item : list.getRight().getItems()) details.add(item.getDetail());
            // (a base's base flattened into its summary is named after the base: User.name, where TypeScript says Named.name)
            assertEquals(List.of("(property) Staff.desk: string", "(property) User.id: number", "(property) User.address: Address",
                    "(method) User.greet(…): string", "(property) User.name: string"), details);
        }
    }

    @Test
    void aBaseImportedByTheDeclaringFileIsFollowedIntoItsOwnFile() throws Exception {
        assertEquals(List.of("desk", "id", "address", "greet", "name"), completion(IMPORTS + "function f(s: Staff) { s.| }"));
        assertEquals(List.of("model.ts:1:18"), definition(IMPORTS + "function f(s: Staff) { s.na|me }"), "Named.name, two files away");
    }

    @Test
    void anAliasedObjectTypeAndAnIntersectionOfOne() throws Exception {
        assertEquals(List.of("x", "y"), completion(IMPORTS + "function f(p: Point | undefined) { p!.| }"));
        assertEquals(List.of("x", "y", "tag"), completion(IMPORTS + "function f(t: Tagged) { t.| }"));
    }

    @Test
    void aMembersDeclaredTypeContinuesTheChain() throws Exception {
        assertEquals(List.of("street", "city"), completion(IMPORTS + "function f(u: User) { u.address.| }"));
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "function f(u: User) { u.address.ci|ty }"));
        assertEquals(List.of("street", "city"), completion(IMPORTS + "function f(t: Team) { t.lead.address.| }"), "a class field of an imported type");
    }

    @Test
    void anImportedFunctionsDeclaredReturnType() throws Exception {
        assertEquals(List.of("id", "address", "greet", "name"), completion(IMPORTS + "getUser()!.|"));
        assertEquals(List.of("id", "address", "greet", "name"), completion(IMPORTS + "const g = getUser(); g?.|"));
        assertEquals(List.of("street", "city"), completion(IMPORTS + "function f(u: User) { u.greet(u); const { address } = u; address.| }"));
    }

    @Test
    void anAwaitedPromiseAndTheElementsOfAnArray() throws Exception {
        assertEquals(List.of("id", "address", "greet", "name"), completion(IMPORTS + "async function f() { (await fetchUser()).| }"));
        assertEquals(List.of("role", "id", "address", "greet", "name"), completion(IMPORTS + "async function f(api: Api) { const a = await api.load(); a!.| }"));
        assertEquals(List.of("street", "city"), completion(IMPORTS + "function f(us: User[]) { for (const u of us) u.address.| }"));
        assertEquals(List.of("x", "y"), completion(IMPORTS + "function f(ps: Array<Point>) { return ps.filter(Boolean).map(p => p.|) }"));
    }

    @Test
    void aTypeNamedThroughANamespaceImport() throws Exception {
        assertEquals(List.of("role", "id", "address", "greet", "name"), completion(IMPORTS + "function f(a?: m.Admin) { a!.| }"));
    }

    @Test
    void thisDeclaredByAThisParameterAsATypeOfANamespaceImport() throws Exception {
        assertEquals(List.of("model.ts:2:50"), definition(IMPORTS + "const proto = { greet(this: m.User) { return this.addr|ess; } };"));
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "function f(this: User) { return this.address.ci|ty; }"));
        assertEquals(List.of("id", "address", "greet", "name"), completion(IMPORTS + "const proto = { greet(this: m.User) { this.| } };"));
    }

    @Test
    void aParameterTypedByTheFunctionTypeItsFunctionIsGiven() throws Exception {
        assertEquals(List.of("model.ts:2:50"), definition(IMPORTS + "type H = (u: m.User) => void;\nconst h: H = (u) => u.addr|ess;"));
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "const h: (u: User) => void = u => u.address.ci|ty;"));
        assertEquals(List.of("id", "address", "greet", "name"), completion(IMPORTS + "type H = (u: m.User) => void;\nconst h: H = (u) => u.|"));
    }

    @Test
    void aValueCastToATypeOfANamespaceImport() throws Exception {
        assertEquals(List.of("model.ts:2:50"), definition(IMPORTS + "declare const x: unknown;\nconst u = x as m.User;\nu.addr|ess;"));
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "declare const x: unknown;\n(x as m.User).address.ci|ty;"));
    }

    @Test
    void aCallOfAnOverloadedFunctionLeadsToTheSignatureItsArgumentsSettle() throws Exception {
        // node: TypeScript answers the resolved signature in a call, every declaration elsewhere
        assertEquals(List.of("model.ts:11:57"), definition(IMPORTS + "m.pi|ck('a', 1);"));
        assertEquals(List.of("model.ts:11:16"), definition(IMPORTS + "m.pi|ck('a');"));
        assertEquals(List.of("model.ts:11:16", "model.ts:11:57", "model.ts:11:109"), definition(IMPORTS + "const f = m.pi|ck;"));
        assertEquals(List.of("model.ts:11:16", "model.ts:11:57", "model.ts:11:109"), definition(IMPORTS + "m.pi|ck(...[]);"));
        assertEquals(List.of("model.ts:11:57"), definition("import { models } from './barrel';\nmodels.pi|ck('a', 1);"), "a namespace re-exported by name");
    }

    @Test
    void aTypeWrittenThroughANamespaceImportOnAFieldAnElementOrInsidePartial() throws Exception {
        // effect's router: readonly options: Router.RouterConfig, then this.options.ignoreDuplicateSlashes
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "class R { readonly a: m.Address = null!; run() { return this.a.ci|ty; } }"));
        // effect's HttpApiBuilder: for (const group of groups) where groups = … as ReadonlyArray<HttpApiGroup.Top>
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "declare const all: unknown;\nfor (const a of all as ReadonlyArray<m.Address>) a.ci|ty;"));
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "function f(a: Partial<m.Address>) { return a.ci|ty; }"));
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "function f(a: Readonly<Required<Address>> | undefined) { return a!.ci|ty; }".replace("Address", "m.Address")));
        assertEquals(List.of("model.ts:0:43"), definition("import { Address } from './model';\nfunction f(a: Readonly<Address>) { return a.ci|ty; }"));
        assertEquals(List.of("street", "city"), completion(IMPORTS + "function f(a: Partial<m.Address>) { a.| }"));
        assertEquals(List.of(), definition("import { Address } from './model';\ntype Partial<T> = { other: T };\nfunction f(a: Partial<Address>) { return a.ci|ty; }"),
                "a Partial of this file's is not the library's");
    }

    @Test
    void aKeyOfALiteralDeclaredAsAnImportedType() throws Exception {
        assertEquals(List.of("model.ts:4:22"), definition(IMPORTS + "const p: Point = { |x: 1, y: 2 };"));
        assertEquals(List.of("model.ts:0:43"), definition(IMPORTS + "class R { a!: m.Address; set() { this.a = { street: '', ci|ty: '' }; } }"), "assigned to a field of ns.T");
        // zod's process(schema, ctx, { ...params, path: [...] }): the imported function's one signature types its argument
        assertEquals(List.of("proc.ts:0:33"), definition("import { process, over } from './proc';\nprocess(1, { pa|th: [] });"));
        assertEquals(List.of("use.ts:1:7"), definition("import { process, over } from './proc';\nover({ pa|th: [] });"), "overloads: the key itself");
        assertEquals(List.of("model.ts:1:18"), definition(IMPORTS + "const s: Staff = { desk: '', id: 1, address: null!, greet: () => '', na|me: '' };"), "from a base, two files away");
    }

    @Test
    void aNamespaceReExportedInsideANamespace() throws Exception {
        // zod: core.util.AnyFunc, where core/index.ts has export * as util from "./util.js"
        Files.writeString(root.resolve("util.ts"), "export type AnyFunc = (...args: any[]) => any;\nexport function noop() {}\n");
        Files.writeString(root.resolve("core.ts"), "export * as util from './util';\nexport * as again from './barrel';\n");
        assertEquals(List.of("util.ts:0:12"), definition("import * as core from './core';\nlet f: core.util.Any|Func;"));
        assertEquals(List.of("util.ts:1:16"), definition("import * as core from './core';\ncore.util.no|op();"));
        assertEquals(List.of("model.ts:2:17"), definition("import * as core from './core';\nlet u: core.again.models.Us|er;"), "three namespaces deep");
        assertEquals(List.of("util.ts:1:16"), definition("import { util } from './core';\nutil.no|op();"), "as before: one namespace imported by name");
        assertEquals(List.of(), definition("import * as core from './core';\ncore.util.miss|ing;"), "a name the module does not export");
        // as TypeScript lists them: values in an expression, types in a type
        assertEquals(List.of("noop"), completion("import * as core from './core';\ncore.util.|"));
        assertEquals(List.of("AnyFunc"), completion("import * as core from './core';\nlet g: core.util.|;"));
    }

    @Test
    void aGenericClassOfAnotherFileReturnsTheTypeArgumentThisFileGivesIt() throws Exception {
        // T of Repo<T> is User here: the summary keeps Repo's type parameters, this file the argument (typescript@6.0.3 offers User's members)
        assertEquals(List.of("id", "address", "greet", "name"), completion(IMPORTS + "const r = new Repo<User>(); r.first().|"));
        assertEquals(List.of("id", "address", "greet", "name"), completion(IMPORTS + "declare const r: Repo<User>; r.items[0].|"));
    }

    @Test
    void whatNeedsInferenceIsNotAnswered() throws Exception {
        assertEquals(List.of(), completion(IMPORTS + "make().|"), "a generic's argument");
        assertEquals(List.of(), completion(IMPORTS + "function f(v: User | Point) { v.| }"), "a union of two types");
    }

    @Test
    void hoverOnAMemberReachedThroughAChainNamesItsDeclaringType() throws Exception {
        try (InProcessServer s = workspace()) {
            Position p = open(s, IMPORTS + "function f(u: User) { u.address.ci|ty }");
            var hover = get(s.remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri("use.ts")), p)));
            assertEquals(true, hover.getContents().getRight().getValue().contains("(property) Address.city: string"), hover.getContents().getRight().getValue());
        }
    }

    private List<String> references(String text) throws Exception {
        try (InProcessServer s = workspace()) {
            Position p = open(s, text);
            List<String> out = new ArrayList<>();
            for (Location l : get(s.remote.getTextDocumentService().references(new org.eclipse.lsp4j.ReferenceParams(
                    new TextDocumentIdentifier(uri("use.ts")), p, new org.eclipse.lsp4j.ReferenceContext(true))))) {
                out.add(l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter());
            }
            java.util.Collections.sort(out);
            return out;
        }
    }

    @Test
    void referencesAndRenameOfAMemberReachedThroughAChainFindTheFilesThatNeverImportItsType() throws Exception {
        String use = IMPORTS + "function f(u: User) { return u.address.ci|ty; }";
        assertEquals(List.of("closed.ts:1:43", "model.ts:0:43", "use.ts:3:39"), references(use));
        try (InProcessServer s = workspace()) {
            Position p = open(s, use);
            var edit = get(s.remote.getTextDocumentService().rename(new org.eclipse.lsp4j.RenameParams(new TextDocumentIdentifier(uri("use.ts")), p, "town")));
            List<String> files = new ArrayList<>();
            if (edit.getChanges() != null) for (var e : edit.getChanges().entrySet()) files.add(e.getKey().substring(e.getKey().lastIndexOf('/') + 1) + " " + e.getValue().size());
            if (edit.getDocumentChanges() != null) {
                for (var c : edit.getDocumentChanges()) {
                    String u = c.getLeft().getTextDocument().getUri();
                    files.add(u.substring(u.lastIndexOf('/') + 1) + " " + c.getLeft().getEdits().size());
                }
            }
            java.util.Collections.sort(files);
            assertEquals(List.of("closed.ts 1", "model.ts 1", "use.ts 1"), files);
        }
    }
}
