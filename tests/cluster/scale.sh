#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `cluster scale` creates deployments and returns once every pod is Ready
# (small here; 1000 x 10 is measured by hand, see packaging/localcluster/README.md).
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

ns=t-scale-$$-$RANDOM
CREATED_NAMESPACES+=("local/$ns")
"$CLUSTER" scale --deployments 20 --replicas 5 --namespace "$ns" --context local --timeout 240 ||
    fail "cluster scale failed"
ready=$(kubectl --context local -n "$ns" get pods \
    -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' | grep -c True)
[[ $ready == 100 ]] || fail "$ready of 100 pods are Ready"
echo PASS
