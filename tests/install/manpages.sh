#!/bin/sh
# manpages: every option a binary's --help lists is documented in its man page, and the page
# renders without groff warnings.   manpages.sh BINARY MANPAGE
set -eu
bin=$1
page=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
opts=$(QT_QPA_PLATFORM=offscreen "$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$opts" ] || fail "$bin --help lists no options"
# Options are written with escaped hyphens in roff (\-\-proc\-root).
text=$(sed 's/\\-/-/g' "$page")
missing=
for o in $opts; do
  printf '%s\n' "$text" | grep -q -- "$o" || missing="$missing $o"
done
[ -z "$missing" ] || fail "$page does not document:$missing"
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man warnings: $warnings"
echo "manpages: $(echo $opts | wc -w) options of $(basename "$bin") documented in $(basename "$page")"
