#!/usr/bin/env bash
# Console pages and searches with a million reports behind them (issue 13, point 8).
#
#   bench/console.sh [sqlite|postgresql] [REPORTS] [REQUESTS] [CONCURRENCY]
#                    (defaults: sqlite, 1000000 reports, 200 requests per URL, 4 at a time)
#
# 1. Loads REPORTS generated reports about REPORTS*2/5 persons as intake stores them (ConsoleData:
#    the linkage generator's reports, encrypted and written by the writer's own code, linked in
#    their transactions), once: the database is kept under $BENCH_DATA/console/DB-REPORTS/
#    (BENCH_DATA defaults to target/bench; set it outside target/ to survive `mvn clean`;
#    PostgreSQL: database vigil_bench_REPORTS at 127.0.0.1) and a rerun skips the load.
# 2. Starts `vigil serve` on it and times the start: until GET /api/health answers.
# 3. ConsoleBench signs in as a user of each role the URL list names, warms up (WARMUP requests
#    per URL, default 50), then requests every URL of bench/console-urls.txt REQUESTS times at
#    CONCURRENCY on loopback (at most SECONDS, default 60, per URL) and prints p50/p95/p99 per URL
#    beside the first URL's (GET /api/health), measured in the same rounds. URLs answering 404
#    (pages not on this branch yet) or 403 are skipped and listed.
# Stops the server it started; everything else it made is the cached database.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-sqlite}
reports=${2:-1000000}
requests=${3:-200}
concurrency=${4:-4}
warmup=${WARMUP:-50}
seconds=${SECONDS_PER_URL:-60}
urls=${URLS:-bench/console-urls.txt}
port=${PORT:-18183}
persons=$((reports * 2 / 5))
dir="${BENCH_DATA:-$PWD/target/bench}/console/$db-$reports"
pg_db="vigil_bench_$reports"
pg_admin="jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"

source bench/lib.sh
# A copy of the classes, so that a build during the run (the load takes minutes) cannot swap the
# jar under the running JVMs.
run=$(mktemp -d)
server=
trap 'status=$?; [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$run"; exit $status' EXIT
cp target/vigil.jar "$run/" && cp -r target/test-classes "$run/"
cp="$run/vigil.jar:$run/test-classes"

case $db in
  sqlite) url="jdbc:sqlite:$dir/vigil.db" ;;
  postgresql) url="jdbc:postgresql://127.0.0.1:5432/$pg_db?user=postgres" ;;
  *) echo "usage: bench/console.sh [sqlite|postgresql] [REPORTS] [REQUESTS] [CONCURRENCY]" >&2; exit 2 ;;
esac

if [[ ! -f "$dir/complete" ]]; then
  rm -rf "$dir" && mkdir -p "$dir"
  if [[ $db == postgresql ]]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $pg_db" \
      -c "CREATE DATABASE $pg_db" >/dev/null
  fi
  echo "loading $reports reports about $persons persons into $db (once; kept in $dir)"
  start=$(date +%s)
  "${java[@]}" -Xmx6g -cp "$cp" org.vigil.intake.ConsoleData "$url" "$dir/keyset.json" \
    "$reports" "$persons" "$dir" 2>"$dir/load.log" | tee -a "$dir/load.txt"
  echo "load took $(($(date +%s) - start)) s" | tee -a "$dir/load.txt"
  touch "$dir/complete"
fi

if [[ $db == postgresql ]]; then
  # Planner statistics, as autovacuum gathers them within a minute of a bulk load on a default
  # server; this machine's PostgreSQL runs with autovacuum off, and without statistics the planner
  # guesses that an IN list of 100 ids matches half a table and scans it (docs/benchmarks.md).
  psql -q -h 127.0.0.1 -U postgres -d "$pg_db" -c ANALYZE
fi
if curl -s "http://127.0.0.1:$port/" >/dev/null; then echo "port $port is taken" >&2; exit 1; fi
started=$(date +%s%N)
"${java[@]}" -jar "$run/vigil.jar" serve --db "$url" --keyset "$dir/keyset.json" \
  --host 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null; do
  kill -0 "$server" 2>/dev/null || { echo "the server stopped:" >&2; tail "$dir/server.log" >&2; exit 1; }
  sleep 0.2
done
start_ms=$((($(date +%s%N) - started) / 1000000))
rss=$(awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$server/status")

echo "bench/console.sh $db $reports $requests $concurrency at $(date -u +%FT%TZ), commit" \
  "$(git rev-parse --short HEAD), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$reports reports, $("${java[@]}" -version 2>&1 | head -1)"
echo "server start (until /api/health answers): $start_ms ms, resident $rss"
"${java[@]}" -cp "$cp" org.vigil.console.ConsoleBench "http://127.0.0.1:$port" "$urls" \
  "$dir/staff.tsv" "$dir/ids.tsv" "$requests" "$concurrency" "$warmup" "$seconds"
echo "load afterwards $(cut -d' ' -f1-3 /proc/loadavg)"
