package dev.arenals.parser;

import dev.arenals.parser.lexer.Lexer;
import dev.arenals.parser.lexer.Token;
import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;

/**
 * Reparses only the top-level statement an edit falls in, and splices the result into the arena in
 * place of the old statement: the nodes before it stay where they are, the nodes after it move
 * (indexes by the change in node count, offsets by the change in length). The result is the tree
 * a full parse of the new text would build; when that cannot be guaranteed cheaply, it declines and
 * the caller parses everything.
 *
 * <p>Why the result is the full parse's: top-level statements are parsed one after another from a
 * neutral state (no enclosing function, class, label or type context). A statement's parse depends
 * on the text before it only through the previous statement's end, so the reparse starts where the
 * previous statement ended, provided that statement cannot continue into the edited one: it ends
 * with its own {@code ;}, or a block or body of its own closes it, or it ended by ASI before a word
 * the edit leaves alone and that cannot continue it. It depends on the text after it
 * only through lookahead, which reads the real (shifted) text, and the reparse must stop exactly at
 * the next statement's first token, or it declines. Program-wide state is checked: the directive
 * prologue ("use strict"), module detection, the diagnostics cap, nesting depth.
 *
 * <p>Not thread-safe; one per {@link JsParser}.
 */
final class IncrementalReparse {
    /** Half the parser's constant speculation budget (ParseContext.speculationBudgetLeft). */
    static final int SPECULATION_ALLOWANCE = 50_000;
    private final Parser parser;
    private int[] savedDiagnostics = new int[64];
    private int[] savedComments = new int[64];
    /** Scans one token of the new text; its own tables, so the arena's are not touched. */
    private final Lexer scanner = new Lexer();
    private final NameTable scannerNames = new NameTable();
    private final ParseLog scannerLog = new ParseLog();

    private final NestedReparse nested;

    IncrementalReparse(Parser parser) {
        this.parser = parser;
        this.nested = new NestedReparse(parser);
    }

    static int optionsKey(ParseOptions o) {
        return o.language().ordinal() * 16 + o.goal().ordinal() * 2 + (o.isDeclaration() ? 1 : 0);
    }

