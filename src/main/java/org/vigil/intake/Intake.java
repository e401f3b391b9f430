package org.vigil.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jdbi.v3.core.Jdbi;
import org.vigil.campaign.Campaigns;
import org.vigil.cases.Cases;
import org.vigil.cases.Consent;
import org.vigil.cases.NewDetention;
import org.vigil.http.ApiError;
import org.vigil.http.ApiError.FieldError;
import org.vigil.http.Json;
import org.vigil.http.Page;
import org.vigil.linkage.Linkage;
import org.vigil.place.Gazetteer;
import org.vigil.place.Place;
import org.vigil.security.Principal;
import org.vigil.security.Vault;
import org.vigil.station.PoliceStations;
import org.vigil.storage.Ids;
import org.vigil.storage.Rows;

/**
 * Takes reports in: checks what they refer to, encrypts their personal data, hands them to the
 * group-commit writer and answers once they are durable. Reads them back for coordinators.
 */
public final class Intake implements AutoCloseable {
  private final Jdbi jdbi;
  private final Vault vault;
  private final Campaigns campaigns;
  private final PoliceStations stations;
  private final Cases cases;
  private final Gazetteer gazetteer;
  private final ReportWriter writer;

  public Intake(
      Jdbi jdbi,
      Vault vault,
      Cases cases,
      Linkage linkage,
      Campaigns campaigns,
      PoliceStations stations,
      Gazetteer gazetteer) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.campaigns = campaigns;
    this.stations = stations;
    this.cases = cases;
    this.gazetteer = gazetteer;
    this.writer = new ReportWriter(jdbi, linkage);
  }

  /**
   * The outcome of a submission: the report's id, the receipt code its reporter is given (null for
   * a report stored before codes were given) and whether it was stored before.
   */
  public record Receipt(String id, String code, boolean replayed) {}

  /**
   * Stores a report durably and returns its id. With an idempotency key, a retried submission
   * returns the first one's id and stores nothing; the same key with a different report is refused
   * rather than letting the second report vanish.
   */
  public Receipt submit(
      ReportContent content, Channel channel, Principal submitter, String idempotencyKey) {
    ReportContent resolved = resolve(content);
    String enteredBy = submitter == null ? null : submitter.userId();
    String scope = idempotencyKey == null ? null : scope(channel, enteredBy);
    String fingerprint = idempotencyKey == null ? null : fingerprint(resolved);
    if (idempotencyKey != null) {
      Optional<Receipt> earlier = earlier(scope, idempotencyKey, fingerprint);
      if (earlier.isPresent()) return earlier.get();
    }
    Pending pending =
        vault.sealing(() -> seal(resolved, channel, submitter, scope, idempotencyKey, fingerprint));
    if (!await(pending)) {
      // Another submission with the same key won the race inside the same batch.
      return earlier(scope, idempotencyKey, fingerprint).orElseThrow();
    }
    return new Receipt(pending.id(), pending.receiptCode(), false);
  }

  /**
   * An idempotency key as sent (the {@code Idempotency-Key} header, or the public form's hidden
   * field), checked: null if none was sent.
   */
  public static String idempotencyKey(String key) {
    if (key == null) return null;
    if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw ApiError.invalid(
          "Idempotency-Key", "must be 1 to 200 visible ASCII characters, e.g. a UUID");
    }
    return key;
  }

  /** Encrypts a checked report's personal data into the row the writer will store. */
  Pending seal(
      ReportContent resolved,
      Channel channel,
      Principal submitter,
      String scope,
      String idempotencyKey,
      String fingerprint) {
    String id = Ids.next();
    String enteredBy = submitter == null ? null : submitter.userId();
    String stationId = stations.idForName(resolved.policeStation()).orElse(null);
    return new Pending(
        id,
        ReceiptCode.next(),
        System.currentTimeMillis(),
        channel,
        enteredBy,
        resolved,
        stationId,
        vault.seal(resolved.name(), "reports.name/" + id),
        vault.seal(
            resolved.birthYear() == null ? null : resolved.birthYear().toString(),
            "reports.birth_year/" + id),
        vault.seal(resolved.contact(), "reports.contact/" + id),
        vault.seal(resolved.text(), "reports.text/" + id),
        scope,
        idempotencyKey,
        idempotencyKey == null
            ? null
            : vault.seal(fingerprint, idempotencyContext(scope, idempotencyKey)),
        // A correction adds facts to an existing case; it does not open a new one.
        resolved.corrects() == null
            ? cases.seal(newDetention(id, resolved, submitter, stationId, placeOf(resolved)))
            : null,
        new CompletableFuture<>());
  }

  /**
   * The gazetteer's id of the city a report names: its event's city, else its own free text. A text
   * that names no place the gazetteer knows (a typo, an address, a name) resolves to nothing, and
   * the detention is held for a coordinator.
   */
  private String placeOf(ReportContent c) {
    if (c.event() != null) {
      var event = campaigns.event(c.event()).orElseThrow();
      return gazetteer.resolve(event.city(), event.region()).map(Place::id).orElse(null);
    }
    return c.city() == null ? null : gazetteer.resolve(c.city()).map(Place::id).orElse(null);
  }

  private static NewDetention newDetention(
      String reportId, ReportContent c, Principal submitter, String stationId, String placeId) {
    String enteredBy = submitter == null ? null : submitter.userId();
    return new NewDetention(
        reportId,
        c.source().name().toLowerCase(Locale.ROOT),
        enteredBy,
        submitter != null && submitter.role().confirmsDetentions() ? enteredBy : null,
        c.name(),
        c.birthYear(),
        c.contact(),
        c.campaign(),
        c.event(),
        placeId,
        c.detainedAt(),
        c.place(),
        c.policeStation(),
        stationId,
        c.forceUsed(),
        c.minor(),
        c.journalist());
  }

  private boolean await(Pending pending) {
    try {
      if (!writer.offer(pending)) {
        throw new ApiError(503, "Busy", "intake is saturated; retry shortly", List.of());
      }
      return pending.stored().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing report", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("report was not stored", e.getCause());
    }
  }

  /** Checks the ids a report refers to and attaches it to its event where that is clear. */
  private ReportContent resolve(ReportContent c) {
    List<FieldError> errors = new ArrayList<>();
    if (c.campaign() != null && campaigns.campaign(c.campaign()).isEmpty()) {
      errors.add(new FieldError("campaign", "no campaign with this id"));
    }
    if (c.event() != null && campaigns.event(c.event()).isEmpty()) {
      errors.add(new FieldError("event", "no event with this id"));
    }
    if (c.corrects() != null && !cases.reportExists(c.corrects())) {
      errors.add(new FieldError("corrects", "no report with this id"));
    }
    if (!errors.isEmpty()) throw ApiError.invalid(errors);
    ReportContent placed = c.campaign() != null ? c : c.placed(campaignOf(c), c.event());
    if (placed.event() == null
        && placed.campaign() != null
        && placed.city() != null
        && placed.detainedAt() != null) {
      return eventIn(placed.campaign(), placed.city(), placed.detainedAt())
          .map(event -> placed.placed(placed.campaign(), event))
          .orElse(placed);
    }
    return placed;
  }

  /**
   * The event of a campaign held on the day of a detention in the city a report names, so that a
   * report naming only its campaign and city still lands on the right event: "г. Москва", "Moscow"
   * and "Москва" are one city once the gazetteer has read them.
   */
  private Optional<String> eventIn(String campaignId, String city, OffsetDateTime at) {
    Optional<String> place = gazetteer.resolve(city).map(Place::id);
    return campaigns.eventsOn(campaignId, at.toLocalDate()).stream()
        .filter(
            e ->
                e.city().strip().equalsIgnoreCase(city.strip())
                    || (place.isPresent()
                        && place.equals(gazetteer.resolve(e.city(), e.region()).map(Place::id))))
        .map(org.vigil.campaign.Event::id)
        .findFirst();
  }

  /**
   * The campaign of a report that names none: its event's, else the one whose dates contain the
   * detention (or, without a time, the day it was received), else the current one.
   */
  private String campaignOf(ReportContent c) {
    if (c.event() != null) return campaigns.event(c.event()).orElseThrow().campaignId();
    OffsetDateTime happened = c.detainedAt() != null ? c.detainedAt() : OffsetDateTime.now();
    return campaigns.campaignFor(happened).map(org.vigil.campaign.Campaign::id).orElse(null);
  }

  private Optional<Receipt> earlier(String scope, String key, String fingerprint) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT id, receipt_code, request_hash_enc FROM reports
                        WHERE idempotency_scope = :scope AND idempotency_key = :key""")
                    .bind("scope", scope)
                    .bind("key", key)
                    .map((rs, ctx) -> new Earlier(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                    .findOne())
        .map(
            row -> {
              if (!fingerprint.equals(vault.open(row.hash(), idempotencyContext(scope, key)))) {
                throw new ApiError(
                    422,
                    "Idempotency key reused",
                    "this Idempotency-Key was already used for a different report; use a new key",
                    List.of(
                        new FieldError("Idempotency-Key", "already used for a different report")));
              }
              return new Receipt(row.id(), row.code(), true);
            });
  }

  private record Earlier(String id, String code, byte[] hash) {}

  private static String scope(Channel channel, String enteredBy) {
    return channel == Channel.PUBLIC ? "public" : "user:" + enteredBy;
  }

  private static String idempotencyContext(String scope, String key) {
    return "reports.request_hash/" + scope + "/" + key;
  }

  /** A digest of what the report says, so a retry is recognised whatever its JSON layout. */
  private static String fingerprint(ReportContent content) {
    try {
      byte[] json = Json.mapper().writeValueAsBytes(content);
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Report> find(String id) {
    return page("WHERE id = :id", Map.of("id", id), 1).items().stream().findFirst();
  }

  /** The report a receipt code was given for, the code typed as {@link ReceiptCode#parse} reads. */
  public Optional<Report> findByReceipt(String typed) {
    return ReceiptCode.parse(typed)
        .flatMap(
            code ->
                page("WHERE receipt_code = :code", Map.of("code", code), 1).items().stream()
                    .findFirst());
  }

  /**
   * Reports received at or after {@code since}, oldest first, optionally of one campaign. The
   * cursor is where the previous page ended.
   */
  public Page<Report> list(String campaign, Instant since, String cursor, int limit) {
    long afterAt = Long.MIN_VALUE;
    String afterId = "";
    if (cursor != null) {
      String[] parts = decodeCursor(cursor);
      afterAt = Long.parseLong(parts[0]);
      afterId = parts[1];
    }
    var params = new java.util.HashMap<String, Object>();
    params.put("since", since == null ? Long.MIN_VALUE : since.toEpochMilli());
    params.put("afterAt", afterAt);
    params.put("afterId", afterId);
    String where =
        """
        WHERE received_at >= :since
          AND (received_at > :afterAt OR (received_at = :afterAt AND id > :afterId))""";
    if (campaign != null) {
      where += " AND campaign_id = :campaign";
      params.put("campaign", campaign);
    }
    return page(where, params, limit);
  }

  /**
   * The reports a user typed at or after {@code since}, newest first, at most {@code limit}: what
   * an operator sees of their own shift.
   */
  public List<Report> enteredBy(String userId, Instant since, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM reports WHERE entered_by = :user AND received_at >= :since
                    ORDER BY received_at DESC, id DESC LIMIT :limit""")
                .bind("user", userId)
                .bind("since", since.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> report(rs))
                .list());
  }

  private Page<Report> page(String where, Map<String, Object> params, int limit) {
    return jdbi.withHandle(
        h -> {
          List<Report> reports =
              h.createQuery(
                      "SELECT * FROM reports " + where + " ORDER BY received_at, id LIMIT :limit")
                  .bindMap(params)
                  .bind("limit", limit)
                  .map((rs, ctx) -> report(rs))
                  .list();
          if (reports.isEmpty()) return new Page<>(reports, null);
          Map<String, List<String>> corrections =
              Rows.grouped(
                  h.createQuery(
                          "SELECT corrects, id FROM reports WHERE corrects IN (<ids>) ORDER BY id")
                      .bindList("ids", reports.stream().map(Report::id).toList()));
          List<Report> items =
              reports.stream()
                  .map(r -> r.withCorrections(corrections.getOrDefault(r.id(), List.of())))
                  .toList();
          Report last = items.getLast();
          String next =
              items.size() == limit
                  ? encodeCursor(last.receivedAt().toEpochMilli() + ":" + last.id())
                  : null;
          return new Page<>(items, next);
        });
  }

  private Report report(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    String birthYear = vault.open(rs.getBytes("birth_year_enc"), "reports.birth_year/" + id);
    String detainedAt = rs.getString("detained_at");
    var content =
        new ReportContent(
            vault.open(rs.getBytes("name_enc"), "reports.name/" + id),
            birthYear == null ? null : Integer.valueOf(birthYear),
            rs.getString("city"),
            detainedAt == null ? null : OffsetDateTime.parse(detainedAt),
            rs.getString("place"),
            rs.getString("police_station"),
            Reporter.valueOf(rs.getString("reporter")),
            vault.open(rs.getBytes("contact_enc"), "reports.contact/" + id),
            vault.open(rs.getBytes("text_enc"), "reports.text/" + id),
            rs.getString("campaign_id"),
            rs.getString("event_id"),
            rs.getString("corrects"),
            // a report that left publication unmentioned said nothing about it
            Boolean.FALSE.equals(rs.getObject("consent_stated", Boolean.class))
                ? null
                : Consent.valueOf(rs.getString("consent")),
            rs.getBoolean("force_used"),
            rs.getBoolean("minor"),
            rs.getBoolean("journalist"));
    return new Report(
        id,
        rs.getString("receipt_code"),
        Instant.ofEpochMilli(rs.getLong("received_at")),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("entered_by"),
        content,
        List.of());
  }

  private static String encodeCursor(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decodeCursor(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
      Long.parseLong(parts[0]);
      if (parts.length == 2) return parts;
    } catch (IllegalArgumentException ignored) {
      // answered below
    }
    throw ApiError.invalid("cursor", "is not a cursor this server returned");
  }

  @Override
  public void close() {
    writer.close();
  }
}
