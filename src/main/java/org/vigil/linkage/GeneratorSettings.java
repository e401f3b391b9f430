package org.vigil.linkage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What kind of data the {@link Generator} makes: the population (surname pool and its skew,
 * relatives, namesakes, repeat detainees), the events (days, cities, stations) and the way reports
 * are written (reports per person, Latin script and its systems, name forms, missing facts, typos).
 * {@link #DEFAULT} is the generator Vigil's linkage was first built on; the other named settings
 * each move one or a few axes far from it, so that linkage can be measured on data it was never
 * tuned on (issue 14).
 *
 * <p>Shares are probabilities per person or per report. {@code NaN} for {@link #latinShare} and
 * {@link #missingYear} means "as each kind of source writes it" (the default's mix: about one
 * report in nine in Latin letters, the birth year missing in about half).
 *
 * @param surnamePool distinct surnames people are drawn from; 0 for the default's 267 common ones
 *     plus a syllable-made tail of rare ones for half the people
 * @param zipf the exponent s of the surname and given-name frequencies, rank k weighs 1/k^s
 * @param reportsPerPerson mean reports per person when the number of reports is not given
 * @param geometric reports per person geometric (most people reported once, a few many times)
 *     rather than 1 + an even spread of the rest (about 1 + Poisson)
 * @param systems the romanisations Latin names are written in
 * @param initialsShare reports giving the given name and patronymic as initials only
 * @param pressFormShare reports in the press form "SURNAME, Given"
 * @param capsShare reports typed in capitals
 * @param missingStation reports without a police station
 * @param missingPatronymic reports whose writer leaves the patronymic out
 * @param cityVariantShare reports writing the city in a variant (Мск, Питер, Moskva)
 * @param typoRate reports with one typo in the name
 * @param namesakeShare persons given the full name of an earlier person
 * @param relativeShare persons who are the spouse or sibling of an earlier person
 * @param relativesTogether relatives detained with that person: same days, cities and stations
 * @param repeatShare persons detained at more than one event
 * @param otherCityShare events of a person in another city than their own
 * @param days distinct protest days
 * @param stationsPerCity police stations detainees are taken to in each city
 * @param cities cities with detentions; 0 for all
 */
record GeneratorSettings(
    String name,
    String description,
    int surnamePool,
    double zipf,
    double reportsPerPerson,
    boolean geometric,
    double latinShare,
    List<Romanisation> systems,
    double initialsShare,
    double pressFormShare,
    double capsShare,
    double missingYear,
    double missingStation,
    double missingPatronymic,
    double cityVariantShare,
    double typoRate,
    double namesakeShare,
    double relativeShare,
    double relativesTogether,
    double repeatShare,
    double otherCityShare,
    int days,
    int stationsPerCity,
    int cities) {

  /** Districts the generator names stations after; more stations per city than this repeat. */
  static final int MAX_STATIONS_PER_CITY = 23;

  GeneratorSettings {
    systems = List.copyOf(systems);
    require(surnamePool >= 0, "surnamePool must be 0 (built-in list) or more");
    require(zipf >= 0 && zipf <= 3, "zipf must be between 0 and 3");
    require(reportsPerPerson >= 1, "reportsPerPerson must be at least 1");
    require(!systems.isEmpty(), "systems must not be empty");
    require(days >= 1, "days must be at least 1");
    require(
        stationsPerCity >= 1 && stationsPerCity <= MAX_STATIONS_PER_CITY,
        "stationsPerCity must be between 1 and " + MAX_STATIONS_PER_CITY);
    require(cities == 0 || cities >= 1, "cities must be 0 (all) or at least 1");
    for (double share :
        new double[] {
          initialsShare,
          pressFormShare,
          capsShare,
          missingStation,
          missingPatronymic,
          cityVariantShare,
          typoRate,
          namesakeShare,
          relativeShare,
          relativesTogether,
          repeatShare,
          otherCityShare
        }) {
      require(share >= 0 && share <= 1, "shares must be between 0 and 1");
    }
    require(capsShare <= 0.97, "capsShare must leave room for the 3 % typed in lower case");
    require(namesakeShare + relativeShare <= 1, "namesakeShare + relativeShare must be at most 1");
    require(Double.isNaN(latinShare) || latinShare >= 0 && latinShare <= 1, "latinShare in [0, 1]");
    require(
        Double.isNaN(missingYear) || missingYear >= 0 && missingYear <= 1, "missingYear in [0, 1]");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The generator as linkage was built on: every report's form follows from its source. */
  static final GeneratorSettings DEFAULT =
      new GeneratorSettings(
          "default",
          "Vigil's own: 267 common surnames + rare tail, 10 reports each",
          0,
          0.6,
          10,
          false,
          Double.NaN,
          Romanisation.ORIGINAL,
          0,
          0,
          0.05,
          Double.NaN,
          0.55,
          0,
          0.5,
          0.04,
          0.04,
          0.08,
          0,
          0.25,
          0.1,
          60,
          6,
          0);

  /**
   * A surname pool shaped like Russia's, argued from published frequency figures (Смирнов about 1.3
   * % of people, Иванов about 1 %, over a tail of tens of thousands of surnames), not fitted to any
   * linkage result: a Zipf law over 60,000 surnames with s = 0.7 gives rank 1 1.14 %, rank 2 0.70
   * %, rank 3 0.53 %, the top 100 12 % and the top 1,000 27 %; real heads are flatter than a power
   * law, so ranks 2–3 come out lower than Russia's. See docs/linkage.md.
   */
  static final int REALISTIC_POOL = 60_000;

  static final double REALISTIC_ZIPF = 0.7;

  private static final List<Romanisation> ALL_SYSTEMS = List.of(Romanisation.values());

  /** The named settings, the default first, in the order the grid shows them. */
  static final Map<String, GeneratorSettings> NAMED = named();

  private static Map<String, GeneratorSettings> named() {
    Map<String, GeneratorSettings> all = new LinkedHashMap<>();
    List.of(
            DEFAULT,
            DEFAULT.with(
                "few-surnames",
                "300 surnames for everyone: namesakes at every event, 2.3 each",
                b -> {
                  b.surnamePool = 300;
                  b.reportsPerPerson = 2.3;
                }),
            DEFAULT.with(
                "realistic",
                "60,000 surnames skewed as Russia's, 2.3 reports each",
                b -> {
                  b.surnamePool = REALISTIC_POOL;
                  b.zipf = REALISTIC_ZIPF;
                  b.reportsPerPerson = 2.3;
                }),
            DEFAULT.with(
                "sparse",
                "2.3 reports each (geometric); years, stations mostly missing",
                b -> {
                  b.reportsPerPerson = 2.3;
                  b.geometric = true;
                  b.missingYear = 0.7;
                  b.missingStation = 0.85;
                  b.missingPatronymic = 0.8;
                }),
            DEFAULT.with(
                "latin-heavy",
                "70 % in Latin letters, all eight systems, 4 reports each",
                b -> {
                  b.latinShare = 0.7;
                  b.systems = ALL_SYSTEMS;
                  b.reportsPerPerson = 4;
                }),
            DEFAULT.with(
                "press",
                "\"SURNAME, Given\", capitals, initials, half Latin, 4 each",
                b -> {
                  b.pressFormShare = 0.4;
                  b.capsShare = 0.3;
                  b.initialsShare = 0.3;
                  b.latinShare = 0.5;
                  b.systems = ALL_SYSTEMS;
                  b.reportsPerPerson = 4;
                }),
            DEFAULT.with(
                "typos",
                "a typo in 30 % of names, city variants in 80 %, 4 each",
                b -> {
                  b.typoRate = 0.3;
                  b.cityVariantShare = 0.8;
                  b.reportsPerPerson = 4;
                }),
            DEFAULT.with(
                "families",
                "40 % spouses/siblings, mostly detained together, 3 each",
                b -> {
                  b.relativeShare = 0.4;
                  b.relativesTogether = 0.8;
                  b.reportsPerPerson = 3;
                }),
            DEFAULT.with(
                "one-day",
                "one day, 3 cities, 4 stations each, 2.3 reports each",
                b -> {
                  b.days = 1;
                  b.cities = 3;
                  b.stationsPerCity = 4;
                  b.repeatShare = 0;
                  b.reportsPerPerson = 2.3;
                }),
            DEFAULT.with(
                "repeaters",
                "70 % detained at several events, 40 % in other cities, 5 each",
                b -> {
                  b.repeatShare = 0.7;
                  b.otherCityShare = 0.4;
                  b.reportsPerPerson = 5;
                }),
            DEFAULT.with(
                "independent",
                "issue 14's outside data: 2,000 surnames, sparse, Latin, families",
                b -> {
                  b.surnamePool = 2_000;
                  b.zipf = 0.9;
                  b.reportsPerPerson = 2.3;
                  b.geometric = true;
                  b.latinShare = 0.25;
                  b.systems = ALL_SYSTEMS;
                  b.pressFormShare = 0.1;
                  b.missingYear = 0.5;
                  b.missingStation = 0.6;
                  b.missingPatronymic = 0.5;
                  b.relativeShare = 0.2;
                  b.relativesTogether = 0.7;
                }))
        .forEach(s -> all.put(s.name(), s));
    return java.util.Collections.unmodifiableMap(all);
  }

  /** These settings with some axes changed, under a new name. */
  GeneratorSettings with(String newName, String newDescription, Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build(newName, newDescription);
  }

  /** These settings with some axes changed, keeping the name, for command-line overrides. */
  GeneratorSettings with(Consumer<Builder> change) {
    return with(name, description, change);
  }

  /** The axes, settable one by one. */
  static final class Builder {
    int surnamePool;
    double zipf;
    double reportsPerPerson;
    boolean geometric;
    double latinShare;
    List<Romanisation> systems;
    double initialsShare;
    double pressFormShare;
    double capsShare;
    double missingYear;
    double missingStation;
    double missingPatronymic;
    double cityVariantShare;
    double typoRate;
    double namesakeShare;
    double relativeShare;
    double relativesTogether;
    double repeatShare;
    double otherCityShare;
    int days;
    int stationsPerCity;
    int cities;

    private Builder(GeneratorSettings s) {
      surnamePool = s.surnamePool;
      zipf = s.zipf;
      reportsPerPerson = s.reportsPerPerson;
      geometric = s.geometric;
      latinShare = s.latinShare;
      systems = s.systems;
      initialsShare = s.initialsShare;
      pressFormShare = s.pressFormShare;
      capsShare = s.capsShare;
      missingYear = s.missingYear;
      missingStation = s.missingStation;
      missingPatronymic = s.missingPatronymic;
      cityVariantShare = s.cityVariantShare;
      typoRate = s.typoRate;
      namesakeShare = s.namesakeShare;
      relativeShare = s.relativeShare;
      relativesTogether = s.relativesTogether;
      repeatShare = s.repeatShare;
      otherCityShare = s.otherCityShare;
      days = s.days;
      stationsPerCity = s.stationsPerCity;
      cities = s.cities;
    }

    private GeneratorSettings build(String name, String description) {
      return new GeneratorSettings(
          name,
          description,
          surnamePool,
          zipf,
          reportsPerPerson,
          geometric,
          latinShare,
          systems,
          initialsShare,
          pressFormShare,
          capsShare,
          missingYear,
          missingStation,
          missingPatronymic,
          cityVariantShare,
          typoRate,
          namesakeShare,
          relativeShare,
          relativesTogether,
          repeatShare,
          otherCityShare,
          days,
          stationsPerCity,
          cities);
    }
  }
}
