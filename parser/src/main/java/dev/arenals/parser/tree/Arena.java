package dev.arenals.parser.tree;

import java.util.Arrays;

/**
 * One document's syntax tree as parallel int columns (struct of arrays). Node i has a kind, a span
 * [start, end), its first child and next sibling, and one data word whose meaning depends on the
 * kind (an operator token, a name id, flags). Nodes are stored in the order they are finished, so
 * children come before their parent and the root is the last node.
 *
 * <p>The arena is reused: {@link #reset()} sets the counts back to zero and bumps the generation,
 * keeping every array. Views remember the generation they were made in and fail loudly afterwards.
 */
public final class Arena implements TreeSink {
    private int[] kind;
    private int[] start;
    private int[] end;
    private int[] firstChild;
    private int[] nextSibling;
    private int[] data;
    private int count;

    /** Pending stack used while building. */
    private int[] stack = new int[256];
    private int top;

    private int generation;
    /**
     * Between {@link #reset} or {@link #beginRegionReparse} and {@link #parsed}: a parse is writing
     * the tree. Every mutator that can change what a view reads moves the generation on when it is
     * called outside that window, so no view made before reads a tree it was not made for (the
     * generation rule holds for callers of the public mutators too, not only for the parser).
     */
    private boolean building;
    private boolean module;

    private static final char[] NO_SOURCE = new char[0];
    private char[] source = NO_SOURCE;
    private int sourceLength;
    /** Between {@link #reset} and the end of that parse ({@link #parsed}): nodes come in text order from the start. */
    private boolean fullParse;
    /** {@link #source} is the caller's array ({@link #borrowSource}), not the arena's own copy. */
    private boolean borrowed;
    /**
     * What the last {@link #spliceTopLevel} rewrote: [{@code splicedFrom}, {@code splicedOldEnd}) of
     * the previous text became [{@code splicedFrom}, {@code splicedNewEnd}); -1 after a full parse.
     */
    private int splicedFrom = -1, splicedOldEnd = -1, splicedNewEnd = -1;
    /** The last splice replaced one function body inside a statement ({@link #spliceNested}), not top-level statements. */
    private boolean splicedNested;
    /**
     * The same splice by node index, for the binder's incremental rebind: the tree of generation
     * {@code spliceBase} had the replaced statement's subtree at [{@code spliceLo}, {@code spliceOldLast}];
     * the tree of generation {@code spliceResult} has {@code spliceNodes} new nodes at {@code spliceLo}
     * (later nodes moved by the difference), forming {@code spliceStatements} top-level statements
     * (after {@link #spliceNested}: the one new body, and no statements). -1 after a full parse.
     */
    private int spliceBase = -1, spliceResult = -1, spliceLo, spliceOldLast, spliceNodes, spliceStatements;
    /** During a region reparse ({@link #beginRegionReparse} until {@link #parsed}): its first node's index; else -1. */
    private int regionBase = -1;
    /** During a region reparse: the old subtree it replaces, node indexes [{@code regionOldLo}, {@code regionOldLast}]. */
    private int regionOldLo, regionOldLast;

    private final NameTable names = new NameTable();
    private final ParseLog log = new ParseLog();

    public Arena() { this(1024); }

    public Arena(int initialNodes) {
        int n = Math.max(16, initialNodes);
        kind = new int[n];
        start = new int[n];
        end = new int[n];
        firstChild = new int[n];
        nextSibling = new int[n];
        data = new int[n];
    }

    /** O(1): forgets the tree, keeps the arrays, invalidates every view made so far. */
    public void reset() {
        building = true;
        fullParse = true;
        splicedFrom = splicedOldEnd = splicedNewEnd = -1;
        splicedNested = false;
        spliceBase = spliceResult = -1;
        regionBase = -1;
        count = 0;
        top = 0;
        sourceLength = 0;
        if (borrowed) { // never keep a caller's buffer reachable past the tree that read it
            source = NO_SOURCE;
            borrowed = false;
        }
        generation++;
        names.reset();
        log.reset();
    }

    public int generation() { return generation; }

    /**
     * {@link #reset()} for a second parse of the same text: the tree, names and diagnostics go, the
     * source (loaded or borrowed) stays.
     */
    public void resetKeepingSource() {
        char[] keptSource = source;
        int keptLength = sourceLength;
        boolean keptBorrowed = borrowed;
        borrowed = false; // so reset() does not drop the lender's array
        reset();
        source = keptSource;
        sourceLength = keptLength;
        borrowed = keptBorrowed;
    }

