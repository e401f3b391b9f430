package org.vigil.console;

import org.vigil.testing.TestDatabase;

class SqliteCasePagesTest extends CasePagesContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
