package org.vigil.http;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;

/** What a stored text may hold, and the cleaning every text field goes through. */
final class Text {
  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int BRAILLE_PATTERN_BLANK = 0x2800;

  private Text() {}

  /**
   * A text made fit to store, or why it cannot be.
   *
   * @param hadInvisible whether invisible characters were removed
   */
  record Cleaned(String value, String refusal, boolean hadInvisible) {
    static Cleaned refused(String reason) {
      return new Cleaned(null, reason, false);
    }
  }

  /**
   * Refuses what makes a text show as something it is not, or makes it invalid: control characters
   * (a one-line field keeps no line break and no tab; a multi-line one keeps {@code \n} and tabs,
   * and a CR LF or a lone CR becomes {@code \n}), bidirectional controls (U+202E turns "Иванов"
   * into a name read backwards: one name would render as another), unpaired surrogates (a JSON
   * {@code "\ud800"} decodes to one; it is not text and breaks every encoder downstream) and
   * non-characters.
   *
   * <p>Invisible characters (Unicode's default-ignorable code points: zero-width space, word
   * joiner, byte order mark, soft hyphen, Hangul fillers, tags, …, and the blank Braille pattern)
   * inside a value are <em>removed</em>, not refused. They arrive by copy and paste from messengers
   * and web pages, the reporter cannot see them and could not remove them when told to, and they
   * mean nothing in a name or a city; kept, they made "Москва" and "Москва" + U+200B two cities and
   * two spellings of one name. In multi-line free text the zero-width joiner and non-joiner and the
   * variation selectors stay, as emoji sequences and some scripts are built with them.
   *
   * <p>Then white space at either end is removed (Unicode's, no-break space included) and the rest
   * is normalised to NFC.
   */
  static Cleaned clean(String raw, boolean multiline) {
    String text = multiline ? raw.replace("\r\n", "\n").replace('\r', '\n') : raw;
    StringBuilder kept = null; // only built once something is removed
    boolean hadInvisible = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      String refusal = refusal(c, multiline);
      if (refusal != null) return Cleaned.refused(refusal);
      if (isInvisible(c) && !(multiline && joinsOrSelects(c))) {
        hadInvisible = true;
        if (kept == null) kept = new StringBuilder(text.length()).append(text, 0, i);
      } else if (kept != null) {
        kept.appendCodePoint(c);
      }
      i = next;
    }
    String value = strip(kept == null ? text : kept.toString());
    if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      value = Normalizer.normalize(value, Normalizer.Form.NFC);
    }
    return new Cleaned(value, null, hadInvisible);
  }

  /** White space, Unicode's: the no-break space and the ideographic space too. */
  static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static String refusal(int c, boolean multiline) {
    if (c >= ' ' && c < 0x7F) return null; // printable ASCII, most of what arrives
    if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
      return "must not contain an unpaired surrogate (" + codePoint(c) + "): it is not text";
    }
    if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
      return multiline ? null : "must be one line";
    }
    if (c == '\t' && multiline) return null;
    if (Character.getType(c) == Character.CONTROL) {
      return "must not contain control characters (" + codePoint(c) + ")";
    }
    if (UCharacter.hasBinaryProperty(c, UProperty.BIDI_CONTROL)) {
      return "must not contain bidirectional control characters ("
          + codePoint(c)
          + "): they make text display as other text";
    }
    if (UCharacter.hasBinaryProperty(c, UProperty.NONCHARACTER_CODE_POINT)) {
      return "must not contain Unicode non-characters (" + codePoint(c) + ")";
    }
    return null;
  }

  private static boolean isInvisible(int c) {
    if (c < 0x80) return false; // no ASCII character is invisible
    return c == BRAILLE_PATTERN_BLANK
        || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
  }

  private static boolean joinsOrSelects(int c) {
    return c == ZERO_WIDTH_NON_JOINER
        || c == ZERO_WIDTH_JOINER
        || UCharacter.hasBinaryProperty(c, UProperty.VARIATION_SELECTOR);
  }

  private static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.codePointAt(start))) {
      start += Character.charCount(value.codePointAt(start));
    }
    while (end > start && isSpace(value.codePointBefore(end))) {
      end -= Character.charCount(value.codePointBefore(end));
    }
    return value.substring(start, end);
  }

  private static String codePoint(int c) {
    return String.format("U+%04X", c);
  }
}
