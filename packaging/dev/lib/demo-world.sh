#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Makes the demo world, in which every view of Shipyard has something true to
# show, and prints the path of its ecosystem file:
#   - a docker-registry on 127.0.0.1:5000 (the demo ecosystem's registry);
#   - per system, an upstream repository (WORLD/git/NAME.git) with history and
#     a developer's clone (WORLD/systems/NAME) with feature branches: a healthy
#     task, one that conflicts with upstream, one whose image never becomes
#     ready, one without enough reviews;
#   - the tracker's tasks in matching statuses (WORLD/tasks.yaml);
#   - the Secrets the environments name (`secret:`), with an API token;
#   - releases delivered by Shipyard itself (images built and pushed): an older
#     one in production, newer ones in staging, one of them rolled back;
#   - a month of releases before them (shipyard-demo-history): failures
#     rolled back on their own, a monitoring rollback, one by hand;
#   - local running a build that never becomes ready, SHOP-12's showroom;
#   - Prometheus on 127.0.0.1:9090 with the shop's live request counters.
# The world is made once and reused; delete WORLD to make it anew.
# usage: demo-world.sh KUBECONFIG SOURCE_DIR BUILD_DIR WORLD_DIR   (in the build environment)
set -euo pipefail
kubeconfig=$1 src=$2 build=$3 world=$4
systems=(storefront catalog mailer)
demo=$src/resources/demo
ctl=$build/bin/shipyardctl
export KUBECONFIG=$kubeconfig
mkdir -p "$world"

say() { printf 'demo: %s\n' "$*" >&2; }

# ---------------------------------------------------------------- registry

registry_up() {
    if curl -sf -o /dev/null http://127.0.0.1:5000/v2/; then
        return 0
    fi
    mkdir -p "$world/registry"
    cat >"$world/registry/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $world/registry/data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:5000, secret: shipyard-demo}
YAML
    setsid docker-registry serve "$world/registry/config.yml" >"$world/registry/log" 2>&1 </dev/null &
    echo $! >"$world/registry.pid"
    for _ in $(seq 100); do
        curl -sf -o /dev/null http://127.0.0.1:5000/v2/ && return 0
        sleep 0.1
    done
    say "docker-registry did not start on 127.0.0.1:5000; see $world/registry/log"
    exit 1
}

# ---------------------------------------------------------------- monitoring

# Prometheus on 127.0.0.1:9090 (the ecosystem's monitoring) scraping a
# pushgateway into which a small loop pushes the shop's request counters:
# about 1% errors, so that the metrics view has a live error rate to draw.
monitoring_up() {
    if curl -sf -o /dev/null http://127.0.0.1:9090/-/ready; then
        return 0
    fi
    mkdir -p "$world/prometheus/tsdb"
    setsid prometheus-pushgateway --web.listen-address=127.0.0.1:9091 \
        >"$world/prometheus/pushgateway.log" 2>&1 </dev/null &
    echo $! >"$world/pushgateway.pid"
    cat >"$world/prometheus/prometheus.yml" <<YAML
global: {scrape_interval: 5s, evaluation_interval: 5s}
scrape_configs:
  - job_name: shop
    honor_labels: true
    static_configs: [{targets: ["127.0.0.1:9091"]}]
YAML
    setsid prometheus --config.file="$world/prometheus/prometheus.yml" --storage.tsdb.path="$world/prometheus/tsdb" \
        --web.listen-address=127.0.0.1:9090 >"$world/prometheus/prometheus.log" 2>&1 </dev/null &
    echo $! >"$world/prometheus.pid"
    setsid bash -c '
        ok=0 failed=0
        while sleep 5; do
            ok=$((ok + 400 + RANDOM % 100)) failed=$((failed + RANDOM % 9))
            printf "# TYPE http_requests_total counter\nhttp_requests_total{code=\"200\"} %d\nhttp_requests_total{code=\"500\"} %d\n" \
                "$ok" "$failed" | curl -s --data-binary @- http://127.0.0.1:9091/metrics/job/shop >/dev/null
        done' >/dev/null 2>&1 </dev/null &
    echo $! >"$world/traffic.pid"
    for _ in $(seq 100); do
        curl -sf -o /dev/null http://127.0.0.1:9090/-/ready && return 0
        sleep 0.2
    done
    say "prometheus did not start on 127.0.0.1:9090; see $world/prometheus/prometheus.log"
}

# ---------------------------------------------------------------- git

# commit DIR DAYS_AGO AUTHOR MESSAGE: everything in DIR, dated in the past.
commit() {
    local dir=$1 days=$2 author=$3 message=$4 date
    date=$(date -u -d "-$days days" +%Y-%m-%dT%H:%M:%SZ)
    git -C "$dir" add -A
    GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date \
        git -C "$dir" -c user.name="$author" -c user.email="${author,,}@shop.example" \
        commit -q -m "$message"
}

