#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The delivery robot's image (packaging/container/Containerfile) built with
# buildah, run, and pushed to the test world's registry:
#   a Debian trixie base made with debootstrap (no docker.io here) →
#   `--target prebuilt` around this build's bin/shipyardctl (the runtime
#   stage as the default target has it; the compile stage is not built:
#   17 minutes on 2 cores) → in the image, as uid 65532: shipyardctl finds
#   every library, and with the pod's environment alone (KUBERNETES_SERVICE_*
#   and a service-account directory, no kubeconfig) reads the local cluster
#   as the robot's ServiceAccount, bound to packaging/kubernetes/role.yaml, and
#   is refused outside its namespace → pushed to the open registry, which
#   serves the manifest, whose config says uid 65532 and the entry point.
# The base's root file system is kept as a tarball in $SHIPYARD_CACHE/robot-image
# (remade when a month old), and so are the .debs apt downloads in the image.
# usage: robot_image.sh BUILD_DIR SOURCE_DIR REGISTRY_STATE_FILE
set -euo pipefail
build=$1 src=$2 state_file=$3
cache=${SHIPYARD_CACHE:-$HOME/.cache/shipyard}/robot-image
mirror=${SHIPYARD_MIRROR:-http://deb.debian.org/debian}
binary=$build/bin/shipyardctl
cluster=$src/packaging/localcluster/cluster
tag=shipyard-robot:test
image=localhost/$tag

started=$(date +%s)
step_started=$started
say() { printf 'robot_image: %s\n' "$*"; }
fail() {
    printf 'robot_image: FAIL: %s\n' "$*" >&2
    exit 1
}
# step TEXT: the time the last step took, and what comes next.
step() {
    local now
    now=$(date +%s)
    say "  ($((now - step_started)) s)"
    step_started=$now
    say "$*"
}

for tool in buildah debootstrap curl readelf strip python3 kubectl flock; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run packaging/dev/shipyard-dev setup"
done
[[ -x $binary ]] || fail "no $binary: build shipyardctl first"
[[ -f $state_file ]] || fail "no $state_file: the registry fixture did not run"
# shellcheck disable=SC1090
source "$state_file"
[[ -n ${REGISTRY_ADDRESS:-} && -n ${BUILDAH_STORAGE:-} ]] || fail "$state_file lacks REGISTRY_ADDRESS or BUILDAH_STORAGE"
KUBECONFIG=$("$cluster" kubeconfig-path)
export KUBECONFIG
[[ -f $KUBECONFIG ]] || fail "no kubeconfig at $KUBECONFIG: is the local cluster up?"

work=$(mktemp -d /tmp/shipyard-robot-image.XXXXXX)
# The fixture's buildah storage (vfs, as the other tests use it), a part of its own.
storage=$BUILDAH_STORAGE/robot-image
ns=t-robot-image-$$-$RANDOM
bah() { buildah --storage-driver vfs --root "$storage/storage" --runroot "$storage/run" "$@"; }
container=""
cleanup() {
    [[ -z $container ]] || bah rm "$container" >/dev/null 2>&1 || true
    bah rmi --all --force >/dev/null 2>&1 || true
    kubectl --context local delete namespace "$ns" --wait=false >/dev/null 2>&1 || true
    rm -rf --one-file-system "$work"
    say "$(($(date +%s) - started)) s in all"
}
trap cleanup EXIT
mkdir -p "$cache/debootstrap" "$cache/archives/partial" "$storage"
# buildah's chroot isolation sets the limits of what it runs to its defaults
# unless told; those may exceed what this process may raise them to.
limits=(--ulimit "nofile=$(ulimit -n):$(ulimit -n)" --ulimit "nproc=$(ulimit -u):$(ulimit -u)")

say "a Debian trixie base (debootstrap --variant=minbase, kept in $cache)"
# The cache is one for every build tree: one run at a time makes the base and
# lets apt use the downloads.
exec 9>"$cache/lock"
flock 9
if [[ ! -f $cache/rootfs.tar || -n $(find "$cache/rootfs.tar" -mtime +30) ]]; then
    say "making it anew"
    debootstrap --variant=minbase --cache-dir="$cache/debootstrap" trixie "$work/rootfs" "$mirror" \
        >"$work/debootstrap.log" 2>&1 || {
        tail -n 30 "$work/debootstrap.log"
        fail "debootstrap trixie failed"
    }
    # As debian:trixie-slim: no package lists, no downloaded packages.
    rm -rf "$work/rootfs"/var/lib/apt/lists/* "$work/rootfs"/var/cache/apt/archives/*.deb
    tar -C "$work/rootfs" -cf "$cache/rootfs.tar.new" . || fail "cannot write $cache/rootfs.tar.new"
    mv "$cache/rootfs.tar.new" "$cache/rootfs.tar"
    rm -rf --one-file-system "$work/rootfs"
fi
mkdir "$work/base"
ln "$cache/rootfs.tar" "$work/base/rootfs.tar" 2>/dev/null || cp "$cache/rootfs.tar" "$work/base/rootfs.tar"
printf 'FROM scratch\nADD rootfs.tar /\n' >"$work/base/Containerfile"
bah build --isolation chroot -t localhost/trixie-base "$work/base" >"$work/base.log" 2>&1 || {
    tail -n 30 "$work/base.log"
    fail "cannot make the base image from $cache/rootfs.tar"
}

step "the image: --target prebuilt around $binary"
mkdir "$work/context"
# Without its debug information, as the build stage strips it.
strip --strip-debug -o "$work/context/shipyardctl" "$binary" || fail "cannot strip $binary"
# A build with sanitizers (CI's) links their runtimes dynamically: the image needs their packages.
extra=$(readelf -d "$binary" | sed -n 's/.*Shared library: \[lib\(asan\|ubsan\|tsan\|lsan\|hwasan\)\.so\.\([0-9]*\)\]/lib\1\2/p' |
    tr '\n' ' ')
[[ -z $extra ]] || say "sanitizer runtimes: $extra"
bah build --isolation chroot --network host "${limits[@]}" --skip-unused-stages=true \
    --volume "$cache/archives:/var/cache/apt/archives" \
    --build-arg BASE=localhost/trixie-base --build-arg "EXTRA_PACKAGES=$extra" \
    -f "$src/packaging/container/Containerfile" --target prebuilt -t "$image" "$work/context" \
    >"$work/build.log" 2>&1 || {
    tail -n 40 "$work/build.log"
    fail "buildah build --target prebuilt failed"
}
flock -u 9
# The build stage was skipped: it would have run cmake.
grep -q 'cmake -S' "$work/build.log" && fail "the build stage ran for --target prebuilt"
say "$(bah images --format '{{.Name}}:{{.Tag}} {{.Size}}' "$image")"

step "running it (buildah run, chroot isolation)"
container=$(bah from --pull-never "${limits[@]}" "$image") || fail "buildah from $image failed"
# Under sanitizers: leaks at exit are not this test's concern.
in_image() { bah run --isolation chroot --env ASAN_OPTIONS=detect_leaks=0 "$@"; }
uid=$(in_image "$container" -- id -u) || fail "cannot run id in the image"
[[ $uid == 65532 ]] || fail "the image runs as uid $uid, not 65532"
in_image "$container" -- sh -c 'test "$(pwd)" = /var/lib/shipyard && test -w .' ||
    fail "the working directory is not /var/lib/shipyard, writable by the user"
owner=$(in_image "$container" -- stat -c '%u %a' /usr/bin/shipyardctl) || fail "no /usr/bin/shipyardctl in the image"
[[ $owner == "0 755" ]] || fail "/usr/bin/shipyardctl is owned and moded '$owner', not '0 755'"
[[ $(in_image "$container" -- sha256sum /usr/bin/shipyardctl | cut -d' ' -f1) == $(sha256sum "$work/context/shipyardctl" | cut -d' ' -f1) ]] ||
    fail "/usr/bin/shipyardctl is not the binary of $build"
help=$(in_image "$container" -- /usr/bin/shipyardctl --help 2>&1) || fail "shipyardctl --help fails in the image: $help"
grep -q robot <<<"$help" || fail "shipyardctl --help lists no robot command: $help"
in_image "$container" -- git --version >/dev/null || fail "no git in the image"

step "in-cluster: the pod's environment alone, as the robot's ServiceAccount"
k() { kubectl --context local "$@"; }
k create namespace "$ns" >/dev/null || fail "cannot create the namespace $ns"
k -n "$ns" apply -f "$src/packaging/kubernetes/serviceaccount.yaml" -f "$src/packaging/kubernetes/role.yaml" >/dev/null ||
    fail "cannot create the ServiceAccount and Role of packaging/kubernetes"
k -n "$ns" create rolebinding shipyard-robot --role=shipyard-robot --serviceaccount="$ns:shipyard-robot" >/dev/null ||
    fail "cannot bind the Role to the ServiceAccount"
k -n "$ns" create configmap robot-image-probe --from-literal=from=robot_image >/dev/null || fail "cannot create a ConfigMap in $ns"
sa=$work/serviceaccount
mkdir "$sa"
k -n "$ns" create token shipyard-robot --duration=10m >"$sa/token" || fail "kubectl create token failed"
printf %s "$ns" >"$sa/namespace"
# What the kubelet mounts, from the cluster of the kubeconfig's context "local".
name=$(kubectl config view -o jsonpath='{.contexts[?(@.name=="local")].context.cluster}')
kubectl config view --raw -o jsonpath="{.clusters[?(@.name==\"$name\")].cluster.certificate-authority-data}" |
    base64 -d >"$sa/ca.crt"
server=$(kubectl config view -o jsonpath="{.clusters[?(@.name==\"$name\")].cluster.server}")
hostport=${server#https://}
hostport=${hostport%%/*}
[[ $hostport == *:* && -s $sa/ca.crt ]] || fail "cannot read the server and CA of context local: $server"
chmod 0644 "$sa"/*
# Mounted where /var/run/secrets/kubernetes.io/serviceaccount leads: /var/run
# is a link to /run in the image, which buildah's chroot isolation does not
# follow for a mount point.
in_cluster() {
    in_image --env KUBERNETES_SERVICE_HOST="${hostport%:*}" --env KUBERNETES_SERVICE_PORT="${hostport##*:}" \
        --volume "$sa:/run/secrets/kubernetes.io/serviceaccount:ro" "$container" -- /usr/bin/shipyardctl "$@"
}
out=$(in_cluster get configmaps 2>&1) || fail "shipyardctl get configmaps in the image failed: $out"
grep -q robot-image-probe <<<"$out" || fail "shipyardctl get configmaps does not list the probe in $ns: $out"
out=$(in_cluster get configmaps -n kube-system 2>&1) && fail "the ServiceAccount read kube-system: $out"
grep -qi forbidden <<<"$out" || fail "outside $ns: not refused as forbidden: $out"
bah rm "$container" >/dev/null
container=""

step "pushing it to $REGISTRY_ADDRESS"
remote=$REGISTRY_ADDRESS/$tag
bah push --tls-verify=false --digestfile "$work/digest" "$image" "docker://$remote" >"$work/push.log" 2>&1 || {
    cat "$work/push.log"
    fail "buildah push to $remote failed"
}
accept='application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
status=$(curl -s -o /dev/null -w '%{http_code}' -I -H "Accept: $accept" \
    "http://$REGISTRY_ADDRESS/v2/shipyard-robot/manifests/test") || fail "the registry does not answer"
[[ $status == 200 ]] || fail "HEAD /v2/shipyard-robot/manifests/test: $status, not 200"
curl -sf -H "Accept: $accept" "http://$REGISTRY_ADDRESS/v2/shipyard-robot/manifests/test" >"$work/manifest.json" ||
    fail "cannot read the manifest back"
served=$(sha256sum "$work/manifest.json" | cut -d' ' -f1)
[[ sha256:$served == "$(cat "$work/digest")" ]] || fail "the registry serves sha256:$served, buildah pushed $(cat "$work/digest")"
config=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["config"]["digest"])' "$work/manifest.json")
curl -sf "http://$REGISTRY_ADDRESS/v2/shipyard-robot/blobs/$config" >"$work/config.json" ||
    fail "cannot read the image's config $config"
python3 - "$work/config.json" <<'PY' || fail "the pushed image's config is not the robot's"
import json, sys
config = json.load(open(sys.argv[1]))["config"]
expected = {
    "User": "65532:65532",
    "WorkingDir": "/var/lib/shipyard",
    "Entrypoint": ["/usr/bin/shipyardctl"],
    "Cmd": ["robot", "--ecosystem", "/etc/shipyard/ecosystem/ecosystem.yaml"],
}
wrong = {key: config.get(key) for key, value in expected.items() if config.get(key) != value}
if wrong:
    sys.exit("robot_image: pushed config: %s" % wrong)
PY
step "built, ran and pushed $remote ($(cat "$work/digest"))"
