package org.vigil.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user of Vigil does, and so what they may see and change. */
public enum Role {
  /** Hotline and chat volunteers: type reports in, see nobody's personal data. */
  OPERATOR,
  /** Triage, verify, merge, publish: the role that works with detainees' personal data. */
  COORDINATOR,
  /** Sees the detainees assigned to them and records court outcomes. */
  LAWYER,
  /** Writes the live summary, uploads photos. */
  EDITOR,
  /** Runs the installation. */
  ADMIN;

  /**
   * Whether a detention this role reports or vouches for counts as confirmed: coordinators verify
   * reports, so what they type is verified; everyone else's reports wait for one.
   */
  public boolean confirmsDetentions() {
    return this == COORDINATOR || this == ADMIN;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String code) {
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }
}
