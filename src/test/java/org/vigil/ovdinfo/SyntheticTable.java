package org.vigil.ovdinfo;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a table of any size in OVD-Info's 2013 layout, for measuring the import on a million rows.
 * The cells are shaped like the real ones, including what makes them slow or hard: quoted commas
 * and quotes, line breaks inside cells, several stations with counts, several links. The same seed
 * writes the same table.
 */
final class SyntheticTable {
  static final String HEADER =
      "Id,date,region,agreement,agreement_eng,event_type,event_type_eng,subject,subject_eng,"
          + "organizer,organizer_eng,description,description_eng,ovd,place,number_of_detentions,links";

  private static final List<String> REGIONS =
      List.of("Москва", "Москва", "Москва", "Санкт-Петербург", "Нижний Новгород", "Воронеж");
  private static final List<String[]> KINDS =
      List.of(
          new String[] {"акция", "Direct action"},
          new String[] {"пикет", "Picket"},
          new String[] {"одиночный пикет", "One-person picket"},
          new String[] {"митинг", "Rally"},
          new String[] {"шествие", "March"});
  private static final List<String[]> SUBJECTS =
      List.of(
          new String[] {"политзеки", "Political prisoners"},
          new String[] {"социальная", "Social"},
          new String[] {"ЛГБТ", "LGBT"},
          new String[] {"экология", "Environmental"});
  private static final List<String[]> ORGANIZERS =
      List.of(
          new String[] {"стихийная", "Spontaneous"},
          new String[] {"Другая Россия", "Other Russia"},
          new String[] {"Другая Россия, ЭПО \"Русские\"", "Other Russia, \"Russkie\""});
  private static final List<String> STATIONS =
      List.of(
          "ОВД Тверское",
          " ОВД «Китай-город»",
          "ОВД Пресненсикй",
          "ОВД Китай-город\nОВД Якиманка\nОВД Замоскворечье",
          "ОВД Арбат - 10, ОВД Тверской - 9",
          "38 (8), 77 (7), 2 (2)",
          "45 (5), 32,10 [окончательно не ясно, сколько где]",
          "автозак",
          "");
  private static final List<String> PLACES =
      List.of("Тверская, 14", "Триумфальная площадь", "Б.Саввинский переулок дом 12, стр 18");

  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private SyntheticTable() {}

  static void write(Writer out, long rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate first = LocalDate.of(2012, 1, 1);
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
    csv.writeRecord(HEADER.split(","));
    for (long id = 1; id <= rows; id++) {
      String[] kind = pick(KINDS, random);
      String[] subject = pick(SUBJECTS, random);
      String[] organizer = pick(ORGANIZERS, random);
      boolean agreed = random.nextInt(17) == 0;
      csv.writeRecord(
          String.valueOf(id),
          first.plusDays(random.nextInt(4000)).format(DAY_FIRST),
          pick(REGIONS, random),
          agreed ? "согласовано" : "не согласовано",
          agreed ? "Authorised" : "Unauthorised",
          kind[0],
          kind[1],
          subject[0],
          subject[1],
          organizer[0],
          organizer[1],
          "Акция \"Стратегии-31\" у памятника, задержаны " + id,
          "Strategy-31 rally, detentions " + id,
          pick(STATIONS, random),
          pick(PLACES, random),
          String.valueOf(1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 12)),
          links(id, random));
    }
    csv.flush();
  }

  private static String links(long id, SplittableRandom random) {
    StringBuilder links = new StringBuilder("http://ovdinfo.org/express-news/" + id);
    for (int i = random.nextInt(3); i > 0; i--) {
      links.append(", http://ovdinfo.org/express-news/").append(id).append('-').append(i);
    }
    return links.toString();
  }

  private static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
