package org.vigil.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigil.campaign.Campaign;
import org.vigil.campaign.Campaigns;
import org.vigil.http.Json;
import org.vigil.security.Vault;
import org.vigil.storage.Ids;

/**
 * What coordinators decide to put a wrong public figure right: reject a report as spam or a
 * duplicate, confirm or unconfirm a detention, merge two detentions of one arrest, place a held
 * detention. Every decision keeps its author, time and reason ({@code case_decisions}); nothing is
 * deleted, and each is undone by the opposite decision. Reports themselves never change: what a
 * decision changes is whether and where their detentions count.
 */
public final class Corrections {
  private final Jdbi jdbi;
  private final Vault vault;
  private final Cases cases;
  private final Campaigns campaigns;

  /** What a coordinator decided. */
  public enum Kind {
    REJECT,
    REINSTATE,
    CONFIRM,
    UNCONFIRM,
    MERGE,
    UNMERGE,
    PLACE
  }

  /** Why a report is rejected. */
  public enum Rejection {
    /** Invented, or sent to poison the count. */
    SPAM,
    /** Another report already tells the same. */
    DUPLICATE
  }

  /** A decision on record. {@code detail} says what exactly it changed, so it can be undone. */
  public record Decision(
      String id,
      Kind kind,
      String reportId,
      String detentionId,
      String otherId,
      Map<String, Object> detail,
      String reason,
      String decidedBy,
      Instant decidedAt) {}

  /** A detention held apart from the count, why, and what its report said of the place. */
  public record Held(
      String detentionId,
      String reportId,
      String campaignId,
      Hold hold,
      String reportedCity,
      OffsetDateTime detainedAt) {}

  /** Where a coordinator places a held detention; null parts stay as they are. */
  public record Placement(String eventId, String placeId, OffsetDateTime detainedAt) {}

  /** A decision that cannot be taken on the item as it is now. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  public Corrections(Jdbi jdbi, Vault vault, Cases cases, Campaigns campaigns) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.cases = cases;
    this.campaigns = campaigns;
  }

  /**
   * Rejects a report: it stays stored and readable, marked, and its detention leaves every count
   * and the review queue.
   *
   * @throws AlreadyDecided if the report was rejected already (by a coordinator deciding at the
   *     same moment, too: the rejection is a conditional update, so only one of two lands)
   */
  public Decision reject(String reportId, Rejection as, String reason, String userId) {
    return reject(reportId, as, reason, userId, false);
  }

  /**
   * Rejects a report from the triage list, where it was shown unconfirmed: if another coordinator
   * confirmed it meanwhile, that decision stands and this one is refused.
   */
  public Decision rejectUnconfirmed(String reportId, Rejection as, String reason, String userId) {
    return reject(reportId, as, reason, userId, true);
  }

  private Decision reject(
      String reportId, Rejection as, String reason, String userId, boolean unconfirmedOnly) {
    return jdbi.inTransaction(
        h -> {
          Optional<Decision> earlier = rejection(h, reportId);
          if (earlier.isPresent()) throw rejectedAlready(h, earlier.get());
          long now = System.currentTimeMillis();
          int changed =
              h.createUpdate(
                      """
                      UPDATE detentions SET rejected_at = :now, updated_at = :now
                      WHERE report_id = :report AND rejected_at IS NULL
                        AND (NOT :unconfirmedOnly OR confirmed_at IS NULL)""")
                  .bind("now", now)
                  .bind("report", reportId)
                  .bind("unconfirmedOnly", unconfirmedOnly)
                  .execute();
          if (changed == 0 && refuseDecided(h, reportId)) {
            throw new Refused("the report's detention changed meanwhile: look again");
          }
          h.execute("DELETE FROM review_queue WHERE report_id = ?", reportId);
          return decide(
              h, Kind.REJECT, reportId, null, null, Map.of("as", as), reason, userId, now);
        });
  }

  /**
   * Why a conditional update of a report's detention changed nothing: someone decided it since this
   * transaction began. Returns false for a report without a detention (a correction), which has
   * nothing to refuse.
   */
  private boolean refuseDecided(Handle h, String reportId) {
    var state =
        h.createQuery(
                "SELECT confirmed_at, confirmed_by, rejected_at FROM detentions WHERE report_id = ?")
            .bind(0, reportId)
            .mapToMap()
            .findFirst();
    if (state.isEmpty()) return false;
    if (state.get().get("rejected_at") != null) {
      throw rejectedAlready(h, rejection(h, reportId).orElseThrow());
    }
    if (state.get().get("confirmed_at") != null) {
      throw AlreadyDecided.by(
          h,
          (String) state.get().get("confirmed_by"),
          ((Number) state.get().get("confirmed_at")).longValue(),
          "the detention was confirmed");
    }
    return true;
  }

