#!/usr/bin/env bash
# Measures linkage across the generator's named settings (issue 14): builds Vigil once, then for
# each setting listed by `vigil link-bench generate --help` generates PERSONS persons (reports from
# the setting's reports per person; cached under target/bench-linkage-grid/SETTING-PERSONS-SEED/),
# links them with the exact-name baseline and with Vigil's linker (each through ./vigil link, as a
# user runs it) and prints a markdown table: pairwise P/R/F1, B-cubed F1, persons found against
# true, link time and peak heap, with the baseline's pairwise F1 on the same data in the same run.
# Each link run is stopped after LINK_TIMEOUT seconds (default 900) and shown as "timeout", so the
# script always ends. SETTINGS="default few-surnames" runs only those.
# Usage: bench/linkage-grid.sh [persons] [seed]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
persons="${1:-20000}"
seed="${2:-42}"
timeout_s="${LINK_TIMEOUT:-900}"
out="$root/target/bench-linkage-grid"
mkdir -p "$out"

echo "== build" >&2
./vigil --version >/dev/null # builds target/vigil.jar if it is missing or older than the sources
settings="${SETTINGS:-$(./vigil link-bench generate --help |
  sed -n '/^Settings/,$p' | sed -n 's/^  \([a-z0-9-]*\) .*/\1/p')}"

value() { # pattern, file: the first group of the first match, or "?"
  sed -nE "s/.*$1.*/\1/p" "$2" | head -1 | grep . || echo "?"
}

link() { # dir, name, extra args...: runs ./vigil link, leaves its output in dir/name.txt
  local dir="$1" name="$2"; shift 2
  if ! timeout "$timeout_s" ./vigil link --in "$dir/reports.csv" --out "$dir/clusters-$name.csv" \
    --truth "$dir/truth.csv" "$@" >"$dir/$name.txt" 2>"$dir/$name.err"; then
    echo "timeout or failure" >>"$dir/$name.txt"
  fi
}

rows=()
for setting in $settings; do
  dir="$out/$setting-$persons-$seed"
  if [[ ! -s "$dir/truth.csv" ]]; then
    echo "== generate $setting: $persons persons, seed $seed" >&2
    ./vigil link-bench generate --setting "$setting" --persons "$persons" --seed "$seed" \
      --out "$dir" >&2
  fi
  echo "== link $setting" >&2
  link "$dir" baseline --baseline
  link "$dir" vigil
  v="$dir/vigil.txt" b="$dir/baseline.txt"
  if grep -q "timeout or failure" "$v"; then
    rows+=("| $setting | $(($(wc -l <"$dir/reports.csv") - 1)) | timeout after ${timeout_s} s | | | | | $(value 'pairwise .*F1 ([0-9.]+)' "$b") |")
    continue
  fi
  rows+=("$(printf '| %s | %s | %s / %s / **%s** | %s | %s / %s (%s %%) | %s s | %s MiB | %s |' \
    "$setting" "$(value 'linked ([0-9]+) reports' "$v")" \
    "$(value 'pairwise precision ([0-9.]+)' "$v")" "$(value 'pairwise .*recall ([0-9.]+)' "$v")" \
    "$(value 'pairwise .*F1 ([0-9.]+)' "$v")" "$(value 'B-cubed .*F1 ([0-9.]+)' "$v")" \
    "$(value 'persons found ([0-9]+)' "$v")" "$(value 'true ([0-9]+)' "$v")" \
    "$(value 'true [0-9]+ \(([-+0-9.]+) %' "$v")" "$(value ' in ([0-9.]+) s' "$v")" \
    "$(value 'peak heap ([0-9]+) MiB' "$v")" "$(value 'pairwise .*F1 ([0-9.]+)' "$b")")")
done

echo
echo "| setting | reports | pairwise P / R / F1 | B-cubed F1 | persons found / true (±) | link time | peak heap | baseline pairwise F1 |"
echo "| --- | ---: | --- | ---: | --- | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
