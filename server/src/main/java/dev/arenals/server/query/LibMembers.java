package dev.arenals.server.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members of the standard library's interfaces ({@code String}, {@code Array}, {@code Promise},
 * {@code Console}, {@code Document}…) and the types of its global variables, from the generated
 * {@code lib-members.txt} ({@link LibMembersGenerator}). Read once, on the first question (not at
 * start-up): the text is kept as one string with an index of where each interface's block is;
 * a block's lines are read when it is asked about.
 */
public final class LibMembers {
    /**
     * A member as the library declares it: a property ({@code type} its type) or one overload of a
     * method ({@code type} its return type); {@code owner} the interface that declares it, with its
     * type parameters ({@code Array<T>}).
     */
    public record Member(String name, boolean method, boolean optional, String owner, String typeParameters, List<String> parameters, String type) {
        /** How hover shows it: {@code (method) Array<T>.map<U>(callbackfn: …, thisArg?: any): U[]}. */
        public String display() {
            StringBuilder out = new StringBuilder(method ? "(method) " : "(property) ").append(owner).append('.').append(name);
            if (optional) out.append('?');
            if (method) out.append(typeParameters).append('(').append(String.join(", ", parameters)).append(')');
            return out.append(": ").append(type).toString();
        }
    }

    private static final int MAX_DEPTH = 16;

    private final String text;
    /** Interface name → {start, end} offsets of its block's lines in {@link #text}. */
    private final Map<String, int[]> blocks = new HashMap<>();
    private final Map<String, String> globals = new HashMap<>();

    private LibMembers(String text) {
        this.text = text;
        String current = null;
        int blockStart = 0;
        for (int at = 0, n = text.length(); at < n; ) {
            int end = text.indexOf('\n', at);
            if (end < 0) end = n;
            char c = text.charAt(at);
            if (c == '@') {
                if (current != null) blocks.put(current, new int[] {blockStart, at});
                int tab = text.indexOf('\t', at);
                current = text.substring(at + 1, tab < 0 || tab > end ? end : tab);
                blockStart = at;
            } else if (c == '=' && end > at + 2) {
                int tab = text.indexOf('\t', at);
                if (tab > 0 && tab < end) globals.put(text.substring(at + 2, tab), text.substring(tab + 1, end));
            }
            at = end + 1;
        }
        if (current != null) blocks.put(current, new int[] {blockStart, text.length()});
    }

    private static final class Holder {
        static final LibMembers INSTANCE = load();
    }

    private static LibMembers load() {
        try (InputStream in = LibMembers.class.getResourceAsStream("lib-members.txt")) {
            return new LibMembers(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new LibMembers(""); // a jar without the resource: no library members, nothing else is affected
        }
    }

    /** The library, read on first use. */
    public static LibMembers get() { return Holder.INSTANCE; }

    /** Whether the library declares an interface (or a global's literal type, {@code typeof X}) of that name. */
    public boolean hasType(String name) { return blocks.containsKey(name); }

    /** The declared type of global variable {@code name} as written ({@code Console}, {@code typeof HTMLElement}), or null. */
    public String globalType(String name) { return globals.get(name); }

    /** Every member of instances of {@code type}: its own, then its bases', a name declared nearer hiding the same name further up. */
    public List<Member> membersOf(String type) {
        List<Member> out = new ArrayList<>();
        collect(type, new HashSet<>(), new HashSet<>(), out, 0);
        return out;
    }

    /** The overloads of member {@code name} of {@code type}'s instances, from the nearest interface declaring it; empty when none does. */
    public List<Member> member(String type, String name) {
        return member(type, name, new HashSet<>(), 0);
    }

    private List<Member> member(String type, String name, Set<String> visited, int depth) {
        int[] block = blocks.get(type);
        if (block == null || depth > MAX_DEPTH || !visited.add(type)) return List.of();
        List<Member> out = new ArrayList<>(1);
        List<String> bases = new ArrayList<>(2);
        read(type, block, out, bases, name);
        if (!out.isEmpty()) return out;
        for (String base : bases) {
            List<Member> found = member(base, name, visited, depth + 1);
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    private void collect(String type, Set<String> names, Set<String> visited, List<Member> out, int depth) {
        int[] block = blocks.get(type);
        if (block == null || depth > MAX_DEPTH || !visited.add(type)) return;
        List<Member> own = new ArrayList<>();
        List<String> bases = new ArrayList<>(2);
        read(type, block, own, bases, null);
        Set<String> here = new HashSet<>();
        for (Member m : own) {
            if (names.contains(m.name()) && !here.contains(m.name())) continue;
            here.add(m.name());
            out.add(m);
        }
        names.addAll(here);
        for (String base : bases) collect(base, names, visited, out, depth + 1);
    }

    /** The members of one block (only those named {@code only}, when given) and its bases. */
    private void read(String type, int[] block, List<Member> members, List<String> bases, String only) {
        int header = text.indexOf('\n', block[0]);
        int tab = text.indexOf('\t', block[0]);
        String typeParameters = tab >= 0 && tab < header ? text.substring(tab + 1, header) : "";
        String owner = type + typeParameters;
        for (int at = header + 1; at < block[1]; ) {
            int end = text.indexOf('\n', at);
            if (end < 0 || end > block[1]) end = block[1];
            char c = text.charAt(at);
            if (c == '^') {
                bases.add(text.substring(at + 1, end));
            } else if ((c == 'p' || c == 'm') && at + 2 < end) {
                int nameEnd = text.indexOf('\t', at + 2);
                if (nameEnd > 0 && nameEnd < end) {
                    String name = text.substring(at + 2, nameEnd);
                    boolean optional = name.endsWith("?");
                    if (optional) name = name.substring(0, name.length() - 1);
                    if (only == null || only.equals(name)) members.add(c == 'p' ? property(name, optional, owner, nameEnd, end) : method(name, optional, owner, nameEnd, end));
                }
            }
            at = end + 1;
        }
    }

    private Member property(String name, boolean optional, String owner, int tab, int end) {
        return new Member(name, false, optional, owner, "", List.of(), text.substring(tab + 1, end));
    }

    private Member method(String name, boolean optional, String owner, int tab, int end) {
        int second = text.indexOf('\t', tab + 1);
        int third = second < 0 ? -1 : text.indexOf('\t', second + 1);
        if (second < 0 || third < 0 || third > end) return new Member(name, true, optional, owner, "", List.of(), "void");
        List<String> parameters = new ArrayList<>();
        for (int p = second + 1; p < third; ) {
            int sep = text.indexOf(LibMembersGenerator.PARAMETER_SEPARATOR, p);
            if (sep < 0 || sep > third) sep = third;
            if (sep > p) parameters.add(text.substring(p, sep));
            p = sep + 1;
        }
        return new Member(name, true, optional, owner, text.substring(tab + 1, second), List.copyOf(parameters), text.substring(third + 1, end));
    }
}
