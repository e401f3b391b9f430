package org.vigil.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Realistic test data with ground truth: persons drawn from Russian name frequencies, each reported
 * one or more times by themself, relatives, witnesses, lawyers and the press, with every kind of
 * variation linkage has to see through: scripts and romanisation systems, diminutives, word order,
 * patronymic or initials or neither, feminine surnames, ё/е, typos and case, birth years missing or
 * off by one, city name variants, police station spellings. Among the persons are namesakes,
 * spouses and siblings who share a surname, and people detained at several events.
 *
 * <p>The same seed gives the same data.
 */
final class Generator {
  /** A generated report and the person it is really about. */
  record Labelled(ReportFacts report, String personId) {}

  private record Event(LocalDate day, Places.City city, String district) {}

  private record Person(
      String id,
      Sex sex,
      GivenNames.FullName given,
      String surname,
      GivenNames.FullName father,
      int birthYear,
      Places.City home,
      List<Event> events) {}

  private static final String[] SOURCES = {"self", "relative", "witness", "lawyer", "press"};
  private static final double[] SOURCE_WEIGHTS = {0.15, 0.25, 0.25, 0.15, 0.20};
  private static final String[] DISTRICTS = {
    "Тверской",
    "Пресненский",
    "Басманный",
    "Мещанский",
    "Таганский",
    "Хамовнический",
    "Арбатский",
    "Центральный",
    "Адмиралтейский",
    "Василеостровский",
    "Петроградский",
    "Калининский",
    "Кировский",
    "Ленинский",
    "Октябрьский",
    "Советский",
    "Железнодорожный",
    "Фрунзенский",
    "Приморский",
    "Красногвардейский",
    "Московский",
    "Невский",
    "Заводской"
  };
  private static final String[] STATION_FORMS = {
    "ОВД %s", "ОВД «%s»", "ОВД по району %s", "отдел полиции %s", "OVD %s", "ОМВД %s район"
  };
  private static final double[] CITY_WEIGHTS = {0.40, 0.20};
  private static final double SURNAME_TAIL_SHARE = 0.5;
  private static final double GIVEN_NAME_ZIPF = 0.6;
  private static final String[] ONSETS = {
    "Б", "В", "Г", "Д", "З", "К", "Л", "М", "Н", "П", "Р", "С", "Т", "Ф", "Х", "Ч", "Ш", "Ж"
  };
  private static final String[] VOWELS = {"а", "о", "у", "е", "и", "ы", "я", "ё"};
  private static final String[] MIDDLES = {"р", "л", "н", "т", "к", "с", "д", "ш", "б", "в", "м"};
  private static final String[] ENDINGS = {"ов", "ин", "ев", "кин", "цев", "ский", "нов", "ых"};
  private static final String[] INNER_SYLLABLES = {
    "", "ра", "ло", "ну", "те", "ки", "са", "до", "ша", "бе", "ви", "мо"
  };

  private final SplittableRandom random;
  private final GeneratorSettings settings;
  private final List<String> surnames;
  private final Set<String> commonSurnames;
  private final List<GivenNames.FullName> men;
  private final List<GivenNames.FullName> women;
  private final List<LocalDate> protestDays = new ArrayList<>();
  private final Map<String, double[]> zipfCumulative = new HashMap<>();

  Generator(long seed) {
    this(seed, GeneratorSettings.DEFAULT);
  }

  Generator(long seed, GeneratorSettings settings) {
    random = new SplittableRandom(seed);
    this.settings = settings;
    surnames = surnamePool(loadSurnames(), settings.surnamePool());
    commonSurnames = Set.copyOf(surnames);
    List<GivenNames.FullName> names = GivenNames.standard().fullNames();
    men = names.stream().filter(n -> n.sex() == Sex.MALE).toList();
    women = names.stream().filter(n -> n.sex() == Sex.FEMALE).toList();
    LocalDate first = LocalDate.of(2017, 3, 26);
    for (int i = 0; i < settings.days(); i++) {
      protestDays.add(first.plusDays(random.nextInt(365 * 8)));
    }
  }

