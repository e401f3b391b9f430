package org.vigil.console;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.security.Role;
import org.vigil.security.Totp;
import org.vigil.testing.ConsoleUser;

/**
 * The driver of {@code bench/console.sh}: signs in at a running server as a user of each role the
 * URL list names (name, password and TOTP secret from {@code staff.tsv}), warms every URL up, then
 * requests each one {@code requests} times, {@code concurrency} at a time, over loopback, and
 * prints p50, p95 and p99 per URL beside the first URL of the list, the baseline, measured in the
 * same rounds. The requests of a URL are spread over {@code rounds} passes through the list so that
 * a busy moment of the shared machine falls on every URL alike.
 *
 * <p>A URL line is {@code ROLE PATH} ({@code public} for no sign-in); {@code {name}} in the path is
 * filled in from {@code ids.tsv} ("placeholder TAB value" lines), a different value each request. A
 * URL that answers anything but 200 on its first request (404 before its page exists, 403 for a
 * role that may not) is skipped, and said so. Bounded: at most {@code seconds} of measuring per
 * URL, a 10 s timeout per request.
 *
 * <p>Usage: {@code ConsoleBench BASE_URL URLS STAFF IDS REQUESTS CONCURRENCY WARMUP SECONDS}
 */
public final class ConsoleBench {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FIRST_TIMEOUT = Duration.ofSeconds(120);
  private static final int ROUNDS = 4;

  /** What to run. */
  public record Settings(
      String base,
      Path urls,
      Path staff,
      Path ids,
      int requests,
      int concurrency,
      int warmup,
      int seconds) {}

  /**
   * One line of the URL list: {@code ROLE [POST] [max=N] PATH [JSON]}. A POST sends the JSON body
   * with the session's CSRF token, as console.js does (for questions too private for a URL); {@code
   * max=N} caps the requests of a route with a per-user budget, and skips its warm-up.
   */
  public record Target(String role, boolean post, int max, String path, String body) {
    String label() {
      return (role.equals("public") ? "" : role + " ") + (post ? "POST " : "") + path;
    }

    static Target parse(String line) {
      String[] parts = line.split("\\s+", 2);
      String role = parts[0].toLowerCase(Locale.ROOT);
      String rest = parts[1].strip();
      boolean post = rest.startsWith("POST ");
      if (post) rest = rest.substring(5).strip();
      int max = Integer.MAX_VALUE;
      if (rest.startsWith("max=")) {
        max = Integer.parseInt(rest.substring(4, rest.indexOf(' ')));
        rest = rest.substring(rest.indexOf(' ')).strip();
      }
      int space = rest.indexOf(' ');
      return space < 0
          ? new Target(role, post, max, rest, null)
          : new Target(role, post, max, rest.substring(0, space), rest.substring(space).strip());
    }
  }

  /**
   * A URL's outcome: its latencies in milliseconds, sorted (empty when skipped), the status that
   * made it skipped (0 if measured), answers other than 200 while measured, and mean body size.
   */
  public record Measured(
      Target target, double[] millis, int skippedStatus, int errors, long bytes) {
    public double percentile(double p) {
      return millis[Math.max(0, (int) Math.ceil(p * millis.length) - 1)];
    }

    public boolean skipped() {
      return skippedStatus != 0;
    }
  }

  private final Settings settings;
  private final HttpClient http;
  private final Map<String, List<String>> values;
  private final Map<Role, String> cookies = new EnumMap<>(Role.class);
  private final Map<Role, String> csrf = new EnumMap<>(Role.class);
  private final AtomicInteger turn = new AtomicInteger();

  private ConsoleBench(Settings settings) throws IOException {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .executor(Executors.newFixedThreadPool(2))
            .build();
    this.values = values(settings.ids());
  }

  public static void main(String[] args) throws Exception {
    Settings settings =
        new Settings(
            args[0],
            Path.of(args[1]),
            Path.of(args[2]),
            Path.of(args[3]),
            Integer.parseInt(args[4]),
            Integer.parseInt(args[5]),
            Integer.parseInt(args[6]),
            Integer.parseInt(args[7]));
    int status = 1;
    try {
      run(settings, System.out);
      status = 0;
    } finally {
      System.exit(status); // the HTTP client's threads would keep the JVM alive
    }
  }

