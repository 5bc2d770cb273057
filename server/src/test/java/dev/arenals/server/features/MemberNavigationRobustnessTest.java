package dev.arenals.server.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arenals.server.document.Document;
import dev.arenals.server.testing.Docs;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Member navigation never breaks on bad or self-referring code: programs dense in the shapes the
 * declared-type reading follows (generics instantiated by themselves, overloads, getters, index
 * signatures, object literals naming each other, instanceof chains), whole and with random spans
 * deleted or duplicated, asked definition, hover and (every fifth) references at every offset.
 */
class MemberNavigationRobustnessTest {
    private static final String DENSE = """
            class C { n = 1; m() { return this; } get self(): C { return this; } }
            class Box<T = C> { constructor(public item: T) {} get(): T { return this.item; } box(): Box<Box<T>> { return new Box(this); } }
            class Loop<T extends Loop<T>> { next!: T; }
            declare const loop: Loop<Loop<any>>; loop.next.next.next;
            declare const bb: Box<Box<Box<C>>>; bb.item.item.item.n; bb.get().get().get().m().self.n;
            const inferred = new Box(new Box(new C())); inferred.item.item.n; inferred.box().item.item.item;
            const self = { a: self2, b: new C() }; const self2 = { a: self, c: new C() }; self.a.a.b.n; self2.a.c;
            interface D { [key: string]: D; [i: number]: C } declare const d: D; d.x.y.z; d[0].n; d['k'][1].m();
            class O { m(a: number): O; m(a: string): C; m(a: any): any { return a; } }
            new O().m(1).m('s').n; new O().m(-1).m(`t`).m;
            type U = C | Box<C> | null; function f(u: U) { if (u instanceof Box) u.item.n; else if (u instanceof C) u.m().n; }
            for (const [i, x] of [new C()].entries()) x.n; for (const [k, v] of new Map<string, Box<C>>()) v.item.n;
            class H { static s = new H(); static t: H; h = H.s.h; } H.s.h.h; H.t.h;
            function g(this: Box<C>) { this.item.n; this.get().m(); }
            """;

    @Test
    void everyOffsetOfDenseAndMangledProgramsAnswersWithoutThrowing() {
        Random random = new Random(1208);
        int documents = 0, asked = 0;
        for (int variant = 0; variant < 40; variant++) {
            String text = variant == 0 ? DENSE : mangle(DENSE, random);
            Document doc = Docs.parsed("file:///dense" + variant + ".ts", text);
            documents++;
            DefinitionHandler definitions = new DefinitionHandler();
            ReferencesHandler references = new ReferencesHandler();
            HoverHandler hover = new HoverHandler();
            for (int offset = 0; offset <= doc.length(); offset++) {
                var position = doc.positionAt(offset);
                definitions.definition(doc, position);
                if (offset % 5 == 0) references.references(doc, position, true);
                hover.hover(doc, position, true);
                asked++;
            }
        }
        assertTrue(documents == 40 && asked > 40_000, documents + " documents, " + asked + " offsets");
    }

    private static String mangle(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 0; k < 3; k++) {
            int at = random.nextInt(sb.length() - 1);
            int len = 1 + random.nextInt(Math.min(30, sb.length() - at - 1));
            if (random.nextBoolean()) sb.delete(at, at + len);
            else sb.insert(at, sb.substring(at, at + len));
        }
        return sb.toString();
    }
}
