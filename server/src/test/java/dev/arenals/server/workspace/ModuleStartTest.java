package dev.arenals.server.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A module as a definition target is its first token, past what precedes code. */
class ModuleStartTest {
    private static String at(String text) {
        org.eclipse.lsp4j.Position p = ModuleStart.firstToken(text.toCharArray(), text.length());
        return p.getLine() + ":" + p.getCharacter();
    }

    @Test void pastHeadersAndBlankLines() {
        assertEquals("0:0", at("import a from 'a';"));
        assertEquals("3:0", at("/**\n * @since 2.0\n */\nimport * as Equal from './Equal';"));
        assertEquals("2:2", at("// licence\n\n  export {}"));
        assertEquals("1:8", at("\uFEFF/* a */\n/* b */ const x = 1;"));
        assertEquals("1:0", at("#!/usr/bin/env node\nmain();"));
        assertEquals("2:0", at("// a\r\n// b\r\nx"));
        assertEquals("0:5", at("/*\u2028*/x"), "U+2028 ends a JavaScript line, not an LSP one");
    }

    @Test void theStartWhenThereIsNothingElse() {
        assertEquals("0:0", at(""));
        assertEquals("0:0", at("// only a comment\n"));
        assertEquals("0:0", at("/* never closed"));
    }
}