# tag DIR DAYS_AGO NAME MESSAGE: an annotated release tag, by Alice, dated with its commit.
tag() {
    local dir=$1 days=$2 name=$3 message=$4 date
    date=$(date -u -d "-$days days" +%Y-%m-%dT%H:%M:%SZ)
    GIT_COMMITTER_DATE=$date git -C "$dir" -c user.name=Alice -c user.email=alice@shop.example \
        tag -a "$name" -m "$message"
}

reviewed() { printf '%s\n\nReviewed-by: Carol <carol@shop.example>\nReviewed-by: Dave <dave@shop.example>\n' "$1"; }

# Upstream history: three releases of each system, 1.4 (production),
# 1.5 (staging) and 1.6 (not delivered yet).
make_repositories() {
    rm -rf "$world/git" "$world/systems" "$world/seed"
    mkdir -p "$world/git" "$world/systems" "$world/seed"
    local system seed
    for system in "${systems[@]}"; do
        seed=$world/seed/$system
        cp -r "$demo/systems/$system" "$seed"
        rm -rf "$seed/bin"
        git -C "$seed" init -q -b main
        echo "bin/" >"$seed/.gitignore"
        echo "1.4.0" >"$seed/VERSION"
        commit "$seed" 30 Alice "$system 1.4.0"
        tag "$seed" 30 "v1.4.0" "$system 1.4.0"
        git clone -q --bare "$seed" "$world/git/$system.git"
        git clone -q "$world/git/$system.git" "$world/systems/$system"
        git -C "$world/systems/$system" config user.name Bob
        git -C "$world/systems/$system" config user.email bob@shop.example
    done
}

# advance SYSTEM VERSION DAYS_AGO: a new upstream release, pulled into the clone.
advance() {
    local system=$1 version=$2 days=$3 seed=$world/seed/$1
    echo "$version" >"$seed/VERSION"
    # 1.6 changes the price SHOP-14 changes too: that task's branch conflicts.
    [[ $system == catalog && $version == 1.6.0 ]] && sed -i 's/"Teapot", 2400/"Teapot", 2450/' "$seed/src/main.c"
    commit "$seed" "$days" Alice "$system $version"
    # A release is a tag: what people call the version a commit belongs to.
    tag "$seed" "$days" "v$version" "$system $version"
    git -C "$seed" push -q "$world/git/$system.git" main "v$version"
    git -C "$world/systems/$system" pull -q --ff-only
}

# The tasks' branches, made in the developer's clone.
make_branches() {
    local clone
    # SHOP-12, healthy and reviewed: the storefront's wishlist.
    clone=$world/systems/storefront
    git -C "$clone" checkout -q -b feature/SHOP-12-wishlist main
    echo "wishlist: on" >"$clone/FEATURES"
    commit "$clone" 2 Bob "$(reviewed 'SHOP-12 Add a wishlist button')"
    git -C "$clone" checkout -q main

    # SHOP-14 changes the catalog's prices where upstream changed them too.
    clone=$world/systems/catalog
    git -C "$clone" checkout -q -b feature/SHOP-14-price-format main~1
    sed -i 's/"Teapot", 2400/"Teapot", 2350/' "$clone/src/main.c"
    commit "$clone" 4 Bob "$(reviewed 'SHOP-14 Round prices to 50 cents')"
    # SHOP-16, the catalog's search, nobody has reviewed yet.
    git -C "$clone" checkout -q -b feature/SHOP-16-search main
    echo "search: prefix" >"$clone/FEATURES"
    commit "$clone" 1 Erin "SHOP-16 Search products by name prefix"
    git -C "$clone" checkout -q main

    # SHOP-15 adds a queue probe to the mailer whose image never becomes ready.
    clone=$world/systems/mailer
    git -C "$clone" checkout -q -b feature/SHOP-15-queue-probe main
    cat >>"$clone/deploy/deployment.yaml" <<'YAML'
        - name: queue-probe
          image: 127.0.0.1:5000/demo/queue-probe:0.1-broken
YAML
    commit "$clone" 3 Frank "$(reviewed 'SHOP-15 Probe the mail queue')"
    git -C "$clone" checkout -q main

    # SHOP-11, done: the mailer's German confirmation, delivered to staging
    # (and so merged upstream) but not yet to production.
    clone=$world/systems/mailer
    git -C "$clone" checkout -q -b feature/SHOP-11-german-mail main
    echo "Ihre Bestellung ist unterwegs." >"$clone/CONFIRMATION.de"
    commit "$clone" 6 Frank "$(reviewed 'SHOP-11 Order confirmation in German')"
    git -C "$clone" checkout -q main

    # SHOP-17, the storefront's dark theme, waits for its showroom.
    clone=$world/systems/storefront
    git -C "$clone" checkout -q -b feature/SHOP-17-dark-theme main
    echo "theme: dark" >"$clone/THEME"
    commit "$clone" 1 Erin "$(reviewed 'SHOP-17 Dark theme')"
    git -C "$clone" checkout -q main
}

