#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs Shipyard's Debian package as a user would, into a Debian trixie
# root made for the test with debootstrap, and runs it there:
#   cpack -G DEB → lintian (no errors) → apt install ./shipyard_*.deb →
#   shipyard --version, shipyardctl --help and validate, a screenshot of the
#   demo ecosystem, the desktop entry, AppStream data and icon in place.
# What apt downloads is kept between runs ($SHIPYARD_CACHE/package-test), so
# only the first run fetches the runtime's packages.
# usage: package_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
cache=${SHIPYARD_CACHE:-$HOME/.cache/shipyard}/package-test
mirror=${SHIPYARD_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d /tmp/shipyard-package.XXXXXX)
root=$work/root
mkdir -p "$cache/debootstrap" "$cache/archives"

say() { printf 'package_install: %s\n' "$*"; }
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    # The root's downloads stay for the next run.
    cp -n "$root"/var/cache/apt/archives/*.deb "$cache/archives/" 2>/dev/null || true
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT

for tool in cpack lintian debootstrap dpkg-deb; do
    command -v "$tool" >/dev/null || { say "$tool is missing: run packaging/dev/shipyard-dev setup"; exit 1; }
done

say "building the package from $build"
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/shipyard_*.deb)
say "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends
# Dependencies are computed from the binaries (dpkg-shlibdeps): Qt, libgit2, yaml-cpp and curl must be there.
depends=$(dpkg-deb --field "$deb" Depends)
for library in libqt6core6 libqt6widgets6 libgit2 libyaml-cpp libcurl; do
    [[ $depends == *"$library"* ]] || { say "Depends lacks $library: $depends"; exit 1; }
done

say "lintian"
lintian --fail-on error "$deb" | tee "$work/lintian.log"

say "a fresh Debian trixie root"
debootstrap --variant=minbase --cache-dir="$cache/debootstrap" trixie "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 30 "$work/debootstrap.log"; exit 1; }
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
mount -t proc proc "$root/proc"
cp "$cache"/archives/*.deb "$root/var/cache/apt/archives/" 2>/dev/null || true
cp "$deb" "$root/tmp/"
# A build with sanitizers (CI's) packages binaries that report leaks at exit: not this test's concern.
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 ASAN_OPTIONS=detect_leaks=0 "$@"; }

say "apt install ./$(basename "$deb")"
in_root sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./tmp/$(basename "$deb")" \
    >"$work/apt.log" 2>&1 || { tail -n 40 "$work/apt.log"; exit 1; }

say "running it"
version=$(in_root shipyard --version)
[[ $version == *"$(dpkg-deb --field "$deb" Version)"* ]] || { say "shipyard --version: $version"; exit 1; }
in_root shipyardctl --help | grep -q "validate" || { say "shipyardctl --help lists no commands"; exit 1; }
mkdir -p "$root/tmp/demo"
cp -r "$src/resources/demo/." "$root/tmp/demo/"
in_root shipyardctl validate --no-render /tmp/demo/ecosystem.yaml
in_root env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp shipyard --ecosystem /tmp/demo/ecosystem.yaml \
    --screenshot /tmp/demo.png >"$work/screenshot.log" 2>&1 || { cat "$work/screenshot.log"; exit 1; }
size=$(stat -c %s "$root/tmp/demo.png")
((size > 20000)) || { say "the screenshot is only $size bytes"; exit 1; }
for file in usr/share/applications/dev.shipyard.Shipyard.desktop usr/share/metainfo/dev.shipyard.Shipyard.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/dev.shipyard.Shipyard.svg usr/share/doc/shipyard/copyright; do
    [[ -f $root/$file ]] || { say "/$file is not installed"; exit 1; }
done
desktop-file-validate "$root/usr/share/applications/dev.shipyard.Shipyard.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/dev.shipyard.Shipyard.metainfo.xml" >/dev/null
say "installed and ran: $(basename "$deb"), screenshot $size bytes"
