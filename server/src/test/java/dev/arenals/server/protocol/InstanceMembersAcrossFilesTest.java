package dev.arenals.server.protocol;

import static dev.arenals.server.testing.InProcessServer.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.testing.InProcessServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Members of a class or interface used through instances in other files: {@code s.load()} where
 * {@code const s = new UserService()} imports the class, {@code u.name} where {@code u: User}.
 * Answers are {@code file:line:column name}; the expected ones are TypeScript's on the same files.
 */
class InstanceMembersAcrossFilesTest {
    @TempDir Path root;

    private static final String SVC = """
            export interface User { id: number; name: string }
            export class UserService {
              constructor(private readonly cache: Map<number, User>) {}
              load(id: number): User | undefined { return this.cache.get(id); }
              reload(id: number) { return this.load(id); }
            }
            """;
    private static final String USE = """
            import { UserService, type User } from './svc';
            const s = new UserService(new Map());
            s.load(1);
            export function title(u: User) { return u.name + s.load(u.id)!.name; }
            """;
    private static final String SUB = """
            import { UserService as Base } from './svc';
            export class Cached extends Base {
              load(id: number) { return super.load(id); }
            }
            declare const other: { load(): void };
            other.load();
            """;
    private static final String CLOSED = """
            import type { User } from './svc';
            export const names = (users: User[], one: User) => one.name;
            export const anon: User = { id: 0, name: 'anonymous' };
            export function greet({ name }: User) { return name; }
            """;

    private String uri(String name) { return root.resolve(name).toUri().toString(); }

    private InProcessServer workspace() throws Exception {
        Files.writeString(root.resolve("svc.ts"), SVC);
        Files.writeString(root.resolve("use.ts"), USE);
        Files.writeString(root.resolve("sub.ts"), SUB);
        Files.writeString(root.resolve("closed.ts"), CLOSED);
        InProcessServer s = InProcessServer.inWorkspace(root);
        s.open(uri("svc.ts"), "typescript", 1, SVC);
        s.open(uri("use.ts"), "typescript", 1, USE);
        s.open(uri("sub.ts"), "typescript", 1, SUB);
        return s;
    }

