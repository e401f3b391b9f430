package org.vigil.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  private static final List<Generator.Labelled> DATA = new Generator(9).generate(2_000, 6_000);

  @Test
  void sameSeedSameData() {
    assertThat(new Generator(9).generate(50, 100)).isEqualTo(new Generator(9).generate(50, 100));
  }

  @Test
  void everyPersonHasAtLeastOneReport() {
    assertThat(DATA).hasSize(6_000);
    assertThat(DATA.stream().map(Generator.Labelled::personId).distinct()).hasSize(2_000);
  }

  @Test
  void namesComeInEveryScriptAndForm() {
    List<String> names = DATA.stream().map(l -> l.report().name()).toList();
    assertThat(names).anyMatch(n -> n.matches("[A-Z' ]+")); // passport capitals
    assertThat(names)
        .anyMatch(n -> n.matches(".*[A-Za-z].*") && !n.equals(n.toUpperCase())); // press
    assertThat(names).anyMatch(n -> n.matches(".*[А-Я]\\. [А-Я]\\..*")); // initials
    assertThat(names).anyMatch(n -> n.matches(".*(вич|вна)( .*)?")); // patronymics
    assertThat(names)
        .anyMatch(n -> n.startsWith("Лёша ") || n.startsWith("Саша ") || n.startsWith("Маша "));
    assertThat(names).anyMatch(n -> n.matches(".*[šžčŝŠŽČŜ].*")); // ISO 9
  }

  @Test
  void namesakesAndRelativesAreAmongThePersons() {
    Map<String, List<String>> personsBySurname =
        DATA.stream()
            .collect(
                Collectors.groupingBy(
                    l -> PersonName.parse(l.report().name()).surname(),
                    Collectors.mapping(Generator.Labelled::personId, Collectors.toList())));
    assertThat(personsBySurname.values()).anyMatch(ids -> ids.stream().distinct().count() > 5);
  }

  @Test
  void nobodyIsDetainedTwiceOnOneDay() {
    Map<String, Set<String>> citiesOnDays = new HashMap<>();
    for (Generator.Labelled l : DATA) {
      l.report()
          .detainedOn()
          .filter(day -> !l.report().city().isEmpty())
          .ifPresent(
              day ->
                  citiesOnDays
                      .computeIfAbsent(l.personId() + " " + day, k -> new HashSet<>())
                      .add(Places.cityKey(l.report().city())));
    }
    assertThat(citiesOnDays.values()).allMatch(cities -> cities.size() == 1);
  }

  @Test
  void patronymicsFollowTheRules() {
    assertThat(Generator.patronymic("Алексей", Sex.MALE)).isEqualTo("Алексеевич");
    assertThat(Generator.patronymic("Анатолий", Sex.FEMALE)).isEqualTo("Анатольевна");
    assertThat(Generator.patronymic("Илья", Sex.FEMALE)).isEqualTo("Ильинична");
    assertThat(Generator.patronymic("Никита", Sex.FEMALE)).isEqualTo("Никитична");
    assertThat(Generator.patronymic("Дмитрий", Sex.MALE)).isEqualTo("Дмитриевич");
    assertThat(Generator.surnameFor("Покровский", Sex.FEMALE)).isEqualTo("Покровская");
    assertThat(Generator.surnameFor("Навальный", Sex.FEMALE)).isEqualTo("Навальная");
    assertThat(Generator.surnameFor("Белых", Sex.FEMALE)).isEqualTo("Белых");
  }
}
