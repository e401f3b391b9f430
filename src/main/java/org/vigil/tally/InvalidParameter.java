package org.vigil.tally;

/**
 * A tally parameter that cannot be used, naming it: the API and the command line both say which.
 */
public final class InvalidParameter extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  InvalidParameter(String parameter, String reason) {
    super(reason);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
