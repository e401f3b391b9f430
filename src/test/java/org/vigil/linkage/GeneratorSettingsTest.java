package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.Main;
import picocli.CommandLine;

/** Each axis of the generator's settings moves the data it makes, and only as configured. */
class GeneratorSettingsTest {
  @TempDir Path dir;

  private static List<Generator.Labelled> generate(String setting, int persons) {
    GeneratorSettings s = GeneratorSettings.NAMED.get(setting);
    return new Generator(17, s).generate(persons, (int) Math.round(persons * s.reportsPerPerson()));
  }

  @Test
  void theDefaultSettingGivesTheDataItAlwaysGave() throws Exception {
    // the digest of the data as the generator made them before it had settings
    StringBuilder all = new StringBuilder();
    new Generator(9).generate(200, 600).forEach(l -> all.append(l).append('\n'));
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(all.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(DEFAULT_DIGEST);
  }

  private static final String DEFAULT_DIGEST =
      "7d1e7f70187e085d22f31d4d0d0854476b87b2175a420ca4e5ab215e94c31edd";

  @Property(tries = 22)
  void sameSeedAndSettingSameData(
      @ForAll @IntRange(min = 0, max = 10) int setting, @ForAll @LongRange(max = 1000) long seed) {
    GeneratorSettings s = List.copyOf(GeneratorSettings.NAMED.values()).get(setting);
    assertThat(new Generator(seed, s).generate(30, 70))
        .isEqualTo(new Generator(seed, s).generate(30, 70));
  }

  @Test
  void fewSurnamesMeansAFewHundredSurnamesForEveryone() {
    GeneratorSettings few = GeneratorSettings.NAMED.get("few-surnames").with(b -> b.typoRate = 0);
    List<Generator.Labelled> data = new Generator(3, few).generate(5_000, 11_500);
    Map<String, Integer> surnames = surnameCounts(data);
    // a few words the test's reading takes for a surname are unknown given-name forms
    assertThat(surnames.size()).isLessThanOrEqualTo(few.surnamePool() + 10);
    assertThat(surnameCounts(generate("default", 2_000)).size()).isGreaterThan(2 * 300);
  }

  @Test
  void realisticSurnamesAreManyAndTheCommonOnesAsFrequentAsInRussia() {
    GeneratorSettings realistic =
        GeneratorSettings.NAMED
            .get("realistic")
            .with(
                b -> {
                  b.typoRate = 0;
                  b.latinShare = 0;
                });
    List<Generator.Labelled> data = new Generator(3, realistic).generate(20_000, 20_000);
    Map<String, Integer> surnames = surnameCounts(data);
    assertThat(surnames.size()).isGreaterThan(8_000);
    double smirnov = surnames.getOrDefault("смирнов", 0) / 20_000.0;
    assertThat(smirnov).isCloseTo(0.0114, within(0.003));
  }

  @Test
  void sparseHasAboutTwoReportsAPersonAndMostYearsMissing() {
    List<Generator.Labelled> data = generate("sparse", 10_000);
    assertThat(data.size() / 10_000.0).isCloseTo(2.3, within(0.05));
    Map<String, Long> perPerson =
        data.stream()
            .collect(Collectors.groupingBy(Generator.Labelled::personId, Collectors.counting()));
    double once = perPerson.values().stream().filter(n -> n == 1).count() / 10_000.0;
    assertThat(once).as("geometric: 1/2.3 reported once").isCloseTo(1 / 2.3, within(0.02));
    assertThat(share(data, l -> l.report().birthYear().isEmpty())).isCloseTo(0.7, within(0.02));
    assertThat(share(data, l -> l.report().policeStation().isEmpty()))
        .isCloseTo(0.85, within(0.02));
    assertThat(share(generate("default", 2_000), l -> l.report().birthYear().isEmpty()))
        .isCloseTo(0.5, within(0.03));
  }

  @Test
  void latinHeavyWritesMostNamesInEverySystem() {
    List<Generator.Labelled> data = generate("latin-heavy", 3_000);
    assertThat(share(data, l -> !PhoneticKey.hasCyrillic(l.report().name())))
        .isCloseTo(0.7, within(0.02));
    List<String> names = data.stream().map(l -> l.report().name()).toList();
    assertThat(names).anyMatch(n -> n.matches(".*(?i:tsch|sch).*")); // German
    assertThat(names).anyMatch(n -> n.matches(".*(?i:ou).*")); // French
    assertThat(names).anyMatch(n -> n.matches(".*(?i:sz|cz).*")); // Polish
    assertThat(names).anyMatch(n -> n.matches(".*[šžčŝ].*")); // ISO 9
    assertThat(names).anyMatch(n -> n.contains("`") || n.contains("y'")); // GOST 7.79 B
    assertThat(share(generate("default", 2_000), l -> !PhoneticKey.hasCyrillic(l.report().name())))
        .isLessThan(0.15);
  }

  @Test
  void pressWritesSurnameFirstInCapitalsWithAComma() {
    List<Generator.Labelled> data = generate("press", 3_000);
    assertThat(share(data, l -> l.report().name().matches("[\\p{Lu}' `-]+, .+")))
        .isCloseTo(0.4, within(0.03));
    assertThat(share(data, l -> l.report().name().matches("(.* )?\\p{L}\\..*")))
        .as("initials")
        .isGreaterThan(0.15);
    assertThat(share(generate("default", 2_000), l -> l.report().name().contains(","))).isZero();
  }

  @Test
  void typosMisspellGivenNamesFarMoreOftenThanByDefault() {
    double typos = shareWithoutAKnownGivenName(generate("typos", 3_000));
    double byDefault = shareWithoutAKnownGivenName(generate("default", 1_000));
    assertThat(typos).isGreaterThan(0.06);
    assertThat(typos).isGreaterThan(4 * byDefault);
  }

  /** Cyrillic names written in full whose given name is no known name or form: a typo hit it. */
  private static double shareWithoutAKnownGivenName(List<Generator.Labelled> data) {
    List<String> full =
        data.stream()
            .map(l -> l.report().name())
            .filter(n -> PhoneticKey.hasCyrillic(n) && !n.contains("."))
            .toList();
    return full.stream()
            .filter(
                n ->
                    java.util.Arrays.stream(n.toLowerCase(Locale.ROOT).split("[ ,]+"))
                        .noneMatch(w -> GIVEN.contains(w.replace('ё', 'е'))))
            .count()
        / (double) full.size();
  }

  @Test
  void familiesShareSurnameCityDayAndStation() {
    assertThat(shareWithRelativeAtTheirSide(generate("families", 4_000))).isGreaterThan(0.2);
    GeneratorSettings defaultAtThree = GeneratorSettings.DEFAULT.with(b -> b.reportsPerPerson = 3);
    assertThat(
            shareWithRelativeAtTheirSide(new Generator(17, defaultAtThree).generate(4_000, 12_000)))
        .isLessThan(0.05);
  }

  @Test
  void oneDayPutsEveryoneOnOneDayInAFewCities() {
    List<Generator.Labelled> data = generate("one-day", 3_000);
    assertThat(data.stream().flatMap(l -> l.report().detainedOn().stream()).distinct()).hasSize(1);
    assertThat(
            data.stream()
                .map(l -> l.report().city())
                .filter(c -> !c.isEmpty())
                .map(Places::cityKey)
                .distinct())
        .hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void repeatersAreDetainedOnSeveralDaysAndInSeveralCities() {
    assertThat(personsSeenOnSeveralDays(generate("repeaters", 3_000))).isGreaterThan(0.55);
    assertThat(personsSeenOnSeveralDays(generate("default", 3_000))).isLessThan(0.3);
  }

  @Test
  void daysOverrideBoundsTheDistinctDays() {
    GeneratorSettings tenDays = GeneratorSettings.DEFAULT.with(b -> b.days = 10);
    assertThat(
            new Generator(1, tenDays)
                .generate(1_000, 3_000).stream()
                    .flatMap(l -> l.report().detainedOn().stream())
                    .distinct())
        .hasSizeLessThanOrEqualTo(10);
  }

  @Test
  void generateTakesASettingAndOverrides() throws Exception {
    StringWriter out = new StringWriter();
    int exit =
        run(
            out,
            new StringWriter(),
            "link-bench",
            "generate",
            "--setting",
            "sparse",
            "--persons",
            "500",
            "--seed",
            "2",
            "--missing-year",
            "0",
            "--out",
            dir.toString());
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("about 500 persons").contains("setting sparse");
    List<String> rows = Files.readAllLines(dir.resolve("reports.csv"), StandardCharsets.UTF_8);
    assertThat(rows.size() - 1).isBetween(1_000, 1_300);
    assertThat(rows.stream().skip(1).map(r -> r.split(",", -1)))
        .noneMatch(fields -> fields[fields.length - 5].isEmpty()); // every birth year given
  }

  @Test
  void generateRejectsBadValuesNamingTheFlag() {
    for (String[] bad :
        List.of(
            new String[] {"--setting", "nonsense"},
            new String[] {"--surnames", "0"},
            new String[] {"--zipf", "-1"},
            new String[] {"--reports-per-person", "0.5"},
            new String[] {"--latin-share", "1.5"},
            new String[] {"--missing-year", "-0.1"},
            new String[] {"--days", "0"})) {
      StringWriter err = new StringWriter();
      int exit =
          run(
              new StringWriter(),
              err,
              "link-bench",
              "generate",
              "--persons",
              "10",
              "--seed",
              "1",
              "--out",
              dir.toString(),
              bad[0],
              bad[1]);
      assertThat(exit).as(bad[0]).isEqualTo(2);
      assertThat(err.toString()).as(bad[0]).contains(bad[0] + " must");
    }
  }

  @Test
  void helpListsEveryNamedSettingWithItsDescription() {
    StringWriter out = new StringWriter();
    run(out, new StringWriter(), "link-bench", "generate", "--help");
    assertThat(GeneratorSettings.NAMED).hasSizeGreaterThanOrEqualTo(9);
    for (GeneratorSettings s : GeneratorSettings.NAMED.values()) {
      assertThat(out.toString()).contains("  " + s.name() + " ");
    }
    assertThat(out.toString()).contains("70 % in Latin letters");
  }

  private static int run(StringWriter stdout, StringWriter stderr, String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(stdout));
    cli.setErr(new PrintWriter(stderr));
    return cli.execute(args);
  }

  private static double share(List<Generator.Labelled> data, Predicate<Generator.Labelled> test) {
    return data.stream().filter(test).count() / (double) data.size();
  }

  /**
   * Persons per masculine surname, read from the Cyrillic reports of each person: the word that is
   * a surname of the generator's list or pool in either sex's form.
   */
  private static Map<String, Integer> surnameCounts(List<Generator.Labelled> data) {
    Map<String, String> personSurname = new HashMap<>();
    for (Generator.Labelled l : data) {
      if (PhoneticKey.hasCyrillic(l.report().name())) {
        for (String word : l.report().name().toLowerCase(Locale.ROOT).split("[ ,]+")) {
          String masculine = masculine(word.replace('ё', 'е'));
          if (masculine.length() > 3 && !word.endsWith(".") && !isGivenOrPatronymic(word)) {
            personSurname.putIfAbsent(l.personId(), masculine);
          }
        }
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    personSurname.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }

  private static final Set<String> GIVEN =
      GivenNames.standard().fullNames().stream()
          .flatMap(
              n ->
                  java.util.stream.Stream.concat(Set.of(n.cyrillic()).stream(), n.forms().stream()))
          .map(n -> n.toLowerCase(Locale.ROOT).replace('ё', 'е'))
          .collect(Collectors.toSet());

  private static boolean isGivenOrPatronymic(String word) {
    String w = word.replace('ё', 'е');
    return GIVEN.contains(w) || w.matches(".*(вич|вна|ична|ьич)");
  }

  private static String masculine(String surname) {
    if (surname.endsWith("ая")) {
      return surname.substring(0, surname.length() - 2) + "ий";
    }
    if (surname.matches(".*(ова|ева|ина|ына)")) {
      return surname.substring(0, surname.length() - 1);
    }
    return surname;
  }

  /** The share of persons with another person of their surname reported on their day and city. */
  private static double shareWithRelativeAtTheirSide(List<Generator.Labelled> data) {
    Map<String, Set<String>> personsAt = new HashMap<>();
    Map<String, Set<String>> keysOf = new HashMap<>();
    for (Generator.Labelled l : data) {
      ReportFacts r = l.report();
      if (!PhoneticKey.hasCyrillic(r.name()) || r.detainedOn().isEmpty() || r.city().isEmpty()) {
        continue;
      }
      for (String word : r.name().toLowerCase(Locale.ROOT).split("[ ,]+")) {
        if (word.length() > 3 && !word.endsWith(".") && !isGivenOrPatronymic(word)) {
          String key =
              masculine(word.replace('ё', 'е'))
                  + " "
                  + r.detainedOn().get()
                  + " "
                  + Places.cityKey(r.city());
          personsAt.computeIfAbsent(key, k -> new HashSet<>()).add(l.personId());
          keysOf.computeIfAbsent(l.personId(), k -> new HashSet<>()).add(key);
        }
      }
    }
    long together =
        keysOf.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(k -> personsAt.get(k).size() > 1))
            .count();
    return together / (double) keysOf.size();
  }

  private static double personsSeenOnSeveralDays(List<Generator.Labelled> data) {
    Map<String, Set<Object>> days = new HashMap<>();
    data.forEach(
        l ->
            l.report()
                .detainedOn()
                .ifPresent(d -> days.computeIfAbsent(l.personId(), k -> new HashSet<>()).add(d)));
    return days.values().stream().filter(d -> d.size() > 1).count() / (double) days.size();
  }
}