    /** Called by every mutator: outside a parse, the tree changes under the views, which must fail. */
    private void mutated() {
        if (!building) generation++;
    }

    /** Copies the text into the arena's reusable source buffer (grown by doubling). */
    public char[] loadSource(CharSequence text) {
        mutated();
        int n = text.length();
        ensureSource(n);
        if (text instanceof String) {
            ((String) text).getChars(0, n, source, 0);
        } else {
            for (int i = 0; i < n; i++) source[i] = text.charAt(i);
        }
        sourceLength = n;
        return source;
    }

    public char[] loadSource(char[] text, int length) {
        mutated();
        ensureSource(length);
        System.arraycopy(text, 0, source, 0, length);
        sourceLength = length;
        return source;
    }

    /**
     * Reads the tree's text straight from the caller's array, without a copy: the caller promises
     * not to change {@code text[0, length)} while this tree is in use (an editor's document buffer,
     * whose edits always come before the next parse). Saves two bytes per source char held and the
     * copy's memory traffic on every reparse.
     */
    public char[] borrowSource(char[] text, int length) {
        if (length < 0 || length > text.length) throw new IllegalArgumentException("length " + length + " of " + text.length);
        mutated();
        source = text;
        sourceLength = length;
        borrowed = true;
        return source;
    }

    /** True when the source is a borrowed array ({@link #borrowSource}). */
    public boolean borrowsSource() { return borrowed; }

    private void ensureSource(int n) {
        if (borrowed) { // the next copy goes into a buffer of our own, never into the lender's array
            source = NO_SOURCE;
            borrowed = false;
        }
        // an editor's document grows a few characters at a time: an eighth of headroom avoids both
        // a copy per keystroke and holding twice the text
        if (source.length < n) source = new char[Math.max(n + (n >> 3), 64)];
    }

    public char[] source() { return source; }
    public int sourceLength() { return sourceLength; }
    public String text(int from, int to) { return new String(source, from, to - from); }

    public NameTable names() { return names; }
    public ParseLog log() { return log; }
    public void setModule(boolean module) {
        if (this.module != module) mutated();
        this.module = module;
    }
    private boolean typeScript;
    /** The tree was parsed as TypeScript (binder rules differ: declaration merging). */
    public void setTypeScript(boolean typeScript) {
        if (this.typeScript != typeScript) mutated();
        this.typeScript = typeScript;
    }
    public boolean isTypeScript() { return typeScript; }
    private boolean declarationFile;
    /** The tree was parsed as a declaration file (.d.ts): ambient throughout (grammar checks differ). */
    public void setDeclarationFile(boolean declarationFile) {
        if (this.declarationFile != declarationFile) mutated();
        this.declarationFile = declarationFile;
    }
    public boolean isDeclarationFile() { return declarationFile; }
    public boolean isModule() { return module; }

    // ---- TreeSink ----

    @Override public int mark() { return top; }

    @Override
    public int finish(int k, int mark, int s, int e, int d) {
        // no generation check here, on the parser's hottest path: a node finished after the parse
        // only appends, and no node a view can reach changes
        if (count == kind.length) grow(e);
        // spans always nest: a node covers its children, and an empty node never ends before it starts
        if (mark < top) {
            int first = stack[mark], last = stack[top - 1];
            if (start[first] < s) s = start[first];
            if (end[last] > e) e = end[last];
        }
        if (e < s) s = e;
        int n = count++;
        kind[n] = k;
        start[n] = s;
        end[n] = e;
        data[n] = d;
        nextSibling[n] = -1;
        if (mark < top) {
            int[] st = stack;
            firstChild[n] = st[mark];
            for (int i = mark; i < top - 1; i++) nextSibling[st[i]] = st[i + 1];
            nextSibling[st[top - 1]] = -1;
        } else {
            firstChild[n] = -1;
        }
        top = mark;
        if (top == stack.length) stack = Arrays.copyOf(stack, top * 2);
        stack[top++] = n;
        return n;
    }

