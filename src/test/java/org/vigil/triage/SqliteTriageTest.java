package org.vigil.triage;

import org.vigil.testing.TestDatabase;

class SqliteTriageTest extends TriageContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
