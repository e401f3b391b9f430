package org.vigil.ovdinfo;

/** One data row of an OVD-Info table: read as an event, or rejected with the reason. */
public sealed interface TableRow permits EventRow, Rejected {
  /** The physical line of the file the row starts on (1 is the header), for the coordinator. */
  long line();
}