    /**
     * {@link #finish} without children, half of all nodes (identifiers, literals, empty lists): no
     * span to widen and no sibling to link, so fewer tests and stores on the parser's hottest path.
     */
    @Override
    public int leaf(int k, int s, int e, int d) {
        if (count == kind.length) grow(e);
        int n = count++;
        kind[n] = k;
        start[n] = e < s ? e : s;
        end[n] = e;
        data[n] = d;
        firstChild[n] = -1;
        nextSibling[n] = -1;
        if (top == stack.length) stack = Arrays.copyOf(stack, top * 2);
        stack[top++] = n;
        return n;
    }

    @Override public void truncate(int mark) {
        mutated();
        if (mark < top) top = mark;
    }
    @Override public int pending(int i) { return stack[i]; }
    /** Nodes finished but not yet adopted by a parent. */
    public int pendingCount() { return top; }

    @Override
    public void rewindNodes(int c) {
        mutated();
        if (c < count) count = c;
    }

    @Override
    public void dropPending(int i) {
        mutated();
        System.arraycopy(stack, i + 1, stack, i, top - i - 1);
        top--;
    }

    /**
     * Grows the node columns. In a full parse the nodes are spread through the text, so the parse
     * position {@code pos} tells how many the whole text needs: the columns grow to that estimate
     * (an eighth more) in one step instead of doubling several times, which copied them each time
     * and left every old set as garbage (typescript.js, 9 MB and ~1 million nodes: one step from
     * 131,072 nodes instead of three). At least a quarter more each time. An incremental reparse
     * appends its region's nodes after the whole old tree: it adds what the replaced subtree has
     * after the parse position ({@link #regionGrowTarget}); anything else doubles.
     */
    private void grow(int pos) {
        int n = regionBase >= 0 && count > regionBase
                ? regionGrowTarget(kind.length, regionBase, count, oldRegionNodesEndingAfter(pos))
                : growTarget(kind.length, count, pos, sourceLength, fullParse);
        resizeColumns(n);
    }

