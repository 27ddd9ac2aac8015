#!/usr/bin/env bash
# Bundle size and `--self-test` start-up time, frozen vs. the .venv, in one run.
# Needs a built dist/casedesk (make dist). Uses hyperfine when installed (apt install
# hyperfine), else a loop with /usr/bin/time -f %e. Median of RUNS (default 5) runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
DATA=$(mktemp -d "${TMPDIR:-/tmp}/casedesk-measure.XXXXXX")
trap 'rm -rf "$DATA"' EXIT
export CASEDESK_DATA_DIR="$DATA" QT_QPA_PLATFORM=offscreen

echo "bundle: $(du -sh dist/casedesk | cut -f1) (du -sh dist/casedesk), $(find dist/casedesk -type f | wc -l) files"
if command -v hyperfine >/dev/null; then
  hyperfine --runs "$RUNS" --warmup 1 --export-json "$DATA/times.json" \
    -n frozen 'dist/casedesk/casedesk --self-test' \
    -n venv '.venv/bin/casedesk --self-test' >/dev/null
  .venv/bin/python - "$DATA/times.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:<40} median {r['median']:.2f} s  (min {r['min']:.2f}, max {r['max']:.2f}, {len(r['times'])} runs)")
PY
else
  for cmd in 'dist/casedesk/casedesk --self-test' '.venv/bin/casedesk --self-test'; do
    $cmd >/dev/null  # warm-up
    for _ in $(seq "$RUNS"); do /usr/bin/time -f %e $cmd 2>&1 >/dev/null | tail -1; done |
      sort -n | awk -v c="$cmd" '{t[NR]=$1} END {printf "%-40s median %.2f s\n", c, t[int((NR+1)/2)]}'
  done
fi
