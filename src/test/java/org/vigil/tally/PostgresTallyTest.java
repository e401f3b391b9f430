package org.vigil.tally;

import org.vigil.testing.TestDatabase;

class PostgresTallyTest extends TallyContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
