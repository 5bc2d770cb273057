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
            if (end - start < 5 || src[start] != '/' || src[start + 1] != '*' || src[start + 2] != '*') continue;
            for (int j = start + 3; j < end; j++) {
                if (src[j] != '@') continue;
                int tag = j + 1, tagEnd = tag;
                while (tagEnd < end && Character.isLetter(src[tagEnd])) tagEnd++;
                boolean link = src[j - 1] == '{' && (is(src, tag, tagEnd, "link") || is(src, tag, tagEnd, "linkcode") || is(src, tag, tagEnd, "linkplain"));
                boolean see = !link && is(src, tag, tagEnd, "see");
                if (!link && !see) continue;
                int k = tagEnd;
                while (k < end && (src[k] == ' ' || src[k] == '\t')) k++;
                if (k + name.length() > end || !is(src, k, k + name.length(), name)) continue;
                int after = k + name.length();
                if (after < end && (Character.isJavaIdentifierPart(src[after]))) continue;
                if (!visible(q.scopes(), target, k)) continue;
                if (n + 2 > out.length) out = Arrays.copyOf(out, Math.max(8, out.length * 2));
                out[n++] = k;
                out[n++] = after;
                j = after - 1;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
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
