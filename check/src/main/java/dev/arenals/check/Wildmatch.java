package dev.arenals.check;

/**
 * Glob matching with git's semantics (a port of the algorithm of git's {@code wildmatch.c} in
 * pathname mode), used for {@code .gitignore} patterns and for glob inputs:
 *
 * <ul>
 *   <li>{@code ?} matches one character except {@code /}; {@code *} any run of characters
 *       except {@code /};</li>
 *   <li>{@code **} between slashes (or at either end) matches any number of whole directories,
 *       zero included: {@code a/**}{@code /b} matches {@code a/b}, {@code a/x/b}, {@code a/x/y/b};
 *       a leading {@code **}{@code /} matches in every directory; a trailing {@code /**} matches
 *       everything below. Elsewhere {@code **} is an ordinary {@code *};</li>
 *   <li>{@code [abc]}, {@code [a-z]}, {@code [!a-z]} / {@code [^a-z]} and the POSIX classes
 *       {@code [[:alpha:]]} etc. match one character (never {@code /});</li>
 *   <li>a backslash makes the next character literal.</li>
 * </ul>
 *
 * Matching is case-sensitive and never allocates. The abort codes bound the work on patterns with
 * many stars, as in git.
 */
public final class Wildmatch {
    private static final int MATCH = 0;
    private static final int NOMATCH = 1;
    private static final int ABORT_ALL = -1;
    private static final int ABORT_TO_STARSTAR = -2;

    private Wildmatch() {}

    /** Whether {@code text} (a '/'-separated path) matches {@code pattern} as a whole. */
    public static boolean matches(String pattern, String text) {
        return dowild(pattern, 0, text, 0) == MATCH;
    }

    /** Whether {@code c} makes a pattern a glob ({@code * ? [}; {@code \} escapes). */
    public static boolean isGlobSpecial(char c) {
        return c == '*' || c == '?' || c == '[' || c == '\\';
    }

