package org.vigil.tally;

import org.vigil.testing.TestDatabase;

class SqliteTallyTest extends TallyContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
