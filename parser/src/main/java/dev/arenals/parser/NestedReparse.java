package dev.arenals.parser;

import static dev.arenals.parser.ParseContext.*;

import dev.arenals.parser.tree.Arena;
import dev.arenals.parser.tree.NodeKind;
import dev.arenals.parser.tree.ParseLog;
import java.util.Arrays;

/**
 * Reparses only the innermost function body an edit falls in (a function, method, accessor,
 * constructor or arrow body at any depth), for files that are one huge statement (UMD and IIFE
 * bundles, a generated parser that is one class), where the top-level reparse would parse it all.
 *
 * <p>Why the result is the full parse's: the text before the body's '{' is unchanged, so a full
 * parse of the new text reaches that '{' in the state it reached it before; what the body's parse
 * depends on in that state is rebuilt from the body's ancestors in the tree ({@link #walk}: strict
 * mode, await/yield, super, new.target, class bodies, field initialisers, static blocks). Where the
 * tree cannot tell that state exactly — under a switch case's declaration (using is checked there),
 * a decorator, an arrow's parameters or an arrow in a for head (the 'in' operator), a TypeScript
 * async arrow (parsed under speculation), ambient or namespace code — no body below is taken. The
 * body's statements are parsed until its '}' and nothing after it is read; the reparse must end at
 * exactly the old '}' (moved by the edit), or that body is declined and the next enclosing one
 * tried. What the enclosing parse reads back from the body is checked: whether its prologue makes
 * it strict (must not change), the private names it references (each must be declared by an
 * enclosing class, as it was not an error before), module syntax (an AUTO script must stay one).
 * The parse log keeps its order: the body's diagnostics lie, in report order, between those reported
 * before the body and those after it.
 *
 * <p>Not thread-safe; one per {@link IncrementalReparse}.
 */
final class NestedReparse {
    /** {@code -Darenals.reparse=top}: top-level statements only, as before the nested reparse (for A/B measurements). */
    private static final boolean ENABLED = !"top".equals(System.getProperty("arenals.reparse"));
    /** Chars from which a statement that is most of the file is worth a body's reparse rather than its own. */
    private static final int LARGE_STATEMENT = 64 * 1024;
    private final Parser parser;
    /** The path from the root to the innermost node holding the edit, and what {@link #walk} found at each body on it. */
    private int[] path = new int[64];
    /** The sibling before each node of the path (-1 for a first child): they link past the body, so a splice moves their links. */
    private int[] prevOnPath = new int[64];
    private int[] bodyCtx = new int[64];
    private int[] bodyClassDepth = new int[64];
    private int pathLength;
    private int[] savedDiagnostics = new int[64];
    private int[] savedComments = new int[64];
    private int[] restoreDiagnostics = new int[64];
    private int[] restoreComments = new int[64];

    /** Bodies tried and taken, for tests and harnesses. */
    long attempts, taken;

    NestedReparse(Parser parser) {
        this.parser = parser;
    }

    boolean reparse(Arena arena, char[] text, int length, ParseOptions options, int editStart, int editOldEnd, int delta,
            int oldDiagnostics) {
        if (!ENABLED || options.isDeclaration()) return false;
        boolean ts = options.language().isTypeScript();
        // an AUTO file that is a module by an import.meta in the body: the edit may take it away
        if (arena.isModule() && !options.isModule() && !IncrementalReparse.otherModuleSyntax(arena, arena.root(), -1)) return false;
        if (!descend(arena, editStart, editOldEnd) || pathLength < 2) return false;
        // a statement the top-level path takes (not nearly the whole file) is reparsed whole unless it
        // is large and most of the file: as cheap, and then the binder rebinds that statement alone
        // (it rebinds a tree with a nested splice in full)
        long span = arena.end(path[1]) - arena.start(path[1]), fileLength = arena.sourceLength();
        if (8 * span <= 7 * fileLength && (span < LARGE_STATEMENT || 2 * span < fileLength)) return false;
        // an AUTO module was parsed (or equals a parse) with the module goal
        ParseOptions bodyOptions = options.goal() == ParseOptions.Goal.AUTO && arena.isModule() ? options.asModule() : options;
        boolean module = bodyOptions.isModule();
        walk(arena, text, editStart, module, ts);
        for (int i = pathLength - 1; i >= 1; i--) {
            if (bodyCtx[i] < 0) continue;
            // most of the tree without room for it: so is every enclosing body, and the statement
            if (prevOnPath[i] >= 0 && IncrementalReparse.fullParseIsLeaner(arena, path[i] - prevOnPath[i])) return false;
            if (tryBody(arena, text, length, options, bodyOptions, i, editStart, delta, oldDiagnostics)) return true;
        }
        return false;
    }