    private static int dowild(String p, int pi, String t, int ti) {
        final int pl = p.length();
        final int tl = t.length();
        for (; pi < pl; ti++, pi++) {
            char pch = p.charAt(pi);
            int tch = ti < tl ? t.charAt(ti) : -1;
            if (tch < 0 && pch != '*') return ABORT_ALL;
            switch (pch) {
                case '\\':
                    pi++;
                    if (pi >= pl || tch != p.charAt(pi)) return NOMATCH;
                    continue;
                default:
                    if (tch != pch) return NOMATCH;
                    continue;
                case '?':
                    if (tch == '/') return NOMATCH;
                    continue;
                case '*': {
                    boolean matchSlash = false;
                    int next = pi + 1;
                    if (next < pl && p.charAt(next) == '*') {
                        int prev = pi - 1;
                        while (next < pl && p.charAt(next) == '*') next++;
                        if ((prev < 0 || p.charAt(prev) == '/')
                                && (next >= pl || p.charAt(next) == '/'
                                    || (p.charAt(next) == '\\' && next + 1 < pl && p.charAt(next + 1) == '/'))) {
                            // "**/": first assume it matches no directory at all
                            if (next < pl && p.charAt(next) == '/' && dowild(p, next + 1, t, ti) == MATCH) return MATCH;
                            matchSlash = true;
                        }
                    }
                    if (next >= pl) {
                        // a trailing "**" matches everything, a trailing "*" only without further slashes
                        if (!matchSlash && ti < tl && t.indexOf('/', ti) >= 0) return NOMATCH;
                        return MATCH;
                    }
                    if (!matchSlash && p.charAt(next) == '/') {
                        // one star followed by a slash: it matches the rest of this path component
                        int slash = tch < 0 ? -1 : t.indexOf('/', ti);
                        if (slash < 0) return NOMATCH;
                        ti = slash;
                        pi = next; // the loop's increment consumes the slash in both
                        break;
                    }
                    pi = next;
                    while (tch >= 0) {
                        char pc = p.charAt(pi);
                        if (!isGlobSpecial(pc)) {
                            // skip ahead to the next occurrence of the literal that follows the star
                            while (ti < tl && (matchSlash || t.charAt(ti) != '/') && t.charAt(ti) != pc) ti++;
                            tch = ti < tl ? t.charAt(ti) : -1;
                            // not found: no later start of an enclosing star can find it either
                            // (git's fix for exponential matching)
                            if (tch != pc) return matchSlash ? ABORT_ALL : ABORT_TO_STARSTAR;
                        }
                        int m = dowild(p, pi, t, ti);
                        if (m != NOMATCH) {
                            if (!matchSlash || m != ABORT_TO_STARSTAR) return m;
                        } else if (!matchSlash && tch == '/') {
                            return ABORT_TO_STARSTAR;
                        }
                        ti++;
                        tch = ti < tl ? t.charAt(ti) : -1;
                    }
                    return ABORT_ALL;
                }
                case '[': {
                    pi++;
                    if (pi >= pl) return ABORT_ALL;
                    char c = p.charAt(pi);
                    boolean negated = c == '!' || c == '^';
                    if (negated) {
                        pi++;
                        if (pi >= pl) return ABORT_ALL;
                        c = p.charAt(pi);
                    }
                    int prevCh = -1;
                    boolean matched = false;
                    while (true) {
                        if (c == '\\') {
                            pi++;
                            if (pi >= pl) return ABORT_ALL;
                            c = p.charAt(pi);
                            if (tch == c) matched = true;
                        } else if (c == '-' && prevCh >= 0 && pi + 1 < pl && p.charAt(pi + 1) != ']') {
                            pi++;
                            c = p.charAt(pi);
                            if (c == '\\') {
                                pi++;
                                if (pi >= pl) return ABORT_ALL;
                                c = p.charAt(pi);
                            }
                            if (tch <= c && tch >= prevCh) matched = true;
                            c = 0; // so that prevCh becomes "none"
                        } else if (c == '[' && pi + 1 < pl && p.charAt(pi + 1) == ':') {
                            int bracket = p.indexOf(']', pi + 2);
                            if (bracket < 0) return ABORT_ALL;
                            int close = bracket - 1;
                            if (close < pi + 2 || p.charAt(close) != ':') {
                                // no ":]": an ordinary '[' in the set
                                if (tch == '[') matched = true;
                            } else {
                                String name = p.substring(pi + 2, close);
                                int r = posixClass(name, tch);
                                if (r < 0) return ABORT_ALL; // malformed class name
                                if (r > 0) matched = true;
                                pi = close + 1;
                                c = 0;
                            }
                        } else if (tch == c) {
                            matched = true;
                        }
                        prevCh = c == 0 ? -1 : c;
                        pi++;
                        if (pi >= pl) return ABORT_ALL;
                        c = p.charAt(pi);
                        if (c == ']') break;
                    }
                    if (matched == negated || tch == '/') return NOMATCH;
                    continue;
                }
            }
        }
        return ti < tl ? NOMATCH : MATCH;
    }

    /** 1 when {@code ch} is in the POSIX class, 0 when not, -1 for an unknown class name. */
    private static int posixClass(String name, int ch) {
        boolean in;
        switch (name) {
            case "alnum": in = isAsciiLetter(ch) || (ch >= '0' && ch <= '9'); break;
            case "alpha": in = isAsciiLetter(ch); break;
            case "blank": in = ch == ' ' || ch == '\t'; break;
            case "cntrl": in = ch >= 0 && (ch < 0x20 || ch == 0x7f); break;
            case "digit": in = ch >= '0' && ch <= '9'; break;
            case "graph": in = ch > 0x20 && ch < 0x7f; break;
            case "lower": in = ch >= 'a' && ch <= 'z'; break;
            case "print": in = ch >= 0x20 && ch < 0x7f; break;
            case "punct": in = ch > 0x20 && ch < 0x7f && !isAsciiLetter(ch) && !(ch >= '0' && ch <= '9'); break;
            case "space": in = ch == ' ' || (ch >= '\t' && ch <= '\r'); break;
            case "upper": in = ch >= 'A' && ch <= 'Z'; break;
            case "xdigit": in = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'); break;
            default: return -1;
        }
        return in ? 1 : 0;
    }

    private static boolean isAsciiLetter(int ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
}
