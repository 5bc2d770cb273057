package dev.arenals.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.document.PositionEncoding;
import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.Summarizer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Whether an open file's new summary exports what its last one did (if not, its importers are
 * checked again): compared in order first, then as sets, so an edit that moves exports around or
 * changes only positions is "the same", and one that adds, removes or renames an export is not.
 */
class SameExportNamesTest {
    private static FileSummary summarize(String text) {
        Arena arena = new Arena();
        char[] chars = text.toCharArray();
        new JsParser().parse(arena, chars, chars.length, ParseOptions.forFileName("a.ts"));
        Path path = Path.of("/w", "a.ts");
        return Summarizer.summarize(path, path.toUri().toString(), arena, chars, LineStarts.of(chars, chars.length, LineStarts.Terminators.LSP),
                PositionEncoding.UTF16);
    }

    private static boolean same(String a, String b) { return ArenaLanguageServer.sameExportNames(summarize(a), summarize(b)); }

    @Test
    void samePlacesSameNames() {
        assertEquals(true, same("export const a = 1;\nexport function f() {}\n", "export const a = 1;\n\n  export function f() { return 2; }\n"));
    }

    @Test
    void movedExportsAreTheSameNames() {
        assertEquals(true, same("export const a = 1;\nexport function f() {}\n", "export function f() {}\nexport const a = 1;\n"));
        assertEquals(true, same("export * from \"./x\";\nexport const a = 1;\n", "export const a = 1;\nexport * from \"./x\";\n"));
    }

    @Test
    void anExportAddedRemovedOrRenamedIsNot() {
        assertEquals(false, same("export const a = 1;\n", "export const a = 1, b = 2;\n"));
        assertEquals(false, same("export const a = 1, b = 2;\n", "export const a = 1;\n"));
        assertEquals(false, same("export const a = 1;\n", "export const b = 1;\n"));
        assertEquals(false, same("export * from \"./x\";\n", "export * from \"./y\";\n"));
        assertEquals(false, same("const a = 1;\nexport { a };\n", "const a = 1;\nexport { a as b };\n"));
    }
}
