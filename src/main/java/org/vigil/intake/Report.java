package org.vigil.intake;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/** A stored report: immutable; later reports may correct it ({@code correctedBy}). */
public record Report(
    String id,
    Instant receivedAt,
    Channel channel,
    String enteredBy,
    @JsonUnwrapped ReportContent content,
    List<String> correctedBy) {

  Report withCorrections(List<String> corrections) {
    return new Report(id, receivedAt, channel, enteredBy, content, corrections);
  }
}
