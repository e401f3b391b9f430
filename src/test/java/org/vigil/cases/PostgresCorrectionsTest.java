package org.vigil.cases;

import org.vigil.testing.TestDatabase;

class PostgresCorrectionsTest extends CorrectionsContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
