package dev.arenals.check.modules;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@link ImportChecks.AmbientModules} over a fixed list of {@code declare module} names: exact names and one-'*' patterns. */
public final class AmbientModuleNames implements ImportChecks.AmbientModules {
    private final Set<String> exact = new HashSet<>();
    private final Set<String> patterns = new HashSet<>();

    public AmbientModuleNames(Collection<String> names) {
        for (String n : names) {
            int star = n.indexOf('*');
            if (star < 0) exact.add(n);
            else if (n.indexOf('*', star + 1) < 0) patterns.add(n);
        }
    }

    public static AmbientModuleNames of(List<String> names) { return new AmbientModuleNames(names); }

    @Override public boolean declares(String specifier) {
        if (exact.contains(specifier)) return true;
        for (String p : patterns) {
            int star = p.indexOf('*');
            String prefix = p.substring(0, star), suffix = p.substring(star + 1);
            if (specifier.length() >= prefix.length() + suffix.length() && specifier.startsWith(prefix) && specifier.endsWith(suffix)) return true;
        }
        return false;
    }
}