    /**
     * Tries to turn the arena's tree of the old text into the tree of {@code text}, which differs
     * from the old text by one replacement: [{@code editStart}, {@code editOldEnd}) of the old text
     * became [{@code editStart}, {@code editNewEnd}) of the new. Returns false, with the arena in an
     * undefined state, when it cannot; the caller must then parse the whole text.
     */
    boolean reparse(Arena arena, char[] text, int length, ParseOptions options, int editStart, int editOldEnd, int editNewEnd) {
        int delta = (editNewEnd - editStart) - (editOldEnd - editStart);
        int oldLength = arena.sourceLength();
        if (arena.parsedWith() != optionsKey(options) || !arena.borrowsSource() || oldLength + delta != length) return false;
        if (editStart < 0 || editOldEnd < editStart || editOldEnd > oldLength || editNewEnd < editStart || editNewEnd > length) return false;
        // names only accumulate between full parses; a full parse now and then keeps the table tight
        if (arena.names().size() > arena.namesAtFullParse() + (arena.namesAtFullParse() >> 2) + 1024) return false;
        // speculation is budgeted per parse (a multiple of the tokens parsed so far, plus a constant):
        // while the tree's parses wasted less than half the constant, neither a full parse nor this
        // one can run out, so both speculate alike
        if (arena.wastedTokens() > SPECULATION_ALLOWANCE) return false;
        ParseLog log = arena.log();
        int oldDiagnostics = arena.parserDiagnosticCount();
        // a tree at the cap may owe its last diagnostics to where the cap fell; below it, a reparse whose total
        // would reach the cap declines after parsing (both paths check), so a file with many errors stays incremental
        if (oldDiagnostics >= ParseLog.MAX_DIAGNOSTICS) return false;

        // an edit inside one function body at any depth: that body alone, when it can be
        if (nested.reparse(arena, text, length, options, editStart, editOldEnd, delta, oldDiagnostics)) return true;

        // the top-level statement the edit starts in: the last one starting at or before it
        int root = arena.root();
        int prev = -1, stmt = -1, before = -1, index = 0, stmtIndex = -1, directives = 0;
        boolean inPrologue = true;
        for (int c = arena.firstChild(root); c >= 0; c = arena.nextSibling(c)) {
            if (inPrologue) {
                if (isDirective(arena, c)) directives++;
                else inPrologue = false;
            }
            if (stmt < 0 || arena.start(c) <= editStart) {
                prev = before;
                stmt = c;
                stmtIndex = index;
            }
            before = c;
            index++;
        }
        if (stmt < 0) return false;
        // the prologue decides strictness: a directive must not be edited away, and a statement in
        // the prologue's place must not become one (checked after the reparse)
        boolean prologuePlace = stmtIndex <= directives;
        if (prologuePlace && isDirective(arena, stmt)) return false;
        int next = arena.nextSibling(stmt);
        // nor may a string statement after it come into the prologue's place (`;""`, `;` deleted)
        if (prologuePlace && next >= 0 && mayBeDirective(arena, next)) return false;
        int prevEnd = prev < 0 ? 0 : arena.end(prev);
        int nextStart = next < 0 ? oldLength : arena.start(next);
        if (editOldEnd > nextStart || editStart < prevEnd) return false;
        // a statement that is nearly the whole file (a bundle's one IIFE) is no cheaper than the file
        if (nextStart - prevEnd > oldLength - (oldLength >> 3)) return false;
        if (fullParseIsLeaner(arena, stmt - lo(prev) + 1)) return false;
        // the previous statement must end where it ended: for good, or (ended by ASI at a line
        // break) again before the same first word of the edited statement
        // an AUTO file that is a module was parsed (or equals a parse) with the module goal: strict throughout
        ParseOptions regionOptions = options.goal() == ParseOptions.Goal.AUTO && arena.isModule() ? options.asModule() : options;
        boolean asi = prev >= 0 && !endsForGood(arena, prev);
        if (asi && !startsWithSameWord(arena.start(stmt), prevEnd, text, length, regionOptions.isModule(), editStart, editOldEnd, delta)) return false;
        if (arena.isModule() && !options.isModule() && !otherModuleSyntax(arena, root, stmt)) return false;
        boolean strict = hasUseStrict(arena, root, directives);

        // diagnostics: [0, keep) lie before the statement, [keep, resume) in it, [resume, old) after
        int keep = 0;
        while (keep < oldDiagnostics && log.diagnosticStart(keep) < prevEnd) keep++;
        int resume = keep;
        while (resume < oldDiagnostics && log.diagnosticStart(resume) < nextStart) resume++;
        for (int i = keep; i < oldDiagnostics; i++) {
            int s = log.diagnosticStart(i);
            if (s <= prevEnd || s == nextStart) return false; // on a boundary (whose is unclear) or out of order
            // at the statement's first token: perhaps the previous statement's ("';' expected", "'}' expected")
            if (s == arena.start(stmt)) return false;
            if (i >= resume && s < nextStart) return false;   // not in statement order
        }
        int comments = log.commentCount();
        int keepComments = 0;
        while (keepComments < comments && log.commentStart(keepComments) < prevEnd) keepComments++;
        int resumeComments = keepComments;
        while (resumeComments < comments && log.commentStart(resumeComments) < nextStart) resumeComments++;

        // from here on the arena changes; a failure means a full parse
        int afterDiagnostics = oldDiagnostics - resume;
        if (savedDiagnostics.length < 4 * afterDiagnostics) savedDiagnostics = new int[4 * afterDiagnostics + 64];
        int diagInts = log.copyDiagnostics(resume, oldDiagnostics, delta, savedDiagnostics);
        int afterComments = comments - resumeComments;
        if (savedComments.length < 2 * afterComments) savedComments = new int[2 * afterComments + 64];
        int commentInts = log.copyComments(resumeComments, comments, delta, savedComments);
        log.truncateDiagnostics(keep);
        log.truncateComments(keepComments);

        int oldCount = arena.nodeCount();
        int lo = lo(prev);
        int expected = next < 0 ? length : nextStart + delta;
        arena.beginRegionReparse(text, length, lo, stmt);
        int stop = parser.parseTopLevelRange(text, length, regionOptions, arena, arena.names(), log, prevEnd, expected, strict);
        if (stop != expected || parser.wastedTokens() > SPECULATION_ALLOWANCE - arena.wastedTokens()) return false;
        // an AUTO file that this edit makes a module: the statements before were parsed as sloppy script code
        if (!arena.isModule() && parser.sawModuleSyntax() && options.goal() == ParseOptions.Goal.AUTO) return false;
        // an AUTO module's region was read as module code, where <!-- and --> are no comments; read as
        // the AUTO goal reads a file first, they might hide the import or export that makes it a module
        if (regionOptions != options && mayHoldHtmlComment(text, prevEnd, expected)) return false;
        if (prologuePlace && arena.pendingCount() > 0 && mayBeDirective(arena, arena.pending(0))) return false;
        for (int i = keep; i < log.diagnosticCount(); i++) {
            int s = log.diagnosticStart(i);
            if (s <= prevEnd || s >= expected) return false;
        }
        for (int i = keepComments; i < log.commentCount(); i++) {
            if (log.commentStart(i) >= expected) return false;
        }
        if (log.diagnosticCount() + afterDiagnostics >= ParseLog.MAX_DIAGNOSTICS) return false;
        log.appendDiagnostics(savedDiagnostics, diagInts);
        log.appendComments(savedComments, commentInts);
        boolean module = arena.isModule() || parser.sawModuleSyntax() || options.isModule();
        arena.spliceTopLevel(oldCount, lo, stmt, prev, next, delta, length, module ? 1 : 0);
        arena.setModule(module);
        arena.parsed(optionsKey(options), false, parser.wastedTokens());
        return true;
    }

