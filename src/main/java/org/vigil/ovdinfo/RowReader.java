package org.vigil.ovdinfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns the cells of one data row into an event, or into the first reason it cannot be one. */
final class RowReader {
  private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
  private static final Pattern QUOTES = Pattern.compile("^[\"'«»<(]+|[\"'«»>)]+$");
  private static final Pattern LINK =
      Pattern.compile("(?i)(https?://|www\\.)\\S+|[\\w-]+(\\.[\\w-]+)*\\.[a-z]{2,}/\\S*");
  private static final Pattern BLANKS = Pattern.compile("[\\s\\u00A0]+");

  private final Layout layout;
  private final String defaultRegion;

  RowReader(Layout layout, String defaultRegion) {
    this.layout = layout;
    this.defaultRegion = blankToNull(defaultRegion);
  }

  TableRow read(long line, List<String> cells) {
    int expected = layout.header().size();
    if (cells.size() < expected && !cells.isEmpty() && cells.getLast().contains("\n")) {
      // An opening quote never closed swallows the following lines into one cell.
      return new Rejected(
          line,
          layout.header().get(cells.size() - 1),
          "quoted cell runs over "
              + cells.getLast().lines().count()
              + " lines and the row ends short: is a closing quote missing?");
    }
    if (cells.size() != expected) {
      String column = cells.size() < expected ? layout.header().get(cells.size()) : "(row)";
      return new Rejected(
          line,
          column,
          "row has "
              + cells.size()
              + " cells, the header has "
              + expected
              + " (an unquoted comma, quote or line break?)");
    }
    return new Row(line, cells).read();
  }

  /** Why a row is not an event: the first cell found wanting. Carries no stack trace. */
  private static final class Refusal extends Exception {
    private final Column column;

    Refusal(Column column, String reason) {
      super(reason, null, false, false);
      this.column = column;
    }
  }

  /** One row being read; holds the cells so that each field is one short method. */
  private final class Row {
    private final long line;
    private final List<String> cells;

    Row(long line, List<String> cells) {
      this.line = line;
      this.cells = cells;
    }

    TableRow read() {
      try {
        return event(date(), region(), agreement(), count(), coordinates());
      } catch (Refusal refusal) {
        return new Rejected(line, layout.headerOf(refusal.column), refusal.getMessage());
      }
    }

    private LocalDate date() throws Refusal {
      LocalDate date = Dates.parse(raw(Column.DATE));
      if (date == null) {
        throw new Refusal(
            Column.DATE, "not a date: '" + raw(Column.DATE) + "' (expected dd.mm.yyyy)");
      }
      return date;
    }

    private String region() throws Refusal {
      String region = text(Column.REGION) != null ? text(Column.REGION) : defaultRegion;
      if (region == null) {
        throw new Refusal(Column.REGION, "empty, and no --region given");
      }
      return region;
    }

    private int count() throws Refusal {
      String digits = digitsOf(raw(Column.DETENTIONS));
      if (!COUNT.matcher(digits).matches()) {
        throw new Refusal(
            Column.DETENTIONS, "not a count of people: '" + raw(Column.DETENTIONS).strip() + "'");
      }
      return Integer.parseInt(digits);
    }

    /** Tables with only the English column (or an empty Russian one) still state the agreement. */
    private Agreement agreement() throws Refusal {
      Agreement russian = Agreement.parse(raw(Column.AGREEMENT));
      if (russian == null) {
        throw new Refusal(
            Column.AGREEMENT,
            "neither agreed nor not agreed: '" + raw(Column.AGREEMENT).strip() + "'");
      }
      Agreement english = Agreement.parse(raw(Column.AGREEMENT_EN));
      return russian == Agreement.UNKNOWN && english != null ? english : russian;
    }

    private Coordinates coordinates() throws Refusal {
      String lat = text(Column.LAT);
      String lon = text(Column.LON);
      if ((lat == null) != (lon == null)) {
        throw new Refusal(
            lat == null ? Column.LAT : Column.LON, "one coordinate without the other");
      }
      try {
        return lat == null ? null : new Coordinates(degrees(lat), degrees(lon));
      } catch (IllegalArgumentException e) {
        throw new Refusal(Column.LAT, "not coordinates: '" + lat + ", " + lon + "'");
      }
    }