  /**
   * Generates reports about {@code persons} people, {@code reports} in all and at least one each,
   * in shuffled order, numbered R0000001 onwards; the truth's person ids are T1 onwards. With
   * geometric reports per person, {@code reports} is the expected number, not the exact one.
   */
  List<Labelled> generate(int persons, int reports) {
    if (persons < 1 || reports < persons) {
      throw new IllegalArgumentException("need at least one person and one report per person");
    }
    List<Person> people = new ArrayList<>(persons);
    for (int i = 0; i < persons; i++) {
      people.add(person("T" + (i + 1), people));
    }
    int[] counts = reportsPerPerson(persons, reports);
    List<Labelled> out = new ArrayList<>(reports);
    for (int p = 0; p < persons; p++) {
      for (int r = 0; r < counts[p]; r++) {
        out.add(report(people.get(p)));
      }
    }
    for (int i = out.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Labelled swap = out.get(i);
      out.set(i, out.get(j));
      out.set(j, swap);
    }
    List<Labelled> numbered = new ArrayList<>(out.size());
    for (int i = 0; i < out.size(); i++) {
      numbered.add(withId(out.get(i), String.format(Locale.ROOT, "R%07d", i + 1)));
    }
    return numbered;
  }

  /**
   * One report each and the rest spread evenly (about 1 + Poisson), or a geometric number from 1
   * with the same mean: most people reported once, a few by every source.
   */
  private int[] reportsPerPerson(int persons, int reports) {
    int[] counts = new int[persons];
    Arrays.fill(counts, 1);
    if (!settings.geometric()) {
      for (int i = persons; i < reports; i++) {
        counts[random.nextInt(persons)]++;
      }
      return counts;
    }
    double stop = (double) persons / reports; // P(no further report) for mean reports/persons
    for (int p = 0; p < persons; p++) {
      while (stop < 1 && random.nextDouble() >= stop) {
        counts[p]++;
      }
    }
    return counts;
  }

  private static Labelled withId(Labelled labelled, String reportId) {
    ReportFacts f = labelled.report();
    return new Labelled(
        new ReportFacts(
            reportId,
            f.name(),
            f.birthYear(),
            f.city(),
            f.detainedOn(),
            f.policeStation(),
            f.source()),
        labelled.personId());
  }

  private Person person(String id, List<Person> earlier) {
    double kind = random.nextDouble();
    if (!earlier.isEmpty() && kind < settings.namesakeShare()) {
      Person other = earlier.get(random.nextInt(earlier.size()));
      if (commonSurnames.contains(other.surname())) {
        return namesake(id, other);
      }
    }
    if (!earlier.isEmpty() && kind < settings.namesakeShare() + settings.relativeShare()) {
      return relative(id, earlier.get(random.nextInt(earlier.size())));
    }
    Sex sex = random.nextDouble() < 0.65 ? Sex.MALE : Sex.FEMALE;
    Places.City home = city();
    return new Person(
        id,
        sex,
        given(sex),
        surname(),
        zipf(men, GIVEN_NAME_ZIPF),
        birthYear(),
        home,
        events(home));
  }

  /**
   * Same given name and surname as someone else, otherwise a different person. Only common surnames
   * get namesakes this way, as in life; rare ones get them only by chance.
   */
  private Person namesake(String id, Person other) {
    Places.City home = random.nextBoolean() ? other.home() : city();
    return new Person(
        id,
        other.sex(),
        other.given(),
        other.surname(),
        zipf(men, GIVEN_NAME_ZIPF),
        birthYear(),
        home,
        events(home));
  }

  /**
   * A spouse (the other sex, another father) or a sibling (the same father), same surname, same
   * home; detained with them (same days, cities, stations) for the settings' share of relatives.
   */
  private Person relative(String id, Person other) {
    boolean spouse = random.nextBoolean();
    Sex sex;
    if (spouse) {
      sex = other.sex() == Sex.MALE ? Sex.FEMALE : Sex.MALE;
    } else {
      sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
    }
    GivenNames.FullName father = spouse ? zipf(men, GIVEN_NAME_ZIPF) : other.father();
    int year = Math.clamp(other.birthYear() + random.nextInt(-8, 9), 1940, 2007);
    GivenNames.FullName given = given(sex);
    while (given.equals(other.given())) {
      given = given(sex); // parents do not give two children one name
    }
    boolean together =
        settings.relativesTogether() > 0 && random.nextDouble() < settings.relativesTogether();
    return new Person(
        id,
        sex,
        given,
        other.surname(),
        father,
        year,
        other.home(),
        together ? other.events() : events(other.home()));
  }

