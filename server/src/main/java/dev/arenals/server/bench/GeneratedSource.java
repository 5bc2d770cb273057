package dev.arenals.server.bench;

/** Deterministic, realistic-looking JavaScript modules of a given number of lines. */
public final class GeneratedSource {
    private GeneratedSource() {}

    private static final String UNIT = String.join("\n",
            "/**",
            " * Computes item %1$d.",
            " * @param {number} a the first value",
            " * @returns {string} a label",
            " */",
            "export function compute%1$d(a, b = %1$d) {",
            "  const values = [a, b, %1$d, 0x%1$x];",
            "  let total = 0;",
            "  for (const v of values) {",
            "    if (v > 10) { total += v * 2; } else { total -= v; }",
            "  }",
            "  return `${total}:${'é' + \"item\"}`;",
            "}",
            "class Widget%1$d extends Base {",
            "  #state = { id: %1$d, name: 'w%1$d' };",
            "  get id() { return this.#state.id; }",
            "  render(opts) { return opts?.x ?? this.id + compute%1$d(1); }",
            "}",
            "const config%1$d = { port: %1$d, retry: () => compute%1$d(2), nested: { deep: [1, 2, 3] } };",
            "// a line comment for unit %1$d",
            "");
    /** Lines per unit. */
    public static final int UNIT_LINES = 20;

    /** Prints {@code module(LINES)} (default 10,000), for tools that feed the same input to other servers. */
    public static void main(String[] args) {
        System.out.print(module(args.length > 0 ? Integer.parseInt(args[0]) : 10_000));
    }

    /** About {@code lines} lines (rounded up to whole units) of valid module code. */
    public static String module(int lines) {
        int units = Math.max(1, (lines + UNIT_LINES - 1) / UNIT_LINES);
        StringBuilder sb = new StringBuilder(units * 700);
        sb.append("import { Base } from './base.js';\n");
        for (int i = 0; i < units; i++) sb.append(String.format(UNIT, i));
        return sb.toString();
    }
}
