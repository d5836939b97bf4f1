#!/bin/sh
# install_validate: `cmake --install` into a temporary prefix, then checks the installed desktop
# integration files with the freedesktop.org validators (no network) and that every file is there.
#   validate-install.sh BUILD_DIR
set -eu
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/usr
cmake --install "$build" --prefix "$prefix" >/dev/null
id=org.tcpscope.tcpscope
fail() { echo "FAIL: $*" >&2; exit 1; }
for f in bin/tcpscope bin/tcpscope-agent share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$id.svg share/man/man1/tcpscope.1.gz share/man/man1/tcpscope-agent.1.gz; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
for size in 16 22 24 32 48 64 128 256; do
  png=$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png
  [ -e "$png" ] || fail "not installed: $png"
  # The PNG header holds width and height as big-endian 32-bit numbers at bytes 16..23.
  set -- $(od -An -tu1 -j16 -N8 "$png")
  w=$(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 ))
  h=$(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))
  [ "$w" = "$size" ] && [ "$h" = "$size" ] || fail "$png is ${w}x$h, not ${size}x$size"
done
desktop-file-validate "$prefix/share/applications/$id.desktop" || fail "desktop-file-validate"
# --no-net: CI has no network; URLs are checked for form, not fetched.
appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"
grep -q "<release version=\"$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")\"" \
    "$prefix/share/metainfo/$id.metainfo.xml" || fail "metainfo release is not the project version"
# The Exec and Icon lines must name what was installed.
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$prefix/share/applications/$id.desktop")
[ -x "$prefix/bin/$exec_name" ] || fail "Exec=$exec_name is not an installed binary"
grep -q "^Icon=$id\$" "$prefix/share/applications/$id.desktop" || fail "Icon is not $id"
# The agent's unit: systemd's own checks, with the binary and man page of this prefix.
unit=$prefix/lib/systemd/system/tcpscope-agent.service
[ -e "$unit" ] || fail "not installed: lib/systemd/system/tcpscope-agent.service"
sed "s|^ExecStart=[^ ]*/tcpscope-agent|ExecStart=$prefix/bin/tcpscope-agent|" "$unit" > "$tmp/tcpscope-agent.service"
MANPATH=$prefix/share/man systemd-analyze verify "$tmp/tcpscope-agent.service" || fail "systemd-analyze verify"
echo "install_validate: ok ($prefix)"
