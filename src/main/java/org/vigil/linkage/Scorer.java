package org.vigil.linkage;

import java.util.Set;

/**
 * A Fellegi–Sunter match score for two reports: the sum over fields of log2(m/u), where m is the
 * chance of the observed agreement when both reports are about the same person and u the chance of
 * it between two different people. Missing values weigh nothing.
 *
 * <p>The m-probabilities are documented defaults, set from how reports err (a surname survives
 * transliteration and typos in nine reports out of ten; birth years are off by one in a few). The
 * u-probabilities of agreement come from the data: the share of the agreed value among known
 * reports ({@link Frequencies}), so "Иван Иванов" scores lower than "Алексей Навальный" and needs
 * the birth year or the city to pass the merge threshold.
 */
final class Scorer {
  private static final double SURNAME_AGREES = 0.92;
  private static final double GIVEN_AGREES = 0.90;
  private static final double CITY_AGREES = 0.90;
  private static final double SAME_DAY = 0.60;
  private static final double SAME_STATION = 0.70;

  /** Typos and unlisted spellings: similar but not equal keys. */
  private static final double SIMILAR = log2(0.04 / 0.002);

  /**
   * Reports about one person almost never disagree on a name once typos and hypocorisms are
   * accounted for; siblings and spouses, who share everything else, differ exactly here.
   */
  private static final double NAME_DIFFERS = log2(0.01 / 0.97);

  /** A surname changes (on marriage) far more rarely than reports share other facts by chance. */
  private static final double SURNAME_DIFFERS = log2(0.003 / 0.99);

  private static final double INITIAL_AGREES = 0.95;
  private static final double INITIAL_DIFFERS = log2(0.01 / 0.93);
  private static final double PATRONYMIC_AGREES = 0.90;
  private static final double PATRONYMIC_DIFFERS = log2(0.01 / 0.97);

  /** A man's and a woman's name never belong to one person; this vetoes a merge by itself. */
  static final double SEX_DIFFERS = -20;

  private static final double YEAR_AGREES = 0.85;
  private static final double YEAR_OFF_BY_ONE = 0.10;
  private static final double YEAR_DIFFERS = log2(0.01 / 0.95);
  private static final double CITY_DIFFERS = log2(0.10 / 0.95);

  /** The same person is often detained again on another day; a different day says little. */
  private static final double DAY_DIFFERS = log2(0.40 / 0.95);

  private static final double STATION_DIFFERS = log2(0.20 / 0.95);

  /** The same station without the day: most people are detained once, at one station. */
  private static final double STATION_ANY_DAY = 0.80;

  private static final double STATION_DIFFERS_ANY_DAY = log2(0.20 / 0.95);

  /**
   * One person is detained once on a day, in one city: two reports of the same day that name two
   * cities are about one person only if one of them got the city wrong.
   */
  private static final double OTHER_CITY_SAME_DAY = 0.003;

  private final Frequencies frequencies;

  Scorer(Frequencies frequencies) {
    this.frequencies = frequencies;
  }

  /**
   * The score of the two reports under the readings of their names that agree best: a Latin name
   * read several ways (German, French, Polish or English) is the person of whichever reading fits.
   */
  double score(Evidence a, Evidence b) {
    if (a.names().size() == 1 && b.names().size() == 1) {
      return score(a.name(), b.name(), a, b);
    }
    double best = Double.NEGATIVE_INFINITY;
    for (PersonName x : a.names()) {
      for (PersonName y : b.names()) {
        best = Math.max(best, score(x, y, a, b));
      }
    }
    return best;
  }

  private double score(PersonName x, PersonName y, Evidence a, Evidence b) {
    if (x.sex().conflictsWith(y.sex())) {
      return SEX_DIFFERS;
    }
    double names = names(x, y) + patronymic(x, y) + birthYear(a.birthYear(), b.birthYear());
    if (inTwoCitiesOnOneDay(a, b)) {
      return names
          + agreement(Frequencies.Field.DAY, SAME_DAY, a.day())
          + log2(OTHER_CITY_SAME_DAY / (1 - frequencies.share(Frequencies.Field.CITY, a.city())));
    }
    return names + city(a.city(), b.city()) + dayAndStation(a, b);
  }

  /**
   * Detained on the same day in two different cities: one person cannot be. Only cities both
   * recognised count: an unrecognised spelling may be a recognised city written another way.
   */
  static boolean inTwoCitiesOnOneDay(Evidence a, Evidence b) {
    return a.day() != Evidence.UNKNOWN
        && a.day() == b.day()
        && Places.isKnownCity(a.city())
        && Places.isKnownCity(b.city())
        && !a.city().equals(b.city());
  }

  /** Surname and given name alone. */
  double givenAndSurname(PersonName x, PersonName y) {
    return names(x, y);
  }

  /** The patronymic alone. */
  double patronymicScore(PersonName x, PersonName y) {
    return patronymic(x, y);
  }

  Frequencies frequencies() {
    return frequencies;
  }

  private double names(PersonName x, PersonName y) {
    if (!x.surname().isEmpty()
        && x.given().contains(y.surname())
        && y.given().contains(x.surname())) {
      // the same two words, each report taking the other one for the surname
      return agreement(Frequencies.Field.SURNAME, SURNAME_AGREES, x.surname())
          + agreement(Frequencies.Field.SURNAME, SURNAME_AGREES, y.surname());
    }
    return surname(x.surname(), y.surname()) + given(x, y);
  }

