package org.vigil.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.vigil.Vigil;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Claim.Qualifier;
import org.vigil.campaign.Claim.Subject;
import org.vigil.campaign.Event;
import org.vigil.cases.Consent;
import org.vigil.cases.ConsentStatement.Giver;
import org.vigil.intake.Channel;
import org.vigil.intake.ReportContent;
import org.vigil.intake.Reporter;
import org.vigil.publish.LiveUpdate;
import org.vigil.security.Principal;
import org.vigil.security.Role;

/**
 * A demo campaign modelled on 23 January 2021, as the news report in shared/data tells it: more
 * than 3,000 detained in more than 60 cities, about 15,000 on and around Pushkin Square in Moscow,
 * −50 °C in Yakutsk. The detainees are generated: no real private person appears.
 */
public final class DemoCampaign {
  static final String TITLE = "23 January 2021: protests for the release of Alexey Navalny";
  private static final String ARTICLE =
      "Al Jazeera, \"In Pictures: Mass demonstrations engulf Russia\", 24 Jan 2021";
  private static final LocalDate DAY = LocalDate.of(2021, 1, 23);

  /** A city's event in the demo: where, the local offset, how many generated detainees. */
  private record City(
      String name,
      String venue,
      ZoneOffset offset,
      Double temperatureC,
      String conditions,
      int detainees,
      List<String> stations,
      double latitude,
      double longitude) {}

  private static final List<City> CITIES =
      List.of(
          new City(
              "Москва",
              "Пушкинская площадь",
              ZoneOffset.ofHours(3),
              null,
              null,
              40,
              List.of("ОВД Тверской", "ОВД Мещанский", "ОВД Пресненский"),
              55.7656,
              37.6055),
          new City(
              "Санкт-Петербург",
              "Сенатская площадь",
              ZoneOffset.ofHours(3),
              null,
              null,
              20,
              List.of("71 отдел полиции", "76 отдел полиции"),
              59.9364,
              30.3022),
          new City(
              "Екатеринбург",
              "Площадь Труда",
              ZoneOffset.ofHours(5),
              null,
              null,
              8,
              List.of(),
              56.8389,
              60.6057),
          new City(
              "Казань",
              "Площадь Свободы",
              ZoneOffset.ofHours(3),
              null,
              null,
              6,
              List.of(),
              55.7887,
              49.1221),
          new City(
              "Омск",
              "Театральная площадь",
              ZoneOffset.ofHours(6),
              null,
              null,
              5,
              List.of(),
              54.9885,
              73.3242),
          new City(
              "Якутск",
              "Площадь Ленина",
              ZoneOffset.ofHours(9),
              -50.0,
              "−50 °C (−58 °F), the lowest temperature of the day's protests",
              4,
              List.of(),
              62.0355,
              129.6755),
          new City(
              "Южно-Сахалинск",
              "Площадь Славы",
              ZoneOffset.ofHours(11),
              null,
              null,
              3,
              List.of(),
              46.9591,
              142.7380));

  private static final List<String> MALE =
      List.of(
          "Алексей", "Иван", "Дмитрий", "Сергей", "Андрей", "Михаил", "Николай", "Павел", "Егор",
          "Артём");
  private static final List<String> FEMALE =
      List.of(
          "Анна", "Мария", "Елена", "Ольга", "Дарья", "Ксения", "Наталья", "Софья", "Полина",
          "Вера");
  private static final List<String> SURNAMES =
      List.of(
          "Кузнецов",
          "Соколов",
          "Лебедев",
          "Козлов",
          "Новиков",
          "Морозов",
          "Волков",
          "Зайцев",
          "Павлов",
          "Семёнов",
          "Голубев",
          "Виноградов");
  private static final List<Reporter> REPORTERS =
      List.of(Reporter.SELF, Reporter.RELATIVE, Reporter.WITNESS, Reporter.LAWYER);

  private DemoCampaign() {}

  /** Loads the demo once per database, and returns a fresh coordinator token. */
  public static String load(Vigil vigil) {
    if (vigil.accounts().findUser("demo-coordinator").isEmpty()) {
      Principal coordinator = vigil.accounts().addUser("demo-coordinator", Role.COORDINATOR);
      Principal operator = vigil.accounts().addUser("demo-operator", Role.OPERATOR);
      Principal editor = vigil.accounts().addUser("demo-editor", Role.EDITOR);
      String campaignId = seed(vigil, coordinator, operator);
      publishUpdates(vigil, campaignId, editor);
    }
    return vigil.accounts().createToken("demo-coordinator");
  }

