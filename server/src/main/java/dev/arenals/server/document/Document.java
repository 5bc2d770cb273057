package dev.arenals.server.document;

import dev.arenals.parser.JsParser;
import dev.arenals.parser.Language;
import dev.arenals.parser.LineStarts;
import dev.arenals.parser.ParseOptions;
import dev.arenals.parser.scope.ScopeTable;
import dev.arenals.parser.tree.Arena;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * One open document: its text, line table, version, parse options and its own {@link Arena},
 * reused across reparses.
 *
 * <p><b>Language and goal.</b> {@link ParseOptions#forFileName(String, String)} decides them from
 * the URI and the client's languageId: the same rule as {@code check}'s and {@code arena-parse}'s,
 * so a file gets the same diagnostics from all three. The goal of an unambiguous file (.js, .ts, …)
 * is decided by the parser in the single pass every caller makes; nothing here retries with
 * another goal, so the diagnostics depend on the text alone and not on earlier versions of it.
 *
 * <p><b>Threading.</b> Everything but {@link #uri()}, {@link #options()} and {@link #queue()} is
 * confined to the document's {@link SerialQueue}: edits, parses and every reader run there one
 * at a time, so the arena is never reset under a reader. Edits only mark the document dirty;
 * {@link #ensureParsed} parses once for any number of edits applied since the last parse.
 */
public final class Document {
    /** Unique, increasing across all documents: identifies one parse (pull-diagnostics result ids). */
    private static final AtomicLong PARSE_STAMPS = new AtomicLong();

    private final String uri;
    private final ParseOptions options;
    private final PositionEncoding encoding;
    private final SerialQueue queue;
    private final int lane;

    private TextBuffer text;
    /** Lines as the protocol counts them ({@link LineStarts.Terminators#LSP}). */
    private LineStarts lines;
    private int version;
    private boolean dirty = true;
    private boolean closed;

    private Arena arena;
    private ScopeTable scopes;
    private RuntimeException bindFailure;
    private long parseStamp;
    /** The stamp of the parse before the current one: what an incremental reparse's tree was made from. */
    private long previousParseStamp;
    private int parsedVersion = -1;
    /** The highest version pushed to the client with diagnostics; Integer.MIN_VALUE before any. */
    private int publishedVersion = Integer.MIN_VALUE;
    private boolean oversized;
    private long sizeBytes;
    /**
     * The text's exact UTF-8 length once a parse had to count it (a text under a third of the limit
     * in chars is never counted), kept through range edits by counting only the replaced chars:
     * counting 9 MB per keystroke was a tenth of an edit of typescript.js. -1 when unknown.
     */
    private long exactUtf8 = -1;
    private long parseNanos;
    /**
     * The text changed since the last parse only inside [editStart, editNewEnd), which was
     * [editStart, editOldEnd) of the parsed text (several edits merge into one covering region);
     * valid when {@code editRegion} is true.
     */
    private boolean editRegion;
    private int editStart, editOldEnd, editNewEnd;
    private boolean lastParseIncremental;
    private boolean lastBindIncremental;
    /** The arena and scope table are a caller's, reused for other files ({@link #useBuffers}): never trimmed here. */
    private boolean borrowedBuffers;
    private final Map<Class<?>, Object> attachments = new HashMap<>();

    public Document(String uri, String languageId, int version, String text, PositionEncoding encoding, SerialQueue queue) {
        this(uri, languageId, version, text, encoding, queue, 0);
    }

    public Document(String uri, String languageId, int version, String text, PositionEncoding encoding, SerialQueue queue, int lane) {
        this(uri, languageId, version, new TextBuffer(text), encoding, queue, lane);
    }

    /** A document owning {@code text} (not copied: no one else may hold it). */
    public Document(String uri, String languageId, int version, TextBuffer text, PositionEncoding encoding, SerialQueue queue, int lane) {
        this(uri, languageId, version, text, null, encoding, queue, lane);
    }

    /**
     * A document owning {@code text} and, when not null, {@code lines}: its line table
     * ({@link LineStarts.Terminators#LSP}) already made, e.g. while the text was decoded.
     */
    public Document(String uri, String languageId, int version, TextBuffer text, LineStarts lines, PositionEncoding encoding, SerialQueue queue, int lane) {
        this.uri = uri;
        this.options = ParseOptions.forFileName(uri, languageId);
        this.encoding = encoding;
        this.queue = queue;
        this.lane = lane;
        this.version = version;
        this.text = text;
        this.lines = lines != null ? lines : LineStarts.of(this.text.array(), this.text.length(), LineStarts.Terminators.LSP);
    }

    public String uri() { return uri; }
    /** How this document is parsed: language, goal rule, declaration file. */
    public ParseOptions options() { return options; }
    public Language language() { return options.language(); }
    public SerialQueue queue() { return queue; }
    /** The worker lane this document's queue runs on ({@link WorkerLanes}). */
    public int lane() { return lane; }
    public PositionEncoding encoding() { return encoding; }

    // ---- state (queue-confined) ----

    public int version() { return version; }
    public boolean isClosed() { return closed; }
    public boolean isDirty() { return dirty; }
    public String text() { return text.toString(); }
    public int length() { return text.length(); }
    public char[] chars() { return text.array(); }
    public LineStarts lines() { return lines; }

    /**
     * The arena holding the tree of the last parse, or null when the document is over the size
     * limit (not parsed) or closed. Valid until the next {@link #ensureParsed}.
     */
    public Arena arena() { return arena; }

    /**
     * The binder's scopes and symbols for the current tree, or null when there is no tree or the
     * binder failed on it ({@link #bindFailure()}).
     */
    public ScopeTable scopes() { return bindFailure == null ? scopes : null; }

    /** The exception the binder threw on the current tree, or null. */
    public RuntimeException bindFailure() { return bindFailure; }

    public boolean isOversized() { return oversized; }
    /** Size of the text in UTF-8 bytes as last measured by a parse. */
    public long sizeBytes() { return sizeBytes; }
    public int parsedVersion() { return parsedVersion; }
    public long parseStamp() { return parseStamp; }
    public int publishedVersion() { return publishedVersion; }
    public void setPublishedVersion(int version) { publishedVersion = version; }
    /**
     * The stamp of this document's parse before the current one. After an incremental reparse
     * ({@link #lastParseWasIncremental}), the arena's {@code spliced*} offsets say what changed since that parse.
     */
    public long previousParseStamp() { return previousParseStamp; }
    public long lastParseNanos() { return parseNanos; }
    /** True when the last parse made the document a module (by its extension, or by its contents). */
    public boolean isModuleGoal() { return arena != null && arena.isModule(); }

    /**
     * Per-document state of a feature (a scope table, a cache), created on first use and dropped
     * when the document closes. Queue-confined like everything else.
     */
    public <T> T attachment(Class<T> key, Supplier<T> create) {
        Object o = attachments.get(key);
        if (o == null) {
            o = create.get();
            attachments.put(key, o);
        }
        return key.cast(o);
    }

    // ---- edits ----

    /**
     * Applies one {@code didChange} batch: its changes in order, then {@code newVersion}. A batch
     * applies entirely or not at all: every change is checked first ({@link #malformedChange}), and
     * a batch with a malformed change leaves text, version and tree as they were and returns why
     * (the caller logs it). Returns null when the batch was applied.
     *
     * <p>Checking first suffices because a well-formed change cannot fail to apply: positions past
     * the end clamp (a line past the last to the end of the text, a column past its line's end to
     * that end), as for every other position. Should one fail all the same, the document is still
     * marked dirty with no edit region, so the next parse is a full one of whatever the text is:
     * text and tree are never out of step.
     */
    public String applyChanges(List<TextDocumentContentChangeEvent> changes, int newVersion) {
        if (changes == null) return "the batch has no contentChanges";
        for (int i = 0; i < changes.size(); i++) {
            String problem = malformedChange(changes.get(i));
            if (problem != null) {
                return "change " + (i + 1) + " of " + changes.size() + " " + problem + ": the batch was not applied"
                        + " (the document stays at version " + version + ")";
            }
        }
        boolean applied = false;
        try {
            for (TextDocumentContentChangeEvent change : changes) {
                applyChange(change);
            }
            applied = true;
        } finally {
            dirty = true;
            if (applied) version = newVersion;
            else forgetEditRegion(); // whatever the text became, parse all of it
        }
        return null;
    }

    /** Why {@code change} cannot be applied, or null: text missing, range without start or end, negative values. */
    static String malformedChange(TextDocumentContentChangeEvent change) {
        if (change == null) return "is null";
        if (change.getText() == null) return "has no text";
        Range r = change.getRange();
        if (r == null) return null; // the whole text
        String start = malformedPosition(r.getStart());
        if (start != null) return "has a range whose start " + start;
        String end = malformedPosition(r.getEnd());
        if (end != null) return "has a range whose end " + end;
        return null;
    }

    private static String malformedPosition(Position p) {
        if (p == null) return "is missing";
        if (p.getLine() < 0 || p.getCharacter() < 0) return "is negative (" + p.getLine() + ":" + p.getCharacter() + ")";
        return null;
    }

    private void applyChange(TextDocumentContentChangeEvent change) {
        Range r = change.getRange();
        if (r == null) {
            // a client that syncs whole texts: the changed region is what lies between the
            // common prefix and the common suffix, so the reparse can still be incremental
            recordReplacement(change.getText());
            exactUtf8 = -1;
            text.set(change.getText());
            lines.rebuild(text.array(), text.length());
        } else {
            int a = offsetAt(r.getStart());
            int b = offsetAt(r.getEnd());
            if (b < a) { int t = a; a = b; b = t; }
            // a char on each side: a surrogate pair the edit joins or splits is counted whole
            if (exactUtf8 >= 0) exactUtf8 -= utf8Between(text.array(), Math.max(0, a - 1), Math.min(text.length(), b + 1));
            text.replace(a, b, change.getText());
            if (exactUtf8 >= 0) {
                exactUtf8 += utf8Between(text.array(), Math.max(0, a - 1), Math.min(text.length(), a + change.getText().length() + 1));
            }
            lines.applyEdit(text.array(), text.length(), a, b, change.getText().length());
            recordEdit(a, b, change.getText().length());
        }
    }

    /** Forces a reparse on the next {@link #ensureParsed} (e.g. the size limit changed). */
    public void invalidate() {
        if (!closed) dirty = true;
        forgetEditRegion();
    }

    /**
     * Grows the changed region by the replacement of [a, b) (current offsets) with {@code inserted}
     * chars: the region's old-text end moves by what the edit reached past it, and the region then
     * covers both.
     */
    private void recordEdit(int a, int b, int inserted) {
        if (!editRegion) {
            editRegion = true;
            editStart = a;
            editOldEnd = b;
            editNewEnd = a + inserted;
            return;
        }
        int oldEnd = editOldEnd + Math.max(0, b - editNewEnd);
        int newEnd = Math.max(editNewEnd, b) + inserted - (b - a);
        editStart = Math.min(editStart, a);
        editOldEnd = oldEnd;
        editNewEnd = newEnd;
    }

    /** Records a whole-text replacement as the edit of the span where old and new text differ. */
    private void recordReplacement(String next) {
        char[] old = text.array();
        int oldLength = text.length();
        int newLength = next.length();
        int max = Math.min(oldLength, newLength);
        int prefix = 0;
        while (prefix < max && old[prefix] == next.charAt(prefix)) prefix++;
        int suffix = 0;
        while (suffix < max - prefix && old[oldLength - 1 - suffix] == next.charAt(newLength - 1 - suffix)) suffix++;
        recordEdit(prefix, oldLength - suffix, newLength - suffix - prefix);
    }

    private void forgetEditRegion() {
        editRegion = false;
        editStart = editOldEnd = editNewEnd = -1;
    }

    /** True when the last parse reparsed only the edited top-level statement ({@code JsParser.reparseInPlace}). */
    public boolean lastParseWasIncremental() { return lastParseIncremental; }

    /** True when the last parse reparsed only one function body inside its statement (the nested reparse). */
    public boolean lastParseWasNested() { return lastParseIncremental && arena != null && arena.splicedNested(); }

    /** True when the last bind rebound only the reparsed statements ({@code Binder.lastBindWasIncremental}). */
    public boolean lastBindWasIncremental() { return lastBindIncremental; }

    /** Replaces the whole text (tests, {@code didOpen} of a reused document). */
    public void setText(String newText, int newVersion) {
        forgetEditRegion();
        exactUtf8 = -1;
        text.set(newText);
        lines.rebuild(text.array(), text.length());
        version = newVersion;
        dirty = true;
    }

    // ---- parsing ----

    /**
     * Parses and binds the current text if it changed since the last parse. Returns true when it
     * parsed (or found the document over {@code maxBytes}), false when the last parse is current.
     * The binder adds its early errors (redeclarations, exports) to the arena's diagnostics.
     */
    public boolean ensureParsed(ParseTools tools, long maxBytes) {
        if (!dirty || closed) return false;
        long t0 = System.nanoTime();
        dirty = false;
        parsedVersion = version;
        previousParseStamp = parseStamp;
        parseStamp = PARSE_STAMPS.incrementAndGet();
        attachments.clear();
        bindFailure = null;
        lastBindIncremental = false;
        int chars = text.length();
        if ((long) chars > maxBytes || (long) chars * 3 <= maxBytes) {
            sizeBytes = utf8Length(text.array(), chars, maxBytes); // no count needed
        } else {
            if (exactUtf8 < 0) exactUtf8 = utf8Between(text.array(), 0, chars);
            sizeBytes = exactUtf8;
        }
        if (sizeBytes > maxBytes) {
            oversized = true;
            arena = null; // hold no tree (nor the arrays of one) for a file we refuse to parse
            scopes = null;
        } else {
            oversized = false;
            if (arena == null) {
                int expected = expectedNodes(text.array(), text.length());
                OpenTrace.mark("nodes estimated");
                arena = new Arena(expected);
                OpenTrace.mark("arena made");
            }
            parse(tools.parser);
            OpenTrace.mark("parsed");
            // sized above from an estimate: give back what a full parse left empty (memory); buffers
            // lent by useBuffers keep the size their owner gave them, for the next file
            if (!lastParseIncremental && !borrowedBuffers) arena.trimToTree();
            OpenTrace.mark("arena trimmed");
            if (scopes == null) scopes = new ScopeTable();
            try {
                tools.binder.bind(arena, scopes);
                OpenTrace.mark("bound, grammar checked");
                lastBindIncremental = tools.binder.lastBindWasIncremental();
                // the columns grew by doubling: give back the empty half an open file would keep
                if (!lastBindIncremental && !borrowedBuffers) scopes.trimToContents();
            } catch (RuntimeException e) { // keep the syntax diagnostics; hover is off until the next parse
                bindFailure = e;
                lastBindIncremental = false;
            }
        }
        forgetEditRegion();
        parseNanos = System.nanoTime() - t0;
        return true;
    }

    /**
     * The arena reads the text buffer in place: edits only ever happen before the next parse. The
     * parse may be incremental (only the edited top-level statement, when that gives the full
     * parse's tree).
     */
    private void parse(JsParser parser) {
        lastParseIncremental = false;
        char[] src = text.array();
        int n = text.length();
        if (editRegion && arena.nodeCount() > 0) {
            lastParseIncremental = parser.reparseInPlace(arena, src, n, options, editStart, editOldEnd, editNewEnd);
        } else {
            parser.parseInPlace(arena, src, n, options);
        }
    }

    /**
     * Node slots to reserve before a document's first parse. The parse's columns are the open's
     * largest transient (24 bytes a slot): a node per 8 chars, the old guess, reserved 293,665 slots
     * for lib.dom.d.ts's 113,763 nodes (7 MB, trimmed afterwards, but the heap had grown for them).
     * Comments and whitespace make no nodes, so count the text's token-like units outside them (a
     * run of word characters, a quoted string, or one other character): 1.1-1.5 units a node on
     * lib.dom.d.ts, typescript.js and @types/node's declaration files. At most the old guess, which
     * dense code reaches (typescript.js: 1.28 times it in units); the count stops once an eighth of
     * the text projects that far, so such code pays for an eighth of a pass (lib.dom.d.ts, a whole
     * pass: ~4 ms warm, ~10 ms cold). At least 1024. Too low costs a grow ({@code Arena.grow}
     * extrapolates from the parse's position), never a wrong tree.
     */
    static int expectedNodes(char[] text, int length) {
        int cap = Math.max(1024, length / 8);
        long units = 0;
        boolean inWord = false;
        int i = 0;
        for (int eighth = 1; eighth <= 8; eighth++) {
            int to = (int) ((long) length * eighth / 8);
            for (; i < to; i++) {
                char c = text[i];
                if (c == '/' && i + 1 < length && (text[i + 1] == '/' || text[i + 1] == '*')) {
                    if (text[i + 1] == '/') {
                        while (i < length && text[i] != '\n') i++;
                    } else {
                        i += 2;
                        while (i < length && !(text[i] == '*' && i + 1 < length && text[i + 1] == '/')) i++;
                        i++;
                    }
                    inWord = false;
                } else if (c <= ' ') {
                    inWord = false;
                } else if (c == '"' || c == '\'') { // one unit; a comment marker inside is text ("http://")
                    units++;
                    for (i++; i < length && text[i] != c && text[i] != '\n'; i++) {
                        if (text[i] == '\\') i++;
                    }
                    inWord = false;
                } else {
                    boolean word = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
                    if (!word || !inWord) units++;
                    inWord = word;
                }
            }
            if (units * 8 / eighth >= cap) return cap;
        }
        return (int) Math.max(1024, units);
    }

    /** Exact UTF-8 length of chars [from, to) (a surrogate pair is counted whole only when both halves are inside). */
    static long utf8Between(char[] s, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c < 0x80) bytes++;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s[i + 1])) { bytes += 4; i++; }
            else bytes += 3;
        }
        return bytes;
    }

    /** UTF-8 length of the text; stops counting once past {@code limit}. */
    static long utf8Length(char[] s, int n, long limit) {
        if ((long) n > limit) return n; // at least n bytes
        if ((long) n * 3 <= limit) return n; // cannot exceed the limit: the exact figure is not needed
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c < 0x80) bytes++;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) { bytes += 4; i++; }
            else bytes += 3;
            if (bytes > limit) return bytes;
        }
        return bytes;
    }

    /**
     * Before the first parse: parse into {@code arena} and bind into {@code scopes} instead of new
     * ones, for short-lived documents (files read from disk for one request), whose thread reuses
     * one pair for all of them. The caller must not use them elsewhere until this document is closed.
     */
    public void useBuffers(Arena arena, ScopeTable scopes) {
        if (this.arena == null && this.scopes == null) borrowedBuffers = true;
        if (this.arena == null) this.arena = arena;
        if (this.scopes == null) this.scopes = scopes;
    }

    /** Frees the text, the arena and feature state; later tasks see a closed document. */
    public void close() {
        closed = true;
        arena = null;
        scopes = null;
        attachments.clear();
        text = new TextBuffer("");
        lines = new LineStarts(LineStarts.Terminators.LSP);
    }

    // ---- positions ----

    /** Offset of a position for an edit: a line past the end clamps to the end of the text. */
    public int offsetAt(Position p) {
        if (p == null) throw new IllegalArgumentException("position is missing");
        int line = p.getLine();
        if (line < 0) return 0;
        if (line >= lines.lineCount()) return text.length();
        int start = lines.lineStart(line);
        int end = lines.lineContentEnd(text.array(), text.length(), line);
        return encoding.offsetOf(text.array(), start, end, p.getCharacter());
    }

    /**
     * Offset of a position for a request: -1 when the line does not exist or a value is negative;
     * a column past the end of its line clamps to the line's end, as the protocol says.
     */
    public int offsetIfValid(Position p) {
        if (p == null) return -1;
        int line = p.getLine();
        if (line < 0 || p.getCharacter() < 0 || line >= lines.lineCount()) return -1;
        int start = lines.lineStart(line);
        int end = lines.lineContentEnd(text.array(), text.length(), line);
        return encoding.offsetOf(text.array(), start, end, p.getCharacter());
    }

    public Position positionAt(int offset) {
        if (offset < 0) offset = 0;
        if (offset > text.length()) offset = text.length();
        int line = lines.lineOf(offset);
        int start = lines.lineStart(line);
        return new Position(line, encoding.columnOf(text.array(), start, offset));
    }

    public Range rangeOf(int start, int end) {
        return new Range(positionAt(start), positionAt(Math.max(start, end)));
    }

    /** Bytes held for this document: text buffer, line index and arena arrays (capacities). */
    public long bytesReserved() {
        long b = text.bytesReserved() + lines.bytesReserved();
        if (arena != null) b += arena.bytesReserved();
        if (scopes != null) b += scopes.bytesReserved();
        return b;
    }

    @Override public String toString() { return "Document(" + uri + " v" + version + ")"; }
}
