package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.arenals.server.workspace.FileSummary.AmbientModule;
import dev.arenals.server.workspace.FileSummary.Declaration;
import dev.arenals.server.workspace.FileSummary.Export;
import dev.arenals.server.workspace.FileSummary.Import;
import dev.arenals.server.workspace.FileSummary.Kind;
import dev.arenals.server.workspace.FileSummary.Member;
import dev.arenals.server.workspace.FileSummary.Signature;
import dev.arenals.server.workspace.FileSummary.Span;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The flat summary gives back exactly the records it was made of, in 8-, 16- and 32-bit columns, Latin-1 strings and wider ones. */
class FileSummaryLayoutTest {
    private static void roundTrip(int far, String name) {
        Path path = Path.of("/w/a.ts"), other = Path.of("/w/b.ts");
        ImmutableList<Declaration> declarations = ImmutableList.of(new Declaration(name, Kind.FUNCTION, new Span(0, 16, 16 + name.length()), true),
                new Declaration("C", Kind.CLASS, new Span(far, far + 1, far + 2), false));
        ImmutableList<Export> exports = ImmutableList.of(new Export(name, name, null, new Span(0, 16, 17)),
                new Export("d", "default", "./b", new Span(3, 0, 1), false), new Export("e", "e", null, new Span(4, 0, 1), true));
        ImmutableList<Import> imports = ImmutableList.of(
                new Import("x", "y", "./b", new Span(1, 9, 10), new int[] {5, 0, 1, far, 2, 3}, new Span(1, 14, 15)),
                new Import("ns", "*", "./b", new Span(2, 12, 14)),
                new Import("z", "z", "./c", new Span(2, 30, 31), new int[0], null));
        ImmutableList<Signature> signatures = ImmutableList.of(new Signature(name, ImmutableList.of("a: T", "b = 1"), ": R", false, "/** doc */"),
                new Signature("C", ImmutableList.of(), "", true, null));
        ImmutableList<Member> members = ImmutableList.of(new Member("C.prototype", "m", Kind.METHOD, new Span(7, 2, 3)),
                new Member("C", "s", Kind.PROPERTY, new Span(8, 9, 10)));
        ImmutableList<AmbientModule> ambient = ImmutableList.of(new AmbientModule("m", new Span(9, 15, 18), ImmutableList.of()));
        FileSummary s = new FileSummary(path, null, declarations, exports, ImmutableList.of("./star"), imports, ImmutableList.of("./b", "./c", "./b", "./star"),
                ImmutableMap.of("./b", other), 1234, ambient, signatures, members);
        assertEquals(declarations, s.declarations());
        assertEquals(exports, s.exports());
        assertEquals(ImmutableList.of("./star"), s.starExports());
        assertEquals(ImmutableList.of("./b", "./c", "./b", "./star"), s.moduleSpecifiers());
        assertEquals(ImmutableMap.of("./b", other), s.resolvedModules());
        assertEquals(other, s.resolve("./b"));
        assertEquals(signatures, s.signatures());
        assertEquals(ImmutableList.of(signatures.get(0)), s.signatures(name));
        assertEquals(members, s.members());
        assertEquals(ImmutableList.of(members.get(0)), s.members("C.prototype", "m"));
        assertEquals(ImmutableList.of(members.get(1)), s.membersOf("C"));
        assertEquals(ambient, s.ambientModules());
        assertEquals(1234, s.sourceChars());
        for (int i = 0; i < imports.size(); i++) {
            Import want = imports.get(i), got = s.imports().get(i);
            assertEquals(want.localName() + want.importedName() + want.specifier() + want.span() + want.importedSpan(),
                    got.localName() + got.importedName() + got.specifier() + got.span() + got.importedSpan());
            if (want.uses() == null) assertNull(got.uses());
            else assertArrayEquals(want.uses(), got.uses());
        }
        assertEquals(imports.get(0).span(), s.importAt(1, 9).span());
        assertEquals("ns", s.importOf("ns").localName());
        assertEquals(declarations.get(1), s.declaration("C"));
        assertEquals(exports.get(1), s.export("d"));
        assertNull(s.export("nope"));
        assertEquals(name, s.declarationName(0).toString());
        // the readers by index agree with the records
        assertEquals(exports.size(), s.exportCount());
        for (int k = 0; k < exports.size(); k++) {
            Export e = exports.get(k);
            assertEquals(e.exportedName(), s.exportedNameAt(k));
            assertTrue(s.exportLocalIs(k, e.localName()));
            assertFalse(s.exportLocalIs(k, "other"));
            assertEquals(e.fromSpecifier() != null, s.exportIsReexport(k));
        }
        assertNull(s.exportFromFile(0));
        assertEquals(other, s.exportFromFile(1));
        assertEquals(1, s.starExportCount());
        assertNull(s.starExportFile(0)); // ./star resolves to nothing
        for (int k = 0; k < imports.size(); k++) {
            Import want = imports.get(k);
            assertEquals(want.localName(), s.importLocalNameAt(k));
            assertTrue(s.importLocalIs(k, want.localName()));
            assertEquals(k, s.importIndexOf(want.localName()));
            assertEquals(k, s.importIndexAt(want.span().line(), want.span().startColumn()));
            assertEquals(want.span(), new Span(s.importSpanPart(k, 0), s.importSpanPart(k, 1), s.importSpanPart(k, 2)));
            assertEquals(want.uses() == null ? -1 : want.uses().length / 3, s.importUseCount(k));
            for (int u = 0; want.uses() != null && u < want.uses().length / 3; u++) {
                assertEquals(want.use(u), new Span(s.importUsePart(k, u, 0), s.importUsePart(k, u, 1), s.importUsePart(k, u, 2)));
            }
        }
        assertEquals(-1, s.importIndexOf("nope"));
        assertEquals(-1, s.importIndexAt(1, 10));
        assertTrue(s.importIsAliased(0)); // x as y
        assertFalse(s.importIsAliased(2)); // z
        assertEquals(other, s.importFile(0));
        assertEquals(other, s.importFile(1));
    }