  /**
   * Two in three detainees are reported by the coordinator, so confirmed; the rest by a hotline
   * operator, so unconfirmed until verified: the public count shows both apart.
   */
  private static String seed(Vigil vigil, Principal coordinator, Principal operator) {
    var campaigns = vigil.campaigns();
    Campaign campaign =
        campaigns.create(
            TITLE, DAY, DAY.plusDays(1), "Protests in more than 60 cities across Russia.");
    campaigns.addClaim(
        campaign.id(),
        null,
        Subject.DETAINED,
        Qualifier.MORE_THAN,
        3000,
        ARTICLE,
        "Russian police have arrested more than 3,000 people in nationwide protests",
        null);
    campaigns.addClaim(
        campaign.id(),
        null,
        Subject.CITIES,
        Qualifier.MORE_THAN,
        60,
        ARTICLE,
        "The unprecedented demonstrations in more than 60 cities",
        null);
    Random random = new Random(23012021);
    for (City city : CITIES) {
      Event event =
          campaigns.createEvent(
              new Event.Input(
                  campaign.id(),
                  DAY,
                  city.name(),
                  null,
                  city.venue(),
                  "rally",
                  false,
                  "release of Alexey Navalny",
                  null,
                  city.temperatureC(),
                  city.conditions(),
                  city.latitude(),
                  city.longitude()));
      if (city.name().equals("Москва")) {
        campaigns.addClaim(
            null,
            event.id(),
            Subject.CROWD,
            Qualifier.ABOUT,
            15000,
            ARTICLE,
            "an estimated 15,000 demonstrators gathered in and around Pushkin Square",
            null);
      }
      city.stations().forEach(s -> vigil.stations().create(s, city.name(), null, null, null));
      for (int i = 0; i < city.detainees(); i++) {
        ReportContent report = detainee(random, campaign.id(), city);
        Principal typist = random.nextInt(3) == 0 ? operator : coordinator;
        String id = vigil.intake().submit(report, Channel.OPERATOR, typist, null).id();
        verifyConsent(vigil, id, report, typist, coordinator);
      }
    }
    return campaign.id();
  }

  /**
   * A coordinator who typed a report from the detainee or a relative verified the consent it
   * states, so the demo's event pages name some detainees; everyone else stays unnamed.
   */
  private static void verifyConsent(
      Vigil vigil, String reportId, ReportContent report, Principal typist, Principal coordinator) {
    Giver giver =
        switch (report.source()) {
          case SELF -> Giver.SELF;
          case RELATIVE, LAWYER -> Giver.REPRESENTATIVE;
          default -> null;
        };
    if (typist != coordinator || giver == null || report.consent() == Consent.NONE) return;
    vigil
        .cases()
        .personOf(reportId)
        .ifPresent(
            person ->
                vigil
                    .cases()
                    .consents()
                    .record(person, report.consent(), giver, reportId, null, coordinator.userId()));
  }

  /** The editors' live updates of the day, as the news report tells it. */
  private static void publishUpdates(Vigil vigil, String campaignId, Principal editor) {
    var updates = vigil.updates();
    updates.publish(
        campaignId,
        LiveUpdate.Language.RU,
        "В Москве около 15 000 человек вышли на Пушкинскую площадь и прилегающие улицы.",
        editor.userId());
    updates.publish(
        campaignId,
        LiveUpdate.Language.EN,
        "In Moscow an estimated 15,000 people gathered in and around Pushkin Square.",
        editor.userId());
    updates.publish(
        campaignId,
        LiveUpdate.Language.RU,
        "В Якутске акция прошла при температуре −50 °C.",
        editor.userId());
    updates.publish(
        campaignId,
        LiveUpdate.Language.EN,
        "In Yakutsk protesters stood in −50 °C (−58 °F).",
        editor.userId());
  }

  private static ReportContent detainee(Random random, String campaignId, City city) {
    boolean female = random.nextInt(3) == 0;
    String given = pick(random, female ? FEMALE : MALE);
    String surname = pick(random, SURNAMES) + (female ? "а" : "");
    OffsetDateTime at =
        DAY.atTime(12 + random.nextInt(6), random.nextInt(60)).atOffset(city.offset());
    String station = city.stations().isEmpty() ? null : pick(random, city.stations());
    Consent consent = List.of(Consent.NONE, Consent.INITIALS, Consent.FULL).get(random.nextInt(3));
    return new ReportContent(
        given + " " + surname,
        1960 + random.nextInt(45),
        city.name(),
        at,
        city.venue(),
        station,
        pick(random, REPORTERS),
        "+7 900 " + (1000000 + random.nextInt(8999999)),
        "Задержан(а) на акции, доставлен(а) "
            + (station == null ? "в отдел полиции" : "в " + station)
            + ".",
        campaignId,
        null,
        null,
        consent,
        random.nextInt(10) == 0,
        random.nextInt(25) == 0,
        false);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
