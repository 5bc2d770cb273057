package dev.arenals.server.features;

import static dev.arenals.parser.tree.NodeKind.*;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.scope.SymbolKind;
import dev.arenals.parser.scope.UnusedReports;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.Layouts;
import dev.arenals.parser.tree.ParseLog;
import dev.arenals.server.document.Document;
import dev.arenals.server.query.DocumentQuery;
import dev.arenals.server.query.TreePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/codeAction}: quick fixes that remove an unused declaration, import or
 * parameter ({@link Removals}) under the requested range; quick fixes for syntax errors where one
 * edit is obviously right (a missing {@code )}, {@code ]} or {@code ;}, a missing JSX closing
 * tag), chosen by the parser's diagnostic codes; refactorings ({@link Refactors}); and
 * {@code source.organizeImports} ({@link OrganizeImports}).
 */
public final class CodeActionHandler {
    /** Must run on the document's queue. {@code only}: the kinds the client asked for, or null for all. */
    public List<Either<Command, CodeAction>> codeActions(Document doc, Range range, List<String> only, List<Diagnostic> context) {
        return codeActions(doc, range, only, context, null);
    }

    /** The same, with the workspace index for "Add import" (null: none). */
    public List<Either<Command, CodeAction>> codeActions(Document doc, Range range, List<String> only, List<Diagnostic> context,
            dev.arenals.server.workspace.WorkspaceIndex index) {
        return codeActions(doc, range, only, context, index, null);
    }

    /**
     * The same; {@code fileTaken} says whether a file URI is in use (on disk or open), for the
     * refactorings that create a file, or is null when the client cannot create files.
     */
    public List<Either<Command, CodeAction>> codeActions(Document doc, Range range, List<String> only, List<Diagnostic> context,
            dev.arenals.server.workspace.WorkspaceIndex index, java.util.function.Predicate<String> fileTaken) {
        DocumentQuery q = DocumentQuery.of(doc);
        if (q == null || range == null) return List.of();
        int from = doc.offsetAt(range.getStart());
        int to = Math.max(from, doc.offsetAt(range.getEnd()));
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        if (wants(only, CodeActionKind.QuickFix)) {
            syntaxFixes(q, from, to, context, out);
            unusedFixes(q, from, to, context, out);
            unreachableFixes(q, from, to, context, out);
            List<CodeAction> imports = new ArrayList<>();
            ImplementInterface.actions(q, from, to, imports);
            AddImportFix.actions(q, from, index, imports);
            for (CodeAction a : imports) out.add(Either.forRight(a));
        }
        if (only != null && wants(only, AddImportFix.ADD_MISSING_IMPORTS)) { // asked for (on save, say), not offered on every lightbulb
            CodeAction all = AddImportFix.addAllMissing(q, index);
            if (all != null) out.add(Either.forRight(all));
        }
        List<CodeAction> refactors = new ArrayList<>();
        Refactors.actions(q, from, to, only, refactors);
        for (CodeAction a : refactors) out.add(Either.forRight(a));
        ConvertExport.Conversion conversion = ConvertExport.at(q, from, to);
        if (conversion != null && wants(only, conversion.kind())) {
            // the importers' edits come with codeAction/resolve: computing them for every lightbulb would read other files
            out.add(Either.forRight(resolvedLater(conversion.title(), conversion.kind(), CONVERT_EXPORT, q.uri(), range)));
        }
        if (wants(only, ConvertParameters.KIND) && ConvertParameters.at(q, from, to) != null) {
            // every call in the workspace is rewritten: found when resolved, as the export's importers are
            out.add(Either.forRight(resolvedLater(ConvertParameters.TITLE, ConvertParameters.KIND, CONVERT_PARAMETERS, q.uri(), range)));
        }
        if (fileTaken != null && wants(only, Refactors.MOVE_TO_NEW_FILE)) {
            CodeAction move = MoveToNewFile.action(q, from, to, fileTaken);
            if (move != null) out.add(Either.forRight(move));
        }
        importsAction(q, only, CodeActionKind.SourceOrganizeImports, "Organize Imports", true, true, out);
        importsAction(q, only, OrganizeImports.SORT_IMPORTS, "Sort Imports", false, true, out);
        importsAction(q, only, OrganizeImports.REMOVE_UNUSED_IMPORTS, "Remove Unused Imports", true, false, out);
        if (only != null && only.stream().anyMatch(o -> o.startsWith("source.fixAll"))) { // asked for by name (on save), not on the lightbulb or the source menu
            CodeAction all = fixAll(q);
            if (all != null) out.add(Either.forRight(all));
        }
        if (only != null && only.stream().anyMatch(o -> o.startsWith("source.removeUnused") && !o.startsWith("source.removeUnusedImports"))) {
            out.add(Either.forRight(removeAllUnused(q)));
        }
        return out;
    }

