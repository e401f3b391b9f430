package org.vigil.api;

import org.vigil.testing.TestDatabase;

class PostgresInputTest extends InputContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
