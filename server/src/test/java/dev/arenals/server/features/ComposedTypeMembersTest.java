package dev.arenals.server.features;

import static dev.arenals.server.testing.NavAssert.assertDefinition;
import static dev.arenals.server.testing.NavAssert.assertReferences;
import static dev.arenals.server.testing.NavAssert.assertRename;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Members of unions, intersections and the library's mapped types ({@code Omit}, {@code Pick},
 * {@code Partial}, …) of this file's declarations. TypeScript accepts {@code x.m} on a union only
 * where {@code x} is narrowed to constituents that have {@code m}, so when those get it from one
 * declaration that is the answer whatever the narrowing; where two constituents declare it apart,
 * or a part is declared elsewhere or generic, nothing is answered.
 */
class ComposedTypeMembersTest {
    @Test
    void aUnionWhoseConstituentsShareTheDeclaration() {
        // effect's router: type Node = StaticNode | ParametricNode | WildcardNode, all extending NodeBase
        assertDefinition("a.ts", "abstract class NodeBase { [[handlerStorage]]: number | undefined }\n"
                + "class StaticNode extends NodeBase { prefix = '' } class WildcardNode extends NodeBase {}\n"
                + "type Node = StaticNode | WildcardNode;\nfunction find(currentNode: Node) { return currentNode.handler/*|*/Storage; }");
        assertDefinition("a.ts", "class Base { [[h]]() {} } class A extends Base {} class B extends Base {}\nlet n: A | B | undefined; n!./*|*/h();");
    }

    @Test
    void aUnionWhereOnlyOneConstituentHasTheMember() {
        // Result<A, E> = Success<A, E> | Failure<A, E>: self.success is only read where self is a Success
        assertDefinition("a.ts", "interface Success<A> { readonly _tag: 'Success'; readonly [[success]]: A }\n"
                + "interface Failure<E> { readonly _tag: 'Failure'; readonly failure: E }\ntype Result<A, E = never> = Success<A> | Failure<E>;\n"
                + "declare function isFailure<A, E>(r: Result<A, E>): r is Failure<E>;\n"
                + "const get = <A, E>(self: Result<A, E>) => isFailure(self) ? undefined : self.succ/*|*/ess;");
        assertDefinition("a.ts", "class P { readonly [[regex]]: RegExp | undefined = undefined } class W { readonly _tag = 'W' }\n"
                + "function f(node: P | W) { if (node instanceof P) return node.re/*|*/gex; }");
    }

    @Test
    void omitPickAndIntersectionsKeepTheSourceDeclarations() {
        // zod's aggregateChecks: schema._zod.bag as Omit<CheckAggregate, "multipleOf"> & { multipleOf?: number }
        String declarations = "interface CheckAggregate { [[minimum]]?: number; multipleOf?: number[] }\n"
                + "declare const raw: unknown;\nconst bag = raw as Omit<CheckAggregate, \"multipleOf\"> & { ";
        assertDefinition("a.ts", declarations + "multipleOf?: number };\nbag.mini/*|*/mum;");
        assertDefinition("a.ts", "interface CheckAggregate { minimum?: number; multipleOf?: number[] }\n"
                + "declare const raw: unknown;\nconst bag = raw as Omit<CheckAggregate, \"multipleOf\"> & { [[multipleOf]]?: number };\nbag.multiple/*|*/Of;");
        assertDefinition("a.ts", "interface U { [[name]]: string; age: number }\nfunction f(u: Pick<U, 'name'>) { u.na/*|*/me; }");
        assertDefinition("a.ts", "interface U { [[name]]: string; age: number }\nfunction f(p: Partial<Readonly<U>>) { p.na/*|*/me; }");
        assertDefinition("a.ts", "interface Base { [[id]]: string } interface User extends Base { name: string }\ndeclare const u: User & { extra: 1 }; u./*|*/id;");
    }

    private static final String SEGMENTS = "interface Literal { readonly _tag: 'Literal'; readonly value: string }\n"
            + "interface ArrayHelper { readonly _tag: 'ArrayHelper'; readonly [[value]]: ReadonlyArray<unknown> }\n"
            + "interface Raw { readonly _tag: 'Raw' | 'Unsafe'; readonly value: unknown }\ntype Segment = Literal | ArrayHelper | Raw;\n";

