package org.vigil.site;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vigil.campaign.Campaign;
import org.vigil.tally.CampaignCount;
import org.vigil.tally.CampaignCount.Figures;
import org.vigil.tally.CampaignCount.Group;

/** The generated sentence in both languages, Russian plurals included, and language choice. */
class WordsTest {
  private static CampaignCount count(long confirmed, long unconfirmed, int cities) {
    List<Group> groups =
        IntStream.range(0, cities)
            .mapToObj(i -> new Group("city" + i, "city" + i, "city" + i, new Figures(1, 0, 0)))
            .toList();
    return new CampaignCount(
        new Campaign("c", "23 January", null, null, null, null, Instant.now(), Instant.now()),
        1,
        Instant.now(),
        new Figures(confirmed, unconfirmed, 0),
        groups,
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void russian_numbers_take_their_plural_forms() {
    assertThat(Summary.sentence(Language.RU, count(1, 0, 1)))
        .isEqualTo("Полиция задержала не менее 1 человека в 1 городе.");
    assertThat(Summary.sentence(Language.RU, count(3, 0, 3)))
        .isEqualTo("Полиция задержала не менее 3 человек в 3 городах.");
    assertThat(Summary.sentence(Language.RU, count(3012, 0, 61)))
        .isEqualTo("Полиция задержала не менее 3\u00a0012 человек в 61 городе.");
  }

  @Test
  void the_headline_counts_confirmed_people_only_and_says_the_rest_apart() {
    assertThat(Summary.sentence(Language.RU, count(2, 5, 2)))
        .isEqualTo(
            "Полиция задержала не менее 2 человек в 2 городах. Ещё 5 сообщений о задержаниях"
                + " проверяются и в это число не входят.");
    assertThat(Summary.sentence(Language.EN, count(2410, 602, 61)))
        .isEqualTo(
            "Police have detained at least 2,410 people in 61 cities. 602 more reported"
                + " detentions are being verified and not counted in this figure.");
    assertThat(Summary.sentence(Language.EN, count(0, 1, 0)))
        .isEqualTo(
            "No detention has been confirmed yet. 1 more reported detention is being verified"
                + " and not counted in this figure.");
  }

  @Test
  void english_says_the_same() {
    assertThat(Summary.sentence(Language.EN, count(1, 0, 1)))
        .isEqualTo("Police have detained at least 1 person in 1 city.");
    assertThat(Summary.sentence(Language.EN, count(0, 0, 0)))
        .isEqualTo("No detentions have been reported yet.");
  }

  @Test
  void the_reader_gets_russian_unless_english_comes_first() {
    assertThat(Language.preferred("en-GB,en;q=0.9,ru;q=0.5")).isEqualTo(Language.EN);
    assertThat(Language.preferred("ru-RU,ru;q=0.9,en;q=0.8")).isEqualTo(Language.RU);
    assertThat(Language.preferred("de-DE")).isEqualTo(Language.RU);
    assertThat(Language.preferred(null)).isEqualTo(Language.RU);
    assertThat(Language.preferred(";;;q=x")).isEqualTo(Language.RU);
  }

  @Test
  void every_text_exists_in_both_languages() throws Exception {
    var ru = new Properties();
    var en = new Properties();
    try (var r = Texts.class.getResourceAsStream("texts_ru.properties");
        var e = Texts.class.getResourceAsStream("texts_en.properties")) {
      ru.load(new InputStreamReader(r, UTF_8));
      en.load(new InputStreamReader(e, UTF_8));
    }
    assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
  }
}