  private Labelled report(Person person) {
    Event event = person.events().get(random.nextInt(person.events().size()));
    String source = SOURCES[pick(SOURCE_WEIGHTS)];
    OptionalInt year = OptionalInt.empty();
    double yearGiven =
        Double.isNaN(settings.missingYear())
            ? (source.equals("press") ? 0.3 : 0.55)
            : 1 - settings.missingYear();
    if (random.nextDouble() < yearGiven) {
      int offByOne = random.nextDouble() < 0.07 ? (random.nextBoolean() ? 1 : -1) : 0;
      year = OptionalInt.of(person.birthYear() + offByOne);
    }
    String city = random.nextDouble() < 0.75 ? cityName(event.city()) : "";
    Optional<LocalDate> day =
        random.nextDouble() < 0.92 ? Optional.of(event.day()) : Optional.empty();
    String station =
        random.nextDouble() < 1 - settings.missingStation() ? stationName(event.district()) : "";
    String name = noise(name(person, source));
    return new Labelled(new ReportFacts("", name, year, city, day, station, source), person.id());
  }

  /**
   * How each kind of source tends to write a name; with a set Latin share, the script is decided
   * first and the sources' forms are written in it.
   */
  private String name(Person p, String source) {
    String surname = surnameFor(p.surname(), p.sex());
    String given = p.given().cyrillic();
    String patronymic = patronymic(p.father().cyrillic(), p.sex());
    if (settings.missingPatronymic() > 0 && random.nextDouble() < settings.missingPatronymic()) {
      patronymic = "";
    }
    if (Double.isNaN(settings.latinShare())) {
      return sourceForm(p, source, surname, given, patronymic, false);
    }
    boolean latin = random.nextDouble() < settings.latinShare();
    Romanisation system = settings.systems().get(random.nextInt(settings.systems().size()));
    UnaryOperator<String> script = latin ? system::write : UnaryOperator.identity();
    if (settings.pressFormShare() > 0 && random.nextDouble() < settings.pressFormShare()) {
      return script.apply(surname).toUpperCase(Locale.ROOT) + ", " + script.apply(given);
    }
    return script.apply(sourceForm(p, source, surname, given, patronymic, true));
  }

  private String sourceForm(
      Person p,
      String source,
      String surname,
      String given,
      String patronymic,
      boolean cyrillicOnly) {
    String initials =
        patronymic.isEmpty() ? initial(given) : initial(given) + " " + initial(patronymic);
    if (settings.initialsShare() > 0 && random.nextDouble() < settings.initialsShare()) {
      return random.nextBoolean() ? surname + " " + initials : initials + " " + surname;
    }
    String form = form(p, source, surname, given, patronymic, initials, cyrillicOnly);
    return patronymic.isEmpty() ? form.strip().replaceAll(" +", " ") : form;
  }

  private String form(
      Person p,
      String source,
      String surname,
      String given,
      String patronymic,
      String initials,
      boolean cyrillicOnly) {
    double r = random.nextDouble();
    return switch (source) {
      case "self" ->
          r < 0.6
              ? surname + " " + given + " " + patronymic
              : r < 0.9 || cyrillicOnly ? given + " " + surname : passport(surname, given);
      case "relative" ->
          r < 0.45
              ? diminutive(p.given()) + " " + surname
              : r < 0.8 ? given + " " + surname : surname + " " + given + " " + patronymic;
      case "witness" ->
          r < 0.5
              ? given + " " + surname
              : r < 0.7
                  ? diminutive(p.given()) + " " + surname
                  : r < 0.85 ? surname + " " + given : surname + " " + initials;
      case "lawyer" ->
          r < 0.6
              ? surname + " " + given + " " + patronymic
              : r < 0.9 ? surname + " " + initials : initials + " " + surname;
      default -> press(p, surname, given, patronymic, r, cyrillicOnly);
    };
  }

  private String press(
      Person p, String surname, String given, String patronymic, double r, boolean cyrillicOnly) {
    if (r < 0.5 && !cyrillicOnly) {
      List<Romanisation> systems = settings.systems();
      Romanisation system =
          random.nextDouble() < 0.6
              ? Romanisation.PRESS
              : systems.get(random.nextInt(systems.size()));
      // English-language reports often give a woman her husband's or father's surname form.
      String written = random.nextDouble() < 0.15 ? p.surname() : surname;
      return system.write(given + " " + written);
    }
    return r < 0.9 ? given + " " + surname : given + " " + patronymic + " " + surname;
  }

  /** Russian passports since 2013 print the name in ICAO 9303 capitals, surname first. */
  private static String passport(String surname, String given) {
    return Romanisation.ICAO.write(surname + " " + given).toUpperCase(Locale.ROOT);
  }

  private String diminutive(GivenNames.FullName name) {
    return name.forms().isEmpty()
        ? name.cyrillic()
        : name.forms().get(random.nextInt(name.forms().size()));
  }

