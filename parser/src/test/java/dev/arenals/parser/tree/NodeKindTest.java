package dev.arenals.parser.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NodeKind's names table against its constants: every kind named after its constant, no name or value twice. */
class NodeKindTest {

    /** The constants that are data-word values or bounds, not kinds (their prefixes are NodeKind's convention). */
    private static boolean isDataValueOrBound(String field) {
        return field.equals("COUNT") || field.equals("TYPE_FIRST") || field.equals("TYPE_LAST") || field.equals("UPDATE_PREFIX")
                || field.matches("(VAR|F|P|C|M|MOD|TP|MAP|OPT)_.*");
    }

    @Test
    void everyKindConstantHasItsOwnNameAndNoNameIsUsedTwice() throws Exception {
        Map<Integer, String> kindsByValue = new HashMap<>();
        for (Field f : NodeKind.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() != int.class || !Modifier.isPublic(m) || !Modifier.isStatic(m) || isDataValueOrBound(f.getName())) continue;
            int kind = f.getInt(null);
            assertTrue(kind > 0 && kind < NodeKind.COUNT, f.getName() + " = " + kind + " is outside (0, COUNT)");
            String before = kindsByValue.put(kind, f.getName());
            assertEquals(null, before, "two kinds with the value " + kind + ": " + before + ", " + f.getName());
            assertEquals(f.getName(), NodeKind.name(kind));
            assertTrue(NodeKind.isKnown(kind));
        }
        assertTrue(kindsByValue.size() > 100, "the constants were found: " + kindsByValue.size());
        Map<String, Integer> valuesByName = new HashMap<>();
        for (int k = 0; k < NodeKind.COUNT; k++) {
            if (!NodeKind.isKnown(k)) {
                assertEquals("KIND_" + k, NodeKind.name(k));
                continue;
            }
            Integer before = valuesByName.put(NodeKind.name(k), k);
            assertEquals(null, before, NodeKind.name(k) + " names both " + before + " and " + k);
            assertEquals(NodeKind.name(k), kindsByValue.get(k), "the table names kind " + k + " but no constant has that value");
        }
        assertFalse(NodeKind.isKnown(0));
        assertFalse(NodeKind.isKnown(NodeKind.COUNT));
        assertFalse(NodeKind.isKnown(-1));
        assertEquals("KIND_-1", NodeKind.name(-1));
    }
}
