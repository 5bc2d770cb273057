package dev.arenals.parser.lexer;

/**
 * Early-error validator for the pattern of a regular expression literal: the grammar of
 * ECMA-262 (2025) section 22.2 with its early errors, plus Annex B.1.2 for patterns without the
 * {@code u} / {@code v} flags.
 *
 * <p>The parse is iterative (explicit stacks for groups and {@code v}-mode nested classes), so a
 * deeply nested pattern cannot overflow the Java stack. Scratch arrays live in the instance and
 * only grow; a call on an ordinary pattern allocates nothing. Not thread-safe: use one instance
 * per thread.
 */
public final class RegexValidator {

  // ---------------------------------------------------------------- messages

  public static final int NOTHING_TO_REPEAT = 0;
  public static final int UNTERMINATED_GROUP = 1;
  public static final int INVALID_ESCAPE = 2;
  public static final int RANGE_OUT_OF_ORDER = 3;
  public static final int DUPLICATE_GROUP_NAME = 4;
  public static final int INVALID_NAMED_REFERENCE = 5;
  public static final int INVALID_PROPERTY = 6;
  public static final int QUANTIFIER_OUT_OF_ORDER = 7;
  public static final int LONE_QUANTIFIER_BRACKETS = 8;
  public static final int INVALID_GROUP_NAME = 9;
  public static final int UNMATCHED_PAREN = 10;
  public static final int UNTERMINATED_CLASS = 11;
  public static final int INVALID_GROUP = 12;
  public static final int INVALID_MODIFIERS = 13;
  public static final int REPEATED_MODIFIER = 14;
  public static final int INVALID_UNICODE_ESCAPE = 15;
  public static final int INVALID_DECIMAL_ESCAPE = 16;
  public static final int INVALID_BACKREFERENCE = 17;
  public static final int CLASS_ESCAPE_IN_RANGE = 18;
  public static final int INVALID_CLASS_ESCAPE = 19;
  public static final int NEGATED_CLASS_STRINGS = 20;
  public static final int INVALID_SET_OPERATION = 21;
  public static final int INVALID_CLASS_CHARACTER = 22;
  public static final int INCOMPLETE_QUANTIFIER = 23;
  public static final int FLAGS_U_AND_V = 24;
  public static final int ESCAPE_AT_END = 25;
  public static final int INVALID_HEX_ESCAPE = 26;
  public static final int INVALID_CONTROL_ESCAPE = 27;
  public static final int EMPTY_MODIFIERS = 28;
  public static final int NEGATED_PROPERTY_STRINGS = 29;
  public static final int INVALID_QUANTIFIED_ASSERTION = 30;

  private static final String[] MESSAGES = {
    "Nothing to repeat.",
    "Unterminated group.",
    "Invalid escape.",
    "Range out of order in character class.",
    "Duplicate capture group name.",
    "Invalid named reference.",
    "Invalid Unicode property name or value.",
    "Numbers out of order in {} quantifier.",
    "Lone quantifier brackets.",
    "Invalid capture group name.",
    "Unmatched ')'.",
    "Unterminated character class.",
    "Invalid group.",
    "Invalid regular expression modifier: only 'i', 'm' and 's' are allowed.",
    "Repeated flag in regular expression modifiers.",
    "Invalid Unicode escape.",
    "Invalid decimal escape.",
    "Invalid backreference: there are not that many capture groups.",
    "A character class escape cannot be the end of a range.",
    "Invalid class escape.",
    "Negated character class may contain strings.",
    "Invalid set operation in character class.",
    "Invalid character in character class.",
    "Incomplete quantifier.",
    "The 'u' and 'v' regular expression flags cannot be used together.",
    "\\ at end of pattern.",
    "Invalid hexadecimal escape.",
    "Invalid control character escape.",
    "Regular expression modifiers cannot be empty.",
    "A property of strings cannot be negated.",
    "Lookbehind assertions cannot be quantified.",
  };

  /** Message text for an index returned by {@link #validate}; a generic text for unknown ones. */
  public static String message(int index) {
    if (index >= 0 && index < MESSAGES.length) {
      return MESSAGES[index];
    }
    return "Invalid regular expression.";
  }

  // ---------------------------------------------------------------- results

  /** Span (absolute offsets in src) of the error after {@link #validate} returned >= 0. */
  public int errorStart;
  public int errorEnd;

  // ---------------------------------------------------------------- per-call state

  private char[] s;
  private int end;
  private boolean uMode;
  private boolean vMode;
  private int err;

  private int capCount;
  // largest decimal escape seen in u-mode, with its span
  private int maxBackref;
  private int maxBackrefStart;
  private int maxBackrefEnd;
  // first \k that is not a well-formed reference (matters in non-u patterns with group names)
  private int badKStart;
  private int badKEnd;

  // value produced by the last character-escape / class-atom parse
  private int escVal;
  private boolean atomIsClass;
  private boolean propStrings;
  private boolean quantOutOfOrder;

  // group stack
  private int[] gKind = new int[16];
  private int[] gStart = new int[16];
  private int[] gAlt = new int[16];

  // alternatives tree (for duplicate named groups): parent alternative, owning disjunction, depth
  private int[] altParent = new int[32];
  private int[] altDisj = new int[32];
  private int[] altDepth = new int[32];
  private int altCount;
  private int disjCount;

  // group names (decoded, UTF-16) and references, all stored in nameBuf
  private char[] nameBuf = new char[64];
  private int nameBufLen;
  private int[] nameOff = new int[8];
  private int[] nameLen = new int[8];
  private int[] nameHash = new int[8];
  private int[] nameAltOf = new int[8];
  private int[] nameNext = new int[8];
  /** Chains of names by hash; doubles with the name count, so a pattern with many names stays linear. */
  private int[] nameBucket = new int[NAME_BUCKETS];
  private int nameBucketShift = 32 - 8;
  private int nameCount;
  private int[] refOff = new int[8];
  private int[] refLen = new int[8];
  private int[] refStart = new int[8];
  private int[] refEnd = new int[8];
  private int[] refHash = new int[8];
  private int refCount;
  private int lastNameHash;