  private static String initial(String word) {
    return word.charAt(0) + ".";
  }

  /** ё written as е, typos, and case as typed. */
  private String noise(String name) {
    String out = name;
    if (out.indexOf('ё') >= 0 && random.nextBoolean()) {
      out = out.replace('ё', 'е');
    }
    if (random.nextDouble() < settings.typoRate()) {
      out = typo(out);
    }
    double r = random.nextDouble();
    if (r < settings.capsShare()) {
      out = out.toUpperCase(Locale.ROOT);
    } else if (r < settings.capsShare() + 0.03) {
      out = out.toLowerCase(Locale.ROOT);
    }
    return out;
  }

  /** One dropped, doubled, swapped or wrong letter, away from the word's first letter. */
  private String typo(String name) {
    String[] words = name.split(" ");
    int w = random.nextInt(words.length);
    String word = words[w];
    if (word.length() < 4) {
      return name;
    }
    int at = random.nextInt(1, word.length() - 1);
    StringBuilder b = new StringBuilder(word);
    switch (random.nextInt(4)) {
      case 0 -> b.deleteCharAt(at);
      case 1 -> b.insert(at, b.charAt(at));
      case 2 -> {
        char c = b.charAt(at);
        b.setCharAt(at, b.charAt(at + 1));
        b.setCharAt(at + 1, c);
      }
      default -> b.setCharAt(at, PhoneticKey.hasCyrillic(word) ? 'о' : 'o');
    }
    words[w] = b.toString();
    return String.join(" ", words);
  }

  static String surnameFor(String masculine, Sex sex) {
    if (sex == Sex.MALE) {
      return masculine;
    }
    if (masculine.endsWith("ий") || masculine.endsWith("ый") || masculine.endsWith("ой")) {
      return masculine.substring(0, masculine.length() - 2) + "ая";
    }
    if (masculine.matches(".*(ов|ев|ёв|ин|ын)$")) {
      return masculine + "а";
    }
    return masculine;
  }

  /** The patronymic formed from the father's given name, by the rules and their exceptions. */
  static String patronymic(String father, Sex sex) {
    String male =
        switch (father) {
          case "Илья" -> "Ильич";
          case "Никита" -> "Никитич";
          case "Лев" -> "Львович";
          case "Пётр" -> "Петрович";
          case "Павел" -> "Павлович";
          case "Михаил" -> "Михайлович";
          case "Дмитрий", "Георгий" -> father.substring(0, father.length() - 1) + "евич";
          default -> regularPatronymic(father);
        };
    if (sex == Sex.MALE) {
      return male;
    }
    if (male.equals("Ильич")) {
      return "Ильинична";
    }
    return male.endsWith("вич")
        ? male.substring(0, male.length() - 2) + "на"
        : male.substring(0, male.length() - 2) + "ична";
  }

  private static String regularPatronymic(String father) {
    if (father.endsWith("ий")) {
      return father.substring(0, father.length() - 2) + "ьевич";
    }
    if (father.endsWith("й")) {
      return father.substring(0, father.length() - 1) + "евич";
    }
    if (father.endsWith("ь")) {
      return father.substring(0, father.length() - 1) + "евич";
    }
    return father + "ович";
  }

  private String cityName(Places.City city) {
    return chance(1 - settings.cityVariantShare())
        ? city.name()
        : city.variants().get(random.nextInt(city.variants().size()));
  }

  private String stationName(String district) {
    String form = STATION_FORMS[random.nextInt(STATION_FORMS.length)];
    String name = form.startsWith("OVD") ? Romanisation.BGN.write(district) : district;
    return String.format(Locale.ROOT, form, name);
  }

  private List<Event> events(Places.City home) {
    int count =
        random.nextDouble() < 1 - settings.repeatShare()
            ? 1
            : random.nextDouble() < 0.6 ? 2 : random.nextInt(3, 6);
    count = Math.min(count, protestDays.size());
    List<Event> events = new ArrayList<>(count);
    List<LocalDate> days = new ArrayList<>(count);
    while (days.size() < count) {
      LocalDate day = protestDays.get(random.nextInt(protestDays.size()));
      if (!days.contains(day)) {
        days.add(day); // one detention a day: nobody is detained in Moscow and Kazan on one day
      }
    }
    for (LocalDate day : days) {
      Places.City city = random.nextDouble() < 1 - settings.otherCityShare() ? home : city();
      int cityIndex = Places.cities().indexOf(city);
      String district =
          DISTRICTS[
              (cityIndex * 3 + random.nextInt(settings.stationsPerCity())) % DISTRICTS.length];
      events.add(new Event(day, city, district));
    }
    return events;
  }

