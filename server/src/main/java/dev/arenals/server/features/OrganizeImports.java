package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.server.query.DocumentQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code source.organizeImports}, by TypeScript's rules: within each group of import
 * declarations (consecutive top-level imports; a blank line, any other statement or a
 * side-effect import {@code import "x"} ends a group, and side-effect imports stay where they
 * are), unused bindings are dropped (a declaration left with none goes), imports of the same
 * module are merged (named bindings with one default; type-only imports apart from value imports;
 * namespace imports and imports with attributes are never merged), and the declarations are
 * sorted by module specifier (package names before relative paths, then case-insensitively),
 * their named bindings by name. A declaration that does not change keeps its text; comments on the
 * lines before an import move with it, and a declaration with a comment inside is never rewritten.
 * The result is one edit per group whose text changes (none when already organized).
 *
 * <p>Its two halves are also actions of their own, as in TypeScript: {@code source.sortImports}
 * (merge and sort, every binding kept) and {@code source.removeUnusedImports} (drop the unused
 * bindings, the order and every declaration's grouping kept).
 */
public final class OrganizeImports {
    private OrganizeImports() {}

    /** A text replacement in offsets. */
    public record Edit(int start, int end, String text) { }

    /** One import declaration of a group, with the comment lines above it. */
    private static final class Unit {
        int node;
        int textStart; // the first leading comment line, or the import
        String leading = ""; // comment lines above, with their line breaks
        String trailing = ""; // a comment after it on its line
        String module;
        boolean typeOnly;
        String attributes; // text of `with { … }`, or null
        String defaultName; // text of the default binding, or null
        String namespace; // text of `* as x`, or null
        List<String> named = new ArrayList<>(); // specifier texts
        boolean changed;
        boolean hasInnerComment;
        String original;
        String quote = "\"";
        boolean semicolon;
        boolean multiLine;
        String indent = "  ";
    }

    public static final String SORT_IMPORTS = "source.sortImports.ts";
    public static final String REMOVE_UNUSED_IMPORTS = "source.removeUnusedImports.ts";

    /** Organize: drop unused bindings, merge and sort. */
    public static List<Edit> edits(DocumentQuery q) { return edits(q, true, true); }

    /** The edits of one or both halves: dropping unused bindings, merging and sorting. */
    public static List<Edit> edits(DocumentQuery q, boolean removeUnused, boolean sortAndMerge) {
        return edits(q, removeUnused ? UnusedCode.unusedMask(q) : new boolean[0], sortAndMerge);
    }

    /** The same, dropping the bindings of the symbols {@code unused} marks (indexed by symbol). */
    static List<Edit> edits(DocumentQuery q, boolean[] unused, boolean sortAndMerge) {
        Arena a = q.arena();
        List<Edit> out = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        int previousEnd = -1;
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            boolean importDeclaration = a.kind(s) == IMPORT_DECLARATION;
            boolean sideEffect = importDeclaration && isSideEffect(a, s);
            boolean breaks = !importDeclaration || sideEffect || (previousEnd >= 0 && blankLineBetween(a.source(), previousEnd, a.start(s)));
            if (breaks && !group.isEmpty()) {
                organize(q, group, unused, sortAndMerge, out);
                group.clear();
            }
            if (importDeclaration && !sideEffect) group.add(s);
            previousEnd = a.end(s);
        }
        if (!group.isEmpty()) organize(q, group, unused, sortAndMerge, out);
        return out;
    }

    private static boolean isSideEffect(Arena a, int s) {
        for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == IMPORT_SPECIFIER || k == IMPORT_DEFAULT_SPECIFIER || k == IMPORT_NAMESPACE_SPECIFIER) return false;
        }
        return true;
    }

    /** Whether a line holding only whitespace lies between two offsets (comments count as content). */
    static boolean blankLineBetween(char[] src, int from, int to) {
        int newlines = 0;
        boolean content = false;
        for (int i = from; i < to; i++) {
            char c = src[i];
            if (c == '\n') {
                if (newlines > 0 && !content) return true;
                newlines++;
                content = false;
            } else if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        return false;
    }

    private static void organize(DocumentQuery q, List<Integer> group, boolean[] unused, boolean sortAndMerge, List<Edit> out) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        char[] src = a.source();
        List<Unit> units = new ArrayList<>();
        int regionStart = a.start(group.get(0));
        int regionEnd = -1;
        int previousEnd = -1;
        for (int s : group) {
            Unit u = unit(a, t, s, unused);
            if (u == null) return; // a declaration the parser recovered: leave the group as written
            if (previousEnd >= 0) {
                Unit previous = units.get(units.size() - 1);
                int lineEnd = lineEnd(src, previousEnd, a.start(s));
                previous.trailing = commentOrEmpty(src, previousEnd, lineEnd);
                if (previous.trailing.isEmpty() && !new String(src, previousEnd, lineEnd - previousEnd).isBlank()) return; // a comment across lines: leave the group alone
                int leadStart = Math.min(lineEnd + 1, a.start(s));
                String leading = new String(src, leadStart, a.start(s) - leadStart);
                u.leading = leading.isBlank() ? "" : leading;
            }
            units.add(u);
            previousEnd = a.end(s);
        }
        // a comment after the last import on its line belongs to it
        int next = a.nextSibling(group.get(group.size() - 1));
        int limit = next >= 0 ? a.start(next) : a.sourceLength();
        int lastLineEnd = lineEnd(src, previousEnd, limit);
        Unit lastUnit = units.get(units.size() - 1);
        lastUnit.trailing = commentOrEmpty(src, previousEnd, lastLineEnd);
        regionEnd = lastUnit.trailing.isEmpty() ? previousEnd : lastLineEnd;

        // merge imports of one module (same type-only-ness, no attributes, no namespace)
        Map<String, Unit> byModule = new LinkedHashMap<>();
        List<Unit> merged = new ArrayList<>();
        for (Unit u : units) {
            if (u.named.isEmpty() && u.defaultName == null && u.namespace == null) continue; // every binding unused
            if (!sortAndMerge || u.namespace != null || u.attributes != null || u.hasInnerComment) {
                merged.add(u);
                continue;
            }
            String key = (u.typeOnly ? "type:" : "") + u.module;
            Unit into = byModule.get(key);
            if (into == null || (into.defaultName != null && u.defaultName != null && !into.defaultName.equals(u.defaultName))) {
                if (into == null) byModule.put(key, u);
                merged.add(u);
                continue;
            }
            if (into.defaultName == null) into.defaultName = u.defaultName;
            for (String n : u.named) if (!into.named.contains(n)) into.named.add(n);
            into.leading = into.leading + u.leading;
            into.trailing = into.trailing.isEmpty() ? u.trailing : into.trailing;
            into.changed = true;
        }
        for (Unit u : sortAndMerge ? merged : List.<Unit>of()) {
            List<String> sorted = new ArrayList<>(u.named);
            sorted.sort(SPECIFIERS);
            if (!sorted.equals(u.named)) {
                u.named = sorted;
                u.changed = true;
            }
        }
        List<Unit> ordered = new ArrayList<>(merged);
        if (sortAndMerge) ordered.sort(Comparator.comparing((Unit u) -> isRelative(u.module)).thenComparing(u -> u.module.toLowerCase(Locale.ROOT))
                .thenComparing(u -> u.module).thenComparing(u -> u.typeOnly));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ordered.size(); i++) {
            Unit u = ordered.get(i);
            if (i > 0) text.append(u.leading.isEmpty() ? "\n" : "\n" + u.leading);
            else if (!u.leading.isEmpty()) text.append(u.leading);
            text.append(u.changed && !u.hasInnerComment ? render(u) : u.original);
            text.append(u.trailing);
        }
        String replacement = text.toString();
        if (ordered.isEmpty()) {
            // every import of the group is unused: remove the lines
            int[] span = Removals.statementSpan(src, a.sourceLength(), regionStart, regionEnd);
            out.add(new Edit(span[0], span[1], ""));
            return;
        }
        String old = new String(src, regionStart, regionEnd - regionStart);
        if (!replacement.equals(old)) out.add(new Edit(regionStart, regionEnd, replacement));
    }

    /** The end of the line that {@code from} is on, or {@code limit} when that comes first. */
    private static int lineEnd(char[] src, int from, int limit) {
        int i = from;
        while (i < limit && src[i] != '\n' && src[i] != '\r') i++;
        return i;
    }

    /** The text between two offsets when it is only a comment (with the spaces before it), else "". */
    private static String commentOrEmpty(char[] src, int from, int to) {
        String text = new String(src, from, to - from);
        String stripped = text.strip();
        if (stripped.startsWith("//") || (stripped.startsWith("/*") && stripped.endsWith("*/"))) return text.stripTrailing();
        return "";
    }

    private static boolean isRelative(String module) {
        return module.startsWith("./") || module.startsWith("../") || module.equals(".") || module.equals("..");
    }

    /** By imported name (case-insensitively, then exactly), then by the whole text. */
    private static final Comparator<String> SPECIFIERS = Comparator.comparing((String s) -> importedName(s).toLowerCase(Locale.ROOT))
            .thenComparing(OrganizeImports::importedName).thenComparing(s -> s);

    private static String importedName(String specifier) {
        String s = specifier.startsWith("type ") ? specifier.substring(5).strip() : specifier;
        int sp = 0;
        while (sp < s.length() && !Character.isWhitespace(s.charAt(sp))) sp++;
        return s.substring(0, sp);
    }

    private static Unit unit(Arena a, ScopeTable t, int s, boolean[] unused) {
        char[] src = a.source();
        Unit u = new Unit();
        u.node = s;
        u.original = a.text(a.start(s), a.end(s));
        u.typeOnly = (a.data(s) & MOD_TYPE_ONLY) != 0;
        u.semicolon = src[a.end(s) - 1] == ';';
        u.hasInnerComment = hasComment(a, a.start(s), a.end(s));
        int namedCount = 0;
        for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
            int k = a.kind(c);
            if (k == STRING_LITERAL) {
                if (a.end(c) - a.start(c) < 2 || src[a.end(c) - 1] != src[a.start(c)]) return null; // unterminated
                u.module = a.text(a.start(c) + 1, a.end(c) - 1);
                u.quote = String.valueOf(src[a.start(c)]);
                continue;
            }
            if (k == IMPORT_ATTRIBUTES) {
                u.attributes = a.text(a.start(c), a.end(c));
                continue;
            }
            int binding = UnusedCode.bindingOf(a, c);
            if (binding < 0) continue;
            boolean isUnused = UnusedCode.isUnused(unused, t.symbolOfNode(binding));
            if (isUnused) u.changed = true;
            if (k == IMPORT_DEFAULT_SPECIFIER) {
                if (!isUnused) u.defaultName = a.text(a.start(c), a.end(c));
            } else if (k == IMPORT_NAMESPACE_SPECIFIER) {
                if (!isUnused) u.namespace = a.text(a.start(c), a.end(c));
            } else {
                namedCount++;
                if (!isUnused) u.named.add(specifierText(a, c));
            }
        }
        if (u.module == null) u.module = "";
        if (namedCount > 0) {
            // the original layout of the braces: one line, or one specifier per line with an indent
            int open = indexOf(src, '{', a.start(s), a.end(s));
            int close = open < 0 ? -1 : lastIndexOf(src, '}', open, a.end(s));
            if (open >= 0 && close > open) {
                for (int i = open; i < close; i++) if (src[i] == '\n') u.multiLine = true;
                if (u.multiLine) {
                    int i = open + 1;
                    while (i < close && src[i] != '\n') i++;
                    int from = i + 1, to = from;
                    while (to < close && (src[to] == ' ' || src[to] == '\t')) to++;
                    if (to > from) u.indent = new String(src, from, to - from);
                }
            }
        }
        return u;
    }

    /** A named specifier's text, with a {@code type} modifier written before it. */
    static String specifierText(Arena a, int specifier) {
        return oneLine(a.text(specifierStart(a, specifier), a.end(specifier)));
    }

    /** Where a named specifier starts, a {@code type} modifier written before it included. */
    static int specifierStart(Arena a, int specifier) {
        char[] src = a.source();
        int i = a.start(specifier) - 1;
        while (i >= 0 && Character.isWhitespace(src[i])) i--;
        if (i >= 3 && src[i] == 'e' && src[i - 1] == 'p' && src[i - 2] == 'y' && src[i - 3] == 't'
                && (i < 4 || src[i - 4] == '{' || src[i - 4] == ',' || Character.isWhitespace(src[i - 4]))) {
            return i - 3;
        }
        return a.start(specifier);
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String render(Unit u) {
        StringBuilder sb = new StringBuilder("import ");
        if (u.typeOnly) sb.append("type ");
        boolean first = true;
        if (u.defaultName != null) {
            sb.append(u.defaultName);
            first = false;
        }
        if (u.namespace != null) {
            if (!first) sb.append(", ");
            sb.append(u.namespace);
            first = false;
        }
        if (!u.named.isEmpty()) {
            if (!first) sb.append(", ");
            if (u.multiLine) {
                sb.append("{\n");
                for (int i = 0; i < u.named.size(); i++) sb.append(u.indent).append(u.named.get(i)).append(i + 1 < u.named.size() ? ",\n" : ",\n");
                sb.append('}');
            } else {
                sb.append("{ ").append(String.join(", ", u.named)).append(" }");
            }
        }
        sb.append(" from ").append(u.quote).append(u.module).append(u.quote);
        if (u.attributes != null) sb.append(' ').append(u.attributes);
        if (u.semicolon) sb.append(';');
        return sb.toString();
    }

    private static boolean hasComment(Arena a, int start, int end) {
        var log = a.log();
        for (int i = 0; i < log.commentCount(); i++) {
            if (log.commentStart(i) >= start && log.commentEnd(i) <= end) return true;
            if (log.commentStart(i) >= end) break;
        }
        return false;
    }

    static int indexOf(char[] src, char c, int from, int to) {
        for (int i = from; i < to; i++) if (src[i] == c) return i;
        return -1;
    }

    static int lastIndexOf(char[] src, char c, int from, int to) {
        for (int i = to - 1; i > from; i--) if (src[i] == c) return i;
        return -1;
    }
}
