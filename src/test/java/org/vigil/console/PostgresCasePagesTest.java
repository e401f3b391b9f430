package org.vigil.console;

import org.vigil.testing.TestDatabase;

class PostgresCasePagesTest extends CasePagesContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
