package org.vigil.media;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vigil.security.Vault;
import org.vigil.storage.Ids;

/**
 * The photo gallery: editors publish cleaned photos with caption and credit; anyone views them. A
 * photo an editor unpublished stays stored, with who, when and why, and is served nowhere.
 */
public final class Photos {
  private static final String COLUMNS =
      "id, campaign_id, event_id, caption, credit, width, height, created_at";
  private final Jdbi jdbi;
  private final Vault vault;

  public Photos(Jdbi jdbi, Vault vault) {
    this.jdbi = jdbi;
    this.vault = vault;
  }

  /**
   * Cleans an upload and publishes it.
   *
   * @throws IllegalArgumentException if the upload is not an image Vigil can read
   */
  public Photo publish(
      byte[] upload,
      String caption,
      String credit,
      String campaignId,
      String eventId,
      String uploadedBy)
      throws IOException {
    Sanitiser.Clean clean = Sanitiser.clean(upload);
    String id = Ids.next();
    long now = System.currentTimeMillis();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO media_items (id, campaign_id, event_id, caption, credit, width,
                      height, image, uploaded_by, created_at)
                    VALUES (:id, :campaign, :event, :caption, :credit, :width, :height, :image,
                      :by, :now)""")
                .bind("id", id)
                .bind("campaign", campaignId)
                .bind("event", eventId)
                .bind("caption", caption)
                .bind("credit", credit)
                .bind("width", clean.width())
                .bind("height", clean.height())
                .bind("image", clean.jpeg())
                .bind("by", uploadedBy)
                .bind("now", now)
                .execute());
    return new Photo(
        id,
        campaignId,
        eventId,
        caption,
        credit,
        clean.width(),
        clean.height(),
        Instant.ofEpochMilli(now));
  }

  /** The published photos of a campaign or event (null: not filtered by it), newest first. */
  public List<Photo> list(String campaignId, String eventId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM media_items WHERE unpublished_at IS NULL"
                        + " AND (CAST(:campaign AS TEXT) IS NULL OR campaign_id = :campaign)"
                        + " AND (CAST(:event AS TEXT) IS NULL OR event_id = :event)"
                        + " ORDER BY created_at DESC, id DESC")
                .bind("campaign", campaignId)
                .bind("event", eventId)
                .map(
                    (rs, ctx) ->
                        new Photo(
                            rs.getString("id"),
                            rs.getString("campaign_id"),
                            rs.getString("event_id"),
                            rs.getString("caption"),
                            rs.getString("credit"),
                            rs.getInt("width"),
                            rs.getInt("height"),
                            Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
  }

  /**
   * Takes a photo off the public site: the gallery, the event pages and its image address. True if
   * a published photo was unpublished.
   */
  public boolean unpublish(String id, String reason, String userId) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE media_items SET unpublished_at = :now, unpublished_by = :user,
                          unpublish_reason_enc = :reason
                        WHERE id = :id AND unpublished_at IS NULL""")
                    .bind("now", System.currentTimeMillis())
                    .bind("user", userId)
                    .bind("reason", vault.seal(reason, "media_items.unpublish_reason/" + id))
                    .bind("id", id)
                    .execute())
        > 0;
  }

  /** The cleaned JPEG of a published photo. */
  Optional<byte[]> image(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT image FROM media_items WHERE id = :id AND unpublished_at IS NULL")
                .bind("id", id)
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne());
  }
}
