package dev.arenals.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The patterns of one {@code .gitignore} file, matched with git's rules (see gitignore(5)):
 *
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are ignored; {@code \#} and {@code \!} start
 *       a pattern with a literal {@code #} or {@code !}; trailing spaces are dropped unless escaped
 *       with a backslash;</li>
 *   <li>a leading {@code !} negates: a path it matches is included again (but never inside a
 *       directory that is itself ignored: the walk does not enter it);</li>
 *   <li>a trailing {@code /} matches directories only;</li>
 *   <li>a pattern with a {@code /} at its start or in its middle is anchored: it matches the path
 *       relative to the directory of the {@code .gitignore}; otherwise it matches the name of a file
 *       or directory at any depth below it;</li>
 *   <li>{@code *}, {@code ?}, {@code [...]} and {@code **} as in {@link Wildmatch};</li>
 *   <li>within one file the last matching pattern decides; a {@code .gitignore} deeper in the tree
 *       takes precedence over those above it (the walker asks the deepest first).</li>
 * </ul>
 */
public final class GitIgnore {
    private static final class Rule {
        final String pattern;
        final boolean negated;
        final boolean dirOnly;
        final boolean anchored;

        Rule(String pattern, boolean negated, boolean dirOnly, boolean anchored) {
            this.pattern = pattern;
            this.negated = negated;
            this.dirOnly = dirOnly;
            this.anchored = anchored;
        }
    }

    private final Rule[] rules;

    private GitIgnore(Rule[] rules) {
        this.rules = rules;
    }

    /** Parses the text of a .gitignore file. */
    public static GitIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        int start = 0;
        int n = text.length();
        if (text.startsWith("\uFEFF")) start = 1;
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = n;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            Rule r = parseLine(line);
            if (r != null) rules.add(r);
            start = end + 1;
        }
        return new GitIgnore(rules.toArray(new Rule[0]));
    }

    private static Rule parseLine(String line) {
        if (line.isEmpty() || line.charAt(0) == '#') return null;
        line = trimTrailingSpaces(line);
        boolean negated = false;
        if (line.startsWith("!")) {
            negated = true;
            line = line.substring(1);
        }
        boolean dirOnly = false;
        if (line.endsWith("/") && !line.endsWith("\\/")) {
            dirOnly = true;
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) return null;
        boolean anchored = line.indexOf('/') >= 0;
        if (line.startsWith("/")) line = line.substring(1);
        if (line.isEmpty()) return null;
        return new Rule(line, negated, dirOnly, anchored);
    }

    /** git's trim_trailing_spaces: drop a run of trailing spaces that is not escaped. */
    private static String trimTrailingSpaces(String s) {
        int lastSpace = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (lastSpace < 0) lastSpace = i;
            } else if (c == '\\') {
                i++;
                if (i >= s.length()) return s;
                lastSpace = -1;
            } else {
                lastSpace = -1;
            }
        }
        return lastSpace >= 0 ? s.substring(0, lastSpace) : s;
    }

    /** True when the file has no pattern at all. */
    public boolean isEmpty() {
        return rules.length == 0;
    }

    /**
     * The verdict of this file for a path relative to its directory ('/'-separated, no leading
     * slash): {@code TRUE} ignored, {@code FALSE} explicitly included again by a negated pattern,
     * {@code null} when no pattern matches.
     */
    public Boolean match(String relPath, boolean isDir) {
        String name = null;
        for (int i = rules.length - 1; i >= 0; i--) {
            Rule r = rules[i];
            if (r.dirOnly && !isDir) continue;
            boolean m;
            if (r.anchored) {
                m = Wildmatch.matches(r.pattern, relPath);
            } else {
                if (name == null) name = relPath.substring(relPath.lastIndexOf('/') + 1);
                m = Wildmatch.matches(r.pattern, name);
            }
            if (m) return r.negated ? Boolean.FALSE : Boolean.TRUE;
        }
        return null;
    }
}
