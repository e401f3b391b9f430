package org.vigil.cases;

import org.vigil.testing.TestDatabase;

class SqliteCorrectionsTest extends CorrectionsContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
