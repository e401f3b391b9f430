package org.vigil.intake;

import java.util.concurrent.CompletableFuture;
import org.vigil.cases.Cases;

/**
 * A report encrypted and ready to write, waiting for the writer, with the case it opens (none for a
 * correction). Encryption happens on the request's own thread so the single writer does nothing but
 * write.
 */
record Pending(
    String id,
    String receiptCode,
    long receivedAt,
    Channel channel,
    String enteredBy,
    ReportContent content,
    String policeStationId,
    byte[] nameEnc,
    byte[] birthYearEnc,
    byte[] contactEnc,
    byte[] textEnc,
    String idempotencyScope,
    String idempotencyKey,
    byte[] requestHashEnc,
    Cases.SealedCase newCase,
    CompletableFuture<Boolean> stored) {}