  // v-mode class stack
  private int[] vStart = new int[8];
  private int[] vOp = new int[8];
  private int[] vCount = new int[8];
  private boolean[] vNeg = new boolean[8];
  private boolean[] vAcc = new boolean[8];
  private boolean[] vExpect = new boolean[8];
  private boolean[] vFirstRange = new boolean[8];

  private static final int NAME_BUCKETS = 256; // indexed by (hash * 0x9E3779B9) >>> nameBucketShift

  private static final int K_CAPTURE = 0;
  private static final int K_GROUP = 1;
  private static final int K_LOOKAHEAD = 2;
  private static final int K_LOOKBEHIND = 3;

  private static final int SET_NONE = 0;
  private static final int SET_UNION = 1;
  private static final int SET_INTERSECTION = 2;
  private static final int SET_SUBTRACTION = 3;

  /** Tests set this to surface internal bugs that {@link #validate} otherwise swallows. */
  static boolean rethrowInternalErrors;

  public RegexValidator() {}

  /**
   * Validates pattern src[bodyStart, bodyEnd) with flags src[flagsStart, flagsEnd) (flags already
   * checked for unknown/duplicate letters by the lexer). Returns -1 when valid, else a message
   * index for {@link #message}. Never throws on any input.
   */
  public int validate(char[] src, int bodyStart, int bodyEnd, int flagsStart, int flagsEnd) {
    errorStart = -1;
    errorEnd = -1;
    if (src == null) {
      return -1;
    }
    int len = src.length;
    bodyStart = clamp(bodyStart, len);
    bodyEnd = clamp(bodyEnd, len);
    flagsStart = clamp(flagsStart, len);
    flagsEnd = clamp(flagsEnd, len);
    if (bodyEnd < bodyStart) {
      bodyEnd = bodyStart;
    }
    boolean u = false;
    boolean v = false;
    for (int i = flagsStart; i < flagsEnd; i++) {
      char c = src[i];
      if (c == 'u') {
        u = true;
      } else if (c == 'v') {
        v = true;
      }
    }
    if (u && v) {
      errorStart = flagsStart;
      errorEnd = flagsEnd;
      return FLAGS_U_AND_V;
    }
    s = src;
    end = bodyEnd;
    uMode = u || v;
    vMode = v;
    err = -1;
    try {
      parsePattern(bodyStart);
    } catch (RuntimeException e) {
      // defensive: a bug must not take the lexer down; report nothing
      if (rethrowInternalErrors) {
        throw e;
      }
      err = -1;
    } finally {
      s = null;
    }
    if (err < 0) {
      errorStart = -1;
      errorEnd = -1;
    }
    return err;
  }

  private static int clamp(int x, int len) {
    return x < 0 ? 0 : Math.min(x, len);
  }