    /**
     * Fills {@link #path} with the nodes from the root down that hold the edit strictly inside: it
     * starts after their first character and ends before their last, so a body's braces stay.
     */
    private boolean descend(Arena arena, int editStart, int editOldEnd) {
        int n = arena.root();
        if (n < 0) return false;
        pathLength = 0;
        push(n);
        prevOnPath[0] = -1;
        while (true) {
            int next = -1, prev = -1;
            for (int c = arena.firstChild(n); c >= 0; prev = c, c = arena.nextSibling(c)) {
                if (arena.start(c) >= editStart) break;
                if (arena.start(c) < editStart && editOldEnd < arena.end(c)) { next = c; break; }
            }
            if (next < 0) return true;
            push(next);
            prevOnPath[pathLength - 1] = prev;
            n = next;
        }
    }

    private void push(int n) {
        if (pathLength == path.length) {
            path = Arrays.copyOf(path, pathLength * 2);
            prevOnPath = Arrays.copyOf(prevOnPath, pathLength * 2);
            bodyCtx = Arrays.copyOf(bodyCtx, pathLength * 2);
            bodyClassDepth = Arrays.copyOf(bodyClassDepth, pathLength * 2);
        }
        path[pathLength] = n;
        bodyCtx[pathLength] = -1;
        pathLength++;
    }

