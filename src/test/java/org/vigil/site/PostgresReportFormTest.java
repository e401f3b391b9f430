package org.vigil.site;

import org.vigil.testing.TestDatabase;

class PostgresReportFormTest extends ReportFormContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
