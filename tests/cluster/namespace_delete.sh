#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Deleting a namespace with running pods finishes: the pods go away and the
# namespace with them.
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

ns=""
new_namespace local ns
deployment doomed backend registry.local/demo/backend:1.0.0 3 | kubectl --context local -n "$ns" apply -f - >/dev/null
deployment doomed-broken backend registry.local/demo/backend:1.0.0-broken 2 |
    kubectl --context local -n "$ns" apply -f - >/dev/null
kubectl --context local -n "$ns" rollout status deployment/doomed --timeout=120s >/dev/null
kubectl --context local -n "$ns" create configmap settings --from-literal=a=b >/dev/null

start=$SECONDS
kubectl --context local delete namespace "$ns" --timeout=120s || fail "namespace deletion did not finish"
kubectl --context local get namespace "$ns" >/dev/null 2>&1 && fail "namespace $ns still exists"
note "namespace deleted in $((SECONDS - start)) s"
echo PASS
