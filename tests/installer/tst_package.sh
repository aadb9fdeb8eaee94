#!/bin/sh
# tst_package BUILD_DIR — the Debian package installs working programs.
set -eu
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$build"
cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$work"/out/renkei_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no .deb produced"
echo "package: $(basename "$deb")"

# Control data: a name, a version, and library dependencies found by dpkg-shlibdeps.
[ "$(dpkg-deb -f "$deb" Package)" = renkei ] || fail "package name"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "$depends" | grep -q 'libqt6core6' || fail "Depends lacks libqt6core6"
echo "$depends" | grep -q 'qt6-qpa-plugins' || fail "Depends lacks qt6-qpa-plugins"

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/renkei usr/bin/renkei-hub usr/share/applications/renkei.desktop \
         usr/share/icons/hicolor/scalable/apps/renkei.svg usr/share/doc/renkei/LICENSE; do
    [ -e "$root/$f" ] || fail "$f is not in the package"
done

# The installed programs run and explain themselves.
"$root/usr/bin/renkei-hub" --help >"$work/hub-help.txt" 2>&1 || fail "renkei-hub --help failed"
grep -q 'serve' "$work/hub-help.txt" || fail "renkei-hub --help does not mention serve"
"$root/usr/bin/renkei" --help >"$work/viewer-help.txt" 2>&1 || fail "renkei --help failed"
grep -q -- '--network' "$work/viewer-help.txt" || fail "renkei --help does not mention --network"

# The installed hub really works: a demo network created by the packaged binary.
"$root/usr/bin/renkei-hub" demo --dir "$work/net" >/dev/null || fail "installed renkei-hub demo failed"
count=$("$root/usr/bin/renkei-hub" patient list --dir "$work/net" --json | grep -o '"id"' | wc -l)
[ "$count" -ge 200 ] || fail "installed hub's demo has $count patients"

if [ -e "$root/usr/bin/renkei-dicom" ]; then
    "$root/usr/bin/renkei-dicom" --help >/dev/null 2>&1 || fail "renkei-dicom --help failed"
fi

if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$root/usr/share/applications/renkei.desktop" || fail "desktop entry is invalid"
fi
echo "PASS"
