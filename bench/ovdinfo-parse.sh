#!/usr/bin/env bash
# Times reading a generated OVD-Info table (2013 layout) against merely parsing its CSV, in one run.
# usage: bench/ovdinfo-parse.sh [ROWS]   (default 1000000; the file is kept in target/bench/)
set -euo pipefail
rows="${1:-1000000}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
file="$root/target/bench/ovdinfo-$rows.csv"
mkdir -p "$(dirname "$file")"
if [[ ! -f "$file" ]]; then
  "${java[@]}" -cp "$cp" org.vigil.ovdinfo.OvdInfoBenchmark generate "$file" "$rows"
fi
"${java[@]}" ${BENCH_JAVA_OPTS:-} -cp "$cp" org.vigil.ovdinfo.OvdInfoBenchmark measure "$file"
