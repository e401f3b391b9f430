package org.vigil;

import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.http.Cidr;
import org.vigil.linkage.LinkBenchCommand;
import org.vigil.linkage.LinkCommand;
import org.vigil.opendata.ExportCommand;
import org.vigil.ovdinfo.ImportCommand;
import org.vigil.security.Principal;
import org.vigil.security.Role;
import org.vigil.tally.TallyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code vigil} command line. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Documents political detentions at street protests.",
    subcommands = {
      Main.Serve.class,
      Main.Demo.class,
      Main.UserCommand.class,
      Main.TokenCommand.class,
      ImportCommand.class,
      LinkCommand.class,
      LinkBenchCommand.class,
      TallyCommand.class,
      ExportCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line, with one way of reporting what a command could not do: a missing file by its
   * path and "no such file" (its exception's message is the bare path), anything else by its
   * message.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          String reason =
              e instanceof NoSuchFileException
                  ? e.getMessage() + ": no such file"
                  : e.getMessage() != null ? e.getMessage() : e.toString();
          cmd.getErr().println("vigil: " + reason);
          return e instanceof IllegalArgumentException ? 2 : 1;
        });
    return cli;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vigil " + version()};
    }
  }

  @Command(name = "serve", description = "Run the Vigil server.")
  static class Serve implements Callable<Integer> {
    @Mixin StorageOptions storage;

    @Option(
        names = "--host",
        defaultValue = "127.0.0.1",
        description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
        names = "--port",
        defaultValue = "8080",
        description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--public-rate",
        defaultValue = "30",
        paramLabel = "N",
        description =
            "Anonymous reports accepted per client address per minute (default: ${DEFAULT-VALUE}).")
    int publicPerMinute;

    @Option(
        names = "--group-name",
        paramLabel = "NAME",
        defaultValue = "${env:VIGIL_GROUP_NAME:-" + Vigil.DEFAULT_GROUP_NAME + "}",
        description =
            "The group's name: the byline of live updates whose editor set no display name"
                + " (default: ${DEFAULT-VALUE}).")
    String groupName;

    @Option(
        names = "--trusted-proxy",
        paramLabel = "CIDR",
        split = ",",
        converter = CidrConverter.class,
        defaultValue = "${env:VIGIL_TRUSTED_PROXIES}",
        description =
            "A reverse proxy (address or network, IPv4 or IPv6, e.g. 127.0.0.1/32 or 10.0.0.0/8)"
                + " whose X-Forwarded-For names the client; repeatable (or VIGIL_TRUSTED_PROXIES,"
                + " comma-separated). Without it, forwarded headers are ignored.")
    List<Cidr> trustedProxies = new ArrayList<>();

    @Option(
        names = "--public-url",
        paramLabel = "URL",
        defaultValue = "${env:VIGIL_PUBLIC_URL}",
        description =
            "The base URL people reach Vigil at, e.g. https://vigil.example.org (or"
                + " VIGIL_PUBLIC_URL): invitation links are made with it. Default:"
                + " http://localhost:PORT.")
    String publicUrl;

    @Option(
        names = "--session-idle-minutes",
        paramLabel = "N",
        defaultValue = "30",
        description = "A console session unused this long ends (default: ${DEFAULT-VALUE}).")
    int sessionIdleMinutes;

    @Option(
        names = "--session-lifetime-hours",
        paramLabel = "N",
        defaultValue = "12",
        description =
            "A console session ends this long after sign-in, used or not (default:"
                + " ${DEFAULT-VALUE}).")
    int sessionLifetimeHours;

    @Override
    public Integer call() throws InterruptedException {
      if (sessionIdleMinutes < 1 || sessionLifetimeHours < 1) {
        throw new IllegalArgumentException(
            "--session-idle-minutes and --session-lifetime-hours must be at least 1");
      }
      var settings =
          new Vigil.Settings(
              storage.databaseUrl(),
              storage.keysetPath(),
              host,
              port,
              publicPerMinute,
              trustedProxies,
              groupName,
              new Vigil.ConsoleSettings(
                  publicUrl,
                  Duration.ofMinutes(sessionIdleMinutes),
                  Duration.ofHours(sessionLifetimeHours),
                  Clock.systemUTC()));
      Vigil vigil = Vigil.open(settings);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    vigil.close();
                    stopped.countDown();
                  }));
      prepare(vigil); // before listening: nobody sees a half-loaded demo
      vigil.listen(settings);
      System.out.println("Vigil is running at http://" + host + ":" + vigil.port() + "/");
      System.out.println("Staff console: " + vigil.publicUrl() + "/console/");
      announce(vigil);
      System.out.flush();
      stopped.await();
      return 0;
    }

    void prepare(Vigil vigil) {}

    /** What to tell the person who started the server, once it listens. */
    void announce(Vigil vigil) {}
  }

  /** Reads a --trusted-proxy value; a bad one ends the command with its reason and status 2. */
  static final class CidrConverter implements CommandLine.ITypeConverter<Cidr> {
    @Override
    public Cidr convert(String value) {
      try {
        return Cidr.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Command(
      name = "demo",
      description = "Run the server with a demo campaign modelled on 23 January 2021.")
  static final class Demo extends Serve {
    @Override
    void prepare(Vigil vigil) {
      String token = org.vigil.demo.DemoCampaign.load(vigil);
      System.out.println("Coordinator token: " + token);
    }

    /** An invitation for a demo admin, so the console can be tried at once. */
    @Override
    void announce(Vigil vigil) {
      var invited = vigil.invitations().invite("demo-admin", Role.ADMIN, null, null);
      System.out.println(
          "Console invitation for demo-admin (once, 24 h): "
              + vigil.publicUrl()
              + "/console/invite/"
              + invited.token());
    }
  }

  @Command(
      name = "user",
      description = "Manage users.",
      subcommands = {UserCommand.Add.class, UserCommand.Invite.class, UserCommand.Disable.class})
  static final class UserCommand {
    @Command(
        name = "invite",
        description =
            "Print a one-time invitation URL (valid 24 h) at which the user chooses a password and"
                + " enrols an authenticator. For an existing user (e.g. one made by `user add`) it"
                + " sets or resets their console credentials; their tokens keep working.")
    static final class Invite implements Callable<Integer> {
      @Mixin StorageOptions storage;

      @Option(names = "--name", required = true, description = "User name.")
      String name;

      @Option(
          names = "--role",
          description =
              "One of: operator, coordinator, lawyer, editor, admin. Required for a new user;"
                  + " for an existing one it may be left out, and if given must be theirs.")
      String role;

      @Option(
          names = "--display-name",
          paramLabel = "NAME",
          description = "For a new user: the name their public work appears under.")
      String displayName;

      @Option(
          names = "--public-url",
          paramLabel = "URL",
          defaultValue = "${env:VIGIL_PUBLIC_URL:-http://localhost:8080}",
          description = "The server's base URL, as for `serve` (default: ${DEFAULT-VALUE}).")
      String publicUrl;

      @Override
      public Integer call() {
        Role parsed = role == null ? null : Add.role(role);
        String base =
            Objects.requireNonNullElse(
                Vigil.ConsoleSettings.baseUrl(publicUrl), "http://localhost:8080");
        try (Vigil vigil = storage.open()) {
          var invited = vigil.invitations().invite(name, parsed, displayName, null);
          System.out.println(
              "Invitation for "
                  + invited.user().role().code()
                  + " "
                  + invited.user().name()
                  + ", valid once until "
                  + invited.expiresAt()
                  + ":");
          System.out.println(base + "/console/invite/" + invited.token());
        }
        return 0;
      }
    }

    @Command(
        name = "disable",
        description =
            "Disable a user: every session and every bearer token of theirs ends at once (another"
                + " node may accept a token it checked in the last 10 seconds).")
    static final class Disable implements Callable<Integer> {
      @Mixin StorageOptions storage;

      @Option(names = "--name", required = true, description = "User name.")
      String name;

      @Override
      public Integer call() {
        try (Vigil vigil = storage.open()) {
          var user =
              vigil
                  .accounts()
                  .disable(name, null)
                  .orElseThrow(() -> new IllegalArgumentException("no user named '" + name + "'"));
          System.out.println("Disabled " + user.role().code() + " " + user.name());
        }
        return 0;
      }
    }

    @Command(name = "add", description = "Add a user with a role.")
    static final class Add implements Callable<Integer> {
      @Mixin StorageOptions storage;

      @Option(names = "--name", required = true, description = "User name.")
      String name;

      @Option(
          names = "--role",
          required = true,
          description = "One of: operator, coordinator, lawyer, editor, admin.")
      String role;

      @Option(
          names = "--display-name",
          paramLabel = "NAME",
          description =
              "The name the user's public work (live updates) appears under; without one, the"
                  + " group's name. The account name is never published.")
      String displayName;

      static Role role(String role) {
        return Role.parse(role)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--role must be one of operator, coordinator, lawyer, editor, admin (got '"
                            + role
                            + "')"));
      }

      @Override
      public Integer call() {
        Role parsed = role(role);
        try (Vigil vigil = storage.open()) {
          Principal user = vigil.accounts().addUser(name, parsed, displayName);
          System.out.println("Added " + user.role().code() + " " + user.name());
        }
        return 0;
      }
    }
  }

  @Command(
      name = "token",
      description = "Manage bearer tokens.",
      subcommands = TokenCommand.Create.class)
  static final class TokenCommand {
    @Command(
        name = "create",
        description = "Create a bearer token for a user and print it (shown once).")
    static final class Create implements Callable<Integer> {
      @Mixin StorageOptions storage;

      @Option(names = "--user", required = true, description = "User name.")
      String user;

      @Override
      public Integer call() {
        try (Vigil vigil = storage.open()) {
          System.out.println(vigil.accounts().createToken(user));
        }
        return 0;
      }
    }
  }
}
