package org.vigil.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The second step of batch linkage: small persons (fragments) that the pairwise step left apart are
 * compared with whole persons, not report by report, and join the person they most probably are.
 *
 * <p>A person's reports together say far more than any one of them: which days the person was
 * detained on, and where; the birth year most reports give. A sparse report ("Саша Смирнов",
 * Moscow, 2023-07-24) scores the same against every Александр Смирнов report of that day, but
 * against persons it is decisive whether the person was detained on that day at all. Each fragment
 * gets a log2 likelihood ratio against each candidate person (a person sharing a blocking key with
 * it, larger than it), and joins the best one only if that one is more probable than all others and
 * than "nobody linked so far" together. The prior odds that a fragment belongs to one given person
 * are one in the number of persons, so the bar rises with the population: agreeing on a common name
 * says less among 100,000 people than among 10,000.
 *
 * <p>How often a person's report gives a day (or city) that none of the person's other reports
 * gives is estimated on the persons of the pairwise step, by leaving each report out in turn: the
 * more dated reports a person has, the less likely a new report names a new day.
 */
final class Fragments {
  /** Persons of up to this many reports look for a larger person to join. */
  static final int MAX_FRAGMENT = 5;

  /**
   * Rounds of joining: a fragment that joined another small person in the first round may bring it,
   * now larger, to its person in the second.
   */
  static final int ROUNDS = 2;

  /**
   * Log2 of the prior odds, against one in the number of persons, that a fragment belongs to none
   * of the persons linked so far (is a person of its own). A person is reported ten times on
   * average in the benchmark, so a lone report is most often a piece of someone; set from runs on
   * 10,000 to 100,000 generated persons (see docs/linkage.md).
   */
  static final double OWN_PERSON_PRIOR = -12;

  /** Distinct name forms kept per person for comparison, the first by report id. */
  private static final int MAX_NAMES = 12;

  /** Leave-one-out statistics are kept per number of other dated reports, up to this many. */
  private static final int MAX_KNOWN = 12;

  /** Floors for the leave-one-out rates, so that a new day is never impossible. */
  private static final double MIN_NEW = 0.01;

  private static final double MAX_SHARE = 0.95;

  /** The rate of another station on a person's day until there are enough persons to tell. */
  private static final double STATION_DIFFERS = 0.15;

  private static final int NOT_COMPARED = -1;

  private final List<Evidence> reports;
  private final Scorer scorer;
  private final Frequencies frequencies;
  private final int[] component;
  private final int[] rank;
  private final Summary[] profiles;
  private final double[] newDay = new double[MAX_KNOWN + 1];
  private final double[] newCity = new double[MAX_KNOWN + 1];
  private final double[] newStation = new double[MAX_KNOWN + 1];
  private final double bar;

  /**
   * How often a report names another police station than the person's other reports of that day;
   * estimated like the new-day rates (a transfer between stations, a wrong report), else the
   * default.
   */
  private double stationDiffersOnDay = STATION_DIFFERS;

  /** Persons of two or more reports by name, for reports with a typo that no blocking key meets. */
  private final NameIndex byName = new NameIndex();

  /** What all reports of one person say together. */
  private static final class Summary {
    Profile facts;
    int size;
    int minRank = Integer.MAX_VALUE;

    /** The members' names, each as the list of its readings ({@link Evidence#names}). */
    final List<List<PersonName>> names = new ArrayList<>(2);

    /** For each member in rank order, the index of its name among the kept names, or -1. */
    int[] nameOfMember = new int[0];

    /** For each kept name, how many members give it. */
    int[] nameCounts = new int[0];

    int[] yearCounts = new int[0];
    int[] days = new int[0];
    int dated;
    int[] stationDays = new int[0];
    String[] stations = new String[0];
    String[] cities = new String[0];
    String[] distinctStations = new String[0];
    int cited;
    double dayShare;
    double cityShare;
    double stationShare;
  }

