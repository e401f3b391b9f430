package org.vigil.media;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A published photo: what it shows (caption), who took it (credit), and where to fetch it. */
public record Photo(
    String id,
    String campaignId,
    String eventId,
    String caption,
    String credit,
    int width,
    int height,
    Instant createdAt) {

  /** Where the cleaned image is served. */
  @JsonProperty
  public String url() {
    return "/media/" + id + ".jpg";
  }
}
