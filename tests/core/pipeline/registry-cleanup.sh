#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Stops what registry-setup.sh started and removes its state.
set -uo pipefail
state=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/fixture-lib.sh"
stop_pids "$state/open.pid" "$state/auth.pid"
if [[ -d $state/buildah ]]; then
    buildah --storage-driver vfs --root "$state/buildah/storage" --runroot "$state/buildah/run" \
        rm --all >/dev/null 2>&1 || true
    # vfs layers may hold read-only directories.
    chmod -R u+w "$state/buildah" 2>/dev/null || true
fi
rm -rf "$state"
exit 0
