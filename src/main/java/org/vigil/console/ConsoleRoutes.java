package org.vigil.console;

import java.util.function.Supplier;
import org.vigil.http.Api;
import org.vigil.security.Accounts;
import org.vigil.security.Invitations;
import org.vigil.security.Sessions;
import org.vigil.security.SignIn;

/**
 * The console's own pages: sign-in, sign-out, invitations, the landing page and the admin's page.
 * Returns the {@link Console} on which the capabilities add theirs.
 */
public final class ConsoleRoutes {
  private ConsoleRoutes() {}

  /**
   * What the console's own pages need.
   *
   * @param publicUrl the base URL people reach Vigil at, without a trailing slash: invitation links
   *     are made with it
   */
  public record Sources(
      Accounts accounts,
      Sessions sessions,
      SignIn signIn,
      Invitations invitations,
      Supplier<String> publicUrl) {}

  public static Console register(Api api, Sources s) {
    Console console = new Console(api);
    SignInPages.register(console, s.signIn(), s.invitations(), s.sessions());
    console.page("/console/", "home", r -> null, Console.STAFF);
    AdminPage.register(console, s.accounts(), s.invitations(), s.publicUrl());
    return console;
  }
}