  /** Moscow for 40 %, St Petersburg for 20 %, the rest of the settings' cities evenly. */
  private Places.City city() {
    List<Places.City> cities = Places.cities();
    if (settings.cities() > 0) {
      cities = cities.subList(0, Math.min(settings.cities(), cities.size()));
    }
    double r = random.nextDouble();
    if (r < CITY_WEIGHTS[0] || cities.size() == 1) {
      return cities.get(0);
    }
    if (r < CITY_WEIGHTS[0] + CITY_WEIGHTS[1] || cities.size() == 2) {
      return cities.get(1);
    }
    return cities.get(random.nextInt(2, cities.size()));
  }

  /**
   * True with the given probability; an even chance is drawn as a coin toss, as the generator
   * always did, so that the default setting gives the same data for a seed as before settings.
   */
  private boolean chance(double probability) {
    return probability == 0.5 ? random.nextBoolean() : random.nextDouble() < probability;
  }

  private GivenNames.FullName given(Sex sex) {
    return zipf(sex == Sex.MALE ? men : women, GIVEN_NAME_ZIPF);
  }

  /**
   * By default half of all people bear one of the common surnames of the list; the other half bear
   * one of the long tail of rare ones, made here from syllables (some 400,000 possible). With a set
   * pool, everyone bears one of the pool's surnames, by Zipf's law over the whole pool.
   */
  private String surname() {
    if (settings.surnamePool() > 0) {
      return zipf(surnames, settings.zipf());
    }
    if (random.nextDouble() >= SURNAME_TAIL_SHARE) {
      return zipf(surnames, settings.zipf());
    }
    StringBuilder name = new StringBuilder(pickFrom(ONSETS)).append(pickFrom(VOWELS));
    if (random.nextBoolean()) {
      name.append(pickFrom(MIDDLES)).append(pickFrom(VOWELS));
    }
    return name.append(pickFrom(MIDDLES)).append(pickFrom(ENDINGS)).toString();
  }

  private String pickFrom(String[] options) {
    return options[random.nextInt(options.length)];
  }

  /** Born 1950–2007, most of them young adults, as detainees at street protests are. */
  private int birthYear() {
    return random.nextDouble() < 0.7 ? random.nextInt(1985, 2008) : random.nextInt(1950, 1985);
  }

  /**
   * Picks from a list ordered by popularity, the k-th with weight 1/k^exponent; the default's 0.6
   * gives the most common surname of the built-in list (Смирнов) about 2% of people and the most
   * common given name about 13% of its sex, near the Russian figures (1.8% and 8–10%).
   */
  private <T> T zipf(List<T> items, double exponent) {
    int size = items.size();
    double[] cumulative =
        zipfCumulative.computeIfAbsent(
            size + "^" + exponent,
            key -> {
              double[] c = new double[size];
              double sum = 0;
              for (int k = 1; k <= size; k++) {
                sum += Math.pow(k, -exponent);
                c[k - 1] = sum;
              }
              return c;
            });
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int at = Arrays.binarySearch(cumulative, target);
    return items.get(Math.min(items.size() - 1, at >= 0 ? at : -at - 1));
  }

  private int pick(double[] weights) {
    double r = random.nextDouble();
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      if (r < sum) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /**
   * The built-in list, or a pool of the given size: the list's common surnames first (cut if the
   * pool is smaller), then rare ones made from syllables, in a fixed order.
   */
  private static List<String> surnamePool(List<String> common, int size) {
    if (size == 0) {
      return common;
    }
    Set<String> pool = new LinkedHashSet<>(common.subList(0, Math.min(size, common.size())));
    // the onset varies fastest, so that neighbouring ranks do not all begin with one letter
    for (String inner : INNER_SYLLABLES) {
      for (String middle : MIDDLES) {
        for (String ending : ENDINGS) {
          for (String vowel : VOWELS) {
            for (String onset : ONSETS) {
              if (pool.size() == size) {
                return List.copyOf(pool);
              }
              pool.add(onset + vowel + inner + middle + ending);
            }
          }
        }
      }
    }
    return List.copyOf(pool);
  }

  private static List<String> loadSurnames() {
    List<String> names = new ArrayList<>();
    try (InputStream in = Generator.class.getResourceAsStream("surnames.txt");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(names);
  }
}
