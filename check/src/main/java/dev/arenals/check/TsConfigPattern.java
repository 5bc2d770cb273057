package dev.arenals.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code include} or {@code exclude} patterns of a tsconfig.json, matched against absolute
 * '/'-separated paths with the semantics of the regular expressions TypeScript's
 * {@code getRegularExpressionForWildcard} builds (TsConfigPatternTest compares the two on
 * generated patterns and paths).
 *
 * <p>Matched by hand rather than through {@code java.util.regex}: compiling those expressions
 * links lambdas inside the JDK's regex engine, and a short {@code check} process paid ~30 ms of
 * method-handle set-up for it before the first file was checked.
 *
 * <p>Each pattern (one per spec) is a sequence of tokens; a path matches when one of the patterns
 * matches it whole ({@code include}), or matches it up to the end or to a '/' ({@code exclude}:
 * a matched directory excludes its subtree). Line terminators keep their regular-expression
 * meaning (Linux allows them in file names): {@code $} also matches before one that ends the path,
 * and exclude's "**" does not cross one (it is {@code .+?} there).
 */
final class TsConfigPattern {
    // tokens
    /** The literal text of the token. */
    private static final byte LITERAL = 0;
    /** Not at a component that is exactly node_modules, bower_components or jspm_packages (TypeScript's implicit exclude). */
    private static final byte NOT_PACKAGE_FOLDER = 1;
    /** include's leading '*': nothing, or a character other than '.' and '/' followed by {@link #STAR}. */
    private static final byte LEADING_STAR = 2;
    /** include's leading '?': one character other than '.' and '/'. */
    private static final byte LEADING_QUESTION = 3;
    /** include's '*': characters other than '/', none a '.' that starts ".min.js" at the end of the path. */
    private static final byte STAR = 4;
    /** '?': one character other than '/'. */
    private static final byte QUESTION = 5;
    /** include's "**": any number of components, none starting with '.' nor a package folder. */
    private static final byte DOUBLE_STAR = 6;
    /** exclude's '*': characters other than '/'. */
    private static final byte EXCLUDE_STAR = 7;
    /** exclude's "**": nothing, or '/' and at least one more character. */
    private static final byte EXCLUDE_DOUBLE_STAR = 8;

    private static final String[] PACKAGE_FOLDERS = {"node_modules", "bower_components", "jspm_packages"};
    private static final String MIN_JS = "min.js";

    private final boolean exclude;
    private final byte[][] kinds;
    private final String[][] literals;

    private TsConfigPattern(boolean exclude, List<byte[]> kinds, List<String[]> literals) {
        this.exclude = exclude;
        this.kinds = kinds.toArray(new byte[0][]);
        this.literals = literals.toArray(new String[0][]);
    }

    /**
     * The patterns of a setting, each given as the components of its absolute path (the first the
     * root: "" on Unix). Null when no pattern remains (include patterns ending in "**" are left
     * out, as TypeScript does).
     */
    static TsConfigPattern compile(List<List<String>> specs, boolean excludeUsage) {
        List<byte[]> kinds = new ArrayList<>();
        List<String[]> literals = new ArrayList<>();
        for (List<String> spec : specs) {
            List<String> components = new ArrayList<>(spec);
            String last = components.get(components.size() - 1);
            if (!excludeUsage && last.equals("**")) continue;
            if (isImplicitGlob(last)) {
                components.add("**");
                components.add("*");
            }
            Builder b = new Builder();
            boolean written = false;
            for (String component : components) {
                if (component.equals("**")) {
                    b.add(excludeUsage ? EXCLUDE_DOUBLE_STAR : DOUBLE_STAR, null);
                } else {
                    if (written) b.literal("/");
                    if (excludeUsage) {
                        b.component(component, 0, EXCLUDE_STAR);
                    } else {
                        if (changedByEscaping(component)) b.add(NOT_PACKAGE_FOLDER, null);
                        int from = 0;
                        if (component.startsWith("*")) {
                            b.add(LEADING_STAR, null);
                            from = 1;
                        } else if (component.startsWith("?")) {
                            b.add(LEADING_QUESTION, null);
                            from = 1;
                        }
                        b.component(component, from, STAR);
                    }
                }
                written = true;
            }
            kinds.add(b.kinds());
            literals.add(b.literals.toArray(new String[0]));
        }
        return kinds.isEmpty() ? null : new TsConfigPattern(excludeUsage, kinds, literals);
    }

    /** include: the whole path matches a pattern; exclude: the path or one of its directories does. */
    boolean matches(String path) {
        for (int i = 0; i < kinds.length; i++) {
            if (match(path, kinds[i], literals[i], 0, 0)) return true;
        }
        return false;
    }

