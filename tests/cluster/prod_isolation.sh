#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# shipyard-prod is a cluster of its own: objects do not leak between it and
# shipyard-nonprod, and Deployments roll out there too.
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

for ctx in local showroom staging; do
    [[ $(kubectl config view -o jsonpath="{.contexts[?(@.name==\"$ctx\")].context.cluster}") == shipyard-nonprod ]] ||
        fail "context $ctx is not on shipyard-nonprod"
done
[[ $(kubectl config view -o jsonpath='{.contexts[?(@.name=="production")].context.cluster}') == shipyard-prod ]] ||
    fail "context production is not on shipyard-prod"

kubectl --context production get namespace shipyard-production >/dev/null || fail "no shipyard-production in prod"
kubectl --context staging get namespace shipyard-production >/dev/null 2>&1 &&
    fail "shipyard-production exists in nonprod"
kubectl --context production get namespace shipyard-staging >/dev/null 2>&1 &&
    fail "shipyard-staging exists in prod"

prod_ns="" nonprod_ns=""
new_namespace production prod_ns
kubectl --context local get namespace "$prod_ns" >/dev/null 2>&1 && fail "a prod namespace is visible in nonprod"
new_namespace staging nonprod_ns
kubectl --context production get namespace "$nonprod_ns" >/dev/null 2>&1 && fail "a nonprod namespace is visible in prod"

deployment orders backend registry.local/demo/backend:2.3.0 2 | kubectl --context production -n "$prod_ns" apply -f - >/dev/null
kubectl --context production -n "$prod_ns" rollout status deployment/orders --timeout=120s ||
    fail "deployment did not roll out in production"
nodes=$(kubectl --context production get pods -n "$prod_ns" -o jsonpath='{.items[*].spec.nodeName}')
[[ $nodes == *prod-node-* && $nodes != *nonprod* ]] || fail "production pods ran on: $nodes"

[[ $(kubectl --context production get nodes -o name) != "$(kubectl --context local get nodes -o name)" ]] ||
    fail "both clusters list the same nodes"
echo PASS
