package dev.arenals.server.features;

import dev.arenals.server.workspace.FileSummary;
import dev.arenals.server.workspace.FileSummary.Declaration;
import dev.arenals.server.workspace.WorkspaceIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code workspace/symbol}: the top-level declarations of every known file whose name matches the
 * query, best first: exact (ignoring case), prefix, camel-case humps ({@code gUN}, {@code gun} or
 * {@code userN} for {@code getUserName}), then substring; within a rank exported before local, shorter names
 * first. Answers from the index as it is, during indexing too. At most {@link #LIMIT} results.
 */
public final class WorkspaceSymbolHandler {
    public static final int LIMIT = 256;
    static final int EXACT = 4, PREFIX = 3, HUMPS = 2, SUBSTRING = 1, NONE = 0;

    /** A candidate: its name and exported flag read from the summary; the declaration is made for those answered. */
    private record Match(int rank, String name, boolean exported, WorkspaceIndex.DeclarationInFile entry) {
        FileSummary file() { return entry.file(); }
    }

    // in a holder, made at the first workspace/symbol request: the server creates this handler before
    // `initialize`, and the JDK's comparator lambdas would be spun then (the server's class-data archive does not hold them)
    private static final class Order {
        static final Comparator<Match> BEST_FIRST = Comparator.comparingInt((Match m) -> -m.rank)
                .thenComparing(m -> !m.exported)
                .thenComparingInt(m -> m.name.length())
                .thenComparing(m -> m.name)
                .thenComparing(m -> m.file().uri());
    }

    public List<WorkspaceSymbol> symbols(WorkspaceIndex index, String query) {
        String q = query == null ? "" : query.trim();
        // the best LIMIT, kept in a heap whose head is the worst of them
        PriorityQueue<Match> best = new PriorityQueue<>(LIMIT + 1, Order.BEST_FIRST.reversed());
        WorkspaceIndex.Declarations all = index.declarationsWithMasks();
        int[] masks = all.nameMasks(), firstOf = all.firstOf();
        long[] shapes = all.nameShapes();
        FileSummary[] files = all.files();
        int queryMask = WorkspaceIndex.nameMask(q);
        QueryShape shape = QueryShape.of(q);
        for (int f = 0, i = 0; f < files.length; f++) for (int end = firstOf[f + 1]; i < end; i++) {
            // humps and substrings are subsequences, which need every character of the query: one
            // AND of the masks rejects most names; the shapes reject most names that hold the
            // query's characters in another order ("sC" in 20,000 "Service…"), without reading them
            if ((masks[i] & queryMask) != queryMask) continue;
            if (shape != null && !shape.mayMatch(shapes[i])) continue;
            // the name is read in the summary's table; the entry and the declaration are made for those that match
            CharSequence view = files[f].declarationName(i - firstOf[f]);
            if (!q.isEmpty() && !isSubsequence(q, view)) continue;
            // ranked on the view: a String is made only for a name that matches (a query like "sC"
            // passes the subsequence test for 20,000 names of the generated project, and none ranks)
            int rank = q.isEmpty() ? SUBSTRING : rank(q, view);
            if (rank == NONE) continue;
            boolean exported = files[f].declarationExported(i - firstOf[f]);
            // once the cap is full, a name that cannot displace the worst kept is dropped before its String and entry are made
            if (best.size() == LIMIT && !mayEnter(best.peek(), rank, exported, view)) continue;
            String name = view.toString();
            WorkspaceIndex.DeclarationInFile entry = new WorkspaceIndex.DeclarationInFile(files[f], i - firstOf[f]);
            Match m = new Match(rank, name, exported, entry);
            if (best.size() < LIMIT) best.add(m);
            else if (Order.BEST_FIRST.compare(m, best.peek()) < 0) {
                best.poll();
                best.add(m);
            }
        }
        List<Match> matches = new ArrayList<>(best);
        matches.sort(Order.BEST_FIRST);
        List<WorkspaceSymbol> out = new ArrayList<>(Math.min(LIMIT, matches.size()));
        for (Match m : matches) {
            if (out.size() == LIMIT) break;
            Declaration d = m.entry.declaration();
            FileSummary.Span s = d.span();
            Location location = new Location(m.file().uri(), new Range(new Position(s.line(), s.startColumn()), new Position(s.line(), s.endColumn())));
            WorkspaceSymbol symbol = new WorkspaceSymbol(d.name(), kind(d.kind()), Either.forLeft(location));
            symbol.setContainerName(fileName(m.file()));
            out.add(symbol);
        }
        return out;
    }

    /**
     * A query of two or more ASCII characters as {@link WorkspaceIndex#nameShape} tests it: the pair
     * bit and the character bit at each position. Null for a query the shapes cannot filter.
     */
    record QueryShape(int allPairs, int[] pairs, int[] chars) {
        static QueryShape of(String q) {
            if (q.length() < 2) return null;
            for (int k = 0; k < q.length(); k++) if (q.charAt(k) >= 128) return null;
            int[] pairs = new int[q.length()], chars = new int[q.length()];
            int all = 0;
            for (int k = 0; k < q.length(); k++) {
                chars[k] = WorkspaceIndex.nameMask(q.subSequence(k, k + 1));
                if (k > 0) all |= pairs[k] = WorkspaceIndex.pairBit(q.charAt(k - 1), q.charAt(k));
            }
            return new QueryShape(all, pairs, chars);
        }

        /** False only for a name that can match neither as a substring (so neither exactly nor as a prefix) nor by humps. */
        boolean mayMatch(long nameShape) {
            int namePairs = (int) nameShape, humps = (int) (nameShape >>> 32);
            if ((namePairs & allPairs) == allPairs) return true;
            if ((humps & chars[0]) == 0) return false;
            for (int k = 1; k < chars.length; k++) if ((namePairs & pairs[k]) == 0 && (humps & chars[k]) == 0) return false;
            return true;
        }
    }

    /**
     * Whether a match of this rank, export and name could come before {@code worst} in
     * {@link Order#BEST_FIRST}: the same keys in the same order, the name compared in place; a tie on
     * the name (same name, the file decides) is left to the comparator.
     */
    private static boolean mayEnter(Match worst, int rank, boolean exported, CharSequence name) {
        if (rank != worst.rank) return rank > worst.rank;
        if (exported != worst.exported) return exported;
        if (name.length() != worst.name.length()) return name.length() < worst.name.length();
        for (int k = 0, n = name.length(); k < n; k++) {
            char a = name.charAt(k), b = worst.name.charAt(k);
            if (a != b) return a < b;
        }
        return true;
    }

    /** How well {@code name} matches {@code query}: one of EXACT … NONE. */
    static int rank(String query, CharSequence name) {
        int m = query.length();
        if (name.length() == m && regionMatchesIgnoringCase(name, 0, query)) return EXACT;
        if (name.length() >= m && regionMatchesIgnoringCase(name, 0, query)) return PREFIX;
        if (matchesHumps(query, name)) return HUMPS;
        if (containsIgnoringCase(name, query)) return SUBSTRING;
        return NONE;
    }

    /** Whether {@code name} holds {@code query} at {@code from}, ignoring case (as String.regionMatches(true, …)). */
    private static boolean regionMatchesIgnoringCase(CharSequence name, int from, String query) {
        if (from + query.length() > name.length()) return false;
        for (int k = 0, m = query.length(); k < m; k++) if (!sameIgnoringCase(name.charAt(from + k), query.charAt(k))) return false;
        return true;
    }

    /** String.regionMatches' rule for one pair of characters. */
    private static boolean sameIgnoringCase(char a, char b) {
        if (a == b) return true;
        if ((a | b) < 128) return (a | 0x20) == (b | 0x20) && (a | 0x20) >= 'a' && (a | 0x20) <= 'z';
        char ua = Character.toUpperCase(a), ub = Character.toUpperCase(b);
        return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
    }

    /** Whether the query's characters occur in the name in order, ignoring case. */
    private static boolean isSubsequence(String query, CharSequence name) {
        int at = 0;
        for (int i = 0, n = name.length(), m = query.length(); i < n && at < m; i++) {
            if (same(query.charAt(at), name.charAt(i))) at++;
        }
        return at == query.length();
    }

    /** Without lower-casing copies: this runs for every declaration of the workspace. */
    private static boolean containsIgnoringCase(CharSequence name, String query) {
        if (query.isEmpty()) return true;
        char first = query.charAt(0);
        for (int i = 0, last = name.length() - query.length(); i <= last; i++) {
            if (same(first, name.charAt(i)) && regionMatchesIgnoringCase(name, i, query)) return true;
        }
        return false;
    }

    /**
     * From some hump start, each query character continues the current hump or starts a later one,
     * in order. Humps start the name, at an upper-case letter after a lower-case one or a digit, and
     * after '_' or '$'.
     */
    static boolean matchesHumps(String query, CharSequence name) {
        if (query.isEmpty()) return false;
        for (int start = 0; start < name.length(); start++) {
            if (same(query.charAt(0), name.charAt(start)) && isHumpStart(name, start) && humpsFrom(query, name, start)) return true;
        }
        return false;
    }

    private static boolean humpsFrom(String query, CharSequence name, int start) {
        int at = start;
        for (int i = 1; i < query.length(); i++) {
            char c = query.charAt(i);
            if (at + 1 < name.length() && same(c, name.charAt(at + 1)) && !(Character.isUpperCase(c) && !isHumpStart(name, at + 1))) {
                at++;
                continue;
            }
            int next = -1;
            for (int j = at + 1; j < name.length(); j++) {
                if (isHumpStart(name, j) && same(c, name.charAt(j))) { next = j; break; }
            }
            if (next < 0) return false;
            at = next;
        }
        return true;
    }

    private static boolean isHumpStart(CharSequence name, int i) { return WorkspaceIndex.isHumpStart(name, i); }

    private static boolean same(char a, char b) {
        if (a == b) return true;
        if ((a | b) < 128) return (a | 0x20) == (b | 0x20) && (a | 0x20) >= 'a' && (a | 0x20) <= 'z';
        return Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    private static String fileName(FileSummary f) {
        return f.path().getFileName() == null ? f.path().toString() : f.path().getFileName().toString();
    }

    private static SymbolKind kind(FileSummary.Kind kind) {
        switch (kind) {
            case FUNCTION: return SymbolKind.Function;
            case CLASS: return SymbolKind.Class;
            case CONSTANT: return SymbolKind.Constant;
            case INTERFACE: return SymbolKind.Interface;
            case TYPE: return SymbolKind.TypeParameter;
            case ENUM: return SymbolKind.Enum;
            case NAMESPACE: return SymbolKind.Namespace;
            case METHOD: return SymbolKind.Method;
            case PROPERTY: return SymbolKind.Property;
            case ENUM_MEMBER: return SymbolKind.EnumMember;
            default: return SymbolKind.Variable;
        }
    }
}
