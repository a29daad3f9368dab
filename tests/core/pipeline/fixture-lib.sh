# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the pipeline fixtures: free ports, waiting, stopping by pid.

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_http URL SECONDS PID: until URL answers 2xx, or the server died.
wait_http() {
    local url=$1 seconds=$2 pid=$3 i
    for ((i = 0; i < seconds * 10; i++)); do
        if curl -sf -o /dev/null "$url"; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# start_server LOG CMD...: in its own session, so cleanup can end its group.
start_server() {
    local log=$1
    shift
    setsid "$@" >"$log" 2>&1 </dev/null &
    echo $!
}

stop_pids() {
    local file pid
    for file in "$@"; do
        [[ -f $file ]] || continue
        pid=$(cat "$file")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$file"
    done
}
