package org.vigil.intake;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.cases.Consent;
import org.vigil.linkage.Linkage;
import org.vigil.storage.Batch;

/**
 * Group commit: one thread writes whatever reports are waiting in one transaction, so a hundred
 * concurrent submissions cost one disk flush instead of a hundred. Each submitter is answered only
 * after the transaction holding its report has committed, so every 201 is durable.
 */
final class ReportWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReportWriter.class);
  private static final int MAX_BATCH = 512;
  private static final String INSERT =
      """
      INSERT INTO reports (id, received_at, channel, entered_by, reporter, campaign_id, event_id,
        corrects, city, place, police_station, detained_at, consent, consent_stated, force_used,
        minor, journalist, name_enc, birth_year_enc, contact_enc, text_enc, idempotency_scope,
        idempotency_key, request_hash_enc, receipt_code)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING""";

  private final Jdbi jdbi;
  private final Linkage linkage;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(8192);
  private final Thread thread;
  private volatile boolean closing;

  ReportWriter(Jdbi jdbi, Linkage linkage) {
    this.jdbi = jdbi;
    this.linkage = linkage;
    this.thread = Thread.ofPlatform().name("report-writer").daemon(false).start(this::run);
  }

  /**
   * Queues a report. Its future completes with {@code true} once it is committed, {@code false} if
   * a report with the same idempotency key was already stored.
   */
  boolean offer(Pending pending) throws InterruptedException {
    return !closing && queue.offer(pending, 2, TimeUnit.SECONDS);
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    try {
      int[] inserted = jdbi.inTransaction(h -> insert(h, linkage, batch));
      for (int i = 0; i < batch.size(); i++) batch.get(i).stored().complete(inserted[i] != 0);
    } catch (SQLException | RuntimeException e) {
      // The linker may have seen reports that were rolled back: rebuild it from what is stored.
      linkage.reload();
      if (batch.size() == 1) {
        log.error("could not store report {}", batch.getFirst().id(), e);
        batch.getFirst().stored().completeExceptionally(e);
      } else {
        // One bad row must not fail its neighbours: write them one by one to find it.
        batch.forEach(p -> write(List.of(p)));
      }
    }
  }

  /** Writes one batch with the statements of the live path; the intake benchmark reuses it. */
  static int[] insert(Handle h, Linkage linkage, List<Pending> batch) throws SQLException {
    int[] inserted;
    try (var reports = new Batch(h, INSERT)) {
      for (Pending p : batch) {
        ReportContent c = p.content();
        reports.add(
            p.id(),
            p.receivedAt(),
            p.channel(),
            p.enteredBy(),
            c.source(),
            c.campaign(),
            c.event(),
            c.corrects(),
            c.city(),
            c.place(),
            c.policeStation(),
            c.detainedAt(),
            c.consent() == null ? Consent.NONE : c.consent(),
            c.consent() != null,
            c.forceUsed(),
            c.minor(),
            c.journalist(),
            p.nameEnc(),
            p.birthYearEnc(),
            p.contactEnc(),
            p.textEnc(),
            p.idempotencyScope(),
            p.idempotencyKey(),
            p.requestHashEnc(),
            p.receiptCode());
      }
      inserted = reports.execute();
    }
    List<Linkage.Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      // A report whose key was already used stores nothing, so it opens no case either.
      if (inserted[i] != 0 && p.newCase() != null) {
        ReportContent c = p.content();
        arrivals.add(
            new Linkage.Arrival(
                Linkage.facts(
                    p.id(),
                    c.name(),
                    c.birthYear(),
                    c.city(),
                    c.detainedAt(),
                    c.policeStation(),
                    c.source().name().toLowerCase(Locale.ROOT)),
                p.newCase()));
      }
    }
    linkage.link(h, arrivals, batch.getLast().receivedAt());
    return inserted;
  }

  /** Stops taking reports, writes every one already queued, then returns. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
