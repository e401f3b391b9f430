package org.vigil.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.testing.TestDatabase;

class DatabaseTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void migrations_run_once_and_reopening_keeps_data(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase test = TestDatabase.create(kind, dir)) {
      try (Database db = Database.open(test.url())) {
        db.jdbi()
            .useHandle(
                h ->
                    h.execute(
                        "INSERT INTO users (id, name, role, created_at) VALUES ('u1', 'анна', 'ADMIN', 1)"));
      }
      try (Database db = Database.open(test.url())) {
        String name =
            db.jdbi()
                .withHandle(h -> h.createQuery("SELECT name FROM users").mapTo(String.class).one());
        assertThat(name).isEqualTo("анна");
        int migrations =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success")
                            .mapTo(Integer.class)
                            .one());
        assertThat(migrations).isEqualTo(3);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_stored_report_can_be_neither_rewritten_nor_deleted(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase test = TestDatabase.create(kind, dir);
        Database db = Database.open(test.url())) {
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      """
          INSERT INTO reports (id, received_at, channel, reporter, consent, force_used, minor, journalist, city)
          VALUES ('r1', 1, 'PUBLIC', 'SELF', 'NONE', false, false, false, 'Москва')"""));
      assertThatThrownBy(
              () -> db.jdbi().useHandle(h -> h.execute("UPDATE reports SET city = 'Казань'")))
          .hasMessageContaining("immutable");
      assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("DELETE FROM reports")))
          .hasMessageContaining("immutable");
      String city =
          db.jdbi()
              .withHandle(h -> h.createQuery("SELECT city FROM reports").mapTo(String.class).one());
      assertThat(city).isEqualTo("Москва");
    }
  }

  @org.junit.jupiter.api.Test
  void an_in_memory_database_is_refused_because_it_would_lose_reports() {
    assertThatThrownBy(() -> Database.open("jdbc:sqlite::memory:")).hasMessageContaining("lose");
    assertThatThrownBy(() -> Database.open("jdbc:h2:mem:x")).hasMessageContaining("unsupported");
  }

  @org.junit.jupiter.api.Test
  void ids_are_time_ordered_and_unique() {
    String a = Ids.next();
    String b = Ids.next();
    assertThat(a).isNotEqualTo(b);
    assertThat(java.util.UUID.fromString(a).version()).isEqualTo(7);
    assertThat(a.substring(0, 8).compareTo(b.substring(0, 8))).isLessThanOrEqualTo(0);
  }
}
