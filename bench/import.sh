#!/usr/bin/env bash
# Import and tally speed (issue 3), on SQLite and PostgreSQL, in one run each:
#   1. parse only: fastcsv splits a generated 1,000,000-row OVD-Info table (2013 layout);
#   2. the whole `vigil import ovdinfo` of the same file into an empty database (rows/s and the
#      ratio to the parse);
#   3. typical tallies over the imported events: median and p99 of TALLY_RUNS runs each.
#
#   bench/import.sh [ROWS] [TALLY_RUNS]     (defaults: 1000000, 50)
#
# PostgreSQL: schema bench_import of database test at 127.0.0.1:5432, user postgres (dropped and
# made anew). The generated file is kept in target/bench/ (the same as bench/ovdinfo-parse.sh's).
set -euo pipefail
rows="${1:-1000000}"
runs="${2:-50}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
file="$root/target/bench/ovdinfo-$rows.csv"
mkdir -p "$(dirname "$file")"
if [[ ! -f "$file" ]]; then
  "${java[@]}" -cp "$cp" org.vigil.ovdinfo.OvdInfoBenchmark generate "$file" "$rows"
fi
echo "$(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("${java[@]}" -version 2>&1 | head -1)"
for db in sqlite postgresql; do
  "${java[@]}" ${BENCH_JAVA_OPTS:-} -cp "$cp" org.vigil.ovdinfo.ImportBenchmark "$file" "$db" "$runs"
done
