package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.RenamePlan;
import dev.arenals.server.query.SymbolIndex;
import dev.arenals.server.workspace.ModuleResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.TextEdit;

/**
 * "Convert default export to named export" and back ({@code refactor.rewrite.export.named} /
 * {@code .default}, TypeScript's kinds): the declaring file's export written the other way, and
 * every file that imports it — directly, through {@code export { … } from} or as a namespace —
 * made to import it under its new name, so that each local name keeps meaning what it meant.
 * A barrel's {@code export * from} forwards named exports but never the default: a name made
 * default is re-exported there by name ({@code export { default as f } from}). Refused (with the
 * reason) where an importer reads the module in a way no edit here can follow: {@code require()},
 * {@code import()}, {@code export * as ns from}. Stateless; each method runs on its document's queue.
 */
public final class ConvertExport {
    public static final String TO_NAMED = "refactor.rewrite.export.named";
    public static final String TO_DEFAULT = "refactor.rewrite.export.default";

    private ConvertExport() {}

    /**
     * One conversion: the top-level {@code statement} exporting {@code name}; {@code toDefault}
     * when the named export {@code name} becomes the default (importers: {@code name} → default),
     * else the default becomes the named export {@code name}.
     */
    public record Conversion(boolean toDefault, int statement, int declaration, String name) {
        public String kind() { return toDefault ? TO_DEFAULT : TO_NAMED; }

        public String title() { return toDefault ? "Convert named export to default export" : "Convert default export to named export"; }

        /** The name importers import it under now. */
        String before() { return toDefault ? name : "default"; }

        /** The name importers import it under after the conversion. */
        String after() { return toDefault ? "default" : name; }
    }

