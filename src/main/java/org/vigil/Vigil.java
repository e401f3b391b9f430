package org.vigil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.campaign.CampaignRoutes;
import org.vigil.campaign.Campaigns;
import org.vigil.campaign.EventDesk;
import org.vigil.cases.CaseRoutes;
import org.vigil.cases.Cases;
import org.vigil.cases.Corrections;
import org.vigil.console.CasePages;
import org.vigil.console.Console;
import org.vigil.console.ConsoleRoutes;
import org.vigil.entry.EntryRoutes;
import org.vigil.http.Api;
import org.vigil.http.Cidr;
import org.vigil.http.ClientAddress;
import org.vigil.http.WebServer;
import org.vigil.intake.Intake;
import org.vigil.intake.IntakeRoutes;
import org.vigil.intake.PublicIntake;
import org.vigil.linkage.Linkage;
import org.vigil.linkage.LinkageRoutes;
import org.vigil.linkage.ReviewPage;
import org.vigil.media.MediaRoutes;
import org.vigil.media.PhotoDesk;
import org.vigil.media.Photos;
import org.vigil.opendata.ExportRoutes;
import org.vigil.opendata.OpenData;
import org.vigil.place.Gazetteer;
import org.vigil.publish.LiveUpdates;
import org.vigil.publish.PublishRoutes;
import org.vigil.publish.UpdateDesk;
import org.vigil.security.Accounts;
import org.vigil.security.Invitations;
import org.vigil.security.PublicRateLimit;
import org.vigil.security.Sessions;
import org.vigil.security.SignIn;
import org.vigil.security.SignInThrottle;
import org.vigil.security.Vault;
import org.vigil.site.LiveStream;
import org.vigil.site.ReportPages;
import org.vigil.site.SiteRoutes;
import org.vigil.station.PoliceStations;
import org.vigil.station.StationRoutes;
import org.vigil.storage.Database;
import org.vigil.tally.PublicTallies;
import org.vigil.tally.PublicTallyRoutes;
import org.vigil.tally.Tallies;
import org.vigil.tally.TallyRoutes;
import org.vigil.triage.Triage;
import org.vigil.triage.TriagePages;
import org.vigil.triage.TriageStream;

/** One running Vigil: its database, its keys, its capabilities and, when serving, its HTTP API. */
public final class Vigil implements AutoCloseable {
  /** The byline of public work whose author set no display name, unless a group names itself. */
  public static final String DEFAULT_GROUP_NAME = "Vigil";

  /**
   * Where Vigil keeps its data and how it listens.
   *
   * @param trustedProxies the reverse proxies whose X-Forwarded-For names the client (see {@link
   *     ClientAddress}); none: the socket's peer is the client
   * @param groupName the byline of editors' updates whose editor set no display name
   */
  public record Settings(
      String databaseUrl,
      Path keyset,
      String host,
      int port,
      int publicPerMinute,
      List<Cidr> trustedProxies,
      String groupName,
      ConsoleSettings console) {
    public Settings {
      trustedProxies = List.copyOf(trustedProxies);
    }

    /** A server with the console's defaults. */
    public Settings(
        String databaseUrl,
        Path keyset,
        String host,
        int port,
        int publicPerMinute,
        List<Cidr> trustedProxies,
        String groupName) {
      this(
          databaseUrl,
          keyset,
          host,
          port,
          publicPerMinute,
          trustedProxies,
          groupName,
          ConsoleSettings.DEFAULTS);
    }
  }