  private static AlreadyDecided rejectedAlready(Handle h, Decision rejection) {
    return AlreadyDecided.by(
        h,
        rejection.decidedBy(),
        rejection.decidedAt().toEpochMilli(),
        "the report was rejected already");
  }

  /** Takes a rejection back: the report's detention counts again. */
  public Decision reinstate(String reportId, String reason, String userId) {
    return jdbi.inTransaction(
        h -> {
          if (rejection(h, reportId).isEmpty()) throw new Refused("the report is not rejected");
          long now = System.currentTimeMillis();
          h.execute(
              "UPDATE detentions SET rejected_at = NULL, updated_at = ? WHERE report_id = ?",
              now,
              reportId);
          return decide(h, Kind.REINSTATE, reportId, null, null, Map.of(), reason, userId, now);
        });
  }

  /** The rejection in force of a report, if it is rejected. */
  public Optional<Decision> rejection(String reportId) {
    return jdbi.withHandle(h -> rejection(h, reportId));
  }

  private Optional<Decision> rejection(Handle h, String reportId) {
    return h.createQuery(
            """
            SELECT * FROM case_decisions WHERE report_id = :report AND kind IN ('REJECT', 'REINSTATE')
            ORDER BY decided_at DESC, id DESC""")
        .bind("report", reportId)
        .map((rs, ctx) -> decision(rs))
        .findFirst()
        .filter(d -> d.kind() == Kind.REJECT);
  }

  /**
   * Records that a coordinator verified the detention: a conditional update, so of two coordinators
   * confirming at once one lands and the other is told who was first.
   *
   * @throws AlreadyDecided if the detention is confirmed already, or its report was rejected
   */
  public Detention confirm(String detentionId, String reason, String userId) {
    jdbi.useTransaction(
        h -> {
          long now = System.currentTimeMillis();
          int changed =
              h.createUpdate(
                      """
                      UPDATE detentions SET confirmed_at = :now, confirmed_by = :user, updated_at = :now
                      WHERE id = :id AND confirmed_at IS NULL AND rejected_at IS NULL""")
                  .bind("now", now)
                  .bind("user", userId)
                  .bind("id", detentionId)
                  .execute();
          if (changed == 0) {
            String report =
                h.createQuery("SELECT report_id FROM detentions WHERE id = ?")
                    .bind(0, detentionId)
                    .mapTo(String.class)
                    .one();
            refuseDecided(h, report);
            throw new Refused("the detention changed meanwhile: look again");
          }
          decide(h, Kind.CONFIRM, null, detentionId, null, Map.of(), reason, userId, now);
        });
    return cases.find(detentionId).orElseThrow();
  }

  /** Takes a confirmation back: the detention is counted apart again, as unverified. */
  public Detention unconfirm(String detentionId, String reason, String userId) {
    jdbi.useTransaction(
        h -> {
          long now = System.currentTimeMillis();
          int changed =
              h.createUpdate(
                      """
                      UPDATE detentions SET confirmed_at = NULL, confirmed_by = NULL, updated_at = :now
                      WHERE id = :id AND confirmed_at IS NOT NULL""")
                  .bind("now", now)
                  .bind("id", detentionId)
                  .execute();
          if (changed == 0) throw new Refused("the detention is not confirmed");
          decide(h, Kind.UNCONFIRM, null, detentionId, null, Map.of(), reason, userId, now);
        });
    return cases.find(detentionId).orElseThrow();
  }

