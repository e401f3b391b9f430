package org.vigil.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.vigil.storage.Ids;

/** The editors' live updates, newest first. */
public final class LiveUpdates {
  private final Jdbi jdbi;

  public LiveUpdates(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public LiveUpdate publish(
      String campaignId, LiveUpdate.Language language, String text, String authorId) {
    String id = Ids.next();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO live_updates (id, campaign_id, language, text, author, published_at)
                    VALUES (:id, :campaign, :language, :text, :author, :now)""")
                .bind("id", id)
                .bind("campaign", campaignId)
                .bind("language", language)
                .bind("text", text)
                .bind("author", authorId)
                .bind("now", System.currentTimeMillis())
                .execute());
    return query("l.id = :id", Map.of("id", id), 1).getFirst();
  }

  /**
   * A campaign's updates published after the one with id {@code afterId} (all if null), oldest
   * first: what a reader who saw that one has missed. Ids grow with time, so they order updates.
   */
  public List<LiveUpdate> after(String campaignId, String afterId, int limit) {
    List<LiveUpdate> newest =
        query(
            "l.campaign_id = :campaign AND l.id > :after",
            Map.of("campaign", campaignId, "after", afterId == null ? "" : afterId),
            limit);
    return newest.reversed();
  }

  /** The latest updates, of one campaign or of all. */
  public List<LiveUpdate> latest(String campaignId, int limit) {
    return campaignId == null
        ? query("1 = 1", Map.of(), limit)
        : query("l.campaign_id = :campaign", Map.of("campaign", campaignId), limit);
  }

  private List<LiveUpdate> query(String where, Map<String, ?> params, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT l.id, l.campaign_id, l.language, l.text, u.name, l.published_at
                    FROM live_updates l JOIN users u ON u.id = l.author
                    WHERE %s
                    ORDER BY l.published_at DESC, l.id DESC LIMIT :limit"""
                        .formatted(where))
                .bindMap(params)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new LiveUpdate(
                            rs.getString(1),
                            rs.getString(2),
                            LiveUpdate.Language.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6))))
                .list());
  }
}