    private static Position at(String text, String marker, int delta) {
        int offset = text.indexOf(marker) + delta, line = 0, column = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') { line++; column = 0; } else column++;
        }
        return new Position(line, column);
    }

    private List<String> references(InProcessServer s, String file, Position p) throws Exception {
        List<String> out = new ArrayList<>();
        for (Location l : get(s.remote.getTextDocumentService().references(new ReferenceParams(new TextDocumentIdentifier(uri(file)), p,
                new ReferenceContext(true))))) {
            String name = l.getUri().substring(l.getUri().lastIndexOf('/') + 1);
            String text = Files.readString(root.resolve(name));
            String line = text.split("\n")[l.getRange().getStart().getLine()];
            out.add(name + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter() + " "
                    + line.substring(l.getRange().getStart().getCharacter(), l.getRange().getEnd().getCharacter()));
        }
        Collections.sort(out);
        return out;
    }

    private static final List<String> LOAD = List.of("sub.ts:2:2 load", "sub.ts:2:34 load", "svc.ts:3:2 load", "svc.ts:4:35 load",
            "use.ts:2:2 load", "use.ts:3:51 load");

    @Test
    void referencesOfAMethodFromItsDeclarationAndFromAUseInAnImporter() throws Exception {
        try (InProcessServer s = workspace()) {
            assertEquals(LOAD, references(s, "svc.ts", at(SVC, "load(id", 0)));
            assertEquals(LOAD, references(s, "use.ts", at(USE, "s.load(1)", 2)), "from s.load where s = new UserService()");
            assertEquals(LOAD, references(s, "sub.ts", at(SUB, "super.load", 6)), "super.load of a class extending the import");
            assertEquals(LOAD, references(s, "sub.ts", at(SUB, "load(id", 0)), "an override in an importer");
        }
    }

    @Test
    void referencesOfAnInterfacePropertyReachClosedImporters() throws Exception {
        try (InProcessServer s = workspace()) {
            List<String> name = List.of("closed.ts:1:55 name", "closed.ts:2:35 name", "closed.ts:3:24 name", "svc.ts:0:36 name", "use.ts:3:42 name",
                    "use.ts:3:63 name"); // s.load(u.id)!.name: load's declared return type is User
            assertEquals(name, references(s, "svc.ts", at(SVC, "name: string", 0)));
            assertEquals(name, references(s, "use.ts", at(USE, "u.name", 2)));
        }
    }

    /** Each expected list is typescript@6.0.3's getReferencesAtPosition (and findRenameLocations) on the same two files. */
    @Test
    void aClassInAnotherFileImplementingAnInterfaceSharesItsMethod() throws Exception {
        String shape = "export interface Shape {\n  area(): number;\n}\nexport class Circle implements Shape {\n  area() { return 1; }\n}\n"
                + "export const unit = new Circle().area();\n";
        String square = "import { Shape } from './shape';\nexport class Square implements Shape {\n  area() { return 4; }\n"
                + "  twice() { return this.area() * 2; }\n}\nexport function measure(s: Shape) { return s.area(); }\n";
        Files.writeString(root.resolve("shape.ts"), shape);
        Files.writeString(root.resolve("square.ts"), square);
        List<String> area = List.of("shape.ts:1:2 area", "shape.ts:4:2 area", "shape.ts:6:33 area",
                "square.ts:2:2 area", "square.ts:3:24 area", "square.ts:5:45 area");
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("shape.ts"), "typescript", 1, shape); // square.ts stays closed
            assertEquals(area, references(s, "shape.ts", at(shape, "area(): number", 0)), "from the interface");
            assertEquals(area, references(s, "shape.ts", at(shape, "area() {", 0)), "from Circle, which implements it in the same file");
            assertEquals(List.of("shape.ts: " + shape.replace("area", "size"), "square.ts: " + square.replace("area", "size")),
                    renamed(s, "shape.ts", at(shape, "area(): number", 0), "size"));
            s.open(uri("square.ts"), "typescript", 1, square);
            assertEquals(area, references(s, "square.ts", at(square, "area() {", 0)), "from Square, which implements the import");
            assertEquals(area, references(s, "square.ts", at(square, "s.area", 2)), "from a use through the import");
        }
    }

    @Test
    void aParameterPropertyIsAMemberOfTheClassInImportersToo() throws Exception {
        String point = "export class Point {\n  constructor(public x: number) {}\n  norm() { return this.x; }\n}\n";
        String user = "import { Point } from './point';\nconst p = new Point(1);\nexport const twice = p.x * 2;\n";
        Files.writeString(root.resolve("point.ts"), point);
        Files.writeString(root.resolve("user.ts"), user);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("point.ts"), "typescript", 1, point);
            List<String> x = List.of("point.ts:1:21 x", "point.ts:2:23 x", "user.ts:2:23 x");
            assertEquals(x, references(s, "point.ts", at(point, "x: number", 0)), "from the parameter");
            assertEquals(x, references(s, "point.ts", at(point, "this.x", 5)), "from this.x");
            s.open(uri("user.ts"), "typescript", 1, user);
            assertEquals(x, references(s, "user.ts", at(user, "p.x", 2)), "from a use in the importer");
            assertEquals(List.of("point.ts: " + point.replace("public x", "public y").replace("this.x", "this.y"),
                    "user.ts: " + user.replace("p.x", "p.y")), renamed(s, "point.ts", at(point, "x: number", 0), "y"));
        }
    }

    @Test
    void jsxAttributesOfAnImportedComponentAreItsPropsMembers() throws Exception {
        String button = "export interface ButtonProps { label: string; onClick?: () => void }\n"
                + "export function Button({ label, onClick = () => {} }: ButtonProps) { return <button onClick={onClick}>{label}</button>; }\n";
        String app = "import { Button } from './button';\nexport const app = <Button label=\"ok\" />;\n";
        Files.writeString(root.resolve("button.tsx"), button);
        Files.writeString(root.resolve("app.tsx"), app);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("app.tsx"), "typescriptreact", 1, app);
            var list = get(s.remote.getTextDocumentService().completion(new org.eclipse.lsp4j.CompletionParams(
                    new TextDocumentIdentifier(uri("app.tsx")), at(app, "label=", 0))));
            List<String> labels = new ArrayList<>();
            for (var item : list.getRight().getItems()) labels.add(item.getLabel());
            Collections.sort(labels);
            assertEquals(List.of("label", "onClick"), labels, "the attribute at the cursor counts as not written");
            list = get(s.remote.getTextDocumentService().completion(new org.eclipse.lsp4j.CompletionParams(
                    new TextDocumentIdentifier(uri("app.tsx")), at(app, " />", 1))));
            labels.clear();
            for (var item : list.getRight().getItems()) labels.add(item.getLabel());
            assertEquals(List.of("onClick"), labels, "label is written");
            var hover = get(s.remote.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new TextDocumentIdentifier(uri("app.tsx")), at(app, "label=", 1))));
            assertEquals("```typescript\n(property) ButtonProps.label: string\n```", hover.getContents().getRight().getValue());
        }
    }

    @Test
    void protectedMembersOfAnImportedClassAreOfferedThroughASubclassOnly() throws Exception {
        // typescript@6.0.3's completions: audit through this or a Savings, not through an Account (TS2446)
        String account = "export class Account {\n  protected audit() {}\n  deposit() {}\n}\n";
        String use = "import { Account } from './account';\nconst a = new Account();\na.deposit();\n"
                + "class Savings extends Account { run(other: Account, me: Savings) { other.deposit(); me.deposit(); this.deposit(); } }\n";
        Files.writeString(root.resolve("account.ts"), account);
        Files.writeString(root.resolve("use.ts"), use);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("use.ts"), "typescript", 1, use);
            assertEquals(List.of("deposit"), completionLabels(s, "use.ts", at(use, "a.deposit", 2)), "outside a subclass");
            assertEquals(List.of("deposit"), completionLabels(s, "use.ts", at(use, "other.deposit", 6)), "through an Account inside a subclass");
            assertEquals(List.of("audit", "deposit", "run"), completionLabels(s, "use.ts", at(use, "me.deposit", 3)), "through a Savings");
            assertEquals(List.of("audit", "deposit", "run"), completionLabels(s, "use.ts", at(use, "this.deposit", 5)), "through this");
        }
    }

    private List<String> completionLabels(InProcessServer s, String file, Position p) throws Exception {
        var list = get(s.remote.getTextDocumentService().completion(new org.eclipse.lsp4j.CompletionParams(new TextDocumentIdentifier(uri(file)), p)));
        List<String> labels = new ArrayList<>();
        for (var item : list.getRight().getItems()) labels.add(item.getLabel());
        Collections.sort(labels);
        return labels;
    }

    /** The renamed texts of every file the edit touches, as {@code file: text} in file order. */
    private List<String> renamed(InProcessServer s, String file, Position p, String newName) throws Exception {
        WorkspaceEdit edit = get(s.remote.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri(file)), p, newName)));
        List<String> out = new ArrayList<>();
        java.util.Map<String, List<TextEdit>> changes = new java.util.TreeMap<>();
        if (edit.getChanges() != null) changes.putAll(edit.getChanges());
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                List<TextEdit> edits = new ArrayList<>();
                for (var e : change.getLeft().getEdits()) edits.add(e.getLeft());
                changes.put(change.getLeft().getTextDocument().getUri(), edits);
            }
        }
        for (var e : changes.entrySet()) {
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            out.add(name + ": " + dev.arenals.server.testing.NavAssert.apply(
                    dev.arenals.server.testing.Docs.parsed(e.getKey(), Files.readString(root.resolve(name))), e.getValue()));
        }
        return out;
    }

    @Test
    void renameOfAMethodEditsEveryImporterThatUsesIt() throws Exception {
        try (InProcessServer s = workspace()) {
            List<String> expected = List.of(
                    "sub.ts: " + SUB.replace("load(id: number)", "fetch(id: number)").replace("super.load", "super.fetch"),
                    "svc.ts: " + SVC.replace("load(id: number): User", "fetch(id: number): User").replace("this.load", "this.fetch"),
                    "use.ts: " + USE.replace("s.load", "s.fetch"));
            assertEquals(expected, renamed(s, "svc.ts", at(SVC, "load(id", 1), "fetch"));
            assertEquals(expected, renamed(s, "use.ts", at(USE, "s.load(1)", 3), "fetch"));
        }
    }

    @Test
    void renameOfAnInterfacePropertyEditsAClosedImporter() throws Exception {
        try (InProcessServer s = workspace()) {
            assertEquals(List.of("closed.ts: " + CLOSED.replace("one.name", "one.title").replace("name: 'anonymous'", "title: 'anonymous'")
                            .replace("{ name }: User", "{ title: name }: User"),
                    "svc.ts: " + SVC.replace("name: string", "title: string"),
                    "use.ts: " + USE.replace("u.name", "u.title").replace("!.name", "!.title")), renamed(s, "use.ts", at(USE, "u.name", 3), "title"));
        }
    }

    private List<String> definition(InProcessServer s, String file, Position p) throws Exception {
        List<String> out = new ArrayList<>();
        for (Location l : get(s.remote.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri(file)), p))).getLeft()) {
            out.add(l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter());
        }
        return out;
    }

    @Test
    void definitionOfAMemberThroughAnImportedType() throws Exception {
        try (InProcessServer s = workspace()) {
            assertEquals(List.of("svc.ts:3:2"), definition(s, "use.ts", at(USE, "s.load(1)", 3)));
            assertEquals(List.of("svc.ts:0:36"), definition(s, "use.ts", at(USE, "u.name", 3)));
            assertEquals(List.of("svc.ts:3:2"), definition(s, "sub.ts", at(SUB, "super.load", 7)), "super of a class extending the import");
            assertEquals(List.of("sub.ts:4:23"), definition(s, "sub.ts", at(SUB, "other.load", 7)), "a type literal's member (TypeScript's answer), not the class's");
        }
    }

    /**
     * Each read of {@code E}'s {@code k} in use.ts, written {@code marker} with the cursor
     * {@code delta} chars in, goes to decls.ts offset 17 (line 0, column 17), typescript@6.0.3's
     * answer on the same two files; decls.ts stays closed, so its summary answers.
     */
    private void assertEachReadGoesToK(String decls, String use, Object... markerDeltaAndWhy) throws Exception {
        try (InProcessServer s = declsAndUse("export class E { k = 1; }\n" + decls, use)) {
            for (int i = 0; i < markerDeltaAndWhy.length; i += 3) {
                assertEquals(List.of("decls.ts:0:17"), definition(s, "use.ts", at(use, (String) markerDeltaAndWhy[i], (Integer) markerDeltaAndWhy[i + 1])),
                        (String) markerDeltaAndWhy[i + 2]);
            }
        }
    }

    /** A workspace of decls.ts (closed: its summary answers) and use.ts, opened as the editor opens it. */
    private InProcessServer declsAndUse(String decls, String use) throws Exception {
        Files.writeString(root.resolve("decls.ts"), decls);
        Files.writeString(root.resolve("use.ts"), use);
        InProcessServer s = InProcessServer.inWorkspace(root);
        s.open(uri("use.ts"), "typescript", 1, use);
        return s;
    }

    @Test
    void definitionThroughAStaticFieldOrStaticMethodOfAnImportedClass() throws Exception {
        assertEachReadGoesToK("export class H { static s: E = new E(); static make(): E { return new E(); } }\n",
                "import { H } from './decls';\nH.s.k; H.make().k;\n",
                "s.k", 2, "a static field's declared type", "make().k", 7, "a static method's declared return type");
    }

    @Test
    void definitionThroughAnArrowsConstructedValueAnArrayMemberAndAnIndexSignature() throws Exception {
        assertEachReadGoesToK("export const mk = () => new E();\nexport class K { list: E[] = []; dict: { [key: string]: E } = {}; }\n",
                "import { mk, K } from './decls';\ndeclare const o: K;\nmk().k; o.list[0].k; o.dict.any.k; o.dict['x'].k;\n",
                "mk().k", 5, "() => new E() returns an E", "[0].k", 4, "an element of list: E[]",
                "any.k", 4, "a value of { [key: string]: E }", "'].k", 3, "the same by a string key");
    }

    /** A value's type is the class its initializer constructs. */
    @Test
    void definitionThroughAnImportedObjectLiteralsPropertyAndAStaticFieldsInitializer() throws Exception {
        assertEachReadGoesToK("export const obj = { e: new E(), n: 1 };\nexport class H { static s = new E(); }\n",
                "import { obj, H } from './decls';\nobj.e.k; const { e } = obj; e.k; H.s.k;\n",
                "obj.e.k", 6, "a property of the imported literal", "e.k;", 2, "destructured from it", "s.k", 2, "a static field without an annotation");
    }

    /** An exported instance's type is what it is declared as or constructs, with its type arguments. */
    @Test
    void definitionThroughAnExportedInstanceOfAClassOrOfAGeneric() throws Exception {
        assertEachReadGoesToK("export class Client { get(): E { return new E(); } }\nexport const client = new Client();\n"
                        + "export const typed: Client = new Client();\nexport class Repo<T> { add(item: T): T { return item; } }\nexport const es = new Repo<E>();\n",
                "import { client, typed, es, E } from './decls';\nclient.get().k; typed.get().k; es.add(new E()).k;\n",
                "client.get().k", 13, "const client = new Client()", "typed.get().k", 12, "const typed: Client",
                ")).k", 4, "T of new Repo<E>()");
    }

    /** An array another file's method returns or member holds: its elements through for…of, a callback, a pattern, an index. */
    @Test
    void definitionThroughTheElementsOfAnArrayAnotherFileDeclares() throws Exception {
        assertEachReadGoesToK("export class People { list(): E[] { return []; } }\nexport const people = new People();\n"
                        + "export class Repo<T> { all(): T[] { return []; } }\nexport const es = new Repo<E>();\n",
                "import { people, es } from './decls';\nfor (const p of people.list()) p.k;\npeople.list().map(m => m.k);\n"
                        + "const [one] = people.list(); one.k;\npeople.list()[0].k;\nfor (const g of es.all()) g.k;\n",
                "p.k", 2, "for … of", "m => m.k", 7, "a callback's element", "one.k", 4, "a pattern's element", "[0].k", 4, "an index",
                "g.k", 2, "T[] of a Repo<E>");
    }

    /** typescript@6.0.3: C's m in the case, E's in the default; the literal types come from a readonly field and an 'as const'. */
    @Test
    void aDiscriminantDeclaredByItsInitializerNarrowsAnImportedUnion() throws Exception {
        String decls = "export class C { m() {} readonly kind = 'c'; }\nexport class E { m() {} kind = 'e' as const; }\nexport type U = C | E;\n";
        String use = "import { U } from './decls';\nfunction f(u: U) { switch (u.kind) { case 'c': u.m(); break; default: u.m(); } }\n";
        try (InProcessServer s = declsAndUse(decls, use)) {
            assertEquals(List.of("decls.ts:0:17"), definition(s, "use.ts", at(use, "'c': u.m", 7)), "case 'c'");
            assertEquals(List.of("decls.ts:1:17"), definition(s, "use.ts", at(use, "default: u.m", 11)), "default: the other constituent");
        }
    }

    /**
     * An interface merged with a const bound to a class (effect's {@code interface Objects} and
     * {@code const Objects = class …}) is the interface alone as a type: typescript@6.0.3 answers
     * the interfaces' props (lines 1 and 3), never the class expression's field (line 2).
     */
    @Test
    void aConstituentMergedWithAConstClassIsNeverAnsweredByTheClassField() throws Exception {
        String decls = "export type AST = Objects | Arrays;\nexport interface Objects { readonly props: number }\n"
                + "export const Objects = class { readonly props = 1 };\nexport interface Arrays { readonly props: number }\n";
        String use = "import { type AST } from './decls';\ndeclare const o: AST;\no.props;\n";
        try (InProcessServer s = declsAndUse(decls, use)) {
            List<String> found = definition(s, "use.ts", at(use, "o.props", 2));
            for (String location : found) assertTrue(!location.startsWith("decls.ts:2:"), "the class expression's field: " + found);
        }
    }

    @Test
    void completionOfAnImportedClassInstanceListsItsInstanceMembers() throws Exception {
        try (InProcessServer s = workspace()) {
            var list = get(s.remote.getTextDocumentService().completion(new org.eclipse.lsp4j.CompletionParams(
                    new TextDocumentIdentifier(uri("use.ts")), at(USE, "s.load(1)", 2))));
            List<String> labels = new ArrayList<>();
            for (var item : list.getRight().getItems()) labels.add(item.getLabel());
            assertEquals(true, labels.containsAll(List.of("load", "reload")), labels.toString());
            assertEquals(false, labels.contains("cache"), "a private member is not offered outside its class: " + labels);
        }
    }

    @Test
    void hoverAndSignatureHelpOfAnImportedClassInstanceMethod() throws Exception {
        try (InProcessServer s = workspace()) {
            var hover = get(s.remote.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new TextDocumentIdentifier(uri("use.ts")), at(USE, "s.load(1)", 3))));
            String shown = hover.getContents().getRight().getValue();
            assertEquals(true, shown.contains("load(id: number): User | undefined"), shown);
            var help = get(s.remote.getTextDocumentService().signatureHelp(new org.eclipse.lsp4j.SignatureHelpParams(
                    new TextDocumentIdentifier(uri("use.ts")), at(USE, "s.load(1)", 7))));
            assertEquals("load(id: number): User | undefined", help.getSignatures().get(0).getLabel());
        }
    }

    private static final String BUTTON = """
            export interface ButtonProps { label: string; onPress?: () => void }
            export function Button({ label, onPress }: ButtonProps) { return <button onClick={onPress}>{label}</button>; }
            export const Small: React.FC<ButtonProps> = (props) => <Button {...props} />;
            """;
    private static final String APP = """
            import { Button, Small } from './Button';
            export const App = () => <div><Button label="Save" /><Small label="x" /><Other label="y" /></div>;
            function Other(props: { label: string }) { return null; }
            """;

    @Test
    void propsOfAComponentAcrossFiles() throws Exception {
        Files.writeString(root.resolve("Button.tsx"), BUTTON);
        Files.writeString(root.resolve("App.tsx"), APP);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("Button.tsx"), "typescriptreact", 1, BUTTON);
            s.open(uri("App.tsx"), "typescriptreact", 1, APP);
            List<String> label = List.of("App.tsx:1:38 label", "App.tsx:1:60 label", "Button.tsx:0:31 label", "Button.tsx:1:25 label");
            assertEquals(label, references(s, "Button.tsx", at(BUTTON, "label: string", 0)));
            assertEquals(label, references(s, "App.tsx", at(APP, "label=\"Save\"", 1)));
            assertEquals(List.of("Button.tsx:0:31"), definition(s, "App.tsx", at(APP, "label=\"x\"", 1)));
            assertEquals(List.of("App.tsx: " + APP.replace("<Button label", "<Button title").replace("<Small label", "<Small title"),
                            "Button.tsx: " + BUTTON.replace("{ label: string", "{ title: string").replace("{ label, onPress }", "{ title: label, onPress }")),
                    renamed(s, "App.tsx", at(APP, "label=\"Save\"", 1), "title"));
        }
    }

    @Test
    void typeDefinitionFollowsAnImportedType() throws Exception {
        try (InProcessServer s = workspace()) {
            List<String> out = new ArrayList<>();
            for (String marker : List.of("s.load(1)", "u: User")) {
                for (Location l : get(s.remote.getTextDocumentService().typeDefinition(new org.eclipse.lsp4j.TypeDefinitionParams(
                        new TextDocumentIdentifier(uri("use.ts")), at(USE, marker, 0)))).getLeft()) {
                    out.add(l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter());
                }
            }
            assertEquals(List.of("svc.ts:1:13", "svc.ts:0:17"), out, "s = new UserService(), u: User: the declarations in svc.ts, not the imports");
        }
    }

    private static final String SHAPES = """
            export interface Circle { kind: "c"; radius: number; area(): number }
            export interface Square { kind: "s"; side: number; area(): number }
            export type Shape = Circle | Square;
            export type Named = { name: string };
            export type Both = Named & Circle;
            """;
    private static final String SHAPE_USES = """
            import { Shape, Both, Named } from './shapes';
            export function f(s: Shape) { return s.area(); }
            export function g(s: Shape) { switch (s.kind) { case "c": return s.radius; case "s": return s.side; } }
            export function h(s: Shape) { if (s.kind === "c") return s.radius; return 0; }
            export function k(b: Both, n: Named) { return b.name + b.radius + n.name; }
            export function m(s: Shape) { const a = s.area; return a; }
            export function n(s: Shape) { if (s.kind === "s") { return s.area(); } return 0; }
            """;

    private InProcessServer shapes() throws Exception {
        Files.writeString(root.resolve("shapes.ts"), SHAPES);
        Files.writeString(root.resolve("use.ts"), SHAPE_USES);
        InProcessServer s = InProcessServer.inWorkspace(root);
        s.open(uri("use.ts"), "typescript", 1, SHAPE_USES); // shapes.ts stays closed: its summary answers
        return s;
    }

    /** Each expected answer is typescript@6.0.3's getDefinitionAtPosition on the same two files. */
    @Test
    void definitionThroughAnImportedAliasOfAUnionNarrowedByItsDiscriminant() throws Exception {
        try (InProcessServer s = shapes()) {
            assertEquals(List.of("shapes.ts:0:53"), definition(s, "use.ts", at(SHAPE_USES, "s.area()", 2)), "a call: the first constituent's signature");
            assertEquals(List.of("shapes.ts:0:53", "shapes.ts:1:51"), definition(s, "use.ts", at(SHAPE_USES, "s.area;", 2)), "not called: each constituent's");
            assertEquals(List.of("shapes.ts:0:26", "shapes.ts:1:26"), definition(s, "use.ts", at(SHAPE_USES, "s.kind)", 2)), "the discriminant itself");
            assertEquals(List.of("shapes.ts:0:37"), definition(s, "use.ts", at(SHAPE_USES, "s.radius;", 2)), "case \"c\": of switch (s.kind)");
            assertEquals(List.of("shapes.ts:1:37"), definition(s, "use.ts", at(SHAPE_USES, "s.side", 2)), "case \"s\":");
            assertEquals(List.of("shapes.ts:0:37"), definition(s, "use.ts", at(SHAPE_USES, "s.radius; return 0", 2)), "if (s.kind === \"c\")");
            assertEquals(List.of("shapes.ts:1:51"), definition(s, "use.ts", at(SHAPE_USES, "return s.area(); } return 0", 9)),
                    "narrowed to Square, its area though Circle's comes first");
            assertEquals(List.of("shapes.ts:3:22"), definition(s, "use.ts", at(SHAPE_USES, "b.name", 2)), "an intersection's member from its object type");
            assertEquals(List.of("shapes.ts:0:37"), definition(s, "use.ts", at(SHAPE_USES, "b.radius", 2)), "an intersection's member from its interface");
            assertEquals(List.of("shapes.ts:3:22"), definition(s, "use.ts", at(SHAPE_USES, "n.name", 2)), "an alias of an object type");
        }
    }

    /** Expected: typescript@6.0.3's getReferencesAtPosition and getCompletionsAtPosition on the same files. */
    @Test
    void referencesAndCompletionThroughAnImportedAliasOfAUnion() throws Exception {
        try (InProcessServer s = shapes()) {
            assertEquals(List.of("shapes.ts:0:37 radius", "use.ts:2:67 radius", "use.ts:3:59 radius", "use.ts:4:57 radius"),
                    references(s, "use.ts", at(SHAPE_USES, "s.radius;", 2)), "through the union, the intersection and the narrowed reads");
            s.open(uri("shapes.ts"), "typescript", 1, SHAPES);
            assertEquals(List.of("shapes.ts:0:53 area", "use.ts:1:39 area", "use.ts:5:42 area"),
                    references(s, "shapes.ts", at(SHAPES, "area(): number }", 0)), "from Circle's: the union's reads, not those narrowed to Square");
            assertEquals(List.of("area", "kind"), completionLabels(s, "use.ts", at(SHAPE_USES, "s.area()", 2)), "what every constituent has");
            var hover = get(s.remote.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new TextDocumentIdentifier(uri("use.ts")), at(SHAPE_USES, "s.radius;", 2))));
            assertEquals(true, hover.getContents().getRight().getValue().contains("(property) Circle.radius: number"), hover.getContents().getRight().getValue());
        }
    }

    /** A union of classes from two files, aliased in a third and used in a fourth: typescript@6.0.3's answers on the same files. */
    @Test
    void aUnionOfClassesImportedIntoTheAliasFileAndNarrowedInAnother() throws Exception {
        String circle = "export class Circle {\n  readonly kind = \"c\";\n  constructor(public radius: number) {}\n"
                + "  area(): number { return 3 * this.radius * this.radius; }\n}\n";
        String square = "export class Square {\n  kind: \"s\" = \"s\";\n  side = 2;\n  area(): number { return this.side * this.side; }\n}\n";
        String shapes = "import { Circle } from './circle';\nimport { Square } from './square';\nexport type Shape = Circle | Square;\n";
        String app = "import type { Shape } from './shapes';\nexport function total(shapes: Shape[], one: Shape) {\n  const first = one.area();\n"
                + "  switch (one.kind) {\n    case \"s\": return one.side + first;\n    default: return one.radius;\n  }\n}\n";
        Files.writeString(root.resolve("circle.ts"), circle);
        Files.writeString(root.resolve("square.ts"), square);
        Files.writeString(root.resolve("shapes.ts"), shapes);
        Files.writeString(root.resolve("app.ts"), app);
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("app.ts"), "typescript", 1, app);
            assertEquals(List.of("circle.ts:3:2"), definition(s, "app.ts", at(app, "one.area()", 4)));
            assertEquals(List.of("square.ts:2:2"), definition(s, "app.ts", at(app, "one.side", 4)), "case \"s\": Square's side (Circle's kind is not written as a literal type)");
            assertEquals(List.of("circle.ts:2:21"), definition(s, "app.ts", at(app, "one.radius", 4)), "default: not \"s\", so Circle");
            assertEquals(List.of("app.ts:2:20 area", "circle.ts:3:2 area", "square.ts:3:2 area"), references(s, "app.ts", at(app, "one.area()", 4)));
            assertEquals(List.of("app.ts: " + app.replace("one.area", "one.size"), "circle.ts: " + circle.replace("area()", "size()"),
                    "square.ts: " + square.replace("area()", "size()")), renamed(s, "app.ts", at(app, "one.area()", 4), "size"));
            s.open(uri("circle.ts"), "typescript", 1, circle);
            assertEquals(List.of("app.ts:2:20 area", "circle.ts:3:2 area"), references(s, "circle.ts", at(circle, "area()", 0)), "from Circle's own");
        }
    }

    /** typescript@6.0.3's getReferencesAtPosition and findRenameLocations on the same four files: the same four locations from each. */
    @Test
    void fromOneImplementationToAnotherImplementationsUsesInAThirdFile() throws Exception {
        String shape = "export interface Shape {\n  area(): number;\n}\n";
        String square = "import { Shape } from './shape';\nexport class Square implements Shape {\n  area() { return 4; }\n}\n";
        String circle = "import { Shape } from './shape';\nexport class Circle implements Shape {\n  area() { return 3; }\n}\n";
        String app = "import { Circle } from './circle';\nconst circle = new Circle();\nexport const a = circle.area();\n";
        Files.writeString(root.resolve("shape.ts"), shape);
        Files.writeString(root.resolve("square.ts"), square);
        Files.writeString(root.resolve("circle.ts"), circle);
        Files.writeString(root.resolve("app.ts"), app);
        List<String> area = List.of("app.ts:2:24 area", "circle.ts:2:2 area", "shape.ts:1:2 area", "square.ts:2:2 area");
        try (InProcessServer s = InProcessServer.inWorkspace(root)) {
            s.open(uri("square.ts"), "typescript", 1, square); // the others stay closed
            assertEquals(area, references(s, "square.ts", at(square, "area()", 0)), "Square -> Shape -> Circle -> circle.area() in app.ts");
            assertEquals(List.of("app.ts: " + app.replace("area", "size"), "circle.ts: " + circle.replace("area", "size"),
                    "shape.ts: " + shape.replace("area", "size"), "square.ts: " + square.replace("area", "size")),
                    renamed(s, "square.ts", at(square, "area()", 0), "size"));
            s.open(uri("app.ts"), "typescript", 1, app);
            assertEquals(area, references(s, "app.ts", at(app, "circle.area", 7)), "and back from the use");
        }
    }
}