  /**
   * Merges a detention into another of the same person's arrest: the other stands for both, its
   * timeline shows both timelines, and it is confirmed if either was. Detentions merged into this
   * one earlier follow it. Undone by {@link #unmerge}.
   */
  public Detention merge(String detentionId, String intoId, String reason, String userId) {
    jdbi.useTransaction(
        h -> {
          Detention from = cases.find(h, detentionId).orElseThrow();
          Detention into = cases.find(h, intoId).orElseThrow();
          if (from.id().equals(into.id()))
            throw new Refused("a detention cannot merge into itself");
          if (from.mergedInto() != null) {
            throw new Refused("the detention is merged into " + from.mergedInto() + " already");
          }
          if (into.mergedInto() != null) {
            throw new Refused(
                "the detention merged into is itself merged into " + into.mergedInto());
          }
          if (!from.person().id().equals(into.person().id())) {
            throw new Refused(
                "the detentions are of different persons: link their reports to one person first");
          }
          long now = System.currentTimeMillis();
          List<String> followers =
              h.createQuery("SELECT id FROM detentions WHERE merged_into = :id")
                  .bind("id", from.id())
                  .mapTo(String.class)
                  .list();
          boolean copiesConfirmation = into.confirmedAt() == null && from.confirmedAt() != null;
          h.execute(
              "UPDATE detentions SET merged_into = ?, updated_at = ? WHERE id = ? OR merged_into = ?",
              into.id(),
              now,
              from.id(),
              from.id());
          if (copiesConfirmation) {
            h.execute(
                "UPDATE detentions SET confirmed_at = ?, confirmed_by = ? WHERE id = ?",
                from.confirmedAt().toEpochMilli(),
                from.confirmedBy(),
                into.id());
          }
          cases.refreshStatus(h, into.id(), now);
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("followers", followers);
          detail.put("confirmation_copied", copiesConfirmation);
          decide(h, Kind.MERGE, null, from.id(), into.id(), detail, reason, userId, now);
        });
    return cases.find(intoId).orElseThrow();
  }

  /** Undoes the merge of a detention: it and the detentions that followed it stand alone again. */
  public Detention unmerge(String detentionId, String reason, String userId) {
    jdbi.useTransaction(
        h -> {
          Detention from = cases.find(h, detentionId).orElseThrow();
          String root = from.mergedInto();
          if (root == null) throw new Refused("the detention is not merged");
          Decision merge =
              h.createQuery(
                      """
                      SELECT * FROM case_decisions WHERE detention_id = :id AND kind = 'MERGE'
                      ORDER BY decided_at DESC, id DESC""")
                  .bind("id", from.id())
                  .map((rs, ctx) -> decision(rs))
                  .first();
          long now = System.currentTimeMillis();
          h.execute(
              "UPDATE detentions SET merged_into = NULL, updated_at = ? WHERE id = ?",
              now,
              from.id());
          for (Object follower : (List<?>) merge.detail().getOrDefault("followers", List.of())) {
            h.execute(
                "UPDATE detentions SET merged_into = ? WHERE id = ? AND merged_into = ?",
                from.id(),
                follower,
                root);
          }
          if (Boolean.TRUE.equals(merge.detail().get("confirmation_copied"))) {
            // The confirmation came with the merge; one made on the other detention since stays.
            h.execute(
                """
                UPDATE detentions SET confirmed_at = NULL, confirmed_by = NULL
                WHERE id = ? AND confirmed_at = ? AND confirmed_by = ?""",
                root,
                from.confirmedAt().toEpochMilli(),
                from.confirmedBy());
          }
          cases.refreshStatus(h, root, now);
          cases.refreshStatus(h, from.id(), now);
          decide(h, Kind.UNMERGE, null, from.id(), root, Map.of(), reason, userId, now);
        });
    return cases.find(detentionId).orElseThrow();
  }

  /**
   * Places a detention: at an event (whose campaign it then counts in), in a city of the gazetteer,
   * at a time. What the report said stays as it was; the detention is what moves.
   */
  public Detention place(String detentionId, Placement placement, String reason, String userId) {
    jdbi.useTransaction(
        h -> {
          Detention before = cases.find(h, detentionId).orElseThrow();
          long now = System.currentTimeMillis();
          String eventId = placement.eventId() != null ? placement.eventId() : before.eventId();
          String campaignId =
              placement.eventId() != null
                  ? campaigns.event(placement.eventId()).orElseThrow().campaignId()
                  : before.campaignId();
          h.createUpdate(
                  """
                  UPDATE detentions SET event_id = :event, campaign_id = :campaign,
                    place_id = :place, detained_at = :at, updated_at = :now WHERE id = :id""")
              .bind("event", eventId)
              .bind("campaign", campaignId)
              .bind("place", placement.placeId() != null ? placement.placeId() : before.placeId())
              .bind(
                  "at",
                  placement.detainedAt() != null ? placement.detainedAt() : before.detainedAt())
              .bind("now", now)
              .bind("id", detentionId)
              .execute();
          // What it was before, so a coordinator can see (and restore) what the placing changed.
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("event_before", before.eventId());
          detail.put("place_before", before.placeId());
          detail.put(
              "detained_at_before",
              before.detainedAt() == null ? null : before.detainedAt().toString());
          decide(h, Kind.PLACE, null, detentionId, null, detail, reason, userId, now);
        });
    return cases.find(detentionId).orElseThrow();
  }

