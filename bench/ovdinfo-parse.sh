#!/usr/bin/env bash
# Times reading a generated OVD-Info table (2013 layout) against merely parsing its CSV, in one run.
# usage: bench/ovdinfo-parse.sh [ROWS]   (default 1000000; the file is kept in target/bench/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
java=("$root/vigil" jdk java)                       # the JDK ./vigil runs on (21 or newer)
# The harness lives with the tests, not in the product jar.
cp="$root/target/vigil.jar:$root/target/test-classes"
file="$root/target/bench/ovdinfo-$rows.csv"

"$root/vigil" --version >/dev/null                 # builds target/vigil.jar if needed
(cd "$root" && ./vigil jdk ./mvnw -q -B test-compile >/dev/null)
mkdir -p "$(dirname "$file")"
if [[ ! -f "$file" ]]; then
  "${java[@]}" -cp "$cp" org.vigil.ovdinfo.OvdInfoBenchmark generate "$file" "$rows"
fi
"${java[@]}" ${BENCH_JAVA_OPTS:-} -cp "$cp" org.vigil.ovdinfo.OvdInfoBenchmark measure "$file"