  private double surname(String x, String y) {
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    if (x.equals(y)) {
      return agreement(Frequencies.Field.SURNAME, SURNAME_AGREES, x);
    }
    return Similarity.typo(x, y) ? SIMILAR : SURNAME_DIFFERS;
  }

  private double given(PersonName x, PersonName y) {
    if (x.given().isEmpty() || y.given().isEmpty()) {
      return givenInitial(x, y);
    }
    double best = Double.NEGATIVE_INFINITY;
    for (String g : x.given()) {
      if (y.given().contains(g)) {
        best = Math.max(best, agreement(Frequencies.Field.GIVEN, GIVEN_AGREES, g));
      }
    }
    if (best > Double.NEGATIVE_INFINITY) {
      return best;
    }
    return anySimilar(x.given(), y.given()) ? SIMILAR : NAME_DIFFERS;
  }

  /**
   * Whether two sets of given-name readings may be one name with a typo: close keys, or a word that
   * is no known name but one typo from a form of one of the other's names (Мша, Миша, Михаил).
   */
  static boolean anySimilar(Set<String> xs, Set<String> ys) {
    for (String x : xs) {
      for (String y : ys) {
        if (Similarity.typo(x, y)) {
          return true;
        }
      }
    }
    return nearForm(xs, ys) || nearForm(ys, xs);
  }

  private static boolean nearForm(Set<String> xs, Set<String> ys) {
    if (xs.size() != 1) {
      return false;
    }
    Set<String> near = GivenNames.standard().near(xs.iterator().next());
    for (String y : ys) {
      if (near.contains(y)) {
        return true;
      }
    }
    return false;
  }

  /** An initial agrees with a full given name if it begins any of the name's readings. */
  private double givenInitial(PersonName x, PersonName y) {
    PersonName initialOnly = x.given().isEmpty() ? x : y;
    PersonName other = initialOnly == x ? y : x;
    if (other.given().isEmpty()) {
      return initial(Frequencies.Field.GIVEN_INITIAL, x.givenInitial(), y.givenInitial());
    }
    String letter = initialOnly.givenInitial();
    if (letter.isEmpty()) {
      return 0;
    }
    for (String g : other.given()) {
      if (g.startsWith(letter)) {
        return agreement(Frequencies.Field.GIVEN_INITIAL, INITIAL_AGREES, letter);
      }
    }
    return INITIAL_DIFFERS;
  }

  private double initial(Frequencies.Field field, String x, String y) {
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    return x.equals(y) ? agreement(field, INITIAL_AGREES, x) : INITIAL_DIFFERS;
  }

  private double patronymic(PersonName x, PersonName y) {
    if (x.patronymic().isEmpty() || y.patronymic().isEmpty()) {
      return initial(
          Frequencies.Field.PATRONYMIC_INITIAL, x.patronymicInitial(), y.patronymicInitial());
    }
    if (x.patronymic().equals(y.patronymic())) {
      return agreement(Frequencies.Field.PATRONYMIC, PATRONYMIC_AGREES, x.patronymic());
    }
    return PersonName.sameFather(
            x.patronymic(), x.patronymicWord(), y.patronymic(), y.patronymicWord())
        ? SIMILAR
        : PATRONYMIC_DIFFERS;
  }

  /**
   * Birth years weigh by how common they are among reports: most detainees are young, so two
   * reports agreeing on 2001 is a smaller coincidence than two agreeing on 1956.
   */
  private double birthYear(int x, int y) {
    if (x == Evidence.UNKNOWN || y == Evidence.UNKNOWN) {
      return 0;
    }
    int gap = Math.abs(x - y);
    if (gap == 0) {
      return agreement(Frequencies.Field.YEAR, YEAR_AGREES, x);
    }
    if (gap == 1) {
      double u =
          frequencies.share(Frequencies.Field.YEAR, x)
              + frequencies.share(Frequencies.Field.YEAR, y);
      return log2(YEAR_OFF_BY_ONE / u);
    }
    return YEAR_DIFFERS;
  }

  private double city(String x, String y) {
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    return x.equals(y) ? agreement(Frequencies.Field.CITY, CITY_AGREES, x) : CITY_DIFFERS;
  }

  /** A police station only means something on the day of the detention. */
  private double dayAndStation(Evidence a, Evidence b) {
    if (a.day() == Evidence.UNKNOWN || b.day() == Evidence.UNKNOWN) {
      return stationOnUnknownDay(a.station(), b.station());
    }
    if (a.day() != b.day()) {
      return DAY_DIFFERS;
    }
    double day = agreement(Frequencies.Field.DAY, SAME_DAY, a.day());
    if (a.station().isEmpty() || b.station().isEmpty()) {
      return day;
    }
    return day
        + (a.station().equals(b.station())
            ? agreement(Frequencies.Field.STATION, SAME_STATION, a.station())
            : STATION_DIFFERS);
  }

  /**
   * Without the day, a police station still says something: most people are detained once, and each
   * detention has one station.
   */
  private double stationOnUnknownDay(String x, String y) {
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    return x.equals(y)
        ? agreement(Frequencies.Field.STATION, STATION_ANY_DAY, x)
        : STATION_DIFFERS_ANY_DAY;
  }

  private double agreement(Frequencies.Field field, double m, Object value) {
    return log2(m / frequencies.share(field, value));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
