#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Stops what prometheus-setup.sh started and removes its state.
set -uo pipefail
state=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/fixture-lib.sh"
stop_pids "$state/prometheus.pid" "$state/pushgateway.pid"
rm -rf "$state"
exit 0
