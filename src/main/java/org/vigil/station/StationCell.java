package org.vigil.station;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A police-station cell read into the places it names. The cells are free text: `ОВД Пресненский -
 * 21+8, ОВД Тверской - 14+5`, `38 (8), 77 (7), 2 (2)`, one name per line, `Лимонов - ОВД Тверской`,
 * `ОП 5 (Нижний Новогород)`, `автозак??`, comments in brackets.
 *
 * @param raw the cell exactly as the table has it
 * @param notes the cell's bracketed comments (`не сходится`), which are about the counts
 */
public record StationCell(String raw, List<StationMention> mentions, List<String> notes) {
  private static final Pattern NOTE = Pattern.compile("\\[([^\\]]*)]");

  /** `- 21+8`: the 2013 table writes some counts as sums (batches brought in); the count is 29. */
  private static final Pattern DASH_COUNT =
      Pattern.compile("(.+?)\\s*-\\s*(\\d{1,6}(?:\\s*\\+\\s*\\d{1,6})*)");

  private static final Pattern BRACKET_COUNT = Pattern.compile("(.+?)\\s*\\(\\s*(\\d{1,6})\\s*\\)");
  private static final Pattern QUALIFIER = Pattern.compile("(.+?)\\s*\\(([^)]*)\\)");
  private static final Pattern PERSON =
      Pattern.compile("(\\p{Lu}\\p{Ll}+)\\s*-\\s*((?:ОВД|ОМВД|ОП)\\s.+)");

  public StationCell {
    mentions = List.copyOf(mentions);
    notes = List.copyOf(notes);
  }

  /**
   * @param region the event's region: a bracketed place that is the region itself (`ОП 5 (Нижний
   *     Новогород)`) only repeats it, while another (`ОП 2 (Дзержинск)`) tells stations apart
   */
  public static StationCell parse(String raw, String region) {
    List<String> notes = new ArrayList<>();
    Matcher note = NOTE.matcher(raw);
    while (note.find()) {
      notes.add(note.group(1).strip());
    }
    String text = NOTE.matcher(raw).replaceAll(" ");
    List<StationMention> mentions = new ArrayList<>();
    for (String part : split(text)) {
      String segment = part.strip().replaceAll("[.?!]+$", "").strip();
      if (!segment.isEmpty()) {
        mentions.add(mention(segment, region));
      }
    }
    return new StationCell(raw, mentions, notes);
  }

  /**
   * Places are separated by commas or line breaks; a cell that uses semicolons keeps its commas
   * inside names (`Управление внутренних дел г. Арзамаса, дежурная часть`).
   */
  private static String[] split(String text) {
    return text.contains(";") ? text.split(";") : text.split("[,\\n]");
  }

  private static StationMention mention(String segment, String region) {
    Matcher person = PERSON.matcher(segment);
    if (person.matches()) {
      // A named detainee stands for one person: the 2013 row `… - 13, Лимонов -ОВД Тверской` adds
      // up to its total of 28 only so.
      return place(segment, person.group(2), OptionalInt.of(1), person.group(1));
    }
    Matcher dash = DASH_COUNT.matcher(segment);
    if (dash.matches()) {
      return place(segment, dash.group(1), OptionalInt.of(sum(dash.group(2))), null);
    }
    Matcher bracket = BRACKET_COUNT.matcher(segment);
    if (bracket.matches()) {
      int count = Integer.parseInt(bracket.group(2));
      return place(segment, bracket.group(1), OptionalInt.of(count), null);
    }
    Matcher qualifier = QUALIFIER.matcher(segment);
    if (qualifier.matches() && sameRegion(qualifier.group(2), region)) {
      return place(segment, qualifier.group(1), OptionalInt.empty(), null);
    }
    return place(segment, segment, OptionalInt.empty(), null);
  }

  private static StationMention place(String raw, String name, OptionalInt count, String person) {
    String clean = name.strip();
    return new StationMention(raw, clean, NonStationKind.of(clean), count, person);
  }

  private static boolean sameRegion(String place, String region) {
    return region != null
        && StationNames.close(StationNames.form(place), StationNames.form(region));
  }

  /** Counts have at most six digits each, so that no cell can overflow a sum. */
  private static int sum(String terms) {
    long sum = 0;
    for (String term : terms.split("\\+")) {
      sum += Integer.parseInt(term.strip());
    }
    return (int) Math.min(sum, Integer.MAX_VALUE);
  }

  /** How the cell's counts relate to the event's {@code total} of detentions. */
  public Attribution attribution(int total) {
    if (mentions.isEmpty()) {
      return Attribution.NONE;
    }
    int stated = statedCount();
    boolean allCounted = mentions.stream().allMatch(m -> m.count().isPresent());
    boolean saysMismatch = saysMismatch();
    if (saysMismatch || stated > total || (allCounted && stated != total)) {
      return Attribution.MISMATCH;
    }
    if (mentions.size() == 1) {
      return Attribution.SINGLE;
    }
    return allCounted ? Attribution.EXACT : Attribution.UNSPLIT;
  }

  /** Whether the cell's own notes say its counts do not add up. */
  public boolean saysMismatch() {
    return notes.stream().anyMatch(note -> note.contains("не сходится"));
  }

  /** The sum of the counts the cell gives. */
  public int statedCount() {
    long stated = mentions.stream().mapToLong(m -> m.count().orElse(0)).sum();
    return (int) Math.min(stated, Integer.MAX_VALUE);
  }
}