    /**
     * Walks the path from the root down, keeping the parser's context as the parse builds it on
     * the way in, and records it at each FUNCTION_BODY that can be reparsed alone ({@link #bodyCtx},
     * -1 for the others).
     */
    private void walk(Arena arena, char[] text, int editStart, boolean module, boolean ts) {
        int ctx = module ? (CTX_STRICT | CTX_AWAIT) : 0;
        if (prologueIsStrict(arena, text, arena.root(), editStart)) ctx |= CTX_STRICT;
        int classDepth = 0;
        boolean blocked = false;     // the state at this depth is not known from the tree
        boolean forHead = false;     // inside a for statement of this function: 'in' may not be an operator
        boolean caseItem = false;    // directly in a switch case's statement list
        int derivedClasses = 0;      // bit per class depth (up to 31): the class has an extends clause
        for (int i = 0; i < pathLength; i++) {
            int n = path[i];
            int c = i + 1 < pathLength ? path[i + 1] : -1;
            int k = arena.kind(n);
            if (ts && startsWithDeclare(arena, text, n, editStart)) blocked = true;
            if (caseItem) {
                // a declaration in a case clause is parsed without the statement entry that forgets the case
                caseItem = false;
                if (!resetsCase(k)) blocked = true;
            }
            switch (k) {
                case NodeKind.CLASS_DECLARATION: case NodeKind.CLASS_EXPRESSION:
                    if (c >= 0 && arena.kind(c) == NodeKind.DECORATOR) blocked = true;
                    if (ts && (arena.data(n) & NodeKind.MOD_DECLARE) != 0) blocked = true;
                    ctx |= CTX_STRICT | CTX_IN_CLASS; // CTX_IN_CLASS: TypeScript's strict-mode messages (branch corners)
                    break;
                case NodeKind.CLASS_BODY: {
                    ctx |= CTX_CLASS_BODY;
                    classDepth++;
                    if (classDepth < 31 && i > 0 && hasChildOfKind(arena, path[i - 1], NodeKind.CLASS_HERITAGE)) derivedClasses |= 1 << classDepth;
                    break;
                }
                case NodeKind.METHOD: case NodeKind.PROPERTY:
                    if (c >= 0 && arena.kind(c) == NodeKind.DECORATOR) blocked = true;
                    break;
                case NodeKind.FIELD:
                    if (c >= 0 && arena.kind(c) == NodeKind.DECORATOR) blocked = true;
                    if (c >= 0 && c != firstNonDecorator(arena, n) && !NodeKind.isType(arena.kind(c))) {
                        ctx = (ctx & (CTX_STRICT | CTX_CLASS_BODY | CTX_IN_CLASS)) | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_FIELD_INIT;
                        forHead = false;
                    }
                    break;
                case NodeKind.STATIC_BLOCK:
                    ctx = (ctx & (CTX_STRICT | CTX_CLASS_BODY | CTX_IN_CLASS)) | CTX_SUPER_PROP | CTX_NEW_TARGET | CTX_STATIC_BLOCK;
                    forHead = false;
                    break;
                case NodeKind.FUNCTION_DECLARATION: case NodeKind.FUNCTION_EXPRESSION: {
                    int flags = arena.data(n);
                    int extra = 0;
                    int parent = i > 0 ? path[i - 1] : -1;
                    // a method's function is its last child; a function in its computed key is not the method
                    if (parent >= 0 && lastChild(arena, parent) != n) parent = -1;
                    if (parent >= 0 && arena.kind(parent) == NodeKind.METHOD) {
                        extra = CTX_METHOD_LIKE | CTX_SUPER_PROP;
                        boolean derived = classDepth < 31 && (derivedClasses & (1 << classDepth)) != 0;
                        if ((arena.data(parent) & NodeKind.C_CONSTRUCTOR) != 0 && derived) extra |= CTX_SUPER_CALL;
                    } else if (parent >= 0 && arena.kind(parent) == NodeKind.PROPERTY
                            && (arena.data(parent) & (NodeKind.P_METHOD | NodeKind.P_GET | NodeKind.P_SET)) != 0) {
                        extra = CTX_METHOD_LIKE | CTX_SUPER_PROP;
                    }
                    ctx = (ctx & (CTX_STRICT | CTX_CLASS_BODY | CTX_IN_CLASS)) | CTX_FUNCTION | CTX_NEW_TARGET | extra;
                    if ((flags & NodeKind.F_ASYNC) != 0) ctx |= CTX_AWAIT;
                    if ((flags & NodeKind.F_GENERATOR) != 0) ctx |= CTX_YIELD;
                    if (c >= 0 && arena.kind(c) == NodeKind.FORMAL_PARAMETERS) ctx |= CTX_PARAMS;
                    forHead = false;
                    break;
                }
                case NodeKind.ARROW_FUNCTION: {
                    int flags = arena.data(n);
                    boolean body = c >= 0 && c == lastChild(arena, n) && arena.kind(c) != NodeKind.FORMAL_PARAMETERS && !NodeKind.isType(arena.kind(c));
                    // the parameters are a cover read back when '=>' comes; a TypeScript async arrow's
                    // body is parsed inside the speculation that found its head
                    if (!body || forHead || (ts && (flags & NodeKind.F_ASYNC) != 0)) blocked = true;
                    ctx = (ctx & ~(CTX_AWAIT | CTX_YIELD | CTX_ITERATION | CTX_BREAKABLE | CTX_PARAMS | CTX_STATIC_BLOCK)) | CTX_FUNCTION;
                    if ((flags & NodeKind.F_ASYNC) != 0) ctx |= CTX_AWAIT;
                    break;
                }
                case NodeKind.FUNCTION_BODY:
                    if (!blocked && i > 0) {
                        bodyCtx[i] = ctx;
                        bodyClassDepth[i] = classDepth;
                    }
                    if (prologueIsStrict(arena, text, n, editStart)) ctx |= CTX_STRICT;
                    break;
                case NodeKind.FOR: case NodeKind.FOR_IN: case NodeKind.FOR_OF:
                    if (c >= 0 && c != lastChild(arena, n)) forHead = true; // the head, not the loop's body
                    break;
                case NodeKind.SWITCH_CASE:
                    caseItem = true;
                    break;
                case NodeKind.MODULE_DECLARATION: case NodeKind.MODULE_BLOCK: case NodeKind.DECORATOR:
                case NodeKind.ENUM_MEMBER: // its initializer's await context (CTX_NO_TOP_LEVEL_AWAIT) is not read back here
                    blocked = true;
                    break;
                default:
                    break;
            }
        }
    }

    /** A statement kind whose parse goes through parseStatement, which forgets that it is in a case clause. */
    private static boolean resetsCase(int k) {
        switch (k) {
            case NodeKind.EXPRESSION_STATEMENT: case NodeKind.IF: case NodeKind.BLOCK: case NodeKind.FOR: case NodeKind.FOR_IN:
            case NodeKind.FOR_OF: case NodeKind.WHILE: case NodeKind.DO_WHILE: case NodeKind.RETURN: case NodeKind.THROW:
            case NodeKind.TRY: case NodeKind.SWITCH: case NodeKind.WITH: case NodeKind.LABELED:
                return true;
            default:
                return false;
        }
    }

