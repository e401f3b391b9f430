package org.vigil.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vigil.security.Vault;
import org.vigil.storage.Ids;

/**
 * The editors' live updates, newest first. An update an editor unpublished stays stored, with who,
 * when and why, and is shown nowhere.
 */
public final class LiveUpdates {
  private final Jdbi jdbi;
  private final Vault vault;
  private final String groupName;

  /**
   * @param groupName the byline of updates whose editor has no display name
   */
  public LiveUpdates(Jdbi jdbi, Vault vault, String groupName) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.groupName = groupName;
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

  /** Takes an update off the public site; empty if there is no such update still published. */
  public Optional<LiveUpdate> unpublish(String id, String reason, String userId) {
    Optional<LiveUpdate> update = query("l.id = :id", Map.of("id", id), 1).stream().findFirst();
    update.ifPresent(
        u ->
            jdbi.useHandle(
                h ->
                    h.createUpdate(
                            """
                            UPDATE live_updates SET unpublished_at = :now, unpublished_by = :user,
                              unpublish_reason_enc = :reason
                            WHERE id = :id AND unpublished_at IS NULL""")
                        .bind("now", System.currentTimeMillis())
                        .bind("user", userId)
                        .bind("reason", vault.seal(reason, "live_updates.unpublish_reason/" + id))
                        .bind("id", id)
                        .execute()));
    return update;
  }

  /**
   * The ids of a campaign's updates unpublished at or after {@code since} (epoch milliseconds),
   * oldest first: what readers who were sent them must take off their pages.
   */
  public List<String> unpublishedSince(String campaignId, long since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id FROM live_updates
                    WHERE campaign_id = :campaign AND unpublished_at >= :since
                    ORDER BY unpublished_at, id LIMIT 500""")
                .bind("campaign", campaignId)
                .bind("since", since)
                .mapTo(String.class)
                .list());
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

  /** The byline of an editor's updates: their display name, else the group's name. */
  public String byline(String displayName) {
    return displayName != null ? displayName : groupName;
  }

  private List<LiveUpdate> query(String where, Map<String, ?> params, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT l.id, l.campaign_id, l.language, l.text, u.display_name, l.published_at
                    FROM live_updates l JOIN users u ON u.id = l.author
                    WHERE l.unpublished_at IS NULL AND %s
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
                            byline(rs.getString(5)),
                            Instant.ofEpochMilli(rs.getLong(6))))
                .list());
  }
}
