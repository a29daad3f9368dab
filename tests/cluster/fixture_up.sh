#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ctest fixture setup: makes sure the local cluster runs. Several ctest runs
# (build trees, clones) may share the one cluster: each registers itself as a
# user (by ctest's pid), and only the last user out stops the cluster, and
# only when a fixture started it (a cluster running before is left alone).
set -euo pipefail
cluster=$(cd "$(dirname "$0")/../.." && pwd)/packaging/localcluster/cluster
run=$(dirname "$(dirname "$("$cluster" kubeconfig-path)")")
users=$run/cluster-fixture-users
mkdir -p "$users"
exec 9>"$run/cluster-fixture.lock"
flock 9
if "$cluster" status >/dev/null 2>&1; then
    echo "reusing the running cluster"
else
    touch "$run/cluster-fixture-started"
fi
touch "$users/$PPID"
"$cluster" up
