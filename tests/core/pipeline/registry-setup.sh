#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fixture "registry": two real docker-registry servers on 127.0.0.1 — one
# open, one behind htpasswd basic authentication — and a buildah storage for
# the tests. Writes STATE_DIR/registry.env for the tests to read.
set -euo pipefail
state=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/fixture-lib.sh"
"$here/registry-cleanup.sh" "$state" || true
mkdir -p "$state"

user=shipyard
password="s3cret-$RANDOM$RANDOM"
# The registry only accepts bcrypt; libxcrypt's crypt() makes it.
hash=$(perl -e 'print crypt($ARGV[0], q($2b$05$) . $ARGV[1])' "$password" \
    "$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9./' | head -c 22)")
echo "$user:$hash" >"$state/htpasswd"

start_registry() { # NAME [auth]
    local name=$1 auth=${2:-} port pid attempt
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        mkdir -p "$state/$name"
        {
            echo "version: 0.1"
            echo "log: {level: warn}"
            echo "storage: {filesystem: {rootdirectory: $state/$name/data}, delete: {enabled: true}}"
            echo "http: {addr: 127.0.0.1:$port, secret: fixture}"
            if [[ -n $auth ]]; then
                echo "auth: {htpasswd: {realm: shipyard-test, path: $state/htpasswd}}"
            fi
        } >"$state/$name/config.yml"
        pid=$(start_server "$state/$name/log" docker-registry serve "$state/$name/config.yml")
        echo "$pid" >"$state/$name.pid"
        # /v2/ answers 401 behind authentication: any answer means it is up.
        for _ in $(seq 100); do
            if curl -s -o /dev/null "http://127.0.0.1:$port/v2/"; then
                echo "$port"
                return 0
            fi
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        stop_pids "$state/$name.pid"
    done
    echo "docker-registry did not start; see $state/$name/log" >&2
    return 1
}

open_port=$(start_registry open)
auth_port=$(start_registry auth yes)
cat >"$state/registry.env" <<ENV
REGISTRY_ADDRESS=127.0.0.1:$open_port
REGISTRY_AUTH_ADDRESS=127.0.0.1:$auth_port
REGISTRY_AUTH_USER=$user
REGISTRY_AUTH_PASSWORD=$password
BUILDAH_STORAGE=$state/buildah
ENV
echo "registries on 127.0.0.1:$open_port (open) and 127.0.0.1:$auth_port (basic auth)"
