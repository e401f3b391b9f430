package org.vigil.ovdinfo;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date forms OVD-Info tables use: `12.01.2013` mostly, also ISO and `12/01/2013`. */
final class Dates {
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

  private Dates() {}

  /** The date a cell states, or null if it states none (including impossible ones: 31.02). */
  static LocalDate parse(String cell) {
    String text = cell.strip();
    try {
      if (isDayFirst(text)) {
        return LocalDate.of(num(text, 6, 10), num(text, 3, 5), num(text, 0, 2));
      }
      Matcher dayFirst = DAY_FIRST.matcher(text);
      if (dayFirst.matches()) {
        return LocalDate.of(
            year(dayFirst.group(3)), num(dayFirst.group(2)), num(dayFirst.group(1)));
      }
      Matcher iso = ISO.matcher(text);
      if (iso.matches()) {
        return LocalDate.of(num(iso.group(1)), num(iso.group(2)), num(iso.group(3)));
      }
    } catch (DateTimeException impossible) {
      return null;
    }
    return null;
  }

  /** `dd.mm.yyyy` exactly, nearly every cell of OVD-Info's tables: read without a regex. */
  private static boolean isDayFirst(String text) {
    if (text.length() != 10 || text.charAt(2) != '.' || text.charAt(5) != '.') {
      return false;
    }
    for (int i : new int[] {0, 1, 3, 4, 6, 7, 8, 9}) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String text, int from, int to) {
    return Integer.parseInt(text, from, to, 10);
  }

  /** Two-digit years appear in hand-edited copies; all OVD-Info data is from 2011 on. */
  private static int year(String digits) {
    return digits.length() == 2 ? 2000 + num(digits) : num(digits);
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }
}
