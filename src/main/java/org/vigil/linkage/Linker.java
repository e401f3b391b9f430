package org.vigil.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Links reports to persons one at a time, as they arrive at intake. A report that matches one known
 * person confidently joins that person; one in the grey zone is held as a provisional person and
 * flagged for review; any other starts a new person. Every decision goes into a journal.
 *
 * <p>The linker keeps everything in memory and knows nothing of storage: the intake service feeds
 * it the stored reports at start-up and each new one as it comes. It is thread-safe.
 */
public final class Linker {
  private final Thresholds thresholds;
  private final Frequencies frequencies = new Frequencies();
  private final Scorer scorer = new Scorer(frequencies);
  private final List<Evidence> reports = new ArrayList<>();
  private final IntList personOfReport = new IntList();
  private final Map<String, Integer> reportIndex = new HashMap<>();
  private final List<String> personIds = new ArrayList<>();
  private final List<Profile> profiles = new ArrayList<>();
  private final Map<String, Integer> personIndex = new HashMap<>();
  private final Map<String, IntList> blocks = new HashMap<>();
  private final SurnameIndex surnames = new SurnameIndex();
  private final List<LinkDecision> journal = new ArrayList<>();
  private long personCounter;

  public Linker() {
    this(Thresholds.DEFAULT);
  }

