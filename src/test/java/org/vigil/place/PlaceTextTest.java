package org.vigil.place;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The key a place name is looked up by, and what reports do to place names. */
class PlaceTextTest {
  @Test
  void keyFoldsCaseYoInvisiblesPunctuationAndApostrophes() {
    assertThat(PlaceText.key("  Санкт–Петербург\u200B ")).isEqualTo("санкт петербург");
    assertThat(PlaceText.key("ОРЁЛ")).isEqualTo("орел");
    assertThat(PlaceText.key("Tver’")).isEqualTo(PlaceText.key("Tver'")).isEqualTo("tver");
    assertThat(PlaceText.key("Tverʹ")).isEqualTo("tver");
    assertThat(PlaceText.key("Yakut·sk")).isEqualTo("yakutsk");
    assertThat(PlaceText.key("St.-Petersburg")).isEqualTo("st petersburg");
    assertThat(PlaceText.key("Pétursborg")).isEqualTo("petursborg");
    assertThat(PlaceText.key("\u200F\u00AD\uFEFF")).isEmpty();
    assertThat(PlaceText.key("!!! — ...")).isEmpty();
  }

  @Test
  void typeWordsGoOnlyWhenSomethingIsLeft() {
    assertThat(PlaceText.withoutTypeWords("г москва")).isEqualTo("москва");
    assertThat(PlaceText.withoutTypeWords("москва г")).isEqualTo("москва");
    assertThat(PlaceText.withoutTypeWords("city of moscow")).isEqualTo("moscow");
    assertThat(PlaceText.withoutTypeWords("р п кольцово")).isEqualTo("кольцово");
    assertThat(PlaceText.withoutTypeWords("поселок городского типа кольцово"))
        .isEqualTo("кольцово");
    assertThat(PlaceText.withoutTypeWords("город")).isEqualTo("город");
    assertThat(PlaceText.withoutTypeWords("гусь хрустальныи")).isEqualTo("гусь хрустальныи");
  }

  @Test
  void looseKeysLetRomanisationsMeet() {
    String nizhny = PlaceText.loose("nizhny novgorod");
    assertThat(PlaceText.loose("nizhniy novgorod")).isEqualTo(nizhny);
    assertThat(PlaceText.loose("nizhnij novgorod")).isEqualTo(nizhny);
    assertThat(PlaceText.loose("nizhnii novgorod")).isEqualTo(nizhny);
    assertThat(PlaceText.loose(PlaceText.key("Nižnij Novgorod"))).isEqualTo(nizhny);
    assertThat(PlaceText.loose("yekaterinburg")).isEqualTo(PlaceText.loose("ekaterinburg"));
    assertThat(PlaceText.loose("khabarovsk")).isEqualTo(PlaceText.loose("habarovsk"));
    assertThat(PlaceText.loose("москва")).isEmpty();
  }

  @Property
  void noInputThrowsAndNoKeyGrowsPastItsBound(@ForAll String text) {
    String key = PlaceText.key(text);
    assertThat(key).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
    PlaceText.withoutTypeWords(key);
    PlaceText.loose(key);
    Gazetteer.russia().resolve(text);
    Gazetteer.russia().resolve(text, text);
  }

  @Property
  void invisibleCharactersAnywhereChangeNothing(
      @ForAll("cities") String city, @ForAll("invisibles") String invisible, @ForAll int at) {
    int position = Math.floorMod(at, city.length() + 1);
    String noisy = city.substring(0, position) + invisible + city.substring(position);
    assertThat(Gazetteer.russia().resolve(noisy)).isEqualTo(Gazetteer.russia().resolve(city));
  }

  @Property
  void caseChangesNothing(@ForAll("cities") String city) {
    Gazetteer places = Gazetteer.russia();
    assertThat(places.resolve(city.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(places.resolve(city));
    assertThat(places.resolve(city.toLowerCase(java.util.Locale.ROOT)))
        .isEqualTo(places.resolve(city));
  }

  @Provide
  Arbitrary<String> cities() {
    return Arbitraries.of(
        "Москва",
        "Санкт-Петербург",
        "Екатеринбург",
        "Нижний Новгород",
        "Якутск",
        "Орёл",
        "Yekaterinburg",
        "Saint Petersburg",
        "Октябрьский",
        "Ростов-на-Дону");
  }

  @Provide
  Arbitrary<String> invisibles() {
    return Arbitraries.of(
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F", "\u202A",
        "\u202C", "\u2066", "\u2069", "\u0301");
  }
}
