package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTest {

  @ParameterizedTest(name = "{0} folds to {1}")
  @CsvSource({
    "Алексей, aleksei",
    "Aleksey, aleksei", // BGN/PCGN
    "Aleksei, aleksei", // ICAO 9303
    "Aleksej, aleksei", // ISO 9 / GOST 7.79 A
    "Alexey, aleksei", // press
    "Alexei, aleksei", // press
    "Навальный, navalni",
    "Naval'nyy, navalni", // BGN/PCGN
    "Navalnyi, navalni", // ICAO 9303
    "Naval'nyj, navalni", // ISO 9
    "Navalny, navalni", // press
    "NAVALNYY, navalni", // passport capitals
    "Navalniy, navalni", // -iy
    "Navalnii, navalni", // -ii
    "Ёлкин, elkin", // ё at the start
    "Елкин, elkin",
    "Yolkin, elkin",
    "Пётр, petr",
    "Pyotr, petr",
    "Щукин, Wukin",
    "Shchukin, Wukin",
    "Shhukin, Wukin", // GOST 7.79 B
    "Ŝukin, Wukin", // ISO 9
    "Цой, coi",
    "Tsoy, coi",
    "Tsoi, coi",
    "Coj, coi",
    "Хабаров, habarov",
    "Khabarov, habarov",
    "Юлия, UlA",
    "Yuliya, UlA",
    "Iuliia, UlA",
    "Yulia, UlA",
    "Мария, marA",
    "Maria, marA",
    "Mariya, marA",
    "Дмитриевич, dmitreviC",
    "Dmitriyevich, dmitreviC",
    "Евгений, evgeni",
    "Yevgeniy, evgeni",
    "Evgenii, evgeni",
    "Александр, aleksandr",
    "Alexander, aleksandr",
  })
  void romanisationsFoldIntoOneKey(String word, String key) {
    assertThat(PhoneticKey.of(word)).isEqualTo(key);
  }

  @Test
  void surnameFirstWithPatronymic() {
    PersonName name = PersonName.parse("Навальный Алексей Анатольевич");
    assertThat(name.surname()).isEqualTo("navalni");
    assertThat(name.given()).containsExactly("aleksei");
    assertThat(name.patronymic()).isEqualTo("anatol");
    assertThat(name.sex()).isEqualTo(Sex.MALE);
  }

  @Test
  void givenNameFirstInLatinCapitals() {
    PersonName latin = PersonName.parse("NAVALNYY ALEKSEI");
    PersonName cyrillic = PersonName.parse("Алексей Навальный");
    assertThat(latin.surname()).isEqualTo(cyrillic.surname()).isEqualTo("navalni");
    assertThat(latin.given()).isEqualTo(cyrillic.given());
  }

  @Test
  void diminutiveLeadsToFullName() {
    assertThat(PersonName.parse("Лёша Навальный").given()).containsExactly("aleksei");
    assertThat(PersonName.parse("Lyosha Navalny").given()).containsExactly("aleksei");
  }

  @Test
  void ambiguousDiminutiveKeepsEveryReadingUntilSexIsKnown() {
    assertThat(PersonName.parse("Саша").given())
        .containsExactlyInAnyOrder("aleksandr", "aleksandra");
    assertThat(PersonName.parse("Слава Кузнецов").given())
        .contains(
            PhoneticKey.of("Вячеслав"),
            PhoneticKey.of("Владислав"),
            PhoneticKey.of("Станислав"),
            PhoneticKey.of("Ярослав"));
    PersonName sashaPetrova = PersonName.parse("Саша Петрова");
    assertThat(sashaPetrova.sex()).isEqualTo(Sex.FEMALE);
    assertThat(sashaPetrova.given()).containsExactly("aleksandra");
  }

  @Test
  void feminineSurnameSharesTheMasculineKey() {
    PersonName wife = PersonName.parse("Мария Смирнова");
    PersonName husband = PersonName.parse("Иван Смирнов");
    assertThat(wife.surname()).isEqualTo(husband.surname()).isEqualTo("smirnov");
    assertThat(wife.sex()).isEqualTo(Sex.FEMALE);
    assertThat(husband.sex()).isEqualTo(Sex.MALE);
    assertThat(PersonName.parse("Юлия Навальная").surname()).isEqualTo("navalni");
    assertThat(PersonName.parse("Yulia Navalnaya").surname()).isEqualTo("navalni");
    assertThat(PersonName.parse("Ольга Покровская").surname())
        .isEqualTo(PersonName.parse("Покровский Олег").surname());
  }

  @Test
  void initialsStandInForGivenNameAndPatronymic() {
    PersonName name = PersonName.parse("Навальный А. А.");
    assertThat(name.surname()).isEqualTo("navalni");
    assertThat(name.given()).isEmpty();
    assertThat(name.givenInitial()).isEqualTo("a");
    assertThat(name.patronymicInitial()).isEqualTo("a");
    assertThat(PersonName.parse("А.А. Навальный").givenInitial()).isEqualTo("a");
  }

  @Test
  void patronymicIsOptionalAndSexNeutral() {
    assertThat(PersonName.parse("Алексей Навальный").patronymic()).isEmpty();
    assertThat(PersonName.parse("Иванова Анна Сергеевна").patronymic())
        .isEqualTo(PersonName.parse("Иванов Пётр Сергеевич").patronymic());
    assertThat(PersonName.parse("Иванова Анна Сергеевна").sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void patronymicShapedWordIsTheSurnameWhenNothingElseCanBe() {
    PersonName name = PersonName.parse("Андрей Мицкевич");
    assertThat(name.surname()).isEqualTo("mickeviC");
    assertThat(name.patronymic()).isEmpty();
  }

  @Test
  void anyWordOrderAndCase() {
    PersonName a = PersonName.parse("навальный алексей");
    PersonName b = PersonName.parse("Алексей НАВАЛЬНЫЙ");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void unknownGivenNameIsTakenFromTheSurnameShapedWord() {
    PersonName name = PersonName.parse("Зарема Мусаева");
    assertThat(name.surname()).isEqualTo("musaev");
    assertThat(name.given()).containsExactly("zarema");
  }

  @Test
  void oneWordWithInitialsIsTheSurnameEvenWhenItLooksLikeAGivenName() {
    PersonName name = PersonName.parse("Алексеев А. А.");
    assertThat(name.surname()).isEqualTo(PersonName.parse("Андрей Алексеев").surname());
    assertThat(name.given()).isEmpty();
    assertThat(name.givenInitial()).isEqualTo("a");
    assertThat(PersonName.parse("Тимофеев В. А.").surname())
        .isEqualTo(PersonName.parse("Тимофеев Владислав Артемович").surname());
  }

  @Test
  void patronymicWithATypoInItsSuffixIsNotGluedToTheSurname() {
    PersonName typo = PersonName.parse("Чунадин Дмитрий Васильевоч");
    PersonName right = PersonName.parse("Чунадин Дмитрий Васильевич");
    assertThat(typo.surname()).isEqualTo(right.surname());
    assertThat(typo.patronymic()).isEqualTo(right.patronymic());
  }

  @Test
  void misspeltGivenNameKeepsItsFirstLetter() {
    assertThat(PersonName.parse("Еорка Мушский").given())
        .isEqualTo(PersonName.parse("Егорка Мушский").given());
  }

  @Test
  void aMisspeltPatronymicIsNotTakenForTheSurname() {
    // Гущина ends one typo from -ична, Львовоа one typo from -овна: the surname-shaped word stays
    PersonName typo = PersonName.parse("Гущина Ирина Львовоа");
    assertThat(typo.surname()).isEqualTo(PersonName.parse("Ирина Гущина").surname());
    assertThat(typo.patronymicInitial()).isEqualTo("l");
  }

  @Test
  void aClearSurnameEndingWinsOverAGivenNameEndingInY() {
    // Vialy (Vitaly misspelt) ends like Навальный; Titov ends like a surname
    PersonName name = PersonName.parse("Vialy Titov");
    assertThat(name.surname()).isEqualTo(PersonName.parse("Титов Виталий").surname());
  }

  @Test
  void aCorrectedGivenNameIsMarkedAsNotWritten() {
    assertThat(PersonName.parse("Нина Тилева").givenAsWritten()).isTrue();
    assertThat(PersonName.parse("Нниа Тилева").givenAsWritten()).isFalse();
    assertThat(PersonName.parse("Тилева Н. В.").givenAsWritten()).isFalse();
  }

  @Test
  void gostXForKhIsReadAsKhWhereThatMakesAKnownName() {
    assertThat(PersonName.parse("Mixail Eliseev").given())
        .isEqualTo(PersonName.parse("Михаил Елисеев").given());
    // the press's x for кс stays кс
    assertThat(PersonName.parse("Alexey Eliseev").given())
        .isEqualTo(PersonName.parse("Алексей Елисеев").given());
  }

  @Test
  void gostXBeginningOrEndingASurnameOrBesideOtherGostMarksIsKh() {
    assertThat(PersonName.parse("Nikita Xoxlov").surname())
        .isEqualTo(PersonName.parse("Никита Хохлов").surname());
    assertThat(PersonName.parse("Mariya Gy'ly'x").surname())
        .isEqualTo(PersonName.parse("Мария Гылых").surname());
    assertThat(PersonName.parse("Il`ya Zaxarov").surname())
        .isEqualTo(PersonName.parse("Илья Захаров").surname());
    // inside a word and with no other mark of GOST 7.79, x is the press's кс
    assertThat(PersonName.parse("Maxim Maximov").surname())
        .isEqualTo(PersonName.parse("Максим Максимов").surname());
  }

  @Test
  void aMisspeltGivenNameIsCorrectedToANameOfTheSexTheSurnameShows() {
    assertThat(PersonName.parse("Гелб Голубев").given()).containsExactly(PhoneticKey.of("Глеб"));
    assertThat(PersonName.parse("Ниикта Жясцев").given()).containsExactly(PhoneticKey.of("Никита"));
    assertThat(PersonName.parse("Алёа Лебедева").given()).containsExactly(PhoneticKey.of("Алёна"));
    assertThat(PersonName.parse("Алёа Лебедева").sex()).isEqualTo(Sex.FEMALE);
    assertThat(PersonName.parse("Араша Смирнов").given())
        .containsExactly(PhoneticKey.of("Аркадий"));
  }

  @Test
  void aWomansPatronymicMissingItsNIsTheWordMadeFromAMansName() {
    // Сергеевна without its н looks like a surname; the word made from Сергей is the patronymic
    PersonName name = PersonName.parse("Кошелева Ульяна Сергеева");
    assertThat(name.surname()).isEqualTo(PersonName.parse("Кошелева Ульяна").surname());
    assertThat(name.patronymicInitial()).isEqualTo("s");
    // a surname in -ых is no patronymic, even one letter from -ович
    assertThat(PersonName.parse("Фумовых Владимир Львоивч").surname())
        .isEqualTo(PersonName.parse("Фумовых Владимир").surname());
  }

  @Test
  void aSurnameOnlyEndingWinsOverAnEndingWomensNamesShare() {
    // Ирина misspelt Иина ends in -ина like a surname; Белоусова can only be one
    PersonName name = PersonName.parse("Иина Белоусова");
    assertThat(name.surname()).isEqualTo(PersonName.parse("Ирина Белоусова").surname());
    assertThat(PersonName.parse("Юоий Фуварский").surname())
        .isEqualTo(PersonName.parse("Юрий Фуварский").surname());
  }
}
