package dev.arenals.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reference {@link TsConfigPattern} is compared with: the regular expressions TypeScript's
 * {@code getRegularExpressionForWildcard} (utilities.ts) builds for a tsconfig's include ("files"
 * usage) and exclude patterns, written out as TypeScript writes them. An include path matches the
 * whole expression ({@code matches}); an exclude path matches from its start ({@code lookingAt}).
 */
final class TypeScriptWildcardRegex {
    private TypeScriptWildcardRegex() {}

    private static final String IMPLICIT_EXCLUDE = "(?!(node_modules|bower_components|jspm_packages)(/|$))";
    private static final String FILES_SINGLE_ASTERISK = "([^./]|(\\.(?!min\\.js$))?)*";
    private static final String FILES_DOUBLE_ASTERISK = "(/" + IMPLICIT_EXCLUDE + "[^/.][^/]*)*?";
    private static final String EXCLUDE_SINGLE_ASTERISK = "[^/]*";
    private static final String EXCLUDE_DOUBLE_ASTERISK = "(/.+?)?";

    /** TypeScript's getRegularExpressionForWildcard for "files" (include) or "exclude". */
    static Pattern regex(List<String> specs, List<String> bases, boolean excludeUsage) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            String sub = subPattern(specs.get(i), bases.get(i), excludeUsage);
            if (sub == null) continue;
            if (all.length() > 0) all.append('|');
            all.append('(').append(sub).append(')');
        }
        if (all.length() == 0) return null;
        return Pattern.compile("^(" + all + ")" + (excludeUsage ? "($|/)" : "$"));
    }

    /** TypeScript's getSubPatternFromSpec. */
    private static String subPattern(String spec, String base, boolean excludeUsage) {
        List<String> components = new ArrayList<>(TsConfig.components(spec, base));
        String last = components.get(components.size() - 1);
        if (!excludeUsage && last.equals("**")) return null; // TypeScript rejects include patterns ending in **
        if (TsConfigPattern.isImplicitGlob(last)) {
            components.add("**");
            components.add("*");
        }
        String single = excludeUsage ? EXCLUDE_SINGLE_ASTERISK : FILES_SINGLE_ASTERISK;
        String dbl = excludeUsage ? EXCLUDE_DOUBLE_ASTERISK : FILES_DOUBLE_ASTERISK;
        StringBuilder sb = new StringBuilder();
        boolean written = false;
        for (String component : components) {
            if (component.equals("**")) {
                sb.append(dbl);
            } else {
                if (written) sb.append('/');
                if (!excludeUsage) {
                    StringBuilder cp = new StringBuilder();
                    String rest = component;
                    if (rest.startsWith("*")) {
                        cp.append("([^./]").append(single).append(")?");
                        rest = rest.substring(1);
                    } else if (rest.startsWith("?")) {
                        cp.append("[^./]");
                        rest = rest.substring(1);
                    }
                    cp.append(escape(rest, single));
                    String componentPattern = cp.toString();
                    if (!componentPattern.equals(component)) sb.append(IMPLICIT_EXCLUDE);
                    sb.append(componentPattern);
                } else {
                    sb.append(escape(component, single));
                }
            }
            written = true;
        }
        return sb.toString();
    }

    /** A component's characters as a regular expression: '*' and '?' wildcards, the rest literal. */
    private static String escape(String s, String singleAsterisk) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*') sb.append(singleAsterisk);
            else if (c == '?') sb.append("[^/]");
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || Character.isWhitespace(c) || c > 0x7f) sb.append(c);
            else sb.append('\\').append(c);
        }
        return sb.toString();
    }
}
