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

  /** Two-digit years appear in hand-edited copies; all OVD-Info data is from 2011 on. */
  private static int year(String digits) {
    return digits.length() == 2 ? 2000 + num(digits) : num(digits);
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }
}
