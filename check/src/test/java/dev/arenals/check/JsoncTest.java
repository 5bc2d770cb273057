package dev.arenals.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsoncTest {
    @Test
    void commentsAndTrailingCommas() throws Exception {
        Object v = Jsonc.parse("\uFEFF{\n  // line comment\n  \"a\": [1, 2, 3,], /* block\n comment */\n  \"b\": {\"c\": \"d\",},\n}\n");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1L, 2L, 3L), m.get("a"));
        assertEquals(Map.of("c", "d"), m.get("b"));
    }

    @Test
    void valuesAndEscapes() throws Exception {
        Map<?, ?> m = (Map<?, ?>) Jsonc.parse("{\"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\", \"n\": -1.5e2, \"i\": 42,"
                + " \"t\": true, \"f\": false, \"z\": null, \"e\": [], \"o\": {}}");
        assertEquals("q\"\\/\b\f\n\r\t\u00e9\ud83d\ude00", m.get("s"));
        assertEquals(-150.0, m.get("n"));
        assertEquals(42L, m.get("i"));
        assertEquals(true, m.get("t"));
        assertEquals(false, m.get("f"));
        assertSame(Jsonc.NULL, m.get("z"));
        assertEquals(List.of(), m.get("e"));
        assertEquals(Map.of(), m.get("o"));
        assertEquals("// not a comment", Jsonc.parse("\"// not a comment\""));
    }

    @Test
    void errorsCarryLineAndColumn() {
        Jsonc.JsoncException e = assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("{\n  \"a\": 1\n  \"b\": 2\n}"));
        assertEquals(3, e.line);
        assertEquals(3, e.column);
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("{\"a\": 1"));
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("{'a': 1}"));
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("[1,,2]"));
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("/* open"));
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse(""));
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("{} {}"));
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("01"));
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("\"tab\there\""));
        assertThrows(Jsonc.JsoncException.class, () -> Jsonc.parse("[".repeat(10_000)));
    }
}