    @Test
    void aUnionNarrowedByTheDiscriminantTestsAroundTheRead() {
        // effect's Statement.ts: switch (segment._tag) { case "ArrayHelper": { if (segment.value.length === 0) … } }
        assertDefinition("a.ts", SEGMENTS + "function f(segment: Segment) {\n  switch (segment._tag) {\n    case 'Literal': break;\n"
                + "    case 'ArrayHelper': { return segment.val/*|*/ue; }\n  }\n}");
        assertDefinition("a.ts", SEGMENTS + "function f(segment: Segment) { if (segment._tag === 'ArrayHelper') return segment.val/*|*/ue; }");
        assertDefinition("a.ts", SEGMENTS + "function f(segment: Segment) { if (segment._tag !== 'ArrayHelper') {} else { segment.val/*|*/ue; } }");
        assertDefinition("a.ts", SEGMENTS + "const f = (s: Segment) => s._tag !== 'Literal' && s._tag !== 'Raw' && s._tag !== 'Unsafe' ? s.val/*|*/ue : 0;");
        assertDefinition("a.ts", SEGMENTS + "const f = (s: Segment) => s._tag === 'Literal' || s._tag === 'Raw' || s._tag === 'Unsafe' || s.val/*|*/ue;");
        assertDefinition("a.ts", SEGMENTS + "const f = (s: Segment) => !(s._tag === 'ArrayHelper') ? 0 : s.val/*|*/ue;");
        // readonly fields initialized with a literal are discriminants too (effect's router nodes)
        assertDefinition("a.ts", "class S { readonly _tag = 'S'; prefix = '' } class P { readonly _tag = 'P'; readonly [[prefix]]: RegExp }\n"
                + "function f(n: S | P) { if (n._tag === 'P') n.pre/*|*/fix; }");
    }

    @Test
    void whereTheTestsLeaveSeveralConstituentsEachOnesDeclaration() {
        // each expected set is typescript@6.0.3's getDefinitionAtPosition: the declarations of the constituents left
        String literal = "interface Literal { readonly _tag: 'Literal'; readonly [[value]]: string }\n";
        String arrayHelper = "interface ArrayHelper { readonly _tag: 'ArrayHelper'; readonly [[value]]: ReadonlyArray<unknown> }\n";
        String raw = "interface Raw { readonly _tag: 'Raw' | 'Unsafe'; readonly [[value]]: unknown }\ntype Segment = Literal | ArrayHelper | Raw;\n";
        String segments = literal + arrayHelper + raw;
        assertDefinition("a.ts", literal + arrayHelper + raw.replace("[[value]]", "value")
                + "function f(s: Segment) { switch (s._tag) { case 'Literal': case 'ArrayHelper': s.val/*|*/ue; } }");
        assertDefinition("a.ts", literal + arrayHelper + raw.replace("[[value]]", "value")
                + "function f(s: Segment) { switch (s._tag) { case 'Literal': g(); case 'ArrayHelper': s.val/*|*/ue; } }");
        assertDefinition("a.ts", literal + arrayHelper.replace("[[value]]", "value") + raw
                + "function f(s: Segment) { switch (s._tag) { case 'ArrayHelper': break; default: s.val/*|*/ue; } }");
        assertDefinition("a.ts", literal.replace("[[value]]", "value") + arrayHelper + raw
                + "function f(s: Segment) { if (s._tag === 'Raw' || s._tag === 'ArrayHelper') s.val/*|*/ue; }");
        // an assignment re-narrows: the test before it says nothing
        assertDefinition("a.ts", segments + "declare const other: Segment;\nfunction f(s: Segment) { if (s._tag === 'ArrayHelper') { s = other; s.val/*|*/ue; } }");
        // a non-readonly field initialized with a literal is a string, not a discriminant: both declarations
        assertDefinition("a.ts", "class S { _tag = 'S'; [[prefix]] = '' } class P { _tag = 'P'; [[prefix]] = /x/ }\nfunction f(n: S | P) { if (n._tag === 'P') n.pre/*|*/fix; }");
    }

    @Test
    void referencesAndRenameTakeTheUsesDefinitionLeadsFrom() {
        String nodes = "abstract class NodeBase { [[handlerStorage]]: number | undefined = undefined }\n"
                + "class StaticNode extends NodeBase { prefix = '' } class WildcardNode extends NodeBase {}\ntype Node = StaticNode | WildcardNode;\n";
        assertReferences("a.ts", nodes.replace("[[handlerStorage]]", "[[handler/*|*/Storage]]")
                + "function find(n: Node, s: StaticNode) { return n.[[handlerStorage]] ?? s.[[handlerStorage]]; }");
        assertRename("a.ts", nodes.replace("[[handlerStorage]]", "handler/*|*/Storage") + "function find(n: Node) { return n.handlerStorage; }", "storage",
                nodes.replace("[[handlerStorage]]", "storage") + "function find(n: Node) { return n.storage; }");
    }