make_tasks() {
    cat >"$world/tasks.yaml" <<'YAML'
# The demo's file tracker: Shipyard moves tasks and writes comments here.
tasks:
  - key: SHOP-11
    title: Order confirmation mail in German
    status: For Delivery
    assignee: frank
  - key: SHOP-12
    title: Wishlist button on product pages
    status: For Delivery
    assignee: bob
  - key: SHOP-14
    title: Round prices to 50 cents
    status: Awaiting Delivery
    assignee: bob
  - key: SHOP-15
    title: Probe the mail queue before sending
    status: Awaiting Delivery
    assignee: frank
  - key: SHOP-16
    title: Search products by name prefix
    status: For Delivery
    assignee: erin
  - key: SHOP-17
    title: Dark theme
    status: Awaiting Showroom
    assignee: erin
  - key: SHOP-18
    title: Product photos in WebP
    status: In Progress
    assignee: alice
YAML
}

# ---------------------------------------------------------------- secrets

# The Secret each environment names (`secret:` in the ecosystem file) in its
# namespace, with the token the storefront reads as API_TOKEN. Showrooms name
# none: a task's namespace is new. Applied, so that making the world again
# just gives them a new token.
make_secrets() {
    local environment token
    for environment in local staging production; do
        token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
        kubectl --context "$environment" -n "shipyard-$environment" create secret generic \
            "demo-$environment-settings" --from-literal=api-token="$token" --dry-run=client -o yaml |
            kubectl --context "$environment" -n "shipyard-$environment" apply -f - >/dev/null
    done
    say "the environments' Secrets are in place"
}

# ---------------------------------------------------------------- releases

deliver() { # ENVIRONMENT SYSTEM[=BRANCH]...
    local environment=$1 args=() system
    shift
    for system in "$@"; do args+=(--system "$system"); done
    # --confirm: production is protected, and says so to the command line too.
    # Production is frozen over weekends and for the launch (freeze_for_launch):
    # the demo's deliveries say why they go ahead, as a person would.
    if "$ctl" deliver --ecosystem "$world/ecosystem.yaml" --environment "$environment" --kubeconfig "$kubeconfig" \
        --confirm "$environment" --skip-monitoring --override-freeze "the demo world is being made" --wait-for-lock \
        "${args[@]}" 2>"$world/last-delivery.log" >&2; then
        say "delivered $* to $environment"
    else
        say "delivery of $* to $environment did not succeed (as intended for the broken task); see $world/last-delivery.log"
    fi
}

# A dated freeze window around the day the world is made, so that the views
# show production frozen: the launch of the winter sale.
freeze_for_launch() {
    local from to
    from=$(date -u -d '-1 day' +%F)
    to=$(date -u -d '+13 days' +%F)
    python3 - "$world/ecosystem.yaml" "$from" "$to" <<'PY'
import sys
path, start, end = sys.argv[1:]
text = open(path).read()
anchor = "        reason: the weekend\n"
assert anchor in text, "the demo's production has no weekend freeze to add the launch after"
text = text.replace(anchor, anchor + f"""      - from: "{start} 18:00"
        to: "{end} 08:00"
        timeZone: Europe/Berlin
        reason: the winter sale launch
""", 1)
open(path, "w").write(text)
PY
    say "production is frozen for the winter sale launch until $to 08:00 (Europe/Berlin)"
}

make_releases() {
    # Each delivery builds the images of the clone's checkout.
    deliver production "${systems[@]}"
    deliver staging "${systems[@]}"
    local system
    for system in "${systems[@]}"; do advance "$system" 1.5.0 12; done
    deliver staging "${systems[@]}"
    for system in "${systems[@]}"; do advance "$system" 1.6.0 5; done
}

# local runs a build of 1.6 whose catalog never becomes ready.
seed_local() {
    local system tag sha
    for system in "${systems[@]}"; do
        sha=$(git -C "$world/systems/$system" rev-parse main)
        tag=$sha
        [[ $system == catalog ]] && tag=$sha-broken
        # Rendered for local as a delivery would (chart, overlay or files), with the build's image.
        "$ctl" render "$system" --ecosystem "$world/ecosystem.yaml" --environment local \
            --image "127.0.0.1:5000/demo/$system:$tag" |
            kubectl --context local -n shipyard-local apply -f - >/dev/null
        kubectl --context local -n shipyard-local annotate --overwrite deployment "$system" \
            "shipyard.dev/git-sha=$sha" "shipyard.dev/tasks=SHOP-18" >/dev/null
    done
    say "local runs a 1.6 build whose catalog never becomes ready"
}