    /** The conversion offered at the cursor or selection [from, to), or null. */
    public static Conversion at(DocumentQuery q, int from, int to) {
        Arena a = q.arena();
        int statement = -1;
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            if (a.start(s) <= from && from <= a.end(s)) { statement = s; break; }
        }
        if (statement < 0 || to > a.end(statement)) return null;
        int kind = a.kind(statement);
        if (kind != EXPORT_DEFAULT && kind != EXPORT_NAMED) return null;
        int declaration = Layouts.exportedDeclaration(a, statement);
        if (declaration < 0 || Layouts.moduleSource(a, statement) >= 0) return null;
        int dk = a.kind(declaration);
        Set<String> exported = exportedNames(a);
        if (exported == null) return null; // export = x: the module has no named or default exports to convert
        if (kind == EXPORT_DEFAULT) {
            if (dk == IDENTIFIER_REFERENCE) {
                // export default x; → export { x };
                String name = a.text(a.start(declaration), a.end(declaration));
                if (q.symbolOfNode(declaration) < 0 || exported.contains(name)) return null;
                return new Conversion(false, statement, declaration, name);
            }
            if (dk != FUNCTION_DECLARATION && dk != CLASS_DECLARATION && dk != INTERFACE_DECLARATION) return null;
            int name = Layouts.declarationName(a, declaration);
            if (name < 0 || from > a.end(name)) return null; // anonymous, or the cursor is past the head
            String text = a.text(a.start(name), a.end(name));
            if (exported.contains(text)) return null;
            return new Conversion(false, statement, declaration, text);
        }
        if (exported.contains("default")) return null;
        int name = exportedBinding(a, declaration);
        if (name < 0 || from > a.end(name)) return null;
        // overloads and merged declarations (a function and a namespace): one default cannot stand for all of them
        int symbol = q.symbolOfNode(name);
        if (symbol < 0 || declarationCount(q, symbol) != 1) return null;
        return new Conversion(true, statement, declaration, a.text(a.start(name), a.end(name)));
    }

    /**
     * The BINDING_IDENTIFIER a named export's declaration can be made the default of: a function,
     * class, interface, enum, type alias, namespace, or a {@code const} of one name; else -1.
     */
    private static int exportedBinding(Arena a, int declaration) {
        int dk = a.kind(declaration);
        if (dk == FUNCTION_DECLARATION || dk == CLASS_DECLARATION || dk == INTERFACE_DECLARATION || dk == ENUM_DECLARATION
                || dk == TYPE_ALIAS) {
            return Layouts.declarationName(a, declaration);
        }
        if (dk == MODULE_DECLARATION) {
            int name = a.firstChild(declaration);
            int body = name < 0 ? -1 : a.nextSibling(name);
            // namespace N { }: not declare module "m", not global, not N.M (whose first name is no declaration of its own here)
            return name >= 0 && a.kind(name) == BINDING_IDENTIFIER && (body < 0 || a.kind(body) == MODULE_BLOCK) ? name : -1;
        }
        if (dk == VARIABLE_DECLARATION && (a.data(declaration) & 0xFF) == VAR_CONST) {
            int declarator = a.firstChild(declaration);
            if (declarator < 0 || a.nextSibling(declarator) >= 0) return -1;
            int target = a.firstChild(declarator);
            return target >= 0 && a.kind(target) == BINDING_IDENTIFIER ? target : -1;
        }
        return -1;
    }

    /** How many declarations the symbol has (a merged or overloaded name has several). */
    static int declarationCount(DocumentQuery q, int symbol) {
        int group = q.index().groupOf(symbol);
        return group < 0 ? 0 : q.index().declarationCount(group);
    }

    /** Every name the module exports itself ({@code default} included; not what {@code export *} brings); null for {@code export =}. */
    static Set<String> exportedNames(Arena a) {
        Set<String> out = new HashSet<>();
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (k == EXPORT_ASSIGNMENT) return null;
            if (k == EXPORT_DEFAULT) out.add("default");
            if (k == EXPORT_ALL) {
                int name = Layouts.exportAllName(a, s);
                if (name >= 0) out.add(unquoted(a, name));
            }
            if (k != EXPORT_NAMED) continue;
            int declaration = Layouts.exportedDeclaration(a, s);
            if (declaration < 0) {
                for (int c = a.firstChild(s); c >= 0; c = a.nextSibling(c)) {
                    if (a.kind(c) == EXPORT_SPECIFIER) out.add(unquoted(a, Layouts.exportExported(a, c)));
                }
            } else if (a.kind(declaration) == VARIABLE_DECLARATION) {
                for (int d = a.firstChild(declaration); d >= 0; d = a.nextSibling(d)) {
                    Refactors.anyNode(a, a.firstChild(d), n -> {
                        if (a.kind(n) == BINDING_IDENTIFIER) out.add(a.text(a.start(n), a.end(n)));
                        return false;
                    }, kind -> kind == ARROW_FUNCTION || kind == FUNCTION_EXPRESSION || kind == CLASS_EXPRESSION);
                }
            } else {
                int name = Layouts.declarationName(a, declaration);
                if (name >= 0) out.add(a.text(a.start(name), a.end(name)));
            }
        }
        return out;
    }

    /** The edits of the declaring file itself. */
    public static List<TextEdit> ownEdits(DocumentQuery q, Conversion c) {
        Arena a = q.arena();
        char[] src = a.source();
        List<TextEdit> out = new ArrayList<>();
        int s = c.statement();
        if (!c.toDefault()) {
            if (a.kind(c.declaration()) == IDENTIFIER_REFERENCE) {
                boolean semicolon = src[a.end(s) - 1] == ';';
                out.add(new TextEdit(q.range(a.start(s), a.end(s)), "export { " + c.name() + " }" + (semicolon ? ";" : "")));
                return out;
            }
            int keyword = keywordAt(a, s, "default");
            if (keyword < 0) return List.of();
            out.add(new TextEdit(q.range(keyword, skipBlanks(src, a.sourceLength(), keyword + 7)), ""));
            return out;
        }
        int export = keywordAt(a, s, "export");
        if (export < 0) return List.of();
        int dk = a.kind(c.declaration());
        boolean declared = keywordAt(a, s, "declare") >= 0;
        if (!declared && (dk == FUNCTION_DECLARATION || dk == CLASS_DECLARATION || dk == INTERFACE_DECLARATION)) {
            out.add(new TextEdit(q.range(export + 6, export + 6), " default"));
            return out;
        }
        // enum, type, namespace, const, and declare'd declarations: `export default` cannot stand before them
        out.add(new TextEdit(q.range(export, skipBlanks(src, a.sourceLength(), export + 6)), ""));
        String nl = Refactors.lineBreak(src, a.sourceLength());
        out.add(new TextEdit(q.range(a.end(s), a.end(s)), nl + Refactors.lineIndent(src, a.start(s)) + "export default " + c.name() + ";"));
        return out;
    }

    /**
     * The edits that keep {@code q} (the file at {@code file}) meaning the same after {@code module}
     * changes how it exports {@code c}'s name. Throws {@link RenamePlan.Refused} when the file reads
     * the module in a way no edit can follow.
     */
    public static List<TextEdit> importerEdits(DocumentQuery q, Path file, Path module, Conversion c) {
        Arena a = q.arena();
        List<TextEdit> out = new ArrayList<>();
        Set<String> ownExports = null;
        for (int s = a.firstChild(a.root()); s >= 0; s = a.nextSibling(s)) {
            int k = a.kind(s);
            if (k == IMPORT_EQUALS) {
                int reference = Layouts.importEqualsReference(a, s);
                if (reference < 0 || a.kind(reference) != EXTERNAL_MODULE_REFERENCE) continue;
                int literal = a.firstChild(reference);
                if (!namesModule(a, literal, file, module, true)) continue;
                memberUses(q, Layouts.importEqualsName(a, s), c, out); // import m = require("./m"): m.default, m.f
                continue;
            }
            if (k != IMPORT_DECLARATION && k != EXPORT_NAMED && k != EXPORT_ALL) continue;
            int source = Layouts.moduleSource(a, s);
            if (source < 0 || !namesModule(a, source, file, module, false)) continue;
            if (k == IMPORT_DECLARATION) importEdits(q, s, source, c, out);
            else if (k == EXPORT_NAMED) reexportEdits(q, s, c, out);
            else if (Layouts.exportAllName(a, s) >= 0) {
                throw new RenamePlan.Refused(file.getFileName() + " re-exports the module as a namespace (export * as "
                        + a.text(a.start(Layouts.exportAllName(a, s)), a.end(Layouts.exportAllName(a, s)))
                        + " from …): its importers' uses are not followed");
            } else if (c.toDefault()) {
                // export * from "./m" forwards named exports only: keep forwarding the name
                if (ownExports == null) ownExports = exportedNames(a);
                if (ownExports != null && !ownExports.contains(c.name())) {
                    char[] src = a.source();
                    String quoted = a.text(a.start(source), a.end(source));
                    out.add(new TextEdit(q.range(a.end(s), a.end(s)), Refactors.lineBreak(src, a.sourceLength()) + Refactors.lineIndent(src, a.start(s))
                            + "export { default as " + c.name() + " } from " + quoted + ";"));
                }
            }
        }
        refuseDynamicReads(q, file, module);
        return out;
    }

    /** Whether the string literal {@code literal}, written in {@code file}, names {@code module}. */
    private static boolean namesModule(Arena a, int literal, Path file, Path module, boolean requireSyntax) {
        if (literal < 0 || a.kind(literal) != STRING_LITERAL || a.end(literal) - a.start(literal) < 2) return false;
        Path target = ModuleResolver.resolveFrom(file, unquoted(a, literal), requireSyntax);
        return target != null && target.normalize().equals(module.normalize());
    }

    /** {@code require("./m")} and {@code import("./m")}: what they read is a property no edit here follows. */
    private static void refuseDynamicReads(DocumentQuery q, Path file, Path module) {
        Arena a = q.arena();
        for (int n = 0, count = a.nodeCount(); n < count; n++) {
            int k = a.kind(n);
            int literal;
            String how;
            if (k == IMPORT_CALL) {
                literal = Layouts.importCallSource(a, n);
                how = "import()";
            } else if (k == CALL) {
                int callee = a.firstChild(n);
                if (callee < 0 || a.kind(callee) != IDENTIFIER_REFERENCE || a.end(callee) - a.start(callee) != 7
                        || !a.text(a.start(callee), a.end(callee)).equals("require")) continue;
                literal = a.nextSibling(callee);
                how = "require()";
            } else {
                continue;
            }
            if (literal >= 0 && namesModule(a, literal, file, module, k == CALL)) {
                throw new RenamePlan.Refused(file.getFileName() + " reads the module with " + how + " (line "
                        + (q.range(a.start(n), a.start(n)).getStart().getLine() + 1) + "), whose uses are not followed");
            }
        }
    }

    /** One import declaration of the module. */
    private static void importEdits(DocumentQuery q, int declaration, int source, Conversion c, List<TextEdit> out) {
        Arena a = q.arena();
        int defaultBinding = -1, namespace = -1;
        List<Integer> named = new ArrayList<>();
        for (int child = a.firstChild(declaration); child >= 0; child = a.nextSibling(child)) {
            int k = a.kind(child);
            if (k == IMPORT_DEFAULT_SPECIFIER) defaultBinding = child;
            else if (k == IMPORT_NAMESPACE_SPECIFIER) namespace = child;
            else if (k == IMPORT_SPECIFIER) named.add(child);
        }
        if (namespace >= 0) memberUses(q, Layouts.importLocal(a, namespace), c, out);
        if (!c.toDefault()) {
            for (int specifier : named) {
                int imported = Layouts.importImported(a, specifier);
                if (!unquoted(a, imported).equals("default")) continue;
                // import { default as d } → import { f as d }
                replaceImportedName(q, specifier, c.name(), out);
            }
            if (defaultBinding >= 0) defaultToNamed(q, declaration, source, defaultBinding, namespace, named, c.name(), out);
            return;
        }
        int found = -1;
        for (int specifier : named) {
            if (!unquoted(a, Layouts.importImported(a, specifier)).equals(c.name())) continue;
            // one default binding per declaration: { f, f as g } would need two
            if (found >= 0) throw new RenamePlan.Refused("an import of the module names `" + c.name() + "` twice: write it once first");
            found = specifier;
        }
        if (found >= 0) namedToDefault(q, declaration, source, found, defaultBinding, namespace, named, out);
    }

    /** {@code import { f as g }}'s imported name made {@code name} (the whole specifier {@code name} when g is that name). */
    private static void replaceImportedName(DocumentQuery q, int specifier, String name, List<TextEdit> out) {
        Arena a = q.arena();
        int imported = Layouts.importImported(a, specifier);
        int local = Layouts.importLocal(a, specifier);
        if (local >= 0 && a.text(a.start(local), a.end(local)).equals(name)) {
            out.add(new TextEdit(q.range(a.start(imported), a.end(local)), name));
        } else {
            out.add(new TextEdit(q.range(a.start(imported), a.end(imported)), name));
        }
    }

    /** {@code import d from}, {@code import d, { a } from}, {@code import d, * as ns from}: d imported by its new name. */
    private static void defaultToNamed(DocumentQuery q, int declaration, int source, int defaultBinding, int namespace, List<Integer> named,
            String name, List<TextEdit> out) {
        Arena a = q.arena();
        char[] src = a.source();
        String local = a.text(a.start(defaultBinding), a.end(defaultBinding));
        String specifier = local.equals(name) ? name : name + " as " + local;
        int open = OrganizeImports.indexOf(src, '{', a.end(defaultBinding), a.start(source));
        if (namespace < 0 && open < 0) {
            out.add(new TextEdit(q.range(a.start(defaultBinding), a.end(defaultBinding)), "{ " + specifier + " }"));
            return;
        }
        // `d, ` goes; d joins the braces, or gets a statement of its own beside the namespace import
        int afterComma = OrganizeImports.indexOf(src, ',', a.end(defaultBinding), a.start(source));
        if (afterComma < 0) return;
        out.add(new TextEdit(q.range(a.start(defaultBinding), skipBlanks(src, a.sourceLength(), afterComma + 1)), ""));
        if (namespace >= 0) {
            boolean typeOnly = (a.data(declaration) & MOD_TYPE_ONLY) != 0;
            out.add(new TextEdit(q.range(a.start(declaration), a.start(declaration)), "import " + (typeOnly ? "type " : "") + "{ " + specifier
                    + " } from " + a.text(a.start(source), a.end(source)) + ";" + Refactors.lineBreak(src, a.sourceLength())
                    + Refactors.lineIndent(src, a.start(declaration))));
        } else if (named.isEmpty()) {
            int close = OrganizeImports.indexOf(src, '}', open, a.start(source));
            if (close > open) out.add(new TextEdit(q.range(open, close + 1), "{ " + specifier + " }"));
        } else {
            int first = OrganizeImports.specifierStart(a, named.get(0));
            out.add(new TextEdit(q.range(first, first), specifier + ", "));
        }
    }

    /** {@code import { f as g }} (g's binding otherwise unchanged) made the default binding g. */
    private static void namedToDefault(DocumentQuery q, int declaration, int source, int specifier, int defaultBinding, int namespace,
            List<Integer> named, List<TextEdit> out) {
        Arena a = q.arena();
        char[] src = a.source();
        int localNode = Layouts.importLocal(a, specifier);
        if (localNode < 0) throw new RenamePlan.Refused("an import of the module is not complete: finish it first");
        String local = a.text(a.start(localNode), a.end(localNode));
        boolean declarationTypeOnly = (a.data(declaration) & MOD_TYPE_ONLY) != 0;
        boolean inlineType = OrganizeImports.specifierStart(a, specifier) < a.start(Layouts.importImported(a, specifier));
        int open = OrganizeImports.indexOf(src, '{', a.start(declaration), a.start(source));
        int close = open < 0 ? -1 : OrganizeImports.indexOf(src, '}', open, a.start(source));
        if (open < 0 || close < 0) return;
        if (named.size() == 1 && defaultBinding < 0 && namespace < 0) {
            // import { f as g } from → import g from (an inline `type` moves to the declaration)
            out.add(new TextEdit(q.range(open, close + 1), local));
            if (inlineType && !declarationTypeOnly) {
                int importEnd = a.start(declaration) + 6;
                out.add(new TextEdit(q.range(importEnd, importEnd), " type"));
            }
            return;
        }
        // the specifier leaves the braces (the braces too, when it was their only one)
        if (named.size() == 1) {
            int comma = OrganizeImports.lastIndexOf(src, ',', a.start(declaration), open);
            if (comma < 0) return;
            out.add(new TextEdit(q.range(comma, close + 1), ""));
        } else {
            int index = named.indexOf(specifier);
            if (index + 1 < named.size()) {
                out.add(new TextEdit(q.range(OrganizeImports.specifierStart(a, specifier), OrganizeImports.specifierStart(a, named.get(index + 1))), ""));
            } else {
                out.add(new TextEdit(q.range(a.end(named.get(index - 1)), a.end(specifier)), ""));
            }
        }
        if (!declarationTypeOnly && !inlineType && defaultBinding < 0 && namespace < 0) {
            out.add(new TextEdit(q.range(open, open), local + ", "));
            return;
        }
        out.add(new TextEdit(q.range(a.start(declaration), a.start(declaration)), "import " + (declarationTypeOnly || inlineType ? "type " : "")
                + local + " from " + a.text(a.start(source), a.end(source)) + ";" + Refactors.lineBreak(src, a.sourceLength())
                + Refactors.lineIndent(src, a.start(declaration))));
    }

    /** {@code export { default as y } from}, {@code export { f } from} and the like: the same names exported, the module's new one read. */
    private static void reexportEdits(DocumentQuery q, int statement, Conversion c, List<TextEdit> out) {
        Arena a = q.arena();
        for (int s = a.firstChild(statement); s >= 0; s = a.nextSibling(s)) {
            if (a.kind(s) != EXPORT_SPECIFIER) continue;
            int local = Layouts.exportLocal(a, s);
            if (!unquoted(a, local).equals(c.before())) continue;
            int exported = Layouts.exportExported(a, s);
            String exportedName = unquoted(a, exported);
            if (exported == local) {
                // export { default } from → export { f as default } from; export { f } from → export { default as f } from
                out.add(new TextEdit(q.range(a.start(local), a.end(local)), c.after() + " as " + c.before()));
            } else if (exportedName.equals(c.after())) {
                out.add(new TextEdit(q.range(a.start(local), a.end(exported)), c.after()));
            } else {
                out.add(new TextEdit(q.range(a.start(local), a.end(local)), c.after()));
            }
        }
    }

    /** {@code ns.before} made {@code ns.after} wherever the namespace binding {@code binding} is read. */
    private static void memberUses(DocumentQuery q, int binding, Conversion c, List<TextEdit> out) {
        if (binding < 0) return;
        Arena a = q.arena();
        SymbolIndex index = q.index();
        int group = index.groupOf(q.symbolOfNode(binding));
        if (group < 0) return;
        for (int i = 0, n = index.occurrenceCount(group); i < n; i++) {
            if ((index.occurrenceFlags(group, i) & SymbolIndex.DECLARATION) != 0) continue;
            int use = index.occurrenceNode(group, i);
            int parent = q.parentOf(use);
            if (parent < 0 || (a.kind(parent) != MEMBER && a.kind(parent) != QUALIFIED_NAME) || Layouts.memberObject(a, parent) != use) continue;
            if (a.kind(parent) == MEMBER && (a.data(parent) & M_COMPUTED) != 0) continue;
            int property = Layouts.memberProperty(a, parent);
            if (property < 0 || !a.text(a.start(property), a.end(property)).equals(c.before())) continue;
            out.add(new TextEdit(q.range(a.start(property), a.end(property)), c.after()));
        }
    }

    /**
     * The offset of the keyword {@code word} among the words before the declaration's name (the
     * modifiers of an export), skipping comments and decorators; -1 when it is not there.
     */
    private static int keywordAt(Arena a, int statement, String word) {
        char[] src = a.source();
        int end = a.end(statement);
        List<int[]> skipped = new ArrayList<>();
        Refactors.anyNode(a, statement, n -> {
            if (a.kind(n) == DECORATOR) skipped.add(new int[] {a.start(n), a.end(n)});
            return false;
        }, k -> k == DECORATOR || k == CLASS_BODY || k == FUNCTION_BODY);
        int i = a.start(statement);
        while (i < end) {
            char ch = src[i];
            if (Character.isWhitespace(ch)) { i++; continue; }
            if (ch == '/' && i + 1 < end && src[i + 1] == '/') { while (i < end && src[i] != '\n') i++; continue; }
            if (ch == '/' && i + 1 < end && src[i + 1] == '*') {
                int close = OrganizeImports.indexOf(src, '*', i + 2, end);
                while (close >= 0 && close + 1 < end && src[close + 1] != '/') close = OrganizeImports.indexOf(src, '*', close + 1, end);
                if (close < 0) return -1;
                i = close + 2;
                continue;
            }
            boolean inDecorator = false;
            for (int[] d : skipped) if (d[0] == i) { i = d[1]; inDecorator = true; break; }
            if (inDecorator) continue;
            if (!Character.isJavaIdentifierStart(ch)) return -1;
            int wordEnd = i;
            while (wordEnd < end && Character.isJavaIdentifierPart(src[wordEnd])) wordEnd++;
            if (wordEnd - i == word.length() && new String(src, i, wordEnd - i).equals(word)) return i;
            String w = new String(src, i, wordEnd - i);
            if (!w.equals("export") && !w.equals("default") && !w.equals("declare") && !w.equals("async") && !w.equals("abstract")) return -1;
            i = wordEnd;
        }
        return -1;
    }

    private static String unquoted(Arena a, int node) {
        if (node < 0) return "";
        if (a.kind(node) == STRING_LITERAL && a.end(node) - a.start(node) >= 2) return a.text(a.start(node) + 1, a.end(node) - 1);
        return a.text(a.start(node), a.end(node));
    }

    private static int skipBlanks(char[] src, int length, int i) {
        while (i < length && (src[i] == ' ' || src[i] == '\t')) i++;
        return i;
    }
}
