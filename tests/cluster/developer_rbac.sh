#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The developer user may change nonprod but only read production.
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

name=t-rbac-$$-$RANDOM
out=$(kubectl --context production-developer -n shipyard-production create configmap "$name" 2>&1) &&
    fail "developer created a configmap in production"
grep -qi forbidden <<<"$out" || fail "expected Forbidden, got: $out"
[[ $(kubectl --context production-developer -n shipyard-production auth can-i create deployments.apps || true) == no ]] ||
    fail "can-i create deployments in production is not 'no'"
[[ $(kubectl --context production-developer -n shipyard-production auth can-i patch deployments.apps --subresource=scale || true) == no ]] ||
    fail "developer may scale in production"
kubectl --context production-developer -n shipyard-production get deployments,pods >/dev/null 2>&1 ||
    fail "developer cannot read production"
kubectl --context production-developer get nodes >/dev/null || fail "developer cannot list production nodes"

kubectl --context staging-developer -n shipyard-staging create configmap "$name" --from-literal=a=b >/dev/null ||
    fail "developer cannot create in staging"
deployment "$name" app registry.local/demo/app:1.0.0 1 | kubectl --context staging-developer -n shipyard-staging apply -f - >/dev/null ||
    fail "developer cannot create a deployment in staging"
kubectl --context staging-developer -n shipyard-staging delete configmap "$name" >/dev/null
kubectl --context staging-developer -n shipyard-staging delete deployment "$name" >/dev/null
[[ $(kubectl --context local-developer auth can-i create namespaces 2>/dev/null || true) == no ]] ||
    fail "developer may create namespaces"
[[ $(kubectl --context production auth can-i create deployments.apps -n shipyard-production) == yes ]] ||
    fail "admin may not create in production"
echo PASS