  private boolean fail(int msg, int start, int stop) {
    if (err < 0) {
      err = msg;
      errorStart = start;
      errorEnd = Math.max(stop, start);
      if (errorEnd > end && start <= end) {
        errorEnd = end;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- pattern / terms

  private void parsePattern(int start) {
    capCount = 0;
    maxBackref = 0;
    badKStart = -1;
    nameBufLen = 0;
    if (nameBucket.length > NAME_BUCKETS) {
      nameBucket = new int[NAME_BUCKETS]; // a big pattern's table is not cleared for every later one
      nameBucketShift = 32 - 8;
    } else if (nameCount > 0) {
      java.util.Arrays.fill(nameBucket, 0);
    }
    nameCount = 0;
    refCount = 0;
    altCount = 0;
    disjCount = 0;
    int top = newAlt(-1, -1);
    int curAlt = newAlt(top, disjCount++);
    int depth = 0;
    int pos = start;
    final char[] s = this.s;
    final int end = this.end;
    final boolean u = uMode;
    while (true) {
      if (pos >= end) {
        if (depth > 0) {
          fail(UNTERMINATED_GROUP, gStart[depth - 1], end);
          return;
        }
        break;
      }
      char c = s[pos];
      // 0 = not quantifiable, 1 = quantifiable, 2 = lookbehind
      int quantifiable = 1;
      switch (c) {
        case '|':
          pos++;
          curAlt = newAlt(altParent[curAlt], altDisj[curAlt]);
          continue;
        case ')':
          if (depth == 0) {
            fail(UNMATCHED_PAREN, pos, pos + 1);
            return;
          }
          depth--;
          pos++;
          curAlt = gAlt[depth];
          if (gKind[depth] == K_LOOKBEHIND) {
            quantifiable = 2;
          } else if (gKind[depth] == K_LOOKAHEAD && u) {
            quantifiable = 0;
          }
          break;
        case '(': {
          int groupStart = pos;
          int kind;
          int p = pos + 1;
          if (p < end && s[p] == '?') {
            p++;
            if (p >= end) {
              fail(INVALID_GROUP, groupStart, p);
              return;
            }
            char d = s[p];
            if (d == ':') {
              kind = K_GROUP;
              p++;
            } else if (d == '=' || d == '!') {
              kind = K_LOOKAHEAD;
              p++;
            } else if (d == '<') {
              p++;
              if (p < end && (s[p] == '=' || s[p] == '!')) {
                kind = K_LOOKBEHIND;
                p++;
              } else {
                int nameStart = nameBufLen;
                int q = parseGroupName(p);
                if (q < 0) {
                  fail(INVALID_GROUP_NAME, groupStart, Math.min(end, Math.max(p, -q - 1)));
                  return;
                }
                if (!addGroupName(nameStart, curAlt, groupStart, q)) {
                  return;
                }
                kind = K_CAPTURE;
                capCount++;
                p = q;
              }
            } else if (d == 'i' || d == 'm' || d == 's' || d == '-') {
              p = parseModifiers(groupStart, p);
              if (p < 0) {
                return;
              }
              kind = K_GROUP;
            } else {
              if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
                fail(INVALID_MODIFIERS, p, p + 1);
              } else {
                fail(INVALID_GROUP, groupStart, p + 1);
              }
              return;
            }
          } else {
            kind = K_CAPTURE;
            capCount++;
          }
          if (depth == gKind.length) {
            growGroups();
          }
          gKind[depth] = kind;
          gStart[depth] = groupStart;
          gAlt[depth] = curAlt;
          depth++;
          curAlt = newAlt(curAlt, disjCount++);
          pos = p;
          continue;
        }
        case '^':
        case '$':
          pos++;
          quantifiable = 0;
          break;
        case '\\':
          if (pos + 1 < end && (s[pos + 1] == 'b' || s[pos + 1] == 'B')) {
            pos += 2;
            quantifiable = 0;
            break;
          }
          pos = parseAtomEscape(pos);
          if (pos < 0) {
            return;
          }
          break;
        case '[':
          pos = vMode ? parseClassV(pos) : parseClass(pos);
          if (pos < 0) {
            return;
          }
          break;
        case '*':
        case '+':
        case '?':
          fail(NOTHING_TO_REPEAT, pos, pos + 1);
          return;
        case '{': {
          int q = scanBraceQuantifier(pos);
          if (q > 0) {
            fail(NOTHING_TO_REPEAT, pos, q);
            return;
          }
          if (u) {
            fail(LONE_QUANTIFIER_BRACKETS, pos, pos + 1);
            return;
          }
          pos++;
          break;
        }
        case '}':
        case ']':
          if (u) {
            fail(LONE_QUANTIFIER_BRACKETS, pos, pos + 1);
            return;
          }
          pos++;
          break;
        default:
          if (u && Character.isHighSurrogate(c) && pos + 1 < end
              && Character.isLowSurrogate(s[pos + 1])) {
            pos += 2;
          } else {
            pos++;
          }
          break;
      }
      // optional quantifier
      if (pos < end) {
        char d = s[pos];
        int qEnd = -1;
        if (d == '*' || d == '+' || d == '?') {
          qEnd = pos + 1;
          quantOutOfOrder = false;
        } else if (d == '{') {
          qEnd = scanBraceQuantifier(pos);
          if (qEnd < 0 && u) {
            fail(INCOMPLETE_QUANTIFIER, pos, pos + 1);
            return;
          }
        }
        if (qEnd > 0) {
          if (quantifiable != 1) {
            fail(quantifiable == 2 ? INVALID_QUANTIFIED_ASSERTION : NOTHING_TO_REPEAT, pos, qEnd);
            return;
          }
          if (quantOutOfOrder) {
            fail(QUANTIFIER_OUT_OF_ORDER, pos, qEnd);
            return;
          }
          pos = qEnd;
          if (pos < end && s[pos] == '?') {
            pos++;
          }
        }
      }
    }
    // end-of-pattern checks
    if (u && maxBackref > capCount) {
      fail(INVALID_BACKREFERENCE, maxBackrefStart, maxBackrefEnd);
      return;
    }
    if (u || nameCount > 0) {
      if (!u && badKStart >= 0) {
        fail(INVALID_NAMED_REFERENCE, badKStart, badKEnd);
        return;
      }
      for (int i = 0; i < refCount; i++) {
        if (!nameExists(refOff[i], refLen[i], refHash[i])) {
          fail(INVALID_NAMED_REFERENCE, refStart[i], refEnd[i]);
          return;
        }
      }
    }
  }

  /**
   * Scans {n}, {n,} or {n,m} at p (which holds '{'). Returns the index after '}' or -1 when the
   * text is not a braced quantifier; sets quantOutOfOrder.
   */
  private int scanBraceQuantifier(int p) {
    final char[] s = this.s;
    final int end = this.end;
    quantOutOfOrder = false;
    int q = p + 1;
    int a = q;
    while (q < end && isDigit(s[q])) {
      q++;
    }
    int aEnd = q;
    if (aEnd == a || q >= end) {
      return -1;
    }
    if (s[q] == '}') {
      return q + 1;
    }
    if (s[q] != ',') {
      return -1;
    }
    q++;
    int b = q;
    while (q < end && isDigit(s[q])) {
      q++;
    }
    int bEnd = q;
    if (q >= end || s[q] != '}') {
      return -1;
    }
    if (bEnd > b && compareDecimal(a, aEnd, b, bEnd) > 0) {
      quantOutOfOrder = true;
    }
    return q + 1;
  }

  private int compareDecimal(int a, int aEnd, int b, int bEnd) {
    final char[] s = this.s;
    while (a < aEnd - 1 && s[a] == '0') {
      a++;
    }
    while (b < bEnd - 1 && s[b] == '0') {
      b++;
    }
    int la = aEnd - a;
    int lb = bEnd - b;
    if (la != lb) {
      return la - lb;
    }
    for (int i = 0; i < la; i++) {
      int d = s[a + i] - s[b + i];
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  /** Parses modifiers after "(?" (p at the first modifier char or '-'); returns index after ':'. */
  private int parseModifiers(int groupStart, int p) {
    final char[] s = this.s;
    final int end = this.end;
    int add = 0;
    int remove = 0;
    while (p < end) {
      int bit = modifierBit(s[p]);
      if (bit == 0) {
        break;
      }
      if ((add & bit) != 0) {
        fail(REPEATED_MODIFIER, p, p + 1);
        return -1;
      }
      add |= bit;
      p++;
    }
    boolean dash = false;
    if (p < end && s[p] == '-') {
      dash = true;
      p++;
      while (p < end) {
        int bit = modifierBit(s[p]);
        if (bit == 0) {
          break;
        }
        if (((add | remove) & bit) != 0) {
          fail(REPEATED_MODIFIER, p, p + 1);
          return -1;
        }
        remove |= bit;
        p++;
      }
    }
    if (p >= end) {
      fail(INVALID_GROUP, groupStart, end);
      return -1;
    }
    if (s[p] != ':') {
      if (s[p] == ')') {
        fail(INVALID_GROUP, groupStart, p + 1);
      } else {
        fail(INVALID_MODIFIERS, p, p + 1);
      }
      return -1;
    }
    if (dash && add == 0 && remove == 0) {
      fail(EMPTY_MODIFIERS, groupStart, p + 1);
      return -1;
    }
    return p + 1;
  }

  private static int modifierBit(char c) {
    switch (c) {
      case 'i':
        return 1;
      case 'm':
        return 2;
      case 's':
        return 4;
      default:
        return 0;
    }
  }

  // ---------------------------------------------------------------- alternatives / names

  private int newAlt(int parent, int disj) {
    if (altCount == altParent.length) {
      int n = altCount * 2;
      altParent = java.util.Arrays.copyOf(altParent, n);
      altDisj = java.util.Arrays.copyOf(altDisj, n);
      altDepth = java.util.Arrays.copyOf(altDepth, n);
    }
    altParent[altCount] = parent;
    altDisj[altCount] = disj;
    altDepth[altCount] = parent < 0 ? 0 : altDepth[parent] + 1;
    return altCount++;
  }

  private void growGroups() {
    int n = gKind.length * 2;
    gKind = java.util.Arrays.copyOf(gKind, n);
    gStart = java.util.Arrays.copyOf(gStart, n);
    gAlt = java.util.Arrays.copyOf(gAlt, n);
  }

  /** Whether groups in alternatives a and b might both participate in a match. */
  private boolean mightBothParticipate(int a, int b) {
    int ca = -1;
    int cb = -1;
    while (altDepth[a] > altDepth[b]) {
      ca = a;
      a = altParent[a];
    }
    while (altDepth[b] > altDepth[a]) {
      cb = b;
      b = altParent[b];
    }
    while (a != b) {
      ca = a;
      cb = b;
      a = altParent[a];
      b = altParent[b];
    }
    if (ca < 0 || cb < 0) {
      return true; // one alternative contains the other
    }
    return altDisj[ca] != altDisj[cb];
  }

  /**
   * Registers the name just decoded at nameBuf[nameStart, nameBufLen). One entry per distinct name,
   * holding the alternative of its latest group: when the groups of a name seen so far are
   * pairwise exclusive, a new group conflicts with one of them only if it conflicts with the
   * latest (the latest lies in the same alternative of every disjunction above the earlier ones
   * as the new group does, since alternatives are contiguous in the source), so one comparison
   * per group suffices and {@code (?<a>x)|(?<a>y)|…} is linear.
   */
  private boolean addGroupName(int nameStart, int alt, int groupStart, int groupEnd) {
    int len = nameBufLen - nameStart;
    int h = lastNameHash;
    for (int i = nameBucket[(h * 0x9E3779B9) >>> nameBucketShift] - 1; i >= 0; i = nameNext[i]) {
      if (nameHash[i] == h && nameLen[i] == len && sameName(nameOff[i], nameStart, len)) {
        if (mightBothParticipate(nameAltOf[i], alt)) {
          return fail(DUPLICATE_GROUP_NAME, groupStart, groupEnd);
        }
        nameAltOf[i] = alt;
        return true;
      }
    }
    if (nameCount == nameOff.length) {
      int n = nameCount * 2;
      nameOff = java.util.Arrays.copyOf(nameOff, n);
      nameLen = java.util.Arrays.copyOf(nameLen, n);
      nameHash = java.util.Arrays.copyOf(nameHash, n);
      nameAltOf = java.util.Arrays.copyOf(nameAltOf, n);
      nameNext = java.util.Arrays.copyOf(nameNext, n);
    }
    nameOff[nameCount] = nameStart;
    nameLen[nameCount] = len;
    nameHash[nameCount] = h;
    nameAltOf[nameCount] = alt;
    int bucket = (h * 0x9E3779B9) >>> nameBucketShift;
    nameNext[nameCount] = nameBucket[bucket] - 1;
    nameBucket[bucket] = nameCount + 1;
    nameCount++;
    if (nameCount > nameBucket.length) {
      growNameBuckets();
    }
    return true;
  }

  private void growNameBuckets() {
    nameBucket = new int[nameBucket.length * 2];
    nameBucketShift--;
    for (int i = 0; i < nameCount; i++) {
      int bucket = (nameHash[i] * 0x9E3779B9) >>> nameBucketShift;
      nameNext[i] = nameBucket[bucket] - 1;
      nameBucket[bucket] = i + 1;
    }
  }

  private void addRef(int nameStart, int start, int stop) {
    if (refCount == refOff.length) {
      int n = refCount * 2;
      refOff = java.util.Arrays.copyOf(refOff, n);
      refLen = java.util.Arrays.copyOf(refLen, n);
      refStart = java.util.Arrays.copyOf(refStart, n);
      refEnd = java.util.Arrays.copyOf(refEnd, n);
      refHash = java.util.Arrays.copyOf(refHash, n);
    }
    refOff[refCount] = nameStart;
    refLen[refCount] = nameBufLen - nameStart;
    refStart[refCount] = start;
    refEnd[refCount] = stop;
    refHash[refCount] = lastNameHash;
    refCount++;
  }

  private boolean nameExists(int off, int len, int h) {
    for (int i = nameBucket[(h * 0x9E3779B9) >>> nameBucketShift] - 1; i >= 0; i = nameNext[i]) {
      if (nameHash[i] == h && nameLen[i] == len && sameName(nameOff[i], off, len)) {
        return true;
      }
    }
    return false;
  }

  private boolean sameName(int a, int b, int len) {
    final char[] nb = nameBuf;
    for (int i = 0; i < len; i++) {
      if (nb[a + i] != nb[b + i]) {
        return false;
      }
    }
    return true;
  }

  private void appendName(int cp) {
    if (nameBufLen + 2 > nameBuf.length) {
      nameBuf = java.util.Arrays.copyOf(nameBuf, nameBuf.length * 2);
    }
    if (cp >= 0x10000) {
      nameBuf[nameBufLen++] = Character.highSurrogate(cp);
      nameBuf[nameBufLen++] = Character.lowSurrogate(cp);
      lastNameHash = lastNameHash * 31 + cp;
    } else {
      nameBuf[nameBufLen++] = (char) cp;
      lastNameHash = lastNameHash * 31 + cp;
    }
  }

  /**
   * Parses RegExpIdentifierName '>' starting at p (just after '<'), appending the decoded name to
   * nameBuf. Returns the index after '>', or -(failIndex + 1) without reporting (the caller decides).
   */
  private int parseGroupName(int p) {
    final char[] s = this.s;
    final int end = this.end;
    lastNameHash = 0;
    boolean first = true;
    while (true) {
      if (p >= end) {
        return -(p + 1);
      }
      char c = s[p];
      int at = p;
      if (c == '>') {
        if (first) {
          return -(p + 1);
        }
        return p + 1;
      }
      int cp;
      if (c == '\\') {
        p++;
        if (p >= end || s[p] != 'u') {
          return -(at + 1);
        }
        p = parseUnicodeEscapeBody(p + 1, true);
        if (p < 0) {
          return -(at + 1);
        }
        cp = escVal;
      } else if (Character.isHighSurrogate(c) && p + 1 < end && Character.isLowSurrogate(s[p + 1])) {
        cp = Character.toCodePoint(c, s[p + 1]);
        p += 2;
      } else {
        cp = c;
        p++;
      }
      boolean ok;
      if (first) {
        ok = cp == '$' || cp == '_' || RegexUnicodeProperties.isIdStart(cp);
      } else {
        ok = cp == '$' || cp == 0x200C || cp == 0x200D || RegexUnicodeProperties.isIdContinue(cp);
      }
      if (!ok) {
        return -(at + 1);
      }
      appendName(cp);
      first = false;
    }
  }

  // ---------------------------------------------------------------- escapes

  /**
   * Parses the hex part of a RegExpUnicodeEscapeSequence; p is just after "\\u". With unicode,
   * accepts u{...} and joins a \\uLead\\uTrail pair. Sets escVal; returns the next index or -1.
   */
  private int parseUnicodeEscapeBody(int p, boolean unicode) {
    final char[] s = this.s;
    final int end = this.end;
    if (p < end && s[p] == '{' && unicode) {
      int q = p + 1;
      int v = 0;
      int start = q;
      while (q < end && hexVal(s[q]) >= 0) {
        v = (v << 4) | hexVal(s[q]);
        if (v > 0x10FFFF) {
          return -1;
        }
        q++;
      }
      if (q == start || q >= end || s[q] != '}') {
        return -1;
      }
      escVal = v;
      return q + 1;
    }
    int v = hex4(p);
    if (v < 0) {
      return -1;
    }
    p += 4;
    if (unicode && v >= 0xD800 && v <= 0xDBFF && p + 1 < end && s[p] == '\\' && s[p + 1] == 'u') {
      int t = hex4(p + 2);
      if (t >= 0xDC00 && t <= 0xDFFF) {
        escVal = Character.toCodePoint((char) v, (char) t);
        return p + 6;
      }
    }
    escVal = v;
    return p;
  }

  private int hex4(int p) {
    if (p + 4 > end) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int h = hexVal(s[p + i]);
      if (h < 0) {
        return -1;
      }
      v = (v << 4) | h;
    }
    return v;
  }

  private static int hexVal(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSyntaxCharacter(char c) {
    switch (c) {
      case '^':
      case '$':
      case '\\':
      case '.':
      case '*':
      case '+':
      case '?':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '|':
        return true;
      default:
        return false;
    }
  }

  /** Parses an AtomEscape outside classes; pos holds the backslash. Returns next index or -1. */
  private int parseAtomEscape(int pos) {
    final char[] s = this.s;
    final int end = this.end;
    final boolean u = uMode;
    int p = pos + 1;
    if (p >= end) {
      fail(ESCAPE_AT_END, pos, p);
      return -1;
    }
    char c = s[p];
    switch (c) {
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9': {
        int n = 0;
        int q = p;
        while (q < end && isDigit(s[q])) {
          if (n < 100_000_000) {
            n = n * 10 + (s[q] - '0');
          }
          q++;
        }
        if (u && n > maxBackref) {
          maxBackref = n;
          maxBackrefStart = pos;
          maxBackrefEnd = q;
        }
        return q;
      }
      case '0':
        if (u && p + 1 < end && isDigit(s[p + 1])) {
          fail(INVALID_DECIMAL_ESCAPE, pos, p + 2);
          return -1;
        }
        return p + 1;
      case 'd':
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
      case 'f':
      case 'n':
      case 'r':
      case 't':
      case 'v':
        return p + 1;
      case 'p':
      case 'P':
        if (u) {
          return parseProperty(pos, p);
        }
        return p + 1;
      case 'k': {
        if (p + 1 < end && s[p + 1] == '<') {
          int nameStart = nameBufLen;
          int q = parseGroupName(p + 2);
          if (q > 0) {
            addRef(nameStart, pos, q);
            return q;
          }
          nameBufLen = nameStart;
          if (u) {
            fail(INVALID_NAMED_REFERENCE, pos, Math.min(end, -q));
            return -1;
          }
        } else if (u) {
          fail(INVALID_NAMED_REFERENCE, pos, p + 1);
          return -1;
        }
        if (badKStart < 0) {
          badKStart = pos;
          badKEnd = p + 1;
        }
        return p + 1;
      }
      default:
        break;
    }
    if (u) {
      return parseCharacterEscapeU(pos);
    }
    // Annex B
    if (c == 'c') {
      if (p + 1 < end && isAsciiLetter(s[p + 1])) {
        return p + 2;
      }
      return p; // '\' alone; the 'c' is the next atom
    }
    if (c == 'u') {
      int v = hex4(p + 1);
      return v >= 0 ? p + 5 : p + 1;
    }
    if (c == 'x') {
      if (hexAt(p + 1) && hexAt(p + 2)) {
        return p + 3;
      }
      return p + 1;
    }
    return p + 1;
  }

  private boolean hexAt(int i) {
    return i < end && hexVal(s[i]) >= 0;
  }

  /**
   * u-mode CharacterEscape (no decimal / class escapes): ControlEscape, c AsciiLetter, 0, x hh,
   * unicode escapes and IdentityEscape (SyntaxCharacter or '/'). pos holds the backslash. Sets
   * escVal; returns the next index or -1 (error reported).
   */
  private int parseCharacterEscapeU(int pos) {
    final char[] s = this.s;
    final int end = this.end;
    int p = pos + 1;
    if (p >= end) {
      fail(ESCAPE_AT_END, pos, p);
      return -1;
    }
    char c = s[p];
    switch (c) {
      case 'f':
        escVal = 0x0C;
        return p + 1;
      case 'n':
        escVal = 0x0A;
        return p + 1;
      case 'r':
        escVal = 0x0D;
        return p + 1;
      case 't':
        escVal = 0x09;
        return p + 1;
      case 'v':
        escVal = 0x0B;
        return p + 1;
      case 'c':
        if (p + 1 < end && isAsciiLetter(s[p + 1])) {
          escVal = s[p + 1] & 0x1F;
          return p + 2;
        }
        fail(INVALID_CONTROL_ESCAPE, pos, Math.min(end, p + 2));
        return -1;
      case '0':
        if (p + 1 < end && isDigit(s[p + 1])) {
          fail(INVALID_DECIMAL_ESCAPE, pos, p + 2);
          return -1;
        }
        escVal = 0;
        return p + 1;
      case 'x':
        if (hexAt(p + 1) && hexAt(p + 2)) {
          escVal = (hexVal(s[p + 1]) << 4) | hexVal(s[p + 2]);
          return p + 3;
        }
        fail(INVALID_HEX_ESCAPE, pos, p + 1);
        return -1;
      case 'u': {
        int q = parseUnicodeEscapeBody(p + 1, true);
        if (q < 0) {
          fail(INVALID_UNICODE_ESCAPE, pos, p + 1);
          return -1;
        }
        return q;
      }
      default:
        if (isSyntaxCharacter(c) || c == '/') {
          escVal = c;
          return p + 1;
        }
        int cpEnd = p + 1;
        if (Character.isHighSurrogate(c) && cpEnd < end && Character.isLowSurrogate(s[cpEnd])) {
          cpEnd++;
        }
        fail(INVALID_ESCAPE, pos, cpEnd);
        return -1;
    }
  }

  /**
   * Parses \p{...} / \P{...}; pos holds the backslash, p the 'p'/'P'. Sets propStrings when the
   * property is a property of strings (v-mode only). Returns the next index or -1.
   */
  private int parseProperty(int pos, int p) {
    final char[] s = this.s;
    final int end = this.end;
    boolean negated = s[p] == 'P';
    propStrings = false;
    int q = p + 1;
    if (q >= end || s[q] != '{') {
      fail(INVALID_PROPERTY, pos, Math.min(end, q + 1));
      return -1;
    }
    q++;
    int nameStart = q;
    while (q < end && isPropChar(s[q])) {
      q++;
    }
    int nameEnd = q;
    if (q < end && s[q] == '=') {
      q++;
      int valueStart = q;
      while (q < end && isPropChar(s[q])) {
        q++;
      }
      int valueEnd = q;
      if (q >= end || s[q] != '}') {
        fail(INVALID_PROPERTY, pos, Math.min(end, q + 1));
        return -1;
      }
      q++;
      String[] values = null;
      if (eq("General_Category", nameStart, nameEnd) || eq("gc", nameStart, nameEnd)) {
        values = RegexUnicodeProperties.GENERAL_CATEGORY;
      } else if (eq("Script", nameStart, nameEnd) || eq("sc", nameStart, nameEnd)
          || eq("Script_Extensions", nameStart, nameEnd) || eq("scx", nameStart, nameEnd)) {
        values = RegexUnicodeProperties.SCRIPT;
      }
      if (values == null || valueEnd == valueStart
          || !RegexUnicodeProperties.contains(values, s, valueStart, valueEnd)) {
        fail(INVALID_PROPERTY, pos, q);
        return -1;
      }
      return q;
    }
    if (q >= end || s[q] != '}' || nameEnd == nameStart) {
      fail(INVALID_PROPERTY, pos, Math.min(end, q + 1));
      return -1;
    }
    q++;
    if (RegexUnicodeProperties.contains(RegexUnicodeProperties.GENERAL_CATEGORY, s, nameStart, nameEnd)
        || RegexUnicodeProperties.contains(RegexUnicodeProperties.BINARY, s, nameStart, nameEnd)) {
      return q;
    }
    if (vMode && RegexUnicodeProperties.contains(RegexUnicodeProperties.STRINGS, s, nameStart, nameEnd)) {
      if (negated) {
        fail(NEGATED_PROPERTY_STRINGS, pos, q);
        return -1;
      }
      propStrings = true;
      return q;
    }
    fail(INVALID_PROPERTY, pos, q);
    return -1;
  }

  private static boolean isPropChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private boolean eq(String lit, int start, int stop) {
    if (stop - start != lit.length()) {
      return false;
    }
    for (int i = 0; i < lit.length(); i++) {
      if (s[start + i] != lit.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- classes without v

  /** Parses a CharacterClass (no v flag); pos holds '['. Returns index after ']' or -1. */
  private int parseClass(int pos) {
    final char[] s = this.s;
    final int end = this.end;
    final boolean u = uMode;
    int p = pos + 1;
    if (p < end && s[p] == '^') {
      p++;
    }
    while (true) {
      if (p >= end) {
        fail(UNTERMINATED_CLASS, pos, end);
        return -1;
      }
      if (s[p] == ']') {
        return p + 1;
      }
      int aStart = p;
      p = parseClassAtom(p, pos);
      if (p < 0) {
        return -1;
      }
      if (p + 1 < end && s[p] == '-' && s[p + 1] != ']') {
        int a = escVal;
        boolean aClass = atomIsClass;
        int bStart = p + 1;
        p = parseClassAtom(bStart, pos);
        if (p < 0) {
          return -1;
        }
        if (aClass || atomIsClass) {
          if (u) {
            fail(CLASS_ESCAPE_IN_RANGE, aStart, p);
            return -1;
          }
        } else if (a > escVal) {
          fail(RANGE_OUT_OF_ORDER, aStart, p);
          return -1;
        }
      }
    }
  }

  /** Parses one ClassAtom at p (not ']'); sets escVal / atomIsClass. Returns next index or -1. */
  private int parseClassAtom(int p, int classStart) {
    final char[] s = this.s;
    final int end = this.end;
    final boolean u = uMode;
    atomIsClass = false;
    char c = s[p];
    if (c != '\\') {
      if (u && Character.isHighSurrogate(c) && p + 1 < end && Character.isLowSurrogate(s[p + 1])) {
        escVal = Character.toCodePoint(c, s[p + 1]);
        return p + 2;
      }
      escVal = c;
      return p + 1;
    }
    int q = p + 1;
    if (q >= end) {
      fail(UNTERMINATED_CLASS, classStart, end);
      return -1;
    }
    char e = s[q];
    switch (e) {
      case 'b':
        escVal = 8;
        return q + 1;
      case '-':
        escVal = '-';
        return q + 1;
      case 'd':
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
        atomIsClass = true;
        return q + 1;
      case 'p':
      case 'P':
        if (u) {
          atomIsClass = true;
          return parseProperty(p, q);
        }
        escVal = e;
        return q + 1;
      default:
        break;
    }
    if (u) {
      if (e == 'k' || e == 'B' || (e >= '1' && e <= '9')) {
        fail(INVALID_CLASS_ESCAPE, p, q + 1);
        return -1;
      }
      return parseCharacterEscapeU(p);
    }
    // Annex B
    switch (e) {
      case 'c':
        if (q + 1 < end) {
          char l = s[q + 1];
          if (isAsciiLetter(l) || isDigit(l) || l == '_') {
            escVal = l & 0x1F;
            return q + 2;
          }
        }
        escVal = '\\';
        return q; // '\' alone; 'c' is the next atom
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        int v = e - '0';
        int r = q + 1;
        int max = v <= 3 ? 2 : 1;
        for (int i = 0; i < max && r < end && s[r] >= '0' && s[r] <= '7'; i++) {
          v = v * 8 + (s[r] - '0');
          r++;
        }
        escVal = v;
        return r;
      }
      case 'f':
        escVal = 0x0C;
        return q + 1;
      case 'n':
        escVal = 0x0A;
        return q + 1;
      case 'r':
        escVal = 0x0D;
        return q + 1;
      case 't':
        escVal = 0x09;
        return q + 1;
      case 'v':
        escVal = 0x0B;
        return q + 1;
      case 'x':
        if (hexAt(q + 1) && hexAt(q + 2)) {
          escVal = (hexVal(s[q + 1]) << 4) | hexVal(s[q + 2]);
          return q + 3;
        }
        escVal = 'x';
        return q + 1;
      case 'u': {
        int v = hex4(q + 1);
        if (v >= 0) {
          escVal = v;
          return q + 5;
        }
        escVal = 'u';
        return q + 1;
      }
      case 'k':
        if (badKStart < 0) {
          badKStart = p;
          badKEnd = q + 1;
        }
        escVal = 'k';
        return q + 1;
      default:
        escVal = e;
        return q + 1;
    }
  }

  // ---------------------------------------------------------------- classes with v

  private int pushV(int sp, int start, boolean neg) {
    if (sp == vStart.length) {
      int n = sp * 2;
      vStart = java.util.Arrays.copyOf(vStart, n);
      vOp = java.util.Arrays.copyOf(vOp, n);
      vCount = java.util.Arrays.copyOf(vCount, n);
      vNeg = java.util.Arrays.copyOf(vNeg, n);
      vAcc = java.util.Arrays.copyOf(vAcc, n);
      vExpect = java.util.Arrays.copyOf(vExpect, n);
      vFirstRange = java.util.Arrays.copyOf(vFirstRange, n);
    }
    vStart[sp] = start;
    vOp[sp] = SET_NONE;
    vCount[sp] = 0;
    vNeg[sp] = neg;
    vAcc[sp] = false;
    vExpect[sp] = false;
    vFirstRange[sp] = false;
    return sp + 1;
  }

  /** Parses a v-mode CharacterClass; pos holds '['. Returns index after the final ']' or -1. */
  private int parseClassV(int pos) {
    final char[] s = this.s;
    final int end = this.end;
    int p = pos + 1;
    boolean neg = false;
    if (p < end && s[p] == '^') {
      neg = true;
      p++;
    }
    int sp = pushV(0, pos, neg);
    while (true) {
      if (p >= end) {
        fail(UNTERMINATED_CLASS, pos, end);
        return -1;
      }
      char c = s[p];
      int l = sp - 1;
      if (c == ']') {
        if (vExpect[l]) {
          fail(INVALID_SET_OPERATION, p, p + 1);
          return -1;
        }
        boolean msc = vAcc[l];
        if (vNeg[l]) {
          if (msc) {
            fail(NEGATED_CLASS_STRINGS, vStart[l], p + 1);
            return -1;
          }
        }
        sp--;
        p++;
        if (sp == 0) {
          return p;
        }
        if (!onOperand(sp - 1, msc, false, vStart[sp], p)) {
          return -1;
        }
        continue;
      }
      if (vCount[l] > 0 && !vExpect[l] && p + 1 < end) {
        char d = s[p + 1];
        if ((c == '&' && d == '&') || (c == '-' && d == '-')) {
          int mode = c == '&' ? SET_INTERSECTION : SET_SUBTRACTION;
          if (vFirstRange[l] || (vOp[l] != SET_NONE && vOp[l] != mode)) {
            fail(INVALID_SET_OPERATION, p, p + 2);
            return -1;
          }
          vOp[l] = mode;
          p += 2;
          if (mode == SET_INTERSECTION && p < end && s[p] == '&') {
            fail(INVALID_CLASS_CHARACTER, p, p + 1);
            return -1;
          }
          vExpect[l] = true;
          continue;
        }
      }
      if (c == '[') {
        int start = p;
        p++;
        boolean n = false;
        if (p < end && s[p] == '^') {
          n = true;
          p++;
        }
        sp = pushV(sp, start, n);
        continue;
      }
      int opStart = p;
      p = parseClassSetOperand(p, pos);
      if (p < 0) {
        return -1;
      }
      boolean msc = propStrings;
      boolean isRange = false;
      if (atomIsClass) {
        // operand that is not a single character
      } else if ((vOp[l] == SET_NONE || vOp[l] == SET_UNION) && p < end && s[p] == '-'
          && !(p + 1 < end && s[p + 1] == '-')) {
        int a = escVal;
        p = parseClassSetOperand(p + 1, pos);
        if (p < 0) {
          return -1;
        }
        if (atomIsClass) {
          fail(CLASS_ESCAPE_IN_RANGE, opStart, p);
          return -1;
        }
        if (a > escVal) {
          fail(RANGE_OUT_OF_ORDER, opStart, p);
          return -1;
        }
        isRange = true;
        msc = false;
      }
      if (!onOperand(l, msc, isRange, opStart, p)) {
        return -1;
      }
    }
  }

  private boolean onOperand(int l, boolean msc, boolean isRange, int start, int stop) {
    switch (vOp[l]) {
      case SET_NONE:
        if (vCount[l] == 0) {
          vAcc[l] = msc;
          vFirstRange[l] = isRange;
        } else {
          vOp[l] = SET_UNION;
          vAcc[l] |= msc;
        }
        break;
      case SET_UNION:
        vAcc[l] |= msc;
        break;
      default:
        if (!vExpect[l] || isRange) {
          return fail(INVALID_SET_OPERATION, start, stop);
        }
        if (vOp[l] == SET_INTERSECTION) {
          vAcc[l] &= msc;
        }
        vExpect[l] = false;
        break;
    }
    vCount[l]++;
    return true;
  }

  /**
   * Parses a ClassSetOperand other than a nested [...] class: a ClassSetCharacter (atomIsClass =
   * false, escVal = its value), \q{...}, or a character class escape (atomIsClass = true,
   * propStrings = MayContainStrings). Returns next index or -1.
   */
  private int parseClassSetOperand(int p, int classStart) {
    final char[] s = this.s;
    final int end = this.end;
    propStrings = false;
    atomIsClass = false;
    if (p < end && s[p] == '\\' && p + 1 < end) {
      char e = s[p + 1];
      switch (e) {
        case 'd':
        case 'D':
        case 's':
        case 'S':
        case 'w':
        case 'W':
          atomIsClass = true;
          return p + 2;
        case 'p':
        case 'P': {
          int q = parseProperty(p, p + 1);
          atomIsClass = true;
          return q;
        }
        case 'q':
          atomIsClass = true;
          return parseClassStringDisjunction(p, classStart);
        default:
          break;
      }
    }
    return parseClassSetCharacter(p, classStart);
  }

  /** Parses \q{...}; p holds the backslash. Sets propStrings. Returns next index or -1. */
  private int parseClassStringDisjunction(int p, int classStart) {
    final char[] s = this.s;
    final int end = this.end;
    int q = p + 2;
    if (q >= end || s[q] != '{') {
      fail(INVALID_ESCAPE, p, Math.min(end, q));
      return -1;
    }
    q++;
    boolean msc = false;
    int count = 0;
    while (true) {
      if (q >= end) {
        fail(UNTERMINATED_CLASS, classStart, end);
        return -1;
      }
      char c = s[q];
      if (c == '}' || c == '|') {
        if (count != 1) {
          msc = true;
        }
        count = 0;
        q++;
        if (c == '}') {
          break;
        }
        continue;
      }
      q = parseClassSetCharacter(q, classStart);
      if (q < 0) {
        return -1;
      }
      count++;
    }
    propStrings = msc;
    atomIsClass = true;
    return q;
  }

  /** Parses a ClassSetCharacter at p; sets escVal. Returns next index or -1. */
  private int parseClassSetCharacter(int p, int classStart) {
    final char[] s = this.s;
    final int end = this.end;
    atomIsClass = false;
    if (p >= end) {
      fail(UNTERMINATED_CLASS, classStart, end);
      return -1;
    }
    char c = s[p];
    if (c == '\\') {
      if (p + 1 >= end) {
        fail(UNTERMINATED_CLASS, classStart, end);
        return -1;
      }
      char e = s[p + 1];
      if (e == 'b') {
        escVal = 8;
        return p + 2;
      }
      if (isClassSetReservedPunctuator(e)) {
        escVal = e;
        return p + 2;
      }
      switch (e) {
        case 'd':
        case 'D':
        case 's':
        case 'S':
        case 'w':
        case 'W':
        case 'p':
        case 'P':
        case 'q':
        case 'k':
        case 'B':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
          fail(INVALID_CLASS_ESCAPE, p, p + 2);
          return -1;
        default:
          return parseCharacterEscapeU(p);
      }
    }
    int cpEnd = p + 1;
    int cp = c;
    if (Character.isHighSurrogate(c) && cpEnd < end && Character.isLowSurrogate(s[cpEnd])) {
      cp = Character.toCodePoint(c, s[cpEnd]);
      cpEnd++;
    }
    switch (c) {
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '/':
      case '-':
      case '|':
        fail(INVALID_CLASS_CHARACTER, p, cpEnd);
        return -1;
      default:
        break;
    }
    if (cpEnd < end && s[cpEnd] == c && isDoublePunctuatorChar(c)) {
      fail(INVALID_CLASS_CHARACTER, p, cpEnd + 1);
      return -1;
    }
    escVal = cp;
    return cpEnd;
  }

  private static boolean isClassSetReservedPunctuator(char c) {
    switch (c) {
      case '&':
      case '-':
      case '!':
      case '#':
      case '%':
      case ',':
      case ':':
      case ';':
      case '<':
      case '=':
      case '>':
      case '@':
      case '`':
      case '~':
        return true;
      default:
        return false;
    }
  }

  private static boolean isDoublePunctuatorChar(char c) {
    switch (c) {
      case '&':
      case '!':
      case '#':
      case '$':
      case '%':
      case '*':
      case '+':
      case ',':
      case '.':
      case ':':
      case ';':
      case '<':
      case '=':
      case '>':
      case '?':
      case '@':
      case '^':
      case '`':
      case '~':
        return true;
      default:
        return false;
    }
  }
}
