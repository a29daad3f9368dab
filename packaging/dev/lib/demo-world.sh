#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Seeds the local cluster with the demo's releases so that every view has
# something true to show: each environment runs the demo systems at its own
# version, and local runs a build that never becomes ready.
# usage: demo-world.sh KUBECONFIG SOURCE_DIR   (runs where kubectl is)
set -euo pipefail
kubeconfig=$1 src=$2
systems=(storefront catalog mailer)

# environment context namespace tag-suffix tasks
releases=(
    "production production shipyard-production 1.4.2 SHOP-1"
    "staging staging shipyard-staging 1.5.0 SHOP-1,SHOP-2"
    "local local shipyard-local 1.6.0-dev SHOP-2"
)

for release in "${releases[@]}"; do
    read -r _ context namespace version tasks <<<"$release"
    for system in "${systems[@]}"; do
        tag=$version
        # The local build of the catalog is one that crash-loops.
        [[ $context == local && $system == catalog ]] && tag=$version-broken
        sha=$(printf '%s' "$system-$version" | sha1sum | cut -c1-12)
        for manifest in "$src/resources/demo/systems/$system/deploy/"*.yaml; do
            sed -e "s|image: demo/$system\$|image: 127.0.0.1:5000/demo/$system:$tag|" "$manifest"
            echo "---"
        done | kubectl --kubeconfig "$kubeconfig" --context "$context" -n "$namespace" apply -f - >/dev/null
        kubectl --kubeconfig "$kubeconfig" --context "$context" -n "$namespace" annotate --overwrite \
            deployment "$system" "shipyard.dev/git-sha=$sha" "shipyard.dev/tasks=$tasks" >/dev/null
    done
    echo "demo: $context ($namespace) runs ${systems[*]} at $version"
done
