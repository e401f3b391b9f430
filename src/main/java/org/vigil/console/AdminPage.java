package org.vigil.console;

import static org.vigil.security.Role.ADMIN;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.http.Api;
import org.vigil.security.Accounts;
import org.vigil.security.Invitations;
import org.vigil.security.Role;
import org.vigil.site.Texts;

/** The admin's page: users, their roles and status, invitations, disabling a user. */
public final class AdminPage {
  private AdminPage() {}

  /** A user's row. */
  public record UserRow(
      String id,
      String name,
      String role,
      String displayName,
      String status,
      String statusText,
      String lastSignIn,
      boolean canDisable) {}

  /** A role the invitation form offers. */
  public record RoleOption(String code, String label) {}

  /**
   * The page: the users, the invitation form (with what was typed and what was wrong), and the URL
   * of an invitation just made, shown this once.
   */
  public record AdminView(
      List<UserRow> users,
      List<RoleOption> roles,
      Map<String, String> form,
      Map<String, String> errors,
      String invitedName,
      String invitationUrl,
      String notice) {
    public String field(String name) {
      return form.getOrDefault(name, "");
    }

    public String error(String name) {
      return errors.get(name);
    }
  }

  static void register(
      Console console, Accounts accounts, Invitations invitations, Supplier<String> publicUrl) {
    console.page(
        "/console/admin",
        "admin",
        r -> view(accounts, r, Map.of(), Map.of(), null, null, notice(r)),
        ADMIN);
    console.form(
        "/console/admin/invitations",
        r -> {
          Texts t = r.texts();
          Map<String, String> form = new LinkedHashMap<>();
          for (String f : List.of("name", "role", "display_name")) {
            String v = r.field(f);
            form.put(f, v == null ? "" : v.strip());
          }
          Map<String, String> errors = new LinkedHashMap<>();
          String name = form.get("name");
          if (name.isEmpty() || name.length() > 100 || !name.matches("[\\p{L}\\p{N}._-]+")) {
            errors.put("name", t.get("admin.error.name"));
          }
          Role role = Role.parse(form.get("role")).orElse(null);
          if (role == null) errors.put("role", t.get("admin.error.role"));
          String display = form.get("display_name").isEmpty() ? null : form.get("display_name");
          if (display != null && display.length() > 100) {
            errors.put("display_name", t.get("admin.error.displayName"));
          }
          if (errors.isEmpty()) {
            try {
              Invitations.Invited invited =
                  invitations.invite(name, role, display, Api.principal(r.ctx()).userId());
              String url = publicUrl.get() + "/console/invite/" + invited.token();
              r.render("admin", view(accounts, r, Map.of(), Map.of(), name, url, null));
              return;
            } catch (IllegalArgumentException e) {
              errors.put("name", t.get("admin.error.exists"));
            }
          }
          r.ctx().status(422);
          r.render("admin", view(accounts, r, form, errors, null, null, null));
        },
        ADMIN);
    console.form(
        "/console/admin/users/{id}/disable",
        r -> {
          String id = r.param("id");
          var user = accounts.list().stream().filter(u -> u.id().equals(id)).findFirst();
          if (user.isEmpty()) {
            refuse(r, 404, "admin.notice.nouser", accounts);
            return;
          }
          if (id.equals(Api.principal(r.ctx()).userId())) {
            refuse(r, 422, "admin.notice.self", accounts);
            return;
          }
          accounts.disable(user.get().name(), Api.principal(r.ctx()).userId());
          r.redirect(
              "/console/admin?disabled="
                  + URLEncoder.encode(user.get().name(), StandardCharsets.UTF_8));
        },
        ADMIN);
  }

  /** The page again, with why the user could not be disabled. */
  private static void refuse(Console.Request r, int status, String noticeKey, Accounts accounts) {
    r.ctx().status(status);
    r.render("admin", view(accounts, r, Map.of(), Map.of(), null, null, r.texts().get(noticeKey)));
  }

  private static String notice(Console.Request r) {
    String disabled = r.ctx().queryParam("disabled");
    return disabled == null
        ? null
        : r.texts().format("admin.notice.disabled", Map.of("name", disabled));
  }

  private static AdminView view(
      Accounts accounts,
      Console.Request r,
      Map<String, String> form,
      Map<String, String> errors,
      String invitedName,
      String url,
      String notice) {
    Texts t = r.texts();
    String me = Api.principal(r.ctx()).userId();
    List<UserRow> users =
        accounts.list().stream()
            .map(
                u ->
                    new UserRow(
                        u.id(),
                        u.name(),
                        t.get("role." + u.role().code()),
                        u.displayName() == null ? "" : u.displayName(),
                        u.status().code(),
                        t.get("status." + u.status().code()),
                        u.lastSignIn() == null ? "—" : Shell.moscow(u.lastSignIn()),
                        u.status() != Accounts.Status.DISABLED && !u.id().equals(me)))
            .toList();
    List<RoleOption> roles =
        Arrays.stream(Role.values())
            .map(role -> new RoleOption(role.code(), t.get("role." + role.code())))
            .toList();
    return new AdminView(users, roles, form, errors, invitedName, url, notice);
  }
}
