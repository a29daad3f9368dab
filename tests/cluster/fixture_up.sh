#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ctest fixture setup: start the local cluster, or reuse one that is already
# running (a demo, say) and leave it running afterwards.
set -euo pipefail
cluster=$(cd "$(dirname "$0")/../.." && pwd)/packaging/localcluster/cluster
marker=$(dirname "$("$cluster" kubeconfig-path)").fixture
if "$cluster" status >/dev/null 2>&1; then
    echo reused >"$marker"
    echo "reusing the running cluster"
else
    echo started >"$marker"
fi
"$cluster" up
