package org.vigil.cases;

import org.vigil.testing.TestDatabase;

class SqliteCaseFollowUpTest extends CaseFollowUpContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