  /**
   * The staff console's sign-in.
   *
   * @param publicUrl the base URL people reach Vigil at (invitation links are made with it); null:
   *     http://localhost:PORT
   * @param sessionIdle a session unused this long ends
   * @param sessionLifetime a session ends this long after sign-in, used or not
   * @param clock the time sessions, invitations, codes and the sign-in throttle go by (tests move
   *     it)
   */
  public record ConsoleSettings(
      String publicUrl, Duration sessionIdle, Duration sessionLifetime, Clock clock) {
    public static final ConsoleSettings DEFAULTS =
        new ConsoleSettings(null, Duration.ofMinutes(30), Duration.ofHours(12), Clock.systemUTC());

    public ConsoleSettings {
      publicUrl = baseUrl(publicUrl);
    }

    /**
     * A base URL as given (option or environment), checked and without its trailing slash; null for
     * none (null or blank).
     *
     * @throws IllegalArgumentException if it is not an http(s) URL without query or fragment
     */
    public static String baseUrl(String url) {
      if (url == null || url.isBlank()) return null;
      if (!url.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
        throw new IllegalArgumentException(
            "--public-url must be an http(s) URL without query, e.g. https://vigil.example.org");
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }

  private final Database database;
  private final Accounts accounts;
  private final Campaigns campaigns;
  private final PoliceStations stations;
  private final Gazetteer gazetteer;
  private final Cases cases;
  private final Corrections corrections;
  private final Linkage linkage;
  private final Photos photos;
  private final LiveUpdates updates;
  private final Intake intake;
  private final Tallies tallies;
  private final PublicTallies publicTallies;
  private final ConsoleSettings consoleSettings;
  private final Sessions sessions;
  private final Invitations invitations;
  private final SignIn signIn;
  private final Triage triage;
  private LiveStream live;
  private TriageStream triageStream;
  private WebServer server;

  private Vigil(Database database, Vault vault, String groupName, ConsoleSettings console) {
    this.database = database;
    this.accounts = new Accounts(database.jdbi());
    this.consoleSettings = console;
    this.sessions =
        new Sessions(
            database.jdbi(), console.clock(), console.sessionIdle(), console.sessionLifetime());
    this.invitations =
        new Invitations(database.jdbi(), vault, accounts, sessions, console.clock(), groupName);
    this.signIn =
        new SignIn(
            database.jdbi(),
            vault,
            sessions,
            new SignInThrottle(database.jdbi(), console.clock()),
            console.clock());
    this.campaigns = new Campaigns(database.jdbi());
    this.stations = new PoliceStations(database.jdbi());
    this.gazetteer = Gazetteer.russia();
    this.cases = new Cases(database.jdbi(), vault);
    this.corrections = new Corrections(database.jdbi(), vault, cases, campaigns);
    this.linkage = new Linkage(database.jdbi(), vault, cases);
    this.photos = new Photos(database.jdbi(), vault);
    this.updates = new LiveUpdates(database.jdbi(), vault, groupName);
    this.intake =
        new Intake(database.jdbi(), vault, cases, linkage, campaigns, stations, gazetteer);
    this.tallies = new Tallies(database.jdbi());
    this.publicTallies = new PublicTallies(database.jdbi(), campaigns, gazetteer);
    this.triage = new Triage(database.jdbi(), vault);
  }

  /** Opens the database and the keyset without listening: for CLI commands. */
  public static Vigil open(String databaseUrl, Path keyset) {
    return open(databaseUrl, keyset, DEFAULT_GROUP_NAME, ConsoleSettings.DEFAULTS);
  }

  /** Opens the database and the keyset of a server, before it listens. */
  public static Vigil open(Settings settings) {
    return open(
        settings.databaseUrl(), settings.keyset(), settings.groupName(), settings.console());
  }

  private static Vigil open(
      String databaseUrl, Path keyset, String groupName, ConsoleSettings console) {
    Vault vault = Vault.openOrCreate(keyset);
    return new Vigil(Database.open(databaseUrl), vault, groupName, console);
  }

  /** Opens everything and starts the HTTP server. */
  public static Vigil serve(Settings settings) {
    Vigil vigil = open(settings);
    try {
      vigil.listen(settings);
      return vigil;
    } catch (RuntimeException e) {
      vigil.close();
      throw e;
    }
  }

  /** Starts the HTTP server of an opened instance (the database and keys come from open). */
  public void listen(Settings settings) {
    live = new LiveStream(publicTallies, updates);
    triageStream = new TriageStream(triage);
    server =
        webServer(
            new PublicRateLimit(settings.publicPerMinute()),
            new ClientAddress(settings.trustedProxies()));
    server
        .afterWrites(
            () -> {
              live.changed();
              triageStream.changed();
            })
        .start(settings.host(), settings.port());
  }

  private WebServer webServer(PublicRateLimit publicLimit, ClientAddress clients) {
    return new WebServer(
        accounts,
        sessions,
        clients,
        api -> {
          // The public reads first: Javalin tries a request's path against the routes in the
          // order they were added, and these are what a crowd reads while a protest goes on.
          PublicTallyRoutes.register(api, publicTallies);
          SiteRoutes.register(
              api,
              new SiteRoutes.Sources(publicTallies, campaigns, cases, photos, updates, stations),
              live);
          api.get("/api/health", ctx -> ctx.json(health()));
          // The operator's fast entry: before intake's and the stations' routes, whose
          // /api/reports/{id} and /api/police-stations/{id} would take its paths.
          EntryRoutes.register(
              api,
              new EntryRoutes.Sources(
                  database.jdbi(), gazetteer, stations, intake, linkage, cases));
          // Anonymous reports, from the JSON API and the public form alike (issue #13, point 6).
          PublicIntake publicIntake = new PublicIntake(intake, publicLimit);
          IntakeRoutes.register(api, intake, corrections, publicIntake);
          ReportPages.register(api, publicIntake);
          CaseRoutes.register(api, cases, corrections, campaigns, gazetteer);
          CampaignRoutes.register(api, campaigns);
          StationRoutes.register(api, stations);
          LinkageRoutes.register(api, linkage);
          MediaRoutes.register(api, photos, campaigns);
          PublishRoutes.register(api, updates, campaigns);
          TallyRoutes.register(api, tallies);
          ExportRoutes.register(api, new OpenData(database.jdbi()));
          // The staff console; capabilities add their pages to `console` after this line.
          Console console =
              ConsoleRoutes.register(
                  api,
                  new ConsoleRoutes.Sources(
                      accounts, sessions, signIn, invitations, this::publicUrl));
          // The coordinator's triage list and review queue (issue #13, point 3).
          TriagePages.register(api, console, triage, triageStream, corrections);
          ReviewPage.register(console, linkage);
          // The editor's desk (issue 13.4): updates, photos, events.
          UpdateDesk.register(console, updates, campaigns);
          PhotoDesk.register(console, photos, campaigns);
          EventDesk.register(console, campaigns);
          // The coordinator's case pages: persons, search, who is held where (issue #13).
          CasePages.register(
              api,
              console,
              new CasePages.Sources(
                  cases, corrections, intake, linkage, campaigns, gazetteer, stations, accounts));
        });
  }

  private Map<String, Object> health() {
    int one = database.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    return Map.of(
        "status", one == 1 ? "ok" : "degraded",
        "database", database.dialect().name().toLowerCase(Locale.ROOT),
        "version", Main.version());
  }

  /** The base URL people reach this server at: --public-url, else http://localhost:PORT. */
  public String publicUrl() {
    if (consoleSettings.publicUrl() != null) return consoleSettings.publicUrl();
    return "http://localhost:" + (server == null ? 8080 : server.port());
  }

  public Invitations invitations() {
    return invitations;
  }

  public Sessions sessions() {
    return sessions;
  }

  public List<Api.Route> routes() {
    return server.routes();
  }

  public int port() {
    return server.port();
  }

  public Database database() {
    return database;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Campaigns campaigns() {
    return campaigns;
  }

  public PoliceStations stations() {
    return stations;
  }

  public LiveUpdates updates() {
    return updates;
  }

  public Intake intake() {
    return intake;
  }

  public Cases cases() {
    return cases;
  }

  public PublicTallies publicTallies() {
    return publicTallies;
  }

  /** Stops listening, writes every report already accepted, then closes the database. */
  @Override
  public void close() {
    if (live != null) live.close();
    if (triageStream != null) triageStream.close();
    if (server != null) server.close();
    intake.close();
    publicTallies.close();
    database.close();
  }
}
