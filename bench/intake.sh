#!/usr/bin/env bash
# Intake speed over HTTP, against the ceiling of the same database, in one run.
#
#   bench/intake.sh [SECONDS] [CONNECTIONS]      (defaults: 15 s, 64 connections)
#
# The reports are the linkage generator's (20,000 persons, 200,000 reports in real spellings),
# so linkage, which runs inside the writer's transaction, sees a protest day's traffic.
# For SQLite and PostgreSQL each: the raw batched INSERT ceiling (IntakeCeiling: the same rows,
# the writer's own statements, 1,000 reports per transaction, no HTTP, after an untimed round of
# the same size for the JIT), then wrk POSTing reports to a real server on loopback (20 s warm-up
# so the JIT has compiled the path, then SECONDS measured). Every 201 is a durable report. Prints
# reports/s, p50/p99 latency and the ratio to the ceiling, and checks that the database holds at
# least as many reports as were acknowledged.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-64}
ceiling_reports=${CEILING_REPORTS:-100000}
pg="jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v psql >/dev/null || need+=(postgresql-client)
if ((${#need[@]})); then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi

source bench/lib.sh

# Realistic reports: the linkage generator's persons, each reported several times in the
# spellings of real reports, so that linkage works as on a protest day.
"${java[@]}" -jar target/vigil.jar link-bench generate --persons 20000 --reports 200000 --seed 23 \
  --out "$work/gen" >/dev/null 2>&1
"${java[@]}" -cp "$cp" org.vigil.intake.BenchReports "$work/gen/reports.csv" "$work/bodies.jsonl" 2>/dev/null
export VIGIL_BODIES="$work/bodies.jsonl"

fresh_db() { # $1 = sqlite|postgresql, $2 = name; prints a JDBC URL of an empty database
  if [[ $1 == sqlite ]]; then
    mkdir -p "$work/$2" && echo "jdbc:sqlite:$work/$2/vigil.db"
  else
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $2 CASCADE; CREATE SCHEMA $2;" >/dev/null 2>&1
    echo "$pg&currentSchema=$2"
  fi
}

count_reports() { # $1 = sqlite|postgresql, $2 = name
  if [[ $1 == sqlite ]]; then sqlite3 "$work/$2/vigil.db" "SELECT COUNT(*) FROM reports"
  else psql -qtA -h 127.0.0.1 -U postgres -d test -c "SELECT COUNT(*) FROM $2.reports"; fi
}

printf '%-11s %12s %12s %9s %9s %7s\n' database ceiling/s http/s p50 p99 ratio
for db in sqlite postgresql; do
  url=$(fresh_db $db bench_ceiling)
  ceiling=$("${java[@]}" -cp "$cp" org.vigil.intake.IntakeCeiling "$url" "$work/keyset.json" "$ceiling_reports" "$VIGIL_BODIES" 2>/dev/null |
    sed -n 's/^ceiling_reports_per_s=//p')

  url=$(fresh_db $db bench_http)
  "${java[@]}" -jar target/vigil.jar user add --db "$url" --keyset "$work/keyset.json" --name bench --role operator >/dev/null 2>&1
  token=$("${java[@]}" -jar target/vigil.jar token create --db "$url" --keyset "$work/keyset.json" --user bench 2>/dev/null | grep '^vgl_')
  "${java[@]}" -jar target/vigil.jar serve --db "$url" --keyset "$work/keyset.json" --port 18181 >"$work/server.log" 2>&1 &
  server=$!
  until curl -sf http://127.0.0.1:18181/api/health >/dev/null; do sleep 0.2; done
  VIGIL_TOKEN=$token wrk -t2 -c"$connections" -d20s -s bench/post-report.lua http://127.0.0.1:18181/api/reports >/dev/null
  VIGIL_TOKEN=$token wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/post-report.lua \
    http://127.0.0.1:18181/api/reports >"$work/wrk.txt"
  kill "$server" && wait "$server" || true

  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  failed=$(awk '/Non-2xx/ {print $5}' "$work/wrk.txt"); failed=${failed:-0}
  sent=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  stored=$(count_reports $db bench_http)
  if ((failed > 0)) || ((stored < sent)); then
    echo "FAILED on $db: $failed non-201 answers; $stored reports stored for $sent acknowledged" >&2
    cat "$work/wrk.txt" >&2; exit 1
  fi
  ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}')
  printf '%-11s %12.0f %12.0f %9s %9s %7s\n' $db "$ceiling" "$rps" "$p50" "$p99" "$ratio"
  [[ $db == postgresql ]] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA bench_ceiling CASCADE; DROP SCHEMA bench_http CASCADE;" >/dev/null 2>&1
done
echo "($seconds s measured after 20 s warm-up, $connections connections, wrk -t2; ceiling over $ceiling_reports reports; $(nproc) cores)"