    /** Whether tokens [t, end) match path[pos, end) (include) or path[pos, k) with k the end or at a '/' (exclude). */
    private boolean match(String p, byte[] kind, String[] literal, int t, int pos) {
        int n = p.length();
        // the tokens that match one way are followed in this loop; a choice recurses (patterns have tens of tokens)
        while (t < kind.length) {
            switch (kind[t]) {
                case LITERAL:
                    if (!p.startsWith(literal[t], pos)) return false;
                    pos += literal[t].length();
                    t++;
                    break;
                case NOT_PACKAGE_FOLDER:
                    if (isPackageFolderAt(p, pos)) return false;
                    t++;
                    break;
                case LEADING_QUESTION:
                    if (pos >= n || p.charAt(pos) == '.' || p.charAt(pos) == '/') return false;
                    pos++;
                    t++;
                    break;
                case QUESTION:
                    if (pos >= n || p.charAt(pos) == '/') return false;
                    pos++;
                    t++;
                    break;
                case LEADING_STAR:
                    if (match(p, kind, literal, t + 1, pos)) return true; // nothing
                    if (pos >= n || p.charAt(pos) == '.' || p.charAt(pos) == '/') return false;
                    return matchStar(p, kind, literal, t + 1, pos + 1);
                case STAR:
                    return matchStar(p, kind, literal, t + 1, pos);
                case EXCLUDE_STAR: {
                    int e = pos;
                    while (e < n && p.charAt(e) != '/') e++;
                    for (int q = pos; q <= e; q++) if (match(p, kind, literal, t + 1, q)) return true;
                    return false;
                }
                case EXCLUDE_DOUBLE_STAR:
                    if (match(p, kind, literal, t + 1, pos)) return true;
                    if (pos >= n || p.charAt(pos) != '/') return false;
                    for (int q = pos + 1; q < n && !isLineTerminator(p.charAt(q)); q++) {
                        if (match(p, kind, literal, t + 1, q + 1)) return true;
                    }
                    return false;
                case DOUBLE_STAR: {
                    // components "/name" one after another: the rest may follow after any whole
                    // number of them, or inside the last one after its first character
                    if (match(p, kind, literal, t + 1, pos)) return true;
                    int at = pos;
                    while (at < n && p.charAt(at) == '/') {
                        int s = at + 1;
                        if (s >= n || p.charAt(s) == '.' || p.charAt(s) == '/' || isPackageFolderAt(p, s)) return false;
                        int e = s + 1;
                        while (e < n && p.charAt(e) != '/') e++;
                        for (int q = s + 1; q < e; q++) if (match(p, kind, literal, t + 1, q)) return true;
                        if (match(p, kind, literal, t + 1, e)) return true;
                        at = e;
                    }
                    return false;
                }
                default:
                    throw new IllegalStateException("token " + kind[t]);
            }
        }
        return exclude ? isEnd(p, pos) || p.charAt(pos) == '/' : pos == n;
    }

    /** include's '*' from pos: try each end it can reach, then the tokens from t. */
    private boolean matchStar(String p, byte[] kind, String[] literal, int t, int pos) {
        int n = p.length();
        int e = pos;
        while (e < n) {
            char c = p.charAt(e);
            if (c == '/') break;
            if (c == '.' && p.startsWith(MIN_JS, e + 1) && isEnd(p, e + 1 + MIN_JS.length())) break;
            e++;
        }
        for (int q = pos; q <= e; q++) if (match(p, kind, literal, t, q)) return true;
        return false;
    }

    /** The component starting at s is exactly one of the package folders (followed by '/' or the end). */
    private static boolean isPackageFolderAt(String p, int s) {
        for (String f : PACKAGE_FOLDERS) {
            if (p.startsWith(f, s)) {
                int e = s + f.length();
                if (isEnd(p, e) || p.charAt(e) == '/') return true;
            }
        }
        return false;
    }

    /** Where a regular expression's {@code $} matches: the end, or before a line terminator that ends the path. */
    private static boolean isEnd(String p, int i) {
        int n = p.length();
        if (i == n) return true;
        if (i == n - 1) return isLineTerminator(p.charAt(i)) && !(p.charAt(i) == '\n' && i > 0 && p.charAt(i - 1) == '\r');
        return i == n - 2 && p.charAt(i) == '\r' && p.charAt(i + 1) == '\n';
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** A last component with no '.', '*' or '?' names a directory. */
    static boolean isImplicitGlob(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '.' || c == '*' || c == '?') return false;
        }
        return true;
    }

    /**
     * Whether TypeScript's pattern for the component differs from its text (it then prefixes the
     * implicit exclude of package folders): a wildcard, or a character its escaping changes.
     */
    private static boolean changedByEscaping(String component) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '*' || c == '?' || !isLiteralAsIs(c)) return true;
        }
        return false;
    }

    /** The characters TypeScript's escaping leaves alone. */
    private static boolean isLiteralAsIs(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || Character.isWhitespace(c) || c > 0x7f;
    }

    private static final class Builder {
        private byte[] kinds = new byte[8];
        private int size;
        final List<String> literals = new ArrayList<>();

        void add(byte kind, String literal) {
            if (size == kinds.length) kinds = java.util.Arrays.copyOf(kinds, size * 2);
            kinds[size++] = kind;
            literals.add(literal);
        }

        /** Appends to the literal before, if the last token is one. */
        void literal(String s) {
            if (size > 0 && kinds[size - 1] == LITERAL) {
                literals.set(size - 1, literals.get(size - 1) + s);
            } else {
                add(LITERAL, s);
            }
        }

        /** The component's characters from {@code from}: '*' as {@code star}, '?' as {@link #QUESTION}, the rest literal. */
        void component(String component, int from, byte star) {
            for (int i = from; i < component.length(); i++) {
                char c = component.charAt(i);
                if (c == '*') add(star, null);
                else if (c == '?') add(QUESTION, null);
                else literal(String.valueOf(c));
            }
        }

        byte[] kinds() {
            return java.util.Arrays.copyOf(kinds, size);
        }
    }
}
