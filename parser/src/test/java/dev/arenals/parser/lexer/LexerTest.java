package dev.arenals.parser.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.arenals.parser.diag.Diag;
import dev.arenals.parser.tree.NameTable;
import dev.arenals.parser.tree.ParseLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LexerTest {
    private final NameTable names = new NameTable();
    private final ParseLog log = new ParseLog();
    private final Lexer lx = new Lexer();

    // ---------------------------------------------------------------- helpers

    private Lexer start(String src) { return start(src, false); }

    private Lexer start(String src, boolean module) {
        names.reset();
        log.reset();
        lx.reset(src.toCharArray(), src.length(), names, log, module);
        return lx;
    }

    private String text() { return new String(lx.source(), lx.tokenStart, lx.tokenEnd - lx.tokenStart); }

    /** All tokens as "kind:text" (kind only for punctuators and keywords). */
    private List<String> tokens(String src) { return tokens(src, false); }

    private List<String> tokens(String src, boolean module) {
        start(src, module);
        List<String> out = new ArrayList<>();
        for (int guard = 0; lx.next() != Token.EOF; guard++) {
            if (guard > src.length() + 5) fail("no progress");
            out.add(describe());
        }
        return out;
    }

    private String describe() {
        int t = lx.token;
        if (t >= Token.LBRACE && t <= Token.LAST_CONTEXTUAL) return Token.text(t);
        return kindName(t) + ":" + text();
    }

    private static String kindName(int t) {
        switch (t) {
            case Token.IDENTIFIER: return "ID";
            case Token.PRIVATE_NAME: return "PRIV";
            case Token.NUMBER: return "NUM";
            case Token.BIGINT: return "BIG";
            case Token.STRING: return "STR";
            case Token.REGEX: return "RE";
            case Token.NO_SUBST_TEMPLATE: return "TPL";
            case Token.TEMPLATE_HEAD: return "HEAD";
            case Token.TEMPLATE_MIDDLE: return "MID";
            case Token.TEMPLATE_TAIL: return "TAIL";
            case Token.ERROR: return "ERR";
            default: return Token.text(t);
        }
    }

    private List<String> diags() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.diagnosticCount(); i++) {
            out.add(log.diagnostic(i) + "@" + log.diagnosticStart(i) + "-" + log.diagnosticEnd(i));
        }
        return out;
    }

    private List<String> comments() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < log.commentCount(); i++) out.add(log.commentStart(i) + "-" + log.commentEnd(i));
        return out;
    }

    private void assertTokens(String src, String... expected) {
        assertEquals(List.of(expected), tokens(src), "tokens of " + src);
    }

    private void assertClean(String src, String... expected) {
        assertTokens(src, expected);
        assertEquals(List.of(), diags(), "diagnostics of " + src);
    }

    /** Lexes src and checks the exact diagnostics. */
    private void assertDiags(String src, String... expected) {
        tokens(src);
        assertEquals(List.of(expected), diags(), "diagnostics of " + src);
    }

    // ---------------------------------------------------------------- punctuators

    @Test
    void punctuators() {
        String src = "{ } ( ) [ ] . ... ; , < > <= == != === !== + - * / % ** ++ -- << & | ^ ! ~ && || ? ?? ?. : => @ # "
            + "= += -= *= /= %= **= <<= &= |= ^= &&= ||= ??=";
        List<String> expected = List.of(src.split(" "));
        assertEquals(expected, tokens(src));
        assertEquals(List.of(), diags());
    }

    @Test
    void punctuatorsWithoutSpaces() {
        assertClean("a=>b", "ID:a", "=>", "ID:b");
        assertClean("a===b!==c", "ID:a", "===", "ID:b", "!==", "ID:c");
        assertClean("x**=2", "ID:x", "**=", "NUM:2");
        assertClean("a??=b", "ID:a", "??=", "ID:b");
        assertClean("...a", "...", "ID:a");
        assertClean("a..b", "ID:a", ".", ".", "ID:b");
        assertClean("a<<=b", "ID:a", "<<=", "ID:b");
        assertClean("a++ +b", "ID:a", "++", "+", "ID:b");
    }

    @Test
    void greaterThanIsAlwaysSingle() {
        assertClean("a>>>=b", "ID:a", ">", ">", ">", "=", "ID:b");
        assertClean("a>=b", "ID:a", ">", "=", "ID:b");
        assertClean("List<List<T>>", "ID:List", "<", "ID:List", "<", "ID:T", ">", ">");
    }

    @Test
    void reScanGreater() {
        String[][] cases = {{">", ">"}, {">=", ">="}, {">>", ">>"}, {">>=", ">>="}, {">>>", ">>>"}, {">>>=", ">>>="},
            {"> >", ">"}, {"> =", ">"}, {">>>>", ">>>"}, {">>==", ">>="}};
        for (String[] c : cases) {
            start("a" + c[0] + "b");
            lx.next();
            assertEquals(Token.GT, lx.next());
            int t = lx.reScanGreater();
            assertEquals(c[1], Token.text(t), c[0]);
            assertEquals(t, lx.token);
            assertEquals(1, lx.tokenStart);
            assertEquals(1 + c[1].length(), lx.tokenEnd, c[0]);
        }
        start("a >>= b");
        lx.next();
        lx.next();
        assertEquals(Token.SAR_ASSIGN, lx.reScanGreater());
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals("b", text());
        start("a + b");
        lx.next();
        lx.next();
        assertEquals(Token.PLUS, lx.reScanGreater()); // not GT: unchanged
        start("a >");
        lx.next();
        lx.next();
        assertEquals(Token.GT, lx.reScanGreater());
        assertEquals(Token.EOF, lx.next());
    }

    @Test
    void questionDot() {
        assertClean("a?.b", "ID:a", "?.", "ID:b");
        assertClean("a?.[0]", "ID:a", "?.", "[", "NUM:0", "]");
        assertClean("a?.5:b", "ID:a", "?", "NUM:.5", ":", "ID:b");
        assertClean("a ?. 5", "ID:a", "?.", "NUM:5");
        assertClean("a??b", "ID:a", "??", "ID:b");
        assertClean("a?", "ID:a", "?");
        assertClean("a?.", "ID:a", "?.");
    }

    // ---------------------------------------------------------------- keywords and identifiers

    @Test
    void everyKeyword() {
        int count = 0;
        for (int t = Token.FIRST_RESERVED; t <= Token.LAST_CONTEXTUAL; t++) {
            String word = Token.text(t);
            if (word.startsWith("token ")) continue;
            count++;
            start(word);
            assertEquals(t, lx.next(), word);
            assertEquals(0, lx.flags);
            assertEquals(t, Token.keywordOf(word.toCharArray(), 0, word.length()));
            // embedded in a larger array
            char[] padded = ("xx" + word + "yy").toCharArray();
            assertEquals(t, Keywords.lookup(padded, 2, 2 + word.length()), word);
            for (String near : new String[] {word + "s", word.substring(0, word.length() - 1), "_" + word,
                Character.toUpperCase(word.charAt(0)) + word.substring(1), word + "1", word + "\u00e9"}) {
                start(near);
                assertEquals(Token.IDENTIFIER, lx.next(), near);
                assertEquals(near.length(), lx.tokenEnd, near);
            }
        }
        assertEquals(78, count);
    }

    @Test
    void theHashedKeywordLookupAgreesWithTheTableByLengthAndFirstLetter() {
        java.util.Random random = new java.util.Random(11);
        String letters = "abcdefghijklmnoprstuvwxy";
        for (int i = 0; i < 200_000; i++) {
            // short names over few letters hit keyword hashes and near-keywords often
            char[] w = new char[2 + random.nextInt(10)];
            for (int j = 0; j < w.length; j++) w[j] = letters.charAt(random.nextInt(random.nextBoolean() ? 6 : letters.length()));
            assertEquals(Keywords.lookup(w, 0, w.length), Keywords.lookupHashed(w, 0, w.length, Keywords.hashOf(w, 0, w.length)), new String(w));
        }
        for (int t = Token.FIRST_RESERVED; t <= Token.LAST_CONTEXTUAL; t++) {
            String word = Token.text(t);
            if (word.startsWith("token ")) continue;
            char[] w = word.toCharArray();
            assertEquals(t, Keywords.lookupHashed(w, 0, w.length, Keywords.hashOf(w, 0, w.length)), word);
        }
    }

    @Test
    void keywordLookupBounds() {
        char[] s = "break".toCharArray();
        assertEquals(Token.K_BREAK, Keywords.lookup(s, 0, 5));
        assertEquals(Token.IDENTIFIER, Keywords.lookup(s, 0, 6));
        assertEquals(Token.IDENTIFIER, Keywords.lookup(s, -1, 4));
        assertEquals(Token.IDENTIFIER, Keywords.lookup(s, 3, 2));
        assertEquals(Token.IDENTIFIER, Keywords.lookup(null, 0, 0));
        assertEquals(Token.IDENTIFIER, Keywords.lookup(s, 0, 0));
    }

    @Test
    void identifiers() {
        assertClean("foo $bar _baz a1 $ _ A_Z$9", "ID:foo", "ID:$bar", "ID:_baz", "ID:a1", "ID:$", "ID:_", "ID:A_Z$9");
        start("hello hello world");
        lx.next();
        int a = lx.internIdentifier();
        lx.next();
        assertEquals(a, lx.internIdentifier());
        lx.next();
        int w = lx.internIdentifier();
        assertTrue(a != w);
        assertEquals("world", names.name(w));
    }

    /** Every exit of the identifier loop: a name of any length ends where it does and hashes as the table does. */
    @Test
    void namesOfEveryLengthEndWhereTheNameEndsAndInternAsTheTableDoes() {
        String letters = "abcdefghijklmnopqrstuvwxyz_$0123456789";
        for (int len = 1; len <= 20; len++) {
            String name = "Q" + letters.substring(0, len - 1);
            for (String after : new String[] {"", " ", ";", "\u00e9", "\\u0041", "-"}) {
                String src = name + after;
                start(src);
                assertEquals(Token.IDENTIFIER, lx.next(), src);
                boolean extended = after.equals("\u00e9") || after.startsWith("\\");
                int end = extended ? src.length() : name.length();
                assertEquals(end, lx.tokenEnd, "end of the name in " + src);
                String expected = extended && after.startsWith("\\") ? name + "A" : src.substring(0, end);
                int id = lx.internIdentifier();
                assertEquals(expected, names.name(id), src);
                char[] c = expected.toCharArray();
                assertEquals(id, names.find(c, 0, c.length), "the lexer's hash and key agree with the table's for " + src);
            }
        }
    }

    @Test
    void unicodeIdentifiers() {
        assertClean("caf\u00e9 \u00fcn\u00efc\u00f6d\u00e9", "ID:caf\u00e9", "ID:\u00fcn\u00efc\u00f6d\u00e9");
        // U+102A7 CARIAN LETTER A, outside the BMP (a surrogate pair)
        String carian = new String(Character.toChars(0x102A7));
        assertClean(carian + " x" + carian, "ID:" + carian, "ID:x" + carian);
        // U+1E030 MODIFIER LETTER CYRILLIC SMALL A (Unicode 15): unknown to Java 17's Character tables
        String cyr = new String(Character.toChars(0x1E030));
        assertClean(cyr + "1", "ID:" + cyr + "1");
        assertTrue(UnicodeId.isIdStart(0x1E030));
        // U+10D50 GARAY CAPITAL LETTER A (Unicode 16)
        String garay = new String(Character.toChars(0x10D50));
        assertClean(garay, "ID:" + garay);
        // Other_ID_Start U+2118, ID_Continue U+00B7, ZWNJ / ZWJ inside
        assertClean("\u2118", "ID:\u2118");
        assertClean("a\u00b7b", "ID:a\u00b7b");
        assertClean("a\u200cb\u200d", "ID:a\u200cb\u200d");
        start(carian);
        lx.next();
        assertEquals(carian, names.name(lx.internIdentifier()));
        assertFalse(UnicodeId.isIdStart('0'));
        assertTrue(UnicodeId.isIdPart('0'));
        assertFalse(UnicodeId.isIdStart(0x200C));
        assertTrue(UnicodeId.isIdPart(0x200C));
        assertFalse(UnicodeId.isIdStart(-1));
        assertFalse(UnicodeId.isIdPart(0x110000));
        assertTrue(UnicodeId.isIdStart(0x2B81D) || UnicodeId.isIdStart(0x20000)); // CJK extension
    }

    @Test
    void nonIdentifierCharacters() {
        assertTokens("a\u20acb", "ID:a", "ERR:\u20ac", "ID:b");
        assertEquals(List.of("INVALID_CHARACTER@1-2"), diags());
        String emoji = new String(Character.toChars(0x1F600));
        assertTokens(emoji + "x", "ERR:" + emoji, "ID:x");
        assertEquals(List.of("INVALID_CHARACTER@0-2"), diags());
        assertTokens("\ud800x\udc00", "ERR:\ud800", "ID:x", "ERR:\udc00");
        assertEquals(List.of("INVALID_CHARACTER@0-1", "INVALID_CHARACTER@2-3"), diags());
        assertTokens("\u0000\u007f\u200b\u180e", "ERR:\u0000", "ERR:\u007f", "ERR:\u200b", "ERR:\u180e");
        assertEquals(4, log.diagnosticCount());
        assertTokens("a \\ b", "ID:a", "ERR:\\", "ID:b");
        assertEquals(List.of("INVALID_CHARACTER@2-3"), diags());
        assertTokens("\\x41", "ERR:\\", "ID:x41");
        assertTokens("a\\x", "ID:a", "ERR:\\", "ID:x");
    }

    @Test
    void escapedIdentifiersAndKeywords() {
        start("\\u0062reak");
        assertEquals(Token.K_BREAK, lx.next());
        assertEquals(Lexer.F_ESCAPED, lx.flags);
        assertEquals("break", names.name(lx.internIdentifier()));
        start("\\u{61}wait");
        assertEquals(Token.K_AWAIT, lx.next());
        assertTrue((lx.flags & Lexer.F_ESCAPED) != 0);
        start("a\\u0062c x");
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals("a\\u0062c", text());
        int id = lx.internIdentifier();
        assertEquals("abc", names.name(id));
        start("abc");
        lx.next();
        assertEquals(id, lx.internIdentifier());
        start("\\u{102A7}\\u{00000000062}");
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals(new String(Character.toChars(0x102A7)) + "b", names.name(lx.internIdentifier()));
        assertEquals(List.of(), diags());
        start("l\\u0065t");
        assertEquals(Token.K_LET, lx.next());
        start("x\\u200c");
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals(List.of(), diags());
    }

    @Test
    void invalidIdentifierEscapes() {
        assertDiags("\\u0020x", "INVALID_IDENTIFIER_ESCAPE@0-6");
        assertEquals(List.of("ID:\\u0020x"), tokens("\\u0020x"));
        assertDiags("\\u0030a", "INVALID_IDENTIFIER_ESCAPE@0-6");
        assertDiags("a\\u0030", new String[0]);
        assertDiags("a\\u002d", "INVALID_IDENTIFIER_ESCAPE@1-7");
        assertDiags("a\\u{110000}", "UNICODE_ESCAPE_OUT_OF_RANGE@1-11");
        assertDiags("a\\u00G1", "INVALID_ESCAPE@1-5");
        assertDiags("a\\u{41 b", "UNTERMINATED_UNICODE_ESCAPE@1-6");
        assertDiags("a\\u{}", "INVALID_ESCAPE@1-5");
        assertDiags("\\u", "INVALID_ESCAPE@0-2");
        assertDiags("a\\u{1F600}", "INVALID_IDENTIFIER_ESCAPE@1-10"); // emoji is no ID_Continue
        assertDiags("\\uD835\\uDC00", "INVALID_IDENTIFIER_ESCAPE@0-6", "INVALID_IDENTIFIER_ESCAPE@6-12");
        start("a\\u00G1");
        lx.next();
        assertEquals("a\\u00G1", names.name(lx.internIdentifier())); // malformed escapes kept raw
    }

    @Test
    void privateNames() {
        assertClean("#foo #if #$ #_a", "PRIV:#foo", "PRIV:#if", "PRIV:#$", "PRIV:#_a");
        start("this.#x");
        lx.next();
        lx.next();
        assertEquals(Token.PRIVATE_NAME, lx.next());
        assertEquals("x", names.name(lx.internIdentifier()));
        start("#\\u0061b");
        assertEquals(Token.PRIVATE_NAME, lx.next());
        assertEquals(Lexer.F_ESCAPED, lx.flags);
        assertEquals("ab", names.name(lx.internIdentifier()));
        String carian = new String(Character.toChars(0x102A7));
        assertClean("#" + carian, "PRIV:#" + carian);
        assertClean("# x", "#", "ID:x");
        assertClean("#1", "#", "NUM:1");
        assertClean("#", "#");
        assertDiags("#\\u0030", "INVALID_IDENTIFIER_ESCAPE@1-7");
    }

    // ---------------------------------------------------------------- whitespace, newlines, comments

    @Test
    void whitespace() {
        assertClean("a\t\u000b\f \u00a0\ufeff\u1680\u2000\u2005\u200a\u202f\u205f\u3000b", "ID:a", "ID:b");
        start("\ufeffa b");
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals(1, lx.tokenStart);
        assertFalse(lx.newlineBefore);
        assertFalse(lx.next() == Token.EOF || lx.newlineBefore);
        assertEquals(Token.EOF, lx.next());
        assertEquals(4, lx.tokenStart);
        assertEquals(4, lx.tokenEnd);
        assertEquals(Token.EOF, lx.next()); // stays at EOF
    }

    @Test
    void newlineBefore() {
        for (String nl : new String[] {"\n", "\r", "\r\n", "\u2028", "\u2029", "/*\n*/", "/*\u2028*/", "//c\n", " \n "}) {
            start("a" + nl + "b");
            lx.next();
            assertFalse(lx.newlineBefore);
            lx.next();
            assertEquals("b", text());
            assertTrue(lx.newlineBefore, "newline " + nl.codePointAt(0));
        }
        for (String sp : new String[] {" ", "/* */", "/**/ /* x */", "\t"}) {
            start("a" + sp + "b");
            lx.next();
            lx.next();
            assertFalse(lx.newlineBefore, sp);
        }
        start("\nx");
        lx.next();
        assertTrue(lx.newlineBefore);
        start("x\n");
        lx.next();
        assertEquals(Token.EOF, lx.next());
        assertTrue(lx.newlineBefore);
    }

    @Test
    void commentsAreRecorded() {
        assertClean("/* a */ x // b\n/**/", "ID:x");
        assertEquals(List.of("0-7", "10-14", "15-19"), comments());
        assertClean("a/*/b*/c", "ID:a", "ID:c");
        assertEquals(List.of("1-7"), comments());
        assertClean("a//\rb", "ID:a", "ID:b");
        assertEquals(List.of("1-3"), comments());
        assertClean("a //x\u2028b", "ID:a", "ID:b");
        assertEquals(List.of("2-5"), comments());
        assertTokens("x /* abc", "ID:x");
        assertEquals(List.of("UNTERMINATED_COMMENT@2-8"), diags());
        assertEquals(List.of("2-8"), comments());
        assertTokens("/*", new String[0]);
        assertEquals(List.of("UNTERMINATED_COMMENT@0-2"), diags());
        assertTokens("/*/", new String[0]);
        assertEquals(List.of("UNTERMINATED_COMMENT@0-3"), diags());
        assertClean("//", new String[0]);
        assertEquals(List.of("0-2"), comments());
    }

    @Test
    void hashbang() {
        assertClean("#!/usr/bin/env node\nx", "ID:x");
        assertEquals(List.of("0-19"), comments());
        start("#!x\ny");
        lx.next();
        assertTrue(lx.newlineBefore);
        assertClean("#!", new String[0]);
        assertEquals(List.of("0-2"), comments());
        assertClean(" #!x", "#", "!", "ID:x");
        assertClean("x\n#!y", "ID:x", "#", "!", "ID:y");
        assertClean("#!x", new String[0], true);
    }

    private void assertClean(String src, String[] expected, boolean module) {
        assertEquals(List.of(expected), tokens(src, module), src);
        assertEquals(List.of(), diags());
    }

    @Test
    void htmlCommentsInScripts() {
        assertClean("x <!-- y\nz", "ID:x", "ID:z");
        assertEquals(List.of("2-8"), comments());
        assertClean("x<!--y", "ID:x");
        assertClean("--> c\nx", "ID:x");
        assertEquals(List.of("0-5"), comments());
        assertClean("  --> c\nx", "ID:x");
        assertClean("/* a */ --> c", new String[0]);
        assertEquals(List.of("0-7", "8-13"), comments());
        assertClean("x\n--> c\ny", "ID:x", "ID:y");
        assertClean("x\n /* a */ --> c\ny", "ID:x", "ID:y");
        assertClean("x /*\n*/ --> c\ny", "ID:x", "ID:y");
        assertClean("x --> y", "ID:x", "--", ">", "ID:y");
        assertClean("x /* */ --> y", "ID:x", "--", ">", "ID:y");
        assertClean("x\ny-->z", "ID:x", "ID:y", "--", ">", "ID:z");
        assertClean("x <! -- y", "ID:x", "<", "!", "--", "ID:y");
        assertClean("x <!- y", "ID:x", "<", "!", "-", "ID:y");
    }

    @Test
    void htmlCommentsNotInModules() {
        assertClean("x <!-- y", new String[] {"ID:x", "<", "!", "--", "ID:y"}, true);
        assertClean("--> y", new String[] {"--", ">", "ID:y"}, true);
        assertClean("x\n--> y", new String[] {"ID:x", "--", ">", "ID:y"}, true);
        assertEquals(List.of(), comments());
    }

    // ---------------------------------------------------------------- numbers

    private void assertNumber(String src, int kind, int flags, double value) {
        start(src);
        assertEquals(kind, lx.next(), src);
        assertEquals(src.length(), lx.tokenEnd, src);
        assertEquals(flags, lx.flags, src);
        assertEquals(List.of(), diags(), src);
        if (kind == Token.NUMBER) assertEquals(value, Literals.numberValue(lx.source(), lx.tokenStart, lx.tokenEnd), 0.0, src);
    }

    @Test
    void numbers() {
        int N = Token.NUMBER;
        assertNumber("0", N, 0, 0);
        assertNumber("123", N, 0, 123);
        assertNumber("1.5", N, 0, 1.5);
        assertNumber(".5", N, 0, 0.5);
        assertNumber("5.", N, 0, 5);
        assertNumber("0.25", N, 0, 0.25);
        assertNumber("1e3", N, 0, 1000);
        assertNumber("1E+3", N, 0, 1000);
        assertNumber("25e-2", N, 0, 0.25);
        assertNumber("1.e2", N, 0, 100);
        assertNumber(".5e1", N, 0, 5);
        assertNumber("1_000_000", N, 0, 1_000_000);
        assertNumber("1_0.0_1e1_0", N, 0, 10.01e10);
        assertNumber("0x1F", N, 0, 31);
        assertNumber("0X1f", N, 0, 31);
        assertNumber("0xdead_BEEF", N, 0, 0xdeadbeefL);
        assertNumber("0o17", N, 0, 15);
        assertNumber("0O1_7", N, 0, 15);
        assertNumber("0b101", N, 0, 5);
        assertNumber("0B1_0", N, 0, 2);
        assertNumber("017", N, Lexer.F_LEGACY_OCTAL, 15);
        assertNumber("00", N, Lexer.F_LEGACY_OCTAL, 0);
        assertNumber("08", N, Lexer.F_LEADING_ZERO_DECIMAL, 8);
        assertNumber("0789", N, Lexer.F_LEADING_ZERO_DECIMAL, 789);
        assertNumber("09.5", N, Lexer.F_LEADING_ZERO_DECIMAL, 9.5);
        assertNumber("08e1", N, Lexer.F_LEADING_ZERO_DECIMAL, 80);
        assertNumber("1e1000", N, 0, Double.POSITIVE_INFINITY);
        assertNumber("9007199254740993", N, 0, 9007199254740992.0);
        assertNumber("0x20000000000001", N, 0, 9007199254740992.0); // 2^53 + 1 rounds to even
        assertNumber("0x20000000000003", N, 0, 9007199254740996.0); // 2^53 + 3 rounds to even (up)
        assertNumber("0xFFFFFFFFFFFFFFFFF", N, 0, 2.9514790517935283E20);
        assertNumber("0b" + "1".repeat(64), N, 0, 1.8446744073709552E19);
        assertNumber("0x" + "F".repeat(300), N, 0, Double.POSITIVE_INFINITY);
        assertNumber("0.1", N, 0, 0.1);
        assertNumber("5e-324", N, 0, 4.9E-324);
    }

    @Test
    void numbersInContext() {
        assertClean("07.5", "NUM:07", "NUM:.5");
        assertClean("1..toString", "NUM:1.", ".", "ID:toString");
        assertClean("1.5.3", "NUM:1.5", "NUM:.3");
        assertClean("x=1+2", "ID:x", "=", "NUM:1", "+", "NUM:2");
        assertClean("a[0]", "ID:a", "[", "NUM:0", "]");
        assertClean("1 .x", "NUM:1", ".", "ID:x");
    }

    @Test
    void bigints() {
        String[][] cases = {{"0n", "0"}, {"123n", "123"}, {"0x1Fn", "31"}, {"0o7n", "7"}, {"0b101n", "5"},
            {"1_000n", "1000"}, {"0xFFFFFFFFFFFFFFFFFFFFn", "1208925819614629174706175"},
            {"123456789012345678901234567890n", "123456789012345678901234567890"}};
        for (String[] c : cases) {
            start(c[0]);
            assertEquals(Token.BIGINT, lx.next(), c[0]);
            assertEquals(c[0].length(), lx.tokenEnd);
            assertEquals(List.of(), diags(), c[0]);
            assertEquals(c[1], Literals.bigintDecimal(lx.source(), lx.tokenStart, lx.tokenEnd));
        }
    }

    @Test
    void invalidBigints() {
        for (String s : new String[] {"1.5n", "1e3n", "07n", "08n", ".5n", "1.n"}) {
            start(s);
            assertEquals(Token.NUMBER, lx.next(), s);
            assertEquals(s.length(), lx.tokenEnd, s);
            assertEquals(List.of("INVALID_BIGINT@0-" + s.length()), diags(), s);
            Literals.numberValue(lx.source(), lx.tokenStart, lx.tokenEnd);
        }
        start("1.5n");
        lx.next();
        assertEquals(1.5, Literals.numberValue(lx.source(), lx.tokenStart, lx.tokenEnd));
    }

    @Test
    void numericSeparatorErrors() {
        assertDiags("1__0", "MULTIPLE_NUMERIC_SEPARATORS@2-3");
        assertDiags("1___0", "MULTIPLE_NUMERIC_SEPARATORS@2-3", "MULTIPLE_NUMERIC_SEPARATORS@3-4");
        assertDiags("1_", "NUMERIC_SEPARATOR_NOT_ALLOWED@1-2");
        assertDiags("1__", "MULTIPLE_NUMERIC_SEPARATORS@2-3");
        assertDiags("0x_1", "NUMERIC_SEPARATOR_NOT_ALLOWED@2-3");
        assertDiags("0b1_", "NUMERIC_SEPARATOR_NOT_ALLOWED@3-4");
        assertDiags("1._5", "NUMERIC_SEPARATOR_NOT_ALLOWED@2-3");
        assertDiags("1_.5", "NUMERIC_SEPARATOR_NOT_ALLOWED@1-2");
        assertDiags("1e_5", "NUMERIC_SEPARATOR_NOT_ALLOWED@2-3");
        assertDiags("1_e5", "NUMERIC_SEPARATOR_NOT_ALLOWED@1-2");
        assertDiags("1e5_", "NUMERIC_SEPARATOR_NOT_ALLOWED@3-4");
        assertDiags("0_1", "NUMERIC_SEPARATOR_NOT_ALLOWED@1-2");
        assertDiags("07_7", "NUMERIC_SEPARATOR_NOT_ALLOWED@2-3");
        assertDiags("08_1", "NUMERIC_SEPARATOR_NOT_ALLOWED@2-3");
        assertDiags("1_a", "NUMERIC_SEPARATOR_NOT_ALLOWED@1-2", "IDENTIFIER_AFTER_NUMBER@2-3");
        assertEquals(List.of("NUM:1_", "ID:a"), tokens("1_a"));
        start("1_000__0");
        lx.next();
        assertEquals(10000, Literals.numberValue(lx.source(), lx.tokenStart, lx.tokenEnd));
    }

    @Test
    void missingDigits() {
        assertDiags("0x", "HEX_DIGIT_EXPECTED@2-2");
        assertDiags("0o", "OCTAL_DIGIT_EXPECTED@2-2");
        assertDiags("0b", "BINARY_DIGIT_EXPECTED@2-2");
        assertDiags("0b2", "BINARY_DIGIT_EXPECTED@2-2");
        assertDiags("0o8", "OCTAL_DIGIT_EXPECTED@2-2");
        assertDiags("0xg", "HEX_DIGIT_EXPECTED@2-2");
        assertDiags("1e", "DIGIT_EXPECTED@2-2");
        assertDiags("1e+", "DIGIT_EXPECTED@3-3");
        assertDiags("1e-x", "DIGIT_EXPECTED@3-3");
        assertDiags("0xn", "HEX_DIGIT_EXPECTED@2-2");
        assertEquals(List.of("NUM:1e", ";"), tokens("1e;"));
        start("0x");
        lx.next();
        assertEquals(0, Literals.numberValue(lx.source(), lx.tokenStart, lx.tokenEnd));
        start("1e+");
        lx.next();
        assertEquals(1, Literals.numberValue(lx.source(), lx.tokenStart, lx.tokenEnd));
    }

    @Test
    void identifierAfterNumber() {
        assertTokens("3in x", "NUM:3", "in", "ID:x");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@1-3"), diags());
        assertTokens("5.toString", "NUM:5.", "ID:toString");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@2-10"), diags());
        assertTokens("0b12", "NUM:0b12");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@3-4"), diags());
        assertTokens("0o19a", "NUM:0o19a");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@3-5"), diags());
        assertTokens("1n2", "BIG:1n2");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@2-3"), diags());
        assertTokens("1na", "BIG:1n", "ID:a");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@2-3"), diags());
        assertTokens("0x1g", "NUM:0x1", "ID:g");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@3-4"), diags());
        assertTokens("1$", "NUM:1", "ID:$");
        assertTokens("1\\u0061", "NUM:1", "ID:\\u0061");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@1-7"), diags());
        assertTokens("1\u00e9", "NUM:1", "ID:\u00e9");
        assertEquals(List.of("IDENTIFIER_AFTER_NUMBER@1-2"), diags());
    }

    // ---------------------------------------------------------------- strings

    private String cooked() { return Literals.cookString(lx.source(), lx.tokenStart, lx.tokenEnd); }

    @Test
    void strings() {
        assertClean("'abc' \"def\" '' \"\"", "STR:'abc'", "STR:\"def\"", "STR:''", "STR:\"\"");
        assertClean("'a\"b' \"a'b\"", "STR:'a\"b'", "STR:\"a'b\"");
        start("'abc'");
        lx.next();
        assertEquals(0, lx.flags);
        assertEquals("abc", cooked());
        start("'\\b\\f\\n\\r\\t\\v\\0\\'\\\"\\\\\\a\\x41\\u0042\\u{43}\\u{1F600}'");
        lx.next();
        assertEquals(List.of(), diags());
        assertEquals(Lexer.F_HAS_ESCAPE, lx.flags);
        assertEquals("\b\f\n\r\t\u000b\0'\"\\aABC" + new String(Character.toChars(0x1F600)), cooked());
    }

    @Test
    void lineContinuationsAndSeparators() {
        for (String lt : new String[] {"\n", "\r", "\r\n", "\u2028", "\u2029"}) {
            start("'a\\" + lt + "b'");
            assertEquals(Token.STRING, lx.next());
            assertEquals(5 + lt.length(), lx.tokenEnd);
            assertEquals(Lexer.F_HAS_ESCAPE, lx.flags);
            assertEquals("ab", cooked());
            assertEquals(List.of(), diags());
        }
        start("'a\u2028b\u2029'"); // LS / PS allowed raw in strings
        assertEquals(Token.STRING, lx.next());
        assertEquals(0, lx.flags);
        assertEquals("a\u2028b\u2029", cooked());
        assertEquals(List.of(), diags());
    }

    @Test
    void unterminatedStrings() {
        assertTokens("\"a\nb", "STR:\"a", "ID:b");
        assertEquals(List.of("UNTERMINATED_STRING@0-2"), diags());
        start("\"a\nb");
        lx.next();
        assertEquals(Lexer.F_UNTERMINATED, lx.flags);
        lx.next();
        assertTrue(lx.newlineBefore);
        assertTokens("'abc", "STR:'abc");
        assertEquals(List.of("UNTERMINATED_STRING@0-4"), diags());
        assertTokens("'a\rb'", "STR:'a", "ID:b", "STR:'");
        assertEquals(List.of("UNTERMINATED_STRING@0-2", "UNTERMINATED_STRING@4-5"), diags());
        assertTokens("'\\", "STR:'\\");
        assertEquals(List.of("UNTERMINATED_STRING@0-2"), diags());
        assertTokens("'\\'", "STR:'\\'");
        assertEquals(List.of("UNTERMINATED_STRING@0-3"), diags());
        assertEquals("a", Literals.cookString("'a".toCharArray(), 0, 2));
    }

    @Test
    void invalidStringEscapes() {
        assertDiags("'\\x4'", "INVALID_ESCAPE@1-4");
        assertDiags("'\\xZ'", "INVALID_ESCAPE@1-3");
        assertDiags("'\\x'", "INVALID_ESCAPE@1-3");
        assertDiags("'\\u12'", "INVALID_ESCAPE@1-5");
        assertDiags("'\\u'", "INVALID_ESCAPE@1-3");
        assertDiags("'\\u{}'", "INVALID_ESCAPE@1-5");
        assertDiags("'\\u{110000}'", "UNICODE_ESCAPE_OUT_OF_RANGE@1-11");
        assertDiags("'\\u{FFFFFFFFFF}'", "UNICODE_ESCAPE_OUT_OF_RANGE@1-15");
        assertDiags("'\\u{12'", "UNTERMINATED_UNICODE_ESCAPE@1-6");
        assertDiags("'\\u{10FFFF}\\u{0000000061}'", new String[0]);
        assertDiags("'\\x4", "INVALID_ESCAPE@1-4", "UNTERMINATED_STRING@0-4");
        // the string still ends at its quote
        assertEquals(List.of("STR:'\\u{12'", "ID:x"), tokens("'\\u{12' x"));
        assertEquals(List.of("STR:'\\x'"), tokens("'\\x'"));
    }

    @Test
    void octalEscapes() {
        String[][] cases = {{"'\\07'", "\7"}, {"'\\1'", "\1"}, {"'\\377'", "\u00ff"}, {"'\\400'", " 0"},
            {"'\\8'", "8"}, {"'\\9'", "9"}, {"'\\08'", "\u00008"}, {"'\\0000'", "\u00000"}, {"'\\12345'", "\u005345"}};
        for (String[] c : cases) {
            start(c[0]);
            lx.next();
            assertEquals(Lexer.F_OCTAL_ESCAPE | Lexer.F_HAS_ESCAPE, lx.flags, c[0]);
            assertEquals(c[1], cooked(), c[0]);
            assertEquals(List.of(), diags());
        }
        start("'\\0'");
        lx.next();
        assertEquals(Lexer.F_HAS_ESCAPE, lx.flags);
        assertEquals("\0", cooked());
        start("'\\0a'");
        lx.next();
        assertEquals(Lexer.F_HAS_ESCAPE, lx.flags);
    }

    @Test
    void loneSurrogatesInStrings() {
        start("'\\uD800'");
        lx.next();
        String v = cooked();
        assertEquals(1, v.length());
        assertEquals(0xD800, v.charAt(0));
        start("'\\uD83D\\uDE00'");
        lx.next();
        assertEquals(new String(Character.toChars(0x1F600)), cooked());
        start("'\udc00'");
        lx.next();
        assertEquals(List.of(), diags());
        assertEquals("\udc00", cooked());
    }

    @Test
    void useStrict() {
        String[] yes = {"'use strict'", "\"use strict\""};
        String[] no = {"'use\\x20strict'", "'use strict '", "'use  strict'", "'Use strict'", "use", "'use strict\\\n'",
            "`use strict`", "'use strict", "\"use strict'", "'use stric'"};
        for (String s : yes) {
            start(s);
            lx.next();
            assertTrue(lx.tokenIsUseStrict(), s);
        }
        for (String s : no) {
            start(s);
            lx.next();
            assertFalse(lx.tokenIsUseStrict(), s);
        }
        start("'use strict'");
        assertFalse(lx.tokenIsUseStrict()); // before the first token
    }

    // ---------------------------------------------------------------- templates

    private String cookedTemplate() { return Literals.cookTemplate(lx.source(), lx.tokenStart, lx.tokenEnd); }

    private String rawTemplate() { return Literals.rawTemplate(lx.source(), lx.tokenStart, lx.tokenEnd); }

    @Test
    void noSubstitutionTemplates() {
        assertClean("`abc` ``", "TPL:`abc`", "TPL:``");
        start("`a\nb\r\nc\rd\u2028`");
        assertEquals(Token.NO_SUBST_TEMPLATE, lx.next());
        assertEquals(0, lx.flags);
        assertEquals("a\nb\nc\nd\u2028", cookedTemplate());
        assertEquals("a\nb\nc\nd\u2028", rawTemplate());
        start("`\\n\\x41\\u{42}\\`\\${x}$ {$`");
        assertEquals(Token.NO_SUBST_TEMPLATE, lx.next());
        assertEquals(Lexer.F_HAS_ESCAPE, lx.flags);
        assertEquals("\nAB`${x}$ {$", cookedTemplate());
        assertEquals("\\n\\x41\\u{42}\\`\\${x}$ {$", rawTemplate());
        start("`a\\\r\nb`");
        lx.next();
        assertEquals("ab", cookedTemplate());
        assertEquals("a\\\nb", rawTemplate());
        start("`\\0`");
        lx.next();
        assertEquals(Lexer.F_HAS_ESCAPE, lx.flags);
        assertEquals("\0", cookedTemplate());
    }

    @Test
    void templateSubstitutions() {
        start("`a${x}b${y}c` + 1");
        assertEquals(Token.TEMPLATE_HEAD, lx.next());
        assertEquals("`a${", text());
        assertEquals("a", cookedTemplate());
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals(Token.RBRACE, lx.next());
        assertEquals(Token.TEMPLATE_MIDDLE, lx.reScanTemplateContinuation());
        assertEquals("}b${", text());
        assertEquals("b", cookedTemplate());
        assertEquals("b", rawTemplate());
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals(Token.RBRACE, lx.next());
        assertEquals(Token.TEMPLATE_TAIL, lx.reScanTemplateContinuation());
        assertEquals("}c`", text());
        assertEquals("c", cookedTemplate());
        assertEquals(Token.PLUS, lx.next());
        assertEquals(Token.NUMBER, lx.next());
        assertEquals(List.of(), diags());

        // nesting: `a${`b${c}d`}e`
        start("`a${`b${c}d`}e`");
        assertEquals(Token.TEMPLATE_HEAD, lx.next());
        assertEquals(Token.TEMPLATE_HEAD, lx.next());
        assertEquals("`b${", text());
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals(Token.RBRACE, lx.next());
        assertEquals(Token.TEMPLATE_TAIL, lx.reScanTemplateContinuation());
        assertEquals("}d`", text());
        assertEquals(Token.RBRACE, lx.next());
        assertEquals(Token.TEMPLATE_TAIL, lx.reScanTemplateContinuation());
        assertEquals("}e`", text());
        assertEquals(Token.EOF, lx.next());

        start("`${}${{}}`");
        assertEquals(Token.TEMPLATE_HEAD, lx.next());
        assertEquals(Token.RBRACE, lx.next());
        assertEquals(Token.TEMPLATE_MIDDLE, lx.reScanTemplateContinuation());
        assertEquals("", cookedTemplate());
        assertEquals(Token.LBRACE, lx.next());
        assertEquals(Token.RBRACE, lx.next());
        assertEquals(Token.RBRACE, lx.next());
        assertEquals(Token.TEMPLATE_TAIL, lx.reScanTemplateContinuation());
        assertEquals(List.of(), diags());

        start("a + b");
        lx.next();
        assertEquals(Token.IDENTIFIER, lx.reScanTemplateContinuation()); // not RBRACE: unchanged
    }

    @Test
    void invalidTemplateEscapesAreFlaggedNotReported() {
        String[] invalid = {"`\\01`", "`\\1`", "`\\8`", "`\\9`", "`\\x`", "`\\x4`", "`\\xg`", "`\\u`", "`\\u{`", "`\\u{}`",
            "`\\u{110000}`", "`\\u{12`", "`\\u12`", "`\\u{g}`"};
        for (String s : invalid) {
            start(s);
            assertEquals(Token.NO_SUBST_TEMPLATE, lx.next(), s);
            assertEquals(s.length(), lx.tokenEnd, s); // the template still ends at its backtick
            assertEquals(Lexer.F_INVALID_ESCAPE | Lexer.F_HAS_ESCAPE, lx.flags, s);
            assertEquals(List.of(), diags(), s);
            assertNull(cookedTemplate(), s);
            assertEquals(s.substring(1, s.length() - 1), rawTemplate(), s);
            assertEquals(Token.EOF, lx.next());
        }
        start("`\\x${a}`");
        assertEquals(Token.TEMPLATE_HEAD, lx.next());
        assertEquals("`\\x${", text());
        start("`\\u{$`");
        assertEquals(Token.NO_SUBST_TEMPLATE, lx.next());
        assertEquals(6, lx.tokenEnd);
    }

    @Test
    void unterminatedTemplates() {
        assertTokens("`abc", "TPL:`abc");
        assertEquals(List.of("UNTERMINATED_TEMPLATE@0-4"), diags());
        start("`abc");
        lx.next();
        assertEquals(Lexer.F_UNTERMINATED, lx.flags);
        assertEquals("abc", cookedTemplate());
        assertTokens("`a\\`", "TPL:`a\\`");
        assertEquals(List.of("UNTERMINATED_TEMPLATE@0-4"), diags());
        assertEquals("a`", Literals.cookTemplate("`a\\`".toCharArray(), 0, 4));
        start("`a${x} b");
        lx.next();
        lx.next();
        lx.next();
        assertEquals(Token.TEMPLATE_TAIL, lx.reScanTemplateContinuation());
        assertEquals(Lexer.F_UNTERMINATED, lx.flags);
        assertEquals(List.of("UNTERMINATED_TEMPLATE@5-8"), diags());
        assertEquals(Token.EOF, lx.next());
        assertTokens("`$", "TPL:`$");
        assertTokens("`${", "HEAD:`${");
    }

    // ---------------------------------------------------------------- regular expressions

    private int regex(String src) {
        start(src);
        int t = lx.next();
        assertTrue(t == Token.SLASH || t == Token.SLASH_ASSIGN, src);
        return lx.reScanRegex();
    }

    @Test
    void regexes() {
        String[][] cases = {{"/ab+c/gi", "/ab+c/gi", "5"}, {"/[/]/", "/[/]/", "4"}, {"/a\\/b/", "/a\\/b/", "5"},
            {"/=a/", "/=a/", "3"}, {"/[\\]/]/", "/[\\]/]/", "6"}, {"/a/dgimsuy", "/a/dgimsuy", "2"}, {"/a/v", "/a/v", "2"},
            {"/\\//.x", "/\\//", "3"}, {"/[]/", "/[]/", "3"}, {"/(?<n>x)\\k<n>/u;", "/(?<n>x)\\k<n>/u", "13"},
            {"/a/g" + new String(Character.toChars(0x1F600)), "/a/g", "2"}};
        for (String[] c : cases) {
            assertEquals(Token.REGEX, regex(c[0]), c[0]);
            assertEquals(c[1], text(), c[0]);
            assertEquals(Integer.parseInt(c[2]), lx.regexBodyEnd, c[0]);
            assertEquals(0, lx.flags, c[0]);
            assertEquals(List.of(), diags(), c[0]);
        }
        regex("/a/g.test(x)");
        assertEquals(Token.DOT, lx.next());
        assertEquals(Token.IDENTIFIER, lx.next());
        start("a / b / c");
        lx.next();
        assertEquals(Token.SLASH, lx.next());
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals(Token.IDENTIFIER, lx.reScanRegex()); // not a slash: unchanged
        start("x = /a/ / 2");
        lx.next();
        lx.next();
        lx.next();
        assertEquals(Token.REGEX, lx.reScanRegex());
        assertEquals(Token.SLASH, lx.next());
        assertEquals(Token.NUMBER, lx.next());
    }

    @Test
    void regexFlagErrors() {
        regex("/a/x");
        assertEquals(List.of("UNKNOWN_REGEX_FLAG@3-4"), diags());
        assertEquals("/a/x", text());
        regex("/a/gg");
        assertEquals(List.of("DUPLICATE_REGEX_FLAG@4-5"), diags());
        regex("/a/uv");
        assertEquals(List.of("REGEX_FLAGS_UV@4-5"), diags());
        regex("/a/vgu");
        assertEquals(List.of("REGEX_FLAGS_UV@5-6"), diags());
        regex("/a/gG1$");
        assertEquals(List.of("UNKNOWN_REGEX_FLAG@4-5", "UNKNOWN_REGEX_FLAG@5-6", "UNKNOWN_REGEX_FLAG@6-7"), diags());
        regex("/a/g\u00e9");
        assertEquals(List.of("UNKNOWN_REGEX_FLAG@4-5"), diags());
        regex("/a/g\\u0069");
        assertEquals("/a/g", text());
    }

    @Test
    void unterminatedRegexes() {
        String[][] cases = {{"/abc", "4"}, {"/abc\n/", "4"}, {"/[/", "3"}, {"/a\\", "3"}, {"/a\\\n/", "3"}, {"/", "1"},
            {"/[a\u2028]/", "3"}, {"/a\r/", "2"}};
        for (String[] c : cases) {
            assertEquals(Token.REGEX, regex(c[0]), c[0]);
            int stop = Integer.parseInt(c[1]);
            assertEquals(stop, lx.tokenEnd, c[0]);
            assertEquals(stop, lx.regexBodyEnd, c[0]);
            assertEquals(Lexer.F_UNTERMINATED, lx.flags, c[0]);
            assertEquals(List.of("UNTERMINATED_REGEX@0-" + stop), diags(), c[0]);
        }
        regex("/abc\n/ x");
        assertEquals(Token.SLASH, lx.next());
        assertTrue(lx.newlineBefore);
        assertEquals(Token.IDENTIFIER, lx.next());
    }

    // ---------------------------------------------------------------- save / restore

    @Test
    void saveAndRestore() {
        start("a /* c */ \"x\nb");
        lx.next();
        int[] st = new int[Lexer.STATE_SIZE];
        lx.save(st);
        assertEquals(Token.STRING, lx.next());
        assertEquals(1, log.commentCount());
        assertEquals(1, log.diagnosticCount());
        assertEquals(Token.IDENTIFIER, lx.next());
        assertTrue(lx.newlineBefore);
        lx.restore(st);
        assertEquals(Token.IDENTIFIER, lx.token);
        assertEquals(0, lx.tokenStart);
        assertEquals(1, lx.tokenEnd);
        assertFalse(lx.newlineBefore);
        assertEquals(0, log.commentCount());
        assertEquals(0, log.diagnosticCount());
        assertEquals(Token.STRING, lx.next()); // rescanned: the diagnostic comes back, once
        assertEquals(Lexer.F_UNTERMINATED, lx.flags);
        assertEquals(List.of("UNTERMINATED_STRING@10-12"), diags());
        assertEquals(List.of("2-9"), comments());

        // newlineBefore, flags and a regex rescan survive a round trip
        start("x\n\\u0061 /a/g");
        lx.next();
        lx.next();
        int[] st2 = new int[Lexer.STATE_SIZE];
        lx.save(st2);
        lx.next();
        lx.reScanRegex();
        int[] st3 = new int[Lexer.STATE_SIZE];
        lx.save(st3);
        lx.restore(st2);
        assertTrue(lx.newlineBefore);
        assertEquals(Lexer.F_ESCAPED, lx.flags);
        assertEquals(Token.IDENTIFIER, lx.token);
        assertEquals("a", names.name(lx.internIdentifier()));
        lx.restore(st3);
        assertEquals(Token.REGEX, lx.token);
        assertEquals(11, lx.regexBodyEnd);
        assertEquals(Token.EOF, lx.next());
    }

    @Test
    void resetUsesLength() {
        names.reset();
        log.reset();
        char[] buf = "abc def".toCharArray();
        lx.reset(buf, 3, names, log, false);
        assertEquals(Token.IDENTIFIER, lx.next());
        assertEquals(Token.EOF, lx.next());
        assertEquals(3, lx.length());
        assertTrue(lx.source() == buf);
        lx.reset(buf, 100, names, log, false); // clamped, no exception
        assertEquals(7, lx.length());
        lx.reset(null, 5, null, null, true);
        assertEquals(Token.EOF, lx.next());
        Lexer fresh = new Lexer();
        assertEquals(Token.EOF, fresh.next());
    }

    // ---------------------------------------------------------------- Literals

    @Test
    void literalsAreRobust() {
        char[] s = "0x 0b 0o 1e 'abc \\x \\u{ \\u{}".toCharArray();
        for (int a = 0; a <= s.length; a++) {
            for (int b = a; b <= s.length; b++) {
                Literals.numberValue(s, a, b);
                Literals.bigintDecimal(s, a, b);
                Literals.cookString(s, a, b);
                Literals.cookTemplate(s, a, b);
                Literals.rawTemplate(s, a, b);
            }
        }
        assertEquals("0", Literals.bigintDecimal("0xn".toCharArray(), 0, 3));
        assertEquals(8, Literals.numberValue("010".toCharArray(), 0, 3));
        assertEquals(10, Literals.numberValue("010".toCharArray(), 1, 3));
        assertEquals(19, Literals.numberValue("019".toCharArray(), 0, 3));
    }

    // ---------------------------------------------------------------- fuzz

    private static final String ALPHABET = " \t\n\r'\"`/\\*{}$#!<->=.?_:;,()[]@%^&|~+0123456789abcdefnuxXoObBeEgimsyv"
        + "\u2028\u2029\u00a0\ufeff\u00e9\u20ac\ud800\udc00\ud801\udca7\u200c\u0000";

    @Test
    void fuzzNeverThrowsAndAlwaysProgresses() {
        Random rnd = new Random(20240917L);
        String[] fragments = {"/*", "*/", "//", "<!--", "-->", "${", "}", "`", "\\u{", "\\u00", "0x", "0b1_", "1e", ".5",
            "1n", "#!", "'", "\"", "/[", "]/", "\\", "\r\n", "?.", ">>>=", "\\u0061", "use strict", "0_", "08", "07"};
        int[] st = new int[Lexer.STATE_SIZE];
        for (int iter = 0; iter < 4000; iter++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(60);
            for (int i = 0; i < len; i++) {
                int k = rnd.nextInt(10);
                if (k < 6) sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                else if (k < 9) sb.append(fragments[rnd.nextInt(fragments.length)]);
                else sb.append((char) rnd.nextInt(0x10000));
            }
            String src = sb.toString();
            boolean module = rnd.nextBoolean();
            try {
                runFuzz(src, module, rnd, st);
            } catch (Throwable e) {
                throw new AssertionError("input #" + iter + ": " + escape(src), e);
            }
        }
    }

    private void runFuzz(String src, boolean module, Random rnd, int[] st) {
        start(src, module);
        int n = src.length();
        boolean saved = false;
        int steps = 0;
        int lastEnd = 0;
        while (true) {
            if (++steps > 4 * n + 10) fail("no termination");
            int t = lx.next();
            switch (t) {
                case Token.SLASH: case Token.SLASH_ASSIGN:
                    if (rnd.nextBoolean()) t = lx.reScanRegex();
                    break;
                case Token.RBRACE:
                    if (rnd.nextBoolean()) t = lx.reScanTemplateContinuation();
                    break;
                case Token.GT:
                    if (rnd.nextBoolean()) t = lx.reScanGreater();
                    break;
                default:
            }
            if (t == Token.EOF) {
                assertEquals(n, lx.tokenStart);
                break;
            }
            assertTrue(lx.tokenStart >= lastEnd && lx.tokenEnd > lx.tokenStart && lx.tokenEnd <= n, "progress");
            lastEnd = lx.tokenEnd;
            char[] s = lx.source();
            if (Token.isIdentifierName(t) || t == Token.PRIVATE_NAME) lx.internIdentifier();
            lx.tokenIsUseStrict();
            if (t == Token.NUMBER) Literals.numberValue(s, lx.tokenStart, lx.tokenEnd);
            if (t == Token.BIGINT) Literals.bigintDecimal(s, lx.tokenStart, lx.tokenEnd);
            if (t == Token.STRING) Literals.cookString(s, lx.tokenStart, lx.tokenEnd);
            if (t >= Token.NO_SUBST_TEMPLATE && t <= Token.TEMPLATE_TAIL) {
                Literals.cookTemplate(s, lx.tokenStart, lx.tokenEnd);
                Literals.rawTemplate(s, lx.tokenStart, lx.tokenEnd);
            }
            if (!saved && rnd.nextInt(8) == 0) {
                lx.save(st);
                saved = true;
            } else if (saved && rnd.nextInt(16) == 0) {
                lx.restore(st);
                lastEnd = lx.tokenEnd;
                saved = false;
            }
        }
        for (int i = 0; i < log.diagnosticCount(); i++) {
            int a = log.diagnosticStart(i);
            int b = log.diagnosticEnd(i);
            assertTrue(a >= 0 && a <= b && b <= n, "diagnostic span");
        }
        for (int i = 0; i < log.commentCount(); i++) {
            assertTrue(log.commentStart(i) >= 0 && log.commentStart(i) < log.commentEnd(i) && log.commentEnd(i) <= n);
        }
    }

    @Test
    void fuzzRandomUtf16() {
        Random rnd = new Random(7L);
        int[] st = new int[Lexer.STATE_SIZE];
        for (int iter = 0; iter < 1000; iter++) {
            char[] c = new char[rnd.nextInt(200)];
            for (int i = 0; i < c.length; i++) c[i] = rnd.nextInt(4) == 0 ? (char) rnd.nextInt(128) : (char) rnd.nextInt(0x10000);
            String src = new String(c);
            try {
                runFuzz(src, rnd.nextBoolean(), rnd, st);
            } catch (Throwable e) {
                throw new AssertionError("input #" + iter + ": " + escape(src), e);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) sb.append(c);
            else sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }

    @Test
    void everyDiagnosticTheLexerReports() {
        // one input per lexer diagnostic, with its exact span
        String[][] cases = {{"\u20ac", "INVALID_CHARACTER@0-1"}, {"'a", "UNTERMINATED_STRING@0-2"},
            {"`a", "UNTERMINATED_TEMPLATE@0-2"}, {"/* a", "UNTERMINATED_COMMENT@0-4"}, {"1e", "DIGIT_EXPECTED@2-2"},
            {"0x", "HEX_DIGIT_EXPECTED@2-2"}, {"0b", "BINARY_DIGIT_EXPECTED@2-2"}, {"0o", "OCTAL_DIGIT_EXPECTED@2-2"},
            {"'\\x'", "INVALID_ESCAPE@1-3"}, {"'\\u{110000}'", "UNICODE_ESCAPE_OUT_OF_RANGE@1-11"},
            {"'\\u{1'", "UNTERMINATED_UNICODE_ESCAPE@1-5"}, {"\\u0020", "INVALID_IDENTIFIER_ESCAPE@0-6"},
            {"0x_1", "NUMERIC_SEPARATOR_NOT_ALLOWED@2-3"}, {"1__1", "MULTIPLE_NUMERIC_SEPARATORS@2-3"},
            {"1a", "IDENTIFIER_AFTER_NUMBER@1-2"}, {"1.5n", "INVALID_BIGINT@0-4"}};
        java.util.Set<Diag> covered = java.util.EnumSet.noneOf(Diag.class);
        for (String[] c : cases) {
            assertDiags(c[0], c[1]);
            covered.add(Diag.valueOf(c[1].substring(0, c[1].indexOf('@'))));
        }
        String[][] regexCases = {{"/a", "UNTERMINATED_REGEX@0-2"}, {"/a/q", "UNKNOWN_REGEX_FLAG@3-4"},
            {"/a/ii", "DUPLICATE_REGEX_FLAG@4-5"}, {"/a/uv", "REGEX_FLAGS_UV@4-5"}};
        for (String[] c : regexCases) {
            regex(c[0]);
            assertEquals(List.of(c[1]), diags(), c[0]);
            covered.add(Diag.valueOf(c[1].substring(0, c[1].indexOf('@'))));
        }
        covered.add(Diag.INVALID_REGEX); // reported by the pattern validator, not the lexer
        for (Diag d : Diag.values()) {
            if (d.ordinal() >= Diag.TOKEN_EXPECTED.ordinal()) break; // end of the lexer section
            assertTrue(covered.contains(d), "no lexer test for " + d);
        }
    }
}
