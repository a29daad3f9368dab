#!/usr/bin/env bash
# The demo's systems build, pass their tests and become images, as a
# delivery would do it: make, make test, buildah (no daemon, FROM scratch).
set -euo pipefail
src=$1
work=$(mktemp -d)
trap 'buildah --storage-driver vfs --root "$work/storage" --runroot "$work/run" rm --all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
for system in storefront catalog mailer; do
    cp -r "$src/resources/demo/systems/$system" "$work/$system"
    make -s -C "$work/$system"
    make -s -C "$work/$system" test
    make -s -C "$work/$system" smoke
    buildah --storage-driver vfs --root "$work/storage" --runroot "$work/run" \
        bud --isolation chroot --quiet -t "demo/$system:test" "$work/$system" >/dev/null
    buildah --storage-driver vfs --root "$work/storage" --runroot "$work/run" \
        inspect --format '{{.FromImage}}' "demo/$system:test" | grep -q "demo/$system:test"
    echo "demo/$system:test built"
done
