package org.vigil.api;

import org.vigil.testing.TestDatabase;

class SqliteApiTest extends ApiContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
