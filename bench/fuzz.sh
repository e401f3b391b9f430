#!/usr/bin/env bash
# Fuzzing (issue 12): each of Vigil's input readers under Jazzer for a bounded time, one after
# another, and the figures into docs/benchmarks.md.
#
#   bench/fuzz.sh [SECONDS] [TARGET…]     (default 300 s per target; default targets: all)
#
# TARGET is a fuzz test as Class#method (see the list below). Each runs in its own test JVM
# (`mvnw test` with JAZZER_FUZZ=1; Jazzer fuzzes one test per JVM) with a heap of FUZZ_HEAP
# (default 1g), and instruments Vigil's classes and the library that parses the input. Inputs that
# grow coverage are kept in .cifuzz-corpus/ (not in git) and seed the next run. A crash stops
# that target: Jazzer saves the input as crash-<sha1> in the test's inputs directory,
# src/test/resources/<package>/<Class>Inputs/<method>/, where every `./vigil test` replays it as a
# regression case (fix the code, keep the file). Prints per target the executions, executions per
# second and findings, and writes them with this command into docs/benchmarks.md between the
# markers `<!-- fuzz:begin -->` and `<!-- fuzz:end -->`. Exits 1 if any target found something.
# FUZZ_KEEP_GOING=N goes on past findings until N distinct ones (by stack trace), each saved.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
heap=${FUZZ_HEAP:-1g}
# target | what it reads | packages instrumented for coverage
all=(
  "org.vigil.intake.ReportFormFuzzTest#report_body|report JSON (Jackson, ReportForm)|org.vigil.**,com.fasterxml.jackson.**"
  "org.vigil.ovdinfo.OvdInfoTableFuzzTest#any_table|OVD-Info table (fastcsv, RowReader)|org.vigil.**,de.siegmar.fastcsv.**"
  "org.vigil.linkage.LinkCsvFuzzTest#reports_file|vigil link --in file (fastcsv, Csv)|org.vigil.**,de.siegmar.fastcsv.**"
  "org.vigil.media.UploadFuzzTest#photo_bytes|uploaded photo (ImageIO, metadata-extractor, Sanitiser)|org.vigil.**,com.drew.**"
  "org.vigil.media.UploadFuzzTest#multipart_body|POST /api/media body (Jetty, Javalin, MediaRoutes)|org.vigil.**,org.eclipse.jetty.**,io.javalin.**"
)
targets=()
if (($#)); then
  for wanted in "$@"; do
    for t in "${all[@]}"; do [[ ${t%%|*} == *"$wanted"* ]] && targets+=("$t"); done
  done
else
  targets=("${all[@]}")
fi
((${#targets[@]})) || { echo "fuzz.sh: no such target: $*" >&2; exit 2; }

out=target/fuzz
mkdir -p "$out"
./vigil jdk ./mvnw -q -B test-compile >/dev/null
started=$(date -u +%FT%TZ)
machine="$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(./vigil jdk java -version 2>&1 | head -1)"
echo "$started, $machine, ${seconds} s per target, heap $heap"
thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
rows=() total_runs=0 total_seconds=0 total_findings=0
for t in "${targets[@]}"; do
  IFS='|' read -r test what instrument <<<"$t"
  class=${test%%#*} method=${test##*#}
  inputs="src/test/resources/$(dirname "${class//.//}")/${class##*.}Inputs/$method"
  before=$(find "$inputs" -name 'crash-*' 2>/dev/null | wc -l)
  log="$out/${class##*.}-$method.log"
  set +e
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" JAZZER_INSTRUMENT="$instrument" \
    JAZZER_KEEP_GOING="${FUZZ_KEEP_GOING:-1}" \
    JAVA_TOOL_OPTIONS="-Xmx$heap -XX:-OmitStackTraceInFastThrow" \
    ./vigil jdk ./mvnw -B test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  set -e
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -1)
  after=$(find "$inputs" -name 'crash-*' 2>/dev/null | wc -l)
  findings=$((after - before))
  if [[ -z $runs ]]; then
    # A finding ends libFuzzer without its "Done" line; its last status line has the count.
    runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    secs=$seconds
    if grep -q 'Skipped: 1' "$log" && [[ -z $runs ]]; then
      echo "$test: skipped (disabled); see the test" >&2
      rows+=("| \`$method\` | $what | disabled | | |")
      continue
    fi
    runs=${runs:-0}
    ((findings > 0)) || findings=$(grep -c '^== Java Exception' "$log" || true)
    ((findings > 0)) || { echo "$test: did not run; see $log" >&2; findings=1; }
  fi
  rate=$((secs > 0 ? runs / secs : 0))
  printf '%-52s %12d runs in %4d s  %7d exec/s  %d finding(s)\n' "$test" "$runs" "$secs" "$rate" "$findings"
  ((findings == 0)) || grep -m1 -A12 '^== Java Exception' "$log" || true
  rows+=("| \`$method\` | $what | $(thousands "$runs") | $(thousands "$rate") | $findings |")
  total_runs=$((total_runs + runs)) total_seconds=$((total_seconds + secs))
  total_findings=$((total_findings + findings))
done
printf '%-52s %12d runs in %4d s  %d finding(s)\n' "all" "$total_runs" "$total_seconds" "$total_findings"

section=$(
  cat <<EOF
<!-- fuzz:begin -->
\`bench/fuzz.sh $seconds${*:+ $*}\` at $started, commit $(git rev-parse --short HEAD), $machine;
each target ${seconds} s in its own JVM (heap $heap), starting from the stored inputs and the
corpus earlier runs left in \`.cifuzz-corpus/\`:

| target | reads | executions | exec/s | findings |
| --- | --- | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")
| **all** | | **$(thousands "$total_runs")** | | **$total_findings** |
<!-- fuzz:end -->
EOF
)
doc=docs/benchmarks.md
if grep -q '<!-- fuzz:begin -->' "$doc"; then
  awk -v section="$section" '
    /<!-- fuzz:begin -->/ { print section; skip = 1; next }
    /<!-- fuzz:end -->/ { skip = 0; next }
    !skip { print }' "$doc" >"$out/benchmarks.md"
  cp "$out/benchmarks.md" "$doc"
else
  printf '\n## Fuzzing (issue 12)\n\n%s\n' "$section" >>"$doc"
fi
echo "written to $doc"
((total_findings == 0))
