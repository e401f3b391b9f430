package org.vigil.triage;

import org.vigil.testing.TestDatabase;

class PostgresTriageTest extends TriageContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
