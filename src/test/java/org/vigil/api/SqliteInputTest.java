package org.vigil.api;

import org.vigil.testing.TestDatabase;

class SqliteInputTest extends InputContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