    /** A specifier kept twice as equal copies (not the same String) still finds the file it resolved to. */
    @Test
    void importFileByEqualSpecifier() {
        Path other = Path.of("/w/b.ts");
        FileSummary s = new FileSummary(Path.of("/w/a.ts"), null, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
                ImmutableList.of(new Import("x", "x", new String("./b"), new Span(0, 9, 10))), ImmutableList.of(new String("./b")),
                ImmutableMap.of(new String("./b"), other), 0);
        assertEquals(other, s.importFile(0));
    }

    /** The file URI made without the file system is the JDK's, character for character (escaped ones through the JDK). */
    @Test
    void fileUriIsTheJdks(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        String[] names = {"a.ts", "with space.ts", "hash#1.ts", "per%cent.ts", "caf\u00e9.ts", "br[ack]et.ts", "t~i'l(d)e!*.ts", "semi;colon,plus+eq=at@amp&dollar$.ts", "q?.ts"};
        for (String name : names) {
            Path file = dir.resolve(name);
            assertEquals(file.toUri().toString(), FileSummary.fileUri(file), name);
            java.nio.file.Files.writeString(file, "x");
            assertEquals(file.toUri().toString(), FileSummary.fileUri(file), name + " (existing)");
        }
        Path relative = Path.of("rel", "a.ts");
        assertEquals(relative.toUri().toString(), FileSummary.fileUri(relative));
    }

    @Test
    void byteColumnsAndLatin1Strings() { roundTrip(40, "f\u00e9"); }

    /** 254 is the largest value a byte column holds (value + 1): a column at 252 + 2 is 8-bit, one at 253 + 2 16-bit. */
    @Test
    void byteColumnsUpTo254ThenCharColumns() {
        roundTrip(252, "f");
        roundTrip(253, "f");
        roundTrip(300, "f\u00e9");
    }

    @Test
    void columnsTakeTheNarrowestWidthThatHoldsEveryValue() {
        assertTrue(Columns.of(new int[] {-1, 0, 254}, 3, 3, 0) instanceof byte[]);
        assertTrue(Columns.of(new int[] {-1, 255}, 2, 2, 0) instanceof char[]);
        assertTrue(Columns.of(new int[] {0, 0xFFFE}, 2, 2, 0) instanceof char[]);
        assertTrue(Columns.of(new int[] {0xFFFF}, 1, 1, 0) instanceof int[]);
        assertTrue(Columns.of(new int[] {-2}, 1, 1, 0) instanceof int[]);
        // the wide run may hold up to 0xFFFE in the byte form, two bytes each
        int[] values = {-1, 0, 7, 300, 0xFFFE, 254};
        Object bytes = Columns.of(values, values.length, 3, 2);
        assertTrue(bytes instanceof byte[]);
        assertEquals(values.length + 2, Columns.length(bytes));
        for (int i = 0; i < 3; i++) assertEquals(values[i], Columns.get(bytes, i));
        assertEquals(300, Columns.getWide(bytes, 3, 0));
        assertEquals(0xFFFE, Columns.getWide(bytes, 3, 1));
        assertEquals(254, Columns.get(bytes, Columns.length(bytes) - 1));
        Object chars = Columns.of(values, values.length, 0, 2); // 300 outside the wide run: 16-bit
        assertTrue(chars instanceof char[]);
        assertEquals(300, Columns.getWide(chars, 3, 0));
    }

    /** Past the strings found by identity, the table finds repeats by value; every name comes back. */
    @Test
    void manyStringsRepeatedAsEqualCopies() {
        ImmutableList.Builder<Declaration> declarations = ImmutableList.builder();
        for (int i = 0; i < 300; i++) declarations.add(new Declaration(new String("n" + (i % 120)), Kind.VARIABLE, new Span(i, 0, 4), i % 2 == 0));
        ImmutableList<Declaration> all = declarations.build();
        FileSummary s = new FileSummary(Path.of("/w/a.ts"), null, all, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(),
                ImmutableMap.of(), 0);
        assertEquals(all, s.declarations());
        assertEquals(all.get(7), s.declaration("n7"));
        for (int i = 0; i < all.size(); i++) assertEquals(all.get(i).exported(), s.declarationExported(i));
    }

    @Test
    void wideColumnsAndWideStrings() { roundTrip(70_000, "\u03bb\u30c6"); }
}
