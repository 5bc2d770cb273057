package dev.arenals.server.bench;

/**
 * Writes the generated project of {@link IndexingHarness} ({@code --generate N}) into a new temporary
 * directory and prints its path, for the whole-process comparisons that need the same tree outside
 * the JVM ({@code benchmarks/peer/check-vs-oxlint.mjs}):
 *
 * <pre>
 * java -cp server/target/arena-ls.jar dev.arenals.server.bench.WriteGeneratedProject 20000
 * </pre>
 */
public final class WriteGeneratedProject {
    private WriteGeneratedProject() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: WriteGeneratedProject FILES");
            System.exit(2);
        }
        System.out.println(IndexingHarness.generate(Integer.parseInt(args[0])));
    }
}