    private void resizeColumns(int n) {
        kind = Arrays.copyOf(kind, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        firstChild = Arrays.copyOf(firstChild, n);
        nextSibling = Arrays.copyOf(nextSibling, n);
        data = Arrays.copyOf(data, n);
    }

    /** The new column length for {@link #grow}; package-level for its test. */
    static int growTarget(int capacity, int count, int pos, int sourceLength, boolean fullParse) {
        long target = 2L * capacity;
        if (fullParse && pos > 0 && pos < sourceLength) {
            long estimate = (long) count * sourceLength / pos;
            estimate += estimate >>> 3;
            // at least a quarter more, so that a text denser towards its end still grows geometrically
            target = Math.max(estimate, capacity + (long) (capacity >>> 2) + 1);
        }
        return (int) Math.min(target, Integer.MAX_VALUE - 16);
    }

    /**
     * The new column length when a region reparse (its nodes appended from {@code base}, {@code count}
     * now) has filled them: the old tree, the region's nodes so far, and as many more as the replaced
     * subtree has nodes ending after the parse position ({@code oldNodesAfter}: the rest of the
     * region, as the old text had it), an eighth more on the region. The region only fills the
     * columns when it is a large part of the tree (typescript.js: an edit in createTypeChecker's body
     * reparses a fifth of the tree; one between the functions of its outer body, 976,759 nodes after
     * the old 976,804, takes a full parse instead: IncrementalReparse.fullParseIsLeaner); doubling
     * kept 2,286,054 slots, and extrapolating from the region's text (its start is sparser than the
     * rest) fell short and grew twice, to 2,424,573. At least an eighth more (the estimate counts
     * what the old text had there, so a second grow is rare; a quarter, as a full parse grows,
     * took typescript.js's columns to 1,428,784 for a reparse of createTypeChecker's body that
     * needs 1,231,000), at most double, never past what an int array can hold. Package-level for its test.
     */
    static int regionGrowTarget(int capacity, int base, int count, int oldNodesAfter) {
        long region = (long) count - base + oldNodesAfter;
        long estimate = (long) base + region + (region >>> 3);
        long target = Math.min(2L * capacity, Math.max(estimate, capacity + (long) (capacity >>> 3) + 1));
        return (int) Math.min(target, Integer.MAX_VALUE - 16);
    }

    /**
     * Nodes of the replaced subtree ending after {@code pos}: in post-order the ends never decrease
     * (a node ends at or after its children, a sibling after the one before), so a binary search
     * finds the first; an edit's shift of a few chars does not matter to an estimate. Counting the
     * whole old tree's instead (as before) added every statement after the region: a third of a
     * bundle's tree reparsed in its middle grew the columns to twice the tree.
     */
    private int oldRegionNodesEndingAfter(int pos) {
        int lo = regionOldLo, hi = regionOldLast + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] <= pos) lo = mid + 1;
            else hi = mid;
        }
        return regionOldLast + 1 - lo;
    }

    // ---- raw access (package-level readers and the parser); views add the generation check ----

    public int nodeCount() { return count; }
    /** The root (PROGRAM) node, or -1 before anything was parsed. */
    public int root() { return count - 1; }
    @Override public int kind(int n) { return kind[n]; }
    @Override public void setKind(int n, int k) { mutated(); kind[n] = k; }
    @Override public int data(int n) { return data[n]; }
    @Override public void setData(int n, int d) { mutated(); data[n] = d; }
    @Override public int start(int n) { return start[n]; }
    @Override public void setStart(int n, int s) { mutated(); start[n] = s; }
    @Override public int end(int n) { return end[n]; }
    @Override public int firstChild(int n) { return firstChild[n]; }
    @Override public int nextSibling(int n) { return nextSibling[n]; }

    /** A view of the root, valid until the next reset. */
    public Node rootNode() {
        if (count == 0) throw new IllegalStateException("the arena holds no tree");
        return new Node(this, count - 1);
    }

    /** A view of node {@code index}, valid until the next reset. */
    public Node node(int index) {
        if (index < 0 || index >= count) throw new IndexOutOfBoundsException("node " + index + " of " + count);
        return new Node(this, index);
    }

    public TreeCursor cursor() {
        if (count == 0) throw new IllegalStateException("the arena holds no tree");
        return new TreeCursor(this);
    }

    /** Bytes held by the arena's arrays (capacity); a borrowed source is the lender's, not counted. */
    public long bytesReserved() {
        return (long) kind.length * 4 * 6 + (long) stack.length * 4 + (borrowed ? 0 : (long) source.length * 2)
                + names.bytesReserved() + log.bytesReserved();
    }

    /** Bytes of those arrays the current tree uses (a borrowed source not counted). */
    public long bytesUsed() {
        return (long) count * 4 * 6 + (borrowed ? 0 : (long) sourceLength * 2) + names.bytesUsed() + log.bytesUsed();
    }

    public int capacity() { return kind.length; }

    /**
     * Shrinks the node columns to the tree plus an eighth (room for edits' reparses) when they hold
     * over half as much again: a caller that sized them from the text's length before the parse (a
     * document: a node per 8 chars) leaves a comment-heavy file with most of them empty
     * (lib.dom.d.ts: 293,665 slots for 113,763 nodes, 4.3 MB). The tree, and views of it, are
     * unchanged. Returns whether the columns were copied.
     */
    public boolean trimToTree() {
        int keep = count + (count >>> 3) + 64;
        if (kind.length <= keep + (keep >>> 1)) return false;
        resizeColumns(keep);
        return true;
    }

    // ---- reparsing one region in place (IncrementalReparse) ----

    /** Diagnostics the parser logged for the current tree; the binder's, if any, follow them. */
    private int parserDiagnostics;
    /** Names interned by the last full parse: an incremental one only adds, so this bounds growth. */
    private int namesAtFullParse;
    /** What the current tree was parsed with (a key the parser makes of its options); -1 when unknown. */
    private int parsedWith = -1;

    /** Tokens the parses of the current tree spent on abandoned speculation, at most. */
    private int wastedTokens;

    /**
     * Records the end of a parse: {@code full} when the whole text was parsed; {@code wasted}: the
     * tokens it spent on abandoned speculation (an incremental parse adds to the full one's).
     */
    public void parsed(int optionsKey, boolean full, int wasted) {
        building = false;
        fullParse = false;
        regionBase = -1;
        parserDiagnostics = log.diagnosticCount();
        parsedWith = optionsKey;
        if (full) {
            namesAtFullParse = names.size();
            wastedTokens = wasted;
        } else {
            wastedTokens += wasted;
        }
    }

    public int wastedTokens() { return wastedTokens; }

    /**
     * When the current tree came from an incremental reparse ({@link #spliceTopLevel}): the start of
     * the text it rewrote, the same in the old and the new text. Every node outside the rewritten
     * text is the previous tree's (offsets past it moved by the change in length). -1 after a full parse.
     */
    public int splicedFrom() { return splicedFrom; }
    /** The current tree came from a nested reparse: one function body was rewritten (the spliced text is its span). */
    public boolean splicedNested() { return splicedNested && splicedFrom >= 0; }
    /** The end, in the previous text, of what the last incremental reparse rewrote; -1 after a full parse. */
    public int splicedOldEnd() { return splicedOldEnd; }
    /** The end, in the current text, of what the last incremental reparse rewrote; -1 after a full parse. */
    public int splicedNewEnd() { return splicedNewEnd; }

    /** The generation of the tree the current one was spliced from, or -1 when the current tree is no splice. */
    public int spliceBaseGeneration() { return spliceResult == generation ? spliceBase : -1; }
    /** First node index of the spliced-in statements (the replaced statement's first, too). */
    public int spliceLo() { return spliceLo; }
    /** Node index, in the previous tree, of the replaced statement (the last node of its subtree). */
    public int spliceOldLast() { return spliceOldLast; }
    /** How many nodes were spliced in at {@link #spliceLo}. */
    public int spliceNodes() { return spliceNodes; }
    /** How many top-level statements were spliced in place of the one replaced. */
    public int spliceStatements() { return spliceStatements; }

    public int parserDiagnosticCount() { return parserDiagnostics; }
    public int namesAtFullParse() { return namesAtFullParse; }
    public int parsedWith() { return count == 0 ? -1 : parsedWith; }

    /**
     * Starts an in-place reparse: every view of the current tree becomes invalid (the generation
     * moves on), the pending stack empties, and the tree's text becomes {@code text}. New nodes are
     * then appended after the existing ones until {@link #spliceTopLevel}; they will replace the
     * subtree at node indexes [{@code replacedLo}, {@code replacedLast}] (what sizes the columns,
     * should they fill).
     */
    public void beginRegionReparse(char[] text, int length, int replacedLo, int replacedLast) {
        regionOldLo = Math.max(0, replacedLo);
        regionOldLast = Math.min(count - 1, replacedLast);
        top = 0;
        // a nested reparse that declined put the tree back and tries again (an enclosing body, then
        // the statements): the splice is still from the last finished tree
        if (!building) spliceBase = generation;
        spliceResult = -1;
        regionBase = count;
        generation++;
        building = true;
        borrowSource(text, length);
    }

    /**
     * Puts the top-level statements now pending (built since {@code oldCount}) in the place of the
     * old statement {@code replaced}, whose subtree occupies node indexes [{@code lo}, replaced]:
     * later nodes move by the difference in node count and their offsets by {@code delta}; the
     * previous statement ({@code prev}, or -1) and the next ({@code next}, or -1) are relinked; the
     * root spans [0, newLength) with {@code rootData}.
     */
    public void spliceTopLevel(int oldCount, int lo, int replaced, int prev, int next, int delta, int newLength, int rootData) {
        mutated();
        int m = count - oldCount;                 // new nodes
        int suffix = oldCount - (replaced + 1);   // later statements' nodes and the root
        int dn = placeNewNodes(oldCount, lo, replaced);
        int rebase = lo - oldCount;
        int newCount = lo + m + suffix;
        for (int n = lo + m; n < newCount; n++) {
            if (firstChild[n] > replaced) firstChild[n] += dn;
            if (nextSibling[n] > replaced) nextSibling[n] += dn;
            start[n] += delta;
            end[n] += delta;
        }
        int root = newCount - 1;
        int after = next < 0 ? -1 : next + dn;
        int first = after;
        for (int i = top - 1; i >= 0; i--) { // the new statements, linked in order, then the old next one
            int n = stack[i] + rebase;
            nextSibling[n] = first;
            first = n;
        }
        if (prev >= 0) nextSibling[prev] = first;
        else firstChild[root] = first;
        start[root] = 0;
        end[root] = newLength;
        data[root] = rootData;
        count = newCount;
        splicedFrom = prev < 0 ? 0 : end[prev];
        splicedNewEnd = after < 0 ? newLength : start[after];
        splicedOldEnd = splicedNewEnd - delta;
        spliceLo = lo;
        spliceOldLast = replaced;
        spliceNodes = m;
        spliceStatements = top;
        spliceResult = generation;
        splicedNested = false;
        top = 0;
        stack[top++] = root;
    }

    /**
     * The move both splices share: the nodes built since {@code oldCount} go to [{@code lo},
     * {@code lo} + their count), in the place of the subtree [{@code lo}, {@code replaced}], their
     * links among themselves rebased; the nodes after {@code replaced} (up to {@code oldCount}) move
     * right behind them. Returns the node-count difference; the later nodes' links and offsets are
     * the caller's to fix.
     */
    private int placeNewNodes(int oldCount, int lo, int replaced) {
        int m = count - oldCount;
        int dn = m - (replaced - lo + 1);
        int suffix = oldCount - (replaced + 1);
        int from = oldCount; // where the new nodes are
        if (dn > 0) {
            // the later nodes will move right over where the new nodes are: move those first, by dn
            // the room is known exactly here: no doubling of columns the reparse has just sized
            if (kind.length < oldCount + dn + m) resizeColumns(oldCount + dn + m + (m >>> 3));
            for (int[] col : new int[][] {kind, start, end, firstChild, nextSibling, data}) System.arraycopy(col, oldCount, col, oldCount + dn, m);
            from = oldCount + dn;
        }
        // an edit that keeps the node count (most keystrokes) moves no later node
        if (dn != 0) for (int[] col : new int[][] {kind, start, end, firstChild, nextSibling, data}) System.arraycopy(col, replaced + 1, col, lo + m, suffix);
        int rebase = lo - oldCount;
        for (int i = 0; i < m; i++) {
            int n = lo + i, f = from + i;
            kind[n] = kind[f];
            start[n] = start[f];
            end[n] = end[f];
            int fc = firstChild[f];
            int ns = nextSibling[f];
            firstChild[n] = fc < 0 ? -1 : fc + rebase;
            nextSibling[n] = ns < 0 ? -1 : ns + rebase;
            data[n] = data[f];
        }
        return dn;
    }

    /**
     * Puts the one node now pending (a body reparsed alone, built since {@code oldCount}) in the
     * place of node {@code replaced}, whose subtree occupies node indexes [{@code lo}, replaced] and
     * which ended at {@code oldEnd} (old offsets): {@code prevSibling} (a node before {@code lo}) now
     * links to the new node, which links to replaced's next sibling. Later nodes move by the difference
     * in node count; offsets at or after {@code oldEnd} move by {@code delta} (the nodes after the body
     * and the ends of its ancestors), those before it stay. {@code siblingsBefore[0, ancestors)}: the
     * sibling before each ancestor of the body (or -1), nodes before {@code lo} whose links pass over
     * the body. The binder rebinds such a tree in full.
     */
    public void spliceNested(int oldCount, int lo, int replaced, int prevSibling, int oldEnd, int delta,
            int[] siblingsBefore, int ancestors) {
        mutated();
        int m = count - oldCount;
        int suffix = oldCount - (replaced + 1);
        int oldNext = nextSibling[replaced];
        int dn = placeNewNodes(oldCount, lo, replaced);
        int newCount = lo + m + suffix;
        if (dn != 0) {
            for (int n = lo + m; n < newCount; n++) {
                if (firstChild[n] > replaced) firstChild[n] += dn;
                if (nextSibling[n] > replaced) nextSibling[n] += dn;
            }
        }
        if (delta != 0) {
            for (int n = lo + m; n < newCount; n++) {
                if (start[n] >= oldEnd) start[n] += delta;
                if (end[n] >= oldEnd) end[n] += delta;
            }
        }
        for (int i = 0; i < ancestors; i++) {
            int b = siblingsBefore[i];
            if (b >= 0 && b < lo && nextSibling[b] > replaced) nextSibling[b] += dn;
        }
        int body = lo + m - 1;
        nextSibling[body] = oldNext < 0 ? -1 : oldNext > replaced ? oldNext + dn : oldNext;
        nextSibling[prevSibling] = body;
        count = newCount;
        splicedFrom = start[body];
        splicedNewEnd = end[body];
        splicedOldEnd = splicedNewEnd - delta;
        // for the binder's nested rebind: the replaced body's subtree by node index (no statements spliced)
        spliceLo = lo;
        spliceOldLast = replaced;
        spliceNodes = m;
        spliceStatements = 0;
        spliceResult = generation;
        splicedNested = true;
        top = 0;
        stack[top++] = newCount - 1;
    }
}