  private Fragments(
      List<Evidence> reports, Scorer scorer, int[] component, int[] rank, double offset) {
    this.reports = reports;
    this.scorer = scorer;
    this.frequencies = scorer.frequencies();
    this.component = component;
    this.rank = rank;
    this.profiles = profiles();
    long persons = Arrays.stream(profiles).filter(p -> p != null).count();
    this.bar = log2(Math.max(2, persons)) + offset;
    estimateNewValueRates();
  }

  /** Joins each fragment to the person it most probably belongs to, if any. */
  static void attach(
      List<Evidence> reports, Scorer scorer, int[] rank, Blocks blocks, Persons persons) {
    Fragments f = new Fragments(reports, scorer, persons.components(), rank, OWN_PERSON_PRIOR);
    f.fileNames();
    int[] fragments =
        IntStream.range(0, reports.size())
            .filter(
                r ->
                    f.profiles[r] != null
                        && f.profiles[r].size <= MAX_FRAGMENT
                        && f.component[r] == r)
            .toArray();
    int[] target = new int[fragments.length];
    Parallel.forEach(fragments.length, i -> target[i] = f.bestPerson(fragments[i], blocks));
    Integer[] order = new Integer[fragments.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (x, y) -> Integer.compare(f.minRank(fragments[x]), f.minRank(fragments[y])));
    for (int i : order) {
      if (target[i] >= 0) {
        persons.joinIfConsistent(fragments[i], target[i]);
      }
    }
  }

  /**
   * Moves each report to another person that fits it better than the rest of its own person does,
   * and better than all other candidates together; returns the new component array (each report's
   * person, named by one of its reports). Joining persons strongest pair first, and fragments to
   * the best person of their day, can leave a report with a namesake: "Дмитрий Морозов", Омск, a
   * day two Дмитрий Морозов were detained, sits with the one whose reports came first. Against the
   * finished persons the report can be weighed again, leaving itself out of its own. All moves are
   * decided on the same persons, so the result does not depend on the order of the reports.
   */
  static int[] moveMisplacedReports(
      List<Evidence> reports, Scorer scorer, int[] rank, Blocks blocks, int[] component) {
    Fragments f = new Fragments(reports, scorer, component, rank, OWN_PERSON_PRIOR);
    int[] person = component.clone();
    Parallel.forEach(
        reports.size(),
        r -> {
          if (f.profiles[component[r]].size >= 2) {
            person[r] = f.betterPerson(r, blocks);
          }
        });
    return namedByAMember(person);
  }

  /**
   * A report that fits the rest of its person this far above the bar is not weighed against other
   * persons. At 100,000 persons (seed 42) weighing every report gave F1 0.98094 against 0.98091,
   * for a move step of 18 s instead of 8; a margin of 15 bits or 10 gave 0.98067 or 0.98028.
   */
  private static final double SURELY_PLACED = 20;

  /** The person (its root) that report r fits better than the rest of its own, else its own. */
  private int betterPerson(int r, Blocks blocks) {
    int root = component[r];
    int[] members = members(root);
    Summary report = summary(new int[] {r});
    double own = score(report, withoutReport(profiles[root], members, r));
    if (own - bar > SURELY_PLACED) {
      return root;
    }
    report.facts = new Profile(reports.get(r));
    int[] others = byRank(candidates(new int[] {r}, root, 2, report, blocks, false));
    double[] scores = new double[others.length];
    for (int i = 0; i < others.length; i++) {
      scores[i] = score(report, profiles[others[i]]);
    }
    int best = mostProbable(scores, own);
    return best >= 0 ? others[best] : root;
  }

