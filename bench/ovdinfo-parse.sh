#!/usr/bin/env bash
# Times reading a generated OVD-Info table (2013 layout) against merely parsing its CSV, in one run.
# usage: bench/ovdinfo-parse.sh [ROWS]   (default 1000000; the file is kept in target/bench/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$root/target/vigil.jar"
file="$root/target/bench/ovdinfo-$rows.csv"

if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -q -B -DskipTests package)
fi
mkdir -p "$(dirname "$file")"
if [[ ! -f "$file" ]]; then
  "$java" -cp "$jar" org.vigil.ovdinfo.OvdInfoBenchmark generate "$file" "$rows"
fi
"$java" ${BENCH_JAVA_OPTS:-} -cp "$jar" org.vigil.ovdinfo.OvdInfoBenchmark measure "$file"
