#!/usr/bin/env bash
# Public reads (issue 5): the live tally JSON against nginx serving the same bytes as a static
# file, the home page's weight, and public reads while intake is under load, in one run.
#
#   bench/public.sh [SECONDS] [ROUNDS]      (defaults: 15 s per wrk run, 2 rounds)
#
# Everything on loopback. Starts `vigil demo` on a fresh data directory and a free port, saves
# the bytes of GET /api/public/tally?by=city and has nginx (its own config, worker_processes auto,
# sendfile, keepalive, no access log) serve them as a static file with the same Content-Type and
# the same Cache-Control / CORS / nosniff headers. Then, after an untimed warm-up of each:
#
#   1. wrk -t2 -cC -dSECONDS --latency against nginx and against Vigil, alternating
#      (nginx, vigil, nginx, vigil, …) for each connection count C in PUBLIC_CONNECTIONS
#      (default "64 16"): requests/s, p50, p99 of every run, the means and vigil/nginx;
#   2. the home page's weight: /en/ and /ru/ and every stylesheet, script and image they
#      reference, fetched with Accept-Encoding: gzip; fails if a page with its assets is
#      100,000 bytes or more compressed;
#   3. public reads under intake load: the tally alone, intake alone (bench/post-report.lua,
#      an operator's token, reports filed under the demo campaign, so the public count moves),
#      then both at once.
#
# Every step is bounded (wrk -d, curl --max-time, timeout); nginx and Vigil are stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
rounds=${2:-2}
read -r -a connections <<<"${PUBLIC_CONNECTIONS:-64 16}"
threads=2
warmup=${PUBLIC_WARMUP:-15}
limit=100000 # bytes: a home page with its assets, compressed
work=$(mktemp -d)
chmod 755 "$work" # nginx's workers run as nobody and must read the file
vigil_pid="" nginx_pid=""
cleanup() {
  local status=$?
  if ((status != 0)) && [[ -f $work/vigil.log ]]; then
    [[ -n $vigil_pid ]] && ! kill -0 "$vigil_pid" 2>/dev/null && echo "FAILED: Vigil is gone (killed or crashed); its log ends:" >&2
    tail -20 "$work/vigil.log" >&2
  fi
  set +e # stopping the servers ends them with SIGTERM (143): not the script's outcome
  [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [[ -n $vigil_pid ]] && kill "$vigil_pid" 2>/dev/null && wait "$vigil_pid" 2>/dev/null
  kill $(jobs -p) 2>/dev/null
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

source bench/lib.sh

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
fetch() { curl -sf --max-time 20 "$@"; }

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Vigil: the demo campaign on a fresh embedded database.
port=$(free_port)
"${java[@]}" ${VIGIL_JAVA_OPTS:-} -jar target/vigil.jar demo --port "$port" --data "$work/data" >"$work/vigil.log" 2>&1 &
vigil_pid=$!
for _ in $(seq 300); do fetch -o /dev/null "http://127.0.0.1:$port/api/health" && break; sleep 0.2; done
fetch -o /dev/null "http://127.0.0.1:$port/api/health" || { cat "$work/vigil.log" >&2; exit 1; }
vigil="http://127.0.0.1:$port/api/public/tally?by=city"

# nginx: the same bytes as a static file at the same path, with the same headers.
mkdir -p "$work/www/api/public" "$work/nginx"
fetch -D "$work/vigil.headers" -o "$work/www/api/public/tally" "$vigil"
chmod -R a+rX "$work/www"
type=$(awk -F': ' 'tolower($1) == "content-type" {sub(/\r$/, "", $2); print $2}' "$work/vigil.headers")
nport=$(free_port)
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { }
  default_type $type;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    add_header Cache-Control "public, max-age=5";
    add_header Access-Control-Allow-Origin "*";
    add_header X-Content-Type-Options nosniff;
  }
}
EOF
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
static="http://127.0.0.1:$nport/api/public/tally?by=city"
for _ in $(seq 50); do fetch -o /dev/null "$static" && break; sleep 0.1; done
cmp -s "$work/www/api/public/tally" <(fetch "$static") || { echo "nginx does not serve the same bytes" >&2; exit 1; }
cmp -s "$work/www/api/public/tally" <(fetch "$vigil") || { echo "the tally changed while idle" >&2; exit 1; }
echo "payload: $(stat -c %s "$work/www/api/public/tally") bytes of $type; nginx $("$nginx" -v 2>&1 | sed 's/.*\///'), wrk -t$threads"

