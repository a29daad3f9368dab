#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ctest fixture cleanup: stop the cluster unless fixture_up found it running.
set -euo pipefail
cluster=$(cd "$(dirname "$0")/../.." && pwd)/packaging/localcluster/cluster
marker=$(dirname "$("$cluster" kubeconfig-path)").fixture
if [[ $(cat "$marker" 2>/dev/null) == reused ]]; then
    echo "leaving the cluster running: it was running before the tests"
    rm -f "$marker"
    exit 0
fi
rm -f "$marker"
"$cluster" down
