#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ctest fixture cleanup: stops the Redmine that redmine-setup.sh started (by
# its pid, nothing else) and removes its instance and temporary directory.
#
# usage: redmine-cleanup.sh STATE_DIR
set -uo pipefail

STATE_DIR=$1
[[ -f "$STATE_DIR/redmine.env" ]] || exit 0
# shellcheck disable=SC1091
source "$STATE_DIR/redmine.env"

stop() {
    local pid=$1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null
}

[[ -n "${WORK:-}" && -f "$WORK/server.pid" ]] && stop "$(cat "$WORK/server.pid")"
stop "${PID:-}"
[[ -n "${INSTANCE:-}" ]] && rm -f "/usr/share/redmine/instances/$INSTANCE"
[[ -n "${WORK:-}" && "$WORK" == /tmp/shipyard-redmine.* ]] && rm -rf "$WORK"
rm -f "$STATE_DIR/redmine.env"
exit 0
