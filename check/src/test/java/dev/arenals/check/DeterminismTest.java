package dev.arenals.check;

import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report is the same byte for byte whatever the thread count. */
class DeterminismTest {
    @TempDir Path dir;

    @Test
    void oneTwoAndFourThreadsWriteTheSameReports() {
        Random random = new Random(42);
        String[] snippets = {
            "export function f(a, b) { return a + b; }\n",
            "const x = { a: 1, b: [1, 2, 3] };\n",
            "let broken = (1 + ;\n",
            "class C { m() { return this.#p; } }\n",
            "interface I { a: string }\nexport type T = I | null;\n",
            "if (x { y(); }\n",
            "const el = <div className=\"a\">{x}</div>;\n",
        };
        String[] exts = {"js", "ts", "tsx", "jsx", "mjs", "cts"};
        for (int i = 0; i < 160; i++) {
            StringBuilder sb = new StringBuilder();
            int lines = 1 + random.nextInt(i % 10 == 0 ? 400 : 20);
            for (int k = 0; k < lines; k++) sb.append(snippets[random.nextInt(snippets.length)]);
            write(dir, "d" + (i % 7) + "/s" + (i % 3) + "/f" + i + "." + exts[i % exts.length], sb.toString());
        }
        write(dir, "z/binary.js", new byte[] {1, 0, 2});
        for (String format : new String[] {"stylish", "tsc", "json", "sarif", "github", "junit"}) {
            Cli.Result one = Cli.run(dir, "--format", format, "--threads", "1");
            Cli.Result two = Cli.run(dir, "--format", format, "--threads", "2");
            Cli.Result four = Cli.run(dir, "--format", format, "-j", "4");
            assertEquals(1, one.exit(), one::toString);
            assertTrue(one.out().length() > 1000, format);
            assertEquals(one.out(), two.out(), format + ": 1 vs 2 threads");
            assertEquals(one.out(), four.out(), format + ": 1 vs 4 threads");
            assertEquals(one.exit(), two.exit());
        }
    }
}
