#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ctest fixture cleanup: see fixture_up.sh. Stops the cluster only when a
# fixture started it and no other ctest run still uses it.
set -euo pipefail
cluster=$(cd "$(dirname "$0")/../.." && pwd)/packaging/localcluster/cluster
run=$(dirname "$(dirname "$("$cluster" kubeconfig-path)")")
users=$run/cluster-fixture-users
mkdir -p "$users"
exec 9>"$run/cluster-fixture.lock"
flock 9
rm -f "$users/$PPID"
for user in "$users"/*; do
    [[ -e $user ]] || continue
    if kill -0 "$(basename "$user")" 2>/dev/null; then
        echo "leaving the cluster running: ctest $(basename "$user") still uses it"
        exit 0
    fi
    rm -f "$user"
done
if [[ ! -f $run/cluster-fixture-started ]]; then
    echo "leaving the cluster running: it was running before the tests"
    exit 0
fi
rm -f "$run/cluster-fixture-started"
"$cluster" down
