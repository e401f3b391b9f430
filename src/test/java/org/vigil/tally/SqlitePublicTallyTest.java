package org.vigil.tally;

import org.vigil.testing.TestDatabase;

class SqlitePublicTallyTest extends PublicTallyContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
