package dev.arenals.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arenals.parser.tree.Arena;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser's per-token and per-operand helpers stay small enough for C1 to inline them. C1
 * compiles `check` and the editors (`-XX:TieredStopAtLevel=1`) and inlines by bytecode size alone:
 * at most C1MaxInlineSize (35) bytes into the method it compiles, and 90% of its parent's limit for
 * each level deeper (NestedInliningSizeRatio: 31 bytes one level down, 28 two levels down). One
 * byte over, and the helper is a call at every site: {@code ParseContext.next} was 37 bytes and a
 * call per token until the thirteenth session (docs/performance-comparison.md, "Thirteenth session").
 * A helper that grows past its budget fails here rather than silently in the benchmarks.
 */
class C1InliningBudgetTest {
    @ParameterizedTest(name = "{0}.{1} within {2} bytes")
    @CsvSource({
        // per token, called from the grammar methods themselves
        "dev.arenals.parser.ParseContext, next, 35",
        // reached through another inlined helper (eat, expect, parseAssignment)
        "dev.arenals.parser.ParseContext, enter, 31",
        "dev.arenals.parser.ParseContext, eat, 31",
        "dev.arenals.parser.ParseContext, expect, 31",
        "dev.arenals.parser.ParseContext, leaf, 31",
        "dev.arenals.parser.ParseContext, exit, 31",
        "dev.arenals.parser.ExpressionGrammar, parseAssignment, 35",
        "dev.arenals.parser.ExpressionGrammar, parseAssignmentCover, 31",
        "dev.arenals.parser.ExpressionGrammar, reportCoverInit, 31",
        "dev.arenals.parser.StatementGrammar, parseStatement, 31",
    })
    void hotHelperFitsC1sInliningLimit(String className, String method, int budget) throws IOException {
        Map<String, Integer> sizes = codeSizes(className);
        Integer size = sizes.get(method);
        if (size == null) fail(className + " has no method " + method + " (a single overload is expected): " + sizes.keySet());
        assertTrue(size <= budget, className + "." + method + " is " + size + " bytes of bytecode, over C1's " + budget
                + ": move its rare path into a method of its own");
    }

    /** Bytecode length of each method of the class, by name (-1 for a name with several overloads). */
    private static Map<String, Integer> codeSizes(String className) throws IOException {
        String resource = "/" + className.replace('.', '/') + ".class";
        try (InputStream raw = Arena.class.getResourceAsStream(resource)) {
            if (raw == null) throw new IOException("no class file " + resource);
            DataInputStream in = new DataInputStream(raw);
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int constants = in.readUnsignedShort();
            String[] utf8 = new String[constants];
            for (int i = 1; i < constants; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> { in.skipBytes(8); i++; } // longs and doubles take two entries
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    default -> throw new IOException("constant tag " + tag + " in " + resource);
                }
            }
            in.skipBytes(6); // access, this, super
            in.skipBytes(2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            Map<String, Integer> sizes = new HashMap<>();
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort(); // access
                String name = utf8[in.readUnsignedShort()];
                in.readUnsignedShort(); // descriptor
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code")) {
                        in.skipBytes(4); // max stack, max locals
                        int codeLength = in.readInt();
                        sizes.merge(name, codeLength, (x, y) -> -1);
                        in.skipBytes(length - 8);
                    } else {
                        in.skipBytes(length);
                    }
                }
            }
            return sizes;
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }
}