    /** A statement's subtree is built right after the previous statement's: its first node index. */
    private static int lo(int prev) {
        return prev < 0 ? 0 : prev + 1;
    }

    /**
     * A region of {@code regionNodes} old nodes is better parsed as part of a full parse: it is most
     * of the tree (over half its nodes) and its new nodes, appended after the whole old tree until the
     * splice, would not fit in the node columns (an eighth of slack for what the edit adds). The
     * columns would then grow to the tree plus the region and stay so while the document is open
     * (typescript.js: an edit between two functions of its outer body reparses 976,759 of its 976,804
     * nodes: 2.08 million slots, ~26 MB empty); a full parse refills the same columns, parses under
     * twice the region, and the full bind after it walks about what the rebind of that region
     * would. A region with room stays incremental: it costs no space, and its parse less time.
     */
    static boolean fullParseIsLeaner(Arena arena, int regionNodes) {
        long nodes = arena.nodeCount();
        return 2L * regionNodes > nodes && nodes + regionNodes + (regionNodes >> 3) > arena.capacity();
    }

    /**
     * The statement at {@code start} (old offsets) begins, before and after the edit, with the same
     * word, one that cannot continue the statement before it across a line break: an identifier or a
     * keyword other than the operators and clauses that can ({@code in}, {@code instanceof},
     * {@code as}, {@code satisfies}, {@code extends}, {@code implements}, {@code of}, {@code is},
     * {@code with}, {@code assert}). The previous statement's parse stopped at that word looking no
     * further, so it stops there again. Either the edit lies after the word, or it lies wholly in
     * the trivia before it and a line break still separates the word from the previous statement.
     */
    private boolean startsWithSameWord(int start, int prevEnd, char[] text, int length, boolean module,
            int editStart, int editOldEnd, int delta) {
        boolean before = start < editStart;          // the word and what precedes it are unchanged
        boolean after = editOldEnd <= start;          // the edit is in the trivia before the word
        if (!before && !after) return false;
        scannerNames.reset();
        scannerLog.reset();
        scanner.reset(text, length, scannerNames, scannerLog, module);
        int at = before ? start : start + delta;
        scanner.seek(before ? start : prevEnd);
        int t = scanner.next();
        boolean word = scanner.tokenStart == at && (before ? scanner.tokenEnd < editStart : scanner.newlineBefore)
                && (scanner.flags & Lexer.F_ESCAPED) == 0 && Token.isIdentifierName(t);
        if (word) {
            switch (t) {
                case Token.K_IN: case Token.K_INSTANCEOF: case Token.K_AS: case Token.K_SATISFIES: case Token.K_EXTENDS:
                case Token.K_IMPLEMENTS: case Token.K_OF: case Token.K_IS: case Token.K_WITH:
                    word = false;
                    break;
                default:
                    word = !(scanner.tokenEnd - at == 6 && matches(text, at, "assert"));
            }
        }
        scanner.release();
        return word;
    }

    /** {@code <!--} or {@code -->} somewhere in text[from, to): perhaps an HTML-like comment of a script. */
    static boolean mayHoldHtmlComment(char[] text, int from, int to) {
        for (int i = Math.max(from, 0); i + 2 < Math.min(to, text.length); i++) {
            if (text[i] == '<' && text[i + 1] == '!' && i + 3 < to && text[i + 2] == '-' && text[i + 3] == '-') return true;
            if (text[i] == '-' && text[i + 1] == '-' && text[i + 2] == '>') return true;
        }
        return false;
    }

    /** An expression statement that starts with a string literal: in the prologue's place, a directive. */
    private static boolean mayBeDirective(Arena arena, int stmt) {
        if (arena.kind(stmt) != NodeKind.EXPRESSION_STATEMENT) return false;
        int first = arena.firstChild(stmt);
        for (int depth = 0; first >= 0 && depth < 64; depth++) {
            if (arena.kind(first) == NodeKind.STRING_LITERAL) return arena.start(first) == arena.start(stmt);
            first = arena.firstChild(first);
        }
        return false;
    }

    /** A directive: an expression statement of a string literal in the prologue. */
    static boolean isDirective(Arena arena, int stmt) {
        return arena.kind(stmt) == NodeKind.EXPRESSION_STATEMENT && arena.data(stmt) == 1;
    }

