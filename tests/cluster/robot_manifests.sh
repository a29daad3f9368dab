#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# packaging/kubernetes, the robot's manifests, against the local control plane:
# kustomize renders them, the server accepts them (apply --dry-run=server in a
# namespace of the test's own, set by an overlay as users set theirs), and
# the Role gives its ServiceAccount exactly what a delivery asks for
# (core/pipeline/WritePermissions) in that namespace and nothing outside it.
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

base=$SOURCE_DIR/packaging/kubernetes
ns=t-robot-$$-$RANDOM
sa=shipyard-robot
work=$(mktemp -d)
trap 'rm -rf "$work"; cleanup_namespaces' EXIT
kubectl --context local create namespace "$ns" >/dev/null || fail "cannot create $ns"
CREATED_NAMESPACES+=("local/$ns")

# The overlay a user writes: the base, in a namespace of their own.
mkdir "$work/overlay"
cp -r "$base" "$work/base"
cat >"$work/overlay/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: $ns
resources:
  - ../base
YAML

rendered=$(kubectl kustomize "$work/overlay") || fail "kubectl kustomize does not render the base"
for kind in ServiceAccount Role RoleBinding ConfigMap Secret Deployment Service; do
    grep -q "^kind: $kind\$" <<<"$rendered" || fail "no $kind rendered"
done
grep -Eq '^kind: Cluster(Role|RoleBinding)$' <<<"$rendered" && fail "the base asks for cluster-wide rights"
[[ $(grep -c "^  namespace: $ns\$" <<<"$rendered") -ge 6 ]] || fail "the overlay's namespace is not set everywhere"
grep -q "^  namespace: shipyard\$" <<<"$rendered" && fail "the base's namespace is left somewhere"
# The RoleBinding's subject follows the namespace.
grep -A3 '^- kind: ServiceAccount' <<<"$rendered" | grep -q "namespace: $ns" ||
    fail "the RoleBinding's subject is not in $ns"
grep -q 'replicas: 2' <<<"$rendered" || fail "the Deployment has not 2 replicas"
for probe in /healthz /readyz; do grep -q "path: $probe" <<<"$rendered" || fail "no $probe probe"; done
# Webhooks and scrapes reach every replica through the Service's named port.
grep -A12 '^kind: Service$' <<<"$rendered" | grep -q 'targetPort: http' || fail "the Service does not reach port http"
# Two replicas, one acting: the leader's Lease in the robot's own cluster.
for arg in --leader-elect --lease-context=in-cluster --listen=:8080; do
    grep -q -- "- $arg\$" <<<"$rendered" || fail "the robot runs without $arg"
done

out=$(kubectl --context local apply -k "$work/overlay" --dry-run=server 2>&1) ||
    fail "the server refuses the manifests: $out"
note "$out"

# The RBAC for real (without the Deployment: no image to run here).
kubectl --context local apply -n "$ns" -f "$base/serviceaccount.yaml" -f "$base/role.yaml" >/dev/null
kubectl kustomize "$work/overlay" | python3 -c '
import sys
docs = sys.stdin.read().split("\n---\n")
print("\n---\n".join(d for d in docs if "kind: RoleBinding" in d))' |
    kubectl --context local apply -f - >/dev/null || fail "cannot create the RoleBinding"

can() { kubectl --context local auth can-i "$@" --as="system:serviceaccount:$ns:$sa"; }
# What WritePermissions asks before a delivery (addLock, addReleaseRecords(true),
# addEvents, addMigrations, addApplied/addRemoved for the systems' kinds), and
# what a canary scales.
asked=(
    "get list create update patch delete:leases.coordination.k8s.io"
    "get list create patch delete:configmaps"
    "get list create patch delete:secrets"
    "create:events"
    "create get:jobs.batch"
    "list:pods"
    "get create patch delete:services"
    "get create patch list watch delete:deployments.apps"
)
for entry in "${asked[@]}"; do
    resource=${entry#*:}
    for verb in ${entry%%:*}; do
        [[ $(can "$verb" "$resource" -n "$ns" || true) == yes ]] || fail "$sa may not $verb $resource in $ns"
    done
done
[[ $(can get pods --subresource=log -n "$ns" || true) == yes ]] || fail "$sa may not read pods/log"
[[ $(can patch deployments.apps --subresource=scale -n "$ns" || true) == yes ]] || fail "$sa may not scale"
# Nothing elsewhere, nothing cluster-wide.
[[ $(can get secrets -n kube-system || true) == no ]] || fail "$sa may read secrets in kube-system"
[[ $(can create deployments.apps -n default || true) == no ]] || fail "$sa may deliver into default"
[[ $(can create namespaces || true) == no ]] || fail "$sa may create namespaces"
[[ $(can create roles.rbac.authorization.k8s.io -n "$ns" || true) == no ]] || fail "$sa may grant itself rights"
[[ $(can '*' '*' -n "$ns" || true) == no ]] || fail "$sa may do everything in $ns"
echo PASS