    private static final com.google.gson.Gson JSON = new com.google.gson.Gson();

    /** The key of a code action's {@code data} that says it is resolved by {@code codeAction/resolve}. */
    private static final String RESOLVE_KEY = "arenaLsResolve";

    /** The actions whose edits {@code codeAction/resolve} computes. */
    public static final String CONVERT_EXPORT = "convertExport", CONVERT_PARAMETERS = "convertParameters";

    /** What {@code codeAction/resolve} needs to compute an action's edit: which action, the document and the range it was offered for. */
    public record ResolveData(String action, String uri, Range range) { }

    /** An action offered without its edit, with the data {@link #resolveData} reads back. */
    private static CodeAction resolvedLater(String title, String kind, String action, String uri, Range range) {
        CodeAction out = new CodeAction(title);
        out.setKind(kind);
        com.google.gson.JsonObject data = new com.google.gson.JsonObject();
        data.addProperty(RESOLVE_KEY, action);
        data.addProperty("uri", uri);
        data.add("range", JSON.toJsonTree(range));
        out.setData(data);
        return out;
    }

    /** The resolve data of an action this handler offered without its edit, or null (another action, or data a client mangled). */
    public static ResolveData resolveData(CodeAction action) {
        Object data = action.getData();
        if (!(data instanceof com.google.gson.JsonObject)) return null;
        com.google.gson.JsonObject o = (com.google.gson.JsonObject) data;
        try {
            String which = o.has(RESOLVE_KEY) ? o.get(RESOLVE_KEY).getAsString() : null;
            if (!CONVERT_EXPORT.equals(which) && !CONVERT_PARAMETERS.equals(which)) return null;
            Range range = JSON.fromJson(o.get("range"), Range.class);
            String uri = o.get("uri").getAsString();
            if (uri == null || range == null || range.getStart() == null || range.getEnd() == null) return null;
            return new ResolveData(which, uri, range);
        } catch (RuntimeException e) {
            return null; // not ours, or not as we wrote it
        }
    }

    /**
     * An imports action when its kind is wanted: offered when it changes something, and answered
     * (with no edit) when asked for by its kind or {@code source}, as on save.
     */
    private static void importsAction(DocumentQuery q, List<String> only, String kind, String title, boolean removeUnused, boolean sortAndMerge,
            List<Either<Command, CodeAction>> out) {
        if (!wants(only, kind)) return;
        boolean asked = only != null && !only.isEmpty(); // and wanted: by its kind or a prefix of it (source)
        // sorting and removing alone are offered only when asked: the lightbulb's source list keeps Organize Imports
        if (!asked && !kind.equals(CodeActionKind.SourceOrganizeImports)) return;
        List<OrganizeImports.Edit> edits = OrganizeImports.edits(q, removeUnused, sortAndMerge);
        if (edits.isEmpty() && !asked) return;
        List<TextEdit> textEdits = new ArrayList<>();
        for (OrganizeImports.Edit e : edits) textEdits.add(new TextEdit(q.range(e.start(), e.end()), e.text()));
        CodeAction action = new CodeAction(title);
        action.setKind(kind);
        action.setEdit(new WorkspaceEdit(Map.of(q.uri(), textEdits)));
        out.add(Either.forRight(action));
    }

    /** TypeScript's kind for the fixes that are safe to apply all at once, on save. */
    public static final String FIX_ALL = "source.fixAll.ts";

