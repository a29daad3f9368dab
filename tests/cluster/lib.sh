# shellcheck shell=bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the cluster tests; sourced. Every test works in namespaces of
# its own so that tests can run in parallel.
set -euo pipefail

TEST_NAME=$(basename "$0" .sh)
SOURCE_DIR=${SHIPYARD_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
CLUSTER=$SOURCE_DIR/packaging/localcluster/cluster
KUBECONFIG=$("$CLUSTER" kubeconfig-path)
export KUBECONFIG
[[ -f $KUBECONFIG ]] || {
    echo "FAIL: no kubeconfig at $KUBECONFIG; is the cluster up?" >&2
    exit 1
}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
note() { echo "-- $*" >&2; }

CREATED_NAMESPACES=()
cleanup_namespaces() {
    local entry
    for entry in "${CREATED_NAMESPACES[@]}"; do
        kubectl --context "${entry%%/*}" delete namespace "${entry#*/}" --wait=false >/dev/null 2>&1 || true
    done
}
trap cleanup_namespaces EXIT

# new_namespace CONTEXT VAR: creates a fresh namespace in the cluster behind
# CONTEXT and stores its name in VAR (not via $(...): the cleanup list must
# grow in this shell).
new_namespace() {
    local _context=$1 _ns
    _ns=t-${TEST_NAME//_/-}-$$-$RANDOM
    kubectl --context "$_context" create namespace "$_ns" >/dev/null
    CREATED_NAMESPACES+=("$_context/$_ns")
    # Pods are refused until the namespace's default service account exists.
    local i
    for ((i = 0; i < 100; i++)); do
        kubectl --context "$_context" -n "$_ns" get serviceaccount default >/dev/null 2>&1 && break
        sleep 0.2
    done
    printf -v "$2" %s "$_ns"
}

# deployment NAME CONTAINER IMAGE REPLICAS [PROGRESS_DEADLINE_SECONDS]: YAML.
deployment() {
    cat <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $1
spec:
  replicas: $4
  progressDeadlineSeconds: ${5:-600}
  selector: {matchLabels: {app: $1}}
  template:
    metadata:
      labels: {app: $1}
    spec:
      containers:
      - name: $2
        image: $3
YAML
}
