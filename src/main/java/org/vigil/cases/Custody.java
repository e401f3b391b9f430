package org.vigil.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.vigil.security.Vault;

/**
 * Who is held at a police station now: detentions whose latest timeline entry in force says the
 * person is at a station or held there overnight, grouped by station, for the coordinator who sends
 * lawyers. Rejected detentions and ones merged into another (which stands for both) are left out; a
 * person held under two detentions at one station is one person there.
 */
public final class Custody {
  /** The statuses that mean a person is inside a police station. */
  static final Set<DetentionStatus> AT_STATION =
      Set.of(DetentionStatus.AT_POLICE_STATION, DetentionStatus.HELD_OVERNIGHT);

  private static final String HELD =
      """
      SELECT d.id, d.person_id, d.status, d.police_station_id, ps.name AS station_name, ps.city,
        d.police_station, p.name_enc, p.birth_year_enc,
        (SELECT MAX(s.happened_at) FROM detention_statuses s
          WHERE s.detention_id = d.id AND s.status = d.status) AS since
      FROM detentions d JOIN persons p ON p.id = d.person_id
        LEFT JOIN police_stations ps ON ps.id = d.police_station_id
      WHERE d.status IN ('AT_POLICE_STATION', 'HELD_OVERNIGHT')
        AND d.rejected_at IS NULL AND d.merged_into IS NULL
      """;

  private final Jdbi jdbi;
  private final Vault vault;

  Custody(Jdbi jdbi, Vault vault) {
    this.jdbi = jdbi;
    this.vault = vault;
  }

  /**
   * A police station and the people held there now. {@code stationId} is null for a station the
   * directory does not know, named as the reports typed it.
   */
  public record Station(String stationId, String name, String city, List<Held> people) {
    public int count() {
      return people.size();
    }
  }

  /** One person held now: their detention, name and year, status, and since when. */
  public record Held(
      String detentionId,
      String personId,
      String name,
      Integer birthYear,
      DetentionStatus status,
      OffsetDateTime since) {}

  /** How many people each station holds now, most first: no names. */
  public record Count(String stationId, String name, String city, long people) {}

  /**
   * The people held now, by station (most first), at most {@code limit} people in all: only those
   * shown are decrypted.
   */
  public List<Station> held(int limit) {
    record Row(
        String detentionId,
        String personId,
        String status,
        String stationId,
        String stationName,
        String city,
        String typed,
        byte[] nameEnc,
        byte[] birthYearEnc,
        String since) {}
    List<Row> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(HELD + " ORDER BY d.id")
                    .map(
                        (rs, ctx) ->
                            new Row(
                                rs.getString("id"),
                                rs.getString("person_id"),
                                rs.getString("status"),
                                rs.getString("police_station_id"),
                                rs.getString("station_name"),
                                rs.getString("city"),
                                rs.getString("police_station"),
                                rs.getBytes("name_enc"),
                                rs.getBytes("birth_year_enc"),
                                rs.getString("since")))
                    .list());
    Map<String, Station> stations = new LinkedHashMap<>();
    Set<String> shown = new HashSet<>();
    for (Row row : rows) {
      String key = key(row.stationId(), row.typed());
      if (shown.size() >= limit || !shown.add(key + "/" + row.personId())) continue;
      String birthYear = vault.open(row.birthYearEnc(), "persons.birth_year/" + row.personId());
      stations
          .computeIfAbsent(
              key,
              k ->
                  new Station(
                      row.stationId(),
                      name(row.stationName(), row.typed()),
                      row.city(),
                      new ArrayList<>()))
          .people()
          .add(
              new Held(
                  row.detentionId(),
                  row.personId(),
                  vault.open(row.nameEnc(), "persons.name/" + row.personId()),
                  birthYear == null ? null : Integer.valueOf(birthYear),
                  DetentionStatus.valueOf(row.status()),
                  row.since() == null ? null : OffsetDateTime.parse(row.since())));
    }
    stations
        .values()
        .forEach(
            s ->
                s.people()
                    .sort(
                        Comparator.comparing(
                            Held::name, Comparator.nullsLast(Comparator.naturalOrder()))));
    return stations.values().stream()
        .sorted(Comparator.comparingInt(Station::count).reversed().thenComparing(Station::name))
        .toList();
  }

  /** Per station, how many distinct people are held there now, most first. */
  public List<Count> counts() {
    record Row(String stationId, String name, String city, String typed, String person) {}
    Map<String, Row> first = new LinkedHashMap<>();
    Map<String, Set<String>> people = new LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT d.police_station_id, ps.name, ps.city, d.police_station, d.person_id
                    FROM detentions d LEFT JOIN police_stations ps ON ps.id = d.police_station_id
                    WHERE d.status IN ('AT_POLICE_STATION', 'HELD_OVERNIGHT')
                      AND d.rejected_at IS NULL AND d.merged_into IS NULL""")
                .map(
                    (rs, ctx) ->
                        new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)))
                .forEach(
                    row -> {
                      String key = key(row.stationId(), row.typed());
                      first.putIfAbsent(key, row);
                      people.computeIfAbsent(key, k -> new HashSet<>()).add(row.person());
                    }));
    return first.entrySet().stream()
        .map(
            e ->
                new Count(
                    e.getValue().stationId(),
                    name(e.getValue().name(), e.getValue().typed()),
                    e.getValue().city(),
                    people.get(e.getKey()).size()))
        .sorted(Comparator.comparingLong(Count::people).reversed().thenComparing(Count::name))
        .toList();
  }

  /** A station of the directory by its id; one it does not know by what reports typed. */
  private static String key(String stationId, String typed) {
    return stationId != null ? "id:" + stationId : "typed:" + (typed == null ? "" : typed);
  }

  private static String name(String directoryName, String typed) {
    if (directoryName != null) return directoryName;
    return typed == null ? "" : typed;
  }
}
