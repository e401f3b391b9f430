package org.vigil.tally;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which groups to count: by any dimensions (none: one group of everything), events held from {@code
 * from} to {@code to} inclusive, in {@code region}; null filters are not applied.
 */
public record TallyQuery(List<Dimension> by, LocalDate from, LocalDate to, String region) {
  public TallyQuery {
    by = List.copyOf(by);
  }

  public static TallyQuery of(Dimension... by) {
    return new TallyQuery(List.of(by), null, null, null);
  }

  public TallyQuery in(String newRegion) {
    return new TallyQuery(by, from, to, newRegion);
  }

  /** Reads the parameters as written in a URL or on the command line. */
  public static TallyQuery parse(String by, String from, String to, String region) {
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidParameter("to", "is before from (" + from + ")");
    }
    String area = region == null || region.isBlank() ? null : region.strip();
    return new TallyQuery(dimensions(by), start, end, area);
  }

  private static List<Dimension> dimensions(String by) {
    List<Dimension> dimensions = new ArrayList<>();
    if (by == null || by.isBlank()) {
      return dimensions;
    }
    for (String code : by.split(",")) {
      Dimension dimension = Dimension.parse(code);
      if (dimension == null) {
        throw new InvalidParameter(
            "by", "unknown dimension '" + code.strip() + "' (one of " + known() + ")");
      }
      if (dimensions.contains(dimension)) {
        throw new InvalidParameter("by", "dimension '" + dimension.code() + "' given twice");
      }
      dimensions.add(dimension);
    }
    return dimensions;
  }

  private static String known() {
    return Arrays.stream(Dimension.values()).map(Dimension::code).collect(Collectors.joining(", "));
  }

  private static LocalDate date(String parameter, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(parameter, "not a date: '" + text + "' (expected yyyy-mm-dd)");
    }
  }
}
