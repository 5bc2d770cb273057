package dev.arenals.server.query;

import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import java.util.Arrays;

/**
 * A symbol named in a documentation comment: {@code {@link name}}, {@code {@linkcode name}},
 * {@code {@linkplain name}} and {@code @see name} (the first name of a dotted one), where that
 * name is visible. TypeScript's references count them and its rename edits them; so do ours.
 * A plain scan of the {@code /** … *}{@code /} comments the parser recorded: no tree.
 */
public final class JsDocMentions {
    private JsDocMentions() {}

    private static final int[] NONE = new int[0];

    /** The mentions of {@code target} as offset pairs {@code [start, end)}, in source order. */
    public static int[] of(DocumentQuery q, Target target) {
        if (target.kind != Target.SYMBOL || target.groups.length == 0) return NONE;
        Arena arena = q.arena();
        ParseLog log = arena.log();
        if (log.commentCount() == 0) return NONE;
        char[] src = arena.source();
        String name = arena.names().name(target.nameId);
        if (name.isEmpty()) return NONE;
        int[] out = NONE;
        int n = 0;
        for (int i = 0; i < log.commentCount(); i++) {
            int start = log.commentStart(i), end = log.commentEnd(i);
            if (!isDocComment(src, start, end)) continue;
            for (int j = start + 3; j < end; j++) {
                int k = nameAfterTag(src, j, end);
                if (k < 0 || nameEnd(src, k, end) != k + name.length() || !is(src, k, k + name.length(), name)) continue;
                if (!visible(q.scopes(), target, k)) continue;
                if (n + 2 > out.length) out = Arrays.copyOf(out, Math.max(8, out.length * 2));
                out[n++] = k;
                out[n++] = k + name.length();
                j = k + name.length() - 1;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Whether the comment {@code [start, end)} is a documentation comment ({@code /** … *}{@code /}). */
    public static boolean isDocComment(char[] src, int start, int end) {
        return end - start >= 5 && src[start] == '/' && src[start + 1] == '*' && src[start + 2] == '*';
    }

    /**
     * Where the name mentioned by a doc tag at {@code at} starts ({@code {@link name}},
     * {@code {@linkcode name}}, {@code {@linkplain name}}, {@code @see name}), or -1 when
     * {@code src[at]} starts no such tag or no name follows it.
     */
    public static int nameAfterTag(char[] src, int at, int end) {
        if (src[at] != '@') return -1;
        int tag = at + 1, tagEnd = tag;
        while (tagEnd < end && Character.isLetter(src[tagEnd])) tagEnd++;
        boolean link = src[at - 1] == '{' && (is(src, tag, tagEnd, "link") || is(src, tag, tagEnd, "linkcode") || is(src, tag, tagEnd, "linkplain"));
        if (!link && !is(src, tag, tagEnd, "see")) return -1;
        int k = tagEnd;
        while (k < end && (src[k] == ' ' || src[k] == '\t')) k++;
        return nameEnd(src, k, end) > k ? k : -1;
    }

    /** The end of the identifier starting at {@code from} ({@code from} itself when there is none). */
    public static int nameEnd(char[] src, int from, int end) {
        int k = from;
        while (k < end && Character.isJavaIdentifierPart(src[k])) k++;
        return k;
    }

    private static boolean is(char[] src, int from, int to, String word) {
        if (to - from != word.length()) return false;
        for (int i = 0; i < word.length(); i++) if (src[from + i] != word.charAt(i)) return false;
        return true;
    }

    /** Whether a scope declaring one of the target's symbols encloses {@code offset}. */
    private static boolean visible(ScopeTable scopes, Target target, int offset) {
        for (int s = scopes.scopeAt(offset); s >= 0; s = scopes.scopeParent(s)) {
            for (int g : target.groups) if (g >= 0 && scopes.scope(g) == s) return true;
        }
        return false;
    }
}