  Linker(Thresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * Decides who a new report is about and records it.
   *
   * @throws IllegalArgumentException if a report with this id was linked before
   */
  public synchronized LinkDecision link(ReportFacts report) {
    return link(report, null);
  }

  /**
   * Decides who a new report is about; if it starts a person, that person gets {@code newPersonId}
   * (so that it can be the id the person is stored under), or a fresh id if null.
   *
   * @throws IllegalArgumentException if a report with this id was linked before
   */
  public synchronized LinkDecision link(ReportFacts report, String newPersonId) {
    if (reportIndex.containsKey(report.reportId())) {
      throw new IllegalArgumentException("report already linked: " + report.reportId());
    }
    Evidence evidence = Evidence.of(report);
    List<LinkDecision.Candidate> candidates = candidates(evidence);
    LinkDecision decision = decide(report.reportId(), evidence, candidates, newPersonId);
    int person = personIndex.get(decision.personId());
    remember(report.reportId(), evidence, person);
    describe(person, evidence);
    journal.add(decision);
    return decision;
  }

  /**
   * Takes back a decision made earlier (read from storage when the service starts): the report
   * belongs to the person, and nothing is decided or journalled.
   */
  public synchronized void restore(ReportFacts report, String personId) {
    if (reportIndex.containsKey(report.reportId())) {
      throw new IllegalArgumentException("report already linked: " + report.reportId());
    }
    Evidence evidence = Evidence.of(report);
    int person = personIndex.computeIfAbsent(personId, this::addPerson);
    remember(report.reportId(), evidence, person);
    describe(person, evidence);
  }

  /**
   * A reviewer's verdict: the report belongs to the given person, who may be new. Undo it by
   * resolving the report back to the {@link LinkDecision.Reviewed#previousPersonId()}.
   *
   * @throws IllegalArgumentException if the report is unknown
   */
  public synchronized LinkDecision.Reviewed resolve(String reportId, String personId) {
    Integer report = reportIndex.get(reportId);
    if (report == null) {
      throw new IllegalArgumentException("unknown report: " + reportId);
    }
    String previous = personIds.get(personOfReport.get(report));
    int person = personIndex.computeIfAbsent(personId, this::addPerson);
    personOfReport.set(report, person);
    // the reviewer knows best: what the report says now belongs to that person
    describe(person, reports.get(report));
    LinkDecision.Reviewed decision = new LinkDecision.Reviewed(reportId, personId, previous);
    journal.add(decision);
    return decision;
  }

  /** The person a report currently belongs to. */
  public synchronized Optional<String> personOf(String reportId) {
    return Optional.ofNullable(reportIndex.get(reportId))
        .map(i -> personIds.get(personOfReport.get(i)));
  }

  /**
   * A person a search by name found, and how well their best-matching report matched: at least
   * {@link #EXACT} when its surname is the one asked for, less when it is one typo away; more for a
   * matching given name and patronymic.
   */
  public record Found(String personId, int score) {}

  public static final int EXACT = 10;

  /**
   * Persons with a report whose surname is a word of {@code query} (in any script or romanisation),
   * or one typo from one, best first: an exact surname before a near one, a matching given name and
   * patronymic before none. At most {@code limit}.
   */
  public synchronized List<Found> search(String query, int limit) {
    PersonName asName = PersonName.parse(query);
    Set<String> words = new LinkedHashSet<>();
    for (String word : WORDS.split(PhoneticKey.joinWordParts(query))) {
      String key = PhoneticKey.of(word);
      if (key.length() >= 2) words.add(key);
    }
    Set<String> surnameKeys = new LinkedHashSet<>();
    if (!asName.surname().isEmpty()) surnameKeys.add(asName.surname());
    words.forEach(w -> surnameKeys.add(PersonName.masculine(w)));
    Set<String> givenKeys = new HashSet<>(asName.given());
    givenKeys.addAll(words);
    Map<Integer, Integer> best = new HashMap<>();
    for (String key : surnameKeys) {
      surnames.find(
          key,
          (report, exact) -> {
            PersonName name = reports.get(report).name();
            int score = exact ? EXACT : 0;
            if (name.given().stream().anyMatch(givenKeys::contains)) score += 2;
            if (!asName.patronymic().isEmpty()
                && PersonName.sameFather(
                    asName.patronymic(),
                    asName.patronymicWord(),
                    name.patronymic(),
                    name.patronymicWord())) score += 1;
            best.merge(personOfReport.get(report), score, Math::max);
          });
    }
    return best.entrySet().stream()
        .map(e -> new Found(personIds.get(e.getKey()), e.getValue()))
        .sorted(Comparator.comparingInt(Found::score).reversed().thenComparing(Found::personId))
        .limit(limit)
        .toList();
  }

  private static final Pattern WORDS = Pattern.compile("[^\\p{L}]+");

  /** Every decision taken, oldest first. */
  public synchronized List<LinkDecision> journal() {
    return List.copyOf(journal);
  }

  /**
   * The known persons a report with these facts could be about (those a new report would be weighed
   * against for review or merging), best first; nothing is linked or remembered.
   */
  public synchronized List<LinkDecision.Candidate> candidatesFor(ReportFacts facts) {
    return candidates(Evidence.of(facts));
  }

  /** Known persons whose best-matching report scores at least the review threshold. */
  private List<LinkDecision.Candidate> candidates(Evidence evidence) {
    Map<Integer, Double> bestByPerson = new HashMap<>();
    for (String key : Blocking.keys(evidence)) {
      IntList block = blocks.get(key);
      for (int i = 0; block != null && i < block.size(); i++) {
        int report = block.get(i);
        double score = scorer.score(evidence, reports.get(report));
        if (score >= thresholds.review()) {
          bestByPerson.merge(personOfReport.get(report), score, Math::max);
        }
      }
    }
    return bestByPerson.entrySet().stream()
        .map(e -> new LinkDecision.Candidate(personIds.get(e.getKey()), e.getValue()))
        .sorted(Comparator.comparingDouble(LinkDecision.Candidate::score).reversed())
        .toList();
  }

  /**
   * Merges only when exactly one person clears the merge threshold and nothing known about that
   * person contradicts the report (as the batch linkage does); otherwise a person decides.
   */
  private LinkDecision decide(
      String reportId,
      Evidence evidence,
      List<LinkDecision.Candidate> candidates,
      String newPersonId) {
    List<LinkDecision.Candidate> confident =
        candidates.stream().filter(c -> c.score() >= thresholds.merge()).toList();
    if (confident.size() == 1
        && !profiles
            .get(personIndex.get(confident.getFirst().personId()))
            .contradicts(new Profile(evidence))) {
      LinkDecision.Candidate best = confident.getFirst();
      return new LinkDecision.Matched(reportId, best.personId(), best.score());
    }
    String personId = newPersonId != null ? newPersonId : newPersonId();
    personIndex.put(personId, addPerson(personId));
    return candidates.isEmpty()
        ? new LinkDecision.NewPerson(reportId, personId)
        : new LinkDecision.NeedsReview(reportId, personId, candidates);
  }

  private void describe(int person, Evidence evidence) {
    Profile known = profiles.get(person);
    if (known == null) {
      profiles.set(person, new Profile(evidence));
    } else {
      known.absorb(new Profile(evidence));
    }
  }

  private void remember(String reportId, Evidence evidence, int person) {
    int index = reports.size();
    reports.add(evidence);
    reportIndex.put(reportId, index);
    personOfReport.add(person);
    frequencies.add(evidence);
    for (String key : Blocking.keys(evidence)) {
      blocks.computeIfAbsent(key, k -> new IntList()).add(index);
    }
    // a Latin name read several ways is found by the surname of each reading (Schdanowa: Жданова)
    evidence.names().stream()
        .map(PersonName::surname)
        .distinct()
        .forEach(surname -> surnames.file(surname, index));
  }

  /** Fresh ids skip any that a reviewer already gave to a person of their own making. */
  private String newPersonId() {
    String id;
    do {
      id = "P" + (++personCounter);
    } while (personIndex.containsKey(id));
    return id;
  }

  private int addPerson(String personId) {
    personIds.add(personId);
    profiles.add(null);
    return personIds.size() - 1;
  }
}
