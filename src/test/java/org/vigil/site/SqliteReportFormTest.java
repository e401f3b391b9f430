package org.vigil.site;

import org.vigil.testing.TestDatabase;

class SqliteReportFormTest extends ReportFormContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