    /**
     * {@code source.fixAll.ts}: of TypeScript's auto-fixable set, the ones arena-ls knows — every
     * {@code await} outside an async function (its function made async, once) and every run of
     * unreachable code removed. Answered (with no edit) even when there is nothing to fix, as a
     * client asking on save expects.
     */
    private static CodeAction fixAll(DocumentQuery q) {
        Arena a = q.arena();
        ParseLog log = a.log();
        List<int[]> spans = new ArrayList<>();
        List<TextEdit> edits = new ArrayList<>();
        for (int i = 0; i < log.diagnosticCount(); i++) {
            Diag d = log.diagnostic(i);
            if (d != Diag.AWAIT_OUTSIDE_ASYNC && d != Diag.FOR_AWAIT_OUTSIDE_ASYNC) continue;
            CodeAction fix = addAsync(q, log.diagnosticStart(i));
            if (fix != null) addAll(q, fix.getEdit().getChanges().get(q.uri()), spans, edits);
        }
        char[] src = a.source();
        for (int[] f : UnreachableCode.findings(a)) {
            if (f[0] != UnreachableCode.UNREACHABLE) continue;
            int[] span = Removals.statementSpan(src, a.sourceLength(), f[1], f[2]);
            addAll(q, List.of(new TextEdit(q.range(span[0], span[1]), "")), spans, edits);
        }
        CodeAction action = new CodeAction("Fix all");
        action.setKind(FIX_ALL);
        action.setEdit(new WorkspaceEdit(Map.of(q.uri(), edits)));
        return action;
    }

    /** TypeScript's kind for removing every unused declaration at once. */
    public static final String REMOVE_UNUSED = "source.removeUnused.ts";

