#!/usr/bin/env bash
# run-longrun.sh BUILD_DIR [frames sockets intervalMs speed]
# Synthesises a recording (default 900 frames of 3000 changing sockets, 2 s apart: 30 min of stream time),
# replays it at 20x under heaptrack through ReplaySource -> ConnectionTracker -> StateHistory, and prints
# the RSS timeline and heaptrack's peak / leaked figures that docs/robustness.md records.
set -euo pipefail
build=$(cd "${1:?usage: run-longrun.sh BUILD_DIR [frames sockets intervalMs speed]}" && pwd)
frames=${2:-900} sockets=${3:-3000} interval=${4:-2000} speed=${5:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/longrun/longrun" write "$work/rec.tcps" "$frames" "$sockets" "$interval"
cd "$work"
heaptrack -o "$work/heap" "$build/tests/longrun/longrun" replay "$work/rec.tcps" "$speed"
heaptrack_print "$work"/heap.*zst 2>/dev/null | grep -E "^(peak heap memory|peak RSS|total memory leaked|calls to allocation)" || \
  heaptrack_print "$work"/heap.* | grep -E "^(peak heap memory|peak RSS|total memory leaked|calls to allocation)"
