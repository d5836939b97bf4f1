#!/bin/sh
# deb_package: builds the two .deb files with CPack and checks them as an admin would use them.
#   deb-package.sh BUILD_DIR
# 1. control fields: tcpscope depends on the Qt GUI libraries (found by dpkg-shlibdeps) and the
#    platform plugins; tcpscope-agent depends on nothing graphical.
# 2. contents: binaries, .desktop file, metainfo, icons, man pages, in the right package.
# 3. the dependencies resolve on this Debian 12 system (apt-get --simulate install of the files).
# 4. "a clean root": CI has no network, so debootstrap cannot fetch a base system. Instead the
#    packages are installed with dpkg into an empty root directory with its own, empty dpkg
#    database (dpkg --root). dpkg records them as installed there (--force-depends only because
#    that root holds no other packages; step 3 checks the dependencies against the real system).
#    The installed binaries are then run from that root with LD_LIBRARY_PATH unset and no RUNPATH,
#    so they load only the system's libraries, the ones the Depends line names.
set -eu
build=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) \
    || { cat "$tmp/cpack.log" >&2; fail "cpack"; }
gui=$(ls "$tmp"/out/tcpscope_*.deb)
agent=$(ls "$tmp"/out/tcpscope-agent_*.deb)
echo "built: $(basename "$gui") $(basename "$agent")"

# 1. dependencies
gui_deps=$(dpkg-deb -f "$gui" Depends)
agent_deps=$(dpkg-deb -f "$agent" Depends)
echo "tcpscope Depends: $gui_deps"
echo "tcpscope-agent Depends: $agent_deps"
for d in libqt6core6 libqt6gui6 libqt6widgets6 libqt6charts6 libqt6svg6 qt6-qpa-plugins; do
  echo "$gui_deps" | grep -q "\b$d\b" || fail "tcpscope does not depend on $d"
done
for d in libqt6core6 libqt6network6; do
  echo "$agent_deps" | grep -q "\b$d\b" || fail "tcpscope-agent does not depend on $d"
done
if echo "$agent_deps" | grep -Eq 'gui|widgets|charts|svg|qpa|libgl|libx|opengl|wayland|fontconfig|freetype'; then
  fail "tcpscope-agent has a GUI dependency: $agent_deps"
fi
[ "$(dpkg-deb -f "$gui" Package)" = tcpscope ] || fail "package name"
[ "$(dpkg-deb -f "$agent" Package)" = tcpscope-agent ] || fail "agent package name"

# 2. contents
dpkg-deb -c "$gui" >"$tmp/gui.list"
dpkg-deb -c "$agent" >"$tmp/agent.list"
for f in usr/bin/tcpscope usr/share/applications/org.tcpscope.tcpscope.desktop \
    usr/share/metainfo/org.tcpscope.tcpscope.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.tcpscope.tcpscope.svg \
    usr/share/icons/hicolor/48x48/apps/org.tcpscope.tcpscope.png usr/share/man/man1/tcpscope.1.gz; do
  grep -q " \./$f\$" "$tmp/gui.list" || fail "tcpscope lacks /$f"
done
for f in usr/bin/tcpscope-agent usr/share/man/man1/tcpscope-agent.1.gz usr/lib/systemd/system/tcpscope-agent.service \
    usr/share/tcpscope-agent/prometheus/tcpscope-alerts.yml usr/share/tcpscope-agent/grafana/tcpscope-dashboard.json; do
  grep -q " \./$f\$" "$tmp/agent.list" || fail "tcpscope-agent lacks /$f"
done
grep -q 'usr/bin/tcpscope$' "$tmp/agent.list" && fail "tcpscope-agent ships the GUI binary"
grep -q 'usr/bin/tcpscope-agent$' "$tmp/gui.list" && fail "tcpscope ships the agent"

# 3. dependencies resolve on this system (no download: --simulate)
apt-get install --simulate -qq "$gui" "$agent" >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log" >&2; fail "apt-get --simulate"; }

# 4. install into an empty root and run from there
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
dpkg --root="$root" --log=/dev/null --force-depends --force-not-root -i "$gui" "$agent" >"$tmp/dpkg.log" 2>&1 \
    || { cat "$tmp/dpkg.log" >&2; fail "dpkg -i into $root"; }
for p in tcpscope tcpscope-agent; do
  dpkg --root="$root" -s $p | grep -q '^Status: install ok installed' || fail "$p not installed in $root"
done
for b in tcpscope tcpscope-agent; do
  if readelf -d "$root/usr/bin/$b" | grep -Eq 'RPATH|RUNPATH'; then fail "$b has an RPATH/RUNPATH"; fi
done
if readelf -d "$root/usr/bin/tcpscope-agent" | grep NEEDED | grep -Eq 'Gui|Widgets|Charts|Svg|libGL|libX'; then
  fail "installed tcpscope-agent links a GUI library"
fi
version=$(dpkg-deb -f "$gui" Version)
env -u LD_LIBRARY_PATH "$root/usr/bin/tcpscope" --version | grep -q "tcpscope $version" || fail "tcpscope --version"
env -u LD_LIBRARY_PATH "$root/usr/bin/tcpscope-agent" --version | grep -q "$version" || fail "tcpscope-agent --version"
env -u LD_LIBRARY_PATH -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/tcpscope" --snapshot >"$tmp/snapshot.txt" \
    || fail "installed tcpscope --snapshot exited $?"
grep -q 'ESTABLISHED' "$tmp/snapshot.txt" || { cat "$tmp/snapshot.txt" >&2; fail "snapshot has no state counts"; }
env -u LD_LIBRARY_PATH "$root/usr/bin/tcpscope-agent" --stdout --count 1 >"$tmp/frame.bin" || fail "agent --stdout"
[ -s "$tmp/frame.bin" ] || fail "agent wrote no frame"
# The window itself, as the menu entry starts it (offscreen: there is no display in CI).
env -u LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen timeout 120 "$root/usr/bin/tcpscope" \
    --screenshot "$tmp/window.png" --interval 200 || fail "installed tcpscope window did not start"
[ -s "$tmp/window.png" ] || fail "no window screenshot"
echo "deb_package: ok"
head -3 "$tmp/snapshot.txt"
