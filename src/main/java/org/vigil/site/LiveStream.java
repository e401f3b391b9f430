package org.vigil.site;

import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.http.Json;
import org.vigil.publish.LiveUpdate;
import org.vigil.publish.LiveUpdates;
import org.vigil.tally.CampaignCount;
import org.vigil.tally.PublicDimension;
import org.vigil.tally.PublicTallies;
import org.vigil.tally.TallyJson;

/**
 * `GET /api/public/live?campaign=…`: server-sent events that keep every open page current without
 * polling. Three kinds of event: `count`, the campaign's figures whenever they change, `update`,
 * each editor's live update, and `unpublish`, an update an editor took back (pages remove it).
 * Every event's id is the id of the latest update sent, so a browser that reconnects (EventSource
 * sends Last-Event-ID by itself) is sent every update it missed, then the current count: the count
 * is a state, not a sequence, so the latest one is all it missed.
 *
 * <p>One thread pushes: woken by {@link #changed()} after every write, it waits {@link #COALESCE}
 * so that a burst of reports makes one push, recounts, and sends only if a figure moved. Without
 * writes through this server it still marks the figures stale every {@link #IDLE}, so that what
 * another Vigil node on the same PostgreSQL, or an import from the command line, wrote reaches
 * readers within that time.
 */
public final class LiveStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
  static final long COALESCE = 150;
  static final long IDLE = TimeUnit.SECONDS.toMillis(5);
  private static final int REPLAY = 500;

  /** The event id meaning "sent no update yet": a reader reconnecting with it is sent them all. */
  static final String NONE_SEEN = "-";

  private final PublicTallies tallies;
  private final LiveUpdates updates;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final Semaphore wake = new Semaphore(0);
  private final Thread pusher;
  private volatile boolean closed;

  /** The readers of one campaign, what they were last sent, and the latest update's id. */
  private static final class Channel {
    final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    volatile CampaignCount sent;
    volatile String lastUpdate;
    volatile long unpublishedChecked = System.currentTimeMillis();
  }

  public LiveStream(PublicTallies tallies, LiveUpdates updates) {
    this.tallies = tallies;
    this.updates = updates;
    this.pusher = Thread.ofPlatform().name("live-stream").daemon(true).start(this::run);
  }

  /** Something was written: figures may have moved, an update may have been published. */
  public void changed() {
    tallies.changed();
    wake.release();
  }

  /** Takes a new reader: sends what it missed and the current count, then keeps it. */
  void join(SseClient client) {
    String asked = client.ctx().queryParam("campaign");
    Optional<CampaignCount> count =
        (asked == null || asked.isBlank() ? tallies.current() : tallies.count(asked))
            .flatMap(c -> tallies.fresh(c.campaign().id()));
    if (count.isEmpty()) {
      client.sendEvent("error", "{\"detail\":\"no such campaign\"}");
      client.close();
      return;
    }
    String campaignId = count.get().campaign().id();
    Channel channel = channels.computeIfAbsent(campaignId, id -> new Channel());
    client.keepAlive();
    client.onClose(() -> channel.clients.remove(client));
    synchronized (channel) {
      // From here the pusher sends this reader every update after the latest one now.
      if (channel.lastUpdate == null) channel.lastUpdate = latestUpdate(campaignId);
      if (channel.sent == null) channel.sent = count.get();
      channel.clients.add(client);
    }
    String seen = lastEventId(client);
    String cursor = seen == null ? latestUpdate(campaignId) : seen;
    if (seen != null) {
      for (LiveUpdate update : updates.after(campaignId, seen, REPLAY)) {
        cursor = update.id();
        client.sendEvent("update", Json.write(update), cursor);
      }
      // It may have been sent updates that were unpublished while it was away.
      for (String id : updates.unpublishedSince(campaignId, 0)) {
        client.sendEvent("unpublish", Json.write(Map.of("id", id)), id(cursor));
      }
    }
    client.sendEvent("count", Json.write(countEvent(count.get())), id(cursor));
  }

  /**
   * What the reader has seen: the id of the last update it was sent ({@link #NONE_SEEN} if it was
   * sent none), or null for a new reader, who needs no replay.
   */
  private static String lastEventId(SseClient client) {
    String id = client.ctx().header("Last-Event-ID");
    if (id == null) id = client.ctx().queryParam("last_event_id");
    if (id == null || id.isBlank()) return null;
    return id.strip().equals(NONE_SEEN) ? "" : id.strip();
  }

  private String latestUpdate(String campaignId) {
    return updates.latest(campaignId, 1).stream().findFirst().map(LiveUpdate::id).orElse("");
  }

  private static String id(String cursor) {
    return cursor.isEmpty() ? NONE_SEEN : cursor;
  }

  /** The event id for a reader who has seen these updates (newest first): what a page embeds. */
  static String cursorOf(List<LiveUpdate> newestFirst) {
    return newestFirst.isEmpty() ? NONE_SEEN : newestFirst.getFirst().id();
  }

  /** The data of a `count` event: national figures, and by city and by hour. */
  static Map<String, Object> countEvent(CampaignCount count) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("campaign", count.campaign().id());
    data.put("counted_at", count.countedAt());
    data.put("total", TallyJson.total(count));
    data.put("cities", TallyJson.groups(count, PublicDimension.CITY));
    data.put("hours", TallyJson.groups(count, PublicDimension.HOUR));
    Map<String, String> summary = new LinkedHashMap<>();
    for (Language lang : Language.values()) summary.put(lang.code(), Summary.sentence(lang, count));
    data.put("summary", summary);
    return data;
  }

  private void run() {
    while (!closed) {
      try {
        boolean woken = wake.tryAcquire(IDLE, TimeUnit.MILLISECONDS);
        if (closed) return;
        if (woken) {
          Thread.sleep(COALESCE);
          wake.drainPermits();
        } else {
          tallies.changed(); // what other nodes or a CLI import wrote is counted too
        }
        channels.forEach(this::push);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("live push failed; retrying on the next change", e);
      }
    }
  }

  private void push(String campaignId, Channel channel) {
    synchronized (channel) {
      if (channel.clients.isEmpty()) {
        channel.sent = null;
        channel.lastUpdate = null;
        return;
      }
    }
    for (LiveUpdate update : updates.after(campaignId, channel.lastUpdate, REPLAY)) {
      channel.lastUpdate = update.id();
      broadcast(channel, "update", Json.write(update));
    }
    long checked = System.currentTimeMillis();
    for (String id : updates.unpublishedSince(campaignId, channel.unpublishedChecked)) {
      broadcast(channel, "unpublish", Json.write(Map.of("id", id)));
    }
    channel.unpublishedChecked = checked;
    CampaignCount count = tallies.fresh(campaignId).orElse(null);
    if (count != null && !count.sameFigures(channel.sent)) {
      channel.sent = count;
      broadcast(channel, "count", Json.write(countEvent(count)));
    }
  }

  private void broadcast(Channel channel, String event, String data) {
    String id = id(channel.lastUpdate);
    for (SseClient client : List.copyOf(channel.clients)) {
      client.sendEvent(event, data, id);
    }
  }

  /** Stops pushing and closes every reader's stream. */
  @Override
  public void close() {
    closed = true;
    pusher.interrupt();
    channels.values().forEach(c -> List.copyOf(c.clients).forEach(SseClient::close));
  }
}
