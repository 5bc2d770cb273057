package dev.arenals.server.features;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.ParseLog;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSDoc comments: finding the {@code /** … *}{@code /} comment that documents a declaration, and
 * rendering it as Markdown ({@code @param}, {@code @returns}, {@code @deprecated}, {@code @example},
 * other block tags generically; inline {@code {@link …}}).
 */
public final class JsDoc {
    private JsDoc() {}

    /** One block tag: name without '@', optional {type}, optional parameter name, text. */
    record Tag(String name, String type, String param, String text) {}

    /** A parsed comment: the description and the block tags in order. */
    record Parsed(String description, List<Tag> tags) {}

    /**
     * The JSDoc comment immediately before {@code offset} (only whitespace between), as its full
     * text, or null. Comment ranges come from the parse log, in source order.
     */
    public static String before(Arena arena, int offset) {
        int start = startBefore(arena, offset);
        if (start < 0) return null;
        ParseLog log = arena.log();
        int i = commentEndingAtOrBefore(log, offset);
        return new String(arena.source(), start, log.commentEnd(i) - start);
    }

    /** Where the JSDoc comment immediately before {@code offset} (only whitespace between) starts, or -1. */
    public static int startBefore(Arena arena, int offset) {
        ParseLog log = arena.log();
        int found = commentEndingAtOrBefore(log, offset);
        if (found < 0) return -1;
        int start = log.commentStart(found);
        int end = log.commentEnd(found);
        char[] src = arena.source();
        for (int i = end; i < offset; i++) if (!Character.isWhitespace(src[i])) return -1;
        if (end - start < 5 || src[start] != '/' || src[start + 1] != '*' || src[start + 2] != '*' || src[start + 3] == '/') return -1;
        return start;
    }

    /** The last comment ending at or before {@code offset}, or -1. */
    private static int commentEndingAtOrBefore(ParseLog log, int offset) {
        int lo = 0, hi = log.commentCount() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (log.commentEnd(mid) <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found;
    }

    private static final Pattern TAG = Pattern.compile("^@([A-Za-z][\\w-]*)\\s*(.*)$", Pattern.DOTALL);

    static Parsed parse(String comment) {
        String body = comment;
        if (body.startsWith("/**")) body = body.substring(3);
        if (body.endsWith("*/")) body = body.substring(0, body.length() - 2);
        String[] lines = body.split("\r\n|\r|\n", -1);
        StringBuilder description = new StringBuilder();
        List<StringBuilder> tagTexts = new ArrayList<>();
        boolean inFence = false;
        for (String raw : lines) {
            String line = stripStar(raw);
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) inFence = !inFence;
            if (!inFence && trimmed.startsWith("@") && TAG.matcher(trimmed).matches()) {
                tagTexts.add(new StringBuilder(trimmed));
                continue;
            }
            StringBuilder target = tagTexts.isEmpty() ? description : tagTexts.get(tagTexts.size() - 1);
            if (target.length() > 0 || !trimmed.isEmpty()) {
                if (target.length() > 0) target.append('\n');
                target.append(line.stripTrailing());
            }
        }
        List<Tag> tags = new ArrayList<>();
        for (StringBuilder t : tagTexts) tags.add(tag(t.toString().strip()));
        return new Parsed(description.toString().strip(), tags);
    }

    /** Removes the leading whitespace and '*' (and one space after it) of a comment line. */
    private static String stripStar(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        if (i < line.length() && line.charAt(i) == '*') {
            i++;
            if (i < line.length() && line.charAt(i) == ' ') i++;
            return line.substring(i);
        }
        return line.substring(Math.min(i, line.length()));
    }

    private static Tag tag(String text) {
        Matcher m = TAG.matcher(text);
        if (!m.matches()) return new Tag("", null, null, text);
        String name = m.group(1);
        String rest = m.group(2);
        String type = null;
        if (rest.startsWith("{")) {
            int depth = 0, i = 0;
            for (; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) break;
            }
            if (i < rest.length()) {
                type = rest.substring(1, i).strip();
                rest = rest.substring(i + 1).strip();
            }
        }
        String param = null;
        if (isParamTag(name) || name.equals("property") || name.equals("prop") || name.equals("template")) {
            int i = 0;
            if (rest.startsWith("[")) { // [name=default]: optional
                int close = rest.indexOf(']');
                if (close > 0) {
                    param = rest.substring(1, close).strip();
                    rest = rest.substring(close + 1).strip();
                }
            } else {
                while (i < rest.length() && !Character.isWhitespace(rest.charAt(i))) i++;
                param = rest.substring(0, i);
                rest = rest.substring(i).strip();
            }
            if (rest.startsWith("- ")) rest = rest.substring(2).strip();
            else if (rest.equals("-")) rest = "";
        }
        return new Tag(name, type, param, rest);
    }

    private static boolean isParamTag(String name) {
        return name.equals("param") || name.equals("arg") || name.equals("argument");
    }

    /** The comment as Markdown: description, then one paragraph per block tag. */
    public static String toMarkdown(String comment) {
        Parsed p = parse(comment);
        List<String> parts = new ArrayList<>();
        if (!p.description().isEmpty()) parts.add(inlineTags(p.description()));
        for (Tag t : p.tags()) parts.add(tagMarkdown(t));
        return String.join("\n\n", parts);
    }

    /** The description given by {@code @param name} in the comment, as Markdown, or null. */
    public static String paramMarkdown(String comment, String name) {
        for (Tag t : parse(comment).tags()) {
            if (isParamTag(t.name()) && t.param() != null && paramName(t.param()).equals(name)) return tagMarkdown(t);
        }
        return null;
    }

    /** The {@code @param name} line of the comment as plain text, or null. */
    public static String paramPlainText(String comment, String name) {
        for (Tag t : parse(comment).tags()) {
            if (isParamTag(t.name()) && t.param() != null && paramName(t.param()).equals(name)) return plainTag(t);
        }
        return null;
    }

    private static String paramName(String param) {
        int eq = param.indexOf('=');
        String n = eq >= 0 ? param.substring(0, eq) : param;
        return n.strip();
    }

    private static String tagMarkdown(Tag t) {
        String name = t.name();
        StringBuilder sb = new StringBuilder("_@").append(name).append('_');
        String text = inlineTags(t.text());
        if (name.equals("example")) {
            if (t.text().isEmpty()) return sb.toString();
            if (t.text().contains("```")) return sb.append("\n\n").append(t.text()).toString();
            return sb.append("\n```typescript\n").append(t.text()).append("\n```").toString();
        }
        if (t.param() != null && !t.param().isEmpty()) {
            String param = t.param();
            int eq = param.indexOf('=');
            sb.append(" `").append(eq >= 0 ? param.substring(0, eq).strip() : param).append('`');
            if (t.type() != null) sb.append(": `").append(t.type()).append('`');
            if (eq >= 0) sb.append(" (default `").append(param.substring(eq + 1).strip()).append("`)");
        } else if (t.type() != null) {
            sb.append(" `").append(t.type()).append('`');
        }
        if (!text.isEmpty()) sb.append(" — ").append(text);
        return sb.toString();
    }

    private static final Pattern LINK = Pattern.compile("\\{@(?:link|linkcode|linkplain)\\s+([^}\\s|]+)(?:[\\s|]+([^}]*))?\\}");

    /** {@code {@link target text}} → text or `target`; a URL target becomes a Markdown link. */
    static String inlineTags(String text) {
        if (text.indexOf("{@") < 0) return text;
        Matcher m = LINK.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String target = m.group(1);
            String label = m.group(2) == null ? null : m.group(2).strip();
            String rendered;
            if (target.startsWith("http://") || target.startsWith("https://")) {
                rendered = "[" + (label == null || label.isEmpty() ? target : label) + "](" + target + ")";
            } else {
                rendered = label == null || label.isEmpty() ? "`" + target + "`" : label;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rendered));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Plain text for clients without Markdown: the comment without its delimiters and stars. */
    public static String toPlainText(String comment) {
        Parsed p = parse(comment);
        StringBuilder sb = new StringBuilder(p.description());
        for (Tag t : p.tags()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(plainTag(t));
        }
        return sb.toString();
    }

    private static String plainTag(Tag t) {
        StringBuilder sb = new StringBuilder("@").append(t.name());
        if (t.type() != null) sb.append(" {").append(t.type()).append('}');
        if (t.param() != null && !t.param().isEmpty()) sb.append(' ').append(t.param());
        if (!t.text().isEmpty()) sb.append(' ').append(t.text());
        return sb.toString();
    }
}