    private EventRow event(
        LocalDate date, String region, Agreement agreement, int count, Coordinates coordinates) {
      String sourceId = text(Column.ID);
      String place = text(Column.PLACE);
      String kind = firstOf(Column.KIND, Column.KIND_EN);
      String description = firstOf(Column.DESCRIPTION, Column.DESCRIPTION_EN);
      List<String> links = new ArrayList<>();
      String sourceNote = splitLinks(raw(Column.LINKS), links);
      return new EventRow(
          line,
          NaturalKey.of(region, date, sourceId, place, kind, description),
          sourceId,
          date,
          region,
          text(Column.CITY),
          place,
          kind,
          agreement,
          firstOf(Column.SUBJECT, Column.SUBJECT_EN),
          firstOf(Column.ORGANIZER, Column.ORGANIZER_EN),
          description,
          english(),
          links,
          sourceNote,
          count,
          layout.has(Column.POLICE_STATIONS) ? raw(Column.POLICE_STATIONS) : null,
          coordinates,
          new SourceRow(layout.header(), cells));
    }

    private English english() {
      return new English(
          text(Column.KIND_EN),
          text(Column.AGREEMENT_EN),
          text(Column.SUBJECT_EN),
          text(Column.ORGANIZER_EN),
          text(Column.DESCRIPTION_EN));
    }

    private String firstOf(Column russian, Column english) {
      String text = text(russian);
      return text != null ? text : text(english);
    }

    /** The cell with spaces around it removed, null if the column is absent or the cell empty. */
    private String text(Column column) {
      return blankToNull(raw(column));
    }

    private String raw(Column column) {
      Integer position = layout.positions().get(column);
      return position == null ? "" : cells.get(position);
    }
  }

  /**
   * Collects the URLs of a links cell into {@code links} and returns the rest of its words (2012's
   * `оценка овд-инфо, ССЫЛКИ, http://…`), which say how the count was sourced. Links come separated
   * by commas, spaces or line breaks, some wrapped in stray quotes, some without `http://`.
   */
  static String splitLinks(String cell, List<String> links) {
    List<String> notes = new ArrayList<>();
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= cell.length(); i++) {
      char c = i < cell.length() ? cell.charAt(i) : ',';
      boolean endOfPart = c == ',' || c == ';' || c == '\n';
      if (endOfPart || Character.isWhitespace(c) || c == '\u00A0') {
        addWord(cell.substring(start, i), links, words);
        start = i + 1;
      }
      if (endOfPart && !words.isEmpty()) {
        notes.add(String.join(" ", words));
        words.clear();
      }
    }
    return notes.isEmpty() ? null : String.join(", ", notes);
  }

  /** A link goes to the links, other words to the note being collected. */
  private static void addWord(String word, List<String> links, List<String> words) {
    if (word.isEmpty()) {
      return;
    }
    String link = asLink(word);
    if (link != null) {
      links.add(link);
    } else if (!QUOTES.matcher(word).replaceAll("").isEmpty()) {
      words.add(word);
    }
  }

  /** The cell without its blanks (`1 200`), cheaply for the usual cell that has none. */
  private static String digitsOf(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      if (!Character.isDigit(cell.charAt(i))) {
        return BLANKS.matcher(cell).replaceAll("");
      }
    }
    return cell;
  }

  /** The word as a link without stray quotes around it, or null if it is no link. */
  private static String asLink(String word) {
    if (isPlainLink(word)) {
      return word;
    }
    String unquoted = QUOTES.matcher(word).replaceAll("");
    return LINK.matcher(unquoted).matches() ? unquoted : null;
  }

  /** The common case, `http://…` with nothing around it, without a regular expression. */
  private static boolean isPlainLink(String word) {
    return (word.startsWith("http://") || word.startsWith("https://"))
        && "\"'»>)".indexOf(word.charAt(word.length() - 1)) < 0;
  }

  /** Map layers write `55.75`; hand-edited Russian spreadsheets write `55,75`. */
  private static double degrees(String cell) {
    return Double.parseDouble(cell.replace(',', '.'));
  }

  static String blankToNull(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
