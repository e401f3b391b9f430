package org.vigil.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vigil.security.Vault;
import org.vigil.storage.Ids;

/**
 * The coordinator's triage list: detentions nobody has confirmed, rejected or merged yet, newest
 * first, each with what a coordinator needs to decide it at a glance. Read through the partial
 * index {@code detentions_untriaged}, so its cost follows the page, not the reports stored (merged
 * detentions are left out by a condition no index serves: with an index-able one, SQLite's planner
 * would prefer {@code detentions_merged_into} and sort every unmerged detention).
 */
public final class Triage {
  /** The free text a row shows, at most: enough to recognise a report, not to read it. */
  static final int EXCERPT = 160;

  private static final String COLUMNS =
      """
      SELECT d.id, d.report_id, d.created_at, d.detained_at, r.city,
        COALESCE(ps.name, d.police_station) AS station, r.channel, r.reporter,
        d.minor, d.force_used, d.journalist, r.name_enc, r.birth_year_enc, r.text_enc
      FROM detentions d JOIN reports r ON r.id = d.report_id
        LEFT JOIN police_stations ps ON ps.id = d.police_station_id
      WHERE d.confirmed_at IS NULL AND d.rejected_at IS NULL AND COALESCE(d.merged_into, '') = ''
      """;

  private final Jdbi jdbi;
  private final Vault vault;

  public Triage(Jdbi jdbi, Vault vault) {
    this.jdbi = jdbi;
    this.vault = vault;
  }

  /**
   * A report waiting for a coordinator. Personal data (name, birth year, an excerpt of the free
   * text) is decrypted: only coordinators and admins read this.
   *
   * @param id the detention's id, which confirm takes
   * @param reportId the report's id, which reject takes
   */
  public record Row(
      String id,
      String reportId,
      Instant receivedAt,
      OffsetDateTime detainedAt,
      String city,
      String station,
      String channel,
      String source,
      String name,
      Integer birthYear,
      String excerpt,
      boolean minor,
      boolean forceUsed,
      boolean journalist) {}

  /** A decision that took a row off the list, for the pages of other coordinators. */
  public record Decided(String id, String kind, String decidedBy, Instant decidedAt) {}

  /** The list's query, newest first (its plan is checked by a test on both databases). */
  static final String NEWEST =
      COLUMNS
          + """
          AND (CAST(:before AS TEXT) IS NULL OR d.id < :before)
          ORDER BY d.id DESC LIMIT :limit""";

  /** Newest first; {@code before} is the last id seen on the previous page. */
  public List<Row> newest(String before, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(NEWEST)
                .bind("before", before)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /** Oldest first, those after {@code after} (an id): what a page that saw {@code after} lacks. */
  public List<Row> after(String after, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(COLUMNS + " AND d.id > :after ORDER BY d.id LIMIT :limit")
                .bind("after", after)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /** The report a detention was opened by, if there is such a detention. */
  public Optional<String> reportOf(String detentionId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT report_id FROM detentions WHERE id = :id")
                .bind("id", detentionId)
                .mapTo(String.class)
                .findOne());
  }

  /** Confirmations and rejections decided since {@code millis}, by anyone on any node. */
  public List<Decided> decidedSince(long millis) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    """
                    SELECT COALESCE(c.detention_id, d.id), c.kind,
                      COALESCE(u.display_name, u.name), c.decided_at
                    FROM case_decisions c
                      LEFT JOIN detentions d ON d.report_id = c.report_id
                      LEFT JOIN users u ON u.id = c.decided_by
                    WHERE c.id >= :since AND c.kind IN ('CONFIRM', 'REJECT')
                    ORDER BY c.id""")
                .bind("since", Ids.at(millis))
                .map(
                    (rs, ctx) ->
                        new Decided(
                            rs.getString(1),
                            rs.getString(2).toLowerCase(Locale.ROOT),
                            rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))))
                .list()
                .stream()
                .filter(d -> d.id() != null)
                .toList());
  }

  private Row row(ResultSet rs) throws SQLException {
    String report = rs.getString("report_id");
    String at = rs.getString("detained_at");
    String birthYear = vault.open(rs.getBytes("birth_year_enc"), "reports.birth_year/" + report);
    return new Row(
        rs.getString("id"),
        report,
        Instant.ofEpochMilli(rs.getLong("created_at")),
        at == null ? null : OffsetDateTime.parse(at),
        rs.getString("city"),
        rs.getString("station"),
        rs.getString("channel").toLowerCase(Locale.ROOT),
        rs.getString("reporter").toLowerCase(Locale.ROOT),
        vault.open(rs.getBytes("name_enc"), "reports.name/" + report),
        birthYear == null ? null : Integer.valueOf(birthYear),
        excerpt(vault.open(rs.getBytes("text_enc"), "reports.text/" + report)),
        rs.getBoolean("minor"),
        rs.getBoolean("force_used"),
        rs.getBoolean("journalist"));
  }

  /** The text's start, on one line, cut at a word where it is long. */
  static String excerpt(String text) {
    if (text == null || text.isBlank()) return null;
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.length() <= EXCERPT) return flat;
    int cut = flat.lastIndexOf(' ', EXCERPT);
    return flat.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + "…";
  }
}
