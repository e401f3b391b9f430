package org.vigil.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.security.Role.COORDINATOR;
import static org.vigil.security.Role.OPERATOR;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.security.Role;
import org.vigil.testing.Imports;
import org.vigil.testing.TestDatabase;
import org.vigil.testing.TestVigil;

/** An event's detentions are its documented persons plus its sourced count of unnamed ones. */
class NamedAndUnnamedTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void everyTallyShowsBothParts(TestDatabase.Kind kind) throws Exception {
    Path table = dir.resolve("table.csv");
    Files.writeString(
        table,
        "Id,date,region,place,ovd,number_of_detentions\n"
            + "1,23.01.2021,Москва,Пушкинская площадь,ОВД Тверской - 3,3\n");
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      Imports.ovdinfo(db.url(), table);
      try (TestVigil server = TestVigil.start(db, dir.resolve("keyset.json"))) {
        String event = Imports.onlyEvent(server);
        report(server, event, "Иван Петров", COORDINATOR);
        report(server, event, "Анна Смирнова", COORDINATOR);
        // Not verified yet: the named part counts confirmed detentions only.
        report(server, event, "Пётр Непроверенный", OPERATOR);
        Tallies tallies = new Tallies(server.vigil().database().jdbi());

        Group byRegion = tallies.tally(TallyQuery.of(Dimension.REGION)).getFirst();
        Group byStation = tallies.tally(TallyQuery.of(Dimension.POLICE_STATION)).getFirst();

        assertThat(List.of(byRegion.events(), byRegion.named(), byRegion.unnamed()))
            .containsExactly(1L, 2L, 3L);
        assertThat(byRegion.detentions()).isEqualTo(5);
        assertThat(byStation.labels()).containsExactly("ОВД Тверской");
        assertThat(List.of(byStation.events(), byStation.named(), byStation.unnamed()))
            .containsExactly(1L, 2L, 3L);
      }
    }
  }

  private static void report(TestVigil server, String event, String name, Role role) {
    String body =
        """
        {"name": "%s", "city": "Москва", "event": "%s",
         "detained_at": "2021-01-23T14:05:00+03:00", "police_station": "ОВД Тверской",
         "source": "relative", "consent": "none"}"""
            .formatted(name, event);
    assertThat(server.post("/api/reports", body, role).status()).isEqualTo(201);
  }
}
