package org.vigil.console;

import java.util.List;
import org.vigil.security.Principal;
import org.vigil.security.Role;
import org.vigil.site.Assets;
import org.vigil.site.Language;
import org.vigil.site.Texts;
import org.vigil.site.Views;

/**
 * What every console template gets as {@code shell}: the reader's language and texts, the page, the
 * signed-in user (null on the sign-in and invitation pages), the CSRF token for forms and scripts,
 * and the navigation their role sees.
 *
 * @param page the page's name: its template, its title text ({@code NAME.title}), its nav entry
 * @param path the page's path, where the language switch leads back to
 */
public record Shell(
    Language lang,
    Texts t,
    String page,
    Principal user,
    String displayName,
    String csrf,
    List<Link> nav,
    String path) {

  /** A navigation link; {@code current} marks the page being shown. */
  public record Link(String href, String label, boolean current) {}

  /**
   * The page's own script, {@code assets/console/PAGE.js}, or null if it has none: the layout loads
   * it after {@code console.js}, so a page's script may use {@code window.vigil}.
   */
  public String script() {
    String name = "console/" + page + ".js";
    return Shell.class.getResource("/assets/" + name) == null ? null : Assets.url(name);
  }

  /** The page's title, from the text {@code PAGE.title}. */
  public String title() {
    return t.get(page + ".title");
  }

  /** The name to greet the user by: their display name, else their account name. */
  public String userName() {
    if (user == null) return "";
    return displayName != null ? displayName : user.name();
  }

  /** The user's role as the reader's language names it. */
  public String roleName() {
    return user == null ? "" : t.get("role." + user.role().code());
  }

  public boolean signedIn() {
    return user != null;
  }

  public boolean is(Role role) {
    return user != null && user.role() == role;
  }

  /** A time as the console shows it: Moscow time, to the minute, as on the public pages. */
  public static String moscow(java.time.Instant at) {
    return Views.moscowTime(at);
  }

  /** The link of the language switch: this page in the other language. */
  public String otherLanguageLink() {
    return path + "?lang=" + lang.other().code();
  }
}