    /** The prologue holds "use strict", spelled exactly so and closed (escapes do not count). */
    private static boolean hasUseStrict(Arena arena, int root, int directives) {
        char[] src = arena.source();
        int c = arena.firstChild(root);
        for (int i = 0; i < directives && c >= 0; i++, c = arena.nextSibling(c)) {
            int lit = arena.firstChild(c);
            if (lit < 0) continue;
            int s = arena.start(lit), e = arena.end(lit);
            // closed by its own quote: an unterminated 'use strict; is no directive of strictness
            if (e - s == 12 && src[e - 1] == src[s] && matches(src, s + 1, "use strict")) return true;
        }
        return false;
    }

    static boolean matches(char[] src, int at, String word) {
        for (int i = 0; i < word.length(); i++) if (src[at + i] != word.charAt(i)) return false;
        return true;
    }

    /**
     * The statement cannot run on into the next one whatever that starts with: its last token is
     * its own ';' (not a ';' inside a string, regex or template that happens to end it), or it is a
     * declaration whose last token is the closing brace of its own body (a function, class,
     * interface, enum, namespace or block, exported or not).
     */
    private static boolean endsForGood(Arena arena, int stmt) {
        int e = arena.end(stmt);
        if (e <= arena.start(stmt) || e > arena.sourceLength()) return false;
        char last = arena.source()[e - 1];
        if (last == ';') return endsWithOwnSemicolon(arena, stmt, e);
        if (last != '}') return false;
        return endsWithOwnBrace(arena, stmt, e);
    }

    /**
     * The '}' that ends {@code n} closes a block or body of a statement or declaration that cannot
     * go on: followed down the chain of last children that end there, through statements only (an
     * expression ending in '}', like {@code x = {}}, can go on: {@code x = {}\n(y)} is a call),
     * to a block, body or enum whose own token it is. An if without else and a try without
     * finally are not finished: an {@code else} or {@code finally} typed next would join them.
     */
    private static boolean endsWithOwnBrace(Arena arena, int n, int e) {
        for (int depth = 0; depth < 64; depth++) {
            switch (arena.kind(n)) {
                case NodeKind.BLOCK: case NodeKind.FUNCTION_BODY: case NodeKind.CLASS_BODY: case NodeKind.INTERFACE_BODY:
                case NodeKind.MODULE_BLOCK: case NodeKind.ENUM_DECLARATION: case NodeKind.SWITCH: {
                    int inner = lastChild(arena, n);
                    if (inner >= 0) return arena.end(inner) < e;
                    return e - arena.start(n) >= 2 && arena.source()[arena.start(n)] == '{';
                }
                case NodeKind.IF:
                    if (childCount(arena, n) != 3) return false;
                    break;
                case NodeKind.TRY:
                    if ((arena.data(n) & 2) == 0) return false;
                    break;
                case NodeKind.EXPORT_NAMED: case NodeKind.EXPORT_DEFAULT: case NodeKind.FOR: case NodeKind.FOR_IN:
                case NodeKind.FOR_OF: case NodeKind.WHILE: case NodeKind.WITH: case NodeKind.LABELED:
                case NodeKind.FUNCTION_DECLARATION: case NodeKind.CLASS_DECLARATION: case NodeKind.INTERFACE_DECLARATION:
                case NodeKind.MODULE_DECLARATION:
                    break;
                default:
                    return false;
            }
            int c = lastChild(arena, n);
            if (c < 0 || arena.end(c) != e) return false;
            n = c;
        }
        return false;
    }

    private static int childCount(Arena arena, int n) {
        int k = 0;
        for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) k++;
        return k;
    }

    /**
     * The ';' that ends {@code n} is a token of a statement, not the end of a literal: some statement
     * on the chain of last children that all end there has its last child end before it, and no if
     * on that chain lacks its else.
     */
    private static boolean endsWithOwnSemicolon(Arena arena, int n, int e) {
        for (int depth = 0; depth < 64; depth++) {
            // an if without else is not finished: an `else` typed next joins it (`if (a) b;` + `else c`)
            if (arena.kind(n) == NodeKind.IF && childCount(arena, n) != 3) return false;
            int c = lastChild(arena, n);
            if (c < 0) return arena.kind(n) == NodeKind.EMPTY_STATEMENT;
            if (arena.end(c) < e) return true;
            n = c;
        }
        return false;
    }

    private static int lastChild(Arena arena, int n) {
        int last = -1;
        for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) last = c;
        return last;
    }

    /** Another top-level statement makes the file a module by itself. */
    static boolean otherModuleSyntax(Arena arena, int root, int except) {
        for (int c = arena.firstChild(root); c >= 0; c = arena.nextSibling(c)) {
            if (c == except) continue;
            switch (arena.kind(c)) {
                case NodeKind.IMPORT_DECLARATION: case NodeKind.EXPORT_NAMED: case NodeKind.EXPORT_DEFAULT:
                case NodeKind.EXPORT_ALL:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
