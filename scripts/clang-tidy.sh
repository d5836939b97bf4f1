#!/bin/sh
# The clang_tidy CTest test: clang-tidy with the committed .clang-tidy over the .cpp files of the
# given folders (default: model views app, the product code; tests/ only when named), using the
# build's compile_commands.json. Prints the findings and a count per check; fails on any finding.
# Usage: clang-tidy.sh SOURCE_DIR BUILD_DIR [FOLDER...]   (TCPSCOPE_TIDY_JOBS, default 2)
# On 2 cores with -j2: model/ 1 min 48 s, app/ + views/ 2 min, tests/ about 2 more.
set -eu
src=$1
build=$2
shift 2
[ $# -gt 0 ] || set -- model views app
runner=$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)
if [ -z "$runner" ]; then
    echo "clang-tidy.sh: run-clang-tidy not found (Debian: apt install clang-tidy, or run scripts/dev.sh)"
    # CI installs it through scripts/dev.sh: there a missing tool is a failure, not a skip.
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi
folders=$(echo "$@" | tr ' ' '|')
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$runner" -p "$build" -j "${TCPSCOPE_TIDY_JOBS:-2}" -quiet "$src/($folders)/.*\.cpp\$" >"$out" 2>&1 || status=$?
# One line per finding, without colour codes; a header's finding is reported once.
findings=$(sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -E '^/.*: (warning|error): .*\]$' | sort -u || true)
if [ -n "$findings" ]; then
    echo "$findings"
    echo "findings per check:"
    echo "$findings" | sed -E 's/.*\[([^]]+)\]$/\1/' | sort | uniq -c | sort -rn
    exit 1
fi
if [ "$status" -ne 0 ]; then
    sed 's/\x1b\[[0-9;]*m//g' "$out" | tail -40
    echo "clang-tidy.sh: run-clang-tidy failed (exit $status)"
    exit 1
fi
echo "clang-tidy.sh: no findings in $*"