    @Test
    void aLiteralGivenToAUnionIsDiscriminatedByItsOwnLiteralProperties() {
        // effect's Sse.ts: onParse({ _tag: "Event", id, event, data }) where onParse: (event: AnyEvent) => void, AnyEvent = Event | Retry
        String events = "interface Ev { readonly _tag: 'Event'; readonly [[data]]: string }\ninterface Retry { readonly _tag: 'Retry'; readonly data: number }\n"
                + "type AnyEvent = Ev | Retry;\n";
        assertDefinition("a.ts", events + "function make(onParse: (event: AnyEvent) => void) { onParse({ _tag: 'Event', da/*|*/ta: '' }); }");
        assertDefinition("a.ts", events.replace("[[data]]", "data").replace("_tag: 'Event'", "[[_tag]]: 'Event'")
                + "function make(onParse: (event: AnyEvent) => void) { onParse({ _t/*|*/ag: 'Event', data: '' }); }");
        // without the discriminant both declare it: the key itself, as before
        assertDefinition("a.ts", events.replace("[[data]]", "data") + "function make(onParse: (event: AnyEvent) => void) { onParse({ [[da/*|*/ta]]: '' }); }");
        // an element pushed onto an array of a declared type (effect's router: nodeStack.push({ brotherPathIndex, … }))
        assertDefinition("a.ts", "interface B { [[brotherPathIndex]]: number }\nfunction f(stack: Array<B>) { stack.push({ brotherPath/*|*/Index: 1 }); }");
    }

    @Test
    void hoverShowsTheMemberDefinitionFinds() {
        assertEquals("handlerStorage: number | undefined", DeclaredTypeMembersTest.hover("class NodeBase { handlerStorage: number | undefined }\n"
                + "class S extends NodeBase {} class W extends NodeBase {}\nfunction f(n: S | W) { return n.handler/*|*/Storage; }"));
        assertEquals("minimum?: number", DeclaredTypeMembersTest.hover("interface Agg { minimum?: number; multipleOf?: number[] }\n"
                + "function f(bag: Omit<Agg, 'multipleOf'>) { return bag.mini/*|*/mum; }"));
    }

    @Test
    void nothingWhereNarrowingOrAnotherFileDecides() {
        // two constituents declare it apart: the narrowing decides (an `as const` field is a discriminant)
        assertDefinition("a.ts", "class S { _tag = 'S' as const; load() {} } class T { _tag = 'T' as const; [[load]]() {} }\n"
                + "function f(x: S | T) { if (x._tag === 'T') x.lo/*|*/ad(); }");
        assertDefinition("a.ts", "class S { _tag = 'S' as const; [[load]]() {} } class T { _tag = 'T' as const; [[load]]() {} }\n"
                + "function f(x: S | T) { x.lo/*|*/ad; }");
        // declared in both parts of an intersection: TypeScript lists both
        assertDefinition("a.ts", "interface A { id: string } interface B { id: string }\ndeclare const v: A & B; v./*|*/id;");
        // a part declared elsewhere, a type parameter, a key that is not a literal, a base outside the file
        assertDefinition("a.ts", "import { Remote } from './remote';\nclass L { x = 1 }\ndeclare const v: L | Remote; v./*|*/x;");
        assertDefinition("a.ts", "class L { x = 1 }\nfunction f<T>(v: L | T) { return v./*|*/x; }");
        assertDefinition("a.ts", "interface U { name: string }\ndeclare const k: 'name';\nfunction f(u: Omit<U, typeof k>) { u./*|*/name; }");
        assertDefinition("a.ts", "import { Base } from './base';\nclass A extends Base {} class B {}\ndeclare const v: A | B; v./*|*/name;");
        // an index signature answers for any name
        assertDefinition("a.ts", "class A { x = 1 }\ndeclare const v: A | { [k: string]: number }; v./*|*/x;");
        // Omit drops the key: nothing there to answer
        assertDefinition("a.ts", "interface U { name: string; age: number }\nfunction f(u: Omit<U, 'name'>) { u./*|*/name; }");
        // a library name declared in this file is not the library's
        assertDefinition("a.ts", "type Partial<T> = { other: T };\ninterface U { name: string }\nfunction f(u: Partial<U>) { u./*|*/name; }");
    }
}