    /**
     * {@code source.removeUnused.ts}: every unused declaration the hints show removed, as its quick
     * fix would (an import declaration whose bindings are all unused as a whole); a removal that
     * touches one already taken (two declarators of one statement) waits for the next request.
     */
    private static CodeAction removeAllUnused(DocumentQuery q) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        boolean[] mask = UnusedCode.unusedMask(q);
        List<int[]> spans = new ArrayList<>();
        List<TextEdit> edits = new ArrayList<>();
        for (int sym : UnusedCode.unusedSymbols(q)) {
            Removals.Removal removal = Removals.of(q, sym, mask);
            if (removal != null) addAll(q, List.of(new TextEdit(q.range(removal.start(), removal.end()), removal.text())), spans, edits);
        }
        CodeAction action = new CodeAction("Remove all unused code");
        action.setKind(REMOVE_UNUSED);
        action.setEdit(new WorkspaceEdit(Map.of(q.uri(), edits)));
        return action;
    }

    /** Adds a fix's edits unless one of them touches an edit already taken (the same async twice, code inside removed code). */
    private static void addAll(DocumentQuery q, List<TextEdit> fix, List<int[]> spans, List<TextEdit> edits) {
        int[][] mine = new int[fix.size()][];
        for (int i = 0; i < fix.size(); i++) {
            int s = q.document().offsetAt(fix.get(i).getRange().getStart()), e = q.document().offsetAt(fix.get(i).getRange().getEnd());
            mine[i] = new int[] {s, e};
            for (int[] t : spans) if (s < t[1] && t[0] < e || s == t[0] && e == t[1]) return; // overlapping, or the same place twice
        }
        for (int i = 0; i < fix.size(); i++) {
            spans.add(mine[i]);
            edits.add(fix.get(i));
        }
    }

    /** Whether {@code kind} is asked for: no filter, or a filter entry equal to it or a prefix of it. */
    static boolean wants(List<String> only, String kind) {
        if (only == null || only.isEmpty()) return true;
        for (String o : only) if (kind.equals(o) || kind.startsWith(o + ".")) return true;
        return false;
    }

    // ---- unused code ----

    private static void unusedFixes(DocumentQuery q, int from, int to, List<Diagnostic> context, List<Either<Command, CodeAction>> out) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        int[] reports = UnusedCode.unusedReports(q);
        boolean[] mask = UnusedCode.unusedMask(q);
        for (int i = 0; i < reports.length; i += UnusedReports.STRIDE) {
            int start = reports[i], end = reports[i + 1], code = reports[i + 2], sym = reports[i + 3];
            if (start > to) break; // in order of their starts
            if (end < from) continue;
            int member = UnusedReports.memberOf(sym);
            if (member >= 0) {
                // a private method or field as a whole; a parameter property stays (its callers pass it), and
                // so does a field the class still assigns (`this.x = v`: removing it would break those lines)
                if (a.kind(member) == PARAMETER || UnusedReports.assignedThroughThis(a, TreePaths.parent(a, member), member)) continue;
                int[] span = Removals.statementSpan(a.source(), a.sourceLength(), a.start(member), a.end(member));
                CodeAction action = quickFix(q, "Remove unused declaration for: '" + UnusedReports.name(a, t, sym) + "'", span[0], span[1], "");
                action.setDiagnostics(matching(q, context, start, end));
                action.setIsPreferred(true);
                out.add(Either.forRight(action));
                continue;
            }
            int decl = t.declarationNode(sym);
            // a report over more than the name: a whole import declaration or type parameter list
            boolean whole = start != a.start(decl) || end != a.end(decl);
            CodeAction prefix = null; // after the removal, or alone where a loop variable cannot be removed
            if (!whole && prefixable(q, sym)) {
                prefix = quickFix(q, "Prefix '" + t.name(sym) + "' with an underscore", a.start(decl), a.start(decl), "_");
                prefix.setDiagnostics(matching(q, context, start, end));
            }
            Removals.Removal removal = code == UnusedReports.ALL_VARIABLES_UNUSED ? Removals.variableStatement(q, sym)
                    : code == UnusedReports.ALL_DESTRUCTURED_UNUSED ? null // the initializer may have effects: left to the user
                    : Removals.of(q, sym, mask);
            if (removal == null) {
                if (prefix != null) out.add(Either.forRight(prefix));
                continue;
            }
            String title;
            if (code == UnusedReports.ALL_VARIABLES_UNUSED) {
                title = "Remove variable statement";
            } else if (whole && t.kind(sym) == SymbolKind.IMPORT) {
                int statement = UnusedCode.importStatementOf(a, t.declaringNode(sym));
                title = statement >= 0 ? "Remove import from " + moduleText(a, statement) : "Remove unused import '" + t.name(sym) + "'";
            } else if (t.kind(sym) == SymbolKind.IMPORT) {
                title = "Remove unused import '" + t.name(sym) + "'";
            } else if (code == UnusedReports.ALL_TYPE_PARAMETERS_UNUSED) {
                title = "Remove type parameters";
            } else {
                title = "Remove unused declaration for: '" + t.name(sym) + "'";
            }
            CodeAction action = quickFix(q, title, removal.start(), removal.end(), removal.text());
            action.setDiagnostics(matching(q, context, start, end));
            action.setIsPreferred(true);
            out.add(Either.forRight(action));
            if (prefix != null) out.add(Either.forRight(prefix));
        }
    }

    /**
     * TypeScript's "Prefix 'x' with an underscore" (an unused name it then leaves alone): a
     * parameter named directly (not an element of a pattern, whose name is also the property it
     * reads), a {@code for (const x of …)} / {@code in} variable; only where the
     * name has no other occurrence (a write would keep the old name).
     */
    private static boolean prefixable(DocumentQuery q, int sym) {
        Arena a = q.arena();
        ScopeTable t = q.scopes();
        if (t.name(sym).startsWith("_")) return false;
        int decl = t.declarationNode(sym);
        int group = q.index().groupOf(sym);
        if (decl < 0 || group < 0 || q.index().declarationCount(group) != 1 || q.index().occurrenceCount(group) != 1) return false;
        int p = q.parentOf(decl);
        switch (t.kind(sym)) {
            case SymbolKind.PARAMETER:
                if (p >= 0 && a.kind(p) == PARAMETER && (a.data(p) & MOD_PARAMETER_PROPERTY) != 0) return false;
                while (p >= 0 && (a.kind(p) == PARAMETER || a.kind(p) == ASSIGNMENT_PATTERN || a.kind(p) == REST_ELEMENT)) p = q.parentOf(p);
                return p >= 0 && a.kind(p) == FORMAL_PARAMETERS;
            default: {
                if (p < 0 || a.kind(p) != VARIABLE_DECLARATOR || a.firstChild(p) != decl) return false;
                int list = q.parentOf(p), loop = list < 0 ? -1 : q.parentOf(list);
                return loop >= 0 && (a.kind(loop) == FOR_OF || a.kind(loop) == FOR_IN);
            }
        }
    }

    /** TypeScript's "Remove unreachable code" (the statements, with their lines) and "Remove unused label" (the label and its colon). */
    private static void unreachableFixes(DocumentQuery q, int from, int to, List<Diagnostic> context, List<Either<Command, CodeAction>> out) {
        Arena a = q.arena();
        char[] src = a.source();
        for (int[] f : UnreachableCode.findings(a)) {
            if (f[2] < from || f[1] > to) continue;
            CodeAction action;
            if (f[0] == UnreachableCode.UNREACHABLE) {
                int[] span = Removals.statementSpan(src, a.sourceLength(), f[1], f[2]);
                action = quickFix(q, "Remove unreachable code", span[0], span[1], "");
            } else {
                int end = f[2];
                while (end < a.sourceLength() && Character.isWhitespace(src[end])) end++;
                if (end < a.sourceLength() && src[end] == ':') end++;
                while (end < a.sourceLength() && (src[end] == ' ' || src[end] == '\t')) end++;
                action = quickFix(q, "Remove unused label", f[1], end, "");
            }
            action.setDiagnostics(matching(q, context, f[1], f[2]));
            action.setIsPreferred(true);
            out.add(Either.forRight(action));
        }
    }

    private static String moduleText(Arena a, int importDeclaration) {
        for (int c = a.firstChild(importDeclaration); c >= 0; c = a.nextSibling(c)) {
            if (a.kind(c) == STRING_LITERAL) return a.text(a.start(c), a.end(c));
        }
        return "the module";
    }

    // ---- syntax errors ----

    private static void syntaxFixes(DocumentQuery q, int from, int to, List<Diagnostic> context, List<Either<Command, CodeAction>> out) {
        Arena a = q.arena();
        ParseLog log = a.log();
        char[] src = a.source();
        for (int i = 0; i < log.diagnosticCount(); i++) {
            int s = log.diagnosticStart(i), e = log.diagnosticEnd(i);
            if (e < from || s > to) continue;
            Diag d = log.diagnostic(i);
            CodeAction action = null;
            if (d == Diag.TOKEN_EXPECTED) {
                int token = log.diagnosticArg(i);
                String text = token == Token.RPAREN ? ")" : token == Token.RBRACKET ? "]" : token == Token.SEMICOLON ? ";" : null;
                int at = afterPreviousToken(src, s);
                // "',' expected" where a list ends (at a ';' or a new line): the list's closing bracket is missing
                if (token == Token.COMMA && (s >= a.sourceLength() || src[s] == ';' || lineBreakBetween(src, at, s))) text = unclosedList(a, at);
                if (text == null) continue;
                action = quickFix(q, "Insert missing '" + text + "'", at, at, text);
            } else if (d == Diag.JSX_CLOSING_TAG || d == Diag.JSX_NO_CLOSING_TAG) {
                action = jsxClosingTag(q, d, s);
            } else if (d == Diag.AWAIT_OUTSIDE_ASYNC || d == Diag.FOR_AWAIT_OUTSIDE_ASYNC) {
                action = addAsync(q, s);
            }
            if (action == null) continue;
            action.setDiagnostics(matching(q, context, s, e));
            action.setIsPreferred(true);
            out.add(Either.forRight(action));
        }
    }

    /**
     * TypeScript's "Add async modifier to containing function": {@code async} before the innermost
     * function, arrow or method holding the {@code await} (after a method's modifiers, before its
     * {@code *}), and a return type {@code T} written as {@code Promise<T>}; none for a getter, a
     * setter or a constructor, which cannot be async.
     */
    private static CodeAction addAsync(DocumentQuery q, int at) {
        Arena a = q.arena();
        char[] src = a.source();
        int fn = -1;
        for (int node = a.root(); node >= 0; ) {
            int k = a.kind(node);
            if (k == FUNCTION_DECLARATION || k == FUNCTION_EXPRESSION || k == ARROW_FUNCTION) fn = node;
            int next = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) <= at && at < a.end(c)) next = c;
            }
            node = next;
        }
        if (fn < 0 || (a.data(fn) & F_ASYNC) != 0) return null;
        int owner = q.parentOf(fn);
        int insertAt;
        if (a.kind(fn) == FUNCTION_EXPRESSION && owner >= 0 && (a.kind(owner) == METHOD || a.kind(owner) == PROPERTY && (a.data(owner) & P_METHOD) != 0)) {
            if ((a.data(owner) & (P_GET | P_SET | C_CONSTRUCTOR)) != 0) return null;
            int key = a.firstChild(owner);
            while (key >= 0 && a.kind(key) == DECORATOR) key = a.nextSibling(key);
            if (key < 0) return null;
            insertAt = a.start(key);
            int i = insertAt - 1;
            while (i >= 0 && Character.isWhitespace(src[i])) i--;
            if (i >= 0 && src[i] == '*') insertAt = i; // async *m()
        } else if (a.kind(fn) == ARROW_FUNCTION) {
            insertAt = a.start(fn);
        } else {
            insertAt = a.start(fn);
            if (!new String(src, insertAt, Math.min(8, a.sourceLength() - insertAt)).equals("function")) return null;
        }
        List<TextEdit> edits = new ArrayList<>(2);
        edits.add(new TextEdit(q.range(insertAt, insertAt), "async "));
        int returnType = Layouts.functionReturnType(a, fn);
        if (returnType >= 0 && a.kind(returnType) != TYPE_PREDICATE) {
            String type = a.text(a.start(returnType), a.end(returnType));
            if (!type.startsWith("Promise<")) edits.add(new TextEdit(q.range(a.start(returnType), a.end(returnType)), "Promise<" + type + ">"));
        }
        CodeAction action = new CodeAction("Add async modifier to containing function");
        action.setKind(CodeActionKind.QuickFix);
        action.setEdit(new WorkspaceEdit(Map.of(q.uri(), edits)));
        return action;
    }

    private static boolean lineBreakBetween(char[] src, int from, int to) {
        for (int i = from; i < to; i++) if (src[i] == '\n' || src[i] == '\r') return true;
        return false;
    }

    /** The closing bracket of the innermost call, array or object left open before {@code offset}, or null. */
    private static String unclosedList(Arena a, int offset) {
        String found = null;
        char[] src = a.source();
        int node = a.root();
        while (node >= 0) {
            int k = a.kind(node);
            boolean open = a.end(node) <= offset || src[a.end(node) - 1] != closer(k);
            if (k == CALL || k == NEW) found = open && SignatureHelpHandler.openParen(a, node) >= 0 ? ")" : null;
            else if (k == ARRAY) found = open ? "]" : null;
            else if (k == OBJECT) found = open ? "}" : null;
            else if (k == FUNCTION_BODY || k == BLOCK || k == CLASS_BODY) found = null;
            int next = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) < offset) next = c;
                else break;
            }
            node = next;
        }
        return found;
    }

    private static char closer(int kind) {
        return kind == ARRAY ? ']' : kind == OBJECT ? '}' : ')';
    }

    /** Just after the last non-blank character before {@code offset} (where a missing token belongs). */
    private static int afterPreviousToken(char[] src, int offset) {
        int i = offset;
        while (i > 0 && Character.isWhitespace(src[i - 1])) i--;
        return i;
    }

    /**
     * {@code <a><b></a>}: the closing tag met is not the element's; {@code </b>} goes before it.
     * {@code <a>…} at the end of the file: {@code </a>} goes at the element's end.
     */
    private static CodeAction jsxClosingTag(DocumentQuery q, Diag d, int at) {
        Arena a = q.arena();
        int node = innermostAt(a, at, d == Diag.JSX_CLOSING_TAG ? JSX_CLOSING_ELEMENT : JSX_OPENING_ELEMENT);
        if (node < 0) return null;
        int[] path = TreePaths.pathTo(a, node);
        if (path == null || path.length < 2 || a.kind(path[path.length - 2]) != JSX_ELEMENT) return null;
        int element = path[path.length - 2];
        int opening = Layouts.jsxOpeningElement(a, element);
        int name = opening < 0 ? -1 : Layouts.jsxTagName(a, opening);
        if (name < 0) return null;
        String tag = "</" + a.text(a.start(name), a.end(name)) + ">";
        int insertAt = d == Diag.JSX_CLOSING_TAG ? a.start(node) : a.end(element);
        return quickFix(q, "Insert missing closing tag '" + tag + "'", insertAt, insertAt, tag);
    }

    private static int innermostAt(Arena a, int offset, int kind) {
        int found = -1;
        int node = a.root();
        while (node >= 0) {
            if (a.kind(node) == kind) found = node;
            int next = -1;
            for (int c = a.firstChild(node); c >= 0; c = a.nextSibling(c)) {
                if (a.start(c) <= offset && offset < Math.max(a.end(c), a.start(c) + 1)) { next = c; break; }
            }
            node = next;
        }
        return found;
    }

    // ---- helpers ----

    private static CodeAction quickFix(DocumentQuery q, String title, int start, int end, String text) {
        CodeAction action = new CodeAction(title);
        action.setKind(CodeActionKind.QuickFix);
        action.setEdit(new WorkspaceEdit(Map.of(q.uri(), List.of(new TextEdit(q.range(start, end), text)))));
        return action;
    }

    /** The client's diagnostics (from the request's context) on the same span, for the action to say what it fixes. */
    private static List<Diagnostic> matching(DocumentQuery q, List<Diagnostic> context, int start, int end) {
        if (context == null || context.isEmpty()) return null;
        Range r = q.range(start, end);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : context) if (r.equals(d.getRange())) out.add(d);
        return out.isEmpty() ? null : out;
    }
}
