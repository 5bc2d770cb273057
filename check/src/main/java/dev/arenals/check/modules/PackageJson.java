package dev.arenals.check.modules;

import dev.arenals.check.Jsonc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a {@code package.json} that module resolution reads: {@code name}, {@code type},
 * {@code typings}/{@code types}/{@code main}, {@code exports} and {@code imports} (kept as parsed
 * JSON: maps, lists, strings), and the {@code typesVersions} entry that applies to TypeScript 6.0.
 */
public final class PackageJson {
    /** The TypeScript version typesVersions and {@code types@range} conditions are matched against. */
    static final int[] TYPESCRIPT_VERSION = {6, 0, 3};

    final Path directory;
    final String name;
    final String type;
    final String typings, types, main;
    /** Whether the key "exports" is present at all (even null): a nested package.json is then ignored. */
    final boolean hasExportsKey;
    /** "exports" absent or null: an ESM import of the bare package then still finds index.js. */
    final boolean exportsMissingOrNull;
    /** The exports value when it is truthy (not null, "", false or 0), else null. */
    final Object exports;
    final Object imports;
    /** The paths of the first typesVersions entry whose range holds TypeScript 6.0; null when none. */
    final Map<String, List<String>> versionPaths;

    private PackageJson(Path directory, Map<?, ?> json) {
        this.directory = directory;
        this.name = string(json.get("name"));
        this.type = string(json.get("type"));
        this.typings = string(json.get("typings"));
        this.types = string(json.get("types"));
        this.main = string(json.get("main"));
        this.hasExportsKey = json.containsKey("exports");
        this.exportsMissingOrNull = !hasExportsKey || json.get("exports") == Jsonc.NULL;
        this.exports = truthy(json.get("exports"));
        this.imports = truthy(json.get("imports"));
        this.versionPaths = versionPaths(json.get("typesVersions"));
    }

    /** Parses the text of {@code directory/package.json}; null when it is not a JSON object. */
    public static PackageJson parse(Path directory, String text) {
        Object json;
        try {
            json = Jsonc.parse(text);
        } catch (Jsonc.JsoncException | RuntimeException e) {
            return null;
        }
        return json instanceof Map ? new PackageJson(directory, (Map<?, ?>) json) : null;
    }

    public Path directory() { return directory; }
    public String name() { return name; }
    public boolean isModuleType() { return "module".equals(type); }

    private static String string(Object o) { return o instanceof String ? (String) o : null; }

    private static Object truthy(Object o) {
        if (o == null || o == Jsonc.NULL || Boolean.FALSE.equals(o) || "".equals(o)) return null;
        if (o instanceof Number && ((Number) o).doubleValue() == 0) return null;
        return o;
    }

    private static Map<String, List<String>> versionPaths(Object typesVersions) {
        if (!(typesVersions instanceof Map)) return null;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) typesVersions).entrySet()) {
            String range = (String) e.getKey();
            if (!range.equals("*") && !rangeHolds(range, TYPESCRIPT_VERSION)) continue;
            if (!(e.getValue() instanceof Map)) return null;
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> p : ((Map<?, ?>) e.getValue()).entrySet()) {
                if (!(p.getValue() instanceof List)) continue;
                List<String> substitutions = new ArrayList<>();
                for (Object o : (List<?>) p.getValue()) if (o instanceof String) substitutions.add((String) o);
                out.put((String) p.getKey(), Collections.unmodifiableList(substitutions));
            }
            return Collections.unmodifiableMap(out);
        }
        return null;
    }

    /**
     * Whether a semver range ("&gt;=4.2", "&lt;=5.6", "5.x", "&gt;=4 &lt;6", "a || b") holds the
     * version; a partial version stands for its whole span ("&lt;=5.6" is "&lt;5.7.0"). An
     * unreadable range holds nothing.
     */
    static boolean rangeHolds(String range, int[] version) {
        for (String alternative : range.split("\\|\\|")) {
            String alt = alternative.trim();
            if (alt.isEmpty() || alt.equals("*")) return true;
            boolean all = true, valid = true;
            for (String comparator : alt.split("\\s+")) {
                int op = 0;
                while (op < comparator.length() && "<>=".indexOf(comparator.charAt(op)) >= 0) op++;
                String operator = comparator.substring(0, op);
                int[] parts = new int[3];
                int given = partial(comparator.substring(op), parts);
                if (given < 0) { valid = false; break; }
                if (!compare(operator, parts, given, version)) all = false;
            }
            if (valid && all) return true;
        }
        return false;
    }

    /** Reads "1", "1.2", "1.2.3", "1.x" into parts; the number of components given (an x ends them); -1 when unreadable. */
    private static int partial(String text, int[] parts) {
        String t = text.startsWith("v") ? text.substring(1) : text;
        int dash = t.indexOf('-');
        if (dash >= 0) t = t.substring(0, dash);
        String[] pieces = t.split("\\.", -1);
        if (pieces.length == 0 || pieces.length > 3) return -1;
        int n = 0;
        for (String p : pieces) {
            if (p.equals("x") || p.equals("X") || p.equals("*")) break;
            if (p.isEmpty()) return -1;
            for (int i = 0; i < p.length(); i++) if (p.charAt(i) < '0' || p.charAt(i) > '9') return -1;
            if (p.length() > 9) return -1;
            parts[n++] = Integer.parseInt(p);
        }
        return n;
    }

    private static boolean compare(String operator, int[] parts, int given, int[] v) {
        // the span [low, high) that the partial version covers
        int[] low = {given > 0 ? parts[0] : 0, given > 1 ? parts[1] : 0, given > 2 ? parts[2] : 0};
        int[] high = low.clone();
        if (given == 0) high = new int[] {Integer.MAX_VALUE, 0, 0};
        else if (given < 3) { high[given - 1]++; }
        else high[2]++;
        switch (operator) {
            case "": case "=": return cmp(v, low) >= 0 && cmp(v, high) < 0;
            case ">=": return cmp(v, low) >= 0;
            case ">": return cmp(v, high) >= 0;
            case "<": return cmp(v, low) < 0;
            case "<=": return cmp(v, high) < 0;
            default: return false;
        }
    }

    private static int cmp(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        return 0;
    }
}
