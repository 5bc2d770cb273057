package dev.arenals.parser.lexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegexValidatorTest {

  private final RegexValidator rv = new RegexValidator();

  /** Validates /pattern/flags embedded after a prefix, so offsets are absolute. */
  private int validate(String pattern, String flags) {
    String src = "x = /" + pattern + "/" + flags + ";";
    char[] a = src.toCharArray();
    int bodyStart = 5;
    int bodyEnd = bodyStart + pattern.length();
    return rv.validate(a, bodyStart, bodyEnd, bodyEnd + 1, bodyEnd + 1 + flags.length());
  }

  private static String show(String pattern, String flags) {
    StringBuilder b = new StringBuilder("/");
    for (char c : pattern.toCharArray()) {
      if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('/').append(flags).toString();
  }

  /** Each pattern must be valid with each of the space-separated flag sets ("-" = no flags). */
  private void valid(String flagSets, String... patterns) {
    List<String> bad = new ArrayList<>();
    for (String fs : flagSets.split(" ")) {
      String flags = fs.equals("-") ? "" : fs;
      for (String p : patterns) {
        int r = validate(p, flags);
        if (r >= 0) {
          bad.add(show(p, flags) + " -> " + RegexValidator.message(r));
        }
      }
    }
    if (!bad.isEmpty()) {
      fail("expected valid:\n  " + String.join("\n  ", bad));
    }
  }

  /** Each pattern must be invalid with each of the flag sets. */
  private void invalid(String flagSets, String... patterns) {
    List<String> bad = new ArrayList<>();
    for (String fs : flagSets.split(" ")) {
      String flags = fs.equals("-") ? "" : fs;
      for (String p : patterns) {
        if (validate(p, flags) < 0) {
          bad.add(show(p, flags));
        }
      }
    }
    if (!bad.isEmpty()) {
      fail("expected invalid:\n  " + String.join("\n  ", bad));
    }
  }

  private void error(int expected, String pattern, String flags) {
    int r = validate(pattern, flags);
    assertEquals(RegexValidator.message(expected), r < 0 ? "valid" : RegexValidator.message(r),
        show(pattern, flags));
  }

  // ------------------------------------------------------------------ basics

  @Test
  void simplePatterns() {
    valid("- u v", "a", "abc", "a|b", "|", "a||b", "", "(a)", "(?:a)", "^a$", "\\ba\\B", ".", "a*b+c?",
        "a*?b+?c??", "a{1}", "a{1,}", "a{1,2}", "a{1}?", "(a|b)*", "(?=a)", "(?!a)", "(?<=a)", "(?<!a)",
        "\\d\\D\\s\\S\\w\\W", "\\f\\n\\r\\t\\v", "\\cA\\cz", "\\0", "\\x41", "\\u0041", "\\/", "\\\\",
        "\\^\\$\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|", "(a)\\1", "\\1(a)", "a{0}", "a{2,2}",
        "a{99999999999999999999}", "a{1,99999999999999999999}");
  }

  @Test
  void nothingToRepeat() {
    for (String f : new String[] {"", "u", "v"}) {
      error(RegexValidator.NOTHING_TO_REPEAT, "*", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "+a", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "a|?", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "(*)", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "a**", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "a???", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "^*", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "$+", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "\\b*", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "\\B{1}", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "{1}", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "a{1}{2}", f);
      error(RegexValidator.NOTHING_TO_REPEAT, "a|{1,2}", f);
    }
  }

  @Test
  void quantifierBounds() {
    for (String f : new String[] {"", "u", "v"}) {
      error(RegexValidator.QUANTIFIER_OUT_OF_ORDER, "a{2,1}", f);
      error(RegexValidator.QUANTIFIER_OUT_OF_ORDER, "a{00010,9}", f);
      error(RegexValidator.QUANTIFIER_OUT_OF_ORDER, "a{100000000000000000001,100000000000000000000}", f);
    }
    valid("- u v", "a{0001,1}", "a{1,00001}", "a{100000000000000000000,100000000000000000001}");
    // InvalidBracedQuantifier is an error even in Annex B
    invalid("-", "{2,1}", "x|{2}", "(?:{1})");
  }

  @Test
  void quantifiedAssertions() {
    // Annex B: lookaheads are quantifiable without u/v
    valid("-", "(?=a)*", "(?!a)+", "(?=a)?", "(?=a){2}", "(?!a){1,3}?");
    invalid("u v", "(?=a)*", "(?!a)+", "(?=a)?", "(?=a){2}", "(?!a){1,3}");
    // lookbehinds never
    invalid("- u v", "(?<=a)*", "(?<!a)+", "(?<=a)?", "(?<!a){1}");
    error(RegexValidator.INVALID_QUANTIFIED_ASSERTION, "(?<=a)?", "");
  }

  @Test
  void groupsAndParens() {
    for (String f : new String[] {"", "u", "v"}) {
      error(RegexValidator.UNTERMINATED_GROUP, "(a", f);
      error(RegexValidator.UNTERMINATED_GROUP, "(?:a|(b)", f);
      error(RegexValidator.UNMATCHED_PAREN, "a)", f);
      error(RegexValidator.UNMATCHED_PAREN, "(a))", f);
      error(RegexValidator.INVALID_GROUP, "(?", f);
      error(RegexValidator.INVALID_MODIFIERS, "(?a)", f);
    }
    invalid("- u v", "(?)", "(?*)", "(?<)", "(?<=", "(?=a", "(?#comment)", "(?P<a>x)", "(?>a)");
  }

  // ------------------------------------------------------------------ Annex B vs u mode

  @Test
  void annexBLoneBrackets() {
    valid("-", "]", "}", "{", "a{", "a{1", "a{1,", "a{,5}", "{a}", "x{1a}", "]]", "a}", "{}", "a{}");
    for (String f : new String[] {"u", "v"}) {
      error(RegexValidator.LONE_QUANTIFIER_BRACKETS, "]", f);
      error(RegexValidator.LONE_QUANTIFIER_BRACKETS, "}", f);
      error(RegexValidator.LONE_QUANTIFIER_BRACKETS, "{", f);
      error(RegexValidator.INCOMPLETE_QUANTIFIER, "a{", f);
      error(RegexValidator.INCOMPLETE_QUANTIFIER, "a{1", f);
      error(RegexValidator.INCOMPLETE_QUANTIFIER, "a{,5}", f);
      error(RegexValidator.LONE_QUANTIFIER_BRACKETS, "a}", f);
    }
  }

  @Test
  void annexBEscapes() {
    valid("-", "\\c", "\\c1", "\\c_", "\\c*", "[\\c]", "[\\c1]", "[\\c_]", "[\\c*]", "\\cA",
        "\\a", "\\e", "\\-", "\\z", "\\_", "\\8", "\\9", "\\18", "\\1", "\\01", "\\00", "\\377", "\\777",
        "\\x", "\\x1", "\\xG1", "\\u", "\\u12", "\\u{1}", "\\u{12345}", "\\u{110000}", "\\p{L}", "\\P{Foo}",
        "\\p", "\\q{a}", "\\k", "\\k<a>", "\\k<a", "[\\k]", "[\\1]", "[\\8]", "[\\B]", "[\\-]", "[\\p{L}]",
        "\\\u00e9", "\\\uD83D\uDE00", "(a)\\2", "\\41");
    invalid("u v", "\\c", "\\c1", "\\c_", "\\c*", "\\a", "\\e", "\\-", "\\z", "\\_", "\\8", "\\9",
        "\\1", "\\01", "\\00", "\\x", "\\x1", "\\xG1", "\\u", "\\u12", "\\u{110000}", "\\u{}", "\\u{g}",
        "\\p", "\\k", "\\k<a>", "\\\u00e9", "(a)\\2", "\\41");
    error(RegexValidator.INVALID_DECIMAL_ESCAPE, "\\00", "u");
    error(RegexValidator.INVALID_BACKREFERENCE, "(a)\\2", "u");
    error(RegexValidator.INVALID_HEX_ESCAPE, "\\x1", "u");
    error(RegexValidator.INVALID_UNICODE_ESCAPE, "\\u{110000}", "u");
    error(RegexValidator.INVALID_CONTROL_ESCAPE, "\\c1", "u");
    error(RegexValidator.INVALID_ESCAPE, "\\a", "u");
  }

  @Test
  void unicodeEscapes() {
    valid("u v", "\\u{0}", "\\u{10FFFF}", "\\u{0000000041}", "\\uD83D\\uDE00", "\\uD83D", "\\uDE00",
        "\\u{1F600}");
    valid("-", "\\u{10FFFF}", "\\uD83D\\uDE00");
  }

  @Test
  void backreferences() {
    valid("u v", "(a)\\1", "\\1(a)", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "(?<n>a)\\1");
    invalid("u v", "\\1", "(a)\\2", "(?:a)\\1", "(a)\\10");
    valid("-", "\\1", "(a)\\10", "\\99");
  }

  // ------------------------------------------------------------------ classes without v

  @Test
  void classRanges() {
    valid("- u v", "[]", "[^]", "[a]", "[a-z]", "[a-a]", "[^a-z0-9]", "[\\n-\\r]", "[\\x00-\\xFF]",
        "[\\u0000-\\uFFFF]", "[\\b]", "[\\]]");
    valid("- u", "[-]", "[a-]", "[-a]", "[--a]", "[a-z-]", "[a-b-c]", "[\\--\\-]", "[-a-z]");
    for (String f : new String[] {"", "u", "v"}) {
      error(RegexValidator.RANGE_OUT_OF_ORDER, "[z-a]", f);
      error(RegexValidator.RANGE_OUT_OF_ORDER, "[\\x62-\\x61]", f);
      error(RegexValidator.UNTERMINATED_CLASS, "[a", f);
      error(RegexValidator.UNTERMINATED_CLASS, "[a\\]", f);
    }
    // Annex B: class escapes allowed as range ends
    valid("-", "[\\d-a]", "[a-\\d]", "[\\w-\\s]", "[%-\\d]", "[\\s-\\d]");
    for (String f : new String[] {"u"}) {
      error(RegexValidator.CLASS_ESCAPE_IN_RANGE, "[\\d-a]", f);
      error(RegexValidator.CLASS_ESCAPE_IN_RANGE, "[a-\\d]", f);
      error(RegexValidator.CLASS_ESCAPE_IN_RANGE, "[\\p{L}-z]", f);
    }
    // Annex B class escapes: octal, \c, identity
    valid("-", "[\\0-\\7]", "[\\1-\\377]", "[\\c1-\\c2]", "[\\cA-\\cZ]", "[\\q]", "[\\z]");
    invalid("-", "[\\7-\\1]", "[\\c-a]", "[\\400-\\1]");
    invalid("u", "[\\1]", "[\\00]", "[\\B]", "[\\c1]", "[\\c]", "[\\q]", "[\\z]", "[\\k]");
    valid("u", "[\\-]", "[\\0]", "[\\cA]", "[\\/]", "[\\^]");
  }

  @Test
  void surrogatePairs() {
    String pair = "\uD83D\uDE00";
    String pair2 = "\uD83D\uDE01";
    // in u mode the pair is one code point; without it two code units
    valid("u v", "[" + pair + "-" + pair2 + "]", "[\\uD83D\\uDE00-\\uD83D\\uDE01]", "[\\u{1F600}-\\u{1F601}]",
        pair + "{2}", "[" + pair + "]");
    invalid("-", "[" + pair + "-" + pair2 + "]", "[\\uD83D\\uDE00-\\uD83D\\uDE01]");
    valid("- u v", "\uD83D", "\uDE00", "[\uDE00\uD83D]");
    invalid("u v", "[" + pair2 + "-" + pair + "]", "[\\u{1F601}-\\u{1F600}]");
  }

  // ------------------------------------------------------------------ v mode

  @Test
  void unicodeSets() {
    valid("v", "[[a-z]--[aeiou]]", "[\\w&&\\d]", "[[a]&&[b]&&[c]]", "[a--b--c]", "[\\p{L}--\\p{Lu}]",
        "[[[[a]]]]", "[^[a-z]]", "[\\q{abc|d}]", "[\\q{}]", "[\\q{a|}]", "[^\\q{a|b}]", "[\\q{\\}}]",
        "[\\p{RGI_Emoji}]", "[\\p{RGI_Emoji}--\\q{x}]", "[^[\\p{RGI_Emoji}]&&a]",
        "[^\\p{RGI_Emoji}&&a]", "[\\p{Basic_Emoji}&&\\q{a}]", "[^a--\\p{Basic_Emoji}]",
        "[a-z\\q{xy}]", "[\\-\\&\\!\\#\\%\\,\\:\\;\\<\\=\\>\\@\\`\\~]", "[&]", "[a&b]", "[!]", "[^^]",
        "[\\b]", "[\\x41-\\x5A]", "[\\u{1F600}]", "[\\d\\D]", "[.]", "[$]", "[a-z&]", "[\\q{a|bc}&&b]");
    invalid("v", "[a-]", "[-]", "[-a]", "[a-z-]", "[(]", "[)]", "[{]", "[}]", "[/]", "[|]", "[a&&]",
        "[&&a]", "[a&&&b]", "[a--]", "[--a]", "[a&&b--c]", "[a--b&&c]", "[ab&&c]", "[a&&bc]",
        "[a-z&&b]", "[a--b-c]", "[a!!b]", "[##]", "[$$]", "[%%]", "[**]", "[++]", "[,,]", "[..]", "[::]",
        "[;;]", "[<<]", "[==]", "[>>]", "[??]", "[@@]", "[^^^]", "[``]", "[~~]", "[\\d-z]", "[a-\\d]",
        "[\\q{a-b}]", "[\\q{a]", "[\\q{\\d}]", "[\\q]", "[\\k]", "[\\1]", "[\\c1]", "[\\z]", "[\\B]",
        "[[a]", "[a]]", "[z-a]", "[\\p{RGI_Emoji}-a]",
        "[^\\p{Basic_Emoji}--\\p{Basic_Emoji}]");
    error(RegexValidator.NEGATED_CLASS_STRINGS, "[^\\p{RGI_Emoji}]", "v");
    error(RegexValidator.NEGATED_CLASS_STRINGS, "[^\\q{ab}]", "v");
    error(RegexValidator.NEGATED_CLASS_STRINGS, "[^\\q{}]", "v");
    error(RegexValidator.NEGATED_CLASS_STRINGS, "[^a\\p{RGI_Emoji}]", "v");
    error(RegexValidator.NEGATED_CLASS_STRINGS, "[^[\\p{RGI_Emoji}]]", "v");
    error(RegexValidator.NEGATED_CLASS_STRINGS, "[^\\q{ab}&&\\q{ab}]", "v");
    error(RegexValidator.NEGATED_CLASS_STRINGS, "[^\\q{ab}--a]", "v");
    error(RegexValidator.NEGATED_CLASS_STRINGS, "[[^\\q{ab}]]", "v");
    error(RegexValidator.NEGATED_PROPERTY_STRINGS, "\\P{RGI_Emoji}", "v");
    error(RegexValidator.NEGATED_PROPERTY_STRINGS, "[\\P{RGI_Emoji}]", "v");
    error(RegexValidator.INVALID_SET_OPERATION, "[a&&b--c]", "v");
    error(RegexValidator.INVALID_CLASS_CHARACTER, "[a!!b]", "v");
    // these are fine in u mode / Annex B
    valid("- u", "[a-]", "[(){}/|]", "[a!!b]", "[a&&b]", "[!--]");
    valid("-", "[\\q{a}]");
    invalid("u", "[\\q{a}]", "\\p{RGI_Emoji}");
  }

  // ------------------------------------------------------------------ named groups

  @Test
  void namedGroups() {
    valid("- u v", "(?<a>x)", "(?<$>x)", "(?<_>x)", "(?<a1>x)", "(?<$1_a>x)", "(?<\u00e9>x)",
        "(?<a\u200C>x)", "(?<a\u200D>x)", "(?<\\u0061>x)", "(?<\\u{61}>x)", "(?<a\\u0062>x)",
        "(?<\uD835\uDC9C>x)", "(?<\\uD835\\uDC9C>x)", "(?<\\u{1D49C}>x)", "(?<a\uD835\uDC9C>x)",
        "(?<a>x)\\k<a>", "\\k<a>(?<a>x)", "(?<a>x)(?<b>y)\\k<b>\\k<a>", "(?<\u03c0>x)\\k<\\u03c0>",
        "(?<\\u{1D49C}>x)\\k<\uD835\uDC9C>");
    for (String f : new String[] {"", "u", "v"}) {
      error(RegexValidator.INVALID_GROUP_NAME, "(?<>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<1>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<a-b>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<a", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<a b>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<\u200C>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<\\u0031>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<\\uD835>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<\\u{D835}\\u{DC9C}>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<\\x61>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<\\u{110000}>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<\uD835>x)", f);
      error(RegexValidator.INVALID_GROUP_NAME, "(?<a\\>x)", f);
      error(RegexValidator.INVALID_NAMED_REFERENCE, "(?<a>x)\\k<b>", f);
      error(RegexValidator.INVALID_NAMED_REFERENCE, "(?<a>x)\\k", f);
      error(RegexValidator.INVALID_NAMED_REFERENCE, "(?<a>x)\\k<a", f);
      error(RegexValidator.INVALID_NAMED_REFERENCE, "(?<a>x)\\k<>", f);
      error(RegexValidator.DUPLICATE_GROUP_NAME, "(?<a>x)(?<a>y)", f);
      error(RegexValidator.DUPLICATE_GROUP_NAME, "(?<a>x)(?<\\u0061>y)", f);
    }
    // without u/v and without any group name, \k is an identity escape
    valid("-", "\\k", "\\k<a>", "\\k<a", "[\\k]", "\\k<1>");
    invalid("u v", "\\k", "\\k<a>", "\\k<a");
    // with a group name anywhere, \k must be a valid reference, also in classes
    invalid("-", "(?<a>x)[\\k]", "[\\k](?<a>x)", "\\k(?<a>x)", "\\k<b>(?<a>x)");
  }

  @Test
  void duplicateNamedGroups() {
    valid("- u v", "(?<a>x)|(?<a>y)", "(?:(?<a>x)|(?<a>y))", "((?<a>x)|(?<a>y))\\k<a>",
        "(?<a>x)|(?:(?<a>y)|(?<a>z))", "(?:(?<a>x)|(?<b>y))|(?<a>z)", "(?<a>x)|y|(?<a>z)",
        "(?:(?:(?<a>x)|(?<a>y))|(?<a>z))", "(?<a>(?<b>x)|(?<c>y))|(?<b>z)");
    invalid("- u v", "(?<a>x)(?<a>y)", "(?<a>x)|(?<a>y)(?<a>z)", "(?:(?<a>x)|y)(?<a>z)",
        "(?:(?<a>x)|y)(?:(?<a>z)|w)", "(?<a>(?<a>x))", "(?<a>x)|(?:(?<a>y)|z)(?<a>w)",
        "(?<a>x|(?<a>y))", "(?:(?<a>x))(?<a>y)", "(?<a>x)(?:|(?<a>y))");
  }

  // ------------------------------------------------------------------ modifiers

  @Test
  void modifiers() {
    valid("- u v", "(?i:a)", "(?m:a)", "(?s:a)", "(?ims:a)", "(?-i:a)", "(?-ims:a)", "(?i-ms:a)",
        "(?im-s:a)", "(?i:(?-i:a))", "(?s-i:a)|b", "(?i:a)*", "(?m:)");
    for (String f : new String[] {"", "u", "v"}) {
      error(RegexValidator.EMPTY_MODIFIERS, "(?-:a)", f);
      error(RegexValidator.REPEATED_MODIFIER, "(?ii:a)", f);
      error(RegexValidator.REPEATED_MODIFIER, "(?-ii:a)", f);
      error(RegexValidator.REPEATED_MODIFIER, "(?i-i:a)", f);
      error(RegexValidator.REPEATED_MODIFIER, "(?im-m:a)", f);
      error(RegexValidator.INVALID_MODIFIERS, "(?g:a)", f);
      error(RegexValidator.INVALID_MODIFIERS, "(?I:a)", f);
      error(RegexValidator.INVALID_MODIFIERS, "(?iu:a)", f);
      error(RegexValidator.INVALID_MODIFIERS, "(?-y:a)", f);
    }
    invalid("- u v", "(?i)", "(?i-m)", "(?i", "(?i-", "(?\u0130:a)", "(?i\u200C:a)", "(?\\u0069:a)",
        "(?-\\u0073:a)", "(?i-:a");
    valid("- u v", "(?i-:a)");
  }

  // ------------------------------------------------------------------ properties

  @Test
  void unicodeProperties() {
    valid("u v", "\\p{L}", "\\p{Letter}", "\\p{Lu}", "\\p{gc=Lu}", "\\p{General_Category=Uppercase_Letter}",
        "\\p{digit}", "\\p{punct}", "\\p{cntrl}", "\\p{LC}", "\\p{Cased_Letter}", "\\p{Combining_Mark}",
        "\\P{Any}", "\\p{ASCII}", "\\p{Assigned}", "\\p{Alpha}", "\\p{White_Space}", "\\p{space}",
        "\\p{ID_Start}", "\\p{XIDC}", "\\p{Extended_Pictographic}", "\\p{ExtPict}", "\\p{Emoji}",
        "\\p{Script=Greek}", "\\p{sc=Grek}", "\\p{scx=Grek}", "\\p{Script_Extensions=Latin}",
        "\\p{sc=Zzzz}", "\\p{scx=Unknown}", "\\p{sc=Qaac}", "\\p{sc=Zinh}", "\\p{sc=Beria_Erfe}",
        "\\p{sc=Berf}", "\\p{scx=Tolong_Siki}", "\\p{sc=Sidetic}", "\\p{sc=Tai_Yo}",
        "[\\p{L}\\P{N}]", "\\P{Lu}");
    invalid("u v", "\\p", "\\p{", "\\p{}", "\\p{L", "\\pL", "\\p{=}", "\\p{=Letter}", "\\p{gc=}",
        "\\p{ L}", "\\p{L }", "\\p{lu}", "\\p{LU}", "\\p{ascii}", "\\p{any}", "\\p{WSpace}",
        "\\p{General_Category}", "\\p{Script}", "\\p{sc}", "\\p{Script_Extensions}", "\\p{Block=Adlam}",
        "\\p{InAdlam}", "\\p{IsScript=Adlam}", "\\p{Line_Break=Alphabetic}", "\\p{Hyphen}",
        "\\p{Other_Math}", "\\p{Grapheme_Link}", "\\p{ASCII=Yes}", "\\p{ASCII=Y}", "\\p{gc=Greek}",
        "\\p{sc=Lu}", "\\p{Script=Latn_}", "\\p{sc=Jurc}", "\\p{^L}", "\\p{L=L}", "\\p{General_Category=L=L}",
        "\\p{gc:Lu}", "\\p{sc\u0131=Grek}", "[\\p{}]", "\\p{Uppercase_letter}", "\\p{_-_lOwEr_C-A_S-E_-_}");
    error(RegexValidator.INVALID_PROPERTY, "\\p{Foo}", "u");
    // properties of strings: v only
    for (String p : new String[] {"Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji_Modifier_Sequence",
        "RGI_Emoji_Flag_Sequence", "RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence", "RGI_Emoji"}) {
      valid("v", "\\p{" + p + "}", "[\\p{" + p + "}]", "[\\p{" + p + "}a]");
      invalid("u", "\\p{" + p + "}");
      invalid("v", "\\P{" + p + "}", "[^\\p{" + p + "}]", "\\p{sc=" + p + "}");
    }
  }

  // ------------------------------------------------------------------ flags

  @Test
  void flagsUandV() {
    error(RegexValidator.FLAGS_U_AND_V, "a", "uv");
    error(RegexValidator.FLAGS_U_AND_V, "a", "gvu");
    int r = validate("a", "guv");
    assertTrue(r >= 0);
    assertEquals(7, rv.errorStart);
    assertEquals(10, rv.errorEnd);
    valid("g i m s y d gimsyd dgimsuy dgimsvy", "a", "[a-z]");
  }

  // ------------------------------------------------------------------ API behaviour

  @Test
  void errorSpans() {
    // "x = /" is 5 chars: body starts at 5
    assertTrue(validate("ab[z-a]", "") >= 0);
    assertEquals(8, rv.errorStart);
    assertEquals(11, rv.errorEnd);
    assertTrue(validate("a{2,1}", "") >= 0);
    assertEquals(6, rv.errorStart);
    assertEquals(11, rv.errorEnd);
    assertTrue(validate("(?<a>x)(?<a>y)", "") >= 0);
    assertEquals(12, rv.errorStart);
    assertEquals(17, rv.errorEnd);
    assertTrue(validate("(a", "") >= 0);
    assertEquals(5, rv.errorStart);
    assertEquals(7, rv.errorEnd);
    assertEquals(-1, validate("a", ""));
    assertEquals(-1, rv.errorStart);
  }

  @Test
  void messages() {
    assertEquals("Nothing to repeat.", RegexValidator.message(RegexValidator.NOTHING_TO_REPEAT));
    assertEquals("Unterminated group.", RegexValidator.message(RegexValidator.UNTERMINATED_GROUP));
    assertEquals("Invalid escape.", RegexValidator.message(RegexValidator.INVALID_ESCAPE));
    assertEquals("Range out of order in character class.",
        RegexValidator.message(RegexValidator.RANGE_OUT_OF_ORDER));
    assertEquals("Duplicate capture group name.", RegexValidator.message(RegexValidator.DUPLICATE_GROUP_NAME));
    assertEquals("Invalid named reference.", RegexValidator.message(RegexValidator.INVALID_NAMED_REFERENCE));
    assertEquals("Invalid Unicode property name or value.", RegexValidator.message(RegexValidator.INVALID_PROPERTY));
    assertEquals("Numbers out of order in {} quantifier.",
        RegexValidator.message(RegexValidator.QUANTIFIER_OUT_OF_ORDER));
    assertEquals("Lone quantifier brackets.", RegexValidator.message(RegexValidator.LONE_QUANTIFIER_BRACKETS));
    assertEquals("Invalid capture group name.", RegexValidator.message(RegexValidator.INVALID_GROUP_NAME));
    for (int i = 0; i <= RegexValidator.INVALID_QUANTIFIED_ASSERTION; i++) {
      assertFalse(RegexValidator.message(i).isEmpty());
    }
    assertFalse(RegexValidator.message(-1).isEmpty());
    assertFalse(RegexValidator.message(9999).isEmpty());
  }

  @Test
  void reuseAcrossCalls() {
    // state from one call (names, captures, \k) must not leak into the next
    assertTrue(validate("(?<a>x)(?<a>y)", "") >= 0);
    assertEquals(-1, validate("(?<a>x)", ""));
    assertEquals(-1, validate("\\k<a>", ""));
    assertEquals(-1, validate("(a)(b)\\2", "u"));
    assertTrue(validate("\\2", "u") >= 0);
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = 0; j <= i % 40; j++) {
        b.append("(?<n").append(j).append(">x)");
      }
      b.append("\\k<n0>");
      assertEquals(-1, validate(b.toString(), i % 2 == 0 ? "" : "u"));
    }
  }

  @Test
  void deepNestingDoesNotOverflow() {
    int n = 100_000;
    StringBuilder b = new StringBuilder();
    b.append("(".repeat(n)).append("a").append(")".repeat(n));
    assertEquals(-1, validate(b.toString(), "u"));
    b.setLength(0);
    b.append("[".repeat(n)).append("a").append("]".repeat(n));
    assertEquals(-1, validate(b.toString(), "v"));
    b.setLength(0);
    b.append("(?:".repeat(n));
    assertEquals(RegexValidator.UNTERMINATED_GROUP, validate(b.toString(), ""));
    b.setLength(0);
    b.append("(?<a>x)|".repeat(2000)).append("(?<a>y)");
    assertEquals(-1, validate(b.toString(), ""));
  }

  @Test
  void neverThrows() {
    RegexValidator.rethrowInternalErrors = true;
    try {
      fuzz();
    } finally {
      RegexValidator.rethrowInternalErrors = false;
    }
  }

  private void fuzz() {
    Random r = new Random(42);
    String alphabet = "()[]{}|\\^$.*+?-&!,:<>=kpPqucxdb0129aA_\uD83D\uDE00";
    for (int i = 0; i < 200_000; i++) {
      int len = r.nextInt(16);
      char[] a = new char[len + 3];
      for (int j = 0; j < a.length; j++) {
        a[j] = r.nextInt(5) == 0 ? (char) r.nextInt(0x10000) : alphabet.charAt(r.nextInt(alphabet.length()));
      }
      int flagsStart = len + 1;
      a[flagsStart] = "uvg".charAt(r.nextInt(3));
      int res = rv.validate(a, 1, 1 + len, flagsStart, flagsStart + 1);
      if (res >= 0) {
        assertTrue(rv.errorStart >= 0 && rv.errorStart <= rv.errorEnd && rv.errorEnd <= a.length);
      }
    }
    // out-of-range or inverted offsets, null
    char[] a = "/(a/u".toCharArray();
    rv.validate(a, -5, 100, 100, -1);
    rv.validate(a, 4, 2, 5, 5);
    assertEquals(-1, rv.validate(null, 0, 0, 0, 0));
    assertEquals(-1, rv.validate(new char[0], 0, 0, 0, 0));
  }

  @Test
  void escapeAtEnd() {
    // a regex literal body cannot end in a lone backslash, but the validator must cope
    char[] a = "a\\".toCharArray();
    assertEquals(RegexValidator.ESCAPE_AT_END, rv.validate(a, 0, 2, 2, 2));
    assertTrue(rv.validate("[\\".toCharArray(), 0, 2, 2, 2) >= 0);
  }
}
