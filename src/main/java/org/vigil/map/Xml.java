package org.vigil.map;

/** Escapes text for XML content and double-quoted attributes. */
final class Xml {
  private Xml() {}

  /**
   * Appends {@code s} with {@code & < > " '} as entities, and without the characters XML 1.0 cannot
   * carry at all (C0 controls other than tab, newline and return; U+FFFE, U+FFFF; lone surrogates),
   * which would make the document unreadable.
   */
  static void text(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if ((c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
              && !Character.isSurrogate(c)
              && c != 0xFFFE
              && c != 0xFFFF) {
            out.append(c);
          }
        }
      }
    }
  }
}
