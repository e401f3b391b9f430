package org.vigil.api;

import org.vigil.testing.TestDatabase;

class PostgresApiTest extends ApiContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
