#!/usr/bin/env bash
# Measures linkage: builds Vigil, generates 100,000 persons with 1,000,000 reports, links them with
# the exact-name baseline and with Vigil's linker in the same run (each through ./vigil link, as a
# user runs it), and prints pairwise and B-cubed F1, wall time and peak heap for both; then runs
# the JMH benchmark of linking one report against 1,000,000 known persons (median and p99).
# SKIP_JMH=1 leaves the JMH part out.
# Usage: bench/linkage.sh [persons] [reports] [seed]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
persons="${1:-100000}"
reports="${2:-1000000}"
seed="${3:-42}"
out="$root/target/bench-linkage"
mkdir -p "$out"

if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/javac" ]] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"; break
    fi
  done
fi
java="$JAVA_HOME/bin/java"
echo "== build ($("$java" -version 2>&1 | head -1))"
./mvnw -q -B -DskipTests package
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/test-classpath.txt" >/dev/null

echo "== generate $persons persons, $reports reports, seed $seed"
"$java" -jar target/vigil.jar link-bench generate --persons "$persons" --reports "$reports" --seed "$seed" --out "$out"

run() { # name, extra args...
  local name="$1"; shift
  echo "== $name"
  /usr/bin/time -f "$name: wall %e s, max RSS %M KB" \
    ./vigil link --in "$out/reports.csv" \
    --out "$out/clusters-$name.csv" --truth "$out/truth.csv" "$@" 2>&1 | tee "$out/$name.txt"
}
run baseline --baseline
run vigil

echo "== comparison (same run, same data)"
python3 - "$out/baseline.txt" "$out/vigil.txt" <<'PY'
import re, sys
def read(path):
    t = open(path).read()
    f = lambda pattern: float(re.search(pattern, t).group(1))
    return dict(pair=f(r"pairwise .*F1 ([0-9.]+)"), b3=f(r"B-cubed .*F1 ([0-9.]+)"),
                secs=f(r"in ([0-9.]+) s"), heap=f(r"peak heap ([0-9]+) MiB"), wall=f(r"wall ([0-9.]+) s"))
b, v = read(sys.argv[1]), read(sys.argv[2])
print(f"{'':10}{'pairwise F1':>12}{'B-cubed F1':>12}{'link time s':>12}{'process s':>11}{'peak heap MiB':>15}")
for name, r in (("baseline", b), ("vigil", v)):
    print(f"{name:10}{r['pair']:>12.4f}{r['b3']:>12.4f}{r['secs']:>12.1f}{r['wall']:>11.1f}{r['heap']:>15.0f}")
print(f"{'ratio':10}{v['pair']/b['pair']:>12.2f}{v['b3']/b['b3']:>12.2f}{v['secs']/b['secs']:>12.2f}{v['wall']/b['wall']:>11.2f}{v['heap']/b['heap']:>15.2f}")
PY

if [[ "${SKIP_JMH:-0}" != "1" ]]; then
  echo "== JMH: link one report against 1,000,000 known persons"
  "$java" -cp "target/test-classes:target/classes:$(cat "$out/test-classpath.txt")" \
    org.openjdk.jmh.Main LinkOneBenchmark -rf json -rff "$out/jmh.json" 2>&1 | tee "$out/jmh.txt" |
    grep -E "linkOne|p\(50|p\(99|Result|persons" || true
fi
