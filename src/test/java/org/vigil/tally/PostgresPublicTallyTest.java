package org.vigil.tally;

import org.vigil.testing.TestDatabase;

class PostgresPublicTallyTest extends PublicTallyContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
