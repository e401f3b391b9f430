package org.vigil.triage;

import io.javalin.http.sse.SseClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.http.Json;

/**
 * `GET /api/triage/live`: server-sent events that keep every open triage page current. A `report`
 * event carries a new row (its event id is the row's id, so a browser that reconnects is sent what
 * it missed, as EventSource sends Last-Event-ID by itself); a `decided` event says a row was
 * confirmed or rejected, by whom and when, so other coordinators' pages take it off.
 *
 * <p>One thread pushes, woken by {@link #changed()} after every write through this server and every
 * {@link #IDLE} without one (so that what another node wrote arrives too). It looks at the rows
 * made in the last {@link #WINDOW} (ids are time-ordered, so this is an index range) and sends
 * those it has not sent yet: a report committed a little after one with a later id is not skipped.
 */
public final class TriageStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TriageStream.class);
  static final long COALESCE = 150;
  static final long IDLE = TimeUnit.SECONDS.toMillis(2);

  /** How far back each push looks: longer than a report takes from its id to its commit. */
  static final long WINDOW = TimeUnit.SECONDS.toMillis(30);

  private static final int REPLAY = 500;

  private final Triage triage;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final Semaphore wake = new Semaphore(0);
  private final Thread pusher;
  // Touched by the pusher thread only: what was sent, and when, to send each thing once.
  private final Map<String, Long> sentRows = new HashMap<>();
  private final Map<String, Long> sentDecisions = new HashMap<>();
  private volatile boolean closed;

  public TriageStream(Triage triage) {
    this.triage = triage;
    this.pusher = Thread.ofPlatform().name("triage-stream").daemon(true).start(this::run);
  }

  /** Something was written: a report may have arrived, a row may have been decided. */
  public void changed() {
    wake.release();
  }

  /** Takes a new reader: sends the rows after the one it saw last, then keeps it. */
  void join(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    String seen = client.ctx().header("Last-Event-ID");
    if (seen == null || seen.isBlank()) seen = client.ctx().queryParam("after");
    if (seen != null && !seen.isBlank()) {
      for (Triage.Row row : triage.after(seen.strip(), REPLAY)) {
        client.sendEvent("report", Json.write(row), row.id());
      }
    }
    client.sendEvent("ready", "{}");
  }

  private void run() {
    while (!closed) {
      try {
        if (wake.tryAcquire(IDLE, TimeUnit.MILLISECONDS)) {
          Thread.sleep(COALESCE);
          wake.drainPermits();
        }
        if (closed) return;
        if (!clients.isEmpty()) push();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("triage push failed; retrying on the next change", e);
      }
    }
  }

  private void push() {
    long now = System.currentTimeMillis();
    for (Triage.Row row : triage.after(org.vigil.storage.Ids.at(now - WINDOW), REPLAY)) {
      if (sentRows.putIfAbsent(row.id(), now) == null)
        broadcast("report", Json.write(row), row.id());
    }
    for (Triage.Decided d : triage.decidedSince(now - WINDOW)) {
      String key = d.id() + "/" + d.kind() + "/" + d.decidedAt().toEpochMilli();
      if (sentDecisions.putIfAbsent(key, now) == null) broadcast("decided", Json.write(d), null);
    }
    // Whatever is older than the window will not be read again.
    sentRows.values().removeIf(at -> at < now - 2 * WINDOW);
    sentDecisions.values().removeIf(at -> at < now - 2 * WINDOW);
  }

  private void broadcast(String event, String data, String id) {
    for (SseClient client : List.copyOf(clients)) {
      if (id == null) {
        client.sendEvent(event, data);
      } else {
        client.sendEvent(event, data, id);
      }
    }
  }

  /** Stops pushing and closes every reader's stream. */
  @Override
  public void close() {
    closed = true;
    pusher.interrupt();
    List.copyOf(clients).forEach(SseClient::close);
  }
}