    private boolean tryBody(Arena arena, char[] text, int length, ParseOptions options, ParseOptions bodyOptions, int at,
            int editStart, int delta, int oldDiagnostics) {
        int body = path[at];
        int parent = path[at - 1];
        int bodyStart = arena.start(body), oldEnd = arena.end(body);
        int newEnd = oldEnd + delta;
        if (newEnd < bodyStart + 2 || newEnd > length || text[bodyStart] != '{' || text[newEnd - 1] != '}') return false;
        // closed by its own '}', not ended by recovery at an inner one (whose "'}' expected" lies after it)
        int last = lastChild(arena, body);
        if (last >= 0 ? arena.end(last) >= oldEnd : oldEnd - bodyStart < 2) return false;
        // a bound on the parser's nesting at the body: each enclosing node opened a few levels at most
        int depth = 3 * at + 16;
        if (depth >= ParseContext.MAX_DEPTH - 16) return false;
        // the prologue must stay as strict as it was; an edit in it or at its end is left to the enclosing level
        int oldStrict = oldPrologueStrictness(arena, text, body, editStart);
        if (oldStrict < 0) return false;
        // the body's subtree is every node after the sibling before it (orphans of recovery included)
        int prevSibling = prevOnPath[at];
        if (prevSibling < 0) return false;
        int lo = prevSibling + 1;
        attempts++;

        ParseLog log = arena.log();
        // diagnostics in report order: those before the body, the body's, those after it
        int keep = 0;
        while (keep < oldDiagnostics && log.diagnosticStart(keep) <= bodyStart) keep++;
        int resume = keep;
        while (resume < oldDiagnostics && log.diagnosticStart(resume) > bodyStart && log.diagnosticStart(resume) < oldEnd) resume++;
        for (int i = resume; i < oldDiagnostics; i++) if (log.diagnosticStart(i) < oldEnd) return false;
        // one that spans the body (an enclosing construct's, reported after it) would have to move its end
        for (int i = 0; i < keep; i++) if (log.diagnosticEnd(i) > bodyStart) return false;
        int comments = log.commentCount();
        int keepComments = 0;
        while (keepComments < comments && log.commentStart(keepComments) <= bodyStart) keepComments++;
        int resumeComments = keepComments;
        while (resumeComments < comments && log.commentStart(resumeComments) < oldEnd) resumeComments++;

        // from here the arena changes; a failure restores its tree and log
        int restoreDiagInts = copyForRestore(log, keep, oldDiagnostics);
        int restoreCommentInts = copyCommentsForRestore(log, keepComments, comments);
        int after = oldDiagnostics - resume;
        if (savedDiagnostics.length < 4 * after) savedDiagnostics = new int[4 * after + 64];
        int diagInts = log.copyDiagnostics(resume, oldDiagnostics, delta, savedDiagnostics);
        int afterComments = comments - resumeComments;
        if (savedComments.length < 2 * afterComments) savedComments = new int[2 * afterComments + 64];
        int commentInts = log.copyComments(resumeComments, comments, delta, savedComments);
        log.truncateDiagnostics(keep);
        log.truncateComments(keepComments);
        int oldCount = arena.nodeCount();
        arena.beginRegionReparse(text, length, lo, body);
        int strict = parser.parseFunctionBodyAlone(text, length, bodyOptions, arena, arena.names(), log,
                bodyStart, newEnd - 1, bodyCtx[at], depth, bodyClassDepth[at]);
        boolean ok = strict == oldStrict && arena.pendingCount() == 1
                && parser.wastedTokens() <= IncrementalReparse.SPECULATION_ALLOWANCE - arena.wastedTokens()
                && privateNamesDeclared(arena, at)
                // module syntax where there was none: the program's module flag (and, under the AUTO goal, its goal) changes
                && !(!arena.isModule() && parser.sawModuleSyntax())
                // an AUTO module's body read as module code, where <!-- and --> are no comments
                && !(bodyOptions != options && IncrementalReparse.mayHoldHtmlComment(text, bodyStart, newEnd));
        if (ok) {
            int added = log.diagnosticCount() - keep;
            for (int i = keep; i < log.diagnosticCount() && ok; i++) {
                int s = log.diagnosticStart(i);
                if (s <= bodyStart || s >= newEnd) ok = false;
            }
            // the body's first diagnostics, where it had none: those before it must all have been
            // reported before it, not by an enclosing construct after it (its parameters' checks)
            if (added > 0 && resume == keep && keep > 0 && log.diagnosticStart(keep - 1) >= arena.start(path[1])) ok = false;
            if (log.diagnosticCount() + after >= ParseLog.MAX_DIAGNOSTICS) ok = false;
            for (int i = keepComments; i < log.commentCount() && ok; i++) if (log.commentStart(i) >= newEnd) ok = false;
        }
        if (!ok) {
            arena.rewindNodes(oldCount);
            log.truncateDiagnostics(keep);
            log.appendDiagnostics(restoreDiagnostics, restoreDiagInts);
            log.truncateComments(keepComments);
            log.appendComments(restoreComments, restoreCommentInts);
            return false;
        }
        log.appendDiagnostics(savedDiagnostics, diagInts);
        log.appendComments(savedComments, commentInts);
        arena.spliceNested(oldCount, lo, body, prevSibling, oldEnd, delta, prevOnPath, at);
        arena.parsed(IncrementalReparse.optionsKey(options), false, parser.wastedTokens());
        taken++;
        return true;
    }

