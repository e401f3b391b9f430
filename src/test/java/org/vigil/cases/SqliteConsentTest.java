package org.vigil.cases;

import org.vigil.testing.TestDatabase;

class SqliteConsentTest extends ConsentContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
