#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `shipyard-dev run` on a user's own files: an ecosystem, two kubeconfig files
# named by KUBECONFIG and an exec credential plugin found on PATH, all outside
# the checkout, seen by shipyardctl and the GUI inside the trixie root.
#
# ctest itself runs inside the trixie root (or natively). This test plays the
# host there: in a mount namespace of its own it gives shipyard-dev a root that
# is a plain (non-recursive) bind of its own file system, and keeps the user's
# files on a tmpfs. The root sees none of them — checked first through
# `shipyard-dev exec` — unless `shipyard-dev run` mounts them: the same
# enter-root, the same mounts as on a bookworm host with the real root.
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

if [[ -z ${DEV_RUN_IN_NAMESPACE:-} ]]; then
    if ! unshare --mount --propagation private true 2>/dev/null; then
        echo "SKIP: needs root (a mount namespace of its own)"
        exit 77
    fi
    DEV_RUN_IN_NAMESPACE=1 exec unshare --mount --propagation private -- bash "$0" "$@"
fi

BUILD_DIR=${SHIPYARD_BUILD_DIR:?the build directory}
DEV=$SOURCE_DIR/packaging/dev/shipyard-dev
[[ -x $BUILD_DIR/bin/shipyard && -x $BUILD_DIR/bin/shipyardctl ]] || fail "shipyard and shipyardctl are not built in $BUILD_DIR"

new_namespace local NS
outside=$(mktemp -d /tmp/shipyard-dev-run.XXXXXX)
cleanup() {
    cleanup_namespaces
    umount -l "$outside" 2>/dev/null || true
    rmdir "$outside" 2>/dev/null || true
}
trap cleanup EXIT
mount -t tmpfs -o mode=0755 shipyard-dev-run "$outside"
root=$outside/root
mkdir -p "$root"
mount --bind / "$root"

# A token the local cluster knows, of a service account that may read this namespace.
kubectl --context local -n "$NS" create serviceaccount reader >/dev/null
kubectl --context local -n "$NS" create rolebinding reader --clusterrole=view --serviceaccount="$NS:reader" >/dev/null
kubectl --context local -n "$NS" create configmap dev-run-marker --from-literal=seen=yes >/dev/null
token=$(kubectl --context local -n "$NS" create token reader --duration=1h)
[[ -n $token ]] || fail "no token"
server=$(kubectl config view --raw --minify --context local -o jsonpath='{.clusters[0].cluster.server}')
ca=$(kubectl config view --raw --minify --context local -o jsonpath='{.clusters[0].cluster.certificate-authority-data}')
[[ -n $server && -n $ca ]] || fail "the local context has no server or CA"

home=$outside/home/someone
work=$outside/work
plugins=$outside/opt/credentials/bin
kube=$outside/etc-kube
mkdir -p "$home" "$work" "$plugins" "$kube"
# The plugin counts its runs in the home (writable) and records whether it may
# change the kubeconfig (it must not: read-only).
cat >"$plugins/shipyard-test-credential" <<PLUGIN
#!/bin/sh
echo run >>"\$HOME/plugin-runs"
if touch "$kube/clusters.yaml" 2>/dev/null; then echo writable >"\$HOME/kubeconfig-mode"; else echo read-only >"\$HOME/kubeconfig-mode"; fi
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}\n' '$token'
PLUGIN
chmod +x "$plugins/shipyard-test-credential"
cat >"$kube/clusters.yaml" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: mine
  cluster: {server: "$server", certificate-authority-data: "$ca"}
YAML
cat >"$home/users.yaml" <<YAML
apiVersion: v1
kind: Config
current-context: mine
contexts:
- name: mine
  context: {cluster: mine, user: plugin-user, namespace: $NS}
users:
- name: plugin-user
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: shipyard-test-credential
      interactiveMode: Never
YAML
cat >"$work/ecosystem.yaml" <<YAML
name: Mine
systems:
  - {name: api, template: backend, repository: r, image: demo/api, manifests: [m]}
environments:
  - {name: staging, kind: staging, context: mine, namespace: $NS}
YAML

export SHIPYARD_CACHE=${SHIPYARD_CACHE:-$HOME/.cache/shipyard}
export SHIPYARD_ROOT=$root SHIPYARD_ENV_MODE=root SHIPYARD_BUILD_DIR=$BUILD_DIR
export HOME=$home KUBECONFIG=$kube/clusters.yaml:$home/users.yaml PATH=$PATH:$plugins
cd "$work"

note "without run, the root sees none of the user's files"
"$DEV" exec test -e "$kube/clusters.yaml" && fail "the root sees $kube/clusters.yaml without run"
"$DEV" exec test -e "$work/ecosystem.yaml" && fail "the root sees the working directory without run"

note "shipyardctl contexts: both kubeconfig files, merged"
out=$("$DEV" run shipyardctl contexts) || fail "contexts failed: $out"
grep -E '^\*[[:space:]]+mine[[:space:]]+mine[[:space:]]+https://' <<<"$out" >/dev/null ||
    fail "contexts does not show 'mine' from both files: $out"
grep -q plugin-user <<<"$out" || fail "contexts misses the user: $out"

note "shipyardctl validate, a path relative to the working directory"
out=$("$DEV" run shipyardctl validate ecosystem.yaml) || fail "validate failed: $out"
grep -q "valid ecosystem 'Mine'" <<<"$out" || fail "validate did not read the ecosystem: $out"

note "shipyardctl get, through the exec plugin on PATH"
[[ ! -e $home/plugin-runs ]] || fail "the credential plugin ran before get"
out=$("$DEV" run shipyardctl get configmaps) || fail "get failed: $out"
grep -q dev-run-marker <<<"$out" || fail "get does not list the marker configmap: $out"
[[ -f $home/plugin-runs ]] || fail "the credential plugin did not run"
runs_after=$(wc -l <"$home/plugin-runs")
[[ $(cat "$home/kubeconfig-mode") == read-only ]] || fail "the kubeconfig is writable inside"

note "the GUI: a screenshot of the cluster view, written into the working directory"
runs_before=$runs_after
start=$(date +%s%N)
QT_QPA_PLATFORM=offscreen "$DEV" run shipyard --ecosystem ecosystem.yaml --view cluster --screenshot shot.png ||
    fail "shipyard --screenshot failed"
note "screenshot in $((($(date +%s%N) - start) / 1000000)) ms"
[[ $(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] ||
    fail "shot.png is not a PNG in the working directory"
runs_after=$(wc -l <"$home/plugin-runs")
((runs_after > runs_before)) || fail "the GUI did not ask the credential plugin (no cluster reached)"
echo PASS
