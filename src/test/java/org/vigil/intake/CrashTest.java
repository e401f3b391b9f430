package org.vigil.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigil.Vigil;
import org.vigil.security.Role;
import org.vigil.storage.Database;
import org.vigil.testing.ChildVigil;
import org.vigil.testing.TestDatabase;

/**
 * Kills the server with SIGKILL while concurrent clients submit reports, restarts it, and proves
 * that every report that got a 201 is there, exactly once; clients that got no answer retry with
 * their idempotency key and end up with exactly one report each too.
 */
class CrashTest {
  private static final int CLIENTS = 12;
  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void every_acknowledged_report_survives_sigkill_once(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir.resolve("data"))) {
      Path keyset = dir.resolve("keyset.json");
      String operator;
      String coordinator;
      try (Vigil setup = Vigil.open(db.url(), keyset)) {
        setup.accounts().addUser("crash-operator", Role.OPERATOR);
        setup.accounts().addUser("crash-coordinator", Role.COORDINATOR);
        operator = setup.accounts().createToken("crash-operator");
        coordinator = setup.accounts().createToken("crash-coordinator");
      }
      String[] serve = {"serve", "--db", db.url(), "--keyset", keyset.toString(), "--port", "0"};

      Map<String, String> acknowledged = new ConcurrentHashMap<>();
      Set<String> inDoubt = ConcurrentHashMap.newKeySet();
      try (ChildVigil server = ChildVigil.start(serve)) {
        List<Thread> clients = startClients(server, operator, acknowledged, inDoubt);
        while (acknowledged.size() < 300) Thread.sleep(10);
        server.kill();
        for (Thread t : clients) t.join();
      }
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
      assertThat(inDoubt).as("every client was cut off mid-request").hasSize(CLIENTS);

      try (ChildVigil server = ChildVigil.start(serve)) {
        String base = "http://127.0.0.1:" + server.awaitPort();
        for (var ack : acknowledged.entrySet()) {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(URI.create(base + "/api/reports/" + ack.getValue()))
                      .header("Authorization", "Bearer " + coordinator)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as("acknowledged report %s", ack.getValue()).isEqualTo(200);
          assertThat(r.body()).contains("\"name\":\"Клиент " + ack.getKey() + "\"");
        }
        for (String key : inDoubt) {
          HttpResponse<String> r = submit(base, operator, key);
          assertThat(r.statusCode()).as("retry of %s", key).isEqualTo(201);
        }
        // A retry of an acknowledged report returns its first id.
        var sample = acknowledged.entrySet().iterator().next();
        assertThat(submit(base, operator, sample.getKey()).body()).contains(sample.getValue());
      }

      try (Database database = Database.open(db.url())) {
        Map<String, Integer> perKey =
            database
                .jdbi()
                .withHandle(
                    h ->
                        h
                            .createQuery(
                                "SELECT idempotency_key, COUNT(*) FROM reports GROUP BY idempotency_key")
                            .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                            .stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(perKey.values()).allMatch(n -> n == 1);
        assertThat(perKey.keySet()).containsAll(acknowledged.keySet()).containsAll(inDoubt);
        assertThat(perKey).hasSize(acknowledged.size() + inDoubt.size());
        int detentions =
            database
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT COUNT(*) FROM detentions")
                            .mapTo(Integer.class)
                            .one());
        assertThat(detentions).isEqualTo(perKey.size());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_graceful_stop_under_load_answers_or_refuses_but_loses_nothing(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir.resolve("data"))) {
      Path keyset = dir.resolve("keyset.json");
      String operator;
      try (Vigil setup = Vigil.open(db.url(), keyset)) {
        setup.accounts().addUser("stop-operator", Role.OPERATOR);
        operator = setup.accounts().createToken("stop-operator");
      }
      Map<String, String> acknowledged = new ConcurrentHashMap<>();
      Set<String> inDoubt = ConcurrentHashMap.newKeySet();
      try (ChildVigil server =
          ChildVigil.start(
              "serve", "--db", db.url(), "--keyset", keyset.toString(), "--port", "0")) {
        List<Thread> clients = startClients(server, operator, acknowledged, inDoubt);
        while (acknowledged.size() < 200) Thread.sleep(10);
        assertThat(server.stop()).as("exit code after SIGTERM").isIn(0, 143);
        for (Thread t : clients) t.join();
      }
      try (Database database = Database.open(db.url())) {
        Set<String> stored =
            Set.copyOf(
                database
                    .jdbi()
                    .withHandle(
                        h ->
                            h.createQuery("SELECT idempotency_key FROM reports")
                                .mapTo(String.class)
                                .list()));
        assertThat(stored).containsAll(acknowledged.keySet());
        assertThat(stored.size()).isLessThanOrEqualTo(acknowledged.size() + inDoubt.size());
      }
    }
  }

  /** Starts the concurrent clients, each submitting until the server stops answering. */
  private List<Thread> startClients(
      ChildVigil server, String token, Map<String, String> acknowledged, Set<String> inDoubt)
      throws InterruptedException {
    String base = "http://127.0.0.1:" + server.awaitPort();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.add(
          Thread.ofVirtual()
              .start(() -> submitUntilRefused(base, token, client, acknowledged, inDoubt)));
    }
    return clients;
  }

  private void submitUntilRefused(
      String base,
      String token,
      int client,
      Map<String, String> acknowledged,
      Set<String> inDoubt) {
    for (int n = 0; ; n++) {
      String key = client + "-" + n;
      try {
        HttpResponse<String> r = submit(base, token, key);
        if (r.statusCode() != 201)
          throw new IllegalStateException("unexpected " + r.statusCode() + " " + r.body());
        acknowledged.put(key, r.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
      } catch (IOException dead) {
        inDoubt.add(key); // sent, maybe stored, never answered
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpResponse<String> submit(String base, String token, String key)
      throws IOException, InterruptedException {
    String body = "{\"name\": \"Клиент " + key + "\", \"city\": \"Москва\", \"source\": \"self\"}";
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/reports"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
