package org.vigil.entry;

import org.vigil.testing.TestDatabase;

class PostgresEntryTest extends EntryContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
