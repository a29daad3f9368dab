#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fixture "prometheus": a real pushgateway and a Prometheus scraping it every
# second (honor_labels, so pushed series keep their job label). Writes
# STATE_DIR/prometheus.env for the tests to read.
set -euo pipefail
state=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/fixture-lib.sh"
"$here/prometheus-cleanup.sh" "$state" || true
mkdir -p "$state/tsdb"

for attempt in 1 2 3 4 5; do
    gateway_port=$(free_port)
    pid=$(start_server "$state/pushgateway.log" prometheus-pushgateway \
        --web.listen-address="127.0.0.1:$gateway_port")
    echo "$pid" >"$state/pushgateway.pid"
    wait_http "http://127.0.0.1:$gateway_port/-/ready" 10 "$pid" && break
    stop_pids "$state/pushgateway.pid"
    [[ $attempt == 5 ]] && { echo "pushgateway did not start" >&2; cat "$state/pushgateway.log" >&2; exit 1; }
done

cat >"$state/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: pushgateway
    honor_labels: true
    static_configs:
      - targets: ["127.0.0.1:$gateway_port"]
YAML

for attempt in 1 2 3 4 5; do
    prometheus_port=$(free_port)
    pid=$(start_server "$state/prometheus.log" prometheus --config.file="$state/prometheus.yml" \
        --storage.tsdb.path="$state/tsdb" --web.listen-address="127.0.0.1:$prometheus_port")
    echo "$pid" >"$state/prometheus.pid"
    wait_http "http://127.0.0.1:$prometheus_port/-/ready" 30 "$pid" && break
    stop_pids "$state/prometheus.pid"
    [[ $attempt == 5 ]] && { echo "prometheus did not start" >&2; cat "$state/prometheus.log" >&2; exit 1; }
done

cat >"$state/prometheus.env" <<ENV
PROMETHEUS_URL=http://127.0.0.1:$prometheus_port
PUSHGATEWAY_URL=http://127.0.0.1:$gateway_port
ENV
echo "prometheus on 127.0.0.1:$prometheus_port, pushgateway on 127.0.0.1:$gateway_port"