# The release manager's canary: storefront's new build beside production's,
# half the pods each, waiting for a person (shipyardctl canary promote|abort,
# or the Pipeline view). The delivery runs on in the background, holding
# production's lock, as it would on the release manager's machine.
canary_in_production() {
    setsid nohup "$ctl" deliver --ecosystem "$world/ecosystem.yaml" --environment production \
        --kubeconfig "$kubeconfig" --confirm production --skip-monitoring --skip-tests \
        --override-freeze "the winter sale needs the new wishlist" --system storefront \
        >"$world/canary-delivery.log" 2>&1 </dev/null &
    local _
    for _ in $(seq 240); do
        if "$ctl" canary status storefront --ecosystem "$world/ecosystem.yaml" --environment production \
            --kubeconfig "$kubeconfig" --output json 2>/dev/null | grep -q '"paused": *"[^"]'; then
            say "production runs storefront's canary at 50 %, waiting for a person"
            return 0
        fi
        sleep 1
    done
    say "the canary in production did not pause; see $world/canary-delivery.log"
}

registry_up
monitoring_up
# The world is made again when this script, the ecosystem or a system changes.
stamp="$world/.made-from-$( (cat "$0" "$demo/ecosystem.yaml" &&
    find "$demo/systems" -type f ! -path '*/bin/*' -print0 | sort -z | xargs -0 cat) | sha256sum | cut -c1-12)"
if [[ ! -f $stamp ]] || ! kubectl --context staging -n shipyard-staging get configmap \
    -l shipyard.dev/release=true -o name 2>/dev/null | grep -q .; then
    say "making the demo world in $world (first time: a few minutes)"
    rm -f "$world"/.made-from-*
    # An earlier world's canary delivery still holds production's lock:
    # aborted, it takes its canary down and lets go (the deliveries below
    # wait for the lock all the same).
    if [[ -f $world/ecosystem.yaml ]]; then
        "$ctl" canary abort storefront --ecosystem "$world/ecosystem.yaml" --environment production \
            --kubeconfig "$kubeconfig" >/dev/null 2>&1 || true
    fi
    # Releases of an earlier world would mix into this one's history.
    for environment in production staging; do
        kubectl --context "$environment" -n "shipyard-$environment" delete configmap \
            -l shipyard.dev/release=true --ignore-not-found >/dev/null
    done
    cp "$demo/ecosystem.yaml" "$world/ecosystem.yaml"
    freeze_for_launch
    make_secrets
    make_repositories
    make_tasks
    make_releases
    make_branches
    # SHOP-11 goes to staging and upstream: production has yet to get it.
    git -C "$world/systems/mailer" checkout -q feature/SHOP-11-german-mail
    deliver staging mailer=feature/SHOP-11-german-mail
    sed -i '/key: SHOP-11$/,/status:/ s/status: For Delivery/status: Closed/' "$world/tasks.yaml"
    git -C "$world/systems/mailer" checkout -q main
    git -C "$world/systems/mailer" merge -q --ff-only feature/SHOP-11-german-mail
    # The broken task meets staging: rolled back, returned to its developer.
    # Images are built from the checkout, so the branch is checked out.
    git -C "$world/systems/mailer" checkout -q feature/SHOP-15-queue-probe
    deliver staging mailer=feature/SHOP-15-queue-probe
    git -C "$world/systems/mailer" checkout -q main
    # SHOP-12's showroom, its branch built for the storefront.
    git -C "$world/systems/storefront" checkout -q feature/SHOP-12-wishlist
    if "$ctl" showroom up SHOP-12 --ecosystem "$world/ecosystem.yaml" --kubeconfig "$kubeconfig" \
        >"$world/last-showroom.log" 2>&1; then
        say "SHOP-12 has its showroom"
    else
        say "SHOP-12's showroom did not come up; see $world/last-showroom.log"
    fi
    git -C "$world/systems/storefront" checkout -q main
    seed_local
    # A month of releases before these, for the History and Metrics views.
    "$build/bin/shipyard-demo-history" --ecosystem "$world/ecosystem.yaml" --kubeconfig "$kubeconfig" ||
        say "the demo's past was not written"
    canary_in_production
    touch "$stamp"
else
    say "reusing the demo world in $world"
    # The canary's delivery does not outlive the machine: start another.
    if ! "$ctl" canary status storefront --ecosystem "$world/ecosystem.yaml" --environment production \
        --kubeconfig "$kubeconfig" --output json 2>/dev/null | grep -q '"paused": *"[^"]'; then
        canary_in_production
    fi
fi
echo "$world/ecosystem.yaml"