  /**
   * What the rest of a person says without one of its reports, derived from the whole person's
   * summary: the report's name, day, city and police station leave it only where no other report
   * gives them. Costs a pass over the members' fields instead of a new summary of all of them.
   */
  private Summary withoutReport(Summary whole, int[] members, int left) {
    if (whole.names.size() == MAX_NAMES) {
      return summary(without(members, left)); // a name beyond the kept ones may take its place
    }
    Evidence e = reports.get(left);
    boolean dayElsewhere = false;
    boolean cityElsewhere = false;
    boolean stationElsewhere = false;
    int position = -1;
    for (int i = 0; i < members.length; i++) {
      int m = members[i];
      if (m == left) {
        position = i;
      } else {
        Evidence other = reports.get(m);
        dayElsewhere |= other.day() == e.day();
        cityElsewhere |= other.city().equals(e.city());
        stationElsewhere |= other.station().equals(e.station());
      }
    }
    Summary p = new Summary();
    p.size = whole.size - 1;
    p.minRank = whole.minRank;
    p.names.addAll(whole.names);
    int name = whole.nameOfMember[position];
    if (name >= 0 && whole.nameCounts[name] == 1) {
      p.names.remove(name);
    }
    p.yearCounts = BirthYears.withoutOne(whole.yearCounts, e.birthYear());
    p.dated = whole.dated;
    p.days = whole.days;
    if (e.day() != Evidence.UNKNOWN) {
      p.dated--;
      p.days =
          dayElsewhere ? whole.days : IntStream.of(whole.days).filter(d -> d != e.day()).toArray();
    }
    p.cited = whole.cited;
    p.cities = whole.cities;
    if (!e.city().isEmpty()) {
      p.cited--;
      p.cities = cityElsewhere ? whole.cities : withoutValue(whole.cities, e.city());
    }
    p.stations = whole.stations;
    p.stationDays = whole.stationDays;
    p.distinctStations = whole.distinctStations;
    if (!e.station().isEmpty()) {
      int at = 0;
      while (!whole.stations[at].equals(e.station()) || whole.stationDays[at] != e.day()) {
        at++;
      }
      p.stations = withoutIndex(whole.stations, at);
      p.stationDays = withoutIndex(whole.stationDays, at);
      p.distinctStations =
          stationElsewhere
              ? whole.distinctStations
              : withoutValue(whole.distinctStations, e.station());
    }
    addShares(p);
    return p;
  }

