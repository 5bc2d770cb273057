package dev.arenals.server.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The parameter texts' readings and the JSDoc kept for a signature. */
class CallablesTest {
    @Test
    void parameterNamesRestAndOptional() {
        assertEquals("a", Callables.parameterName("a?: number"));
        assertEquals("rest", Callables.parameterName("...rest: string[]"));
        assertEquals("x", Callables.parameterName("private readonly x: number"));
        assertEquals("", Callables.parameterName("{ a, b }: Options"));
        assertTrue(Callables.isOptional("a?: number"));
        assertTrue(Callables.isOptional("b = 2"));
        assertFalse(Callables.isOptional("f: (x: number) => void"));
        assertFalse(Callables.isOptional("o: { a: number }"));
        assertTrue(Callables.isRest("...xs"));
    }

    @Test
    void parameterTypesAsWritten() {
        assertEquals("ProcessParams", Callables.parameterType("_params: ProcessParams = { path: [], schemaPath: [] }"));
        assertEquals("number", Callables.parameterType("a?: number"));
        assertEquals("(x: number) => void", Callables.parameterType("f: (x: number) => void"));
        assertEquals("Map<string, (a: A) => B>", Callables.parameterType("m: Map<string, (a: A) => B> = new Map()"));
        assertEquals(null, Callables.parameterType("b = 2"));
        // a pattern's type (a component's props: function Button({ label }: ButtonProps))
        assertEquals("Options", Callables.parameterType("{ a, b }: Options"));
        assertEquals("Options", Callables.parameterType("{ a = \"}\", b: { c } }?: Options = {}"));
        assertEquals("Pair", Callables.parameterType("[x, y]: Pair"));
        assertEquals(null, Callables.parameterType("{ a, b }"));
    }

    @Test
    void theKeptJsDocStopsBeforeTheFirstExample() {
        String doc = "/**\n * Adds.\n * @param a first\n * @example\n * add(1, 2)\n */";
        assertEquals("/**\n * Adds.\n * @param a first\n */", Callables.clipDoc(doc));
        assertEquals("/** Short. */", Callables.clipDoc("/** Short. */"));
        String long_ = "/** " + "x".repeat(5000) + " */";
        assertEquals(Callables.MAX_JSDOC + "\n */".length(), Callables.clipDoc(long_).length());
    }
}
