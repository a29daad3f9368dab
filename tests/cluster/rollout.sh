#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A Deployment rolls out on the simulated nodes, and so does an update of it.
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

ns=""
new_namespace local ns
deployment web backend registry.local/demo/backend:1.0.0 3 | kubectl --context local -n "$ns" apply -f - >/dev/null
kubectl --context local -n "$ns" rollout status deployment/web --timeout=120s ||
    fail "deployment did not roll out"

phases=$(kubectl --context local -n "$ns" get pods -l app=web \
    -o jsonpath='{range .items[*]}{.status.phase}/{.status.containerStatuses[0].ready}/{.status.podIP}{"\n"}{end}')
note "pods: ${phases//$'\n'/ }"
[[ $(grep -c '^Running/true/10\.' <<<"$phases") == 3 ]] || fail "expected 3 running, ready pods with an IP"

kubectl --context local -n "$ns" set image deployment/web backend=registry.local/demo/backend:1.0.1 >/dev/null
kubectl --context local -n "$ns" rollout status deployment/web --timeout=120s ||
    fail "the update did not roll out"
images=$(kubectl --context local -n "$ns" get pods -l app=web -o jsonpath='{.items[*].spec.containers[0].image}')
[[ $images != *1.0.0* ]] || fail "old pods are left: $images"
[[ $(kubectl --context local -n "$ns" get deployment web -o jsonpath='{.metadata.annotations.deployment\.kubernetes\.io/revision}') == 2 ]] ||
    fail "expected revision 2"
echo PASS