    private int copyForRestore(ParseLog log, int from, int to) {
        if (restoreDiagnostics.length < 4 * (to - from)) restoreDiagnostics = new int[4 * (to - from) + 64];
        return log.copyDiagnostics(from, to, 0, restoreDiagnostics);
    }

    private int copyCommentsForRestore(ParseLog log, int from, int to) {
        if (restoreComments.length < 2 * (to - from)) restoreComments = new int[2 * (to - from) + 64];
        return log.copyComments(from, to, 0, restoreComments);
    }

    /**
     * Every private name the body references and no class inside it declares is declared by a class
     * enclosing it (so, as before, none is an error at the end of the outermost class).
     */
    private boolean privateNamesDeclared(Arena arena, int at) {
        int refs = parser.unresolvedPrivateNames();
        if (refs > 64) return false;
        for (int r = 0; r < refs; r++) {
            int id = parser.unresolvedPrivateName(r);
            boolean declared = false;
            for (int i = at - 1; i >= 0 && !declared; i--) {
                if (arena.kind(path[i]) != NodeKind.CLASS_BODY) continue;
                for (int member = arena.firstChild(path[i]); member >= 0 && !declared; member = arena.nextSibling(member)) {
                    int mk = arena.kind(member);
                    if (mk != NodeKind.METHOD && mk != NodeKind.FIELD) continue;
                    int key = firstNonDecorator(arena, member);
                    declared = key >= 0 && arena.kind(key) == NodeKind.PRIVATE_IDENTIFIER && arena.data(key) == id;
                }
            }
            if (!declared) return false;
        }
        return true;
    }

    /**
     * 1 when the body's prologue (all of it before the edit) holds "use strict", 0 when it does not,
     * -1 when the edit is in the prologue or touches its end (then the new prologue may differ).
     */
    private static int oldPrologueStrictness(Arena arena, char[] text, int body, int editStart) {
        int strict = 0;
        for (int c = arena.firstChild(body); c >= 0 && IncrementalReparse.isDirective(arena, c); c = arena.nextSibling(c)) {
            if (arena.end(c) >= editStart) return -1;
            if (isUseStrict(arena, text, c)) strict = 1;
        }
        return strict;
    }

    /** The prologue of a body or the program holds "use strict" (only directives that end before the edit are read). */
    private static boolean prologueIsStrict(Arena arena, char[] text, int n, int editStart) {
        for (int c = arena.firstChild(n); c >= 0 && IncrementalReparse.isDirective(arena, c); c = arena.nextSibling(c)) {
            if (arena.end(c) >= editStart) return false;
            if (isUseStrict(arena, text, c)) return true;
        }
        return false;
    }

    /** A directive spelled exactly "use strict" and closed by its own quote. */
    private static boolean isUseStrict(Arena arena, char[] text, int directive) {
        int lit = arena.firstChild(directive);
        if (lit < 0) return false;
        int s = arena.start(lit), e = arena.end(lit);
        return e - s == 12 && text[e - 1] == text[s] && IncrementalReparse.matches(text, s + 1, "use strict");
    }

    /** TypeScript: the node starts with {@code declare} (after {@code export}): ambient code. */
    private static boolean startsWithDeclare(Arena arena, char[] text, int n, int editStart) {
        int s = arena.start(n);
        if (wordAt(text, s, editStart, "export")) {
            s += 6;
            while (s < editStart && Character.isWhitespace(text[s])) s++;
        }
        return wordAt(text, s, editStart, "declare");
    }

    private static boolean wordAt(char[] text, int at, int limit, String word) {
        int e = at + word.length();
        if (e >= limit || !IncrementalReparse.matches(text, at, word)) return false;
        return !Character.isJavaIdentifierPart(text[e]);
    }

    private static boolean hasChildOfKind(Arena arena, int n, int kind) {
        for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) if (arena.kind(c) == kind) return true;
        return false;
    }

    private static int firstNonDecorator(Arena arena, int n) {
        int c = arena.firstChild(n);
        while (c >= 0 && arena.kind(c) == NodeKind.DECORATOR) c = arena.nextSibling(c);
        return c;
    }

    private static int lastChild(Arena arena, int n) {
        int last = -1;
        for (int c = arena.firstChild(n); c >= 0; c = arena.nextSibling(c)) last = c;
        return last;
    }
}
