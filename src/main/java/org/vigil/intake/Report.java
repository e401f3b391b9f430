package org.vigil.intake;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * A stored report: immutable; later reports may correct it ({@code correctedBy}). {@code
 * receiptCode} is the code its reporter was given (null for reports stored before there were
 * codes).
 */
public record Report(
    String id,
    String receiptCode,
    Instant receivedAt,
    Channel channel,
    String enteredBy,
    @JsonUnwrapped ReportContent content,
    List<String> correctedBy) {

  Report withCorrections(List<String> corrections) {
    return new Report(id, receiptCode, receivedAt, channel, enteredBy, content, corrections);
  }
}