  /**
   * The index of the candidate more probable than all the others and the alternative together, or
   * -1; scores and the alternative's are log2 odds, summed in the candidates' order.
   */
  private static int mostProbable(double[] scores, double alternative) {
    int best = -1;
    double bestScore = alternative;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > bestScore) {
        bestScore = scores[i];
        best = i;
      }
    }
    if (best < 0) {
      return -1;
    }
    double others = Math.pow(2, alternative - bestScore);
    for (int i = 0; i < scores.length; i++) {
      if (i != best) {
        others += Math.pow(2, scores[i] - bestScore);
      }
    }
    return others < 1 ? best : -1;
  }

  private static int[] without(int[] members, int left) {
    int[] rest = new int[members.length - 1];
    int k = 0;
    for (int m : members) {
      if (m != left) {
        rest[k++] = m;
      }
    }
    return rest;
  }

  /** Persons sorted by their first report id, so that sums do not depend on the input's order. */
  private int[] byRank(int[] roots) {
    return IntStream.of(roots)
        .boxed()
        .sorted((x, y) -> Integer.compare(minRank(x), minRank(y)))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Relabels persons so that each is named by one of its own reports (its first by index). */
  private static int[] namedByAMember(int[] label) {
    int[] first = new int[label.length];
    Arrays.fill(first, -1);
    int[] out = new int[label.length];
    for (int r = 0; r < label.length; r++) {
      if (first[label[r]] < 0) {
        first[label[r]] = r;
      }
      out[r] = first[label[r]];
    }
    return out;
  }

  private int minRank(int root) {
    return profiles[root].minRank;
  }

  /** The person (its root) this fragment joins, or -1. */
  private int bestPerson(int root, Blocks blocks) {
    Summary f = profiles[root];
    int[] persons = byRank(candidates(members(root), root, f.size + 1, f, blocks, true));
    double[] scores = new double[persons.length];
    for (int i = 0; i < persons.length; i++) {
      scores[i] = score(f, profiles[persons[i]]) - bar;
    }
    // the alternative: a person of its own, which the bar stands for
    int best = mostProbable(scores, 0);
    return best >= 0 ? persons[best] : -1;
  }

  /**
   * The persons (roots) of at least minSize reports, other than the excluded one, that share a
   * blocking key with one of the reports, or if alsoByName a name within a typo ({@link
   * NameIndex}), and do not contradict what they say. Moving a report between persons needs no
   * lookup by name: at 100,000 persons it found the same persons, in 13% more time.
   */
  private int[] candidates(
      int[] reportsOf, int excluded, int minSize, Summary f, Blocks blocks, boolean alsoByName) {
    IntList candidates = new IntList();
    for (int m : reportsOf) {
      for (long run : blocks.runsOf(m)) {
        if (run == Blocks.TOO_LARGE) {
          continue;
        }
        for (int c : personsIn(run, blocks)) {
          if (c != excluded && profiles[c].size >= minSize) {
            candidates.add(c);
          }
        }
      }
    }
    if (alsoByName) {
      for (int m : reportsOf) {
        for (PersonName reading : reports.get(m).names()) {
          byName.find(
              reading,
              c -> {
                if (c != excluded && profiles[c].size >= minSize) {
                  candidates.add(c);
                }
              });
        }
      }
    }
    return IntStream.of(candidates.toArray())
        .distinct()
        .filter(c -> !f.facts.contradicts(profiles[c].facts))
        .toArray();
  }

  /** The persons (roots) with reports in each block, by the block's first offset. */
  private final Map<Integer, int[]> personsInBlock = new ConcurrentHashMap<>();

  private int[] personsIn(long run, Blocks blocks) {
    return personsInBlock.computeIfAbsent(
        Blocks.from(run),
        from -> {
          IntList roots = new IntList();
          for (int x = from; x < Blocks.to(run); x++) {
            roots.add(component[blocks.report(x)]);
          }
          return IntStream.of(roots.toArray()).distinct().toArray();
        });
  }

  private void fileNames() {
    for (int root = 0; root < profiles.length; root++) {
      Summary p = profiles[root];
      if (p != null && p.size >= 2) {
        for (List<PersonName> name : p.names) {
          for (PersonName reading : name) {
            byName.file(root, reading);
          }
        }
      }
    }
  }

  /** Log2 likelihood ratio that fragment f and person c are one person. */
  double score(Summary f, Summary c) {
    double s = names(f, c) + BirthYears.logRatio(f.yearCounts, c.yearCounts, frequencies);
    if (c.dated > 0) {
      double out = newDay[Math.min(MAX_KNOWN, c.dated)];
      double u = Math.min(MAX_SHARE, c.dayShare);
      for (int d : f.days) {
        if (contains(c.days, d)) {
          s += log2((1 - out) / u) + stations(f, c, d);
        } else {
          s += log2(out / (1 - u));
        }
      }
    }
    if (c.stations.length > 0) {
      double out = newStation[Math.min(MAX_KNOWN, c.stations.length)];
      double u = Math.min(MAX_SHARE, c.stationShare);
      for (String station : stationsLeftToWeigh(f, c)) {
        s +=
            Arrays.asList(c.distinctStations).contains(station)
                ? log2((1 - out) / u)
                : log2(out / (1 - u));
      }
    }
    if (c.cited > 0) {
      double out = newCity[Math.min(MAX_KNOWN, c.cited)];
      double u = Math.min(MAX_SHARE, c.cityShare);
      for (String city : f.cities) {
        s += Arrays.asList(c.cities).contains(city) ? log2((1 - out) / u) : log2(out / (1 - u));
      }
    }
    return s;
  }

  /**
   * The names compared on the most informative pair of forms: full given names where both persons
   * have them, else initials; patronymics likewise. The best score among less informative pairs (a
   * report that gave only the surname and an initial) would hide a different given name.
   */
  private double names(Summary f, Summary c) {
    double name = Double.NEGATIVE_INFINITY;
    int nameLevel = -1;
    double patronymic = Double.NEGATIVE_INFINITY;
    int patronymicLevel = -1;
    for (List<PersonName> xs : f.names) {
      for (List<PersonName> ys : c.names) {
        if (sexesConflict(xs, ys)) {
          return Scorer.SEX_DIFFERS;
        }
        for (PersonName x : xs) {
          for (PersonName y : ys) {
            if (x.sex().conflictsWith(y.sex())) {
              continue; // readings that make a man of one and a woman of the other
            }
            int level =
                level(x.given().isEmpty(), y.given().isEmpty(), x.givenInitial(), y.givenInitial());
            if (level > nameLevel) {
              nameLevel = level;
              name = Double.NEGATIVE_INFINITY;
            }
            if (level == nameLevel) {
              name = Math.max(name, scorer.givenAndSurname(x, y));
            }
            level =
                level(
                    x.patronymic().isEmpty(),
                    y.patronymic().isEmpty(),
                    x.patronymicInitial(),
                    y.patronymicInitial());
            if (level > patronymicLevel) {
              patronymicLevel = level;
              patronymic = Double.NEGATIVE_INFINITY;
            }
            if (level == patronymicLevel) {
              patronymic = Math.max(patronymic, scorer.patronymicScore(x, y));
            }
          }
        }
      }
    }
    return name + patronymic;
  }

  /** Whether every reading of one name makes a man and every reading of the other a woman. */
  private static boolean sexesConflict(List<PersonName> xs, List<PersonName> ys) {
    for (PersonName x : xs) {
      for (PersonName y : ys) {
        if (!x.sex().conflictsWith(y.sex())) {
          return false;
        }
      }
    }
    return true;
  }

  /** 2 for two full names, 1 for initials on at least one side, 0 for nothing to compare. */
  private static int level(boolean xEmpty, boolean yEmpty, String xInitial, String yInitial) {
    if (!xEmpty && !yEmpty) {
      return 2;
    }
    return xInitial.isEmpty() || yInitial.isEmpty() ? 0 : 1;
  }

  /**
   * The fragment's police stations, each once, that its days do not already account for: a station
   * on a day the person names a station for is compared there ({@link #stations}), and one on a day
   * the person was not detained is another event's, whose new day has been counted. What is left is
   * a station named without a day, or on a day the person names no station for; it is weighed
   * against all the person's stations. Several reports naming one station are one piece of
   * evidence, not several.
   */
  private static List<String> stationsLeftToWeigh(Summary f, Summary c) {
    List<String> out = new ArrayList<>(f.stations.length);
    for (int i = 0; i < f.stations.length; i++) {
      int day = f.stationDays[i];
      boolean accounted =
          day != Evidence.UNKNOWN && (contains(c.stationDays, day) || !contains(c.days, day));
      if (!accounted && !out.contains(f.stations[i])) {
        out.add(f.stations[i]);
      }
    }
    return out;
  }

  /** A police station on a day both were detained: one of the person's, or another one. */
  private double stations(Summary f, Summary c, int day) {
    double best = 0;
    boolean compared = false;
    for (int i = 0; i < f.stationDays.length; i++) {
      if (f.stationDays[i] != day) {
        continue;
      }
      for (int j = 0; j < c.stationDays.length; j++) {
        if (c.stationDays[j] != day) {
          continue;
        }
        double share = frequencies.share(Frequencies.Field.STATION, f.stations[i]);
        double s =
            f.stations[i].equals(c.stations[j])
                ? log2((1 - stationDiffersOnDay) / share)
                : log2(stationDiffersOnDay / (1 - Math.min(MAX_SHARE, share)));
        best = compared ? Math.max(best, s) : s;
        compared = true;
      }
    }
    return best;
  }

  private int[][] membersByRoot;

  private int[] members(int root) {
    return membersByRoot[root];
  }

  private Summary[] profiles() {
    int n = reports.size();
    int[] byRank = new int[n];
    for (int i = 0; i < n; i++) {
      byRank[rank[i]] = i;
    }
    int[] size = new int[n];
    for (int c : component) {
      size[c]++;
    }
    membersByRoot = new int[n][];
    int[] filled = new int[n];
    for (int r : byRank) {
      int c = component[r];
      if (membersByRoot[c] == null) {
        membersByRoot[c] = new int[size[c]];
      }
      membersByRoot[c][filled[c]++] = r;
    }
    Summary[] out = new Summary[n];
    Parallel.forEach(
        n,
        r -> {
          if (component[r] == r) {
            out[r] = profile(membersByRoot[r]);
          }
        });
    return out;
  }

  private Summary profile(int[] members) {
    Summary p = summary(members);
    for (int m : members) {
      if (p.facts == null) {
        p.facts = new Profile(reports.get(m));
      } else {
        p.facts.absorb(new Profile(reports.get(m)));
      }
    }
    return p;
  }

  /** What the reports say, without the facts that contradictions are checked on. */
  private Summary summary(int[] members) {
    Summary p = new Summary();
    p.size = members.length;
    Map<Integer, Integer> years = new HashMap<>();
    IntList days = new IntList();
    IntList stationDays = new IntList();
    List<String> stations = new ArrayList<>();
    List<String> cities = new ArrayList<>();
    p.nameOfMember = new int[members.length];
    IntList nameCounts = new IntList();
    for (int i = 0; i < members.length; i++) {
      int m = members[i];
      Evidence e = reports.get(m);
      p.minRank = Math.min(p.minRank, rank[m]);
      int name = p.names.indexOf(e.names());
      if (name < 0 && p.names.size() < MAX_NAMES) {
        name = p.names.size();
        p.names.add(e.names());
        nameCounts.add(0);
      }
      if (name >= 0) {
        nameCounts.set(name, nameCounts.get(name) + 1);
      }
      p.nameOfMember[i] = name;
      if (e.birthYear() != Evidence.UNKNOWN) {
        years.merge(e.birthYear(), 1, Integer::sum);
      }
      if (e.day() != Evidence.UNKNOWN) {
        p.dated++;
        if (!days.contains(e.day())) {
          days.add(e.day());
        }
      }
      if (!e.station().isEmpty()) {
        stationDays.add(e.day());
        stations.add(e.station());
      }
      if (!e.city().isEmpty()) {
        p.cited++;
        if (!cities.contains(e.city())) {
          cities.add(e.city());
        }
      }
    }
    p.yearCounts =
        years.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .flatMapToInt(y -> IntStream.of(y.getKey(), y.getValue()))
            .toArray();
    p.nameCounts = nameCounts.toArray();
    p.days = days.toArray();
    p.stationDays = stationDays.toArray();
    p.stations = stations.toArray(String[]::new);
    p.cities = cities.toArray(String[]::new);
    p.distinctStations = stations.stream().distinct().toArray(String[]::new);
    addShares(p);
    return p;
  }

  /** How common the person's police stations, days and cities are among all reports. */
  private void addShares(Summary p) {
    for (String st : p.distinctStations) {
      p.stationShare += frequencies.share(Frequencies.Field.STATION, st);
    }
    for (int d : p.days) {
      p.dayShare += frequencies.share(Frequencies.Field.DAY, d);
    }
    for (String c : p.cities) {
      p.cityShare += frequencies.share(Frequencies.Field.CITY, c);
    }
  }

  private static String[] withoutValue(String[] values, String left) {
    return Arrays.stream(values).filter(v -> !v.equals(left)).toArray(String[]::new);
  }

  private static <T> T[] withoutIndex(T[] values, int left) {
    T[] rest = Arrays.copyOf(values, values.length - 1);
    System.arraycopy(values, left + 1, rest, left, values.length - left - 1);
    return rest;
  }

  private static int[] withoutIndex(int[] values, int left) {
    int[] rest = Arrays.copyOf(values, values.length - 1);
    System.arraycopy(values, left + 1, rest, left, values.length - left - 1);
    return rest;
  }

  /**
   * For each number k of a person's other dated (or located) reports, the share of reports whose
   * day (or city) none of those k gives, over the persons of the pairwise step.
   */
  private void estimateNewValueRates() {
    long[] dayNew = new long[MAX_KNOWN + 1];
    long[] dayAll = new long[MAX_KNOWN + 1];
    long[] cityNew = new long[MAX_KNOWN + 1];
    long[] cityAll = new long[MAX_KNOWN + 1];
    long[] stationNew = new long[MAX_KNOWN + 1];
    long[] stationAll = new long[MAX_KNOWN + 1];
    long stationOnDayAll = 0;
    long stationOnDayNew = 0;
    for (int root = 0; root < profiles.length; root++) {
      Summary p = profiles[root];
      if (p == null || p.size < 2) {
        continue;
      }
      Map<Integer, Integer> dayCount = new HashMap<>();
      Map<String, Integer> cityCount = new HashMap<>();
      Map<String, Integer> stationCount = new HashMap<>();
      for (int m : members(root)) {
        Evidence e = reports.get(m);
        if (e.day() != Evidence.UNKNOWN) {
          dayCount.merge(e.day(), 1, Integer::sum);
        }
        if (!e.city().isEmpty()) {
          cityCount.merge(e.city(), 1, Integer::sum);
        }
        if (!e.station().isEmpty()) {
          stationCount.merge(e.station(), 1, Integer::sum);
        }
      }
      for (int i = 0; i < p.stations.length; i++) {
        int other = otherStationOnItsDay(p, i);
        if (other != NOT_COMPARED) {
          stationOnDayAll++;
          stationOnDayNew += other;
        }
      }
      if (p.stations.length >= 2) {
        int k = Math.min(MAX_KNOWN, p.stations.length - 1);
        for (int count : stationCount.values()) {
          stationAll[k] += count;
          stationNew[k] += count == 1 ? 1 : 0;
        }
      }
      if (p.dated >= 2) {
        int k = Math.min(MAX_KNOWN, p.dated - 1);
        for (int count : dayCount.values()) {
          dayAll[k] += count;
          dayNew[k] += count == 1 ? 1 : 0;
        }
      }
      if (p.cited >= 2) {
        int k = Math.min(MAX_KNOWN, p.cited - 1);
        for (int count : cityCount.values()) {
          cityAll[k] += count;
          cityNew[k] += count == 1 ? 1 : 0;
        }
      }
    }
    if (stationOnDayAll >= 100) {
      stationDiffersOnDay = Math.max(MIN_NEW, (double) stationOnDayNew / stationOnDayAll);
    }
    rates(dayNew, dayAll, newDay);
    rates(cityNew, cityAll, newCity);
    rates(stationNew, stationAll, newStation);
  }

  /**
   * For the i-th police station a person's reports name: {@link #NOT_COMPARED} if no other report
   * names a station on its day (or it has no day), else 1 if none of them names this one, 0 if one
   * does.
   */
  private static int otherStationOnItsDay(Summary p, int i) {
    int day = p.stationDays[i];
    if (day == Evidence.UNKNOWN) {
      return NOT_COMPARED;
    }
    int other = NOT_COMPARED;
    for (int j = 0; j < p.stations.length; j++) {
      if (j != i && p.stationDays[j] == day) {
        if (p.stations[j].equals(p.stations[i])) {
          return 0;
        }
        other = 1;
      }
    }
    return other;
  }

  /** Rates that never rise with more known reports, and never fall below the floor. */
  private static void rates(long[] hits, long[] all, double[] out) {
    double previous = 0.5;
    for (int k = 1; k <= MAX_KNOWN; k++) {
      double rate = all[k] < 100 ? previous : (double) hits[k] / all[k];
      rate = Math.max(MIN_NEW, Math.min(previous, rate));
      out[k] = rate;
      previous = rate;
    }
    out[0] = out[1];
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
