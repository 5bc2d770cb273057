package dev.arenals.check;

import static dev.arenals.check.Cli.jsonSources;
import static dev.arenals.check.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardTest {
    @TempDir Path dir;

    @BeforeEach
    void tree() {
        for (int i = 0; i < 47; i++) {
            String ext = new String[] {"js", "ts", "tsx", "mjs", "jsx"}[i % 5];
            String body = i % 7 == 0 ? "let x = (;\n" : "export const v" + i + " = " + i + ";\n";
            write(dir, "pkg" + (i % 4) + "/dir" + (i % 3) + "/file" + i + "." + ext, body);
        }
        write(dir, "unreadable-dir-name.js", new byte[] {0, 1, 2}); // a binary file takes part too
    }

    @Test
    void shardsCoverEveryFileExactlyOnce() {
        Cli.Result full = Cli.run(dir, "--format", "json");
        List<String> all = jsonSources(full.out());
        assertEquals(48, all.size());
        for (int n : new int[] {1, 2, 3, 5, 48, 60}) {
            List<String> union = new ArrayList<>();
            int errors = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int i = 1; i <= n; i++) {
                Cli.Result r = Cli.run(dir, "--format", "json", "--shard", i + "/" + n);
                List<String> mine = jsonSources(r.out());
                union.addAll(mine);
                min = Math.min(min, mine.size());
                max = Math.max(max, mine.size());
                errors += mine.isEmpty() ? 0 : r.exit() == 1 ? 1 : 0;
                assertTrue(r.exit() == 0 || r.exit() == 1, r::toString);
                assertTrue(r.err().contains("(shard " + i + "/" + n + " of 48)"), r.err());
            }
            Set<String> distinct = new HashSet<>(union);
            assertEquals(union.size(), distinct.size(), "no file in two shards, n=" + n);
            assertEquals(new HashSet<>(all), distinct, "every file in a shard, n=" + n);
            assertTrue(max - min <= 1, "balanced: " + min + ".." + max);
            assertTrue(errors >= 1);
        }
    }

    @Test
    void theSameShardIsTheSameFilesEveryTime() {
        String a = Cli.run(dir, "--format", "json", "--shard", "2/3", "--threads", "1").out();
        String b = Cli.run(dir, "--format", "json", "--shard=2/3", "--threads", "2").out();
        assertEquals(a, b);
    }
}