  /** Runs the benchmark and prints its table; returns every URL's outcome, baseline first. */
  public static List<Measured> run(Settings settings, PrintStream out) throws Exception {
    ConsoleBench bench = new ConsoleBench(settings);
    List<Target> targets = targets(settings.urls());
    bench.signIn(targets, out);
    List<Measured> results = bench.measure(targets, out);
    print(results, settings, out);
    return results;
  }

  static List<Target> targets(Path urls) throws IOException {
    List<Target> targets = new ArrayList<>();
    for (String line : Files.readAllLines(urls, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) continue;
      targets.add(Target.parse(l));
    }
    return targets;
  }

  private static Map<String, List<String>> values(Path ids) throws IOException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (ids == null || !Files.exists(ids)) return values;
    for (String line : Files.readAllLines(ids, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        values
            .computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>())
            .add(line.substring(tab + 1));
      }
    }
    return values;
  }

  /**
   * Signs in once per role the list names. A code is good once: if this step's was used (by the
   * invitation, or a run a moment ago), the next step's is tried, then a later one.
   */
  private void signIn(List<Target> targets, PrintStream out) throws Exception {
    Map<Role, String[]> staff = new EnumMap<>(Role.class);
    for (String line : Files.readAllLines(settings.staff(), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length == 4) Role.parse(f[0]).ifPresent(r -> staff.put(r, f));
    }
    for (Target t : targets) {
      if (t.role().equals("public")) continue;
      Role role =
          Role.parse(t.role())
              .orElseThrow(() -> new IllegalArgumentException("no role '" + t.role() + "'"));
      if (cookies.containsKey(role)) continue;
      String[] user = staff.get(role);
      if (user == null) throw new IllegalArgumentException("no " + role.code() + " in staff file");
      ConsoleUser console = new ConsoleUser(settings.base());
      byte[] secret = Totp.fromBase32(user[3]);
      long step = Totp.step(Instant.now());
      console.signIn(user[1], user[2], Totp.code(secret, step));
      // the server accepts the next step's code too, once
      if (console.cookie == null) console.signIn(user[1], user[2], Totp.code(secret, step + 1));
      if (console.cookie == null) {
        Thread.sleep(61_000 - Instant.now().toEpochMilli() % 30_000);
        console.signIn(user[1], user[2], Totp.code(secret, Totp.step(Instant.now())));
      }
      if (console.cookie == null)
        throw new IllegalStateException("could not sign in as " + user[1]);
      cookies.put(role, console.cookieName + "=" + console.cookie);
      csrf.put(role, console.csrf());
      out.println("signed in as " + user[1]);
    }
  }

  private List<Measured> measure(List<Target> targets, PrintStream out) throws Exception {
    List<Target> live = new ArrayList<>();
    Map<Target, Integer> skipped = new LinkedHashMap<>();
    for (Target t : targets) {
      String missing = missing(t);
      if (missing != null) {
        skipped.put(t, -2);
        out.printf("skipped %s: the data has no values for {%s}%n", t.label(), missing);
        continue;
      }
      // the first request may render or count what later ones are served from: it may take long
      long sent = System.nanoTime();
      int status = send(t, FIRST_TIMEOUT).status();
      long ms = (System.nanoTime() - sent) / 1_000_000;
      if (ms >= 1000) out.printf("first answer of %s took %,d ms%n", t.label(), ms);
      if (status == 200) live.add(t);
      else {
        skipped.put(t, status);
        out.printf("skipped %s: answered %d%n", t.label(), status);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
    try {
      for (Target t : live) {
        if (t.max() == Integer.MAX_VALUE) run(pool, t, settings.warmup(), null);
      }
      Map<Target, Sample> samples = new LinkedHashMap<>();
      live.forEach(t -> samples.put(t, new Sample(Math.min(t.max(), settings.requests()))));
      int perRound = (settings.requests() + ROUNDS - 1) / ROUNDS;
      for (int round = 0; round < ROUNDS; round++) {
        for (Target t : live) {
          Sample s = samples.get(t);
          long budget = settings.seconds() * 1_000_000_000L / ROUNDS;
          int count = Math.min(perRound, s.millis.length - s.count);
          if (count > 0) run(pool, t, count, s, budget);
        }
      }
      List<Measured> results = new ArrayList<>();
      for (Target t : targets) {
        if (skipped.containsKey(t)) {
          results.add(new Measured(t, new double[0], skipped.get(t), 0, 0));
        } else {
          results.add(samples.get(t).result(t));
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The latencies of one URL, filled in over the rounds. */
  private static final class Sample {
    final double[] millis;
    int count;
    int errors;
    long bytes;

    Sample(int size) {
      millis = new double[size];
    }

    synchronized void add(double ms, Answer a) {
      millis[count++] = ms;
      bytes += a.bytes();
      if (a.status() != 200) errors++;
    }

    Measured result(Target t) {
      double[] sorted = Arrays.copyOf(millis, count);
      Arrays.sort(sorted);
      return new Measured(t, sorted, 0, errors, count == 0 ? 0 : bytes / count);
    }
  }

  private void run(ExecutorService pool, Target t, int count, Sample sample) throws Exception {
    run(pool, t, count, sample, Long.MAX_VALUE);
  }

  /** Sends {@code count} requests, at most {@code concurrency} at once, within the budget. */
  private void run(ExecutorService pool, Target t, int count, Sample sample, long budget)
      throws Exception {
    long start = System.nanoTime();
    AtomicInteger left = new AtomicInteger(count);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < settings.concurrency(); w++) {
      workers.add(
          pool.submit(
              () -> {
                while (left.getAndDecrement() > 0 && System.nanoTime() - start < budget) {
                  long sent = System.nanoTime();
                  Answer a = send(t);
                  if (sample != null) sample.add((System.nanoTime() - sent) / 1e6, a);
                }
                return null;
              }));
    }
    for (Future<?> w : workers) w.get();
  }

  private record Answer(int status, long bytes) {}

  private Answer send(Target t) {
    return send(t, TIMEOUT);
  }

  private Answer send(Target t, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.base() + fill(t.path(), false)))
            .timeout(timeout)
            .header("Accept-Encoding", "gzip");
    if (!t.role().equals("public")) {
      Role role = Role.parse(t.role()).orElseThrow();
      request.header("Cookie", cookies.get(role));
      if (t.post()) {
        request
            .header("Content-Type", "application/json")
            .header("Sec-Fetch-Site", "same-origin")
            .header("X-CSRF-Token", csrf.get(role))
            .POST(HttpRequest.BodyPublishers.ofString(fill(t.body(), true)));
      }
    }
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.body().length);
    } catch (IOException e) {
      return new Answer(-1, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, 0);
    }
  }

  /** A placeholder of the target that the sample has no values for, or null. */
  private String missing(Target t) {
    Matcher m = PLACEHOLDER.matcher(t.path() + (t.body() == null ? "" : t.body()));
    while (m.find()) {
      if (!values.containsKey(m.group(1))) return m.group(1);
    }
    return null;
  }

  /**
   * The path (or JSON body) with each placeholder replaced by one of its sample values, in turn,
   * URL-encoded (or as a JSON string's content).
   */
  private String fill(String path, boolean json) {
    if (path == null) return "";
    Matcher m = PLACEHOLDER.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      List<String> choices = values.get(m.group(1));
      if (choices == null) throw new IllegalArgumentException("no values for {" + m.group(1) + "}");
      String value = choices.get(Math.floorMod(turn.getAndIncrement(), choices.size()));
      m.appendReplacement(
          out,
          Matcher.quoteReplacement(
              json
                  ? value.replace("\\", "\\\\").replace("\"", "\\\"")
                  : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void print(List<Measured> results, Settings s, PrintStream out) {
    Measured baseline = results.getFirst();
    out.printf(
        "%d requests per URL after %d of warm-up, %d at a time, in %d rounds; baseline: %s%n",
        s.requests(), s.warmup(), s.concurrency(), ROUNDS, baseline.target().label());
    out.println("| URL | n | p50 ms | p95 ms | p99 ms | max ms | p99 / baseline's | bytes |");
    out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Measured m : results) {
      if (m.skipped()) {
        out.printf("| `%s` | skipped: %d | | | | | | |%n", m.target().label(), m.skippedStatus());
        continue;
      }
      if (m.millis().length == 0) continue;
      double p99 = m.percentile(0.99);
      out.printf(
          Locale.ROOT,
          "| `%s` | %d%s | %.1f | %.1f | %s | %.1f | %.1f | %,d |%n",
          m.target().label(),
          m.millis().length,
          m.errors() > 0 ? " (" + m.errors() + " not 200)" : "",
          m.percentile(0.50),
          m.percentile(0.95),
          p99 >= 100 ? "**%.1f**".formatted(p99) : "%.1f".formatted(p99),
          m.millis()[m.millis().length - 1],
          baseline.skipped() ? Double.NaN : p99 / baseline.percentile(0.99),
          m.bytes());
    }
  }
}
