package org.vigil.ovdinfo;

/** The file's header cannot be read as an OVD-Info event table; no row is read. */
public final class LayoutException extends Exception {
  LayoutException(String message) {
    super(message);
  }
}
