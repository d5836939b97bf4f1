#!/usr/bin/env bash
# run-fuzzer.sh FUZZER CORPUS_DIR REGRESSIONS_DIR SECONDS SEED_DIR...
# Replays committed regression inputs, then fuzzes for SECONDS from the seeds. Exit non-zero on a finding;
# the crashing input is left in the build directory as crash-*/leak-*/timeout-* for committing.
set -euo pipefail
fuzzer=$1 corpus=$2 regressions=$3 seconds=$4
shift 4
mkdir -p "$corpus"
for seeds in "$@"; do
  find "$seeds" -type f -size -64k -exec cp -n {} "$corpus"/ \; 2>/dev/null || true
done
mapfile -t old < <(find "$regressions" -type f ! -name .keep 2>/dev/null)
if [ ${#old[@]} -gt 0 ]; then
  "$fuzzer" -runs=1 "${old[@]}"   # committed crashers must stay fixed
fi
cd "$(dirname "$corpus")"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "$corpus"
