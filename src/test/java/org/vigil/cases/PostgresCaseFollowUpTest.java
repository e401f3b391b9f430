package org.vigil.cases;

import org.vigil.testing.TestDatabase;

class PostgresCaseFollowUpTest extends CaseFollowUpContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
