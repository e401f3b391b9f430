package org.vigil.cases;

import org.vigil.testing.TestDatabase;

class PostgresConsentTest extends ConsentContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
