package org.vigil.linkage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reported name taken apart into comparable parts, whatever the script, word order or form it was
 * written in. All parts are {@link PhoneticKey phonetic keys}.
 *
 * @param surname the surname in its masculine form (Смирнова and Smirnova give {@code smirnov}), or
 *     empty when the report gave none
 * @param given every full given name the report may mean: Лёша gives {Алексей}; Саша gives
 *     {Александр, Александра} unless the sex is known; empty when only an initial was given
 * @param givenInitial first letter of the given name, also when only the initial was reported
 * @param patronymic the father's name stem (Анатольевич and Anatolyevna both give {@code anatol}),
 *     or empty
 * @param patronymicWord the patronymic as written, suffix and all, or empty: a typo near the suffix
 *     (Егоовна) cuts the stem in the wrong place, but leaves the word one typo away
 * @param patronymicInitial first letter of the patronymic, or empty
 * @param sex what the given name, patronymic or surname form tell about the bearer's sex
 * @param givenAsWritten whether the given name was written as a known name or form, neither
 *     corrected from a typo nor guessed from an unknown word
 */
record PersonName(
    String surname,
    Set<String> given,
    String givenInitial,
    String patronymic,
    String patronymicWord,
    String patronymicInitial,
    Sex sex,
    boolean givenAsWritten) {

  private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}]+");

  private static final Pattern MALE_PATRONYMIC = Pattern.compile("(ov|ev|i)C$");
  private static final Pattern FEMALE_PATRONYMIC = Pattern.compile("(ovna|evna|iCna)$");
  private static final Pattern PATRONYMIC_SUFFIX =
      Pattern.compile("(ovi?C|evi?C|iCna|ovna|evna|iC)$");
  private static final Pattern FEMALE_SURNAME = Pattern.compile("(ova|eva|ina|aA)$");
  private static final Pattern MALE_SURNAME = Pattern.compile("(ov|ev|in|i)$");
  private static final Pattern CLEAR_SURNAME = Pattern.compile("(ov|ev|in|ova|eva|ina)$");
  private static final Pattern ONLY_SURNAME = Pattern.compile("(ov|ev|ova|eva|ski|skaA|ih)$");
  private static final int MIN_PATRONYMIC_LENGTH = 4;

  /**
   * Marks of GOST 7.79 System B in a Latin name: ь written `, ы written y'. (Its j for й is no
   * mark: German spelling writes й as j too, and кс as x: Alexej Maximow.)
   */
  private static final Pattern GOST_MARK = Pattern.compile("`|[yY]'");

  /** Names repeat a great deal; parsing each distinct spelling once keeps batch runs fast. */
  private static final Cache<String, PersonName> PARSED =
      Caffeine.newBuilder().maximumSize(500_000).build();

  /**
   * Parses a name as a report wrote it, reading Latin letters as English-style romanisations do.
   */
  static PersonName parse(String raw) {
    return PARSED.get(raw, PersonName::parseUncached);
  }

  private static final Cache<String, List<PersonName>> READINGS =
      Caffeine.newBuilder().maximumSize(500_000).build();

  /** More readings than this are not kept: a name read too many ways would match too much. */
  static final int MAX_READINGS = 4;

  /**
   * Every plausible reading of a name as a report wrote it, the reading of {@link #parse} first. A
   * Cyrillic name has exactly that one. A Latin name has besides it one reading for each {@link
   * Transcription} whose marks it shows (Gorbatschow is German, Gorbaczow Polish, Gorbatchev
   * French), two where that system writes two letters alike (German sch for ж and ш). Readings in
   * which a word is a known given name are more plausible than those in which no word is, and
   * replace them: "Dascha" read as English (sch for щ) makes no name, read as German it is Даша.
   */
  static List<PersonName> readings(String raw) {
    return READINGS.get(raw, PersonName::readingsUncached);
  }

  private static List<PersonName> readingsUncached(String raw) {
    PersonName asEnglish = parse(raw);
    if (PhoneticKey.hasCyrillic(raw)) {
      return List.of(asEnglish);
    }
    List<String> words = Words.split(raw);
    List<PersonName> readings = new ArrayList<>(MAX_READINGS);
    readings.add(asEnglish);
    for (Transcription system : Transcription.values()) {
      if (!system.marks(raw)) {
        continue;
      }
      List<List<String>> keysOfWords = new ArrayList<>(words.size());
      for (String word : words) {
        keysOfWords.add(system.respell(word).stream().map(PhoneticKey::of).distinct().toList());
      }
      for (List<String> keys : combinations(keysOfWords)) {
        PersonName reading = fromWords(Words.classify(words, keys));
        if (!readings.contains(reading)) {
          readings.add(reading);
        }
      }
    }
    if (readings.stream().anyMatch(PersonName::givenAsWritten)) {
      readings.removeIf(r -> !r.givenAsWritten());
    }
    return List.copyOf(readings.subList(0, Math.min(MAX_READINGS, readings.size())));
  }

  /** Every choice of one key per word. */
  private static List<List<String>> combinations(List<List<String>> keysOfWords) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (List<String> keys : keysOfWords) {
      List<List<String>> next = new ArrayList<>(out.size() * keys.size());
      for (List<String> prefix : out) {
        for (String key : keys) {
          List<String> longer = new ArrayList<>(prefix);
          longer.add(key);
          next.add(longer);
        }
      }
      out = next;
    }
    return out;
  }

  private static PersonName parseUncached(String raw) {
    List<String> words = Words.split(raw);
    boolean gost = GOST_MARK.matcher(raw).find();
    List<String> keys = new ArrayList<>(words.size());
    for (String word : words) {
      keys.add(Words.gostX(word, PhoneticKey.of(word), gost));
    }
    return fromWords(Words.classify(words, keys));
  }

  private static PersonName fromWords(Words words) {
    String surname = words.surname();
    Sex sex = words.sex(surname);
    Set<String> given = words.givenKeys(sex);
    String givenInitial = given.isEmpty() ? words.initial(0) : initialOf(words.givenWord);
    String patronymicInitial =
        words.patronymic.isEmpty()
            ? words.initial(given.isEmpty() ? 1 : 0)
            : initialOf(words.patronymic);
    return new PersonName(
        masculine(surname),
        given,
        givenInitial,
        PATRONYMIC_SUFFIX.matcher(words.patronymic).replaceAll(""),
        words.patronymic,
        patronymicInitial,
        sex,
        words.givenAsWritten());
  }

  /** Whether the two names may give one father's name: the same or nearly the same patronymic. */
  static boolean sameFather(String stemA, String wordA, String stemB, String wordB) {
    return stemA.equals(stemB)
        || Similarity.nearly(stemA, stemB)
        || Similarity.nearly(wordA, wordB);
  }

  private static String initialOf(String key) {
    return key.isEmpty() ? "" : key.substring(0, 1);
  }

  /** Feminine surname forms become masculine, so that spouses and siblings share a surname key. */
  static String masculine(String surname) {
    if (surname.endsWith("ova") || surname.endsWith("eva") || surname.endsWith("ina")) {
      return surname.substring(0, surname.length() - 1);
    }
    if (surname.endsWith("aA")) {
      return surname.substring(0, surname.length() - 2) + "i";
    }
    return surname;
  }

  /** The words of one name, sorted into roles by what they look like rather than by position. */
  private static final class Words {
    private final List<String> unknown = new ArrayList<>();
    private final List<String> givenLike = new ArrayList<>();
    private final List<String> patronymicLike = new ArrayList<>();
    private final List<String> initials = new ArrayList<>();
    private String givenWord = "";
    private boolean givenCorrected;
    private String patronymic = "";

    static List<String> split(String raw) {
      return List.of(WORD_SEPARATOR.split(PhoneticKey.joinWordParts(raw.strip())));
    }

    /** The words sorted into roles by their keys. */
    static Words classify(List<String> raw, List<String> keys) {
      Words words = new Words();
      for (int w = 0; w < raw.size(); w++) {
        String word = raw.get(w);
        String key = keys.get(w);
        if (key.isEmpty()) {
          continue;
        }
        if (word.length() == 1) {
          words.initials.add(key.substring(0, 1));
        } else if (isPatronymicShaped(key)) {
          words.patronymicLike.add(key);
        } else if (!GivenNames.standard().readings(key).isEmpty()) {
          words.givenLike.add(key);
        } else {
          words.unknown.add(key);
        }
      }
      if (words.surnameWithInitials()) {
        // "Алексеев А. А.": the initials stand for given name and patronymic, so the one word
        // is the surname, even when it looks like a given name or a typo of one
        words.unknown.addAll(words.givenLike);
        words.unknown.addAll(words.patronymicLike);
        words.givenLike.clear();
        words.patronymicLike.clear();
      } else {
        words.correctTypoInGivenName();
        words.findPatronymicWithTypo();
      }
      words.assignRoles();
      return words;
    }

    /**
     * GOST 7.79 writes х as x (Mixail, Xoxlov), the press writes кс as x (Alexey, Xenia). A Latin
     * word with an x that is no known name read as кс is read as х when that makes a known name,
     * when the name shows other marks of GOST 7.79 (Il`ya, Gy'ly'x: no other spelling writes ь as `
     * or ы as y'), or when the x begins or ends the word: Russian surnames often begin with Х or
     * end in -ых, -их, and hardly ever begin or end with кс.
     */
    static String gostX(String word, String key, boolean gostName) {
      if (word.indexOf('x') < 0 && word.indexOf('X') < 0
          || !GivenNames.standard().readings(key).isEmpty()) {
        return key;
      }
      String asKh = PhoneticKey.of(word.replace("x", "kh").replace("X", "Kh"));
      char first = Character.toLowerCase(word.charAt(0));
      char last = Character.toLowerCase(word.charAt(word.length() - 1));
      boolean readAsKh =
          gostName
              || first == 'x'
              || last == 'x'
              || !GivenNames.standard().readings(asKh).isEmpty();
      return readAsKh ? asKh : key;
    }

    private boolean surnameWithInitials() {
      return !initials.isEmpty() && unknown.size() + givenLike.size() + patronymicLike.size() == 1;
    }

    /**
     * Three words with a given name and no patronymic-shaped one: one of the other two may be a
     * patronymic with a typo in its suffix (Васильевоч); it is taken as one, without the suffix, so
     * that it is not glued to the surname.
     */
    private void findPatronymicWithTypo() {
      if (givenLike.isEmpty() || !patronymicLike.isEmpty() || unknown.size() < 2) {
        return;
      }
      // a surname's own ending (Гущина, -ина) is often one typo from a patronymic suffix (-ична):
      // a word whose stem begins a man's name is the likelier patronymic (Кошелева Ульяна
      // Сергеева), then one that does not look like a surname (Львовоа)
      for (int pass = 0; pass < 3; pass++) {
        for (int i = 0; i < unknown.size(); i++) {
          String stem = stemOfMisspeltPatronymic(unknown.get(i));
          if (stem != null
              && switch (pass) {
                case 0 -> GivenNames.standard().beginsAMansName(stem);
                case 1 -> !surnameShaped(unknown.get(i));
                default -> true;
              }) {
            unknown.remove(i);
            patronymicLike.add(stem);
            return;
          }
        }
      }
    }

    private static final List<String> PATRONYMIC_SUFFIXES =
        List.of("oviC", "eviC", "ovna", "evna", "iCna");

    /** The stem of a word whose ending is one typo away from a patronymic suffix, or null. */
    private static String stemOfMisspeltPatronymic(String key) {
      if (key.length() < MIN_PATRONYMIC_LENGTH + 2) {
        return null;
      }
      for (String suffix : PATRONYMIC_SUFFIXES) {
        for (int length = suffix.length() - 1; length <= suffix.length() + 1; length++) {
          String tail = key.substring(key.length() - length);
          if (Similarity.oneEditApart(tail, suffix)) {
            return key.substring(0, key.length() - length);
          }
        }
      }
      return null;
    }

    /** With no known given name among the words, one may be a known name with a typo. */
    private void correctTypoInGivenName() {
      if (!givenLike.isEmpty()) {
        return;
      }
      for (int i = 0; i < unknown.size(); i++) {
        Optional<String> corrected = GivenNames.standard().correct(unknown.get(i), sexBesides(i));
        if (corrected.isPresent()) {
          unknown.remove(i);
          givenLike.add(corrected.get());
          givenCorrected = true;
          return;
        }
      }
    }

    /** The sex the words other than the unknown word {@code i} show: patronymic, surname form. */
    private Sex sexBesides(int i) {
      for (String p : patronymicLike) {
        if (FEMALE_PATRONYMIC.matcher(p).find()) {
          return Sex.FEMALE;
        }
        if (MALE_PATRONYMIC.matcher(p).find()) {
          return Sex.MALE;
        }
      }
      for (int j = 0; j < unknown.size(); j++) {
        if (j != i && FEMALE_SURNAME.matcher(unknown.get(j)).find()) {
          return Sex.FEMALE;
        }
        if (j != i && CLEAR_SURNAME.matcher(unknown.get(j)).find()) {
          return Sex.MALE;
        }
      }
      return Sex.UNKNOWN;
    }

    private static boolean isPatronymicShaped(String key) {
      return key.length() >= MIN_PATRONYMIC_LENGTH
          && (MALE_PATRONYMIC.matcher(key).find() || FEMALE_PATRONYMIC.matcher(key).find());
    }

    /**
     * A patronymic-shaped word is a surname (Мицкевич) when nothing else can be one; a
     * given-name-shaped word is a surname (Марк Захаров has none, but Лев Павел would) when two of
     * them stand alone.
     */
    private void assignRoles() {
      if (!patronymicLike.isEmpty() && unknown.isEmpty() && givenLike.size() < 2) {
        unknown.add(patronymicLike.removeLast());
      }
      if (!patronymicLike.isEmpty()) {
        patronymic = patronymicLike.getFirst();
      }
      if (unknown.isEmpty() && givenLike.size() >= 2) {
        unknown.add(givenLike.removeLast());
      }
      if (givenLike.isEmpty() && unknown.size() >= 2) {
        // No known given name (a rare or foreign one): the surname-shaped word is the surname,
        // otherwise the formal order "Surname Given" of police lists and passports is assumed.
        int surnameAt = Math.max(0, indexOfSurnameShaped());
        givenWord = unknown.remove(surnameAt == 0 ? 1 : 0);
      } else if (!givenLike.isEmpty()) {
        givenWord = givenLike.getFirst();
      }
    }

    /**
     * The word with a surname's ending: one that only surnames have (-ов, -ева, -ский, -ых) before
     * -ин and -ина, which end many women's names too (Ирина misspelt Иина, beside Белоусова), and
     * those before a mere -ий or -ая, which ends given names too (Vitaly, misspelt Vialy).
     */
    private int indexOfSurnameShaped() {
      for (Pattern ending : List.of(ONLY_SURNAME, CLEAR_SURNAME)) {
        for (int i = 0; i < unknown.size(); i++) {
          if (ending.matcher(unknown.get(i)).find()) {
            return i;
          }
        }
      }
      for (int i = 0; i < unknown.size(); i++) {
        if (surnameShaped(unknown.get(i))) {
          return i;
        }
      }
      return -1;
    }

    private static boolean surnameShaped(String key) {
      return FEMALE_SURNAME.matcher(key).find()
          || MALE_SURNAME.matcher(key).find()
          || key.endsWith("ih"); // -ых, -их: Черных, Долгих, the same for men and women
    }

    String surname() {
      return String.join("", unknown);
    }

    boolean givenAsWritten() {
      return !givenCorrected && !givenWord.isEmpty() && givenLike.contains(givenWord);
    }

    String initial(int index) {
      return index < initials.size() ? initials.get(index) : "";
    }

    /** The given name's sex decides first, then the patronymic's, then the surname form's. */
    Sex sex(String surname) {
      Set<Sex> fromGiven = new LinkedHashSet<>();
      GivenNames.standard().readings(givenWord).forEach(r -> fromGiven.add(r.sex()));
      if (fromGiven.size() == 1) {
        return fromGiven.iterator().next();
      }
      if (MALE_PATRONYMIC.matcher(patronymic).find()) {
        return Sex.MALE;
      }
      if (FEMALE_PATRONYMIC.matcher(patronymic).find()) {
        return Sex.FEMALE;
      }
      if (FEMALE_SURNAME.matcher(surname).find()) {
        return Sex.FEMALE;
      }
      return MALE_SURNAME.matcher(surname).find() ? Sex.MALE : Sex.UNKNOWN;
    }

    Set<String> givenKeys(Sex sex) {
      if (givenWord.isEmpty()) {
        return Set.of();
      }
      Set<String> keys = new LinkedHashSet<>();
      for (GivenNames.Reading reading : GivenNames.standard().readings(givenWord)) {
        if (!reading.sex().conflictsWith(sex)) {
          keys.add(reading.key());
        }
      }
      if (keys.isEmpty()) {
        keys.add(givenWord);
      }
      return Set.copyOf(keys);
    }
  }
}