ms() { # a wrk latency (123.45us, 1.23ms, 1.02s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
run() { # $1 = label, $2 = connections, $3 = seconds, $4 = url, rest = wrk options; prints "rps p50 p99 non2xx"
  local out="$work/wrk-$1.txt"
  timeout $(($3 + 30)) wrk -t"$threads" -c"$2" -d"$3s" --latency "${@:5}" "$4" >"$out" 2>&1 || true
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec/ {print $2}' "$out")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' "$out")")
  # Non-2xx answers and socket errors (connect, read, write, timeout)
  bad=$(awk '/Non-2xx/ {n += $5} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")
  [[ -n $rps ]] || { echo "wrk failed: $(cat "$out")" >&2; echo "0 0 0 1"; return; }
  echo "$rps $p50 $p99 $bad"
}

# Warm-up, untimed: Vigil's JIT compiles the path; nginx's page cache is warm anyway.
run warm-nginx 64 3 "$static" >/dev/null
run warm-vigil 64 "$warmup" "$vigil" >/dev/null

echo
echo "== 1. the public tally: nginx (static file) vs Vigil, alternating"
printf '%-6s %5s %6s %12s %9s %9s\n' server conns round 'requests/s' 'p50 ms' 'p99 ms'
declare -A sum
for ((r = 1; r <= rounds; r++)); do
  for c in "${connections[@]}"; do
    for server in nginx vigil; do
      url=$static && [[ $server == vigil ]] && url=$vigil
      read -r rps p50 p99 bad < <(run "$server-$c-$r" "$c" "$seconds" "$url") || { echo "FAILED: wrk against $server" >&2; exit 1; }
      if ((bad > 0)); then echo "FAILED: $bad errors or non-2xx answers from $server" >&2; cat "$work/wrk-$server-$c-$r.txt" >&2; exit 1; fi
      printf '%-6s %5s %6s %12.0f %9.2f %9.2f\n' "$server" "$c" "$r" "$rps" "$p50" "$p99"
      sum[$server-$c-rps]=$(awk -v a="${sum[$server-$c-rps]:-0}" -v b="$rps" 'BEGIN {print a + b}')
      sum[$server-$c-p50]=$(awk -v a="${sum[$server-$c-p50]:-0}" -v b="$p50" 'BEGIN {print a + b}')
      sum[$server-$c-p99]=$(awk -v a="${sum[$server-$c-p99]:-0}" -v b="$p99" 'BEGIN {print a + b}')
    done
  done
done
echo "means over $rounds rounds of ${seconds} s:"
printf '%5s %14s %8s %8s %14s %8s %8s %12s\n' conns 'nginx req/s' p50 p99 'vigil req/s' p50 p99 vigil/nginx
verdict=0
for c in "${connections[@]}"; do
  mean() { awk -v a="${sum[$1]}" -v n="$rounds" 'BEGIN {printf "%.2f", a / n}'; }
  ratio=$(awk -v a="${sum[vigil-$c-rps]}" -v b="${sum[nginx-$c-rps]}" 'BEGIN {printf "%.2f", a / b}')
  printf '%5s %14.0f %8s %8s %14.0f %8s %8s %12s\n' "$c" "$(mean nginx-$c-rps)" "$(mean nginx-$c-p50)" "$(mean nginx-$c-p99)" \
    "$(mean vigil-$c-rps)" "$(mean vigil-$c-p50)" "$(mean vigil-$c-p99)" "$ratio"
  awk -v r="$ratio" 'BEGIN {exit !(r < 0.60)}' && verdict=1
done
((verdict)) && echo "vigil/nginx is below the goal of 0.60" || echo "vigil/nginx meets the goal of 0.60"

echo
echo "== 2. home page weight (Accept-Encoding: gzip)"
heavy=0
for lang in en ru; do
  page="http://127.0.0.1:$port/$lang/"
  total=$(fetch -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$page")
  printf '  %-44s %8s bytes\n' "/$lang/" "$total"
  # What a browser loads with the page: stylesheets and icons (<link href>), scripts and images (src).
  assets=$(fetch --compressed "$page" | grep -oiE '<(link|script|img|source)[^>]*>' |
    grep -viE "rel=\"?(alternate|canonical|next|prev)" |
    grep -oiE '(href|src)="[^"#][^"]*"' | sed -E 's/^[a-z]+="//I; s/"$//; s/&amp;/\&/g' | sort -u)
  for a in $assets; do
    [[ $a == http* ]] && { echo "  $a: not on this server" >&2; continue; }
    bytes=$(fetch -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download} %{content_type}' "http://127.0.0.1:$port$a")
    printf '  %-44s %8s bytes (%s)\n' "$a" "${bytes%% *}" "${bytes#* }"
    total=$((total + ${bytes%% *}))
  done
  printf '  /%s/ with its assets: %s bytes compressed (limit %s)\n' "$lang" "$total" "$limit"
  ((total < limit)) || heavy=1
done
((heavy)) && { echo "FAILED: a home page with its assets is $limit bytes or more compressed" >&2; exit 1; }

echo
echo "== 3. public reads while intake is under load"
# An operator's token (the CLI works on the data directory while the server runs) and report
# bodies in real spellings, filed under the demo campaign so the public count changes with them.
"${java[@]}" -jar target/vigil.jar user add --data "$work/data" --name bench --role operator >/dev/null 2>&1
token=$("${java[@]}" -jar target/vigil.jar token create --data "$work/data" --user bench 2>/dev/null | grep '^vgl_')
campaign=$(sed -E 's/^\{"campaign":\{"id":"([^"]+)".*/\1/' "$work/www/api/public/tally")
"${java[@]}" -jar target/vigil.jar link-bench generate --persons 5000 --reports 50000 --seed 23 \
  --out "$work/gen" >/dev/null 2>&1
"${java[@]}" -cp "$cp" org.vigil.intake.BenchReports "$work/gen/reports.csv" "$work/bodies.plain" 2>/dev/null
sed "s/^{/{\"campaign\":\"$campaign\",/" "$work/bodies.plain" >"$work/bodies.jsonl"
export VIGIL_BODIES="$work/bodies.jsonl" VIGIL_TOKEN=$token
intake="http://127.0.0.1:$port/api/reports"
public_c=16 intake_c=64
run warm-intake "$intake_c" 10 "$intake" -s bench/post-report.lua >/dev/null
read -r idle_rps idle_p50 idle_p99 bad < <(run public-idle "$public_c" "$seconds" "$vigil")
read -r alone_rps alone_p50 alone_p99 bad < <(run intake-alone "$intake_c" "$seconds" "$intake" -s bench/post-report.lua)
((bad == 0)) || { echo "FAILED: $bad intake errors" >&2; cat "$work/wrk-intake-alone.txt" >&2; exit 1; }
run intake-loaded "$intake_c" "$seconds" "$intake" -s bench/post-report.lua >"$work/intake-loaded.txt" &
loader=$!
sleep 1
read -r load_rps load_p50 load_p99 bad < <(run public-loaded "$public_c" $((seconds - 2)) "$vigil")
((bad == 0)) || { echo "FAILED: $bad public errors under intake" >&2; exit 1; }
wait "$loader"
read -r both_rps both_p50 both_p99 bad <"$work/intake-loaded.txt"
((bad == 0)) || { echo "FAILED: $bad intake errors under mixed load" >&2; exit 1; }
before=$(grep -oE '"people":[0-9]+' "$work/www/api/public/tally" | head -1)
after=$(fetch "$vigil" | grep -oE '"people":[0-9]+' | head -1)
printf '%-34s %12s %9s %9s\n' '' 'requests/s' 'p50 ms' 'p99 ms'
printf '%-34s %12.0f %9.2f %9.2f\n' "public tally, idle (c$public_c)" "$idle_rps" "$idle_p50" "$idle_p99"
printf '%-34s %12.0f %9.2f %9.2f\n' "intake alone (c$intake_c)" "$alone_rps" "$alone_p50" "$alone_p99"
printf '%-34s %12.0f %9.2f %9.2f\n' "public tally, under intake" "$load_rps" "$load_p50" "$load_p99"
printf '%-34s %12.0f %9.2f %9.2f\n' "intake, with public reads" "$both_rps" "$both_p50" "$both_p99"
echo "public count: ${before#*:} people before intake, ${after#*:} after (intake warm-up included)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
