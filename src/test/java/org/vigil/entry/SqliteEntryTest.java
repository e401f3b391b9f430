package org.vigil.entry;

import org.vigil.testing.TestDatabase;

class SqliteEntryTest extends EntryContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.SQLITE;
  }
}
