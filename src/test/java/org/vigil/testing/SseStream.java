package org.vigil.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A reader of a server-sent event stream, as a browser's EventSource reads it. */
public final class SseStream implements AutoCloseable {
  /** One event: its id, its type and its data. */
  public record Event(String id, String type, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Thread reader;
  private volatile Stream<String> lines;

  private SseStream(URI uri, String lastEventId, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
    if (headers.length > 0) request.headers(headers);
    HttpRequest built = request.GET().build();
    reader = Thread.ofVirtual().start(() -> read(built));
  }

  public static SseStream open(String url, String lastEventId) {
    return new SseStream(URI.create(url), lastEventId);
  }

  /** A stream for staff: {@code headers} (name, value, …) carry the bearer token or cookie. */
  public static SseStream open(String url, String lastEventId, String... headers) {
    return new SseStream(URI.create(url), lastEventId, headers);
  }

  private void read(HttpRequest request) {
    try {
      HttpResponse<Stream<String>> response =
          http.send(request, HttpResponse.BodyHandlers.ofLines());
      lines = response.body();
      String id = null;
      String type = "message";
      StringBuilder data = new StringBuilder();
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) events.add(new Event(id, type, data.toString()));
          type = "message";
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (!data.isEmpty()) data.append('\n');
          data.append(line.substring(5).stripLeading());
        }
      }
    } catch (IOException | RuntimeException e) {
      // the stream was closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next event, or null if none comes within {@code timeout}. */
  public Event next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next event of this type, skipping others; null if none within {@code timeout}. */
  public Event next(String type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (e != null && e.type().equals(type)) return e;
    }
    return null;
  }

  @Override
  public void close() {
    Stream<String> open = lines;
    if (open != null) open.close();
    reader.interrupt();
    http.shutdownNow();
  }
}