  /**
   * Detentions held apart from the public count, oldest first: no campaign, a city the gazetteer
   * does not know, no time, or a time outside the campaign. {@code after} is the last id seen.
   */
  public List<Held> held(String campaignId, String after, int limit) {
    Map<String, Campaign> known = new LinkedHashMap<>();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT d.id, d.report_id, d.campaign_id, d.place_id, d.detained_at, r.city
                    FROM detentions d JOIN reports r ON r.id = d.report_id
                      LEFT JOIN campaigns c ON c.id = d.campaign_id
                    WHERE d.rejected_at IS NULL AND d.merged_into IS NULL AND d.event_id IS NULL
                      AND (CAST(:campaign AS TEXT) IS NULL OR d.campaign_id = :campaign)
                      AND (CAST(:after AS TEXT) IS NULL OR d.id > :after)
                      AND (c.id IS NULL OR d.place_id IS NULL OR d.detained_at IS NULL
                        OR substr(d.detained_at, 1, 10) < c.starts_on
                        OR substr(d.detained_at, 1, 10) > c.ends_on)
                    ORDER BY d.id LIMIT :limit""")
                .bind("campaign", campaignId)
                .bind("after", after)
                .bind("limit", limit)
                .map(
                    (rs, ctx) -> {
                      String at = rs.getString(5);
                      OffsetDateTime detainedAt = at == null ? null : OffsetDateTime.parse(at);
                      String campaign = rs.getString(3);
                      Campaign c =
                          campaign == null
                              ? null
                              : known.computeIfAbsent(
                                  campaign, id -> campaigns.campaign(id).orElse(null));
                      return new Held(
                          rs.getString(1),
                          rs.getString(2),
                          campaign,
                          Hold.of(c, false, rs.getString(4), detainedAt),
                          rs.getString(6),
                          detainedAt);
                    })
                .list());
  }

  /** Every decision about a detention or a report, oldest first. */
  public List<Decision> decisions(String detentionId, String reportId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM case_decisions
                    WHERE detention_id = :detention OR other_id = :detention OR report_id = :report
                    ORDER BY decided_at, id""")
                .bind("detention", detentionId)
                .bind("report", reportId)
                .map((rs, ctx) -> decision(rs))
                .list());
  }

  private Decision decide(
      Handle h,
      Kind kind,
      String reportId,
      String detentionId,
      String otherId,
      Map<String, Object> detail,
      String reason,
      String userId,
      long now) {
    String id = Ids.next();
    h.createUpdate(
            """
            INSERT INTO case_decisions (id, kind, report_id, detention_id, other_id, detail,
              reason_enc, decided_by, decided_at)
            VALUES (:id, :kind, :report, :detention, :other, :detail, :reason, :by, :now)""")
        .bind("id", id)
        .bind("kind", kind)
        .bind("report", reportId)
        .bind("detention", detentionId)
        .bind("other", otherId)
        .bind("detail", json(detail))
        .bind("reason", vault.seal(reason == null ? "" : reason, "case_decisions.reason/" + id))
        .bind("by", userId)
        .bind("now", now)
        .execute();
    return new Decision(
        id,
        kind,
        reportId,
        detentionId,
        otherId,
        detail,
        reason,
        userId,
        Instant.ofEpochMilli(now));
  }

  private Decision decision(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    String reason = vault.open(rs.getBytes("reason_enc"), "case_decisions.reason/" + id);
    return new Decision(
        id,
        Kind.valueOf(rs.getString("kind")),
        rs.getString("report_id"),
        rs.getString("detention_id"),
        rs.getString("other_id"),
        parse(rs.getString("detail")),
        reason.isEmpty() ? null : reason,
        rs.getString("decided_by"),
        Instant.ofEpochMilli(rs.getLong("decided_at")));
  }

  private static String json(Map<String, Object> detail) {
    try {
      return Json.mapper().writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> parse(String detail) {
    if (detail == null) return Map.of();
    try {
      return Json.mapper().readValue(detail, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
